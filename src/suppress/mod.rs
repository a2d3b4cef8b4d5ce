//! Inline suppressions and the judging of each finding of a file: dropped
//! (rule off for this file, an allowed phrase, inside a directive),
//! suppressed by a directive (with its reason), or reported at its
//! configured severity. Works on findings' byte offsets in the file's text,
//! so it holds for every extractor.

pub mod directive;
pub mod own_rules;

use std::ops::Range;

use crate::extract::InputFormat;
use crate::finding::{Finding, Severity};
use crate::input::InputDoc;
use crate::lines::LineIndex;
use crate::report::Located;
use crate::rules::Pack;

pub use directive::{Directive, Kind};

/// The ids of newslint's own rules about suppressions.
pub const UNUSED: &str = "unused-suppression";
/// A directive naming no known rule or category, or malformed.
pub const INVALID: &str = "invalid-suppression";
/// A directive with no reason while `require-reasons` is on.
pub const NO_REASON: &str = "suppression-without-reason";

/// A finding and what becomes of it.
#[derive(Debug, Clone)]
pub struct Judged {
    /// The finding.
    pub finding: Finding,
    /// Reported or suppressed.
    pub verdict: Verdict,
}

/// What becomes of a finding that is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Reported, at this severity when configuration changed its rule's.
    Report(Option<Severity>),
    /// Silenced by the file's suppression number `by` (see
    /// [`crate::report::FileReport::suppressions`]).
    Suppressed {
        /// Index of the suppression.
        by: usize,
        /// Its reason.
        reason: Option<String>,
        /// The severity it would have been reported at, when configured.
        severity: Option<Severity>,
    },
}

/// A finding an inline suppression silenced.
#[derive(Debug, Clone)]
pub struct Suppressed {
    /// The finding, placed.
    pub located: Located,
    /// Index of the suppression in the file's list.
    pub by: usize,
    /// The suppression's reason.
    pub reason: Option<String>,
}

/// One inline suppression of a file, for `--report-suppressions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuppressionRecord {
    /// 1-based line of the directive.
    pub line: usize,
    /// The directive word.
    pub kind: String,
    /// The rules or categories it names.
    pub names: Vec<String>,
    /// Its reason.
    pub reason: Option<String>,
    /// How many findings it silenced.
    pub count: usize,
}

/// What configuration decided for one file (see `crate::config`).
#[derive(Debug, Clone, Default)]
pub struct FileSettings {
    /// Per rule of the pack: reported in this file.
    pub active: Vec<bool>,
    /// Per rule: the configured severity, when it differs from the rule's.
    pub severity: Vec<Option<Severity>>,
    /// Phrases that never fire (a finding overlapping one is dropped).
    pub allow: Vec<String>,
    /// Suppressions must give a reason.
    pub require_reasons: bool,
}

impl FileSettings {
    /// Every enabled rule of `pack` on, at its own severity.
    pub fn of_pack(pack: &Pack) -> Self {
        FileSettings {
            active: pack.enabled.clone(),
            severity: vec![None; pack.rules.len()],
            allow: Vec::new(),
            require_reasons: false,
        }
    }
}

/// The prose of `doc` with plain-text directive lines blanked to spaces
/// (same length, so every offset holds), for the model to read; `None` when
/// there is nothing to blank. In plain text and Word a directive line sits
/// in the paragraph of the line it silences: blanked, its words (a reason
/// naming a source, a loaded word) cannot change how that line is judged.
pub fn masked_prose(doc: &InputDoc) -> Option<crate::prose::Prose> {
    if !matches!(doc.format, InputFormat::Txt | InputFormat::Docx) {
        return None;
    }
    let directives = directive::find(&doc.prose.text, doc.format);
    if directives.is_empty() {
        return None;
    }
    let mut prose = doc.prose.clone();
    for d in directives {
        let blank = " ".repeat(d.range.len());
        prose.text.replace_range(d.range, &blank);
    }
    Some(prose)
}

/// Decides what becomes of each finding of a document (configuration and
/// inline suppressions); the run calls it on the thread that linted the file.
pub trait Policy: std::fmt::Debug + Send + Sync {
    /// Judges `doc`'s findings; returns those kept and the suppressions.
    fn judge(
        &self,
        pack: &Pack,
        doc: &InputDoc,
        findings: Vec<Finding>,
    ) -> (Vec<Judged>, Vec<SuppressionRecord>);
}

/// Inline suppressions alone: every enabled rule at its own severity.
#[derive(Debug, Clone, Copy, Default)]
pub struct InlineOnly;

impl Policy for InlineOnly {
    fn judge(
        &self,
        pack: &Pack,
        doc: &InputDoc,
        findings: Vec<Finding>,
    ) -> (Vec<Judged>, Vec<SuppressionRecord>) {
        let settings = FileSettings::of_pack(pack);
        judge(pack, doc.text(), doc.format, &settings, findings)
    }
}

/// Judges `findings` of a file whose text is `text`: see the module doc.
/// Returns the kept findings (newslint's own about suppressions added) and
/// the file's suppressions.
pub fn judge(
    pack: &Pack,
    text: &str,
    format: InputFormat,
    settings: &FileSettings,
    findings: Vec<Finding>,
) -> (Vec<Judged>, Vec<SuppressionRecord>) {
    let directives = directive::find(text, format);
    let regions = regions(text, &directives);
    let active = |rule: usize| settings.active.get(rule).copied().unwrap_or(false);
    // Per directive, per name: the findings it silenced.
    let mut counts: Vec<Vec<usize>> = directives.iter().map(|d| vec![0; d.names.len()]).collect();
    let mut out = Vec::with_capacity(findings.len());
    for f in findings {
        if !active(f.rule)
            || directives.iter().any(|d| overlaps(&d.range, &f.range))
            || allowed(text, &f.range, &settings.allow)
        {
            continue;
        }
        let rule = &pack.rules[f.rule];
        let by = regions.iter().find_map(|(d, range)| {
            let pos = directives[*d]
                .names
                .iter()
                .position(|n| *n == rule.id || n == rule.category.as_str())?;
            range.contains(&f.range.start).then_some((*d, pos))
        });
        let verdict = match by {
            Some((d, pos)) => {
                counts[d][pos] += 1;
                Verdict::Suppressed {
                    by: d,
                    reason: directives[d].reason.clone(),
                    severity: settings.severity.get(f.rule).copied().flatten(),
                }
            }
            None => Verdict::Report(settings.severity.get(f.rule).copied().flatten()),
        };
        out.push(Judged {
            finding: f,
            verdict,
        });
    }
    let own = |id: &str| pack.rule_index(id).filter(|&i| active(i));
    let mut push_own = |rule: Option<usize>, d: &Directive, message: String| {
        if let Some(rule) = rule {
            out.push(Judged {
                finding: Finding {
                    rule,
                    range: d.range.clone(),
                    message,
                    suggestions: Vec::new(),
                    context: Vec::new(),
                    paragraph: None,
                },
                verdict: Verdict::Report(settings.severity.get(rule).copied().flatten()),
            });
        }
    };
    let known = |n: &str| {
        pack.rules
            .iter()
            .any(|r| r.id == n || r.category.as_str() == n)
    };
    // A name is unused only when one of its rules reports in this file:
    // a rule switched off here cannot have had anything to silence.
    let in_effect = |n: &str| {
        pack.rules
            .iter()
            .enumerate()
            .any(|(i, r)| active(i) && (r.id == n || r.category.as_str() == n))
    };
    for (i, d) in directives.iter().enumerate() {
        let word = d.kind.as_str();
        if let Kind::Unknown(_) = d.kind {
            let m = format!(
                "`{word}` is not a newslint directive (newslint-disable, newslint-enable, newslint-disable-next-line)"
            );
            push_own(own(INVALID), d, m);
            continue;
        }
        let unknown: Vec<&str> = d
            .names
            .iter()
            .map(String::as_str)
            .filter(|n| !known(n))
            .collect();
        if !unknown.is_empty() {
            let m = format!(
                "`{word}` names no rule or category: {} (see `newslint rules`)",
                unknown.join(", ")
            );
            push_own(own(INVALID), d, m);
        }
        if d.kind == Kind::Enable {
            continue;
        }
        if d.names.is_empty() {
            let m = format!("`{word}` names no rule: give a rule id or category");
            push_own(own(INVALID), d, m);
        }
        if settings.require_reasons && d.reason.is_none() {
            let m = format!("`{word}` gives no reason: add ` -- why` (require-reasons is on)");
            push_own(own(NO_REASON), d, m);
        }
        let unused: Vec<&str> = d
            .names
            .iter()
            .zip(&counts[i])
            .filter(|(n, c)| **c == 0 && known(n) && in_effect(n))
            .map(|(n, _)| n.as_str())
            .collect();
        if !unused.is_empty() {
            let m = format!(
                "`{word}` of {} suppresses nothing: remove it",
                unused.join(", ")
            );
            push_own(own(UNUSED), d, m);
        }
    }
    let records = if directives.is_empty() {
        Vec::new()
    } else {
        let index = LineIndex::new(text);
        directives
            .iter()
            .zip(&counts)
            .map(|(d, c)| SuppressionRecord {
                line: index.position(text, d.range.start).0,
                kind: d.kind.as_str().to_string(),
                names: d.names.clone(),
                reason: d.reason.clone(),
                count: c.iter().sum(),
            })
            .collect()
    };
    (out, records)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The byte ranges each directive silences: a disable from its end to the
/// start of the enable that closes it (or the end of the file); a
/// next-line directive the next line that holds text other than directives.
fn regions(text: &str, directives: &[Directive]) -> Vec<(usize, Range<usize>)> {
    let mut out = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        match d.kind {
            Kind::Disable => {
                let end = directives[i + 1..]
                    .iter()
                    .find(|e| {
                        e.kind == Kind::Enable
                            && (e.names.is_empty() || e.names.iter().any(|n| d.names.contains(n)))
                    })
                    .map_or(text.len(), |e| e.range.start);
                out.push((i, d.range.end..end));
            }
            Kind::DisableNextLine => {
                if let Some(line) = next_line(text, d.range.end, directives) {
                    out.push((i, line));
                }
            }
            Kind::Enable | Kind::Unknown(_) => {}
        }
    }
    out
}

/// The first line after the one holding `from` with text other than
/// directives and white space.
fn next_line(text: &str, from: usize, directives: &[Directive]) -> Option<Range<usize>> {
    let line_end = |p: usize| text[p..].find('\n').map_or(text.len(), |i| p + i);
    let mut pos = line_end(from) + 1;
    while pos < text.len() {
        let end = line_end(pos);
        let mut rest = text[pos..end].to_string();
        // Blank out the directives on the line, then look for text.
        for d in directives.iter().rev() {
            if d.range.start >= pos && d.range.end <= end {
                rest.replace_range(d.range.start - pos..d.range.end - pos, "");
            }
        }
        if !rest.trim().is_empty() {
            return Some(pos..end);
        }
        pos = end + 1;
    }
    None
}

/// True when an allowed phrase occurs in `text` (ASCII case ignored, on word
/// boundaries) overlapping `range`.
fn allowed(text: &str, range: &Range<usize>, allow: &[String]) -> bool {
    let bytes = text.as_bytes();
    allow.iter().any(|phrase| {
        let p = phrase.as_bytes();
        if p.is_empty() {
            return false;
        }
        // An overlapping occurrence starts at most len - 1 bytes before.
        let lo = range.start.saturating_sub(p.len() - 1);
        let hi = range.end.min(bytes.len());
        (lo..hi).any(|s| {
            s + p.len() <= bytes.len()
                && bytes[s..s + p.len()].eq_ignore_ascii_case(p)
                && text.is_char_boundary(s)
                && text.is_char_boundary(s + p.len())
                && !text[..s]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                && !text[s + p.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
    })
}

#[cfg(test)]
mod tests;
