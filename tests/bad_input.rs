//! Bad input never panics and never hides other files' findings.

use crate::common::{CUSTOM, fixture, jsonl, newslint, run};

#[test]
fn invalid_utf8_names_path_and_offset_and_continues() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"Caf\xe9 owners rumouredly cut jobs.\n").unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "The firm rumouredly cut jobs.\n").unwrap();
    let (code, out, err) = run(newslint()
        .args(["check", "--format", "jsonl"])
        .args(CUSTOM)
        .arg(&bad)
        .arg(&good));
    assert_eq!(code, 2);
    assert!(
        err.contains("latin1.txt: not valid UTF-8 (first invalid byte at offset 3)"),
        "{err}"
    );
    let f = jsonl(&out);
    assert_eq!(f.len(), 1);
    assert!(f[0]["path"].as_str().unwrap().ends_with("good.txt"));
}

#[test]
fn empty_and_blank_files_have_no_findings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("blank.txt"), "\n\n   \r\n").unwrap();
    let (code, out, err) = run(newslint()
        .args(["check", "--format", "jsonl"])
        .arg(dir.path()));
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
}

#[test]
fn binary_file_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    let (code, out, err) = run(newslint()
        .args(["check", "--format", "jsonl"])
        .arg(dir.path()));
    assert_eq!(code, 0);
    assert_eq!(out, "");
    assert!(err.contains("image.txt: binary file skipped"), "{err}");
}

#[test]
fn crlf_and_bom_keep_offsets_and_columns_right() {
    for (name, line, col) in [("crlf.txt", 3, 10), ("bom.txt", 1, 10)] {
        let path = fixture(name);
        let bytes = std::fs::read(&path).unwrap();
        let (_, out, _) = run(newslint()
            .args(["check", "--format", "jsonl"])
            .args(CUSTOM)
            .arg(&path));
        let f = &jsonl(&out)[0];
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&bytes[s..e], b"rumouredly", "{name}");
        assert_eq!(
            (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()),
            (line, col),
            "{name}"
        );
        assert_eq!(f["end_column"].as_u64().unwrap(), col + 10, "{name}");
    }
}

#[test]
fn ten_megabyte_single_line_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let sentence = "The council met on Tuesday and the firm rumouredly cut jobs, while \u{201c}quoted words\u{201d} ran on ";
    let mut text = String::with_capacity(10 << 20);
    while text.len() < 10 << 20 {
        text.push_str(sentence);
    }
    std::fs::write(&path, &text).unwrap();
    let (code, out, _) = run(newslint()
        .args(["check", "--format", "jsonl", "--fail-on", "never"])
        .args(CUSTOM)
        .arg(&path));
    assert_eq!(code, 0);
    let n = out.lines().count();
    assert!(n > 1000, "every repetition is a candidate, got {n}");
}

#[test]
fn unreadable_directory_entry_does_not_stop_the_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.txt"), "The firm rumouredly cut jobs.\n").unwrap();
    // A dangling symlink with a lintable name: it cannot be read.
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("link.txt")).unwrap();
    let (_, out, _) = run(newslint()
        .args(["check", "--format", "jsonl"])
        .args(CUSTOM)
        .arg(dir.path()));
    assert_eq!(jsonl(&out).len(), 1);
}

#[test]
fn rule_file_errors_point_into_the_toml() {
    let cases = [
        (
            "bad-regex.toml",
            "invalid regular expression",
            "bad-regex.toml:7:10",
        ),
        (
            "unknown-key.toml",
            "unknown field `severty`",
            "unknown-key.toml:8:1",
        ),
        (
            "bad-lexicon.toml",
            "unknown lexicon `no-such-list`",
            "bad-lexicon.toml:8:23",
        ),
        (
            "bad-category.toml",
            "unknown variant `bias`",
            "bad-category.toml:3:12",
        ),
        (
            "bad-context.toml",
            "unknown context `no-such-context`",
            "bad-context.toml:8:23",
        ),
        (
            "nested-context.toml",
            "context `courtroom-and-more` names another context",
            "nested-context.toml:7:27",
        ),
        (
            "dup-of-default.toml",
            "duplicate rule id `loaded-verb`",
            "dup-of-default.toml:2:6",
        ),
    ];
    for (file, message, place) in cases {
        let (code, out, err) = run(newslint()
            .args(["check", "--rules"])
            .arg(format!("tests/fixtures/rules/{file}"))
            .arg(fixture("clean.txt")));
        assert_eq!(code, 2, "{file}");
        assert_eq!(out, "", "{file}");
        assert!(err.contains(message), "{file}: {err}");
        assert!(err.contains(place), "{file}: {err}");
    }
}

#[test]
fn rules_share_a_named_context() {
    let (code, out, err) = run(newslint()
        .args(["test-rules", "--no-default-rules"])
        .arg("tests/fixtures/rules/shared-context.toml"));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("6 examples of 2 rules checked"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.txt");
    std::fs::write(
        &copy,
        "Quay to close\n\nThe harbour board met on Monday. Insiders say the quay will close.\n\n\
         The vote is due in March.\n\n\
         The ferry will stop in May, court papers show, and insiders say the crews know it.\n",
    )
    .unwrap();
    let (code, out, _) = run(newslint()
        .args([
            "check",
            "--format",
            "jsonl",
            "--no-default-rules",
            "--rules",
        ])
        .arg("tests/fixtures/rules/shared-context.toml")
        .arg(&copy));
    assert_eq!(code, 1);
    let found = jsonl(&out);
    assert_eq!(found.len(), 1, "{out}");
    assert_eq!(found[0]["line"], 3);
}

#[test]
fn missing_rules_path_is_an_error() {
    let (code, _, err) = run(newslint()
        .args(["check", "--rules", "tests/fixtures/rules/nope.toml"])
        .arg(fixture("clean.txt")));
    assert_eq!(code, 2);
    assert!(err.contains("nope.toml: cannot read rules"), "{err}");
}
