//! Ordinary reporting verbs ("said", "told", "claims", "believes"): when a
//! verb the lexicon lists really reports, and where its source is.
//!
//! A cue word is often something else ("the said company", "insurance
//! claims rose", "That said,"); the verb's `C_*` flags name the tests it
//! must pass, most of them about the token right after it, which the
//! helpers at the end of this file read.

use super::{Finder, Src, Tk};
use crate::model::CueKind;
use crate::model::lexicon::{
    self, ADJ, ANON, BE, BOUND, C_BASE, C_COMPL, C_DOC_ONLY, C_NEXT_OF, C_NEXT_TO, C_NOT_TO,
    C_NOUN, C_PART, C_QUOTE, C_STRONG, C_THAT, C_WRITTEN, CueSpec, DET, DOC, DOCV, Key, NUM, PREP,
    PRON, QUANT, REL, ROLE, SKIP, STMT, TIME, VAGUE,
};

/// Written things that "read" or "say" their words ("the sign read").
#[rustfmt::skip]
const WRITTEN_THINGS: &[Key] = &lexicon::word_keys([
    "sign", "signs", "banner", "banners", "placard", "placards", "ad", "ads", "advert",
    "advertisement", "headline", "headlines", "caption", "message", "messages", "post", "posts",
    "tweet", "tweets", "note", "notes", "plaque", "inscription", "poster", "posters", "billboard",
    "shirt", "shirts", "t-shirt", "t-shirts", "slogan", "label", "text", "texts", "email",
    "emails", "flyer", "flyers", "leaflet", "card", "screen", "graffiti", "chyron", "petition",
    "letter", "letters", "statement", "sticker", "stickers", "tag", "subject", "title",
]);

/// Longest time or place phrase between a participle and the verb after it.
const MAX_PARTICIPLE_PHRASE: usize = 6;

impl Finder<'_> {
    /// True when from `k` a short time or place phrase ("on Sunday", "last
    /// week in Ohio") and adverbs lead to the sentence's verb: a reporting
    /// verb, or after a time word any word the lexicon does not know that
    /// cannot be a plural object ("reported on Sunday now suggest").
    fn verb_follows(&self, k: usize) -> bool {
        let mut timed = false;
        for i in k..k + MAX_PARTICIPLE_PHRASE {
            let Some(t) = self.tok(i) else {
                return false;
            };
            if t.kind != Tk::Word {
                return false;
            }
            let w = &self.text[t.start..t.end];
            let after_phrase = i > k && !self.has(i - 1, PREP | DET) && !self.toks[i - 1].poss;
            // "States", "remarks" and "claims" may be names and nouns.
            let verb = t.lex.cue.is_some_and(|c| c.flags & C_NOUN == 0)
                && !t.cap
                && !w.ends_with("ing")
                && !w.ends_with('s');
            if verb {
                return after_phrase;
            }
            // "on Sunday now suggest": a word right after the time word or an
            // adverb, not after a preposition ("on creating")
            // (a day or month: "Sunday" is a capitalised time word)
            let prev = self.toks[i - 1];
            // that is not a modifier ("an April summit")
            let settled = (prev.lex.has(TIME)
                && !prev.lex.has(PREP)
                && prev.cap
                && !(i >= 2 && self.has(i - 2, DET)))
                || self.is_any(i - 1, ws!["now", "also", "still", "already"])
                || self.adverb_ly(i - 1);
            if after_phrase
                && settled
                && timed
                && self.unknown(i)
                && !w.ends_with('s')
                && !w.ends_with("ing")
            {
                return true;
            }
            let phrase = self.has(i, PREP | DET | NUM | SKIP)
                || t.lex.has(TIME)
                || t.num
                || self.adverb_ly(i);
            if !phrase || self.has(i, BOUND) {
                return false;
            }
            timed |= t.lex.has(TIME);
        }
        false
    }

    /// The token before the noun phrase starting at `a` and the modifiers
    /// the chunker may have left off it ("devoted to racial issues": the
    /// phrase is "issues", the preposition two words back). A source's own
    /// phrase is not looked through ("reports from student groups
    /// suggested": the reports speak).
    fn before_modifiers(&self, a: usize) -> Option<usize> {
        let mut p = a.checked_sub(1)?;
        for _ in 0..2 {
            if !(self.unknown(p) || self.has(p, ADJ)) || self.cue_at[p] {
                break;
            }
            p = p.checked_sub(1)?;
        }
        let source_before = p + 1 < a && p > 0 && self.has(p - 1, DOC | DOCV | VAGUE | ROLE | ANON);
        Some(if source_before { a - 1 } else { p })
    }

    /// An ordinary reporting verb.
    pub(super) fn verb(&mut self, c: usize, spec: CueSpec) -> Option<usize> {
        let f = spec.flags;
        let prev = c.checked_sub(1);
        if let Some(p) = prev {
            let pt = self.toks[p];
            if f & (C_PART | C_NOUN | C_BASE) != 0
                && pt.kind == Tk::Word
                // "he's said" is a pronoun and its auxiliary, not a possessive
                && ((pt.poss && !self.has(p, PRON))
                    || (self.has(p, DET) && !self.has(p, QUANT))
                    || self.has(p, PREP)
                    || self.is(p, w!("to")))
            {
                // "the said company", "his claims", "in fear", "to say"
                return None;
            }
            if f & C_PART != 0
                && (self.has(p, NUM) || pt.num)
                && (self.unknown(c + 1) || self.has(c + 1, VAGUE | DOC | DOCV | ROLE))
            {
                // "35 confirmed cases", "two reported deaths"
                return None;
            }
            if f & C_BASE != 0 && pt.kind == Tk::Comma && self.kind(c + 1) == Some(Tk::Comma) {
                // "about, say, 10 percent"
                return None;
            }
        }
        if self.is(c, w!("said"))
            && (prev.is_some_and(|p| self.is(p, w!("having")))
                || (prev.is_some_and(|p| self.is_any(p, ws!["that", "this"]))
                    && self.kind(c + 1) == Some(Tk::Comma)))
        {
            // "That said, ..." / "Having said that"
            return None;
        }
        if self.is_any(c, ws!["betting", "bets", "wagering"]) && !self.is(c + 1, w!("that")) {
            return None;
        }
        if self.is(c, w!("told")) && prev.is_some_and(|p| self.is(p, w!("all"))) {
            return None;
        }
        // "Companies told their workers to stay home": an instruction is an
        // act of its giver, a stance, not a source for what the story says.
        let spec = if self.is_any(c, ws!["told", "tells", "tell", "telling"])
            && self.instruction_after(c)
        {
            CueSpec {
                kind: CueKind::Stance,
                ..spec
            }
        } else {
            spec
        };
        if self.is(c, w!("asked"))
            && (self.is(c + 1, w!("not"))
                || (self.is(c + 1, w!("to")) && self.is_any(c + 2, ws!["be", "remain"])))
        {
            // "asked not to be named": a condition of anonymity, not a report
            return None;
        }
        let e = if spec.kind == CueKind::Speech {
            self.extension(c).unwrap_or(c)
        } else {
            c
        };
        let widely = prev.is_some_and(|p| {
            self.is_any(p, ws!["widely", "generally", "commonly", "broadly", "long"])
        });
        if f & C_PART != 0
            && let Some(p) = self.before_adverbs(c)
            && (self.has(p, BE) || widely)
        {
            // A passive reports a source only with its agent: "was confirmed by police".
            if self.is(e + 1, w!("by")) {
                let (z, _) = self.np_forward(e + 2, false)?;
                return self.emit(c, e, spec, Some(Src::Toks(e + 2, z)));
            }
            return None;
        }
        if f & C_PART != 0
            && self.is(e + 1, w!("by"))
            && let Some((z, _)) = self.np_forward(e + 2, false)
            && self.sourceish(e + 2, z)
        {
            // a reduced passive: "a figure later confirmed by the department"
            return self.emit(c, e, spec, Some(Src::Toks(e + 2, z)));
        }
        let nx = e + 1;
        if self.is(c, w!("reported")) && self.is(nx, w!("from")) {
            // a reporter's credit line: "Costa reported from Washington."
            return None;
        }
        // "the report states that", "point seven states: “...”"
        if f & C_THAT != 0
            && !(self.is(nx, w!("that")) && self.noun_cue_next(nx, f))
            && !self.quote_next(nx)
        {
            return None;
        }
        if self.is(nx, w!("of"))
            && self.is_any(
                c,
                ws![
                    "suspected",
                    "alleged",
                    "feared",
                    "thought",
                    "believed",
                    "expected",
                    "confirmed",
                    "admitted",
                ],
            )
        {
            // "users suspected of spreading it"
            return None;
        }
        if self.is_any(nx, ws!["of", "for", "as"])
            && self.is_any(
                c,
                ws![
                    "accused",
                    "criticized",
                    "criticised",
                    "praised",
                    "condemned",
                    "denounced",
                    "mocked",
                    "ridiculed",
                    "derided",
                ],
            )
        {
            // "the man accused of buying the guns", "a pastor praised for"
            return None;
        }
        if f & C_NOT_TO != 0 && self.is(nx, w!("to")) {
            return None;
        }
        // "a poll shows upstart Sen. Sanders ahead": after a document the
        // word is its verb whatever follows; the document test below
        // rejects "TV shows".
        if f & C_NOUN != 0 && f & C_DOC_ONLY == 0 && !self.noun_cue_next(nx, f) {
            return None;
        }
        let inverted = self.inverted(c, e);
        let src = match inverted {
            // "Smith, 45, said the plan." reads better with Smith speaking than
            // the plan: a name with an appositive before the comma wins.
            Some(inv) if c > 0 && matches!(self.kind(c - 1), Some(Tk::Comma | Tk::Dash)) => {
                match self.segment_subject(c - 1) {
                    Some((a, z, true)) => Some(Src::Toks(a, z)),
                    _ => Some(inv),
                }
            }
            Some(inv) => Some(inv),
            None => self.subject_before(c),
        };
        // Right after a quotation the verb reports it whatever follows:
        // "“...?” Trump continued at Trump Tower".
        let beside_quote = match (inverted, src) {
            (Some(_), _) => self.follows_quote(c),
            // only words between the quotation and the verb: "“...,” point
            // three begins", "“...,” Trump can be heard saying"
            (None, Some(Src::Toks(..))) => self.follows_quote(self.word_run_start(c, 5)),
            _ => false,
        };
        if f & C_COMPL != 0
            && e == c
            && inverted.is_none()
            && !beside_quote
            && !self.complement_next(nx, f)
        {
            return None;
        }
        // "The adviser continued that there is concern": a clause of what
        // was said, unlike "continued that night".
        let that_clause = self.is(nx, w!("that")) && !self.has(nx + 1, TIME | DET);
        if f & C_QUOTE != 0 && !self.quote_next(nx) && !that_clause {
            // "“...,” Ames continued at the vigil", not "continued support"
            // or "continues to lose"
            let object = self.kind(nx) == Some(Tk::Word)
                && !self.has(nx, PREP | TIME | SKIP | BOUND)
                || self.is(nx, w!("to"));
            if !beside_quote || (inverted.is_none() && object) {
                return None;
            }
        }
        if f & C_WRITTEN != 0 {
            // "the letter read", "the sign reads, in part:"
            let Some(Src::Toks(a, z)) = src else {
                return None;
            };
            let h = self.head(a, z);
            let written = self.has(h, DOC | DOCV | STMT) || self.is_any(h, WRITTEN_THINGS);
            let mut k = nx;
            if self.kind(k) == Some(Tk::Comma)
                && self.is(k + 1, w!("in"))
                && self.is(k + 2, w!("part"))
            {
                k += 3;
            }
            let compl = matches!(
                self.kind(k),
                None | Some(Tk::Quote | Tk::Colon | Tk::Comma | Tk::End)
            );
            // "“...,” read one", "“...,” read a banner": after a quotation
            // the inverted verb reads out any written thing.
            let after = inverted.is_some() && beside_quote;
            if !after && (!written || !(beside_quote || compl)) {
                return None;
            }
        }
        if f & C_NOUN != 0
            && let Some(Src::Toks(a, _)) = src
            && a > 0
            && !self.clause_edge(a - 1)
        {
            // A noun-like cue's subject opens a clause; "to ease growing
            // Asian worries about" has a verb before it.
            return None;
        }
        if f & (C_PART | C_STRONG) == C_PART
            && inverted.is_none()
            && let Some(Src::Toks(a, z)) = src
            && a > 0
            && (z + 1..c).all(|k| {
                self.adverb_ly(k) || self.is_any(k, ws!["later", "previously", "earlier", "since"])
            })
            && let Some(before) = self.before_modifiers(a)
            && (self.has(before, BE)
                || self.is_any(
                    before,
                    ws!["to", "from", "with", "about", "for", "on", "among"],
                ))
        {
            // A noun that is the object of a preposition or of "there have
            // been" is no subject: its bare participle is a reduced relative
            // ("according to industry data reported on Tuesday", "there have
            // been 40 events reported to the registry"), not a report. ("Of"
            // is left out: "plenty of observers ridiculed" is a subject.)
            return None;
        }
        if f & (C_PART | C_STRONG) == C_PART && inverted.is_none() && self.verb_follows(nx) {
            // A participle followed by its sentence's verb modifies the noun
            // before it: "Figures reported on Sunday now suggest that ...".
            return None;
        }
        let src = match src {
            // "the reforms announced last week", "millions of dollars said":
            // a thing that cannot speak is a misread subject.
            Some(Src::Toks(a, z)) if !self.speaker(a, z) => {
                if f & C_STRONG == 0 {
                    return None;
                }
                None
            }
            s => s,
        };
        if f & C_DOC_ONLY != 0 {
            let Some(Src::Toks(a, z)) = src else {
                return None;
            };
            let h = self.head(a, z);
            // "Pew found that ...": a speaker's finding, when a clause
            // follows ("the team found the keys" stays a plain act).
            let finding =
                self.is(e + 1, w!("that")) && self.noun_cue_next(e + 1, f) && self.plausible(a, z);
            if !self.has(h, DOC | DOCV) && !finding {
                return None;
            }
        }
        if f & (C_NOUN | C_BASE) != 0 {
            match src {
                Some(Src::Toks(a, z)) if self.plausible(a, z) => {}
                Some(Src::Copy(_)) => {}
                _ => return None,
            }
        }
        if src.is_none() && f & C_STRONG == 0 {
            return None;
        }
        self.emit(c, e, spec, src)
    }

    /// True when token `i` ends a clause before a subject: punctuation, a
    /// conjunction, a relative pronoun, an adverb or an earlier cue.
    fn clause_edge(&self, i: usize) -> bool {
        match self.kind(i) {
            None => true,
            Some(Tk::Word) => {
                self.cue_at[i] || self.has(i, BOUND | REL | SKIP | TIME) || self.is(i, w!("that"))
            }
            Some(_) => true,
        }
    }

    /// After a noun-like cue ("claims", "fears"): a word that starts a clause
    /// or object, not another noun ("insurance claims rose").
    fn noun_cue_next(&self, nx: usize, f: u16) -> bool {
        let Some(t) = self.tok(nx) else {
            return true;
        };
        match t.kind {
            Tk::Quote | Tk::Comma | Tk::Colon | Tk::Semi | Tk::Dash | Tk::End => true,
            Tk::Word => {
                if self.is(nx, w!("that")) {
                    // "claims that he lied", not "claims that were filed"
                    return !(self.has(nx + 1, BE | SKIP) || self.unknown(nx + 1));
                }
                (self.is(nx, w!("to")) && f & C_NEXT_TO != 0)
                    || (self.is_any(nx, ws!["of", "about"]) && f & C_NEXT_OF != 0)
                    || self.has(nx, PRON | DET)
                    || self.proper(nx)
            }
            _ => false,
        }
    }

    /// A speech complement: "that", a quotation, a comma, a colon, the end.
    fn complement_next(&self, nx: usize, f: u16) -> bool {
        // "recalled last week", "added on Monday that ..."
        let mut nx = nx;
        let mut hops = 0;
        while hops < 3
            && (self.has(nx, TIME)
                || (hops > 0
                    && (self.proper(nx)
                        || self.tok(nx).is_some_and(|t| t.kind == Tk::Word && t.num))))
        {
            nx += 1;
            hops += 1;
        }
        match self.kind(nx) {
            None | Some(Tk::Quote | Tk::Comma | Tk::Colon | Tk::Semi | Tk::Dash | Tk::End) => true,
            Some(Tk::Word) => {
                self.is(nx, w!("that"))
                    || (self.is(nx, w!("to")) && f & C_NEXT_TO != 0)
                    || (self.is_any(nx, ws!["of", "about", "against"]) && f & C_NEXT_OF != 0)
            }
            _ => false,
        }
    }

    /// True when token `i` comes right after a quotation (and its comma).
    fn follows_quote(&self, i: usize) -> bool {
        match i.checked_sub(1).and_then(|p| self.kind(p)) {
            Some(Tk::Quote) => true,
            Some(Tk::Comma) => i > 1 && self.kind(i - 2) == Some(Tk::Quote),
            _ => false,
        }
    }

    /// First token of the run of at most `max` words ending just before `c`.
    fn word_run_start(&self, c: usize, max: usize) -> usize {
        let mut a = c;
        while a > 0
            && c - a < max
            && self.kind(a - 1) == Some(Tk::Word)
            && !self.cue_at[a - 1]
            && !self.has(a - 1, BOUND | REL)
        {
            a -= 1;
        }
        a
    }

    /// A quotation next, perhaps after a colon or comma: "continued: “...”",
    /// "began, “...”" (not "nine states: Ohio, ...").
    pub(super) fn quote_next(&self, nx: usize) -> bool {
        match self.kind(nx) {
            Some(Tk::Quote) => true,
            Some(Tk::Colon | Tk::Comma) => self.kind(nx + 1) == Some(Tk::Quote),
            _ => false,
        }
    }

    /// After ", adding": what starts a reported clause.
    pub(super) fn clause_follows(&self, nx: usize) -> bool {
        match self.kind(nx) {
            None | Some(Tk::Quote | Tk::Colon) => true,
            // ", writing, “...”"
            Some(Tk::Comma) => self.kind(nx + 1) == Some(Tk::Quote),
            Some(Tk::Word) => {
                self.is(nx, w!("that")) || self.has(nx, PRON | DET) || self.proper(nx)
            }
            _ => false,
        }
    }
}

impl Finder<'_> {
    /// True when "told" at `c` gives an order: an object of up to three
    /// words and then "to" and a verb ("told their workers to stay home",
    /// "tells him to"), not "told reporters that" or "told the BBC".
    fn instruction_after(&self, c: usize) -> bool {
        self.kind(c + 1) == Some(Tk::Word)
            && (c + 2..c + 5)
                // a subject opens a reported clause: "told Politico they
                // planned to respond" reports what they planned
                .take_while(|&k| {
                    self.kind(k) == Some(Tk::Word)
                        && !self.is_any(k, ws!["they", "he", "she", "we", "i", "who", "that"])
                })
                .find(|&k| self.is(k, w!("to")))
                .is_some_and(|k| {
                    self.kind(k + 1) == Some(Tk::Word)
                        && !self.has(k + 1, DET | PRON | NUM)
                        && !self.toks[k + 1].cap
                })
    }
}
