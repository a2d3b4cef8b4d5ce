//! The cue prefilter: whether a sentence holds any word that can start an
//! attribution, answered without tokenizing it.
//!
//! About half of news sentences hold no cue, state adjective or statement
//! noun; [`may_hold_cue`] finds that in one pass of 64-byte windows, with a
//! one-hash Bloom filter over the runs of letters and an exact set behind
//! it, so the attribution finder skips those sentences entirely.

use std::sync::LazyLock;

use super::key::{Key, load_key, written_key};
use super::words::{BE_ADJECTIVES, CUES, SPOKEN_WORDS};
use crate::ascii::{LO, WINDOW, flags64, letters16, load_padded};

/// The words that make a sentence worth tokenizing: every cue, state
/// adjective and statement noun, as runs of ASCII letters. A word joined by
/// a hyphen is listed by its parts of three letters or more ("e-mail" by
/// "mail"), which it always holds; shorter runs are never looked at.
fn filter_words() -> impl Iterator<Item = &'static str> {
    CUES.iter()
        .map(|c| c.0)
        .chain(BE_ADJECTIVES.iter().copied())
        .chain(SPOKEN_WORDS)
        // the nouns of `Finder::poll_phrase`: "in a Marist poll", "in Forbes' words"
        .chain(["poll", "polls", "survey", "surveys", "polling", "words"])
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|part| part.len() >= MIN_FILTER_RUN)
}

/// Shortest run of letters the filter looks at.
const MIN_FILTER_RUN: usize = 3;

// [`may_hold_cue`] skips short runs by a mask written for three letters.
const _: () = assert!(MIN_FILTER_RUN == 3);

/// A one-hash Bloom filter over [`filter_words`]: a sentence with no such
/// word needs no tokenizing at all (about half of news sentences).
static CUE_FILTER: LazyLock<Box<FilterBits>> = LazyLock::new(|| {
    let mut bits = Box::new([0u64; FILTER_BITS / 64]);
    for part in filter_words() {
        let head = load_key(&part.as_bytes()[..part.len().min(8)]) as u64;
        let i = filter_index(head, part.len());
        bits[i / 64] |= 1 << (i % 64);
    }
    bits
});

/// [`filter_words`] exactly: a filter hit is checked here, so a word that
/// only shares a bit with a cue costs no tokenizing.
static FILTER_WORDS: LazyLock<crate::fxhash::FxHashSet<Key>> = LazyLock::new(|| {
    // Sized up front: collecting grew the set through every power of two.
    let mut set = crate::fxhash::FxHashSet::default();
    set.reserve(filter_words().count());
    set.extend(filter_words().map(|w| load_key(w.as_bytes())));
    set
});

/// 64 Ki bits: a few hundred cue words leave false positives under 1%.
const FILTER_BITS: usize = 1 << 16;

/// The filter's bits, as an array: an index from [`filter_index`] needs no
/// bounds check in the scan loop.
type FilterBits = [u64; FILTER_BITS / 64];

/// The filter index of a run of `len` ASCII letters whose first eight
/// (or fewer), lowercased, are packed in `head`: one multiply, whose top
/// bits every bit of the head and length moves.
#[inline]
fn filter_index(head: u64, len: usize) -> usize {
    ((head ^ ((len as u64) << 59)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

/// True when the run of `len` letters at `text[start..]`, whose first
/// `run` (1 to 8) are the low bytes of `head`, is one of [`filter_words`]:
/// the Bloom filter first, then the exact set on a hit.
#[inline]
fn filter_hit(
    bits: &FilterBits,
    text: &[u8],
    start: usize,
    head: u64,
    run: usize,
    len: usize,
) -> bool {
    if len < MIN_FILTER_RUN {
        return false;
    }
    let head = (head | (0x20 * LO)) & (u64::MAX >> (64 - 8 * run));
    let k = filter_index(head, len);
    bits[k / 64] & (1 << (k % 64)) != 0 && is_filter_word(text, start, head, len)
}

/// The exact check behind a filter hit, kept out of line: hits are few,
/// and the scan loop stays small. A run of eight letters or fewer is its
/// lowercased head already, with no copy into a key buffer.
#[inline(never)]
fn is_filter_word(text: &[u8], start: usize, head: u64, len: usize) -> bool {
    let key = if len <= 8 {
        Key::from(head)
    } else {
        written_key(&text[start..start + len])
    };
    FILTER_WORDS.contains(&key)
}

/// True when a run of ASCII letters in `text` is one of [`filter_words`]:
/// false means no word of it can be a reporting cue, a state adjective or
/// a statement noun, so a sentence can skip attribution entirely.
pub(crate) fn may_hold_cue(text: &[u8]) -> bool {
    let bits = &*CUE_FILTER;
    // 64 bytes at a time, zero-padded at the text's end: each run of ASCII
    // letters is found by its letter flags and filtered by its first eight
    // letters (read from the window's copy, eight bytes longer than its
    // flags) and length, the way the filter was built. A window never
    // starts inside a run: a run that reaches a window's end is measured
    // from its start, and the next window starts after it.
    let mut i = 0;
    while i < text.len() {
        let w = load_padded::<{ WINDOW + 8 }>(text, i);
        let l = flags64(&w, letters16);
        // Runs shorter than the filter's shortest are never looked at, so
        // they are not visited: a start counts only when the two bytes after
        // it are letters too, or lie past the window (a run reaching its
        // end is measured whole below).
        let long = l & (l >> 1 | 1 << 63) & (l >> 2 | 3 << 62);
        let mut starts = long & !(l << 1);
        let mut next = i + WINDOW;
        while starts != 0 {
            let k = starts.trailing_zeros() as usize;
            // Past bit 63 the shifted flags are zero: a run to the end
            // counts 64 or more.
            let mut len = (!l >> k).trailing_zeros() as usize;
            let reaches_end = k + len >= WINDOW;
            if reaches_end {
                len = letter_run(text, i + k);
            }
            let head = u64::from_le_bytes(w[k..k + 8].try_into().expect("8 bytes"));
            if filter_hit(bits, text, i + k, head, len.min(8), len) {
                return true;
            }
            if reaches_end {
                next = i + k + len;
                break;
            }
            starts &= starts - 1;
        }
        i = next;
    }
    false
}

/// Length of the run of ASCII letters at `text[start..]`.
fn letter_run(text: &[u8], start: usize) -> usize {
    let mut len = 0;
    loop {
        let r = (!letters16(&load_padded::<16>(text, start + len))).trailing_zeros() as usize;
        len += r;
        if r < 16 {
            return len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_prefilter_reads_long_text_like_short() {
        let words = [
            "officials",
            "Said",
            "the",
            "cat",
            "sat",
            "acknowledging",
            "x",
        ];
        let mut seed = 11u64;
        for _ in 0..2000 {
            let mut s = String::new();
            let mut has = false;
            for _ in 0..(seed % 17) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let w = words[(seed >> 33) as usize % words.len()];
                has |= matches!(w, "Said" | "acknowledging");
                s.push_str(w);
                s.push_str([" ", ", ", "-", "\u{2019}", "  "][(seed >> 40) as usize % 5]);
            }
            assert_eq!(may_hold_cue(s.as_bytes()), has, "{s:?}");
        }
    }

    #[test]
    fn cue_prefilter_has_no_false_negatives() {
        for &(w, ..) in CUES {
            let s = format!("The {w}, they");
            assert!(may_hold_cue(s.as_bytes()), "{w}");
            assert!(may_hold_cue(s.to_uppercase().as_bytes()), "{w}");
            // Every offset in an eight-byte chunk and a 64-byte window,
            // across a window's end, and at the text's end.
            for pad in 0..140 {
                let s = format!("{}{w}", "-".repeat(pad));
                assert!(may_hold_cue(s.as_bytes()), "{s}");
            }
        }
        for w in BE_ADJECTIVES.iter().chain(&SPOKEN_WORDS) {
            assert!(may_hold_cue(format!("Are {w}.").as_bytes()), "{w}");
        }
        assert!(may_hold_cue("In a statement, the firm".as_bytes()));
        // Exact: no word that merely shares a filter bit or a first eight
        // letters with a cue, nor a short run of a listed word, passes.
        assert!(!may_hold_cue(b"The acknowledgment of e mails"));
        assert!(!may_hold_cue(b"Saids, sai, explaine"));
        assert!(!may_hold_cue(b"The cat sat on the mat."));
        assert!(!may_hold_cue(b"Saidsaidsaid sa id"));
        assert!(!may_hold_cue(b""));
    }
}
