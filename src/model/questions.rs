//! The shape of a question in narration: whether the writer poses it to
//! answer it at once (a set-up, "The culprit? A cold front.") or leaves it
//! standing to insinuate.

use super::Document;
use crate::prose::BlockKind;

/// Words that may open a set-up question before its question word.
const LEAD_INS: &[&str] = &["so", "and", "now", "well", "then"];

/// Question words that ask for information the next sentence gives. "Why"
/// is left out: "Why pursue it?" argues far more often than it sets up.
const WH: &[&str] = &[
    "what", "what's", "who", "who's", "whom", "which", "where", "when", "how",
];

/// Determiners that open a verbless set-up ("The culprit?", "Her answer?").
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "my"];

/// Longest set-up question, in words: a long question carries an argument.
const MAX_WORDS: usize = 12;

/// Longest verbless set-up fragment, in words.
const MAX_FRAGMENT_WORDS: usize = 5;

/// Words before a colon that present what follows as an open question the
/// story reports ("The question now: will the council act?").
const FRAMES: &[&str] = &[
    "question",
    "questions",
    "asks",
    "asked",
    "asking",
    "wonder",
    "wonders",
    "wondering",
    "unknown",
    "unclear",
    "unanswered",
    "watch",
    "stake",
    "mystery",
    "puzzle",
    // "the choice facing voters: do they ...?" is theirs to answer
    "choice",
    "dilemma",
];

/// Phrases in the next sentence that take a question up as open rather than
/// answer or argue it ("That question remains unanswered.").
const TAKEN_UP: &[&str] = &[
    "that question",
    "this question",
    "the question",
    "is unclear",
    "remains unclear",
    "remain unclear",
    "is not clear",
    "isn't clear",
    "remains to be seen",
    "unanswered",
    "no one knows",
    "nobody knows",
    "is unknown",
    "open question",
    "not yet known",
];

/// Phrases by which the sentence before hands the questions after it to
/// someone who asked them ("They insisted she tell them what she would do.
/// Would she hurt them?"): reported questions, not the writer's.
const ASKED_BY: &[&str] = &[
    "asked whether",
    "asked if",
    "asked what",
    "asked why",
    "asked how",
    "asked who",
    "asking whether",
    "asking what",
    "wanted to know",
    "demanded to know",
    "wondered whether",
    "wondered what",
    "wondered how",
    "wondered why",
    "tell them what",
    "tell him what",
    "tell her what",
    "tell them whether",
    "tell him whether",
    "tell her whether",
    "tell them why",
    "tell him why",
    "tell her why",
];

/// Phrases by which a sentence points back to a question already asked, so
/// it does not frame the one after it ("That question went unanswered.").
const BACK_REFERENCES: &[&str] = &["that question", "this question", "the answer", "answered"];

impl Document<'_> {
    /// True when question sentence `i` is a set-up the writer answers at once:
    /// a short information question ("What drove the merger?", "The
    /// culprit?") followed in its own paragraph by a statement. A "why"
    /// question, a negative one ("Isn't it?") or one with "really" argues,
    /// and a question followed by another question or left at the end of
    /// its paragraph stays a question.
    pub fn is_setup_question(&self, i: usize) -> bool {
        let Some(next) = self.sentences.get(i + 1) else {
            return false;
        };
        if next.block != self.sentences[i].block || next.is_question {
            return false;
        }
        let words = lowercase_words(self.sentence_text(i));
        if words.is_empty() || words.len() > MAX_WORDS {
            return false;
        }
        if words.iter().any(|w| w.ends_with("n't") || w == "really") {
            return false;
        }
        let lead = words
            .iter()
            .take_while(|w| LEAD_INS.contains(&w.as_str()))
            .count();
        let Some(first) = words.get(lead) else {
            return false;
        };
        WH.contains(&first.as_str())
            || (lead == 0
                && words.len() <= MAX_FRAGMENT_WORDS
                && DETERMINERS.contains(&first.as_str()))
    }

    /// True when question sentence `i` is framed as the open question the
    /// story reports, not asked by the writer to insinuate: introduced by a
    /// frame before a colon ("The question now: will ...?"), announced by
    /// the sentence before ("Several questions remain."), or taken up by
    /// the sentence after as still open ("That question remains
    /// unanswered.").
    pub fn is_framed_question(&self, i: usize) -> bool {
        let text = self.sentence_text(i).to_lowercase();
        if let Some(colon) = text.find(':')
            && FRAMES.iter().any(|f| has_word(&text[..colon], f))
        {
            return true;
        }
        let block = self.sentences[i].block;
        if i > 0 && self.sentences[i - 1].block == block && !self.sentences[i - 1].is_question {
            let prev = self.sentence_text(i - 1).to_lowercase();
            let names = has_word(&prev, "question") || has_word(&prev, "questions");
            if names && !BACK_REFERENCES.iter().any(|b| prev.contains(b)) {
                return true;
            }
        }
        // A run of reported questions: walk back over the questions before
        // this one to the statement that sets them up.
        let mut j = i;
        while j > 0 && self.sentences[j - 1].block == block && self.sentences[j - 1].is_question {
            j -= 1;
        }
        if j > 0 && self.sentences[j - 1].block == block {
            let prev = self.sentence_text(j - 1).to_lowercase();
            if ASKED_BY.iter().any(|a| prev.contains(a)) {
                return true;
            }
        }
        self.sentences.get(i + 1).is_some_and(|next| {
            next.block == block && !next.is_question && {
                let next = self
                    .sentence_text(i + 1)
                    .to_lowercase()
                    .replace('\u{2019}', "'");
                TAKEN_UP.iter().any(|t| next.contains(t))
            }
        })
    }

    /// True when question sentence `i` is a subhead: alone in a body
    /// paragraph or heading that is not the last block, and in Title Case
    /// ("What Can the Council Do?") or a short verbless label ("Down-ballot
    /// blues?") when it is a paragraph. A subhead
    /// announces the section below it. The headline is left to the rule.
    pub fn is_subhead_question(&self, i: usize) -> bool {
        let block = self.sentences[i].block;
        let alone = self.sentences.get(i + 1).is_none_or(|s| s.block != block)
            && (i == 0 || self.sentences[i - 1].block != block);
        if !alone || block + 1 >= self.prose.blocks.len() {
            return false;
        }
        match self.prose.blocks[block].kind {
            BlockKind::Heading => true,
            BlockKind::Headline => false,
            _ => is_title_case(self.sentence_text(i)) || is_fragment_subhead(self.sentence_text(i)),
        }
    }

    /// True when question sentence `i` ends its paragraph and the next
    /// paragraph opens with an answer label ("A: Yes, absolutely.") or with
    /// the answer in someone's quoted words ("Would he vote for it? ¶
    /// “We'll see,” he responded."): an interviewer's question, put to the
    /// subject, not to the reader. The interview's "Q" label is often lost
    /// in layout, its "A" rarely. A poll's question over its tally ("No
    /// 58%.") is put to those polled, and counts the same way.
    pub fn is_interview_question(&self, i: usize) -> bool {
        let block = self.sentences[i].block;
        if self.sentences.get(i + 1).is_some_and(|s| s.block == block) {
            return false;
        }
        let Some(next) = self
            .prose
            .blocks
            .get(block + 1)
            .and_then(|b| self.text().get(b.range.clone()))
        else {
            return false;
        };
        let t = next.trim_start();
        let labelled = ["A:", "A \u{2014}"]
            .iter()
            .any(|l| t.starts_with(l) && t[l.len()..].starts_with(char::is_whitespace));
        let quoted = t.starts_with(['"', '\u{201c}']) || t.starts_with("''");
        labelled || is_tally(t) || (quoted && self.quoted_answer(i + 1, block + 1))
    }

    /// Sentence `k`, the first of block `block`, reports its quotation as
    /// someone's speech ("“No, no,” he said").
    fn quoted_answer(&self, k: usize, block: usize) -> bool {
        self.sentences.get(k).is_some_and(|s| s.block == block)
            && self.attributions.iter().any(|a| {
                a.sentence == k && a.cue_kind == super::CueKind::Speech && a.source.is_some()
            })
    }
}

/// Most words in one line of a poll's tally ("Not sure 9%").
const MAX_TALLY_WORDS: usize = 5;

/// A line of a poll's tally: a short answer and its share, "No 58%." or
/// "Yes, 33 percent".
fn is_tally(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches('.');
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 2 || words.len() > MAX_TALLY_WORDS || !words[0].starts_with(char::is_uppercase)
    {
        return false;
    }
    let share = |w: &str| {
        let n = w.strip_suffix('%').unwrap_or(w);
        n != w && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    };
    let last = words[words.len() - 1];
    share(last)
        || (last == "percent"
            && words[words.len() - 2]
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.'))
}

/// Most words in a teaser paragraph ("Deferred action: Who are the
/// Dreamers?"); the writer's own "Here's the irony: ..." runs longer.
const MAX_TEASER_WORDS: usize = 24;
/// Most words in a teaser's label.
const MAX_LABEL_WORDS: usize = 4;

impl Document<'_> {
    /// True when question sentence `i` ends a short paragraph that opens
    /// with a label and a colon ("Embattled gun rights: The NRA is under
    /// fire. Can it recover?", "On the roster: ..."): a link to another
    /// story, the way sites run them between paragraphs, not a question the
    /// writer puts to the reader.
    pub fn is_teaser_question(&self, i: usize) -> bool {
        let block = self.sentences[i].block;
        if self.sentences.get(i + 1).is_some_and(|s| s.block == block)
            || self.prose.blocks[block].kind != BlockKind::Paragraph
        {
            return false;
        }
        let Some(t) = self.text().get(self.prose.blocks[block].range.clone()) else {
            return false;
        };
        let t = t.trim();
        if t.split_whitespace().count() > MAX_TEASER_WORDS {
            return false;
        }
        let Some(colon) = t.find(": ") else {
            return false;
        };
        let label = &t[..colon];
        let words: Vec<&str> = label.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= MAX_LABEL_WORDS
            && words[0].starts_with(char::is_uppercase)
            && !label.contains(['.', '?', '!', '"', '\u{201c}'])
    }
}

/// Words that open a question asked of the reader: a question word, an
/// auxiliary, or an intensifier ("Really?"). A paragraph-long question
/// opening otherwise ("Lawbreaker?", "GOP still dominant in the South?") is
/// a verbless section label.
const ASKING_OPENERS: &[&str] = &[
    "what",
    "what's",
    "who",
    "who's",
    "whom",
    "whose",
    "which",
    "where",
    "when",
    "why",
    "how",
    "sound",
    "sounds",
    "see",
    "ring",
    "guess",
    "know",
    "notice",
    "get",
    "want",
    "need",
    "care",
    "feel",
    "look",
    "you",
    "we",
    "they",
    "i",
    "it",
    "he",
    "she",
    "anything",
    "everyone",
    "nobody",
    "is",
    "isn't",
    "are",
    "aren't",
    "was",
    "wasn't",
    "were",
    "weren't",
    "do",
    "don't",
    "does",
    "doesn't",
    "did",
    "didn't",
    "can",
    "can't",
    "could",
    "couldn't",
    "will",
    "won't",
    "would",
    "wouldn't",
    "should",
    "shouldn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "had",
    "hadn't",
    "may",
    "might",
    "must",
    "shall",
    "really",
    "seriously",
    "so",
    "and",
    "but",
    "or",
    "then",
    "anyone",
    "anybody",
    "think",
    "remember",
    "any",
];

/// Longest verbless subhead, in words.
const MAX_SUBHEAD_WORDS: usize = 7;

/// A short question that opens with neither a question word nor a verb: the
/// shape of a section label ("Down-ballot blues?"), not of a question put
/// to the reader.
fn is_fragment_subhead(text: &str) -> bool {
    let words = lowercase_words(text);
    words.len() <= MAX_SUBHEAD_WORDS
        && words
            .first()
            .is_some_and(|w| !ASKING_OPENERS.contains(&w.as_str()))
}

/// The words of `text`, lowercased, punctuation trimmed, curly apostrophes
/// made straight ("Isn’t" -> "isn't").
fn lowercase_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
                .replace('\u{2019}', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// `word` occurs in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Every word of four letters or more starts with a capital, and there are
/// at least two such words.
fn is_title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    long.len() >= 2
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}
