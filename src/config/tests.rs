use std::collections::BTreeMap;

use super::resolve::{self, CliRules};
use super::*;
use crate::finding::Severity;
use crate::rules::Pack;

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(
        Path::new("/desk/newslint.toml"),
        "newslint.toml".into(),
        text.to_string(),
    )
}

fn pack() -> Pack {
    let mut pack = crate::rules::default_pack();
    crate::suppress::own_rules::add_to(&mut pack);
    pack
}

fn problems(e: ConfigError) -> Vec<(String, Range<usize>)> {
    match e {
        ConfigError::Invalid(errors) => errors
            .errors
            .into_iter()
            .map(|e| (e.message, e.span))
            .collect(),
        other => panic!("{other}"),
    }
}

#[test]
fn an_unknown_key_is_an_error_at_the_key() {
    let text = "select = [\"default\"]\nfail_on = \"error\"\n";
    let p = problems(parse(text).unwrap_err());
    assert!(p[0].0.starts_with("unknown field `fail_on`"), "{p:?}");
    assert_eq!(&text[p[0].1.clone()], "fail_on");
}

#[test]
fn an_unknown_rule_name_points_at_the_name() {
    let text = "ignore = [\"editorializing\", \"editorialising\"]\n";
    let c = parse(text).unwrap();
    let p = problems(c.check_names(&pack()).unwrap_err());
    assert_eq!(p.len(), 1);
    assert_eq!(&text[p[0].1.clone()], "\"editorialising\"");
}

#[test]
fn globs_are_relative_to_the_config_folder_and_bare_names_match_at_any_depth() {
    let c = parse("exclude = [\"archive/**\", \"*.txt\", \"drafts/\"]\n").unwrap();
    assert!(c.excludes(Path::new("/desk/archive/2019/a.md")));
    assert!(c.excludes(Path::new("/desk/wire/a.txt")));
    assert!(c.excludes(Path::new("/desk/news/drafts/a.md")));
    assert!(!c.excludes(Path::new("/desk/news/a.md")));
    assert!(!c.excludes(Path::new("/elsewhere/news/archive.md")));
}

#[test]
fn a_bad_glob_is_an_error_at_the_glob() {
    let text = "exclude = [\"news/[a\"]\n";
    let p = problems(parse(text).unwrap_err());
    assert_eq!(&text[p[0].1.clone()], "\"news/[a\"");
}

#[test]
fn overrides_profiles_and_severities_layer_in_order() {
    let pack = pack();
    let c = parse(
        r#"
ignore = ["puffery"]
[severity]
hedging = "info"
hedge-allegation = "error"
[[overrides]]
paths = ["opinion/**"]
ignore = ["editorializing"]
select = ["vague-quantity"]
[profile.analysis]
when = { type = ["analysis", "explainer"] }
severity = { loaded-language = "info" }
"#,
    )
    .unwrap();
    c.check_names(&pack).unwrap();
    let cli = CliRules::default();
    let id = |s: &str| pack.rule_index(s).unwrap();
    let news = Path::new("/desk/news/a.md");
    let none = BTreeMap::new();
    let (s, profiles) = resolve::settings(&pack, Some(&c), &cli, &[], news, &none);
    assert!(profiles.is_empty());
    assert_eq!(s.severity[id("hedge-allegation")], Some(Severity::Error));
    assert_eq!(s.severity[id("hedge-headline")], Some(Severity::Info));
    let puffery: Vec<usize> = (0..pack.rules.len())
        .filter(|&i| pack.rules[i].category.as_str() == "puffery")
        .collect();
    assert!(puffery.iter().all(|&i| !s.active[i]));
    assert!(
        !s.active[id("vague-quantity")],
        "opt-in stays off outside the override"
    );

    let opinion = Path::new("/desk/opinion/b.md");
    let fm = BTreeMap::from([("type".to_string(), "Explainer".to_string())]);
    let (s, profiles) = resolve::settings(&pack, Some(&c), &cli, &[], opinion, &fm);
    assert_eq!(profiles, ["analysis"]);
    assert!(s.active[id("vague-quantity")]);
    let editorializing: Vec<usize> = (0..pack.rules.len())
        .filter(|&i| pack.rules[i].category.as_str() == "editorializing")
        .collect();
    assert!(!editorializing.is_empty());
    assert!(editorializing.iter().all(|&i| !s.active[i]));
    assert_eq!(s.severity[id("loaded-verb")], Some(Severity::Info));
    // The engine runs what any file may report.
    let may = resolve::may_run(&pack, Some(&c), &cli);
    assert!(may[id("vague-quantity")]);
}

#[test]
fn command_line_select_replaces_and_ignore_adds() {
    let pack = pack();
    let c = parse("select = [\"hedging\"]\nignore = [\"hedge-headline\"]\n").unwrap();
    let cli = CliRules {
        select: vec!["loaded-language".into()],
        ignore: vec!["loaded-verb".into()],
    };
    let f = Path::new("/desk/a.md");
    let (s, _) = resolve::settings(&pack, Some(&c), &cli, &[], f, &BTreeMap::new());
    let id = |s: &str| pack.rule_index(s).unwrap();
    assert!(!s.active[id("hedge-allegation")]);
    assert!(!s.active[id("loaded-verb")]);
    assert!(
        (0..pack.rules.len())
            .any(|i| s.active[i] && pack.rules[i].category.as_str() == "loaded-language")
    );
    // newslint's own rules stay on under a narrow select.
    assert!(s.active[id(crate::suppress::UNUSED)]);
}

/// The annotated example in docs/configuration.md is a valid configuration.
#[test]
fn the_documented_example_loads() {
    let doc = include_str!("../../docs/configuration.md");
    let start = doc.find("## A complete, annotated example").unwrap();
    let block = &doc[start..];
    let block = &block[block.find("```toml\n").unwrap() + 8..];
    let block = &block[..block.find("```").unwrap()];
    let c = parse(block).unwrap_or_else(|e| panic!("{e}"));
    c.check_names(&pack()).unwrap_or_else(|e| match e {
        ConfigError::Invalid(errors) => panic!("{errors}"),
        e => panic!("{e}"),
    });
    assert_eq!(c.def.overrides.len(), 2);
    assert_eq!(c.def.profile.len(), 2);
}

/// So is the starter `newslint init` writes, with every key uncommented.
#[test]
fn the_starter_loads_with_every_key_uncommented() {
    let uncommented: String = starter::STARTER
        .lines()
        .filter(|l| {
            l.starts_with("# ") && {
                let rest = &l[2..];
                rest.starts_with('[') || rest.contains(" = ") || rest.starts_with("when")
            }
        })
        .map(|l| format!("{}\n", &l[2..]))
        .collect();
    let c = parse(&uncommented).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
    c.check_names(&pack()).unwrap_or_else(|e| panic!("{e}"));
    assert!(c.def.allow.contains(&"Liberty Institute".to_string()));
    assert!(parse(starter::STARTER).is_ok());
}
