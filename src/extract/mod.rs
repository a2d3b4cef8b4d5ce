//! Turns a source file of some format into [`Prose`]: the words a reader sees,
//! in blocks, with a map back to the file's bytes.

mod docx;
mod error;
mod front_matter;
mod html;
mod markdown;
mod txt;
mod writer;

use std::path::Path;

use crate::prose::Prose;

pub use docx::{MAX_PART_SIZE, extract_docx};
pub use error::ExtractError;
pub use html::extract_html;
pub use markdown::extract_markdown;
pub use txt::{extract_txt, extract_txt_owned};

/// The formats newslint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain text: paragraphs separated by blank lines.
    Txt,
    /// CommonMark with GitHub extensions.
    Markdown,
    /// HTML documents and fragments.
    Html,
    /// Word `.docx` packages.
    Docx,
}

impl InputFormat {
    /// The format a file name's extension implies, if newslint reads it.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?;
        // Compared in place: this runs twice for every file of a walk.
        const NAMES: [(&str, InputFormat); 7] = [
            ("txt", InputFormat::Txt),
            ("text", InputFormat::Txt),
            ("md", InputFormat::Markdown),
            ("markdown", InputFormat::Markdown),
            ("html", InputFormat::Html),
            ("htm", InputFormat::Html),
            ("docx", InputFormat::Docx),
        ];
        NAMES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(ext))
            .map(|&(_, format)| format)
    }

    /// Parses a format name as given to `--input-format` (or an extension).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "txt" | "text" => Some(Self::Txt),
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" => Some(Self::Html),
            "docx" => Some(Self::Docx),
            _ => None,
        }
    }

    /// True for formats whose findings point into the original file's bytes
    /// (all but Word, whose findings point into the extracted text).
    pub fn offsets_are_file_offsets(self) -> bool {
        !matches!(self, Self::Docx)
    }
}

/// Extracts prose from a UTF-8 text document of the given format.
///
/// Word documents are binary: read them with [`extract_docx`]. Given here
/// (already decoded to text somehow), they are read as plain text.
pub fn extract_text(format: InputFormat, text: &str) -> Prose {
    match format {
        InputFormat::Markdown => extract_markdown(text),
        InputFormat::Html => extract_html(text),
        InputFormat::Txt | InputFormat::Docx => extract_txt(text),
    }
}

#[cfg(test)]
mod tests;
