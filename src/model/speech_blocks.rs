//! Whole blocks that are someone else's words although no quotation marks
//! say so: what follows a speaker label ("Ames: ..."), the rest of an
//! interview once its question-and-answer form is established, a block
//! introduced as a statement ("The bank said in a statement:"), and posts
//! embedded from social networks ("— Name (@handle) May 3, 2017").
//!
//! Loaded words, questions and hedges in them belong to the speaker, so the
//! model treats them as block quotations.

use std::ops::Range;

use super::attribution::Label;
use crate::prose::{Block, BlockKind};

/// Most blocks walked back from a post's signature line.
const MAX_POST_BLOCKS: usize = 8;
/// A post's earlier blocks are short lines ("I am a:", "Looking for:").
const MAX_POST_LINE_WORDS: usize = 12;

/// Byte ranges of the blocks (or the part after a speaker label) that are
/// reported speech, sorted by start.
pub(super) fn find(text: &str, blocks: &[Block], labels: &[Label]) -> Vec<Range<usize>> {
    let mut speech = vec![false; blocks.len()];
    let mut out = Vec::new();
    for l in labels {
        let r = &blocks[l.block].range;
        let Some(after) = text.get(l.colon.end..r.end) else {
            continue;
        };
        let start = l.colon.end + ws_prefix(after);
        if start < r.end {
            out.push(start..r.end);
        }
        speech[l.block] = true;
    }
    if let Some(from) = interview_start(text, blocks, labels) {
        let mut asked = false;
        for (i, b) in blocks.iter().enumerate().skip(from) {
            let Some(t) = text.get(b.range.clone()) else {
                continue;
            };
            if speech[i] || b.kind != BlockKind::Paragraph {
                continue;
            }
            asked |= is_question(t);
            if asked {
                speech[i] = true;
                out.push(b.range.clone());
            }
        }
    }
    // After an introduction, the quoted block may run on over several
    // paragraphs that each open with a quotation mark ("...saying things
    // like:" and three comments).
    let mut introduced = false;
    for i in 1..blocks.len() {
        let (intro, b) = (&blocks[i - 1], &blocks[i]);
        let Some(t) = text.get(b.range.clone()) else {
            introduced = false;
            continue;
        };
        let continues = introduced && t.starts_with(['"', '\u{201c}']);
        // "“...,” said Caddell." after the block: a quotation with its
        // own attribution is not part of the introduced one.
        introduced = b.kind == BlockKind::Paragraph
            && !narrated_quote(t)
            && (continues
                || (!matches!(intro.kind, BlockKind::ListItem | BlockKind::TableCell)
                    && text.get(intro.range.clone()).is_some_and(introduces_speech)));
        if introduced && !speech[i] {
            speech[i] = true;
            out.push(b.range.clone());
        }
    }
    for (i, b) in blocks.iter().enumerate() {
        if !text
            .get(b.range.clone())
            .is_some_and(|t| is_post_signature(t) || ends_with_post_signature(t))
        {
            continue;
        }
        if !speech[i] {
            speech[i] = true;
            out.push(b.range.clone());
        }
        for (n, j) in (0..i).rev().enumerate() {
            let prev = &blocks[j];
            let Some(t) = text.get(prev.range.clone()) else {
                break;
            };
            let words = t.split_whitespace().count();
            let first = n == 0;
            let intro = t.trim_end().ends_with(':') && words > 3;
            if n == MAX_POST_BLOCKS
                || speech[j]
                || prev.kind != BlockKind::Paragraph
                || is_post_signature(t)
                || (!first && (words > MAX_POST_LINE_WORDS || intro))
            {
                break;
            }
            speech[j] = true;
            out.push(prev.range.clone());
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// The block after which the document reads as an interview: a labelled
/// question answered in the next block under a different label ("GQ: ...?"
/// then "Jerry Springer: ..."). Later paragraphs alternate question and
/// answer without repeating the labels.
fn interview_start(text: &str, blocks: &[Block], labels: &[Label]) -> Option<usize> {
    labels.windows(2).find_map(|w| {
        let (q, a) = (&w[0], &w[1]);
        let asked = text
            .get(blocks[q.block].range.clone())
            .is_some_and(is_question);
        let other = text.get(q.source.clone()) != text.get(a.source.clone());
        (asked && other && a.block == q.block + 1).then_some(a.block + 1)
    })
}

/// Words of an introduction that hands over to a quoted block.
#[rustfmt::skip]
const SPEECH_INTRO_WORDS: &[&str] = &[
    "said", "says", "say", "wrote", "writes", "write", "read", "reads", "reported", "reports",
    "stated", "states", "statement", "tweeted", "tweet", "posted", "post", "responded",
    "response", "replied", "reply", "added", "adds", "told", "explained", "explaining",
    "continued", "announced", "declared", "according", "quote", "quoted", "excerpt", "letter",
    "email", "message", "saying", "writing", "asked", "answered",
    // "He began:", "... at the hearing:": a speaker's remarks set out below
    "began", "testified", "argued", "remarked", "noted", "insisted", "warned", "claimed",
    "wondered", "asks", "hearing", "speech", "remarks", "testimony", "interview",
    // "... stumbled on Psalm 121, reading:": a text quoted below
    "reading", "recited", "reciting", "passage",
];

/// The block ends with a colon after a sentence that reports speech or
/// writing ("In a statement, the bank said:", "On April 3, he tweeted:").
fn introduces_speech(block: &str) -> bool {
    let Some(body) = block.trim_end().strip_suffix(':') else {
        return false;
    };
    let last = body.rfind(['.', '!', '?']).map_or(body, |i| &body[i + 1..]);
    let mut words = last
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    // "Read the latest updates below:", "Watch:": an instruction to the
    // reader opens what follows, not a speaker's words.
    let first = words.next();
    let imperative = first.is_some_and(|w| {
        w.starts_with(char::is_uppercase)
            && [
                "read", "write", "post", "tweet", "email", "reply", "quote", "message",
            ]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(w))
    });
    let intro = |w: &str| SPEECH_INTRO_WORDS.iter().any(|k| k.eq_ignore_ascii_case(w));
    (!imperative && first.is_some_and(intro)) || words.any(intro)
}

/// A paragraph that opens with a quotation and, after it closes, goes on in
/// the writer's words: "“...,” said Caddell. “...”".
fn narrated_quote(block: &str) -> bool {
    let (open, close) = if block.starts_with('"') {
        ('"', '"')
    } else if block.starts_with('\u{201c}') {
        ('\u{201c}', '\u{201d}')
    } else {
        return false;
    };
    let body = &block[open.len_utf8()..];
    let Some(end) = body.find(close) else {
        return false;
    };
    let rest = body[end + close.len_utf8()..].trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '.' | '!' | '?' | ';' | '\u{2014}' | '\u{2013}' | '-'
            )
    });
    rest.starts_with(char::is_alphabetic)
}

/// The block ends with a question mark (closing quotes and brackets aside).
fn is_question(block: &str) -> bool {
    let t = block.trim_end();
    super::question_mark(t, &(0..t.len())).is_some()
}

/// The signature line under an embedded post: "— Name (@handle) Date" as
/// Twitter's embed code prints it, or Instagram's "A post shared by Name
/// (@handle) on Date".
fn is_post_signature(block: &str) -> bool {
    let t = block.trim_start();
    let rest = if let Some(r) = t.strip_prefix("A post shared by ") {
        r
    } else if let Some(r) = t
        .strip_prefix('\u{2014}')
        .or_else(|| t.strip_prefix('\u{2013}'))
        .or_else(|| t.strip_prefix('-'))
    {
        r
    } else {
        return false;
    };
    if rest.len() > 200 {
        return false;
    }
    let Some(at) = rest.find("(@") else {
        return false;
    };
    let handle = &rest[at + 2..];
    let len = handle
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    len > 0 && handle[len..].starts_with(')')
}

/// A paragraph that runs an embedded post's text into its signature, as
/// copy pasted from a page often does: "... https://t.co/x — Name (@handle)
/// May 6, 2019".
fn ends_with_post_signature(block: &str) -> bool {
    let t = block.trim_end();
    // The signature is the tail: a dash, a name, the handle and a date.
    let from = t.len().saturating_sub(160);
    let Some(tail) = t
        .get(from..)
        .or_else(|| t.get(t.len().saturating_sub(120)..))
    else {
        return false;
    };
    tail.rmatch_indices(['\u{2014}', '\u{2013}'])
        .chain(tail.rmatch_indices(" - ").map(|(i, m)| (i + 1, &m[1..])))
        .any(|(i, _)| {
            let sig = &tail[i..];
            is_post_signature(sig) && sig.rfind(')').is_some_and(|close| sig.len() - close < 40)
        })
}

/// Stretches of a transcript run together in paragraphs ("KERNEN: Will you
/// cut them? TRUMP: At some point..."): after each capitalised speaker label
/// up to the next label or the paragraph's end. Only a document with at least
/// two such labels is a transcript; one capitalised word before a colon may be
/// a heading ("UPDATE: ...").
pub(super) fn inline_transcript(text: &str, blocks: &[Block]) -> Vec<Range<usize>> {
    let mut labels: Vec<(usize, usize, usize)> = Vec::new(); // (block, label start, colon end)
    for (bi, b) in blocks.iter().enumerate() {
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        let Some(t) = text.get(b.range.clone()) else {
            continue;
        };
        let bytes = t.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let at_start = i == 0
                || (i >= 2
                    && bytes[i - 1] == b' '
                    && matches!(bytes[i - 2], b'.' | b'?' | b'!' | b'"'));
            if at_start && bytes[i].is_ascii_uppercase() {
                let n = bytes[i..]
                    .iter()
                    .take_while(|c| {
                        c.is_ascii_uppercase() || matches!(c, b' ' | b'.' | b'\'' | b'-')
                    })
                    .count();
                let label = &t[i..i + n];
                let letters = label.bytes().filter(u8::is_ascii_uppercase).count();
                if bytes.get(i + n) == Some(&b':')
                    && letters >= 3
                    && label.split(' ').count() <= 3
                    && bytes.get(i + n + 1) == Some(&b' ')
                {
                    labels.push((bi, b.range.start + i, b.range.start + i + n + 1));
                    i += n + 1;
                    continue;
                }
            }
            i += 1;
        }
    }
    if labels.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, &(bi, _, colon_end)) in labels.iter().enumerate() {
        let end = match labels.get(k + 1) {
            Some(&(nb, next, _)) if nb == bi => next,
            _ => blocks[bi].range.end,
        };
        let start = colon_end + text.get(colon_end..end).map_or(0, ws_prefix);
        if start < end {
            out.push(start..end);
        }
    }
    out
}

/// Length of the white space opening `s`.
fn ws_prefix(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_of_embedded_posts() {
        assert!(is_post_signature(
            "\u{2014} Harbour Watch (@harbourwatch) May 3, 2017"
        ));
        assert!(is_post_signature("- Dana (@dana_r) June 1, 2016"));
        assert!(is_post_signature(
            "A post shared by Ames Bakery (@amesbakes) on Jul 2, 2017 at 9:14am PDT"
        ));
        assert!(!is_post_signature("\u{2014} Dana, by email"));
        assert!(!is_post_signature("Write to us (@desk) any time."));
        assert!(!is_post_signature("\u{2014} Dana (@) May 3"));
        assert!(ends_with_post_signature(
            "The vote is rigged. https://t.co/x1 \u{2014} Dana Ruiz (@danaruiz) May 6, 2019"
        ));
        assert!(!ends_with_post_signature(
            "Ruiz (@danaruiz on most sites) spoke \u{2014} at length \u{2014} for an hour."
        ));
    }

    #[test]
    fn transcripts_run_together_in_paragraphs() {
        let t = "The host asked. HOST: Will you cut them? MAYOR: At some point, yes.";
        let b = [Block {
            range: 0..t.len(),
            kind: BlockKind::Paragraph,
        }];
        let r = inline_transcript(t, &b);
        let got: Vec<&str> = r.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(got, ["Will you cut them? ", "At some point, yes."]);
        let one = "UPDATE: The road reopened.";
        let b = [Block {
            range: 0..one.len(),
            kind: BlockKind::Paragraph,
        }];
        assert!(inline_transcript(one, &b).is_empty());
    }

    #[test]
    fn introductions_of_quoted_blocks() {
        assert!(introduces_speech("The bank said in a statement:"));
        assert!(introduces_speech("It rained. On April 3, he tweeted:"));
        assert!(introduces_speech("According to the Harbour Gazette:"));
        assert!(introduces_speech(
            "In the chapel she found the old hymn, reading:"
        ));
        assert!(!introduces_speech("In other news:"));
        assert!(!introduces_speech(
            "The mayor said no. Here are the figures:"
        ));
        assert!(!introduces_speech("The mayor said so."));
    }

    #[test]
    fn questions_end_with_a_question_mark() {
        assert!(is_question("Why now?"));
        assert!(is_question("Did he say “why now?”"));
        assert!(!is_question("He asked why. It rained."));
    }
}
