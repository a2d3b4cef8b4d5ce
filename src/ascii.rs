//! Tests on eight bytes of text at once, for the scanners that count words.

/// 0x01 in every byte.
pub(crate) const LO: u64 = 0x0101_0101_0101_0101;
/// 0x80 in every byte.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;

/// The top bit of each byte of `x` that is zero, exactly (no false hits
/// next to a zero byte, whatever the other bytes hold).
#[inline]
pub(crate) fn zero_bytes(x: u64) -> u64 {
    !(((x & !HI) + !HI) | x) & HI
}

/// How many bytes of `x` have their top bit set, `x` having no other bits:
/// a multiply sums the flags into the top byte (no popcnt instruction in the
/// baseline x86-64 target).
#[inline]
pub(crate) fn count_flags(x: u64) -> usize {
    ((x >> 7).wrapping_mul(LO) >> 56) as usize
}

/// The `N` bytes of `b` from `p`, zero-padded past its end.
#[inline]
pub(crate) fn load_padded<const N: usize>(b: &[u8], p: usize) -> [u8; N] {
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
pub(crate) fn load8_padded(b: &[u8], p: usize) -> u64 {
    u64::from_le_bytes(load_padded(b, p))
}

/// [`load8_padded`] from the start of `b`, for loading rule phrases: a
/// short `b` takes two overlapping loads, where the copy into a zeroed
/// buffer calls `memcpy` (50,000 times for the default pack). The scanners
/// keep [`load8_padded`], which measured faster in their loops.
#[inline]
pub(crate) fn load8_prefix(b: &[u8]) -> u64 {
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
pub(crate) fn blank_bytes(v: u64, vertical_tab: bool) -> u64 {
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
pub(crate) fn word_starts(solid: u64, in_word: bool) -> (usize, bool) {
    let starts = solid & !((solid << 8) | (u64::from(in_word) << 7));
    (count_flags(starts), solid >> 63 != 0)
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
}
