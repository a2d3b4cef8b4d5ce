//! Tests on eight or sixteen bytes of text at once, for the scanners that
//! count words and the phrase matcher.

/// 0x01 in every byte.
pub const LO: u64 = 0x0101_0101_0101_0101;
/// 0x80 in every byte.
pub const HI: u64 = 0x8080_8080_8080_8080;

/// The top bit of each byte of `x` that is zero, exactly (no false hits
/// next to a zero byte, whatever the other bytes hold).
#[inline]
pub fn zero_bytes(x: u64) -> u64 {
    !(((x & !HI) + !HI) | x) & HI
}

/// How many bytes of `x` have their top bit set, `x` having no other bits:
/// a multiply sums the flags into the top byte (no popcnt instruction in the
/// baseline x86-64 target).
#[inline]
pub fn count_flags(x: u64) -> usize {
    ((x >> 7).wrapping_mul(LO) >> 56) as usize
}

/// The `N` bytes of `b` from `p`, zero-padded past its end.
#[inline]
pub fn load_padded<const N: usize>(b: &[u8], p: usize) -> [u8; N] {
    match b.get(p..p + N) {
        Some(w) => w.try_into().expect("N bytes"),
        None => {
            let mut w = [0u8; N];
            let rest = b.get(p..).unwrap_or(&[]);
            w[..rest.len()].copy_from_slice(rest);
            w
        }
    }
}

/// Eight bytes of `b` from `p` as a little-endian word, zero-padded past its end.
#[inline]
pub fn load8_padded(b: &[u8], p: usize) -> u64 {
    u64::from_le_bytes(load_padded(b, p))
}

/// [`load8_padded`] from the start of `b`, for loading rule phrases: a
/// short `b` takes two overlapping loads, where the copy into a zeroed
/// buffer calls `memcpy` (50,000 times for the default pack). The scanners
/// keep [`load8_padded`], which measured faster in their loops.
#[inline]
pub fn load8_prefix(b: &[u8]) -> u64 {
    let n = b.len();
    let word = |lo: u64, hi: u64, k: usize| lo | hi << (8 * (n - k));
    if n >= 8 {
        u64::from_le_bytes(b[..8].try_into().expect("8 bytes"))
    } else if n >= 4 {
        let half = |s: &[u8]| u64::from(u32::from_le_bytes(s.try_into().expect("4 bytes")));
        word(half(&b[..4]), half(&b[n - 4..]), 4)
    } else if n >= 2 {
        let pair = |s: &[u8]| u64::from(u16::from_le_bytes(s.try_into().expect("2 bytes")));
        word(pair(&b[..2]), pair(&b[n - 2..]), 2)
    } else {
        b.first().map_or(0, |&c| u64::from(c))
    }
}

/// The top bit of each byte of `v` (a word whose bytes are below 0x80: no
/// per-byte sum then carries) that is ASCII white space: space and `\t` to
/// `\r`, without `\x0b` unless `vertical_tab`.
#[inline]
pub fn blank_bytes(v: u64, vertical_tab: bool) -> u64 {
    let zero = zero_bytes;
    let space = zero(v ^ (LO * u64::from(b' ')));
    let control = (v + LO * (0x80 - 9)) & !(v + LO * (0x80 - 14)) & HI;
    let control = match vertical_tab {
        true => control,
        false => control & !zero(v ^ (LO * 0x0b)),
    };
    space | control
}

/// How many words start in a chunk whose word bytes have their top bit set
/// in `solid` (and no other bits), the byte before it being in a word when
/// `in_word`; and whether the chunk ends in a word.
#[inline]
pub fn word_starts(solid: u64, in_word: bool) -> (usize, bool) {
    let starts = solid & !((solid << 8) | (u64::from(in_word) << 7));
    (count_flags(starts), solid >> 63 != 0)
}

/// The bytes a window scan flags at once: one bit each in a `u64`.
pub const WINDOW: usize = 64;

/// The flags of a sixteen-byte `test` over the first [`WINDOW`] of `bytes`.
#[inline(always)]
pub fn flags64(bytes: &[u8], test: impl Fn(&[u8]) -> u32) -> u64 {
    (0..WINDOW / 16).fold(0, |m, q| m | u64::from(test(&bytes[16 * q..])) << (16 * q))
}

/// Bit `k` set for each byte `chunk[k]` (of the first sixteen) that is one
/// of `set`.
#[cfg(target_arch = "x86_64")]
#[inline]
pub fn matches16(chunk: &[u8], set: [u8; 4]) -> u32 {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};
    // Four byte compares and a mask, where a plain loop compiles to
    // byte-by-byte tests.
    let x = sse::load16(chunk);
    // SAFETY: SSE2 is part of every x86-64 CPU, so the intrinsics are always
    // available.
    unsafe {
        let [a, b, c, d] = set.map(|v| _mm_cmpeq_epi8(x, _mm_set1_epi8(v as i8)));
        let hits = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
        _mm_movemask_epi8(hits) as u32
    }
}

/// Bit `k` set for each byte `chunk[k]` (of the first sixteen) that is an
/// ASCII letter.
#[cfg(target_arch = "x86_64")]
#[inline]
pub fn letters16(chunk: &[u8]) -> u32 {
    use std::arch::x86_64::_mm_movemask_epi8;
    let x = sse::load16(chunk);
    // SAFETY: SSE2 is part of every x86-64 CPU.
    unsafe { _mm_movemask_epi8(sse::letters(x)) as u32 }
}

/// Bit `k` set for each byte `chunk[k]` (of the first sixteen) that is an
/// ASCII letter or digit.
#[cfg(target_arch = "x86_64")]
#[inline]
pub fn alnum16(chunk: &[u8]) -> u32 {
    use std::arch::x86_64::{_mm_movemask_epi8, _mm_or_si128};
    let x = sse::load16(chunk);
    // SAFETY: SSE2 is part of every x86-64 CPU.
    unsafe { _mm_movemask_epi8(_mm_or_si128(sse::letters(x), sse::digits(x))) as u32 }
}

/// Bit `k` set for each byte `chunk[k]` (of the first sixteen) that is an
/// ASCII word byte, `[0-9A-Za-z_]`: what an ASCII `\b` sees as a word.
#[cfg(target_arch = "x86_64")]
#[inline]
pub fn word_bytes16(chunk: &[u8]) -> u32 {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};
    let x = sse::load16(chunk);
    // SAFETY: SSE2 is part of every x86-64 CPU, so the intrinsics are always
    // available.
    unsafe {
        let underscores = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'_' as i8));
        let word = _mm_or_si128(sse::letters(x), _mm_or_si128(sse::digits(x), underscores));
        _mm_movemask_epi8(word) as u32
    }
}

/// Bit `k` set for each byte `chunk[k]` (of the first sixteen) that is not
/// ASCII.
#[cfg(target_arch = "x86_64")]
#[inline]
pub fn high_bytes16(chunk: &[u8]) -> u32 {
    use std::arch::x86_64::_mm_movemask_epi8;
    let x = sse::load16(chunk);
    // SAFETY: SSE2 is part of every x86-64 CPU.
    unsafe { _mm_movemask_epi8(x) as u32 }
}

/// The SSE2 steps the sixteen-byte tests share.
#[cfg(target_arch = "x86_64")]
mod sse {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmpgt_epi8, _mm_loadu_si128, _mm_or_si128, _mm_set1_epi8,
    };

    /// The first sixteen bytes of `chunk`.
    #[inline]
    pub fn load16(chunk: &[u8]) -> __m128i {
        assert!(chunk.len() >= 16);
        // SAFETY: SSE2 is part of every x86-64 CPU, so the intrinsic is
        // always available; `chunk` holds at least sixteen bytes (asserted
        // above), and an unaligned load reads exactly sixteen.
        unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) }
    }

    /// 0xFF in each byte of `x` that is an ASCII digit, 0 elsewhere.
    #[inline]
    pub fn digits(x: __m128i) -> __m128i {
        // Adding 0x50 moves the digits, and nothing else, to 0x80..=0x89,
        // the signed bytes below -118.
        // SAFETY: SSE2 is part of every x86-64 CPU, so the intrinsics are
        // always available.
        unsafe { _mm_cmpgt_epi8(_mm_set1_epi8(-118), _mm_add_epi8(x, _mm_set1_epi8(0x50))) }
    }

    /// 0xFF in each byte of `x` that is an ASCII letter, 0 elsewhere.
    #[inline]
    pub fn letters(x: __m128i) -> __m128i {
        // A letter with bit 5 set is `a..=z`; adding 0x1F moves those, and
        // nothing else, to 0x80..=0x99, the signed bytes below -102.
        // SAFETY: SSE2 is part of every x86-64 CPU, so the intrinsics are
        // always available.
        unsafe {
            let moved = _mm_add_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8(0x1F));
            _mm_cmpgt_epi8(_mm_set1_epi8(-102), moved)
        }
    }
}

/// Bit `k` set for each byte `chunk[k]` (of the first sixteen) that passes
/// `test`: the fallback of the sixteen-byte tests, and the reference the
/// vector versions are tested against.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn flags16(chunk: &[u8], test: impl Fn(u8) -> bool) -> u32 {
    chunk[..16]
        .iter()
        .enumerate()
        .filter(|&(_, &c)| test(c))
        .fold(0u32, |m, (k, _)| m | 1 << k)
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub fn matches16(chunk: &[u8], set: [u8; 4]) -> u32 {
    flags16(chunk, |c| set.contains(&c))
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub fn letters16(chunk: &[u8]) -> u32 {
    flags16(chunk, |c| c.is_ascii_alphabetic())
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub fn alnum16(chunk: &[u8]) -> u32 {
    flags16(chunk, |c| c.is_ascii_alphanumeric())
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub fn word_bytes16(chunk: &[u8]) -> u32 {
    flags16(chunk, is_word_byte)
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub fn high_bytes16(chunk: &[u8]) -> u32 {
    flags16(chunk, |c| c >= 0x80)
}

/// `[0-9A-Za-z_]`.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_bytes_and_padded_loads() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut bytes = [0xffu8; 8];
                bytes[pos] = b;
                let want = if b == 0 { 0x80u64 << (8 * pos) } else { 0 };
                assert_eq!(zero_bytes(u64::from_le_bytes(bytes)), want, "{b} at {pos}");
            }
        }
        assert_eq!(count_flags(0x8000_8080_0000_0080), 4);
        assert_eq!(load_padded::<4>(b"abcdef", 4), *b"ef\0\0");
        assert_eq!(load_padded::<4>(b"abc", 9), [0; 4]);
        let text = b"abcdefghijk";
        for p in 0..=text.len() {
            for end in p..=text.len() {
                let want = load8_padded(&text[..end], p);
                assert_eq!(load8_prefix(&text[p..end]), want, "{p} {end}");
            }
        }
        assert_eq!(
            load8_padded(b"abcdefghij", 1),
            u64::from_le_bytes(*b"bcdefghi")
        );
    }

    #[test]
    fn blank_bytes_agree_with_one_byte_tests() {
        for b in 0..0x80u8 {
            for at in 0..8 {
                let mut chunk = [b'x'; 8];
                chunk[at] = b;
                let v = u64::from_le_bytes(chunk);
                let flagged = |mask: u64| mask & (0x80 << (8 * at)) != 0;
                assert_eq!(
                    flagged(blank_bytes(v, true)),
                    (b as char).is_whitespace(),
                    "{b}"
                );
                assert_eq!(
                    flagged(blank_bytes(v, false)),
                    b.is_ascii_whitespace(),
                    "{b}"
                );
            }
        }
    }

    #[test]
    fn word_starts_count_runs() {
        let solid = |s: &[u8; 8]| !blank_bytes(u64::from_le_bytes(*s), true) & HI;
        assert_eq!(word_starts(solid(b"ab cd  e"), false), (3, true));
        assert_eq!(word_starts(solid(b"ab cd  e"), true), (2, true));
        assert_eq!(word_starts(solid(b"        "), true), (0, false));
    }

    #[test]
    fn sixteen_byte_tests_agree_with_one_byte_tests() {
        let set = [b'.', b'?', 0xE2, 0x00];
        for v in 0..=255u8 {
            for k in 0..16 {
                let mut chunk = [b' '; 16];
                chunk[k] = v;
                assert_eq!(
                    matches16(&chunk, set),
                    flags16(&chunk, |c| set.contains(&c)),
                    "{v} at {k}"
                );
                assert_eq!(
                    letters16(&chunk),
                    flags16(&chunk, |c| c.is_ascii_alphabetic()),
                    "{v} at {k}"
                );
                assert_eq!(
                    word_bytes16(&chunk),
                    flags16(&chunk, is_word_byte),
                    "{v} at {k}"
                );
                assert_eq!(
                    alnum16(&chunk),
                    flags16(&chunk, |c| c.is_ascii_alphanumeric()),
                    "{v} at {k}"
                );
                assert_eq!(
                    high_bytes16(&chunk),
                    flags16(&chunk, |c| c >= 0x80),
                    "{v} at {k}"
                );
            }
        }
    }
}
