//! The prose writer shared by the Markdown and HTML extractors.
//!
//! Markup formats hand over runs of text with their source positions; the
//! writer turns them into prose the way a reader sees it: white space collapsed
//! to single spaces, bare URLs and e-mail addresses left out, blocks opened only
//! when a word arrives. Every word it writes maps to its exact source bytes.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::prose::{BlockKind, Prose, ProseBuilder};

/// A stretch of a text run and the source bytes it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece<'a> {
    /// What the reader sees.
    pub text: Cow<'a, str>,
    /// The source bytes it came from.
    pub src: Range<usize>,
    /// True when `text` is the source bytes themselves (no entity, no escape).
    pub verbatim: bool,
}

impl<'a> Piece<'a> {
    /// Source text shown as is.
    pub fn verbatim(text: &'a str, src_start: usize) -> Self {
        Self {
            text: Cow::Borrowed(text),
            src: src_start..src_start + text.len(),
            verbatim: true,
        }
    }

    /// Text that stands for other source bytes (a decoded entity, an escape).
    pub fn replacement(text: impl Into<Cow<'a, str>>, src: Range<usize>) -> Self {
        Self {
            text: text.into(),
            src,
            verbatim: false,
        }
    }
}

/// White space waiting to be written before the next word of the block.
#[derive(Debug, Clone)]
enum Pending {
    /// A single source space, written verbatim.
    Space(usize),
    /// Other white space (line breaks, tabs, runs, `&nbsp;`), written as one space.
    Run(Range<usize>),
    /// Skipped inline material (code, a URL): a space with no source of its own.
    Point(usize),
}

/// Writes prose for markup formats; see the module docs.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    b: ProseBuilder,
    block_open: bool,
    pending: Option<Pending>,
    headline_done: bool,
    quote_depth: usize,
    quote_start: Option<usize>,
    last_word_end: usize,
}

impl Writer {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn set_front_matter(&mut self, fields: BTreeMap<String, String>) {
        self.b.set_front_matter(fields);
    }

    /// Writes a run of pieces into a block of `kind`, leaving out URLs when asked.
    ///
    /// URLs are found over the whole run so that one split by an entity or an
    /// escape is still left out whole.
    pub fn push_run(&mut self, pieces: &[Piece<'_>], kind: BlockKind, skip_urls: bool) {
        let urls = if skip_urls {
            let joined: String = pieces.iter().map(|p| p.text.as_ref()).collect();
            find_urls(&joined)
        } else {
            Vec::new()
        };
        let mut at = 0;
        for piece in pieces {
            let len = piece.text.len();
            let here = at..at + len;
            let overlapping = urls
                .iter()
                .filter(|u| u.start < here.end && here.start < u.end);
            if piece.verbatim {
                let mut cur = 0;
                for u in overlapping {
                    let us = u.start.max(at) - at;
                    let ue = u.end.min(at + len) - at;
                    if us > cur {
                        self.verbatim_text(&piece.text[cur..us], piece.src.start + cur, kind);
                    }
                    self.separator(piece.src.start + us);
                    cur = ue;
                }
                if cur < len {
                    self.verbatim_text(&piece.text[cur..], piece.src.start + cur, kind);
                }
            } else if overlapping.count() > 0 {
                self.separator(piece.src.start);
            } else if piece.text.chars().all(char::is_whitespace) {
                self.pend(Pending::Run(piece.src.clone()));
            } else {
                self.word(&piece.text, piece.src.clone(), false, kind);
            }
            at += len;
        }
    }

    /// Splits source-identical text into words and white space.
    fn verbatim_text(&mut self, text: &str, src_start: usize, kind: BlockKind) {
        let mut rest = text;
        let mut pos = src_start;
        while let Some(first) = rest.chars().next() {
            let ws = first.is_whitespace();
            let end = rest
                .char_indices()
                .find(|&(_, c)| c.is_whitespace() != ws)
                .map_or(rest.len(), |(i, _)| i);
            let (chunk, tail) = rest.split_at(end);
            if !ws {
                self.word(chunk, pos..pos + end, true, kind);
            } else if chunk == " " {
                self.pend(Pending::Space(pos));
            } else {
                self.pend(Pending::Run(pos..pos + end));
            }
            pos += end;
            rest = tail;
        }
    }

    /// Notes white space; only the first of a run counts, and none at a block's start.
    fn pend(&mut self, p: Pending) {
        if self.block_open && self.pending.is_none() {
            self.pending = Some(p);
        }
    }

    /// Skipped inline material at source offset `at` still separates words.
    pub fn separator(&mut self, at: usize) {
        self.pend(Pending::Point(at));
    }

    fn word(&mut self, text: &str, src: Range<usize>, verbatim: bool, kind: BlockKind) {
        if !self.block_open {
            let kind = match kind {
                BlockKind::Headline if self.headline_done => BlockKind::Heading,
                k => k,
            };
            self.headline_done |= kind == BlockKind::Headline;
            self.b.start_block(kind);
            self.block_open = true;
        } else if let Some(p) = self.pending.take() {
            match p {
                Pending::Space(at) => self.b.push_verbatim(" ", at),
                Pending::Run(r) => self.b.push_replacement(" ", r),
                Pending::Point(at) => self.b.push_synthetic(" ", at),
            }
        }
        if self.quote_depth > 0 && self.quote_start.is_none() {
            self.quote_start = Some(self.b.text_len());
        }
        if verbatim {
            self.b.push_verbatim(text, src.start);
        } else {
            self.b.push_replacement(text, src);
        }
        self.last_word_end = self.b.text_len();
    }

    /// Ends the open block; the next word opens a new one.
    pub fn break_block(&mut self) {
        self.close_quote_range();
        if self.block_open {
            self.b.end_block();
            self.block_open = false;
        }
        self.pending = None;
    }

    /// An inline quotation starts (HTML `q`).
    pub fn begin_quote(&mut self) {
        self.quote_depth += 1;
    }

    /// An inline quotation ends; nested ones are part of the outer one.
    pub fn end_quote(&mut self) {
        if self.quote_depth > 0 {
            self.quote_depth -= 1;
            if self.quote_depth == 0 {
                self.close_quote_range();
            }
        }
    }

    fn close_quote_range(&mut self) {
        if let Some(start) = self.quote_start.take() {
            self.b.push_quote_range(start..self.last_word_end);
        }
    }

    pub fn finish(mut self) -> Prose {
        self.break_block();
        self.b.finish()
    }
}

/// Bare URLs (with a scheme or `www.`) and e-mail addresses, as GitHub links them.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:https?://|ftp://|mailto:|www\.)[^\s<>]+|[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)+",
    )
    .expect("URL pattern is valid")
});

/// Byte ranges of the URLs and addresses in `text`, without trailing punctuation.
pub(crate) fn find_urls(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for m in URL.find_iter(text) {
        let starts_mid_word = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
            && !m.as_str().contains('@');
        if starts_mid_word {
            continue;
        }
        let mut s = m.as_str();
        loop {
            let trimmed = s.trim_end_matches([
                '?', '!', '.', ',', ':', ';', '*', '_', '~', '\'', '"', '-', '\u{2019}', '\u{201d}',
            ]);
            // A closing parenthesis belongs to the URL only when it balances one inside it.
            let trimmed = if trimmed.ends_with(')')
                && trimmed.matches('(').count() < trimmed.matches(')').count()
            {
                &trimmed[..trimmed.len() - 1]
            } else {
                trimmed
            };
            if trimmed.len() == s.len() {
                break;
            }
            s = trimmed;
        }
        if s.len() > 4 {
            found.push(m.start()..m.start() + s.len());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<&str> {
        find_urls(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn urls_lose_trailing_punctuation() {
        assert_eq!(
            urls("See https://example.org/a_(b). Or www.example.com, or mail desk@example.org."),
            [
                "https://example.org/a_(b)",
                "www.example.com",
                "desk@example.org"
            ]
        );
        assert_eq!(
            urls("(see https://example.org/x)"),
            ["https://example.org/x"]
        );
        assert!(urls("awww.example.com is not one, nor is email@ alone").is_empty());
    }

    #[test]
    fn white_space_collapses_and_maps() {
        let src = "  a  \n b\tc ";
        let mut w = Writer::new();
        w.push_run(&[Piece::verbatim(src, 0)], BlockKind::Paragraph, false);
        let p = w.finish();
        assert_eq!(p.text, "a b c");
        assert_eq!(p.source_range(0..1), 2..3);
        assert_eq!(p.source_range(1..2), 3..7);
        assert_eq!(p.source_range(2..3), 7..8);
        assert_eq!(p.source_range(4..5), 9..10);
    }

    #[test]
    fn url_split_by_an_entity_is_skipped_whole() {
        // source: "go https://x.org/?a=1&amp;b=2 now"
        let pieces = [
            Piece::verbatim("go https://x.org/?a=1", 0),
            Piece::replacement("&", 21..26),
            Piece::verbatim("b=2 now", 26),
        ];
        let mut w = Writer::new();
        w.push_run(&pieces, BlockKind::Paragraph, true);
        let p = w.finish();
        assert_eq!(p.text, "go now");
        assert_eq!(p.source_range(3..6), 30..33);
    }

    #[test]
    fn second_headline_is_a_heading_and_quotes_are_recorded() {
        let mut w = Writer::new();
        w.push_run(&[Piece::verbatim("One", 0)], BlockKind::Headline, false);
        w.break_block();
        w.push_run(&[Piece::verbatim("Two ", 10)], BlockKind::Headline, false);
        w.begin_quote();
        w.push_run(
            &[Piece::verbatim(" said so ", 20)],
            BlockKind::Headline,
            false,
        );
        w.end_quote();
        let p = w.finish();
        assert_eq!(p.blocks[0].kind, BlockKind::Headline);
        assert_eq!(p.blocks[1].kind, BlockKind::Heading);
        assert_eq!(p.quote_ranges.len(), 1);
        assert_eq!(&p.text[p.quote_ranges[0].clone()], "said so");
    }
}
