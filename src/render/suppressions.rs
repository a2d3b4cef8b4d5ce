//! `--report-suppressions`: every inline suppression of a file, its reason,
//! and the findings it silenced, for the standards desk's audit.

use std::fmt::Write as _;

use crate::report::FileReport;
use crate::rules::Pack;

/// The listing for one file (empty when it has no suppressions).
pub fn suppressions_listing(pack: &Pack, report: &FileReport) -> String {
    let mut out = String::new();
    for (i, s) in report.suppressions.iter().enumerate() {
        // An enable only ends a disable: nothing to audit.
        if s.kind == "newslint-enable" {
            continue;
        }
        let reason = s
            .reason
            .as_deref()
            .map_or("(no reason)".to_string(), |r| format!("-- {r}"));
        let what = match s.count {
            0 => "silenced nothing".to_string(),
            1 => "silenced 1 finding".to_string(),
            n => format!("silenced {n} findings"),
        };
        let _ = writeln!(
            out,
            "{}:{}: {} {} {reason}: {what}",
            report.path,
            s.line,
            s.kind,
            s.names.join(", ")
        );
        for f in report.suppressed.iter().filter(|f| f.by == i) {
            let l = &f.located;
            let _ = writeln!(
                out,
                "    {}:{}:{}: {} \u{201c}{}\u{201d}",
                report.path, l.line, l.column, pack.rules[l.finding.rule].id, l.text
            );
        }
    }
    out
}
