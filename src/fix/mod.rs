//! Autofix: applying rules' suggested replacements to the files themselves.
//!
//! A pass lints the text, takes the allowed suggestion of each finding
//! ([`FixLevel`]) whose flagged bytes are what the reader sees, drops edits
//! that overlap an earlier one, and applies the rest. Passes repeat, on the
//! text as fixed, until none applies (an edit can uncover or settle another
//! finding), at most [`MAX_PASSES`] times. Replacements already carry the
//! flagged word's capitalisation ("Claimed" -> "Said", see
//! [`crate::engine::match_case`]).
//!
//! Markdown, HTML and plain text are rewritten in place, atomically
//! ([`write`]); Word documents are reported, never rewritten.

mod edits;
mod write;

pub use edits::{Edit, FixLevel, Lines, Lint, apply, edits, pack_lint, policy_lint};
pub use write::WriteError;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::extract::InputFormat;
use crate::input::{self, InputError, InputErrorKind};

/// The most passes over one text: fixing converges in two or three in
/// practice; the bound keeps rules whose suggestions undo each other from
/// looping.
pub const MAX_PASSES: usize = 10;

/// A text after autofix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedText {
    /// The fixed text.
    pub text: String,
    /// Edits applied over all passes.
    pub applied: usize,
    /// False when edits still applied after [`MAX_PASSES`] passes, or a pass
    /// brought back an earlier text.
    pub converged: bool,
}

/// What to fix and how to find it.
pub struct Fixer<'a> {
    /// How a document is linted.
    pub lint: Lint<'a>,
    /// Which suggestions apply.
    pub level: FixLevel,
    /// Which lines may change.
    pub lines: Lines<'a>,
}

impl Fixer<'_> {
    /// One pass's edits of `text` (the file `path`, read as `format`); none
    /// for text that cannot be read as it (a NUL byte).
    fn edits(&self, path: &str, format: InputFormat, text: &str) -> Vec<Edit> {
        match input::from_bytes(path.to_owned(), text.as_bytes().to_vec(), format) {
            Ok(doc) => edits(self.lint, &doc, self.level, &self.lines),
            Err(_) => Vec::new(),
        }
    }

    /// Fixes `text` (the file `path`, read as `format`).
    pub fn fix_text(&self, path: &str, format: InputFormat, text: &str) -> FixedText {
        let mut seen: Vec<String> = Vec::new();
        let mut current = text.to_owned();
        let mut applied = 0;
        for _ in 0..MAX_PASSES {
            let found = self.edits(path, format, &current);
            if found.is_empty() {
                return FixedText {
                    text: current,
                    applied,
                    converged: true,
                };
            }
            let next = apply(&current, &found);
            applied += found.len();
            seen.push(std::mem::replace(&mut current, next));
            if seen.contains(&current) {
                break;
            }
        }
        let converged = self.edits(path, format, &current).is_empty();
        FixedText {
            text: current,
            applied,
            converged,
        }
    }

    /// Reads `path` (as `format`, or as its extension says) and works out
    /// its fixes; `None` when nothing applies.
    pub fn plan_file(
        &self,
        path: &Path,
        format: Option<InputFormat>,
    ) -> Result<Option<FilePlan>, FixError> {
        let shown = input::display_path(path);
        let format = format
            .or_else(|| InputFormat::from_path(path))
            .unwrap_or(InputFormat::Txt);
        if format == InputFormat::Docx {
            return Err(FixError::Word(shown));
        }
        let bytes = std::fs::read(path).map_err(|e| {
            FixError::Input(InputError {
                path: shown.clone(),
                kind: InputErrorKind::Unreadable(e),
            })
        })?;
        // The same checks as linting (binary, UTF-8), with the same messages.
        let doc = input::from_bytes(shown.clone(), bytes, format).map_err(FixError::Input)?;
        let original = doc.into_text();
        let fixed = self.fix_text(&shown, format, &original);
        Ok((fixed.text != original).then_some(FilePlan {
            path: path.to_path_buf(),
            shown,
            original,
            fixed,
        }))
    }
}

/// Why a file was not fixed.
#[derive(Debug)]
pub enum FixError {
    /// It could not be read as text.
    Input(InputError),
    /// A Word document: its findings are reported, but it is not rewritten.
    Word(String),
    /// It changed on disk after it was read: left untouched.
    Changed(String),
    /// The fixed text could not be written.
    Write(String, std::io::Error),
}

impl FixError {
    /// Word documents and binary files are notes, not failures.
    pub fn is_note(&self) -> bool {
        match self {
            Self::Word(_) => true,
            Self::Input(e) => e.is_note(),
            _ => false,
        }
    }
}

impl fmt::Display for FixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Input(e) => e.fmt(f),
            Self::Word(p) => write!(f, "{p}: Word documents are not rewritten; fix them in Word"),
            Self::Changed(p) => write!(
                f,
                "{p}: changed while it was being fixed; left untouched (run again)"
            ),
            Self::Write(p, e) => write!(f, "{p}: cannot write the fixed file: {e}"),
        }
    }
}

impl std::error::Error for FixError {}

/// The fixes for one file, worked out but not yet written.
#[derive(Debug)]
pub struct FilePlan {
    /// The file.
    pub path: PathBuf,
    /// Its path as shown in output.
    pub shown: String,
    /// Its text as read.
    pub original: String,
    /// Its text as fixed.
    pub fixed: FixedText,
}

impl FilePlan {
    /// A unified diff from the text as read to the text as fixed.
    pub fn diff(&self) -> String {
        let mut diff = similar::TextDiff::from_lines(&self.original, &self.fixed.text)
            .unified_diff()
            .context_radius(3)
            .header(&format!("a/{}", self.shown), &format!("b/{}", self.shown))
            .to_string();
        // similar leaves the last "\ No newline at end of file" unended,
        // which would run into the next file's diff.
        if !diff.ends_with('\n') {
            diff.push('\n');
        }
        diff
    }

    /// Writes the fixed text, atomically, unless the file changed since it
    /// was read.
    pub fn write(&self) -> Result<(), FixError> {
        write::replace_if_unchanged(
            &self.path,
            self.original.as_bytes(),
            self.fixed.text.as_bytes(),
        )
        .map_err(|e| match e {
            WriteError::Changed => FixError::Changed(self.shown.clone()),
            WriteError::Io(e) => FixError::Write(self.shown.clone(), e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(rules: &[(&str, &str, &str)]) -> Pack {
        let mut toml = String::new();
        for (id, phrase, replacement) in rules {
            toml += &format!(
                "[[rule]]\nid = \"{id}\"\ncategory = \"editorializing\"\nseverity = \"warning\"\n\
                 message = \"m\"\nexplanation = \"e\"\nphrases = [\"{phrase}\"]\nscope = \"any\"\n\
                 skip_names = false\nsuggest = [{{ replacement = \"{replacement}\", applicability = \"safe\" }}]\n\n"
            );
        }
        let mut l = crate::rules::PackLoader::new();
        l.add_file("test.toml".into(), toml);
        l.load().unwrap()
    }

    use crate::input::InputDoc;
    use crate::rules::Pack;

    fn fixer<'a>(lint: Lint<'a>) -> Fixer<'a> {
        Fixer {
            lint,
            level: FixLevel::Safe,
            lines: None,
        }
    }

    #[test]
    fn one_pass_never_applies_two_overlapping_edits() {
        let p = pack(&[
            ("long", "heavy lift crane", "crane"),
            ("short", "lift crane", "hoist"),
        ]);
        let lint = pack_lint(&p);
        let found = fixer(&lint).edits("a.txt", InputFormat::Txt, "A heavy lift crane.");
        assert_eq!(
            found,
            [Edit {
                range: 2..18,
                replacement: "crane".into()
            }]
        );
    }

    #[test]
    fn suggestions_that_undo_each_other_stop_within_the_bound() {
        let p = pack(&[("a", "alpha", "beta"), ("b", "beta", "alpha")]);
        let lint = pack_lint(&p);
        let fixed = fixer(&lint).fix_text("a.txt", InputFormat::Txt, "The alpha test.");
        assert!(!fixed.converged);
        assert!(fixed.applied <= MAX_PASSES);
        let p = pack(&[("a", "alpha", "beta"), ("b", "beta", "gamma")]);
        let lint = pack_lint(&p);
        let fixed = fixer(&lint).fix_text("a.txt", InputFormat::Txt, "The Alpha test.");
        assert_eq!((fixed.text.as_str(), fixed.applied), ("The Gamma test.", 2));
        assert!(fixed.converged);
    }

    #[test]
    fn only_findings_the_lint_keeps_are_fixed() {
        let p = pack(&[("a", "alpha", "beta"), ("b", "gamma", "delta")]);
        let all = pack_lint(&p);
        // As a configuration that suppresses rule `a` would lint.
        let kept = |doc: &InputDoc| -> Vec<crate::finding::Finding> {
            all(doc)
                .into_iter()
                .filter(|f| p.rules[f.rule].id != "a")
                .collect()
        };
        let fixed = fixer(&kept).fix_text("a.txt", InputFormat::Txt, "An alpha and a gamma.");
        assert_eq!(fixed.text, "An alpha and a delta.");
    }

    #[test]
    fn a_diff_of_a_file_without_a_final_newline_ends_its_lines() {
        let p = pack(&[("a", "alpha", "beta")]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "The alpha test.").unwrap();
        let plan = fixer(&pack_lint(&p))
            .plan_file(&path, None)
            .unwrap()
            .unwrap();
        let diff = plan.diff();
        assert!(
            diff.ends_with("+The beta test.\n\\ No newline at end of file\n"),
            "{diff}"
        );
    }

    #[test]
    fn a_file_edited_after_it_was_read_is_left_untouched() {
        let p = pack(&[("a", "alpha", "beta")]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "The alpha test.\n").unwrap();
        let plan = fixer(&pack_lint(&p))
            .plan_file(&path, None)
            .unwrap()
            .unwrap();
        std::fs::write(&path, "The alpha test, edited.\n").unwrap();
        assert!(matches!(plan.write(), Err(FixError::Changed(_))));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "The alpha test, edited.\n"
        );
        let plan = fixer(&pack_lint(&p))
            .plan_file(&path, None)
            .unwrap()
            .unwrap();
        plan.write().unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "The beta test, edited.\n"
        );
    }
}
