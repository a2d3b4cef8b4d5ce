//! `newslint report --format html`: one self-contained page, no external
//! assets and no script, with charts drawn as inline SVG: the sourcing mix
//! per article, named versus anonymous sources overall, findings by
//! category. Numbers the browser test reads carry `data-*` attributes.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::sourcing::{ArticleSourcing, SourceCounts, Summary};

/// Colours of the source kinds, shared by every chart and the legend.
const NAMED: &str = "#2b7a3d";
const VAGUE: &str = "#d19a00";
const ANON_REASON: &str = "#7a5aa6";
const ANON_NO_REASON: &str = "#b8322a";
const BAR: &str = "#3a6ea5";

/// Articles drawn in the per-article chart: a folder of thousands would make
/// a chart nobody scrolls; the table below lists every article.
const MIX_ROWS: usize = 50;

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:80em;\
padding:0 1em;color:#222}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}\
table{border-collapse:collapse;width:100%;font-size:.88em}th,td{text-align:left;padding:.3em .6em;\
border-bottom:1px solid #ddd;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}\
.legend span{display:inline-block;margin-right:1.2em}.legend i{display:inline-block;width:.9em;\
height:.9em;margin-right:.3em;vertical-align:-.1em}svg text{font:12px system-ui,sans-serif}\
details{margin:.2em 0}code{font-size:.9em}";

/// Writes the report of `articles` (in path order) as one HTML page.
pub fn render_report_html(
    out: &mut dyn Write,
    articles: &[ArticleSourcing],
    summary: &Summary,
) -> io::Result<()> {
    let mut h = String::with_capacity(16 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<title>newslint sourcing report</title>\n");
    let _ = writeln!(h, "<style>{STYLE}</style>\n</head>\n<body>");
    h.push_str("<h1>Sourcing report</h1>\n");
    let _ = writeln!(
        h,
        "<p id=\"overview\"><span data-articles=\"{}\">{}</span> article{}, \
         <span data-words=\"{}\">{}</span> words, \
         <span data-attributions=\"{}\">{}</span> attributions, \
         <span data-findings=\"{}\">{}</span> findings.</p>",
        summary.articles,
        summary.articles,
        if summary.articles == 1 { "" } else { "s" },
        summary.words,
        summary.words,
        summary.attributions,
        summary.attributions,
        summary.findings,
        summary.findings,
    );
    legend(&mut h);
    h.push_str("<h2>Sourcing mix per article</h2>\n");
    if articles.len() > MIX_ROWS {
        let _ = writeln!(
            h,
            "<p>The {MIX_ROWS} articles most in need of attention, of {}.</p>",
            articles.len()
        );
    }
    mix_chart(&mut h, articles, summary);
    h.push_str("<h2>Named versus anonymous, all articles</h2>\n");
    overall_chart(&mut h, &summary.sources);
    h.push_str("<h2>Findings by category</h2>\n");
    findings_chart(&mut h, summary);
    h.push_str("<h2>Articles, most in need of an editor's eye first</h2>\n");
    table(&mut h, articles, summary);
    h.push_str(
        "<p><small>Made by newslint. Attention score: see docs/report.md.</small></p>\n\
         </body>\n</html>\n",
    );
    out.write_all(h.as_bytes())
}

fn legend(h: &mut String) {
    h.push_str("<p class=\"legend\">");
    for (colour, name) in [
        (NAMED, "named"),
        (VAGUE, "vague"),
        (ANON_REASON, "anonymous, reason given"),
        (ANON_NO_REASON, "anonymous, no reason"),
    ] {
        let _ = write!(
            h,
            "<span><i style=\"background:{colour}\"></i>{name}</span>"
        );
    }
    h.push_str("</p>\n");
}

/// The four kinds of a source count, with their colours.
fn parts(c: &SourceCounts) -> [(usize, &'static str, &'static str); 4] {
    [
        (c.named, NAMED, "named"),
        (c.vague, VAGUE, "vague"),
        (
            c.anonymous_with_reason,
            ANON_REASON,
            "anonymous-with-reason",
        ),
        (
            c.anonymous_without_reason,
            ANON_NO_REASON,
            "anonymous-without-reason",
        ),
    ]
}

/// One stacked bar per article, in attention order: its distinct sources
/// by kind.
fn mix_chart(h: &mut String, articles: &[ArticleSourcing], summary: &Summary) {
    const ROW: usize = 22;
    const LABEL: usize = 220;
    const WIDTH: usize = 440;
    let shown = &summary.order[..summary.order.len().min(MIX_ROWS)];
    let max = shown
        .iter()
        .map(|&i| articles[i].source_counts().total())
        .max()
        .unwrap_or(0)
        .max(1);
    let height = ROW * shown.len().max(1) + 4;
    let _ = writeln!(
        h,
        "<svg id=\"mix\" role=\"img\" aria-label=\"Distinct sources per article by kind\" \
         width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">",
        LABEL + WIDTH + 40,
        LABEL + WIDTH + 40
    );
    for (row, &i) in shown.iter().enumerate() {
        let a = &articles[i];
        let c = a.source_counts();
        let y = row * ROW + 2;
        let _ = writeln!(
            h,
            "<g data-article=\"{}\" data-named=\"{}\" data-vague=\"{}\" data-anonymous=\"{}\">\
             <text x=\"0\" y=\"{}\">{}</text>",
            esc(&a.path),
            c.named,
            c.vague,
            c.anonymous(),
            y + 14,
            esc(&short(&a.path, 32))
        );
        let mut x = LABEL;
        for (n, colour, kind) in parts(&c) {
            if n == 0 {
                continue;
            }
            let w = n * WIDTH / max;
            let _ = writeln!(
                h,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{}\" fill=\"{colour}\">\
                 <title>{n} {kind}</title></rect>",
                ROW - 6
            );
            x += w;
        }
        let _ = writeln!(
            h,
            "<text x=\"{}\" y=\"{}\">{}</text></g>",
            x + 6,
            y + 14,
            c.total()
        );
    }
    h.push_str("</svg>\n");
}

/// One bar split by kind, over all articles.
fn overall_chart(h: &mut String, c: &SourceCounts) {
    const WIDTH: usize = 600;
    let total = c.total();
    let _ = writeln!(
        h,
        "<svg id=\"overall\" role=\"img\" aria-label=\"Sources by kind, all articles\" \
         width=\"{WIDTH}\" height=\"50\" viewBox=\"0 0 {WIDTH} 50\" data-named=\"{}\" \
         data-vague=\"{}\" data-anonymous=\"{}\" data-anonymous-with-reason=\"{}\">",
        c.named,
        c.vague,
        c.anonymous(),
        c.anonymous_with_reason
    );
    if total == 0 {
        h.push_str("<text x=\"0\" y=\"20\">no sources cited</text>\n");
    } else {
        let mut x = 0;
        for (n, colour, kind) in parts(c) {
            if n == 0 {
                continue;
            }
            let w = (n * WIDTH).checked_div(total).unwrap_or(0);
            let _ = writeln!(
                h,
                "<rect x=\"{x}\" y=\"0\" width=\"{w}\" height=\"24\" fill=\"{colour}\">\
                 <title>{n} {kind}</title></rect>\
                 <text x=\"{}\" y=\"42\">{n}</text>",
                x + 2
            );
            x += w;
        }
    }
    h.push_str("</svg>\n");
}

/// Horizontal bars: findings per category.
fn findings_chart(h: &mut String, s: &Summary) {
    const ROW: usize = 22;
    const LABEL: usize = 140;
    const WIDTH: usize = 400;
    let max = s
        .findings_by_category
        .values()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let height = ROW * s.findings_by_category.len().max(1) + 4;
    let _ = writeln!(
        h,
        "<svg id=\"findings\" role=\"img\" aria-label=\"Findings by category\" \
         width=\"{}\" height=\"{height}\" viewBox=\"0 0 {} {height}\">",
        LABEL + WIDTH + 40,
        LABEL + WIDTH + 40
    );
    if s.findings_by_category.is_empty() {
        h.push_str("<text x=\"0\" y=\"16\">no findings</text>\n");
    }
    for (row, (category, &n)) in s.findings_by_category.iter().enumerate() {
        let y = row * ROW + 2;
        let w = n * WIDTH / max;
        let _ = writeln!(
            h,
            "<g data-category=\"{}\" data-count=\"{n}\"><text x=\"0\" y=\"{}\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{w}\" height=\"{}\" fill=\"{BAR}\"></rect>\
             <text x=\"{}\" y=\"{}\">{n}</text></g>",
            esc(category),
            y + 14,
            esc(category),
            ROW - 6,
            LABEL + w + 6,
            y + 14
        );
    }
    h.push_str("</svg>\n");
}

/// The per-article table, in attention order, each row with its
/// attributions folded away.
fn table(h: &mut String, articles: &[ArticleSourcing], summary: &Summary) {
    h.push_str(
        "<table id=\"articles\">\n<thead><tr><th>article</th><th>words</th>\
         <th>quotes (speaker)</th><th>attributions</th><th>named</th><th>vague</th>\
         <th>anonymous (reason)</th><th>unattributed claims</th>\
         <th>hedges / 1k words</th><th>findings</th><th>score</th></tr></thead>\n<tbody>\n",
    );
    for &i in &summary.order {
        let a = &articles[i];
        let c = a.source_counts();
        let _ = writeln!(
            h,
            "<tr data-article=\"{}\"><td>{}<details><summary>attributions</summary>{}</details></td>\
             <td class=\"n\" data-words=\"{}\">{}</td><td class=\"n\">{} ({})</td>\
             <td class=\"n\" data-attributions=\"{}\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{} ({})</td>\
             <td class=\"n\" data-unattributed=\"{}\">{}</td><td class=\"n\">{:.1}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{:.1}</td></tr>",
            esc(&a.path),
            esc(&a.path),
            attribution_list(a),
            a.words,
            a.words,
            a.quotations,
            a.quotations_with_speaker,
            a.attributions.len(),
            a.attributions.len(),
            c.named,
            c.vague,
            c.anonymous(),
            c.anonymous_with_reason,
            a.unattributed.len(),
            a.unattributed.len(),
            a.hedges_per_1000(),
            a.findings,
            a.attention(),
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

fn attribution_list(a: &ArticleSourcing) -> String {
    let mut s = String::from("<ul>");
    for at in &a.attributions {
        let source = at.source.as_ref().map_or("(no source found)", |s| &s.text);
        let _ = write!(
            s,
            "<li><code>{}</code> {} <small>({})</small></li>",
            esc(&at.cue.text),
            esc(source),
            crate::sourcing::source_kind_name(at.kind)
        );
    }
    s.push_str("</ul>");
    s
}

/// The end of a long path, which tells articles apart.
fn short(path: &str, max: usize) -> String {
    let n = path.chars().count();
    if n <= max {
        return path.to_string();
    }
    let tail: String = path.chars().skip(n - (max - 1)).collect();
    format!("…{tail}")
}

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn shortens_long_paths_from_the_left() {
        assert_eq!(short("abc", 5), "abc");
        assert_eq!(short("news/2026/story.md", 9), "…story.md");
    }
}
