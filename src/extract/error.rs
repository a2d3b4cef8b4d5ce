use std::fmt;

/// Why a binary document (Word `.docx`) could not be read.
///
/// Text formats never fail: malformed Markdown or HTML is read the way a
/// renderer or browser would read it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExtractError {
    /// The bytes are not a zip archive, so not a `.docx` package.
    NotZip,
    /// An OLE compound file: a legacy `.doc`, or a password-protected document.
    LegacyWord,
    /// A zip archive whose directory cannot be read (often a truncated download).
    DamagedZip {
        /// What the zip reader found wrong.
        detail: String,
    },
    /// A part the package must have is absent.
    MissingPart {
        /// Path of the part inside the package.
        part: String,
    },
    /// A part decompresses to more than newslint accepts (a zip bomb, most likely).
    PartTooLarge {
        /// Path of the part inside the package.
        part: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A part's compressed data cannot be decompressed.
    UnreadablePart {
        /// Path of the part inside the package.
        part: String,
        /// What the decompressor found wrong.
        detail: String,
    },
    /// A part is not UTF-8 (nor UTF-16 with a byte-order mark).
    NotUtf8 {
        /// Path of the part inside the package.
        part: String,
        /// Offset of the first invalid byte in the decompressed part.
        offset: usize,
        /// 1-based line and column (characters) of that byte in the part.
        line: usize,
        /// See `line`.
        column: usize,
    },
    /// A part is not well-formed XML.
    Xml {
        /// Path of the part inside the package.
        part: String,
        /// Byte offset in the decompressed part where the problem was found.
        offset: u64,
        /// What is wrong.
        detail: String,
        /// 1-based line and column (characters) of `offset` in the part.
        line: usize,
        /// See `line`.
        column: usize,
    },
    /// The main part is well-formed (or empty) but holds no Word document:
    /// empty, plain text, or XML of another kind.
    NoDocument {
        /// Path of the part inside the package.
        part: String,
    },
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotZip => f.write_str("not a Word document: the file is not a zip archive"),
            Self::LegacyWord => f.write_str(
                "not a .docx Word document: this is an OLE file (a legacy .doc, or a password-protected document); save it as .docx without a password",
            ),
            Self::DamagedZip { detail } => {
                write!(f, "damaged Word document: the zip archive cannot be read ({detail}); the file may be truncated")
            }
            Self::MissingPart { part } => {
                write!(f, "{part} is missing: the zip archive is not a Word document")
            }
            Self::PartTooLarge { part, limit } => write!(
                f,
                "{part} is larger than {} MiB when decompressed; refusing to read it",
                limit / (1024 * 1024)
            ),
            Self::UnreadablePart { part, detail } => {
                write!(f, "{part} cannot be decompressed ({detail}); the file may be truncated or damaged")
            }
            Self::NotUtf8 {
                part,
                offset,
                line,
                column,
            } => write!(
                f,
                "{part}:{line}:{column}: not valid UTF-8 (first bad byte at offset {offset})"
            ),
            Self::Xml {
                part,
                offset,
                detail,
                line,
                column,
            } => write!(
                f,
                "malformed XML at {part}:{line}:{column} (byte {offset}): {detail}"
            ),
            Self::NoDocument { part } => write!(
                f,
                "{part} holds no Word document (no <w:document> element): it is empty, plain text or another kind of XML"
            ),
        }
    }
}

impl std::error::Error for ExtractError {}

/// 1-based line and column (in characters) of byte `offset` of `text`,
/// clamped to the text and to a character boundary.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}
