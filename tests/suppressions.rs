//! Inline suppressions end to end: every form in Markdown, HTML and plain
//! text, reports of unused and unknown ones, reasons required, the audit
//! listing, and SARIF's `suppressions` valid against the 2.1.0 schema.

use serde_json::Value;

use crate::common::{jsonl, newslint, run};
use crate::config::{HEDGE, HEDGE2, HEDGE3, LOADED, LOADED2, LOADED3, check_in, desk, triples};

fn rules(found: &[Value]) -> Vec<String> {
    triples(found).into_iter().map(|(_, r, _)| r).collect()
}

#[test]
fn markdown_comments_disable_enable_and_next_line() {
    let d = desk(&[(
        "a.md",
        &format!(
            "<!-- newslint-disable-next-line hedge-allegation -- two officials confirmed -->\n\
             {HEDGE}\n\n{HEDGE2}\n\n\
             <!-- newslint-disable loaded-language, hedging -- quoting the ruling's wording -->\n\
             {LOADED}\n\n{HEDGE3}\n\n<!-- newslint-enable -->\n\n{LOADED2}\n"
        ),
    )]);
    let (_, found, _) = check_in(d.path(), &[]);
    let lines: Vec<(String, u64)> = found
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().into(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [("hedge-allegation".into(), 4), ("loaded-verb".into(), 13)]
    );
    // Suppressions are part of the copy: --isolated keeps them.
    let (_, isolated, _) = check_in(d.path(), &["--isolated"]);
    assert_eq!(isolated, found);
}

#[test]
fn html_comments_work_inside_markup() {
    let d = desk(&[(
        "a.html",
        &format!(
            "<html><body>\n<!-- newslint-disable-next-line hedging -- per legal -->\n\
             <p>{HEDGE}</p>\n<p>{LOADED}</p>\n\
             <!-- newslint-disable loaded-verb -- the court's own words -->\n\
             <p>{LOADED2}</p>\n<!-- newslint-enable loaded-verb -->\n</body></html>\n"
        ),
    )]);
    let (_, found, _) = check_in(d.path(), &[]);
    assert_eq!(rules(&found), ["loaded-verb"]);
    assert_eq!(found[0]["line"], 4);
}

#[test]
fn plain_text_uses_bracketed_lines_which_never_fire_themselves() {
    let d = desk(&[(
        "wire.txt",
        &format!(
            "[newslint-disable-next-line hedge-allegation -- the senator slammed it, says legal]\n\
             {HEDGE}\n\n\
             [newslint-disable loaded-language -- quoted statement]\n\
             {LOADED}\n\
             [newslint-enable]\n\n{LOADED2}\n"
        ),
    )]);
    let (_, found, err) = check_in(d.path(), &[]);
    assert_eq!(rules(&found), ["loaded-verb"], "{err}");
    assert_eq!(found[0]["line"], 8);
}

#[test]
fn unused_and_unknown_suppressions_are_findings_in_every_format() {
    let d = desk(&[(
        "a.md",
        "<!-- newslint-disable-next-line peacock-term, no-such-rule -- old -->\n\
         The council met on Tuesday.\n\n<!-- newslint-disabel hedging -->\n",
    )]);
    let (code, found, _) = check_in(d.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(
        rules(&found),
        [
            "invalid-suppression",
            "unused-suppression",
            "invalid-suppression"
        ]
    );
    assert_eq!(found[0]["category"], "suppression");
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("no-such-rule")
    );
    assert!(
        found[1]["message"]
            .as_str()
            .unwrap()
            .contains("peacock-term")
    );
    assert!(
        found[2]["message"]
            .as_str()
            .unwrap()
            .contains("newslint-disabel")
    );
    // They are rules like any other: a config can ignore them.
    std::fs::write(
        d.path().join("newslint.toml"),
        "ignore = [\"unused-suppression\"]\n",
    )
    .unwrap();
    let (_, found, _) = check_in(d.path(), &[]);
    assert_eq!(
        rules(&found),
        ["invalid-suppression", "invalid-suppression"]
    );
    // And the concise format shows them.
    let (_, out, _) = run(newslint()
        .current_dir(d.path())
        .args(["check", "--format", "concise"]));
    assert!(
        out.contains("a.md:1:1: warning[invalid-suppression]"),
        "{out}"
    );
}

#[test]
fn require_reasons_turns_a_reasonless_suppression_into_an_error() {
    let d = desk(&[
        (
            "newslint.toml",
            "require-reasons = true\nfail-on = \"error\"\n",
        ),
        (
            "a.txt",
            &format!("[newslint-disable-next-line hedging]\n{HEDGE}\n"),
        ),
    ]);
    let (code, found, _) = check_in(d.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(triples(&found)[0].1, "suppression-without-reason");
    assert_eq!(triples(&found)[0].2, "error");
    assert_eq!(found.len(), 1);
}

#[test]
fn report_suppressions_lists_each_with_its_reason_and_what_it_silenced() {
    let d = desk(&[(
        "a.md",
        &format!(
            "<!-- newslint-disable hedging -- confirmed by the clerk's office -->\n\
             {HEDGE}\n\n<!-- newslint-enable -->\n\
             <!-- newslint-disable-next-line loaded-verb -->\nThe council met.\n"
        ),
    )]);
    let (_, out, _) = run(newslint().current_dir(d.path()).args([
        "check",
        "--format",
        "concise",
        "--report-suppressions",
    ]));
    insta::assert_snapshot!(out);
    // Machine formats keep standard output parseable: the listing goes to stderr.
    let (_, out, err) = run(newslint().current_dir(d.path()).args([
        "check",
        "--format",
        "jsonl",
        "--report-suppressions",
    ]));
    assert_eq!(jsonl(&out).len(), 1);
    assert!(
        err.contains("confirmed by the clerk's office: silenced 1 finding"),
        "{err}"
    );
}

#[test]
fn sarif_carries_suppressions_and_stays_valid() {
    let d = desk(&[
        (
            "a.md",
            &format!(
                "<!-- newslint-disable-next-line hedging -- two officials confirmed -->\n\
                 {HEDGE}\n\n<!-- newslint-disable-next-line loaded-verb -->\n{LOADED}\n\n{LOADED3}\n"
            ),
        ),
        ("newslint.toml", "[severity]\nloaded-verb = \"error\"\n"),
    ]);
    let (_, out, _) = run(newslint()
        .current_dir(d.path())
        .args(["check", "--format", "sarif"]));
    let log: Value = serde_json::from_str(&out).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/sarif-2.1.0.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does look at suppressions: a kind SARIF lacks fails it.
    let mut broken = log.clone();
    broken["runs"][0]["results"][1]["suppressions"][0]["kind"] = "inComment".into();
    assert!(!validator.is_valid(&broken));
    let results = log["runs"][0]["results"].as_array().unwrap();
    let summary: Vec<(String, String, Value)> = results
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().into(),
                r["level"].as_str().unwrap().into(),
                r["suppressions"].clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("loaded-verb".into(), "error".into(), Value::Null),
            (
                "hedge-allegation".into(),
                "warning".into(),
                serde_json::json!([{"kind": "inSource", "justification": "two officials confirmed"}])
            ),
            (
                "loaded-verb".into(),
                "error".into(),
                serde_json::json!([{"kind": "inSource"}])
            ),
        ]
    );
}

/// A minimal `.docx` whose paragraphs are `paras` (plain runs).
fn docx(paras: &[&str]) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let ns = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let body: String = paras
        .iter()
        .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"))
        .collect();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{body}</w:body></w:document>"#
    );
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default();
    for (name, part) in [
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels),
        ("word/document.xml", document.as_str()),
    ] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(part.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn word_documents_take_the_bracketed_form_as_a_paragraph() {
    let d = desk(&[]);
    std::fs::write(
        d.path().join("story.docx"),
        docx(&[
            "[newslint-disable-next-line hedge-allegation -- confirmed by the clerk]",
            HEDGE,
            HEDGE2,
        ]),
    )
    .unwrap();
    let (_, found, err) = check_in(d.path(), &["--report-suppressions"]);
    assert_eq!(rules(&found), ["hedge-allegation"], "{err}");
    assert_eq!(found[0]["paragraph"], 3);
    assert!(
        err.contains("confirmed by the clerk: silenced 1 finding"),
        "{err}"
    );
}
