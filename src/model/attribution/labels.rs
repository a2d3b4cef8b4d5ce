//! Speaker labels: a block that opens with a name and a colon ("Sara
//! Carter: ...", "Q: ...") is that speaker's, every sentence of it.
//!
//! Read once per document from the blocks, before any sentence is
//! tokenized: the label is not grammar inside a sentence but layout, and
//! the speech-block finder needs the labels as much as the attribution
//! driver does.

use std::ops::Range;

use crate::model::lexicon::{self, ROLE, TITLE};
use crate::prose::Block;

/// A speaker label opening a block: "Q: ...", "Sara Carter: ...",
/// "LeftCoast Dawg: “...”", a headline's "Trump: Let Hillary ...".
#[derive(Debug, Clone)]
pub(crate) struct Label {
    /// Index of the labelled block.
    pub(crate) block: usize,
    /// The speaker's name.
    pub(crate) source: Range<usize>,
    /// The colon, standing for the cue.
    pub(crate) colon: Range<usize>,
}

/// Words that label a block without naming who speaks ("Update:", "Photo
/// Credit:", "BOMBSHELL:"), lowercase.
#[rustfmt::skip]
const NOT_SPEAKERS: &[&str] = &[
    "note", "notes", "update", "updated", "photo", "photos", "pictured", "image", "images",
    "credit", "credits", "caption", "source", "sources", "related", "tags", "tag", "topics",
    "topic", "correction", "clarification", "disclosure", "disclaimer", "transcript",
    "advertisement", "sponsored", "location", "date", "dates", "price", "cost", "age", "height",
    "weight", "ingredients", "directions", "pros", "cons", "bottom", "line", "takeaway",
    "takeaways", "background", "context", "headline", "subject", "title", "genre", "rating",
    "runtime", "score", "status", "category", "categories", "filed", "posted", "published",
    "share", "email", "phone", "website", "address", "twitter", "facebook", "instagram",
    "youtube", "contact", "follow", "join", "subscribe", "download", "listen", "bombshell",
    "shock", "shocking", "alert", "urgent", "wow", "boom", "huge", "developing", "flashback",
    "epic", "busted", "leaked", "revealed", "exposed", "unreal", "disgusting", "hilarious",
    "insane", "outrageous", "scandal", "amazing", "incredible", "finally", "warning", "ouch",
    "yikes", "fact", "check", "surprise", "getty", "editors", "editor", "ps", "nb", "fyi",
    "spoiler", "trigger", "episode", "season", "part", "chapter", "step", "round", "phase",
    "stage", "level", "question", "questions", "answer", "answers", "problem", "solution",
    "result", "results", "conclusion", "summary", "reminder", "hint", "tip", "tips", "lesson",
    "rule", "goal", "mission", "motto", "theme", "topic", "agenda", "schedule", "time", "place",
    "venue", "cast", "starring", "director", "producer", "author", "publisher", "isbn",
    "warnings", "exclusive", "breaking", "news", "live", "watch", "video", "audio", "poll",
    "translation", "transcription", "contributing", "reporting", "additional", "edited", "compiled", "written", "byline", "name",
    "city", "state", "country", "hometown", "occupation", "party", "quick", "seriously",
    "honestly", "psa", "edit", "plus", "first", "second", "third", "next", "total", "totals",
];

/// Speaker labels of the blocks that open with one.
pub(crate) fn block_labels(text: &str, blocks: &[Block]) -> Vec<Label> {
    let mut labels = Vec::new();
    // A label in capitals ("CLINTON:") counts in a transcript, where such
    // labels recur, or before a quotation; alone it is a kicker
    // ("SHOCKER: ...").
    let mut caps = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if let Some((l, upper, quoted)) = block_label(text, i, b.range.clone()) {
            if upper && !quoted {
                caps.push(l);
            } else {
                labels.push(l);
            }
        }
    }
    // One capitalised label answered by a named speaker in the next block
    // is an interviewer's ("GQ: ...?" then "Jerry Springer: ...").
    if caps.len() < 2 {
        caps.retain(|c| labels.iter().any(|l| l.block == c.block + 1));
    }
    labels.append(&mut caps);
    labels.sort_by_key(|l| l.block);
    labels
}

/// The label opening block `block`, whether it is in capitals, and whether
/// a quotation follows it.
fn block_label(text: &str, block: usize, r: Range<usize>) -> Option<(Label, bool, bool)> {
    let s = text.get(r.clone())?;
    let b = s.as_bytes();
    let colon = memchr::memchr(b':', &b[..b.len().min(48)])?;
    let rest = s.get(colon + 1..)?;
    // "Clinton: 547" is a tally, not speech.
    if !rest.starts_with([' ', '\t', '\u{a0}'])
        || rest
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| c.is_ascii_digit() || matches!(c, '$' | '%' | '#'))
    {
        return None;
    }
    let name = s.get(..colon)?;
    let qa = matches!(name, "Q" | "A");
    let quoted = rest
        .trim_start()
        .starts_with(['"', '\u{201c}', '\u{2018}', '\'', '\u{ab}']);
    // A forum handle before a quotation: "illiniwek: “...”"
    let handle = quoted
        && !name.contains(' ')
        && name.len() >= 3
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && name.chars().next().is_some_and(char::is_alphabetic);
    let mut words = 0;
    let mut upper = true;
    let mut start = 0;
    for w in name.split(' ') {
        let ws = start;
        start += w.len() + 1;
        words += 1;
        let mut chars = w.chars();
        let first = chars.next()?;
        if words > 4
            || !(first.is_uppercase() || handle)
            || !w.chars().all(|c| {
                c.is_alphanumeric() || matches!(c, '.' | '\'' | '\u{2019}' | '-' | '&' | '_')
            })
        {
            return None;
        }
        upper &= !w.chars().any(char::is_lowercase);
        if qa {
            continue;
        }
        if w.chars().count() < 2 {
            return None;
        }
        let lower = w.trim_end_matches('.').to_ascii_lowercase();
        if NOT_SPEAKERS.contains(&lower.as_str()) {
            return None;
        }
        let (key, _) = lexicon::key_in(text.as_bytes(), r.start + ws, r.start + ws + w.len());
        let lex = lexicon::lookup(key);
        // Names and titles: "Sen. Ames", "President Obama", "Police".
        if lex.known() && !lex.has(TITLE | ROLE) {
            return None;
        }
    }
    let label = Label {
        block,
        source: r.start..r.start + colon,
        colon: r.start + colon..r.start + colon + 1,
    };
    Some((label, upper && !qa, quoted))
}
