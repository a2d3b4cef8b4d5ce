//! Phrase syntax: brace alternatives for inflections, apostrophe variants, and
//! the word-boundary test applied to every literal match.

/// Most forms one phrase may expand to; more is almost surely a typo.
pub const MAX_FORMS: usize = 1024;

/// Expands `claim{,s,ed}` to `claim`, `claims`, `claimed`. Several groups
/// multiply and groups may nest (`rumo{,u}r`). Returns an error message for
/// unbalanced braces or an explosion of forms.
pub fn expand_braces(phrase: &str) -> Result<Vec<String>, String> {
    let forms = expand(phrase)?;
    if forms.len() > MAX_FORMS {
        return Err(format!(
            "expands to {} forms, more than {MAX_FORMS}",
            forms.len()
        ));
    }
    Ok(forms)
}

fn expand(s: &str) -> Result<Vec<String>, String> {
    let Some(open) = s.find(['{', '}']) else {
        return Ok(vec![s.to_owned()]);
    };
    if s.as_bytes()[open] == b'}' {
        return Err("`}` without a matching `{`".into());
    }
    // Find the matching close brace and the top-level commas between.
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
    let head = &s[..open];
    let tails = expand(&s[close + 1..])?;
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        // Spaces inside an alternative are meaningful: `{widely ,}believed`.
        let alt = &s[w[0]..w[1] - 1];
        for a in expand(alt)? {
            for t in &tails {
                let mut form = String::with_capacity(head.len() + a.len() + t.len());
                form.push_str(head);
                form.push_str(&a);
                form.push_str(t);
                out.push(form);
                if out.len() > MAX_FORMS {
                    return Err(format!("expands to more than {MAX_FORMS} forms"));
                }
            }
        }
    }
    Ok(out)
}

/// `phrase` with its ends trimmed and each run of whitespace made one space,
/// or `None` when it already is so.
pub(crate) fn normalize_spaces(phrase: &str) -> Option<String> {
    let mut prev_space = true; // a leading space is not normal either
    let normal = phrase.chars().all(|c| {
        let ok = !c.is_whitespace() || (c == ' ' && !prev_space);
        prev_space = c.is_whitespace();
        ok
    }) && !prev_space;
    (!normal).then(|| phrase.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Calls `f` with each apostrophe variant of a phrase whose spacing is
/// normal: the phrase itself when it has no apostrophe, else its straight and
/// its curly spelling (the forms [`apostrophe_variants`] returns).
pub(crate) fn each_apostrophe_variant(normal: &str, mut f: impl FnMut(&str)) {
    if !normal.contains(['\'', '\u{2019}']) {
        f(normal);
        return;
    }
    let straight = normal.replace('\u{2019}', "'");
    f(&straight);
    f(&straight.replace('\'', "\u{2019}"));
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
