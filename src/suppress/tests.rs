use super::*;
use crate::extract::extract_text;

/// The default pack with newslint's own rules, as a run has it.
fn pack() -> Pack {
    let mut pack = crate::rules::default_pack();
    own_rules::add_to(&mut pack);
    pack
}

/// Lints `text` as `format` and judges it with `settings`.
fn run(
    pack: &Pack,
    text: &str,
    format: InputFormat,
    settings: &FileSettings,
) -> (Vec<Judged>, Vec<SuppressionRecord>) {
    let prose = extract_text(format, text);
    // Findings come with ranges in the file's text already.
    let findings = crate::engine::check_prose(pack, &prose);
    judge(pack, text, format, settings, findings)
}

fn ids(pack: &Pack, judged: &[Judged], suppressed: bool) -> Vec<String> {
    judged
        .iter()
        .filter(|j| matches!(j.verdict, Verdict::Suppressed { .. }) == suppressed)
        .map(|j| pack.rules[j.finding.rule].id.clone())
        .collect()
}

#[test]
fn next_line_skips_blank_lines_and_silences_only_that_line() {
    let pack = pack();
    let text = "[newslint-disable-next-line hedging -- confirmed by the clerk]\n\n\
                The governor allegedly funneled money to the campaign.\n\n\
                The senator allegedly hid the payments.\n";
    let (judged, records) = run(&pack, text, InputFormat::Txt, &FileSettings::of_pack(&pack));
    assert_eq!(ids(&pack, &judged, true), ["hedge-allegation"]);
    assert_eq!(ids(&pack, &judged, false), ["hedge-allegation"]);
    assert_eq!(records[0].count, 1);
    assert_eq!(records[0].reason.as_deref(), Some("confirmed by the clerk"));
    assert_eq!(records[0].line, 1);
}

#[test]
fn disable_runs_to_its_enable_by_id_or_category() {
    let pack = pack();
    let text = "<!-- newslint-disable loaded-verb -- court filing wording -->\n\
                The senator slammed the budget plan.\n\
                <!-- newslint-enable loaded-verb -->\n\n\
                The mayor slammed the transit plan.\n";
    let (judged, _) = run(
        &pack,
        text,
        InputFormat::Markdown,
        &FileSettings::of_pack(&pack),
    );
    assert_eq!(ids(&pack, &judged, true), ["loaded-verb"]);
    assert_eq!(ids(&pack, &judged, false), ["loaded-verb"]);
}

#[test]
fn an_unused_name_and_an_unknown_one_are_reported_at_the_directive() {
    let pack = pack();
    let text = "<p>The council met on Tuesday.</p>\n\
                <!-- newslint-disable-next-line puffery, no-such-rule -- legacy -->\n\
                <p>The vote was 5 to 2.</p>\n";
    let (judged, _) = run(
        &pack,
        text,
        InputFormat::Html,
        &FileSettings::of_pack(&pack),
    );
    let mut got = ids(&pack, &judged, false);
    got.sort();
    assert_eq!(got, [INVALID, UNUSED]);
    let unused = judged
        .iter()
        .find(|j| pack.rules[j.finding.rule].id == UNUSED)
        .unwrap();
    assert!(unused.finding.message.contains("puffery"));
    assert!(!unused.finding.message.contains("no-such-rule"));
    assert!(text[unused.finding.range.clone()].starts_with("<!-- newslint-disable-next-line"));
}

#[test]
fn a_rule_off_for_the_file_is_not_called_unused() {
    let pack = pack();
    let mut settings = FileSettings::of_pack(&pack);
    for (i, r) in pack.rules.iter().enumerate() {
        if r.category.as_str() == "puffery" {
            settings.active[i] = false;
        }
    }
    let text = "[newslint-disable-next-line puffery]\nThe council met on Tuesday.\n";
    let (judged, _) = run(&pack, text, InputFormat::Txt, &settings);
    assert!(judged.is_empty(), "{judged:?}");
}

#[test]
fn require_reasons_reports_a_reasonless_suppression_which_still_applies() {
    let pack = pack();
    let mut settings = FileSettings::of_pack(&pack);
    settings.require_reasons = true;
    let text = "[newslint-disable-next-line hedge-allegation]\n\
                The governor allegedly funneled money to the campaign.\n";
    let (judged, _) = run(&pack, text, InputFormat::Txt, &settings);
    assert_eq!(ids(&pack, &judged, true), ["hedge-allegation"]);
    assert_eq!(ids(&pack, &judged, false), [NO_REASON]);
}

#[test]
fn an_allowed_phrase_drops_findings_overlapping_it_only() {
    let pack = pack();
    let mut settings = FileSettings::of_pack(&pack);
    let text = "The mayor slammed the budget.\n\nThe governor slammed the plan.\n";
    let (all, _) = run(&pack, text, InputFormat::Txt, &settings);
    assert_eq!(ids(&pack, &all, false), ["loaded-verb", "loaded-verb"]);
    settings.allow = vec!["MAYOR SLAMMED".into()];
    let (judged, _) = run(&pack, text, InputFormat::Txt, &settings);
    assert_eq!(judged.len(), 1);
    assert!(judged[0].finding.range.start > text.find("governor").unwrap());
    // Whole words only: "mayor slam" is not in the text as words.
    settings.allow = vec!["mayor slam".into()];
    let (judged, _) = run(&pack, text, InputFormat::Txt, &settings);
    assert_eq!(judged.len(), 2);
}

#[test]
fn a_directive_line_itself_never_yields_a_finding() {
    let pack = pack();
    let text = "[newslint-disable-next-line hedging -- the senator slammed it]\n\
                The governor allegedly funneled money.\n";
    let (judged, _) = run(&pack, text, InputFormat::Txt, &FileSettings::of_pack(&pack));
    let directive_end = text.find('\n').unwrap();
    assert!(
        judged.iter().all(|j| j.finding.range.start >= directive_end
            || pack.rules[j.finding.rule].category == crate::finding::Category::Suppression),
        "{judged:?}"
    );
}

#[test]
fn configured_severity_rides_on_the_verdict() {
    let pack = pack();
    let mut settings = FileSettings::of_pack(&pack);
    let i = pack.rule_index("loaded-verb").unwrap();
    settings.severity[i] = Some(Severity::Error);
    let (judged, _) = run(
        &pack,
        "The senator slammed the plan.\n",
        InputFormat::Txt,
        &settings,
    );
    assert_eq!(judged[0].verdict, Verdict::Report(Some(Severity::Error)));
}
