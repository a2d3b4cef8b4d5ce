use crate::prose::{Block, BlockKind, Prose};

/// Longest first line, in words, still taken for a headline.
const MAX_HEADING_WORDS: usize = 25;
/// Longest later line, in words, still taken for a subheading.
const MAX_SUBHEADING_WORDS: usize = 10;

/// Extracts plain text: blank lines separate paragraphs; the first line is the
/// headline when a blank line follows it; short lines standing alone with no
/// closing punctuation are subheadings.
///
/// The prose is the file's own text, so offsets need no mapping.
pub fn extract_txt(text: &str) -> Prose {
    extract_txt_owned(text.to_owned())
}

/// [`extract_txt`] keeping `text` itself as the prose's text, uncopied.
pub fn extract_txt_owned(text: String) -> Prose {
    let blocks = txt_blocks(&text);
    Prose {
        text,
        blocks,
        ..Prose::default()
    }
}

/// The paragraphs, headline and subheadings of plain text.
fn txt_blocks(text: &str) -> Vec<Block> {
    // A paragraph of news copy runs a few hundred bytes.
    let mut blocks = Vec::with_capacity(text.len() / 256 + 4);
    let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    // The current run of non-blank lines, trimmed, and whether any is long.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut long = false;
    let mut pos = body_start;
    let bytes = text.as_bytes();
    while pos < text.len() {
        let line_end = memchr_newline(bytes, pos).unwrap_or(text.len());
        let line = &text[pos..line_end];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(text, &lines, long, false, &mut blocks);
            lines.clear();
            long = false;
        } else if !(lines.is_empty() && is_directive_line(trimmed)) {
            // A directive line above a paragraph is blanked for the model
            // (see `suppress::masked_prose`); it must not make the headline
            // below it a two-line paragraph.
            let lead = line.len() - line.trim_start().len();
            let s = pos + lead;
            lines.push((s, s + trimmed.len()));
            long |= is_long_line(trimmed);
        }
        pos = line_end + 1;
    }
    flush(text, &lines, long, true, &mut blocks);
    blocks
}

/// Characters beyond which a line is a whole paragraph, not hard-wrapped
/// copy (wrapped text stays under 80 columns).
const LONG_LINE_CHARS: usize = 100;

fn is_long_line(line: &str) -> bool {
    line.len() > LONG_LINE_CHARS && line.chars().nth(LONG_LINE_CHARS).is_some()
}

/// `[newslint-...]`: an inline suppression on a line of its own.
fn is_directive_line(line: &str) -> bool {
    line.starts_with("[newslint-") && line.ends_with(']')
}

/// Pushes the run of `lines` as blocks. Copy pasted from the web or a word
/// processor separates paragraphs with a single line break; when a line of
/// the run is longer than hard-wrapped text ever is, each line is its own
/// paragraph. `last` marks the file's final run.
fn flush(text: &str, lines: &[(usize, usize)], long: bool, last: bool, blocks: &mut Vec<Block>) {
    let (Some(&(first, _)), Some(&(_, end))) = (lines.first(), lines.last()) else {
        return;
    };
    let split = long && lines.len() > 1;
    let runs: &mut dyn Iterator<Item = (usize, usize, usize)> = if split {
        &mut lines.iter().map(|&(s, e)| (s, e, 1))
    } else {
        &mut std::iter::once((first, end, lines.len()))
    };
    let mut runs = runs.peekable();
    while let Some((s, e, n)) = runs.next() {
        let mut kind = classify(&text[s..e], n, blocks.is_empty());
        // A heading is followed by something: the file's last line is copy.
        let final_block = last && runs.peek().is_none();
        if final_block && matches!(kind, BlockKind::Headline | BlockKind::Heading) {
            kind = BlockKind::Paragraph;
        }
        blocks.push(Block { range: s..e, kind });
    }
}

fn memchr_newline(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(b'\n', &bytes[from..]).map(|i| from + i)
}

/// `text.split_whitespace().count()`, counting no further than `limit`
/// (body paragraphs are long and this runs on every one), eight bytes at a
/// time while they are ASCII.
fn count_words(text: &str, limit: usize) -> usize {
    use crate::ascii::{HI, blank_bytes, word_starts};
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
            if x & HI == 0 {
                // char::is_whitespace for ASCII: \t \n \x0b \x0c \r and space
                let solid = !blank_bytes(x, true) & HI;
                let (starts, ends_in_word) = word_starts(solid, in_word);
                words += starts;
                if words >= limit && words > 0 {
                    // One at a time, the count would have stopped right at the limit.
                    return limit.max(1);
                }
                in_word = ends_in_word;
                i += 8;
                continue;
            }
        }
        // A chunk holding non-ASCII bytes, or the tail, a byte at a time.
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let space = if b < 0x80 {
                matches!(b, b'\t'..=b'\r' | b' ')
            } else if b < 0xc0 {
                // a continuation byte: part of the character already judged
                i += 1;
                continue;
            } else {
                text[i..].chars().next().is_some_and(char::is_whitespace)
            };
            if !space && !in_word {
                words += 1;
                if words >= limit {
                    return words;
                }
            }
            in_word = !space;
            i += 1;
        }
    }
    words
}

/// Decides whether a paragraph is a headline, a subheading or body copy.
fn classify(para: &str, lines: usize, first: bool) -> BlockKind {
    if lines != 1 {
        return BlockKind::Paragraph;
    }
    // The last and first characters decide most paragraphs; words are
    // counted (up to the limit that matters) only when they cannot, since
    // nearly every body paragraph ends with closing punctuation.
    let last = para.chars().next_back().unwrap_or(' ');
    if first {
        // Headlines rarely end with a full stop; a first line that does is a
        // sentence of body copy (as in a file of one sentence per paragraph).
        return if last == '.' || count_words(para, MAX_HEADING_WORDS + 1) > MAX_HEADING_WORDS {
            BlockKind::Paragraph
        } else {
            BlockKind::Headline
        };
    }
    let closing = matches!(
        last,
        '.' | '?'
            | '!'
            | ':'
            | ';'
            | ','
            | '"'
            | '\u{201d}'
            | '\''
            | '\u{2019}'
            | ')'
            | '-'
            | '\u{2014}'
    );
    let capitalised = para.chars().next().is_some_and(|c| c.is_uppercase());
    if !closing
        && capitalised
        && count_words(para, MAX_SUBHEADING_WORDS + 1) <= MAX_SUBHEADING_WORDS
    {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
        let p = extract_txt(text);
        p.blocks
            .iter()
            .map(|b| (b.kind, &text[b.range.clone()]))
            .collect()
    }

    #[test]
    fn headline_then_paragraphs() {
        let k = kinds(
            "Council Votes to Close Library\n\nThe council voted 5-2 on Monday.\nIt was late.\n\nMore text.\n",
        );
        assert_eq!(
            k[0],
            (BlockKind::Headline, "Council Votes to Close Library")
        );
        assert_eq!(
            k[1],
            (
                BlockKind::Paragraph,
                "The council voted 5-2 on Monday.\nIt was late."
            )
        );
        assert_eq!(k[2], (BlockKind::Paragraph, "More text."));
    }

    #[test]
    fn first_line_without_blank_is_not_a_headline() {
        let k = kinds("Council Votes\nThe council voted.\n");
        assert_eq!(k.len(), 1);
        assert_eq!(k[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn single_file_line_is_body_copy() {
        assert_eq!(kinds("Just one line")[0].0, BlockKind::Paragraph);
        assert_eq!(kinds("A sentence.\n\nAnother.")[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn subheading_detected() {
        let k = kinds("Head\n\nBody copy here.\n\nThe Local View\n\nMore body.\n");
        assert_eq!(k[2], (BlockKind::Heading, "The Local View"));
    }

    #[test]
    fn crlf_and_bom() {
        let text = "\u{feff}Headline Here\r\n\r\nBody line.\r\n";
        let k = kinds(text);
        assert_eq!(k[0], (BlockKind::Headline, "Headline Here"));
        assert_eq!(k[1], (BlockKind::Paragraph, "Body line."));
        let p = extract_txt(text);
        assert_eq!(p.blocks[0].range.start, 3);
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for t in [
            "",
            " ",
            "one",
            " two  words ",
            "tab\tand\x0bvt\x0cff\r\nnl",
            "caf\u{e9} na\u{ef}ve\u{a0}nbsp\u{2003}em\u{85}nel",
            "\u{2014}dash\u{2014} \u{201c}q\u{201d}",
        ] {
            assert_eq!(
                count_words(t, usize::MAX),
                t.split_whitespace().count(),
                "{t:?}"
            );
        }
        assert_eq!(count_words("a b c d", 2), 2);
        // Long enough for the sixteen-byte chunks, with non-ASCII ones between.
        let long = "Some words  in\ta row,\u{a0}then caf\u{e9} and\u{2003}more of them here \
                    and a wordthatcrossesthechunkboundary here x y z.";
        for start in 0..8 {
            let t = &long[start..];
            let all = t.split_whitespace().count();
            for limit in [1, 2, 5, 10, all, all + 1, usize::MAX] {
                assert_eq!(count_words(t, limit), all.min(limit), "{t:?} {limit}");
            }
        }
    }

    #[test]
    fn long_lines_with_single_breaks_are_paragraphs_each() {
        let a = "The council voted on Monday to close the branch library, ending a year of argument over its costs and its hours.";
        let b = "Residents who spoke at the meeting said the building had been the only quiet place in the neighbourhood for years.";
        let text = format!("Library Vote\n{a}\n{b}\nMore to Come\n");
        let k = kinds(&text);
        assert_eq!(
            k,
            vec![
                (BlockKind::Headline, "Library Vote"),
                (BlockKind::Paragraph, a),
                (BlockKind::Paragraph, b),
                (BlockKind::Paragraph, "More to Come"),
            ]
        );
        // Hard-wrapped copy keeps its lines together.
        let wrapped = "The council voted on Monday to close the branch library,\nending a year of argument over its costs.\n";
        assert_eq!(kinds(wrapped).len(), 1);
    }

    #[test]
    fn a_directive_line_does_not_take_the_headline_place() {
        let k = kinds(
            "[newslint-disable-next-line hedging]\nCouncil Votes to Close Library\n\nBody copy.\n",
        );
        assert_eq!(
            k[0],
            (BlockKind::Headline, "Council Votes to Close Library")
        );
        // Inside a paragraph it stays in the paragraph's range.
        let k = kinds("Head\n\nOne line.\n[newslint-disable-next-line hedging]\nTwo.\n");
        assert_eq!(k.len(), 2);
    }

    #[test]
    fn empty_and_blank_files() {
        assert!(kinds("").is_empty());
        assert!(kinds("\n\n  \n").is_empty());
    }
}
