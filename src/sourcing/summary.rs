//! The picture across articles: totals, and the articles most needing an
//! editor's eye first.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ArticleSourcing, SourceCounts, per_1000};

/// Totals over every article of a report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Articles read.
    pub articles: usize,
    /// Words in all of them.
    pub words: usize,
    /// Direct quotations.
    pub quotations: usize,
    /// Direct quotations with a speaker in reach.
    pub quotations_with_speaker: usize,
    /// Attributions.
    pub attributions: usize,
    /// Distinct sources by kind (summed per article).
    pub sources: SourceCounts,
    /// Claims with no attribution in reach.
    pub unattributed_claims: usize,
    /// Hedging findings.
    pub hedges: usize,
    /// Hedges per 1,000 words.
    pub hedges_per_1000: f64,
    /// Findings by category.
    pub findings_by_category: BTreeMap<String, usize>,
    /// All findings.
    pub findings: usize,
    /// Indices into the articles, the one most needing attention first
    /// (ties in path order).
    pub order: Vec<usize>,
}

impl Summary {
    /// Adds up `articles`, which are in path order.
    pub fn of(articles: &[ArticleSourcing]) -> Self {
        let mut s = Summary {
            articles: articles.len(),
            ..Summary::default()
        };
        for a in articles {
            s.words += a.words;
            s.quotations += a.quotations;
            s.quotations_with_speaker += a.quotations_with_speaker;
            s.attributions += a.attributions.len();
            s.sources.add(&a.source_counts());
            s.unattributed_claims += a.unattributed.len();
            s.hedges += a.hedges;
            s.findings += a.findings;
            for (c, n) in &a.findings_by_category {
                *s.findings_by_category.entry(c.clone()).or_insert(0) += n;
            }
        }
        s.hedges_per_1000 = per_1000(s.hedges, s.words);
        s.order = attention_order(articles);
        s
    }
}

/// Indices of `articles` by [`ArticleSourcing::attention`], highest first;
/// equal scores keep path order.
pub fn attention_order(articles: &[ArticleSourcing]) -> Vec<usize> {
    let scores: Vec<f64> = articles.iter().map(ArticleSourcing::attention).collect();
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}
