//! The keys of `newslint.toml`, as serde reads them. Unknown keys are errors
//! (`deny_unknown_fields`), with the span toml gives them.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::finding::Severity;

/// A rule id, category or set name, with where it is written.
pub type Name = Spanned<String>;

/// The whole file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigDef {
    /// Extra rule files or folders, relative to the config file.
    #[serde(default)]
    pub rules: Vec<Spanned<String>>,
    /// Run only these (ids, categories, `default`, `thorough`).
    #[serde(default)]
    pub select: Vec<Name>,
    /// Do not run these.
    #[serde(default)]
    pub ignore: Vec<Name>,
    /// Severity by rule id or category.
    #[serde(default)]
    pub severity: Option<Spanned<BTreeMap<String, Severity>>>,
    /// Exit 1 at or above this severity.
    #[serde(default)]
    pub fail_on: Option<FailOnDef>,
    /// Globs of files never linted.
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    /// Phrases that never fire.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Inline suppressions must give a reason.
    #[serde(default)]
    pub require_reasons: bool,
    /// Settings for files matching globs, in order.
    #[serde(default)]
    pub overrides: Vec<OverrideDef>,
    /// Settings switched on by front-matter fields, by profile name.
    #[serde(default)]
    pub profile: BTreeMap<String, ProfileDef>,
}

/// `fail-on` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOnDef {
    /// Errors only.
    Error,
    /// Warnings and errors.
    Warning,
    /// Any finding.
    Info,
    /// Never exit 1 for findings.
    Never,
}

/// `[[overrides]]`: a glob list and what changes for files it matches.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OverrideDef {
    /// Globs relative to the config file's folder.
    pub paths: Vec<Spanned<String>>,
    /// Also run these.
    #[serde(default)]
    pub select: Vec<Name>,
    /// Do not run these.
    #[serde(default)]
    pub ignore: Vec<Name>,
    /// Severity by rule id or category.
    #[serde(default)]
    pub severity: Option<Spanned<BTreeMap<String, Severity>>>,
}

/// `[profile.NAME]`: front-matter fields and what changes when they match.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProfileDef {
    /// Every field must match (a value, or any of a list of values).
    pub when: BTreeMap<String, OneOrMany>,
    /// Also run these.
    #[serde(default)]
    pub select: Vec<Name>,
    /// Do not run these.
    #[serde(default)]
    pub ignore: Vec<Name>,
    /// Severity by rule id or category.
    #[serde(default)]
    pub severity: Option<Spanned<BTreeMap<String, Severity>>>,
}

/// What an override or profile changes: rules added, rules removed, severities.
#[derive(Debug, Clone, Copy)]
pub struct Adjust<'a> {
    /// Also run these.
    pub select: &'a [Name],
    /// Do not run these.
    pub ignore: &'a [Name],
    /// Severity by rule id or category.
    pub severity: Option<&'a Spanned<BTreeMap<String, Severity>>>,
}

impl OverrideDef {
    /// What it changes.
    pub fn adjust(&self) -> Adjust<'_> {
        Adjust {
            select: &self.select,
            ignore: &self.ignore,
            severity: self.severity.as_ref(),
        }
    }
}

impl ProfileDef {
    /// What it changes.
    pub fn adjust(&self) -> Adjust<'_> {
        Adjust {
            select: &self.select,
            ignore: &self.ignore,
            severity: self.severity.as_ref(),
        }
    }
}

/// A front-matter value to match, or a list of them.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One value.
    One(String),
    /// Any of these.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The values.
    pub fn values(&self) -> &[String] {
        match self {
            OneOrMany::One(v) => std::slice::from_ref(v),
            OneOrMany::Many(v) => v,
        }
    }
}
