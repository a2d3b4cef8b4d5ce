//! The command line: exit codes, formats, selection, standard input.

use crate::common::{CUSTOM, fixture, jsonl, newslint, run};

#[test]
fn clean_file_exits_zero() {
    let (code, out, _) = run(newslint()
        .args(["check", "--format", "jsonl"])
        .arg(fixture("clean.txt")));
    assert_eq!(out, "");
    assert_eq!(code, 0);
}

#[test]
fn findings_exit_one_and_fail_on_sets_the_bar() {
    let f = fixture("flagged.txt");
    assert_eq!(run(newslint().arg("check").arg(&f)).0, 1);
    assert_eq!(
        run(newslint().args(["check", "--fail-on", "never"]).arg(&f)).0,
        0
    );
    // the custom pack's only finding here is an info
    let crlf = fixture("crlf.txt");
    assert_eq!(run(newslint().arg("check").args(CUSTOM).arg(&crlf)).0, 0);
    assert_eq!(
        run(newslint()
            .arg("check")
            .args(CUSTOM)
            .args(["--fail-on", "info"])
            .arg(&crlf))
        .0,
        1
    );
    assert_eq!(
        run(newslint()
            .arg("check")
            .args(CUSTOM)
            .args(["--fail-on", "error"])
            .arg(&crlf))
        .0,
        0
    );
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(run(newslint().args(["check", "--format", "xml"])).0, 2);
    assert_eq!(run(newslint().arg("frobnicate")).0, 2);
    let (code, _, err) = run(newslint()
        .args(["check", "--select", "no-such-rule"])
        .arg(fixture("clean.txt")));
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown rule or category: no-such-rule"),
        "{err}"
    );
}

#[test]
fn missing_path_is_reported_and_others_still_checked() {
    let (code, out, err) = run(newslint()
        .args(["check", "--format", "jsonl"])
        .arg(fixture("does-not-exist.txt"))
        .arg(fixture("flagged.txt")));
    assert_eq!(code, 2);
    assert!(
        err.contains("does-not-exist.txt: no such file or directory"),
        "{err}"
    );
    assert!(!jsonl(&out).is_empty(), "the good file is still reported");
}

#[test]
fn jsonl_findings_carry_every_field_and_exact_offsets() {
    let path = fixture("flagged.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let (_, out, _) = run(newslint().args(["check", "--format", "jsonl"]).arg(&path));
    let findings = jsonl(&out);
    assert!(findings.len() >= 3, "{out}");
    for f in &findings {
        for key in [
            "path",
            "rule",
            "category",
            "severity",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "start",
            "end",
            "text",
        ] {
            assert!(f.get(key).is_some(), "missing {key} in {f}");
        }
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], f["text"].as_str().unwrap());
        // line and column agree with the byte offset
        let line = f["line"].as_u64().unwrap() as usize;
        let col = f["column"].as_u64().unwrap() as usize;
        let line_start: usize = text
            .split_inclusive('\n')
            .take(line - 1)
            .map(str::len)
            .sum();
        assert_eq!(text[line_start..s].chars().count() + 1, col);
    }
    // sorted by start within the file
    let starts: Vec<u64> = findings
        .iter()
        .map(|f| f["start"].as_u64().unwrap())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"hedge-headline"), "{rules:?}");
    assert!(rules.contains(&"loaded-verb"), "{rules:?}");
    assert!(rules.contains(&"said-claimed"), "{rules:?}");
}

#[test]
fn json_document_has_version_findings_and_summary() {
    let (code, out, _) = run(newslint()
        .args(["check", "--format", "json"])
        .arg(fixture("flagged.txt")));
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["version"], 1);
    let n = doc["findings"].as_array().unwrap().len();
    assert_eq!(doc["summary"]["findings"].as_u64().unwrap() as usize, n);
    assert_eq!(doc["summary"]["files"], 1);
}

#[test]
fn suggestions_are_listed_with_applicability() {
    let mut cmd = newslint();
    cmd.args([
        "check",
        "--format",
        "jsonl",
        "-",
        "--stdin-filename",
        "memo.txt",
    ])
    .args(CUSTOM);
    cmd.write_stdin("Crews utilized a crane.\n");
    let (code, out, _) = run(&mut cmd);
    assert_eq!(code, 1);
    let f = &jsonl(&out)[0];
    assert_eq!(f["path"], "memo.txt");
    assert_eq!(f["text"], "utilized");
    assert_eq!(f["suggestions"][0]["replacement"], "used");
    assert_eq!(f["suggestions"][0]["applicability"], "safe");
}

#[test]
fn concise_is_one_line_per_finding() {
    let (_, out, _) = run(newslint()
        .args(["check", "--format", "concise"])
        .args(CUSTOM)
        .arg("tests/fixtures/crlf.txt"));
    assert_eq!(
        out,
        "tests/fixtures/crlf.txt:3:10: info[house-style-hedge] “rumouredly” with no source in the sentence\n"
    );
}

#[test]
fn select_and_ignore_by_id_and_category() {
    let f = fixture("flagged.txt");
    let rules_of = |args: &[&str]| -> Vec<String> {
        let (_, out, _) = run(newslint()
            .args(["check", "--format", "jsonl"])
            .args(args)
            .arg(&f));
        jsonl(&out)
            .iter()
            .map(|x| x["rule"].as_str().unwrap().to_string())
            .collect()
    };
    let only = rules_of(&["--select", "loaded-language"]);
    assert!(
        !only.is_empty() && only.iter().all(|r| r == "loaded-verb"),
        "{only:?}"
    );
    let without = rules_of(&["--ignore", "loaded-verb", "--ignore", "hedging"]);
    assert!(
        without
            .iter()
            .all(|r| r != "loaded-verb" && !r.starts_with("hedge")),
        "{without:?}"
    );
}

#[test]
fn directories_are_walked_and_output_sorted_by_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), "The firm rumouredly cut jobs.\n").unwrap();
    std::fs::write(dir.path().join("a.md"), "The firm rumouredly cut jobs.\n").unwrap();
    std::fs::write(dir.path().join("skip.rs"), "rumouredly").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(
        dir.path().join("sub/c.txt"),
        "The firm rumouredly cut jobs.\n",
    )
    .unwrap();
    let (_, out, _) = run(newslint()
        .args(["check", "--format", "jsonl"])
        .args(CUSTOM)
        .arg(dir.path()));
    let paths: Vec<String> = jsonl(&out)
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths.len(), 3, "{paths:?}");
    assert!(
        paths[0].ends_with("a.md")
            && paths[1].ends_with("b.txt")
            && paths[2].ends_with("sub/c.txt"),
        "{paths:?}"
    );
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    // Every format: some are rendered on the thread that lints a file, some
    // where the output is written. The missing file's error is ordered too.
    for format in ["jsonl", "concise", "github", "human", "json"] {
        let out = |threads: &[&str]| {
            let (_, out, err) = run(newslint()
                .args(["check", "--color", "never", "--format", format])
                .args(threads)
                .args(["examples", "tests/fixtures", "no-such-file.txt"]));
            (out, err)
        };
        // One thread runs on the main thread, more in a pool: same output.
        let one = out(&["--threads", "1"]);
        assert!(!one.0.is_empty(), "{format}");
        assert!(one.1.contains("no-such-file.txt"), "{format}: {}", one.1);
        assert_eq!(one, out(&["-j", "2"]), "{format}");
        assert_eq!(one, out(&["-j3"]), "{format}");
        assert_eq!(one, out(&[]), "{format}");
    }
}

#[test]
fn more_files_than_are_read_while_the_pack_loads_keep_their_order() {
    // A thread reads at most 64 files while the pack loads (in a debug build
    // it loads slowly enough to reach that), then waits; the rest are linted
    // by the pool. A missing file sits among them.
    let dir = tempfile::tempdir().unwrap();
    let leads = [
        "Critics say the plan slapped new costs on families.",
        "The mayor said the budget was balanced.",
        "Officials reportedly feared the dam would fail.",
        "The regime claimed the vote was fair, observers said.",
    ];
    let mut paths = Vec::new();
    for i in 0..150 {
        let path = dir.path().join(format!("story-{i:03}.txt"));
        std::fs::write(
            &path,
            format!("{}\n\nParagraph {i}.\n", leads[i % leads.len()]),
        )
        .unwrap();
        paths.push(path);
    }
    paths.insert(70, dir.path().join("story-missing.txt"));
    let out = |threads: &str| {
        let (_, out, err) = run(newslint()
            .args(["check", "--format", "jsonl", "-j", threads])
            .args(&paths));
        (out, err)
    };
    let one = out("1");
    // Findings per lead: a vague source and a loaded verb; none; a state of
    // mind and a hedge; a doubting verb and a vague source.
    let expected: usize = (0..150).map(|i| [2, 0, 2, 2][i % 4]).sum();
    assert_eq!(jsonl(&one.0).len(), expected, "{}", one.0);
    assert!(one.1.contains("story-missing.txt"), "{}", one.1);
    assert_eq!(one, out("2"));
    assert_eq!(one, out("4"));
}

#[test]
fn a_pack_that_fails_to_load_stops_a_run_on_many_threads() {
    // With several files and threads the first files are read while the pack
    // loads: a bad rule file or selection must still end the run cleanly.
    for bad in [
        &["--rules", "tests/fixtures/rules/bad-regex.toml"][..],
        &["--select", "no-such-rule"][..],
    ] {
        let (code, out, err) = run(newslint()
            .args(["check", "-j2"])
            .args(bad)
            .args(["examples", "tests/fixtures"]));
        assert_eq!(code, 2, "{bad:?}");
        assert_eq!(out, "", "{bad:?}");
        assert!(err.contains("newslint: error:"), "{bad:?}: {err}");
    }
}

#[test]
fn sarif_declares_columns_and_rules() {
    let (_, out, _) = run(newslint()
        .args(["check", "--format", "sarif"])
        .arg(fixture("flagged.txt")));
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run0 = &log["runs"][0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    for r in run0["results"].as_array().unwrap() {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        assert!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
                >= 1
        );
    }
}

#[test]
fn github_annotations() {
    let (_, out, _) = run(newslint()
        .args(["check", "--format", "github"])
        .args(CUSTOM)
        .arg("tests/fixtures/crlf.txt"));
    assert_eq!(
        out,
        "::notice title=newslint house-style-hedge,file=tests/fixtures/crlf.txt,line=3,col=10,endLine=3,endColumn=20::“rumouredly” with no source in the sentence\n"
    );
}

#[test]
fn rules_lists_and_phrases_print() {
    let (code, out, _) = run(newslint().arg("rules"));
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("hedge-allegation")
        && l.contains("hedging")
        && l.contains("warning")));
    let (_, phrases, _) = run(newslint().args(["rules", "--phrases"]));
    assert!(phrases.lines().any(|l| l == "reportedly"));
    assert!(phrases.lines().any(|l| l == "slammed"));
}

#[test]
fn explain_prints_reason_references_and_examples() {
    let (code, out, _) = run(newslint().args(["explain", "hedge-allegation"]));
    assert_eq!(code, 0);
    assert!(out.contains("AP Stylebook"));
    assert!(out.contains("[reportedly]"));
    assert!(out.contains("Leaves alone:"));
    assert_eq!(run(newslint().args(["explain", "no-such-rule"])).0, 2);
}

#[test]
fn test_rules_passes_on_the_pack_and_reports_failures() {
    let (code, out, _) = run(newslint().arg("test-rules"));
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run(newslint().args([
        "test-rules",
        "--no-default-rules",
        "--color",
        "never",
        "tests/fixtures/rules/failing.toml",
    ]));
    assert_eq!(code, 1);
    assert!(
        out.contains("missed: “marvellous” was not flagged"),
        "{out}"
    );
    assert!(
        out.contains("wrong span: flagged “splendid” instead of “splendid view”"),
        "{out}"
    );
    assert!(
        out.contains("noisy: flagged “splendid”, which the example does not mark"),
        "{out}"
    );
    assert!(
        out.contains("3 examples of 1 rules checked: 0 passed, 3 failed"),
        "{out}"
    );
}

#[test]
fn opt_in_rules_are_listed_and_run_when_selected() {
    let (_, out, _) = run(newslint().arg("rules"));
    assert!(
        out.lines()
            .any(|l| l.starts_with("scare-quote") && l.contains("opt-in")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("hedge-allegation") && l.contains(" on ")),
        "{out}"
    );
    let text = "The minister returned from a “fact-finding” trip.\n";
    let (_, quiet, _) = run(newslint()
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "t.txt",
            "-",
        ])
        .write_stdin(text));
    assert!(!quiet.contains("scare-quote"), "{quiet}");
    for sel in ["thorough", "scare-quote", "loaded-language"] {
        let (_, out, _) = run(newslint()
            .args(["check", "--format", "concise", "--select", sel, "-"])
            .write_stdin(text));
        assert!(out.contains("scare-quote"), "--select {sel}: {out}");
    }
}
