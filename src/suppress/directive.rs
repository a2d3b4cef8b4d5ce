//! Inline suppression directives, found in a document's text: HTML comments
//! in Markdown and HTML, bracketed lines in plain text and Word documents.

use std::ops::Range;

use crate::extract::InputFormat;

/// What a directive does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `newslint-disable`: silences its rules until a matching enable.
    Disable,
    /// `newslint-enable`: ends disables (all, or those naming its rules).
    Enable,
    /// `newslint-disable-next-line`: silences its rules on the next line with text.
    DisableNextLine,
    /// `newslint-` followed by a word newslint does not know.
    Unknown(String),
}

impl Kind {
    /// The directive word as written.
    pub fn as_str(&self) -> &str {
        match self {
            Kind::Disable => "newslint-disable",
            Kind::Enable => "newslint-enable",
            Kind::DisableNextLine => "newslint-disable-next-line",
            Kind::Unknown(word) => word,
        }
    }
}

/// One directive and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub kind: Kind,
    /// Rule ids or categories it names, as written.
    pub names: Vec<String>,
    /// The text after ` -- `, when there is some.
    pub reason: Option<String>,
    /// Byte range of the whole directive (the comment, or the bracketed line).
    pub range: Range<usize>,
}

/// The directive prefix every form starts with.
const PREFIX: &str = "newslint-";

/// Every directive in `text`, in order. Markdown and HTML use comments
/// (`<!-- newslint-disable RULE -- reason -->`); plain text and Word use a
/// line holding only `[newslint-disable RULE -- reason]`, which an editor
/// can type in any wire or word-processing system.
pub fn find(text: &str, format: InputFormat) -> Vec<Directive> {
    // Most documents have none: one search rules them out.
    if memchr::memmem::find(text.as_bytes(), PREFIX.as_bytes()).is_none() {
        return Vec::new();
    }
    match format {
        InputFormat::Markdown => {
            // Only comments Markdown reads as HTML: an example directive in
            // a code block or code span (a style guide) is no directive.
            let html = markdown_html(text);
            find_comments(text)
                .into_iter()
                .filter(|d| html.iter().any(|r| r.contains(&d.range.start)))
                .collect()
        }
        InputFormat::Html => find_comments(text),
        InputFormat::Txt | InputFormat::Docx => find_bracket_lines(text),
    }
}

/// Byte ranges of the raw HTML (blocks and inline) of a Markdown document.
fn markdown_html(text: &str) -> Vec<Range<usize>> {
    use pulldown_cmark::{Event, Options, Parser};
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_GFM;
    Parser::new_ext(text, opts)
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
        .map(|(_, r)| r)
        .collect()
}

fn find_comments(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(i) = text[pos..].find("<!--") {
        let start = pos + i;
        let body_start = start + 4;
        let Some(j) = text[body_start..].find("-->") else {
            break;
        };
        let body_end = body_start + j;
        let end = body_end + 3;
        if let Some(d) = parse_body(&text[body_start..body_end], start..end) {
            out.push(d);
        }
        pos = end;
    }
    out
}

fn find_bracket_lines(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with("[newslint-") && trimmed.ends_with(']') {
            let lead = line.len() - line.trim_start().len();
            let start = line_start + lead;
            let range = start..start + trimmed.len();
            if let Some(d) = parse_body(&trimmed[1..trimmed.len() - 1], range) {
                out.push(d);
            }
        }
        line_start += line.len();
    }
    out
}

/// Reads `newslint-KIND NAME, NAME -- reason`; `None` when the body is not a
/// newslint directive at all (another comment).
fn parse_body(body: &str, range: Range<usize>) -> Option<Directive> {
    let body = body.trim();
    if !body.starts_with(PREFIX) {
        return None;
    }
    let (head, reason) = match body.find("--") {
        Some(i) => (&body[..i], Some(body[i + 2..].trim())),
        None => (body, None),
    };
    let mut words = head.split(|c: char| c == ',' || c.is_whitespace());
    let word = words.next().unwrap_or_default();
    let kind = match word {
        "newslint-disable" => Kind::Disable,
        "newslint-enable" => Kind::Enable,
        "newslint-disable-next-line" => Kind::DisableNextLine,
        other => Kind::Unknown(other.to_string()),
    };
    let names = words
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    Some(Directive {
        kind,
        names,
        reason: reason.filter(|r| !r.is_empty()).map(str::to_string),
        range,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_forms_are_read_with_names_and_reasons() {
        let text = "<!-- newslint-disable hedging, loaded-verb -- quoting the ruling -->\n\
                    Text.\n<!-- newslint-enable -->\n<!-- a plain comment -->\n\
                    <!--newslint-disable-next-line puffery-->\n";
        let d = find(text, InputFormat::Markdown);
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].kind, Kind::Disable);
        assert_eq!(d[0].names, ["hedging", "loaded-verb"]);
        assert_eq!(d[0].reason.as_deref(), Some("quoting the ruling"));
        assert_eq!(&text[d[0].range.clone()][..4], "<!--");
        assert_eq!(d[1].kind, Kind::Enable);
        assert!(d[1].names.is_empty() && d[1].reason.is_none());
        assert_eq!(d[2].kind, Kind::DisableNextLine);
        assert_eq!(d[2].names, ["puffery"]);
        assert_eq!(d[2].reason, None);
    }

    #[test]
    fn bracket_lines_are_directives_in_plain_text_only() {
        let text = "Lead.\n  [newslint-disable-next-line hedging -- legal checked]\nNext.\n\
                    A line with [newslint-disable x] inside is prose.\n";
        let d = find(text, InputFormat::Txt);
        assert_eq!(d.len(), 1);
        assert_eq!(
            &text[d[0].range.clone()],
            "[newslint-disable-next-line hedging -- legal checked]"
        );
        assert_eq!(d[0].reason.as_deref(), Some("legal checked"));
        assert!(find(text, InputFormat::Markdown).is_empty());
    }

    #[test]
    fn an_unknown_directive_word_is_kept_to_be_reported() {
        let d = find("<!-- newslint-disabel hedging -->", InputFormat::Html);
        assert_eq!(d[0].kind, Kind::Unknown("newslint-disabel".into()));
        assert_eq!(d[0].names, ["hedging"]);
    }

    #[test]
    fn markdown_code_shows_a_directive_without_making_one() {
        let text = "Type this:\n\n```\n<!-- newslint-disable hedging -- why -->\n```\n\n\
                    Or `<!-- newslint-enable -->` inline.\n\n\
                    <!-- newslint-disable-next-line hedging -- real -->\nText.\n";
        let d = find(text, InputFormat::Markdown);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].reason.as_deref(), Some("real"));
    }

    #[test]
    fn an_unclosed_comment_is_no_directive() {
        assert!(find("<!-- newslint-disable hedging", InputFormat::Markdown).is_empty());
    }
}
