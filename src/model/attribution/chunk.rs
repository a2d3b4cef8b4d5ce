//! The noun-phrase chunker: how far a source phrase runs, read backwards
//! from a subject's head or forwards from an inverted or "according to"
//! source.
//!
//! No parser: a bounded walk over the words a source phrase is made of
//! (determiners, modifiers, names, "of"/"at"/"for" attachments,
//! appositives), stopping at the first word that cannot belong.

use super::{Finder, MAX_PHRASE, Term, Tk};
use crate::model::lexicon::{
    self, ADJ, ANON, BE, BOUND, C_NOUN, C_STRONG, C_THAT, DET, DOC, DOCV, Key, LINK, NUM, PREP,
    PRON, QUANT, REL, ROLE, SKIP, STMT, TIME, TITLE, VAGUE,
};

/// Adjectives that take a phrase after a source noun ("close to the talks").
#[rustfmt::skip]
pub(super) const POSTMODIFIERS: &[Key] = &lexicon::word_keys([
    "familiar", "close", "closest", "near", "loyal", "opposed", "linked", "tied", "connected",
    "sympathetic", "allied", "affiliated", "briefed", "working", "based", "knowledgeable", "privy",
]);

/// Prepositions that attach inside a source's noun phrase ("officials at
/// the Treasury", "a spokeswoman for the agency").
#[rustfmt::skip]
pub(super) const NP_PREPS: &[Key] = &lexicon::word_keys([
    "of", "at", "for", "from", "with", "including", "by", "in", "among", "like",
]);

impl Finder<'_> {
    /// Walks back from head `j` over the noun phrase it ends; returns its
    /// first token (never before `floor`).
    pub(super) fn np_back(&self, j: usize, floor: usize) -> Option<usize> {
        let t = *self.tok(j)?;
        if t.kind != Tk::Word || self.cue_at[j] {
            return None;
        }
        if self.has(j, PRON) {
            return Some(j);
        }
        // A head is a name, a noun the lexicon knows, a number, or an
        // unknown word; not a function word ("to", "about", "later").
        let head = self.proper(j)
            || self.has(
                j,
                VAGUE | ANON | ROLE | DOC | DOCV | QUANT | NUM | TITLE | ADJ | STMT,
            )
            || t.num
            || t.lex.cue.is_some_and(|c| c.flags & (C_NOUN | C_THAT) != 0)
            || (!t.lex.known() && !t.cap)
            || (t.cap && !t.lex.known());
        // A determiner heads nothing, save "another" standing alone.
        let det = self.has(j, DET) && !self.has(j, QUANT);
        if !head || det || self.has(j, BOUND | BE | SKIP | PREP | REL | TIME) {
            return None;
        }
        let mut a = j;
        let mut after_det = false;
        let mut len = 1;
        while a > floor && len < 12 {
            let p = a - 1;
            let pt = self.toks[p];
            if pt.kind != Tk::Word || self.cue_at[p] {
                break;
            }
            // A preposition joins the phrase only with the word before it:
            // "officials at the Treasury", "a person familiar with the matter",
            // "a source close to the talks".
            let linked = p > floor
                && ((self.is_any(p, NP_PREPS) && self.np_tail(p - 1))
                    || (self.is(p, w!("to")) && self.has(p - 1, ROLE | VAGUE))
                    || ((self.is_any(p, ws!["to", "on"]) || self.is_any(p, NP_PREPS))
                        && self.is_any(p - 1, POSTMODIFIERS)));
            if linked {
                a = p - 1;
                len += 2;
                after_det = false;
                // "a staff member briefed on the talks": the noun before the
                // post-modifier heads the phrase whatever it is.
                if self.is_any(a, POSTMODIFIERS)
                    && a > floor
                    && self.kind(a - 1) == Some(Tk::Word)
                    && (self.unknown(a - 1) || self.np_tail(a - 1))
                {
                    a -= 1;
                    len += 1;
                }
                continue;
            }
            // "city and campus police": the "and" and the first modifier
            // join together, so the phrase never starts at the "and".
            if !after_det && p > floor && self.joins_modifiers(p, j) {
                a = p - 1;
                len += 2;
                continue;
            }
            // after "the", only a linking preposition (above) continues
            // "That person said": at the head of a sentence "That" points
            // back like "the", where elsewhere it opens a clause.
            let demonstrative = self.demonstrative(p);
            let modifier = self.has(p, DET)
                || demonstrative
                || pt.poss
                || self.proper(p)
                || pt.num
                || self.has(p, ADJ | VAGUE | ANON | ROLE | DOC | DOCV | QUANT | NUM | TITLE)
                || self.joins_names(p)
                // "city and campus police": the second of two joined modifiers
                || (p > floor && self.joins_modifiers(p - 1, j))
                // "the grieving mother", "Democratic front-runner Clinton": an
                // unknown modifier right after a determiner or another modifier
                || (self.unknown(p)
                    && p > floor
                    && (self.has(p - 1, DET | ADJ | NUM)
                        || self.proper(p - 1)
                        || self.toks[p - 1].poss
                        || self.toks[p - 1].num));
            // "a move critics say would ...": "a" cannot open a phrase headed
            // by a plural ("a ... critics"), so the singular noun after it
            // ends an earlier phrase and the source starts at the head.
            let reduced_relative = self.unknown(p)
                && p > floor
                && self.is_any(p - 1, ws!["a", "an"])
                && self.has(j, VAGUE)
                && self.plural(j);
            let ok = !after_det && modifier && !reduced_relative;
            if !ok {
                break;
            }
            // "most analysts": a quantifier opens the phrase like a determiner
            if self.has(p, DET | QUANT) || demonstrative {
                after_det = true;
            }
            a = p;
            len += 1;
        }
        Some(a)
    }

    /// Reads a source phrase forward from `i`; returns its last token and what
    /// stopped it. `strict` refuses unknown words that are not modifiers after
    /// a determiner (they are likely the verb of the clause).
    pub(super) fn np_forward(&self, i: usize, strict: bool) -> Option<(usize, Term)> {
        self.np_fwd(i, strict, true)
    }

    fn np_fwd(&self, i: usize, strict: bool, appositive: bool) -> Option<(usize, Term)> {
        let n = self.toks.len();
        let t = *self.tok(i)?;
        if t.kind != Tk::Word || self.cue_at[i] {
            return None;
        }
        if self.has(i, PRON) {
            return Some((i, self.term_at(i + 1)));
        }
        if self.has(i, BOUND | TIME | PREP | SKIP | BE | REL) || self.is(i, w!("to")) {
            return None;
        }
        if strict && !self.phrase_start(i) && !self.unknown(i) {
            return None;
        }
        let mut z = i;
        let mut k = i + 1;
        let mut count = 1;
        while k < n && count < MAX_PHRASE {
            let u = self.toks[k];
            match u.kind {
                Tk::Word => {
                    let prop = self.proper(k);
                    if self.cue_at[k]
                        || (!prop && u.lex.cue.is_some_and(|c| c.flags & C_STRONG != 0))
                    {
                        return Some((z, Term::Word));
                    }
                    if prop {
                        z = k;
                        k += 1;
                        count += 1;
                        continue;
                    }
                    if u.lex.has(TIME) {
                        return Some((z, Term::Time));
                    }
                    if u.lex.has(REL) {
                        // A relative clause closes the phrase: "said a handful
                        // of Democrats who point to ...".
                        let mut m = k;
                        while m + 1 < n && self.kind(m + 1) == Some(Tk::Word) && m - k < 15 {
                            m += 1;
                        }
                        let term = match self.term_at(m + 1) {
                            Term::Word => Term::Link,
                            t => t,
                        };
                        return Some((m, term));
                    }
                    if self.is(k, w!("such")) && self.is(k + 1, w!("as")) {
                        k += 2;
                        count += 2;
                        continue;
                    }
                    if u.lex.has(PREP) {
                        let ok = if !self.is_any(k, NP_PREPS) {
                            false
                        } else if self.is(k, w!("in")) {
                            self.is(k + 1, w!("the"))
                                && (self.proper(k + 2) || self.has(k + 2, ROLE))
                        } else {
                            self.kind(k + 1) == Some(Tk::Word)
                                && !self.has(k + 1, BOUND | TIME | PREP)
                        };
                        if !ok {
                            return Some((z, Term::Link));
                        }
                        k += 1;
                        count += 1;
                        continue;
                    }
                    // "an adviser to Trump", "the ambassador to Spain"
                    if self.is(k, w!("to"))
                        && self.has(k - 1, ROLE | VAGUE)
                        && (self.proper(k + 1) || self.has(k + 1, DET | QUANT))
                    {
                        k += 1;
                        count += 1;
                        continue;
                    }
                    // "people familiar with the matter", "a source close to"
                    if self.is_any(k, POSTMODIFIERS)
                        && (self.is_any(k + 1, NP_PREPS) || self.is_any(k + 1, ws!["to", "on"]))
                    {
                        k += 2;
                        count += 2;
                        continue;
                    }
                    // Verbs the lexicon knows end the phrase ("Warren appeared
                    // with", "Zucker responded"); nouns that double as cues
                    // ("police reports") do not.
                    let verb = u.lex.has(LINK) || u.lex.cue.is_some_and(|c| c.flags & C_NOUN == 0);
                    let skip = u.lex.has(SKIP) && !u.lex.has(QUANT | DET);
                    if u.lex.has(BOUND | BE) || skip || self.is(k, w!("to")) || verb {
                        if self.joins_names(k) {
                            k += 1;
                            continue;
                        }
                        let term = if u.lex.has(BOUND) {
                            Term::Link
                        } else {
                            Term::Word
                        };
                        return Some((z, term));
                    }
                    // A determiner or pronoun right after the head starts a new
                    // phrase ("said Smith this week", "said Wednesday he").
                    if u.lex.has(PRON) {
                        return Some((z, Term::Word));
                    }
                    if u.lex.has(DET)
                        && !(self.has(k - 1, PREP) || self.is_any(k - 1, ws!["as", "to"]))
                    {
                        return Some((z, Term::Word));
                    }
                    if strict && !self.unknown(k) && !self.np_word(k) {
                        return Some((z, Term::Word));
                    }
                    // An unknown word right after a plural is its verb: "said
                    // voters want change".
                    // "figures released by the ministry" goes on.
                    if self.unknown(k) && self.plural(k - 1) && !self.is(k + 1, w!("by")) {
                        return Some((z, Term::Word));
                    }
                    if strict && self.unknown(k) {
                        let pv = self.toks[k - 1];
                        let modifier = self.has(k - 1, DET | NUM | PREP)
                            || (self.has(k - 1, ADJ)
                                && !self.has(k - 1, ROLE | VAGUE | DOC | DOCV | ANON));
                        if !(modifier || pv.poss || pv.num) {
                            return Some((z, Term::Word));
                        }
                    }
                    z = k;
                    k += 1;
                    count += 1;
                }
                Tk::Comma if appositive => {
                    if let Some(r) = self.appositive_forward(k) {
                        return Some(r);
                    }
                    return Some((z, Term::Punct));
                }
                Tk::End => return Some((z, Term::End)),
                _ => return Some((z, Term::Punct)),
            }
        }
        Some((z, if k >= n { Term::End } else { Term::Word }))
    }

    /// ", a spokeswoman for the agency." after a source: included when it
    /// reads as an appositive and runs to punctuation.
    fn appositive_forward(&self, comma: usize) -> Option<(usize, Term)> {
        let n = self.toks.len();
        let s = comma + 1;
        if self.kind(s)? != Tk::Word {
            return None;
        }
        if self.has(s, REL) {
            let mut m = s;
            while m + 1 < n && self.kind(m + 1) == Some(Tk::Word) && m - s < 20 {
                m += 1;
            }
            let term = self.term_at(m + 1);
            return matches!(term, Term::End | Term::Punct).then_some((m, term));
        }
        let ok = self.proper(s)
            || self.has(s, DET | NUM | ROLE | ADJ | TITLE | VAGUE | ANON)
            || self.tok(s).is_some_and(|t| t.num);
        if !ok {
            return None;
        }
        let (m, term) = self.np_fwd(s, true, false)?;
        matches!(term, Term::End | Term::Punct).then_some((m, term))
    }

    /// A word a noun phrase can hold besides unknown ones.
    fn np_word(&self, k: usize) -> bool {
        self.proper(k)
            || self.has(
                k,
                DET | ADJ | NUM | QUANT | VAGUE | ANON | ROLE | DOC | DOCV | TITLE,
            )
            || self.tok(k).is_some_and(|t| t.num || t.poss)
    }
}
