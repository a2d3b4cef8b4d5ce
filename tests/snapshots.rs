//! Snapshots of rendered output, colour off: what a reporter sees.

use crate::common::{CUSTOM, newslint, run};

#[test]
fn human_output_with_custom_rules() {
    let (_, out, _) = run(newslint()
        .args(["check", "--color", "never"])
        .args(CUSTOM)
        .args([
            "tests/fixtures/crlf.txt",
            "-",
            "--stdin-filename",
            "memo.txt",
        ])
        .write_stdin("Crews utilized a crane.\nThe firm rumouredly cut jobs.\n"));
    insta::assert_snapshot!(out);
}

#[test]
fn human_output_with_default_pack() {
    let (_, out, _) =
        run(newslint().args(["check", "--color", "never", "tests/fixtures/flagged.txt"]));
    insta::assert_snapshot!(out);
}

#[test]
fn rule_file_error_diagnostic() {
    let (_, _, err) = run(newslint().args([
        "check",
        "--rules",
        "tests/fixtures/rules/bad-regex.toml",
        "tests/fixtures/clean.txt",
    ]));
    insta::assert_snapshot!(err);
}

#[test]
fn duplicate_id_points_at_both_definitions() {
    let (_, _, err) = run(newslint().args([
        "check",
        "--rules",
        "tests/fixtures/rules/dup-of-default.toml",
        "tests/fixtures/clean.txt",
    ]));
    insta::assert_snapshot!(err);
}

#[test]
fn sourcing_report_human() {
    let (code, out, _) = run(newslint().args(["report", "tests/fixtures/report"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn sourcing_report_json() {
    let (code, out, _) =
        run(newslint().args(["report", "--format", "json", "tests/fixtures/report"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn sourcing_report_html() {
    let (code, out, _) =
        run(newslint().args(["report", "--format", "html", "tests/fixtures/report"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}
