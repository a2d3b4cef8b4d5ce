//! Who speaks in quotations: the people a story interviewed or quotes at
//! length, named by the last word of the source ("Ban", "Carroll").

use super::{Document, SourceKind};

/// Quotations shorter than this are fragments ("an “unholy alliance”"), which
/// a writer lifts from a speech without having spoken to anyone.
const FULL_QUOTE_WORDS: usize = 4;

impl Document<'_> {
    /// Last words of the named sources of full quotations, in text order and
    /// deduplicated: "Bruce LeVell said: “...”" yields "LeVell".
    pub fn quoted_speakers(&self) -> Vec<&str> {
        let text = self.text();
        let mut out: Vec<&str> = Vec::new();
        for q in self
            .quotations
            .iter()
            .filter(|q| q.depth == 0 && q.words >= FULL_QUOTE_WORDS)
        {
            let Some(a) = self.speaker_of(q) else {
                continue;
            };
            if a.source_kind != SourceKind::Named {
                continue;
            }
            let Some(name) = a.source.as_ref().and_then(|s| surname(&text[s.clone()])) else {
                continue;
            };
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }
}

/// Indefinite pronouns ("anyone", "nobody"): a source phrase headed by one
/// names nobody, however much the clause after it says.
pub fn is_indefinite_pronoun(word: &str) -> bool {
    [
        "anyone",
        "anybody",
        "someone",
        "somebody",
        "everyone",
        "everybody",
        "nobody",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

/// The capitalised last word of a named source ("Mr. Ackman" -> "Ackman",
/// "Ban Ki-moon, the secretary general" -> none: the phrase ends lower-case).
pub fn surname(source: &str) -> Option<&str> {
    let last = source
        .split(|c: char| c.is_whitespace() || c == ',')
        .rfind(|w| !w.is_empty())?;
    let last = last.trim_end_matches(['.', ',', ':', ';']);
    let last = last
        .strip_suffix("'s")
        .or_else(|| last.strip_suffix("\u{2019}s"))
        .unwrap_or(last);
    let pronoun = ["He", "She", "They", "It", "We", "I", "You", "Who"].contains(&last);
    (!pronoun && last.chars().next()?.is_uppercase() && last.len() > 1).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::surname;

    #[test]
    fn surname_is_the_capitalised_last_word() {
        assert_eq!(surname("Mr. Ackman"), Some("Ackman"));
        assert_eq!(surname("Helen Carroll"), Some("Carroll"));
        assert_eq!(surname("the mayor"), None);
        assert_eq!(surname("Ms. Jones"), Some("Jones"));
        assert_eq!(surname("He"), None);
    }
}
