//! Word (`.docx`) to prose.
//!
//! A `.docx` file is a zip package; the story is in `word/document.xml`. The
//! extracted text (each non-empty paragraph a block, blocks separated by blank
//! lines) is itself the prose, so findings point into it, and readers find
//! them by paragraph number.

use std::collections::HashMap;
use std::io::{Cursor, Read, Seek};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};
use zip::ZipArchive;
use zip::result::ZipError;

use super::ExtractError;
use crate::prose::{BlockKind, Prose, ProseBuilder};

/// Largest decompressed size accepted for the document part: a guard against
/// zip bombs far above any real story.
pub const MAX_PART_SIZE: u64 = 256 * 1024 * 1024;

/// Largest decompressed size read for the small side parts (relationships, styles).
const MAX_SIDE_PART_SIZE: u64 = 16 * 1024 * 1024;

const DEFAULT_MAIN_PART: &str = "word/document.xml";

/// WordprocessingML namespaces: transitional (what Word writes) and strict.
const W_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Extracts the prose of a Word document: paragraphs in order (table cells'
/// too), tracked changes read as accepted, comments and field codes left out.
pub fn extract_docx(bytes: &[u8]) -> Result<Prose, ExtractError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(ExtractError::LegacyWord);
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        if bytes.starts_with(b"PK") {
            ExtractError::DamagedZip {
                detail: e.to_string(),
            }
        } else {
            ExtractError::NotZip
        }
    })?;
    let main = relationship_target(&mut zip, "_rels/.rels", "", "/officeDocument")
        .filter(|p| zip.index_for_name(p).is_some())
        .unwrap_or_else(|| DEFAULT_MAIN_PART.to_owned());
    let xml = read_part(&mut zip, &main, MAX_PART_SIZE)?
        .ok_or_else(|| ExtractError::MissingPart { part: main.clone() })?;
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let base = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    let styles_part = relationship_target(
        &mut zip,
        &format!("{base}_rels/{file}.rels"),
        &base,
        "/styles",
    )
    .unwrap_or_else(|| format!("{base}styles.xml"));
    // Styles only refine headings; a package without readable styles is still read.
    let styles = match read_part(&mut zip, &styles_part, MAX_SIDE_PART_SIZE) {
        Ok(Some(xml)) => parse_styles(&xml),
        _ => Styles::default(),
    };
    let paragraphs = parse_document(&xml, &main)?;
    Ok(build(&paragraphs, &styles))
}

/// Reads a part as text; `Ok(None)` when the package has no such part.
fn read_part<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    part: &str,
    limit: u64,
) -> Result<Option<String>, ExtractError> {
    let file = match zip.by_name(part) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(ExtractError::UnreadablePart {
                part: part.to_owned(),
                detail: e.to_string(),
            });
        }
    };
    let too_large = || ExtractError::PartTooLarge {
        part: part.to_owned(),
        limit,
    };
    if file.size() > limit {
        return Err(too_large());
    }
    let mut data = Vec::new();
    // The declared size can lie; never decompress more than the limit.
    file.take(limit + 1)
        .read_to_end(&mut data)
        .map_err(|e| ExtractError::UnreadablePart {
            part: part.to_owned(),
            detail: e.to_string(),
        })?;
    if data.len() as u64 > limit {
        return Err(too_large());
    }
    decode_text(data, part).map(Some)
}

/// XML parts are UTF-8 or, with a byte-order mark, UTF-16.
fn decode_text(data: Vec<u8>, part: &str) -> Result<String, ExtractError> {
    let utf16 = |le: bool| {
        let units: Vec<u16> = data[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| ExtractError::NotUtf8 {
            part: part.to_owned(),
            offset: 0,
            line: 1,
            column: 1,
        })
    };
    match data.as_slice() {
        [0xFF, 0xFE, ..] => utf16(true),
        [0xFE, 0xFF, ..] => utf16(false),
        _ => {
            let skip = if data.starts_with(&[0xEF, 0xBB, 0xBF]) {
                3
            } else {
                0
            };
            String::from_utf8(data[skip..].to_vec()).map_err(|e| {
                let valid = e.utf8_error().valid_up_to();
                let text = std::str::from_utf8(&data[skip..skip + valid]).unwrap_or_default();
                let (line, column) = super::error::line_column(text, valid);
                ExtractError::NotUtf8 {
                    part: part.to_owned(),
                    offset: skip + valid,
                    line,
                    column,
                }
            })
        }
    }
}

/// The target of the first relationship of a type ending in `type_suffix`,
/// as a package path (targets are relative to `base`, or absolute with `/`).
fn relationship_target<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    rels: &str,
    base: &str,
    type_suffix: &str,
) -> Option<String> {
    let xml = read_part(zip, rels, MAX_SIDE_PART_SIZE).ok()??;
    let mut r = NsReader::from_str(&xml);
    loop {
        match r.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let ty = attr(&e, "Type")?;
                if ty.ends_with(type_suffix)
                    && attr(&e, "TargetMode").is_none_or(|m| m != "External")
                {
                    let target = attr(&e, "Target")?;
                    return Some(match target.strip_prefix('/') {
                        Some(abs) => abs.to_owned(),
                        None => format!("{base}{target}"),
                    });
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The value of the attribute with local name `local` (any prefix).
fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// One paragraph style as defined in the styles part.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    /// The style itself numbers its paragraphs (Word's "List Bullet").
    numbered: bool,
}

/// Paragraph styles by id.
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

fn parse_styles(xml: &str) -> Styles {
    let mut styles = Styles::default();
    let mut r = NsReader::from_str(xml);
    let mut current: Option<(String, Style)> = None;
    loop {
        let Ok(event) = r.read_event() else {
            return styles;
        };
        match event {
            Event::Start(e) | Event::Empty(e) => {
                match (e.local_name().as_ref(), current.as_mut()) {
                    ("style", _) => {
                        if let Some((id, style)) = current.take() {
                            styles.by_id.insert(id, style);
                        }
                        current = attr(&e, "styleId").map(|id| (id, Style::default()));
                    }
                    ("name", Some((_, style))) => style.name = attr(&e, "val").unwrap_or_default(),
                    ("basedOn", Some((_, style))) => style.based_on = attr(&e, "val"),
                    ("numPr", Some((_, style))) => style.numbered = true,
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let Some((id, style)) = current.take() {
                    styles.by_id.insert(id, style);
                }
            }
            Event::Eof => return styles,
            _ => {}
        }
    }
}

/// What a paragraph style makes of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Title,
    Heading(u8),
    Quote,
    List,
    Body,
}

impl Styles {
    /// The role of a style, following `basedOn` so custom styles built on
    /// "heading 1" count as headings.
    fn role(&self, id: &str) -> Role {
        let mut id = id.to_owned();
        for _ in 0..16 {
            let style = self.by_id.get(&id);
            let name = style.map_or("", |s| s.name.as_str());
            for role in [role_of_name(name), role_of_name(&id)] {
                if role != Role::Body {
                    return role;
                }
            }
            if style.is_some_and(|s| s.numbered) {
                return Role::List;
            }
            match style.and_then(|s| s.based_on.clone()) {
                Some(parent) => id = parent,
                None => break,
            }
        }
        Role::Body
    }
}

/// Word's built-in style names ("heading 1", "Title"), or ids ("Heading1").
fn role_of_name(name: &str) -> Role {
    let n: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    match n.as_str() {
        "title" => Role::Title,
        "subtitle" => Role::Heading(2),
        "quote" | "intensequote" => Role::Quote,
        _ if n.starts_with("listbullet") || n.starts_with("listnumber") || n == "listparagraph" => {
            Role::List
        }
        _ => match n.strip_prefix("heading").and_then(|l| l.parse::<u8>().ok()) {
            Some(level @ 1..=9) => Role::Heading(level),
            _ => Role::Body,
        },
    }
}

/// One `w:p` as read.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Paragraph {
    text: String,
    style: Option<String>,
    /// `w:outlineLvl` (0 = level-1 heading; 9 = body text).
    outline: Option<u8>,
    list: bool,
    table: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    W,
    Mc,
    Other,
}

/// Elements whose whole content is not what an accepted, final document shows.
fn skipped(local: &str) -> bool {
    matches!(
        local,
        "del"
            | "moveFrom"
            | "delText"
            | "instrText"
            | "delInstrText"
            | "commentReference"
            | "footnoteReference"
            | "endnoteReference"
            | "pPrChange"
            | "rPrChange"
            | "sectPr"
            | "sym"
    )
}

fn xml_error(xml: &str, part: &str, offset: u64, detail: impl ToString) -> ExtractError {
    let (line, column) = super::error::line_column(xml, offset as usize);
    ExtractError::Xml {
        part: part.to_owned(),
        offset,
        detail: detail.to_string(),
        line,
        column,
    }
}

/// Reads the paragraphs of the document part in order.
fn parse_document(xml: &str, part: &str) -> Result<Vec<Paragraph>, ExtractError> {
    let mut r = NsReader::from_str(xml);
    let mut stack: Vec<(Ns, String)> = Vec::new();
    // Depth at which a skipped element opened.
    let mut skip_from: Option<usize> = None;
    let mut open: Vec<Paragraph> = Vec::new();
    let mut done: Vec<Paragraph> = Vec::new();
    let mut tables = 0usize;
    // An empty, plain-text or foreign main part used to read as an empty
    // document: no finding, exit 0, on a story never read.
    let mut has_root = false;
    loop {
        let pos = r.buffer_position();
        let (ns, event) = match r.read_resolved_event() {
            Ok((res, ev)) => (namespace(&res), ev),
            Err(e) => return Err(xml_error(xml, part, r.error_position(), e)),
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let local = e.local_name().as_ref().to_owned();
                has_root |= stack.is_empty() && ns == Ns::W && local == "document";
                if skip_from.is_none() {
                    let parent = stack
                        .last()
                        .filter(|(n, _)| *n == Ns::W)
                        .map(|(_, l)| l.as_str());
                    match (ns, local.as_str()) {
                        // Empty ones hold nothing to skip and match no arm below.
                        (Ns::W, l) if skipped(l) && !empty => skip_from = Some(stack.len()),
                        (Ns::Mc, "Fallback") if !empty => skip_from = Some(stack.len()),
                        (Ns::W, "p") if !empty => open.push(Paragraph {
                            table: tables > 0,
                            ..Paragraph::default()
                        }),
                        (Ns::W, "tbl") if !empty => tables += 1,
                        (Ns::W, "pStyle") if parent == Some("pPr") => {
                            if let Some(p) = open.last_mut() {
                                p.style = attr(e, "val");
                            }
                        }
                        (Ns::W, "outlineLvl") if parent == Some("pPr") => {
                            if let Some(p) = open.last_mut() {
                                p.outline = attr(e, "val").and_then(|v| v.parse().ok());
                            }
                        }
                        (Ns::W, "numPr") if parent == Some("pPr") => {
                            if let Some(p) = open.last_mut() {
                                p.list = true;
                            }
                        }
                        (Ns::W, "tab" | "ptab") if parent == Some("r") => push_text(&mut open, " "),
                        (Ns::W, "br" | "cr") if parent == Some("r") => push_text(&mut open, "\n"),
                        (Ns::W, "noBreakHyphen") if parent == Some("r") => {
                            push_text(&mut open, "-")
                        }
                        _ => {}
                    }
                }
                if !empty {
                    stack.push((ns, local));
                }
            }
            Event::End(_) => {
                let Some((ns, local)) = stack.pop() else {
                    return Err(xml_error(xml, part, pos, "an end tag with no start tag"));
                };
                if skip_from == Some(stack.len()) {
                    skip_from = None;
                } else if skip_from.is_none() && ns == Ns::W {
                    match local.as_str() {
                        "p" => done.extend(open.pop()),
                        "tbl" => tables = tables.saturating_sub(1),
                        _ => {}
                    }
                }
            }
            Event::Text(t) if in_text(&stack, skip_from) => {
                push_text(&mut open, &t.xml10_content())
            }
            Event::CData(t) if in_text(&stack, skip_from) => {
                push_text(&mut open, &t.xml10_content())
            }
            Event::GeneralRef(g) if in_text(&stack, skip_from) => {
                let c = match g.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => match g.as_ref() {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        other => {
                            return Err(xml_error(
                                xml,
                                part,
                                pos,
                                format!("unknown entity &{other};"),
                            ));
                        }
                    },
                    Err(e) => return Err(xml_error(xml, part, pos, e)),
                };
                push_text(&mut open, c.encode_utf8(&mut [0; 4]));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some((_, local)) = stack.last() {
        let name = local;
        return Err(xml_error(
            xml,
            part,
            xml.len() as u64,
            format!("the part ends inside <{name}>; the file may be truncated"),
        ));
    }
    if !has_root {
        return Err(ExtractError::NoDocument {
            part: part.to_owned(),
        });
    }
    Ok(done)
}

fn namespace(res: &ResolveResult<'_>) -> Ns {
    match res {
        ResolveResult::Bound(ns) if W_NS.contains(&ns.as_ref()) => Ns::W,
        ResolveResult::Bound(ns) if ns.as_ref() == MC_NS => Ns::Mc,
        // Lenient with packages that forgot to declare the usual prefix.
        ResolveResult::Unknown(prefix) if prefix == "w" => Ns::W,
        _ => Ns::Other,
    }
}

/// True inside a `w:t` that is not being skipped.
fn in_text(stack: &[(Ns, String)], skip_from: Option<usize>) -> bool {
    skip_from.is_none() && stack.last().is_some_and(|(ns, l)| *ns == Ns::W && l == "t")
}

fn push_text(open: &mut [Paragraph], text: &str) {
    if let Some(p) = open.last_mut() {
        p.text.push_str(text);
    }
}

/// Lays the paragraphs out as prose; see the module docs.
fn build(paragraphs: &[Paragraph], styles: &Styles) -> Prose {
    let roles: Vec<Role> = paragraphs
        .iter()
        .map(|p| match (p.style.as_deref(), p.outline) {
            (Some(id), outline) => match styles.role(id) {
                Role::Body => outline_role(outline),
                role => role,
            },
            (None, outline) => outline_role(outline),
        })
        .collect();
    let non_empty = |i: &usize| !paragraphs[*i].text.trim().is_empty();
    let headline = (0..paragraphs.len())
        .filter(non_empty)
        .find(|&i| roles[i] == Role::Title)
        .or_else(|| {
            (0..paragraphs.len())
                .filter(non_empty)
                .find(|&i| roles[i] == Role::Heading(1))
        });
    let mut b = ProseBuilder::new();
    b.use_paragraph_numbers();
    for (i, p) in paragraphs.iter().enumerate() {
        let text = p.text.trim();
        if text.is_empty() {
            continue;
        }
        let kind = match roles[i] {
            _ if Some(i) == headline => BlockKind::Headline,
            Role::Title | Role::Heading(_) => BlockKind::Heading,
            Role::Quote => BlockKind::BlockQuote,
            Role::List => BlockKind::ListItem,
            Role::Body if p.list => BlockKind::ListItem,
            Role::Body if p.table => BlockKind::TableCell,
            Role::Body => BlockKind::Paragraph,
        };
        b.start_block(kind);
        let at = b.text_len();
        b.push_verbatim(text, at);
    }
    b.finish()
}

fn outline_role(outline: Option<u8>) -> Role {
    match outline {
        Some(l @ 0..=8) => Role::Heading(l + 1),
        _ => Role::Body,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write;

    use crate::extract::tests::blocks;
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, DateTime, ZipWriter};

    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    /// A zip package holding the given parts, deterministic byte for byte.
    pub(crate) fn package(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let opts = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(DateTime::default());
        for (name, body) in parts {
            zip.start_file(*name, opts).expect("start part");
            zip.write_all(body.as_bytes()).expect("write part");
        }
        zip.finish().expect("finish zip").into_inner()
    }

    /// A minimal .docx whose body is `body` (WordprocessingML inside `w:body`).
    pub(crate) fn docx(body: &str) -> Vec<u8> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
        );
        package(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("word/document.xml", &document),
        ])
    }

    pub(crate) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    pub(crate) const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

    fn para(style: &str, text: &str) -> String {
        let ppr = if style.is_empty() {
            String::new()
        } else {
            format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
        };
        format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
    }

    #[test]
    fn paragraphs_styles_and_offsets() {
        let body = [
            para("Heading1", "Port Strike Ends"),
            para("", "Dock workers returned &amp; cranes moved."),
            para("", "   "),
            para("Heading2", "Next Steps"),
            para("Quote", "We are back, said a crane operator."),
        ]
        .concat();
        let p = extract_docx(&docx(&body)).unwrap();
        assert!(p.paragraph_numbers);
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::Headline, "Port Strike Ends"),
                (
                    BlockKind::Paragraph,
                    "Dock workers returned & cranes moved."
                ),
                (BlockKind::Heading, "Next Steps"),
                (BlockKind::BlockQuote, "We are back, said a crane operator."),
            ]
        );
        assert_eq!(
            p.text,
            "Port Strike Ends\n\nDock workers returned & cranes moved.\n\nNext Steps\n\nWe are back, said a crane operator."
        );
        // Offsets are those of the extracted text itself.
        for b in &p.blocks {
            assert_eq!(p.source_range(b.range.clone()), b.range);
        }
    }

    #[test]
    fn title_beats_heading_one() {
        let body = [
            para("Heading1", "Section"),
            para("Title", "The Title"),
            para("Heading1", "Other"),
        ]
        .concat();
        let p = extract_docx(&docx(&body)).unwrap();
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::Heading, "Section"),
                (BlockKind::Headline, "The Title"),
                (BlockKind::Heading, "Other"),
            ]
        );
    }

    #[test]
    fn runs_tabs_breaks_tracked_changes_comments_fields() {
        let body = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
<w:r><w:t>Rates</w:t></w:r><w:r><w:tab/><w:t>rose</w:t><w:br/><w:t>again</w:t></w:r>
<w:ins w:id="1" w:author="Ed"><w:r><w:t xml:space="preserve"> sharply</w:t></w:r></w:ins>
<w:del w:id="2" w:author="Ed"><w:r><w:delText> slightly</w:delText></w:r></w:del>
<w:commentRangeStart w:id="0"/><w:r><w:t>.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>
<w:r><w:footnoteReference w:id="1"/></w:r>
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> Source</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
</w:p>"#;
        let p = extract_docx(&docx(body)).unwrap();
        assert_eq!(p.text, "Rates rose\nagain sharply. Source");
    }

    #[test]
    fn tables_lists_and_text_boxes() {
        let body = format!(
            r#"<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Bullet</w:t></w:r></w:p>
<w:p><w:r><w:t>Outer</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>{}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
            para("", "Cell A"),
            para("", "Cell B"),
            para("", "Boxed"),
            para("", "Boxed again"),
        );
        let p = extract_docx(&docx(&body)).unwrap();
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::TableCell, "Cell A"),
                (BlockKind::TableCell, "Cell B"),
                (BlockKind::ListItem, "Bullet"),
                (BlockKind::Paragraph, "Boxed"),
                (BlockKind::Paragraph, "Outer"),
            ]
        );
    }

    #[test]
    fn styles_part_names_localized_and_derived_styles() {
        let document = format!(
            r#"<w:document {NS}><w:body>{}{}{}{}{}</w:body></w:document>"#,
            para("berschrift1", "Schlagzeile"),
            para("MyHead", "Derived"),
            para("", "Text"),
            para("Bulleted", "Styled bullet"),
            para("ListNumber", "Numbered by name"),
        );
        let styles = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="My Head"/><w:basedOn w:val="berschrift1"/></w:style>
<w:style w:type="paragraph" w:styleId="Bulleted"><w:name w:val="Bulleted"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
</w:styles>"#;
        let bytes = package(&[
            ("word/document.xml", &document),
            ("word/styles.xml", styles),
        ]);
        let p = extract_docx(&bytes).unwrap();
        assert_eq!(
            blocks(&p),
            vec![
                (BlockKind::Headline, "Schlagzeile"),
                (BlockKind::Heading, "Derived"),
                (BlockKind::Paragraph, "Text"),
                (BlockKind::ListItem, "Styled bullet"),
                (BlockKind::ListItem, "Numbered by name"),
            ]
        );
    }

    #[test]
    fn main_part_found_through_relationships() {
        let document = format!(
            r#"<w:document {NS}><w:body>{}</w:body></w:document>"#,
            para("", "Moved part")
        );
        let rels = ROOT_RELS.replace("word/document.xml", "/word/main.xml");
        let p = extract_docx(&package(&[
            ("_rels/.rels", &rels),
            ("word/main.xml", &document),
        ]))
        .unwrap();
        assert_eq!(p.text, "Moved part");
    }

    #[test]
    fn bad_packages_are_clear_errors() {
        let not_zip = extract_docx(b"Just some text, not a package.").unwrap_err();
        assert_eq!(not_zip, ExtractError::NotZip);
        assert_eq!(
            not_zip.to_string(),
            "not a Word document: the file is not a zip archive"
        );

        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(extract_docx(&ole).unwrap_err(), ExtractError::LegacyWord);

        let missing = extract_docx(&package(&[("hello.txt", "hi")])).unwrap_err();
        assert_eq!(
            missing.to_string(),
            "word/document.xml is missing: the zip archive is not a Word document"
        );

        let good = docx(&para(
            "",
            "Some words that compress somewhat somewhat somewhat.",
        ));
        for cut in [good.len() / 3, good.len() / 2, good.len() - 10] {
            let err = extract_docx(&good[..cut]).unwrap_err();
            assert!(
                matches!(
                    err,
                    ExtractError::DamagedZip { .. } | ExtractError::UnreadablePart { .. }
                ),
                "{err}"
            );
            assert!(err.to_string().contains("truncated"), "{err}");
        }
        assert!(matches!(
            extract_docx(b"").unwrap_err(),
            ExtractError::NotZip
        ));
        assert!(matches!(
            extract_docx(b"PK\x03\x04garbage").unwrap_err(),
            ExtractError::DamagedZip { .. }
        ));
    }

    #[test]
    fn malformed_xml_names_the_part_and_position() {
        let bad = package(&[(
            "word/document.xml",
            &format!("<w:document {NS}><w:body><w:p><w:r><w:t>x</w:r></w:p>"),
        )]);
        let err = extract_docx(&bad).unwrap_err();
        let ExtractError::Xml { part, offset, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!(part, "word/document.xml");
        assert!(*offset > 0);
        assert!(
            err.to_string()
                .starts_with("malformed XML at word/document.xml:1:"),
            "{err}"
        );

        let truncated = package(&[(
            "word/document.xml",
            &format!("<w:document {NS}><w:body><w:p><w:r><w:t>cut"),
        )]);
        let err = extract_docx(&truncated).unwrap_err();
        assert!(err.to_string().contains("ends inside"), "{err}");

        let entity = package(&[(
            "word/document.xml",
            &format!(
                "<w:document {NS}><w:body><w:p><w:r><w:t>&bogus;</w:t></w:r></w:p></w:body></w:document>"
            ),
        )]);
        assert!(
            extract_docx(&entity)
                .unwrap_err()
                .to_string()
                .contains("&bogus;")
        );

        // A lone Latin-1 byte where UTF-8 is required.
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("word/document.xml", SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"<w:document>\xe9</w:document>").unwrap();
        let raw = zip.finish().unwrap().into_inner();
        assert_eq!(
            extract_docx(&raw).unwrap_err(),
            ExtractError::NotUtf8 {
                part: "word/document.xml".into(),
                offset: 12,
                line: 1,
                column: 13,
            }
        );
    }

    #[test]
    fn a_main_part_without_a_word_document_is_an_error() {
        for body in [
            "",
            "   \n",
            "Just the story pasted as text.",
            "<?xml version=\"1.0\"?><html><p>Other XML</p></html>",
            "\u{1}\u{2}\u{7f} binary-ish",
        ] {
            let pkg = package(&[("word/document.xml", body)]);
            let err = extract_docx(&pkg).unwrap_err();
            assert!(
                matches!(&err, ExtractError::NoDocument { part } if part == "word/document.xml"),
                "{body:?}: {err}"
            );
        }
        let ok = package(&[(
            "word/document.xml",
            &format!("<w:document {NS}><w:body/></w:document>"),
        )]);
        assert!(extract_docx(&ok).unwrap().text.is_empty());
    }

    #[test]
    fn xml_errors_give_line_and_column() {
        let bad = package(&[(
            "word/document.xml",
            &format!(
                "<w:document {NS}>\n<w:body>\n  <w:p><w:r><w:t>caf\u{e9}</w:r>\n</w:body></w:document>"
            ),
        )]);
        let err = extract_docx(&bad).unwrap_err();
        let ExtractError::Xml { line, column, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!((*line, *column), (3, 22), "{err}"); // the `<` of `</w:r>`, `é` one column
        assert!(err.to_string().contains("word/document.xml:3:22"), "{err}");
    }

    #[test]
    fn zip_bombs_are_refused() {
        // Highly compressible: a few hundred KB of zip that inflates past a small limit.
        let big = "a".repeat(2 * 1024 * 1024);
        let bytes = package(&[("word/document.xml", &big)]);
        let mut zip = ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
        let err = read_part(&mut zip, "word/document.xml", 1024 * 1024).unwrap_err();
        assert!(matches!(err, ExtractError::PartTooLarge { .. }), "{err}");
        assert!(err.to_string().contains("larger than 1 MiB"), "{err}");
    }

    #[test]
    fn utf16_parts_are_read() {
        let mut data = vec![0xFF, 0xFE];
        for u in "<a>é</a>".encode_utf16() {
            data.extend(u.to_le_bytes());
        }
        assert_eq!(decode_text(data, "x").unwrap(), "<a>é</a>");
    }
}
