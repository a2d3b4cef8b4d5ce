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

pub use edits::{Edit, FixLevel, Lines, apply, edits};
pub use write::WriteError;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::extract::InputFormat;
use crate::input::{self, InputError, InputErrorKind};
use crate::rules::Pack;

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

/// Fixes `text`, read as `format`, with `pack`'s suggestions at `level`, on
/// the `lines` allowed.
pub fn fix_text(
    pack: &Pack,
    format: InputFormat,
    text: &str,
    level: FixLevel,
    lines: &Lines<'_>,
) -> FixedText {
    let mut seen: Vec<String> = Vec::new();
    let mut current = text.to_owned();
    let mut applied = 0;
    for _ in 0..MAX_PASSES {
        let found = edits(pack, format, &current, level, lines);
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
    let converged = edits(pack, format, &current, level, lines).is_empty();
    FixedText {
        text: current,
        applied,
        converged,
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

/// Reads `path` (as `format`, or as its extension says) and works out its
/// fixes; `None` when nothing applies.
pub fn plan_file(
    pack: &Pack,
    path: &Path,
    format: Option<InputFormat>,
    level: FixLevel,
    lines: &Lines<'_>,
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
    let fixed = fix_text(pack, format, &original, level, lines);
    Ok((fixed.text != original).then_some(FilePlan {
        path: path.to_path_buf(),
        shown,
        original,
        fixed,
    }))
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

    #[test]
    fn one_pass_never_applies_two_overlapping_edits() {
        let p = pack(&[
            ("long", "heavy lift crane", "crane"),
            ("short", "lift crane", "hoist"),
        ]);
        let found = edits(
            &p,
            InputFormat::Txt,
            "A heavy lift crane.",
            FixLevel::Safe,
            &None,
        );
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
        let fixed = fix_text(
            &p,
            InputFormat::Txt,
            "The alpha test.",
            FixLevel::Safe,
            &None,
        );
        assert!(!fixed.converged);
        assert!(fixed.applied <= MAX_PASSES);
        let p = pack(&[("a", "alpha", "beta"), ("b", "beta", "gamma")]);
        let fixed = fix_text(
            &p,
            InputFormat::Txt,
            "The Alpha test.",
            FixLevel::Safe,
            &None,
        );
        assert_eq!((fixed.text.as_str(), fixed.applied), ("The Gamma test.", 2));
        assert!(fixed.converged);
    }

    #[test]
    fn a_diff_of_a_file_without_a_final_newline_ends_its_lines() {
        let p = pack(&[("a", "alpha", "beta")]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "The alpha test.").unwrap();
        let plan = plan_file(&p, &path, None, FixLevel::Safe, &None)
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
        let plan = plan_file(&p, &path, None, FixLevel::Safe, &None)
            .unwrap()
            .unwrap();
        std::fs::write(&path, "The alpha test, edited.\n").unwrap();
        assert!(matches!(plan.write(), Err(FixError::Changed(_))));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "The alpha test, edited.\n"
        );
        let plan = plan_file(&p, &path, None, FixLevel::Safe, &None)
            .unwrap()
            .unwrap();
        plan.write().unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "The beta test, edited.\n"
        );
    }
}
