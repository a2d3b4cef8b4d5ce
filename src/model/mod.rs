//! The news-aware model of a document: sentences, direct quotations and
//! attributions, computed once from the extracted prose.
//!
//! Rules never look for quotation marks or reporting verbs themselves; they ask
//! this model whether a match is narration or quoted speech, and whether a
//! source is named in reach.

mod attribution;
mod letters;
mod lexicon;
mod questions;
mod quotes;
mod scan;
mod sentences;
mod speakers;
pub use speakers::{is_indefinite_pronoun, surname};
mod speech_blocks;

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
    /// A position taken or an act of stance, with its holder: called for,
    /// endorsed, refused, defended, declined to comment. Shown in the
    /// sourcing report; rules do not count it as attribution, since it
    /// reports what someone did rather than sourcing what the story says.
    Stance,
}

/// A reporting cue with its source in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Index of the sentence the attribution covers: the one holding the
    /// cue, or a later sentence of a block opened by a speaker label.
    pub sentence: usize,
    /// Byte range of the cue ("said", "according to", "told reporters").
    pub cue: Range<usize>,
    /// Byte range of the source's noun phrase, when one was found. `None`
    /// for a strong cue ("said", "according to") whose source could not be
    /// parsed; rules should not blame a source they cannot show.
    pub source: Option<Range<usize>>,
    /// How identifiable the source is (`Vague` when `source` is `None`).
    pub source_kind: SourceKind,
    /// Speech or state of mind.
    pub cue_kind: CueKind,
    /// The cue is negated ("has not said", "didn't say", "would not
    /// immediately say"): the source withheld the words, so the cue vouches
    /// for nothing in its sentence. ("Declined to say" is a stance cue,
    /// which rules do not count as attribution anyway.)
    pub negated: bool,
}

/// Whether the words just before byte `at` negate a cue there: "not",
/// "never" or a contraction in "n't", perhaps with an adverb between ("would
/// not immediately say").
pub(crate) fn negated_before(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut before = &text[from..at];
    // A window that starts inside a word drops that partial word.
    if from > 0 && !text[..from].ends_with(char::is_whitespace) {
        before = before
            .split_once(char::is_whitespace)
            .map_or("", |(_, rest)| rest);
    }
    let mut words = before.split_whitespace().rev().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
            .to_lowercase()
    });
    let mut word = words.next();
    if word.as_deref().is_some_and(|w| {
        matches!(
            w,
            "immediately"
                | "yet"
                | "publicly"
                | "directly"
                | "specifically"
                | "explicitly"
                | "exactly"
        )
    }) {
        word = words.next();
    }
    word.is_some_and(|w| {
        w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n\u{2019}t")
    })
}

impl Attribution {
    /// Whether words at `range` in this attribution's sentence can be the
    /// source's reported words rather than the writer's. The description of
    /// the source is the writer's ("said Ames, a notorious crank"), as is a
    /// main clause that comes before the speaker without a break ("The
    /// shameless mayor ... as Ames said"); the words after the cue, between
    /// source and cue, or before an attribution set off by a comma,
    /// quotation mark or dash are the speaker's. A capitalised word in the
    /// source is part of a name ("Brilliant said").
    pub fn covers(&self, text: &str, range: &Range<usize>) -> bool {
        let overlaps = |r: &Range<usize>| range.start < r.end && r.start < range.end;
        if overlaps(&self.cue) {
            return false;
        }
        let Some(source) = &self.source else {
            return true;
        };
        if overlaps(source) {
            return text[range.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        }
        // An apposition to the source is the writer's description: "said
        // Ames, a notorious crank" or "Ames, a notorious crank, said".
        if range.start >= source.end {
            let gap = text[source.end..range.start].trim_start();
            if self.cue.end <= source.start || (range.end <= self.cue.start && gap.starts_with(','))
            {
                return false;
            }
        }
        let first = source.start.min(self.cue.start);
        if range.end > first {
            return true;
        }
        // Before the attribution: reported words only when a break comes
        // a few words before it ("..., senior officials and economists said").
        let before = &text[range.start..first];
        match before.rfind([',', '"', '\u{201d}', '\u{2014}', '\u{2013}', ':', '(', ';']) {
            Some(i) => before[i..].split_whitespace().count() <= 5,
            None => false,
        }
    }
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
    /// Attributions sorted by sentence, then by cue start. A speaker label
    /// opening a block ("Q:", "Sara Carter:") attributes every sentence of
    /// the block, so its cue (the colon) may lie in an earlier sentence.
    pub attributions: Vec<Attribution>,
    /// Indices of the outermost quotations: disjoint and sorted, so a binary
    /// search answers "is this quoted?" (nested ones lie inside them).
    top: Vec<usize>,
    /// Parent index of each quotation (`usize::MAX` for an outermost one).
    parents: Vec<usize>,
    /// Blocks whose text repeats an earlier block word for word: boilerplate
    /// such as advertising teasers and share prompts, reported once.
    repeats: Vec<bool>,
}

/// A block checked to lie inside the text on char boundaries.
#[derive(Debug, Clone)]
struct BlockRef {
    /// Byte range in the prose text.
    range: Range<usize>,
    /// The block's role.
    kind: BlockKind,
}

const NO_PARENT: usize = usize::MAX;

impl<'p> Document<'p> {
    /// Segments the prose and finds quotations and attributions.
    pub fn analyze(prose: &'p Prose) -> Self {
        let text = prose.text.as_str();
        // Extractors promise ordered blocks on char boundaries; a block that
        // breaks the promise is skipped rather than risking a panic.
        let mut refs = Vec::with_capacity(prose.blocks.len());
        let mut kept = Vec::with_capacity(prose.blocks.len());
        let mut prev_end = 0;
        for (i, b) in prose.blocks.iter().enumerate() {
            let r = &b.range;
            if r.start < prev_end || r.start > r.end || text.get(r.clone()).is_none() {
                continue;
            }
            prev_end = r.end;
            refs.push(BlockRef {
                range: r.clone(),
                kind: b.kind,
            });
            kept.push(i);
        }
        let labels = attribution::block_labels(text, &prose.blocks);
        let mut marked: Vec<(Range<usize>, QuotationKind)> = prose
            .quote_ranges
            .iter()
            .map(|r| (r.clone(), QuotationKind::Direct))
            .collect();
        marked.extend(
            speech_blocks::find(text, &prose.blocks, &labels)
                .into_iter()
                .map(|r| (r, QuotationKind::Block)),
        );
        let letters: Vec<Range<usize>> = letters::find(text, &prose.blocks)
            .into_iter()
            .chain(speech_blocks::inline_transcript(text, &prose.blocks))
            .filter(|r| {
                !marked
                    .iter()
                    .any(|(m, k)| *k == QuotationKind::Block && m.start < r.end && r.start < m.end)
            })
            .collect();
        marked.extend(letters.into_iter().map(|r| (r, QuotationKind::Block)));
        let quotations = quotes::find(text, &refs, &marked);
        let (top, parents) = nesting(&quotations);
        let mut doc = Document {
            prose,
            sentences: Vec::new(),
            quotations,
            attributions: Vec::new(),
            top,
            parents,
            repeats: repeats(text, &prose.blocks),
        };
        // News sentences run 100-200 bytes: one allocation holds most
        // documents' sentences instead of six or seven doublings.
        let mut sentences = Vec::with_capacity(text.len() / 128 + 4);
        for (r, &block) in refs.iter().zip(&kept) {
            let headline = matches!(r.kind, BlockKind::Headline | BlockKind::Heading);
            sentences::split(text, r.range.clone(), headline, |range| {
                let is_question = doc
                    .question_mark(&range)
                    .is_some_and(|q| !doc.in_quotation(&(q..q + 1)));
                sentences.push(Sentence {
                    range,
                    block,
                    is_question,
                });
            });
        }
        doc.attributions = attribution::find(
            text,
            &prose.blocks,
            &sentences,
            &doc.quotations,
            &doc.top,
            &labels,
        );
        doc.sentences = sentences;
        doc
    }

    /// Builds a document from parts computed elsewhere (tests of rules that
    /// want a hand-made model); quotations must be sorted by start and nest.
    pub fn from_parts(
        prose: &'p Prose,
        sentences: Vec<Sentence>,
        quotations: Vec<Quotation>,
        attributions: Vec<Attribution>,
    ) -> Self {
        let (top, parents) = nesting(&quotations);
        Document {
            prose,
            sentences,
            quotations,
            attributions,
            top,
            parents,
            repeats: Vec::new(),
        }
    }

    /// Offset of the `?` that ends the sentence at `range`, if it ends with one
    /// (closing quotes, brackets and trailing `!` aside).
    fn question_mark(&self, range: &Range<usize>) -> Option<usize> {
        question_mark(&self.prose.text, range)
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

    /// Text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &'p str {
        let text: &'p str = &self.prose.text;
        self.sentences
            .get(i)
            .and_then(|s| text.get(s.range.clone()))
            .unwrap_or("")
    }

    /// Indices of the sentences that byte `range` touches (an empty range
    /// touches the sentence holding its offset); empty when none does.
    pub fn sentence_range_for(&self, range: &Range<usize>) -> Range<usize> {
        let end = range.end.max(range.start + 1);
        let lo = self
            .sentences
            .partition_point(|s| s.range.end <= range.start);
        let hi = self.sentences.partition_point(|s| s.range.start < end);
        lo..hi.max(lo)
    }

    /// Kind of the block holding sentence `i`.
    pub fn block_kind(&self, sentence: usize) -> BlockKind {
        self.prose.blocks[self.sentences[sentence].block].kind
    }

    /// True when the sentence's block repeats an earlier block word for word.
    pub fn is_repeat(&self, sentence: usize) -> bool {
        self.repeats
            .get(self.sentences[sentence].block)
            .copied()
            .unwrap_or(false)
    }

    /// True when any byte of `range` lies inside quoted words.
    pub fn in_quotation(&self, range: &Range<usize>) -> bool {
        let end = range.end.max(range.start + 1);
        let i = self
            .top
            .partition_point(|&q| self.quotations[q].inner.start < end);
        i.checked_sub(1)
            .is_some_and(|i| self.quotations[self.top[i]].inner.end > range.start)
    }

    /// True when the whole of `range` lies inside quoted words.
    pub fn within_quotation(&self, range: &Range<usize>) -> bool {
        self.outer_quotation_at(range.start)
            .is_some_and(|q| q.inner.start <= range.start && range.end <= q.inner.end)
    }

    /// The innermost quotation whose range (marks included) holds byte `offset`.
    pub fn quotation_at(&self, offset: usize) -> Option<&Quotation> {
        self.quotation_index_at(offset).map(|i| &self.quotations[i])
    }

    /// Index in `quotations` of the innermost quotation holding byte `offset`.
    pub fn quotation_index_at(&self, offset: usize) -> Option<usize> {
        // The innermost holder is the quotation starting last at or before
        // `offset`, or one of its ancestors: nesting is proper.
        let mut i = self
            .quotations
            .partition_point(|q| q.range.start <= offset)
            .checked_sub(1)?;
        loop {
            if self.quotations[i].range.end > offset {
                return Some(i);
            }
            i = *self.parents.get(i)?;
            if i == NO_PARENT {
                return None;
            }
        }
    }

    /// The outermost quotation holding byte `offset`.
    pub fn outer_quotation_at(&self, offset: usize) -> Option<&Quotation> {
        let i = self
            .top
            .partition_point(|&q| self.quotations[q].range.start <= offset);
        let q = &self.quotations[self.top[i.checked_sub(1)?]];
        (q.range.end > offset).then_some(q)
    }

    /// Whether sentence `i` holds a direct quotation of at least `words`
    /// words (quotations nested in others count with their parent).
    pub fn quotes_directly(&self, i: usize, words: usize) -> bool {
        let Some(s) = self.sentences.get(i) else {
            return false;
        };
        let (lo, hi) = (s.range.start, s.range.end);
        let from = self
            .top
            .partition_point(|&q| self.quotations[q].range.end <= lo);
        self.top[from..]
            .iter()
            .map(|&q| &self.quotations[q])
            .take_while(|q| q.range.start < hi)
            .any(|q| q.words >= words)
    }

    /// Attributions whose sentence index lies in `sentences`.
    pub fn attributions_in(&self, sentences: Range<usize>) -> impl Iterator<Item = &Attribution> {
        let lo = self
            .attributions
            .partition_point(|a| a.sentence < sentences.start);
        self.attributions[lo..]
            .iter()
            .take_while(move |a| a.sentence < sentences.end)
    }

    /// Attributions of the sentences `sentences` whose cue starts within
    /// `reach` bytes of `around`, plus each sentence's speaker label. A rule's
    /// condition on the attributions of the match's own sentence looks only
    /// this far: over every attribution, a 3 MB text with no full stop made
    /// checking each match scan them all (quadratic).
    pub fn attributions_near<'s>(
        &'s self,
        sentences: Range<usize>,
        around: &Range<usize>,
        reach: usize,
    ) -> impl Iterator<Item = &'s Attribution> {
        let (from, to) = (
            around.start.saturating_sub(reach),
            around.end.saturating_add(reach),
        );
        sentences.flat_map(move |si| {
            // Sorted by cue start within a sentence; a speaker label's cue
            // comes before the sentence.
            let lo = self.attributions.partition_point(|a| a.sentence < si);
            let hi = self.attributions.partition_point(|a| a.sentence <= si);
            let own = &self.attributions[lo..hi];
            let start = self.sentences.get(si).map_or(0, |s| s.range.start);
            let labels = own.partition_point(|a| a.cue.start < start);
            let near = own.partition_point(|a| a.cue.start < from.max(start));
            own[..labels]
                .iter()
                .chain(own[near..].iter().take_while(move |a| a.cue.start <= to))
        })
    }

    /// True when a sentence in `sentences` attributes to a source of `kind`.
    pub fn has_source(&self, sentences: Range<usize>, kind: SourceKind) -> bool {
        self.attributions_in(sentences)
            .any(|a| a.source.is_some() && a.source_kind == kind)
    }

    /// The speech attribution that most likely introduces quotation `q`: one
    /// in a sentence the quotation touches, else in the sentence just before
    /// or just after it (news copy often attributes a quote next door).
    pub fn speaker_of(&self, q: &Quotation) -> Option<&Attribution> {
        let touched = self.sentence_range_for(&q.range);
        let speech = |r: Range<usize>| {
            self.attributions_in(r)
                .filter(|a| a.cue_kind == CueKind::Speech && a.source.is_some())
                .min_by_key(|a| distance(&a.cue, &q.range))
        };
        if let Some(a) = speech(touched.clone()) {
            return Some(a);
        }
        let before = touched.start.saturating_sub(1)..touched.start;
        let after = touched.end..(touched.end + 1).min(self.sentences.len());
        // The next sentence only when it stays in the quotation's block:
        // a new paragraph usually brings a new speaker.
        let same_block = |s: usize| {
            let qb = self
                .sentence_at(q.range.start)
                .map(|i| self.sentences[i].block);
            self.sentences.get(s).map(|x| x.block) == qb
        };
        speech(before.clone())
            .filter(|a| same_block(a.sentence))
            .or_else(|| speech(after).filter(|a| same_block(a.sentence)))
    }
}

/// Offset of the `?` that ends `text[range]`, if it ends with one: closing
/// quotes, brackets, emphasis marks and a trailing `!` may follow it.
pub(super) fn question_mark(text: &str, range: &Range<usize>) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = range.end;
    while i > range.start {
        match b[i - 1] {
            b'"' | b'\'' | b')' | b']' | b'!' | b'*' | b'_' => i -= 1,
            0x9D | 0x99 if i >= range.start + 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 => i -= 3,
            0xBB if i >= range.start + 2 && b[i - 2] == 0xC2 => i -= 2,
            b'?' => return Some(i - 1),
            _ => return None,
        }
    }
    None
}

/// Marks each short paragraph or heading (3 to 20 words, the length of a
/// teaser or a prompt) whose text an earlier one already had; table cells
/// and list items repeat by design. A long paragraph that repeats is the
/// writer's own copy pasted twice, and stays checked.
fn repeats(text: &str, blocks: &[crate::prose::Block]) -> Vec<bool> {
    // Keys are short and few, and come from the file itself: SipHash's
    // defence against chosen collisions costs more than the lookups.
    let mut seen = crate::fxhash::FxHashSet::default();
    blocks
        .iter()
        .map(|b| {
            // Twenty words fit in 300 bytes; longer blocks are not counted.
            matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading)
                && b.range.len() <= 300
                && text
                    .get(b.range.clone())
                    .filter(|t| (3..=20).contains(&ascii_words(t.as_bytes(), 21)))
                    .is_some_and(|t| !seen.insert(t))
        })
        .collect()
}

/// `split_ascii_whitespace().count()` of `b`, counting no further than
/// `limit` (at least 1), eight bytes at a time.
fn ascii_words(b: &[u8], limit: usize) -> usize {
    use crate::ascii::{HI, blank_bytes, word_starts};
    let mut words = 0;
    let mut in_word = false;
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // A byte with its top bit set is never ASCII white space.
        let solid = !(blank_bytes(x & !HI, false) & !x) & HI;
        let (starts, ends_in_word) = word_starts(solid, in_word);
        words += starts;
        if words >= limit {
            return limit;
        }
        in_word = ends_in_word;
    }
    for &c in chunks.remainder() {
        let solid = !c.is_ascii_whitespace();
        if solid && !in_word {
            words += 1;
            if words >= limit {
                return limit;
            }
        }
        in_word = solid;
    }
    words
}

/// Bytes between two ranges (0 when they overlap).
fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Outermost quotations and each quotation's parent, from proper nesting.
fn nesting(quotations: &[Quotation]) -> (Vec<usize>, Vec<usize>) {
    let mut top = Vec::new();
    let mut parents = Vec::with_capacity(quotations.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, q) in quotations.iter().enumerate() {
        while stack
            .last()
            .is_some_and(|&p| quotations[p].range.end <= q.range.start)
        {
            stack.pop();
        }
        match stack.last() {
            Some(&p) => parents.push(p),
            None => {
                parents.push(NO_PARENT);
                top.push(i);
            }
        }
        stack.push(i);
    }
    (top, parents)
}

#[cfg(test)]
mod reach_tests;
#[cfg(test)]
mod tests;
