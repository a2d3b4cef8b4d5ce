//! Prebuilding the default pack: what newslint's build script runs.
//!
//! [`build`] compiles the rule files as any user's are compiled (so a broken
//! default rule file fails the build with the diagnostic a user would get),
//! works out each regex's facts and dense DFAs, and serializes the compiled
//! pack; [`Built::write_rust`] writes all of it into the build's `OUT_DIR`
//! for the binary to embed as a [`Prebuilt`].

use std::fmt::Write as _;
use std::path::Path;

use regex_automata::MatchKind;
use regex_automata::dfa::dense;
use regex_automata::nfa::thompson;
use regex_syntax::hir::{Class, Hir, HirKind};

use super::{Aligned, Dfas, FlagSpan, GateFacts, Prebuilt, RegexFacts};
use crate::error::RuleErrors;
use crate::load::{PackLoader, analyse_regex, regex_config};
use crate::schema::RuleFileDef;

/// One regex of the default pack, owned: what [`RegexFacts`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltRegex {
    pub pattern: String,
    pub case_sensitive: bool,
    pub unicode: bool,
    pub flag: Option<usize>,
    /// Triggers, alphabet bits and `word_start` of its gate.
    pub gate: Option<(Vec<String>, [u64; 4], bool)>,
    /// Flag span, the forward and reverse DFAs' bytes and the prefilter's
    /// literals (see [`Dfas::prefixes`]).
    pub dfas: Option<BuiltDfas>,
}

/// Flag span, forward DFA bytes, reverse DFA bytes, prefilter literals.
pub type BuiltDfas = (FlagSpan, Vec<u8>, Vec<u8>, Vec<Vec<u8>>);

impl From<&RegexFacts> for BuiltRegex {
    fn from(f: &RegexFacts) -> Self {
        BuiltRegex {
            pattern: f.pattern.to_string(),
            case_sensitive: f.case_sensitive,
            unicode: f.unicode,
            flag: f.flag,
            gate: f.gate.as_ref().map(|g| {
                let triggers = g.triggers.iter().map(|t| t.to_string()).collect();
                (triggers, g.alphabet, g.word_start)
            }),
            dfas: f.dfas.as_ref().map(|d| {
                let prefixes = d.prefixes.iter().map(|p| p.to_vec()).collect();
                (d.flag, d.forward.0.to_vec(), d.reverse.0.to_vec(), prefixes)
            }),
        }
    }
}

/// The default pack as the build script makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    /// Each rule file's name (`rules/x.toml`) and text.
    pub files: Vec<(String, String)>,
    pub regexes: Vec<BuiltRegex>,
    /// The compiled pack (see `snapshot`).
    pub snapshot: Vec<u8>,
}

/// Rule files in the order they load: the default pack's files in the
/// order its rules are listed (which also breaks ties between findings at
/// the same place), any other after them by name.
const ORDER: &[&str] = &[
    "lexicons.toml",
    "sourcing.toml",
    "hedging.toml",
    "loaded-language.toml",
    "puffery.toml",
    "editorializing.toml",
    "attribution.toml",
];

/// Every `.toml` file of `dir` as `rules/NAME` and its text, in load order.
pub fn read_rule_dir(dir: &Path) -> std::io::Result<Vec<(String, String)>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".toml") {
            names.push(name);
        }
    }
    let rank = |n: &String| ORDER.iter().position(|o| o == n).unwrap_or(ORDER.len());
    names.sort_by(|a, b| (rank(a), a).cmp(&(rank(b), b)));
    names
        .into_iter()
        .map(|n| Ok((format!("rules/{n}"), std::fs::read_to_string(dir.join(&n))?)))
        .collect()
}

/// Compiles the default pack's `files` (name and text, in load order).
pub fn build(files: Vec<(String, String)>) -> Result<Built, RuleErrors> {
    // Compiled first as a user's files are: every problem, located.
    let mut loader = PackLoader::new();
    for (name, text) in &files {
        loader.add_file(name.clone(), text.clone());
    }
    loader.compile()?;
    let regexes = regex_facts(&files);
    // Compiled again through the facts, as the binary loads the default
    // pack, so that the snapshot names its regexes by their table entries.
    let prebuilt = leak(&files, &regexes, Vec::new(), false);
    let mut loader = PackLoader::new();
    loader.add_prebuilt(prebuilt);
    let pack = loader.compile()?;
    let snapshot = super::snapshot::store(&pack, prebuilt);
    Ok(Built {
        files,
        regexes,
        snapshot,
    })
}

impl Built {
    /// The built pack as a [`Prebuilt`], leaked: for tests, and for the
    /// build's own second compile.
    pub fn leak(&self) -> &'static Prebuilt {
        leak(&self.files, &self.regexes, self.snapshot.clone(), true)
    }

    /// Writes `prebuilt.rs` (a [`Prebuilt`] expression that embeds the rest)
    /// and the DFAs and snapshot it includes into `out_dir`.
    pub fn write_rust(&self, out_dir: &Path) -> std::io::Result<()> {
        let dir = out_dir.join("prebuilt");
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        let include =
            |name: &str| format!("include_bytes!({:?})", dir.join(name).display().to_string());
        let mut src = String::from(
            "// Generated by build.rs from rules/*.toml (newslint_rules::prebuilt::write).\n\
             ::newslint_rules::prebuilt::Prebuilt {\n    files: &[\n",
        );
        for (name, text) in &self.files {
            let _ = writeln!(src, "        ({name:?}, {text:?}),");
        }
        src += "    ],\n    regexes: &[\n";
        for (i, r) in self.regexes.iter().enumerate() {
            let gate = match &r.gate {
                None => "None".to_string(),
                Some((triggers, bits, word_start)) => format!(
                    "Some(::newslint_rules::prebuilt::GateFacts {{ triggers: &{triggers:?}, \
                     alphabet: [{:#018x}, {:#018x}, {:#018x}, {:#018x}], word_start: {word_start} }})",
                    bits[0], bits[1], bits[2], bits[3]
                ),
            };
            let dfas = match &r.dfas {
                None => "None".to_string(),
                Some((flag, fwd, rev, prefixes)) => {
                    std::fs::write(dir.join(format!("{i}.fwd")), fwd)?;
                    std::fs::write(dir.join(format!("{i}.rev")), rev)?;
                    let prefixes: Vec<String> =
                        prefixes.iter().map(|p| format!("&{p:?}")).collect();
                    format!(
                        "Some(::newslint_rules::prebuilt::Dfas {{ \
                         flag: ::newslint_rules::prebuilt::FlagSpan::{flag:?}, \
                         forward: &::newslint_rules::prebuilt::Aligned(*{}), \
                         reverse: &::newslint_rules::prebuilt::Aligned(*{}), \
                         prefixes: &[{}] }})",
                        include(&format!("{i}.fwd")),
                        include(&format!("{i}.rev")),
                        prefixes.join(", ")
                    )
                }
            };
            let _ = writeln!(
                src,
                "        ::newslint_rules::prebuilt::RegexFacts {{ pattern: {:?}, case_sensitive: {}, \
                 unicode: {}, flag: {:?}, gate: {gate}, dfas: {dfas} }},",
                r.pattern, r.case_sensitive, r.unicode, r.flag
            );
        }
        std::fs::write(dir.join("pack.snapshot"), &self.snapshot)?;
        let _ = write!(
            src,
            "    ],\n    snapshot: {},\n}}\n",
            include("pack.snapshot")
        );
        std::fs::write(out_dir.join("prebuilt.rs"), src)
    }
}

/// Every distinct regex of `files` (pattern and case mode) in load order,
/// with its facts and DFAs.
fn regex_facts(files: &[(String, String)]) -> Vec<BuiltRegex> {
    let mut out: Vec<BuiltRegex> = Vec::new();
    for (_, text) in files {
        // Compiled already: the files parse.
        let Ok(file) = toml::from_str::<RuleFileDef>(text) else {
            continue;
        };
        // A context's conditions are compiled case-insensitively, for every
        // rule that names it.
        let shared = file
            .context
            .iter()
            .flat_map(|c| &c.conditions)
            .filter_map(|c| c.regex.as_ref())
            .map(|p| (p, false));
        let own = file.rule.iter().flat_map(|def| {
            let conditions = def.unless.iter().chain(&def.requires);
            def.regex
                .iter()
                .chain(conditions.filter_map(|c| c.regex.as_ref()))
                .map(|p| (p, def.case_sensitive))
        });
        for (p, case_sensitive) in own.chain(shared) {
            let pattern = p.get_ref();
            if out
                .iter()
                .any(|r| r.pattern == *pattern && r.case_sensitive == case_sensitive)
            {
                continue;
            }
            let Ok((hir, unicode, gate)) = analyse_regex(pattern, case_sensitive) else {
                continue;
            };
            let gate = gate.map(|g| {
                let mut bits = [0u64; 4];
                for (b, &on) in g.alphabet.iter().enumerate() {
                    bits[b / 64] |= u64::from(on) << (b % 64);
                }
                (g.triggers, bits, g.word_start)
            });
            let flag = crate::pack::flag_index(&hir);
            let dfas = build_dfas(&hir, flag, gate.is_none());
            out.push(BuiltRegex {
                pattern: pattern.clone(),
                case_sensitive,
                unicode,
                flag,
                gate,
                dfas,
            });
        }
    }
    out
}

/// A [`Prebuilt`] of owned parts, leaked; DFAs only `with_dfas`.
fn leak(
    files: &[(String, String)],
    regexes: &[BuiltRegex],
    snapshot: Vec<u8>,
    with_dfas: bool,
) -> &'static Prebuilt {
    let s = |s: &str| -> &'static str { String::leak(s.to_string()) };
    let files = files.iter().map(|(n, t)| (s(n), s(t))).collect::<Vec<_>>();
    let regexes = regexes
        .iter()
        .map(|r| RegexFacts {
            pattern: s(&r.pattern),
            case_sensitive: r.case_sensitive,
            unicode: r.unicode,
            flag: r.flag,
            gate: r
                .gate
                .as_ref()
                .map(|(triggers, alphabet, word_start)| GateFacts {
                    triggers: Vec::leak(triggers.iter().map(|t| s(t)).collect()),
                    alphabet: *alphabet,
                    word_start: *word_start,
                }),
            dfas: r
                .dfas
                .as_ref()
                .filter(|_| with_dfas)
                .map(|(flag, fwd, rev, prefixes)| Dfas {
                    flag: *flag,
                    forward: leak_aligned(fwd),
                    reverse: leak_aligned(rev),
                    prefixes: Vec::leak(prefixes.iter().map(|p| &*Vec::leak(p.clone())).collect()),
                }),
        })
        .collect::<Vec<_>>();
    Box::leak(Box::new(Prebuilt {
        files: Vec::leak(files),
        regexes: Vec::leak(regexes),
        snapshot: Vec::leak(snapshot),
    }))
}

/// `bytes` copied into leaked memory aligned as [`Aligned`] promises.
fn leak_aligned(bytes: &[u8]) -> &'static Aligned<[u8]> {
    let words: &'static mut [u32] = Vec::leak(vec![0u32; bytes.len().div_ceil(4)]);
    // SAFETY: the words own at least `bytes.len()` initialized bytes, and a
    // `u8` may alias any of them.
    let raw: &'static mut [u8] =
        unsafe { std::slice::from_raw_parts_mut(words.as_mut_ptr().cast::<u8>(), bytes.len()) };
    raw.copy_from_slice(bytes);
    // SAFETY: `Aligned<[u8]>` is `repr(C)` around a `[u8]`, so it has the
    // slice's layout and metadata; the pointer is 4-aligned as it requires.
    unsafe { &*(raw as *const [u8] as *const Aligned<[u8]>) }
}

/// The forward and reverse DFAs of a regex, serialized, if it can have
/// them: when its flag span follows from the match alone, and both build.
fn build_dfas(hir: &Hir, flag: Option<usize>, prefilter: bool) -> Option<BuiltDfas> {
    let span = flag_span(hir, flag)?;
    let meta = regex_config(prefilter);
    let prefixes = if prefilter {
        prefix_literals(hir)
    } else {
        Vec::new()
    };
    // The NFAs as the meta regex compiles them (`to_thompson_config`),
    // and the DFAs as `dfa::regex::Builder` configures them, minimized,
    // but for the forward one's anchored starts: nothing searches
    // anchored, and their states were a quarter of the data.
    let mut look = regex_automata::util::look::LookMatcher::new();
    look.set_line_terminator(meta.get_line_terminator());
    let forward_nfa = thompson::Config::new()
        .utf8(meta.get_utf8_empty())
        .nfa_size_limit(meta.get_nfa_size_limit())
        .shrink(false)
        .which_captures(meta.get_which_captures())
        .look_matcher(look);
    let reverse_nfa = forward_nfa
        .clone()
        .which_captures(thompson::WhichCaptures::None)
        .reverse(true);
    assert_eq!(meta.get_match_kind(), MatchKind::LeftmostFirst);
    // A prefilter acts only where the search can tell a start state. A
    // regex whose DFA would outgrow the limit (bounded repetition of a broad
    // class blows up) keeps no prebuilt DFA and runs on the meta regex,
    // rather than stalling the build.
    let forward = dense::Config::new()
        .determinize_size_limit(Some(DFA_SIZE_LIMIT))
        .dfa_size_limit(Some(DFA_SIZE_LIMIT))
        .specialize_start_states(!prefixes.is_empty())
        .match_kind(meta.get_match_kind())
        .start_kind(regex_automata::dfa::StartKind::Unanchored)
        .minimize(true);
    let reverse = dense::Config::new()
        .determinize_size_limit(Some(DFA_SIZE_LIMIT))
        .dfa_size_limit(Some(DFA_SIZE_LIMIT))
        .prefilter(None)
        .specialize_start_states(false)
        .start_kind(regex_automata::dfa::StartKind::Anchored)
        .match_kind(MatchKind::All)
        .minimize(true);
    let dfa = |nfa: thompson::Config, dfa: dense::Config| {
        let nfa = thompson::Compiler::new()
            .configure(nfa)
            .build_from_hir(hir)
            .ok()?;
        let dfa = dense::Builder::new()
            .configure(dfa)
            .build_from_nfa(&nfa)
            .ok()?;
        let (bytes, padding) = dfa.to_bytes_little_endian();
        Some(bytes[padding..].to_vec())
    };
    Some((
        span,
        dfa(forward_nfa, forward)?,
        dfa(reverse_nfa, reverse)?,
        prefixes,
    ))
}

/// Largest dense DFA, in bytes, the build prebuilds; the default pack's
/// largest is about 1.5 MB.
const DFA_SIZE_LIMIT: usize = 4 << 20;

/// Most literals a prefilter is built from; more would be slower to find
/// than the DFA is to run.
const MAX_PREFIXES: usize = 64;

/// The literals every match of `hir` starts with, as the meta regex would
/// choose them for its prefilter; empty when there is no useful set (one
/// may be empty, as after `^`, or there are too many).
fn prefix_literals(hir: &Hir) -> Vec<Vec<u8>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let mut seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    seq.optimize_for_prefix_by_preference();
    match seq.literals() {
        Some(lits)
            if !lits.is_empty()
                && lits.len() <= MAX_PREFIXES
                && lits.iter().all(|l| !l.as_bytes().is_empty()) =>
        {
            lits.iter().map(|l| l.as_bytes().to_vec()).collect()
        }
        _ => Vec::new(),
    }
}

/// Where the reported span lies in each match of `hir` (see
/// [`FlagSpan`]), if that follows from the match alone.
fn flag_span(hir: &Hir, flag: Option<usize>) -> Option<FlagSpan> {
    let Some(flag) = flag else {
        return Some(FlagSpan::Match);
    };
    let items = match hir.kind() {
        HirKind::Concat(items) => items.as_slice(),
        _ => std::slice::from_ref(hir),
    };
    let at = items
        .iter()
        .position(|h| matches!(h.kind(), HirKind::Capture(c) if c.index as usize == flag))?;
    let HirKind::Capture(group) = items[at].kind() else {
        unreachable!("found as a capture")
    };
    let zero_width = |h: &Hir| h.properties().maximum_len() == Some(0);
    let (before, after) = (&items[..at], &items[at + 1..]);
    let first = before.iter().all(zero_width);
    let last = after.iter().all(zero_width);
    if first && last {
        return Some(FlagSpan::Match);
    }
    // The flag is then a run of letters that a non-letter (or the
    // match's edge) bounds on its inner side.
    if !letters_only(&group.sub) || group.sub.properties().minimum_len().is_none_or(|n| n == 0) {
        return None;
    }
    if first && !seq_may_edge_letter(after, Edge::First) {
        return Some(FlagSpan::LeadingLetters);
    }
    if last && !seq_may_edge_letter(before, Edge::Last) {
        return Some(FlagSpan::TrailingLetters);
    }
    None
}

#[derive(Clone, Copy, PartialEq)]
enum Edge {
    First,
    Last,
}

fn is_letter_range(lo: u32, hi: u32) -> bool {
    let within = |a: u8, z: u8| u32::from(a) <= lo && hi <= u32::from(z);
    within(b'A', b'Z') || within(b'a', b'z')
}

fn overlaps_letters(lo: u32, hi: u32) -> bool {
    let meets = |a: u8, z: u8| lo <= u32::from(z) && u32::from(a) <= hi;
    meets(b'A', b'Z') || meets(b'a', b'z')
}

/// A class's ranges as code points (Unicode) or bytes, whichever it holds.
fn class_ranges(c: &Class) -> Box<dyn Iterator<Item = (u32, u32)> + '_> {
    match c {
        Class::Unicode(c) => Box::new(
            c.ranges()
                .iter()
                .map(|r| (r.start().into(), r.end().into())),
        ),
        Class::Bytes(c) => Box::new(
            c.ranges()
                .iter()
                .map(|r| (r.start().into(), r.end().into())),
        ),
    }
}

/// True when every byte `h` can match is an ASCII letter.
fn letters_only(h: &Hir) -> bool {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(l) => l.0.iter().all(u8::is_ascii_alphabetic),
        HirKind::Class(c) => class_ranges(c).all(|(lo, hi)| is_letter_range(lo, hi)),
        HirKind::Repetition(r) => letters_only(&r.sub),
        HirKind::Capture(c) => letters_only(&c.sub),
        HirKind::Concat(items) | HirKind::Alternation(items) => items.iter().all(letters_only),
    }
}

/// True when a non-empty match of `h` may have an ASCII letter as its
/// first (or last) byte; a multibyte character's bytes are not letters.
fn may_edge_letter(h: &Hir, edge: Edge) -> bool {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(l) => {
            let b = if edge == Edge::First {
                l.0.first()
            } else {
                l.0.last()
            };
            b.is_some_and(u8::is_ascii_alphabetic)
        }
        HirKind::Class(c) => class_ranges(c).any(|(lo, hi)| overlaps_letters(lo, hi)),
        HirKind::Repetition(r) => may_edge_letter(&r.sub, edge),
        HirKind::Capture(c) => may_edge_letter(&c.sub, edge),
        HirKind::Concat(items) => seq_may_edge_letter(items, edge),
        HirKind::Alternation(items) => items.iter().any(|h| may_edge_letter(h, edge)),
    }
}

/// True when what `items` match in sequence may start (or end) with an
/// ASCII letter: items that may match nothing let the next one's edge
/// through.
fn seq_may_edge_letter(items: &[Hir], edge: Edge) -> bool {
    let mut ordered: Box<dyn Iterator<Item = &Hir>> = match edge {
        Edge::First => Box::new(items.iter()),
        Edge::Last => Box::new(items.iter().rev()),
    };
    for h in &mut ordered {
        if may_edge_letter(h, edge) {
            return true;
        }
        if h.properties().minimum_len() != Some(0) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use regex_automata::Input;
    use regex_automata::dfa::regex::Builder;

    use super::*;
    use crate::dfa::DfaRegex;
    use crate::load::parse_regex;
    use crate::pack::LazyRegex;

    fn built() -> &'static Built {
        static BUILT: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
        BUILT.get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
            build(read_rule_dir(&dir).unwrap()).unwrap_or_else(|e| panic!("{e}"))
        })
    }

    fn files(p: &Prebuilt) -> Vec<crate::RuleFile> {
        p.files
            .iter()
            .map(|(name, text)| crate::RuleFile {
                name: name.to_string(),
                text: (*text).into(),
            })
            .collect()
    }

    /// The default pack loads from its snapshot, and storing that pack again
    /// gives the same bytes: every encoding reads back what it wrote.
    #[test]
    fn the_snapshot_reads_back_as_written() {
        let prebuilt = built().leak();
        let pack =
            crate::prebuilt::snapshot::read(prebuilt, files(prebuilt)).expect("the snapshot reads");
        assert!(crate::prebuilt::snapshot::store(&pack, prebuilt) == prebuilt.snapshot);
        assert_eq!(pack.rules.len(), {
            let mut l = PackLoader::new();
            l.add_prebuilt(prebuilt);
            l.compile().unwrap().rules.len()
        });
    }

    /// A damaged or cut snapshot is ignored (the pack is then compiled),
    /// never half read.
    #[test]
    fn a_damaged_snapshot_is_not_read() {
        let prebuilt = built().leak();
        let snap = prebuilt.snapshot;
        for cut in [0, 1, 7, snap.len() / 2, snap.len() - 1] {
            let p = Box::leak(Box::new(Prebuilt {
                snapshot: &snap[..cut],
                ..*prebuilt
            }));
            assert!(
                crate::prebuilt::snapshot::read(p, files(p)).is_none(),
                "{cut}"
            );
        }
        let mut loader = PackLoader::new();
        loader.add_prebuilt(prebuilt);
        assert!(loader.load().is_ok());
    }

    /// A broken default rule file fails the build with a located error.
    #[test]
    fn a_broken_rule_file_is_a_located_error() {
        let files = vec![(
            "rules/x.toml".to_string(),
            "[[rule]]\nid = \"x\"\nregex = ['(']\n".to_string(),
        )];
        let e = build(files).unwrap_err();
        assert!(e.to_string().starts_with("rules/x.toml:"), "{e}");
    }

    #[test]
    fn flag_spans_follow_from_the_syntax() {
        let span = |p: &str| {
            let hir = crate::load::parse_regex(p, false, true).unwrap();
            flag_span(&hir, crate::pack::flag_index(&hir))
        };
        assert_eq!(span(r"\bclaims?\b"), Some(FlagSpan::Match));
        assert_eq!(span(r"\b(?P<flag>claims?)\b"), Some(FlagSpan::Match));
        assert_eq!(
            span(r"\b(?P<flag>many)\s+\w"),
            Some(FlagSpan::LeadingLetters)
        );
        assert_eq!(span(r"\b(?P<flag>many)x?\s+\w"), None);
        assert_eq!(span(r"\b(?P<flag>many)(?:x\w)?\s+"), None);
        assert_eq!(span(r"\b(?P<flag>ma-ny)\s+\w"), None);
        assert_eq!(span(r"\b(?P<flag>a*)\s+\w"), None);
        assert_eq!(
            span(r"\w+(?:\s+also)?\s+(?P<flag>claims?)\b"),
            Some(FlagSpan::TrailingLetters)
        );
        assert_eq!(span(r"\w+(?:\s+also)?(?P<flag>claims?)\b"), None);
        assert_eq!(span(r"\w*re(?P<flag>claim)"), None);
        assert_eq!(span(r"é(?P<flag>claim)"), Some(FlagSpan::TrailingLetters));
        assert_eq!(span(r"a((?P<flag>b))\s"), None);
        // Unicode case folding reaches the Kelvin sign, not a letter here.
        let hir = crate::load::parse_regex(r"\s(?P<flag>k)", true, true).unwrap();
        assert_eq!(flag_span(&hir, Some(1)), None);
    }

    /// Texts that try the DFAs' edges: curly quotes and apostrophes,
    /// no-break and thin spaces, non-ASCII letters against words, capitals.
    const TRICKY: &[&str] = &[
        "The company\u{a0}claimed it. He\u{2009}also\u{a0}claims so. She  has  claimed.",
        "M\u{fc}ller claimed, \u{c5}ngstr\u{f6}m claims, O\u{2019}Brien claimed, D'Arcy insisted.",
        "The firm\u{2019}s lawyer claimedly said; He claims\u{e9} it; H\u{e9} claimed; \u{201c}They claimed\u{201d}.",
        "They have also later claimed it. It had still insisted. We quietly revealed. I admitted.",
        "Their own lawyers later admitted it; the Minister conceded; Officials maintains.",
        "Some of the people; many\u{a0}people; som\u{e9} people; \u{c9}some people; SOME PEOPLE; countless\tfans.",
        "A history of  abuse, a history of alleged serious scandals, a history of cover-ups and lies.",
        "Shares plunged 5%, soared by more than 12.5 percent, sank nearly 3 pct. and spiked\u{a0}9 per cent.",
        "It may well signal a shift; could prove; might\r\nindicate; would in fact point to trouble.",
        "It shows. It showed. It may. Mayhem proves nothing; the data reveals\u{e9} more.",
        "\u{2019}He claimed\u{2019} \u{2014}He claimed\u{2014} He claimed\u{fb01} x\u{301}He claimed",
        // What the ungated regexes' prefilters skip to.
        "Is it? \u{201c}Why?\u{201d} (@handle) pic.twitter.com/x t.co/y 12) 3. I\u{2019}m my MOD: Yes. 2 awards",
    ];

    /// The prebuilt DFAs find what the meta regex finds, fully validated:
    /// the test that vouches for their unchecked read.
    #[test]
    fn prebuilt_dfas_match_as_meta() {
        let prebuilt = built().leak();
        let mut loader = PackLoader::new();
        loader.add_prebuilt(prebuilt);
        let pack = loader.load().unwrap();
        let mut texts: Vec<String> = TRICKY.iter().map(|t| t.to_string()).collect();
        for rule in &pack.rules {
            texts.extend(rule.examples.iter().map(|e| e.text.clone()));
        }
        let all = texts.join(" ");
        let mut tested = 0;
        for f in prebuilt.regexes {
            let Some(d) = &f.dfas else { continue };
            let read = |a: &'static Aligned<[u8]>| dense::DFA::from_bytes(&a.0).unwrap().0;
            let dfa = DfaRegex::from_parts(
                Builder::new().build_from_dfas(
                    crate::dfa::with_prefilter(read(d.forward), d),
                    read(d.reverse),
                ),
                d.flag,
            );
            let hir = parse_regex(f.pattern, f.unicode, !f.case_sensitive).unwrap();
            let meta = LazyRegex::new(hir, regex_config(f.gate.is_none()));
            let spans = |input: Input<'_>, dfa_path: bool| {
                let mut out = Vec::new();
                let push = |s, e| out.push((s, e));
                match dfa_path {
                    true => dfa.for_each(input, push),
                    false => meta.for_each_span(input, push),
                }
                out
            };
            let mut found = 0;
            let mut check = |text: &str, start: usize, end: usize| {
                let input = || Input::new(text).range(start..end);
                let want = spans(input(), false);
                assert_eq!(
                    spans(input(), true),
                    want,
                    "{:?} in {text:?} {start}..{end}",
                    f.pattern
                );
                found += want.len();
            };
            for t in &texts {
                // Every start (searches narrowed mid-word see the bytes
                // before them) and a few ends.
                for start in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                    check(t, start, t.len());
                }
                for end in (0..t.len()).filter(|&i| t.is_char_boundary(i)).step_by(5) {
                    check(t, 0, end);
                }
            }
            check(&all, 0, all.len());
            assert!(found > 0, "no match of {:?} was tried", f.pattern);
            tested += 1;
        }
        assert!(tested > 0, "no default-pack regex has DFAs");
    }
}
