//! Cost tests of attribution look-ups: work bounded however long a sentence.

use super::*;
use crate::engine::ATTRIBUTION_REACH;
use crate::extract::extract_txt;

#[test]
fn attributions_near_a_match_are_bounded_in_a_sentence_that_never_ends() {
    // One "sentence" of 200 KB, no full stop, an attribution every 25 bytes.
    let unit = "said Ames the regime and ";
    let text = unit.repeat(8_000);
    let prose = extract_txt(&text);
    let doc = Document::analyze(&prose);
    let at = text.len() / 2;
    let at = at - at % unit.len() + "said Ames the ".len();
    let m = at..at + "regime".len();
    let own = doc.sentence_range_for(&m);
    let all = doc.attributions_in(own.clone()).count();
    let near = doc.attributions_near(own, &m, ATTRIBUTION_REACH).count();
    // Every unit's cue within the reach either side, and no more.
    let bound = 2 * ATTRIBUTION_REACH / unit.len() + 2;
    assert!(near >= 10 && near <= bound, "{near} near, bound {bound}");
    // Without the bound a condition would scan far more than that per match.
    assert!(all > 20 * bound, "{all} in the match's sentences");
}
