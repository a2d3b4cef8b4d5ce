//! `--diff-base REF` in a scratch git repository: findings on changed lines
//! only, new files throughout, and clear errors outside a repository.

use std::path::Path;
use std::process::Command;

use super::{custom_rules, write};
use crate::common::{newslint, run};

/// Runs git in `dir` with a fixed identity and no user or system config.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args(["-c", "user.name=Desk", "-c", "user.email=desk@example.com"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

fn check(dir: &Path, rev: &str) -> (i32, String, String) {
    run(newslint()
        .current_dir(dir)
        // A scratch directory inside some other repository is still outside one.
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args(["check", "--format", "concise", "--diff-base", rev])
        .args(custom_rules()))
}

#[test]
fn only_findings_on_changed_lines_and_in_new_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "news/story.md",
        "# Depot\n\nCrews utilized a crane on Monday.\n\nThe firm cut jobs.\n",
    );
    write(d, "news/old.txt", "They will utilize the grant.\n");
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "first"]);
    let (code, out, err) = check(d, "HEAD");
    assert_eq!((code, out.as_str()), (0, ""), "nothing changed: {err}");

    // An edit at the top moves the old finding down a line; the change
    // itself has a finding, and so does a file git has never seen.
    write(
        d,
        "news/story.md",
        "# Depot\n\nWorkers utilized the yard.\nCrews utilized a crane on Monday.\n\nThe firm rumouredly cut jobs.\n",
    );
    write(d, "news/new.md", "Staff utilized a van.\n");
    let (code, out, err) = check(d, "HEAD");
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        "news/new.md:1:7: warning[house-style-utilize] “utilized” is house-style jargon; prefer “use”\n\
         news/story.md:3:9: warning[house-style-utilize] “utilized” is house-style jargon; prefer “use”\n\
         news/story.md:6:10: info[house-style-hedge] “rumouredly” with no source in the sentence\n"
    );
}

#[test]
fn outside_a_repository_or_with_a_bad_revision_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "story.md", "Crews utilized a crane.\n");
    let (code, _, err) = check(d, "HEAD");
    assert_eq!(code, 2);
    assert!(
        err.contains("--diff-base: not in a git repository"),
        "{err}"
    );

    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "first"]);
    let (code, _, err) = check(d, "no-such-branch");
    assert_eq!(code, 2);
    assert!(
        err.contains("`no-such-branch` is not a commit in this repository"),
        "{err}"
    );
}

#[test]
fn fix_with_a_diff_base_fixes_only_changed_lines() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "story.md",
        "Crews utilized a crane.\n\nThe council met.\n",
    );
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "first"]);
    write(
        d,
        "story.md",
        "Crews utilized a crane.\n\nThe council utilized a room.\n",
    );
    let (code, out, err) = run(newslint()
        .current_dir(d)
        .env("GIT_CEILING_DIRECTORIES", d.parent().unwrap())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args([
            "check",
            "--format",
            "concise",
            "--fix",
            "--diff-base",
            "HEAD",
        ])
        .args(custom_rules()));
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert_eq!(
        std::fs::read_to_string(d.join("story.md")).unwrap(),
        "Crews utilized a crane.\n\nThe council used a room.\n"
    );
    let (code, _, err) =
        run(newslint()
            .current_dir(d)
            .args(["check", "--fix", "--baseline", "b.json"]));
    assert_eq!(code, 2);
    assert!(err.contains("do not take --baseline"), "{err}");
}
