//! The default pack: every rule's own examples hold.

use newslint::rules::PackLoader;
use newslint::verify::verify;

#[test]
fn every_default_rule_example_holds() {
    let mut loader = PackLoader::new();
    loader.add_prebuilt(&newslint::rules::DEFAULT_PACK);
    let pack = loader
        .load()
        .unwrap_or_else(|e| panic!("default pack loads:\n{e}"));
    let (checked, failures) = verify(&pack, |_| true);
    let report: Vec<String> = failures
        .iter()
        .flat_map(|f| {
            let rule = &pack.rules[f.rule];
            let text = &rule.examples[f.example].text;
            f.describe(&pack)
                .into_iter()
                .map(move |p| format!("{}: {p}\n    in: {text}", rule.id))
        })
        .collect();
    assert!(
        report.is_empty(),
        "{} of {checked} examples fail:\n{}",
        failures.len(),
        report.join("\n")
    );
}

#[test]
fn every_rule_has_two_flag_and_two_pass_examples_and_a_reference() {
    let mut loader = PackLoader::new();
    loader.add_prebuilt(&newslint::rules::DEFAULT_PACK);
    let pack = loader.load().unwrap();
    for r in &pack.rules {
        let flag = r.examples.iter().filter(|e| e.must_flag).count();
        let pass = r.examples.len() - flag;
        assert!(
            flag >= 2 && pass >= 2,
            "{} has {flag} flag and {pass} pass examples",
            r.id
        );
        assert!(!r.references.is_empty(), "{} cites no reference", r.id);
        assert!(r.explanation.len() > 80, "{} explains too little", r.id);
    }
}

/// The annotated example in docs/rules.md is a real rule file whose examples hold.
#[test]
fn docs_rules_example_loads_and_its_examples_hold() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    let start = doc.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let mut loader = PackLoader::new();
    loader.add_prebuilt(&newslint::rules::DEFAULT_PACK);
    loader.add_file("docs/rules.md".into(), doc[start..end].to_string());
    let pack = loader
        .load()
        .unwrap_or_else(|e| panic!("docs example loads:\n{e}"));
    let src = pack.files.len() - 1;
    let (checked, failures) = verify(&pack, |s| s == src);
    assert!(checked >= 4);
    let msgs: Vec<String> = failures.iter().flat_map(|f| f.describe(&pack)).collect();
    assert!(failures.is_empty(), "{msgs:?}");
}

/// Two rules, one on by default and one opt-in, of different categories.
fn two_sets() -> newslint::rules::Pack {
    let rule = |id: &str, category: &str, set: &str| {
        format!(
            "[[rule]]\nid = \"{id}\"\ncategory = \"{category}\"\nseverity = \"warning\"\n{set}\
             message = \"m\"\nexplanation = \"e\"\nphrases = [\"{id}\"]\n"
        )
    };
    let mut loader = PackLoader::new();
    loader.add_file(
        "sets.toml".into(),
        rule("plain", "hedging", "") + &rule("extra", "sourcing", "set = \"thorough\"\n"),
    );
    loader.load().unwrap()
}

fn on(pack: &newslint::rules::Pack) -> Vec<&str> {
    pack.active().map(|i| pack.rules[i].id.as_str()).collect()
}

#[test]
fn opt_in_rules_run_only_when_asked_for() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let mut p = two_sets();
    assert_eq!(on(&p), ["plain"]);
    assert!(p.select(&[], &[]).is_empty());
    assert_eq!(on(&p), ["plain"]);
    let listed: Vec<_> = p.listed().collect();
    assert_eq!(listed, [0, 1], "an opt-in rule is listed as available");
    p.select(&s(&["thorough"]), &[]);
    assert_eq!(on(&p), ["plain", "extra"]);
    p.select(&s(&["extra"]), &[]);
    assert_eq!(on(&p), ["extra"]);
    p.select(&s(&["sourcing"]), &[]);
    assert_eq!(on(&p), ["extra"], "a category selects its opt-in rules");
    p.select(&s(&["default", "extra"]), &[]);
    assert_eq!(on(&p), ["plain", "extra"]);
    p.select(&s(&["thorough"]), &s(&["extra"]));
    assert_eq!(on(&p), ["plain"]);
    p.select(&[], &s(&["extra"]));
    assert_eq!(
        p.listed().count(),
        1,
        "an ignored opt-in rule is not listed"
    );
    assert_eq!(p.select(&s(&["nonesuch"]), &[]), ["nonesuch"]);
}
/// An `info` finding would not be worth an editor's time on professional
/// copy, so the default pack keeps info rules in the opt-in set.
#[test]
fn default_pack_info_rules_are_opt_in() {
    use newslint::finding::Severity;
    use newslint::rules::schema::RuleSet;
    let mut loader = PackLoader::new();
    loader.add_prebuilt(&newslint::rules::DEFAULT_PACK);
    let pack = loader.load().unwrap();
    for r in &pack.rules {
        assert!(
            r.severity != Severity::Info || r.set == RuleSet::Thorough,
            "{} is info but on by default",
            r.id
        );
    }
}
