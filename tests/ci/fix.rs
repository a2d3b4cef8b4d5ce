//! `check --fix`, `--unsafe-fixes` and `--diff` on real files: safe and
//! unsafe suggestions, capitalisation, overlaps, passes until nothing
//! applies, HTML entities left alone, Word documents reported only.

use std::path::Path;

use super::write;
use crate::common::{fixture, newslint, run};

fn rules() -> [String; 3] {
    [
        "--no-default-rules".into(),
        "--rules".into(),
        fixture("rules/fix.toml").display().to_string(),
    ]
}

fn check(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run(newslint()
        .current_dir(dir)
        .args(["check", "--format", "concise"])
        .args(rules())
        .args(args))
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn fix_applies_safe_suggestions_in_their_case_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "story.md",
        "# Utilized Again\n\nUtilized cranes clearly helped. Crews utilized one more.\n",
    );
    let (code, out, err) = check(d, &["--fix", "story.md"]);
    assert_eq!(
        read(d, "story.md"),
        "# Used Again\n\nUsed cranes clearly helped. Crews used one more.\n"
    );
    assert!(err.contains("fixed 3 findings in 1 file"), "{err}");
    // The unsafe deletion was not applied: still reported.
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "story.md:3:13: warning[fix-clearly] “clearly” tells the reader what to think\n"
    );
}

#[test]
fn unsafe_fixes_apply_too_and_deletions_take_a_space() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "story.txt", "Crews clearly utilized cranes.\n");
    let (code, out, err) = check(d, &["--fix", "--unsafe-fixes", "story.txt"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert_eq!(read(d, "story.txt"), "Crews used cranes.\n");
}

#[test]
fn overlapping_fixes_are_applied_one_at_a_time_until_none_applies() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // "heavy lift crane" and "lift crane" overlap: the first is applied and
    // the second no longer matches ("large crane"); a second pass finds
    // nothing more.
    write(d, "a.txt", "They hired a heavy lift crane.\n");
    write(
        d,
        "b.txt",
        "They hired a lift crane, then a heavy lift crane.\n",
    );
    let (code, _, err) = check(d, &["--fix", "a.txt", "b.txt"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(read(d, "a.txt"), "They hired a large crane.\n");
    assert_eq!(
        read(d, "b.txt"),
        "They hired a crane, then a large crane.\n"
    );
}

#[test]
fn html_is_fixed_in_place_but_never_across_an_entity() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "story.html",
        "<p>Crews <b>utilized</b> a crane for the bricks &amp; mortar shop.</p>\n",
    );
    let (code, out, err) = check(d, &["--fix", "story.html"]);
    assert_eq!(
        read(d, "story.html"),
        "<p>Crews <b>used</b> a crane for the bricks &amp; mortar shop.</p>\n"
    );
    assert_eq!(code, 0, "an info finding remains: {err}");
    assert!(out.contains("info[fix-ampersand]"), "{out}");
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "Crews utilized a crane.\n\nThe council met.\n";
    write(d, "story.md", text);
    let (code, out, err) = check(d, &["--diff", "story.md"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        "--- a/story.md\n+++ b/story.md\n@@ -1,3 +1,3 @@\n-Crews utilized a crane.\n+Crews used a crane.\n \n The council met.\n"
    );
    assert_eq!(read(d, "story.md"), text);
    write(d, "story.md", "Crews used a crane.\n");
    let (code, out, _) = check(d, &["--diff", "story.md"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn word_documents_are_reported_but_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bytes = std::fs::read(fixture("formats/story.docx")).unwrap();
    std::fs::write(d.join("story.docx"), &bytes).unwrap();
    let (code, _, err) = run(newslint().current_dir(d).args([
        "check",
        "--format",
        "concise",
        "--fix",
        "story.docx",
    ]));
    assert!(
        err.contains("story.docx: Word documents are not rewritten"),
        "{err}"
    );
    assert!(code < 2, "a note, not an error: {err}");
    assert_eq!(std::fs::read(d.join("story.docx")).unwrap(), bytes);
}

#[test]
fn fix_refuses_standard_input_and_unsafe_fixes_needs_fix() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = check(dir.path(), &["--fix", "-"]);
    assert_eq!(code, 2);
    assert!(err.contains("standard input cannot be fixed"), "{err}");
    let (code, _, err) = check(dir.path(), &["--unsafe-fixes", "."]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--unsafe-fixes needs --fix or --diff"),
        "{err}"
    );
}
