//! Small predicates over single tokens: "is token `i` the word `said`",
//! "a name", "a plural", "an adverb", "a clause word".
//!
//! Every stage asks these, many times per sentence; keeping them in one
//! place gives each stage a shared reading of what a token is, and lets
//! the grammar read like prose ("`self.proper(i)`").

use super::{Finder, Term, Tk, Tok};
use crate::model::lexicon::{
    self, ADJ, ANON, BE, BOUND, DET, DOC, DOCV, Key, NUM, PREP, PRON, QUANT, REL, ROLE, SKIP, TIME,
    VAGUE,
};

impl Finder<'_> {
    pub(super) fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    pub(super) fn kind(&self, i: usize) -> Option<Tk> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// True when token `i` is the word keyed `w` (see [`w!`]), in any case.
    pub(super) fn is(&self, i: usize, w: Key) -> bool {
        self.tok(i).is_some_and(|t| t.word == w)
    }

    /// True when token `i` is one of the words keyed `ws` (see [`ws!`]).
    pub(super) fn is_any(&self, i: usize, ws: &[Key]) -> bool {
        self.tok(i).is_some_and(|t| ws.contains(&t.word))
    }

    /// A word of class `bits` that is not part of a name.
    pub(super) fn has(&self, i: usize, bits: u32) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Tk::Word && t.lex.has(bits))
            && !self.proper(i)
    }

    /// A capitalised word that is a name: not a pronoun, not a number, and
    /// not a common word whose capital comes from its position.
    pub(super) fn proper(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kind == Tk::Word
                && t.cap
                && !t.num
                && !t.lex.has(PRON)
                && !(t.neutral && t.lex.known())
        })
    }

    /// A word that looks like a plural common noun: its key ends in s (not
    /// -ss, -us, -is) and is not possessive. Read from the text when asked,
    /// since only the few words of a source phrase ever are.
    pub(super) fn plural(&self, i: usize) -> bool {
        self.tok(i).filter(|t| t.kind == Tk::Word).is_some_and(|t| {
            let (key, poss) = lexicon::key_in(self.text.as_bytes(), t.start, t.end);
            !poss && plural_key(key, key_len(key))
        })
    }

    /// A lowercase word the lexicon does not know (an open-class noun or verb).
    pub(super) fn unknown(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Tk::Word && !t.cap && !t.lex.known() && !t.num)
    }

    /// The last word of a noun phrase a preposition can attach to: a noun
    /// the lexicon knows, a name, a number, or an unknown word right after a
    /// determiner or modifier ("the grieving mother of"), not an adjective
    /// after a verb ("was steep for").
    pub(super) fn np_tail(&self, i: usize) -> bool {
        if self.proper(i)
            || self.has(i, VAGUE | ANON | ROLE | DOC | DOCV | QUANT | NUM)
            || self.tok(i).is_some_and(|t| t.kind == Tk::Word && t.num)
        {
            return true;
        }
        self.unknown(i)
            && i > 0
            && (self.has(i - 1, DET | ADJ | NUM)
                || self.proper(i - 1)
                || self.tok(i - 1).is_some_and(|t| t.poss || t.num))
    }

    /// An unknown word that reads as an adverb ("famously", "quickly").
    pub(super) fn adverb_ly(&self, i: usize) -> bool {
        const NOT_ADVERBS: &[Key] = &lexicon::word_keys([
            "early",
            "family",
            "daily",
            "weekly",
            "monthly",
            "yearly",
            "quarterly",
            "rally",
            "ally",
            "bully",
            "belly",
            "holy",
            "jelly",
            "assembly",
            "supply",
            "reply",
            "apply",
            "comply",
            "italy",
            "anomaly",
        ]);
        self.unknown(i)
            && self.tok(i).is_some_and(|t| {
                let w = &self.text[t.start..t.end];
                w.len() > 4 && w.ends_with("ly")
            })
            && !self.is_any(i, NOT_ADVERBS)
    }

    /// "and" or "or" between two modifiers of a source's head: "city and
    /// campus police", "state and local officials". The first conjunct is a
    /// single word opening the phrase and the second is followed by more of
    /// it, so a clause's "and" ("rejected the plan and officials said") is
    /// not one.
    pub(super) fn joins_modifiers(&self, i: usize, head: usize) -> bool {
        let modifier = |k: usize| {
            self.kind(k) == Some(Tk::Word)
                && !self.cue_at[k]
                && !self.has(
                    k,
                    DET | BOUND | BE | SKIP | PREP | REL | TIME | PRON | QUANT,
                )
        };
        // The head is a kind of source ("police", "officials", "experts")
        // at most two words after the "and": the construction this reads.
        self.is_any(i, ws!["and", "or"])
            && i > 0
            && i + 1 < head
            && head <= i + 3
            && self.has(head, VAGUE | ROLE | ANON)
            && modifier(i - 1)
            && modifier(i + 1)
            && (i == 1 || self.kind(i - 2) != Some(Tk::Word) || self.has(i - 2, DET | BOUND))
    }

    /// "and" between two names ("Smith and Jones", "he and his wife").
    pub(super) fn joins_names(&self, i: usize) -> bool {
        self.is_any(i, ws!["and", "&"])
            && i > 0
            && (self.proper(i - 1) || self.has(i - 1, PRON))
            && (self.proper(i + 1) || self.has(i + 1, DET | PRON))
    }

    /// Index of the token before `c` once adverbs and auxiliaries are skipped.
    pub(super) fn before_adverbs(&self, c: usize) -> Option<usize> {
        let mut j = c;
        for _ in 0..4 {
            let p = j.checked_sub(1)?;
            if self.has(p, SKIP) && !self.has(p, BE) {
                j = p;
            } else {
                return Some(p);
            }
        }
        j.checked_sub(1)
    }

    pub(super) fn term_at(&self, k: usize) -> Term {
        match self.kind(k) {
            None | Some(Tk::End) => Term::End,
            Some(Tk::Word) if self.has(k, TIME) => Term::Time,
            Some(Tk::Word) => Term::Word,
            Some(_) => Term::Punct,
        }
    }
}

/// True when the key of `n` bytes looks like a plural: it ends in s (not
/// -ss, -us, -is) and is four bytes or more.
fn plural_key(key: Key, n: usize) -> bool {
    let byte = |k: usize| (key >> (8 * k)) as u8;
    n > 3 && byte(n - 1) == b's' && !matches!(byte(n - 2), b's' | b'u' | b'i')
}

/// Length in bytes of a packed key.
fn key_len(k: Key) -> usize {
    16 - (k.leading_zeros() / 8) as usize
}
