//! Byte-level helpers shared by the scanners.
//!
//! The scanners walk bytes, not chars, for speed; these helpers decode only
//! where a decision needs the char, and never slice off a char boundary
//! (`str::get` returns `None` there instead of panicking).

use super::lexicon;
use crate::ascii::{HI, LO, count_flags, matches16};

/// A quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum QMark {
    /// `"`: direction from context.
    StraightDouble,
    /// `'`: a quote or an apostrophe, from context.
    StraightSingle,
    /// `“`
    OpenDouble,
    /// `”`
    CloseDouble,
    /// `‘`
    OpenSingle,
    /// `’`: closing quote or apostrophe.
    CloseSingle,
    /// `«`
    OpenGuillemet,
    /// `»`
    CloseGuillemet,
}

/// The quotation mark starting at byte `i`, with its length.
pub(super) fn quote_mark(b: &[u8], i: usize) -> Option<(QMark, usize)> {
    match *b.get(i)? {
        b'"' => Some((QMark::StraightDouble, 1)),
        // Two apostrophes stand for a double mark in some wire archives.
        b'\'' if b.get(i + 1) == Some(&b'\'') => Some((QMark::StraightDouble, 2)),
        b'\'' => Some((QMark::StraightSingle, 1)),
        0xE2 if b.get(i + 1) == Some(&0x80) => match *b.get(i + 2)? {
            0x9C => Some((QMark::OpenDouble, 3)),
            0x9D => Some((QMark::CloseDouble, 3)),
            0x98 => Some((QMark::OpenSingle, 3)),
            // Two curly apostrophes close a double quotation after a
            // straight-quote conversion gone wrong (“...’’).
            0x99 if b.get(i + 3..i + 6) == Some(&[0xE2, 0x80, 0x99][..]) => {
                Some((QMark::CloseDouble, 6))
            }
            0x99 => Some((QMark::CloseSingle, 3)),
            _ => None,
        },
        0xC2 => match *b.get(i + 1)? {
            0xAB => Some((QMark::OpenGuillemet, 2)),
            0xBB => Some((QMark::CloseGuillemet, 2)),
            _ => None,
        },
        _ => None,
    }
}

/// Position of the first byte in `b[from..end]` that is one of `set`.
///
/// The scanners spend most of their time between interesting bytes, and a
/// plain early-exit loop does not vectorise: sixteen bytes are tested at once,
/// written so that the compiler makes vector compares of it, and the match in
/// a hit chunk is located from the same compares; the last few bytes are
/// tested eight at a time with the zero-byte trick.
#[inline]
pub(super) fn find_any(b: &[u8], from: usize, end: usize, set: [u8; 4]) -> Option<usize> {
    let end = end.min(b.len());
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 16).filter(|_| i + 16 <= end) {
        let m = matches16(chunk, set);
        if m != 0 {
            return Some(i + m.trailing_zeros() as usize);
        }
        i += 16;
    }
    while i + 8 <= end {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&b[i..i + 8]);
        let x = u64::from_le_bytes(chunk);
        let mut m = 0;
        for v in set {
            let y = x ^ (LO * u64::from(v));
            m |= y.wrapping_sub(LO) & !y & HI;
        }
        if m != 0 {
            // The lowest flagged byte is always a true match.
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..end).find(|&k| set.contains(&b[k]))
}

/// Length of the whitespace char at byte `i` (0 when there is none).
///
/// Covers ASCII white space, no-break and typographic spaces, and line and
/// paragraph separators: all that wrapped or pasted copy puts between words.
#[inline]
pub(super) fn ws_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
        Some(0xE2) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(&x))
                if (0x80..=0x8A).contains(&x) || matches!(x, 0xA8 | 0xA9 | 0xAF) =>
            {
                3
            }
            (Some(0x81), Some(0x9F)) => 3,
            _ => 0,
        },
        Some(0xE3) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    }
}

/// The char starting at byte `i`, if `i < end` and is a char boundary.
pub(super) fn char_at(text: &str, i: usize, end: usize) -> Option<char> {
    if i >= end {
        return None;
    }
    text.get(i..end)?.chars().next()
}

/// The char ending at byte `i`, if it starts at or after `floor`.
pub(super) fn char_before(text: &str, i: usize, floor: usize) -> Option<char> {
    if i <= floor {
        return None;
    }
    text.get(floor..i)?.chars().next_back()
}

/// True for chars that can stand right before an opening quotation mark.
pub(super) fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '<'
                        | '\u{2014}'
                        | '\u{2013}'
                        | '-'
                        | '/'
                        | '\u{201c}'
                        | '\u{2018}'
                        | '"'
                        | '\''
                        | '\u{ab}'
                )
        }
    }
}

/// True for chars that can stand right after a closing quotation mark.
pub(super) fn closes_before(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '>'
                        | '\u{2014}'
                        | '\u{2013}'
                        | '-'
                        | '/'
                        | '\u{2026}'
                        | '\u{201d}'
                        | '\u{2019}'
                        | '"'
                        | '\''
                        | '\u{bb}'
                )
        }
    }
}

/// Counts words: runs of letters and digits, where an apostrophe, hyphen or
/// period inside a run ("don't", "well-known", "3.5") does not split it.
pub(super) fn count_words(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        // Quotations are mostly ASCII: eight bytes at a time where they are.
        if let Some(x) = lexicon::load8(b, i)
            && x & HI == 0
        {
            let (starts, ends_in_word) = ascii_word_starts(x, in_word);
            n += starts;
            in_word = ends_in_word;
            i += 8;
            continue;
        }
        let c = b[i];
        let (word, joiner, len) = if c < 0x80 {
            (
                c.is_ascii_alphanumeric(),
                matches!(c, b'\'' | b'-' | b'.'),
                1,
            )
        } else {
            let ch = s.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
            (
                ch.is_alphanumeric(),
                matches!(ch, '\u{2019}' | '\u{2010}' | '\u{2011}'),
                ch.len_utf8(),
            )
        };
        if word {
            if !in_word {
                n += 1;
                in_word = true;
            }
        } else if !joiner {
            in_word = false;
        }
        i += len;
    }
    n
}

/// [`count_words`] on eight ASCII bytes loaded in `x`, the byte before them
/// being in a word when `in_word`: how many words start in them, and whether
/// they end in a word.
fn ascii_word_starts(x: u64, in_word: bool) -> (usize, bool) {
    let alnum = lexicon::alnum_bytes(x);
    // An apostrophe, hyphen or period keeps the state of the byte before it.
    let joiner = lexicon::bytes_in(x, b'\'', b'\'') | lexicon::bytes_in(x, b'-', b'.');
    let before = |w: u64| (w << 8) | (u64::from(in_word) << 7);
    // In a word after each byte: a run of joiners passes the state on one
    // byte per round, so this settles within eight rounds.
    let mut w = alnum;
    loop {
        let next = alnum | (joiner & before(w));
        if next == w {
            break;
        }
        w = next;
    }
    let starts = alnum & !before(w);
    (count_flags(starts), w >> 63 != 0)
}

/// Lowercases an ASCII word into `buf`; `None` when it is too long or not ASCII.
pub(super) fn ascii_lower<'b>(word: &[u8], buf: &'b mut [u8]) -> Option<&'b [u8]> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..word.len()];
    for (d, s) in out.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_decoded() {
        let t = "\u{201c}a\u{201d} \u{2018}b\u{2019} \u{ab}c\u{bb}";
        let b = t.as_bytes();
        assert_eq!(quote_mark(b, 0), Some((QMark::OpenDouble, 3)));
        assert_eq!(quote_mark(b, 4), Some((QMark::CloseDouble, 3)));
        assert_eq!(quote_mark(b, 3), None);
        assert!(quote_mark(b, b.len()).is_none());
        assert!(quote_mark(&[0xE2], 0).is_none());
    }

    #[test]
    fn whitespace_and_chars() {
        let t = "a\u{a0}b\u{2009}c";
        let b = t.as_bytes();
        assert_eq!(ws_len(b, 1), 2);
        assert_eq!(ws_len(b, 4), 3);
        assert_eq!(ws_len(b, 0), 0);
        assert_eq!(char_at(t, 1, t.len()), Some('\u{a0}'));
        assert_eq!(char_at(t, 2, t.len()), None);
        assert_eq!(char_before(t, 3, 0), Some('\u{a0}'));
        assert_eq!(char_before(t, 2, 0), None);
    }

    #[test]
    fn find_any_matches_a_plain_search() {
        let t = b"abcdefghijklmnopqrstuvwxyz. ABC?xyz!\xe2\x80\xa6 end";
        for from in 0..t.len() {
            for end in from..=t.len() {
                let want = (from..end).find(|&k| matches!(t[k], b'.' | b'?' | b'!' | 0xE2));
                assert_eq!(find_any(t, from, end, [b'.', b'?', b'!', 0xE2]), want);
            }
        }
        assert_eq!(find_any(b"xx", 0, 99, [b'a'; 4]), None);
    }

    #[test]
    fn words_counted() {
        assert_eq!(count_words("We don't know, it's well-known: 3.5 pct"), 7);
        assert_eq!(count_words(" \u{2014} "), 0);
        assert_eq!(count_words("caf\u{e9} na\u{ef}ve"), 2);
    }

    #[test]
    fn words_counted_in_chunks_as_one_byte_at_a_time() {
        // The count of one char at a time, as the chunked scan must give.
        fn slow(s: &str) -> usize {
            let mut n = 0;
            let mut in_word = false;
            for ch in s.chars() {
                if ch.is_alphanumeric() {
                    n += usize::from(!in_word);
                    in_word = true;
                } else if !matches!(ch, '\'' | '-' | '.' | '\u{2019}' | '\u{2010}' | '\u{2011}') {
                    in_word = false;
                }
            }
            n
        }
        let pieces = [
            "ab", " ", "'", "-", ".", "--", "9", "\u{e9}", "\u{2019}", ",", "...", "x",
        ];
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 23) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            assert_eq!(count_words(&s), slow(&s), "{s:?}");
        }
    }
}
