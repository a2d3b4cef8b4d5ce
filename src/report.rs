//! Findings placed in their file: line and column numbers and the flagged
//! text, computed once per file so every renderer shares them.

use std::sync::Arc;

use crate::finding::{Finding, Severity};
use crate::input::InputDoc;
use crate::lines::LineIndex;
use crate::rules::Pack;
use crate::suppress::{Judged, Suppressed, SuppressionRecord, Verdict};

/// A finding with its position worked out.
#[derive(Debug, Clone)]
pub struct Located {
    /// The finding.
    pub finding: Finding,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column (Unicode scalar values) of the start.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column just past the last flagged character.
    pub end_column: usize,
    /// The flagged text.
    pub text: String,
    /// The severity configuration gave it, when not its rule's
    /// (`[severity]`, per-path overrides, profiles).
    pub severity: Option<Severity>,
}

impl Located {
    /// The severity it is reported at: configured, or its rule's.
    pub fn severity(&self, pack: &Pack) -> Severity {
        self.severity
            .unwrap_or(pack.rules[self.finding.rule].severity)
    }
}

/// The outcome for one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// Path shown in output.
    pub path: String,
    /// The text findings point into, kept only when a renderer needs it.
    pub text: Option<Arc<str>>,
    /// Whether offsets are file offsets (false: offsets into Word's extracted text).
    pub offsets_in_file: bool,
    /// Findings in order of position, then rule.
    pub findings: Vec<Located>,
    /// Findings an inline suppression silenced (SARIF carries them).
    pub suppressed: Vec<Suppressed>,
    /// The file's inline suppressions and what each silenced
    /// (`--report-suppressions`).
    pub suppressions: Vec<SuppressionRecord>,
    /// Findings left out past [`MAX_FINDINGS_PER_FILE`] (degenerate input).
    pub omitted: usize,
}

/// Most findings kept for one file. Real copy has dozens; a file with more
/// is machine-made or degenerate (200 MB of one flagged word once drew 7.8
/// million findings and 3.7 GB of memory), and the first ones say enough.
pub const MAX_FINDINGS_PER_FILE: usize = 10_000;

impl FileReport {
    /// Places `findings` in `doc`; keeps the text when `keep_text` is set and
    /// there is something to show.
    pub fn new(doc: InputDoc, findings: Vec<Finding>, keep_text: bool) -> Self {
        let judged = findings
            .into_iter()
            .map(|finding| Judged {
                finding,
                verdict: Verdict::Report(None),
            })
            .collect();
        Self::judged(doc, judged, Vec::new(), keep_text)
    }

    /// Places findings a [`crate::suppress`] policy judged: reported ones
    /// (at their configured severity) and suppressed ones apart.
    pub fn judged(
        mut doc: InputDoc,
        mut judged: Vec<Judged>,
        suppressions: Vec<SuppressionRecord>,
        keep_text: bool,
    ) -> Self {
        let offsets_in_file = doc.offsets_in_file();
        // Placing counts on from the last finding: starts must ascend. In
        // order of start, the first ones are kept.
        judged.sort_by_key(|j| j.finding.range.start);
        let omitted = judged.len().saturating_sub(MAX_FINDINGS_PER_FILE);
        judged.truncate(MAX_FINDINGS_PER_FILE);
        let path = std::mem::take(&mut doc.path);
        let mut located = Vec::with_capacity(judged.len());
        let mut suppressed = Vec::new();
        if !judged.is_empty() {
            let index = LineIndex::new(doc.text());
            // Findings come in order of start, and an end is counted on
            // from its start.
            let mut at = index.cursor(doc.text());
            for Judged {
                finding: f,
                verdict,
            } in judged
            {
                let (line, column) = at.position(f.range.start);
                let (end_line, end_column) = at.clone().position(f.range.end);
                let text = doc.text()[f.range.clone()].to_string();
                let mut placed = Located {
                    finding: f,
                    line,
                    column,
                    end_line,
                    end_column,
                    text,
                    severity: None,
                };
                match verdict {
                    Verdict::Report(severity) => {
                        placed.severity = severity;
                        located.push(placed);
                    }
                    Verdict::Suppressed {
                        by,
                        reason,
                        severity,
                    } => {
                        placed.severity = severity;
                        suppressed.push(Suppressed {
                            located: placed,
                            by,
                            reason,
                        });
                    }
                }
            }
        }
        let text = (keep_text && !located.is_empty()).then(|| Arc::from(doc.into_text()));
        FileReport {
            path,
            text,
            offsets_in_file,
            findings: located,
            suppressed,
            suppressions,
            omitted,
        }
    }
}
