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

#[test]
fn write_errors_on_standard_output_exit_2() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not on this system
    };
    for args in [
        &["test-rules"][..],
        &["--help"],
        &["check", "--help"],
        &["--version"],
    ] {
        #[allow(deprecated)] // the helper `newslint()` uses the same lookup
        let bin = assert_cmd::cargo::cargo_bin("newslint");
        let out = std::process::Command::new(bin)
            .args(args)
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("cannot write output"), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_or_device_on_the_command_line_is_an_error_and_others_still_report() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "The firm rumouredly cut jobs.\n").unwrap();
    let (code, out, err) = run(newslint()
        .args(["check", "--format", "jsonl"])
        .args(CUSTOM)
        .arg(&fifo)
        .arg("/dev/zero")
        .arg(&good));
    assert_eq!(code, 2);
    assert!(err.contains("pipe.txt: not a regular file"), "{err}");
    assert!(err.contains("/dev/zero: not a regular file"), "{err}");
    assert_eq!(jsonl(&out).len(), 1);
}

#[test]
fn inputs_over_the_size_cap_are_errors_on_disk_and_on_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "The firm rumouredly cut jobs. ".repeat(100)).unwrap();
    let (code, _, err) = run(newslint()
        .args(["check", "--max-file-size", "1000"])
        .args(CUSTOM)
        .arg(&big));
    assert_eq!(code, 2);
    assert!(
        err.contains("big.txt: larger than the 1000-byte limit"),
        "{err}"
    );
    let (code, _, err) = run(newslint()
        .args(["check", "--max-file-size", "1000", "-"])
        .args(CUSTOM)
        .write_stdin("The firm rumouredly cut jobs. ".repeat(100)));
    assert_eq!(code, 2);
    assert!(
        err.contains("<stdin>: larger than the 1000-byte limit"),
        "{err}"
    );
}

#[test]
fn a_utf16_file_with_a_byte_order_mark_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.txt");
    let text = "Headline\r\nThe firm rumouredly cut jobs.\r\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&path, bytes).unwrap();
    let (_, out, err) = run(newslint()
        .args(["check", "--format", "jsonl", "--fail-on", "never"])
        .args(CUSTOM)
        .arg(&path));
    assert_eq!(err, "");
    let f = jsonl(&out);
    assert_eq!(f.len(), 1, "{out}");
    assert_eq!(
        (f[0]["line"].as_u64(), f[0]["column"].as_u64()),
        (Some(2), Some(10))
    );
    assert_eq!(f[0]["text"], "rumouredly");
}

/// A rule file around `body` (the keys after `id`), written to `dir`.
fn rule_file(dir: &std::path::Path, name: &str, body: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let text = format!(
        "[[rule]]\nid = \"probe\"\ncategory = \"hedging\"\nseverity = \"info\"\nexplanation = \"Why.\"\n{body}\n"
    );
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn silent_rule_mistakes_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases = [
        (
            rule_file(
                d,
                "slot.toml",
                "message = \"{matched} is vague\"\nphrases = [\"reportedly\"]",
            ),
            "unknown placeholder `{matched}`",
            "slot.toml:2:6",
        ),
        (
            rule_file(d, "empty.toml", "message = \"{match}\"\nregex = ['']"),
            "empty regular expression",
            "empty.toml:7:10",
        ),
        (
            rule_file(
                d,
                "star.toml",
                "message = \"{match}\"\nregex = ['(?:very )*']",
            ),
            "can match empty text",
            "star.toml:7:10",
        ),
    ];
    for (path, message, place) in cases {
        let (code, out, err) = run(newslint()
            .args(["check", "--no-default-rules", "--rules"])
            .arg(&path)
            .arg("-")
            .write_stdin("It reportedly rained.\n"));
        assert_eq!((code, out.as_str()), (2, ""), "{message}");
        assert!(err.contains(message), "{message}: {err}");
        assert!(err.contains(place), "{place}: {err}");
    }
}

#[test]
fn rule_paths_that_cannot_hold_rules_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("no-rules");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("README.md"), "notes\n").unwrap();
    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"# rules\n# caf\xe9\n").unwrap();
    let cases: [(&std::path::Path, &str); 3] = [
        (&empty, "no `.toml` rule files in this directory"),
        (
            std::path::Path::new("/dev/zero"),
            "not a regular file or directory",
        ),
        (&latin1, "not UTF-8: invalid byte 0xe9 at "),
    ];
    for (path, message) in cases {
        let (code, _, err) = run(newslint()
            .args(["check", "--rules"])
            .arg(path)
            .arg("-")
            .write_stdin("Calm.\n"));
        assert_eq!(code, 2, "{message}");
        assert!(err.contains(message), "{message}: {err}");
    }
    let (_, _, err) = run(newslint().args(["check", "--rules"]).arg(&latin1).arg("-"));
    assert!(err.contains("latin1.toml:2:6"), "{err}");
}

#[test]
fn findings_per_file_are_capped_with_a_note() {
    // 12,000 flagged words: the first 10,000 findings are kept.
    let text = "The firm rumouredly cut jobs.\n".repeat(12_000);
    let (code, out, err) = run(newslint()
        .args(["check", "--format", "jsonl", "--fail-on", "never", "-"])
        .args(CUSTOM)
        .write_stdin(text));
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 10_000);
    assert!(lines[9_999].contains("\"line\":10000,"), "{}", lines[9_999]);
    assert!(
        err.contains("<stdin>: 2000 more findings not shown (at most 10000 per file)"),
        "{err}"
    );
}
