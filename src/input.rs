//! Reading documents: bytes to text, with the checks that keep bad input from
//! becoming a panic or a silent miss.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::extract::{self, ExtractError, InputFormat};
use crate::prose::Prose;

/// How many leading bytes are inspected for NUL to call a file binary (as git does).
const BINARY_SNIFF: usize = 8 << 10;

/// Why one input could not be linted.
#[derive(Debug)]
pub enum InputErrorKind {
    /// The path does not exist.
    NotFound,
    /// The file exists but could not be read.
    Unreadable(std::io::Error),
    /// The bytes are not UTF-8; `offset` is the first bad byte.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A NUL byte near the start: not a text document.
    Binary,
    /// A Word document could not be read.
    Extract(ExtractError),
    /// Standard input could not be read.
    Stdin(std::io::Error),
    /// Linting the file panicked (a bug in newslint); the run went on without it.
    Internal(String),
}

/// An input that could not be linted, and which one.
#[derive(Debug)]
pub struct InputError {
    /// The path as given or found.
    pub path: String,
    /// What went wrong.
    pub kind: InputErrorKind,
}

impl InputError {
    /// Binary files are skipped with a note rather than failing the run.
    pub fn is_note(&self) -> bool {
        matches!(self.kind, InputErrorKind::Binary)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.path;
        match &self.kind {
            InputErrorKind::NotFound => write!(f, "{p}: no such file or directory"),
            InputErrorKind::Unreadable(e) => write!(f, "{p}: cannot read: {e}"),
            InputErrorKind::InvalidUtf8 { offset } => {
                write!(
                    f,
                    "{p}: not valid UTF-8 (first invalid byte at offset {offset}); skipped"
                )
            }
            InputErrorKind::Binary => write!(f, "{p}: binary file skipped"),
            InputErrorKind::Extract(e) => write!(f, "{p}: {e}"),
            InputErrorKind::Stdin(e) => write!(f, "{p}: cannot read standard input: {e}"),
            InputErrorKind::Internal(m) => write!(
                f,
                "{p}: internal error, file not linted (a bug in newslint, please report it): {m}"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// A document ready to lint: its text for display and its extracted prose.
#[derive(Debug)]
pub struct InputDoc {
    /// Path shown in output.
    pub path: String,
    /// The file's text when the prose was extracted from it (Markdown,
    /// HTML); `None` when findings point into the prose's own text (plain
    /// text, Word's extracted text), which is then not held twice.
    original: Option<String>,
    /// The prose to lint.
    pub prose: Prose,
    /// The format it was read as.
    pub format: InputFormat,
}

impl InputDoc {
    /// The text findings point into: the file itself, or Word's extracted text.
    pub fn text(&self) -> &str {
        self.original.as_deref().unwrap_or(&self.prose.text)
    }

    /// [`Self::text`], taken out of the document.
    pub fn into_text(self) -> String {
        self.original.unwrap_or(self.prose.text)
    }

    /// True when offsets refer to the file's bytes (false for Word documents).
    pub fn offsets_in_file(&self) -> bool {
        self.format.offsets_are_file_offsets()
    }
}

/// Reads a file the walk found; `format` overrides the extension.
pub fn read_input(file: &InputFile, format: Option<InputFormat>) -> Result<InputDoc, InputError> {
    let path = &file.path;
    let shown = display_path(path);
    let bytes = read_file(path, file.len).map_err(|e| InputError {
        path: shown.clone(),
        kind: if e.kind() == std::io::ErrorKind::NotFound {
            InputErrorKind::NotFound
        } else {
            InputErrorKind::Unreadable(e)
        },
    })?;
    let format = format
        .or_else(|| InputFormat::from_path(path))
        .unwrap_or(InputFormat::Txt);
    from_bytes(shown, bytes, format)
}

/// The whole file, in one `read` call when the file has the size its
/// metadata gave: `std::fs::read` always makes a second call to see the end,
/// a system call per file that is 3% of linting a directory of short
/// articles. `len`, the size of a regular file the walk already asked for,
/// spares asking again; a file that has changed since is still read whole.
fn read_file(path: &Path, len: Option<u64>) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let len = match len {
        Some(len) => Some(len),
        None => {
            let meta = file.metadata()?;
            meta.is_file().then_some(meta.len())
        }
    };
    let mut bytes = Vec::new();
    if let Some(len) = len
        && let Ok(len) = usize::try_from(len)
    {
        // One byte more than expected: a regular file that returns fewer
        // bytes than asked for is at its end.
        bytes.resize(len.saturating_add(1), 0);
        let n = file.read(&mut bytes)?;
        if n == len {
            bytes.truncate(n);
            return Ok(bytes);
        }
        bytes.truncate(n);
    }
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Turns raw bytes into a document of the given format.
pub fn from_bytes(
    path: String,
    bytes: Vec<u8>,
    format: InputFormat,
) -> Result<InputDoc, InputError> {
    if format == InputFormat::Docx {
        let prose = extract::extract_docx(&bytes).map_err(|e| InputError {
            path: path.clone(),
            kind: InputErrorKind::Extract(e),
        })?;
        return Ok(InputDoc {
            path,
            original: None,
            prose,
            format,
        });
    }
    if memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF)]).is_some() {
        return Err(InputError {
            path,
            kind: InputErrorKind::Binary,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| InputError {
        path: path.clone(),
        kind: InputErrorKind::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        },
    })?;
    let (prose, original) = match format {
        InputFormat::Txt | InputFormat::Docx => (extract::extract_txt_owned(text), None),
        _ => (extract::extract_text(format, &text), Some(text)),
    };
    Ok(InputDoc {
        path,
        original,
        prose,
        format,
    })
}

/// A path as users typed it, without a leading `./`.
pub fn display_path(path: &Path) -> String {
    // A UTF-8 path displays as itself; `display()` would go through the
    // formatting machinery for each of thousands of files.
    let shown = match path.to_str() {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(path.display().to_string()),
    };
    match shown.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => shown.into_owned(),
    }
}

/// A file to lint, as the walk found it.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Its path.
    pub path: PathBuf,
    /// Its size, when the walk asked for the metadata of a regular file (a
    /// path named on the command line).
    pub len: Option<u64>,
}

/// Paths found by walking the inputs, in no set order, plus inputs that do
/// not exist.
pub fn walk(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                errors.push(InputError {
                    path: display_path(p),
                    kind: if e.kind() == std::io::ErrorKind::NotFound {
                        InputErrorKind::NotFound
                    } else {
                        InputErrorKind::Unreadable(e)
                    },
                });
                continue;
            }
        };
        if !meta.is_dir() {
            // A file named on the command line is linted whatever its extension.
            files.push(InputFile {
                path: p.clone(),
                len: meta.is_file().then_some(meta.len()),
            });
            continue;
        }
        for entry in ignore::WalkBuilder::new(p).build() {
            match entry {
                Ok(e) => {
                    if e.file_type().is_some_and(|t| t.is_file())
                        && InputFormat::from_path(e.path()).is_some()
                    {
                        files.push(InputFile {
                            path: e.into_path(),
                            len: None,
                        });
                    }
                }
                Err(err) => errors.push(InputError {
                    path: display_path(p),
                    kind: InputErrorKind::Unreadable(std::io::Error::other(err.to_string())),
                }),
            }
        }
    }
    (files, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_size_from_the_walk_that_is_out_of_date_still_reads_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let text = "The council met on Tuesday.\n".repeat(300);
        std::fs::write(&path, &text).unwrap();
        let n = text.len() as u64;
        // As walked, then grown, shrunk or emptied before it was read.
        for len in [
            None,
            Some(n),
            Some(0),
            Some(n - 1),
            Some(n + 1),
            Some(10 * n),
        ] {
            assert_eq!(read_file(&path, len).unwrap(), text.as_bytes(), "{len:?}");
        }
        let (files, errors) = walk(std::slice::from_ref(&path));
        assert!(errors.is_empty());
        assert_eq!(files[0].len, Some(n));
        let doc = read_input(&files[0], None).unwrap();
        assert_eq!(doc.prose.text, text);
    }

    #[test]
    fn paths_display_without_a_leading_dot_slash() {
        assert_eq!(display_path(Path::new("./news/a.txt")), "news/a.txt");
        assert_eq!(display_path(Path::new("news/a.txt")), "news/a.txt");
        assert_eq!(display_path(Path::new("./")), "./");
        assert_eq!(display_path(Path::new("/tmp/é.md")), "/tmp/é.md");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let odd = Path::new(std::ffi::OsStr::from_bytes(b"./bad\xffname.txt"));
            assert_eq!(display_path(odd), "bad\u{fffd}name.txt");
        }
    }

    #[test]
    fn a_file_reads_whole_whatever_its_size() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0usize, 1, 7, 4096, 65_537] {
            let path = dir.path().join(format!("f{len}.txt"));
            let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &data).unwrap();
            assert_eq!(read_file(&path, None).unwrap(), data, "{len} bytes");
        }
        assert!(read_file(&dir.path().join("missing.txt"), None).is_err());
    }
}
