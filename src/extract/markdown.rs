//! Markdown (CommonMark with GitHub extensions) to prose.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::writer::{Piece, Writer};
use super::{front_matter, html};
use crate::prose::{BlockKind, Prose};

/// What an open Markdown element means for the text inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// Nothing inside is prose: code, images, autolinks.
    Skip,
    /// An HTML block: its text is read as HTML.
    HtmlBlock,
    /// A block quotation (not a GitHub alert, which is the writer's own note).
    Quote,
    /// A heading; true for level 1.
    Heading(bool),
    Item,
    Cell,
    /// Anything else: emphasis, links, lists, tables, alerts, footnotes.
    Plain,
}

/// Extracts the prose of a Markdown document: paragraphs, headings, list
/// items, table cells and block quotations, with inline markup removed and
/// code, raw HTML, URLs and front matter left out.
pub fn extract_markdown(text: &str) -> Prose {
    let mut w = Writer::new();
    let mut body = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if let Some(fm) = front_matter::split(&text[body..]) {
        w.set_front_matter(fm.fields);
        body += fm.len;
    }
    // No metadata-block option: pulldown-cmark would also take `---` blocks in
    // mid-document for metadata, where CommonMark sees a rule and a heading.
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;
    let mut ctx = Contexts::default();
    let mut run: Vec<Piece<'_>> = Vec::new();
    let mut html: Vec<Range<usize>> = Vec::new();
    for (event, r) in Parser::new_ext(&text[body..], opts).into_offset_iter() {
        let r = r.start + body..r.end + body;
        let skipping = ctx.skipping();
        match event {
            Event::Text(t) => {
                if !skipping {
                    // pulldown-cmark splits text at escapes and entities, so a text
                    // event is either the source itself or one decoded character.
                    let src = &text[r.clone()];
                    run.push(if src == t.as_ref() {
                        Piece::verbatim(src, r.start)
                    } else {
                        Piece::replacement(t.into_string(), r)
                    });
                }
                continue;
            }
            Event::SoftBreak | Event::HardBreak => {
                if !skipping {
                    run.push(Piece::replacement(" ", r));
                }
                continue;
            }
            _ => {}
        }
        flush(&mut w, &mut run, &ctx);
        match event {
            Event::Start(tag) => {
                let (c, block) = classify(&tag);
                if block {
                    w.break_block();
                } else if c == Ctx::Skip && !skipping {
                    w.separator(r.start);
                }
                ctx.push(c);
            }
            Event::Html(_) if ctx.last() == Some(&Ctx::HtmlBlock) && !skipping => {
                match html.last_mut() {
                    Some(last) if last.end == r.start => last.end = r.end,
                    _ => html.push(r),
                }
            }
            Event::End(end) => {
                ctx.pop();
                if end == TagEnd::HtmlBlock {
                    read_html_block(&mut w, text, &html, ctx.kind());
                    html.clear();
                }
                if ends_block(end) {
                    w.break_block();
                }
            }
            Event::Code(_)
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
                if !skipping =>
            {
                w.separator(r.start);
            }
            Event::InlineHtml(tag) if !skipping && is_line_break(&tag) => {
                w.separator(r.start);
            }
            Event::Rule => w.break_block(),
            _ => {}
        }
    }
    flush(&mut w, &mut run, &ctx);
    w.finish()
}

/// Reads the pieces of one HTML block as one HTML fragment.
///
/// pulldown-cmark hands an HTML block over in pieces, leaving out what lies
/// between them: container markers (`> `, a list item's indentation) and the
/// `\r` of each CRLF line break. Read one by one, a comment, a script or a
/// tag spanning lines would leak into the prose; so the gaps are blanked out
/// and the block is read whole. The gaps are ASCII, so blanking them keeps
/// every offset and character boundary in place.
fn read_html_block(w: &mut Writer, text: &str, parts: &[Range<usize>], outer: BlockKind) {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return;
    };
    let whole = first.start..last.end;
    let gaps = || parts.windows(2).map(|p| p[0].end..p[1].start);
    if gaps().all(|g| g.is_empty()) {
        html::extract_into(w, &text[whole.clone()], whole.start, outer);
        return;
    }
    if !gaps().all(|g| text.as_bytes()[g].is_ascii()) {
        // Never seen; read the pieces one by one rather than risk a bad offset.
        for part in parts {
            html::extract_into(w, &text[part.clone()], part.start, outer);
        }
        return;
    }
    let mut frag = text.as_bytes()[whole.clone()].to_vec();
    for g in gaps() {
        frag[g.start - whole.start..g.end - whole.start].fill(b' ');
    }
    let frag = String::from_utf8(frag).expect("only ASCII bytes were replaced");
    html::extract_into(w, &frag, whole.start, outer);
}

/// Writes the pending text run, whose context is the innermost open element.
fn flush(w: &mut Writer, run: &mut Vec<Piece<'_>>, ctx: &Contexts) {
    if !run.is_empty() {
        w.push_run(run, ctx.kind(), true);
        run.clear();
    }
}

/// The context an element opens, and whether it starts a new block.
fn classify(tag: &Tag<'_>) -> (Ctx, bool) {
    match tag {
        Tag::Paragraph | Tag::List(_) | Tag::FootnoteDefinition(_) => (Ctx::Plain, true),
        Tag::Table(_) | Tag::TableHead | Tag::TableRow => (Ctx::Plain, true),
        Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
            (Ctx::Plain, true)
        }
        Tag::Heading { level, .. } => (Ctx::Heading(*level == HeadingLevel::H1), true),
        Tag::BlockQuote(None) => (Ctx::Quote, true),
        Tag::BlockQuote(Some(_)) => (Ctx::Plain, true),
        Tag::CodeBlock(_) | Tag::MetadataBlock(_) => (Ctx::Skip, true),
        Tag::HtmlBlock => (Ctx::HtmlBlock, true),
        Tag::Item => (Ctx::Item, true),
        Tag::TableCell => (Ctx::Cell, true),
        Tag::Image { .. } => (Ctx::Skip, false),
        Tag::Link {
            link_type: LinkType::Autolink | LinkType::Email,
            ..
        } => (Ctx::Skip, false),
        _ => (Ctx::Plain, false),
    }
}

fn ends_block(end: TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// The block kind for text in the given context; quotation wins over all.
/// The open elements' contexts, with what is asked of them on every event
/// (anything skipped open? the block kind) kept up to date as they open and
/// close: scanning them per event was quadratic in the nesting depth (20,000
/// `>` on a line took seconds).
#[derive(Default)]
struct Contexts {
    stack: Vec<Ctx>,
    /// Open `Skip` and `Quote` contexts.
    skips: usize,
    quotes: usize,
    /// The block kinds of the open headings, items and cells, innermost last.
    kinds: Vec<BlockKind>,
}

impl Contexts {
    fn push(&mut self, c: Ctx) {
        self.skips += usize::from(c == Ctx::Skip);
        self.quotes += usize::from(c == Ctx::Quote);
        if let Some(k) = Self::block_kind(c) {
            self.kinds.push(k);
        }
        self.stack.push(c);
    }

    fn pop(&mut self) {
        let Some(c) = self.stack.pop() else { return };
        self.skips -= usize::from(c == Ctx::Skip);
        self.quotes -= usize::from(c == Ctx::Quote);
        if Self::block_kind(c).is_some() {
            self.kinds.pop();
        }
    }

    fn last(&self) -> Option<&Ctx> {
        self.stack.last()
    }

    fn skipping(&self) -> bool {
        self.skips > 0
    }

    /// The kind of block text written now belongs to.
    fn kind(&self) -> BlockKind {
        if self.quotes > 0 {
            return BlockKind::BlockQuote;
        }
        self.kinds.last().copied().unwrap_or(BlockKind::Paragraph)
    }

    fn block_kind(c: Ctx) -> Option<BlockKind> {
        match c {
            Ctx::Heading(true) => Some(BlockKind::Headline),
            Ctx::Heading(false) => Some(BlockKind::Heading),
            Ctx::Item => Some(BlockKind::ListItem),
            Ctx::Cell => Some(BlockKind::TableCell),
            _ => None,
        }
    }
}

/// True for inline `<br>`, `<br/>` or `</br>`: a line break between words.
fn is_line_break(html: &str) -> bool {
    let h = html.trim_start_matches('<').trim_start_matches('/');
    h.get(..2).is_some_and(|b| b.eq_ignore_ascii_case("br"))
        && !h[2..].starts_with(|c: char| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::{blocks, source_of};

    #[test]
    fn contexts_answer_from_counters_whatever_the_depth() {
        let mut ctx = Contexts::default();
        for i in 0..50_000 {
            ctx.push(if i % 2 == 0 { Ctx::Plain } else { Ctx::Item });
        }
        ctx.push(Ctx::Heading(true));
        assert_eq!(ctx.kind(), BlockKind::Headline);
        ctx.pop();
        assert_eq!(ctx.kind(), BlockKind::ListItem);
        ctx.push(Ctx::Quote);
        ctx.push(Ctx::Skip);
        assert!(ctx.skipping());
        assert_eq!(ctx.kind(), BlockKind::BlockQuote);
        ctx.pop();
        ctx.pop();
        assert!(!ctx.skipping());
        while ctx.last().is_some() {
            ctx.pop();
        }
        assert_eq!(ctx.kind(), BlockKind::Paragraph);
        // 40,000 nested quotations on one line: quoted text, read once.
        let p = extract_markdown(&format!("{} Critics say so.\n", ">".repeat(40_000)));
        assert_eq!(blocks(&p), vec![(BlockKind::BlockQuote, "Critics say so.")]);
    }

    #[test]
    fn inline_markup_disappears_but_maps_exactly() {
        let src = "A **bold** move by _the_ [mayor](https://example.org \"t\") today.\n";
        let p = extract_markdown(src);
        assert_eq!(p.text, "A bold move by the mayor today.");
        assert_eq!(source_of(src, &p, "bold"), "bold");
        assert_eq!(source_of(src, &p, "mayor"), "mayor");
        assert_eq!(source_of(src, &p, "by the mayor"), "by _the_ [mayor");
        assert_eq!(blocks(&p), vec![(BlockKind::Paragraph, p.text.as_str())]);
    }

    #[test]
    fn headings_lists_tables_quotes() {
        let src = "\
# Storm Closes Schools

Intro line one
continues here.

## What Happened

- First item
- Second *item*

| Name | Role |
|------|------|
| Ada  | Chair |

> The roads were empty,
> a driver said.

Setext Title
============
";
        let p = extract_markdown(src);
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::Headline, "Storm Closes Schools"),
                (BlockKind::Paragraph, "Intro line one continues here."),
                (BlockKind::Heading, "What Happened"),
                (BlockKind::ListItem, "First item"),
                (BlockKind::ListItem, "Second item"),
                (BlockKind::TableCell, "Name"),
                (BlockKind::TableCell, "Role"),
                (BlockKind::TableCell, "Ada"),
                (BlockKind::TableCell, "Chair"),
                (
                    BlockKind::BlockQuote,
                    "The roads were empty, a driver said."
                ),
                (BlockKind::Heading, "Setext Title"),
            ]
        );
        // the soft break maps to the line break itself
        let at = p.text.find("one continues").unwrap() + 3;
        assert_eq!(&src[p.source_range(at..at + 1)], "\n");
        assert_eq!(source_of(src, &p, "empty, a driver"), "empty,\n> a driver");
    }

    #[test]
    fn setext_level_one_can_be_the_headline() {
        let p = extract_markdown("Council Votes\n=============\n\nBody.\n\n# Later\n");
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::Headline, "Council Votes"),
                (BlockKind::Paragraph, "Body."),
                (BlockKind::Heading, "Later"),
            ]
        );
    }

    #[test]
    fn code_urls_images_footnotes_skipped_html_blocks_read_as_html() {
        let src = "\
Run `make` now, see https://example.org/a?b=1 or <https://example.net>.
Photo ![a wide shot](img/shot.jpg) here<!-- editor: check --> and <span class=\"x\">kept</span>.
A claim[^1] stands.

```rust
let secret = \"code words\";
```

    indented code words

<div class=\"box\">
html block <b>words</b> &amp; more
<script>var hidden = \"script words\";</script>
</div>

<!-- a comment block -->

> <p>quoted
> html</p>

[^1]: Footnote text is prose.
";
        let p = extract_markdown(src);
        assert_eq!(
            blocks(&p),
            vec![
                (
                    BlockKind::Paragraph,
                    "Run now, see or . Photo here and kept. A claim stands."
                ),
                (BlockKind::Paragraph, "html block words & more"),
                // one `p`, as a browser shows it, though `> ` breaks up its lines
                (BlockKind::BlockQuote, "quoted html"),
                (BlockKind::Paragraph, "Footnote text is prose."),
            ]
        );
        assert_eq!(source_of(src, &p, "words & more"), "words</b> &amp; more");
        for hidden in [
            "make",
            "example",
            "shot",
            "editor",
            "secret",
            "code words",
            "script",
            "comment",
            "box",
            "^1",
        ] {
            assert!(
                !p.text.contains(hidden),
                "{hidden} leaked into {:?}",
                p.text
            );
        }
        assert_eq!(source_of(src, &p, "kept"), "kept");
    }

    #[test]
    fn escapes_and_entities_map_to_their_whole_source() {
        let src = "It&rsquo;s 5 \\* 3 &amp; more&#33;\n";
        let p = extract_markdown(src);
        assert_eq!(p.text, "It\u{2019}s 5 * 3 & more!");
        assert_eq!(source_of(src, &p, "It\u{2019}s"), "It&rsquo;s");
        // pulldown-cmark drops the backslash and starts the text at the escaped character
        assert_eq!(source_of(src, &p, "*"), "*");
        assert_eq!(source_of(src, &p, "5 * 3"), "5 \\* 3");
        assert_eq!(source_of(src, &p, "& more!"), "&amp; more&#33;");
    }

    #[test]
    fn front_matter_is_read_and_not_prose() {
        let src = "\u{feff}---\ntitle: \"Rates rise\"\nauthor: Kim\n---\n# Rates Rise Again\n\nThe bank acted.\n";
        let p = extract_markdown(src);
        assert_eq!(
            p.front_matter.get("title").map(String::as_str),
            Some("Rates rise")
        );
        assert_eq!(
            p.front_matter.get("author").map(String::as_str),
            Some("Kim")
        );
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::Headline, "Rates Rise Again"),
                (BlockKind::Paragraph, "The bank acted."),
            ]
        );
        assert_eq!(source_of(src, &p, "bank"), "bank");
        let toml = "+++\ntitle = \"T\"\n+++\nBody text.\n";
        let p = extract_markdown(toml);
        assert_eq!(p.front_matter.get("title").map(String::as_str), Some("T"));
        assert_eq!(p.text, "Body text.");
    }

    #[test]
    fn mid_document_rules_are_not_front_matter() {
        let p = extract_markdown("Para one.\n\n---\n\nPara two.\n");
        assert!(p.front_matter.is_empty());
        assert_eq!(p.text, "Para one.\n\nPara two.");
    }

    #[test]
    fn alerts_are_not_quotations() {
        let p = extract_markdown("> [!NOTE]\n> Editor's note here.\n\n> Real quote.\n");
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::Paragraph, "Editor's note here."),
                (BlockKind::BlockQuote, "Real quote."),
            ]
        );
    }

    #[test]
    fn malformed_markdown_never_panics() {
        for src in [
            "```\nunclosed fence\nstill code",
            "---\nunclosed: front matter\n",
            "+++\n",
            "[link](unclosed",
            "**unclosed bold",
            "<div>\nunclosed html",
            "| a |\n|---|\n| b | c | d |",
            "&#99999999; &#0; &bogus; \\",
            "> > > nested\n>\n> - list\n>   ```\n>   code",
            "\r\n\r\n# \r\n",
            "",
        ] {
            let p = extract_markdown(src);
            for b in &p.blocks {
                let r = p.source_range(b.range.clone());
                assert!(src.get(r).is_some(), "{src:?}");
            }
        }
        let p = extract_markdown("Text before.\n\n```\nunclosed fence\nstill code");
        assert_eq!(p.text, "Text before.");
    }

    #[test]
    fn html_blocks_spanning_lines_are_read_whole() {
        // pulldown-cmark leaves the `\r` of CRLF and container markers out of
        // an HTML block's pieces; a comment, script or tag across lines must
        // still hide all of itself.
        for src in [
            "Lede.\r\n\r\n<!-- note\r\nhidden words -->\r\n",
            "<script>\r\nvar hidden = \"words\";\r\n</script>\r\n\r\nLede.\r\n",
            "<div title=\"a\r\nhidden words\">\r\nkept <b>text</b>\r\n</div>\r\n",
            "> <!-- note\n> hidden words -->\n> Lede.\n",
            "> <div>\r\n> <script>\r\n> var hidden = 1;\r\n> </script>\r\n> kept\r\n> </div>\r\n",
            "- <div title=\"a\n  hidden\">kept\n  text</div>\n",
        ] {
            let p = extract_markdown(src);
            assert!(!p.text.contains("hidden"), "{src:?} leaked: {:?}", p.text);
            for word in p.text.split_whitespace() {
                assert_eq!(source_of(src, &p, word), word, "{src:?}");
            }
        }
        let src = "<div title=\"a\r\nhidden words\">\r\nkept <b>text</b>\r\n</div>\r\n";
        let p = extract_markdown(src);
        assert_eq!(p.text, "kept text");
        assert_eq!(source_of(src, &p, "kept text"), "kept <b>text");
        let src = "> <p>quoted\r\n> words</p>\r\n";
        let p = extract_markdown(src);
        assert_eq!(blocks(&p), vec![(BlockKind::BlockQuote, "quoted words")]);
        assert_eq!(source_of(src, &p, "quoted words"), "quoted\r\n> words");
    }

    #[test]
    fn line_breaks_in_inline_html() {
        assert!(is_line_break("<br>"));
        assert!(is_line_break("<BR/>"));
        assert!(!is_line_break("<bring>"));
        let p = extract_markdown("one<br>two\n");
        assert_eq!(p.text, "one two");
    }
}
