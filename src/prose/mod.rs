//! Prose extracted from a source document, with a map back to the source bytes.
//!
//! Every input format (plain text, Markdown, HTML, Word) is reduced to the same
//! shape: a prose string holding only the words a reader sees, split into
//! blocks (headline, headings, paragraphs, block quotations...), and an
//! [`OffsetMap`] that turns any byte offset in the prose back into a byte offset
//! of the original file. Later stages never look at markup.

mod offset_map;

pub use offset_map::OffsetMap;

use std::collections::BTreeMap;
use std::ops::Range;

/// What a block of prose is, as far as rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The story's headline: read alone, so hedges there weigh more.
    Headline,
    /// A subheading inside the story.
    Heading,
    /// Ordinary body copy.
    Paragraph,
    /// A block quotation (Markdown `>` or HTML `blockquote`): quoted material.
    BlockQuote,
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A table cell.
    TableCell,
}

/// A block of prose: a byte range of [`Prose::text`] and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte range in the prose text, without the separating blank lines.
    pub range: Range<usize>,
    /// The block's role in the document.
    pub kind: BlockKind,
}

/// The prose of one document and where it came from.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    /// The readable text, blocks separated by blank lines.
    pub text: String,
    /// The blocks, in document order, non-overlapping.
    pub blocks: Vec<Block>,
    /// Maps prose offsets back to offsets in the original file.
    pub map: OffsetMap,
    /// Front matter fields (Markdown YAML/TOML header), flattened to strings.
    pub front_matter: BTreeMap<String, String>,
    /// Extra location info a format wants shown (Word: paragraph numbers).
    pub paragraph_numbers: bool,
    /// Inline quotations marked up as such (HTML `q`): prose byte ranges, in
    /// order, each inside one block. Quotation scope, like block quotations.
    pub quote_ranges: Vec<Range<usize>>,
}

impl Prose {
    /// Maps a prose byte range to the byte range of the original file it came from.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        self.map.source_range(range)
    }
}

/// Builds a [`Prose`] piece by piece while recording where each piece came from.
///
/// Extractors push source slices verbatim where the reader sees exactly the
/// source bytes, and replacements (decoded entities, escapes) where they differ;
/// `end_block` closes the current block.
#[derive(Debug, Default)]
pub struct ProseBuilder {
    prose: Prose,
    block_start: Option<(usize, BlockKind)>,
}

impl ProseBuilder {
    /// Starts an empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens a block of the given kind, closing any open one first.
    pub fn start_block(&mut self, kind: BlockKind) {
        self.end_block();
        if !self.prose.text.is_empty() {
            let at = self.prose.map.last_source_end();
            self.push_synthetic("\n\n", at);
        }
        self.block_start = Some((self.prose.text.len(), kind));
    }

    /// Kind of the open block, if any.
    pub fn open_block(&self) -> Option<BlockKind> {
        self.block_start.map(|(_, k)| k)
    }

    /// Changes the kind of the open block (Markdown learns a heading's role late).
    pub fn set_block_kind(&mut self, kind: BlockKind) {
        if let Some((_, k)) = self.block_start.as_mut() {
            *k = kind;
        }
    }

    /// Closes the open block; a block holding only white space is dropped.
    pub fn end_block(&mut self) {
        if let Some((start, kind)) = self.block_start.take() {
            let text = &self.prose.text[start..];
            let lead = text.len() - text.trim_start().len();
            let trimmed = text.trim();
            if !trimmed.is_empty() {
                let s = start + lead;
                self.prose.blocks.push(Block {
                    range: s..s + trimmed.len(),
                    kind,
                });
            }
        }
    }

    /// Appends source bytes `text` found at `src_start` in the file, unchanged.
    pub fn push_verbatim(&mut self, text: &str, src_start: usize) {
        if text.is_empty() {
            return;
        }
        self.prose.map.push(
            self.prose.text.len(),
            text.len(),
            src_start..src_start + text.len(),
            true,
        );
        self.prose.text.push_str(text);
    }

    /// Appends `text` that stands for the source bytes `src` (an entity, an escape).
    pub fn push_replacement(&mut self, text: &str, src: Range<usize>) {
        if text.is_empty() {
            return;
        }
        self.prose
            .map
            .push(self.prose.text.len(), text.len(), src, false);
        self.prose.text.push_str(text);
    }

    /// Appends text with no source of its own (separators), pinned to `at`.
    pub fn push_synthetic(&mut self, text: &str, at: usize) {
        self.push_replacement(text, at..at);
    }

    /// Records front matter fields.
    pub fn set_front_matter(&mut self, fields: BTreeMap<String, String>) {
        self.prose.front_matter = fields;
    }

    /// Length of the prose written so far: where the next piece will start.
    pub fn text_len(&self) -> usize {
        self.prose.text.len()
    }

    /// Records a prose range as an inline quotation (see [`Prose::quote_ranges`]).
    pub fn push_quote_range(&mut self, range: Range<usize>) {
        if !range.is_empty() {
            self.prose.quote_ranges.push(range);
        }
    }

    /// Marks the document as one whose readers navigate by paragraph number.
    pub fn use_paragraph_numbers(&mut self) {
        self.prose.paragraph_numbers = true;
    }

    /// Closes the last block and returns the prose.
    pub fn finish(mut self) -> Prose {
        self.end_block();
        self.prose
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_trimmed_and_separated() {
        let mut b = ProseBuilder::new();
        b.start_block(BlockKind::Headline);
        b.push_verbatim("  Title ", 2);
        b.start_block(BlockKind::Paragraph);
        b.push_verbatim("Body text.", 20);
        let p = b.finish();
        assert_eq!(p.text, "  Title \n\nBody text.");
        assert_eq!(p.blocks.len(), 2);
        assert_eq!(&p.text[p.blocks[0].range.clone()], "Title");
        assert_eq!(&p.text[p.blocks[1].range.clone()], "Body text.");
        assert_eq!(p.source_range(p.blocks[1].range.clone()), 20..30);
        assert_eq!(p.source_range(p.blocks[0].range.clone()), 4..9);
    }

    #[test]
    fn replacements_map_to_their_whole_source() {
        let mut b = ProseBuilder::new();
        b.start_block(BlockKind::Paragraph);
        b.push_verbatim("it", 0);
        b.push_replacement("\u{2019}", 2..9); // &rsquo;
        b.push_verbatim("s fine", 9);
        let p = b.finish();
        assert_eq!(p.text, "it\u{2019}s fine");
        // "it’s" ends after the replacement piece: the whole entity is included
        assert_eq!(p.source_range(0..6), 0..10);
        // a range starting inside the replacement starts at the entity
        assert_eq!(p.source_range(2..5), 2..9);
        assert_eq!(p.source_range(6..10), 10..14);
    }

    #[test]
    fn empty_blocks_are_dropped() {
        let mut b = ProseBuilder::new();
        b.start_block(BlockKind::Paragraph);
        b.push_verbatim("   ", 0);
        b.start_block(BlockKind::Paragraph);
        b.push_verbatim("x", 5);
        let p = b.finish();
        assert_eq!(p.blocks.len(), 1);
    }
}
