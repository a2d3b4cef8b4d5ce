//! The cue scan: which words start an attribution, and the cues with a
//! grammar of their own.
//!
//! [`Finder::scan`] visits only the stop words the tokenizer noted (cues,
//! state adjectives, the prepositions of "in a statement"); each cue is
//! tried in turn, ordinary verbs handed to [`Finder::verb`], the special
//! ones ("according to", "citing", ", saying", "described ... as") read
//! here. [`Finder::emit`] records what was found.

use super::{Finder, MAX_SUBJECT, Src, Tk};
use crate::model::lexicon::{
    ADJ, ANON, BE, CONCERN, CueSpec, DET, Key, LINK, PLATFORM, PREP, PRON, QUANT, ROLE, SKIP,
    SPOKEN, STMT, Special, TIME, TITLE, VAGUE,
};
use crate::model::{Attribution, CueKind, SourceKind};

impl Finder<'_> {
    pub(super) fn scan(&mut self) {
        let mut phrase: Option<(usize, usize)> = None;
        let mut poll: Option<(usize, usize)> = None;
        // Only the words in `stops` can start anything; a cue that reads
        // on to token `c` passes over the stops before it.
        let mut c = 0;
        let mut k = 0;
        while let Some(&stop) = self.stops.get(k) {
            k += 1;
            if stop < c {
                continue;
            }
            c = stop;
            let t = self.toks[c];
            if t.lex.be_adj()
                && let Some(next) = self.be_adjective(c)
            {
                c = next;
                continue;
            }
            if let Some(spec) = t.lex.cue {
                // "a think tank" is an institution, not a state of mind
                // ("think" is a cue: words that are not skip the comparison).
                if self.is(c, w!("think"))
                    && self.is_any(c + 1, ws!["tank", "tanks", "piece", "pieces"])
                {
                    c += 2;
                    continue;
                }
                if (!t.cap || t.neutral)
                    && let Some(next) = self.asked_question(c).or_else(|| self.cue(c, spec))
                {
                    c = next;
                    continue;
                }
            }
            if phrase.is_none()
                && t.lex.has(PREP | TIME)
                && let Some(e) = self.statement_phrase(c)
            {
                phrase = Some((c, e));
            }
            if poll.is_none() && self.is(c, w!("in")) {
                poll = self.poll_phrase(c).map(|e| (c, e));
            }
            c += 1;
        }
        if self.out.len() == self.first
            && let Some((s, e)) = phrase
        {
            self.standalone_phrase(s, e);
        }
        if let Some((s, e)) = poll {
            self.emit_poll(s, e);
        }
    }

    /// "in a CNN/ORC poll", "in the latest surveys", "in Forbes' words": the
    /// preposition sources what the sentence reports to the poll or the
    /// writer named, whatever other cue the sentence has ("In a poll released
    /// Monday, 40 percent said ..."). The index of the phrase's last word.
    fn poll_phrase(&self, i: usize) -> Option<usize> {
        let first = self.tok(i + 1)?;
        if first.kind != Tk::Word {
            return None;
        }
        // "in Forbes' words", "in the mayor's words", "in his own words"
        let owner =
            if self.has(i + 1, DET) && !self.is_any(i + 1, ws!["his", "her", "their", "its"]) {
                i + 2
            } else {
                i + 1
            };
        if let Some(o) = self.tok(owner).filter(|t| t.kind == Tk::Word) {
            let apostrophe = self.text[o.end..].starts_with(['\'', '\u{2019}']);
            if o.poss || apostrophe || self.is_any(owner, ws!["his", "her", "their", "its"]) {
                // the apostrophe of "Forbes’" may stand as a token of its own
                let mut k = owner + 1;
                if self.kind(k).is_some_and(|t| t != Tk::Word) {
                    k += 1;
                }
                if self.is(k, w!("own")) {
                    k += 1;
                }
                return self.is(k, w!("words")).then_some(k);
            }
        }
        // "rising in the polls" is standing, not a source
        if !self.has(i + 1, DET)
            || (self.is(i + 1, w!("the")) && self.is_any(i + 2, ws!["polls", "polling"]))
        {
            return None;
        }
        // "in a new NBC News/Wall Street Journal poll": a few modifiers, then
        // the poll word (not "in a poll tax" nor "in the polling place").
        for k in i + 2..i + 8 {
            let t = self.tok(k)?;
            if t.kind != Tk::Word {
                return None;
            }
            if self.is_any(k, ws!["poll", "polls", "survey", "surveys", "polling"]) {
                let next = self.tok(k + 1);
                let noun_next = next.is_some_and(|n| {
                    n.kind == Tk::Word && !n.cap && self.unknown(k + 1) && !self.adverb_ly(k + 1)
                });
                return (!noun_next || self.is(k + 1, w!("released"))).then_some(k);
            }
            if !(t.lex.has(ADJ) || self.unknown(k) || self.proper(k) || t.num) {
                return None;
            }
        }
        None
    }

    /// Records the poll phrase `s..=e` of [`Finder::poll_phrase`]: the
    /// preposition is the cue, the poll (or the writer) the source.
    fn emit_poll(&mut self, s: usize, e: usize) {
        let spec = CueSpec {
            kind: CueKind::Speech,
            special: Special::None,
            flags: 0,
        };
        let src = if self.is(e, w!("words")) {
            let mut z = e - 1;
            while z > s + 1 && (self.is(z, w!("own")) || self.kind(z) != Some(Tk::Word)) {
                z -= 1;
            }
            Src::Toks(s + 1, z)
        } else {
            Src::Toks(s + 1, e)
        };
        self.emit(s, s, spec, Some(src));
    }

    /// The progressive of a reporting verb, `b` its "be": "Trump is
    /// demanding that ...", "the group is also accusing Obama of ...". It
    /// reports when what it reports follows, and its subject stands before
    /// the "be" and can speak; `contracted`: `b` is the subject and its "be"
    /// in one word ("he's telling").
    fn progressive(
        &mut self,
        c: usize,
        b: usize,
        contracted: bool,
        spec: CueSpec,
    ) -> Option<usize> {
        // A speech verb needs what is said ("stressing that", "urging
        // voters to"): "prices are stressing the budget" says nothing. A
        // stance (report only) may take a plain object ("is defending his
        // tweets").
        let follows = self.is(c + 1, w!("that"))
            || self.quote_next(c + 1)
            || self.kind(c + 1) == Some(Tk::Colon)
            || self.object_then_content(c + 1)
            || (spec.kind == CueKind::Stance
                && (self.is_any(c + 1, ws!["him", "her", "them", "us", "me"])
                    || self.clause_follows(c + 1)));
        if !follows {
            return None;
        }
        let subject = if contracted {
            Some(Src::Toks(b, b))
        } else {
            self.subject_before(b)
        };
        let Some(Src::Toks(a, z)) = subject else {
            return None;
        };
        if !self.speaker(a, z) || !self.plausible(a, z) {
            return None;
        }
        self.emit(c, c, spec, Some(Src::Toks(a, z)))
    }

    /// Tries the cue at `c`; on success records it and returns the index
    /// after it.
    fn cue(&mut self, c: usize, spec: CueSpec) -> Option<usize> {
        match spec.special {
            Special::None => self.verb(c, spec),
            Special::According => {
                if !self.is(c + 1, w!("to")) {
                    return None;
                }
                // "according to recently hacked documents"
                let mut s = c + 2;
                while self.has(s, SKIP) || (self.unknown(s) && self.adverb_ly(s)) {
                    s += 1;
                }
                let src = self.np_forward(s, false).map(|(z, _)| Src::Toks(s, z));
                self.emit(c, c + 1, spec, src)
            }
            Special::Citing => {
                let (z, _) = self.np_forward(c + 1, false)?;
                if !self.sourceish(c + 1, z) {
                    return None;
                }
                self.emit(c, c, spec, Some(Src::Toks(c + 1, z)))
            }
            Special::Trailing => {
                let p = c.checked_sub(1)?;
                if let Some(b) = self.before_adverbs(c) {
                    if self.is_any(b, ws!["is", "are", "was", "were"]) {
                        return self.progressive(c, b, false, spec);
                    }
                    // "He's telling allies that ...": subject and auxiliary in one word
                    if self.is_any(b, ws!["he's", "she's", "they're"]) {
                        return self.progressive(c, b, true, spec);
                    }
                }
                let after_comma = self.kind(p) == Some(Tk::Comma)
                    || self.is_any(p, ws!["by", "while", "before", "after", "when"]);
                // "can be heard saying", "was caught on tape saying"
                let heard = self.is_any(
                    p,
                    ws![
                        "heard", "seen", "caught", "filmed", "recorded", "shown", "tape",
                    ],
                );
                // "apologized stating “...”": a quotation right after the
                // participle makes up for the missing comma.
                let quoted = self.quote_next(c + 1)
                    && self.kind(p) == Some(Tk::Word)
                    && !self.has(p, DET | PREP)
                    && !self.toks[p].poss;
                if !(after_comma || heard || quoted) {
                    return None;
                }
                // ", calling him a liar", ", telling them ...", ", referring
                // to the convention": an object or "to" also opens what the
                // participle reports.
                let object = self.is_any(c + 1, ws!["him", "her", "them", "us", "me"])
                    || (self.is(c, w!("referring")) && self.is(c + 1, w!("to")))
                    || self.object_then_content(c + 1);
                if !self.is(c, w!("saying")) && !object && !self.clause_follows(c + 1) {
                    return None;
                }
                let src = self.last_source().or_else(|| self.clause_subject(c))?;
                self.emit(c, c, spec, Some(src))
            }
            Special::Expressed | Special::Issued => {
                let e = self.object_noun(c, |f, k| {
                    if spec.special == Special::Issued {
                        f.is_any(k, SPOKEN) && !f.is(k, w!("conference"))
                    } else {
                        f.toks[k].lex.has(CONCERN)
                    }
                })?;
                let src = self.subject_before(c)?;
                self.emit(c, e, spec, Some(src))
            }
            Special::Described => {
                // Seeing is a view only with what the thing is seen as:
                // "seen by millions", "saw the crowd" are sight.
                let described = self.is(c, w!("described"));
                // A passive with its agent: "the country described by the
                // president", "was described by aides as".
                if self.is(c + 1, w!("by"))
                    && let Some((z, _)) = self.np_forward(c + 2, false)
                    && self.sourceish(c + 2, z)
                    && (described || self.view_as(z + 1))
                {
                    return self.emit(c, c, spec, Some(Src::Toks(c + 2, z)));
                }
                if self.before_adverbs(c).is_some_and(|p| self.has(p, BE)) {
                    return None;
                }
                // "Manafort, seen as a formidable opponent", "comments seen
                // as insulting": a participle with no agent is the writer's.
                if !described
                    && (self.is(c, w!("seen"))
                        || c.checked_sub(1)
                            .is_some_and(|p| self.kind(p) == Some(Tk::Comma)))
                {
                    return None;
                }
                // "described the plan as", or a quotation holding the "as"
                let has_as = (c + 1..(c + 9).min(self.toks.len()))
                    .take_while(|&k| matches!(self.kind(k), Some(Tk::Word | Tk::Quote)))
                    .any(|k| {
                        if described {
                            self.is(k, w!("as")) || self.kind(k) == Some(Tk::Quote)
                        } else {
                            self.view_as(k)
                        }
                    });
                if !has_as {
                    return None;
                }
                let src = self.subject_before(c)?;
                // "The year saw", "2016 saw": a time sees nothing.
                if !described
                    && let Src::Toks(a, z) = src
                    && (self.has(self.head(a, z), TIME)
                        || self.toks[self.head(a, z)].num
                        || !self.speaker(a, z))
                {
                    return None;
                }
                self.emit(c, c, spec, Some(src))
            }
            Special::Quoted => {
                if self.is(c + 1, w!("as")) && self.is(c + 2, w!("saying")) {
                    let src = match self.before_adverbs(c) {
                        Some(p) if self.has(p, BE) => self.subject_before(p),
                        _ => self.subject_before(c),
                    }?;
                    return self.emit(c, c + 2, spec, Some(src));
                }
                // "quoted the minister as saying": the quoted person speaks.
                let k = (c + 2..(c + 10).min(self.toks.len()))
                    .find(|&k| self.is(k, w!("as")) && self.is(k + 1, w!("saying")))?;
                if !(c + 1..k).all(|i| self.kind(i) == Some(Tk::Word)) {
                    return None;
                }
                self.emit(c, c, spec, Some(Src::Toks(c + 1, k - 1)))
            }
            Special::Pointed => {
                if !self.is(c + 1, w!("out")) {
                    return None;
                }
                let src = self.inverted(c, c + 1).or_else(|| self.subject_before(c))?;
                self.emit(c, c + 1, spec, Some(src))
            }
            Special::Raised => self.raised(c, spec),
            Special::BeAdj => None,
        }
    }

    /// Token `k` is the "as" of a view ("see him as a threat"), not of a
    /// comparison or a time ("as many as", "as he left").
    fn view_as(&self, k: usize) -> bool {
        const DEGREE: &[Key] = ws![
            "many", "much", "well", "soon", "long", "far", "often", "quickly", "early", "late",
        ];
        self.is(k, w!("as"))
            && !k.checked_sub(1).is_some_and(|p| self.is_any(p, DEGREE))
            && self.kind(k + 1) == Some(Tk::Word)
            && !self.has(k + 1, PRON)
            && !self.is_any(k + 1, DEGREE)
            && !self.is_any(
                k + 1,
                ws!["if", "though", "of", "to", "part", "possible", "usual"],
            )
    }

    /// The object noun of the verb at `c` that `is_noun` accepts, within
    /// three words and past determiners, adjectives and open-class words
    /// ("expressed deep concern", "issued a written statement").
    fn object_noun(&self, c: usize, is_noun: impl Fn(&Self, usize) -> bool) -> Option<usize> {
        for k in c + 1..=c + 3 {
            if self.tok(k)?.kind != Tk::Word {
                return None;
            }
            if is_noun(self, k) {
                return Some(k);
            }
            if !(self.has(k, DET | ADJ | QUANT | SKIP) || self.unknown(k)) {
                return None;
            }
        }
        None
    }

    /// "Smith raised new questions about", "the senator cast doubt on": a
    /// person or an organisation voicing doubt is speaking. When a thing
    /// raises questions ("the payments raise questions", "it raised
    /// questions") the doubt is the writer's, and no one is the source.
    fn raised(&mut self, c: usize, spec: CueSpec) -> Option<usize> {
        let cast = self.is_any(c, ws!["cast", "casts"]);
        let e = self.object_noun(c, |f, k| {
            if cast {
                f.is_any(k, ws!["doubt", "doubts"])
            } else {
                f.is_any(
                    k,
                    ws!["questions", "concerns", "doubts", "objections", "alarm"],
                )
            }
        })?;
        let src = self.subject_before(c)?;
        let personal = match src {
            Src::Copy(_) => true,
            Src::Toks(a, z) => {
                let h = self.head(a, z);
                self.proper(h)
                    || self.has(h, ROLE | TITLE | VAGUE | ANON)
                    || self.is_any(h, ws!["he", "she", "they", "we", "i", "you"])
            }
        };
        if !personal {
            return None;
        }
        self.emit(c, e, spec, Some(src))
    }

    /// "is convinced", "are not worried", "remained concerned".
    fn be_adjective(&mut self, c: usize) -> Option<usize> {
        let mut j = c;
        for _ in 0..3 {
            let p = j.checked_sub(1)?;
            if self.has(p, SKIP) && !self.has(p, BE | LINK) {
                j = p;
            } else {
                break;
            }
        }
        let be = j.checked_sub(1)?;
        if !self.has(be, BE | LINK) || self.cue_at[be] {
            return None;
        }
        if self.is(c, w!("concerned")) && (be.saturating_sub(4)..be).any(|i| self.is(i, w!("far")))
        {
            // "as far as we are concerned"
            return None;
        }
        let src = self.subject_before(be)?;
        let spec = CueSpec {
            kind: CueKind::Belief,
            special: Special::BeAdj,
            flags: 0,
        };
        self.emit(be, c, spec, Some(src))
    }

    /// A cue's fixed continuation: "told reporters", "said in a statement".
    pub(super) fn extension(&self, c: usize) -> Option<usize> {
        if self.is(c, w!("told")) {
            if self.is_any(c + 1, ws!["reporters", "journalists"]) {
                return Some(c + 1);
            }
            if self.is(c + 1, w!("the")) && self.is_any(c + 2, ws!["press", "media"]) {
                return Some(c + 2);
            }
            if self.is(c + 1, w!("a"))
                && self.is_any(c + 2, ws!["news", "press"])
                && self.is_any(c + 3, ws!["conference", "briefing"])
            {
                return Some(c + 3);
            }
        }
        self.statement_phrase(c + 1)
    }

    /// "in a statement", "at a news conference", "on Twitter": the index of
    /// the phrase's last word.
    pub(super) fn statement_phrase(&self, i: usize) -> Option<usize> {
        // "in", "at" are prepositions, "on", "during" time words: a cheap
        // filter before any string comparison.
        if !self
            .tok(i)
            .is_some_and(|t| t.kind == Tk::Word && t.lex.has(PREP | TIME))
        {
            return None;
        }
        if self.is(i, w!("on")) {
            if self.is(i + 1, w!("social")) && self.is(i + 2, w!("media")) {
                return Some(i + 2);
            }
            if self
                .tok(i + 1)
                .is_some_and(|t| t.kind == Tk::Word && t.lex.has(PLATFORM))
            {
                return Some(i + 1);
            }
            return None;
        }
        if !self.is_any(i, ws!["in", "at", "during"]) || !self.has(i + 1, DET) {
            return None;
        }
        let mut last = None;
        for k in i + 2..i + 5 {
            let Some(t) = self.tok(k) else { break };
            if t.kind != Tk::Word {
                break;
            }
            if t.lex.has(STMT) && !self.proper(k) {
                last = Some(k);
            } else if !(t.lex.has(ADJ) || self.unknown(k) || self.proper(k) || t.num) {
                break;
            }
        }
        last
    }

    /// "In a statement, the company ..." with no verb cue in the sentence.
    fn standalone_phrase(&mut self, s: usize, e: usize) {
        if !self.is_any(e, SPOKEN) {
            return;
        }
        let spec = CueSpec {
            kind: CueKind::Speech,
            special: Special::None,
            flags: 0,
        };
        let mut k = e + 1;
        if self.is_any(
            k,
            ws![
                "released",
                "issued",
                "published",
                "posted",
                "sent",
                "signed",
            ],
        ) {
            k += 1;
        }
        // A statement comes from its author; a speech "from Wyoming" from a place.
        let from_author = self.is(k, w!("by"))
            || (self.is(k, w!("from"))
                && self.is_any(
                    e,
                    ws![
                        "statement",
                        "letter",
                        "email",
                        "e-mail",
                        "memo",
                        "release",
                        "filing",
                        "communique",
                    ],
                ));
        if from_author && let Some((z, _)) = self.np_forward(k + 1, false) {
            self.emit(s, e, spec, Some(Src::Toks(k + 1, z)));
            return;
        }
        if self.kind(e + 1) == Some(Tk::Comma)
            && let Some((z, _)) = self.np_forward(e + 2, true)
            && self.plausible(e + 2, z)
        {
            self.emit(s, e, spec, Some(Src::Toks(e + 2, z)));
            return;
        }
        let h = if self.kind(s.wrapping_sub(1)) == Some(Tk::Comma) {
            s.checked_sub(2)
        } else {
            s.checked_sub(1)
        };
        // After "is" or "been" the words before the phrase are a predicate
        // ("has been even more scathing in his remarks"), not its speaker.
        if let Some(h) = h
            && let Some(a) = self.np_back(h, h.saturating_sub(MAX_SUBJECT))
            && self.plausible(a, h)
            && !self.after_be(a)
        {
            self.emit(s, e, spec, Some(Src::Toks(a, h)));
        }
    }

    /// True when a form of "be" stands before token `a`, adverbs aside
    /// ("has been even more scathing").
    fn after_be(&self, a: usize) -> bool {
        let mut b = a;
        while b > 0 && (self.has(b - 1, SKIP) || self.adverb_ly(b - 1)) && !self.has(b - 1, BE) {
            b -= 1;
        }
        b > 0 && self.has(b - 1, BE)
    }

    /// True when token `c` follows a speech cue of its sentence with no
    /// new clause between: ", and officials feared" or "; investors fear"
    /// starts a statement of the writer's own.
    fn in_reported_speech(&self, c: usize) -> bool {
        let at = self.toks[c].start;
        let Some(speech) = self.out[self.first..]
            .iter()
            .filter(|a| a.cue_kind == CueKind::Speech && a.cue.end <= at)
            .map(|a| a.cue.end)
            .max()
        else {
            return false;
        };
        let from = self.toks.partition_point(|t| t.start < speech);
        !(from..c).any(|k| {
            self.kind(k) == Some(Tk::Semi)
                || (self.kind(k) == Some(Tk::Comma) && self.is_any(k + 1, ws!["and", "but"]))
        })
    }

    pub(super) fn emit(
        &mut self,
        c: usize,
        e: usize,
        spec: CueSpec,
        src: Option<Src>,
    ) -> Option<usize> {
        // A state of mind or stance inside what a source is reported to say
        // ("voters said they want ...", "Ames said he believes ...") is the
        // content of that speech, sourced by it; it is no attribution of
        // its own.
        // A trailing participle (", referring to ...") is the speaker's own
        // act, not part of what was said.
        if spec.kind != CueKind::Speech
            && spec.special != Special::Trailing
            && self.in_reported_speech(c)
        {
            return None;
        }
        let (source, source_kind) = match src {
            Some(Src::Toks(a, z)) => (
                Some(self.toks[a].start..self.toks[z].end),
                self.classify(a, z),
            ),
            Some(Src::Copy(i)) => (self.out[i].source.clone(), self.out[i].source_kind),
            None => (None, SourceKind::Vague),
        };
        self.out.push(Attribution {
            sentence: self.sentence,
            cue: self.toks[c].start..self.toks[e].end,
            source,
            source_kind,
            cue_kind: spec.kind,
            negated: crate::model::negated_before(self.text, self.toks[c].start),
        });
        for k in c..=e {
            self.cue_at[k] = true;
        }
        Some(e + 1)
    }
}
