//! Classifying a source phrase: its head, whether it can speak at all, and
//! whether the reader can identify it (named, vague or anonymous).
//!
//! The head is asked for by several tests of the same phrase, so it is
//! memoised in [`Finder::head`].

use super::chunk::{NP_PREPS, POSTMODIFIERS};
use super::{Finder, Tk};
use crate::model::SourceKind;
use crate::model::lexicon::{
    self, ANON, DEF, DET, DOC, DOCV, INDEF, Key, NUM, PREP, PRON, QUANT, REL, ROLE, STMT, TITLE,
    VAGUE,
};

impl Finder<'_> {
    /// The head noun of the phrase `a..=z`: the last noun of its first chunk.
    pub(super) fn head(&self, a: usize, z: usize) -> usize {
        let (ma, mz, h) = self.head_memo.get();
        if (ma, mz) == (a, z) {
            return h;
        }
        let h = self.find_head(a, z);
        self.head_memo.set((a, z, h));
        h
    }

    /// [`Finder::head`], read from the tokens.
    fn find_head(&self, a: usize, z: usize) -> usize {
        let mut last = a;
        for i in a..=z {
            if self.kind(i) != Some(Tk::Word) {
                break;
            }
            if i > a
                && (self.has(i, PREP | REL)
                    || (self.is_any(i, ws!["and", "&", "to"]) && !self.joins_modifiers(i, z))
                    || (self.is_any(i, POSTMODIFIERS)
                        && (self.is_any(i + 1, NP_PREPS) || self.is_any(i + 1, ws!["to", "on"]))))
            {
                break;
            }
            last = i;
        }
        // Trailing modifiers are not the head: "people familiar", "analysts
        // polled", "a person briefed".
        let mut h = last;
        while h > a {
            let w = &self.text[self.toks[h].start..self.toks[h].end];
            let participle = self.unknown(h) && (w.ends_with("ed") || w.ends_with("ing"));
            if !(participle || self.is_any(h, POSTMODIFIERS)) {
                break;
            }
            h -= 1;
        }
        h
    }

    pub(super) fn classify(&self, a: usize, z: usize) -> SourceKind {
        let h = self.head(a, z);
        let head_proper = self.proper(h);
        if !head_proper && self.anonymous(a, z) {
            return SourceKind::Anonymous;
        }
        // A capitalised modifier does not name a vague group: "Polish legal
        // experts", "some Gore supporters" are still nobody in particular.
        let vague_head = !head_proper
            && self.is_any(
                h,
                ws![
                    "critics",
                    "supporters",
                    "opponents",
                    "experts",
                    "observers",
                    "scholars",
                    "historians",
                    "commentators",
                    "detractors",
                    "skeptics",
                    "sceptics",
                    "proponents",
                    "advocates",
                    "fans",
                    "people",
                ],
            );
        // "anyone who clapped", "someone close to him" name nobody, however
        // much the clause after them says.
        if self.kind(h) == Some(Tk::Word)
            && crate::model::is_indefinite_pronoun(&self.text[self.toks[h].start..self.toks[h].end])
        {
            return SourceKind::Vague;
        }
        // "Ward and other security experts": a named person leads the group
        // (the phrase read starts after the "and").
        let named_lead = a >= 2
            && self.is_any(a, ws!["other", "several", "some", "fellow"])
            && self.is(a - 1, w!("and"))
            && self.proper(a - 2);
        if self.has(h, PRON) || named_lead || (!vague_head && (a..=h).any(|i| self.proper(i))) {
            return SourceKind::Named;
        }
        let def = (a..=h).any(|i| self.has(i, DEF) || self.toks[i].poss || self.demonstrative(i));
        let specified = self.specified(h + 1, z);
        if self.has(h, ROLE) && !self.has(h, VAGUE) {
            return SourceKind::Named;
        }
        if self.has(h, VAGUE | QUANT | DOC | DOCV) {
            return if def || specified {
                SourceKind::Named
            } else {
                SourceKind::Vague
            };
        }
        if def || specified {
            return SourceKind::Named;
        }
        let indefinite = (a..=h).any(|i| self.has(i, INDEF | QUANT | NUM) || self.toks[i].num);
        if indefinite || self.plural(h) {
            return SourceKind::Vague;
        }
        SourceKind::Named
    }

    /// Words that say the source is kept anonymous.
    fn anonymous(&self, a: usize, z: usize) -> bool {
        // "61 percent of millennials familiar with the movement said": a
        // poll's share of its respondents, described, not hidden.
        let share = (a..=z.min(a + 2)).any(|i| {
            self.toks[i].num
                && (self.is(i + 1, w!("percent"))
                    || self.is(i + 1, w!("per"))
                    || self.kind(i + 1) == Some(Tk::Other))
        });
        if share {
            return false;
        }
        (a..=z).any(|i| {
            if self.kind(i) != Some(Tk::Word) {
                return false;
            }
            if self.has(i, ANON) || self.is_any(i, ws!["familiar", "briefed", "knowledge"]) {
                return true;
            }
            if self.is_any(
                i,
                ws![
                    "authorized",
                    "authorised",
                    "allowed",
                    "permitted",
                    "cleared",
                    "empowered",
                ],
            ) {
                return (i.saturating_sub(3)..i).any(|k| self.is_any(k, ws!["not", "n't"]));
            }
            if self.is_any(i, ws!["named", "identified"]) {
                return i > a && self.is_any(i - 1, ws!["be", "not", "being"]);
            }
            // "people close to the talks", not "lawmakers, who are close to
            // the industry": a relative clause describes a named or vague
            // group's ties, it does not hide who spoke.
            self.is(i, w!("close")) && self.is(i + 1, w!("to")) && !(a..i).any(|k| self.has(k, REL))
        })
    }

    /// A post-modifier that names who: "officials at the Treasury",
    /// "analysts at Goldman Sachs", "critics including Senator Ames".
    fn specified(&self, from: usize, z: usize) -> bool {
        let mut i = from;
        while i <= z {
            let Some(t) = self.tok(i) else { break };
            if self.has(i, REL) {
                break;
            }
            // "Two officials, John Ames and Rita Cole, said"
            if t.kind == Tk::Comma
                && (self.proper(i + 1) || (self.has(i + 1, TITLE | DET) && self.proper(i + 2)))
            {
                return true;
            }
            if self.is_any(i, NP_PREPS) || self.is(i, w!("such")) {
                let is_in = self.is(i, w!("in"));
                for k in i + 1..=z.min(i + 3) {
                    if self.proper(k) && (!is_in || self.is(k - 1, w!("the"))) {
                        return true;
                    }
                    if self.has(k, ROLE | DOC) && self.has(k - 1, DEF) {
                        return true;
                    }
                }
            }
            i += 1;
        }
        false
    }

    /// A phrase that can be someone speaking (for "citing").
    pub(super) fn sourceish(&self, a: usize, z: usize) -> bool {
        let h = self.head(a, z);
        self.has(h, VAGUE | ANON | ROLE | DOC | DOCV | QUANT | PRON)
            || (a..=h).any(|i| self.proper(i))
            || self.anonymous(a, z)
    }

    /// A phrase that can speak: a person, group, institution or document,
    /// not "reforms" or "millions of dollars".
    pub(super) fn speaker(&self, a: usize, z: usize) -> bool {
        let h = self.head(a, z);
        let t = self.toks[h];
        // "said more than half" begins the report, not the speaker.
        if self.is_any(h, ws!["more", "less", "fewer"]) {
            return false;
        }
        if t.num
            || self.has(
                h,
                PRON | ROLE | VAGUE | ANON | QUANT | NUM | DOC | DOCV | STMT | TITLE,
            )
            || (a..=h).any(|i| self.proper(i))
            || t.lex.cue.is_some()
        {
            return true;
        }
        if !self.unknown(h) || !self.plural(h) {
            // a singular noun: "the man", "the 45-year-old", "a witness"
            return true;
        }
        // An unknown plural speaks unless it names things: abstract nouns
        // ("reforms", "arrangements", "measures") and money and markets.
        #[rustfmt::skip]
        const THINGS_ENDING: &[&str] = &[
            "tions", "sions", "ments", "ances", "ences", "ities", "nesses", "isms", "ings", "ures",
            "ems",
        ];
        #[rustfmt::skip]
        const THINGS: &[Key] = &lexicon::word_keys([
            "dollars", "prices", "shares", "markets", "rates", "costs", "sales", "profits", "earnings",
            "talks", "reforms", "measures", "plans", "rules", "laws", "taxes", "changes", "stocks",
            "bonds", "loans", "goods", "exports", "imports", "tariffs", "cuts", "gains", "losses",
            "deals", "terms", "steps", "efforts", "moves", "signs", "numbers", "levels",
            "marks", "dlrs", "yen", "francs", "pounds", "tonnes", "tons", "barrels", "bpd",
            "ounces", "bushels", "points", "units", "notes", "claims", "products", "contracts",
            "assets", "funds", "securities", "orders", "results", "figures", "reserves",
            "supplies", "deposits", "revenues", "estimates", "forecasts", "jobs", "votes",
        ]);
        let w = &self.text[t.start..t.end];
        !(THINGS_ENDING.iter().any(|s| w.ends_with(s)) || self.is_any(h, THINGS))
    }

    /// A phrase that can be the subject of a reporting verb.
    pub(super) fn plausible(&self, a: usize, z: usize) -> bool {
        let h = self.head(a, z);
        self.has(h, PRON | QUANT | VAGUE | ANON | ROLE | DOC | DOCV)
            || (a..=h).any(|i| {
                self.proper(i) || self.has(i, DEF | NUM) || self.toks[i].poss || self.toks[i].num
            })
            || self.plural(h)
    }
}
