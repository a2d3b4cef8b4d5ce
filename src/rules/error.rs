//! Errors in rule files, with the byte span in the file they point at.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// A rule file's name and text, kept so errors can quote it.
#[derive(Debug, Clone)]
pub struct RuleSource {
    /// Path or embedded name shown in diagnostics.
    pub name: String,
    /// The file's text.
    pub text: Arc<str>,
}

/// One problem in a rule file.
#[derive(Debug, Clone)]
pub struct RuleError {
    /// Index into the sources this error refers to.
    pub source: usize,
    /// Byte span in that source.
    pub span: Range<usize>,
    /// What is wrong, in one line.
    pub message: String,
    /// Short label under the span.
    pub label: String,
    /// Extra explanation lines (e.g. the regex engine's own message).
    pub notes: Vec<String>,
    /// A second place that explains this one (the first definition of an id).
    pub related: Option<(usize, Range<usize>, String)>,
}

/// Every problem found while loading a set of rule files.
#[derive(Debug, Clone)]
pub struct RuleErrors {
    /// The files involved, indexed by [`RuleError::source`].
    pub sources: Vec<RuleSource>,
    /// The problems, in file order.
    pub errors: Vec<RuleError>,
}

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.errors {
            let src = &self.sources[e.source];
            let (line, col) = line_col(&src.text, e.span.start);
            writeln!(f, "{}:{line}:{col}: {}", src.name, e.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleErrors {}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
