//! Distinct sources: the attributions of an article grouped by who speaks.
//!
//! A story names a person in full once and by surname after ("Senator Ana
//! Ruiz said ... Ruiz added"), and pronouns stand for someone already named,
//! so sources are keyed by the last capitalised word of a named source and
//! pronouns are left out. Vague and anonymous sources are keyed by their
//! words without the article ("the source" is "a source" again).

use serde::Serialize;

use crate::model::{CueKind, Document, SourceKind};

/// A source the article cites, however often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DistinctSource {
    /// The source as first written (the fullest form for a named source).
    pub name: String,
    /// Named, vague or anonymous.
    #[serde(serialize_with = "super::kind_name")]
    pub kind: SourceKind,
    /// For a named source: "person", "organization" or "role"; for others
    /// the group or description.
    pub entity: &'static str,
    /// Attributions to it.
    pub mentions: usize,
    /// An anonymous source whose anonymity is explained in its sentence or
    /// the next ("spoke on condition of anonymity because ...").
    pub reason: bool,
}

/// Words that stand for a source already named.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "his", "her", "its", "their", "them", "who",
    "which", "both", "each",
];

/// Leading words that do not tell sources apart.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "some", "several", "many", "other", "two", "three",
];

/// Lower-case markers of a stated reason for anonymity; a narrower list
/// than the rule pack's `anonymity-reasons`, read in the sentence itself.
const REASONS: &[&str] = &[
    "anonymity",
    "anonymously",
    "not authorized",
    "not authorised",
    "not to be named",
    "not to be identified",
    "not be named",
    "not be identified",
    "without being named",
    "without being identified",
    "for fear of",
    "fearing reprisal",
    "to protect",
    "because of the sensitivity",
    "speak publicly",
    "speak on the record",
    "comment publicly",
    "discuss the matter publicly",
    "private deliberations",
    "internal deliberations",
];

/// Words whose presence in a named source marks an organisation.
const ORG_WORDS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co.",
    "ltd",
    "llc",
    "company",
    "party",
    "department",
    "ministry",
    "agency",
    "bureau",
    "office",
    "committee",
    "commission",
    "council",
    "campaign",
    "times",
    "post",
    "news",
    "journal",
    "gazette",
    "herald",
    "tribune",
    "chronicle",
    "telegraph",
    "courier",
    "inquirer",
    "examiner",
    "politico",
    "axios",
    "bloomberg",
    "msnbc",
    "npr",
    "bbc",
    "press",
    "network",
    "university",
    "institute",
    "center",
    "centre",
    "foundation",
    "association",
    "union",
    "court",
    "bank",
    "group",
    "board",
    "service",
    "administration",
    "government",
    "police",
    "house",
    "senate",
    "congress",
    "fbi",
    "cia",
    "cnn",
    "nbc",
    "abc",
    "cbs",
    "fox",
    "reuters",
    "ap",
    "afp",
    "un",
    "nato",
    "eu",
    "gop",
    "dnc",
    "rnc",
    "team",
    "club",
    "army",
    "navy",
    "embassy",
    "hospital",
    "school",
    "channel",
    "magazine",
    "newspaper",
    "website",
    "firm",
    "authority",
    "regulator",
    "watchdog",
    "jury",
    "panel",
];

/// The distinct sources of `doc`, in order of first mention.
pub fn distinct_sources(doc: &Document<'_>) -> Vec<DistinctSource> {
    let text = doc.text();
    let mut out: Vec<(String, DistinctSource)> = Vec::new();
    for a in &doc.attributions {
        // A stance's holder is someone the story is about, not a source
        // of what it says.
        if a.cue_kind == CueKind::Stance {
            continue;
        }
        let Some(range) = &a.source else { continue };
        let Some(written) = text.get(range.clone()) else {
            continue;
        };
        // An apposition after a comma describes the source; it is not its name.
        let written = written.split(',').next().unwrap_or(written).trim();
        let words: Vec<&str> = written.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if words.len() == 1 && PRONOUNS.contains(&words[0].to_lowercase().as_str()) {
            continue;
        }
        let key = key_of(&words, a.source_kind);
        if key.is_empty() {
            continue;
        }
        let reason = a.source_kind == SourceKind::Anonymous && {
            let s = doc.sentence_text(a.sentence).to_lowercase();
            // The next sentence explains this source's anonymity only when
            // it brings no anonymous source of its own.
            let next_own = doc
                .attributions_in(a.sentence + 1..a.sentence + 2)
                .any(|n| n.source_kind == SourceKind::Anonymous);
            let next = if next_own {
                String::new()
            } else {
                doc.sentence_text(a.sentence + 1).to_lowercase()
            };
            REASONS.iter().any(|r| s.contains(r) || next.contains(r))
        };
        match out
            .iter_mut()
            .find(|(k, s)| *k == key && s.kind == a.source_kind)
        {
            Some((_, s)) => {
                s.mentions += 1;
                s.reason |= reason;
            }
            None => out.push((
                key,
                DistinctSource {
                    name: written.to_string(),
                    kind: a.source_kind,
                    entity: entity(&words, a.source_kind),
                    mentions: 1,
                    reason,
                },
            )),
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

/// What tells this source apart from others.
fn key_of(words: &[&str], kind: SourceKind) -> String {
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .to_lowercase()
    };
    if kind == SourceKind::Named
        && let Some(last) = words
            .iter()
            .rev()
            .find(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return clean(last);
    }
    let mut ws: Vec<String> = words.iter().map(|w| clean(w)).collect();
    while ws.len() > 1 && DETERMINERS.contains(&ws[0].as_str()) {
        ws.remove(0);
    }
    ws.join(" ")
}

/// Whether a named source's words name an organisation ("the New York
/// Times", "the agency").
pub fn is_organization(source: &str) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    !words.is_empty() && entity(&words, SourceKind::Named) == "organization"
}

/// Person, organisation or role, by the words of a named source.
fn entity(words: &[&str], kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Vague => return "group",
        SourceKind::Anonymous => return "anonymous",
        SourceKind::Named => {}
    }
    let lower: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| c == ',' || c == '’' || c == '\'')
                .to_lowercase()
        })
        .collect();
    if lower.iter().any(|w| ORG_WORDS.contains(&w.as_str())) {
        return "organization";
    }
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    // "Ana Ruiz", "Senator Ruiz": capitalised words and no article.
    if caps > 0 && !matches!(lower[0].as_str(), "the" | "a" | "an") {
        return "person";
    }
    "role"
}
