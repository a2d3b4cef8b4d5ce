//! Hostile and degenerate input (issue 19): no file crashes the run, hangs
//! it or hides the other files' findings.

use crate::common::{CUSTOM, jsonl, newslint, run};

/// A start tag with `n` double-quoted attributes around a flagged sentence.
fn many_attributes(n: usize) -> String {
    let attrs: String = (0..n).map(|i| format!(" data-k{i}=\"v\"")).collect();
    format!("<p{attrs}>The firm rumouredly cut jobs.</p>\n")
}

#[test]
fn a_tag_with_thousands_of_attributes_is_read_and_other_files_still_report() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("a.html"), many_attributes(30_000)).unwrap();
    std::fs::write(
        p.join("b.md"),
        format!("# Note\n\n{}", many_attributes(30_000)),
    )
    .unwrap();
    std::fs::write(p.join("c.txt"), "The firm rumouredly cut jobs.\n").unwrap();
    for threads in ["1", "2"] {
        let (code, out, err) = run(newslint()
            .args([
                "check",
                "--format",
                "jsonl",
                "--fail-on",
                "never",
                "-j",
                threads,
            ])
            .args(CUSTOM)
            .arg(p));
        assert_eq!(code, 0, "{err}");
        let paths: Vec<String> = jsonl(&out)
            .iter()
            .map(|f| {
                f["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(paths, ["a.html", "b.md", "c.txt"], "-j {threads}");
    }
}

#[test]
fn human_output_shows_a_window_of_a_long_line() {
    // One 60 KB line (minified HTML, a story pasted whole) with two findings
    // far apart: each shows a window around it, not the whole line.
    let filler = "The council met on Tuesday and the vote was close. ".repeat(600);
    let text =
        format!("{filler}Crews utilized a crane. {filler}The firm rumouredly cut jobs. {filler}\n");
    let (_, out, _) = run(newslint()
        .args([
            "check",
            "--color",
            "never",
            "-",
            "--stdin-filename",
            "long.txt",
        ])
        .args(CUSTOM)
        .write_stdin(text));
    assert!(out.len() < 2_000, "{} bytes of output", out.len());
    insta::assert_snapshot!(out);
}
