//! Key packing: a word as one integer, so a lookup or a comparison with a
//! named word is one integer comparison with no string to chase.
//!
//! A word of up to sixteen ASCII bytes packs, lowercased, into a [`Key`]
//! (`u128`); most words are eight bytes or fewer and are read from the
//! text with one 64-bit load, masked and lowercased a byte-lane at a time
//! (SWAR), never a byte loop. The tokenizer and the sentence scanner call
//! these helpers on every word.

use crate::ascii::{HI, LO};

/// Longest word the lexicon holds; longer words skip the lookup.
pub(super) const MAX_WORD: usize = 16;

/// A word packed for lookup: its lowercase ASCII bytes in a `u128`, zero
/// padded (words hold no zero bytes, so the packing is unique). Comparing
/// two keys is one integer comparison, with no string in memory to chase.
pub(crate) type Key = u128;

/// Packs a lowercase ASCII word of at most [`MAX_WORD`] bytes.
pub(super) const fn pack(w: &[u8]) -> Key {
    let mut k: u128 = 0;
    let mut i = 0;
    while i < w.len() {
        k |= (w[i] as u128) << (8 * i);
        i += 1;
    }
    k
}

/// The key of a word the code names, lowercase ASCII of at most
/// [`MAX_WORD`] bytes (checked when the constant is evaluated): equal to the
/// [`written_key`] of the same word in the text, in any case.
pub(crate) const fn word_key(w: &str) -> Key {
    let b = w.as_bytes();
    assert!(!b.is_empty() && b.len() <= MAX_WORD);
    let mut i = 0;
    while i < b.len() {
        assert!(b[i].is_ascii() && !b[i].is_ascii_uppercase());
        i += 1;
    }
    pack(b)
}

/// [`word_key`] of each word of a list.
pub(crate) const fn word_keys<const N: usize>(ws: [&str; N]) -> [Key; N] {
    let mut keys = [0; N];
    let mut i = 0;
    while i < N {
        keys[i] = word_key(ws[i]);
        i += 1;
    }
    keys
}

/// The key of `w` exactly as written, ASCII-lowercased, nothing dropped:
/// 0 when it is not ASCII or longer than [`MAX_WORD`], so it equals a
/// [`word_key`] exactly when the word is that word in some case.
pub(crate) fn written_key(w: &[u8]) -> Key {
    if w.len() > MAX_WORD || !w.is_ascii() {
        return 0;
    }
    lowercase(load_key(w))
}

/// [`pack`] at run time, for building the tables: two overlapping loads,
/// where a copy into a zeroed buffer called memset and memcpy and a byte
/// loop took a shift and an or a byte. The bytes the loads share land in
/// the same places.
pub(super) fn load_key(w: &[u8]) -> Key {
    let n = w.len();
    if n > MAX_WORD {
        return pack(w);
    }
    if n >= 8 {
        let lo = u64::from_le_bytes(w[..8].try_into().expect("8 bytes"));
        let hi = u64::from_le_bytes(w[n - 8..].try_into().expect("8 bytes"));
        u128::from(lo) | u128::from(hi) << (8 * (n - 8))
    } else if n >= 4 {
        let lo = u32::from_le_bytes(w[..4].try_into().expect("4 bytes"));
        let hi = u32::from_le_bytes(w[n - 4..].try_into().expect("4 bytes"));
        u128::from(lo) | u128::from(hi) << (8 * (n - 4))
    } else {
        w.iter().rev().fold(0, |k, &c| k << 8 | u128::from(c))
    }
}

/// The lookup key of the word `text[start..end]` as written: ASCII-lowercased,
/// a trailing period and a possessive 's dropped, curly apostrophes made
/// straight. Returns 0 (no word) when the word cannot be in the lexicon, and
/// whether it was possessive. With the whole text at hand, a short word is
/// read with one 8- or 16-byte load instead of a copy.
#[inline]
pub(crate) fn key_in(text: &[u8], start: usize, end: usize) -> (Key, bool) {
    let mut w = &text[start..end];
    if let [rest @ .., b'.'] = w {
        w = rest;
    }
    let mut poss = false;
    if w.len() > 2 && w.ends_with(b"'s") {
        w = &w[..w.len() - 2];
        poss = true;
    } else if w.len() > 4 && w.ends_with("\u{2019}s".as_bytes()) {
        w = &w[..w.len() - 4];
        poss = true;
    }
    // Most words fit in eight bytes: one 64-bit load, mask and lowercase.
    if w.len() <= 8
        && let Some(chunk) = text.get(start..start + 8)
    {
        let mask = u64::MAX.checked_shr(64 - 8 * w.len() as u32).unwrap_or(0);
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8])) & mask;
        if x & 0x8080_8080_8080_8080 == 0 {
            return (Key::from(lowercase64(x)), poss);
        }
    }
    if w.is_ascii() {
        if w.len() > MAX_WORD {
            return (0, poss);
        }
        let n = w.len();
        let x = match text.get(start..start + MAX_WORD) {
            Some(chunk) => {
                let mut buf = [0u8; MAX_WORD];
                buf.copy_from_slice(chunk);
                let mask = if n == MAX_WORD {
                    !0
                } else {
                    (1u128 << (8 * n)) - 1
                };
                u128::from_le_bytes(buf) & mask
            }
            None => {
                let mut buf = [0u8; MAX_WORD];
                buf[..n].copy_from_slice(w);
                u128::from_le_bytes(buf)
            }
        };
        return (lowercase(x), poss);
    }
    let mut k: u128 = 0;
    let mut n = 0;
    let mut i = 0;
    while i < w.len() {
        if n == MAX_WORD {
            return (0, poss);
        }
        let c = w[i];
        let c = if c < 0x80 {
            i += 1;
            c.to_ascii_lowercase()
        } else if w[i..].starts_with("\u{2019}".as_bytes()) {
            i += 3;
            b'\''
        } else {
            return (0, poss);
        };
        k |= u128::from(c) << (8 * n);
        n += 1;
    }
    (k, poss)
}

/// The eight bytes of `text` from `start`, little-endian, if the text runs
/// on that far.
#[inline]
pub(crate) fn load8(text: &[u8], start: usize) -> Option<u64> {
    let chunk: [u8; 8] = text.get(start..start + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// How many of the eight bytes loaded in `x` are, from the first, ASCII
/// letters and digits (8 when all are).
#[inline]
pub(crate) fn alnum_len(x: u64) -> usize {
    run_len(alnum_bytes(x))
}

/// The top bit of each byte of `x` that is an ASCII letter or digit.
#[inline]
pub(crate) fn alnum_bytes(x: u64) -> u64 {
    let v = x & (0x7f * LO);
    (in_range(v | (0x20 * LO), b'a', b'z') | in_range(v, b'0', b'9')) & !x & HI
}

/// The top bit of each byte of `x` that is one of the ASCII bytes `lo..=hi`.
#[inline]
pub(crate) fn bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    in_range(x & (0x7f * LO), lo, hi) & !x & HI
}

/// The key of a word of `len` (1 to 8) ASCII letters and digits loaded in
/// `x`: nothing to strip or straighten, so the same as [`key_in`]'s.
#[inline]
pub(crate) fn plain_key(x: u64, len: usize) -> u64 {
    alnum_lower(x) & (u64::MAX >> (64 - 8 * len))
}

/// The key of a word of eight to sixteen ASCII letters and digits: the
/// first eight loaded in `x`, the other `more` (0 to 8) in `y`.
#[inline]
pub(crate) fn plain_key16(x: u64, y: u64, more: usize) -> Key {
    let mask = u64::MAX.checked_shr(64 - 8 * more as u32).unwrap_or(0);
    Key::from(alnum_lower(x)) | Key::from(alnum_lower(y) & mask) << 64
}

/// [`lowercase64`] for bytes known to be ASCII letters and digits: digits
/// already have bit 5 set, so setting it in every byte lowercases the
/// letters and leaves the digits alone, with no range test per byte.
#[inline]
fn alnum_lower(x: u64) -> u64 {
    x | (0x20 * LO)
}

/// ASCII-lowercases sixteen packed bytes at once: a byte gets 0x20 added
/// when it lies in `A..=Z` (7-bit sums never carry into the next byte).
fn lowercase(x: u128) -> u128 {
    const B: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;
    let seven = x & (0x7f * B);
    let ge_a = seven + (0x80 - u128::from(b'A')) * B;
    let gt_z = seven + (0x80 - u128::from(b'Z') - 1) * B;
    let upper = ge_a & !gt_z & !x & (0x80 * B);
    x | (upper >> 2)
}

/// [`lowercase`] for eight packed bytes.
fn lowercase64(x: u64) -> u64 {
    const B: u64 = 0x0101_0101_0101_0101;
    let seven = x & (0x7f * B);
    let ge_a = seven + (0x80 - u64::from(b'A')) * B;
    let gt_z = seven + (0x80 - u64::from(b'Z') - 1) * B;
    let upper = ge_a & !gt_z & !x & (0x80 * B);
    x | (upper >> 2)
}

/// The top bit of each 7-bit byte of `v` whose value lies in `lo..=hi`
/// (per-byte sums of 7-bit values never carry).
#[inline]
fn in_range(v: u64, lo: u8, hi: u8) -> u64 {
    (v + (0x80 - u64::from(lo)) * LO) & !(v + (0x7f - u64::from(hi)) * LO)
}

/// How many bytes of a run of letters start a chunk whose letter flags
/// are `l` (8 when all are letters).
#[inline]
fn run_len(l: u64) -> usize {
    ((!l & HI).trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_len_counts_leading_letters_and_digits() {
        for c in 0..=255u8 {
            let alnum = c.is_ascii_alphanumeric();
            let x = u64::from_le_bytes([c; 8]);
            assert_eq!(alnum_len(x), if alnum { 8 } else { 0 }, "{c}");
            let x = u64::from_le_bytes([b'a', b'9', b'Z', b'z', c, b'0', b'A', b'q']);
            assert_eq!(alnum_len(x), if alnum { 8 } else { 4 }, "{c}");
        }
    }

    #[test]
    fn written_keys_match_named_words_in_any_case() {
        assert_eq!(written_key(b"Said"), word_key("said"));
        let long = "AbCdEfGhIjKlMnOpQ";
        for n in 0..=MAX_WORD {
            let mut buf = [0u8; MAX_WORD];
            buf[..n].copy_from_slice(&long.to_ascii_lowercase().as_bytes()[..n]);
            assert_eq!(
                written_key(&long.as_bytes()[..n]),
                u128::from_le_bytes(buf),
                "{n}"
            );
        }
        assert_eq!(written_key(long.as_bytes()), 0);
        for n in 0..=MAX_WORD {
            assert_eq!(load_key(&long.as_bytes()[..n]), pack(&long.as_bytes()[..n]));
        }
        assert_eq!(written_key(b"N'T"), word_key("n't"));
        assert_eq!(
            written_key(b"abcdefghijklmnop"),
            word_key("abcdefghijklmnop")
        );
        assert_ne!(written_key(b"said."), word_key("said"));
        assert_ne!(written_key(b"Smith's"), word_key("smith"));
        assert_eq!(written_key("caf\u{e9}".as_bytes()), 0);
        assert_eq!(written_key(b"abcdefghijklmnopq"), 0);
        assert_eq!(word_keys(["a", "of"]), [pack(b"a"), pack(b"of")]);
    }
}
