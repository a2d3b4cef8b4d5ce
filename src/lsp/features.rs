//! Hover and code actions on an open document's findings.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Hover, HoverContents, MarkupContent,
    MarkupKind, Position, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::document::OpenDoc;
use crate::finding::Applicability;
use crate::report::Located;
use crate::rules::Pack;
use crate::serve::api::explanation_text;

/// The directive that turns a rule off for the next line in a document of
/// `format`: an HTML comment in Markdown and HTML, a bracketed line in plain
/// text (where a comment would be read as copy). `reason` is left for the
/// writer to replace.
pub fn suppression_comment(rule: &str, format: crate::extract::InputFormat) -> String {
    match format {
        crate::extract::InputFormat::Markdown | crate::extract::InputFormat::Html => {
            format!("<!-- newslint-disable-next-line {rule} -- reason -->")
        }
        _ => format!("[newslint-disable-next-line {rule} -- reason]"),
    }
}

/// The findings under `pos`, with their rule's explanation and references.
pub fn hover(doc: &OpenDoc, pack: &Pack, pos: Position) -> Option<Hover> {
    let at = doc.lines.offset(&doc.text, pos);
    let under: Vec<&Located> = doc
        .findings
        .iter()
        .filter(|f| f.finding.range.start <= at && at <= f.finding.range.end)
        .collect();
    let first = under.first()?;
    let mut md = String::new();
    for f in &under {
        let rule = &pack.rules[f.finding.rule];
        if !md.is_empty() {
            md.push_str("\n\n---\n\n");
        }
        md.push_str(&format!(
            "**{}** ({}, {})\n\n{}\n\n{}",
            rule.id,
            rule.category.as_str(),
            rule.severity.as_str(),
            f.finding.message,
            explanation_text(&rule.explanation)
        ));
        if !rule.references.is_empty() {
            md.push_str("\n\nReferences:\n");
            for r in &rule.references {
                md.push_str(&format!("\n- {r}"));
            }
        }
        if let Some(link) = &rule.link {
            md.push_str(&format!("\n\nMore: <{link}>"));
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: md,
        }),
        range: Some(doc.lines.range(&doc.text, first.finding.range.clone())),
    })
}

/// For each finding in `range`: its suggestions as edits (the first safe
/// one preferred), and a suppression comment on the line above.
pub fn code_actions(
    doc: &OpenDoc,
    pack: &Pack,
    uri: &Uri,
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let from = doc.lines.offset(&doc.text, range.start);
    let to = doc.lines.offset(&doc.text, range.end);
    let mut actions = Vec::new();
    for f in &doc.findings {
        let r = &f.finding.range;
        if r.start > to || r.end < from {
            continue;
        }
        let rule = &pack.rules[f.finding.rule];
        let diagnostic = doc.diagnostic(pack, uri, f);
        let edit = |range: Range, new_text: String| WorkspaceEdit {
            changes: Some(HashMap::from([(
                uri.clone(),
                vec![TextEdit { range, new_text }],
            )])),
            ..WorkspaceEdit::default()
        };
        let mut preferred_given = false;
        for s in &f.finding.suggestions {
            let safe = s.applicability == Applicability::Safe;
            let preferred = safe && !preferred_given;
            preferred_given |= preferred;
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!(
                    "Replace “{}” with “{}”{}",
                    f.text,
                    s.replacement,
                    if safe { "" } else { " (check the meaning)" }
                ),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(edit(diagnostic.range, s.replacement.clone())),
                is_preferred: preferred.then_some(true),
                ..CodeAction::default()
            }));
        }
        // The comment goes above the finding's line, indented as it is.
        let line_start = doc.lines.line_start(r.start);
        let indent: String = doc.text[line_start..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let at = doc.lines.position(&doc.text, line_start);
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Suppress {} on this line (give a reason)", rule.id),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic.clone()]),
            edit: Some(edit(
                Range { start: at, end: at },
                format!("{indent}{}\n", suppression_comment(&rule.id, doc.format)),
            )),
            ..CodeAction::default()
        }));
    }
    actions
}
