//! Where a rule regex can match, worked out once from its syntax tree, so the
//! engine searches only the few stretches of a document that can hold a match
//! instead of every byte of it.
//!
//! Two facts bound a regex's matches, and together they give the same matches
//! as a search of the whole text:
//!
//! - **Triggers.** Every match contains one of a few literals (`claim` in
//!   `... (?P<flag>claim(?:s|ed|ing)?)\b`). The phrase automaton, which reads
//!   every document anyway, reports where they occur (lower-cased, so a
//!   superset of the real occurrences).
//! - **Alphabet.** A match consists only of bytes the pattern can match (for
//!   an attribution regex: letters, digits, spaces, `'.-` and `’`), so it
//!   never crosses any other byte. A maximal run of such bytes (a *segment*)
//!   holding no trigger holds no match.
//!
//! Matches cannot cross segment edges, so searching each segment that holds a
//! trigger (with look-around still seeing the bytes outside it) finds exactly
//! the leftmost-first matches a search of the whole text finds.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, Hir, HirKind};

/// Shortest trigger worth gating on: shorter ones occur everywhere.
const MIN_TRIGGER_LEN: usize = 3;
/// Most triggers one regex may have.
const MAX_TRIGGERS: usize = 64;

/// Bytes that may occur in a match; 256 flags.
pub(crate) type Alphabet = [bool; 256];

/// How a regex's search is narrowed.
#[derive(Debug, Clone)]
pub(crate) struct Gate {
    /// ASCII-lower-cased literals, one of which every match contains.
    pub triggers: Vec<String>,
    /// Bytes a match may contain.
    pub alphabet: Box<Alphabet>,
}

/// The gate of a regex, or `None` when it must search whole documents (it
/// may match the empty string, or no short literal set is required).
///
/// `literal_hir` is where triggers are looked for: `hir` itself, or for an
/// ASCII-case-insensitive regex the same pattern parsed case-sensitively
/// (whose matches, ASCII-lower-cased, are those of `hir` lower-cased; the
/// folded one has too many case variants to extract literals from).
pub(crate) fn gate(hir: &Hir, literal_hir: &Hir) -> Option<Gate> {
    if hir.properties().minimum_len().is_none_or(|n| n == 0) {
        return None;
    }
    let mut best: Option<Vec<String>> = None;
    let mut consider = |h: &Hir| {
        if let Some(t) = triggers(h) {
            let better = best.as_ref().is_none_or(|b| score(&t) > score(b));
            if better {
                best = Some(t);
            }
        }
    };
    each_required(literal_hir, &mut consider);
    let triggers = best?;
    let mut alphabet = Box::new([false; 256]);
    collect_alphabet(hir, &mut alphabet);
    Some(Gate { triggers, alphabet })
}

/// Longer (up to 4 bytes) then fewer triggers is better.
fn score(t: &[String]) -> (usize, std::cmp::Reverse<usize>) {
    let min = t.iter().map(String::len).min().unwrap_or(0);
    (min.min(4), std::cmp::Reverse(t.len()))
}

/// Calls `f` with `hir` and each sub-expression that every match of `hir`
/// contains a match of: the items of a concatenation, through captures.
fn each_required(hir: &Hir, f: &mut impl FnMut(&Hir)) {
    f(hir);
    match hir.kind() {
        HirKind::Capture(c) => each_required(&c.sub, f),
        HirKind::Concat(items) => {
            for h in items {
                each_required(h, f);
            }
        }
        _ => {}
    }
}

/// The lower-cased prefixes every (non-empty) match of `hir` starts with, if
/// they are few and long enough.
fn triggers(hir: &Hir) -> Option<Vec<String>> {
    if hir.properties().minimum_len().is_none_or(|n| n == 0) {
        return None;
    }
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    let lits = seq.literals()?;
    let mut out = Vec::with_capacity(lits.len());
    for l in lits {
        let s = std::str::from_utf8(l.as_bytes()).ok()?;
        if s.len() < MIN_TRIGGER_LEN {
            return None;
        }
        out.push(s.to_ascii_lowercase());
    }
    out.sort_unstable();
    out.dedup();
    (!out.is_empty() && out.len() <= MAX_TRIGGERS).then_some(out)
}

/// Marks every byte a match of `hir` may contain (non-ASCII classes mark all
/// bytes from 0x80: a superset is safe, it only makes segments longer).
fn collect_alphabet(hir: &Hir, out: &mut Alphabet) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(l) => {
            for &b in l.0.iter() {
                out[b as usize] = true;
            }
        }
        HirKind::Class(Class::Unicode(c)) => {
            for r in c.iter() {
                let (lo, hi) = (r.start() as u32, r.end() as u32);
                for b in lo..=hi.min(0x7f) {
                    out[b as usize] = true;
                }
                if hi > 0x7f {
                    out[0x80..].fill(true);
                }
            }
        }
        HirKind::Class(Class::Bytes(c)) => {
            for r in c.iter() {
                for b in r.start()..=r.end() {
                    out[b as usize] = true;
                }
            }
        }
        HirKind::Repetition(r) => collect_alphabet(&r.sub, out),
        HirKind::Capture(c) => collect_alphabet(&c.sub, out),
        HirKind::Concat(items) | HirKind::Alternation(items) => {
            for h in items {
                collect_alphabet(h, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(p: &str, ci: bool) -> Hir {
        regex_syntax::ParserBuilder::new()
            .unicode(false)
            .case_insensitive(ci)
            .build()
            .parse(p)
            .unwrap()
    }

    fn gate_of(p: &str, ci: bool) -> Option<Gate> {
        gate(&parse(p, ci), &parse(p, false))
    }

    #[test]
    fn triggers_come_from_the_required_part() {
        let g = gate_of(
            r"\b(?:[Hh]e|[A-Z][\w.-]*)\s+(?:(?:also|now)\s+){0,2}(?P<flag>claim(?:s|ed|ing)?)\b",
            false,
        )
        .unwrap();
        assert_eq!(g.triggers, vec!["claim"]);
        assert!(g.alphabet[b' ' as usize] && g.alphabet[b'.' as usize]);
        assert!(!g.alphabet[b',' as usize] && !g.alphabet[b'"' as usize]);
    }

    #[test]
    fn case_insensitive_triggers_are_lower_case() {
        let g = gate_of(r"\b(?:may|might)\s+(?:Prove|signal)\b", true).unwrap();
        assert_eq!(g.triggers, vec!["prove", "signal"]);
        assert!(g.alphabet[b'P' as usize] && g.alphabet[b'p' as usize]);
    }

    #[test]
    fn no_gate_without_a_required_literal() {
        assert!(gate_of(r"\b[a-z]+\b", false).is_none());
        assert!(gate_of(r"(?:claim)?", false).is_none());
        assert!(gate_of(r"ab|cd", false).is_none());
    }
}
