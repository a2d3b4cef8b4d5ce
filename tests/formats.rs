//! Real documents end to end: Markdown, HTML, Word and plain text drafts run
//! through the CLI (and, for the generated documents, the library), checking
//! that every finding lands on exactly the words a reader sees.
//!
//! The rules are `tests/fixtures/formats/rules.toml`: a few plain phrases, so
//! these expectations never move when the default pack is tuned.

use std::io::{Cursor, Write as _};
use std::ops::Range;
use std::path::Path;

use serde_json::Value;

use crate::common::{fixture, jsonl, newslint, run};

/// Arguments that run only the format tests' rule file.
const RULES: [&str; 3] = [
    "--no-default-rules",
    "--rules",
    "tests/fixtures/formats/rules.toml",
];

// ---------------------------------------------------------------------------
// Helpers

/// One expected finding in a text format: rule, byte range, 1-based start and
/// end positions, the exact source bytes, and what a reader sees there.
struct Want {
    rule: &'static str,
    range: Range<usize>,
    start: (usize, usize),
    end: (usize, usize),
    source: &'static str,
    seen: &'static str,
}

const fn want(
    rule: &'static str,
    range: Range<usize>,
    start: (usize, usize),
    end: (usize, usize),
    source: &'static str,
    seen: &'static str,
) -> Want {
    Want {
        rule,
        range,
        start,
        end,
        source,
        seen,
    }
}

fn num(f: &Value, key: &str) -> usize {
    f[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} missing in {f}")) as usize
}

fn string<'a>(f: &'a Value, key: &str) -> &'a str {
    f[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {f}"))
}

/// 1-based line and column (in Unicode scalar values) of byte `offset`,
/// worked out here independently of newslint; a leading BOM is no column.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut col_text = &before[line_start..];
    if line_start == 0 {
        col_text = col_text.strip_prefix('\u{feff}').unwrap_or(col_text);
    }
    (
        before.matches('\n').count() + 1,
        col_text.chars().count() + 1,
    )
}

/// What a reader sees in a slice of Markdown or HTML source: tags, emphasis
/// markers, block-quote markers and escapes dropped, the entities these
/// tests use decoded, white space collapsed, apostrophes straightened and
/// case folded.
fn reader_text(slice: &str) -> String {
    const ENTITIES: [(&str, &str); 12] = [
        ("&amp;", "&"),
        ("&#38;", "&"),
        ("&#x26;", "&"),
        ("&amp", "&"),
        ("&nbsp;", " "),
        ("&rsquo;", "\u{2019}"),
        ("&#8217;", "\u{2019}"),
        ("&#x2019;", "\u{2019}"),
        ("&apos;", "'"),
        ("&eacute;", "\u{e9}"),
        ("&lt;", "<"),
        ("&gt;", ">"),
    ];
    let mut out = String::new();
    let mut rest = slice;
    let mut line_start = false;
    while let Some(c) = rest.chars().next() {
        if line_start && c == '>' {
            // a block-quote continuation marker
            rest = &rest[1..];
            continue;
        }
        line_start = c == '\n' || (line_start && c.is_whitespace());
        if c == '<'
            && rest[1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/')
            && let Some(end) = rest.find('>')
        {
            rest = &rest[end + 1..];
            continue;
        }
        if c == '\\' && rest[1..].starts_with(|n: char| n.is_ascii_punctuation()) {
            rest = &rest[1..];
            continue;
        }
        if c == '*' || c == '_' {
            rest = &rest[1..];
            continue;
        }
        if let Some((e, d)) = ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            out.push_str(d);
            rest = &rest[e.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    normal(&out)
}

/// Spacing collapsed, apostrophes straightened, lower case.
fn normal(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{2019}', "'")
        .to_lowercase()
}

/// Runs `check --format jsonl` with the format rules; returns (code, findings, stderr).
fn check(args: &[&str]) -> (i32, Vec<Value>, String) {
    let (code, out, err) = run(newslint()
        .args(["check", "--format", "jsonl"])
        .args(RULES)
        .args(args));
    (code, jsonl(&out), err)
}

/// Asserts that `found` (findings of one text-format file whose bytes are
/// `file`) are exactly `want`, in order, and that each points at source bytes
/// that start and end on characters and read as the flagged words.
fn assert_text_findings(file: &[u8], found: &[Value], want: &[Want]) {
    let text = std::str::from_utf8(file).expect("fixture is UTF-8");
    let got: Vec<(String, Range<usize>)> = found
        .iter()
        .map(|f| (string(f, "rule").to_owned(), num(f, "start")..num(f, "end")))
        .collect();
    let expected: Vec<(String, Range<usize>)> = want
        .iter()
        .map(|w| (w.rule.to_owned(), w.range.clone()))
        .collect();
    assert_eq!(got, expected, "findings differ:\n{found:#?}");
    for (f, w) in found.iter().zip(want) {
        let (s, e) = (num(f, "start"), num(f, "end"));
        let slice = text
            .get(s..e)
            .unwrap_or_else(|| panic!("{s}..{e} is not on character boundaries: {f}"));
        assert_eq!(slice, w.source, "source bytes of {f}");
        assert_eq!(string(f, "text"), w.source, "text of {f}");
        assert_eq!(
            reader_text(slice),
            normal(w.seen),
            "what a reader sees at {s}..{e}"
        );
        assert_eq!((num(f, "line"), num(f, "column")), w.start, "start of {f}");
        assert_eq!(
            (num(f, "end_line"), num(f, "end_column")),
            w.end,
            "end of {f}"
        );
        // and the positions agree with an independent count
        assert_eq!(position(text, s), w.start, "recounted start of {f}");
        assert_eq!(position(text, e), w.end, "recounted end of {f}");
        assert!(
            f.get("offsets").is_none() && f.get("paragraph").is_none(),
            "text formats use file offsets: {f}"
        );
    }
}

// ---------------------------------------------------------------------------
// Word documents, built here with the zip crate

mod word {
    use super::*;

    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, DateTime, ZipWriter};

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

    /// A deflated, deterministic `.docx` package whose body is `body`.
    pub fn docx(body: &str) -> Vec<u8> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
        );
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let opts = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(DateTime::default());
        for (name, part) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("word/document.xml", &document),
        ] {
            zip.start_file(name, opts).expect("start part");
            zip.write_all(part.as_bytes()).expect("write part");
        }
        zip.finish().expect("finish zip").into_inner()
    }

    /// A paragraph of the given style ("" for Normal) holding `runs`.
    pub fn para(style: &str, runs: &str) -> String {
        let ppr = if style.is_empty() {
            String::new()
        } else {
            format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
        };
        format!("<w:p>{ppr}{runs}</w:p>")
    }

    /// A plain run.
    pub fn r(text: &str) -> String {
        format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    /// A bold run.
    pub fn b(text: &str) -> String {
        format!(r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    /// A draft of the ferry story with the rules' phrases in Word's usual places.
    pub fn ferry_story() -> Vec<u8> {
        let body = [
            para("Title", &r("Ferry Hailed as a Game Changer")),
            para("", &[r("The new harbour ferry is "), b("world-class"), r(" by most measures.")].concat()),
            // A tracked deletion is not in the accepted text; the insertion is,
            // and the phrase spans two runs.
            para(
                "",
                &[
                    r("Critics call the timetable "),
                    r#"<w:del w:id="1" w:author="Desk" w:date="2026-01-05T09:00:00Z"><w:r><w:delText>a world-class failure and </w:delText></w:r></w:del>"#.to_owned(),
                    r#"<w:ins w:id="2" w:author="Desk" w:date="2026-01-05T09:00:00Z"><w:r><w:t xml:space="preserve">a game </w:t></w:r></w:ins>"#.to_owned(),
                    r("changer for shift workers."),
                ]
                .concat(),
            ),
            // An empty paragraph: no block, no number.
            para("", ""),
            // A field code is not prose; its result is.
            para(
                "",
                &[
                    r("Timetables are on the "),
                    r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/world-class" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#.to_owned(),
                    r("operator&#8217;s site"),
                    r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#.to_owned(),
                    r(", and it&#8217;s understood fares will hold."),
                ]
                .concat(),
            ),
            para("Quote", &r("The crew did first-rate work in the storm.")),
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Route</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Verdict</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>East</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>world-class</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_owned(),
            para("", &r("Smoke &amp; mirrors, said the union.")),
            r#"<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr>"#.to_owned(),
        ]
        .concat();
        docx(&body)
    }
}

/// One Word finding: rule, paragraph, range in the extracted text, start
/// position in the extracted text, the flagged words.
type WordRow<'a> = (&'a str, usize, Range<usize>, (usize, usize), &'a str);
type WantWord = WordRow<'static>;

/// The findings the ferry story must draw, wherever it is read from.
const FERRY_DOCX: [WantWord; 6] = [
    ("fmt-cliche", 1, 18..30, (1, 19), "Game Changer"),
    ("fmt-puffery", 2, 57..68, (3, 26), "world-class"),
    // across runs, one of them a tracked insertion
    ("fmt-cliche", 3, 117..129, (5, 30), "game changer"),
    // after a field, whose result is prose and whose code is not; the empty
    // paragraph before this one has no number
    (
        "fmt-unsourced",
        4,
        195..212,
        (7, 44),
        "it\u{2019}s understood",
    ),
    // a table cell: each cell is a paragraph (6 to 9)
    ("fmt-puffery", 9, 297..308, (17, 1), "world-class"),
    ("fmt-cliche", 10, 310..325, (19, 1), "Smoke & mirrors"),
];

/// Asserts Word findings: paragraph, extracted-text offsets, and that the
/// offsets index the extracted text to exactly the flagged words.
fn assert_word_findings(file: &[u8], found: &[Value], want: &[WantWord]) {
    let extracted = newslint::extract::extract_docx(file)
        .expect("fixture is a Word document")
        .text;
    let got: Vec<WordRow<'_>> = found
        .iter()
        .map(|f| {
            (
                string(f, "rule"),
                num(f, "paragraph"),
                num(f, "start")..num(f, "end"),
                (num(f, "line"), num(f, "column")),
                string(f, "text"),
            )
        })
        .collect();
    let expected = want.to_vec();
    assert_eq!(
        got, expected,
        "findings differ; extracted text:\n{extracted}"
    );
    for f in found {
        assert_eq!(string(f, "offsets"), "extracted-text", "{f}");
        let (s, e) = (num(f, "start"), num(f, "end"));
        assert_eq!(extracted.get(s..e), Some(string(f, "text")), "{f}");
        assert_eq!(
            position(&extracted, e),
            (num(f, "end_line"), num(f, "end_column")),
            "{f}"
        );
    }
}

// ---------------------------------------------------------------------------
// 1. Exact spans per format

#[test]
fn markdown_findings_land_on_the_words() {
    let path = fixture("formats/phrases.md");
    let file = std::fs::read(&path).unwrap();
    let (code, found, err) = check(&[path.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (1, ""));
    // Not flagged: the front matter (title, summary), the code span
    // `--world-class`, the link URL and title, the bare URL and the autolink,
    // the HTML comment, the `title` attribute, the image's alt text, and the
    // fenced and indented code, all of which hold the phrases.
    assert_text_findings(
        &file,
        &found,
        &[
            // heading
            want(
                "fmt-cliche",
                139..151,
                (6, 29),
                (6, 41),
                "Game Changer",
                "game changer",
            ),
            // inside bold
            want(
                "fmt-puffery",
                180..191,
                (8, 28),
                (8, 39),
                "world-class",
                "world-class",
            ),
            // across a soft line break
            want(
                "fmt-cliche",
                260..272,
                (9, 30),
                (10, 8),
                "game\nchanger",
                "game changer",
            ),
            // link text (the link's URL and title hold the phrase too)
            want(
                "fmt-puffery",
                320..331,
                (12, 46),
                (12, 57),
                "world-class",
                "world-class",
            ),
            // after an entity: the whole entity is part of the span
            want(
                "fmt-unsourced",
                599..620,
                (17, 1),
                (17, 22),
                "It&rsquo;s understood",
                "it’s understood",
            ),
            want(
                "fmt-cliche",
                675..694,
                (18, 1),
                (18, 20),
                "smoke &amp; mirrors",
                "smoke & mirrors",
            ),
            // list item, across the end of bold
            want(
                "fmt-cliche",
                819..833,
                (24, 32),
                (24, 46),
                "game** changer",
                "game changer",
            ),
            // table cells
            want(
                "fmt-puffery",
                1030..1041,
                (30, 11),
                (30, 22),
                "world-class",
                "world-class",
            ),
            want(
                "fmt-cliche",
                1057..1069,
                (31, 14),
                (31, 26),
                "game changer",
                "game changer",
            ),
            // block quotation (the rule's scope is "any")
            want(
                "fmt-unsourced",
                1118..1133,
                (33, 46),
                (33, 61),
                "it's understood",
                "it's understood",
            ),
        ],
    );
}

#[test]
fn html_findings_land_on_the_words() {
    let path = fixture("formats/phrases.html");
    let file = std::fs::read(&path).unwrap();
    let (code, found, err) = check(&[path.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (1, ""));
    // Not flagged: the meta description, the `title` (there is an h1), the
    // style and script, the link's href and title, `<code>`, the bare URL,
    // the comment, the `data-note` and `title` attributes, the image's alt
    // text and the `<pre>` block.
    assert_text_findings(
        &file,
        &found,
        &[
            want(
                "fmt-cliche",
                386..398,
                (12, 29),
                (12, 41),
                "Game Changer",
                "game changer",
            ),
            want(
                "fmt-puffery",
                447..458,
                (13, 39),
                (13, 50),
                "world-class",
                "world-class",
            ),
            want(
                "fmt-cliche",
                539..556,
                (14, 50),
                (15, 13),
                "game\n     changer",
                "game changer",
            ),
            want(
                "fmt-unsourced",
                567..588,
                (16, 6),
                (16, 27),
                "It&rsquo;s understood",
                "it’s understood",
            ),
            want(
                "fmt-cliche",
                644..663,
                (17, 6),
                (17, 25),
                "smoke &amp; mirrors",
                "smoke & mirrors",
            ),
            want(
                "fmt-cliche",
                690..707,
                (17, 52),
                (17, 69),
                "game&nbsp;changer",
                "game changer",
            ),
            want(
                "fmt-cliche",
                1121..1137,
                (24, 39),
                (24, 55),
                "game</b> changer",
                "game changer",
            ),
            want(
                "fmt-puffery",
                1369..1380,
                (30, 21),
                (30, 32),
                "world-class",
                "world-class",
            ),
            want(
                "fmt-cliche",
                1404..1416,
                (31, 24),
                (31, 36),
                "game changer",
                "game changer",
            ),
            want(
                "fmt-unsourced",
                1508..1529,
                (34, 27),
                (34, 48),
                "it&#8217;s understood",
                "it’s understood",
            ),
        ],
    );
}

#[test]
fn word_findings_give_paragraph_and_extracted_text_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferry.docx");
    let bytes = word::ferry_story();
    std::fs::write(&path, &bytes).unwrap();
    let (code, found, err) = check(&[path.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (1, ""));
    // Not flagged: the tracked deletion, the field code's URL. The Quote
    // paragraph's "first-rate" is quoted (see the scope tests).
    let found: Vec<Value> = found
        .into_iter()
        .filter(|f| !string(f, "rule").starts_with("fmt-first-rate"))
        .collect();
    assert_word_findings(&bytes, &found, &FERRY_DOCX);
}

#[test]
fn word_human_output_names_the_paragraph_and_shows_the_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferry.docx");
    std::fs::write(&path, word::ferry_story()).unwrap();
    let (code, out, err) = run(newslint()
        .args(["check", "--color", "never", "--select", "fmt-unsourced"])
        .args(RULES)
        .arg(&path));
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    // The extracted paragraph is shown, the words underlined, the paragraph named.
    assert!(
        out.contains("note[fmt-unsourced]: “it’s understood”: understood by whom?"),
        "{out}"
    );
    assert!(out.contains("ferry.docx:7:44"), "{out}");
    assert!(
        out.contains(
            "7 │ Timetables are on the operator’s site, and it’s understood fares will hold."
        ),
        "{out}"
    );
    assert!(out.contains("^^^^^^^^^^^^^^^ sourcing"), "{out}");
    assert!(out.contains("= in paragraph 4"), "{out}");
    assert!(!out.contains("HYPERLINK"), "{out}");
}

#[test]
fn word_findings_in_json_say_their_offsets_are_extracted_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferry.docx");
    std::fs::write(&path, word::ferry_story()).unwrap();
    let md = fixture("formats/phrases.md");
    let (_, out, _) = run(newslint()
        .args(["check", "--format", "json", "--select", "fmt-puffery"])
        .args(RULES)
        .arg(&path)
        .arg(&md));
    let doc: Value = serde_json::from_str(&out).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    let docx: Vec<&Value> = findings
        .iter()
        .filter(|f| string(f, "path").ends_with(".docx"))
        .collect();
    let text: Vec<&Value> = findings
        .iter()
        .filter(|f| string(f, "path").ends_with(".md"))
        .collect();
    assert_eq!(docx.len(), 2);
    assert_eq!(text.len(), 3);
    for f in docx {
        assert_eq!(f["offsets"], "extracted-text", "{f}");
        assert!(num(f, "paragraph") >= 1, "{f}");
    }
    for f in text {
        assert!(
            f.get("offsets").is_none() && f.get("paragraph").is_none(),
            "{f}"
        );
    }
}

// ---------------------------------------------------------------------------
// 2. Scope: block quotations are quotation

/// (rule, line) of each finding.
fn rule_lines(found: &[Value]) -> Vec<(String, usize)> {
    found
        .iter()
        .map(|f| (string(f, "rule").to_owned(), num(f, "line")))
        .collect()
}

#[test]
fn markdown_block_quotation_is_quotation_scope() {
    let path = fixture("formats/quotes.md");
    let file = std::fs::read_to_string(&path).unwrap();
    let (_, found, _) = check(&[path.to_str().unwrap()]);
    for f in &found {
        assert_eq!(&file[num(f, "start")..num(f, "end")], "first-rate", "{f}");
    }
    assert_eq!(
        rule_lines(&found),
        [
            ("fmt-first-rate".to_owned(), 3),        // narration
            ("fmt-first-rate-quoted".to_owned(), 5), // `>` block quotation
            ("fmt-first-rate-quoted".to_owned(), 7), // “…” quotation marks
        ]
    );
}

#[test]
fn html_blockquote_is_quotation_scope() {
    let path = fixture("formats/quotes.html");
    let file = std::fs::read_to_string(&path).unwrap();
    let (_, found, _) = check(&[path.to_str().unwrap()]);
    for f in &found {
        assert_eq!(&file[num(f, "start")..num(f, "end")], "first-rate", "{f}");
    }
    let lines = rule_lines(&found);
    assert!(
        lines.contains(&("fmt-first-rate".to_owned(), 2)),
        "narration: {lines:?}"
    );
    assert!(
        lines.contains(&("fmt-first-rate-quoted".to_owned(), 4)),
        "<blockquote>: {lines:?}"
    );
    assert!(
        !lines.contains(&("fmt-first-rate".to_owned(), 4)),
        "<blockquote> is not narration: {lines:?}"
    );
    assert!(
        lines.contains(&("fmt-first-rate-quoted".to_owned(), 7)),
        "&ldquo;…&rdquo;: {lines:?}"
    );
    assert!(
        !lines.contains(&("fmt-first-rate".to_owned(), 7)),
        "&ldquo;…&rdquo; is not narration: {lines:?}"
    );
}

// The words of HTML `<q>` elements carry no quotation marks in the extracted
// text; the model reads `prose.quote_ranges` so they are quotation scope too.
#[test]
fn html_q_element_is_quotation_scope() {
    let path = fixture("formats/quotes.html");
    let (_, found, _) = check(&[path.to_str().unwrap()]);
    let lines = rule_lines(&found);
    assert!(
        lines.contains(&("fmt-first-rate-quoted".to_owned(), 6)),
        "<q>: {lines:?}"
    );
    assert!(
        !lines.contains(&("fmt-first-rate".to_owned(), 6)),
        "<q> is not narration: {lines:?}"
    );
}

#[test]
fn word_quote_style_is_quotation_scope() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferry.docx");
    std::fs::write(&path, word::ferry_story()).unwrap();
    let (_, found, _) = check(&[
        "--select",
        "fmt-first-rate",
        "--select",
        "fmt-first-rate-quoted",
        path.to_str().unwrap(),
    ]);
    let got: Vec<(&str, usize, &str)> = found
        .iter()
        .map(|f| (string(f, "rule"), num(f, "paragraph"), string(f, "text")))
        .collect();
    assert_eq!(got, [("fmt-first-rate-quoted", 5, "first-rate")]);
}

// ---------------------------------------------------------------------------
// 4. --input-format and standard input

const STDIN_MD: &str = "Use `world-class` sparingly: the ferry is world-class.\n";

#[test]
fn stdin_typed_by_input_format() {
    let (code, found, err) = run_stdin(&["--input-format", "md", "-"], STDIN_MD.as_bytes());
    assert_eq!((code, err.as_str()), (1, ""));
    let spans: Vec<(&str, usize, usize, usize)> = found
        .iter()
        .map(|f| {
            (
                string(f, "path"),
                num(f, "start"),
                num(f, "end"),
                num(f, "column"),
            )
        })
        .collect();
    assert_eq!(spans, [("<stdin>", 42, 53, 43)]);
    assert_eq!(&STDIN_MD[42..53], "world-class");

    let html = "<p title=\"world-class\">It&rsquo;s understood the ferry is <code>world-class</code> and world-class.</p>\n";
    let (_, found, _) = run_stdin(&["--input-format", "html", "-"], html.as_bytes());
    let spans: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (string(f, "rule"), &html[num(f, "start")..num(f, "end")]))
        .collect();
    assert_eq!(
        spans,
        [
            ("fmt-unsourced", "It&rsquo;s understood"),
            ("fmt-puffery", "world-class")
        ]
    );
    assert_eq!(num(&found[1], "start"), html.rfind("world-class").unwrap());
}

#[test]
fn stdin_filename_alone_types_stdin() {
    let (_, found, _) = run_stdin(
        &["--stdin-filename", "drafts/ferry.md", "-"],
        STDIN_MD.as_bytes(),
    );
    let spans: Vec<(&str, usize)> = found
        .iter()
        .map(|f| (string(f, "path"), num(f, "start")))
        .collect();
    assert_eq!(spans, [("drafts/ferry.md", 42)]);
    // --input-format wins over the name: read as text, the code span is prose.
    let (_, found, _) = run_stdin(
        &[
            "--stdin-filename",
            "drafts/ferry.md",
            "--input-format",
            "txt",
            "-",
        ],
        STDIN_MD.as_bytes(),
    );
    let starts: Vec<usize> = found.iter().map(|f| num(f, "start")).collect();
    assert_eq!(starts, [5, 42]);
    // No name and no format: plain text.
    let (_, found, _) = run_stdin(&["-"], STDIN_MD.as_bytes());
    assert_eq!(found.len(), 2);
}

#[test]
fn stdin_word_document() {
    let bytes = word::ferry_story();
    for args in [
        &["--stdin-filename", "ferry.docx", "-"][..],
        &["--input-format", "docx", "-"],
    ] {
        let (code, found, err) = run_stdin(args, &bytes);
        assert_eq!((code, err.as_str()), (1, ""), "{args:?}");
        let found: Vec<Value> = found
            .into_iter()
            .filter(|f| !string(f, "rule").starts_with("fmt-first-rate"))
            .collect();
        assert_word_findings(&bytes, &found, &FERRY_DOCX);
    }
}

fn run_stdin(args: &[&str], input: &[u8]) -> (i32, Vec<Value>, String) {
    let (code, out, err) = run(newslint()
        .args(["check", "--format", "jsonl"])
        .args(RULES)
        .args(args)
        .write_stdin(input.to_vec()));
    (code, jsonl(&out), err)
}

#[test]
fn input_format_overrides_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let html =
        "<p class=\"world-class\">The ferry is <b>world-class</b>.<!-- world-class --></p>\n";
    std::fs::write(&path, html).unwrap();
    // As text, every occurrence counts.
    let (_, found, _) = check(&[path.to_str().unwrap()]);
    assert_eq!(found.len(), 3);
    // As HTML, only the words a reader sees.
    let (_, found, _) = check(&["--input-format", "html", path.to_str().unwrap()]);
    let spans: Vec<(usize, usize, usize)> = found
        .iter()
        .map(|f| (num(f, "start"), num(f, "end"), num(f, "column")))
        .collect();
    assert_eq!(spans, [(39, 50, 40)]);
    assert_eq!(&html[39..50], "world-class");
    // A Markdown file read as text: front matter and code count too.
    let md = fixture("formats/phrases.md");
    let (_, as_md, _) = check(&[md.to_str().unwrap()]);
    let (_, as_txt, _) = check(&["--input-format", "txt", md.to_str().unwrap()]);
    assert!(
        as_txt.len() > as_md.len() + 5,
        "{} vs {}",
        as_txt.len(),
        as_md.len()
    );
    assert_eq!(
        num(&as_txt[0], "start"),
        12,
        "the front matter's title is text now"
    );
}

// ---------------------------------------------------------------------------
// 5. A folder of mixed drafts

#[test]
fn mixed_folder_every_finding_on_the_right_words() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |name: &str, bytes: &[u8]| {
        let p = root.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    };
    write(
        "a-brief.txt",
        "Notes for the desk: <b>world-class</b> is raw text here.\n".as_bytes(),
    );
    write(
        "b-story.md",
        "---\ntitle: world-class\n---\n# Ferry Wins Praise\n\nA `world-class` flag, and a **world-class** crew.\n".as_bytes(),
    );
    write(
        "c-page.html",
        "<title>world-class</title><h1>Ferry</h1>\n<p data-x=\"world-class\">Critics call it a game\n  changer.</p>\n"
            .as_bytes(),
    );
    write(
        "d-draft.docx",
        &word::docx(&word::para(
            "",
            &word::r("A world-class crew, it&#8217;s understood."),
        )),
    );
    write("e-tool.rs", "// world-class\n".as_bytes());
    write("f-desk/late.HTM", "<p>smoke &amp; mirrors</p>".as_bytes());
    write("f-desk/wire.markdown", "> it’s understood\n".as_bytes());
    write(".hidden.md", "world-class\n".as_bytes());

    let (code, found, err) = check(&[root.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (1, ""));
    let got: Vec<(String, &str, &str)> = found
        .iter()
        .map(|f| {
            let p = Path::new(string(f, "path"));
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, string(f, "rule"), string(f, "text"))
        })
        .collect();
    let got: Vec<(&str, &str, &str)> = got.iter().map(|(p, r, t)| (p.as_str(), *r, *t)).collect();
    assert_eq!(
        got,
        [
            ("a-brief.txt", "fmt-puffery", "world-class"),
            ("b-story.md", "fmt-puffery", "world-class"),
            ("c-page.html", "fmt-cliche", "game\n  changer"),
            ("d-draft.docx", "fmt-puffery", "world-class"),
            ("d-draft.docx", "fmt-unsourced", "it\u{2019}s understood"),
            ("f-desk/late.HTM", "fmt-cliche", "smoke &amp; mirrors"),
            ("f-desk/wire.markdown", "fmt-unsourced", "it’s understood"),
        ]
    );
    // Each text-format finding indexes its own file to exactly those words.
    for f in &found {
        let path = Path::new(string(f, "path"));
        let (s, e) = (num(f, "start"), num(f, "end"));
        if path.extension().is_some_and(|x| x == "docx") {
            assert_eq!(f["offsets"], "extracted-text");
            assert_eq!(num(f, "paragraph"), 1);
            continue;
        }
        let file = std::fs::read_to_string(path).unwrap();
        assert_eq!(&file[s..e], string(f, "text"), "{f}");
        assert_eq!(
            position(&file, s),
            (num(f, "line"), num(f, "column")),
            "{f}"
        );
    }
    let starts: Vec<usize> = found.iter().map(|f| num(f, "start")).collect();
    assert_eq!(starts, [23, 78, 83, 2, 20, 3, 2]);
}

// ---------------------------------------------------------------------------
// 6. Malformed input

#[test]
fn malformed_markdown_and_html_are_read_not_refused() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("unclosed.md");
    let md_text = "The ferry is world-class.\n\n```text\nworld-class in a fence never closed\n\nstill code: game changer\n";
    std::fs::write(&md, md_text).unwrap();
    let html = dir.path().join("broken.html");
    let html_text = "<p>The ferry is world-class</b></i> and <span>a game\nchanger<div>smoke &amp mirrors <p\n<img alt=\"world-class";
    std::fs::write(&html, html_text).unwrap();
    let (code, found, err) = check(&[md.to_str().unwrap(), html.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (1, ""));
    let got: Vec<(String, &str)> = found
        .iter()
        .map(|f| {
            let name = Path::new(string(f, "path"))
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, string(f, "text"))
        })
        .collect();
    let got: Vec<(&str, &str)> = got.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    assert_eq!(
        got,
        [
            ("broken.html", "world-class"),
            ("broken.html", "game\nchanger"),
            ("broken.html", "smoke &amp mirrors"),
            ("unclosed.md", "world-class"),
        ]
    );
    let starts: Vec<usize> = found.iter().map(|f| num(f, "start")).collect();
    assert_eq!(starts, [16, 48, 65, 13]);
}

#[test]
fn damaged_word_files_are_named_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let good = word::ferry_story();
    std::fs::write(dir.path().join("good.docx"), &good).unwrap();
    std::fs::write(dir.path().join("truncated.docx"), &good[..good.len() / 2]).unwrap();
    std::fs::write(
        dir.path().join("notzip.docx"),
        "The ferry is world-class.\n",
    )
    .unwrap();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    std::fs::write(dir.path().join("legacy.docx"), &ole).unwrap();
    std::fs::write(dir.path().join("story.md"), "A world-class crew.\n").unwrap();

    // Walked from the folder, and named one by one.
    let named: Vec<String> = [
        "good.docx",
        "legacy.docx",
        "notzip.docx",
        "story.md",
        "truncated.docx",
    ]
    .iter()
    .map(|n| dir.path().join(n).to_string_lossy().into_owned())
    .collect();
    let mut named: Vec<&str> = named.iter().map(String::as_str).collect();
    let root = dir.path().to_string_lossy().into_owned();
    for args in [vec![root.as_str()], std::mem::take(&mut named)] {
        let (code, found, err) = check(&args);
        assert_eq!(code, 2, "{err}");
        let errors: Vec<&str> = err.lines().collect();
        assert_eq!(errors.len(), 3, "{err}");
        assert!(
            errors[0].contains("legacy.docx: not a .docx Word document: this is an OLE file"),
            "{err}"
        );
        assert!(
            errors[1].contains("notzip.docx: not a Word document: the file is not a zip archive"),
            "{err}"
        );
        assert!(
            errors[2].contains("truncated.docx: damaged Word document:"),
            "{err}"
        );
        assert!(errors[2].contains("the file may be truncated"), "{err}");
        assert!(
            errors.iter().all(|e| e.starts_with("newslint: error: ")),
            "{err}"
        );
        // The good files are still checked and reported.
        let paths: Vec<String> = found
            .iter()
            .map(|f| {
                Path::new(string(f, "path"))
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            paths.iter().filter(|p| *p == "good.docx").count(),
            7,
            "{paths:?}"
        );
        assert_eq!(
            paths.iter().filter(|p| *p == "story.md").count(),
            1,
            "{paths:?}"
        );
        assert_eq!(paths.len(), 8, "{paths:?}");
    }
}

#[test]
fn word_file_cut_anywhere_is_an_error_never_a_panic() {
    let good = word::ferry_story();
    let dir = tempfile::tempdir().unwrap();
    let mut args = Vec::new();
    for cut in [
        0,
        2,
        4,
        30,
        100,
        good.len() / 3,
        good.len() - 22,
        good.len() - 1,
    ] {
        let p = dir.path().join(format!("cut-{cut:05}.docx"));
        std::fs::write(&p, &good[..cut]).unwrap();
        args.push(p.to_string_lossy().into_owned());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, found, err) = check(&args);
    assert_eq!(code, 2, "{err}");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(err.lines().count(), args.len(), "{err}");
    for (line, path) in err.lines().zip(&args) {
        assert!(
            line.starts_with(&format!("newslint: error: {path}: ")),
            "{line}"
        );
    }
}

// ---------------------------------------------------------------------------
// 7. Generated documents, linted through the library

/// The phrases generated documents may hold, as the reader sees them.
const PHRASES: [&str; 5] = [
    "world-class",
    "game changer",
    "game changers",
    "smoke & mirrors",
    "it's understood",
];

/// Words that are no part of any phrase.
const FILLER: [&str; 12] = [
    "ferry",
    "harbour",
    "crossed",
    "caf\u{e9}",
    "Zo\u{eb}",
    "\u{6771}\u{4eac}",
    "tide,",
    "crew",
    "14,200",
    "pier.",
    "na\u{ef}ve",
    "smile\u{1f642}",
];

/// A generated document: its source, where each phrase a reader sees lies,
/// and what no finding may touch.
struct Gen {
    src: String,
    rng: u64,
    /// Line break written for `\n`.
    nl: &'static str,
    /// Source range and reader's phrase of every occurrence that must be flagged.
    phrases: Vec<(Range<usize>, &'static str)>,
    /// Code, tags with attributes, URLs, comments, front matter.
    hidden: Vec<Range<usize>>,
}

impl Gen {
    fn new(seed: u64) -> Self {
        let mut g = Gen {
            src: String::new(),
            rng: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            nl: "\n",
            phrases: Vec::new(),
            hidden: Vec::new(),
        };
        if g.roll(4) == 0 {
            g.nl = "\r\n";
        }
        if g.roll(6) == 0 {
            g.src.push('\u{feff}');
        }
        g
    }

    /// xorshift64*: deterministic, no dependency.
    fn roll(&mut self, n: usize) -> usize {
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        (self.rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.roll(items.len())]
    }

    fn push(&mut self, s: &str) -> Range<usize> {
        let start = self.src.len();
        self.src.push_str(&s.replace('\n', self.nl));
        start..self.src.len()
    }

    /// Markup a reader does not see but that may sit inside a phrase's span.
    fn raw(&mut self, s: &str) {
        self.push(s);
    }

    /// Material no finding may touch.
    fn hidden(&mut self, s: &str) {
        let r = self.push(s);
        self.hidden.push(r);
    }

    /// A phrase occurrence: `src` starts with its first word and ends with its last.
    fn phrase(&mut self, src: &str, seen: &'static str) {
        let r = self.push(src);
        self.phrases.push((r, seen));
    }

    fn filler(&mut self) {
        let w = self.pick(&FILLER);
        self.push(w);
    }
}

/// A phrase as Markdown writes it; `brk` is a soft line break in this block
/// ("" where there can be none).
fn md_phrase(g: &mut Gen, brk: &str) {
    match g.roll(16) {
        0 => g.phrase("World-Class", "world-class"),
        1 => {
            g.raw("**");
            g.phrase("world-class", "world-class");
            g.raw("**");
        }
        2 => {
            g.raw("[");
            g.phrase("world-class", "world-class");
            g.hidden("](https://zq.example/world-class \"a game changer\")");
        }
        3 if !brk.is_empty() => g.phrase(&format!("game{brk}changer"), "game changer"),
        4 => g.phrase("game&nbsp;changer", "game changer"),
        5 => {
            g.raw("**");
            g.phrase("game** changers", "game changers");
        }
        6 => {
            g.raw("_");
            g.phrase("game_ changer", "game changer");
        }
        7 => g.phrase("smoke &amp; mirrors", "smoke & mirrors"),
        8 => g.phrase("smoke &#38; mirrors", "smoke & mirrors"),
        9 => g.phrase("smoke & mirrors", "smoke & mirrors"),
        10 => g.phrase("it&rsquo;s understood", "it's understood"),
        11 => g.phrase("It\u{2019}s understood", "it's understood"),
        12 => g.phrase("it\\'s understood", "it's understood"),
        13 => g.phrase("it's understood", "it's understood"),
        _ => g.phrase("game changer", "game changer"),
    }
}

/// Inline material that holds the phrases but is no prose.
fn md_hidden_inline(g: &mut Gen) {
    match g.roll(8) {
        0 => g.hidden("`world-class`"),
        1 => g.hidden("`` it's understood ``"),
        2 => g.hidden("<https://zq.example/world-class>"),
        3 => g.hidden("https://zq.example/game-changer/world-class"),
        4 => g.hidden("www.world-class.example/it"),
        5 => {
            g.hidden("<span title=\"game changer\">");
            g.filler();
            g.raw("</span>");
        }
        6 => g.hidden("<!-- world-class -->"),
        _ => g.hidden("![world-class view](zq.png)"),
    }
}

/// A run of inline Markdown: filler, phrases and hidden material. A line
/// always opens with a filler word, so no line starts a block by accident.
fn md_inline(g: &mut Gen, brk: &str) {
    g.filler();
    for _ in 0..1 + g.roll(7) {
        if !brk.is_empty() && g.roll(6) == 0 {
            g.raw(brk);
            g.filler();
        }
        let gap = g.pick(&[" ", " ", " ", "&nbsp;"]);
        g.raw(gap);
        match g.roll(3) {
            0 => md_phrase(g, brk),
            1 => md_hidden_inline(g),
            _ => g.filler(),
        }
    }
}

fn markdown_doc(seed: u64) -> Gen {
    let mut g = Gen::new(seed);
    match g.roll(3) {
        0 => {
            g.hidden("---\ntitle: \"A world-class game changer\"\nsummary: it's understood\n---\n")
        }
        1 => g.hidden("+++\ntitle = \"smoke & mirrors\"\n+++\n"),
        _ => {}
    }
    let mut after_list = false;
    for _ in 0..1 + g.roll(6) {
        g.raw("\n");
        let kind = g.roll(12);
        match kind {
            0 => {
                let level = g.pick(&["# ", "## ", "### "]);
                g.raw(level);
                md_inline(&mut g, "");
            }
            1 => {
                for _ in 0..1 + g.roll(3) {
                    let marker = g.pick(&["- ", "* ", "1. "]);
                    g.raw(marker);
                    md_inline(&mut g, "\n   ");
                    g.raw("\n");
                }
            }
            2 => {
                g.raw("> ");
                md_inline(&mut g, "\n> ");
            }
            3 => {
                g.raw("| ");
                g.filler();
                g.raw(" | ");
                md_phrase(&mut g, "");
                g.raw(" |\n|---|:--:|\n| ");
                md_inline(&mut g, "");
                g.raw(" | ");
                g.filler();
                g.raw(" |\n");
            }
            4 => g.hidden("```text\nworld-class game changer\n`smoke & mirrors`\n```"),
            5 if !after_list => g.hidden("    it's understood: world-class"),
            6 => {
                // an HTML block: read as HTML
                g.hidden("<div class=\"world-class\">\n");
                g.filler();
                g.raw(" ");
                html_phrase(&mut g, "\n");
                g.raw(" ");
                g.filler();
                g.hidden("\n<!-- game changer --></div>");
            }
            7 => g.hidden("<!-- world-class\n\ngame changer -->"),
            8 => {
                // an HTML block in a block quotation: `> ` opens each of its lines
                g.hidden("> <div class=\"world-class\">\n> ");
                g.filler();
                g.raw(" ");
                html_phrase(&mut g, "\n> ");
                g.raw(" ");
                g.filler();
                g.hidden("\n> <!-- game\n> changer --></div>");
            }
            _ => md_inline(&mut g, "\n"),
        }
        after_list = kind == 1;
        g.raw("\n");
    }
    g
}

/// A phrase as HTML writes it; `brk` is white space with a line break.
fn html_phrase(g: &mut Gen, brk: &str) {
    match g.roll(17) {
        0 => g.phrase("World-Class", "world-class"),
        1 => {
            g.raw("<b>");
            g.phrase("world-class", "world-class");
            g.raw("</b>");
        }
        2 => {
            g.hidden("<a href=\"https://zq.example/world-class\" title=\"game changer\">");
            g.phrase("world-class", "world-class");
            g.raw("</a>");
        }
        3 => g.phrase(&format!("game{brk}changer"), "game changer"),
        4 => g.phrase("game&nbsp;changer", "game changer"),
        5 => {
            g.raw("<b>");
            g.phrase("game</b> changers", "game changers");
        }
        6 => {
            g.phrase("game <i>changer", "game changer");
            g.raw("</i>");
        }
        7 => g.phrase("smoke &amp; mirrors", "smoke & mirrors"),
        8 => g.phrase("smoke &amp mirrors", "smoke & mirrors"),
        9 => g.phrase("smoke &#x26; mirrors", "smoke & mirrors"),
        10 => g.phrase("it&rsquo;s understood", "it's understood"),
        11 => g.phrase("it&#8217;s understood", "it's understood"),
        12 => g.phrase("It&#x2019;s understood", "it's understood"),
        13 => g.phrase("it&apos;s understood", "it's understood"),
        14 => g.phrase("it's understood", "it's understood"),
        _ => g.phrase("game changer", "game changer"),
    }
}

fn html_hidden_inline(g: &mut Gen) {
    match g.roll(8) {
        0 => g.hidden("<code>world-class</code>"),
        1 => g.hidden("<kbd>game changer</kbd>"),
        2 => g.hidden("<img src=\"zq.png\" alt=\"world-class\">"),
        3 => g.hidden("<!-- it's understood -->"),
        4 => g.hidden("https://zq.example/world-class"),
        5 => {
            g.hidden("<span data-note=\"smoke &amp; mirrors\">");
            g.filler();
            g.raw("</span>");
        }
        6 => g.hidden("<script>var s = \"world-class\";</script>"),
        _ => g.hidden("<textarea>game changer</textarea>"),
    }
}

fn html_inline(g: &mut Gen) {
    g.filler();
    for _ in 0..1 + g.roll(7) {
        let gap = g.pick(&[" ", " ", " ", "\n    ", "&nbsp;"]);
        g.raw(gap);
        match g.roll(3) {
            0 => html_phrase(g, "\n      "),
            1 => html_hidden_inline(g),
            _ => g.filler(),
        }
    }
}

fn html_doc(seed: u64) -> Gen {
    let mut g = Gen::new(seed);
    let has_h1 = g.roll(2) == 0;
    if g.roll(2) == 0 {
        g.hidden("<!DOCTYPE html>\n<html><head><meta name=\"description\" content=\"world-class\"><title>");
        if has_h1 {
            // with an h1, the title is not the story's headline
            g.hidden("A world-class game changer");
        } else {
            // the headline; a title holds text only, no tags
            g.filler();
            g.raw(" ");
            let (src, seen) = g.pick(&[
                ("World-Class", "world-class"),
                ("game&nbsp;changer", "game changer"),
                ("smoke &amp; mirrors", "smoke & mirrors"),
                ("it&rsquo;s understood", "it's understood"),
            ]);
            g.phrase(src, seen);
        }
        g.hidden("</title>\n<style>.world-class { color: red }</style></head>\n<body>\n");
    }
    let blocks = 1 + g.roll(6);
    let h1_at = if has_h1 { g.roll(blocks) } else { usize::MAX };
    for i in 0..blocks {
        if i == h1_at {
            g.raw("<h1>");
            html_inline(&mut g);
            g.raw("</h1>\n");
            continue;
        }
        match g.roll(9) {
            0 => {
                g.hidden("<h2 id=\"world-class\">");
                html_inline(&mut g);
                g.raw("</h2>");
            }
            1 => {
                g.raw("<ul>");
                for _ in 0..1 + g.roll(3) {
                    g.raw("\n  <li>");
                    html_inline(&mut g);
                }
                g.raw("\n</ul>");
            }
            2 => {
                g.raw("<blockquote><p>");
                html_inline(&mut g);
                g.raw("</p></blockquote>");
            }
            3 => {
                g.raw("<table><tr><td>");
                html_phrase(&mut g, " ");
                g.raw("<td>");
                html_inline(&mut g);
                g.raw("</table>");
            }
            4 => g.hidden("<pre>world-class\n  game changer</pre>"),
            5 => g.hidden("<!-- smoke & mirrors <p>it's understood</p> -->"),
            _ => {
                let open = g.pick(&["<p>", "<div>", "<section><p>", "<P class=\"world-class\">"]);
                if open.contains("class") {
                    g.hidden(open);
                } else {
                    g.raw(open);
                }
                html_inline(&mut g);
                if g.roll(3) > 0 {
                    g.raw("</p>");
                }
            }
        }
        g.raw("\n");
    }
    g
}

/// Lints a generated document through the library and checks every finding
/// against what was generated.
fn check_generated(
    pack: &newslint::rules::Pack,
    g: &Gen,
    format: newslint::extract::InputFormat,
    name: &str,
) -> usize {
    let doc = newslint::input::from_bytes(name.to_owned(), g.src.clone().into_bytes(), format)
        .unwrap_or_else(|e| panic!("{e}"));
    let report = newslint::check_doc(pack, doc, false);
    let src = g.src.as_str();
    let ctx = || format!("{name}, source:\n{src}");
    let mut found = Vec::new();
    for f in &report.findings {
        let r = f.finding.range.clone();
        let slice = src.get(r.clone()).unwrap_or_else(|| {
            panic!("finding at {r:?} is not on character boundaries; {}", ctx())
        });
        assert_eq!(f.text, slice, "{}", ctx());
        for h in &g.hidden {
            assert!(
                r.end <= h.start || h.end <= r.start,
                "finding {slice:?} at {r:?} touches hidden {:?}; {}",
                &src[h.clone()],
                ctx()
            );
        }
        let seen = reader_text(slice);
        assert!(
            PHRASES.contains(&seen.as_str()),
            "finding reads {seen:?} (source {slice:?}); {}",
            ctx()
        );
        assert_eq!(position(src, r.start), (f.line, f.column), "{}", ctx());
        assert_eq!(
            position(src, r.end),
            (f.end_line, f.end_column),
            "{}",
            ctx()
        );
        found.push((r, seen));
    }
    let expected: Vec<(Range<usize>, String)> = g
        .phrases
        .iter()
        .map(|(r, p)| (r.clone(), p.to_string()))
        .collect();
    assert_eq!(
        found,
        expected,
        "findings differ from the phrases written; {}",
        ctx()
    );
    found.len()
}

fn format_pack() -> newslint::rules::Pack {
    let mut loader = newslint::rules::PackLoader::new();
    loader
        .add_path(&fixture("formats/rules.toml"))
        .unwrap_or_else(|e| panic!("{e}"));
    loader.load().unwrap_or_else(|e| panic!("{e}"))
}

/// Lints 400 generated documents of one format; every finding is checked by
/// `check_generated`, and the documents must not be trivially empty.
fn run_generated(make: fn(u64) -> Gen, format: newslint::extract::InputFormat, ext: &str) {
    let pack = format_pack();
    let (mut findings, mut hidden) = (0, 0);
    for seed in 0..400 {
        let g = make(seed);
        findings += check_generated(&pack, &g, format, &format!("gen-{seed}.{ext}"));
        hidden += g.hidden.len();
    }
    assert!(
        findings > 1000 && hidden > 1000,
        "{findings} findings, {hidden} hidden regions"
    );
}

#[test]
fn generated_markdown_findings_land_on_the_phrases() {
    run_generated(markdown_doc, newslint::extract::InputFormat::Markdown, "md");
}

#[test]
fn generated_html_findings_land_on_the_phrases() {
    run_generated(html_doc, newslint::extract::InputFormat::Html, "html");
}
