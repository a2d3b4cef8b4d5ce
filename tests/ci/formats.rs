//! `--format gitlab` and `--format junit`, read back by a consumer-side check.

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use serde_json::Value;

use super::{custom_rules, write};
use crate::common::{newslint, run};

/// A story with two findings of the custom rules and a clean one.
fn drafts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "# Depot work\n\nCrews utilized a crane on Monday.\n\nThe firm rumouredly cut jobs & <pay>.\n",
    );
    write(dir.path(), "b.txt", "The council met on Tuesday.\n");
    dir
}

fn gitlab(dir: &std::path::Path, name: &str) -> Vec<Value> {
    let (code, out, err) = run(newslint()
        .current_dir(dir)
        .args(["check", "--format", "gitlab"])
        .args(custom_rules())
        .arg(name));
    assert_eq!(code, 1, "{err}");
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn gitlab_code_quality_has_every_required_field() {
    let dir = drafts();
    let issues = gitlab(dir.path(), ".");
    assert_eq!(issues.len(), 2);
    for i in &issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(
                i[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} in {i}"
            );
        }
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&i["severity"].as_str().unwrap())
        );
        assert_eq!(i["location"]["path"], "a.md");
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    assert_eq!(issues[0]["check_name"], "house-style-utilize");
    assert_eq!(issues[0]["severity"], "major");
    assert_eq!(issues[0]["location"]["lines"]["begin"], 3);
    assert_eq!(issues[1]["severity"], "info");
    assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
}

#[test]
fn gitlab_fingerprints_survive_an_edit_above_and_tell_repeats_apart() {
    let dir = drafts();
    let before = gitlab(dir.path(), "a.md");
    write(
        dir.path(),
        "a.md",
        "# Depot work\n\nA new first paragraph, written later.\n\nCrews utilized a crane on Monday.\n\nThe firm rumouredly cut jobs & <pay>.\n\nLater, crews utilized a crane on Monday.\n",
    );
    let after = gitlab(dir.path(), "a.md");
    assert_eq!(after.len(), 3);
    assert_eq!(after[0]["location"]["lines"]["begin"], 5);
    assert_eq!(after[0]["fingerprint"], before[0]["fingerprint"]);
    assert_eq!(after[1]["fingerprint"], before[1]["fingerprint"]);
    // The same words around it again: a new finding, a fingerprint of its own.
    assert_ne!(after[2]["fingerprint"], after[0]["fingerprint"]);
}

#[test]
fn junit_is_well_formed_with_a_case_per_file_and_a_failure_per_finding() {
    let dir = drafts();
    let (code, out, err) = run(newslint()
        .current_dir(dir.path())
        .args(["check", "--format", "junit"])
        .args(custom_rules())
        .arg("."));
    assert_eq!(code, 1, "{err}");
    let mut reader = Reader::from_str(&out);
    let mut cases = Vec::new();
    let mut failures = Vec::new();
    let mut texts = String::new();
    let mut open = 0i32;
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("not XML: {e}\n{out}"))
        {
            Event::Start(e) if e.name().as_ref() == "testcase" => {
                let name = e.try_get_attribute("name").unwrap().unwrap();
                cases.push(
                    name.normalized_value(XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                );
                open += 1;
            }
            Event::Empty(e) if e.name().as_ref() == "testcase" => {
                let name = e.try_get_attribute("name").unwrap().unwrap();
                cases.push(
                    name.normalized_value(XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                );
            }
            Event::Start(e) if e.name().as_ref() == "failure" => {
                let t = e.try_get_attribute("type").unwrap().unwrap();
                failures.push((
                    cases.last().unwrap().clone(),
                    t.normalized_value(XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                ));
            }
            Event::Text(t) => texts.push_str(&t.xml10_content()),
            Event::End(e) if e.name().as_ref() == "testcase" => open -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(open, 0, "every testcase ends: {out}");
    assert_eq!(cases, ["a.md", "b.txt"]);
    assert_eq!(
        failures,
        [
            ("a.md".to_string(), "house-style-utilize".to_string()),
            ("a.md".to_string(), "house-style-hedge".to_string()),
        ]
    );
    assert!(out.contains(r#"failures="2""#), "{out}");
    assert!(
        texts.contains("a.md:3:7: warning[house-style-utilize]"),
        "{texts}"
    );
}
