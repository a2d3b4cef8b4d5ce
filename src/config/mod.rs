//! `newslint.toml`: a newsroom's settings, found next to the copy. Which
//! rules run, at what severity, on which files, with which profiles; see
//! `docs/configuration.md`. Errors point into the file with codespan, as
//! rule-file errors do.

mod discover;
mod plan;
mod resolve;
pub mod schema;
pub mod starter;
#[cfg(test)]
mod tests;

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::rules::{RuleError, RuleErrors, RuleFile};

pub use discover::{FILE_NAMES, discover};
pub use plan::{CliRules, ConfigMode, ConfigPolicy, Plan, plan};
pub use schema::{ConfigDef, FailOnDef};

/// A loaded configuration file.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file, absolute.
    pub path: PathBuf,
    /// Its folder: paths and globs in it are relative to this.
    pub dir: PathBuf,
    /// Its text, for diagnostics.
    pub text: Arc<str>,
    /// What it says.
    pub def: ConfigDef,
    exclude: GlobSet,
    overrides: Vec<GlobSet>,
}

/// Why a configuration could not be used.
#[derive(Debug)]
pub enum ConfigError {
    /// The file could not be read.
    Read {
        /// Which file.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
    /// The file has problems, each with its place in the file.
    Invalid(RuleErrors),
    /// `newslint init` found a configuration there already.
    Exists(PathBuf),
    /// `newslint init` could not write the file.
    Write {
        /// Which file.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Read { path, error } => {
                write!(f, "{}: cannot read configuration: {error}", path.display())
            }
            ConfigError::Write { path, error } => {
                write!(f, "{}: cannot write configuration: {error}", path.display())
            }
            ConfigError::Invalid(errors) => {
                let n = errors.errors.len();
                let name = errors.files.first().map_or("", |f| f.name.as_str());
                write!(
                    f,
                    "{n} problem{} in configuration {name}",
                    if n == 1 { "" } else { "s" }
                )
            }
            ConfigError::Exists(path) => {
                write!(f, "{} exists already; not overwritten", path.display())
            }
        }
    }
}

impl std::error::Error for ConfigError {}

/// One problem at `span` of the configuration `name` / `text`.
pub(crate) fn invalid(
    name: &str,
    text: &Arc<str>,
    problems: Vec<(Range<usize>, String, String)>,
) -> ConfigError {
    ConfigError::Invalid(RuleErrors {
        files: vec![RuleFile {
            name: name.to_string(),
            text: text.clone(),
        }],
        errors: problems
            .into_iter()
            .map(|(span, message, label)| RuleError {
                file: 0,
                span,
                message,
                label,
                notes: Vec::new(),
                related: None,
            })
            .collect(),
    })
}

impl Config {
    /// Reads and checks the configuration at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Read {
            path: path.to_owned(),
            error,
        })?;
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        // Shown relative to the current folder when under it, as inputs are.
        let cwd = std::env::current_dir().unwrap_or_default();
        let shown = abs.strip_prefix(&cwd).unwrap_or(path);
        Config::parse(&abs, crate::input::display_path(shown), text)
    }

    /// Parses `text` as the configuration at `path` (absolute), shown as `name`.
    pub fn parse(path: &Path, name: String, text: String) -> Result<Config, ConfigError> {
        let text: Arc<str> = Arc::from(text);
        let def: ConfigDef = toml::from_str(&text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_string();
            let label = if message.starts_with("unknown field") {
                "unknown key".to_string()
            } else {
                "here".to_string()
            };
            invalid(&name, &text, vec![(span, message, label)])
        })?;
        let mut problems = Vec::new();
        let mut globs = |patterns: &[toml::Spanned<String>]| {
            let mut set = GlobSetBuilder::new();
            for p in patterns {
                match glob_variants(p.get_ref()) {
                    Ok(globs) => {
                        for g in globs {
                            set.add(g);
                        }
                    }
                    Err(e) => problems.push((
                        p.span(),
                        format!("invalid glob `{}`: {e}", p.get_ref()),
                        "this glob".to_string(),
                    )),
                }
            }
            set.build().unwrap_or_else(|_| GlobSet::empty())
        };
        let exclude = globs(&def.exclude);
        let overrides = def.overrides.iter().map(|o| globs(&o.paths)).collect();
        if !problems.is_empty() {
            return Err(invalid(&name, &text, problems));
        }
        Ok(Config {
            dir: path.parent().map(Path::to_owned).unwrap_or_default(),
            path: path.to_owned(),
            text,
            def,
            exclude,
            overrides,
        })
    }

    /// The name shown for it.
    pub fn name(&self) -> String {
        let cwd = std::env::current_dir().unwrap_or_default();
        crate::input::display_path(self.path.strip_prefix(&cwd).unwrap_or(&self.path))
    }

    /// `file` (absolute) as globs in this file see it: relative to its folder.
    fn relative<'a>(&self, file: &'a Path) -> &'a Path {
        file.strip_prefix(&self.dir).unwrap_or(file)
    }

    /// True when `exclude` matches `file` (absolute).
    pub fn excludes(&self, file: &Path) -> bool {
        self.exclude.is_match(self.relative(file))
    }

    /// Indices of the `[[overrides]]` whose globs match `file` (absolute).
    pub fn overrides_for(&self, file: &Path) -> impl Iterator<Item = usize> + '_ {
        let rel = self.relative(file).to_owned();
        (0..self.overrides.len()).filter(move |&i| self.overrides[i].is_match(&rel))
    }

    /// The extra rule files and folders, resolved against its folder.
    pub fn rule_paths(&self) -> Vec<PathBuf> {
        self.def
            .rules
            .iter()
            .map(|p| self.dir.join(p.get_ref()))
            .collect()
    }
}

/// A glob as written, and, when it has no `/`, the same at any depth (as in
/// `.gitignore`: `*.txt` matches `wire/a.txt`). `*` stops at `/`.
fn glob_variants(pattern: &str) -> Result<Vec<globset::Glob>, globset::Error> {
    let build = |p: &str| GlobBuilder::new(p).literal_separator(true).build();
    let mut out = vec![build(pattern)?];
    let trimmed = pattern.trim_end_matches('/');
    if !trimmed.contains('/') {
        out.push(build(&format!("**/{trimmed}"))?);
    }
    if pattern.ends_with('/') || !pattern.contains(['*', '?', '[']) {
        // A folder named alone excludes what is inside it.
        out.push(build(&format!("{trimmed}/**"))?);
        if !trimmed.contains('/') {
            out.push(build(&format!("**/{trimmed}/**"))?);
        }
    }
    Ok(out)
}
