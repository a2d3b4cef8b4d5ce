//! HTML to prose.
//!
//! html5gum tokenizes the way a browser does (tag soup included) and gives the
//! byte span of every text run. Tree building is approximated with a stack of
//! open elements and the browser's usual implied end tags, which is all that
//! telling blocks apart needs. Entities are decoded per reference so that each
//! decoded character maps to its whole reference in the file.

use std::collections::HashMap;
use std::convert::Infallible;
use std::ops::Range;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Token, Tokenizer};

use super::writer::{Piece, Writer};
use crate::prose::{BlockKind, Prose};

/// What the tokenizer reports that matters for prose.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ev {
    Start { name: String, at: usize },
    End { name: String, at: usize },
    Text { span: Range<usize>, value: String },
}

/// Extracts the prose of an HTML document or fragment: the text of the body
/// (and the `title`, when there is no `h1`), in blocks, without scripts,
/// styles, code, attribute values or comments.
pub fn extract_html(text: &str) -> Prose {
    let mut w = Writer::new();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    extract_into(&mut w, &text[start..], start, BlockKind::Paragraph);
    w.finish()
}

/// Writes the prose of the HTML fragment `frag`, found at byte `base` of the
/// file (a whole document, or an HTML block inside Markdown), into `w`, mapped
/// to file offsets. Text outside any telling element gets block kind `outer`;
/// a block quotation around the fragment makes all of it quoted.
///
/// Returns the walk's steps (events, elements pushed and popped, lookups of
/// the open elements), which the cost tests hold linear in the input.
pub(crate) fn extract_into(w: &mut Writer, frag: &str, base: usize, outer: BlockKind) -> usize {
    let events = tokenize(frag, base);
    let has_h1 = events
        .iter()
        .any(|e| matches!(e, Ev::Start { name, .. } if name == "h1"));
    let mut walker = Walker {
        frag,
        base,
        w,
        stack: Vec::new(),
        open_at: HashMap::new(),
        skipped_open: 0,
        steps: 0,
        counted: std::cell::Cell::new(0),
        has_h1,
        outer,
    };
    for e in events {
        walker.steps += 1;
        match e {
            Ev::Start { name, at } => walker.start(&name, at),
            Ev::End { name, at } => walker.end(&name, at),
            Ev::Text { span, value } => walker.text(span, &value),
        }
    }
    // What was open closes with the fragment (an unclosed `q`, a block).
    while !walker.stack.is_empty() {
        walker.pop();
    }
    walker.w.break_block();
    walker.steps + walker.counted.get()
}

/// Tokenizes `text`, found at byte `base` of the file, into file-offset events.
fn tokenize(text: &str, base: usize) -> Vec<Ev> {
    let mut open: Option<(String, usize)> = None;
    let mut emitter = CallbackEmitter::new(
        move |event: CallbackEvent<'_>, span: Span<usize>| -> Option<Ev> {
            match event {
                CallbackEvent::OpenStartTag { name } => {
                    open = Some((
                        String::from_utf8_lossy(name).into_owned(),
                        base + span.start,
                    ));
                    None
                }
                CallbackEvent::CloseStartTag { .. } => {
                    open.take().map(|(name, at)| Ev::Start { name, at })
                }
                CallbackEvent::EndTag { name } => Some(Ev::End {
                    name: String::from_utf8_lossy(name).into_owned(),
                    at: base + span.start,
                }),
                CallbackEvent::String { value } => Some(Ev::Text {
                    span: base + span.start..base + span.end,
                    value: String::from_utf8_lossy(value).into_owned(),
                }),
                _ => None,
            }
        },
    );
    // Switches to raw-text states after `script`, `style`, `title`...: without
    // it a `<` in a script would open a tag.
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(text, emitter)
        .map(|r: Result<Ev, Infallible>| r.unwrap_or_else(|never| match never {}))
        .collect()
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose content is not prose a reader of the story sees.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "textarea"
            | "select"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "canvas"
            | "audio"
            | "video"
            | "pre"
            | "code"
            | "kbd"
            | "samp"
    )
}

/// Elements that end the paragraph before them and start a new one.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "ul"
    )
}

/// Start tags that close an open `p`, as in the HTML parsing rules.
fn closes_p(name: &str) -> bool {
    is_block(name)
        && !matches!(
            name,
            "body"
                | "br"
                | "caption"
                | "head"
                | "html"
                | "title"
                | "td"
                | "th"
                | "tr"
                | "tbody"
                | "tfoot"
                | "thead"
        )
}

const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

fn is_heading(name: &str) -> bool {
    HEADINGS.contains(&name)
}

/// Elements that may stay in `head`; any other start tag ends it.
fn head_content(name: &str) -> bool {
    matches!(
        name,
        "title"
            | "meta"
            | "link"
            | "style"
            | "script"
            | "noscript"
            | "base"
            | "template"
            | "basefont"
            | "bgsound"
    )
}

/// Elements an end tag does not search past (the parser's "scope").
fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "table" | "td" | "th" | "caption" | "html" | "template" | "object" | "marquee" | "applet"
    )
}

/// Walks the events with the stack of open elements. Every question asked of
/// the stack (is a `p` open, the innermost `li` unless a `table` is inside it)
/// is answered from `open_at` in time independent of the stack's depth: a
/// scan of the stack per event made 100,000 unclosed `<div>`s take seconds.
struct Walker<'a> {
    /// The HTML being read, and the file offset where it starts.
    frag: &'a str,
    base: usize,
    w: &'a mut Writer,
    /// Open elements, outermost first.
    stack: Vec<String>,
    /// Each open element name's indices in `stack`, innermost last.
    open_at: HashMap<String, Vec<usize>>,
    /// How many open elements are [`is_skipped`].
    skipped_open: usize,
    /// Events walked plus elements pushed and popped (see [`extract_into`]).
    steps: usize,
    /// Lookups of the stack, added to `steps` at the end.
    counted: std::cell::Cell<usize>,
    has_h1: bool,
    outer: BlockKind,
}

impl Walker<'_> {
    /// Index of the innermost open `name`. Every question asked of the
    /// stack goes through here and counts a step.
    fn innermost(&self, name: &str) -> Option<usize> {
        self.counted.set(self.counted.get() + 1);
        self.open_at.get(name).and_then(|at| at.last().copied())
    }

    /// Index of the innermost open element of any of `names`.
    fn innermost_of(&self, names: &[&str]) -> Option<usize> {
        names.iter().filter_map(|n| self.innermost(n)).max()
    }

    fn open(&self, name: &str) -> bool {
        self.innermost(name).is_some()
    }

    fn skipping(&self) -> bool {
        self.skipped_open > 0
    }

    fn push(&mut self, name: &str) {
        self.steps += 1;
        self.open_at
            .entry(name.to_owned())
            .or_default()
            .push(self.stack.len());
        self.skipped_open += usize::from(is_skipped(name));
        self.stack.push(name.to_owned());
    }

    /// Pops elements down to and including the innermost `name`, if open.
    fn pop_to(&mut self, name: &str) {
        if let Some(i) = self.innermost(name) {
            while self.stack.len() > i {
                self.pop();
            }
        }
    }

    fn pop(&mut self) {
        let Some(n) = self.stack.pop() else { return };
        self.steps += 1;
        if let Some(at) = self.open_at.get_mut(&n) {
            at.pop();
        }
        self.skipped_open -= usize::from(is_skipped(&n));
        if n == "q" {
            self.w.end_quote();
        }
    }

    /// Index of the innermost open element matching `want`, unless one of
    /// `stop` is open inside it.
    fn find_within(&self, want: &[&str], stop: &[&str]) -> Option<usize> {
        let found = self.innermost_of(want)?;
        match self.innermost_of(stop) {
            Some(s) if s > found => None,
            _ => Some(found),
        }
    }

    fn close_within(&mut self, want: &[&str], stop: &[&str]) {
        if let Some(i) = self.find_within(want, stop) {
            while self.stack.len() > i {
                self.pop();
            }
        }
    }

    fn start(&mut self, name: &str, at: usize) {
        if self.open("head") && !head_content(name) {
            self.pop_to("head");
        }
        if closes_p(name) {
            self.close_within(
                &["p"],
                &["table", "td", "th", "caption", "button", "html", "template"],
            );
        }
        match name {
            "li" => self.close_within(&["li"], &["ul", "ol", "menu", "table"]),
            "dd" | "dt" => self.close_within(&["dd", "dt"], &["dl", "table"]),
            "td" | "th" => self.close_within(&["td", "th"], &["tr", "table"]),
            "tr" => self.close_within(&["tr"], &["table"]),
            "tbody" | "thead" | "tfoot" => {
                self.close_within(&["tbody", "thead", "tfoot"], &["table"])
            }
            // A heading cannot hold another: the browser closes the first.
            _ if is_heading(name) && self.stack.last().is_some_and(|n| is_heading(n)) => {
                self.pop();
            }
            _ => {}
        }
        if name == "br" && self.in_heading() {
            // A line break inside a headline is layout, not a second headline.
            self.w.separator(at);
        } else if is_block(name) {
            self.w.break_block();
        } else if (is_skipped(name) || name == "img") && !self.skipping() {
            self.w.separator(at);
        }
        if !is_void(name) {
            self.push(name);
            if name == "q" {
                self.w.begin_quote();
            }
        }
    }

    fn in_heading(&self) -> bool {
        self.innermost_of(&HEADINGS).is_some()
    }

    fn end(&mut self, name: &str, at: usize) {
        match name {
            // Browsers read `</br>` as `<br>` and `</p>` with no `p` open as `<p></p>`.
            "br" => return self.start("br", at),
            "p" if !self.open("p") => return self.w.break_block(),
            // Text after `</body>` or `</html>` still belongs to the body.
            "body" | "html" => return self.w.break_block(),
            _ => {}
        }
        let table_part = matches!(
            name,
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption"
        );
        let stop: &[&str] = if table_part {
            &["table", "html", "template"]
        } else {
            &[
                "table", "td", "th", "caption", "html", "template", "object", "marquee", "applet",
            ]
        };
        let found = if name == "table" || !table_part && is_scope_boundary(name) {
            self.innermost(name)
        } else {
            self.find_within(&[name], stop)
        };
        if let Some(i) = found {
            while self.stack.len() > i {
                self.pop();
            }
            if is_block(name) {
                self.w.break_block();
            }
        }
    }

    fn text(&mut self, span: Range<usize>, value: &str) {
        if self.skipping() {
            return;
        }
        if self.open("title") {
            if !self.has_h1 {
                let pieces = decode_run(self.frag, self.base, span, value);
                self.w.push_run(&pieces, BlockKind::Headline, true);
            }
            return;
        }
        if self.open("head") {
            if value.trim_ascii().is_empty() {
                return;
            }
            // Text cannot live in `head`: the browser ends it and starts the body.
            self.pop_to("head");
        }
        let kind = self.kind();
        let pieces = decode_run(self.frag, self.base, span, value);
        self.w.push_run(&pieces, kind, true);
    }

    fn kind(&self) -> BlockKind {
        if self.outer == BlockKind::BlockQuote || self.open("blockquote") {
            return BlockKind::BlockQuote;
        }
        let Some(i) = self.innermost_of(&["h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th"])
        else {
            return self.outer;
        };
        match self.stack[i].as_str() {
            "h1" => BlockKind::Headline,
            "li" => BlockKind::ListItem,
            "td" | "th" => BlockKind::TableCell,
            _ => BlockKind::Heading,
        }
    }
}

/// Splits the source of a text run (at file offsets `span`, in `frag`, which
/// starts at file offset `base`) into verbatim stretches and decoded
/// character references. `value` is the tokenizer's decoding of the run; if
/// ours disagrees, the run becomes one piece standing for its whole span.
fn decode_run<'a>(frag: &'a str, base: usize, span: Range<usize>, value: &str) -> Vec<Piece<'a>> {
    let Some(raw) = frag.get(span.start - base..span.end - base) else {
        return Vec::new();
    };
    let mut pieces = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    let bytes = raw.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'&' => {
                if let Some((len, decoded)) = char_ref(&raw[i..]) {
                    if plain_start < i {
                        pieces.push(Piece::verbatim(
                            &raw[plain_start..i],
                            span.start + plain_start,
                        ));
                    }
                    let at = span.start + i;
                    pieces.push(Piece::replacement(decoded, at..at + len));
                    i += len;
                    plain_start = i;
                    continue;
                }
            }
            // The tokenizer keeps NUL in text and the tree builder drops it.
            b'\0' => {
                if plain_start < i {
                    pieces.push(Piece::verbatim(
                        &raw[plain_start..i],
                        span.start + plain_start,
                    ));
                }
                plain_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if plain_start < raw.len() {
        pieces.push(Piece::verbatim(
            &raw[plain_start..],
            span.start + plain_start,
        ));
    }
    let ours: String = pieces.iter().map(|p| p.text.as_ref()).collect();
    if normalize(&ours) == normalize(value) {
        return pieces;
    }
    // Coarse but never wrong: each word stands for the whole run.
    let mut coarse = Vec::new();
    for (i, word) in value.split_ascii_whitespace().enumerate() {
        if i > 0 {
            coarse.push(Piece::replacement(" ", span.clone()));
        }
        coarse.push(Piece::replacement(word.to_owned(), span.clone()));
    }
    coarse
}

/// Text as compared between our decoding and the tokenizer's: line breaks
/// normalized as HTML does, NUL dropped.
fn normalize(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace(['\0', '\u{fffd}'], "")
}

/// Longest run of source that can hold one character reference.
const MAX_REF_LEN: usize = 48;

/// Decodes the character reference at the start of `s` (which starts with
/// `&`), returning its length in the source and what it stands for; `None`
/// when the `&` is literal.
///
/// The reference alone is handed to the tokenizer, so the decoding and the
/// legacy rules (`&amp` without `;`, `&notit;` read as `¬it;`) are the
/// browser's. What follows the reference comes back unchanged, which tells
/// where the reference ends.
fn char_ref(s: &str) -> Option<(usize, String)> {
    let mut end = s[1..]
        .find(|c: char| c == '&' || c == '<' || c.is_ascii_whitespace())
        .map_or(s.len(), |i| i + 1);
    end = end.min(MAX_REF_LEN);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let probe = &s[..end];
    if probe.len() < 2 {
        return None;
    }
    let mut out = String::new();
    for token in Tokenizer::new(probe).flatten() {
        if let Token::String(v) = token {
            out.push_str(&String::from_utf8_lossy(&v));
        }
    }
    if out == probe {
        return None;
    }
    // The unchanged tail is a common suffix; the decoded part keeps at least one char.
    let (p, o) = (probe.as_bytes(), out.as_bytes());
    let mut tail = 0;
    while tail < o.len().saturating_sub(1)
        && tail < p.len() - 1
        && p[p.len() - 1 - tail] == o[o.len() - 1 - tail]
    {
        tail += 1;
    }
    while tail > 0
        && !(out.is_char_boundary(out.len() - tail) && probe.is_char_boundary(probe.len() - tail))
    {
        tail -= 1;
    }
    let len = probe.len() - tail;
    (len >= 2).then(|| (len, out[..out.len() - tail].to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::{blocks, source_of};

    /// Steps of walking `src` (see [`extract_into`]).
    fn steps(src: &str) -> usize {
        extract_into(&mut Writer::new(), src, 0, BlockKind::Paragraph)
    }

    #[test]
    fn walking_costs_steps_linear_in_the_input_however_deep_the_nesting() {
        // Each used to scan every open element per event: quadratic.
        let shapes: [fn(usize) -> String; 4] = [
            |n| "<div>".repeat(n) + "Critics say so.",
            |n| "<ul><li><table>".to_string() + &"<div>".repeat(n) + &"<li>x".repeat(n),
            |n| "<p><q>".repeat(n) + &"</q>".repeat(n),
            |n| "<h2><li><td><span>".repeat(n) + &"text ".repeat(n),
        ];
        for (i, shape) in shapes.iter().enumerate() {
            let (small, big) = (steps(&shape(2_000)), steps(&shape(8_000)));
            assert!(small > 2_000, "shape {i}: {small}");
            // Four times the input, four times the steps (give or take the ends).
            assert!(big <= 4 * small + 100, "shape {i}: {small} -> {big}");
        }
    }

    #[test]
    fn thousands_of_quoted_attributes_fit_a_small_stack() {
        // html5gum 0.9.0 recursed once per `name="value"` attribute: 8,000 of
        // them overflowed a worker thread's stack (see vendor/html5gum).
        let attrs: String = (0..20_000).map(|i| format!(" a{i}=\"v\"")).collect();
        let src = format!("<p{attrs}>Critics say so.</p><p{attrs}/>");
        let text = std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(move || extract_html(&src).text)
            .unwrap()
            .join()
            .expect("no stack overflow");
        assert_eq!(text, "Critics say so.");
    }

    #[test]
    fn char_refs_decode_like_a_browser() {
        assert_eq!(char_ref("&amp; x"), Some((5, "&".into())));
        assert_eq!(char_ref("&rsquo;s"), Some((7, "\u{2019}".into())));
        assert_eq!(char_ref("&#8217;"), Some((7, "\u{2019}".into())));
        assert_eq!(char_ref("&#x2019;"), Some((8, "\u{2019}".into())));
        assert_eq!(char_ref("&#x30"), Some((5, "0".into())));
        assert_eq!(char_ref("&#59;9;"), Some((5, ";".into())));
        assert_eq!(char_ref("&semi;;"), Some((6, ";".into())));
        assert_eq!(char_ref("&nbsp;"), Some((6, "\u{a0}".into())));
        assert_eq!(char_ref("&amp"), Some((4, "&".into())));
        assert_eq!(char_ref("&ampfoo"), Some((4, "&".into())));
        assert_eq!(char_ref("&notit;"), Some((4, "\u{ac}".into())));
        assert_eq!(
            char_ref("&NotEqualTilde;"),
            Some((15, "\u{2242}\u{338}".into()))
        );
        assert_eq!(char_ref("&#0;"), Some((4, "\u{fffd}".into())));
        assert_eq!(char_ref("&#128;"), Some((6, "\u{20ac}".into())));
        assert_eq!(char_ref("&nosuch;"), None);
        assert_eq!(char_ref("& x"), None);
        assert_eq!(char_ref("&"), None);
        assert_eq!(char_ref("&#;"), None);
    }

    #[test]
    fn document_structure() {
        let src = "<!DOCTYPE html>
<html><head><meta charset=utf-8><title>Site | Story</title>
<style>p { color: red }</style><script>var said = 'x';</script></head>
<body>
<h1>Mayor&rsquo;s Plan Stalls</h1>
<p class=\"lede\">The plan <b>stalled</b> on Monday, <a href=\"https://example.org/x\" title=\"not prose\">officials</a> said.</p>
<h2>Reaction</h2>
<blockquote><p>It is a setback,</p><p>she said.</p></blockquote>
<ul><li>One<li>Two</ul>
<table><tr><th>Ward<th>Votes<tr><td>North<td>12</table>
<pre>code block words</pre>
<p>She called it <q>a pause, not an end</q>.<br>Second line.
<!-- hidden comment -->
</body></html>";
        let p = extract_html(src);
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::Headline, "Mayor\u{2019}s Plan Stalls"),
                (
                    BlockKind::Paragraph,
                    "The plan stalled on Monday, officials said."
                ),
                (BlockKind::Heading, "Reaction"),
                (BlockKind::BlockQuote, "It is a setback,"),
                (BlockKind::BlockQuote, "she said."),
                (BlockKind::ListItem, "One"),
                (BlockKind::ListItem, "Two"),
                (BlockKind::TableCell, "Ward"),
                (BlockKind::TableCell, "Votes"),
                (BlockKind::TableCell, "North"),
                (BlockKind::TableCell, "12"),
                (BlockKind::Paragraph, "She called it a pause, not an end."),
                (BlockKind::Paragraph, "Second line."),
            ]
        );
        assert_eq!(source_of(src, &p, "Mayor\u{2019}s"), "Mayor&rsquo;s");
        assert_eq!(source_of(src, &p, "officials said"), "officials</a> said");
        assert_eq!(p.quote_ranges.len(), 1);
        assert_eq!(&p.text[p.quote_ranges[0].clone()], "a pause, not an end");
        assert_eq!(
            &src[p.source_range(p.quote_ranges[0].clone())],
            "a pause, not an end"
        );
        for hidden in [
            "Site",
            "color",
            "said =",
            "not prose",
            "code block",
            "hidden",
            "example",
        ] {
            assert!(
                !p.text.contains(hidden),
                "{hidden} leaked into {:?}",
                p.text
            );
        }
    }

    #[test]
    fn title_is_the_headline_without_h1() {
        let src = "<html><head><title>Water &amp; Power Deal</title></head><body><p>Text.</p><h2>Sub</h2></body></html>";
        let p = extract_html(src);
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::Headline, "Water & Power Deal"),
                (BlockKind::Paragraph, "Text."),
                (BlockKind::Heading, "Sub"),
            ]
        );
        assert_eq!(source_of(src, &p, "Water & Power"), "Water &amp; Power");
    }

    #[test]
    fn entities_and_whitespace_map_to_source() {
        let src = "<p>Caf\u{e9}&nbsp;owners&#8217;\n   union &amp co &lt;said&gt;</p>";
        let p = extract_html(src);
        assert_eq!(p.text, "Caf\u{e9} owners\u{2019} union & co <said>");
        assert_eq!(
            source_of(src, &p, "Caf\u{e9} owners"),
            "Caf\u{e9}&nbsp;owners"
        );
        assert_eq!(
            source_of(src, &p, "owners\u{2019} union"),
            "owners&#8217;\n   union"
        );
        assert_eq!(source_of(src, &p, "& co"), "&amp co");
        assert_eq!(source_of(src, &p, "<said>"), "&lt;said&gt;");
    }

    #[test]
    fn fragments_and_tag_soup() {
        let p = extract_html("Loose text <p>para one<p>para two<div>in div</b></i> tail");
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::Paragraph, "Loose text"),
                (BlockKind::Paragraph, "para one"),
                (BlockKind::Paragraph, "para two"),
                (BlockKind::Paragraph, "in div tail"),
            ]
        );
        let src = "<p>a < b and c<d, x &y; & z</p><script>if (a < b) { x('</p>'); }";
        let p = extract_html(src);
        assert_eq!(p.text, "a < b and c");
        let p = extract_html("<p>unclosed <b>bold <i>italic");
        assert_eq!(p.text, "unclosed bold italic");
        let p = extract_html("<p>stray <");
        assert_eq!(p.text, "stray <");
    }

    #[test]
    fn head_text_starts_the_body() {
        let p = extract_html("<head><meta charset=utf-8>Hello there<p>Next</p>");
        assert_eq!(p.text, "Hello there\n\nNext");
        let p = extract_html(
            "<html><head><link rel=x></head><body>Body <noscript>enable js</noscript>text</body>",
        );
        assert_eq!(p.text, "Body text");
    }

    #[test]
    fn headline_line_breaks_and_multiple_h1() {
        let p = extract_html("<h1>Flood Waters<br>Recede</h1><p>x</p><h1>Another</h1>");
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::Headline, "Flood Waters Recede"),
                (BlockKind::Paragraph, "x"),
                (BlockKind::Heading, "Another"),
            ]
        );
    }

    #[test]
    fn urls_in_text_are_skipped() {
        let p = extract_html("<p>Details at https://example.org/report?a=1&amp;b=2 later.</p>");
        assert_eq!(p.text, "Details at later.");
    }

    #[test]
    fn malformed_input_never_panics_and_maps_inside_the_text() {
        for src in [
            "<",
            "&",
            "<p",
            "<p class=\"unterminated>text",
            "<!-- unclosed comment",
            "<![CDATA[x]]>after",
            "<title>unclosed title",
            "<script>unclosed",
            "&#xFFFFFFFF; &#55296; &#x0;",
            "<q>never closed <p>next",
            "\u{feff}<p>bom</p>",
            "<p>\0nul\0</p>",
            "<svg><title>icon</title><text>drawn</text></svg>after",
            "text\r\nwith\rcr",
        ] {
            let p = extract_html(src);
            for b in &p.blocks {
                let r = p.source_range(b.range.clone());
                assert!(src.get(r.clone()).is_some(), "{src:?} {r:?}");
            }
        }
        assert_eq!(
            extract_html("<svg><title>icon</title></svg>after").text,
            "after"
        );
        assert_eq!(extract_html("<p>\0nul\0</p>").text, "nul");
        let bom = "\u{feff}<p>bom</p>";
        let p = extract_html(bom);
        assert_eq!(p.text, "bom");
        assert_eq!(p.source_range(0..3), 6..9);
    }
}
