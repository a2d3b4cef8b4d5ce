//! An open document: its text, its format and, once checked, its findings
//! as diagnostics in the negotiated encoding.

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};

use super::position::{Encoding, LineIndex};
use crate::extract::InputFormat;
use crate::finding::Severity;
use crate::report::Located;
use crate::rules::Pack;

/// One document the editor has open.
#[derive(Debug)]
pub struct OpenDoc {
    /// Its text as the editor last sent it.
    pub text: String,
    /// How it is read.
    pub format: InputFormat,
    /// The editor's version of it.
    pub version: i32,
    /// Its findings, for the text as last checked.
    pub findings: Vec<Located>,
    /// Its lines, for the text as last checked.
    pub lines: LineIndex,
    /// True when the text changed since the last check.
    pub stale: bool,
}

/// The format of a document the server lints: by the editor's language id,
/// else by the file's extension; `None` for every other language.
pub fn format_of(language_id: &str, uri: &Uri) -> Option<InputFormat> {
    match language_id {
        "plaintext" | "text" => Some(InputFormat::Txt),
        "markdown" => Some(InputFormat::Markdown),
        "html" => Some(InputFormat::Html),
        _ => {
            let path = uri.path().as_str();
            InputFormat::from_path(std::path::Path::new(path)).filter(|f| *f != InputFormat::Docx)
        }
    }
}

impl OpenDoc {
    /// A document not yet checked.
    pub fn new(text: String, format: InputFormat, version: i32, encoding: Encoding) -> Self {
        OpenDoc {
            lines: LineIndex::new(&text, encoding),
            text,
            format,
            version,
            findings: Vec::new(),
            stale: true,
        }
    }

    /// Lints the text with the pipeline `check` uses. Text the readers
    /// refuse (a NUL byte: binary) has no findings.
    pub fn check(&mut self, pack: &Pack, name: &str, encoding: Encoding) {
        self.lines = LineIndex::new(&self.text, encoding);
        self.findings = match crate::input::from_bytes(
            name.to_string(),
            self.text.clone().into_bytes(),
            self.format,
        ) {
            Ok(doc) => crate::check_doc(pack, doc, false).findings,
            Err(_) => Vec::new(),
        };
        self.stale = false;
    }

    /// The findings as diagnostics: rule id as `code`, category as
    /// `source`, the rule's link as `codeDescription`, and its explanation
    /// and context spans as related information.
    pub fn diagnostics(&self, pack: &Pack, uri: &Uri) -> Vec<Diagnostic> {
        self.findings
            .iter()
            .map(|f| self.diagnostic(pack, uri, f))
            .collect()
    }

    /// One finding as a diagnostic.
    pub fn diagnostic(&self, pack: &Pack, uri: &Uri, f: &Located) -> Diagnostic {
        let rule = &pack.rules[f.finding.rule];
        let range = self.lines.range(&self.text, f.finding.range.clone());
        let at = |range| Location {
            uri: uri.clone(),
            range,
        };
        let mut related: Vec<DiagnosticRelatedInformation> = f
            .finding
            .context
            .iter()
            .map(|c| DiagnosticRelatedInformation {
                location: at(self.lines.range(&self.text, c.range.clone())),
                message: c.label.clone(),
            })
            .collect();
        let why = first_paragraph(&rule.explanation);
        if !why.is_empty() {
            related.push(DiagnosticRelatedInformation {
                location: at(range),
                message: format!("why: {why}"),
            });
        }
        Diagnostic {
            range,
            severity: Some(match rule.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Info => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(rule.id.clone())),
            code_description: rule
                .link
                .as_deref()
                .and_then(|l| l.parse::<Uri>().ok())
                .map(|href| CodeDescription { href }),
            source: Some(rule.category.as_str().to_string()),
            message: f.finding.message.clone(),
            related_information: Some(related).filter(|r| !r.is_empty()),
            tags: None,
            data: None,
        }
    }
}

/// The first paragraph of an explanation, its lines joined.
pub fn first_paragraph(explanation: &str) -> String {
    explanation
        .split("\n\n")
        .find(|p| !p.trim().is_empty())
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
