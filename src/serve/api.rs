//! The web desk's API, apart from HTTP: an upload (raw body, JSON or a
//! form) becomes a document, the document a report, and the report the
//! JSON of `check --format json` or the page's richer view of it.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::multipart;
use crate::engine;
use crate::extract::InputFormat;
use crate::input::{self, InputDoc};
use crate::model::{Document, SourceKind};
use crate::render;
use crate::report::FileReport;
use crate::rules::Pack;

/// Largest request body accepted: a long feature in Word is a few hundred
/// kilobytes, so 10 MB leaves room for pictures in a .docx.
pub const MAX_BODY: usize = 10 << 20;

/// Name shown for a draft that came without a file name.
const DRAFT_NAME: &str = "draft";

/// Why a request gets no report: an HTTP status and a message for the
/// JSON error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong, for people.
    pub message: String,
}

impl ApiError {
    /// A 400: the request's content cannot be linted.
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError {
            status: 400,
            message: message.into(),
        }
    }

    /// A 413: the body is over [`MAX_BODY`].
    pub fn too_large() -> Self {
        ApiError {
            status: 413,
            message: format!("request body over the limit of {} bytes", MAX_BODY),
        }
    }

    /// The JSON error body: `{"error": {"status": .., "message": ..}}`.
    pub fn to_json(&self) -> String {
        serde_json::json!({ "error": { "status": self.status, "message": self.message } })
            .to_string()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.status, self.message)
    }
}

impl std::error::Error for ApiError {}

/// A document as it arrived: its bytes and the hints to its format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Upload {
    /// The document's bytes.
    pub bytes: Vec<u8>,
    /// Its file name, whose extension hints at the format.
    pub filename: Option<String>,
    /// The format named outright (`txt`, `md`, `html`, `docx`).
    pub format: Option<String>,
}

/// The JSON body form: `{"text": "...", "filename": "x.md", "format": "md"}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonUpload {
    text: String,
    #[serde(default)]
    filename: Option<String>,
    #[serde(default)]
    format: Option<String>,
}

impl Upload {
    /// Reads a request: `content_type` picks JSON, a multipart form or the
    /// raw body; `query` (`filename=..&format=..`) adds hints to any of them.
    pub fn from_request(
        content_type: Option<&str>,
        query: &str,
        body: Vec<u8>,
    ) -> Result<Self, ApiError> {
        let mut upload = match content_type {
            Some(ct) if media_type(ct) == "application/json" => {
                let j: JsonUpload = serde_json::from_slice(&body).map_err(|e| {
                    ApiError::bad_request(format!(
                        "request body is not the expected JSON \
                         ({{\"text\": ..., \"filename\"?: ..., \"format\"?: ...}}): {e}"
                    ))
                })?;
                if j.format.as_deref() == Some("docx") {
                    return Err(ApiError::bad_request(
                        "a .docx is binary: send it as the raw body or as a file upload",
                    ));
                }
                Upload {
                    bytes: j.text.into_bytes(),
                    filename: j.filename,
                    format: j.format,
                }
            }
            Some(ct) if media_type(ct) == "multipart/form-data" => {
                let b = multipart::boundary(ct).ok_or_else(|| {
                    ApiError::bad_request("multipart/form-data without a boundary")
                })?;
                Self::from_form(multipart::parse(&body, &b).map_err(ApiError::bad_request)?)?
            }
            _ => Upload {
                bytes: body,
                ..Upload::default()
            },
        };
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                "filename" => upload.filename = Some(value),
                "format" => upload.format = Some(value),
                _ => {
                    return Err(ApiError::bad_request(format!(
                        "unknown query parameter `{key}` (expected `filename` or `format`)"
                    )));
                }
            }
        }
        Ok(upload)
    }

    /// A form's file (field `file`, or any part with a file name) or its
    /// `text` field, with `filename` and `format` fields as hints.
    fn from_form(parts: Vec<multipart::Part>) -> Result<Self, ApiError> {
        let mut upload = Upload::default();
        let mut content = None;
        for p in parts {
            match p.name.as_str() {
                "format" | "filename" => {
                    let value = String::from_utf8(p.data).map_err(|_| {
                        ApiError::bad_request(format!("form field `{}` is not UTF-8", p.name))
                    })?;
                    if p.name == "format" {
                        upload.format = Some(value);
                    } else {
                        upload.filename = Some(value);
                    }
                }
                _ if content.is_none() && (p.name == "file" || p.name == "text") => {
                    content = Some(p)
                }
                _ if content.is_none() && p.filename.is_some() => content = Some(p),
                _ => {}
            }
        }
        let content = content.ok_or_else(|| {
            ApiError::bad_request("the form has no `file` or `text` field to check")
        })?;
        upload.filename = upload.filename.or(content.filename);
        upload.bytes = content.data;
        Ok(upload)
    }

    /// The format to read the bytes as: named, else the file name's, else text.
    pub fn input_format(&self) -> Result<InputFormat, ApiError> {
        if let Some(name) = &self.format {
            return InputFormat::from_name(&name.to_ascii_lowercase()).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "unknown format `{name}` (expected txt, md, html or docx)"
                ))
            });
        }
        Ok(self
            .filename
            .as_deref()
            .and_then(|f| InputFormat::from_path(std::path::Path::new(f)))
            .unwrap_or(InputFormat::Txt))
    }

    /// Reads the upload as a document; unreadable bytes are a 400 that says why.
    pub fn into_doc(self) -> Result<InputDoc, ApiError> {
        let format = self.input_format()?;
        let name = self.filename.unwrap_or_else(|| DRAFT_NAME.to_string());
        input::from_bytes(name, self.bytes, format)
            .map_err(|e| ApiError::bad_request(e.to_string()))
    }
}

/// A content type without its parameters, lower-cased.
fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// `a=1&b=x%20y` as decoded pairs (`+` is a space, as forms write it).
fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.split('&').filter(|p| !p.is_empty()).map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (percent_decode(k), percent_decode(v))
    })
}

/// Decodes `%XX` escapes and `+`; a malformed escape is kept as written.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A linted upload: its report and what the model found in it.
#[derive(Debug)]
pub struct Checked {
    /// The report, with the text kept (the page shows it).
    pub report: FileReport,
    /// The format it was read as.
    pub format: InputFormat,
    /// Direct quotations found.
    pub quotations: usize,
    /// Attributions found, and how many named a source, a vague group or
    /// an anonymous one.
    pub attributions: usize,
    /// Attributions to a named source.
    pub named: usize,
    /// Attributions to a vague group.
    pub vague: usize,
    /// Attributions to an anonymous source.
    pub anonymous: usize,
}

/// Lints an upload with the pipeline `check` uses (see `run::schedule`).
pub fn check(pack: &Pack, upload: Upload) -> Result<Checked, ApiError> {
    let doc = upload.into_doc()?;
    let format = doc.format;
    let analysis = Document::analyze(&doc.prose);
    let findings = engine::check_document(pack, &analysis, None);
    let count = |k: SourceKind| {
        analysis
            .attributions
            .iter()
            .filter(|a| a.source.is_some() && a.source_kind == k)
            .count()
    };
    let (named, vague, anonymous) = (
        count(SourceKind::Named),
        count(SourceKind::Vague),
        count(SourceKind::Anonymous),
    );
    let quotations = analysis.quotations.len();
    let attributions = analysis.attributions.len();
    drop(analysis);
    // The page shows the text even without findings, where `FileReport`
    // would drop it.
    let text = std::sync::Arc::from(doc.text());
    let mut report = FileReport::new(doc, findings, false);
    report.text = Some(text);
    Ok(Checked {
        report,
        format,
        quotations,
        attributions,
        named,
        vague,
        anonymous,
    })
}

/// The body of `POST /api/check`: byte for byte what `check --format json`
/// prints for the same document.
pub fn check_json(pack: &Pack, checked: &Checked) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = render::render_json(&mut out, pack, std::slice::from_ref(&checked.report));
    out
}

/// What the page needs beyond the findings.
#[derive(Serialize)]
struct DeskView<'a> {
    /// The `check --format json` document.
    report: serde_json::Value,
    /// The text the findings point into (the file, or Word's extracted text).
    text: &'a str,
    format: &'static str,
    /// Each finding's range in UTF-16 code units of `text` (JavaScript's
    /// string indices), in the report's order.
    spans: Vec<[usize; 2]>,
    counts: Counts,
    /// The explanation, references and link of each rule that fired.
    rules: BTreeMap<&'a str, RuleView<'a>>,
}

#[derive(Serialize)]
struct Counts {
    categories: BTreeMap<&'static str, usize>,
    quotations: usize,
    attributions: usize,
    named: usize,
    vague: usize,
    anonymous: usize,
}

#[derive(Serialize)]
struct RuleView<'a> {
    category: &'static str,
    explanation: String,
    references: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<&'a str>,
}

/// The body of `POST /api/desk`, the page's call: the report plus the text,
/// spans in JavaScript's units, counts and the rules' explanations.
pub fn desk_json(pack: &Pack, checked: &Checked) -> Vec<u8> {
    let report = &checked.report;
    let text: &str = report.text.as_deref().unwrap_or("");
    let mut offsets: Vec<usize> = report
        .findings
        .iter()
        .flat_map(|f| [f.finding.range.start, f.finding.range.end])
        .collect();
    let units = utf16_offsets(text, &mut offsets);
    let spans = report
        .findings
        .iter()
        .map(|f| [units(f.finding.range.start), units(f.finding.range.end)])
        .collect();
    let mut categories: BTreeMap<&'static str, usize> = crate::finding::Category::ALL
        .iter()
        .map(|c| (c.as_str(), 0))
        .collect();
    let mut rules = BTreeMap::new();
    for f in &report.findings {
        let rule = &pack.rules[f.finding.rule];
        *categories.entry(rule.category.as_str()).or_default() += 1;
        rules.entry(rule.id.as_str()).or_insert_with(|| RuleView {
            category: rule.category.as_str(),
            explanation: explanation_text(&rule.explanation),
            references: &rule.references,
            link: rule.link.as_deref(),
        });
    }
    let view = DeskView {
        report: serde_json::from_slice(&check_json(pack, checked))
            .unwrap_or(serde_json::Value::Null),
        text,
        format: format_name(checked.format),
        spans,
        counts: Counts {
            categories,
            quotations: checked.quotations,
            attributions: checked.attributions,
            named: checked.named,
            vague: checked.vague,
            anonymous: checked.anonymous,
        },
        rules,
    };
    serde_json::to_vec(&view).unwrap_or_default()
}

/// A rule's explanation with its wrapped lines joined: paragraphs stay
/// apart, a blank line between them.
pub fn explanation_text(explanation: &str) -> String {
    explanation
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The short name of a format, as `--input-format` spells it.
fn format_name(format: InputFormat) -> &'static str {
    match format {
        InputFormat::Txt => "txt",
        InputFormat::Markdown => "md",
        InputFormat::Html => "html",
        InputFormat::Docx => "docx",
    }
}

/// Converts byte offsets of `text` to UTF-16 offsets in one pass: sorts
/// `offsets` and returns a lookup for any of them.
fn utf16_offsets(text: &str, offsets: &mut Vec<usize>) -> impl Fn(usize) -> usize {
    offsets.sort_unstable();
    offsets.dedup();
    let mut units = Vec::with_capacity(offsets.len());
    let (mut byte, mut unit) = (0, 0);
    for &o in offsets.iter() {
        let o = o.min(text.len());
        // Offsets are at character boundaries; `get` keeps a stray one
        // from panicking (it then counts as the nearest earlier boundary).
        if let Some(s) = text.get(byte..o) {
            unit += s.encode_utf16().count();
            byte = o;
        }
        units.push(unit);
    }
    let offsets = offsets.clone();
    move |o| offsets.binary_search(&o).map_or(0, |i| units[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_hints_are_decoded() {
        let u =
            Upload::from_request(None, "filename=my%20story.md&format=md", b"x".to_vec()).unwrap();
        assert_eq!(u.filename.as_deref(), Some("my story.md"));
        assert_eq!(u.input_format().unwrap(), InputFormat::Markdown);
        assert_eq!(percent_decode("a+b%2"), "a b%2");
        assert_eq!(percent_decode("%e2%80%94%"), "\u{2014}%");
    }

    #[test]
    fn format_comes_from_the_name_then_the_file_name() {
        let u = |filename: Option<&str>, format: Option<&str>| Upload {
            bytes: vec![],
            filename: filename.map(String::from),
            format: format.map(String::from),
        };
        assert_eq!(u(None, None).input_format(), Ok(InputFormat::Txt));
        assert_eq!(
            u(Some("a.HTML"), None).input_format(),
            Ok(InputFormat::Html)
        );
        assert_eq!(
            u(Some("a.html"), Some("md")).input_format(),
            Ok(InputFormat::Markdown)
        );
        assert_eq!(u(None, Some("pdf")).input_format().unwrap_err().status, 400);
    }

    #[test]
    fn json_and_forms_are_read() {
        let u = Upload::from_request(
            Some("application/json; charset=utf-8"),
            "",
            br#"{"text": "Hi", "filename": "a.md"}"#.to_vec(),
        )
        .unwrap();
        assert_eq!(
            (u.bytes.as_slice(), u.filename.as_deref()),
            (&b"Hi"[..], Some("a.md"))
        );
        let bad = Upload::from_request(Some("application/json"), "", b"{\"txt\": 1}".to_vec());
        assert_eq!(bad.unwrap_err().status, 400);
        let form = b"--b\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"s.html\"\r\n\r\n<p>x</p>\r\n--b--".to_vec();
        let u = Upload::from_request(Some("multipart/form-data; boundary=b"), "", form).unwrap();
        assert_eq!(u.input_format(), Ok(InputFormat::Html));
        assert_eq!(u.bytes, b"<p>x</p>");
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "a\u{201c}b\u{1f600}c";
        let mut offsets = vec![0, 1, 4, 5, 9, 10];
        let units = utf16_offsets(text, &mut offsets);
        assert_eq!([0, 1, 4, 5, 9, 10].map(&units), [0, 1, 2, 3, 5, 6]);
    }
}
