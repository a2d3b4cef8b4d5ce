//! Linting many inputs: which rules run, which threads lint, and in what
//! order reports come out.
//!
//! A folder in a few lines:
//!
//! ```
//! use newslint::run::{self, Options, PackOptions};
//!
//! let dir = tempfile::tempdir()?;
//! std::fs::write(dir.path().join("a.txt"), "Critics say the plan is a disaster.\n")?;
//! std::fs::write(dir.path().join("b.md"), "The council met on Tuesday.\n")?;
//!
//! let pack = run::load_pack(&PackOptions::default())?;
//! let mut paths = Vec::new();
//! run::check_paths(&pack, &[dir.path().to_path_buf()], &Options::default(), |result| {
//!     let linted = result.expect("both files read");
//!     paths.push(linted.report.path);
//! });
//! // Reports come in path order, whatever the number of threads.
//! assert!(paths[0].ends_with("a.txt") && paths[1].ends_with("b.md"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The library never prints: rule errors are [`Error`]s, and each input that
//! cannot be read is handed to the caller, in its place among the reports.

mod guard;
mod schedule;
#[cfg(test)]
mod tests;

use std::borrow::Borrow;
use std::fmt;
use std::io::{self, Read, Write};
use std::path::PathBuf;

use crate::extract::InputFormat;
use crate::input::InputError;
use crate::report::FileReport;
use crate::rules::{Pack, PackLoader, RuleErrors, RulePathError};

/// Which rules to load and which of them run.
#[derive(Debug, Clone, Default)]
pub struct PackOptions {
    /// Rule files, or directories of `.toml` rule files, added to the pack.
    pub rule_paths: Vec<PathBuf>,
    /// Leave out the default pack embedded in newslint.
    pub no_default_rules: bool,
    /// Run only these rule ids or categories (all when empty).
    pub select: Vec<String>,
    /// Do not run these rule ids or categories.
    pub ignore: Vec<String>,
}

/// Why the rules could not be loaded.
#[derive(Debug)]
pub enum Error {
    /// A rule path could not be read.
    RulePath(RulePathError),
    /// The rule files have problems (each with its place in the file).
    Rules(RuleErrors),
    /// `select` or `ignore` named rules or categories the pack does not have.
    UnknownRules(Vec<String>),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::RulePath(e) => e.fmt(f),
            Error::Rules(errors) => {
                let n = errors.errors.len();
                write!(
                    f,
                    "{n} problem{} in rule files",
                    if n == 1 { "" } else { "s" }
                )
            }
            Error::UnknownRules(names) => write!(
                f,
                "unknown rule or category: {} (see `newslint rules`)",
                names.join(", ")
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Loads the pack `options` ask for, with its selection applied.
pub fn load_pack(options: &PackOptions) -> Result<Pack, Error> {
    let mut loader = PackLoader::new();
    if !options.no_default_rules {
        loader.add_prebuilt(&crate::rules::DEFAULT_PACK);
    }
    for p in &options.rule_paths {
        loader.add_path(p).map_err(Error::RulePath)?;
    }
    let mut pack = loader.load().map_err(Error::Rules)?;
    let unknown = pack.select(&options.select, &options.ignore);
    if !unknown.is_empty() {
        return Err(Error::UnknownRules(unknown));
    }
    Ok(pack)
}

/// Renders one report as bytes: the signature every file-at-a-time
/// renderer of [`crate::render`] has.
pub type RenderFn = fn(&mut dyn Write, &Pack, &[FileReport]) -> io::Result<()>;

/// How inputs are read and linted.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Read every input as this format, whatever its extension.
    pub input_format: Option<InputFormat>,
    /// Worker threads: `None` for every core, `Some(1)` for the calling
    /// thread alone. Reports come in the same order for any number. The
    /// global rayon pool is sized by the first run that needs it.
    pub threads: Option<usize>,
    /// Keep each report's text (to show the flagged lines).
    pub keep_text: bool,
    /// Renders each report that has findings on the thread that linted it
    /// (into [`Linted::rendered`]) rather than on the one that writes.
    pub render: Option<RenderFn>,
    /// Judges each file's findings (configuration, inline suppressions)
    /// before they are placed; `None` reports every finding as found.
    pub policy: Option<std::sync::Arc<dyn crate::suppress::Policy>>,
    /// Largest input read, in bytes (`None`:
    /// [`crate::input::DEFAULT_MAX_FILE_SIZE`]); a larger one is an error.
    pub max_file_size: Option<u64>,
}

impl Options {
    /// The input size cap in force.
    pub fn size_limit(&self) -> u64 {
        self.max_file_size
            .unwrap_or(crate::input::DEFAULT_MAX_FILE_SIZE)
    }
}

/// A file's report, its findings in order of position then rule id, and,
/// when [`Options::render`] is set, already rendered.
#[derive(Debug)]
pub struct Linted {
    /// The report.
    pub report: FileReport,
    /// The report rendered by [`Options::render`] (empty without findings).
    pub rendered: Option<Vec<u8>>,
}

/// Standard input, or a reader standing in for it: a document with a name
/// but no path.
pub struct Stdin<'a> {
    /// Name shown for it; its extension sets the format unless
    /// [`Options::input_format`] does.
    pub name: String,
    /// Where its bytes come from.
    pub reader: &'a mut dyn Read,
}

/// Lints every file under `paths` with `pack` and hands each outcome to
/// `each` on the calling thread, in a stable order: inputs that do not exist
/// first, then every file's report (or why it could not be read) in path
/// order. Directories are walked with `.gitignore` rules and only files of a
/// known extension linted; a file named in `paths` is linted whatever its
/// extension.
pub fn check_paths(
    pack: &Pack,
    paths: &[PathBuf],
    options: &Options,
    mut each: impl FnMut(Result<Linted, InputError>),
) {
    let loaded = check(
        || Ok::<_, std::convert::Infallible>(pack),
        paths,
        None,
        options,
        |_, result| each(result),
    );
    match loaded {
        Ok(_) => {}
        Err(never) => match never {},
    }
}

/// [`check_paths`] with the pack loaded by `load` beside the first files
/// (which are read and analysed meanwhile), and `stdin`, when given, linted
/// too and placed among the files by its name. `each` is also handed the
/// pack. Returns the pack, or `load`'s error, in which case `each` is never
/// called.
pub fn check<P, E>(
    load: impl FnOnce() -> Result<P, E> + Send,
    paths: &[PathBuf],
    stdin: Option<Stdin<'_>>,
    options: &Options,
    each: impl FnMut(&Pack, Result<Linted, InputError>),
) -> Result<P, E>
where
    P: Borrow<Pack> + Send + Sync,
    E: Send,
{
    schedule::check(load, paths, stdin, options, each)
}
