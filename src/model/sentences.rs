//! Sentence segmentation of one block.
//!
//! A sentence ends at `.`, `?`, `!` or an ellipsis, plus any closing quotation
//! marks and brackets, when white space and a word that can open a sentence
//! follow. The period is the hard case: abbreviations, initials and numbers
//! use it too, so the word before it and the word after it decide.

use std::ops::Range;

use super::lexicon::{self, Abbrev};
use super::scan::{ascii_lower, char_at, find_any, ws_len};

/// Splits `range` of `text` into trimmed sentence ranges, calling `emit` for each.
///
/// `headline` blocks are title case, so a capital after an abbreviation is no
/// evidence of a new sentence there.
pub(super) fn split(
    text: &str,
    range: Range<usize>,
    headline: bool,
    mut emit: impl FnMut(Range<usize>),
) {
    let b = text.as_bytes();
    let end = range.end;
    let mut i = range.start;
    let mut sent_start = range.start;
    while i < end {
        // Only terminators matter: jump to the next one.
        // The ellipsis (E2 80 A6) is found by its last byte: curly quotes
        // and dashes share its first, and would stop the scan for nothing.
        let Some(t) = find_any(b, i, end, [b'.', b'?', b'!', 0xA6]) else {
            break;
        };
        i = t;
        if b[i] == 0xA6 {
            if i >= range.start + 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80 {
                i -= 2;
            } else {
                i += 1;
                continue;
            }
        }
        let term_start = i;
        let (mut dots, mut qe, mut ellipsis) = (0usize, false, false);
        let mut j = i;
        while j < end {
            match b[j] {
                b'.' => {
                    dots += 1;
                    j += 1;
                }
                b'?' | b'!' => {
                    qe = true;
                    j += 1;
                }
                0xE2 if b.get(j + 1) == Some(&0x80) && b.get(j + 2) == Some(&0xA6) => {
                    ellipsis = true;
                    j += 3;
                }
                _ => break,
            }
        }
        ellipsis |= dots >= 2;
        let mut quote_closer = false;
        while j < end {
            match closer_len(b, j) {
                Some((len, is_quote)) => {
                    j += len;
                    quote_closer |= is_quote;
                }
                None => break,
            }
        }
        if j >= end {
            break;
        }
        if ws_len(b, j) == 0 {
            // "3.5", "U.S.-based", "Yahoo!Inc": no space, no boundary.
            i = j;
            continue;
        }
        let mut k = j;
        while k < end {
            let w = ws_len(b, k);
            if w == 0 {
                break;
            }
            k += w;
        }
        if k >= end {
            break;
        }
        if b[k] == b'.' {
            // a spaced ellipsis ". . ." goes on
            i = k;
            continue;
        }
        let prev_word = word_before(text, term_start, sent_start);
        let boundary = if qe {
            ends_after_mark(text, k, end, quote_closer)
        } else if ellipsis {
            char_at(text, k, end).is_some_and(|c| c.is_uppercase() || is_opening(c))
        } else {
            ends_after_period(text, prev_word, k, end, headline)
        };
        if boundary {
            if sent_start < j {
                emit(sent_start..j);
            }
            sent_start = k;
        }
        i = k;
    }
    let tail = text.get(sent_start..end).unwrap_or("").trim_end();
    if !tail.trim_start().is_empty() {
        emit(sent_start..sent_start + tail.len());
    }
}

/// The ASCII word ending at `t` (at most 40 bytes, not before `floor`), with
/// any opening marks; empty when it holds other non-ASCII chars, which no
/// abbreviation does.
fn word_before(text: &str, t: usize, floor: usize) -> &str {
    let b = text.as_bytes();
    let mut k = t;
    while k > floor && t - k < 40 {
        let c = b[k - 1];
        if c >= 0x80 {
            // An opening mark or a space before the word is fine; a letter
            // such as the é of "née" means no abbreviation.
            let before = &b[floor..k];
            let mark = ["\u{201c}", "\u{2018}", "\u{ab}", "\u{a0}"]
                .iter()
                .any(|m| before.ends_with(m.as_bytes()));
            return if mark {
                text.get(k..t).unwrap_or("")
            } else {
                ""
            };
        }
        if c.is_ascii_whitespace() {
            break;
        }
        k -= 1;
    }
    if t - k >= 40 {
        return "";
    }
    text.get(k..t).unwrap_or("")
}

/// A closing mark that belongs to the sentence before it: its length and
/// whether it is a quotation mark.
fn closer_len(b: &[u8], j: usize) -> Option<(usize, bool)> {
    match b[j] {
        b'"' | b'\'' => Some((1, true)),
        b')' | b']' => Some((1, false)),
        0xE2 if b.get(j + 1) == Some(&0x80) && matches!(b.get(j + 2), Some(0x9D | 0x99)) => {
            Some((3, true))
        }
        0xC2 if b.get(j + 1) == Some(&0xBB) => Some((2, true)),
        _ => None,
    }
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '[' | '\u{ab}'
    )
}

/// After `?` or `!`: a new sentence unless a lowercase word follows, or the
/// mark closed a quotation that an attribution completes (“Why?” Smith asked).
fn ends_after_mark(text: &str, k: usize, end: usize, quote_closer: bool) -> bool {
    let Some(c) = char_at(text, k, end) else {
        return true;
    };
    if c.is_lowercase() {
        return false;
    }
    !(quote_closer && attribution_follows(text, k, end))
}

/// True when the words at `k` read "said ..." or "Name Name asked".
fn attribution_follows(text: &str, k: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let mut j = k;
    for n in 0..4 {
        while j < end && ws_len(b, j) > 0 {
            j += ws_len(b, j);
        }
        let s = j;
        while j < end && ws_len(b, j) == 0 && j - s < 24 {
            j += 1;
        }
        let mut w = s;
        while w < j && b[w].is_ascii_alphabetic() {
            w += 1;
        }
        let mut buf = [0u8; 24];
        let Some(word) = ascii_lower(&b[s..w], &mut buf) else {
            return false;
        };
        if word.is_empty() {
            return false;
        }
        if lexicon::is_speech_tail(word) {
            return true;
        }
        if !b[s].is_ascii_uppercase() || n == 3 {
            return false;
        }
    }
    false
}

/// After a single period: decides from the word before it and the word after.
fn ends_after_period(text: &str, prev_word: &str, k: usize, end: usize, headline: bool) -> bool {
    let Some(next) = char_at(text, k, end) else {
        return true;
    };
    if next.is_lowercase() {
        return false;
    }
    let word =
        prev_word.trim_start_matches(['(', '[', '"', '\'', '\u{201c}', '\u{2018}', '\u{ab}']);
    match lexicon::abbreviation(word) {
        None => true,
        Some(Abbrev::Title) => false,
        Some(Abbrev::Numeric) => !next.is_ascii_digit(),
        Some(Abbrev::General) => !headline && starts_sentence(text, k, end),
    }
}

/// True when the word at `k` typically opens a sentence.
fn starts_sentence(text: &str, k: usize, end: usize) -> bool {
    let Some(c) = char_at(text, k, end) else {
        return false;
    };
    if is_opening(c) {
        return true;
    }
    if !c.is_uppercase() {
        return false;
    }
    let b = text.as_bytes();
    let mut j = k;
    while j < end && j - k < 16 && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    let mut buf = [0u8; 16];
    ascii_lower(&b[k..j], &mut buf).is_some_and(lexicon::is_sentence_starter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        split(text, 0..text.len(), false, |r| v.push(&text[r]));
        v
    }

    fn head(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        split(text, 0..text.len(), true, |r| v.push(&text[r]));
        v
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            sents("The council met on Monday. It voted to close the pool! Why? Nobody knows."),
            [
                "The council met on Monday.",
                "It voted to close the pool!",
                "Why?",
                "Nobody knows."
            ]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sents("Mr. Okafor met Sen. Dianne Wu and Dr. Patel. Gen. Ruiz did not."),
            [
                "Mr. Okafor met Sen. Dianne Wu and Dr. Patel.",
                "Gen. Ruiz did not."
            ]
        );
    }

    #[test]
    fn general_abbreviations_end_before_starters() {
        assert_eq!(
            sents("The deal was struck in the U.S. The buyer is Acme Inc. It paid cash."),
            [
                "The deal was struck in the U.S.",
                "The buyer is Acme Inc.",
                "It paid cash."
            ]
        );
        assert_eq!(
            sents("He moved to the U.S. Treasury in 2019."),
            ["He moved to the U.S. Treasury in 2019."]
        );
        assert_eq!(
            sents("Shares of Acme Inc. Holdings fell."),
            ["Shares of Acme Inc. Holdings fell."]
        );
    }

    #[test]
    fn initials_numbers_and_dates() {
        assert_eq!(
            sents(
                "George W. Bush met J.K. Rowling on Jan. 5 at 10 a.m. Tuesday. Sales rose 3.5 pct to $1.2 billion."
            ),
            [
                "George W. Bush met J.K. Rowling on Jan. 5 at 10 a.m. Tuesday.",
                "Sales rose 3.5 pct to $1.2 billion."
            ]
        );
        assert_eq!(
            sents("He lives at No. 10 Downing Street."),
            ["He lives at No. 10 Downing Street."]
        );
        assert_eq!(
            sents("Was it a yes? No. It was not."),
            ["Was it a yes?", "No.", "It was not."]
        );
    }

    #[test]
    fn closing_quotes_belong_to_the_sentence() {
        assert_eq!(
            sents(
                "\u{201c}We are done,\u{201d} he said. \u{201c}It is over.\u{201d} Then he left."
            ),
            [
                "\u{201c}We are done,\u{201d} he said.",
                "\u{201c}It is over.\u{201d}",
                "Then he left."
            ]
        );
        assert_eq!(
            sents("He said \"no.\" Then (briefly.) She left."),
            ["He said \"no.\"", "Then (briefly.)", "She left."]
        );
    }

    #[test]
    fn question_inside_quote_with_attribution_continues() {
        assert_eq!(
            sents("\u{201c}Why now?\u{201d} she asked."),
            ["\u{201c}Why now?\u{201d} she asked."]
        );
        assert_eq!(
            sents("\u{201c}Why now?\u{201d} Senator Ada Moss asked. Nobody answered."),
            [
                "\u{201c}Why now?\u{201d} Senator Ada Moss asked.",
                "Nobody answered."
            ]
        );
        assert_eq!(
            sents("\"Stop!\" said the guard."),
            ["\"Stop!\" said the guard."]
        );
        assert_eq!(
            sents("\u{201c}Stop!\u{201d} The crowd froze."),
            ["\u{201c}Stop!\u{201d}", "The crowd froze."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sents("We waited... and waited. Then\u{2026} Nothing."),
            ["We waited... and waited.", "Then\u{2026}", "Nothing."]
        );
        assert_eq!(
            sents("He paused . . . and went on. Done."),
            ["He paused . . . and went on.", "Done."]
        );
    }

    #[test]
    fn wrapped_lines_are_white_space() {
        assert_eq!(
            sents("The mayor said the budget\r\nwas balanced. Critics\ndisagreed."),
            [
                "The mayor said the budget\r\nwas balanced.",
                "Critics\ndisagreed."
            ]
        );
    }

    #[test]
    fn headlines() {
        assert_eq!(
            head("U.S. Stocks Fall as Fed Signals Rise"),
            ["U.S. Stocks Fall as Fed Signals Rise"]
        );
        assert_eq!(
            head("Markets Slide. Is a Recession Next?"),
            ["Markets Slide.", "Is a Recession Next?"]
        );
        assert_eq!(head("Dr. Who Returns"), ["Dr. Who Returns"]);
    }

    #[test]
    fn odd_inputs() {
        assert!(sents("").is_empty());
        assert_eq!(sents("..."), ["..."]);
        assert_eq!(sents("?! ?!"), ["?!", "?!"]);
        assert_eq!(sents("a. b"), ["a. b"]);
        assert_eq!(
            sents("\u{e9}t\u{e9}. \u{c9}t\u{e9}."),
            ["\u{e9}t\u{e9}.", "\u{c9}t\u{e9}."]
        );
    }
}
