//! Where a rule regex can match, worked out once from its syntax tree, so the
//! engine searches only the few stretches of a document that can hold a match
//! instead of every byte of it.
//!
//! Two facts bound a regex's matches, and together they give the same matches
//! as a search of the whole text:
//!
//! - **Triggers.** Every match contains one of a few literals (`claim` in
//!   `... (?P<flag>claim(?:s|ed|ing)?)\b`). The phrase matcher, which reads
//!   every document anyway, reports where they occur (lower-cased, so a
//!   superset of the real occurrences): at word starts only when the regex
//!   puts a non-word byte or a boundary before them, else anywhere.
//! - **Alphabet.** A match consists only of bytes the pattern can match (for
//!   an attribution regex: letters, digits, spaces, `'.-` and `’`), so it
//!   never crosses any other byte. A maximal run of such bytes (a *segment*)
//!   holding no trigger holds no match.
//!
//! Matches cannot cross segment edges, so searching each segment that holds a
//! trigger (with look-around still seeing the bytes outside it) finds exactly
//! the leftmost-first matches a search of the whole text finds.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// Shortest trigger worth gating on: shorter ones occur everywhere.
const MIN_TRIGGER_LEN: usize = 3;
/// Most triggers one regex may have.
const MAX_TRIGGERS: usize = 64;

/// Bytes that may occur in a match; 256 flags.
pub type Alphabet = [bool; 256];

/// How a regex's search is narrowed.
#[derive(Debug, Clone)]
pub struct Gate {
    /// ASCII-lower-cased literals, one of which every match contains.
    pub triggers: Vec<String>,
    /// Bytes a match may contain.
    pub alphabet: Box<Alphabet>,
    /// Every trigger starts with an ASCII word byte, and in any match it
    /// follows a byte that is not one (or starts the text): the phrase
    /// matcher then need only look for it where a word starts.
    pub word_start: bool,
}

/// The gate of a regex, or `None` when it must search whole documents (it
/// may match the empty string, or no short literal set is required).
///
/// `literal_hir` is where triggers are looked for: `hir` itself, or for an
/// ASCII-case-insensitive regex the same pattern parsed case-sensitively
/// (whose matches, ASCII-lower-cased, are those of `hir` lower-cased; the
/// folded one has too many case variants to extract literals from).
pub fn gate(hir: &Hir, literal_hir: &Hir) -> Option<Gate> {
    if hir.properties().minimum_len().is_none_or(|n| n == 0) {
        return None;
    }
    let mut best: Option<(Vec<String>, bool)> = None;
    let mut consider = |h: &Hir, after_boundary: bool| {
        if let Some(t) = triggers(h) {
            let word_start = (after_boundary || starts_at_boundary(h))
                && t.iter().all(|t| is_ascii_word(t.as_bytes()[0]));
            let better = best
                .as_ref()
                .is_none_or(|(b, w)| score(&t, word_start) > score(b, *w));
            if better {
                best = Some((t, word_start));
            }
        }
    };
    each_required(literal_hir, false, &mut consider);
    let (triggers, word_start) = best?;
    let mut alphabet = Box::new([false; 256]);
    collect_alphabet(hir, &mut alphabet);
    Some(Gate {
        triggers,
        alphabet,
        word_start,
    })
}

/// Longer (up to 4 bytes), then fewer triggers, then word-start ones (cheaper
/// to look for) are better.
fn score(t: &[String], word_start: bool) -> (usize, std::cmp::Reverse<usize>, bool) {
    let min = t.iter().map(String::len).min().unwrap_or(0);
    (min.min(4), std::cmp::Reverse(t.len()), word_start)
}

/// Calls `f` with `hir` and each sub-expression that every match of `hir`
/// contains a match of (the items of a concatenation, through captures), and
/// whether that sub-expression's match always follows a non-word byte.
fn each_required(hir: &Hir, after_boundary: bool, f: &mut impl FnMut(&Hir, bool)) {
    f(hir, after_boundary);
    match hir.kind() {
        HirKind::Capture(c) => each_required(&c.sub, after_boundary, f),
        HirKind::Concat(items) => {
            for (i, h) in items.iter().enumerate() {
                let mut after = after_boundary;
                for before in items[..i].iter().rev() {
                    match tail(before) {
                        Tail::NonWord => {
                            after = true;
                            break;
                        }
                        Tail::Unknown => {
                            after = false;
                            break;
                        }
                        Tail::NonWordOrEmpty => {}
                    }
                }
                each_required(h, after, f);
            }
        }
        _ => {}
    }
}

/// `[0-9A-Za-z_]`: what an ASCII `\b` counts as a word byte.
fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// What ends a sub-expression's matches, seen from a word byte right after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tail {
    /// The byte before the end is never an ASCII word byte (a non-word
    /// character ends every match), or a boundary assertion holds there.
    NonWord,
    /// That, or the match is empty and what precedes it decides.
    NonWordOrEmpty,
    /// Anything.
    Unknown,
}

/// A zero-width assertion that, before a word byte, means a non-word byte (or
/// no byte) precedes.
fn is_boundary_look(look: Look) -> bool {
    matches!(
        look,
        Look::Start
            | Look::StartLF
            | Look::StartCRLF
            | Look::WordAscii
            | Look::WordUnicode
            | Look::WordStartAscii
            | Look::WordStartUnicode
            | Look::WordStartHalfAscii
            | Look::WordStartHalfUnicode
    )
}

/// How `hir`'s matches end (see [`Tail`]). A non-ASCII character ends in a
/// byte that is not an ASCII word byte, so only ASCII word characters count.
fn tail(hir: &Hir) -> Tail {
    match hir.kind() {
        HirKind::Empty => Tail::NonWordOrEmpty,
        HirKind::Look(l) if is_boundary_look(*l) => Tail::NonWord,
        // Other assertions consume nothing: what precedes them decides.
        HirKind::Look(_) => Tail::NonWordOrEmpty,
        HirKind::Literal(l) => match l.0.last() {
            Some(&b) if !is_ascii_word(b) => Tail::NonWord,
            _ => Tail::Unknown,
        },
        HirKind::Class(Class::Unicode(c)) => {
            let word = c
                .iter()
                .any(|r| (r.start()..=r.end().min('\x7f')).any(|ch| is_ascii_word(ch as u8)));
            if word { Tail::Unknown } else { Tail::NonWord }
        }
        HirKind::Class(Class::Bytes(c)) => {
            let word = c.iter().any(|r| (r.start()..=r.end()).any(is_ascii_word));
            if word { Tail::Unknown } else { Tail::NonWord }
        }
        HirKind::Repetition(r) => match (tail(&r.sub), r.min) {
            (Tail::Unknown, _) => Tail::Unknown,
            (_, 0) => Tail::NonWordOrEmpty,
            (t, _) => t,
        },
        HirKind::Capture(c) => tail(&c.sub),
        HirKind::Concat(items) => {
            for h in items.iter().rev() {
                match tail(h) {
                    Tail::NonWordOrEmpty => {}
                    t => return t,
                }
            }
            Tail::NonWordOrEmpty
        }
        HirKind::Alternation(items) => {
            let tails: Vec<Tail> = items.iter().map(tail).collect();
            if tails.contains(&Tail::Unknown) {
                Tail::Unknown
            } else if tails.iter().all(|t| *t == Tail::NonWord) {
                Tail::NonWord
            } else {
                Tail::NonWordOrEmpty
            }
        }
    }
}

/// Every match of `hir` starts where a boundary assertion holds, before any
/// byte is consumed.
fn starts_at_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(l) => is_boundary_look(*l),
        HirKind::Capture(c) => starts_at_boundary(&c.sub),
        HirKind::Concat(items) => {
            for h in items {
                if starts_at_boundary(h) {
                    return true;
                }
                if h.properties().maximum_len() != Some(0) {
                    return false;
                }
            }
            false
        }
        HirKind::Alternation(items) => items.iter().all(starts_at_boundary),
        _ => false,
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
    fn triggers_after_a_boundary_or_a_non_word_byte_start_words() {
        let word_start = |p: &str| gate_of(p, false).unwrap().word_start;
        assert!(word_start(
            r"\b(?:[Hh]e|[A-Z][\w.-]*)\s+(?:(?:also|now)\s+){0,2}(?P<flag>claim(?:s|ed|ing)?)\b"
        ));
        assert!(word_start(r"\b(?P<flag>some|many)\s+[a-z]"));
        assert!(word_start(r"[,;]\s*(?:x\s+)?claims"));
        assert!(word_start(r"(?m:^)history"));
        // A trigger that may follow a word byte is looked for anywhere.
        assert!(!word_start(r"[a-z]+claim"));
        assert!(!word_start(r"\s(?:a|x?)claim"));
        assert!(!word_start(r"claims"));
        assert!(!word_start(r"\b(?:x|\s*)claims"));
        // A trigger starting with a non-word byte is found anywhere too.
        assert!(!word_start(r"\b\$[0-9]+ million"));
    }

    #[test]
    fn no_gate_without_a_required_literal() {
        assert!(gate_of(r"\b[a-z]+\b", false).is_none());
        assert!(gate_of(r"(?:claim)?", false).is_none());
        assert!(gate_of(r"ab|cd", false).is_none());
    }
}
