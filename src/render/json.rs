//! JSON and JSON-lines output: plain serializable structs.

use std::io::{self, Write};

use serde::Serialize;

use super::Tally;
use crate::finding::Suggestion;
use crate::report::{FileReport, Located};
use crate::rules::Pack;

/// One finding as machines read it.
#[derive(Serialize)]
pub(crate) struct JsonFinding<'a> {
    pub path: &'a str,
    pub rule: &'a str,
    pub category: &'a str,
    pub severity: &'a str,
    pub message: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(skip_serializing_if = "<[Suggestion]>::is_empty")]
    pub suggestions: &'a [Suggestion],
    /// Word documents: the 1-based paragraph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// Word documents: offsets are into the extracted text, not the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offsets: Option<&'static str>,
}

impl<'a> JsonFinding<'a> {
    pub(crate) fn new(pack: &'a Pack, report: &'a FileReport, f: &'a Located) -> Self {
        let rule = &pack.rules[f.finding.rule];
        JsonFinding {
            path: &report.path,
            rule: &rule.id,
            category: rule.category.as_str(),
            severity: f.severity(pack).as_str(),
            message: &f.finding.message,
            line: f.line,
            column: f.column,
            end_line: f.end_line,
            end_column: f.end_column,
            start: f.finding.range.start,
            end: f.finding.range.end,
            text: &f.text,
            suggestions: &f.finding.suggestions,
            paragraph: f.finding.paragraph,
            offsets: (!report.offsets_in_file).then_some("extracted-text"),
        }
    }
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    files_with_findings: usize,
    findings: usize,
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary,
}

/// One JSON document with every finding and a summary.
pub fn render_json(out: &mut dyn Write, pack: &Pack, reports: &[FileReport]) -> io::Result<()> {
    let t = Tally::of(pack, reports);
    let doc = JsonDocument {
        version: 1,
        findings: reports
            .iter()
            .flat_map(|r| r.findings.iter().map(move |f| JsonFinding::new(pack, r, f)))
            .collect(),
        summary: JsonSummary {
            files: t.files,
            files_with_findings: t.files_with_findings,
            findings: t.total(),
            error: t.error,
            warning: t.warning,
            info: t.info,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// One JSON finding per line, nothing else.
pub fn render_jsonl(out: &mut dyn Write, pack: &Pack, reports: &[FileReport]) -> io::Result<()> {
    // Written by hand rather than through serde_json, whose string escaping
    // looks at one byte at a time: on an archive the output was 2.5% of a
    // run. A test holds every line equal to serde_json's for `JsonFinding`.
    let mut line = Vec::with_capacity(512);
    for r in reports {
        for f in &r.findings {
            line.clear();
            write_jsonl_finding(&mut line, &JsonFinding::new(pack, r, f))?;
            out.write_all(&line)?;
        }
    }
    Ok(())
}

/// Appends `f` as one line of compact JSON, byte for byte what
/// `serde_json::to_writer` writes for it, then a newline.
fn write_jsonl_finding(line: &mut Vec<u8>, f: &JsonFinding<'_>) -> io::Result<()> {
    let strings = [
        ("{\"path\":", f.path),
        (",\"rule\":", f.rule),
        (",\"category\":", f.category),
        (",\"severity\":", f.severity),
        (",\"message\":", f.message),
    ];
    for (key, value) in strings {
        line.extend_from_slice(key.as_bytes());
        push_json_str(line, value);
    }
    let numbers = [
        (",\"line\":", f.line),
        (",\"column\":", f.column),
        (",\"end_line\":", f.end_line),
        (",\"end_column\":", f.end_column),
        (",\"start\":", f.start),
        (",\"end\":", f.end),
    ];
    for (key, value) in numbers {
        line.extend_from_slice(key.as_bytes());
        push_number(line, value);
    }
    line.extend_from_slice(b",\"text\":");
    push_json_str(line, f.text);
    if !f.suggestions.is_empty() {
        line.extend_from_slice(b",\"suggestions\":");
        serde_json::to_writer(&mut *line, f.suggestions)?;
    }
    if let Some(p) = f.paragraph {
        line.extend_from_slice(b",\"paragraph\":");
        push_number(line, p);
    }
    if let Some(o) = f.offsets {
        line.extend_from_slice(b",\"offsets\":");
        push_json_str(line, o);
    }
    line.extend_from_slice(b"}\n");
    Ok(())
}

/// Appends `n` in decimal, two digits a step: a finding's six numbers
/// (lines, columns, offsets) have up to four or five digits, and with a
/// division per digit they were a fifth of a line's cost.
fn push_number(out: &mut Vec<u8>, n: usize) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    while n >= 100 {
        let pair = 2 * (n % 100);
        n /= 100;
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
    } else {
        i -= 1;
        digits[i] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[i..]);
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it: quote,
/// backslash and control characters only, eight bytes tested at a time.
fn push_json_str(out: &mut Vec<u8>, s: &str) {
    use crate::ascii::{HI, LO, zero_bytes};
    let b = s.as_bytes();
    out.push(b'"');
    let mut done = 0;
    let mut i = 0;
    // Bytes below 0x20 (a non-ASCII byte, high bit set, never is), quotes
    // and backslashes.
    let special = |x: u64| {
        let control = zero_bytes(x & (LO * 0xe0)) & !(x & HI);
        control | zero_bytes(x ^ (LO * u64::from(b'"'))) | zero_bytes(x ^ (LO * u64::from(b'\\')))
    };
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            let found = special(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
            if found == 0 {
                i += 8;
                continue;
            }
            i += found.trailing_zeros() as usize / 8;
        } else if let Some(last) = b.len().checked_sub(8) {
            // The tail of a longer string, in one test of its last eight
            // bytes: a byte at a time it cost as much as the rest. The
            // bytes before `i` have been read, and are shifted out.
            let x = u64::from_le_bytes(b[last..].try_into().expect("8 bytes"));
            let found = special(x) >> (8 * (i - last));
            if found == 0 {
                i = b.len();
                continue;
            }
            i += found.trailing_zeros() as usize / 8;
        } else if !needs_escape(b[i]) {
            i += 1;
            continue;
        }
        out.extend_from_slice(&b[done..i]);
        push_escape(out, b[i]);
        i += 1;
        done = i;
    }
    out.extend_from_slice(&b[done..]);
    out.push(b'"');
}

/// Whether JSON needs byte `c` escaped inside a string.
fn needs_escape(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\'
}

/// Appends the escape of `c`, one of [`needs_escape`]'s bytes.
fn push_escape(out: &mut Vec<u8>, c: u8) {
    let short = match c {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(c >> 4)]);
            out.push(HEX[usize::from(c & 15)]);
            return;
        }
    };
    out.push(b'\\');
    out.push(short);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Applicability;

    #[test]
    fn strings_escape_as_serde_json_escapes_them() {
        let mut cases: Vec<String> = [
            "",
            "plain words",
            "a \"quoted\" word and a back\\slash",
            "tab\there, newline\nthere, return\r, bell\u{7}, nul\u{0}, del\u{7f}",
            "curly “quotes” and an em dash \u{2014} and \u{2028} line separator",
            "exactly8",
            "\"\"\"\"\"\"\"\"\"",
            "ends with a quote\"",
            "\u{1f}\u{1e}\u{10}\u{0b}\u{0c}\u{08}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every byte value below 0x80 at every position of a 17-byte string.
        for c in 0u8..0x80 {
            for pos in 0..17 {
                let mut s = "x".repeat(17);
                s.replace_range(pos..pos + 1, &char::from(c).to_string());
                cases.push(s);
            }
        }
        for s in cases {
            let mut ours = Vec::new();
            push_json_str(&mut ours, &s);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&s).unwrap(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn numbers_print_in_decimal() {
        let edges = [0, 1, 9, 10, 99, 100, 101, 999, 1000, 12_345, usize::MAX];
        for n in (0..10_000).chain(edges) {
            let mut ours = Vec::new();
            push_number(&mut ours, n);
            assert_eq!(String::from_utf8(ours).unwrap(), n.to_string());
        }
    }

    #[test]
    fn a_line_is_what_serde_json_writes() {
        let suggestions = [Suggestion {
            replacement: "said \"x\"".into(),
            applicability: Applicability::Safe,
        }];
        let base = JsonFinding {
            path: "dir/a \"b\".txt",
            rule: "said-claimed",
            category: "attribution",
            severity: "warning",
            message: "“claimed” casts doubt\ton the speaker",
            line: 3,
            column: 14,
            end_line: 3,
            end_column: 21,
            start: 40,
            end: 47,
            text: "claimed",
            suggestions: &[],
            paragraph: None,
            offsets: None,
        };
        let with_all = JsonFinding {
            suggestions: &suggestions,
            paragraph: Some(12),
            offsets: Some("extracted-text"),
            ..base
        };
        for f in [&base, &with_all] {
            let mut ours = Vec::new();
            write_jsonl_finding(&mut ours, f).unwrap();
            let mut theirs = serde_json::to_vec(f).unwrap();
            theirs.push(b'\n');
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
    }
}
