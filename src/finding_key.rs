//! A finding's identity that survives edits elsewhere in its file: rule,
//! flagged text, a few words either side, and which repeat of those it is.
//! Line numbers are left out on purpose: inserting a paragraph above moves
//! every line, but not what a finding says or what surrounds it.
//!
//! Baselines ([`crate::baseline`]) match on these keys, and GitLab's
//! fingerprints ([`crate::render`]) are a hash of them.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::report::FileReport;
use crate::rules::Pack;

/// How many words either side of a finding belong to its key: enough to tell
/// two "reportedly"s in one story apart, few enough that an edit a sentence
/// away leaves the key alone.
pub const CONTEXT_WORDS: usize = 3;

/// What identifies one finding within its file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FindingKey {
    /// The rule's id.
    pub rule: String,
    /// The flagged text, whitespace runs made single spaces.
    pub text: String,
    /// Up to [`CONTEXT_WORDS`] words before it in its paragraph, lower case.
    pub before: String,
    /// Up to [`CONTEXT_WORDS`] words after it in its paragraph, lower case.
    pub after: String,
    /// 0 for the first finding with this rule, text and context in the file,
    /// 1 for the next...
    pub occurrence: usize,
}

/// The keys of a report's findings, in the findings' order. Context words
/// need the report's text ([`crate::run::Options::keep_text`]); without it
/// the keys have none.
pub fn keys(pack: &Pack, report: &FileReport) -> Vec<FindingKey> {
    // Findings point into this text in every format (Word's: its extracted text).
    let text = report.text.as_deref();
    let mut seen: HashMap<(String, String, String, String), usize> = HashMap::new();
    report
        .findings
        .iter()
        .map(|f| {
            let (before, after) = match text {
                Some(t) if f.finding.range.end <= t.len() => (
                    words_before(&t[..f.finding.range.start]),
                    words_after(&t[f.finding.range.end..]),
                ),
                _ => (String::new(), String::new()),
            };
            let rule = pack.rules[f.finding.rule].id.clone();
            let text = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let n = seen
                .entry((rule.clone(), text.clone(), before.clone(), after.clone()))
                .or_insert(0);
            let occurrence = *n;
            *n += 1;
            FindingKey {
                rule,
                text,
                before,
                after,
                occurrence,
            }
        })
        .collect()
}

/// Where the paragraph holding the end of `before` starts: just past the
/// last blank line.
fn paragraph_start(before: &str) -> usize {
    let mut end = before.len();
    let mut own_line = true;
    while let Some(nl) = before[..end].rfind('\n') {
        if !own_line && before[nl + 1..end].trim().is_empty() {
            return end + 1;
        }
        own_line = false;
        end = nl;
    }
    0
}

/// Where the paragraph starting `after` ends: at the first blank line.
fn paragraph_end(after: &str) -> usize {
    let mut offset = 0;
    for line in after.split_inclusive('\n') {
        if offset > 0 && line.trim().is_empty() {
            return offset;
        }
        offset += line.len();
    }
    after.len()
}

/// The words of `s`: runs of letters and digits, lower case (markup and
/// punctuation are left out, so re-wrapping or re-styling does not matter).
fn words(s: &str) -> impl DoubleEndedIterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn words_before(s: &str) -> String {
    let para = &s[paragraph_start(s)..];
    let mut w: Vec<String> = words(para).rev().take(CONTEXT_WORDS).collect();
    w.reverse();
    w.join(" ")
}

fn words_after(s: &str) -> String {
    let para = &s[..paragraph_end(s)];
    words(para)
        .take(CONTEXT_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A stable hex digest of a file's path and a finding's key (64-bit FNV-1a:
/// the same on every platform and release, unlike std's hasher).
pub fn fingerprint(path: &str, key: &FindingKey) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let occurrence = key.occurrence.to_string();
    for part in [
        path,
        &key.rule,
        &key.text,
        &key.before,
        &key.after,
        &occurrence,
    ] {
        // A separator no part holds keeps ("ab", "c") and ("a", "bc") apart.
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_stops_at_blank_lines() {
        assert_eq!(words_before("First para ends.\n\nThe mayor "), "the mayor");
        assert_eq!(words_before("one two three four five "), "three four five");
        assert_eq!(words_after(" plans to.\n\nNext para"), "plans to");
        assert_eq!(words_after(" a b c d"), "a b c");
        assert_eq!(words_before("\n\n  \n"), "");
    }

    #[test]
    fn context_ignores_markup_and_case() {
        assert_eq!(words_before("**The** _Mayor_ "), "the mayor");
    }

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        let key = FindingKey {
            rule: "r".into(),
            text: "claimed".into(),
            before: "the mayor".into(),
            after: "that".into(),
            occurrence: 0,
        };
        // A fixed value: a change here breaks every stored fingerprint.
        assert_eq!(fingerprint("a.md", &key), "d6afd28497fd2f24");
        assert_ne!(fingerprint("a.md", &key), fingerprint("b.md", &key));
        let second = FindingKey {
            occurrence: 1,
            ..key.clone()
        };
        assert_ne!(fingerprint("a.md", &key), fingerprint("a.md", &second));
    }
}
