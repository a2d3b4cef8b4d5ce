//! JUnit XML for Jenkins and other test dashboards: a test case per file,
//! a failure per finding, so a clean file shows as a passing test.

use std::io::{self, Write};

use quick_xml::escape::escape;

use crate::report::FileReport;
use crate::rules::Pack;

/// Text fit for an XML 1.0 document: characters XML forbids (most control
/// characters) become U+FFFD, then markup characters are escaped.
fn xml_text(s: &str) -> String {
    let allowed: String = s
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect();
    escape(allowed.as_str()).into_owned()
}

/// One `testsuites` document for all `reports`.
pub fn render_junit(out: &mut dyn Write, pack: &Pack, reports: &[FileReport]) -> io::Result<()> {
    let failures: usize = reports.iter().map(|r| r.findings.len()).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="newslint" tests="{}" failures="{failures}">"#,
        reports.len()
    )?;
    writeln!(
        out,
        r#"  <testsuite name="newslint" tests="{}" failures="{failures}" errors="0" skipped="0">"#,
        reports.len()
    )?;
    for r in reports {
        let path = xml_text(&r.path);
        if r.findings.is_empty() {
            writeln!(out, r#"    <testcase name="{path}" classname="newslint"/>"#)?;
            continue;
        }
        writeln!(out, r#"    <testcase name="{path}" classname="newslint">"#)?;
        for f in &r.findings {
            let rule = &pack.rules[f.finding.rule];
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}:{}:{}: {}[{}] {}</failure>"#,
                xml_text(&rule.id),
                xml_text(&f.finding.message),
                path,
                f.line,
                f.column,
                f.severity(pack),
                xml_text(&rule.id),
                xml_text(&f.finding.message),
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_stripped_of_forbidden_characters() {
        assert_eq!(
            xml_text("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot;\u{fffd}"
        );
    }
}
