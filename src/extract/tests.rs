//! Fixture stories in every format, and generated documents checked word by
//! word: every word of the prose must map to exactly its own source bytes,
//! never into code, tags, URLs, comments or front matter.

use std::ops::Range;

use super::docx::tests::{CONTENT_TYPES, package};
use super::*;
use crate::prose::BlockKind;

fn fixture_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    let path = fixture_path(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each block's kind and prose text (shared by the extractors' unit tests).
pub(crate) fn blocks(p: &Prose) -> Vec<(BlockKind, &str)> {
    p.blocks
        .iter()
        .map(|b| (b.kind, &p.text[b.range.clone()]))
        .collect()
}

/// Where the first occurrence of `needle` in the prose comes from.
pub(crate) fn source_of<'a>(src: &'a str, p: &Prose, needle: &str) -> &'a str {
    let at = p
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", p.text));
    &src[p.source_range(at..at + needle.len())]
}

use BlockKind::{BlockQuote, Heading, Headline, ListItem, Paragraph, TableCell};

#[test]
fn markdown_story() {
    let src = String::from_utf8(fixture("story.md")).unwrap();
    let p = extract_text(InputFormat::Markdown, &src);
    assert_eq!(
        blocks(&p),
        vec![
            (
                Headline,
                "Harbor Bridge Repairs to Close Two Lanes Through March"
            ),
            (
                Paragraph,
                "Commuters crossing the Harbor Bridge should expect longer waits starting Monday, when crews close two of the span's four lanes for deck repairs, the city's transportation department said."
            ),
            (
                Paragraph,
                "The work follows an inspection last spring that found corrosion in steel supports beneath the eastbound deck. Officials said the bridge remains safe."
            ),
            (
                BlockQuote,
                "The structure is sound, but the deck has reached the end of its service life, and we would rather fix it on our schedule than on the weather's."
            ),
            (
                Paragraph,
                "That was the assessment of chief engineer Dana Ruiz, who oversees the project. Repairs are expected to cost $14.2 million \u{2014} paid mostly by a state grant."
            ),
            (Heading, "What drivers can do"),
            (ListItem, "Leave 15 minutes earlier during the morning peak"),
            (
                ListItem,
                "Use the Ferry Street crossing, which will stay fully open"
            ),
            (ListItem, "Check live conditions at before leaving"),
            (TableCell, "Phase"),
            (TableCell, "Dates"),
            (TableCell, "Lanes open"),
            (TableCell, "One"),
            (TableCell, "Jan 8 \u{2013} Feb 9"),
            (TableCell, "Two"),
            (TableCell, "Two"),
            (TableCell, "Feb 12 \u{2013} Mar 29"),
            (TableCell, "Three"),
            (
                Paragraph,
                "Critics say the city waited too long. \"We warned them in 2019,\" said Omar Haddad, who chairs the riverside neighborhood association."
            ),
            (Paragraph, "Ruiz spoke at a briefing on Thursday."),
        ]
    );
    let fm: Vec<(&str, &str)> = p
        .front_matter
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        fm,
        vec![
            ("author.desk", "Metro"),
            ("author.name", "Priya Natarajan"),
            ("slug", "harbor-bridge-lanes"),
            ("tags", "transport, infrastructure"),
            (
                "title",
                "Harbor Bridge repairs to close two lanes through March"
            ),
        ]
    );
    assert_eq!(source_of(&src, &p, "longer waits"), "longer waits");
    assert_eq!(
        source_of(&src, &p, "expect longer waits starting Monday"),
        "expect **longer waits** starting\nMonday"
    );
    assert_eq!(
        source_of(&src, &p, "department said"),
        "department](https://example.org/transport \"Dept. site\") said"
    );
    assert_eq!(
        source_of(&src, &p, "million \u{2014} paid"),
        "million &mdash; paid"
    );
    assert_eq!(source_of(&src, &p, "life, and"), "life,\n> and");
    assert_every_word_maps(&src, &p, &[]);
}

#[test]
fn html_story() {
    let src = String::from_utf8(fixture("story.html")).unwrap();
    let p = extract_text(InputFormat::Html, &src);
    assert_eq!(
        blocks(&p),
        vec![
            (Paragraph, "Home \u{b7} Local"),
            (Headline, "Library Hours Cut at Three Branches"),
            (Paragraph, "By Tom\u{e1}s Lindqvist"),
            (
                Paragraph,
                "Three neighborhood libraries will close on Sundays beginning next month, the county\u{2019}s library board decided Tuesday in a 4\u{2013}3 vote."
            ),
            (
                Paragraph,
                "The board said the change would save about $310,000 a year. Branch staff will not lose jobs, according to a memo released after the vote."
            ),
            (
                Paragraph,
                "Patrons at the Eastside branch were unhappy. One, a retired teacher, called the decision a step backward for a neighborhood that needs more, not less."
            ),
            (Heading, "Board divided"),
            (
                BlockQuote,
                "We looked at every alternative. This was the least painful option."
            ),
            (
                Paragraph,
                "Board member Alice Okafor, who voted no, said she would propose restoring the hours in the spring budget."
            ),
            (Paragraph, "Two other members did not respond."),
            (ListItem, "Eastside Branch & Annex"),
            (ListItem, "Millbrook Branch"),
            (ListItem, "North Hill Branch"),
            (TableCell, "Branch"),
            (TableCell, "Sunday visits"),
            (TableCell, "Eastside"),
            (TableCell, "1,240"),
            (Paragraph, "The Eastside branch."),
        ]
    );
    let quotes: Vec<&str> = p.quote_ranges.iter().map(|r| &p.text[r.clone()]).collect();
    assert_eq!(
        quotes,
        ["a step backward for a neighborhood that needs more, not less"]
    );
    assert_eq!(source_of(&src, &p, "county\u{2019}s"), "county&rsquo;s");
    assert_eq!(
        source_of(&src, &p, "memo released"),
        "memo\n       <a href=\"https://example.org/memo.pdf\" title=\"memo (PDF)\">released"
    );
    assert_eq!(source_of(&src, &p, "Tom\u{e1}s"), "Tom\u{e1}s");
    assert_every_word_maps(&src, &p, &[]);
}

/// The Word fixture's document part: styles, tracked changes, a comment, a
/// footnote, a field, a table and a list, as Word writes them.
fn docx_story_document() -> String {
    let p = |style: &str, runs: &str| {
        let ppr = if style.is_empty() {
            String::new()
        } else {
            format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
        };
        format!(r#"<w:p>{ppr}{runs}</w:p>"#)
    };
    let r = |text: &str| format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#);
    let body = [
        p("Title", &r("Water Main Break Floods Downtown Streets")),
        p("Subtitle", &r("Crews expect repairs to last into the weekend")),
        p(
            "",
            &[
                r("A 90-year-old water main ruptured early Wednesday, sending water "),
                r#"<w:del w:id="1" w:author="Copy Desk" w:date="2024-03-06T09:00:00Z"><w:r><w:delText>gushing </w:delText></w:r></w:del>"#.to_owned(),
                r#"<w:ins w:id="2" w:author="Copy Desk" w:date="2024-03-06T09:00:00Z"><w:r><w:t xml:space="preserve">knee-deep </w:t></w:r></w:ins>"#.to_owned(),
                r("through four blocks of the business district, the utility said."),
                r#"<w:r><w:commentReference w:id="0"/></w:r>"#.to_owned(),
            ]
            .concat(),
        ),
        p("Heading1", &r("Businesses Close")),
        p(
            "",
            &[
                r("At least a dozen shops closed for the day."),
                r#"<w:r><w:footnoteReference w:id="1"/></w:r>"#.to_owned(),
                r(" Owners were told service would return by Friday"),
                r#"<w:r><w:tab/></w:r>"#.to_owned(),
                r("\u{2014} though some doubted it."),
            ]
            .concat(),
        ),
        p(
            "Quote",
            &r("We had six inches of water in the stockroom by seven o&#8217;clock."),
        ),
        p(
            "",
            &[
                r("Updates are posted on the utility\u{2019}s "),
                r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/outages" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#.to_owned(),
                r("outage page"),
                r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#.to_owned(),
                r(" &amp; on local radio."),
            ]
            .concat(),
        ),
        p("", ""),
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Street</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Status</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Main St</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Closed</w:t><w:br/><w:t>until Friday</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_owned(),
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Boil tap water before drinking</w:t></w:r></w:p>"#.to_owned(),
        r#"<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr>"#.to_owned(),
    ]
    .concat();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}</w:body></w:document>"#
    )
}

/// The whole `.docx` package of the Word fixture.
fn docx_story() -> Vec<u8> {
    let document = docx_story_document();
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>"#;
    let styles = r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style></w:styles>"#;
    let comments = r#"<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Editor"><w:p><w:r><w:t>Which utility spokesperson said this?</w:t></w:r></w:p></w:comment></w:comments>"#;
    let footnotes = r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>Count from the downtown business association.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
    let content_types = CONTENT_TYPES.replace(
        "</Types>",
        r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>"#,
    );
    package(&[
        ("[Content_Types].xml", &content_types),
        ("_rels/.rels", root_rels),
        ("word/document.xml", &document),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/styles.xml", styles),
        ("word/comments.xml", comments),
        ("word/footnotes.xml", footnotes),
    ])
}

/// Regenerates `story.docx` with `NEWSLINT_WRITE_FIXTURES=1 cargo test --lib
/// extract::tests::docx_story`; otherwise checks the committed file.
#[test]
fn docx_story_fixture() {
    let generated = docx_story();
    if std::env::var_os("NEWSLINT_WRITE_FIXTURES").is_some() {
        std::fs::write(fixture_path("story.docx"), &generated).unwrap();
    }
    let committed = extract_docx(&fixture("story.docx")).unwrap();
    let fresh = extract_docx(&generated).unwrap();
    assert_eq!(
        committed.text, fresh.text,
        "story.docx is stale: regenerate it"
    );
    assert_eq!(committed.blocks, fresh.blocks);
    let p = committed;
    assert!(p.paragraph_numbers);
    assert_eq!(
        blocks(&p),
        vec![
            (Headline, "Water Main Break Floods Downtown Streets"),
            (Heading, "Crews expect repairs to last into the weekend"),
            (
                Paragraph,
                "A 90-year-old water main ruptured early Wednesday, sending water knee-deep through four blocks of the business district, the utility said."
            ),
            (Heading, "Businesses Close"),
            (
                Paragraph,
                "At least a dozen shops closed for the day. Owners were told service would return by Friday \u{2014} though some doubted it."
            ),
            (
                BlockQuote,
                "We had six inches of water in the stockroom by seven o\u{2019}clock."
            ),
            (
                Paragraph,
                "Updates are posted on the utility\u{2019}s outage page & on local radio."
            ),
            (TableCell, "Street"),
            (TableCell, "Status"),
            (TableCell, "Main St"),
            (TableCell, "Closed\nuntil Friday"),
            (ListItem, "Boil tap water before drinking"),
        ]
    );
    // Prose offsets are offsets in the extracted text: each block maps to itself.
    for b in &p.blocks {
        assert_eq!(p.source_range(b.range.clone()), b.range);
    }
    for hidden in [
        "gushing",
        "spokesperson",
        "association",
        "HYPERLINK",
        "12240",
    ] {
        assert!(!p.text.contains(hidden), "{hidden} leaked");
    }
}

/// Checks that every word of the prose maps to source bytes that read as
/// that word (directly, or through entities and escapes), on char
/// boundaries, outside every `forbidden` range.
fn assert_every_word_maps(src: &str, p: &Prose, forbidden: &[Range<usize>]) {
    let mut at = 0;
    for word in p.text.split_whitespace() {
        let start = at + p.text[at..].find(word).unwrap();
        at = start + word.len();
        let r = p.source_range(start..at);
        let slice = src
            .get(r.clone())
            .unwrap_or_else(|| panic!("{word:?} maps to {r:?}, not on char boundaries"));
        assert_eq!(
            decode_markup(slice),
            word,
            "{word:?} maps to {slice:?} at {r:?}"
        );
        for f in forbidden {
            assert!(
                r.end <= f.start || f.end <= r.start,
                "{word:?} at {r:?} overlaps forbidden {f:?} {:?}",
                &src[f.clone()]
            );
        }
    }
    for q in &p.quote_ranges {
        assert!(
            p.blocks
                .iter()
                .any(|b| b.range.start <= q.start && q.end <= b.range.end)
        );
    }
}

/// Reads a source slice as a reader would: tags dropped, escapes and the
/// entities the tests use decoded, white space collapsed.
fn decode_markup(slice: &str) -> String {
    const ENTITIES: [(&str, &str); 15] = [
        ("&amp;", "&"),
        ("&amp", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&rsquo;", "\u{2019}"),
        ("&#8217;", "\u{2019}"),
        ("&#x2019;", "\u{2019}"),
        ("&mdash;", "\u{2014}"),
        ("&ndash;", "\u{2013}"),
        ("&eacute;", "\u{e9}"),
        ("&nbsp;", " "),
        ("&middot;", "\u{b7}"),
        ("&#33;", "!"),
        ("&#x1F642;", "\u{1f642}"),
    ];
    let mut out = String::new();
    let mut rest = slice;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && rest[1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/')
            && let Some(end) = rest.find('>')
        {
            rest = &rest[end + 1..];
            continue;
        }
        if c == '\\' && rest[1..].starts_with(|n: char| n.is_ascii_punctuation()) {
            rest = &rest[1..];
            continue;
        }
        if let Some((e, d)) = ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            out.push_str(d);
            rest = &rest[e.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A generated document: its source, the words a reader sees, in order, and
/// the source ranges no word may map into.
#[derive(Default)]
struct Doc {
    src: String,
    words: Vec<String>,
    forbidden: Vec<Range<usize>>,
    rng: u64,
}

/// Plain words, some with multi-byte characters.
const WORDS: [&str; 16] = [
    "council",
    "voted",
    "budget",
    "caf\u{e9}",
    "na\u{ef}ve",
    "Zo\u{eb}",
    "rose",
    "officials",
    "said",
    "\u{201c}maybe\u{201d}",
    "r\u{e9}sum\u{e9}",
    "2024",
    "$14.2",
    "year\u{2019}s",
    "\u{6771}\u{4eac}",
    "smile\u{1f642}",
];

/// Words written with entities or escapes: (source, what a reader sees).
const MD_CODED: [(&str, &str); 6] = [
    ("caf&eacute;", "caf\u{e9}"),
    ("it&rsquo;s", "it\u{2019}s"),
    ("&amp;", "&"),
    ("5&#33;", "5!"),
    ("\\*", "*"),
    ("a\\_b", "a_b"),
];

const HTML_CODED: [(&str, &str); 8] = [
    ("caf&eacute;", "caf\u{e9}"),
    ("it&rsquo;s", "it\u{2019}s"),
    ("it&#8217;s", "it\u{2019}s"),
    ("&amp;", "&"),
    ("&amp", "&"),
    ("4&ndash;3", "4\u{2013}3"),
    ("&lt;b&gt;", "<b>"),
    ("ok&#x1F642;", "ok\u{1f642}"),
];

impl Doc {
    fn new(seed: u64) -> Self {
        Self {
            rng: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            ..Self::default()
        }
    }

    fn roll(&mut self, n: usize) -> usize {
        // xorshift64*: deterministic, no dependency.
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        (self.rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }

    /// Markup: neither seen nor forbidden (emphasis markers, tags around words).
    fn raw(&mut self, s: &str) {
        self.src.push_str(s);
    }

    /// Material no word may map into.
    fn hidden(&mut self, s: &str) {
        let start = self.src.len();
        self.src.push_str(s);
        self.forbidden.push(start..self.src.len());
    }

    fn seen(&mut self, src: &str, word: &str) {
        self.src.push_str(src);
        self.words.push(word.to_owned());
    }

    fn word(&mut self, coded: &[(&str, &str)]) {
        if !coded.is_empty() && self.roll(4) == 0 {
            let (s, w) = coded[self.roll(coded.len())];
            self.seen(s, w);
        } else {
            let w = WORDS[self.roll(WORDS.len())];
            self.seen(w, w);
        }
    }

    fn check(&self, p: &Prose) {
        let got: Vec<&str> = p.text.split_whitespace().collect();
        assert_eq!(got, self.words, "source:\n{}", self.src);
        assert_every_word_maps(&self.src, p, &self.forbidden);
        for b in &p.blocks {
            let r = p.source_range(b.range.clone());
            assert!(self.src.get(r).is_some(), "source:\n{}", self.src);
        }
    }
}

/// Inline Markdown: words, emphasis, links, code, URLs, HTML, footnote marks.
fn md_inline(d: &mut Doc, soft_break: &str) {
    let n = 1 + d.roll(8);
    for i in 0..n {
        let mut line_start = i == 0;
        if i > 0 {
            match d.roll(8) {
                0 if !soft_break.is_empty() => {
                    d.raw(soft_break);
                    line_start = true;
                }
                1 => d.raw("&nbsp;"),
                _ => d.raw(" "),
            }
        }
        // No line opens with raw HTML: CommonMark would read an HTML block.
        match if line_start { 99 } else { d.roll(14) } {
            0 => {
                d.raw("**");
                d.word(&MD_CODED);
                d.raw(" ");
                d.word(&MD_CODED);
                d.raw("**");
            }
            1 => {
                d.raw("_");
                d.word(&[]);
                d.raw("_");
            }
            2 => {
                d.raw("[");
                d.word(&MD_CODED);
                d.raw(" ");
                d.word(&[]);
                d.hidden("](https://zq.example/p?a=1&b=2 \"zq title\")");
            }
            3 => d.hidden("`zq code`"),
            4 => d.hidden("<https://zq.example/auto>"),
            5 => d.hidden("https://zq.example/bare_(x)"),
            6 => d.hidden("www.zq-example.org/page"),
            7 => d.hidden("<span class=\"zq\">"),
            8 => d.hidden("<!-- zq note -->"),
            9 => d.hidden("![zq alt](zq.png)"),
            10 => d.hidden("[^zq]"),
            _ => d.word(&MD_CODED),
        }
    }
}

fn markdown_doc(seed: u64) -> Doc {
    let mut d = Doc::new(seed);
    match d.roll(3) {
        0 => d.hidden("---\ntitle: \"zq words\"\ntags: [zq]\n---\n"),
        1 => d.hidden("+++\ntitle = \"zq words\"\n+++\n"),
        _ => {}
    }
    let mut last_list = false;
    for _ in 0..1 + d.roll(7) {
        d.raw("\n");
        let kind = d.roll(12);
        match kind {
            0 => {
                let level = 1 + d.roll(3);
                d.raw(&"#".repeat(level));
                d.raw(" ");
                md_inline(&mut d, "");
            }
            1 => {
                for _ in 0..1 + d.roll(3) {
                    let marker = ["- ", "* ", "1. "][d.roll(3)];
                    d.raw(marker);
                    md_inline(&mut d, "");
                    d.raw("\n");
                }
            }
            2 => {
                d.raw("> ");
                md_inline(&mut d, "\n> ");
            }
            3 => {
                d.raw("| ");
                d.word(&[]);
                d.raw(" | ");
                d.word(&MD_CODED);
                d.raw(" |\n|---|:--:|\n| ");
                md_inline(&mut d, "");
                d.raw(" | ");
                d.word(&[]);
                d.raw(" |\n");
            }
            4 => d.hidden("```text\nzq code `x` <b>\n```"),
            5 if !last_list => d.hidden("    zq indented code"),
            6 => {
                d.hidden("<div class=\"zq\">\n");
                d.word(&HTML_CODED);
                d.raw(" ");
                d.word(&[]);
                d.hidden("\n<!-- zq --></div>");
            }
            7 => d.hidden("<!-- zq\n\ncomment block -->"),
            8 => d.raw("***"),
            _ => md_inline(&mut d, "\n"),
        }
        last_list = kind == 1;
        d.raw("\n");
    }
    if d.src.contains("[^zq]") {
        d.raw("\n[^zq]: ");
        d.word(&[]);
        d.raw("\n");
    }
    d
}

/// Inline HTML: words, entities, inline elements, code, images, stray `<`.
fn html_inline(d: &mut Doc, allow_q: bool) {
    let n = 1 + d.roll(8);
    for i in 0..n {
        if i > 0 {
            match d.roll(6) {
                0 => d.raw("\n    "),
                1 => d.raw("&nbsp;"),
                2 => d.raw(" <!-- zq --> "),
                _ => d.raw(" "),
            }
        }
        match d.roll(12) {
            0 => {
                d.hidden("<b class=\"zq\">");
                d.word(&HTML_CODED);
                d.raw(" ");
                d.word(&[]);
                d.raw("</b>");
            }
            1 => {
                d.hidden("<A HREF=\"https://zq.example/?a=1&amp;b=2\" title='zq'>");
                d.word(&HTML_CODED);
                d.raw("</A>");
            }
            2 if allow_q => {
                d.raw("<q>");
                d.word(&[]);
                d.raw(" ");
                d.word(&HTML_CODED);
                d.raw("</q>");
            }
            3 => d.hidden("<code>zq code</code>"),
            4 => d.hidden("<img src=\"zq.png\" alt=\"zq alt\">"),
            5 => d.hidden("https://zq.example/bare"),
            6 => d.seen("<", "<"),
            7 => d.hidden("<script>if (zq < 1) { x('</p>'); }</script>"),
            _ => d.word(&HTML_CODED),
        }
    }
}

fn html_doc(seed: u64) -> Doc {
    let mut d = Doc::new(seed);
    let has_h1 = d.roll(2) == 0;
    if d.roll(2) == 0 {
        d.hidden("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
        if has_h1 {
            d.hidden("zq site title");
        } else {
            d.word(&HTML_CODED);
            d.raw(" ");
            d.word(&[]);
        }
        d.hidden("</title>\n<style>p { zq: 1 }</style><script>var zq = '<p>zq</p>';</script></head>\n<body>\n");
    }
    let blocks = 1 + d.roll(7);
    let h1_at = if has_h1 {
        d.roll(blocks.min(3))
    } else {
        usize::MAX
    };
    for i in 0..blocks {
        if i == h1_at {
            d.raw("<h1>");
            html_inline(&mut d, false);
            d.raw("</h1>\n");
            continue;
        }
        match d.roll(10) {
            0 => {
                d.raw("<h2 id=\"zq\">");
                html_inline(&mut d, false);
                d.raw("</h2>");
            }
            1 => {
                d.raw("<ul>");
                for _ in 0..1 + d.roll(3) {
                    d.raw("\n  <li>");
                    html_inline(&mut d, true);
                    if d.roll(2) == 0 {
                        d.raw("</li>");
                    }
                }
                d.raw("\n</ul>");
            }
            2 => {
                d.raw("<blockquote><p>");
                html_inline(&mut d, true);
                d.raw("</p></blockquote>");
            }
            3 => {
                d.raw("<table><tr><th>");
                d.word(&HTML_CODED);
                d.raw("<td>");
                html_inline(&mut d, false);
                d.raw("</table>");
            }
            4 => d.hidden("<pre>zq preformatted\n  text</pre>"),
            5 => d.hidden("<!-- zq comment <p>not a tag</p> -->"),
            6 => {
                d.raw("<P>");
                html_inline(&mut d, true);
                d.raw("<br>");
                html_inline(&mut d, true);
            }
            _ => {
                let open = ["<p>", "<div>", "<section><p>"][d.roll(3)];
                d.raw(open);
                html_inline(&mut d, true);
                if d.roll(3) > 0 {
                    d.raw("</p>");
                }
            }
        }
        d.raw("\n");
    }
    d
}

#[test]
fn generated_markdown_maps_every_word() {
    for seed in 0..500 {
        let d = markdown_doc(seed);
        d.check(&extract_markdown(&d.src));
    }
}

#[test]
fn generated_html_maps_every_word() {
    for seed in 0..500 {
        let d = html_doc(seed);
        d.check(&extract_html(&d.src));
    }
}

#[test]
fn formats_follow_extensions_in_any_case() {
    use std::path::Path;
    let f = |p: &str| InputFormat::from_path(Path::new(p));
    assert_eq!(f("a/story.txt"), Some(InputFormat::Txt));
    assert_eq!(f("STORY.TEXT"), Some(InputFormat::Txt));
    assert_eq!(f("notes.Md"), Some(InputFormat::Markdown));
    assert_eq!(f("x.markdown"), Some(InputFormat::Markdown));
    assert_eq!(f("page.HTM"), Some(InputFormat::Html));
    assert_eq!(f("page.html"), Some(InputFormat::Html));
    assert_eq!(f("draft.DOCX"), Some(InputFormat::Docx));
    assert_eq!(f("scan.pdf"), None);
    assert_eq!(f("Makefile"), None);
    assert_eq!(f("dir/.txt"), None);
}
