//! The default pack compiled ahead of time.
//!
//! Parsing the default pack's TOML, expanding its phrases and building the
//! matcher took most of start-up: 13 M instructions and some 650 page faults
//! of the 5 ms a one-article run took. The compiled pack is serialized into
//! `pack.snapshot` and read back whenever the default pack is loaded alone.
//!
//! The file starts with a fingerprint of what it was compiled from: the rule
//! files, and the source of the code that compiles, stores and hashes them,
//! worked out at compile time ([`FINGERPRINT`]). A snapshot that does not
//! match is ignored (the pack is compiled as before), and the test
//! `pack_snapshot_is_current` fails until `scripts/bless.sh` writes it
//! again. The test also
//! compares the bytes with a freshly compiled pack's, so what the fingerprint
//! cannot see (a dependency's behaviour) is caught too.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::embedded_regexes::REGEXES;
use super::error::RuleSource;
use super::matcher::PhraseMatcher;
use super::pack::{GroupId, Pack, PackRegex, PhraseOwners, Rule};

/// The snapshot: [`FINGERPRINT`] (eight bytes, little-endian), then the
/// pack in postcard.
const SNAPSHOT: &[u8] = include_bytes!("pack.snapshot");

/// Where the bless test writes the snapshot.
#[cfg(test)]
const SNAPSHOT_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/pack.snapshot");

/// Hash of the default pack's files and of the code whose behaviour the
/// snapshot holds. A comment edited in one of these files also asks for a
/// new snapshot: cheaper than missing a change that matters.
const FINGERPRINT: u64 = {
    let mut h = fold(0, b"newslint pack snapshot 1");
    let mut i = 0;
    while i < super::embedded::FILES.len() {
        h = fold(h, super::embedded::FILES[i].0.as_bytes());
        h = fold(h, super::embedded::FILES[i].1.as_bytes());
        i += 1;
    }
    let code: &[&[u8]] = &[
        include_bytes!("embedded.rs"),
        include_bytes!("embedded_regexes.rs"),
        include_bytes!("error.rs"),
        include_bytes!("gate.rs"),
        include_bytes!("load.rs"),
        include_bytes!("matcher.rs"),
        include_bytes!("pack.rs"),
        include_bytes!("phrase.rs"),
        include_bytes!("schema.rs"),
        include_bytes!("snapshot.rs"),
        include_bytes!("../ascii.rs"),
        include_bytes!("../finding.rs"),
        include_bytes!("../fxhash.rs"),
        include_bytes!("../../Cargo.lock"),
    ];
    let mut i = 0;
    while i < code.len() {
        h = fold(h, code[i]);
        i += 1;
    }
    h
};

/// Folds `bytes` (and their length) into `h`; a `const fn`, for
/// [`FINGERPRINT`].
const fn fold(mut h: u64, bytes: &[u8]) -> u64 {
    const fn step(h: u64, w: u64) -> u64 {
        (h.rotate_left(23) ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
    h = step(h, bytes.len() as u64);
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let b = bytes;
        let w = u64::from_le_bytes([
            b[i],
            b[i + 1],
            b[i + 2],
            b[i + 3],
            b[i + 4],
            b[i + 5],
            b[i + 6],
            b[i + 7],
        ]);
        h = step(h, w);
        i += 8;
    }
    while i < bytes.len() {
        h = step(h, bytes[i] as u64);
        i += 1;
    }
    h ^ (h >> 29)
}

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

/// A regex of the pack: its entry in the table of the default pack's
/// regexes (whose gate and DFAs are constant data), by what identifies it.
#[derive(Serialize, Deserialize)]
struct StoredRegex {
    pattern: String,
    case_sensitive: bool,
    group: GroupId,
}

impl StoredRegex {
    fn load(self) -> Option<PackRegex> {
        let f = REGEXES
            .iter()
            .find(|f| f.pattern == self.pattern && f.case_sensitive == self.case_sensitive)?;
        let (regex, gate) = super::load::embedded_regex(f);
        Some(PackRegex {
            regex,
            group: self.group,
            alphabet: gate.map(|g| g.alphabet),
        })
    }
}

/// The default pack, read from the snapshot, if the snapshot is of this
/// build's default pack. `sources` are the default pack's files.
pub(crate) fn load(sources: Vec<RuleSource>) -> Option<Pack> {
    read(SNAPSHOT, sources)
}

/// The pack in `snapshot`, if it is a whole snapshot of this build's pack.
fn read(snapshot: &[u8], sources: Vec<RuleSource>) -> Option<Pack> {
    let (head, body) = snapshot.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*head) != FINGERPRINT {
        return None;
    }
    let s: Stored = postcard::from_bytes(body).ok()?;
    let regexes = s
        .regexes
        .into_iter()
        .map(StoredRegex::load)
        .collect::<Option<Vec<_>>>()?;
    Some(Pack {
        enabled: super::pack::default_enabled(&s.rules),
        opt_in_off: super::pack::opt_in(&s.rules),
        rules: s.rules,
        sources,
        matcher: Arc::new(s.matcher),
        phrase_owners: s.phrase_owners,
        regexes,
        group_rules: s.group_rules,
        element_rules: s.element_rules,
        lexicons: s.lexicons,
    })
}

/// The snapshot of `pack`, a freshly compiled default pack; an error if a
/// regex of it is missing from the table of their facts.
#[cfg(test)]
fn store(pack: &Pack) -> Result<Vec<u8>, String> {
    let regexes = pack
        .regexes
        .iter()
        .map(|r| match r.regex.facts() {
            Some(f) => Ok(StoredRegex {
                pattern: f.pattern.to_string(),
                case_sensitive: f.case_sensitive,
                group: r.group,
            }),
            None => Err(
                "a default-pack regex is missing from `embedded_regexes.rs`: \
                 run `NEWSLINT_BLESS=1 cargo test embedded_regex_facts` first"
                    .to_string(),
            ),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let stored = StoredRef {
        rules: &pack.rules,
        matcher: &pack.matcher,
        phrase_owners: &pack.phrase_owners,
        regexes,
        group_rules: &pack.group_rules,
        element_rules: &pack.element_rules,
        lexicons: &pack.lexicons,
    };
    let body = postcard::to_allocvec(&stored).map_err(|e| e.to_string())?;
    Ok([&FINGERPRINT.to_le_bytes()[..], &body].concat())
}

/// [`Stored`] by reference, for writing: serde writes a reference, a slice
/// and a vector as it writes what they hold, so the fields must match.
#[cfg(test)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::PackLoader;

    fn compiled() -> Pack {
        let mut loader = PackLoader::new();
        loader.add_embedded();
        loader.compile().expect("the default pack compiles")
    }

    /// Reading the snapshot and writing it again gives the same bytes: every
    /// encoding reads back what it wrote, and the pack built from it is read
    /// whole (a snapshot that failed to read would fall back to compiling).
    #[test]
    fn pack_snapshot_reads_back_as_written() {
        let sources = compiled().sources;
        let pack = load(sources).expect("the snapshot is current and reads");
        assert!(store(&pack).unwrap() == SNAPSHOT);
    }

    /// A snapshot of another build, or a damaged one, is ignored (the pack
    /// is then compiled), never half read.
    #[test]
    fn a_foreign_or_damaged_snapshot_is_not_read() {
        let sources = compiled().sources;
        let mut other = SNAPSHOT.to_vec();
        other[0] ^= 1;
        assert!(read(&other, sources.clone()).is_none());
        for cut in [0, 7, 8, 9, SNAPSHOT.len() / 2, SNAPSHOT.len() - 1] {
            assert!(read(&SNAPSHOT[..cut], sources.clone()).is_none(), "{cut}");
        }
        assert!(read(SNAPSHOT, sources).is_some());
    }

    /// Keeps `pack.snapshot` the snapshot of the default pack as this code
    /// compiles it; `NEWSLINT_BLESS=1` writes it.
    #[test]
    fn pack_snapshot_is_current() {
        let fresh = store(&compiled()).unwrap();
        if std::env::var_os("NEWSLINT_BLESS").is_some() {
            if fresh != SNAPSHOT {
                std::fs::write(SNAPSHOT_PATH, &fresh).unwrap();
            }
            return;
        }
        assert!(
            fresh == SNAPSHOT,
            "src/rules/pack.snapshot is stale (a rule file or the code that \
             compiles the pack changed): run scripts/bless.sh"
        );
    }
}
