//! newslint.toml end to end: discovery, `--config`, `--isolated`, excludes,
//! overrides, profiles, allow, severities, `fail-on`, `init` and `config`.

use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

use crate::common::{jsonl, newslint, run};

/// Sentences that fire one known rule each (our own copy).
pub const HEDGE: &str = "The governor allegedly funneled money to the campaign.";
pub const LOADED: &str = "The senator slammed the budget plan.";
pub const OPINION: &str = "Sadly, the pool will close in August.";
pub const PUFFERY: &str = "The world-class museum reopened on Monday.";
/// More of the same rules: a block repeated word for word is not linted twice.
pub const HEDGE2: &str = "The mayor allegedly hid the payments from auditors.";
pub const HEDGE3: &str = "The treasurer allegedly moved the funds offshore.";
pub const LOADED2: &str = "The council slammed the transit plan.";
pub const LOADED3: &str = "The union slammed the pay offer.";

/// A newsroom tree in a scratch folder: (path, contents).
pub fn desk(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

/// Runs `newslint check --format jsonl ARGS` in `dir`.
pub fn check_in(dir: &Path, args: &[&str]) -> (i32, Vec<Value>, String) {
    let (code, out, err) = run(newslint()
        .current_dir(dir)
        .args(["check", "--format", "jsonl"])
        .args(args));
    (code, jsonl(&out), err)
}

/// (path, rule, severity) of each finding.
pub fn triples(found: &[Value]) -> Vec<(String, String, String)> {
    found
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn t(path: &str, rule: &str, severity: &str) -> (String, String, String) {
    (path.into(), rule.into(), severity.into())
}

fn two_configs() -> TempDir {
    desk(&[
        ("newslint.toml", "ignore = [\"loaded-language\"]\n"),
        ("news/a.txt", &format!("{HEDGE}\n\n{LOADED}\n")),
        (
            "features/.newslint.toml",
            "[severity]\nhedging = \"error\"\n",
        ),
        ("features/deep/er/b.txt", &format!("{HEDGE}\n\n{LOADED}\n")),
    ])
}

#[test]
fn the_nearest_config_above_each_file_governs_it() {
    let d = two_configs();
    let (code, found, err) = check_in(d.path(), &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        triples(&found),
        [
            t("features/deep/er/b.txt", "hedge-allegation", "error"),
            t("features/deep/er/b.txt", "loaded-verb", "warning"),
            t("news/a.txt", "hedge-allegation", "warning"),
        ]
    );
    // Named alone, from a folder with no config of its own, a file still
    // finds the one above it.
    let (_, found, _) = check_in(&d.path().join("features/deep"), &["er/b.txt"]);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0]["severity"], "error");
}

#[test]
fn config_names_one_file_for_all_and_isolated_ignores_them() {
    let d = two_configs();
    let (_, found, _) = check_in(d.path(), &["--config", "features/.newslint.toml"]);
    assert_eq!(
        triples(&found),
        [
            t("features/deep/er/b.txt", "hedge-allegation", "error"),
            t("features/deep/er/b.txt", "loaded-verb", "warning"),
            t("news/a.txt", "hedge-allegation", "error"),
            t("news/a.txt", "loaded-verb", "warning"),
        ]
    );
    let (_, found, _) = check_in(d.path(), &["--isolated"]);
    assert_eq!(found.len(), 4);
    assert!(found.iter().all(|f| f["severity"] == "warning"));
    let (code, _, err) = check_in(d.path(), &["--isolated", "--config", "newslint.toml"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn standard_input_takes_the_config_of_the_current_folder() {
    let d = two_configs();
    let (_, out, _) = run(newslint()
        .current_dir(d.path().join("features"))
        .args(["check", "--format", "jsonl", "-"])
        .write_stdin(format!("{HEDGE}\n")));
    assert_eq!(jsonl(&out)[0]["severity"], "error");
}

#[test]
fn command_line_flags_win_over_the_config() {
    let d = two_configs();
    // --select replaces the config's selection; the ignore still holds.
    let (_, found, _) = check_in(d.path(), &["news", "--select", "loaded-verb,hedging"]);
    assert!(found.is_empty() || found.iter().all(|f| f["rule"] != "loaded-verb"));
    let (_, found, _) = check_in(d.path(), &["news", "--ignore", "hedging"]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn excluded_files_are_not_linted() {
    let d = desk(&[
        (
            "newslint.toml",
            "exclude = [\"archive/**\", \"*.draft.txt\", \"wire/\"]\n",
        ),
        ("archive/2019/old.txt", HEDGE),
        ("news/x.draft.txt", HEDGE),
        ("news/wire/y.txt", HEDGE),
        ("news/z.txt", HEDGE),
    ]);
    let (_, found, _) = check_in(d.path(), &[]);
    assert_eq!(
        triples(&found),
        [t("news/z.txt", "hedge-allegation", "warning")]
    );
    // Named on the command line, an excluded file is still skipped (as
    // pre-commit hands files over one by one).
    let (code, found, _) = check_in(d.path(), &["archive/2019/old.txt"]);
    assert_eq!((code, found.len()), (0, 0));
}

#[test]
fn per_path_overrides_and_front_matter_profiles() {
    let body = format!("{OPINION}\n\n{LOADED}\n\n{HEDGE}\n");
    let d = desk(&[
        (
            "newslint.toml",
            r#"
[[overrides]]
paths = ["opinion/**"]
ignore = ["editorializing"]

[profile.analysis]
when = { type = "analysis" }
severity = { editorializing = "info", hedge-allegation = "error" }

[profile.opinion]
when = { section = ["opinion", "letters"] }
ignore = ["editorializing", "loaded-language"]
"#,
        ),
        ("opinion/col.md", &body),
        ("news/straight.md", &body),
        (
            "news/analysis.md",
            &format!("---\ntype: analysis\n---\n{body}"),
        ),
        (
            "news/letter.md",
            &format!("+++\nsection = \"Letters\"\n+++\n{body}"),
        ),
    ]);
    let (_, found, _) = check_in(d.path(), &[]);
    assert_eq!(
        triples(&found),
        [
            t("news/analysis.md", "opinion-adverb", "info"),
            t("news/analysis.md", "loaded-verb", "warning"),
            t("news/analysis.md", "hedge-allegation", "error"),
            t("news/letter.md", "hedge-allegation", "warning"),
            t("news/straight.md", "opinion-adverb", "warning"),
            t("news/straight.md", "loaded-verb", "warning"),
            t("news/straight.md", "hedge-allegation", "warning"),
            t("opinion/col.md", "loaded-verb", "warning"),
            t("opinion/col.md", "hedge-allegation", "warning"),
        ]
    );
}

#[test]
fn allowed_phrases_never_fire_and_severity_overrides_apply_before_fail_on() {
    let d = desk(&[
        (
            "newslint.toml",
            "allow = [\"world-class\"]\nfail-on = \"error\"\n[severity]\nloaded-verb = \"error\"\n",
        ),
        ("a.txt", &format!("{PUFFERY}\n\n{HEDGE}\n")),
    ]);
    let (code, found, _) = check_in(d.path(), &[]);
    assert_eq!(triples(&found), [t("a.txt", "hedge-allegation", "warning")]);
    // fail-on = "error" from the config: a warning alone passes.
    assert_eq!(code, 0);
    // --fail-on on the command line wins.
    assert_eq!(check_in(d.path(), &["--fail-on", "warning"]).0, 1);
    std::fs::write(d.path().join("b.txt"), LOADED).unwrap();
    // The override made loaded-verb an error: now the config's bar fails.
    assert_eq!(check_in(d.path(), &[]).0, 1);
}

#[test]
fn unknown_key_diagnostic_points_into_the_config() {
    let d = desk(&[
        (
            "newslint.toml",
            "select = [\"default\"]\nfail_on = \"error\"\n",
        ),
        ("a.txt", HEDGE),
    ]);
    let (code, out, err) = run(newslint()
        .current_dir(d.path())
        .args(["check", "--color", "never"]));
    assert_eq!((code, out.as_str()), (2, ""));
    insta::assert_snapshot!(err);
}

#[test]
fn unknown_rule_name_in_config_is_a_diagnostic() {
    let d = desk(&[
        (
            "newslint.toml",
            "[[overrides]]\npaths = [\"op/**\"]\nignore = [\"editorialising\"]\n",
        ),
        ("a.txt", HEDGE),
    ]);
    let (code, _, err) = run(newslint()
        .current_dir(d.path())
        .args(["check", "--color", "never"]));
    assert_eq!(code, 2);
    insta::assert_snapshot!(err);
}

#[test]
fn init_writes_a_starter_that_loads_and_refuses_to_overwrite() {
    let d = desk(&[("a.txt", HEDGE)]);
    let (code, _, err) = run(newslint().current_dir(d.path()).arg("init"));
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(d.path().join("newslint.toml")).unwrap();
    assert!(written.contains("# [profile.opinion]"));
    // The starter is a valid configuration, and the folder's own.
    assert_eq!(check_in(d.path(), &[]).0, 1);
    let sub = d.path().join("empty");
    std::fs::create_dir(&sub).unwrap();
    let (_, out, _) = run(newslint().current_dir(&sub).arg("config"));
    assert!(
        out.contains("newslint.toml") && out.contains("# from"),
        "{out}"
    );
    let (code, _, err) = run(newslint().current_dir(d.path()).args(["init", "nowhere"]));
    assert_eq!(code, 2);
    assert!(err.contains("cannot write configuration"), "{err}");
    let (code, _, err) = run(newslint().current_dir(d.path()).arg("init"));
    assert_eq!(code, 2);
    assert!(err.contains("exists already"), "{err}");
    assert_eq!(
        std::fs::read_to_string(d.path().join("newslint.toml")).unwrap(),
        written
    );
}

#[test]
fn config_prints_the_effective_settings_for_a_path() {
    let d = desk(&[
        (
            "newslint.toml",
            "ignore = [\"puffery\"]\n[[overrides]]\npaths = [\"opinion/**\"]\n\
             severity = { hedging = \"info\" }\n[profile.analysis]\nwhen = { type = \"analysis\" }\n\
             ignore = [\"editorializing\"]\n",
        ),
        ("opinion/a.md", "---\ntype: analysis\n---\nText.\n"),
    ]);
    let (code, out, err) = run(newslint()
        .current_dir(d.path())
        .args(["config", "opinion/a.md"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("overrides = [\"opinion/**\"]"), "{out}");
    assert!(out.contains("profiles = [\"analysis\"]"), "{out}");
    assert!(out.contains("hedge-allegation = \"info\""), "{out}");
    assert!(!out.contains("\"peacock-term\""), "{out}");
    assert!(!out.contains("\"opinion-adverb\""), "{out}");
    assert!(out.contains("\"loaded-verb\""), "{out}");
}

#[test]
fn a_configs_rule_files_report_only_where_it_governs() {
    let house = "[[rule]]\nid = \"house-utilize\"\ncategory = \"editorializing\"\n\
                 severity = \"warning\"\nmessage = \"our style is use\"\n\
                 explanation = \"Plain words.\"\nphrases = [\"utilized\"]\n\
                 flag = [\"Crews [utilized] a crane.\"]\npass = [\"Crews used a crane.\"]\n";
    let copy = "Crews utilized a crane on the pier.\n";
    let d = desk(&[
        ("sports/newslint.toml", "rules = [\"style/\"]\n"),
        ("sports/style/house.toml", house),
        ("sports/a.txt", copy),
        ("metro/newslint.toml", "ignore = [\"puffery\"]\n"),
        ("metro/b.txt", copy),
    ]);
    let (_, found, err) = check_in(d.path(), &[]);
    assert_eq!(
        triples(&found),
        [t("sports/a.txt", "house-utilize", "warning")],
        "{err}"
    );
}

#[test]
fn own_rules_are_listed_and_explained() {
    let (code, out, _) = run(newslint().args(["explain", "unused-suppression"]));
    assert_eq!(code, 0);
    assert!(out.contains("suppression, warning"), "{out}");
    let (_, out, _) = run(newslint().arg("rules"));
    assert!(out.lines().any(|l| l.starts_with("invalid-suppression")));
}
