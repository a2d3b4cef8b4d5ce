//! SARIF 2.1.0, as code-scanning dashboards read it. Plain serializable
//! structs: the format is large, the subset newslint needs is small.

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::Severity;
use crate::report::{FileReport, Located};
use crate::rules::Pack;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    rules: Vec<ReportingDescriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor<'a> {
    id: &'a str,
    short_description: Message<'a>,
    full_description: Message<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<&'a str>,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    category: &'a str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Message<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message<'a>,
    locations: Vec<Location<'a>>,
    /// Inline suppressions that silenced it (absent for reported results).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<SarifSuppression<'a>>,
}

/// A suppression as SARIF records it: written in the file, with its reason.
#[derive(Serialize)]
struct SarifSuppression<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    justification: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation,
    region: Region<'a>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
    snippet: Message<'a>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: forward slashes, spaces and `%` escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '\\' => out.push('/'),
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c => out.push(c),
        }
    }
    out
}

/// One SARIF log with a run holding every active rule and finding.
pub fn render_sarif<'a>(
    out: &mut dyn Write,
    pack: &'a Pack,
    reports: &'a [FileReport],
) -> io::Result<()> {
    let active: Vec<usize> = pack.active().collect();
    let mut position = vec![usize::MAX; pack.rules.len()];
    for (i, &r) in active.iter().enumerate() {
        position[r] = i;
    }
    let rules = active
        .iter()
        .map(|&i| {
            let r = &pack.rules[i];
            ReportingDescriptor {
                id: &r.id,
                short_description: Message { text: &r.message },
                full_description: Message {
                    text: &r.explanation,
                },
                help_uri: r.link.as_deref(),
                default_configuration: Configuration {
                    level: level(r.severity),
                },
                properties: RuleProperties {
                    category: r.category.as_str(),
                },
            }
        })
        .collect();
    let position = &position;
    let result = |rep: &'a FileReport, f: &'a Located, level_of: Severity| {
        let r = &pack.rules[f.finding.rule];
        SarifResult {
            rule_id: &r.id,
            rule_index: position[f.finding.rule],
            level: level(level_of),
            message: Message {
                text: &f.finding.message,
            },
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: uri(&rep.path),
                    },
                    region: Region {
                        start_line: f.line,
                        start_column: f.column,
                        end_line: f.end_line,
                        end_column: f.end_column,
                        byte_offset: rep.offsets_in_file.then_some(f.finding.range.start),
                        byte_length: rep.offsets_in_file.then_some(f.finding.range.len()),
                        snippet: Message { text: &f.text },
                    },
                },
            }],
            suppressions: Vec::new(),
        }
    };
    let results = reports
        .iter()
        .flat_map(|rep| {
            let reported = rep
                .findings
                .iter()
                .map(move |f| result(rep, f, f.severity(pack)));
            // Silenced findings stay in the log, marked as suppressed in the
            // source with the reason the editor gave.
            let suppressed = rep.suppressed.iter().map(move |s| {
                let mut r = result(rep, &s.located, s.located.severity(pack));
                r.suppressions.push(SarifSuppression {
                    kind: "inSource",
                    justification: s.reason.as_deref(),
                });
                r
            });
            reported.chain(suppressed)
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "newslint",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
