//! Byte offsets to LSP positions and back, in the encoding the client and
//! server agreed on: a position's `character` counts UTF-16 code units by
//! default, so a curly quote (3 bytes, 1 unit) or an emoji (4 bytes, 2
//! units) before a finding must be counted as the editor counts it.

use lsp_types::{Position, PositionEncodingKind, Range};

/// How `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 bytes (when the client offers it: no conversion at all).
    Utf8,
    /// UTF-16 code units (the protocol's default).
    Utf16,
}

impl Encoding {
    /// The encoding to use given the client's offer, preferring UTF-8.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The protocol's name for it.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    /// Units `s` takes up.
    fn units(self, s: &str) -> usize {
        match self {
            Encoding::Utf8 => s.len(),
            Encoding::Utf16 => s.encode_utf16().count(),
        }
    }
}

/// A text's line starts, as LSP counts lines (`\n`, `\r\n` or `\r` ends one).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    encoding: Encoding,
}

impl LineIndex {
    /// Indexes `text` for positions in `encoding`.
    pub fn new(text: &str, encoding: Encoding) -> Self {
        let b = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', b) {
            if b[i] == b'\n' || b.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        LineIndex { starts, encoding }
    }

    /// The position of byte `offset` (clamped into the text, and down to a
    /// character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        Position {
            line: to_u32(line),
            character: to_u32(self.encoding.units(&text[start..offset])),
        }
    }

    /// The LSP range of a byte range.
    pub fn range(&self, text: &str, range: std::ops::Range<usize>) -> Range {
        Range {
            start: self.position(text, range.start),
            end: self.position(text, range.end),
        }
    }

    /// The byte offset of `pos`; a line past the end is the end of the text,
    /// a character past the end of its line is the line's end.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(pos.line as usize + 1)
            .copied()
            .unwrap_or(text.len());
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        let want = pos.character as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units >= want {
                return start + i;
            }
            units += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        start + line.len()
    }

    /// The byte offset where the line holding `offset` starts.
    pub fn line_start(&self, offset: usize) -> usize {
        self.starts[self.starts.partition_point(|&s| s <= offset) - 1]
    }
}

/// Positions are u32 in the protocol; a text over 4 GB is not an editor's.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn utf16_counts_curly_quotes_dashes_and_emoji_as_the_editor_does() {
        // “ and — are 3 bytes and 1 UTF-16 unit; the emoji is 4 bytes, 2 units.
        let text = "“Hi” — 😀 claimed\nnext";
        let at = text.find("claimed").unwrap();
        let utf16 = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(utf16.position(text, at), pos(0, 10));
        assert_eq!(utf16.offset(text, pos(0, 10)), at);
        let utf8 = LineIndex::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(text, at), pos(0, at as u32));
        assert_eq!(utf8.offset(text, pos(0, at as u32)), at);
    }

    #[test]
    fn lines_end_at_lf_crlf_and_cr() {
        let text = "a\r\nb\rc\nd";
        let idx = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(idx.position(text, text.find('b').unwrap()), pos(1, 0));
        assert_eq!(idx.position(text, text.find('c').unwrap()), pos(2, 0));
        assert_eq!(idx.position(text, text.find('d').unwrap()), pos(3, 0));
        assert_eq!(idx.offset(text, pos(0, 99)), 1);
        assert_eq!(idx.offset(text, pos(9, 0)), text.len());
    }

    #[test]
    fn offsets_inside_a_character_fall_back_to_its_start() {
        let text = "a—b";
        let idx = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(idx.position(text, 2), pos(0, 1));
        assert_eq!(idx.position(text, 99), pos(0, 3));
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
