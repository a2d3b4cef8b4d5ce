//! Reading documents: bytes to text, with the checks that keep bad input from
//! becoming a panic or a silent miss.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::extract::{self, ExtractError, InputFormat};
use crate::prose::Prose;

/// How many leading bytes are inspected for NUL to call a file binary (as git does).
const BINARY_SNIFF: usize = 8 << 10;

/// The largest input read unless `--max-file-size` says otherwise: far above
/// any story (a long feature is 50 KB), and a bound on the memory and time a
/// runaway input (`/dev/zero` behind a symlink, a log file) can take.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 32 << 20;

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
    /// Not a regular file (a device, a FIFO, a socket): named on the command
    /// line, it could block forever or never end.
    NotRegular,
    /// Longer than the size cap, in bytes.
    TooLarge {
        /// The cap.
        limit: u64,
    },
    /// Starts with a UTF-16 byte-order mark but is not valid UTF-16.
    InvalidUtf16,
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
            InputErrorKind::NotRegular => write!(
                f,
                "{p}: not a regular file (a device, FIFO or socket); pipe it to `newslint check -` instead"
            ),
            InputErrorKind::TooLarge { limit } => write!(
                f,
                "{p}: larger than the {limit}-byte limit; skipped (raise it with --max-file-size)"
            ),
            InputErrorKind::InvalidUtf16 => {
                write!(
                    f,
                    "{p}: starts with a UTF-16 byte-order mark but is not valid UTF-16"
                )
            }
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
    /// Decoded from another encoding (UTF-16): offsets are into the decoded
    /// UTF-8 text, not the file's bytes.
    pub decoded: bool,
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
        self.format.offsets_are_file_offsets() && !self.decoded
    }
}

/// Reads a file the walk found; `format` overrides the extension.
pub fn read_input(file: &InputFile, format: Option<InputFormat>) -> Result<InputDoc, InputError> {
    read_input_limited(file, format, DEFAULT_MAX_FILE_SIZE)
}

/// [`read_input`] refusing files of more than `limit` bytes.
pub fn read_input_limited(
    file: &InputFile,
    format: Option<InputFormat>,
    limit: u64,
) -> Result<InputDoc, InputError> {
    let path = &file.path;
    let shown = display_path(path);
    let error = |kind| InputError {
        path: shown.clone(),
        kind,
    };
    if file.len.is_some_and(|len| len > limit) {
        return Err(error(InputErrorKind::TooLarge { limit }));
    }
    let format = format
        .or_else(|| InputFormat::from_path(path))
        .unwrap_or(InputFormat::Txt);
    let bytes = match read_file(path, file.len, limit) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(error(InputErrorKind::TooLarge { limit })),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(error(InputErrorKind::NotFound));
        }
        Err(e) => return Err(error(InputErrorKind::Unreadable(e))),
    };
    from_bytes(shown, bytes, format)
}

/// Reads a stream (standard input) of at most `limit` bytes. A stream that
/// starts like a binary file is refused after its first bytes, before the
/// rest is read: 3 GB of NULs on standard input once took 5 GB of memory.
pub fn read_stream(
    path: String,
    reader: &mut dyn std::io::Read,
    format: InputFormat,
    limit: u64,
) -> Result<InputDoc, InputError> {
    use std::io::Read;
    let error = |kind| InputError {
        path: path.clone(),
        kind,
    };
    let mut bytes = Vec::new();
    let mut head = reader.take(BINARY_SNIFF as u64);
    head.read_to_end(&mut bytes)
        .map_err(|e| error(InputErrorKind::Stdin(e)))?;
    if format != InputFormat::Docx && looks_binary(&bytes) {
        return Err(error(InputErrorKind::Binary));
    }
    reader
        .take(limit.saturating_add(1).saturating_sub(bytes.len() as u64))
        .read_to_end(&mut bytes)
        .map_err(|e| error(InputErrorKind::Stdin(e)))?;
    if bytes.len() as u64 > limit {
        return Err(error(InputErrorKind::TooLarge { limit }));
    }
    from_bytes(path, bytes, format)
}

/// A NUL among the first bytes, and no UTF-16 byte-order mark.
fn looks_binary(bytes: &[u8]) -> bool {
    utf16_bom(bytes).is_none()
        && memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF)]).is_some()
}

/// The UTF-16 encoding whose byte-order mark `bytes` starts with.
fn utf16_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

/// The whole file, in one `read` call when the file has the size its
/// metadata gave: `std::fs::read` always makes a second call to see the end,
/// a system call per file that is 3% of linting a directory of short
/// articles. `len`, the size of a regular file the walk already asked for,
/// spares asking again; a file that has changed since is still read whole.
///
/// More than `limit` bytes is `None`, found having read `limit + 1` at most.
fn read_file(path: &Path, len: Option<u64>, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut file = file.take(limit.saturating_add(1));
    let len = match len {
        Some(len) => Some(len),
        None => {
            let meta = file.get_ref().metadata()?;
            if meta.is_file() && meta.len() > limit {
                return Ok(None);
            }
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
            return Ok(Some(bytes));
        }
        bytes.truncate(n);
    }
    file.read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
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
            decoded: false,
        });
    }
    if let Some(encoding) = utf16_bom(&bytes) {
        // Offsets are into the decoded text, as for Word documents.
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(&bytes[2..])
        else {
            return Err(InputError {
                path,
                kind: InputErrorKind::InvalidUtf16,
            });
        };
        let text = text.into_owned();
        let (prose, original) = match format {
            InputFormat::Txt | InputFormat::Docx => (extract::extract_txt_owned(text), None),
            _ => (extract::extract_text(format, &text), Some(text)),
        };
        return Ok(InputDoc {
            path,
            original,
            prose,
            format,
            decoded: true,
        });
    }
    if looks_binary(&bytes) {
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
        decoded: false,
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
        if !meta.is_dir() && !meta.is_file() {
            errors.push(InputError {
                path: display_path(p),
                kind: InputErrorKind::NotRegular,
            });
            continue;
        }
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
            assert_eq!(
                read_file(&path, len, u64::MAX).unwrap().unwrap(),
                text.as_bytes(),
                "{len:?}"
            );
        }
        let (files, errors) = walk(std::slice::from_ref(&path));
        assert!(errors.is_empty());
        assert_eq!(files[0].len, Some(n));
        let doc = read_input(&files[0], None).unwrap();
        assert_eq!(doc.prose.text, text);
    }

    #[test]
    fn an_endless_stream_is_refused_after_its_first_bytes_or_at_the_cap() {
        // Both would read forever (and grow without bound) without the sniff and the cap.
        let e = read_stream(
            "z".into(),
            &mut std::io::repeat(0),
            InputFormat::Txt,
            1 << 20,
        )
        .unwrap_err();
        assert!(matches!(e.kind, InputErrorKind::Binary), "{e}");
        let e = read_stream(
            "a".into(),
            &mut std::io::repeat(b'a'),
            InputFormat::Txt,
            1 << 20,
        )
        .unwrap_err();
        assert!(
            matches!(e.kind, InputErrorKind::TooLarge { limit } if limit == 1 << 20),
            "{e}"
        );
        let mut exact: &[u8] = &[b'a'; 1 << 10];
        let doc = read_stream("b".into(), &mut exact, InputFormat::Txt, 1 << 10).unwrap();
        assert_eq!(doc.prose.text.len(), 1 << 10);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let text = "Caf\u{e9} owners rumouredly cut jobs \u{1F600}.\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            let doc = from_bytes("u.txt".into(), bytes, InputFormat::Txt).unwrap();
            assert_eq!(doc.text(), text);
            assert!(!doc.offsets_in_file());
        }
        // A lone surrogate is an error, not mojibake.
        let bad = vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00];
        let e = from_bytes("bad.txt".into(), bad, InputFormat::Txt).unwrap_err();
        assert!(matches!(e.kind, InputErrorKind::InvalidUtf16), "{e}");
        let html: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<p>A &amp; B</p>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let doc = from_bytes("u.html".into(), html, InputFormat::Html).unwrap();
        assert_eq!(doc.prose.text, "A & B");
    }

    #[test]
    fn a_file_over_the_cap_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "word ".repeat(1_000)).unwrap();
        for len in [None, Some(5_000)] {
            let file = InputFile {
                path: path.clone(),
                len,
            };
            let e = read_input_limited(&file, None, 4_999).unwrap_err();
            assert!(
                matches!(e.kind, InputErrorKind::TooLarge { limit: 4_999 }),
                "{e}"
            );
            assert!(read_input_limited(&file, None, 5_000).is_ok());
        }
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_named_on_the_command_line_are_refused_unread() {
        let (files, errors) = walk(&[PathBuf::from("/dev/zero"), PathBuf::from("/dev/null")]);
        assert!(files.is_empty());
        assert_eq!(errors.len(), 2);
        assert!(
            errors
                .iter()
                .all(|e| matches!(e.kind, InputErrorKind::NotRegular))
        );
        assert!(errors[0].to_string().contains("not a regular file"));
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
            assert_eq!(
                read_file(&path, None, u64::MAX).unwrap().unwrap(),
                data,
                "{len} bytes"
            );
        }
        assert!(read_file(&dir.path().join("missing.txt"), None, u64::MAX).is_err());
    }
}
