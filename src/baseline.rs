//! Baselines: the findings a team accepted on the day it adopted newslint,
//! stored in a file, so that CI fails only on new ones.
//!
//! A finding is matched by its path and [`FindingKey`] (rule, flagged text,
//! a few words either side), never by line: edits elsewhere in the file keep
//! old findings matched. Identical keys are counted, so a baseline holding
//! one "reportedly" with the same words around it accepts exactly one.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::finding_key::{FindingKey, keys};
use crate::report::FileReport;
use crate::rules::Pack;

/// The version written into, and required of, baseline files.
pub const VERSION: u32 = 1;

/// A baseline file's contents.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    /// Always [`VERSION`].
    newslint_baseline: u32,
    /// The accepted findings, in output order.
    findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    #[serde(flatten)]
    key: FindingKey,
}

/// What a key is matched on: all of it but the occurrence, which counting replaces.
type MatchKey = (String, String, String, String, String);

fn match_key(path: &str, key: &FindingKey) -> MatchKey {
    (
        path.to_owned(),
        key.rule.clone(),
        key.text.clone(),
        key.before.clone(),
        key.after.clone(),
    )
}

/// Accepted findings, each counted down as a run meets it.
#[derive(Debug, Default)]
pub struct Baseline {
    left: HashMap<MatchKey, usize>,
}

/// Why a baseline file could not be used.
#[derive(Debug)]
pub enum BaselineError {
    /// It could not be read.
    Read(PathBuf, io::Error),
    /// It is not a baseline newslint wrote (with line and column).
    Parse(PathBuf, serde_json::Error),
    /// It was written by a newslint whose baselines this one does not read.
    Version(PathBuf, u32),
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Read(p, e) => write!(f, "{}: cannot read baseline: {e}", p.display()),
            Self::Parse(p, e) => write!(
                f,
                "{}:{}:{}: not a newslint baseline: {e}",
                p.display(),
                e.line(),
                e.column()
            ),
            Self::Version(p, v) => write!(
                f,
                "{}: baseline version {v}, expected {VERSION} (write it again with `newslint baseline`)",
                p.display()
            ),
        }
    }
}

impl std::error::Error for BaselineError {}

impl Baseline {
    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| BaselineError::Read(path.to_path_buf(), e))?;
        Self::parse(&text).map_err(|e| match e {
            ParseError::Json(e) => BaselineError::Parse(path.to_path_buf(), e),
            ParseError::Version(v) => BaselineError::Version(path.to_path_buf(), v),
        })
    }

    fn parse(text: &str) -> Result<Self, ParseError> {
        let file: BaselineFile = serde_json::from_str(text).map_err(ParseError::Json)?;
        if file.newslint_baseline != VERSION {
            return Err(ParseError::Version(file.newslint_baseline));
        }
        let mut left = HashMap::new();
        for e in &file.findings {
            *left.entry(match_key(&e.path, &e.key)).or_insert(0) += 1;
        }
        Ok(Baseline { left })
    }

    /// Drops the findings of `report` the baseline accepts (each accepted
    /// entry once); returns how many were dropped. Needs the report's text
    /// for context words ([`crate::run::Options::keep_text`]).
    pub fn filter(&mut self, pack: &Pack, report: &mut FileReport) -> usize {
        if report.findings.is_empty() {
            return 0;
        }
        let keep: Vec<bool> = keys(pack, report)
            .iter()
            .map(|k| match self.left.get_mut(&match_key(&report.path, k)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect();
        let before = report.findings.len();
        let mut keep = keep.into_iter();
        report.findings.retain(|_| keep.next().unwrap_or(true));
        before - report.findings.len()
    }
}

#[derive(Debug)]
enum ParseError {
    Json(serde_json::Error),
    Version(u32),
}

/// Writes a baseline accepting every finding of `reports` (whose text must
/// have been kept).
pub fn write_baseline(out: &mut dyn Write, pack: &Pack, reports: &[FileReport]) -> io::Result<()> {
    let findings = reports
        .iter()
        .flat_map(|r| {
            keys(pack, r).into_iter().map(|key| Entry {
                path: r.path.clone(),
                key,
            })
        })
        .collect();
    let file = BaselineFile {
        newslint_baseline: VERSION,
        findings,
    };
    serde_json::to_writer_pretty(&mut *out, &file)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_version_or_shape_is_an_error_with_a_position() {
        assert!(matches!(
            Baseline::parse(r#"{"newslint_baseline": 9, "findings": []}"#),
            Err(ParseError::Version(9))
        ));
        let Err(ParseError::Json(e)) = Baseline::parse("{\n  \"findings\": 3\n}") else {
            panic!("parsed")
        };
        assert_eq!(e.line(), 2);
    }

    #[test]
    fn identical_entries_are_counted() {
        let b = Baseline::parse(
            r#"{"newslint_baseline": 1, "findings": [
              {"path": "a.md", "rule": "r", "text": "t", "before": "", "after": "", "occurrence": 0},
              {"path": "a.md", "rule": "r", "text": "t", "before": "", "after": "", "occurrence": 1}
            ]}"#,
        )
        .unwrap();
        assert_eq!(b.left.values().copied().collect::<Vec<_>>(), [2]);
    }
}
