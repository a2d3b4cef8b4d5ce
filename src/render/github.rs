//! GitHub Actions workflow commands: findings appear as annotations on the diff.

use std::io::{self, Write};

use crate::finding::Severity;
use crate::report::FileReport;
use crate::rules::Pack;

/// Escapes a workflow command's message (`%`, CR, LF).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `::warning file=...,line=...::message` lines.
pub fn render_github(out: &mut dyn Write, pack: &Pack, reports: &[FileReport]) -> io::Result<()> {
    for r in reports {
        for f in &r.findings {
            let rule = &pack.rules[f.finding.rule];
            let level = match f.severity(pack) {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{level} title={},file={},line={},col={},endLine={},endColumn={}::{}",
                escape_property(&format!("newslint {}", rule.id)),
                escape_property(&r.path),
                f.line,
                f.column,
                f.end_line,
                f.end_column,
                escape_data(&f.finding.message)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% off\nnow"), "50%25 off%0Anow");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
