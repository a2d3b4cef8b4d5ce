//! Claims with no attribution in reach.
//!
//! A claim is a declarative body sentence of some length outside quoted
//! speech; it is attributed when an attribution stands in its sentence, the
//! next one, or the two before it in the same paragraph (news copy states a
//! source once and runs on for a sentence or two). What is left is the
//! writer's own assertion: fine for plain facts, but a long stretch of it is
//! what an editor asks "says who?" about.

use std::ops::Range;

use crate::model::Document;
use crate::prose::BlockKind;

/// Fewer words than this (outside quotations) is no claim: captions,
/// datelines, "Read more here."
pub const MIN_CLAIM_WORDS: usize = 8;

/// The unattributed claims of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Claims {
    /// Prose ranges of the sentences.
    pub sentences: Vec<Range<usize>>,
    /// The longest run of consecutive claim-bearing paragraphs whose claims
    /// are all unattributed.
    pub longest_run: usize,
    /// Prose range of the first claim of that run (empty with no run).
    pub longest_run_start: Range<usize>,
}

/// Finds the claims of `doc` with no attribution in reach.
pub fn unattributed_claims(doc: &Document<'_>) -> Claims {
    let mut out = Claims::default();
    let mut run = Run::default();
    let mut para = Para::default();
    let mut block = usize::MAX;
    for (i, s) in doc.sentences.iter().enumerate() {
        if s.block != block {
            run.close(&para, &mut out);
            para = Para::default();
            block = s.block;
        }
        if !is_claim(doc, i) {
            continue;
        }
        para.claims = true;
        if attributed(doc, i) {
            para.attributed = true;
        } else {
            para.first.get_or_insert(s.range.clone());
            out.sentences.push(s.range.clone());
        }
    }
    run.close(&para, &mut out);
    out
}

/// One paragraph's claims so far.
#[derive(Default)]
struct Para {
    claims: bool,
    attributed: bool,
    /// Its first unattributed claim.
    first: Option<Range<usize>>,
}

/// The current run of unattributed paragraphs.
#[derive(Default)]
struct Run {
    len: usize,
    start: Range<usize>,
}

impl Run {
    /// Counts a finished paragraph: a paragraph with no claims neither
    /// breaks the run nor extends it.
    fn close(&mut self, para: &Para, out: &mut Claims) {
        if !para.claims {
            return;
        }
        match (&para.first, para.attributed) {
            (Some(first), false) => {
                if self.len == 0 {
                    self.start = first.clone();
                }
                self.len += 1;
                if self.len > out.longest_run {
                    out.longest_run = self.len;
                    out.longest_run_start = self.start.clone();
                }
            }
            _ => self.len = 0,
        }
    }
}

/// A body sentence asserting something in the writer's voice.
fn is_claim(doc: &Document<'_>, i: usize) -> bool {
    let s = &doc.sentences[i];
    if s.is_question
        || doc.is_repeat(i)
        || !matches!(
            doc.block_kind(i),
            BlockKind::Paragraph | BlockKind::ListItem
        )
    {
        return false;
    }
    let text = doc.text();
    // Words outside quotations.
    let mut words = 0;
    let mut at = s.range.start;
    for w in text[s.range.clone()].split_whitespace() {
        let off = text[at..s.range.end].find(w).map_or(at, |o| at + o);
        at = off + w.len();
        if w.chars().any(char::is_alphanumeric) && !doc.in_quotation(&(off..off + w.len())) {
            words += 1;
        }
    }
    words >= MIN_CLAIM_WORDS
}

/// An attribution in the sentence, the next, or the two before, all in the
/// same block.
fn attributed(doc: &Document<'_>, i: usize) -> bool {
    let block = doc.sentences[i].block;
    let mut lo = i;
    while lo > 0 && i - lo < 2 && doc.sentences[lo - 1].block == block {
        lo -= 1;
    }
    let mut hi = i + 1;
    if doc.sentences.get(hi).is_some_and(|s| s.block == block) {
        hi += 1;
    }
    doc.attributions_in(lo..hi).next().is_some()
}
