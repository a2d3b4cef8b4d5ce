//! The sourcing of short stories written for the purpose.

use super::*;
use crate::extract::extract_txt;
use crate::model::Document;

fn sourcing(text: &str) -> ArticleSourcing {
    let prose = extract_txt(text);
    let doc = Document::analyze(&prose);
    let pack = crate::run::load_pack(&crate::run::PackOptions::default()).expect("default pack");
    let findings = crate::engine::check_document(&pack, &doc, None);
    ArticleSourcing::new("story.txt", &doc, text, &pack, &findings)
}

#[test]
fn surname_and_pronoun_are_the_named_source_again() {
    let a = sourcing(
        "Harbour Commissioner Ana Ruiz said the dam would hold through the winter storms.\n\n\
         Ruiz told reporters the repairs were finished in May. She said the cost stayed within budget.\n",
    );
    assert_eq!(a.sources.len(), 1, "{:?}", a.sources);
    assert_eq!(a.sources[0].mentions, 2);
    assert_eq!(a.sources[0].entity, "person");
    assert_eq!(a.source_counts().named, 1);
}

#[test]
fn anonymous_source_with_and_without_a_reason() {
    let a = sourcing(
        "A person familiar with the talks said the deal was close to being signed by both sides.\n\n\
         Another official, who spoke on condition of anonymity because the talks are private, said the price had not been agreed.\n",
    );
    let c = a.source_counts();
    assert_eq!(c.anonymous_without_reason, 1, "{:?}", a.sources);
    assert_eq!(
        c.anonymous_with_reason + c.named + c.vague,
        1,
        "{:?}",
        a.sources
    );
}

#[test]
fn unattributed_claims_and_their_longest_run() {
    let a = sourcing(
        "The new depot will double the number of buses running on the eastern routes.\n\n\
         Fares on those routes will rise by a fifth next spring for every passenger.\n\n\
         The transit authority said the depot opens in June after two years of delays.\n",
    );
    assert_eq!(a.unattributed.len(), 2, "{:?}", a.unattributed);
    assert_eq!(a.longest_unattributed_run, 2);
    assert_eq!(a.unattributed[0].start, 0);
}

#[test]
fn attributions_carry_file_offsets_and_quotes_their_speaker() {
    let text = "“We are ready,” said Mayor Ana Ruiz.\n";
    let a = sourcing(text);
    assert_eq!(a.quotations, 1);
    assert_eq!(a.quotations_with_speaker, 1);
    let at = &a.attributions[0];
    assert_eq!(&text[at.cue.start..at.cue.end], "said");
    let s = at.source.as_ref().expect("source");
    assert_eq!(&text[s.start..s.end], "Mayor Ana Ruiz");
    assert!(at.named);
}

#[test]
fn words_count_only_words() {
    assert_eq!(count_words("A — b, 3 c."), 4);
    assert_eq!(per_1000(2, 500), 4.0);
    assert_eq!(per_1000(2, 0), 0.0);
}

#[test]
fn newspapers_and_agencies_are_organizations() {
    for name in [
        "the Harbour Gazette",
        "The New York Times",
        "Politico",
        "the agency",
    ] {
        assert!(super::is_organization(name), "{name}");
    }
    for name in ["Dana Ruiz", "the mayor", ""] {
        assert!(!super::is_organization(name), "{name}");
    }
}
