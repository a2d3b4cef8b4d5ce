//! A question put to a source ("When asked whether ..., Ryan said",
//! "Asked about the merger, she smiled", "Christie said when asked ..."),
//! and the object a trailing participle speaks to (", telling voters that").
//!
//! PolNeAR counts "asked" here as a cue of the person asked. It is a
//! [`CueKind::Stance`]: it reports the question, not words of the source,
//! whose answer (when spoken) has a cue of its own; so rules are unaffected.

use super::{Finder, Src, Tk};
use crate::model::CueKind;
use crate::model::lexicon::{CueSpec, Special};

impl Finder<'_> {
    /// "asked" opening a question put to the clause's subject; `None` when
    /// this "asked" is not one (an ordinary "she asked ..." goes on to the
    /// verb rules).
    pub(super) fn asked_question(&mut self, c: usize) -> Option<usize> {
        if !self.is(c, w!("asked")) {
            return None;
        }
        let prev = c.checked_sub(1);
        let opens = match prev {
            None => true,
            Some(p) => {
                matches!(self.kind(p), Some(Tk::Open | Tk::Colon | Tk::Dash))
                    || self.is_any(p, ws!["when", "after", "once", "if", "upon"])
            }
        };
        // What follows names the question: "whether", "about the plan",
        // "who they favored", "to confirm", "by reporters", "for comment".
        let question = self.is_any(
            c + 1,
            ws![
                "whether",
                "if",
                "about",
                "who",
                "whom",
                "what",
                "why",
                "how",
                "which",
                "where",
                "when",
                "to",
                "for",
                "by",
                "again",
                "later",
                "directly",
                "repeatedly",
                "specifically"
            ],
        );
        if !(opens && question) {
            return None;
        }
        let mut spec = CueSpec {
            kind: CueKind::Stance,
            special: Special::None,
            flags: 0,
        };
        // "Christie said when asked ...": the speaker already named. Like a
        // trailing participle, the question is the speaker's situation, not
        // part of what was said, so it is read as one (see `emit`).
        if let Some(src) = self.last_source() {
            spec.special = Special::Trailing;
            return self.emit(c, c, spec, Some(src));
        }
        // "When asked about X, Ryan said ...": the subject after the
        // question's comma.
        let comma =
            (c + 2..(c + 30).min(self.toks.len())).find(|&i| self.kind(i) == Some(Tk::Comma))?;
        let (z, _) = self.np_forward(comma + 1, true)?;
        if !self.plausible(comma + 1, z) {
            return None;
        }
        self.emit(c, c, spec, Some(Src::Toks(comma + 1, z)))
    }

    /// A noun phrase object and then what was said: "telling holdouts
    /// that ...", "warning voters to ...", "telling reporters: “...”".
    pub(super) fn object_then_content(&self, i: usize) -> bool {
        let Some((mut z, _)) = self.np_forward(i, false) else {
            return false;
        };
        // Where or when the audience heard it may come between the object
        // and what was said: "is telling a packed crowd in Windham that
        // ...", "telling supporters after the vote, “...”".
        for _ in 0..3 {
            let p = z + 1;
            if !self.is_any(p, ws!["in", "at", "on", "during", "after", "outside"]) {
                break;
            }
            match self.np_forward(p + 1, false) {
                Some((e, _)) => z = e,
                None => break,
            }
        }
        // A comma may close the place ("..., New Hampshire, that"), but a
        // "to" after one is no longer the object's instruction.
        if self.kind(z + 1) == Some(Tk::Comma) {
            return self.is(z + 2, w!("that")) || self.kind(z + 2) == Some(Tk::Quote);
        }
        self.is_any(z + 1, ws!["that", "to"])
            || matches!(self.kind(z + 1), Some(Tk::Quote | Tk::Colon))
    }
}
