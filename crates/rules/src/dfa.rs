//! The default pack's regexes as prebuilt dense DFAs.
//!
//! Compiling a rule regex (mostly its Thompson NFA) and filling its lazy
//! DFA's states, once per thread, took a fifth of a short run's
//! instructions. A fully built, minimized dense DFA pair (forward
//! leftmost-first, reverse anchored, as `dfa::regex` builds them) finds the
//! same leftmost-first matches as the meta regex on the same `Input`, and is
//! read from the binary in constant time. The build script builds them
//! (`prebuilt::write`) into the default pack's [`RegexFacts`] table.
//!
//! Those DFAs cannot report capture groups, so a regex with a `flag` group
//! gets one only when the group's span follows from the match's alone
//! ([`FlagSpan`]); any other keeps the meta regex.
//!
//! [`RegexFacts`]: crate::prebuilt::RegexFacts

use regex_automata::dfa::dense;
use regex_automata::dfa::regex::{Builder, Regex};
use regex_automata::util::prefilter::Prefilter;
use regex_automata::{Input, MatchKind};

use crate::prebuilt::{Aligned, Dfas, FlagSpan};

/// The forward DFA of `d` with its prefilter attached, if it has one (the
/// prefilter is not part of a DFA's serialized form).
pub(crate) fn with_prefilter(
    mut forward: dense::DFA<&'static [u32]>,
    d: &Dfas,
) -> dense::DFA<&'static [u32]> {
    if !d.prefixes.is_empty() {
        forward.set_prefilter(Prefilter::new(MatchKind::LeftmostFirst, d.prefixes));
    }
    forward
}

/// A default-pack regex ready to search.
#[derive(Debug, Clone)]
pub struct DfaRegex {
    regex: Regex<dense::DFA<&'static [u32]>>,
    flag: FlagSpan,
}

impl DfaRegex {
    /// A default-pack regex's prebuilt DFAs, ready to search.
    pub fn new(d: &'static Dfas) -> DfaRegex {
        let read = |bytes: &'static Aligned<[u8]>| {
            // SAFETY: what the unchecked read skips is validating the state
            // ids in the tables, which only bytes other than a DFA's own
            // serialization could get wrong. These are the
            // `to_bytes_little_endian` output of a DFA built by the build
            // script with this crate and the regex-automata it links (one
            // lock file for both), and `prebuilt_dfas_match_as_meta`
            // validates the same build's DFAs in full with `from_bytes`. The read still checks the label, endianness,
            // format version, alignment (which `Aligned` gives) and table
            // lengths, and this module exists on little-endian targets only.
            let (dfa, _) = unsafe { dense::DFA::from_bytes_unchecked(&bytes.0) }
                .expect("prebuilt DFAs are valid (tested)");
            dfa
        };
        DfaRegex {
            regex: Builder::new()
                .build_from_dfas(with_prefilter(read(d.forward), d), read(d.reverse)),
            flag: d.flag,
        }
    }

    /// From DFAs read some other way (the tests validate them in full).
    #[cfg(test)]
    pub fn from_parts(regex: Regex<dense::DFA<&'static [u32]>>, flag: FlagSpan) -> DfaRegex {
        DfaRegex { regex, flag }
    }

    /// Calls `push` with the reported span (flag group or match) of each
    /// leftmost-first, non-overlapping match in `input`, as the meta regex
    /// would.
    pub fn for_each(&self, input: Input<'_>, mut push: impl FnMut(usize, usize)) {
        let haystack = input.haystack();
        // Cannot panic: the DFAs have no quit bytes (none is configured, and
        // a Unicode word boundary fails the build instead of adding them),
        // the forward one has unanchored starts and the reverse one
        // anchored starts, as `dfa::regex` searches an unanchored input.
        debug_assert_eq!(input.get_anchored(), regex_automata::Anchored::No);
        for m in self.regex.find_iter(input) {
            let (s, e) = (m.start(), m.end());
            let letters = |b: &&u8| b.is_ascii_alphabetic();
            match self.flag {
                FlagSpan::Match => push(s, e),
                FlagSpan::LeadingLetters => {
                    push(s, s + haystack[s..e].iter().take_while(letters).count())
                }
                FlagSpan::TrailingLetters => push(
                    e - haystack[s..e].iter().rev().take_while(letters).count(),
                    e,
                ),
            }
        }
    }
}
