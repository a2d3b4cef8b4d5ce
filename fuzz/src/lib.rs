//! Invariants every fuzz target checks on what it produced: a violation is a
//! panic, which libFuzzer reports as a crash with the input that caused it.

use std::ops::Range;

use newslint::model::Document;
use newslint::prose::Prose;

/// `r` lies inside `text` and on character boundaries.
pub fn assert_span(text: &str, r: &Range<usize>, what: &str) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{what} {r:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} {r:?} not on character boundaries"
    );
}

/// The prose's blocks are in order, disjoint and inside its text; with a
/// `source`, every block maps into it.
pub fn check_prose(prose: &Prose, source: Option<&str>) {
    let mut end = 0;
    for b in &prose.blocks {
        assert_span(&prose.text, &b.range, "block");
        assert!(b.range.start >= end, "blocks overlap or go back");
        end = b.range.end;
        if let Some(src) = source {
            let r = prose.source_range(b.range.clone());
            assert!(
                r.start <= r.end && r.end <= src.len(),
                "block maps to {r:?}"
            );
        }
    }
    for q in &prose.quote_ranges {
        assert_span(&prose.text, q, "quotation range");
    }
}

/// Sentences are in order, disjoint, inside the text and inside their block;
/// attributions point into the text.
pub fn check_document(prose: &Prose, doc: &Document<'_>) {
    let mut end = 0;
    for s in &doc.sentences {
        assert_span(&prose.text, &s.range, "sentence");
        assert!(s.range.start >= end, "sentences overlap or go back");
        end = s.range.end;
        let b = &prose.blocks[s.block].range;
        assert!(
            b.start <= s.range.start && s.range.end <= b.end,
            "sentence outside its block"
        );
    }
    for a in &doc.attributions {
        assert_span(&prose.text, &a.cue, "attribution cue");
        if let Some(src) = &a.source {
            assert_span(&prose.text, src, "attribution source");
        }
        assert!(a.sentence < doc.sentences.len().max(1));
    }
}

/// The default pack, loaded once per fuzzing process.
pub fn default_pack() -> &'static newslint::rules::Pack {
    static PACK: std::sync::OnceLock<newslint::rules::Pack> = std::sync::OnceLock::new();
    PACK.get_or_init(|| {
        newslint::run::load_pack(&newslint::run::PackOptions::default())
            .expect("default pack loads")
    })
}
