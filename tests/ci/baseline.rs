//! `newslint baseline` and `check --baseline`: old findings stay accepted
//! through edits elsewhere; new ones are reported.

use super::{custom_rules, write};
use crate::common::{newslint, run};

const STORY: &str =
    "# Depot work\n\nCrews utilized a crane on Monday.\n\nThe firm rumouredly cut jobs.\n";

/// Writes the baseline of `dir` to `dir/baseline.json`.
fn baseline(dir: &std::path::Path) {
    let (code, out, err) = run(newslint()
        .current_dir(dir)
        .arg("baseline")
        .args(custom_rules())
        .arg("."));
    assert_eq!(code, 0, "{err}");
    write(dir, "baseline.json", &out);
}

fn check(dir: &std::path::Path) -> (i32, String, String) {
    run(newslint()
        .current_dir(dir)
        .args([
            "check",
            "--format",
            "concise",
            "--baseline",
            "baseline.json",
        ])
        .args(custom_rules())
        .arg("story.md"))
}

#[test]
fn accepted_findings_stay_accepted_when_a_paragraph_is_inserted_above() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.md", STORY);
    baseline(dir.path());
    let (code, out, err) = check(dir.path());
    assert_eq!((code, out.as_str()), (0, ""), "{err}");

    let edited = STORY.replace(
        "# Depot work\n\n",
        "# Depot work\n\nAn editor added this paragraph at the top.\n\n",
    ) + "\nLater, the crews utilized a second crane.\n";
    write(dir.path(), "story.md", &edited);
    let (code, out, err) = check(dir.path());
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        "story.md:9:18: warning[house-style-utilize] “utilized” is house-style jargon; prefer “use”\n"
    );
}

#[test]
fn identical_keys_are_counted_so_a_second_one_is_new() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.md", STORY);
    baseline(dir.path());
    // The same words around the match as the accepted finding: the
    // baseline accepted one of them, not every one.
    let twice = format!("{STORY}\nCrews utilized a crane on Tuesday.\n");
    write(dir.path(), "story.md", &twice);
    let (code, out, err) = check(dir.path());
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        "story.md:7:7: warning[house-style-utilize] “utilized” is house-style jargon; prefer “use”\n"
    );
}

#[test]
fn a_bad_baseline_exits_two_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "story.md", STORY);
    write(dir.path(), "baseline.json", "{\n  \"findings\": [}\n");
    let (code, _, err) = check(dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("baseline.json:2:"), "{err}");
    let (code, _, err) = run(newslint().current_dir(dir.path()).args([
        "check",
        "--baseline",
        "missing.json",
        "story.md",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("missing.json: cannot read baseline"), "{err}");
}
