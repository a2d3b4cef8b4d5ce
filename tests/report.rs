//! `newslint report`: offsets that point into the files, the order of
//! articles, exit codes, and the HTML page in a real browser.

use std::path::Path;
use std::process::Command as Process;

use crate::common::{newslint, run};

fn report_json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = run(newslint()
        .arg("report")
        .args(["--format", "json"])
        .args(args));
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("one JSON document")
}

#[test]
fn every_span_is_the_file_text_at_its_byte_offsets() {
    let doc = report_json(&["tests/fixtures/report"]);
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 3);
    let mut spans = 0;
    for a in articles {
        let path = a["path"].as_str().unwrap();
        let bytes = std::fs::read(path).unwrap();
        let mut check = |s: &serde_json::Value| {
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            let at = &bytes[start as usize..end as usize];
            assert_eq!(
                std::str::from_utf8(at).unwrap(),
                s["text"].as_str().unwrap()
            );
            spans += 1;
        };
        for at in a["attributions"].as_array().unwrap() {
            check(&at["cue"]);
            if !at["source"].is_null() {
                check(&at["source"]);
            }
            assert_eq!(at["named"].as_bool(), Some(at["kind"] == "named"));
        }
        for c in a["unattributed_claims"].as_array().unwrap() {
            check(c);
        }
    }
    assert!(spans > 15, "only {spans} spans");
}

#[test]
fn all_anonymous_story_comes_first_and_the_well_sourced_last() {
    let doc = report_json(&["tests/fixtures/report"]);
    let order: Vec<&str> = doc["attention_order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(order[0].ends_with("club-sale.txt"), "{order:?}");
    assert!(order[2].ends_with("council-vote.md"), "{order:?}");
}

#[test]
fn offsets_are_bytes_in_a_markdown_file_with_curly_quotes() {
    let doc = report_json(&["tests/fixtures/report/council-vote.md"]);
    let a = &doc["articles"][0];
    let told = a["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["cue"]["text"] == "told reporters")
        .expect("the quotation's cue");
    let text = std::fs::read_to_string("tests/fixtures/report/council-vote.md").unwrap();
    let start = told["cue"]["start"].as_u64().unwrap() as usize;
    assert_eq!(text.find("told reporters"), Some(start));
    assert_eq!(a["sources"]["named"], 3);
    assert_eq!(a["quotations"]["with_speaker"], 2);
}

#[test]
fn a_missing_path_is_an_input_error() {
    let (code, _, err) = run(newslint().args(["report", "no/such/story.md"]));
    assert_eq!(code, 2);
    assert!(err.contains("no/such/story.md"), "{err}");
}

/// The HTML page in headless Chromium: it loads with no console errors,
/// and the numbers are in the rendered DOM. Skipped, saying why, where no
/// Chromium is installed (`.ci/run` installs it where it can).
#[test]
fn html_page_renders_in_chromium_without_errors() {
    let Some(chromium) = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
    else {
        eprintln!(
            "SKIPPED html_page_renders_in_chromium_without_errors: no chromium (apt-get install -y chromium)"
        );
        return;
    };
    let (code, html, _) =
        run(newslint().args(["report", "--format", "html", "tests/fixtures/report"]));
    assert_eq!(code, 0);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, &html).unwrap();
    let out = Process::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            &format!("--user-data-dir={}", dir.path().join("profile").display()),
            "--dump-dom",
        ])
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chromium failed: {log}");
    // Console messages are logged as "CONSOLE(...)"; a page with no script
    // must have none, and nothing may fail to load.
    assert!(!log.contains("CONSOLE"), "console output: {log}");
    assert!(!log.contains("Failed to load"), "{log}");
    // The parsed DOM holds the charts and the numbers.
    assert!(dom.contains("<svg id=\"mix\""), "{dom}");
    assert!(dom.contains("data-articles=\"3\""));
    assert!(dom.contains("<svg id=\"overall\"") && dom.contains("data-named=\"5\""));
    assert!(dom.contains("data-anonymous=\"3\""));
    assert!(dom.contains("data-category=\"sourcing\""));
    // No external asset: nothing is fetched from anywhere.
    for needle in ["src=\"http", "href=\"http", "<script", "<link"] {
        assert!(!html.contains(needle), "external reference {needle}");
    }
}

#[test]
fn standard_input_is_one_more_article() {
    let (code, out, _) = run(newslint()
        .args(["report", "--format", "json", "-"])
        .write_stdin("Mayor Ana Ruiz said the dam would hold through the storms.\n"));
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["articles"][0]["path"], "<stdin>");
    assert_eq!(doc["articles"][0]["sources"]["named"], 1);
}
