//! GitLab Code Quality reports: a JSON array of issues that merge requests
//! show inline. Each issue's fingerprint is stable across edits elsewhere in
//! the file (see [`crate::finding_key`]), so GitLab tells new findings from
//! old ones.

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::Severity;
use crate::finding_key::{fingerprint, keys};
use crate::report::FileReport;
use crate::rules::Pack;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// GitLab's levels (info, minor, major, critical, blocker) for ours: an
/// error must be fixed before publication, a warning almost always deserves
/// an edit, info is for the writer to judge.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Info => "info",
    }
}

/// One Code Quality report (a JSON array) for all `reports`. Fingerprints
/// use the reports' text for context words: keep it
/// ([`crate::run::Options::keep_text`]).
pub fn render_gitlab(out: &mut dyn Write, pack: &Pack, reports: &[FileReport]) -> io::Result<()> {
    let mut issues = Vec::new();
    for r in reports {
        for (f, key) in r.findings.iter().zip(keys(pack, r)) {
            let rule = &pack.rules[f.finding.rule];
            issues.push(Issue {
                description: &f.finding.message,
                check_name: &rule.id,
                fingerprint: fingerprint(&r.path, &key),
                severity: severity(f.severity(pack)),
                location: Location {
                    path: &r.path,
                    lines: Lines {
                        begin: f.line,
                        end: f.end_line,
                    },
                },
            });
        }
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
