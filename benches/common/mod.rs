#![allow(dead_code)] // each bench uses only part of this module
//! Inputs shared by the library benches: our own fixture stories, and real
//! news from `../shared/corpus/news/` when that directory exists.

use std::path::{Path, PathBuf};

/// A named input: one or more articles, each linted as its own document.
pub struct Input {
    pub name: &'static str,
    pub articles: Vec<String>,
}

impl Input {
    pub fn bytes(&self) -> u64 {
        self.articles.iter().map(|a| a.len() as u64).sum()
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture stories of `bench/fixtures/`, in file-name order.
pub fn fixtures() -> Input {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo().join("bench/fixtures"))
        .expect("bench/fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let articles = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture"))
        .collect();
    Input {
        name: "fixtures",
        articles,
    }
}

/// About `limit` bytes of real articles (every source, in file order), if the corpus exists.
pub fn news(limit: usize) -> Option<Input> {
    let dir = std::env::var_os("NEWSLINT_NEWS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/corpus/news"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    // An equal share from each source, so the sample mixes wire copy and long reads.
    let share = limit / files.len().max(1);
    let mut articles = Vec::new();
    for f in &files {
        articles.extend(read_jsonl(f, share));
    }
    (!articles.is_empty()).then_some(Input {
        name: "news",
        articles,
    })
}

fn read_jsonl(path: &Path, limit: usize) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out = Vec::new();
    let mut size = 0;
    for line in text.lines() {
        if size >= limit {
            break;
        }
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            let t = t.trim();
            if !t.is_empty() {
                size += t.len() + 1;
                out.push(format!("{t}\n"));
            }
        }
    }
    out
}

/// The inputs every bench runs on.
pub fn inputs() -> Vec<Input> {
    let mut v = vec![fixtures()];
    v.extend(news(2_000_000));
    v
}

/// `n` phrases a user pack might add (adjective-noun pairs of news vocabulary).
pub fn extra_rules(n: usize) -> String {
    const ADJ: &[&str] = &[
        "absolute",
        "abrupt",
        "bitter",
        "blatant",
        "brazen",
        "brutal",
        "bold",
        "careless",
        "chaotic",
        "cheap",
        "chronic",
        "colossal",
        "costly",
        "covert",
        "crushing",
        "cynical",
        "dangerous",
        "deadly",
        "deep",
        "desperate",
        "dire",
        "dramatic",
        "drastic",
        "dubious",
        "dismal",
        "endless",
        "epic",
        "explosive",
        "extreme",
        "fatal",
        "fierce",
        "flawed",
        "frantic",
        "furious",
        "grave",
        "grim",
        "harsh",
        "heavy",
        "hidden",
        "historic",
        "hostile",
        "huge",
        "illegal",
        "immense",
        "intense",
        "irresponsible",
        "key",
        "landmark",
        "lavish",
        "major",
        "massive",
        "mounting",
        "murky",
        "naked",
        "narrow",
        "needless",
        "notorious",
        "outrageous",
        "painful",
        "partisan",
        "pivotal",
        "powerful",
        "radical",
        "rampant",
        "reckless",
        "relentless",
        "risky",
        "rogue",
        "ruthless",
        "savage",
        "secret",
        "severe",
        "shady",
        "sharp",
        "shocking",
        "sinister",
        "staggering",
        "steep",
        "stunning",
        "sudden",
        "swift",
        "tense",
        "tough",
        "toxic",
        "tragic",
        "troubling",
        "unprecedented",
        "urgent",
        "vast",
        "vicious",
        "violent",
        "volatile",
        "wasteful",
        "wild",
    ];
    const NOUN: &[&str] = &[
        "attack",
        "backlash",
        "bailout",
        "betrayal",
        "blow",
        "blunder",
        "budget",
        "cover-up",
        "crackdown",
        "crisis",
        "debacle",
        "deal",
        "decision",
        "defeat",
        "delay",
        "disaster",
        "dispute",
        "failure",
        "fight",
        "fraud",
        "gamble",
        "giveaway",
        "grab",
        "hike",
        "loss",
        "mess",
        "move",
        "plan",
        "ploy",
        "policy",
        "power-grab",
        "protest",
        "raid",
        "rebuke",
        "report",
        "response",
        "rise",
        "row",
        "scandal",
        "scheme",
        "setback",
        "shift",
        "slump",
        "split",
        "stunt",
        "surge",
        "takeover",
        "threat",
        "turmoil",
        "u-turn",
        "vote",
        "warning",
        "agenda",
        "campaign",
        "claim",
        "conflict",
        "overhaul",
        "pledge",
        "probe",
        "purge",
        "rally",
        "ruling",
    ];
    let phrases: Vec<String> = ADJ
        .iter()
        .flat_map(|a| NOUN.iter().map(move |n| format!("{a} {n}")))
        .take(n)
        .collect();
    assert_eq!(phrases.len(), n, "not enough adjective-noun pairs");
    let mut s = String::new();
    for (i, chunk) in phrases.chunks(500).enumerate() {
        s.push_str(&format!(
            "[[rule]]\nid = \"bench-extra-{i:02}\"\ncategory = \"loaded-language\"\nseverity = \"info\"\n\
             message = \"“{{match}}” is on the watch list\"\nexplanation = \"A benchmark rule.\"\nphrases = [\n"
        ));
        for p in chunk {
            s.push_str(&format!("  \"{p}\",\n"));
        }
        s.push_str("]\n\n");
    }
    s
}
