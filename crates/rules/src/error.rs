//! Errors in rule files, with the byte span in the file they point at.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::WriteColor;
use codespan_reporting::term::{self, Config};

/// A rule file's name and text, kept so errors can quote it.
#[derive(Debug, Clone)]
pub struct RuleFile {
    /// Path, or `rules/NAME` for the default pack, shown in diagnostics.
    pub name: String,
    /// The file's text.
    pub text: Arc<str>,
}

/// One problem in a rule file.
#[derive(Debug, Clone)]
pub struct RuleError {
    /// Index into the files this error refers to.
    pub file: usize,
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
    pub files: Vec<RuleFile>,
    /// The problems, in file order.
    pub errors: Vec<RuleError>,
}

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.errors {
            let src = &self.files[e.file];
            let (line, col) = line_col(&src.text, e.span.start);
            writeln!(f, "{}:{line}:{col}: {}", src.name, e.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleErrors {}

impl RuleErrors {
    /// Writes each problem as a diagnostic pointing into its rule file: what
    /// the CLI shows, and what the build shows for a broken default pack.
    pub fn emit(&self, out: &mut dyn WriteColor) -> std::io::Result<()> {
        let config = Config::default();
        let mut files = SimpleFiles::new();
        let ids: Vec<usize> = self
            .files
            .iter()
            .map(|s| files.add(s.name.as_str(), s.text.as_ref()))
            .collect();
        for e in &self.errors {
            let mut labels =
                vec![Label::primary(ids[e.file], e.span.clone()).with_message(e.label.as_str())];
            if let Some((file, span, msg)) = &e.related {
                labels.push(Label::secondary(ids[*file], span.clone()).with_message(msg.as_str()));
            }
            let d = Diagnostic::error()
                .with_message(e.message.as_str())
                .with_labels(labels)
                .with_notes(e.notes.clone());
            term::emit_to_write_style(out, &config, &files, &d).map_err(|e| match e {
                // A closed pipe stays an I/O error the caller can tell apart.
                codespan_reporting::files::Error::Io(e) => e,
                other => std::io::Error::other(other.to_string()),
            })?;
        }
        Ok(())
    }
}

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
