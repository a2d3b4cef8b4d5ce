//! The TOML shape of a rule file, as written by people.
//!
//! Plain structs with optional fields, `deny_unknown_fields` everywhere and
//! `Spanned` wherever a later check may need to point at the value: serde's
//! internally tagged enums would lose both (toml-rs/toml#535).

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::finding::{Applicability, Category, Severity};

/// A whole rule file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFileDef {
    /// Named word lists shared by rules in any file.
    #[serde(default)]
    pub lexicon: Vec<LexiconDef>,
    /// Named lists of conditions shared by rules in any file.
    #[serde(default)]
    pub context: Vec<ContextDef>,
    /// The rules.
    #[serde(default)]
    pub rule: Vec<RuleDef>,
}

/// A named list of phrases.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconDef {
    /// Kebab-case name rules refer to.
    pub id: Spanned<String>,
    /// What the list holds and why.
    #[serde(default)]
    pub description: Option<String>,
    /// Phrases (brace alternatives allowed: `claim{,s,ed}`).
    pub phrases: Vec<Spanned<String>>,
    /// Match case exactly.
    #[serde(default)]
    pub case_sensitive: bool,
}

/// A named list of conditions, for rules that share their context: a rule
/// takes all of them with `{ context = "id" }` in its `unless` or
/// `requires`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextDef {
    /// Kebab-case name rules refer to.
    pub id: Spanned<String>,
    /// What the conditions have in common and why.
    #[serde(default)]
    pub description: Option<String>,
    /// The conditions.
    pub conditions: Vec<ConditionDef>,
}

/// Where in the text a rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Outside direct quotations: the writer's own voice.
    Narration,
    /// Inside quotations only.
    Quotation,
    /// Anywhere.
    Any,
}

/// The stretch of text a rule's conditions look at, and where it may fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// The sentence holding the match.
    Sentence,
    /// The paragraph holding the match.
    Paragraph,
    /// Only in the headline.
    Headline,
    /// The whole document.
    Document,
}

/// Structural elements of the document model a rule can match instead of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Element {
    /// A sentence ending in a question mark outside quotation marks.
    Question,
    /// A direct quotation of several words.
    Quotation,
    /// One or two words in quotation marks, in narration.
    ScareQuote,
    /// A reporting or state-of-mind cue whose source is a vague group.
    VagueAttribution,
    /// A reporting cue whose source is anonymous.
    AnonymousAttribution,
    /// A named person's state of mind ("believes", "fears") stated as fact.
    Belief,
    /// [`Element::Belief`] held by someone in public life or by a group: a
    /// person the story gives an office or a role ("President Trump",
    /// "the mayor", "he"), a group or an institution ("Democrats", "his
    /// advisers", "the campaign").
    PublicBelief,
    /// [`Element::Belief`] held by a private person the story names without
    /// an office or a role ("Jessica Ward", "his wife"): in features and
    /// profiles, usually what the person told the reporter.
    PrivateBelief,
    /// Document level: a story of several paragraphs whose sourced
    /// statements all come from one source (matched at its first citation).
    SingleSource,
    /// Document level: a story with two or more sourced statements, all
    /// anonymous (matched at the first).
    AllAnonymous,
    /// Document level: four or more consecutive paragraphs of claims with
    /// no attribution in reach (matched at the stretch's first claim).
    UnattributedStretch,
}

/// Which set of rules a rule belongs to: whether it runs by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleSet {
    /// On by default: its findings are worth an editor's time on
    /// professional copy.
    #[default]
    Default,
    /// Opt-in (`--select thorough`, or the rule's id or category): a closer
    /// read that finds more, with more false alarms.
    Thorough,
}

impl RuleSet {
    /// The lower-case name used in rule files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::Thorough => "thorough",
        }
    }
}

/// Which attributions satisfy a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionFilter {
    /// A speech cue with any source.
    Any,
    /// A speech cue with a named source.
    Named,
    /// A speech cue with a named source whose sentence quotes them directly
    /// (a quotation of several words): the named voice a story gives after
    /// summing up a group's view ("Experts say ... ¶ “...,” said Ana Ruiz").
    NamedQuote,
    /// A speech cue with a vague source.
    Vague,
    /// A speech cue with an anonymous source.
    Anonymous,
}

/// A context condition (`unless` / `requires`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionDef {
    /// Phrases to look for.
    #[serde(default)]
    pub phrases: Option<Vec<Spanned<String>>>,
    /// A regular expression to look for.
    #[serde(default)]
    pub regex: Option<Spanned<String>>,
    /// A named lexicon to look for.
    #[serde(default)]
    pub lexicon: Option<Spanned<String>>,
    /// An attribution of this kind.
    #[serde(default)]
    pub attribution: Option<AttributionFilter>,
    /// All the conditions of a named context, in place of this one.
    #[serde(default)]
    pub context: Option<Spanned<String>>,
    /// How many sentences either side also count (0: the match's own unit).
    #[serde(default)]
    pub within: u32,
    /// With `within`: only sentences of the match's own paragraph count.
    #[serde(default)]
    pub same_paragraph: bool,
    /// Only count occurrences at most this many words before or after the match.
    #[serde(default)]
    pub near: Option<u32>,
    /// With `near`: only before (`before`) or only after (`after`) the match.
    #[serde(default)]
    pub side: Option<Side>,
}

/// Which side of the match a `near` condition looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// Words before the match.
    Before,
    /// Words after the match.
    After,
}

/// A replacement offered for a match.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestDef {
    /// Offer it only when the match is this phrase (case-insensitive).
    #[serde(default)]
    pub when: Option<String>,
    /// The replacement text; empty deletes the match.
    pub replacement: String,
    /// `safe` or `unsafe` (the default: prose rewrites are judgment calls).
    #[serde(default)]
    pub applicability: Applicability,
}

/// A rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    /// Unique kebab-case id.
    pub id: Spanned<String>,
    /// One of the six categories.
    pub category: Category,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// `default` (runs unless ignored) or `thorough` (opt-in).
    #[serde(default)]
    pub set: RuleSet,
    /// One line; `{match}` stands for the flagged text.
    pub message: String,
    /// Why it matters, with a reference.
    pub explanation: String,
    /// Style guides and policies behind the rule.
    #[serde(default)]
    pub references: Vec<String>,
    /// A page to read more.
    #[serde(default)]
    pub link: Option<String>,
    /// Literal phrases.
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
    /// Regular expressions (a group named `flag` narrows the flagged span).
    #[serde(default)]
    pub regex: Vec<Spanned<String>>,
    /// A named lexicon whose phrases the rule matches.
    #[serde(default)]
    pub lexicon: Option<Spanned<String>>,
    /// A structural element of the document model.
    #[serde(default)]
    pub element: Option<Element>,
    /// Match case exactly (default: case-insensitive).
    #[serde(default)]
    pub case_sensitive: bool,
    /// Skip matches capitalised in mid-sentence body copy (part of a name).
    #[serde(default = "yes")]
    pub skip_names: bool,
    /// Narration (default), quotation or any.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// Sentence (default), paragraph, headline or document.
    #[serde(default)]
    pub unit: Option<Unit>,
    /// Conditions any one of which silences the rule.
    #[serde(default)]
    pub unless: Vec<ConditionDef>,
    /// Conditions all of which must hold for the rule to fire.
    #[serde(default)]
    pub requires: Vec<ConditionDef>,
    /// Phrases that contain a match and make it innocent.
    #[serde(default)]
    pub exceptions: Vec<Spanned<String>>,
    /// Replacements.
    #[serde(default)]
    pub suggest: Vec<SuggestDef>,
    /// Report only the first match in a document (later ones repeat it).
    #[serde(default)]
    pub once_per_document: bool,
    /// Report at most this many matches in a document (a cap on repetition
    /// that still lets a few distinct claims through); none when absent.
    #[serde(default)]
    pub max_per_document: Option<u32>,
    /// Texts the rule must flag; `[brackets]` mark the exact flagged text.
    #[serde(default)]
    pub flag: Vec<Spanned<String>>,
    /// Texts the rule must leave alone.
    #[serde(default)]
    pub pass: Vec<Spanned<String>>,
}

fn yes() -> bool {
    true
}
