//! Renderers: every output format is a view over the same located findings.

mod github;
mod gitlab;
mod human;
mod json;
mod junit;
mod report_html;
mod report_human;
mod report_json;
mod sarif;
mod suppressions;
mod window;

pub use github::render_github;
pub use gitlab::render_gitlab;
pub use human::{render_example_failures, render_human, render_rule_errors, render_summary};
pub use json::{render_json, render_jsonl};
pub use junit::render_junit;
pub use report_html::render_report_html;
pub use report_human::render_report_human;
pub use report_json::render_report_json;
pub use sarif::render_sarif;
pub use suppressions::suppressions_listing;

use std::io::{self, Write};

use crate::finding::Severity;
use crate::report::FileReport;
use crate::rules::Pack;

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Findings of severity error.
    pub error: usize,
    /// Findings of severity warning.
    pub warning: usize,
    /// Findings of severity info.
    pub info: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
    /// Files checked.
    pub files: usize,
}

impl Tally {
    /// Counts the findings of `reports`.
    pub fn of(pack: &Pack, reports: &[FileReport]) -> Self {
        let mut t = Tally::default();
        for r in reports {
            t.add(pack, r);
        }
        t
    }

    /// Counts one more file's findings.
    pub fn add(&mut self, pack: &Pack, report: &FileReport) {
        self.files += 1;
        if !report.findings.is_empty() {
            self.files_with_findings += 1;
        }
        for f in &report.findings {
            match f.severity(pack) {
                Severity::Error => self.error += 1,
                Severity::Warning => self.warning += 1,
                Severity::Info => self.info += 1,
            }
        }
    }

    /// All findings.
    pub fn total(&self) -> usize {
        self.error + self.warning + self.info
    }
}

/// `path:line:col: severity[rule] message`, one line per finding.
pub fn render_concise(out: &mut dyn Write, pack: &Pack, reports: &[FileReport]) -> io::Result<()> {
    for r in reports {
        for f in &r.findings {
            let rule = &pack.rules[f.finding.rule];
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                r.path,
                f.line,
                f.column,
                f.severity(pack),
                rule.id,
                f.finding.message
            )?;
        }
    }
    Ok(())
}

/// "3 findings in 2 files (1 error, 2 warnings)".
pub fn summary_line(t: &Tally) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if t.total() == 0 {
        return format!("no findings in {}", plural(t.files, "file", "files"));
    }
    let mut parts = Vec::new();
    if t.error > 0 {
        parts.push(plural(t.error, "error", "errors"));
    }
    if t.warning > 0 {
        parts.push(plural(t.warning, "warning", "warnings"));
    }
    if t.info > 0 {
        parts.push(format!("{} info", t.info));
    }
    format!(
        "{} in {} of {} checked ({})",
        plural(t.total(), "finding", "findings"),
        plural(t.files_with_findings, "file", "files"),
        t.files,
        parts.join(", ")
    )
}
