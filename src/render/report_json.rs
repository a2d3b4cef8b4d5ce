//! `newslint report --format json`: every article's sourcing with file byte
//! offsets, and the summary, as one JSON document others can build on.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::sourcing::{ArticleSourcing, AttributionSpan, DistinctSource, Span, Summary};

#[derive(Serialize)]
struct Quotations {
    total: usize,
    with_speaker: usize,
    without_speaker: usize,
}

#[derive(Serialize)]
struct Sources<'a> {
    named: usize,
    people: usize,
    organizations: usize,
    vague: usize,
    anonymous: usize,
    anonymous_with_reason: usize,
    anonymous_without_reason: usize,
    list: &'a [DistinctSource],
}

#[derive(Serialize)]
struct Findings<'a> {
    total: usize,
    by_category: &'a BTreeMap<String, usize>,
}

#[derive(Serialize)]
struct Article<'a> {
    path: &'a str,
    words: usize,
    quotations: Quotations,
    attributions: &'a [AttributionSpan],
    sources: Sources<'a>,
    unattributed_claims: &'a [Span],
    longest_unattributed_run: usize,
    hedges: usize,
    hedges_per_1000: f64,
    findings: Findings<'a>,
    attention: f64,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    articles: Vec<Article<'a>>,
    summary: &'a Summary,
    /// Paths, the article most needing an editor's eye first.
    attention_order: Vec<&'a str>,
}

/// Writes the report of `articles` (in path order) as JSON.
pub fn render_report_json(
    out: &mut dyn Write,
    articles: &[ArticleSourcing],
    summary: &Summary,
) -> io::Result<()> {
    let doc = Document {
        version: 1,
        articles: articles
            .iter()
            .map(|a| {
                let c = a.source_counts();
                Article {
                    path: &a.path,
                    words: a.words,
                    quotations: Quotations {
                        total: a.quotations,
                        with_speaker: a.quotations_with_speaker,
                        without_speaker: a.quotations - a.quotations_with_speaker,
                    },
                    attributions: &a.attributions,
                    sources: Sources {
                        named: c.named,
                        people: c.people,
                        organizations: c.organizations,
                        vague: c.vague,
                        anonymous: c.anonymous(),
                        anonymous_with_reason: c.anonymous_with_reason,
                        anonymous_without_reason: c.anonymous_without_reason,
                        list: &a.sources,
                    },
                    unattributed_claims: &a.unattributed,
                    longest_unattributed_run: a.longest_unattributed_run,
                    hedges: a.hedges,
                    hedges_per_1000: round2(a.hedges_per_1000()),
                    findings: Findings {
                        total: a.findings,
                        by_category: &a.findings_by_category,
                    },
                    attention: round2(a.attention()),
                }
            })
            .collect(),
        summary,
        attention_order: summary
            .order
            .iter()
            .map(|&i| articles[i].path.as_str())
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// Two decimals: enough for a rate, and stable in snapshots.
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
