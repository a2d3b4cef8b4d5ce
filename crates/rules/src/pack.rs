//! The compiled rule pack: rules with their conditions resolved, and one
//! matcher (every literal phrase filed under one of its words, and the compiled regular
//! expressions) shared by all documents and threads.

use std::collections::hash_map::Entry;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use regex_automata::Input;
use regex_automata::meta::{self, Regex};
use regex_syntax::hir::Hir;
use serde::{Deserialize, Serialize};

#[cfg(target_endian = "little")]
use super::dfa::DfaRegex;
use super::gate::{Alphabet, Gate};
use super::matcher::{PhraseMatcher, Trigger};
use super::phrase::has_ascii_uppercase;
use super::prebuilt::RegexFacts;
use crate::fast::fxhash::FxHashMap;

use super::schema::{AttributionFilter, Element, RuleSet, Scope, Side, Unit};
use crate::finding::{Applicability, Category, Severity};

/// Index of a pattern group: the phrases of one rule, lexicon, exception list
/// or condition. Matches are collected per group.
pub type GroupId = u32;

/// What a condition looks for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Target {
    /// Any match of a pattern group.
    Group(GroupId),
    /// An attribution of a kind.
    Attribution(AttributionFilter),
}

/// A resolved `unless` / `requires` condition.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Condition {
    /// What must occur.
    pub target: Target,
    /// Sentences either side that also count.
    pub within: u32,
    /// `within` stops at the match's paragraph.
    pub same_paragraph: bool,
    /// At most this many words from the match.
    pub near: Option<u32>,
    /// Which side `near` looks at (both when `None`).
    pub side: Option<Side>,
}

/// A replacement offered for a match.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Suggest {
    /// Only for this matched phrase (lower-case), if set.
    pub when: Option<String>,
    /// The replacement.
    pub replacement: String,
    /// Safe or unsafe.
    pub applicability: Applicability,
}

/// One example from a rule file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Example {
    /// The text, with the marking brackets removed.
    pub text: String,
    /// Spans the rule must flag (empty for a pass example).
    pub spans: Vec<Range<usize>>,
    /// True for `flag` examples.
    pub must_flag: bool,
    /// Where the example is written in its rule file.
    pub at: Range<usize>,
}

/// A compiled rule.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rule {
    /// Unique id.
    pub id: String,
    /// Category.
    pub category: Category,
    /// Severity.
    pub severity: Severity,
    /// Whether it runs by default or only when asked for.
    pub set: RuleSet,
    /// Message template (`{match}`).
    pub message: String,
    /// Explanation.
    pub explanation: String,
    /// References.
    pub references: Vec<String>,
    /// Link.
    pub link: Option<String>,
    /// Where it may fire relative to quotations.
    pub scope: Scope,
    /// The unit its conditions look at.
    pub unit: Unit,
    /// A structural element it matches, if any.
    pub element: Option<Element>,
    /// Skip capitalised mid-sentence matches.
    pub skip_names: bool,
    /// Pattern groups whose matches are this rule's candidates.
    pub groups: Vec<GroupId>,
    /// Group of exception phrases.
    pub exceptions: Option<GroupId>,
    /// Any of these silences a match.
    pub unless: Vec<Condition>,
    /// All of these must hold.
    pub requires: Vec<Condition>,
    /// Replacements.
    pub suggest: Vec<Suggest>,
    /// Only the first finding per document.
    pub once_per_document: bool,
    /// At most this many findings per document (`once_per_document` is 1).
    pub max_per_document: Option<u32>,
    /// Examples.
    pub examples: Vec<Example>,
    /// The literal phrases the rule matches (expanded), for listings.
    #[serde(with = "super::stored::strings")]
    pub phrases: Vec<String>,
    /// Index of the rule file it came from.
    pub file: usize,
}

/// A rule regex, compiled when first searched (the default pack's, which
/// are known to compile: most short runs never need most of them) or at
/// load (a user's, so that errors are reported there).
#[derive(Debug, Clone)]
pub struct LazyRegex {
    from: RegexFrom,
    config: meta::Config,
    /// Index of the capture group named `flag`, if any.
    flag: Option<usize>,
    regex: OnceLock<Regex>,
    /// A default-pack regex's prebuilt DFAs, searched instead of compiling
    /// `regex` (see `dfa`). Their tables are little-endian.
    #[cfg(target_endian = "little")]
    dfa: Option<DfaRegex>,
}

/// What a [`LazyRegex`] is compiled from.
#[derive(Debug, Clone)]
enum RegexFrom {
    Hir(Hir),
    /// A default-pack pattern whose gate and flag come from its prebuilt
    /// [`RegexFacts`]: parsing it too waits for its first use.
    Pattern(&'static RegexFacts),
}

impl LazyRegex {
    /// A regex to compile on first use.
    pub fn new(hir: Hir, config: meta::Config) -> Self {
        LazyRegex {
            flag: flag_index(&hir),
            from: RegexFrom::Hir(hir),
            config,
            regex: OnceLock::new(),
            #[cfg(target_endian = "little")]
            dfa: None,
        }
    }

    /// A default-pack regex: searched with its prebuilt DFAs if it has
    /// them, else parsed and compiled on first use.
    pub fn prebuilt(facts: &'static RegexFacts, config: meta::Config) -> Self {
        LazyRegex {
            flag: facts.flag,
            from: RegexFrom::Pattern(facts),
            config,
            regex: OnceLock::new(),
            #[cfg(target_endian = "little")]
            dfa: facts.dfas.as_ref().map(DfaRegex::new),
        }
    }

    fn build(&self) -> Result<Regex, String> {
        let parsed;
        let hir = match &self.from {
            RegexFrom::Hir(hir) => hir,
            RegexFrom::Pattern(f) => {
                parsed = super::load::parse_regex(f.pattern, f.unicode, !f.case_sensitive)?;
                &parsed
            }
        };
        meta::Builder::new()
            .configure(self.config.clone())
            .build_from_hir(hir)
            .map_err(|e| match e.size_limit() {
                // The wording of `regex::Error::CompiledTooBig`.
                Some(limit) => format!("Compiled regex exceeds size limit of {limit} bytes."),
                None => e.to_string(),
            })
    }

    /// The default-pack table entry it was made from, if it was.
    pub fn facts(&self) -> Option<&'static RegexFacts> {
        match self.from {
            RegexFrom::Pattern(f) => Some(f),
            RegexFrom::Hir(_) => None,
        }
    }

    /// Compiles now; the error is worded as the `regex` crate words it.
    pub fn compile(self) -> Result<Self, String> {
        let regex = self.build()?;
        Ok(LazyRegex {
            regex: OnceLock::from(regex),
            ..self
        })
    }

    /// The compiled regex.
    pub fn get(&self) -> &Regex {
        self.regex.get_or_init(|| {
            self.build()
                .expect("the default pack's regexes compile (tested)")
        })
    }

    /// Calls `push` with the span to report (the `flag` group's, else the
    /// match's) of each leftmost-first, non-overlapping match in `input`.
    pub fn for_each_span(&self, input: Input<'_>, mut push: impl FnMut(usize, usize)) {
        #[cfg(target_endian = "little")]
        if let Some(dfa) = &self.dfa {
            dfa.for_each(input, push);
            return;
        }
        if let Some(flag) = self.flag {
            for caps in self.get().captures_iter(input) {
                if let Some(m) = caps.get_group(flag).or_else(|| caps.get_group(0)) {
                    push(m.start, m.end);
                }
            }
        } else {
            for m in self.get().find_iter(input) {
                push(m.start(), m.end());
            }
        }
    }
}

/// Index of the capture group named `flag` in `h`, if any.
pub fn flag_index(h: &Hir) -> Option<usize> {
    use regex_syntax::hir::HirKind;
    match h.kind() {
        HirKind::Capture(c) if c.name.as_deref() == Some("flag") => Some(c.index as usize),
        HirKind::Capture(c) => flag_index(&c.sub),
        HirKind::Repetition(r) => flag_index(&r.sub),
        HirKind::Concat(items) | HirKind::Alternation(items) => items.iter().find_map(flag_index),
        _ => None,
    }
}

impl RuleSet {
    /// The names of the sets, as `--select` and `--ignore` take them.
    pub fn names() -> [&'static str; 2] {
        [RuleSet::Default.as_str(), RuleSet::Thorough.as_str()]
    }
}

impl Rule {
    /// Whether `--select`/`--ignore` name `n` means this rule: its id, its
    /// category, `thorough` (every rule) or `default` (its set).
    pub fn named_by(&self, n: &str) -> bool {
        n == self.id
            || n == self.category.as_str()
            || n == RuleSet::Thorough.as_str()
            || (n == RuleSet::Default.as_str() && self.set == RuleSet::Default)
    }
}

/// Which rules run when nothing is selected: the default set.
pub(crate) fn default_enabled(rules: &[Rule]) -> Vec<bool> {
    rules.iter().map(|r| r.set == RuleSet::Default).collect()
}

/// Which rules are opt-in.
pub(crate) fn opt_in(rules: &[Rule]) -> Vec<bool> {
    rules.iter().map(|r| r.set != RuleSet::Default).collect()
}

/// A regular expression of the pack and the group it reports into.
#[derive(Debug, Clone)]
pub struct PackRegex {
    pub regex: LazyRegex,
    pub group: GroupId,
    /// For a gated regex, the bytes a match may contain: it is searched only
    /// in runs of them that hold one of its triggers (see `gate`).
    pub alphabet: Option<Box<Alphabet>>,
}

/// For each phrase of the matcher: the groups it feeds, each with the exact
/// form a case-sensitive group asks for.
pub type PhraseOwners = Vec<Vec<(GroupId, Option<String>)>>;

/// The compiled pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// Rules, in load order.
    pub rules: Vec<Rule>,
    /// Rule files the pack came from.
    pub files: Vec<super::error::RuleFile>,
    /// Which rules run (after `--select` / `--ignore`).
    pub enabled: Vec<bool>,
    /// Opt-in rules that are off only because they are opt-in (listed by
    /// `newslint rules` as available).
    pub opt_in_off: Vec<bool>,
    /// Finds every phrase and regex trigger of the pack.
    pub matcher: Arc<PhraseMatcher>,
    pub phrase_owners: PhraseOwners,
    pub regexes: Vec<PackRegex>,
    /// For each group, the rules whose candidates it produces.
    pub group_rules: Vec<Vec<usize>>,
    /// Rules matching document elements rather than patterns.
    pub element_rules: Vec<usize>,
    /// Lexicons by id: their group and phrases.
    pub lexicons: Vec<(String, GroupId, Vec<String>)>,
}

/// Collects patterns into groups while rules are compiled.
#[derive(Debug, Default)]
pub struct MatcherBuilder {
    /// Each lower-case phrase and its id (its index in the matcher's list,
    /// which is built from this at the end, so each phrase is stored once).
    index: FxHashMap<String, usize>,
    owners: PhraseOwners,
    triggers: Vec<Trigger>,
    regexes: Vec<PackRegex>,
    groups: usize,
}

impl MatcherBuilder {
    /// A builder with room for `phrases` distinct phrases.
    pub fn with_capacity(phrases: usize) -> Self {
        MatcherBuilder {
            index: FxHashMap::with_capacity_and_hasher(phrases, Default::default()),
            owners: Vec::with_capacity(phrases),
            ..Self::default()
        }
    }

    pub fn new_group(&mut self) -> GroupId {
        self.groups += 1;
        (self.groups - 1) as GroupId
    }

    /// Adds a literal form (already brace-expanded and apostrophe-normalised),
    /// `upper` when it has an ASCII capital.
    pub fn add_phrase(&mut self, group: GroupId, form: &str, case_sensitive: bool, upper: bool) {
        debug_assert_eq!(upper, has_ascii_uppercase(form));
        let exact = case_sensitive.then(|| form.to_owned());
        // Nearly every form is a phrase no group had: its key is made and
        // hashed once, and its owners get a vector of their size.
        let key = match upper {
            true => form.to_ascii_lowercase(),
            false => form.to_owned(),
        };
        match self.index.entry(key) {
            Entry::Occupied(id) => {
                let owners = &mut self.owners[*id.get()];
                if !owners.iter().any(|(g, e)| *g == group && *e == exact) {
                    owners.push((group, exact));
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(self.owners.len());
                self.owners.push(vec![(group, exact)]);
            }
        }
    }

    /// Adds a compiled regular expression, with its triggers if it is gated.
    pub fn add_regex(&mut self, group: GroupId, regex: LazyRegex, gate: Option<Gate>) {
        let index = self.regexes.len() as u32;
        let alphabet = gate.map(|g| {
            for text in g.triggers {
                self.triggers.push(Trigger {
                    text,
                    regex: index,
                    word_start: g.word_start,
                });
            }
            g.alphabet
        });
        self.regexes.push(PackRegex {
            regex,
            group,
            alphabet,
        });
    }

    pub fn finish(
        self,
        rules: Vec<Rule>,
        files: Vec<super::error::RuleFile>,
        lexicons: Vec<(String, GroupId, Vec<String>)>,
    ) -> Pack {
        let mut patterns = vec![String::new(); self.owners.len()];
        for (key, id) in self.index {
            patterns[id] = key;
        }
        let matcher = Arc::new(PhraseMatcher::new(patterns, self.triggers));
        let mut group_rules = vec![Vec::new(); self.groups];
        let mut element_rules = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            for &g in &r.groups {
                group_rules[g as usize].push(i);
            }
            if r.element.is_some() {
                element_rules.push(i);
            }
        }
        Pack {
            enabled: default_enabled(&rules),
            opt_in_off: opt_in(&rules),
            rules,
            files,
            matcher,
            phrase_owners: self.owners,
            regexes: self.regexes,
            group_rules,
            element_rules,
            lexicons,
        }
    }
}

impl Pack {
    /// Compiles every regex not compiled yet (the default pack's are
    /// compiled lazily, on the promise that they compile: the build
    /// compiled them all once).
    pub fn compile_regexes(&self) {
        for r in &self.regexes {
            r.regex.get();
        }
    }

    /// Index of the rule with this id.
    pub fn rule_index(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id == id)
    }

    /// Keeps only rules named in `select` (when non-empty) and drops those
    /// named in `ignore`. A name is a rule id, a category or a set:
    /// `default` (the rules on by default) or `thorough` (every rule, the
    /// opt-in ones too). With no `select`, the default set runs; an opt-in
    /// rule runs only when selected by id, category or `thorough`.
    /// Returns the names that matched nothing.
    pub fn select(&mut self, select: &[String], ignore: &[String]) -> Vec<String> {
        let mut unknown = Vec::new();
        for name in select.iter().chain(ignore) {
            let known = RuleSet::names().contains(&name.as_str())
                || self
                    .rules
                    .iter()
                    .any(|r| r.id == *name || r.category.as_str() == name);
            if !known {
                unknown.push(name.clone());
            }
        }
        for (i, r) in self.rules.iter().enumerate() {
            let hit = |names: &[String]| names.iter().any(|n| r.named_by(n));
            let ignored = hit(ignore);
            let selected = if select.is_empty() {
                r.set == RuleSet::Default
            } else {
                hit(select)
            };
            self.enabled[i] = selected && !ignored;
            self.opt_in_off[i] = select.is_empty() && r.set != RuleSet::Default && !ignored;
        }
        unknown
    }

    /// Indices of the rules that run.
    pub fn active(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.rules.len()).filter(|&i| self.enabled[i])
    }

    /// Indices of the rules `newslint rules` lists: those that run, and the
    /// opt-in rules that would run if asked for.
    pub fn listed(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.rules.len()).filter(|&i| self.enabled[i] || self.opt_in_off[i])
    }

    /// Every literal phrase form of the active rules, deduplicated and sorted.
    pub fn phrases(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .active()
            .flat_map(|i| self.rules[i].phrases.iter().cloned())
            .collect();
        out.sort();
        out.dedup();
        out
    }
}
