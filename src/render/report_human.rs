//! `newslint report`: a plain table per article and a summary across
//! articles, the ones most needing an editor's eye first.

use std::io::{self, Write};

use crate::sourcing::{ArticleSourcing, SourceCounts, Summary, source_kind_name};

/// Width of the label column.
const LABEL: usize = 28;

/// Writes the human report of `articles` (in path order).
pub fn render_report_human(
    out: &mut dyn Write,
    articles: &[ArticleSourcing],
    summary: &Summary,
) -> io::Result<()> {
    for a in articles {
        article(out, a)?;
        writeln!(out)?;
    }
    totals(out, summary)?;
    if !articles.is_empty() {
        writeln!(out)?;
        writeln!(out, "Most in need of an editor's eye first:")?;
        for (rank, &i) in summary.order.iter().enumerate() {
            let a = &articles[i];
            writeln!(
                out,
                "  {:>2}. {}  (score {:.1}: {})",
                rank + 1,
                a.path,
                a.attention(),
                reasons(a)
            )?;
        }
    }
    Ok(())
}

fn row(out: &mut dyn Write, label: &str, value: impl std::fmt::Display) -> io::Result<()> {
    writeln!(out, "  {label:LABEL$}{value}")
}

fn article(out: &mut dyn Write, a: &ArticleSourcing) -> io::Result<()> {
    writeln!(out, "{}", a.path)?;
    row(out, "words", a.words)?;
    row(
        out,
        "direct quotations",
        format!(
            "{} ({} with a speaker)",
            a.quotations, a.quotations_with_speaker
        ),
    )?;
    row(out, "attributions", a.attributions.len())?;
    for at in &a.attributions {
        let source = at
            .source
            .as_ref()
            .map_or("(no source found)", |s| s.text.as_str());
        writeln!(
            out,
            "    {:20} {}  [{}]",
            one_line(&at.cue.text),
            one_line(source),
            source_kind_name(at.kind)
        )?;
    }
    let c = a.source_counts();
    row(out, "sources", sources_line(&c))?;
    for s in &a.sources {
        let reason = match (s.kind, s.reason) {
            (crate::model::SourceKind::Anonymous, true) => ", reason given",
            (crate::model::SourceKind::Anonymous, false) => ", no reason given",
            _ => "",
        };
        writeln!(
            out,
            "    {} ({}{}, {}x)",
            one_line(&s.name),
            s.entity,
            reason,
            s.mentions
        )?;
    }
    row(out, "unattributed claims", a.unattributed.len())?;
    row(
        out,
        "hedges per 1,000 words",
        format!("{:.1}", a.hedges_per_1000()),
    )?;
    row(
        out,
        "findings",
        findings_line(a.findings, &a.findings_by_category),
    )
}

fn totals(out: &mut dyn Write, s: &Summary) -> io::Result<()> {
    writeln!(
        out,
        "Summary: {} article{}, {} words",
        s.articles,
        if s.articles == 1 { "" } else { "s" },
        s.words
    )?;
    row(
        out,
        "direct quotations",
        format!(
            "{} ({} with a speaker)",
            s.quotations, s.quotations_with_speaker
        ),
    )?;
    row(out, "attributions", s.attributions)?;
    row(out, "sources", sources_line(&s.sources))?;
    row(out, "unattributed claims", s.unattributed_claims)?;
    row(
        out,
        "hedges per 1,000 words",
        format!("{:.1}", s.hedges_per_1000),
    )?;
    row(
        out,
        "findings",
        findings_line(s.findings, &s.findings_by_category),
    )
}

fn sources_line(c: &SourceCounts) -> String {
    let people = if c.people == 1 {
        "1 person".to_string()
    } else {
        format!("{} people", c.people)
    };
    format!(
        "{} named ({people}, {}, {}), {} vague, {} anonymous ({} with a reason, {} without)",
        c.named,
        count(c.organizations, "organization"),
        count(c.named - c.people - c.organizations, "role"),
        c.vague,
        c.anonymous(),
        c.anonymous_with_reason,
        c.anonymous_without_reason
    )
}

fn findings_line(total: usize, by: &std::collections::BTreeMap<String, usize>) -> String {
    if by.is_empty() {
        return total.to_string();
    }
    let parts: Vec<String> = by.iter().map(|(c, n)| format!("{c} {n}")).collect();
    format!("{total} ({})", parts.join(", "))
}

/// Why an article ranks where it does, in a few words.
fn reasons(a: &ArticleSourcing) -> String {
    let c = a.source_counts();
    let mut r = Vec::new();
    if c.named == 0 && !a.unattributed.is_empty() {
        r.push("no named source".to_string());
    }
    if !a.unattributed.is_empty() {
        r.push(count(a.unattributed.len(), "unattributed claim"));
    }
    if c.anonymous_without_reason > 0 {
        r.push(format!(
            "{} anonymous without a reason",
            c.anonymous_without_reason
        ));
    }
    let unspoken = a.quotations - a.quotations_with_speaker;
    if unspoken > 0 {
        r.push(format!(
            "{} without a speaker",
            count(unspoken, "quotation")
        ));
    }
    if a.findings > 0 {
        r.push(count(a.findings, "finding"));
    }
    if r.is_empty() {
        r.push("well sourced".to_string());
    }
    r.join("; ")
}

/// "1 finding", "2 findings".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// Text on one line (a source can span a line break in the file).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
