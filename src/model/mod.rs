//! The news-aware model of a document: sentences, direct quotations and
//! attributions, computed once from the extracted prose.
//!
//! Rules never look for quotation marks or reporting verbs themselves; they ask
//! this model whether a match is narration or quoted speech, and whether a
//! source is named in reach.

use std::ops::Range;

use crate::prose::{BlockKind, Prose};

/// One sentence of prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the prose text, trimmed, including the closing punctuation
    /// and any closing quotation mark that belongs to it.
    pub range: Range<usize>,
    /// Index of the block (paragraph, headline...) holding the sentence.
    pub block: usize,
    /// The sentence ends with a question mark that is outside any quotation.
    pub is_question: bool,
}

/// How a quotation is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuotationKind {
    /// Words between quotation marks.
    Direct,
    /// A whole block quotation (Markdown `>`, HTML `blockquote`).
    Block,
}

/// A stretch of quoted material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Byte range including the quotation marks (for a block: the block).
    pub range: Range<usize>,
    /// Byte range of the quoted words, without the marks.
    pub inner: Range<usize>,
    /// How it is marked.
    pub kind: QuotationKind,
    /// Number of words inside.
    pub words: usize,
    /// Nesting depth: 0 for an outermost quotation.
    pub depth: usize,
}

/// Whether an attribution's source can be identified by the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// A named person or organisation, a specific role or institution
    /// ("police", "the company"), or a pronoun standing for one.
    Named,
    /// A vague group: "officials", "critics", "experts", "some people".
    Vague,
    /// An anonymous source: "a person familiar with", "sources said".
    Anonymous,
}

/// What the cue reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// Speech or writing: said, told, according to, wrote, announced.
    Speech,
    /// A state of mind: believes, worried, fears, thinks, hopes.
    Belief,
}

/// A reporting cue with its source in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Index of the sentence holding the cue.
    pub sentence: usize,
    /// Byte range of the cue ("said", "according to", "told reporters").
    pub cue: Range<usize>,
    /// Byte range of the source's noun phrase, when one was found.
    pub source: Option<Range<usize>>,
    /// How identifiable the source is.
    pub source_kind: SourceKind,
    /// Speech or state of mind.
    pub cue_kind: CueKind,
}

/// The analysed document.
#[derive(Debug, Clone)]
pub struct Document<'p> {
    /// The prose this analysis is of.
    pub prose: &'p Prose,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Quotations sorted by start (nested ones after their parent).
    pub quotations: Vec<Quotation>,
    /// Attributions sorted by cue start.
    pub attributions: Vec<Attribution>,
}

impl<'p> Document<'p> {
    /// Segments the prose and finds quotations and attributions.
    pub fn analyze(prose: &'p Prose) -> Self {
        let sentences = prose
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| Sentence {
                range: b.range.clone(),
                block: i,
                is_question: prose.text[b.range.clone()].ends_with('?'),
            })
            .collect();
        Document {
            prose,
            sentences,
            quotations: Vec::new(),
            attributions: Vec::new(),
        }
    }

    /// The prose text.
    pub fn text(&self) -> &'p str {
        &self.prose.text
    }

    /// Index of the sentence holding byte `offset`, or the nearest one before it.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.start <= offset);
        i.checked_sub(1)
    }

    /// Kind of the block holding sentence `i`.
    pub fn block_kind(&self, sentence: usize) -> BlockKind {
        self.prose.blocks[self.sentences[sentence].block].kind
    }

    /// True when any byte of `range` lies inside quoted words.
    pub fn in_quotation(&self, range: &Range<usize>) -> bool {
        self.quotations
            .iter()
            .any(|q| q.inner.start < range.end && range.start < q.inner.end)
    }

    /// Attributions whose sentence index lies in `sentences`.
    pub fn attributions_in(&self, sentences: Range<usize>) -> impl Iterator<Item = &Attribution> {
        let lo = self.attributions.partition_point(|a| a.sentence < sentences.start);
        self.attributions[lo..]
            .iter()
            .take_while(move |a| a.sentence < sentences.end)
    }
}
