//! Property tests over generated copy (issue 19): every finding's span is
//! inside the file and on character boundaries, sentences cover their blocks
//! without overlap, and output does not depend on the number of threads.

use std::sync::OnceLock;

use newslint::extract::InputFormat;
use newslint::model::Document;
use newslint::rules::Pack;
use newslint::run::{self, Options, PackOptions};
use proptest::prelude::*;

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| run::load_pack(&PackOptions::default()).unwrap())
}

/// Pieces of copy: flagged words, attributions, quotation marks, markup,
/// multi-byte characters and line breaks, to be strung together.
const PIECES: &[&str] = &[
    "The council met on Tuesday",
    "critics say",
    "reportedly",
    "the regime",
    "a sham",
    "Mayor Jane Ames said",
    "according to officials",
    "some people believe",
    "\u{201c}It is a disaster,\u{201d}",
    "\"we will see\"",
    "\u{2018}quoted\u{2019}",
    "caf\u{e9}",
    "na\u{ef}ve \u{1F600}",
    "\u{2014}",
    ". ",
    "? ",
    "! ",
    ", ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "# ",
    "> ",
    "- ",
    "*",
    "`",
    "<p>",
    "</p>",
    "<q>",
    "<b>",
    "&amp;",
    "&rsquo;",
    "<br>",
    "MAYOR: ",
];

fn copy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

fn format() -> impl Strategy<Value = InputFormat> {
    prop::sample::select(vec![
        InputFormat::Txt,
        InputFormat::Markdown,
        InputFormat::Html,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn findings_lie_inside_the_file_on_character_boundaries(text in copy(), format in format()) {
        let doc = newslint::input::from_bytes("p".into(), text.clone().into_bytes(), format).unwrap();
        let report = newslint::check_doc(pack(), doc, true);
        for f in &report.findings {
            let r = &f.finding.range;
            prop_assert!(r.start <= r.end && r.end <= text.len(), "{r:?}");
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?}");
            prop_assert_eq!(&f.text, &text[r.clone()]);
            for c in &f.finding.context {
                prop_assert!(c.range.end <= text.len() && text.is_char_boundary(c.range.start)
                    && text.is_char_boundary(c.range.end), "{:?}", c.range);
            }
        }
    }

    #[test]
    fn sentences_cover_their_blocks_in_order_without_overlap(text in copy(), format in format()) {
        let prose = newslint::extract::extract_text(format, &text);
        let doc = Document::analyze(&prose);
        let mut end = 0;
        for s in &doc.sentences {
            prop_assert!(s.range.start >= end, "overlap at {:?}", s.range);
            prop_assert!(s.range.start < s.range.end);
            prop_assert!(prose.text.is_char_boundary(s.range.start) && prose.text.is_char_boundary(s.range.end));
            let b = &prose.blocks[s.block].range;
            prop_assert!(b.start <= s.range.start && s.range.end <= b.end);
            end = s.range.end;
        }
        // Every word of every block is in a sentence.
        for (i, b) in prose.blocks.iter().enumerate() {
            for (at, c) in prose.text[b.range.clone()].char_indices() {
                if c.is_alphanumeric() {
                    let at = b.range.start + at;
                    prop_assert!(
                        doc.sentences.iter().any(|s| s.block == i && s.range.contains(&at)),
                        "{c:?} at {at} of block {i} is in no sentence: {:?}",
                        &prose.text[b.range.clone()]
                    );
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn output_is_the_same_on_one_thread_and_on_many(texts in prop::collection::vec(copy(), 1..12)) {
        let dir = tempfile::tempdir().unwrap();
        for (i, t) in texts.iter().enumerate() {
            let ext = ["txt", "md", "html"][i % 3];
            std::fs::write(dir.path().join(format!("f{i:02}.{ext}")), t).unwrap();
        }
        let paths = [dir.path().to_path_buf()];
        let render = |threads| {
            let mut out = Vec::new();
            let options = Options { threads, ..Options::default() };
            run::check_paths(pack(), &paths, &options, |r| {
                let linted = r.unwrap();
                newslint::render::render_jsonl(&mut out, pack(), &[linted.report]).unwrap();
            });
            out
        };
        let one = render(Some(1));
        prop_assert_eq!(&one, &render(None));
        prop_assert_eq!(&one, &render(Some(3)));
    }
}

/// The default pack with newslint's own rules about suppressions, as the
/// binary loads it.
fn pack_with_own_rules() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| {
        let mut p = run::load_pack(&PackOptions::default()).unwrap();
        newslint::suppress::own_rules::add_to(&mut p);
        p
    })
}

/// (rule id, start, end) of every finding of `text` read as `format`.
fn found(text: &str, format: InputFormat) -> Vec<(String, usize, usize)> {
    let pack = pack_with_own_rules();
    let doc = newslint::input::from_bytes("p".into(), text.as_bytes().to_vec(), format).unwrap();
    newslint::check_doc(pack, doc, false)
        .findings
        .iter()
        .map(|f| {
            let r = &f.finding.range;
            (pack.rules[f.finding.rule].id.clone(), r.start, r.end)
        })
        .collect()
}

/// One-line paragraphs of generated copy.
fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        copy().prop_map(|t| t.replace(['\n', '\r'], " ").trim().to_string()),
        1..6,
    )
    .prop_map(|ps| ps.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>())
    .prop_filter("some copy", |ps| !ps.is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// A `disable-next-line` directive before paragraph `k` silences at most
    /// its rule on that paragraph: every other finding of the file is still
    /// reported, at the same place in the copy.
    #[test]
    fn a_suppression_hides_nothing_outside_its_range(
        paras in paragraphs(),
        k in 0usize..6,
        rule in prop::sample::select(vec![
            "vague-source", "hedge-allegation", "loaded-label", "contentious-label",
            "weasel-impersonal", "said-claimed",
        ]),
        markdown in any::<bool>(),
    ) {
        let k = k % paras.len();
        let (format, directive) = if markdown {
            (InputFormat::Markdown, format!("<!-- newslint-disable-next-line {rule} -- checked -->"))
        } else {
            (InputFormat::Txt, format!("[newslint-disable-next-line {rule} -- checked]"))
        };
        let plain = paras.join("\n\n");
        let mut with = paras.clone();
        with.insert(k, directive.clone());
        let suppressed = with.join("\n\n");
        // Where paragraph k starts, in the copy with and without the directive.
        let at: usize = paras[..k].iter().map(|p| p.len() + 2).sum();
        let shift = directive.len() + 2;
        let target = at..at + paras[k].len();
        let after = found(&suppressed, format);
        for (id, start, end) in found(&plain, format) {
            if id == rule && target.contains(&start) {
                continue;
            }
            let moved = |x: usize| if x >= at { x + shift } else { x };
            prop_assert!(
                after.contains(&(id.clone(), moved(start), moved(end))),
                "{id} at {start}..{end} lost by the directive before paragraph {k}:\n{suppressed}\n{after:?}"
            );
        }
    }
}
