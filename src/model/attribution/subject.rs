//! Finding a cue's source by position: the subject before the verb, the
//! phrase after it in an inversion ("“...,” said Smith"), the subject of
//! the clause for ", saying".
//!
//! These walks decide where a source can stand; the noun phrase itself is
//! read by the chunker ([`Finder::np_back`], [`Finder::np_forward`]).

use super::{Finder, MAX_SUBJECT, Src, Term, Tk};
use crate::model::lexicon::{
    self, ADJ, ANON, BE, BOUND, DET, DOC, DOCV, Key, LINK, NUM, PREP, PRON, QUANT, REL, ROLE, SKIP,
    STMT, Special, TIME, TITLE, VAGUE,
};

/// Verbs that can open an inverted attribution ("Said the minister: ...").
#[rustfmt::skip]
const INVERSION_VERBS: &[Key] = &lexicon::word_keys([
    "said", "says", "asked", "added", "wrote", "writes", "replied", "recalled", "explained",
    "noted", "continued", "insisted", "warned", "tweeted",
]);

impl Finder<'_> {
    pub(super) fn last_source(&self) -> Option<Src> {
        (self.out.len() > self.first && self.out.last().is_some_and(|a| a.source.is_some()))
            .then(|| Src::Copy(self.out.len() - 1))
    }

    /// Inversion: "“...,” said Smith", "..., said the ministry."
    pub(super) fn inverted(&self, c: usize, e: usize) -> Option<Src> {
        let prev = c.checked_sub(1).and_then(|p| self.kind(p));
        let after_quote = prev == Some(Tk::Quote)
            || (prev == Some(Tk::Comma) && c > 1 && self.kind(c - 2) == Some(Tk::Quote));
        let leads = matches!(prev, None | Some(Tk::Open | Tk::Colon));
        let comma = matches!(prev, Some(Tk::Comma | Tk::Dash));
        if !(after_quote || leads || comma) {
            return None;
        }
        // Verbs taking an object ("told The Huffington Post", "denied the
        // charges") invert only right after a quotation; a participle leading
        // a sentence is an adjective ("Confirmed cases rose").
        if !after_quote && !self.is_any(c, INVERSION_VERBS) {
            return None;
        }
        let s = e + 1;
        if !self.phrase_start(s) {
            return None;
        }
        let (z, term) = self.np_forward(s, false)?;
        // The source ends the clause: "said Smith.", "said Smith, who ...",
        // "said Smith on Monday", "said the ministry in a statement";
        // "says he will stay" and "suggested voters want change" are no
        // inversions.
        if !matches!(term, Term::End | Term::Punct | Term::Time | Term::Link) {
            return None;
        }
        Some(Src::Toks(s, z))
    }

    /// A word that can begin a source's noun phrase.
    pub(super) fn phrase_start(&self, s: usize) -> bool {
        // "said sole manager First Boston Corp.": a modifier before a noun
        if self.unknown(s) && (self.proper(s + 1) || self.has(s + 1, ROLE | VAGUE | ANON)) {
            return true;
        }
        if self.tok(s).is_some_and(|t| t.lex.has(TIME)) {
            // "said Wednesday he ...": a date, not a source
            return false;
        }
        self.proper(s)
            || self.has(
                s,
                PRON | DET | QUANT | NUM | ADJ | TITLE | VAGUE | ANON | ROLE | DOC | DOCV,
            )
            || self.tok(s).is_some_and(|t| t.kind == Tk::Word && t.num)
    }

    /// The subject before the cue at `c`.
    pub(super) fn subject_before(&self, c: usize) -> Option<Src> {
        let j = self.skip_to_subject(c)?;
        match self.kind(j)? {
            Tk::Comma | Tk::Dash => self.segment_subject(j).map(|(a, z, _)| Src::Toks(a, z)),
            Tk::Word if self.disagrees(j, c) => None,
            Tk::Word => self.word_subject(j),
            // "42% say": the share of those polled
            Tk::Other
                if &self.text[self.toks[j].start..self.toks[j].end] == "%"
                    && j > 0
                    && self.tok(j - 1).is_some_and(|t| t.kind == Tk::Word && t.num) =>
            {
                Some(Src::Toks(j - 1, j))
            }
            _ => None,
        }
    }

    /// A plural noun before a verb in the singular ("a novel for libertarians
    /// says", "a look at his helicopters suggests", "the senator who bragged
    /// to voters now wants") is the object of a preposition or a clause, not
    /// the verb's subject: the subject is further back, where no source
    /// stands.
    fn disagrees(&self, j: usize, c: usize) -> bool {
        let word = |i: usize| &self.text[self.toks[i].start..self.toks[i].end];
        let verb = word(c);
        let singular_verb =
            verb.len() > 3 && verb.ends_with('s') && !verb.ends_with("ss") && !self.toks[c].cap;
        if !singular_verb || !self.plural(j) || self.toks[j].cap {
            return false;
        }
        // Nouns in -s that take a singular verb: "the news says",
        // "economics suggests".
        let w = word(j).to_ascii_lowercase();
        !(w.ends_with("ics")
            || matches!(w.as_str(), "news" | "series" | "species" | "means" | "bias"))
    }

    /// The last token of what stands before the verb at `c` once adverbs,
    /// auxiliaries and time phrases are skipped: "he also said", "Ryan on
    /// Thursday declared", "Smith, however, said", "Clinton famously replied".
    fn skip_to_subject(&self, c: usize) -> Option<usize> {
        let mut j = c;
        for _ in 0..8 {
            let p = j.checked_sub(1)?;
            let t = *self.tok(p)?;
            let word = t.kind == Tk::Word;
            let adverb = (self.has(p, SKIP) && !self.has(p, BE | PRON)) || self.adverb_ly(p);
            let time = word && t.lex.has(TIME);
            // "Jan. 5", "this week"
            let date_number = word
                && t.num
                && p > 0
                && self
                    .tok(p - 1)
                    .is_some_and(|q| q.kind == Tk::Word && q.lex.has(TIME));
            let date_lead = word && j < c && self.is_any(p, ws!["this", "next", "early", "late"]);
            let date_part = date_number || date_lead;
            // The progressive's auxiliary: "Trump is betting that", "critics
            // have been saying".
            let progressive = word
                && self.has(p, BE)
                && self.text[self.toks[c].start..self.toks[c].end].ends_with("ing");
            // A document's participle: "a poll released Saturday found",
            // "the report published this week shows".
            let issued = word
                && p > 0
                && self.is_any(p, ws!["released", "published", "conducted", "issued"])
                && self.has(p - 1, DOC | DOCV);
            if adverb || time || date_part || progressive || issued {
                j = p;
                continue;
            }
            // ", however," / ", for instance," between subject and verb
            if t.kind == Tk::Comma
                && let Some(open) = (p.saturating_sub(4)..p)
                    .rev()
                    .find(|&k| self.kind(k) == Some(Tk::Comma))
                && open + 1 < p
                && (open + 1..p).all(|k| self.kind(k) == Some(Tk::Word) && !self.toks[k].cap)
                && self.has(open + 1, SKIP | PREP)
            {
                j = open;
                continue;
            }
            // "Jeb Bush in a Medium post said"
            if word
                && t.lex.has(STMT)
                && let Some(k) =
                    (p.saturating_sub(5)..p).find(|&k| self.statement_phrase(k) == Some(p))
            {
                j = k;
                continue;
            }
            // "Rand Paul (R-Ky.) said", "Kasich (who has 25 delegates) said"
            if t.kind == Tk::Close
                && let Some(open) = (p.saturating_sub(24)..p)
                    .rev()
                    .find(|&k| self.kind(k) == Some(Tk::Open))
            {
                j = open;
                continue;
            }
            break;
        }
        j.checked_sub(1)
    }

    fn word_subject(&self, j: usize) -> Option<Src> {
        if self.has(j, REL) {
            // "Smith, who said": the antecedent
            let mut k = j.checked_sub(1)?;
            if self.kind(k) == Some(Tk::Comma) {
                k = k.checked_sub(1)?;
            }
            let a = self.np_back(k, self.stretch_start(k))?;
            return Some(Src::Toks(a, k));
        }
        if self.has(j, BOUND) {
            if self.is_any(j, ws!["and", "but", "or"]) {
                // "denied the report and said": the clause's subject
                return self.last_source().or_else(|| self.clause_subject(j));
            }
            return None;
        }
        if self.has(j, BE) || self.cue_at[j] {
            return None;
        }
        let floor = self.stretch_start(j);
        // A relative clause without commas: "officials who spoke on condition
        // of anonymity said".
        // "That person said": a capital "That" points back to someone, as a
        // determiner, rather than opening a clause.
        let rel = (floor..j).find(|&i| self.has(i, REL) && !self.demonstrative(i));
        let (head_end, floor) = match rel {
            Some(r) if r > floor => (r - 1, floor),
            // "the rule, which Mozloom thinks will ...": the subject follows
            Some(r) if r < j => (j, r + 1),
            Some(_) => return None,
            None => (j, floor),
        };
        let a = self.np_back(head_end, floor)?;
        Some(Src::Toks(a, j))
    }

    /// Token `i` is a capital "That" pointing back to someone ("That person
    /// said"), a determiner rather than the start of a clause.
    pub(super) fn demonstrative(&self, i: usize) -> bool {
        self.toks[i].cap && self.is(i, w!("that"))
    }

    /// First token of the run of words ending at `j`, up to a clause boundary.
    fn stretch_start(&self, j: usize) -> usize {
        let lim = j.saturating_sub(MAX_SUBJECT);
        let mut b = j;
        while b > lim {
            let p = b - 1;
            if self.kind(p) != Some(Tk::Word)
                || self.cue_at[p]
                || (self.has(p, BOUND)
                    && !self.joins_names(p)
                    && !self.joins_modifiers(p, j)
                    && !self.demonstrative(p))
            {
                break;
            }
            b = p;
        }
        b
    }

    /// The subject of a verb that follows a comma or dash: the first stretch
    /// between separators that is wholly a noun phrase, with the appositives
    /// after it ("Maria Lopez, a spokeswoman for the agency, said"; "Cory
    /// James, 22, of Flint, Mich., said"; "Clinton, during a town hall
    /// meeting in Columbus, Ohio, said"). Returns the source's first and last
    /// token and whether an appositive followed the name.
    pub(super) fn segment_subject(&self, sep: usize) -> Option<(usize, usize, bool)> {
        const MAX_SEGMENTS: usize = 6;
        let mut seps = [0usize; MAX_SEGMENTS];
        let mut ns = 1;
        seps[0] = sep;
        let lim = sep.saturating_sub(40);
        let mut k = sep;
        let clause_start = loop {
            if k <= lim {
                break k;
            }
            k -= 1;
            match self.kind(k)? {
                Tk::Comma | Tk::Dash => {
                    if ns == MAX_SEGMENTS {
                        return None;
                    }
                    seps[ns] = k;
                    ns += 1;
                }
                Tk::Word | Tk::Open | Tk::Close | Tk::Other | Tk::Quote => {}
                _ => break k + 1,
            }
        };
        let adverbial = |i: usize| {
            self.has(i, PREP | TIME | BOUND | SKIP | REL | BE | LINK) || self.is(i, w!("to"))
        };
        let mut next_start = clause_start;
        let mut after_adverbial = false;
        for idx in (0..ns).rev() {
            let end = seps[idx];
            // Within the stretch, the phrase starts after its last conjunction:
            // "It was years ago that Michael Bloomberg, who ..., said".
            let seg_start = next_start;
            next_start = end + 1;
            let mut start = (seg_start..end)
                .rev()
                .find(|&k| self.has(k, BOUND) && k + 1 < end)
                .map_or(seg_start, |k| k + 1);
            // Leading quotations, brackets and adverbs are not the phrase:
            // "“...,” Warren, who ..., told", "Even Lindsey Graham, ..., said".
            while start < end && (self.kind(start) != Some(Tk::Word) || self.has(start, SKIP)) {
                start += 1;
            }
            // A bracket at the end: "Rep. Sander Levin (Mich.), a ..., said"
            let mut last = end.saturating_sub(1);
            if self.kind(last) == Some(Tk::Close)
                && let Some(open) = (start..last)
                    .rev()
                    .find(|&k| self.kind(k) == Some(Tk::Open))
            {
                last = open.saturating_sub(1);
            }
            // "In Woodbridge, N.J., Supermarkets General said": the state
            // belongs to the adverbial before it.
            let place = after_adverbial && start == last && self.proper(start);
            after_adverbial = start < end && (adverbial(start) || place);
            if start <= last
                && start < end
                && self.kind(last) == Some(Tk::Word)
                && !adverbial(start)
                && !place
                && self.np_back(last, start) == Some(start)
                && self.plausible(start, last)
            {
                // Appositives after the name, up to an adverbial stretch.
                let mut z = end - 1;
                let mut appositive = false;
                for inner in (0..idx).rev() {
                    let seg_start = seps[inner + 1] + 1;
                    let seg_end = seps[inner];
                    if seg_start >= seg_end
                        || (adverbial(seg_start) && !self.has(seg_start, REL))
                        || self.reporting_participle(seg_start)
                    {
                        break;
                    }
                    z = seg_end - 1;
                    appositive = true;
                }
                return Some((start, z, appositive));
            }
        }
        None
    }

    /// Token `k` opens a participle clause that reports ("The Post, citing
    /// two officials, reported"): a clause of its own, not an appositive
    /// that belongs to the name before it.
    fn reporting_participle(&self, k: usize) -> bool {
        self.toks[k]
            .lex
            .cue
            .is_some_and(|c| matches!(c.special, Special::Citing | Special::Trailing))
    }

    /// The subject at the start of the clause holding token `c`.
    pub(super) fn clause_subject(&self, c: usize) -> Option<Src> {
        // The clause starts after the last dash, semicolon, colon or
        // quotation before `c`, or after ", and" / ", but".
        let start = (0..c)
            .rev()
            .find(|&i| {
                matches!(
                    self.kind(i),
                    Some(Tk::Dash | Tk::Semi | Tk::Colon | Tk::End)
                ) || (self.is_any(i, ws!["and", "but"])
                    && i > 0
                    && self.kind(i - 1) == Some(Tk::Comma))
            })
            .map_or(0, |i| i + 1);
        let mut f = (start..c).find(|&i| self.kind(i) == Some(Tk::Word))?;
        if self.is_any(f, ws!["but", "and", "yet", "so"]) {
            f += 1;
        }
        if self.has(f, PREP | BOUND | TIME | SKIP) {
            // An introductory phrase: "On Monday, the ministry ..."
            let comma = (f..c.min(f + 10)).find(|&i| self.kind(i) == Some(Tk::Comma))?;
            f = comma + 1;
        }
        let (mut z, term) = self.np_forward(f, true)?;
        if term == Term::Time && !self.plausible(f, z) {
            // "A few minutes later they reversed themselves"
            let mut k = z + 1;
            while self.has(k, TIME) {
                k += 1;
            }
            if let Some((z2, _)) = self.np_forward(k, true) {
                (f, z) = (k, z2);
            }
        }
        (z < c && self.plausible(f, z)).then_some(Src::Toks(f, z))
    }
}
