//! Signed quotations: a quotation followed by a dash and a name ("“We are
//! not going anywhere.” ― Dana Ruiz"), the convention of reader-reaction
//! roundups, epigraphs and social-post collections. The dash stands for the
//! cue and the name is the source.
//!
//! Read once per document after the sentence scan, from the quotations: the
//! signature is layout, not grammar, and often falls in the next sentence.

use std::ops::Range;

use crate::model::{Attribution, CueKind, Quotation, QuotationKind, Sentence, SourceKind};

/// Most words in a signature name ("Christina N Luis Olidem").
const MAX_NAME_WORDS: usize = 5;

/// The signatures after the outermost direct quotations, as attributions.
pub(super) fn signed(
    text: &str,
    sentences: &[Sentence],
    quotations: &[Quotation],
    top: &[usize],
) -> Vec<Attribution> {
    let mut out = Vec::new();
    for &qi in top {
        let q = &quotations[qi];
        if q.kind != QuotationKind::Direct {
            continue;
        }
        let Some((dash, name)) = signature(text, q.range.end) else {
            continue;
        };
        let Some(sentence) = sentences.iter().position(|s| s.range.contains(&dash.start)) else {
            continue;
        };
        out.push(Attribution {
            sentence,
            cue: dash,
            source: Some(name),
            source_kind: SourceKind::Named,
            cue_kind: CueKind::Speech,
            negated: false,
        });
    }
    out
}

/// The dash and the name of a signature starting at byte `at`, if one does:
/// a dash (not a double hyphen, a reporter's sign-off), then one to five
/// capitalised words, then the end of the line, a full stop, a comma or the
/// next quotation.
fn signature(text: &str, at: usize) -> Option<(Range<usize>, Range<usize>)> {
    let rest = text.get(at..)?;
    let lead = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let after_space = &rest[lead..];
    let dash_len = ['\u{2015}', '\u{2014}', '\u{2013}']
        .iter()
        .find(|d| after_space.starts_with(**d))
        .map(|d| d.len_utf8())?;
    let dash = at + lead..at + lead + dash_len;
    let after_dash = &text[dash.end..];
    let gap = after_dash.len() - after_dash.trim_start_matches([' ', '\u{a0}']).len();
    let start = dash.end + gap;
    let mut end = start;
    let mut words = 0;
    loop {
        let word: &str = {
            let s = &text[end..];
            let n = s
                .find(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
                .unwrap_or(s.len());
            &s[..n]
        };
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        words += 1;
        if words > MAX_NAME_WORDS {
            return None;
        }
        end += word.len();
        // A full stop after a word longer than an initial ("M.") ends it.
        if word.ends_with('.') && word.chars().count() > 2 {
            break;
        }
        // One space and another capitalised word continue the name.
        let next = &text[end..];
        if next.starts_with(' ') && next[1..].chars().next().is_some_and(char::is_uppercase) {
            end += 1;
            continue;
        }
        break;
    }
    if words == 0 {
        return None;
    }
    // A name ends the line, its sentence, or runs into the next quotation.
    let name = start..end - usize::from(text[..end].ends_with('.'));
    let tail = text[end..].trim_start_matches([' ', '\u{a0}']);
    let closes = tail.is_empty()
        || tail.starts_with(['\n', '.', ',', '\u{201c}', '"'])
        || text[..end].ends_with('.');
    closes.then_some((dash, name))
}

#[cfg(test)]
mod tests {
    use super::signature;

    fn sig(text: &str) -> Option<(&str, &str)> {
        signature(text, 0).map(|(d, n)| (&text[d], &text[n]))
    }

    #[test]
    fn a_dash_and_a_name_sign_a_quotation() {
        assert_eq!(sig(" ― Dana Ruiz\n"), Some(("―", "Dana Ruiz")));
        assert_eq!(
            sig("— Lee M. Ortiz. Photo: AP"),
            Some(("—", "Lee M. Ortiz"))
        );
        assert_eq!(sig(" ― Ana Paz “Next quote”"), Some(("―", "Ana Paz")));
    }

    #[test]
    fn a_dash_into_narration_signs_nothing() {
        assert_eq!(sig(" — and then he left."), None);
        assert_eq!(sig(" — Ruiz walked out of the room."), None);
        assert_eq!(sig(" – One Two Three Four Five Six"), None);
        assert_eq!(sig(" Dana Ruiz"), None);
        // A double hyphen before a name is a reporter's sign-off in
        // roundups ("..."--Kim Ortiz."), not the speaker's.
        assert_eq!(sig("--Kim Ortiz."), None);
    }
}
