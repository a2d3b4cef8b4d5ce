//! The compiled default pack, serialized.
//!
//! Parsing the default pack's TOML, expanding its phrases and building the
//! matcher took most of start-up: 13 M instructions and some 650 page faults
//! of the 5 ms a one-article run took. The build script serializes the
//! compiled pack with postcard ([`store`]) and the binary reads it back
//! ([`read`]) whenever the default pack is loaded alone. Regexes are stored
//! by pattern and rebuilt from the prebuilt table of their facts and DFAs;
//! large tables are fixed-width records (`stored`).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Prebuilt;
use crate::error::RuleFile;
use crate::matcher::PhraseMatcher;
use crate::pack::{GroupId, Pack, PackRegex, PhraseOwners, Rule};

/// The parts of a [`Pack`] that are stored; the rest is rebuilt on load.
#[derive(Serialize, Deserialize)]
struct Stored {
    rules: Vec<Rule>,
    matcher: PhraseMatcher,
    phrase_owners: PhraseOwners,
    regexes: Vec<StoredRegex>,
    group_rules: Vec<Vec<usize>>,
    element_rules: Vec<usize>,
    lexicons: Vec<(String, GroupId, Vec<String>)>,
}

/// A regex of the pack: its entry in the prebuilt table of the default
/// pack's regexes (whose gate and DFAs are constant data), by its key.
#[derive(Serialize, Deserialize)]
struct StoredRegex {
    pattern: String,
    case_sensitive: bool,
    group: GroupId,
}

impl StoredRegex {
    fn load(self, prebuilt: &'static Prebuilt) -> Option<PackRegex> {
        let f = prebuilt.regex(&self.pattern, self.case_sensitive)?;
        let (regex, gate) = crate::load::prebuilt_regex(f);
        Some(PackRegex {
            regex,
            group: self.group,
            alphabet: gate.map(|g| g.alphabet),
        })
    }
}

/// The default pack from `prebuilt`'s snapshot; None if the snapshot does
/// not read whole. `files` are the default pack's files.
pub fn read(prebuilt: &'static Prebuilt, files: Vec<RuleFile>) -> Option<Pack> {
    let s: Stored = postcard::from_bytes(prebuilt.snapshot).ok()?;
    let regexes = s
        .regexes
        .into_iter()
        .map(|r| r.load(prebuilt))
        .collect::<Option<Vec<_>>>()?;
    Some(Pack {
        enabled: crate::pack::default_enabled(&s.rules),
        opt_in_off: crate::pack::opt_in(&s.rules),
        rules: s.rules,
        files,
        matcher: Arc::new(s.matcher),
        phrase_owners: s.phrase_owners,
        regexes,
        group_rules: s.group_rules,
        element_rules: s.element_rules,
        lexicons: s.lexicons,
    })
}

/// The snapshot of `pack`, the default pack compiled through `prebuilt`'s
/// table of regexes (which every regex of it is from).
#[cfg(any(feature = "build", test))]
pub fn store(pack: &Pack, prebuilt: &Prebuilt) -> Vec<u8> {
    let regexes = pack
        .regexes
        .iter()
        .map(|r| {
            let f = r
                .regex
                .facts()
                .expect("compiled through the prebuilt table");
            debug_assert!(prebuilt.regex(f.pattern, f.case_sensitive).is_some());
            StoredRegex {
                pattern: f.pattern.to_string(),
                case_sensitive: f.case_sensitive,
                group: r.group,
            }
        })
        .collect();
    let stored = StoredRef {
        rules: &pack.rules,
        matcher: &pack.matcher,
        phrase_owners: &pack.phrase_owners,
        regexes,
        group_rules: &pack.group_rules,
        element_rules: &pack.element_rules,
        lexicons: &pack.lexicons,
    };
    postcard::to_allocvec(&stored).expect("a pack serializes")
}

/// [`Stored`] by reference, for writing: serde writes a reference, a slice
/// and a vector as it writes what they hold, so the fields must match.
#[cfg(any(feature = "build", test))]
#[derive(Serialize)]
struct StoredRef<'a> {
    rules: &'a [Rule],
    matcher: &'a PhraseMatcher,
    phrase_owners: &'a PhraseOwners,
    regexes: Vec<StoredRegex>,
    group_rules: &'a [Vec<usize>],
    element_rules: &'a [usize],
    lexicons: &'a [(String, GroupId, Vec<String>)],
}
