use std::path::PathBuf;

use super::*;
use crate::input::InputErrorKind;

/// A folder of short copy: some flagged, one clean, one binary, one nested.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir(p.join("late")).unwrap();
    let files: [(&str, &[u8]); 6] = [
        (
            "b.txt",
            b"Critics say the new toll is a disaster for commuters.\n",
        ),
        (
            "a.md",
            b"# Ferry\n\nThe ferry runs twice a day, the port said.\n",
        ),
        ("c.txt", b"Some people believe the vote was rigged.\n"),
        ("d.txt", b"\x00\x01 not text"),
        (
            "late/e.txt",
            b"It is widely known that the mayor is corrupt.\n",
        ),
        ("notes.csv", b"a,b\n"),
    ];
    for (name, bytes) in files {
        std::fs::write(p.join(name), bytes).unwrap();
    }
    dir
}

/// Each outcome of a run as `path clean|flagged | rule ids` or `error: path`.
fn outcomes(pack: &Pack, paths: &[PathBuf], options: &Options) -> Vec<String> {
    let mut seen = Vec::new();
    check_paths(pack, paths, options, |result| {
        seen.push(match result {
            Ok(linted) => {
                let ids: Vec<_> = linted
                    .report
                    .findings
                    .iter()
                    .map(|f| pack.rules[f.finding.rule].id.as_str())
                    .collect();
                let flagged = if ids.is_empty() { "clean" } else { "flagged" };
                format!("{} {flagged} | {ids:?}", linted.report.path)
            }
            Err(e) => format!("error: {}", e.path),
        })
    });
    seen
}

#[test]
fn a_folder_lints_in_path_order_whatever_the_threads() {
    let dir = folder();
    let pack = load_pack(&PackOptions::default()).unwrap();
    let paths = [dir.path().to_path_buf(), dir.path().join("missing.txt")];
    let serial = outcomes(
        &pack,
        &paths,
        &Options {
            threads: Some(1),
            ..Options::default()
        },
    );
    let base = dir.path().display().to_string();
    let shown: Vec<String> = serial
        .iter()
        .map(|s| {
            s.replace(&base, "D")
                .split(" | ")
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    // What does not exist first, then each file (or why it was skipped) in
    // path order; the .csv is not a document.
    assert_eq!(
        shown,
        [
            "error: D/missing.txt",
            "D/a.md clean",
            "D/b.txt flagged",
            "D/c.txt flagged",
            "error: D/d.txt",
            "D/late/e.txt flagged",
        ],
        "{serial:#?}"
    );
    assert_eq!(outcomes(&pack, &paths, &Options::default()), serial);
}

#[test]
fn standard_input_takes_its_place_by_name_and_the_pack_comes_back() {
    let dir = folder();
    let mut text: &[u8] = b"Critics say the bridge is a boondoggle.\n";
    let name = dir.path().join("bb.txt").display().to_string();
    let mut order = Vec::new();
    let loaded = check(
        || load_pack(&PackOptions::default()),
        &[dir.path().to_path_buf()],
        Some(Stdin {
            name: name.clone(),
            reader: &mut text,
        }),
        &Options {
            render: Some(crate::render::render_jsonl),
            ..Options::default()
        },
        |_, result| {
            if let Ok(linted) = result {
                let rendered = linted.rendered.expect("render asked for");
                assert_eq!(rendered.is_empty(), linted.report.findings.is_empty());
                order.push(linted.report.path);
            }
        },
    );
    let pack = loaded.unwrap();
    assert!(!pack.rules.is_empty());
    let base = dir.path().display().to_string();
    let order: Vec<_> = order.iter().map(|p| p.replace(&base, "D")).collect();
    assert_eq!(
        order,
        ["D/a.md", "D/b.txt", "D/bb.txt", "D/c.txt", "D/late/e.txt"]
    );
}

#[test]
fn a_pack_that_fails_to_load_is_the_error_and_nothing_is_reported() {
    let dir = folder();
    for options in [
        PackOptions {
            rule_paths: vec![dir.path().join("no-rules.toml")],
            ..PackOptions::default()
        },
        PackOptions {
            select: vec!["no-such-rule".into()],
            ..PackOptions::default()
        },
    ] {
        let mut reported = 0;
        let result = check(
            || load_pack(&options),
            &[dir.path().to_path_buf(), dir.path().join("missing.txt")],
            None,
            &Options::default(),
            |_, _| reported += 1,
        );
        let Err(e) = result else {
            panic!("{options:?} loaded");
        };
        assert!(
            matches!(e, Error::RulePath(_) | Error::UnknownRules(_)),
            "{e}"
        );
        assert_eq!(reported, 0);
    }
}

#[test]
fn unreadable_standard_input_is_an_input_error() {
    struct Broken;
    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("gone"))
        }
    }
    let pack = load_pack(&PackOptions::default()).unwrap();
    let mut errors = Vec::new();
    let _ = check(
        || Ok::<_, Error>(&pack),
        &[],
        Some(Stdin {
            name: "<stdin>".into(),
            reader: &mut Broken,
        }),
        &Options::default(),
        |_, result| errors.push(result.unwrap_err()),
    );
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0].kind, InputErrorKind::Stdin(_)));
    assert_eq!(
        errors[0].to_string(),
        "<stdin>: cannot read standard input: gone"
    );
}
