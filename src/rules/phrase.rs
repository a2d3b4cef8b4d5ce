//! Phrase syntax: brace alternatives for inflections, apostrophe variants, and
//! the word-boundary test applied to every literal match.

/// Most forms one phrase may expand to; more is almost surely a typo.
pub const MAX_FORMS: usize = 256;

/// Expands `claim{,s,ed}` to `claim`, `claims`, `claimed` (several brace groups
/// multiply). Returns an error message for unbalanced or nested braces.
pub fn expand_braces(phrase: &str) -> Result<Vec<String>, String> {
    let mut forms = vec![String::new()];
    let mut rest = phrase;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err("`}` without a matching `{`".into());
        }
        let close = rest[open + 1..]
            .find(['{', '}'])
            .map(|i| open + 1 + i)
            .ok_or("`{` without a matching `}`")?;
        if rest.as_bytes()[close] == b'{' {
            return Err("braces cannot nest".into());
        }
        let head = &rest[..open];
        let alternatives: Vec<&str> = rest[open + 1..close].split(',').collect();
        let mut next = Vec::with_capacity(forms.len() * alternatives.len());
        for f in &forms {
            for a in &alternatives {
                next.push(format!("{f}{head}{}", a.trim()));
            }
        }
        if next.len() > MAX_FORMS {
            return Err(format!("expands to more than {MAX_FORMS} forms"));
        }
        forms = next;
        rest = &rest[close + 1..];
    }
    for f in &mut forms {
        f.push_str(rest);
    }
    Ok(forms)
}

/// Normalises a phrase's spacing and returns it with every straight/curly
/// apostrophe variant (`it's` and `it’s`) so both spellings match.
pub fn apostrophe_variants(phrase: &str) -> Vec<String> {
    let normal: String = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    let straight = normal.replace('\u{2019}', "'");
    if !straight.contains('\'') {
        return vec![straight];
    }
    let curly = straight.replace('\'', "\u{2019}");
    vec![straight, curly]
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
    let after_ok = !last.is_some_and(is_word_char)
        || !text[end..].chars().next().is_some_and(is_word_char);
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
        assert!(expand_braces("a{b{c}}").is_err());
        let many = "{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b}";
        assert!(expand_braces(many).is_err());
    }

    #[test]
    fn apostrophes_both_ways() {
        assert_eq!(apostrophe_variants("it’s  said"), vec!["it's said", "it\u{2019}s said"]);
        assert_eq!(apostrophe_variants("said"), vec!["said"]);
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
