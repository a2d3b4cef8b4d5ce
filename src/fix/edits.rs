//! Which suggestions become edits, and applying them: one pass of autofix
//! over a text. [`super::fix_text`] repeats passes until none applies.

use std::ops::Range;

use crate::extract::{self, InputFormat};
use crate::finding::Applicability;
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

/// A replacement of source bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Byte range in the source text.
    pub range: Range<usize>,
    /// What goes there.
    pub replacement: String,
}

/// The edits one lint of `text` offers at `level`: the first allowed
/// suggestion of each finding whose flagged bytes are exactly what the
/// reader sees, without overlaps (the earlier edit wins; the other finding
/// is looked at again on the next pass), in order.
pub fn edits(pack: &Pack, format: InputFormat, text: &str, level: FixLevel) -> Vec<Edit> {
    let prose = extract::extract_text(format, text);
    let mut found: Vec<Edit> = crate::engine::check_prose(pack, &prose)
        .into_iter()
        .filter(|f| prose.map.source_is_verbatim(f.range.clone()))
        .filter_map(|f| {
            let s = f
                .suggestions
                .iter()
                .find(|s| level.allows(s.applicability))?;
            let range = if s.replacement.is_empty() {
                deletion(text, f.range.clone())
            } else {
                f.range.clone()
            };
            (text.get(range.clone())? != s.replacement).then(|| Edit {
                range,
                replacement: s.replacement.clone(),
            })
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

/// A deleted word's range widened over one space, so that "the plan
/// clearly favours" loses "clearly " and not just the word.
fn deletion(text: &str, range: Range<usize>) -> Range<usize> {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    match (before, after) {
        (_, Some(' ')) if before.is_none_or(|c| c == ' ' || c == '\n') => {
            range.start..range.end + 1
        }
        (Some(' '), None | Some('.' | ',' | ';' | ':' | '!' | '?' | '\n' | '\r')) => {
            range.start - 1..range.end
        }
        _ => range,
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
    fn deleting_a_word_takes_one_space_with_it() {
        let t = "The plan clearly favours it.";
        assert_eq!(
            apply(
                t,
                &[Edit {
                    range: deletion(t, 9..16),
                    replacement: String::new()
                }]
            ),
            "The plan favours it."
        );
        let t = "It was, clearly.";
        assert_eq!(
            apply(
                t,
                &[Edit {
                    range: deletion(t, 8..15),
                    replacement: String::new()
                }]
            ),
            "It was,."
        );
        let t = "Clearly it is.";
        assert_eq!(
            apply(
                t,
                &[Edit {
                    range: deletion(t, 0..7),
                    replacement: String::new()
                }]
            ),
            "it is."
        );
    }
}
