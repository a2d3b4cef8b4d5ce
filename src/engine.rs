//! Matches a compiled pack against one analysed document.
//!
//! One pass of the phrase matcher and one search per rule regex find every
//! candidate; only rules with candidates (and element rules) do any further
//! work. Each candidate is then judged in context: unit, scope, names,
//! exceptions and conditions.

use std::ops::Range;

use regex_automata::Input;

use crate::finding::{Category, Context, Finding, Suggestion};
use crate::model::{Attribution, CueKind, Document, QuotationKind, SourceKind};
use crate::prose::{BlockKind, Prose};
use crate::rules::phrase::is_word_char;
use crate::rules::schema::{AttributionFilter, Element, Scope, Side, Unit};
use crate::rules::{Condition, GroupId, Lowered, Pack, Rule, Target};

/// Most question sentences in one interview or FAQ question block; three or
/// more in a paragraph make a barrage.
const MAX_INTERVIEW_QUESTIONS: usize = 2;

/// A pattern match before judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Hit {
    group: GroupId,
    start: usize,
    end: usize,
}

/// Every pattern match in a document, sorted by group then start.
struct Hits {
    items: Vec<Hit>,
    /// (regex, start) of each trigger occurrence of a gated regex, sorted.
    triggers: Vec<(u32, usize)>,
}

impl Hits {
    /// The phrase matches of every group and the regex matches of the
    /// groups of rules that run (`runs`).
    fn collect(pack: &Pack, text: &str, runs: impl Fn(usize) -> bool) -> Self {
        // Sized for the hit rates of news copy (about one phrase hit per
        // 100 bytes, a trigger per 200), so few documents regrow them.
        let mut items = Vec::with_capacity(text.len() / 96 + 8);
        // (regex, start) of each trigger occurrence of a gated regex.
        let mut triggers: Vec<(u32, usize)> = Vec::with_capacity(text.len() / 192 + 8);
        // Phrases are stored lower-case; ASCII lower-casing keeps every byte
        // offset. The matcher finds them only at word edges.
        let lower = Lowered::new(text);
        pack.matcher.find(
            &lower,
            |pattern, s, e| {
                for (group, exact) in &pack.phrase_owners[pattern as usize] {
                    if exact.as_deref().is_none_or(|x| x == &text[s..e]) {
                        items.push(Hit {
                            group: *group,
                            start: s,
                            end: e,
                        });
                    }
                }
            },
            |regex, s| triggers.push((regex, s)),
        );
        triggers.sort_unstable();
        let mut hits = Hits { items, triggers };
        // Regexes only conditions test (an embedded post, a speaker label)
        // wait until a rule that tests them has a candidate.
        hits.search_regexes(pack, text, false, |g| {
            pack.group_rules[g as usize].iter().any(|&r| runs(r))
        });
        hits.items.sort_unstable();
        hits.items.dedup();
        hits
    }

    /// Searches the regexes of the groups `wanted` accepts and files their
    /// matches with the others.
    /// `sort` files them at once; the first search leaves that to its caller.
    fn search_regexes(
        &mut self,
        pack: &Pack,
        text: &str,
        sort: bool,
        wanted: impl Fn(GroupId) -> bool,
    ) {
        let items = &mut self.items;
        let triggers = &self.triggers;
        let before = items.len();
        let bytes = text.as_bytes();
        // Each regex runs alone: a gated one only over the segments holding
        // its triggers (see `rules::gate`), any other over the whole text
        // with its own literal prefilter.
        for (i, r) in pack.regexes.iter().enumerate() {
            if !wanted(r.group) {
                continue;
            }
            // Rule regexes use ASCII `\b` for speed (see the loader), which
            // sees a boundary before a non-ASCII letter; restore the Unicode
            // meaning where the two differ.
            let mut search = |input: Input<'_>| {
                r.regex.for_each_span(input, |s, e| {
                    if s < e && !glued_to_non_ascii_letter(text, s, e) {
                        items.push(Hit {
                            group: r.group,
                            start: s,
                            end: e,
                        });
                    }
                });
            };
            let Some(alphabet) = &r.alphabet else {
                search(Input::new(text));
                continue;
            };
            let i = i as u32;
            let lo = triggers.partition_point(|t| t.0 < i);
            let mut done = 0;
            for &(_, t) in triggers[lo..].iter().take_while(|t| t.0 == i) {
                if t < done {
                    continue; // in the segment just searched
                }
                let allowed = |b: &u8| alphabet[*b as usize];
                let start = bytes[..t]
                    .iter()
                    .rposition(|b| !allowed(b))
                    .map_or(0, |p| p + 1);
                let end = bytes[t..]
                    .iter()
                    .position(|b| !allowed(b))
                    .map_or(bytes.len(), |p| t + p);
                if start < end {
                    search(Input::new(text).range(start..end));
                }
                done = end.max(t + 1);
            }
        }
        if items.len() > before && sort {
            items.sort_unstable();
            items.dedup();
        }
    }

    fn group(&self, g: GroupId) -> &[Hit] {
        let lo = self.items.partition_point(|h| h.group < g);
        let hi = self.items.partition_point(|h| h.group <= g);
        &self.items[lo..hi]
    }

    /// True when group `g` has a hit lying inside `window`.
    fn any_within(&self, g: GroupId, window: &Range<usize>) -> bool {
        let hits = self.group(g);
        let i = hits.partition_point(|h| h.start < window.start);
        hits[i..]
            .iter()
            .take_while(|h| h.start < window.end)
            .any(|h| h.end <= window.end)
    }

    /// True when group `g` has a hit containing `range`.
    fn any_containing(&self, g: GroupId, range: &Range<usize>) -> bool {
        let hits = self.group(g);
        let i = hits.partition_point(|h| h.start <= range.start);
        hits[..i].iter().any(|h| h.end >= range.end)
    }
}

/// True when a match edge that is a word character touches a non-ASCII word
/// character outside the match (`na` in `naïve`): a boundary for ASCII `\b`,
/// not for a reader.
fn glued_to_non_ascii_letter(text: &str, start: usize, end: usize) -> bool {
    let inner_first = text[start..end].chars().next();
    let inner_last = text[start..end].chars().next_back();
    let outer_before = text[..start].chars().next_back();
    let outer_after = text[end..].chars().next();
    let glued = |inner: Option<char>, outer: Option<char>| {
        inner.is_some_and(is_word_char) && outer.is_some_and(|c| !c.is_ascii() && is_word_char(c))
    };
    glued(inner_first, outer_before) || glued(inner_last, outer_after)
}

/// A candidate: a rule and the prose range it would flag.
struct Candidate {
    rule: usize,
    range: Range<usize>,
    /// For element rules: the element that produced it.
    element: Option<Element>,
}

/// Lints one document's prose with the pack's enabled rules.
///
/// Returned ranges are in the coordinates of the source the prose came from.
pub fn check_prose(pack: &Pack, prose: &Prose) -> Vec<Finding> {
    let doc = Document::analyze(prose);
    check_document(pack, &doc, None)
}

/// Lints prose with one rule only, enabled or not (for rule examples).
pub fn check_prose_for_rule(pack: &Pack, prose: &Prose, rule: usize) -> Vec<Finding> {
    let doc = Document::analyze(prose);
    check_document(pack, &doc, Some(rule))
}

/// Lints an already analysed document with the enabled rules, or only `only`.
pub fn check_document(pack: &Pack, doc: &Document<'_>, only: Option<usize>) -> Vec<Finding> {
    let runs = |r: usize| only.map_or(pack.enabled[r], |o| o == r);
    let text = doc.text();
    let mut hits = Hits::collect(pack, text, runs);
    let mut candidates = Vec::with_capacity(hits.items.len() + 8);
    for h in &hits.items {
        for &r in &pack.group_rules[h.group as usize] {
            if runs(r) {
                candidates.push(Candidate {
                    rule: r,
                    range: h.start..h.end,
                    element: None,
                });
            }
        }
    }
    for &r in &pack.element_rules {
        if runs(r) {
            element_candidates(
                doc,
                r,
                pack.rules[r].element.expect("element rule"),
                &mut candidates,
            );
        }
    }
    // The condition groups of the rules with candidates.
    let mut tested: Vec<GroupId> = Vec::new();
    let mut seen_rule = usize::MAX;
    for c in &candidates {
        if c.rule == seen_rule {
            continue;
        }
        seen_rule = c.rule;
        let rule = &pack.rules[c.rule];
        for cond in rule.unless.iter().chain(&rule.requires) {
            if let Target::Group(g) = cond.target {
                tested.push(g);
            }
        }
        tested.extend(rule.exceptions);
    }
    tested.sort_unstable();
    tested.dedup();
    if !tested.is_empty() {
        hits.search_regexes(pack, text, true, |g| {
            pack.group_rules[g as usize].is_empty() && tested.binary_search(&g).is_ok()
        });
    }
    let mut findings: Vec<(usize, Range<usize>, Finding)> = Vec::new();
    for c in candidates {
        let rule = &pack.rules[c.rule];
        if let Some(f) = judge(rule, c.rule, doc, &hits, &c) {
            findings.push((c.rule, c.range.clone(), f));
        }
    }
    // Within a rule, overlapping matches ("one of the" and "one of the most")
    // are one problem: keep the earliest, longest.
    findings.sort_by(|a, b| {
        (a.0, a.1.start, std::cmp::Reverse(a.1.end)).cmp(&(
            b.0,
            b.1.start,
            std::cmp::Reverse(b.1.end),
        ))
    });
    let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
    // (rule, end of its last kept finding, how many it has kept)
    let mut last: Option<(usize, usize, u32)> = None;
    for (rule, range, f) in findings {
        let r = &pack.rules[rule];
        let cap = if r.once_per_document {
            Some(1)
        } else {
            r.max_per_document
        };
        let mut count = 0;
        if let Some((lr, lend, n)) = last
            && lr == rule
        {
            if range.start < lend || cap.is_some_and(|c| n >= c) {
                continue;
            }
            count = n;
        }
        last = Some((rule, range.end, count + 1));
        kept.push(f);
    }
    kept.sort_by_key(|f| (f.range.start, f.rule));
    // Two rules of one category on the same words are one problem: keep the
    // more severe (a hedge in a headline is reported once, as a headline hedge).
    let mut i = 0;
    while i < kept.len() {
        let start = kept[i].range.start;
        let run = kept[..i]
            .iter()
            .rev()
            .take_while(|k| k.range.start == start)
            .count();
        let dup = (i - run..i).find(|&j| {
            kept[j].range == kept[i].range
                && pack.rules[kept[j].rule].category == pack.rules[kept[i].rule].category
        });
        match dup {
            Some(j) if pack.rules[kept[j].rule].severity >= pack.rules[kept[i].rule].severity => {
                kept.remove(i);
            }
            Some(j) => {
                kept.remove(j);
            }
            None => i += 1,
        }
    }
    kept
}

fn element_candidates(doc: &Document<'_>, rule: usize, element: Element, out: &mut Vec<Candidate>) {
    let mut push = |range: Range<usize>| {
        out.push(Candidate {
            rule,
            range,
            element: Some(element),
        })
    };

    match element {
        Element::Question => {
            // Several paragraphs that are nothing but a short question, each
            // answered by the prose below it, make an interview or FAQ: not
            // rhetorical. A barrage (questions running on over paragraphs, or
            // three in one), a lone one, a question inside narration, or a
            // headline is still judged; subheads are judged on their own.
            let mut blocks: Vec<(Range<usize>, bool)> = Vec::new();
            let mut i = 0;
            while i < doc.sentences.len() {
                let block = doc.sentences[i].block;
                let end = i + doc.sentences[i..]
                    .iter()
                    .take_while(|s| s.block == block)
                    .count();
                let questions = doc.sentences[i..end].iter().all(|s| s.is_question)
                    && doc.prose.blocks[block].kind != BlockKind::Headline;
                blocks.push((i..end, questions));
                i = end;
            }
            let answered: Vec<bool> = (0..blocks.len())
                .map(|b| {
                    let (range, questions) = &blocks[b];
                    *questions
                        && range.len() <= MAX_INTERVIEW_QUESTIONS
                        && !doc.is_subhead_question(range.start)
                        && blocks.get(b + 1).is_some_and(|(_, next)| !next)
                })
                .collect();
            let q_and_a = answered.iter().filter(|a| **a).count() >= 2;
            let blocks: Vec<(Range<usize>, bool)> = blocks
                .into_iter()
                .zip(&answered)
                .map(|((range, _), a)| (range, *a))
                .collect();
            for (range, standalone) in blocks {
                if q_and_a && standalone {
                    continue;
                }
                // A set-up answered in the next sentence ("The culprit? A
                // cold front.") structures the story; it raises no doubt.
                // A run of questions is one editing point: its first question
                // is reported, not each of the run.
                let mut run = false;
                for k in range {
                    if !doc.sentences[k].is_question {
                        run = false;
                        continue;
                    }
                    if !run
                        && !doc.is_setup_question(k)
                        && !doc.is_subhead_question(k)
                        && !doc.is_framed_question(k)
                        && !doc.is_interview_question(k)
                        && !doc.is_teaser_question(k)
                    {
                        push(doc.sentences[k].range.clone());
                        run = true;
                    }
                }
            }
        }
        Element::Quotation => {
            for q in &doc.quotations {
                if q.kind == QuotationKind::Direct && q.depth == 0 && q.words >= 4 {
                    push(q.range.clone());
                }
            }
        }
        Element::ScareQuote => {
            let text = doc.text();
            for q in &doc.quotations {
                // The cheap tests first: the word test reads every character,
                // and most quotations are whole sentences of speech.
                if q.kind != QuotationKind::Direct || q.depth != 0 || q.words != 1 {
                    continue;
                }
                // A quoted label such as "A" shares or "B" quotas is a name, not doubt.
                let word = &text[q.inner.clone()];
                // A capitalised word is a nickname ("C.J. “Pete” Silas") or a name.
                let is_word = word.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && word.chars().next().is_some_and(char::is_lowercase);
                if is_word {
                    push(q.range.clone());
                }
            }
        }
        Element::VagueAttribution | Element::AnonymousAttribution => {
            let want = if element == Element::VagueAttribution {
                SourceKind::Vague
            } else {
                SourceKind::Anonymous
            };
            let text = doc.text();
            let bare = |a: &Attribution| {
                a.source
                    .as_ref()
                    .is_some_and(|s| is_back_reference(&text[s.clone()]))
            };
            // A cue whose source was not found proves nothing about the source.
            let mut anonymous_seen = false;
            for (i, a) in doc.attributions.iter().enumerate() {
                // A stance ("critics called for") reports an act, not a source.
                if a.source_kind != want || a.cue_kind == CueKind::Stance {
                    continue;
                }
                // "The sources said" after "according to sources close to the
                // talks" is the same sources, judged where they came in; a
                // new indefinite source ("a person familiar with...") is a
                // new claim to weigh, and is judged again.
                if want == SourceKind::Anonymous
                    && a.source.is_some()
                    && std::mem::replace(&mut anonymous_seen, true)
                    && a.source
                        .as_ref()
                        .is_some_and(|s| is_definite(&text[s.clone()]))
                {
                    continue;
                }
                // "The Post, citing two officials, reported": the outlet that
                // cites its anonymous source granted the anonymity, and the
                // story attributes the claim to the outlet (AP: relay another
                // organisation's anonymous sourcing by naming it). So with a
                // vague one: in "Sanders praised the record, citing
                // statistics" the claim is Sanders's.
                if relayed(doc, a) {
                    continue;
                }
                // "Dealers said ... One said ..." points back to a group the
                // rule has already judged where it was introduced.
                if bare(a)
                    && doc.attributions[..i]
                        .iter()
                        .rev()
                        .take_while(|p| p.sentence + 2 >= a.sentence)
                        // a stance ("voters appeared to") introduces no source
                        .any(|p| p.cue_kind != CueKind::Stance && p.source.is_some() && !bare(p))
                {
                    continue;
                }
                // "Everyone wants", "than anyone had expected": a figure of
                // speech, not a source the reader is asked to trust.
                if a.source
                    .as_ref()
                    .is_some_and(|s| is_everyone(&text[s.clone()]))
                {
                    continue;
                }
                // "Banks said" after "Rep. Jim Banks said": a surname that
                // reads as a plural noun at the head of a sentence.
                if let Some(src) = &a.source
                    && is_earlier_surname(text, src.start, &text[src.clone()])
                {
                    continue;
                }
                // "Companies do not disclose their tax bills", "records do not
                // show": a report denied gives the reader no claim to weigh. A
                // denied belief ("many do not think it safe") is still a
                // state of mind asserted for a group, and stays.
                if a.cue_kind == CueKind::Speech && negated_before(text, a.cue.start) {
                    continue;
                }
                if let Some(s) = &a.source {
                    push(s.start.min(a.cue.start)..s.end.max(a.cue.end));
                }
            }
        }
        // Document level: one place per document, from the sourcing model
        // the report shows.
        Element::SingleSource => crate::sourcing::single_source(doc)
            .into_iter()
            .for_each(push),
        Element::AllAnonymous => crate::sourcing::all_anonymous(doc)
            .into_iter()
            .for_each(push),
        Element::UnattributedStretch => crate::sourcing::unattributed_stretch(doc)
            .into_iter()
            .for_each(push),
        Element::Belief | Element::PublicBelief | Element::PrivateBelief => {
            let text = doc.text();
            // A person the story quotes at length was interviewed: "Ban
            // believes ..." then reports what Ban told the reporter.
            let speakers = doc.quoted_speakers();
            let wanted = |a: &crate::model::Attribution| match element {
                Element::PrivateBelief => {
                    a.source.as_ref().is_some_and(|s| private_person(text, s))
                }
                Element::PublicBelief => {
                    !a.source.as_ref().is_some_and(|s| private_person(text, s))
                }
                _ => true,
            };
            for a in &doc.attributions {
                if a.cue_kind == CueKind::Belief
                    && a.source_kind == SourceKind::Named
                    && wanted(a)
                    && !a.source.as_ref().is_some_and(|s| {
                        let s = &text[s.clone()];
                        is_first_or_second_person(s)
                            || crate::model::surname(s).is_some_and(|n| speakers.contains(&n))
                            // "“... poisoning the election.” She thinks ...",
                            // "Her father, Brad, worried ... ¶ “People are
                            // afraid,” he said": the one person quoted next
                            // to it is telling the reporter. (A group, "some
                            // Democrats think", is not one interviewee.)
                            || (one_speaker(s) && quote_beside(doc, a.sentence))
                    })
                {
                    push(a.cue.clone());
                }
            }
        }
    }
}

/// `a` is a source that a named source in its sentence cites ("The Post,
/// citing two officials, reported", "CAIR, citing a source at the agency,
/// alleged", "Sanders praised the record, citing statistics"), or that a
/// named organisation's report in its sentence carries ("insiders believe
/// ..., according to the New York Times").
fn relayed(doc: &Document<'_>, a: &Attribution) -> bool {
    let text = doc.text();
    let citing = text[a.cue.clone()].eq_ignore_ascii_case("citing");
    doc.attributions_in(a.sentence..a.sentence + 1).any(|p| {
        p.cue != a.cue
            && p.source_kind == SourceKind::Named
            && p.source.as_ref().is_some_and(|s| {
                citing
                    || (p.cue_kind == CueKind::Speech
                        && is_report_cue(&text[p.cue.clone()])
                        && crate::sourcing::is_organization(&text[s.clone()]))
            })
    })
}

/// A cue by which an organisation publishes ("according to", "reported").
fn is_report_cue(cue: &str) -> bool {
    let cue = cue.to_ascii_lowercase();
    cue.starts_with("according") || cue.starts_with("report")
}

/// The match sits in the "that" clause right after the cue of `a`: "Trump
/// is betting that voters feel", "Ames believes that critics will". What
/// the group holds there is the view of `a`'s source, whatever kind of cue
/// (speech, belief or stance) carries it.
fn governs(text: &str, a: &Attribution, range: &Range<usize>) -> bool {
    if a.cue.end > range.start || range.start - a.cue.end > 80 {
        return false;
    }
    let between = &text[a.cue.end..range.start];
    let rest = between.trim_start();
    (rest.starts_with("that ") || rest.starts_with("that\n"))
        && !between.contains([',', ';', ':', '.', '?', '!'])
}

/// One of the two words before byte `at` denies what follows: "did not
/// say", "don't tell", "never confirmed", "have not publicly disclosed".
fn negated_before(text: &str, at: usize) -> bool {
    text[words_back(text, at, 2)..at]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .any(|w| {
            let w = w.to_ascii_lowercase();
            w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t")
        })
}

/// `source`, standing at byte `at`, is one capitalised word that the story
/// used before as a surname ("Rep. Jim Banks", "Jim Banks said"): a
/// person, not a group.
fn is_earlier_surname(text: &str, at: usize, source: &str) -> bool {
    // A headline's "Health Officials Warn" must not turn a later "Officials
    // said" into a person.
    #[rustfmt::skip]
    const GROUPS: &[&str] = &[
        "officials", "critics", "experts", "analysts", "sources", "supporters", "opponents",
        "residents", "lawmakers", "democrats", "republicans", "scientists", "researchers",
        "economists", "observers", "advocates", "activists", "authorities", "police", "people",
        "investors", "traders", "dealers", "voters", "diplomats", "officers", "witnesses",
    ];
    if !source.starts_with(|c: char| c.is_uppercase())
        || source.contains(' ')
        || is_one_of(source, GROUPS)
    {
        return false;
    }
    // The story names the person within the last 20 KB or so; the bound
    // keeps a huge document linear.
    let mut from = at.saturating_sub(20_000);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    before.match_indices(source).any(|(k, _)| {
        let end = k + source.len();
        let ends_word = !before[end..].starts_with(|c: char| c.is_alphanumeric());
        let first = before[..k]
            .strip_suffix(' ')
            .and_then(|b| b.rsplit(|c: char| !c.is_alphabetic()).next())
            .unwrap_or("");
        ends_word
            && first.len() > 1
            && first.starts_with(|c: char| c.is_uppercase())
            && first.chars().skip(1).all(char::is_lowercase)
    })
}

/// The holder of a belief at `range` is a private person: one the story
/// names without an office or a role ("Jessica Ward", "Gao, a lawyer", "his
/// wife"). Not a pronoun, not someone it gives a title or role ("President
/// Donald Trump", later "Trump"; "the mayor"; "Fox News host Sean Hannity"),
/// not a group or an institution ("Democrats", "his team", "China").
fn private_person(text: &str, range: &Range<usize>) -> bool {
    // Heads that name a body of people, capitalised or not.
    #[rustfmt::skip]
    const BODIES: &[&str] = &[
        "team", "campaign", "government", "administration", "house", "party", "committee",
        "department", "ministry", "agency", "office", "bureau", "court", "council", "board",
        "commission", "company", "firm", "group", "union", "league", "club", "association",
        "institute", "foundation", "university", "school", "hospital", "bank", "army",
        "military", "navy", "police", "congress", "senate", "parliament", "cabinet", "church",
        "network", "newspaper", "times", "post", "news", "journal", "corporation", "inc",
        "establishment", "left", "right", "movement", "industry", "public", "media", "press",
        "family", "staff", "camp", "side", "leadership", "caucus", "coalition", "alliance",
        "pentagon", "kremlin", "state", "country", "nation", "city", "county", "town", "world",
        "everyone", "everybody", "nobody", "anyone", "somebody", "someone", "community",
        "it", "this", "that", "who", "which",
    ];
    let source = &text[range.clone()];
    let words: Vec<&str> = source
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let Some(last) = words.last() else {
        return false;
    };
    // "Sanders and his aides", "Clinton's team and allies": more than one
    if words.iter().any(|w| is_one_of(w, &["and", "or", "&"]))
        || is_one_of(last, BODIES)
        || is_one_of(last, TITLES)
    {
        return false;
    }
    if last.starts_with(|c: char| c.is_lowercase()) {
        // "his wife", "the patient"; not "he", "his advisers", "the mayor"
        let plural = last.ends_with('s') && !last.ends_with("ss");
        return words.len() > 1 && !plural;
    }
    // A capitalised name: "Jessica Ward", "Bernie Sanders"; not "House
    // Democrats". One word only when the story gave it with a first name
    // before ("Ward").
    let lower = last.to_ascii_lowercase();
    let members = ["ans", "ats", "ives", "als", "ists", "ites", "ics"]
        .iter()
        .any(|e| lower.len() > e.len() && lower.ends_with(e));
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    let person = (capitalised >= 2 && !members) || is_earlier_surname(text, range.start, source);
    person && !titled(text, range.start + source.len(), last)
}

/// Offices and roles that put a person in public life when they stand
/// before the name ("President Donald Trump", "Starbucks CEO Howard Schultz").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "minister", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "gov", "governor", "mayor", "secretary", "chancellor", "premier", "judge",
    "justice", "speaker", "chairman", "chairwoman", "chair", "ceo", "founder", "host", "anchor",
    "commissioner", "director", "chief", "leader", "candidate", "nominee", "ambassador",
    "prosecutor", "sheriff", "spokesman", "spokeswoman", "executive", "king", "queen", "prince",
    "general", "gen", "official", "attorney", "lawmaker", "legislator", "councillor",
    "councilman", "councilwoman", "commentator", "columnist", "pundit", "billionaire", "mogul",
    "owner", "coach", "president-elect", "hopeful", "challenger", "incumbent", "strategist",
    "adviser", "advisor", "aide", "pollster", "activist", "advocate",
];

/// The story gives `surname` (a name's last word) an office or role before
/// it somewhere up to byte `end`: "President Donald Trump", "host Sean
/// Hannity", "Sen. Cruz".
fn titled(text: &str, end: usize, surname: &str) -> bool {
    let mut from = end.saturating_sub(20_000);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..end];
    before.match_indices(surname).any(|(k, _)| {
        // the whole word: "Ward", not "toward" or "Warden"
        let alone = !before[..k].ends_with(char::is_alphanumeric)
            && !before[k + surname.len()..].starts_with(char::is_alphanumeric);
        if !alone {
            return false;
        }
        let mut lead = k.saturating_sub(80);
        while !before.is_char_boundary(lead) {
            lead += 1;
        }
        // Up to two given names between the title and the surname.
        before[lead..k]
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .rev()
            .take(3)
            .any(|w| is_one_of(w, TITLES))
    })
}

/// A source that can be one person: "she", "the IAAF", "Her father, Brad,
/// 39", not a plural ("other Democrats") or "it".
fn one_speaker(source: &str) -> bool {
    if is_one_of(source, &["he", "she"]) {
        return true;
    }
    let last = source
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    !last.is_empty() && !last.ends_with('s') && !is_one_of(source, &["it", "this", "that"])
}

/// The sentence before or after `sentence`, in its block or the one next to
/// it, holds a direct quotation of four words or more.
fn quote_beside(doc: &Document, sentence: usize) -> bool {
    let block = doc.sentences[sentence].block;
    let near = |k: usize| {
        doc.sentences
            .get(k)
            .filter(|s| s.block.abs_diff(block) <= 1)
            .map(|s| s.range.clone())
    };
    let quoted = |r: Range<usize>| {
        doc.quotations.iter().any(|q| {
            q.kind == QuotationKind::Direct
                && q.depth == 0
                && q.words >= 4
                && q.range.start < r.end
                && q.range.end > r.start
        })
    };
    sentence.checked_sub(1).and_then(near).is_some_and(quoted)
        || near(sentence + 1).is_some_and(quoted)
}

/// A source that only points back to a group named before: "one",
/// "another", "others", "a third".
fn is_back_reference(source: &str) -> bool {
    #[rustfmt::skip]
    const BACK: &[&str] = &[
        "one", "another", "others", "other", "the other", "the others", "a third", "a second",
        "a fourth", "some", "several", "most", "many", "a few", "few", "both", "all", "one of them",
        "some of them", "others still",
    ];
    is_one_of(source, BACK)
}

/// A source that is or holds an indefinite pronoun ("anyone who clapped",
/// "the question nobody asked").
fn is_everyone(source: &str) -> bool {
    source
        .split_whitespace()
        .any(crate::model::is_indefinite_pronoun)
}

/// A noun phrase that points back with a definite determiner or a pronoun:
/// "the sources", "that person", "those officials", "they".
fn is_definite(source: &str) -> bool {
    let first = source.split_whitespace().next().unwrap_or("");
    is_one_of(
        first,
        &[
            "the", "that", "those", "these", "this", "both", "they", "he", "she", "it",
        ],
    )
}

/// "I believe" is the speaker's own avowal and "What do you think?" a
/// prompt to the reader: neither claims to know someone else's mind.
fn is_first_or_second_person(source: &str) -> bool {
    is_one_of(source, &["i", "we", "you", "i, too", "we all", "you all"])
}

/// `source` is one of `words` (lower-case), ignoring ASCII case; no allocation
/// on this per-attribution path.
fn is_one_of(source: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(source))
}

/// Decides whether a candidate is a finding, and builds it.
fn judge(
    rule: &Rule,
    rule_index: usize,
    doc: &Document<'_>,
    hits: &Hits,
    c: &Candidate,
) -> Option<Finding> {
    let text = doc.text();
    let range = &c.range;
    let first = doc.sentence_at(range.start)?;
    // The sentence of the last byte, read on from the first (sentences are
    // in order of start): most candidates end in the sentence they start
    // in, where a second binary search cost as much as the first.
    let last_byte = range.end.saturating_sub(1).max(range.start);
    let last = first
        + doc.sentences[first + 1..]
            .iter()
            .take_while(|s| s.range.start <= last_byte)
            .count();
    let sentence = &doc.sentences[first];
    if range.start >= sentence.range.end {
        // between sentences: outside every block
        return None;
    }
    if doc.is_repeat(first) {
        return None;
    }
    let block_kind = doc.block_kind(first);
    if rule.unit == Unit::Headline && block_kind != BlockKind::Headline {
        return None;
    }
    // Scope. A question is judged by its question mark, a scare quote is by
    // definition quotation marks in narration.
    let in_quote = match c.element {
        Some(Element::ScareQuote) => {
            doc.in_quotation(&(range.start.saturating_sub(1)..range.start))
        }
        Some(Element::Question) => doc.in_quotation(&(range.end - 1..range.end)),
        _ => doc.in_quotation(range),
    };
    match rule.scope {
        Scope::Narration if in_quote => return None,
        Scope::Quotation if !doc.in_quotation(&(range.start..range.start + 1)) => return None,
        _ => {}
    }
    if rule.skip_names
        && c.element.is_none()
        && looks_like_name(text, range.start, sentence.range.start, block_kind)
    {
        return None;
    }
    if let Some(g) = rule.exceptions
        && hits.any_containing(g, range)
    {
        return None;
    }
    let holds = |cond: &Condition| condition_holds(doc, hits, rule, cond, range, first, last);
    if rule.unless.iter().any(holds) || !rule.requires.iter().all(holds) {
        return None;
    }
    let matched = &text[range.clone()];
    let prose = doc.prose;
    let mut context = Vec::new();
    // The missing source is the verdict only for sourcing and hedging rules;
    // elsewhere attribution merely exempts, and the label would be noise.
    let sourced_by_attribution = rule
        .unless
        .iter()
        .find(|c| matches!(c.target, Target::Attribution(_)))
        .filter(|_| matches!(rule.category, Category::Sourcing | Category::Hedging));
    if let Some(cond) = sourced_by_attribution {
        let label = match (c.element, cond.within) {
            (Some(Element::Quotation), _) => {
                "no speaker is named in this or a neighbouring sentence"
            }
            (_, 0) => "this sentence names no source",
            _ => "no source is named in reach",
        };
        let sent_range = sentence.range.start..doc.sentences[last].range.end;
        context.push(Context {
            range: prose.source_range(sent_range),
            label: label.into(),
        });
    }
    let suggestions = rule
        .suggest
        .iter()
        .filter(|s| s.when.as_ref().is_none_or(|w| *w == matched.to_lowercase()))
        .map(|s| Suggestion {
            replacement: match_case(&s.replacement, matched),
            applicability: s.applicability,
        })
        .collect();
    Some(Finding {
        rule: rule_index,
        range: prose.source_range(range.clone()),
        message: render_message(&rule.message, matched),
        suggestions,
        context,
        paragraph: prose.paragraph_numbers.then_some(sentence.block + 1),
    })
}

/// A capitalised match in mid-sentence body copy is part of a name
/// ("Landmark Theatres", "the Iconic Records label").
fn looks_like_name(text: &str, start: usize, sentence_start: usize, block: BlockKind) -> bool {
    if matches!(block, BlockKind::Headline | BlockKind::Heading) {
        return false;
    }
    if !text[start..].chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // Sentence-initial, after a colon, or opening a quotation: ordinary capitals.
    let before = text[sentence_start..start].trim_end();
    let prev = before.chars().next_back();
    !(before.chars().all(|c| !is_word_char(c))
        || matches!(
            prev,
            Some(':' | '"' | '\u{201c}' | '\u{2018}' | '(' | '\u{2014}')
        ))
}

fn condition_holds(
    doc: &Document<'_>,
    hits: &Hits,
    rule: &Rule,
    cond: &Condition,
    range: &Range<usize>,
    first: usize,
    last: usize,
) -> bool {
    let (mut lo, mut hi) = unit_sentences(doc, rule.unit, first, last, cond.within);
    // Without `near`, `side` limits `within` to the sentences after (or
    // before) the match.
    if cond.near.is_none() {
        match cond.side {
            Some(Side::After) => lo = first,
            Some(Side::Before) => hi = last,
            None => {}
        }
    }
    if cond.same_paragraph {
        // Sentences are in reading order, so the paragraph's are contiguous.
        while lo < first && doc.sentences[lo].block != doc.sentences[first].block {
            lo += 1;
        }
        while hi > last && doc.sentences[hi].block != doc.sentences[last].block {
            hi -= 1;
        }
    }
    let sourcing = matches!(rule.category, Category::Sourcing | Category::Hedging);
    match &cond.target {
        Target::Attribution(AttributionFilter::NamedQuote)
            if !heads_its_clause(doc.text(), &doc.sentences[first].range, range) =>
        {
            false
        }
        Target::Attribution(filter) => {
            let fits = |a: &Attribution| {
                a.cue_kind == CueKind::Speech
                    // A withheld statement ("has not said what caused it")
                    // names no source for the rest of the sentence.
                    && !(sourcing && a.negated)
                    && match filter {
                        AttributionFilter::Any => true,
                        AttributionFilter::Named => a.source_kind == SourceKind::Named,
                        AttributionFilter::NamedQuote => {
                            a.source_kind == SourceKind::Named
                                && doc.quotes_directly(a.sentence, QUOTE_WORDS)
                        }
                        AttributionFilter::Vague => a.source_kind == SourceKind::Vague,
                        AttributionFilter::Anonymous => a.source_kind == SourceKind::Anonymous,
                    }
            };
            doc.attributions_in(lo..first).any(fits)
                || doc.attributions_in(last + 1..hi + 1).any(fits)
                // In the match's own sentence, only attributions near the
                // match count. A characterisation there must lie in what the
                // source says, not in the writer's description of the source;
                // sourcing and hedging rules ask only whether the sentence
                // names a source at all.
                || doc
                    .attributions_near(first..last + 1, range, ATTRIBUTION_REACH)
                    .any(|a| {
                        (fits(a) && (sourcing || a.covers(doc.text(), range)))
                            || (sourcing
                                && matches!(filter, AttributionFilter::Named)
                                && a.source_kind == SourceKind::Named
                                && !a.negated
                                && governs(doc.text(), a, range))
                    })
        }
        Target::Group(g) => {
            let mut window = doc.sentences[lo].range.start..doc.sentences[hi].range.end;
            if let Some(n) = cond.near {
                let text = doc.text();
                let before = words_back(text, range.start, n as usize).max(window.start);
                let after = words_forward(text, range.end, n as usize).min(window.end);
                window = match cond.side {
                    Some(Side::Before) => before..range.end,
                    Some(Side::After) => range.start..after,
                    None => before..after,
                };
            }
            hits.any_within(*g, &window)
        }
    }
}

/// Whether the match opens its clause or closes its sentence: the summary
/// attribution of what the sentence says ("Experts say ...", "However,
/// experts say ...", "..., experts say."), which a named voice quoted next
/// can illustrate. One set inside a phrase ("a move critics say would
/// ...", "a gap that experts say renders ...") characterises something in
/// passing, and the next quotation is about something else.
fn heads_its_clause(text: &str, sentence: &Range<usize>, range: &Range<usize>) -> bool {
    let before = text[sentence.start..range.start.max(sentence.start)].trim_end();
    if before.is_empty() || before.ends_with([',', ';', ':', '\u{2014}']) {
        return true;
    }
    let after = &text[range.end.min(sentence.end)..sentence.end];
    after.chars().all(|c| !c.is_alphanumeric())
}

/// Fewest words a quotation needs for `attribution = "named-quote"`: a
/// sentence or a clause of the speaker's, not a quoted word or label.
const QUOTE_WORDS: usize = 4;

/// How far, in bytes either side of a match, a condition looks for an
/// attribution in the match's own sentence: far beyond any real sentence,
/// and a bound on the work of a sentence that never ends (issue 19).
pub const ATTRIBUTION_REACH: usize = 2_000;

/// Sentence indices (inclusive) a condition looks at.
fn unit_sentences(
    doc: &Document<'_>,
    unit: Unit,
    first: usize,
    last: usize,
    within: u32,
) -> (usize, usize) {
    let n = doc.sentences.len();
    let w = within as usize;
    let (lo, hi) = match unit {
        Unit::Sentence | Unit::Headline => (first, last),
        Unit::Paragraph => {
            let block = doc.sentences[first].block;
            let lo = doc.sentences[..=first]
                .iter()
                .rposition(|s| s.block != block)
                .map_or(0, |i| i + 1);
            let hi = doc.sentences[last..]
                .iter()
                .position(|s| s.block != block)
                .map_or(n - 1, |i| last + i - 1);
            (lo, hi)
        }
        Unit::Document => (0, n - 1),
    };
    (lo.saturating_sub(w), (hi + w).min(n - 1))
}

/// Offset of the start of the `n`th word before `from` (0 if there are fewer).
fn words_back(text: &str, from: usize, n: usize) -> usize {
    if n == 0 {
        return from;
    }
    let (mut seen, mut in_word, mut start) = (0, false, from);
    for (i, c) in text[..from].char_indices().rev() {
        let w = is_word_char(c) || c == '\'' || c == '\u{2019}';
        if w {
            if !in_word {
                seen += 1;
            }
            start = i;
        } else if in_word && seen == n {
            return start;
        }
        in_word = w;
    }
    if seen < n { 0 } else { start }
}

/// Offset just past the `n`th word after `from`.
fn words_forward(text: &str, from: usize, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text[from..].char_indices() {
        let w = is_word_char(c) || c == '\'' || c == '\u{2019}';
        if w && !in_word {
            if seen == n {
                return from + i;
            }
            seen += 1;
        }
        in_word = w;
    }
    text.len()
}

/// Fills `{match}` with the flagged text, spacing collapsed and long text cut.
fn render_message(template: &str, matched: &str) -> String {
    const SLOT: &str = "{match}";
    // Found by its first byte: `str::replace` and `contains` set up a
    // substring searcher on every call, a thousand instructions per finding.
    let Some(first) = slot_at(template, 0) else {
        return template.to_owned();
    };
    let mut m = String::with_capacity(matched.len());
    for w in matched.split_whitespace() {
        if !m.is_empty() {
            m.push(' ');
        }
        m.push_str(w);
    }
    if m.chars().count() > 60 {
        m = m.chars().take(57).collect::<String>() + "...";
    }
    let mut out = String::with_capacity(template.len() + m.len());
    let mut done = 0;
    let mut at = Some(first);
    while let Some(i) = at {
        out.push_str(&template[done..i]);
        out.push_str(&m);
        done = i + SLOT.len();
        at = slot_at(template, done);
    }
    out.push_str(&template[done..]);
    out
}

/// Offset of the first `{match}` in `template` at or after `from`.
fn slot_at(template: &str, from: usize) -> Option<usize> {
    let b = template.as_bytes();
    let mut i = from;
    while let Some(p) = memchr::memchr(b'{', &b[i..]) {
        if b[i + p..].starts_with(b"{match}") {
            return Some(i + p);
        }
        i += p + 1;
    }
    None
}

/// Gives `replacement` the capitalisation of `original` (Claimed -> Said).
pub fn match_case(replacement: &str, original: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut c = replacement.chars();
        return match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => String::new(),
        };
    }
    replacement.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(toml: &str) -> Pack {
        let mut l = crate::rules::PackLoader::new();
        l.add_file("test.toml".into(), toml.into());
        l.load().unwrap()
    }

    /// The text of every finding of the pack `p` on `text`.
    fn matched<'t>(p: &Pack, text: &'t str) -> Vec<&'t str> {
        check_prose(p, &crate::extract::extract_txt(text))
            .into_iter()
            .map(|f| &text[f.range])
            .collect()
    }

    const RULE: &str = "[[rule]]\nid = \"r\"\ncategory = \"hedging\"\nseverity = \"info\"\nmessage = \"m\"\nexplanation = \"e\"\n";

    #[test]
    fn a_belief_is_private_when_its_holder_has_no_office() {
        let private = |text: &str, source: &str| {
            let at = text.rfind(source).unwrap();
            private_person(text, &(at..at + source.len()))
        };
        let story = "Jessica Ward, 30, spoke. Ward fears it. President Donald Trump spoke. \
                     Trump believes it. Democrats believe it. Fox host Sean Hannity thinks so.";
        assert!(private(story, "Jessica Ward"));
        assert!(private(story, "Ward"));
        assert!(!private(story, "Trump"));
        assert!(!private(story, "Sean Hannity"));
        assert!(!private(story, "Democrats"));
        assert!(private("Her husband worried.", "Her husband"));
        // "President Wardell" gives no title to a Ward
        assert!(private(
            "President Wardell spoke. Jessica Ward fears it.",
            "Jessica Ward"
        ));
        for public in [
            "She",
            "The mayor",
            "His advisers",
            "Rubio's team",
            "The White House",
            "House Democrats",
            "Sanders and his aides",
            "The government",
            "China",
        ] {
            assert!(
                !private(&format!("{public} thinks so."), public),
                "{public}"
            );
        }
    }

    #[test]
    fn regex_prefilter_honours_case_insensitivity() {
        let p = pack(&format!("{RULE}regex = ['\\bmany\\s+[a-z]']\n"));
        let prose = crate::extract::extract_txt("Many people came. So did many others.");
        let found: Vec<_> = check_prose(&p, &prose)
            .into_iter()
            .map(|f| f.range)
            .collect();
        assert_eq!(found, vec![0..6, 25..31]);
    }

    #[test]
    fn phrases_match_whole_words_and_both_apostrophes() {
        let p = pack(&format!("{RULE}phrases = [\"it's said\", \"claim\"]\n"));
        let prose = crate::extract::extract_txt("It\u{2019}s said they claim. Reclaim it's said.");
        let found: Vec<_> = check_prose(&p, &prose)
            .into_iter()
            .map(|f| f.range)
            .collect();
        assert_eq!(found, vec![0..11, 17..22, 32..41]);
    }

    #[test]
    fn narration_scope_skips_quotations_and_attribution_silences() {
        let p = pack(&format!(
            "{RULE}phrases = [\"allegedly\"]\nunless = [{{ attribution = \"any\" }}]\n"
        ));
        let text =
            "He allegedly ran. Police said he allegedly ran. \"He allegedly ran,\" she said.";
        let found: Vec<_> = check_prose(&p, &crate::extract::extract_txt(text))
            .into_iter()
            .map(|f| f.range)
            .collect();
        assert_eq!(found, vec![3..12]);
    }

    #[test]
    fn a_back_reference_to_a_group_already_named_is_not_flagged_again() {
        let p = pack(&format!("{RULE}element = \"vague-attribution\"\n"));
        let found = |text: &'static str| matched(&p, text);
        let text = "The plan is popular. Critics said it costs too much. One said it would fail.";
        assert_eq!(found(text), vec!["Critics said"]);
        // With no group in reach, "some say" is itself the vague source.
        let alone = "The plan is popular. The vote is in May. Some say it costs too much.";
        assert_eq!(found(alone), vec!["Some say"]);
    }

    #[test]
    fn a_denied_report_names_no_claim_but_a_denied_belief_stays() {
        let p = pack(&format!("{RULE}element = \"vague-attribution\"\n"));
        let found = |text: &'static str| matched(&p, text);
        assert!(found("Firms generally do not disclose their tax bills.").is_empty());
        assert!(found("Critics haven\u{2019}t said why.").is_empty());
        assert_eq!(found("Critics said the plan fails."), vec!["Critics said"]);
        assert_eq!(
            found("Many people do not think it is safe."),
            vec!["Many people do not think"]
        );
    }

    #[test]
    fn a_surname_that_reads_as_a_plural_is_the_person_named_before() {
        let p = pack(&format!("{RULE}element = \"vague-attribution\"\n"));
        let found = |text: &'static str| matched(&p, text);
        let text = "Rep. Jim Banks was alarmed.\n\nBanks said his voters want more.";
        assert!(found(text).is_empty(), "{:?}", found(text));
        assert_eq!(found("Banks said rates would rise."), vec!["Banks said"]);
        let headline = "Health Officials Warn of Flu\n\nOfficials said the flu was spreading.";
        assert!(found(headline).contains(&"Officials said"));
    }

    #[test]
    fn anonymous_sources_are_judged_per_claim_up_to_a_cap() {
        let p = pack(&format!(
            "{RULE}element = \"anonymous-attribution\"\nmax_per_document = 2\n"
        ));
        let found = |text: &'static str| matched(&p, text);
        // A back-reference is the same sources; a new one is a new claim.
        let text = "The deal is off, sources said. The sources said the bank walked away. \
                    The chief will quit, according to people close to the board.";
        assert_eq!(
            found(text),
            vec!["sources said", "according to people close to the board"]
        );
        // The cap keeps a story built on anonymous sources to a few findings.
        let many = "The deal is off, sources said. The chief will quit, a person familiar \
                    with the talks said. The bank will sell, according to people close to the board.";
        assert_eq!(found(many).len(), 2);
    }

    #[test]
    fn questions_standing_alone_as_paragraphs_are_an_interview() {
        let p = pack(&format!("{RULE}element = \"question\"\n"));
        let found = |text: &'static str| matched(&p, text);
        let interview = "Headline Here?\n\nWhat did the council decide?\n\nIt voted to close.\n\nWhy?\n\nMoney. But was it fair?";
        assert_eq!(found(interview), vec!["Headline Here?", "But was it fair?"]);
        let lone = "The plan passed.\n\nBut who gains?\n\nThe vote was 5-2.";
        assert_eq!(found(lone), vec!["But who gains?"]);
    }

    #[test]
    fn regex_boundaries_respect_non_ascii_letters() {
        let p = pack(&format!("{RULE}regex = ['\\bna\\b']\n"));
        let found = |t: &str| check_prose(&p, &crate::extract::extract_txt(t)).len();
        assert_eq!(found("say na to it"), 1);
        assert_eq!(found("a na\u{ef}ve plan"), 0);
    }

    #[test]
    fn a_regex_whose_trigger_may_sit_inside_a_word_is_still_found() {
        // `reclaim` is not known to start a word: the matcher looks for it
        // anywhere, not only at word starts.
        let p = pack(&format!("{RULE}regex = ['\\w*re(?P<flag>claim)']\n"));
        let found = |t: &str| check_prose(&p, &crate::extract::extract_txt(t)).len();
        assert_eq!(found("They unreclaim it."), 1);
        assert_eq!(found("They reclaim it."), 1);
        assert_eq!(found("They claim it."), 0);
    }

    #[test]
    fn the_default_packs_lazily_compiled_regexes_compile() {
        let mut l = crate::rules::PackLoader::new();
        l.add_prebuilt(&crate::rules::DEFAULT_PACK);
        l.load().unwrap().compile_regexes();
    }

    #[test]
    fn case_matching() {
        assert_eq!(match_case("said", "claimed"), "said");
        assert_eq!(match_case("said", "Claimed"), "Said");
        assert_eq!(match_case("said", "CLAIMED"), "SAID");
    }

    #[test]
    fn word_windows() {
        let t = "one two three four five";
        let s = t.find("four").unwrap();
        assert_eq!(&t[words_back(t, s, 2)..s], "two three ");
        assert_eq!(&t[s + 4..words_forward(t, s + 4, 1)], " five");
        assert_eq!(words_back(t, 3, 5), 0);
    }

    #[test]
    fn messages_quote_the_match() {
        assert_eq!(
            render_message("“{match}” hedges", "allegedly"),
            "“allegedly” hedges"
        );
        assert_eq!(render_message("plain", "x"), "plain");
        // What `str::replace` on the collapsed, cut text gave.
        let reference = |t: &str, m: &str| {
            let mut c = m.split_whitespace().collect::<Vec<_>>().join(" ");
            if c.chars().count() > 60 {
                c = c.chars().take(57).collect::<String>() + "...";
            }
            t.replace("{match}", &c)
        };
        let long = "word ".repeat(20) + "é\u{2019}s";
        for t in [
            "{match}",
            "a {b} {match",
            "{match}{match} and {{match}}",
            "{ {m {match} x",
            "é{match}",
        ] {
            for m in ["", "  two\n\twords ", long.as_str(), "ünï  cödé"] {
                assert_eq!(render_message(t, m), reference(t, m), "{t:?} {m:?}");
            }
        }
    }
}
