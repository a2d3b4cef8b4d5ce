//! Findings: what a rule reports, carried unchanged from the match to the output.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// How sure a rule is that the writer should change something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth a look; the writer decides.
    Info,
    /// Almost always worth an edit.
    Warning,
    /// Must be fixed before publication.
    Error,
}

impl Severity {
    /// The lower-case name used in output and rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The six kinds of problem a standards editor flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Claims, figures and quotes with no source; vague or anonymous sources.
    Sourcing,
    /// Hedged allegations and speculation in the writer's voice.
    Hedging,
    /// Loaded verbs, contentious labels and scare words in narration.
    LoadedLanguage,
    /// Unattributed praise and peacock terms.
    Puffery,
    /// The writer arguing instead of reporting.
    Editorializing,
    /// Reporting verbs that judge the speaker.
    Attribution,
    /// Inline suppressions that suppress nothing, name no rule or give no
    /// reason: reported by newslint itself, never by a rule file.
    Suppression,
}

impl Category {
    /// Every category a rule file may use, in documentation order
    /// ([`Category::Suppression`] is newslint's own).
    pub const ALL: [Category; 6] = [
        Self::Sourcing,
        Self::Hedging,
        Self::LoadedLanguage,
        Self::Puffery,
        Self::Editorializing,
        Self::Attribution,
    ];

    /// The kebab-case name used in output and rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sourcing => "sourcing",
            Self::Hedging => "hedging",
            Self::LoadedLanguage => "loaded-language",
            Self::Puffery => "puffery",
            Self::Editorializing => "editorializing",
            Self::Attribution => "attribution",
            Self::Suppression => "suppression",
        }
    }

    /// Parses a category name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a suggested replacement can be applied without a human reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Keeps the meaning; a tool may apply it.
    Safe,
    /// May change the meaning; a person must judge.
    #[default]
    Unsafe,
}

/// A replacement for the flagged text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Text to put in place of the flagged span (already matched to its case).
    pub replacement: String,
    /// Whether it is safe to apply unseen.
    pub applicability: Applicability,
}

/// A secondary span that explains the verdict (the hedge's sentence, a quotation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// Byte range in the display text.
    pub range: Range<usize>,
    /// What this span shows.
    pub label: String,
}

/// One problem found in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Index of the rule in the pack.
    pub rule: usize,
    /// Byte range in the display text (the file, or Word's extracted text).
    pub range: Range<usize>,
    /// The message, with the match quoted.
    pub message: String,
    /// Replacements, best first.
    pub suggestions: Vec<Suggestion>,
    /// Spans that explain the verdict.
    pub context: Vec<Context>,
    /// 1-based block number, for formats read by paragraph (Word).
    pub paragraph: Option<usize>,
}
