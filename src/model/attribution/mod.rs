//! Attributions: reporting cues and the sources they name, one sentence at a
//! time.
//!
//! Each sentence becomes a short token list in which every quotation is a
//! single token, so the grammar of attribution is read around quotations
//! ("“...,” said Smith") and cues inside quoted speech are never counted.
//! Cues come from the lexicon; the source is looked for where news grammar
//! puts it: the subject before the cue, after it in an inversion, after
//! "according to" or a passive "by". No parser: a few bounded walks over the
//! tokens, so the cost stays linear in the text.
//!
//! This file holds the driver ([`find`]) and the state every stage shares
//! ([`Finder`] and its tokens). The stages are methods of [`Finder`], one
//! file each, in the order a sentence meets them:
//!
//! - [`labels`]: speaker labels ("Q:", "Sara Carter:") opening a block;
//! - [`signed`]: a quotation signed with a dash and a name, after the scan;
//! - [`tokens`]: the tokenizer, a sentence into words, punctuation and
//!   whole quotations;
//! - [`predicates`]: what one token is (a name, a plural, "said");
//! - [`cues`]: the scan for cues and the cues with a grammar of their own;
//! - [`verbs`]: when an ordinary reporting verb reports;
//! - [`subject`]: where the source stands (before the verb, inverted, the
//!   clause's subject);
//! - [`chunk`]: how far a source's noun phrase runs;
//! - [`classify`]: whether the source can speak, and is named, vague or
//!   anonymous.

use std::cell::Cell;

use super::lexicon::{self, Key, Lex, Lexicon};
use super::scan::ws_len;
use super::{Attribution, CueKind, Quotation, Sentence, SourceKind};
use crate::prose::{Block, BlockKind};

pub(super) use labels::{Label, block_labels};

/// The key of a word, computed at compile time, for [`Finder::is`].
macro_rules! w {
    ($w:literal) => {
        const { $crate::model::lexicon::word_key($w) }
    };
}

/// The keys of a list of words, computed at compile time, for
/// [`Finder::is_any`].
macro_rules! ws {
    ($($w:literal),+ $(,)?) => {
        const { &$crate::model::lexicon::word_keys([$($w),+]) }
    };
}

// The stages. Declared after the macros above, which they use (a
// `macro_rules!` is in scope only in the text that follows it).
mod asked;
mod chunk;
mod classify;
mod cues;
mod labels;
mod predicates;
mod signed;
mod subject;
mod tokens;
mod verbs;

/// [`Finder::head_memo`] holding no phrase.
const NO_HEAD: (usize, usize, usize) = (usize::MAX, usize::MAX, 0);

/// Longest stretch of tokens read back for a subject.
const MAX_SUBJECT: usize = 24;
/// Longest source phrase read forward.
const MAX_PHRASE: usize = 16;
/// Sentences longer than this are tokenised in pieces, to bound memory on
/// pathological input (a 10 MB line with no full stop).
const MAX_PIECE: usize = 32 * 1024;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tk {
    Word,
    Comma,
    /// A whole quotation (or the part of one inside the sentence).
    Quote,
    Semi,
    Colon,
    Dash,
    Open,
    Close,
    /// `.`, `?`, `!` inside the sentence.
    End,
    Other,
}

/// One token of a sentence, with what the lexicon knows of it.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Tk,
    lex: Lex,
    /// Starts with a capital letter.
    cap: bool,
    /// Stands where capitals are routine: sentence start, after a quotation
    /// or colon, anywhere in a headline.
    neutral: bool,
    /// Ends in 's.
    poss: bool,
    /// Starts with a digit.
    num: bool,
    /// The word as written, for comparing with named words
    /// ([`lexicon::written_key`]); 0 for other tokens.
    word: Key,
}

/// What a phrase reading stopped at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    End,
    Punct,
    Time,
    /// A preposition or conjunction: "said the ministry in a statement",
    /// "said Smith as he left".
    Link,
    Word,
}

/// Where an attribution's source is.
#[derive(Debug, Clone, Copy)]
enum Src {
    /// Tokens `a..=z` of the sentence.
    Toks(usize, usize),
    /// The same source as attribution `i` (", adding that ...").
    Copy(usize),
}

/// The attribution search over one document: its inputs, the current
/// sentence's tokens and the attributions found so far. Every stage is a
/// method of it.
struct Finder<'a> {
    text: &'a str,
    lexicon: &'static Lexicon,
    quotations: &'a [Quotation],
    top: &'a [usize],
    qcur: usize,
    toks: Vec<Tok>,
    /// Indices of the words the cue scan stops at ([`lexicon::SCAN`]), in order.
    stops: Vec<usize>,
    cue_at: Vec<bool>,
    out: Vec<Attribution>,
    /// Words of four letters or more in the piece, and how many are capitalised.
    long_words: (usize, usize),
    /// Index in `out` of the current sentence's first attribution.
    first: usize,
    sentence: usize,
    /// The last phrase `a..=z` given to [`Finder::head`] and its head: a
    /// cue's source is read for whether it can speak and then classified,
    /// and each asks for the head of the same phrase.
    head_memo: Cell<(usize, usize, usize)>,
}

/// Finds the attributions of every sentence, sorted by sentence and cue start.
pub(super) fn find(
    text: &str,
    blocks: &[Block],
    sentences: &[Sentence],
    quotations: &[Quotation],
    top: &[usize],
    labels: &[Label],
) -> Vec<Attribution> {
    let mut f = Finder {
        text,
        lexicon: lexicon::lexicon(),
        quotations,
        top,
        qcur: 0,
        // Sized for a long sentence, so the buffers reused across sentences
        // do not grow by doubling in every document.
        toks: Vec::with_capacity(96),
        stops: Vec::new(),
        cue_at: Vec::with_capacity(96),
        out: Vec::with_capacity(sentences.len()),
        first: 0,
        sentence: 0,
        long_words: (0, 0),
        head_memo: Cell::new(NO_HEAD),
    };
    let mut li = 0;
    for (si, s) in sentences.iter().enumerate() {
        let headline = blocks
            .get(s.block)
            .is_some_and(|b| matches!(b.kind, BlockKind::Headline | BlockKind::Heading));
        f.sentence = si;
        // A speaker label speaks every sentence of its block; it stands
        // apart from the sentence's own cues (", adding" never copies it).
        while labels.get(li).is_some_and(|l| l.block < s.block) {
            li += 1;
        }
        if let Some(l) = labels.get(li).filter(|l| l.block == s.block) {
            f.out.push(Attribution {
                sentence: si,
                cue: l.colon.clone(),
                source: Some(l.source.clone()),
                source_kind: SourceKind::Named,
                cue_kind: CueKind::Speech,
                negated: false,
            });
        }
        f.first = f.out.len();
        let mut start = s.range.start;
        while start < s.range.end {
            let end = piece_end(text, start, s.range.end);
            if !lexicon::may_hold_cue(&text.as_bytes()[start..end]) {
                start = end;
                continue;
            }
            f.tokenize(start..end, headline);
            f.scan();
            start = end;
        }
    }
    let signed = signed::signed(text, sentences, quotations, top);
    if !signed.is_empty() {
        f.out.extend(signed);
        f.out.sort_by_key(|a| (a.sentence, a.cue.start));
    }
    f.out
}

/// End of the piece of a sentence starting at `start`: the whole rest when
/// short, else the first white space after `MAX_PIECE` bytes.
fn piece_end(text: &str, start: usize, end: usize) -> usize {
    if end - start <= MAX_PIECE {
        return end;
    }
    let b = text.as_bytes();
    let mut j = start + MAX_PIECE;
    while j < end && ws_len(b, j) == 0 {
        j += 1;
    }
    j
}
