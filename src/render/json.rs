//! JSON and JSON-lines output: plain serializable structs.

use std::io::{self, Write};

use serde::Serialize;

use super::Tally;
use crate::finding::Suggestion;
use crate::report::{FileReport, Located};
use crate::rules::Pack;

/// One finding as machines read it.
#[derive(Serialize)]
pub(crate) struct JsonFinding<'a> {
    pub path: &'a str,
    pub rule: &'a str,
    pub category: &'a str,
    pub severity: &'a str,
    pub message: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(skip_serializing_if = "<[Suggestion]>::is_empty")]
    pub suggestions: &'a [Suggestion],
    /// Word documents: the 1-based paragraph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// Word documents: offsets are into the extracted text, not the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offsets: Option<&'static str>,
}

impl<'a> JsonFinding<'a> {
    pub(crate) fn new(pack: &'a Pack, report: &'a FileReport, f: &'a Located) -> Self {
        let rule = &pack.rules[f.finding.rule];
        JsonFinding {
            path: &report.path,
            rule: &rule.id,
            category: rule.category.as_str(),
            severity: rule.severity.as_str(),
            message: &f.finding.message,
            line: f.line,
            column: f.column,
            end_line: f.end_line,
            end_column: f.end_column,
            start: f.finding.range.start,
            end: f.finding.range.end,
            text: &f.text,
            suggestions: &f.finding.suggestions,
            paragraph: f.finding.paragraph,
            offsets: (!report.offsets_in_file).then_some("extracted-text"),
        }
    }
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    files_with_findings: usize,
    findings: usize,
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary,
}

/// One JSON document with every finding and a summary.
pub fn render_json(out: &mut dyn Write, pack: &Pack, reports: &[FileReport]) -> io::Result<()> {
    let t = Tally::of(pack, reports);
    let doc = JsonDocument {
        version: 1,
        findings: reports
            .iter()
            .flat_map(|r| r.findings.iter().map(move |f| JsonFinding::new(pack, r, f)))
            .collect(),
        summary: JsonSummary {
            files: t.files,
            files_with_findings: t.files_with_findings,
            findings: t.total(),
            error: t.error,
            warning: t.warning,
            info: t.info,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// One JSON finding per line, nothing else.
pub fn render_jsonl(out: &mut dyn Write, pack: &Pack, reports: &[FileReport]) -> io::Result<()> {
    // serde_json writes a finding in dozens of small pieces: into a Vec they
    // cost a copy each, through `dyn Write` a call each.
    let mut line = Vec::with_capacity(512);
    for r in reports {
        for f in &r.findings {
            line.clear();
            serde_json::to_writer(&mut line, &JsonFinding::new(pack, r, f))?;
            line.push(b'\n');
            out.write_all(&line)?;
        }
    }
    Ok(())
}
