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
    },
    /// A part is not well-formed XML.
    Xml {
        /// Path of the part inside the package.
        part: String,
        /// Byte offset in the decompressed part where the problem was found.
        offset: u64,
        /// What is wrong.
        detail: String,
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
            Self::NotUtf8 { part, offset } => {
                write!(f, "{part} is not valid UTF-8 (first bad byte at offset {offset})")
            }
            Self::Xml { part, offset, detail } => {
                write!(f, "malformed XML in {part} at byte {offset}: {detail}")
            }
        }
    }
}

impl std::error::Error for ExtractError {}
