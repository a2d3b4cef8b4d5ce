//! Tests of the whole model on short stories written for the purpose.

use super::*;
use crate::extract::extract_txt;
use crate::prose::Block;

use CueKind::{Belief, Speech};
use SourceKind::{Anonymous, Named, Vague};

/// Prose of body paragraphs separated by blank lines.
fn paras(text: &str) -> Prose {
    kinds(text, BlockKind::Paragraph)
}

/// Prose whose blank-line-separated blocks all have `kind`.
fn kinds(text: &str, kind: BlockKind) -> Prose {
    let mut blocks = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        let lead = part.len() - part.trim_start().len();
        let t = part.trim();
        if !t.is_empty() {
            blocks.push(Block {
                range: start + lead..start + lead + t.len(),
                kind,
            });
        }
        start += part.len() + 2;
    }
    Prose {
        text: text.to_owned(),
        blocks,
        ..Prose::default()
    }
}

fn sentences<'a>(d: &Document<'a>) -> Vec<&'a str> {
    d.sentences
        .iter()
        .map(|s| &d.text()[s.range.clone()])
        .collect()
}

fn quotes<'a>(d: &Document<'a>) -> Vec<(&'a str, usize)> {
    d.quotations
        .iter()
        .map(|q| (&d.text()[q.inner.clone()], q.depth))
        .collect()
}

type Attr<'a> = (&'a str, Option<&'a str>, SourceKind, CueKind);

fn attrs<'a>(d: &Document<'a>) -> Vec<Attr<'a>> {
    d.attributions
        .iter()
        .map(|a| {
            (
                &d.text()[a.cue.clone()],
                a.source.clone().map(|s| &d.text()[s]),
                a.source_kind,
                a.cue_kind,
            )
        })
        .collect()
}

/// The attributions of `text` that sources words (speech and states of
/// mind); stances, which only the sourcing report shows, are left out.
fn attrs_of(text: &str) -> Vec<(String, Option<String>, SourceKind, CueKind)> {
    let p = paras(text);
    let d = Document::analyze(&p);
    attrs(&d)
        .into_iter()
        .filter(|a| a.3 != CueKind::Stance)
        .map(|(c, s, k, ck)| (c.to_owned(), s.map(str::to_owned), k, ck))
        .collect()
}

/// The single attribution of `text`: (cue, source, kind).
fn one(text: &str) -> (String, Option<String>, SourceKind) {
    let a = attrs_of(text);
    assert_eq!(
        a.len(),
        1,
        "expected one attribution in {text:?}, got {a:?}"
    );
    let (c, s, k, _) = a.into_iter().next().unwrap();
    (c, s, k)
}

fn kind_of(text: &str) -> SourceKind {
    one(text).2
}

fn none(text: &str) {
    let a = attrs_of(text);
    assert!(
        a.is_empty(),
        "expected no attribution in {text:?}, got {a:?}"
    );
}

#[test]
fn dump() {
    let text = std::env::var("NEWSLINT_DUMP").unwrap_or_default();
    if text.is_empty() {
        return;
    }
    let p = extract_txt(&text);
    let d = Document::analyze(&p);
    println!();
    for (i, s) in d.sentences.iter().enumerate() {
        println!(
            "S{i} [{:?}] q={} {:?}",
            d.block_kind(i),
            s.is_question,
            d.sentence_text(i)
        );
        for a in d.attributions_in(i..i + 1) {
            println!(
                "    {:?} {:?} <- {:?} {:?}",
                a.cue_kind,
                &d.text()[a.cue.clone()],
                a.source.clone().map(|s| &d.text()[s]),
                a.source_kind
            );
        }
    }
    for q in &d.quotations {
        println!(
            "Q d={} w={} {:?}",
            q.depth,
            q.words,
            &d.text()[q.inner.clone()]
        );
    }
}

// ----- sentences -----

#[test]
fn sentences_never_cross_blocks() {
    let p = paras("The vote was close\n\nIt passed. Then the council adjourned");
    let d = Document::analyze(&p);
    assert_eq!(
        sentences(&d),
        [
            "The vote was close",
            "It passed.",
            "Then the council adjourned"
        ]
    );
    assert_eq!(d.sentences[0].block, 0);
    assert_eq!(d.sentences[2].block, 1);
}

#[test]
fn sentence_abbreviations_in_context() {
    let p = paras(
        "Sen. Maria Ortiz, D-Calif., met Mr. Jones at St. Vincent Hospital in Springfield, Ill. The hospital is run by Acme Health Corp. It opened in 1998.",
    );
    let d = Document::analyze(&p);
    assert_eq!(
        sentences(&d),
        [
            "Sen. Maria Ortiz, D-Calif., met Mr. Jones at St. Vincent Hospital in Springfield, Ill.",
            "The hospital is run by Acme Health Corp.",
            "It opened in 1998."
        ]
    );
}

#[test]
fn headline_is_one_sentence() {
    let p = extract_txt("U.S. Regulators Weigh Curbs on Acme Inc. Deal\n\nBody text here.\n");
    let d = Document::analyze(&p);
    assert_eq!(d.block_kind(0), BlockKind::Headline);
    assert_eq!(
        sentences(&d)[0],
        "U.S. Regulators Weigh Curbs on Acme Inc. Deal"
    );
}

#[test]
fn questions_outside_quotes_only() {
    let p = paras(
        "Is the plan fair? He asked, \u{201c}Who pays?\u{201d} Why did they say \u{201c}no\u{201d}? (Nobody knows?) Really?!",
    );
    let d = Document::analyze(&p);
    let q: Vec<bool> = d.sentences.iter().map(|s| s.is_question).collect();
    assert_eq!(sentences(&d).len(), 5, "{:?}", sentences(&d));
    assert_eq!(q, [true, false, true, true, true]);
}

#[test]
fn sentence_lookup_helpers() {
    let p = paras("One. Two words here. Three.\n\nFour.");
    let d = Document::analyze(&p);
    let text = d.text();
    let two = text.find("Two").unwrap();
    let three = text.find("Three").unwrap();
    assert_eq!(d.sentence_range_for(&(two..two + 3)), 1..2);
    assert_eq!(d.sentence_range_for(&(two..three + 2)), 1..3);
    assert_eq!(d.sentence_range_for(&(two..two)), 1..2);
    assert_eq!(
        d.sentence_range_for(&(text.len() + 5..text.len() + 9)),
        4..4
    );
    assert_eq!(d.sentence_at(two + 2), Some(1));
    assert_eq!(d.sentence_text(3), "Four.");
    assert_eq!(d.sentence_text(99), "");
}

// ----- quotations -----

#[test]
fn straight_and_curly_quotes() {
    let p = paras("He called it \"a disaster\" and \u{201c}a shame.\u{201d}");
    let d = Document::analyze(&p);
    assert_eq!(quotes(&d), [("a disaster", 0), ("a shame.", 0)]);
    assert_eq!(d.quotations[0].words, 2);
    let text = d.text();
    let dis = text.find("disaster").unwrap();
    assert!(d.in_quotation(&(dis..dis + 8)));
    assert!(!d.in_quotation(&(0..2)));
    let and = text.find("and").unwrap();
    assert!(!d.in_quotation(&(and..and + 3)));
}

#[test]
fn a_closing_mark_typed_after_a_colon_opens() {
    let p = paras(
        "The statement read: \u{201d} We condemn it. Hate has no home here.\u{201d} Then he left.",
    );
    let d = Document::analyze(&p);
    assert_eq!(quotes(&d), [("We condemn it. Hate has no home here.", 0)]);
    // Without a closing mark later in the paragraph it stays a stray mark.
    let p = paras("The statement read: \u{201d} We condemn it.");
    assert!(Document::analyze(&p).quotations.is_empty());
}

#[test]
fn apostrophes_are_not_quotes() {
    let p = paras(
        "\u{201c}It\u{2019}s the students\u{2019} books, not the \u{2019}90s rock \u{2019}n\u{2019} roll we don\u{2019}t play,\u{201d} she said. \"Don't touch 'em,\" he said of the '80s tapes.",
    );
    let d = Document::analyze(&p);
    assert_eq!(d.quotations.len(), 2, "{:?}", quotes(&d));
    assert!(d.quotations.iter().all(|q| q.depth == 0));
}

#[test]
fn nested_single_quotes() {
    let p = paras(
        "\u{201c}He told me \u{2018}never again,\u{2019} and I believed him,\u{201d} she said. \"They called it 'a hoax' twice,\" he said.",
    );
    let d = Document::analyze(&p);
    assert_eq!(
        quotes(&d),
        [
            (
                "He told me \u{2018}never again,\u{2019} and I believed him,",
                0
            ),
            ("never again,", 1),
            ("They called it 'a hoax' twice,", 0),
            ("a hoax", 1)
        ]
    );
    let text = d.text();
    let never = text.find("never").unwrap();
    let q = d.quotation_at(never).unwrap();
    assert_eq!(q.depth, 1);
    assert_eq!(d.outer_quotation_at(never).unwrap().depth, 0);
    let i = d.quotation_index_at(never).unwrap();
    assert_eq!(d.parents[i], 0);
}

#[test]
fn possessive_inside_nested_quote() {
    let p = paras("\"She said 'the players' union will decide' on Friday,\" he said.");
    let d = Document::analyze(&p);
    assert_eq!(quotes(&d)[1], ("the players' union will decide", 1));
}

#[test]
fn single_quotes_in_headlines() {
    let p = kinds(
        "Mayor Calls Plan 'Reckless' as Investors' Fears Grow",
        BlockKind::Headline,
    );
    let d = Document::analyze(&p);
    assert_eq!(quotes(&d), [("Reckless", 0)]);
    let p = kinds("Rock 'n' Roll Hall Adds '90s Acts", BlockKind::Headline);
    assert!(Document::analyze(&p).quotations.is_empty());
}

#[test]
fn single_quotes_in_body_are_apostrophes() {
    let p = paras("The players' union said 'no' to the owners' offer.");
    let d = Document::analyze(&p);
    assert!(d.quotations.is_empty());
}

#[test]
fn quote_continues_across_three_paragraphs() {
    let text = "\u{201c}We tried everything,\u{201d} Ruiz said. \u{201c}First we asked.\n\n\u{201c}Then we begged.\n\n\u{201c}Then we gave up.\u{201d}\n\nThe talks ended.";
    let p = paras(text);
    let d = Document::analyze(&p);
    assert_eq!(d.quotations.len(), 2, "{:?}", quotes(&d));
    let q = &d.quotations[1];
    let inner = &text[q.inner.clone()];
    assert!(inner.starts_with("First we asked."), "{inner:?}");
    assert!(inner.ends_with("Then we gave up."), "{inner:?}");
    assert_eq!(q.words, 10);
    let begged = text.find("begged").unwrap();
    assert!(d.in_quotation(&(begged..begged + 6)));
    let talks = text.find("talks").unwrap();
    assert!(!d.in_quotation(&(talks..talks + 5)));
    // the separator and the reopening mark are inside
    let sep = text.find("\n\n").unwrap();
    assert!(d.in_quotation(&(sep..sep + 1)));
}

#[test]
fn unclosed_quote_ends_with_its_paragraph() {
    let text = "He said \"we are finished and walked out.\n\nThe meeting ended.";
    let p = paras(text);
    let d = Document::analyze(&p);
    assert_eq!(quotes(&d), [("we are finished and walked out.", 0)]);
    let meeting = text.find("meeting").unwrap();
    assert!(!d.in_quotation(&(meeting..meeting + 7)));
}

#[test]
fn attribution_in_the_middle_of_a_quote() {
    let text = "\"We will not stop,\" she said, \"until it is done.\"";
    let p = paras(text);
    let d = Document::analyze(&p);
    assert_eq!(
        quotes(&d),
        [("We will not stop,", 0), ("until it is done.", 0)]
    );
    let said = text.find("said").unwrap();
    assert!(!d.in_quotation(&(said..said + 4)));
    assert_eq!(attrs(&d), [("said", Some("she"), Named, Speech)]);
    assert_eq!(
        d.speaker_of(&d.quotations[1]).map(|a| a.source_kind),
        Some(Named)
    );
}

#[test]
fn block_quotes_and_quotes_inside_them() {
    let p = Prose {
        text: "Intro.\n\nThe \"only\" way out is through.\n\nAfter.".to_owned(),
        blocks: vec![
            Block {
                range: 0..6,
                kind: BlockKind::Paragraph,
            },
            Block {
                range: 8..38,
                kind: BlockKind::BlockQuote,
            },
            Block {
                range: 40..46,
                kind: BlockKind::Paragraph,
            },
        ],
        ..Prose::default()
    };
    let d = Document::analyze(&p);
    assert_eq!(d.quotations.len(), 2);
    assert_eq!(d.quotations[0].kind, QuotationKind::Block);
    assert_eq!(d.quotations[0].words, 6);
    assert_eq!(
        (d.quotations[1].kind, d.quotations[1].depth),
        (QuotationKind::Direct, 1)
    );
    assert!(d.in_quotation(&(10..12)));
    assert!(!d.in_quotation(&(0..5)));
    assert!(d.within_quotation(&(12..16)));
    assert_eq!(d.quotation_at(14).map(|q| q.depth), Some(1));
    assert_eq!(
        d.quotation_at(30).map(|q| q.kind),
        Some(QuotationKind::Block)
    );
    assert_eq!(d.quotation_at(42), None);
}

#[test]
fn doubled_apostrophes_are_double_quotes() {
    let p = paras("''We are not done,'' Ms. Ray said of the board's ''final'' offer.");
    let d = Document::analyze(&p);
    assert_eq!(quotes(&d), [("We are not done,", 0), ("final", 0)]);
    assert_eq!(attrs(&d), [("said", Some("Ms. Ray"), Named, Speech)]);
}

#[test]
fn markup_quotations_join_the_scanned_ones() {
    let text = "She called it a pause, not an end, and \"a 'reset' of sorts.\"";
    let mut p = paras(text);
    let pause = text.find("a pause").unwrap();
    let reset = text.find("reset").unwrap();
    // a <q> element around "a pause, not an end", and one around "reset"
    // (inside the scanned quotation), and a bad one crossing it
    p.quote_ranges = vec![pause..pause + 19, reset..reset + 5, reset + 2..text.len()];
    let d = Document::analyze(&p);
    let q: Vec<(&str, usize)> = quotes(&d);
    assert!(q.contains(&("a pause, not an end", 0)), "{q:?}");
    assert!(q.contains(&("reset", 2)), "{q:?}");
    assert!(d.in_quotation(&(pause + 3..pause + 5)));
    assert!(!d.in_quotation(&(0..3)));
    for w in d.quotations.windows(2) {
        assert!(w[0].range.start <= w[1].range.start);
    }
}

#[test]
fn inch_marks_and_stray_quotes() {
    let p = paras("The 12\" pipe burst. A 5'10\" guard scored.");
    let d = Document::analyze(&p);
    assert!(d.quotations.is_empty(), "{:?}", quotes(&d));
}

// ----- attributions -----

#[test]
fn named_sources() {
    assert_eq!(
        kind_of("Defense Minister Peter Dutton said the ships would stay."),
        Named
    );
    assert_eq!(kind_of("The company said profits fell."), Named);
    assert_eq!(kind_of("He also said the vote was fair."), Named);
    assert_eq!(kind_of("Police said the driver fled."), Named);
    assert_eq!(kind_of("Prosecutors said the evidence was clear."), Named);
    assert_eq!(
        kind_of("A spokesman for the ministry said talks continue."),
        Named
    );
    assert_eq!(kind_of("The White House said it had no comment."), Named);
    assert_eq!(kind_of("The report said emissions rose."), Named);
    assert_eq!(kind_of("The court said the law was valid."), Named);
    assert_eq!(kind_of("Her lawyer said she would appeal."), Named);
    assert_eq!(kind_of("Reuters reported that the deal was near."), Named);
}

#[test]
fn vague_sources() {
    assert_eq!(kind_of("Officials said the bridge was unsafe."), Vague);
    assert_eq!(kind_of("Some officials said the bridge was unsafe."), Vague);
    assert_eq!(kind_of("Critics say the law goes too far."), Vague);
    assert_eq!(kind_of("Experts warn that the virus could spread."), Vague);
    assert_eq!(
        kind_of("Many people believe the election was close."),
        Vague
    );
    assert_eq!(kind_of("Some argue the tax is unfair."), Vague);
    assert_eq!(kind_of("Others said the plan would fail."), Vague);
    assert_eq!(kind_of("Studies show the drug works."), Vague);
    assert_eq!(kind_of("Observers said turnout was low."), Vague);
    assert_eq!(kind_of("The plan will fail, analysts said."), Vague);
    assert_eq!(kind_of("Residents said the water smelled."), Vague);
}

#[test]
fn vague_nouns_made_specific() {
    assert_eq!(kind_of("Pentagon officials said the test failed."), Named);
    assert_eq!(
        kind_of("Officials at the Treasury said the auction went well."),
        Named
    );
    assert_eq!(
        kind_of("Analysts at Goldman Sachs expect two rate cuts."),
        Named
    );
    assert_eq!(
        kind_of("Critics including Senator Amy Vale said the bill was rushed."),
        Named
    );
    assert_eq!(kind_of("Officials in Brazil said the fires spread."), Vague);
}

#[test]
fn anonymous_sources() {
    assert_eq!(kind_of("Sources said the merger was off."), Anonymous);
    assert_eq!(
        kind_of("A source close to the talks said no deal was near."),
        Anonymous
    );
    assert_eq!(
        kind_of("A person familiar with the matter said the bid was raised."),
        Anonymous
    );
    assert_eq!(
        kind_of("The bid was raised, according to people familiar with the matter."),
        Anonymous
    );
    assert_eq!(
        kind_of(
            "Two senior officials who spoke on condition of anonymity said the talks had stalled."
        ),
        Anonymous
    );
    assert_eq!(
        kind_of(
            "An official, who asked not to be named because he was not authorized to speak, said the plan was dead."
        ),
        Anonymous
    );
    assert_eq!(
        kind_of("Insiders say the chief executive will quit."),
        Anonymous
    );
    assert_eq!(
        kind_of("The deal is off, said an official who was not authorized to discuss it publicly."),
        Anonymous
    );
}

#[test]
fn inverted_attribution() {
    assert_eq!(
        one("\u{201c}It is over,\u{201d} said Maria Lopez, a spokeswoman for the agency."),
        (
            "said".into(),
            Some("Maria Lopez, a spokeswoman for the agency".into()),
            Named
        )
    );
    assert_eq!(
        one("The shipment is late, said the ministry.").1.as_deref(),
        Some("the ministry")
    );
    assert_eq!(one("\"No,\" said Smith.").1.as_deref(), Some("Smith"));
    assert_eq!(
        one("\u{201c}Enough,\u{201d} said a senior official.").2,
        Vague
    );
}

#[test]
fn according_to() {
    assert_eq!(
        one("According to the ministry, 40 people died."),
        ("According to".into(), Some("the ministry".into()), Named)
    );
    assert_eq!(
        one("Sales fell 3 pct, according to data from the Commerce Department.").2,
        Named
    );
    assert_eq!(one("Sales fell, according to reports.").2, Vague);
    assert_eq!(
        one("According to police, the man fled.").1.as_deref(),
        Some("police")
    );
}

#[test]
fn multiword_cues() {
    assert_eq!(
        one("Smith told reporters the plan was dead.").0,
        "told reporters"
    );
    assert_eq!(
        one("The agency said in a statement that it would appeal.").0,
        "said in a statement"
    );
    assert_eq!(
        one("The mayor expressed concern about the budget.").0,
        "expressed concern"
    );
    assert_eq!(
        one("Jones described the ruling as a travesty.").0,
        "described"
    );
    assert_eq!(
        one("The minister was quoted as saying the ban would stay.")
            .1
            .as_deref(),
        Some("The minister")
    );
    assert_eq!(
        one("In a statement, the company denied any wrongdoing.")
            .1
            .as_deref(),
        Some("the company")
    );
    assert_eq!(
        one("Smith pointed out that the law was new.").0,
        "pointed out"
    );
    assert_eq!(
        one("Smith wrote on Twitter that he would run.").0,
        "wrote on Twitter"
    );
}

#[test]
fn belief_cues() {
    let a = attrs_of("The ministry is convinced the leak came from abroad.");
    assert_eq!(a.len(), 1);
    assert_eq!((a[0].0.as_str(), a[0].3), ("is convinced", Belief));
    assert_eq!(
        attrs_of("Officials worried that the dam would fail.")[0].3,
        Belief
    );
    assert_eq!(attrs_of("Investors fear a recession.")[0].2, Vague);
    assert_eq!(attrs_of("She hopes to finish by June.")[0].3, Belief);
    assert_eq!(attrs_of("We think the risk is small.")[0].2, Named);
    assert_eq!(
        attrs_of("Residents are not convinced.")[0].0,
        "are not convinced"
    );
    assert_eq!(
        attrs_of("Ms. Okafor wants to close the depot.")[0].3,
        Belief
    );
    none("Police arrested the wanted man.");
    none("He was wanted for questioning.");
}

#[test]
fn nouns_are_not_cues() {
    none("Insurance claims rose 5 pct in March.");
    none("His claims were dismissed by the court.");
    none("Fears of a recession grew.");
    none("Hopes for a deal faded on Friday.");
    none("The suspects fled in a stolen car.");
    none("The company added 300 jobs.");
    none("The storm claimed 12 lives.");
    none("Firefighters responded to the blaze.");
    none("The said company was fined.");
    none("That said, the plan has merit.");
    none("The alleged victim was a teacher.");
    none("He was admitted to hospital.");
    none("It is believed to be the largest.");
    none("The man is expected to appear in court.");
    none("The notes were found in a drawer.");
    none("Confirmed cases rose sharply.");
    none("There are fears the dam will fail.");
    none("All told, the project cost $5 million.");
    none("He declined to say whether he would run.");
}

#[test]
fn documents_as_sources() {
    assert_eq!(
        one("Police reports show a rise in thefts.").1.as_deref(),
        Some("Police reports")
    );
    assert_eq!(
        one("A study by the university found that sleep matters.").2,
        Named
    );
    none("Police found a body in the river.");
}

#[test]
fn passive_with_agent() {
    assert_eq!(
        one("The figures were confirmed by the statistics office.")
            .1
            .as_deref(),
        Some("the statistics office")
    );
}

#[test]
fn cues_inside_quotes_are_ignored() {
    let a = attrs_of("\u{201c}Officials said it was safe,\u{201d} the mayor said.");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].1.as_deref(), Some("the mayor"));
    none("He called the plan \"what critics say is a giveaway.\"");
}

#[test]
fn trailing_participles_share_the_source() {
    let a = attrs_of("The ministry said on Monday it would act, adding that talks would resume.");
    assert_eq!(a.len(), 2);
    assert_eq!(a[1].0, "adding");
    assert_eq!(a[1].1.as_deref(), Some("The ministry"));
    let a = attrs_of("The union issued a statement on Monday, warning that strikes were likely.");
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].0, "issued a statement");
    assert_eq!(a[1].0, "warning");
    assert!(a.iter().all(|a| a.1.as_deref() == Some("The union")));
}

#[test]
fn coordinated_verbs_share_the_subject() {
    let a = attrs_of("The minister denied the report and said the troops would stay.");
    assert_eq!(a.len(), 2);
    assert_eq!(a[1].0, "said");
    assert_eq!(a[1].1.as_deref(), Some("The minister"));
    let a = attrs_of("Smith visited the site and warned that it was unsafe.");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].1.as_deref(), Some("Smith"));
}

#[test]
fn headline_attribution() {
    let p = kinds("Experts Say Rates Will Rise", BlockKind::Headline);
    let d = Document::analyze(&p);
    assert_eq!(attrs(&d), [("Say", Some("Experts"), Vague, Speech)]);
    let p = kinds("Acme Says Profit Doubled", BlockKind::Headline);
    let d = Document::analyze(&p);
    assert_eq!(attrs(&d), [("Says", Some("Acme"), Named, Speech)]);
}

#[test]
fn title_case_body_line_reads_like_a_headline() {
    let a = attrs_of("Governor Says Budget Will Balance By Spring.");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].0, "Says");
    // a capitalised cue in running text is a name or a title, not a cue
    none("He read Said's book.");
}

#[test]
fn polls_and_relative_subjects() {
    assert_eq!(kind_of("Nearly half said they prefer an outsider."), Vague);
    assert_eq!(
        kind_of("But 55 percent of all voters say she is unfit."),
        Vague
    );
    assert_eq!(
        one("The rule, which Ortega thinks will cost jobs, passed.")
            .1
            .as_deref(),
        Some("Ortega")
    );
    assert_eq!(
        one("Executives for Acme, which earned $3 billion last year, say the plant will close.").2,
        Named
    );
}

#[test]
fn shares_documents_and_another_as_subjects() {
    // a percentage written with the sign is the share of those polled
    assert_eq!(
        one("On economic issues, 42% say they are liberal.")
            .1
            .as_deref(),
        Some("42%")
    );
    // a document's participle and date stand between it and its verb
    assert_eq!(
        one("A new poll released Saturday found that the mayor trails.")
            .1
            .as_deref(),
        Some("A new poll")
    );
    assert_eq!(
        one("Two surveys published this week show the levy losing.")
            .1
            .as_deref(),
        Some("Two surveys")
    );
    // "another" alone is one more of a group; "the said company" stays an adjective
    assert_eq!(
        one("Another said he would vote for the levy.").1.as_deref(),
        Some("Another")
    );
    let a = attrs_of("The said company denied it.");
    assert!(a.iter().all(|a| a.0 != "said"), "{a:?}");
}

#[test]
fn contracted_subjects_report() {
    assert_eq!(
        one("He's telling allies that the vote will be close.")
            .1
            .as_deref(),
        Some("He's")
    );
    assert_eq!(
        one("While she'd said she would stay, she left in May.")
            .1
            .as_deref(),
        Some("she'd")
    );
    // "he's said" is a pronoun with its auxiliary, not a possessive ("his said")
    let a = attrs_of("While he's said he will fight on, he has also cut staff.");
    assert!(a.iter().any(|a| a.0 == "said"), "{a:?}");
}

#[test]
fn a_predicate_is_not_the_speaker_of_a_statement_phrase() {
    let a = attrs_of("The mayor has been even more scathing in his remarks, calling it a farce.");
    assert!(
        a.iter().all(|a| a.1.as_deref() != Some("more scathing")),
        "{a:?}"
    );
}

#[test]
fn clause_subject_after_a_dash() {
    let a = attrs_of(
        "In a speech in Ohio -- which votes next week -- Ruiz praised the crowd and argued he would win.",
    );
    // "praised" is a speech act too; both share the subject after the dash
    assert!(a.iter().any(|a| a.0 == "argued"), "{a:?}");
    assert!(a.iter().all(|a| a.1.as_deref() == Some("Ruiz")), "{a:?}");
}

#[test]
fn participles_as_adjectives() {
    none("Declared Candidates For The Fall Ballot.");
    none("Reported crimes fell by a third.");
    none("The agency is reviewing users suspected of fraud.");
    none("Courted by donors and widely expected to run, Vance stayed quiet.");
    assert_eq!(
        one("He promised to visit the 35 states that would vote later.").0,
        "promised"
    );
    none("Officials counted 35 confirmed cases.");
    assert_eq!(
        one("\u{201c}We won,\u{201d} McCain recalled last week.")
            .1
            .as_deref(),
        Some("McCain")
    );
}

#[test]
fn speaker_of_an_adjacent_sentence() {
    let text = "\u{201c}We are ready.\u{201d} Coach Dana Reyes said the team had trained hard.\n\n\u{201c}Next.\u{201d}";
    let p = paras(text);
    let d = Document::analyze(&p);
    assert_eq!(d.quotations.len(), 2);
    let a = d.speaker_of(&d.quotations[0]).expect("speaker");
    assert_eq!(&text[a.source.clone().unwrap()], "Coach Dana Reyes");
    // a new paragraph brings a new speaker
    assert!(d.speaker_of(&d.quotations[1]).is_none());
}

#[test]
fn attribution_helpers() {
    let p = paras("Officials said the road was closed. The mayor said it reopened.");
    let d = Document::analyze(&p);
    assert!(d.has_source(0..1, Vague));
    assert!(!d.has_source(0..1, Named));
    assert!(d.has_source(0..2, Named));
    assert_eq!(d.attributions_in(1..2).count(), 1);
}

// ----- robustness -----

#[test]
fn empty_and_blank_input() {
    for t in ["", "   ", "\n\n\n", "\r\n\r\n"] {
        let p = extract_txt(t);
        let d = Document::analyze(&p);
        assert!(d.sentences.is_empty() && d.quotations.is_empty() && d.attributions.is_empty());
        assert!(!d.in_quotation(&(0..1)));
        assert_eq!(d.quotation_at(0), None);
        assert_eq!(d.sentence_range_for(&(0..1)), 0..0);
    }
}

#[test]
fn bad_blocks_are_skipped() {
    let p = Prose {
        text: "caf\u{e9} ok. Fine.".to_owned(),
        blocks: vec![
            Block {
                range: 0..4,
                kind: BlockKind::Paragraph,
            },
            Block {
                range: 2..9,
                kind: BlockKind::Paragraph,
            },
            Block {
                range: 7..400,
                kind: BlockKind::Paragraph,
            },
        ],
        ..Prose::default()
    };
    let d = Document::analyze(&p);
    assert_eq!(sentences(&d), ["f\u{e9} ok."]);
}

#[test]
fn one_megabyte_single_line() {
    let unit = "Officials said the \u{201c}plan\u{201d} was sound, and it\u{2019}s U.S. policy \"to stay\" ";
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(unit);
    }
    let p = paras(&text);
    let t = std::time::Instant::now();
    let d = Document::analyze(&p);
    assert!(t.elapsed().as_secs() < 10);
    assert_eq!(d.sentences.len(), 1);
    assert!(d.quotations.len() > 10_000);
    assert!(d.attributions.len() > 10_000);
    // one unclosed mark opens a quotation to the end of the paragraph
    let text2 = format!("\"{}", "word ".repeat(200_000));
    let p = paras(&text2);
    let d = Document::analyze(&p);
    assert_eq!(d.quotations.len(), 1);
}

#[test]
fn random_text_never_panics() {
    // xorshift: deterministic, no dependency
    let mut s: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let alphabet: Vec<char> = "aZ .,;:!?\"'\u{201c}\u{201d}\u{2018}\u{2019}\u{ab}\u{bb}\u{2026}\u{2014}()\n\r\u{a0}\u{e9}\u{1f600}5-".chars().collect();
    let words = [
        "said",
        "Mr.",
        "U.S.",
        "according",
        "to",
        "who",
        "officials",
        "the",
        "claims",
        "is",
        "convinced",
        "in",
        "a",
        "statement",
        ",",
        "and",
        "Smith",
    ];
    for _ in 0..3000 {
        let len = (next() % 80) as usize;
        let mut t = String::new();
        for _ in 0..len {
            if next() % 3 == 0 {
                t.push_str(words[(next() % words.len() as u64) as usize]);
                t.push(' ');
            } else {
                t.push(alphabet[(next() % alphabet.len() as u64) as usize]);
            }
        }
        for p in [
            extract_txt(&t),
            paras(&t),
            kinds(&t, BlockKind::Headline),
            kinds(&t, BlockKind::BlockQuote),
        ] {
            let d = Document::analyze(&p);
            for q in &d.quotations {
                assert!(
                    q.range.start <= q.inner.start && q.inner.end <= q.range.end,
                    "{t:?}"
                );
                assert!(t.get(q.range.clone()).is_some());
            }
            for s in &d.sentences {
                assert!(t.get(s.range.clone()).is_some(), "{t:?}");
            }
            for a in &d.attributions {
                assert!(t.get(a.cue.clone()).is_some());
            }
            for i in 0..=t.len() {
                let _ = d.in_quotation(&(i..i + 1));
                let _ = d.quotation_at(i);
            }
        }
    }
}

#[test]
fn random_bytes_as_utf8_never_panic() {
    let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..2000 {
        let mut bytes = Vec::new();
        for _ in 0..(s % 120) {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            bytes.push((s >> 24) as u8);
        }
        let t = String::from_utf8_lossy(&bytes).into_owned();
        let p = extract_txt(&t);
        let _ = Document::analyze(&p);
        let p = paras(&t);
        let _ = Document::analyze(&p);
    }
}

#[test]
fn appositive_chains_before_the_verb() {
    assert_eq!(
        one("Dana Ruiz, 31, of Dayton, Ohio, said she would vote early.")
            .1
            .as_deref(),
        Some("Dana Ruiz, 31")
    );
    assert_eq!(
        one("Ruiz, during a rally in Akron, Ohio, said the race was close.")
            .1
            .as_deref(),
        Some("Ruiz")
    );
    assert_eq!(
        one("Omar Haddad \u{2014} a nurse from Tulsa \u{2014} says he will stay.")
            .1
            .as_deref(),
        Some("Omar Haddad \u{2014} a nurse from Tulsa")
    );
    assert_eq!(
        one("Lee, a former aide, recalled that the calls ran long.")
            .1
            .as_deref(),
        Some("Lee, a former aide")
    );
    assert_eq!(
        one("Kim, 49, told The Daily Ledger the race was over.")
            .1
            .as_deref(),
        Some("Kim, 49")
    );
    assert_eq!(
        one("Costa, exasperated, famously replied: no.")
            .1
            .as_deref(),
        Some("Costa, exasperated")
    );
}

#[test]
fn time_phrases_between_subject_and_verb() {
    assert_eq!(
        one("Speaker Ann Price on Thursday declared that she would run.")
            .1
            .as_deref(),
        Some("Speaker Ann Price")
    );
    assert_eq!(
        one("The senator last week argued that the bill was dead.")
            .1
            .as_deref(),
        Some("The senator")
    );
    assert_eq!(
        one("Rivera on Jan. 5 announced a bid.").1.as_deref(),
        Some("Rivera")
    );
    assert_eq!(
        one("Bo Lang, who on Tuesday endorsed Ruiz, said Wednesday he agrees.")
            .1
            .as_deref(),
        Some("Bo Lang, who on Tuesday endorsed Ruiz")
    );
}

#[test]
fn inversion_only_where_the_source_ends_the_clause() {
    // a quoted title before the verb is no inverted quote
    // ("want" is a state of mind of its own)
    assert_eq!(
        one("Gil Marks, host of the show \u{201c}Morning Desk,\u{201d} suggested voters want change.").0,
        "want"
    );
    assert_eq!(
        one("The talks failed, said the envoy, who left on Monday.")
            .1
            .as_deref(),
        Some("the envoy, who left on Monday")
    );
    none("Costa reported from Washington.");
}

#[test]
fn reduced_passive_agent() {
    assert_eq!(
        one("The estimate, later confirmed by the agency, was low.")
            .1
            .as_deref(),
        Some("the agency")
    );
}

#[test]
fn nounish_cues_need_a_clause_subject() {
    none("The visit sought to ease growing Asian worries about the vote.");
    assert_eq!(one("Asian investors worry about the vote.").0, "worry");
}

#[test]
fn brackets_periods_and_quotes_around_the_subject() {
    assert_eq!(
        one("Sen. Lina Bard (R-Ga.), one of the authors, said she would vote no.")
            .1
            .as_deref(),
        Some("Sen. Lina Bard (R-Ga.), one of the authors")
    );
    assert_eq!(
        one("Sen. Ron Hale, R-Wis., said the hearing was unfair.")
            .1
            .as_deref(),
        Some("Sen. Ron Hale, R-Wis.")
    );
    assert_eq!(
        one("\"It is over,\" Ames, who has not endorsed anyone, told reporters in Ohio.")
            .1
            .as_deref(),
        Some("Ames, who has not endorsed anyone")
    );
    assert_eq!(
        one("Even Dale Ortiz, a longtime ally, said the plan was flawed.")
            .1
            .as_deref(),
        Some("Dale Ortiz, a longtime ally")
    );
    assert_eq!(
        one("Jo Park in a Medium post said she would run.")
            .1
            .as_deref(),
        Some("Jo Park")
    );
    assert_eq!(
        one("The judges, for instance, said the law was flawed.")
            .1
            .as_deref(),
        Some("The judges")
    );
}

#[test]
fn long_inverted_sources() {
    assert_eq!(
        one("\u{201c}It is done,\u{201d} said a longtime adviser to both candidates, who asked not to be named.").2,
        Anonymous
    );
    assert_eq!(
        one("The region is safe ground, said a handful of Democrats who point to his record.")
            .1
            .as_deref(),
        Some("a handful of Democrats who point to his record")
    );
    assert_eq!(
        one("\u{201c}We need answers,\u{201d} said a senior party member who backs Ruiz.").2,
        Vague
    );
    assert_eq!(
        one("\u{201c}It works,\u{201d} said Ann Lee of consulting firm Brightline.").2,
        Named
    );
}

#[test]
fn documents_and_messages_speak() {
    assert_eq!(one("The email said the club would close.").2, Named);
    assert_eq!(one("One tweet said the rally was cancelled.").2, Vague);
    assert_eq!(
        one("Turnout rose, according to early results of exit polls.")
            .1
            .as_deref(),
        Some("early results of exit polls")
    );
}

#[test]
fn wire_copy_subjects() {
    assert_eq!(
        one("<Acme Widgets Ltd> said it filed a lawsuit.")
            .1
            .as_deref(),
        Some("Acme Widgets Ltd")
    );
    let a = attrs_of(
        "Borealis Holdings Plc <BORH.L>, which earlier reported a loss, said prospects were good.",
    );
    assert_eq!((a[1].0.as_str(), a[1].2), ("said", Named));
    assert_eq!(
        one("In Trenton, N.J., Greenway Stores -- replying to a letter -- said no deal was possible.")
            .1
            .as_deref(),
        Some("Greenway Stores -- replying to a letter")
    );
    assert_eq!(
        one("A close aide to Ito, who asked not to be identified, said the tax would pass.").2,
        Anonymous
    );
    assert_eq!(
        one("It has not yet said what it will build.").1.as_deref(),
        Some("It")
    );
    assert_eq!(
        one("The notes were priced at par, said sole manager Harbor Bank.").2,
        Named
    );
}

#[test]
fn things_do_not_speak() {
    none("The reforms announced last week took effect.");
    assert_eq!(one("The reforms said nothing about the risk.").1, None);
}

#[test]
fn speech_verbs_of_feature_copy() {
    assert_eq!(
        one("\u{201c}It is a circus,\u{201d} Okafor scoffed.")
            .1
            .as_deref(),
        Some("Okafor")
    );
    assert_eq!(
        one("The mayor scoffed to a local radio station that the plan was a joke.").0,
        "scoffed"
    );
    assert_eq!(
        one("\u{201c}Not my shoes,\u{201d} she quipped.").0,
        "quipped"
    );
    assert_eq!(one("\u{201c}Bring snacks,\u{201d} he joked.").0, "joked");
    assert_eq!(
        one("Lindqvist mused that the river had never looked so low.").0,
        "mused"
    );
    assert_eq!(
        one("He bragged that the stadium would be full by noon.").0,
        "bragged"
    );
    assert_eq!(
        one("She reasoned that the fee would scare off buyers.").0,
        "reasoned"
    );
    assert_eq!(
        one("\u{201c}Please let them come home,\u{201d} the mother pleaded.").0,
        "pleaded"
    );
    none("The driver pleaded guilty to two counts.");
    assert_eq!(
        one("The senator posted on Facebook that the bridge would reopen.").0,
        "posted on Facebook"
    );
    none("The club posted a video of the parade.");
}

#[test]
fn narrative_verbs_report_only_beside_a_quotation() {
    assert_eq!(
        one("\u{201c}We lost a friend,\u{201d} Ames continued at the vigil.")
            .1
            .as_deref(),
        Some("Ames")
    );
    assert_eq!(
        one("\u{201c}Where were the guards?\u{201d} Ames continued.").0,
        "continued"
    );
    assert_eq!(
        one("The coach began: \u{201c}This is our night, and nobody takes it.\u{201d}").0,
        "began"
    );
    assert_eq!(one("\u{201c}Never again,\u{201d} he laughed.").0, "laughed");
    assert_eq!(
        one("The adviser continued that there was particular concern over the port.").0,
        "continued"
    );
    none("The fighting continued for three days.");
    none("The fighting continued that night.");
    none("The rain continued.");
    none("The hearing began on Monday.");
    none("The crowd laughed at the joke.");
    none("Work on the bridge began in May and continues today.");
    none("\u{201c}We tell the truth\u{201d} and that he had seen continued support.");
    none("\u{201c}It is hard\u{201d} if he continues to lose ground.");
    none("The ad ran in nine states: Ohio, Iowa and Utah.");
    none("Democrats' new warning: Leaks could include lies.");
}

#[test]
fn written_things_read_their_words() {
    assert_eq!(
        one("The sign read: \u{201c}No trucks after dark.\u{201d}")
            .1
            .as_deref(),
        Some("The sign")
    );
    assert_eq!(
        one("\u{201c}We will be back in the spring,\u{201d} the letter read.")
            .1
            .as_deref(),
        Some("the letter")
    );
    assert_eq!(
        one("\u{201c}Vote no on Measure B,\u{201d} the ad says.").0,
        "says"
    );
    assert_eq!(
        one("The banner reads, in part, \u{201c}Not for sale.\u{201d}").0,
        "reads"
    );
    none("The judge read the verdict aloud.");
    none("She read the letter twice.");
    none("He reads the news every morning.");
}

#[test]
fn speaker_labels_open_blocks() {
    let text = "Dana Reyes: So the mayor is boxed in, and who is going to help him?\n\n\
                Tom Alder: Nobody. He knows it.\n\n\
                Q: Why did the council wait?\n\n\
                A: Money. What else?";
    let p = paras(text);
    let d = Document::analyze(&p);
    for (i, s) in d.sentences.iter().enumerate() {
        let a: Vec<_> = d.attributions_in(i..i + 1).collect();
        assert_eq!(a.len(), 1, "{:?}", d.sentence_text(i));
        assert_eq!(a[0].cue_kind, Speech);
        assert_eq!(a[0].source_kind, Named);
        assert!(a[0].cue.start >= d.prose.blocks[s.block].range.start);
    }
    let sources: Vec<_> = d
        .attributions
        .iter()
        .map(|a| &d.text()[a.source.clone().unwrap()])
        .collect();
    assert_eq!(
        sources,
        ["Dana Reyes", "Tom Alder", "Tom Alder", "Q", "A", "A"]
    );
    // a headline and a forum dump
    let h = kinds("Ames: Let the Voters Decide", BlockKind::Headline);
    assert_eq!(Document::analyze(&h).attributions.len(), 1);
    assert_eq!(
        one("Coastal Dawg: \u{201c}What is said here stays here.\u{201d}")
            .1
            .as_deref(),
        Some("Coastal Dawg")
    );
}

#[test]
fn labels_that_name_no_speaker() {
    none("Update: The road reopened at noon. Why did it close?");
    none("Photo Credit: Staff. Is that the mayor?");
    none("The problem: nobody knows who pays. Does anyone?");
    none("Here's the thing: the plan is late.");
    none("BOMBSHELL: Is the mayor hiding something?");
    none("Bottom Line: Will it work?");
    none("But is this true, and can they be trusted?");
    none("Monday: Why did the ferry stop?");
    none("Contributing: Ana Ruiz. Who else?");
    none("Ames: 547. Why so few?");
    // capitals count in a transcript, where they recur
    let t = "REYES: Are you running?\n\nALDER: No.\n\nREYES: Why not?";
    assert_eq!(attrs_of(t).len(), 3);
}

#[test]
fn participles_and_verbs_beside_a_quotation() {
    assert_eq!(
        one("The singer took a stand on guns, writing, \u{201c}No one needs that many rounds.\u{201d}")
            .1
            .as_deref(),
        Some("The singer")
    );
    assert_eq!(
        one("\u{201c}I just start talking,\u{201d} Ames can be heard saying on the tape.")
            .1
            .as_deref(),
        Some("Ames")
    );
    assert_eq!(
        one("In the clip, Rhee apologizes stating \u{201c}I regret what I did.\u{201d}").0,
        "stating"
    );
    assert_eq!(
        one("\u{201c}Nobody is above the rules,\u{201d} point three begins.").0,
        "begins"
    );
    assert_eq!(
        one("Point seven states: \u{201c}We will not turn on each other.\u{201d}").0,
        "states"
    );
    assert_eq!(
        one("\u{201c}Bring the bat, we ride at noon,\u{201d} read one.")
            .1
            .as_deref(),
        Some("one")
    );
    assert_eq!(
        one("Dr. Okoro comments, \u{201c}To be poor here is to be watched.\u{201d}")
            .1
            .as_deref(),
        Some("Dr. Okoro")
    );
    none("The comments were removed by the site.");
    none("The city states its budget in euros.");
    none("A poster of the band saying hello hung in the hall.");
    none("He read one of the letters.");
}

#[test]
fn issuing_a_statement_is_speech() {
    assert_eq!(
        one("County Executive Rhee issued this statement as the march began:")
            .1
            .as_deref(),
        Some("County Executive Rhee")
    );
    assert_eq!(
        one("The family released a brief statement on Sunday.").0,
        "released a brief statement"
    );
    none("Police released the suspect on bail.");
    none("The figures were released on Friday.");
    none("The studio issued a recall of the film.");
}

#[test]
fn judging_speech_acts() {
    assert_eq!(
        one("The senator accused the network of a \u{201c}vicious and deliberate error.\u{201d}")
            .1
            .as_deref(),
        Some("The senator")
    );
    assert_eq!(
        one("Ames criticized the ruling on Tuesday.").0,
        "criticized"
    );
    assert_eq!(
        one("In one verse he rapped: \u{201c}This is his form of distraction.\u{201d}").0,
        "rapped"
    );
    none("He was accused of fraud.");
    none("The accused left the court.");
    none("The condemned building was razed.");
    none("The plan was widely criticized.");
    none("The man accused of buying the guns was denied bail.");
    none("A pastor praised for his work died on Friday.");
}

#[test]
fn forum_handles_before_quotations() {
    assert_eq!(
        one("river_rat42: \u{201c}A few more votes would help here.\u{201d}")
            .1
            .as_deref(),
        Some("river_rat42")
    );
    none("translation: \u{201c}We are closed.\u{201d}");
    none("note: the office is closed. Why?");
}

/// Whether the word `needle` is inside a quotation of the analysed `text`.
fn quoted_word(text: &str, needle: &str) -> bool {
    let p = paras(text);
    let d = Document::analyze(&p);
    let at = text.find(needle).expect("needle");
    d.in_quotation(&(at..at + needle.len()))
}

#[test]
fn speaker_labelled_blocks_are_reported_speech() {
    let text = "The mayor took questions on Tuesday.\n\nReporter: Why close the pool?\n\nMayor Ames: Money. The old pool is a disgrace.";
    assert!(quoted_word(text, "Why close"));
    assert!(quoted_word(text, "disgrace"));
    assert!(!quoted_word(text, "took questions"));
}

#[test]
fn an_interview_keeps_its_form_after_the_labels_stop() {
    let text = "Dana Ruiz ran the harbour board for a decade.\n\nHR: Was the deal a mistake?\n\nDana Ruiz: It was rushed.\n\nWhat would you change now?\n\nThe timetable. We were reckless.";
    assert!(quoted_word(text, "What would you change"));
    assert!(quoted_word(text, "reckless"));
    assert!(!quoted_word(text, "ran the harbour"));
    // A lone capitalised kicker with no answer under a label is no interview.
    let kicker = "SHOCKER: Was the deal a mistake?\n\nWhat would you change now?";
    assert!(!quoted_word(kicker, "What would you change"));
}

#[test]
fn embedded_posts_are_quoted_up_to_the_introduction() {
    let text = "The council's decision drew a quick reply online:\n\nWhat a disgrace. Who voted for this?\n\n\u{2014} Harbour Watch (@harbourwatch) May 3, 2017\n\nThe vote stands.";
    assert!(quoted_word(text, "disgrace"));
    assert!(quoted_word(text, "Who voted"));
    assert!(!quoted_word(text, "drew a quick reply"));
    assert!(!quoted_word(text, "The vote stands"));
}

#[test]
fn an_attribution_covers_what_the_source_says_not_the_source() {
    let text = "The plan is reckless, said Ames, a notorious crank.";
    let p = paras(text);
    let d = Document::analyze(&p);
    let a = &d.attributions[0];
    let at = |w: &str| {
        let i = text.find(w).unwrap();
        i..i + w.len()
    };
    assert!(a.covers(text, &at("reckless")));
    assert!(!a.covers(text, &at("notorious")));
    // A main clause before the speaker with no break is the writer's.
    let text = "The shameless mayor ignored the vote as Ames said.";
    let p = paras(text);
    let d = Document::analyze(&p);
    let i = text.find("shameless").unwrap();
    assert!(!d.attributions[0].covers(text, &(i..i + 9)));
}

#[test]
fn joined_modifiers_of_a_source_are_one_phrase() {
    let src = |t: &str| one(t).1.unwrap_or_default();
    assert_eq!(
        src("City and campus police fear the fuse has been lit."),
        "City and campus police"
    );
    assert_eq!(
        src("On Monday, state and local officials said the road was shut."),
        "state and local officials"
    );
    assert_eq!(
        kind_of("Federal and state officials fear the levy will fail."),
        SourceKind::Vague
    );
    assert_eq!(
        kind_of("State and local police fear the march will turn violent."),
        SourceKind::Named
    );
    // A clause's "and" joins nothing: the subject is the second clause's.
    assert_eq!(
        src("The council rejected the plan and officials said it would return."),
        "officials"
    );
}

#[test]
fn a_sentence_quotes_directly_with_several_quoted_words() {
    let text = "Experts say the dam is sound.\n\n“The spillway has held every flood,” said Ana Ruiz.\n\nShe called it “sound.”";
    let p = paras(text);
    let d = Document::analyze(&p);
    assert_eq!(d.sentences.len(), 3);
    assert!(!d.quotes_directly(0, 4));
    assert!(d.quotes_directly(1, 4));
    // A quoted word is not the speaker's voice.
    assert!(!d.quotes_directly(2, 4));
    assert!(!d.quotes_directly(3, 4));
}

#[test]
fn a_withheld_statement_is_negated() {
    let negated = |text: &str| {
        let p = paras(text);
        let d = Document::analyze(&p);
        assert!(!d.attributions.is_empty(), "no attribution in {text:?}");
        d.attributions.iter().any(|a| a.negated)
    };
    assert!(negated("The firm has not said what caused the fault."));
    assert!(negated("Police didn't say whether anyone was hurt."));
    assert!(negated(
        "The ministry would not immediately say how many had left."
    ));
    assert!(negated("The club never said who would replace him."));
    // At the very start of the text the first word is whole.
    assert!(crate::model::negated_before("Not said here", 4));
    assert!(!negated("The firm said the fault was fixed."));
    // The look-back window may start inside a multi-byte character.
    for pad in 0..3 {
        let text = format!(
            "{}{} The café has not said why.",
            "a".repeat(pad),
            "é".repeat(20)
        );
        assert!(negated(&text), "{text}");
    }
    assert!(!negated(
        "Police said nobody was hurt, and did not rule out charges."
    ));
}

#[test]
fn repeated_short_blocks_are_boilerplate() {
    let teaser = "Why Everyone Is Talking About This Kettle";
    let long = "The council voted on Tuesday to close the pool for the winter, saying the heating bill had doubled since last year and nobody had a better plan.";
    let text = format!("{teaser}\n\n{long}\n\n{teaser}\n\n{long}");
    let p = paras(&text);
    let d = Document::analyze(&p);
    let flags: Vec<bool> = (0..d.sentences.len()).map(|i| d.is_repeat(i)).collect();
    // The second teaser repeats; the long paragraph pasted twice is still copy.
    assert_eq!(flags, vec![false, false, true, false]);
}

#[test]
fn a_block_introduced_as_a_statement_is_quoted() {
    let text = "The ferry company answered on Friday. Its statement read:\n\nWe regret the shameful delays and will refund every passenger.\n\nThe refunds began on Monday.";
    assert!(quoted_word(text, "shameful"));
    assert!(!quoted_word(text, "refunds began"));
    let list =
        "The council published its figures. Here they are:\n\nCosts rose by a shocking amount.";
    assert!(!quoted_word(list, "shocking"));
}

#[test]
fn two_curly_apostrophes_close_a_double_quotation() {
    let text = "“We are pleased to present the award,’’ said Marsha Ames, the chair.";
    let p = paras(text);
    let d = Document::analyze(&p);
    assert_eq!(
        quotes(&d),
        vec![("We are pleased to present the award,", 0)]
    );
    assert_eq!(attrs(&d)[0].1, Some("Marsha Ames, the chair"));
}

#[test]
fn quoted_paragraphs_run_on_after_an_introduction() {
    let text = "Readers wrote in, saying things like:\n\n“The ferry is a disgrace.”\n\n“Bring back the old timetable, it was brilliant.”\n\nThe company has not replied.";
    assert!(quoted_word(text, "disgrace"));
    assert!(quoted_word(text, "brilliant"));
    assert!(!quoted_word(text, "has not replied"));
}

#[test]
fn a_quotation_with_its_own_attribution_ends_an_introduced_block() {
    let text = "The pollster continued:\n\n\"Voters have made up their minds about the ferry, and nothing will move them now.\"\n\n“This is settled,” said Ames, the pollster. “It is a disgrace.”\n\nThe company has not replied.";
    assert!(quoted_word(text, "made up their minds"));
    let p = paras(text);
    let d = Document::analyze(&p);
    assert!(attrs(&d).iter().any(|a| a.1 == Some("Ames, the pollster")));
}

#[test]
fn an_instruction_to_read_on_introduces_no_quotation() {
    let text = "The debate ran late. Read the latest updates below:\n\nThe senator offered a shocking plan for the ferry.";
    assert!(!quoted_word(text, "shocking"));
}

#[test]
fn the_progressive_of_a_reporting_verb_reports() {
    let (cue, src, _) =
        one("Mayor Ames is demanding that the ferry company refund every passenger.");
    assert_eq!(
        (cue.as_str(), src.as_deref()),
        ("demanding", Some("Mayor Ames"))
    );
    let (cue, src, _) = one("The union is once again denying that it hid the accounts.");
    assert_eq!(
        (cue.as_str(), src.as_deref()),
        ("denying", Some("The union"))
    );
    // Nothing reported, or no one to report it.
    assert!(attrs_of("Rising prices are stressing the family budget.").is_empty());
    assert!(attrs_of("The mayor is touting.").is_empty());
}

#[test]
fn a_capitalised_modifier_does_not_name_a_vague_group() {
    assert_eq!(
        kind_of("Some Harbour Party supporters contend that the vote was rigged."),
        Vague
    );
    assert_eq!(
        kind_of("Polish legal experts maintained that the statements were false."),
        Vague
    );
    // A capitalised head is a name: "Harbour Watch said".
    assert_eq!(kind_of("Harbour Watch said the vote was rigged."), Named);
}

#[test]
fn pointing_out_and_charging_that_report_speech() {
    assert_eq!(one("Critics point out that fares doubled.").0, "point out");
    assert_eq!(
        one("Critics have charged that the college is a diploma mill.").0,
        "charged"
    );
    none("He was charged with fraud.");
}

#[test]
fn a_question_answered_in_quoted_words_next_is_an_interviewers() {
    let p =
        paras("He has backed the ferry. Would he vote for the levy?\n\n“We'll see,” he replied.");
    let d = Document::analyze(&p);
    let q = d.sentences.iter().position(|s| s.is_question).unwrap();
    assert!(d.is_interview_question(q));
    // a paragraph that merely opens with a quotation answers nothing
    let p = paras("Would he vote for the levy?\n\n“Ferries matter” is the slogan on the quay.");
    let d = Document::analyze(&p);
    let q = d.sentences.iter().position(|s| s.is_question).unwrap();
    assert!(!d.is_interview_question(q));
}

#[test]
fn ties_described_in_a_relative_clause_hide_no_one() {
    assert_eq!(
        kind_of("People close to the mayor said the levy would pass."),
        SourceKind::Anonymous
    );
    assert_eq!(
        kind_of(
            "Several councillors, who are close to the shipping firms, said the levy would fail."
        ),
        SourceKind::Vague
    );
    // a poll's share of respondents is described, not hidden
    assert_ne!(
        kind_of("Some 61 percent of islanders familiar with the levy said they backed it."),
        SourceKind::Anonymous
    );
}

#[test]
fn a_participle_before_its_sentences_verb_is_no_report() {
    // "reported on Sunday" modifies the figures; "suggest" is the verb
    assert!(
        attrs_of("Figures reported on Sunday now suggest that the levy will pass.")
            .iter()
            .all(|(c, _, _, _)| c != "reported")
    );
    assert!(
        attrs_of("Statistics announced Tuesday show that fares doubled.")
            .iter()
            .all(|(c, _, _, _)| c != "announced")
    );
    // a clause with its own subject follows a report
    assert_eq!(
        one("The Harbour Gazette reported last month Ruiz had ordered a review.").0,
        "reported"
    );
    // the object of a preposition, modifiers and all, is no subject
    assert!(
        attrs_of("The part of the hearing devoted to coastal issues revealed a gulf between them.")
            .iter()
            .all(|(_, s, _, _)| s.as_deref() != Some("issues"))
    );
    // ...but a source's own phrase is read as one
    assert_eq!(
        one("Some reports from harbour groups suggested that the quay would close.").2,
        SourceKind::Vague
    );
    // a month before a noun is a modifier: "cited an April summit"
    let p = paras("The letter cited an April summit where the minister spoke.");
    let d = Document::analyze(&p);
    assert_eq!(attrs(&d).len(), 1);
    // a preposition's object is no verb: "called on council leaders"
    let p = paras("The mayor has called on council leaders to add penalties.");
    let d = Document::analyze(&p);
    assert_eq!(attrs(&d).len(), 1);
}

#[test]
fn a_plural_before_a_singular_verb_is_not_its_subject() {
    let src = |t: &str| attrs_of(t).into_iter().find_map(|(_, s, _, _)| s);
    assert_eq!(
        src("A look at the ferries and tugs suggests that the fleet is old."),
        None
    );
    assert_eq!(
        src("A pamphlet for libertarians says the levy is theft."),
        None
    );
    // the plural is the subject when the verb agrees with it
    assert_eq!(kind_of("Critics say the levy is theft."), SourceKind::Vague);
    assert_eq!(
        kind_of("Critics says the levy is theft."),
        SourceKind::Vague
    );
    // a name in -s, and a noun in -s that takes a singular verb
    assert_eq!(
        src("Reuters says the levy passed.").as_deref(),
        Some("Reuters")
    );
    assert!(src("The economics suggests the levy will pass.").is_some());
}

#[test]
fn a_polls_question_over_its_tally_is_put_to_those_polled() {
    let q_of = |text: &str| {
        let p = paras(text);
        let d = Document::analyze(&p);
        let q = d.sentences.iter().position(|s| s.is_question).unwrap();
        d.is_interview_question(q)
    };
    assert!(q_of(
        "Should the ferry levy be repealed?\n\nNo 58%.\n\nYes 33%."
    ));
    assert!(q_of(
        "Should the ferry levy be repealed?\n\nYes, 41 percent"
    ));
    // a number in the next paragraph's copy answers nothing
    assert!(!q_of(
        "Should the ferry levy be repealed?\n\nFares rose 58% in a decade, the council says."
    ));
    // two apostrophes open a quotation in some archives
    assert!(q_of(
        "Is there a show he would revive?\n\n''The quiz,'' he replied. ''It was smarter.''"
    ));
}

#[test]
fn a_think_tank_is_not_a_state_of_mind() {
    none("She turned her office into a think tank on housing.");
    none("No voter was shamed by media think pieces that week.");
    assert_eq!(one("Analysts think the bank will cut rates.").0, "think");
}

#[test]
fn ascii_words_count_as_split_ascii_whitespace_counts() {
    let long = "A teaser\tof some\x0bwords,\u{a0}caf\u{e9} \u{2003} and\r\nmore\x0cthan sixteen \
                bytes long: wordsthatcrosstheeightbyteboundary x  y z.";
    for start in 0..10 {
        let t = &long.as_bytes()[start..];
        let all = t
            .split(u8::is_ascii_whitespace)
            .filter(|w| !w.is_empty())
            .count();
        for limit in [1, 2, 5, all, all + 1, usize::MAX] {
            assert_eq!(ascii_words(t, limit), all.min(limit), "{start} {limit}");
        }
    }
    assert_eq!(ascii_words(b"", 21), 0);
    assert_eq!(ascii_words(b"        \t\t\t\t\t\t\t\t", 21), 0);
}

#[test]
fn letters_to_the_editor_are_the_readers_words() {
    let page = "Why would anyone trust a council that hides its budget?\n\n\
                Marta Lindqvist.\n\nPortland, Ore.\n\n\
                The levy is a scam. Who checks the books?\n\nOwen Achebe.";
    let p = paras(page);
    let d = Document::analyze(&p);
    let at = |s: &str| page.find(s).unwrap();
    assert!(d.in_quotation(&(at("hides")..at("hides") + 5)));
    assert!(d.in_quotation(&(at("scam")..at("scam") + 4)));
    assert!(d.in_quotation(&(at("Portland")..at("Portland") + 8)));

    // Subheadings in an article are not signatures: it ends with copy.
    let article = "Who pays for the levy?\n\nRising Costs.\n\nThe council met.\n\n\
                   Budget Talks.\n\nWho checks the books?";
    let p = paras(article);
    let d = Document::analyze(&p);
    assert!(!d.in_quotation(&(0..3)));
}

#[test]
fn stances_have_their_holder_and_yield_to_speech() {
    let a = attrs_of("The mayor called for a recount on Friday.");
    assert!(a.is_empty());
    let p = paras("The mayor called for a recount on Friday.");
    let d = Document::analyze(&p);
    assert_eq!(
        attrs(&d),
        vec![("called", Some("The mayor"), Named, CueKind::Stance)]
    );
    // Inside what a source says, a stance or a state of mind is the
    // content of the speech, not an attribution of its own.
    let p = paras("Ames said he believes the council endorsed the plan.");
    let d = Document::analyze(&p);
    assert_eq!(attrs(&d), vec![("said", Some("Ames"), Named, Speech)]);
    // A new clause after the speech is the writer's again.
    let a = attrs_of("The agency said strikes spread, and officials feared more were coming.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(a[1].0, "feared");
}

#[test]
fn evidence_shows_and_participles_take_objects() {
    // After a document, "shows" is its verb whatever follows.
    let (cue, source, _) = one("For the first time, a poll shows upstart candidates ahead.");
    assert_eq!((cue.as_str(), source.as_deref()), ("shows", Some("a poll")));
    assert!(attrs_of("The network's TV shows drew record audiences.").is_empty());
    // ", calling him ..." and ", referring to ..." are the subject's acts,
    // even after a speech cue.
    let p = paras("Ramos said the vote was close, referring to the count in the north.");
    let d = Document::analyze(&p);
    let cues: Vec<_> = attrs(&d).into_iter().map(|a| a.0).collect();
    assert_eq!(cues, ["said", "referring"]);
    let p = paras("Ames went after Bo Lang at the rally, calling him a coward.");
    let d = Document::analyze(&p);
    assert_eq!(attrs(&d)[0].0, "calling");
}

#[test]
fn setup_questions_are_answered_in_the_next_sentence() {
    let p = paras(
        "The culprit? A cold front. What drove the merger? Two activist funds. \
         Why keep it? Nobody knows. Who gains? Who loses?\n\nWhat next?\n\nThe vote is in May. \
         Isn't that odd? It is.",
    );
    let d = Document::analyze(&p);
    let setup: Vec<&str> = (0..d.sentences.len())
        .filter(|&i| d.sentences[i].is_question && d.is_setup_question(i))
        .map(|i| d.sentence_text(i))
        .collect();
    assert_eq!(setup, ["The culprit?", "What drove the merger?"]);
}

#[test]
fn title_case_questions_alone_in_a_paragraph_are_subheads() {
    let p = paras(
        "The shops shut.\n\nWhat Can the Council Do About It?\n\nA grant is planned.\n\n\
         But who gains from the sale?\n\nThe union objected.\n\nWhat Comes Next?",
    );
    let d = Document::analyze(&p);
    let sub: Vec<&str> = (0..d.sentences.len())
        .filter(|&i| d.sentences[i].is_question && d.is_subhead_question(i))
        .map(|i| d.sentence_text(i))
        .collect();
    assert_eq!(sub, ["What Can the Council Do About It?"]);
}

#[test]
fn verbless_questions_alone_in_a_paragraph_are_subheads() {
    // A label for the section below, not a question put to the reader; a
    // question with a question word or a verb first stays a question.
    let p = paras(
        "The shops shut.\n\nDown-ballot blues?\n\nA grant is planned.\n\n\
         Is the grant enough?\n\nThe union objected.\n\nReally?\n\nIt did.",
    );
    let d = Document::analyze(&p);
    let sub: Vec<&str> = (0..d.sentences.len())
        .filter(|&i| d.sentences[i].is_question && d.is_subhead_question(i))
        .map(|i| d.sentence_text(i))
        .collect();
    assert_eq!(sub, ["Down-ballot blues?"]);
}

#[test]
fn plural_vague_source_after_a_singular_noun_is_its_own_phrase() {
    // "a move critics say": the move is what the critics talk about.
    let (cue, source, kind) =
        one("The council approved the plan, a move critics say would leave tenants worse off.");
    assert_eq!(
        (cue.as_str(), source.as_deref(), kind),
        ("say", Some("critics"), Vague)
    );
}

/// All attributions of `text`, stances included, as owned tuples.
fn all_attrs(text: &str) -> Vec<(String, Option<String>, CueKind)> {
    let p = paras(text);
    let d = Document::analyze(&p);
    attrs(&d)
        .into_iter()
        .map(|(c, s, _, ck)| (c.to_owned(), s.map(str::to_owned), ck))
        .collect()
}

#[test]
fn a_question_put_to_a_source_is_a_stance_of_the_one_asked() {
    // Opening the sentence: the source is the subject after the comma.
    assert_eq!(
        all_attrs("Asked whether the levy would rise, Okafor shrugged."),
        vec![("Asked".into(), Some("Okafor".into()), CueKind::Stance)]
    );
    assert_eq!(
        all_attrs("When asked about the harbor plan, the councilwoman smiled."),
        vec![(
            "asked".into(),
            Some("the councilwoman".into()),
            CueKind::Stance
        )]
    );
    // After a speech cue: the speaker already named, and the speech stays.
    let a = all_attrs("“Not this year,” Lindqvist said when asked about a tax cut.");
    assert_eq!(
        a,
        vec![
            ("said".into(), Some("Lindqvist".into()), Speech),
            ("asked".into(), Some("Lindqvist".into()), CueKind::Stance),
        ]
    );
    // Rules see no new attribution; an ordinary "asked" is still a verb,
    // and a condition of anonymity none at all.
    none("Asked about the harbor plan, the councilwoman smiled.");
    assert_eq!(
        one("The clerk asked whether the ballots were counted.").0,
        "asked"
    );
    none("The officer, who asked not to be named, left early.");
}

#[test]
fn trailing_participle_with_an_object_and_content() {
    let (c, s, _) =
        one("The senator closed the rally, telling volunteers that the count was close.");
    assert_eq!((c.as_str(), s.as_deref()), ("telling", Some("The senator")));
    // No content after the object: a plain act.
    none("The senator closed the rally, telling stories of her childhood.");
    none("The senator closed the rally, telling stories of her childhood, to applause.");
    // The audience's place or occasion between the object and the content.
    let (c, s, _) = one("Kasich is telling a packed crowd in snowy Windham that he will win.");
    assert_eq!((c.as_str(), s.as_deref()), ("telling", Some("Kasich")));
    let (c, s, _) = one(
        "The mayor is telling supporters after her victory in the primary that the port will stay open.",
    );
    assert_eq!((c.as_str(), s.as_deref()), ("telling", Some("The mayor")));
}

#[test]
fn a_speaker_finding_with_a_clause_is_a_cue() {
    let (c, s, _) = one("The Halvorsen Institute found that many voters stayed home.");
    assert_eq!(
        (c.as_str(), s.as_deref()),
        ("found", Some("The Halvorsen Institute"))
    );
    // Without "that" only documents find: "the team found the keys".
    none("The search team found the keys near the river.");
}

#[test]
fn positions_and_appearances_are_stances_of_their_holder() {
    assert_eq!(
        all_attrs("Councilwoman Reyes supports the levy."),
        vec![(
            "supports".into(),
            Some("Councilwoman Reyes".into()),
            CueKind::Stance
        )]
    );
    assert_eq!(
        all_attrs("The mayor seemed to suggest a delay."),
        vec![("seemed".into(), Some("The mayor".into()), CueKind::Stance)]
    );
    // Seeming needs what seems: an appearance on a show is not a stance.
    assert!(all_attrs("The mayor appeared on the morning show.").is_empty());
    assert!(all_attrs("Grassroots support for the levy grew.").is_empty());
}

#[test]
fn a_poll_named_with_in_sources_the_sentence() {
    let a = all_attrs("In a new Marist poll released Monday, the levy leads by nine points.");
    assert_eq!(
        a,
        vec![("In".into(), Some("a new Marist poll".into()), Speech)]
    );
    // Beside another cue the poll still sources its part.
    let a = all_attrs("In a Gallup survey, 40 percent said they approved.");
    assert!(
        a.iter()
            .any(|x| x.0 == "In" && x.1.as_deref() == Some("a Gallup survey")),
        "{a:?}"
    );
    // "in Forbes' words" sources the quotation that follows to Forbes.
    let a = all_attrs("The city is, in Forbes' words, “a magnet for founders.”");
    assert!(
        a.iter()
            .any(|x| x.0 == "in" && x.1.as_deref() == Some("Forbes")),
        "{a:?}"
    );
    let a = all_attrs("The plan was, in the mayor’s words, a bridge to nowhere.");
    assert!(
        a.iter()
            .any(|x| x.0 == "in" && x.1.as_deref() == Some("the mayor’s")),
        "{a:?}"
    );
    // Standing in the polls is no source.
    assert!(all_attrs("The senator has slipped in the polls since May.").is_empty());
}

#[test]
fn an_indefinite_pronoun_names_nobody() {
    assert_eq!(
        kind_of("Anyone who attended the meeting believes the vote was rigged."),
        Vague
    );
}

/// Raising questions or casting doubt is speech when a person or an
/// organisation does it, and the writer's inference when a thing does.
#[test]
fn raising_questions_speaks_only_for_a_person() {
    let a = all_attrs("Okafor raised new questions about the audit on Tuesday.");
    assert_eq!(
        a,
        vec![("raised new questions".into(), Some("Okafor".into()), Speech)]
    );
    let a = all_attrs("Lena Ruiz, a former auditor at the agency, cast doubt on the figures.");
    assert_eq!(
        a,
        vec![(
            "cast doubt".into(),
            Some("Lena Ruiz, a former auditor at the agency".into()),
            Speech
        )]
    );
    assert!(all_attrs("The payments raise questions about the contract.").is_empty());
    assert!(all_attrs("It raised questions about the board's oversight.").is_empty());
    assert!(all_attrs("The bank raised interest rates again.").is_empty());
    assert!(all_attrs("The actor was cast in a new film.").is_empty());
}

/// "Described by" names its describer, with or without "as".
#[test]
fn described_by_names_the_describer() {
    let a = all_attrs("The economy described by the governor on Monday is booming.");
    assert_eq!(
        a,
        vec![("described".into(), Some("the governor".into()), Speech)]
    );
    let a = all_attrs("The plan was described by aides as a stopgap.");
    assert_eq!(a, vec![("described".into(), Some("aides".into()), Speech)]);
}

/// A quotation signed with a dash and a name is that person's.
#[test]
fn a_quotation_signed_with_a_dash_is_the_signers() {
    let a = all_attrs("“The new bus route saves me an hour a day.” ― Marisol Vega");
    assert_eq!(a, vec![("―".into(), Some("Marisol Vega".into()), Speech)]);
    // A dash running on into narration signs nothing.
    assert!(all_attrs("“We will appeal,” — and the hearing ended there.").is_empty());
}

/// "Told X to <verb>" gives an order: a stance of the one who gave it, not a
/// source for what the story says. "Told X that" and "told X they planned
/// to" still report.
#[test]
fn an_order_given_is_a_stance() {
    let a = all_attrs("Several employers told their staff to stay home on Friday.");
    assert_eq!(
        a,
        vec![(
            "told".into(),
            Some("Several employers".into()),
            CueKind::Stance
        )]
    );
    let a = all_attrs("Aides told reporters they planned to respond next week.");
    assert_eq!(a[0].2, Speech, "{a:?}");
    let a = all_attrs("Officials told the council that the bridge would close.");
    assert_eq!(a[0].2, Speech, "{a:?}");
}

#[test]
fn a_wager_is_its_makers_belief() {
    let a =
        all_attrs("Trump is betting that voters feel so beleaguered that they will follow him.");
    assert_eq!(
        a[0],
        ("betting".into(), Some("Trump".into()), CueKind::Stance)
    );
    // the noun and the verb with an object report nothing
    for s in [
        "Casinos want to offer sports betting.",
        "He lives by his big bets.",
        "Fans are betting on the race.",
    ] {
        assert!(
            all_attrs(s).iter().all(|(c, _, _)| !c.starts_with("bet")),
            "{s}"
        );
    }
}

#[test]
fn a_participle_after_a_prepositions_object_is_no_report() {
    // a reduced relative: the noun is an object, not the verb's subject
    for s in [
        "Sales fell in May, according to industry data reported on Tuesday.",
        "There have been 900 serious events reported to the registry since 1990.",
        "The ban covers exports to companies believed to be at risk.",
    ] {
        assert!(
            all_attrs(s)
                .iter()
                .all(|(c, _, _)| c != "reported" && c != "believed"),
            "{s}: {:?}",
            all_attrs(s)
        );
    }
    // a subject after a comma, an auxiliary or "plenty of" still reports
    for (s, cue) in [
        (
            "Families with children have argued that the fees are too high.",
            "argued",
        ),
        ("Plenty of observers ridiculed the paper.", "ridiculed"),
    ] {
        assert!(all_attrs(s).iter().any(|(c, _, _)| c == cue), "{s}");
    }
    let a = all_attrs("According to the filing, officials reported a loss.");
    assert!(
        a.iter()
            .any(|(c, s, _)| c == "reported" && s.as_deref() == Some("officials")),
        "{a:?}"
    );
}

#[test]
fn a_group_led_by_a_named_person_is_named() {
    let a = all_attrs(
        "But Ward and other security experts acknowledge that the attack would be novel.",
    );
    let p =
        paras("But Ward and other security experts acknowledge that the attack would be novel.");
    let d = Document::analyze(&p);
    assert!(a.iter().any(|(c, _, _)| c == "acknowledge"), "{a:?}");
    assert!(
        d.attributions
            .iter()
            .all(|x| x.source_kind == SourceKind::Named)
    );
}

/// A participle clause that reports is the cited source's, not an appositive
/// of the outlet that cites it.
#[test]
fn citing_clause_is_not_part_of_the_subject() {
    let a = attrs_of(
        "The Harbour Gazette, citing two people familiar with the talks, reported that the board would resign.",
    );
    assert_eq!(
        a.iter()
            .map(|(c, s, k, _)| (c.as_str(), s.as_deref(), *k))
            .collect::<Vec<_>>(),
        vec![
            (
                "citing",
                Some("two people familiar with the talks"),
                SourceKind::Anonymous
            ),
            ("reported", Some("The Harbour Gazette"), SourceKind::Named),
        ]
    );
    // An appositive that is a noun phrase still belongs to the name.
    assert_eq!(
        one("Dana Ruiz, acting director of the agency, said the office would close.")
            .1
            .as_deref(),
        Some("Dana Ruiz, acting director of the agency")
    );
}

/// A view with its holder ("see him as", "is seen by ... as") is the
/// holder's stance; sight, comparisons and holderless views are not.
#[test]
fn a_view_with_its_holder_is_a_stance() {
    assert_eq!(
        all_attrs("The senator views the deal as a betrayal of workers."),
        vec![("views".into(), Some("The senator".into()), CueKind::Stance)]
    );
    assert_eq!(
        all_attrs("She is seen by party leaders as uniquely credible."),
        vec![("seen".into(), Some("party leaders".into()), CueKind::Stance)]
    );
    for text in [
        "The year saw a surge in filings.",
        "Fans can see as many as ten games this season.",
        "He saw the crowd as he left the hall.",
        "The measure is widely seen as a test of his strength.",
        "The film was seen by millions of viewers.",
        "Kemp, seen as a formidable opponent, entered the race.",
        "The year 2016 saw the rise of the outsider as a force.",
    ] {
        assert!(all_attrs(text).is_empty(), "{text}: {:?}", all_attrs(text));
    }
}

/// A capital "That" before a noun points back to a source already
/// introduced ("That person said"); it does not open a clause.
#[test]
fn that_person_points_back() {
    let a = attrs_of(
        "The coach will stay, a source close to the club said. That person said the board agreed.",
    );
    assert_eq!(a[1].1.as_deref(), Some("That person"), "{a:?}");
    assert_eq!(a[1].2, SourceKind::Named);
    // Lower case, "that" still opens a clause.
    let b = attrs_of("Officials feared that voters said nothing.");
    assert_eq!(b[1].1.as_deref(), Some("voters"), "{b:?}");
}
