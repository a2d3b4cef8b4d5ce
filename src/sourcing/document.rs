//! Document-level facts the rule pack's document elements match
//! (`single-source`, `all-anonymous`, `unattributed-stretch`): each is one
//! place in the document, or none, read off the same model as the report.

use std::ops::Range;

use super::{distinct_sources, unattributed_claims};
use crate::model::{CueKind, Document, SourceKind};

/// Body paragraphs a story needs before its sourcing as a whole is judged:
/// a three-paragraph brief from one statement is routine.
pub const MIN_STORY_PARAGRAPHS: usize = 5;

/// Consecutive paragraphs of unattributed claims that make a stretch.
pub const MIN_STRETCH: usize = 4;

/// Body paragraphs of `doc`.
fn paragraphs(doc: &Document<'_>) -> usize {
    let mut blocks: Vec<usize> = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|(i, _)| doc.block_kind(*i) == crate::prose::BlockKind::Paragraph)
        .map(|(_, s)| s.block)
        .collect();
    blocks.dedup();
    blocks.len()
}

/// Where a source is first cited: its phrase through its cue.
fn citation(a: &crate::model::Attribution) -> Option<Range<usize>> {
    let s = a.source.as_ref()?;
    Some(s.start.min(a.cue.start)..s.end.max(a.cue.end))
}

/// A story of several paragraphs whose every sourced statement comes from
/// one source: the first citation of that source.
pub fn single_source(doc: &Document<'_>) -> Option<Range<usize>> {
    if paragraphs(doc) < MIN_STORY_PARAGRAPHS {
        return None;
    }
    let sources = distinct_sources(doc);
    let [only] = sources.as_slice() else {
        return None;
    };
    // Cited more than once: a story that names its one source twice leans
    // on it; one citation in a long story is a different problem (the
    // stretch below).
    if only.mentions < 2 {
        return None;
    }
    doc.attributions
        .iter()
        .find(|a| a.cue_kind != CueKind::Stance && a.source.is_some())
        .and_then(citation)
}

/// A story whose sources, two citations or more, are all anonymous: the
/// first anonymous citation.
pub fn all_anonymous(doc: &Document<'_>) -> Option<Range<usize>> {
    let cited: Vec<_> = doc
        .attributions
        .iter()
        .filter(|a| a.cue_kind == CueKind::Speech && a.source.is_some())
        .collect();
    if cited.len() < 2 || cited.iter().any(|a| a.source_kind != SourceKind::Anonymous) {
        return None;
    }
    citation(cited[0])
}

/// The first claim of the longest run of [`MIN_STRETCH`] or more
/// consecutive paragraphs whose claims have no attribution in reach.
pub fn unattributed_stretch(doc: &Document<'_>) -> Option<Range<usize>> {
    let claims = unattributed_claims(doc);
    (claims.longest_run >= MIN_STRETCH).then_some(claims.longest_run_start)
}
