//! The default pack, prebuilt by newslint's build script.
//!
//! Parsing the default pack's TOML, expanding its phrases and building the
//! matcher took most of a short run's start-up, and compiling its regexes a
//! fifth of the rest. So the build script (`build.rs` at the repository's
//! top) compiles `rules/*.toml` with this crate ([`write`]) and the binary
//! embeds what it made as one [`Prebuilt`]: the rule files' text, a table of
//! facts about each regex (with its dense DFAs), and the compiled pack in
//! postcard ([`snapshot`]).
//!
//! Writer and reader are this one crate, linked by the build script and the
//! binary from one lock file, so the prebuilt pack cannot disagree with the
//! code that reads it; a test in newslint also compiles `rules/` at run time
//! and compares.

use super::gate::Gate;

pub mod snapshot;
#[cfg(any(feature = "build", test))]
pub mod write;

/// What the build script made of the default pack.
#[derive(Debug)]
pub struct Prebuilt {
    /// Every file of `rules/`, by name (`rules/x.toml`), and its text.
    pub files: &'static [(&'static str, &'static str)],
    /// Every distinct regex of the pack (pattern and case mode), in load order.
    pub regexes: &'static [RegexFacts],
    /// The compiled pack: see [`snapshot`].
    pub snapshot: &'static [u8],
}

impl Prebuilt {
    /// The table entry of a default-pack regex.
    pub fn regex(&self, pattern: &str, case_sensitive: bool) -> Option<&'static RegexFacts> {
        self.regexes
            .iter()
            .find(|f| f.pattern == pattern && f.case_sensitive == case_sensitive)
    }
}

/// What loading works out from a regex of the default pack, prebuilt so
/// that start-up neither parses nor analyses it (a third of loading the
/// pack); a user's regex is analysed at load instead.
#[derive(Debug, PartialEq, Eq)]
pub struct RegexFacts {
    /// As written in the rule file.
    pub pattern: &'static str,
    pub case_sensitive: bool,
    /// Parsed in Unicode mode, with ASCII word boundaries (see `load`).
    pub unicode: bool,
    /// Index of the capture group named `flag`, if any.
    pub flag: Option<usize>,
    pub gate: Option<GateFacts>,
    /// Its dense DFAs; None when the flag span needs captures or a DFA
    /// could not be built: it then keeps the meta regex.
    pub dfas: Option<Dfas>,
}

/// A [`Gate`] as constant data; the alphabet as 256 bits, low byte first.
#[derive(Debug, PartialEq, Eq)]
pub struct GateFacts {
    pub triggers: &'static [&'static str],
    pub alphabet: [u64; 4],
    pub word_start: bool,
}

impl GateFacts {
    /// The gate these facts describe.
    pub fn gate(&self) -> Gate {
        let mut alphabet = Box::new([false; 256]);
        for (b, a) in alphabet.iter_mut().enumerate() {
            *a = self.alphabet[b / 64] >> (b % 64) & 1 != 0;
        }
        Gate {
            triggers: self.triggers.iter().map(|t| t.to_string()).collect(),
            alphabet,
            word_start: self.word_start,
        }
    }
}

/// Bytes aligned for the `u32` tables of a serialized DFA, so that they can
/// be read in place.
#[derive(Debug, PartialEq, Eq)]
#[repr(C, align(4))]
pub struct Aligned<B: ?Sized>(pub B);

/// Where a regex's reported span (its `flag` group, else its match) lies in
/// each match, worked out from its syntax when the DFAs are built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagSpan {
    /// The whole match: no flag group, or one spanning the match apart from
    /// zero-width assertions.
    Match,
    /// The match's leading run of ASCII letters: the flag group comes first,
    /// matches only ASCII letters, and what follows cannot start with one.
    LeadingLetters,
    /// The match's trailing run of ASCII letters: the mirror image.
    TrailingLetters,
}

/// A serialized forward and reverse DFA and how to read the flag span.
#[derive(Debug, PartialEq, Eq)]
pub struct Dfas {
    pub flag: FlagSpan,
    /// `to_bytes_little_endian` output, without its leading padding.
    pub forward: &'static Aligned<[u8]>,
    pub reverse: &'static Aligned<[u8]>,
    /// For a regex with no gate, the literals every match starts with (empty
    /// when there is no short such set): the forward DFA skips to them with
    /// a prefilter, as the meta regex would, instead of reading every byte.
    pub prefixes: &'static [&'static [u8]],
}
