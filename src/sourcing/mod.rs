//! The sourcing picture of one article: who is quoted, named or not, which
//! claims stand with no attribution in reach, and what the rules found.
//!
//! Everything here is read off the same [`Document`] the rules see, so the
//! report and the findings never disagree about a sentence. Ranges are
//! turned into file byte offsets once, here, so every renderer shares them.

mod claims;
mod collect;
mod document;
mod sources;
mod summary;

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::finding::Finding;
use crate::model::{CueKind, Document, QuotationKind, SourceKind};
use crate::rules::Pack;

pub use claims::{Claims, MIN_CLAIM_WORDS, unattributed_claims};
pub use collect::{article, articles};
pub use document::{
    MIN_STORY_PARAGRAPHS, MIN_STRETCH, all_anonymous, single_source, unattributed_stretch,
};
pub use sources::{DistinctSource, distinct_sources, is_organization};
pub use summary::{Summary, attention_order};

/// A stretch of the file: byte offsets and the text there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Byte offset of the start in the file.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// The text of the file there.
    pub text: String,
}

/// One attribution as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttributionSpan {
    /// The reporting cue ("said", "according to").
    pub cue: Span,
    /// The source's noun phrase, when the model found one.
    pub source: Option<Span>,
    /// The source is named (a person, organisation or specific role).
    pub named: bool,
    /// How identifiable the source is.
    #[serde(serialize_with = "kind_name")]
    pub kind: SourceKind,
    /// Speech (said) rather than a state of mind (believes).
    pub speech: bool,
}

/// The sourcing of one article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSourcing {
    /// Path shown in output.
    pub path: String,
    /// Words of prose (headline included).
    pub words: usize,
    /// Direct quotations (outermost, quotation marks or block quotes).
    pub quotations: usize,
    /// Of those, how many have a speaker in reach.
    pub quotations_with_speaker: usize,
    /// Every attribution, in order.
    pub attributions: Vec<AttributionSpan>,
    /// Distinct sources, in order of first mention.
    pub sources: Vec<DistinctSource>,
    /// Sentences making claims with no attribution in reach.
    pub unattributed: Vec<Span>,
    /// The longest run of consecutive paragraphs whose claims are all
    /// unattributed (paragraphs without claims neither break nor extend it).
    pub longest_unattributed_run: usize,
    /// Findings of the hedging category.
    pub hedges: usize,
    /// Findings by category.
    pub findings_by_category: BTreeMap<String, usize>,
    /// All findings.
    pub findings: usize,
}

/// Counts of sources by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SourceCounts {
    /// Named people, organisations and specific roles.
    pub named: usize,
    /// Of the named: people.
    pub people: usize,
    /// Of the named: organisations.
    pub organizations: usize,
    /// Vague groups ("critics", "officials").
    pub vague: usize,
    /// Anonymous sources with a stated reason for anonymity.
    pub anonymous_with_reason: usize,
    /// Anonymous sources with no stated reason.
    pub anonymous_without_reason: usize,
}

impl SourceCounts {
    /// All anonymous sources.
    pub fn anonymous(&self) -> usize {
        self.anonymous_with_reason + self.anonymous_without_reason
    }

    /// All distinct sources.
    pub fn total(&self) -> usize {
        self.named + self.vague + self.anonymous()
    }

    /// Adds another article's counts.
    pub fn add(&mut self, o: &SourceCounts) {
        self.named += o.named;
        self.people += o.people;
        self.organizations += o.organizations;
        self.vague += o.vague;
        self.anonymous_with_reason += o.anonymous_with_reason;
        self.anonymous_without_reason += o.anonymous_without_reason;
    }
}

impl ArticleSourcing {
    /// Reads the sourcing of `doc`; `findings` are its findings (file
    /// offsets), `file_text` the text those offsets point into.
    pub fn new(
        path: &str,
        doc: &Document<'_>,
        file_text: &str,
        pack: &Pack,
        findings: &[Finding],
    ) -> Self {
        let span = |r: Range<usize>| {
            let r = doc.prose.source_range(r);
            Span {
                text: file_text.get(r.clone()).unwrap_or("").to_string(),
                start: r.start,
                end: r.end,
            }
        };
        // A speaker label attributes every sentence of its block with the
        // same colon: one attribution to the reader.
        let mut seen_cues = std::collections::HashSet::new();
        let attributions = doc
            .attributions
            .iter()
            .filter(|a| seen_cues.insert(a.cue.clone()))
            .map(|a| AttributionSpan {
                cue: span(a.cue.clone()),
                source: a.source.clone().map(span),
                named: a.source.is_some() && a.source_kind == SourceKind::Named,
                kind: a.source_kind,
                speech: a.cue_kind == CueKind::Speech,
            })
            .collect();
        let top = doc.quotations.iter().filter(|q| q.depth == 0);
        let (mut quotations, mut with_speaker) = (0, 0);
        for q in top {
            quotations += 1;
            let spoken = match q.kind {
                QuotationKind::Direct => doc.speaker_of(q).is_some(),
                QuotationKind::Block => doc
                    .sentence_at(q.range.start)
                    .is_some_and(|s| doc.attributions_in(s.saturating_sub(1)..s + 1).count() > 0),
            };
            with_speaker += usize::from(spoken);
        }
        let claims = unattributed_claims(doc);
        let mut findings_by_category = BTreeMap::new();
        let mut hedges = 0;
        for f in findings {
            let category = pack.rules[f.rule].category.as_str();
            hedges += usize::from(category == "hedging");
            *findings_by_category
                .entry(category.to_string())
                .or_insert(0) += 1;
        }
        ArticleSourcing {
            path: path.to_string(),
            words: count_words(doc.text()),
            quotations,
            quotations_with_speaker: with_speaker,
            attributions,
            sources: distinct_sources(doc),
            unattributed: claims.sentences.into_iter().map(span).collect(),
            longest_unattributed_run: claims.longest_run,
            hedges,
            findings_by_category,
            findings: findings.len(),
        }
    }

    /// Distinct sources counted by kind.
    pub fn source_counts(&self) -> SourceCounts {
        let mut c = SourceCounts::default();
        for s in &self.sources {
            match (s.kind, s.reason) {
                (SourceKind::Named, _) => {
                    c.named += 1;
                    c.people += usize::from(s.entity == "person");
                    c.organizations += usize::from(s.entity == "organization");
                }
                (SourceKind::Vague, _) => c.vague += 1,
                (SourceKind::Anonymous, true) => c.anonymous_with_reason += 1,
                (SourceKind::Anonymous, false) => c.anonymous_without_reason += 1,
            }
        }
        c
    }

    /// Hedges per 1,000 words.
    pub fn hedges_per_1000(&self) -> f64 {
        per_1000(self.hedges, self.words)
    }

    /// How much the article needs an editor's eye: higher first. See
    /// `docs/report.md` ("Ordering") for why each term weighs what it does.
    pub fn attention(&self) -> f64 {
        let c = self.source_counts();
        let mut score = self
            .findings_by_category
            .get("sourcing")
            .copied()
            .unwrap_or(0) as f64
            * 2.0
            + self.findings as f64
            + self.unattributed.len() as f64 * 1.5
            + c.anonymous_without_reason as f64 * 2.0
            + c.vague as f64
            + (self.quotations - self.quotations_with_speaker) as f64 * 2.0
            + self.hedges_per_1000();
        // A story with claims and no named source at all is the editor's
        // first call, whatever its length.
        if c.named == 0 && !self.unattributed.is_empty() {
            score += 10.0;
        }
        score
    }
}

/// `n` per 1,000 of `words` (0 for no words).
pub fn per_1000(n: usize, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        n as f64 * 1000.0 / words as f64
    }
}

/// Words: runs of non-space holding a letter or digit.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn kind_name<S: serde::Serializer>(k: &SourceKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(source_kind_name(*k))
}

/// The name of a source kind in output.
pub fn source_kind_name(k: SourceKind) -> &'static str {
    match k {
        SourceKind::Named => "named",
        SourceKind::Vague => "vague",
        SourceKind::Anonymous => "anonymous",
    }
}

#[cfg(test)]
mod tests;
