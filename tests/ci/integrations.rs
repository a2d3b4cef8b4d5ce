//! Shell completions, man pages, and the GitHub Action's lint script run as
//! the action runs it.

use std::path::PathBuf;
use std::process::Command;

use super::{custom_rules, write};
use crate::common::{newslint, run};

#[test]
fn completions_for_every_shell_know_the_new_options() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (code, out, err) = run(newslint().args(["completions", shell]));
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains("diff-base"), "{shell}");
        assert!(out.contains("baseline"), "{shell}");
    }
    let (code, _, _) = run(newslint().args(["completions", "tcsh"]));
    assert_eq!(code, 2);
}

#[test]
fn man_pages_for_the_tool_and_each_command() {
    let (code, out, _) = run(newslint().arg("man"));
    assert_eq!(code, 0);
    assert!(out.contains(".TH newslint 1"), "{out}");
    assert!(out.contains("newslint\\-check(1)"), "{out}");
    let (code, out, _) = run(newslint().args(["man", "check"]));
    assert_eq!(code, 0);
    assert!(out.contains(".TH newslint-check 1"), "{out}");
    assert!(out.contains("\\-\\-unsafe\\-fixes"), "{out}");
    let (code, _, err) = run(newslint().args(["man", "nope"]));
    assert_eq!(code, 2);
    assert!(err.contains("no command `nope`"), "{err}");
}

#[test]
fn the_github_action_script_annotates_and_writes_sarif() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "news/story.md", "Crews utilized a crane.\n");
    write(dir.path(), "news/clean.md", "The council met.\n");
    let bin = assert_cmd::cargo::cargo_bin("newslint");
    let path = std::env::join_paths(
        std::iter::once(bin.parent().unwrap().to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/github-action.sh");
    let out = Command::new("bash")
        .arg(&script)
        .current_dir(dir.path())
        .env("PATH", path)
        .env("NEWSLINT_PATHS", "news")
        .env("NEWSLINT_ARGS", custom_rules().join(" "))
        .env("NEWSLINT_FAIL_ON", "warning")
        .env("NEWSLINT_SARIF", "newslint.sarif")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stdout
            .starts_with("::warning title=newslint house-style-utilize,file=news/story.md,line=1"),
        "{stdout}"
    );
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("newslint.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 1);
}

#[test]
fn the_action_and_the_pre_commit_hook_point_at_what_exists() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let action = std::fs::read_to_string(root.join("action.yml")).unwrap();
    assert!(action.contains("using: composite"));
    assert!(action.contains("cargo install --locked --path \"$GITHUB_ACTION_PATH\""));
    assert!(action.contains("$GITHUB_ACTION_PATH/scripts/github-action.sh"));
    let hooks = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap();
    assert!(hooks.contains("- id: newslint"));
    assert!(hooks.contains("entry: newslint check"));
    assert!(hooks.contains("language: rust"));
}
