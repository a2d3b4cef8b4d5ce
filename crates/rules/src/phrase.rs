//! Phrase syntax: brace alternatives for inflections, apostrophe variants, and
//! the word-boundary test applied to every literal match.

use std::borrow::Cow;

use crate::fast::ascii::{HI, LO, blank_bytes, load8_prefix, zero_bytes};

/// Most forms one phrase may expand to; more is almost surely a typo.
pub const MAX_FORMS: usize = 1024;

/// Expands `claim{,s,ed}` to `claim`, `claims`, `claimed`. Several groups
/// multiply and groups may nest (`rumo{,u}r`). Returns an error message for
/// unbalanced braces or an explosion of forms.
pub fn expand_braces(phrase: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    expand_braces_into(phrase, &mut out)?;
    Ok(out)
}

/// [`expand_braces`], appending the forms to `out` (nothing on error), so a
/// caller expanding many phrases reuses one vector.
pub fn expand_braces_into(phrase: &str, out: &mut Vec<String>) -> Result<(), String> {
    if !phrase.bytes().any(|b| b == b'{' || b == b'}') {
        out.push(phrase.to_owned());
        return Ok(());
    }
    // Once its braces balance, a phrase can only fail by expanding to too
    // many forms.
    let mut depth = 0usize;
    for b in phrase.bytes() {
        match b {
            b'{' => depth += 1,
            b'}' if depth == 0 => return Err("`}` without a matching `{`".into()),
            b'}' => depth -= 1,
            _ => {}
        }
    }
    if depth > 0 {
        return Err("`{` without a matching `}`".into());
    }
    expand_balanced(phrase, out)
}

/// Appends the forms of `s`, whose braces are balanced, to `out`, or
/// nothing if there are more than [`MAX_FORMS`].
fn expand_balanced(s: &str, out: &mut Vec<String>) -> Result<(), String> {
    // `s` is text, group, text, ..., group, text. Each group becomes the
    // list of its alternatives' forms, and the forms of `s` are built by
    // counting through one choice per group, the last group fastest; so each
    // form costs one allocation of its size.
    let mut texts = Vec::new();
    let mut groups: Vec<Vec<Cow<str>>> = Vec::new();
    let mut count = 1usize;
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        texts.push(&rest[..open]);
        let mut forms = Vec::new();
        let mut nested = Ok(());
        let close = open
            + each_alternative(&rest[open..], |alternative| {
                if !alternative.contains('{') {
                    forms.push(Cow::Borrowed(alternative));
                } else if nested.is_ok() {
                    let mut owned = Vec::new();
                    nested = expand_balanced(alternative, &mut owned);
                    forms.extend(owned.into_iter().map(Cow::Owned));
                }
            });
        nested?;
        count = count.saturating_mul(forms.len());
        if count > MAX_FORMS {
            return Err(format!("expands to more than {MAX_FORMS} forms"));
        }
        groups.push(forms);
        rest = &rest[close + 1..];
    }
    texts.push(rest);
    out.reserve(count);
    // The form being built, and where each group's choice starts in it:
    // a new choice for a group rebuilds the form from there on.
    let mut form = String::from(texts[0]);
    let mut starts = vec![0; groups.len()];
    let mut choice = vec![0; groups.len()];
    let mut changed = 0;
    loop {
        for g in changed..groups.len() {
            starts[g] = form.len();
            form.push_str(&groups[g][choice[g]]);
            form.push_str(texts[g + 1]);
        }
        out.push(form.clone());
        // The next choice, as an odometer turns.
        changed = groups.len();
        loop {
            if changed == 0 {
                return Ok(());
            }
            changed -= 1;
            choice[changed] += 1;
            if choice[changed] < groups[changed].len() {
                break;
            }
            choice[changed] = 0;
        }
        form.truncate(starts[changed]);
    }
}

/// Calls `f` with each alternative of the group that `s` opens (its
/// braces balanced) and returns the index of the group's closing brace.
fn each_alternative<'a>(s: &'a str, mut f: impl FnMut(&'a str)) -> usize {
    let mut depth = 0;
    let mut start = 1;
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    f(&s[start..i]);
                    return i;
                }
            }
            // Spaces inside an alternative are meaningful: `{widely ,}believed`.
            b',' if depth == 1 => {
                f(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    unreachable!("braces are balanced")
}

/// `phrase` with its ends trimmed and each run of whitespace made one space,
/// or `None` when it already is so.
pub fn normalize_spaces(phrase: &str) -> Option<String> {
    // Most phrases are ASCII, whose bytes are their characters: tested
    // eight at a time, they need no decoding.
    let normal = if phrase.is_ascii() {
        ascii_spacing_is_normal(phrase.as_bytes())
    } else {
        let mut prev_space = true; // a leading space is not normal either
        phrase.chars().all(|c| {
            let ok = !c.is_whitespace() || (c == ' ' && !prev_space);
            prev_space = c.is_whitespace();
            ok
        }) && !prev_space
    };
    (!normal).then(|| phrase.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `b` as little-endian words of eight bytes, the last padded with zero
/// bytes (which none of the tests on them here flags).
fn words(b: &[u8]) -> impl Iterator<Item = u64> + '_ {
    let chunks = b.chunks_exact(8);
    let rest = chunks.remainder();
    let last = (!rest.is_empty()).then(|| load8_prefix(rest));
    chunks
        .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
        .chain(last)
}

/// The top bit of each byte of `w` equal to `b`.
#[inline]
fn bytes_equal(w: u64, b: u8) -> u64 {
    zero_bytes(w ^ (LO * u64::from(b)))
}

/// True when ASCII `b` is not empty, does not start or end with white
/// space, and has none but single spaces.
fn ascii_spacing_is_normal(b: &[u8]) -> bool {
    if b.first().is_none_or(|&c| is_ascii_space(c)) || b.last().is_some_and(|&c| is_ascii_space(c))
    {
        return false;
    }
    // Whether the last byte of the previous word is white space.
    let mut blank_before = false;
    words(b).all(|w| {
        let blank = blank_bytes(w, true);
        let ok = blank == bytes_equal(w, b' ')
            && blank & ((blank << 8) | u64::from(blank_before) << 7) == 0;
        blank_before = blank >> 63 != 0;
        ok
    })
}

/// True when `s` has an ASCII capital letter.
pub fn has_ascii_uppercase(s: &str) -> bool {
    words(s.as_bytes()).any(|w| {
        // Below 0x80, a byte plus 0x3f reaches the top bit from `A` on and
        // plus 0x25 from `[` on; `!w` leaves out the bytes of other characters.
        let y = w & !HI;
        (y + LO * 0x3f) & !(y + LO * 0x25) & !w & HI != 0
    })
}

/// `char::is_whitespace` for an ASCII byte (`u8::is_ascii_whitespace` leaves
/// out the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// Calls `f` with each apostrophe variant of a phrase whose spacing is
/// normal: the phrase itself when it has no apostrophe, else its straight and
/// its curly spelling (the forms [`apostrophe_variants`] returns).
pub fn each_apostrophe_variant(normal: &str, mut f: impl FnMut(&str)) {
    // 0x99 ends the UTF-8 of `’`: one scan for it and `'` rules out most
    // phrases.
    let maybe = words(normal.as_bytes()).any(|w| bytes_equal(w, b'\'') | bytes_equal(w, 0x99) != 0);
    if !maybe || !normal.contains(['\'', '\u{2019}']) {
        f(normal);
        return;
    }
    let straight = normal.replace('\u{2019}', "'");
    f(&straight);
    f(&straight.replace('\'', "\u{2019}"));
}

/// Normalises the spacing of `form`, a brace-expanded phrase, and calls `f`
/// with each of its apostrophe variants (see [`each_apostrophe_variant`])
/// and whether it has an ASCII capital; returns the normal form, or `None`
/// when `form` is blank.
///
/// An ASCII form, nearly every one, is tested for all this in one pass
/// over its words, where the tests one by one took three passes and a
/// `trim`.
pub fn each_form_variant(form: String, mut f: impl FnMut(&str, bool)) -> Option<String> {
    let Some(scan) = scan_ascii(form.as_bytes()) else {
        if form.trim().is_empty() {
            return None;
        }
        let form = normalize_spaces(&form).unwrap_or(form);
        each_apostrophe_variant(&form, |v| f(v, has_ascii_uppercase(v)));
        return Some(form);
    };
    if form.bytes().all(is_ascii_space) {
        return None;
    }
    // Spacing and apostrophes change no letter.
    let form = match scan.normal {
        true => form,
        false => normalize_spaces(&form).unwrap_or(form),
    };
    match scan.apostrophe {
        true => each_apostrophe_variant(&form, |v| f(v, scan.upper)),
        false => f(&form, scan.upper),
    }
    Some(form)
}

/// What one pass over the words of an ASCII phrase finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AsciiScan {
    /// Its spacing is normal (see [`normalize_spaces`]).
    normal: bool,
    /// It has a straight apostrophe.
    apostrophe: bool,
    /// It has an ASCII capital.
    upper: bool,
}

/// [`AsciiScan`] of `b`, or `None` when it is not ASCII.
fn scan_ascii(b: &[u8]) -> Option<AsciiScan> {
    // The tests of `ascii_spacing_is_normal`, `each_apostrophe_variant` and
    // `has_ascii_uppercase`, on each word once.
    let (mut spacing, mut blank_before, mut marks, mut upper, mut high) =
        (true, false, 0u64, 0u64, false);
    let mut step = |w: u64| {
        // The tests below hold for bytes under 0x80 only.
        if w & HI != 0 {
            high = true;
            return;
        }
        let blank = blank_bytes(w, true);
        spacing &= blank == bytes_equal(w, b' ')
            && blank & ((blank << 8) | u64::from(blank_before) << 7) == 0;
        blank_before = blank >> 63 != 0;
        marks |= bytes_equal(w, b'\'');
        let y = w & !HI;
        upper |= (y + LO * 0x3f) & !(y + LO * 0x25) & !w & HI;
    };
    let chunks = b.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        step(u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    if !rest.is_empty() {
        step(load8_prefix(rest));
    }
    if high {
        return None;
    }
    let ends_blank = |c: Option<&u8>| c.is_none_or(|&c| is_ascii_space(c));
    Some(AsciiScan {
        normal: spacing && !ends_blank(b.first()) && !ends_blank(b.last()),
        apostrophe: marks != 0,
        upper: upper != 0,
    })
}

/// Normalises a phrase's spacing and returns it with every straight/curly
/// apostrophe variant (`it's` and `it’s`) so both spellings match.
pub fn apostrophe_variants(phrase: &str) -> Vec<String> {
    let normal = normalize_spaces(phrase);
    let mut out = Vec::with_capacity(2);
    each_apostrophe_variant(normal.as_deref().unwrap_or(phrase), |v| {
        out.push(v.to_owned())
    });
    out
}

/// True for characters that continue a word.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `text[start..end]` is not glued to letters on either side. An edge
/// of the match that is itself not a word character (`30%`) needs no boundary.
#[inline]
pub fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let before_ok = !first.is_some_and(is_word_char)
        || !text[..start].chars().next_back().is_some_and(is_word_char);
    let after_ok =
        !last.is_some_and(is_word_char) || !text[end..].chars().next().is_some_and(is_word_char);
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_expand() {
        assert_eq!(
            expand_braces("claim{,s,ed}").unwrap(),
            vec!["claim", "claims", "claimed"]
        );
        assert_eq!(
            expand_braces("{slam,blast}{s,ed}").unwrap(),
            vec!["slams", "slamed", "blasts", "blasted"]
        );
        assert_eq!(expand_braces("plain words").unwrap(), vec!["plain words"]);
    }

    #[test]
    fn bad_braces_are_errors() {
        assert!(expand_braces("claim{s").is_err());
        assert!(expand_braces("claim}s").is_err());
        assert!(expand_braces("a{b").is_err());
        let many = "{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b}";
        assert!(expand_braces(many).is_err());
    }

    /// The first expansion, one vector per nesting level: the reference for
    /// the forms, their order and the error messages.
    fn reference_expand(s: &str) -> Result<Vec<String>, String> {
        let Some(open) = s.find(['{', '}']) else {
            return Ok(vec![s.to_owned()]);
        };
        if s.as_bytes()[open] == b'}' {
            return Err("`}` without a matching `{`".into());
        }
        let mut depth = 0;
        let mut close = None;
        let mut cuts = vec![open + 1];
        for (i, b) in s.bytes().enumerate().skip(open) {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(i);
                        break;
                    }
                }
                b',' if depth == 1 => cuts.push(i + 1),
                _ => {}
            }
        }
        let close = close.ok_or("`{` without a matching `}`")?;
        cuts.push(close + 1);
        let tails = reference_expand(&s[close + 1..])?;
        let mut out = Vec::new();
        for w in cuts.windows(2) {
            for a in reference_expand(&s[w[0]..w[1] - 1])? {
                for t in &tails {
                    out.push(format!("{}{a}{t}", &s[..open]));
                    if out.len() > MAX_FORMS {
                        return Err(format!("expands to more than {MAX_FORMS} forms"));
                    }
                }
            }
        }
        Ok(out)
    }

    #[test]
    fn expansion_matches_the_reference() {
        // Every string of up to seven of these bytes, balanced or not.
        let alphabet = [b'{', b'}', b',', b'a', b' '];
        let mut strings = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..7 {
            last = last
                .iter()
                .flat_map(|s| alphabet.map(|b| format!("{s}{}", b as char)))
                .collect();
            strings.extend(last.iter().cloned());
        }
        let two = "{a,b}".repeat(10);
        strings.extend([
            two.clone(),
            format!("{two}x{{a,b}}"),
            format!("{two}{{a,b"),
            format!("{two}}}"),
            format!("{{{two},c}}"),
            "{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b}".into(),
            "is {believed,rumo{,u}red{, {a,b}}} to{o,}".into(),
        ]);
        for s in &strings {
            assert_eq!(expand_braces(s), reference_expand(s), "{s:?}");
        }
    }

    /// Strings that meet every test on words with every byte at every place
    /// in a word: 18 letters with one or two of the pieces below put in at
    /// any places, and random strings of up to 20 pieces.
    fn assorted_strings() -> Vec<String> {
        let pieces = [
            " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x08", "\x0e", "a", "z", "A", "Z", "@", "[",
            "'", "\u{2019}", "\u{119}", "\u{a0}", "\u{c0}", "\u{3000}",
        ];
        let mut out = vec![String::new()];
        for i in 0..=18 {
            for j in i..=18 {
                for p in pieces {
                    for q in pieces {
                        out.push(format!(
                            "{}{p}{}{q}{}",
                            "x".repeat(i),
                            "x".repeat(j - i),
                            "x".repeat(18 - j)
                        ));
                    }
                }
            }
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..10_000 {
            let len = 1 + next(20);
            out.push((0..len).map(|_| pieces[next(pieces.len())]).collect());
        }
        out
    }

    #[test]
    fn word_tests_agree_with_character_tests() {
        for s in assorted_strings() {
            let mut prev_space = true;
            let normal = s.chars().all(|c| {
                let ok = !c.is_whitespace() || (c == ' ' && !prev_space);
                prev_space = c.is_whitespace();
                ok
            }) && !prev_space;
            let want = (!normal).then(|| s.split_whitespace().collect::<Vec<_>>().join(" "));
            assert_eq!(normalize_spaces(&s), want, "{s:?}");
            assert_eq!(
                has_ascii_uppercase(&s),
                s.bytes().any(|b| b.is_ascii_uppercase()),
                "{s:?}"
            );
            let mut variants = Vec::new();
            each_apostrophe_variant(&s, |v| variants.push(v.to_owned()));
            let want = match s.contains(['\'', '\u{2019}']) {
                true => {
                    let straight = s.replace('\u{2019}', "'");
                    vec![straight.clone(), straight.replace('\'', "\u{2019}")]
                }
                false => vec![s.clone()],
            };
            assert_eq!(variants, want, "{s:?}");
            let mut fused = Vec::new();
            let normal = each_form_variant(s.clone(), |v, upper| {
                assert_eq!(upper, has_ascii_uppercase(v), "{s:?}");
                fused.push(v.to_owned());
            });
            match s.trim().is_empty() {
                true => assert_eq!(normal, None, "{s:?}"),
                false => {
                    let normal = normal.unwrap();
                    let mut want = Vec::new();
                    each_apostrophe_variant(&normal, |v| want.push(v.to_owned()));
                    assert_eq!(Some(normal), normalize_spaces(&s).or(Some(s.clone())));
                    assert_eq!(fused, want, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn ascii_spaces_are_char_spaces() {
        for b in 0..0x80u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b:#x}");
        }
    }

    #[test]
    fn spaces_inside_alternatives_are_kept() {
        assert_eq!(
            expand_braces("is {widely ,}believed").unwrap(),
            vec!["is widely believed", "is believed"]
        );
    }

    #[test]
    fn braces_nest() {
        assert_eq!(
            expand_braces("is {believed,rumo{,u}red} to").unwrap(),
            vec!["is believed to", "is rumored to", "is rumoured to"]
        );
    }

    #[test]
    fn apostrophes_both_ways() {
        assert_eq!(
            apostrophe_variants("it’s  said"),
            vec!["it's said", "it\u{2019}s said"]
        );
        assert_eq!(apostrophe_variants("said"), vec!["said"]);
        // `ę` ends in the byte that ends `’`.
        assert_eq!(apostrophe_variants("ę said"), vec!["ę said"]);
    }

    #[test]
    fn spacing_is_normalised_only_when_needed() {
        assert_eq!(normalize_spaces("it said"), None);
        assert_eq!(normalize_spaces("said"), None);
        for odd in [
            " said",
            "said ",
            "it  said",
            "it\tsaid",
            "it\u{a0}said",
            " ",
        ] {
            let want = odd.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(normalize_spaces(odd), Some(want), "{odd:?}");
        }
        assert_eq!(
            apostrophe_variants(" it\u{2019}s "),
            vec!["it's", "it\u{2019}s"]
        );
    }

    #[test]
    fn boundaries() {
        let t = "the regime-backed claims, 30% and unclaimed";
        let s = t.find("regime").unwrap();
        assert!(at_word_boundaries(t, s, s + 6));
        let s = t.find("claim").unwrap();
        assert!(!at_word_boundaries(t, s, s + 5));
        let s = t.find("30%").unwrap();
        assert!(at_word_boundaries(t, s, s + 3));
        let s = t.rfind("claimed").unwrap();
        assert!(!at_word_boundaries(t, s, s + 7));
        let t = "naïve café";
        assert!(at_word_boundaries(t, 0, "naïve".len()));
    }
}
