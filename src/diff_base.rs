//! `--diff-base REF`: which lines of which files changed since a git
//! revision, so that a pull request is held to account only for the copy it
//! touches. Asks git itself (`git diff --unified=0`) and reads the hunk
//! headers; files git does not track yet count as changed throughout.

use std::collections::HashMap;
use std::fmt;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::report::FileReport;

/// What changed in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Changed {
    /// These 1-based line ranges (end exclusive) of the new file.
    Lines(Vec<Range<usize>>),
    /// All of it (a new untracked file, or a binary one such as `.docx`).
    Whole,
}

/// The changed lines of every file that changed since a revision.
#[derive(Debug, Default)]
pub struct ChangedLines {
    files: HashMap<PathBuf, Changed>,
}

/// Why the changes could not be worked out.
#[derive(Debug)]
pub enum DiffBaseError {
    /// git could not be run.
    Git(io::Error),
    /// The current directory is not in a git work tree.
    NotARepo(String),
    /// The revision does not name a commit.
    BadRevision(String),
    /// git failed otherwise (its message).
    Failed(String),
}

impl fmt::Display for DiffBaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Git(e) => write!(f, "--diff-base: cannot run git: {e}"),
            Self::NotARepo(msg) => write!(f, "--diff-base: not in a git repository ({msg})"),
            Self::BadRevision(rev) => {
                write!(f, "--diff-base: `{rev}` is not a commit in this repository")
            }
            Self::Failed(msg) => write!(f, "--diff-base: git diff failed: {msg}"),
        }
    }
}

impl std::error::Error for DiffBaseError {}

/// Runs git with `args` in the current directory; its stdout, or its stderr
/// as the error.
fn git(args: &[&std::ffi::OsStr]) -> Result<Result<Vec<u8>, String>, DiffBaseError> {
    let out = Command::new("git")
        .args(args)
        .output()
        .map_err(DiffBaseError::Git)?;
    Ok(if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
    })
}

impl ChangedLines {
    /// What changed under `paths` (relative to the current directory) since
    /// `rev`, in the working tree.
    pub fn from_git(rev: &str, paths: &[PathBuf]) -> Result<Self, DiffBaseError> {
        let os = |s: &'static str| std::ffi::OsStr::new(s);
        let root =
            git(&[os("rev-parse"), os("--show-toplevel")])?.map_err(DiffBaseError::NotARepo)?;
        let root = PathBuf::from(String::from_utf8_lossy(&root).trim_end_matches(['\n', '\r']));
        let commit = format!("{rev}^{{commit}}");
        git(&[
            os("rev-parse"),
            os("--verify"),
            os("--quiet"),
            os("--end-of-options"),
            commit.as_ref(),
        ])?
        .map_err(|_| DiffBaseError::BadRevision(rev.to_owned()))?;
        let mut pathspec: Vec<&std::ffi::OsStr> = paths.iter().map(|p| p.as_os_str()).collect();
        if pathspec.is_empty() {
            pathspec.push(os("."));
        }
        let mut diff_args = vec![
            os("-c"),
            os("core.quotepath=off"),
            os("diff"),
            os("--unified=0"),
            os("--no-color"),
            os("--no-ext-diff"),
            os("--no-textconv"),
            os("--src-prefix=a/"),
            os("--dst-prefix=b/"),
            rev.as_ref(),
            os("--"),
        ];
        diff_args.extend(&pathspec);
        let diff = git(&diff_args)?.map_err(DiffBaseError::Failed)?;
        let mut files = HashMap::new();
        for (path, changed) in parse_diff(&String::from_utf8_lossy(&diff)) {
            if let Ok(p) = root.join(path).canonicalize() {
                files.insert(p, changed);
            }
        }
        let mut ls_args = vec![
            os("ls-files"),
            os("--others"),
            os("--exclude-standard"),
            os("-z"),
            os("--"),
        ];
        ls_args.extend(&pathspec);
        let untracked = git(&ls_args)?.map_err(DiffBaseError::Failed)?;
        for name in untracked.split(|&b| b == 0).filter(|n| !n.is_empty()) {
            // ls-files names them relative to the current directory.
            if let Ok(p) = Path::new(&*String::from_utf8_lossy(name)).canonicalize() {
                files.insert(p, Changed::Whole);
            }
        }
        Ok(ChangedLines { files })
    }

    /// True when any of lines `line..=end_line` (1-based) of `path` changed.
    /// A path that is not on disk counts as changed (nothing to compare).
    pub fn covers(&self, path: &Path, line: usize, end_line: usize) -> bool {
        let Ok(path) = path.canonicalize() else {
            return true;
        };
        match self.files.get(&path) {
            None => false,
            Some(Changed::Whole) => true,
            Some(Changed::Lines(lines)) => {
                lines.iter().any(|r| r.start <= end_line && line < r.end)
            }
        }
    }

    /// Drops the findings of `report` on no changed line; returns how many.
    /// A report with no path on disk (standard input) keeps its findings.
    pub fn filter(&self, report: &mut FileReport) -> usize {
        let Ok(path) = Path::new(&report.path).canonicalize() else {
            return 0;
        };
        let before = report.findings.len();
        match self.files.get(&path) {
            None => report.findings.clear(),
            Some(Changed::Whole) => {}
            // Word's line numbers are of its extracted text: any change keeps all.
            Some(_) if !report.offsets_in_file => {}
            Some(Changed::Lines(lines)) => report.findings.retain(|f| {
                lines
                    .iter()
                    .any(|r| r.start <= f.end_line && f.line < r.end)
            }),
        }
        before - report.findings.len()
    }
}

/// The files of a `git diff --unified=0` and what changed in each, by path
/// relative to the repository's top.
fn parse_diff(diff: &str) -> Vec<(String, Changed)> {
    let mut files: Vec<(String, Changed)> = Vec::new();
    // The path from the `diff --git` header, for binary files (no `+++`).
    let mut header_path: Option<String> = None;
    for line in diff.lines() {
        if let Some(rest) = line.strip_prefix("diff --git ") {
            header_path = header_new_path(rest);
        } else if let Some(rest) = line.strip_prefix("+++ ") {
            header_path = None;
            // git ends a name holding a space with a tab (for patch(1)).
            let rest = rest.strip_suffix('\t').unwrap_or(rest);
            if rest != "/dev/null" {
                let name = unquote(rest);
                let name = name.strip_prefix("b/").unwrap_or(&name).to_owned();
                files.push((name, Changed::Lines(Vec::new())));
            }
        } else if line.starts_with("Binary files ") {
            if let Some(p) = header_path.take() {
                files.push((p, Changed::Whole));
            }
        } else if let Some(rest) = line.strip_prefix("@@ ")
            && let Some((_, Changed::Lines(lines))) = files.last_mut()
            && let Some(range) = new_lines(rest)
        {
            lines.push(range);
        }
    }
    files
}

/// The new side of a hunk header (`-a,b +c,d @@`) as lines `c..c+d`;
/// `None` for a pure deletion (no new lines).
fn new_lines(header: &str) -> Option<Range<usize>> {
    let plus = header.split_whitespace().find(|w| w.starts_with('+'))?;
    let mut parts = plus[1..].splitn(2, ',');
    let start: usize = parts.next()?.parse().ok()?;
    let count: usize = match parts.next() {
        Some(c) => c.parse().ok()?,
        None => 1,
    };
    (count > 0).then_some(start..start + count)
}

/// `a/P b/P` of a `diff --git` header: P (both sides name the same file
/// unless renamed, and a renamed binary file is rare enough to miss).
fn header_new_path(rest: &str) -> Option<String> {
    let rest = rest.strip_prefix("a/")?;
    let half = rest.len().checked_sub(3)? / 2;
    let (a, b) = (rest.get(..half)?, rest.get(half..)?);
    let b = b.strip_prefix(" b/")?;
    (a == b).then(|| b.to_owned())
}

/// A path git quoted (`"b/caf\303\251.md"`, for names with quotes,
/// backslashes or control characters) as its bytes; others as they are.
fn unquote(s: &str) -> String {
    let Some(inner) = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return s.to_owned();
    };
    let mut bytes = Vec::new();
    let mut chars = inner.bytes().peekable();
    while let Some(b) = chars.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match chars.next() {
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(d @ b'0'..=b'7') => {
                let mut v = u32::from(d - b'0');
                for _ in 0..2 {
                    if let Some(&d @ b'0'..=b'7') = chars.peek() {
                        v = v * 8 + u32::from(d - b'0');
                        chars.next();
                    }
                }
                bytes.push(v as u8);
            }
            Some(other) => bytes.push(other),
            None => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunk_headers_give_the_new_lines() {
        assert_eq!(new_lines("-3,0 +4,2 @@"), Some(4..6));
        assert_eq!(new_lines("-3 +3 @@ fn x"), Some(3..4));
        assert_eq!(new_lines("-3,2 +2,0 @@"), None);
    }

    #[test]
    fn a_diff_is_read_file_by_file() {
        let diff = "diff --git a/news/a.md b/news/a.md\nindex 1..2 100644\n--- a/news/a.md\n+++ b/news/a.md\n@@ -1,0 +2,1 @@\n+new\n@@ -9 +10 @@\n-x\n+y\ndiff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-old\ndiff --git a/s.docx b/s.docx\nindex 1..2 100644\nBinary files a/s.docx and b/s.docx differ\ndiff --git a/my story.md b/my story.md\n--- /dev/null\n+++ b/my story.md\t\n@@ -0,0 +1,2 @@\n+a\n+b\ndiff --git \"a/caf\\303\\251 \\\"x\\\".md\" \"b/caf\\303\\251 \\\"x\\\".md\"\n--- \"a/caf\\303\\251 \\\"x\\\".md\"\n+++ \"b/caf\\303\\251 \\\"x\\\".md\"\n@@ -0,0 +1 @@\n+hi\n";
        assert_eq!(
            parse_diff(diff),
            [
                ("news/a.md".into(), Changed::Lines(vec![2..3, 10..11])),
                ("s.docx".into(), Changed::Whole),
                (
                    "my story.md".into(),
                    Changed::Lines(std::iter::once(1..3).collect())
                ),
                (
                    "café \"x\".md".into(),
                    Changed::Lines(std::iter::once(1..2).collect())
                ),
            ]
        );
    }
}
