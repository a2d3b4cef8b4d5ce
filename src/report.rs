//! Findings placed in their file: line and column numbers and the flagged
//! text, computed once per file so every renderer shares them.

use std::sync::Arc;

use crate::finding::Finding;
use crate::input::InputDoc;
use crate::lines::LineIndex;

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
    pub fn new(mut doc: InputDoc, mut findings: Vec<Finding>, keep_text: bool) -> Self {
        let offsets_in_file = doc.offsets_in_file();
        // In order of start: the first ones are kept.
        let omitted = findings.len().saturating_sub(MAX_FINDINGS_PER_FILE);
        findings.truncate(MAX_FINDINGS_PER_FILE);
        let path = std::mem::take(&mut doc.path);
        let mut located = Vec::with_capacity(findings.len());
        if !findings.is_empty() {
            let index = LineIndex::new(doc.text());
            // Findings come in order of start, and an end is counted on
            // from its start.
            let mut at = index.cursor(doc.text());
            for f in findings {
                let (line, column) = at.position(f.range.start);
                let (end_line, end_column) = at.clone().position(f.range.end);
                let text = doc.text()[f.range.clone()].to_string();
                located.push(Located {
                    finding: f,
                    line,
                    column,
                    end_line,
                    end_column,
                    text,
                });
            }
        }
        let text = (keep_text && !located.is_empty()).then(|| Arc::from(doc.into_text()));
        FileReport {
            path,
            text,
            offsets_in_file,
            findings: located,
            omitted,
        }
    }
}
