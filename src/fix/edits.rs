//! Which suggestions become edits, and applying them: one pass of autofix
//! over a text. [`super::fix_text`] repeats passes until none applies.

use std::ops::Range;

use crate::finding::Applicability;
use crate::finding::Finding;
use crate::input::InputDoc;
use crate::rules::Pack;

/// Which suggestions may be applied unseen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixLevel {
    /// Only suggestions their rule marks `safe`.
    Safe,
    /// `unsafe` ones too (`--unsafe-fixes`): the writer reviews the result.
    Unsafe,
}

impl FixLevel {
    fn allows(self, a: Applicability) -> bool {
        a == Applicability::Safe || self == FixLevel::Unsafe
    }
}

/// Which lines may be fixed: `None` for all, or a test of a finding's first
/// and last line (1-based), as `--diff-base` limits fixes to changed lines.
pub type Lines<'a> = Option<&'a dyn Fn(usize, usize) -> bool>;

/// A replacement of source bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Byte range in the source text.
    pub range: Range<usize>,
    /// What goes there.
    pub replacement: String,
}

/// How a document is linted for fixing: every finding of a pack
/// ([`pack_lint`]), or only those a configuration keeps, so that a
/// suppressed finding is never fixed.
pub type Lint<'a> = &'a (dyn Fn(&InputDoc) -> Vec<Finding> + 'a);

/// Every finding of `pack`'s enabled rules.
pub fn pack_lint(pack: &Pack) -> impl Fn(&InputDoc) -> Vec<Finding> + '_ {
    move |doc| crate::engine::check_prose(pack, &doc.prose)
}

/// The findings `policy` reports of `pack`'s on `doc`: a finding a
/// configuration or an inline suppression silences is never fixed.
pub fn policy_lint<'a>(
    pack: &'a Pack,
    policy: &'a dyn crate::suppress::Policy,
) -> impl Fn(&InputDoc) -> Vec<Finding> + 'a {
    move |doc| {
        // Plain-text directive lines are blanked for the model, as in `check`.
        let masked = crate::suppress::masked_prose(doc);
        let findings = crate::engine::check_prose(pack, masked.as_ref().unwrap_or(&doc.prose));
        policy
            .judge(pack, doc, findings)
            .0
            .into_iter()
            .filter(|j| matches!(j.verdict, crate::suppress::Verdict::Report(_)))
            .map(|j| j.finding)
            .collect()
    }
}

/// The edits one lint of `doc` (a text format) offers at `level` on the
/// `lines` allowed: the first allowed suggestion of each finding whose
/// flagged bytes are exactly what the reader sees, without overlaps (the
/// earlier edit wins; the other finding is looked at again on the next
/// pass), in order.
pub fn edits(lint: Lint<'_>, doc: &InputDoc, level: FixLevel, lines: &Lines<'_>) -> Vec<Edit> {
    let text = doc.text();
    let mut found: Vec<Edit> = lint(doc)
        .into_iter()
        .filter(|f| doc.prose.map.source_is_verbatim(f.range.clone()))
        .filter(|f| {
            lines.is_none_or(|allowed| {
                let line =
                    |at: usize| memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() + 1;
                allowed(line(f.range.start), line(f.range.end))
            })
        })
        .filter_map(|f| {
            let s = f
                .suggestions
                .iter()
                .find(|s| level.allows(s.applicability))?;
            let edit = if s.replacement.is_empty() {
                deletion(text, f.range.clone())
            } else {
                Edit {
                    range: f.range.clone(),
                    replacement: s.replacement.clone(),
                }
            };
            (text.get(edit.range.clone())? != edit.replacement).then_some(edit)
        })
        .collect();
    found.sort_by_key(|e| (e.range.start, e.range.end));
    let mut last_end = 0;
    found.retain(|e| {
        let keep = e.range.start >= last_end;
        if keep {
            last_end = e.range.end;
        }
        keep
    });
    found
}

/// A deletion as an edit that leaves tidy prose: the word goes with one
/// space ("the plan clearly favours" -> "the plan favours"), a sentence
/// adverb with its comma, the next word taking the capital ("Sadly, the
/// library" -> "The library"), and a parenthetical with its commas ("the
/// plan, sadly, failed" -> "the plan failed").
fn deletion(text: &str, range: Range<usize>) -> Edit {
    let head = &text[..range.start];
    let tail = &text[range.end..];
    let before = head.chars().next_back();
    let after = tail.chars().next();
    let sentence_start = head.trim_end_matches([' ', '\t']).is_empty()
        || head.ends_with('\n')
        || head.ends_with(". ")
        || head.ends_with("? ")
        || head.ends_with("! ");
    let delete = |r: Range<usize>| Edit {
        range: r,
        replacement: String::new(),
    };
    let gap = [", ", " "].into_iter().find(|g| tail.starts_with(g));
    if sentence_start && let Some(gap) = gap {
        // The next word takes the sentence's capital.
        let skip = range.end + gap.len();
        if let Some(c) = text[skip..].chars().next().filter(|c| c.is_lowercase()) {
            return Edit {
                range: range.start..skip + c.len_utf8(),
                replacement: c.to_uppercase().collect(),
            };
        }
        return delete(range.start..skip);
    }
    if head.ends_with(", ") && tail.starts_with(',') {
        return delete(range.start - 2..range.end + 1);
    }
    match (before, after) {
        (_, Some(' ')) if before.is_none_or(|c| c == ' ' || c == '\n') => {
            delete(range.start..range.end + 1)
        }
        (Some(' '), None | Some('.' | ',' | ';' | ':' | '!' | '?' | '\n' | '\r')) => {
            delete(range.start - 1..range.end)
        }
        _ => delete(range),
    }
}

/// `text` with non-overlapping `edits` (in order) applied.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.replacement);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleting_a_word_leaves_tidy_prose() {
        let cases = [
            (
                "The plan clearly favours it.",
                "clearly",
                "The plan favours it.",
            ),
            ("It was, clearly.", "clearly", "It was,."),
            ("Clearly it is.", "Clearly", "It is."),
            ("Sadly, the library shuts.", "Sadly", "The library shuts."),
            (
                "It rained. Sadly, the fair shut.",
                "Sadly",
                "It rained. The fair shut.",
            ),
            ("Sadly, 40 jobs go.", "Sadly", "40 jobs go."),
            ("The plan, sadly, failed.", "sadly", "The plan failed."),
            ("A plan, sadly.", "sadly", "A plan,."),
        ];
        for (text, word, want) in cases {
            let start = text.find(word).unwrap();
            let edit = deletion(text, start..start + word.len());
            assert_eq!(apply(text, &[edit]), want, "{text}");
        }
    }
}
