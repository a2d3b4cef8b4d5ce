//! Where configuration and inline suppressions meet the CI features:
//! autofix leaves a signed-off finding alone, an ignored rule is not fixed,
//! a baseline accepts what `check` reports, and machine formats carry the
//! configured severity.

use super::write;
use crate::common::{fixture, newslint, run};

fn rule_file() -> String {
    fixture("rules/fix.toml").display().to_string()
}

fn fix_rules() -> [String; 3] {
    ["--no-default-rules".into(), "--rules".into(), rule_file()]
}

#[test]
fn fix_leaves_a_suppressed_finding_and_an_ignored_rule_unfixed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let story = "<!-- newslint-disable-next-line fix-utilize -- the mayor's own wording -->\n\
                 Crews utilized cranes.\n\nCrews utilized trucks.\n";
    write(d, "story.md", story);
    let (_, _, err) = run(newslint()
        .current_dir(d)
        .args(["check", "--fix", "--format", "concise"])
        .args(fix_rules())
        .arg("story.md"));
    assert_eq!(
        std::fs::read_to_string(d.join("story.md")).unwrap(),
        story.replace("Crews utilized trucks", "Crews used trucks"),
        "{err}"
    );

    write(d, "newslint.toml", "ignore = [\"fix-utilize\"]\n");
    write(d, "other.txt", "Crews utilized cranes.\n");
    let (_, out, err) = run(newslint()
        .current_dir(d)
        .args(["check", "--diff"])
        .args(fix_rules())
        .arg("other.txt"));
    assert_eq!(out, "", "{err}");
    assert!(err.contains("would fix 0 findings"), "{err}");
}

#[test]
fn baseline_accepts_what_check_reports_under_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "newslint.toml", "ignore = [\"fix-utilize\"]\n");
    write(
        d,
        "story.txt",
        "Crews utilized cranes. Crews clearly worked.\n",
    );
    let (code, baseline, err) = run(newslint()
        .current_dir(d)
        .arg("baseline")
        .args(fix_rules())
        .arg("story.txt"));
    assert_eq!(code, 0, "{err}");
    assert!(!baseline.contains("fix-utilize"), "{baseline}");
    assert!(baseline.contains("fix-clearly"), "{baseline}");
    write(d, "base.json", &baseline);
    let (code, out, err) = run(newslint()
        .current_dir(d)
        .args(["check", "--format", "concise", "--baseline", "base.json"])
        .args(fix_rules())
        .arg("story.txt"));
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
}

#[test]
fn gitlab_and_junit_carry_the_configured_severity() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "newslint.toml", "[severity]\nfix-clearly = \"info\"\n");
    write(d, "story.txt", "Crews clearly worked.\n");
    let out = |format: &str| {
        run(newslint()
            .current_dir(d)
            .args(["check", "--fail-on", "never", "--format", format])
            .args(fix_rules())
            .arg("story.txt"))
        .1
    };
    let gitlab: serde_json::Value = serde_json::from_str(&out("gitlab")).unwrap();
    assert_eq!(gitlab[0]["check_name"], "fix-clearly");
    assert_eq!(gitlab[0]["severity"], "info");
    let junit = out("junit");
    assert!(
        junit.contains("story.txt:1:7: info[fix-clearly]"),
        "{junit}"
    );
}
