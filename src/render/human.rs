//! Compiler-style diagnostics through codespan-reporting.

use std::io;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, termcolor::WriteColor};

use super::{Tally, summary_line, window};
use crate::finding::{Applicability, Severity};
use crate::report::FileReport;
use crate::rules::{Pack, RuleErrors};
use crate::verify::Failure;

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

/// The first sentence of an explanation: the reason in one line.
fn first_sentence(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.find(". ") {
        Some(i) => flat[..=i].to_string(),
        None => flat,
    }
}

fn to_io(e: codespan_reporting::files::Error) -> io::Error {
    match e {
        codespan_reporting::files::Error::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

/// Rich diagnostics for every finding (the caller prints the summary).
pub fn render_human(
    out: &mut dyn WriteColor,
    pack: &Pack,
    reports: &[FileReport],
) -> io::Result<()> {
    let config = Config::default();
    for r in reports {
        let Some(text) = &r.text else { continue };
        // codespan counts a byte-order mark as a column; editors do not.
        let skip = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let text = &text[skip..];
        let starts = window::line_starts(text);
        let shift = |range: &std::ops::Range<usize>| {
            range.start.saturating_sub(skip)..range.end.saturating_sub(skip)
        };
        for f in &r.findings {
            let rule = &pack.rules[f.finding.rule];
            // Each finding shows its own excerpt: a bounded window of long lines.
            let ranges: Vec<_> = std::iter::once(&f.finding.range)
                .chain(f.finding.context.iter().map(|c| &c.range))
                .map(shift)
                .collect();
            let (excerpt, mapped) =
                window::Excerpt::new(r.path.as_str(), text, &starts, &ranges, f.column);
            let mut labels =
                vec![Label::primary((), mapped[0].clone()).with_message(rule.category.as_str())];
            for (c, range) in f.finding.context.iter().zip(&mapped[1..]) {
                labels.push(Label::secondary((), range.clone()).with_message(c.label.as_str()));
            }
            let mut notes = Vec::new();
            if let Some(p) = f.finding.paragraph {
                notes.push(format!("in paragraph {p}"));
            }
            notes.push(format!("why: {}", first_sentence(&rule.explanation)));
            for s in &f.finding.suggestions {
                let how = match s.applicability {
                    Applicability::Safe => "",
                    Applicability::Unsafe => " (check the meaning)",
                };
                if s.replacement.is_empty() {
                    notes.push(format!("help: delete “{}”{how}", f.text));
                } else {
                    notes.push(format!("help: replace with “{}”{how}", s.replacement));
                }
            }
            let d = Diagnostic::new(severity(f.severity(pack)))
                .with_code(rule.id.as_str())
                .with_message(f.finding.message.as_str())
                .with_labels(labels)
                .with_notes(notes);
            term::emit_to_write_style(out, &config, &excerpt, &d).map_err(to_io)?;
        }
    }
    Ok(())
}

/// The closing summary line of human output.
pub fn render_summary(out: &mut dyn WriteColor, tally: &Tally) -> io::Result<()> {
    writeln!(out, "{}", summary_line(tally))
}

/// Diagnostics pointing into rule files.
pub fn render_rule_errors(out: &mut dyn WriteColor, errors: &RuleErrors) -> io::Result<()> {
    errors.emit(out)
}

/// Failing rule examples, pointing at each example in its rule file.
pub fn render_example_failures(
    out: &mut dyn WriteColor,
    pack: &Pack,
    failures: &[Failure],
) -> io::Result<()> {
    let config = Config::default();
    let mut files = SimpleFiles::new();
    let ids: Vec<usize> = pack
        .files
        .iter()
        .map(|s| files.add(s.name.as_str(), s.text.as_ref()))
        .collect();
    for f in failures {
        let rule = &pack.rules[f.rule];
        let ex = &rule.examples[f.example];
        let kind = if ex.must_flag { "flag" } else { "pass" };
        let d = Diagnostic::error()
            .with_code(rule.id.as_str())
            .with_message(format!("`{kind}` example of rule `{}` fails", rule.id))
            .with_labels(vec![
                Label::primary(ids[rule.file], ex.at.clone()).with_message("this example"),
            ])
            .with_notes(f.describe(pack));
        term::emit_to_write_style(out, &config, &files, &d).map_err(to_io)?;
    }
    Ok(())
}
