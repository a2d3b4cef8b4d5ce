//! The lexicon's hash table, built from [`super::words`] on first use.
//!
//! Open addressing in two tables, one for short keys and one for long: a
//! word's lookup is a multiply, a shift and usually one comparison, and
//! returns everything known of it in one [`Lex`].

use std::sync::LazyLock;

use super::key::{Key, MAX_WORD, load_key};
use super::words::{
    ADJECTIVES, ANON_WORDS, BE_ADJECTIVES, BE_FORMS, BOUNDS, COMMONS, CONCERNS, CUES, DETS_DEF,
    DETS_INDEF, DOC_NOUNS, DOCV_NOUNS, LINK_VERBS, NUMBERS, PLATFORMS, PREPS, PRONOUNS, QUANTS,
    RELS, ROLE_NOUNS, SKIPS, STATEMENTS, TIMES, TITLES, VAGUE_NOUNS,
};
use super::{
    ADJ, ANON, BE, BE_ADJ, BOUND, COMMON, CONCERN, CueSpec, DEF, DET, DOC, DOCV, INDEF, LINK, Lex,
    NUM, PLATFORM, PREP, PRON, QUANT, REL, ROLE, SCAN, SKIP, STMT, TIME, TITLE, VAGUE,
};

/// Open addressing with linear probing: a lookup is a multiply, a shift and
/// usually one comparison. Keys and values sit in separate arrays so probing
/// touches only the small key array, which stays in the L1 cache. The size
/// `N` (a power of two) is part of the type, so a masked index needs no
/// bounds check.
struct Table<K, const N: usize> {
    keys: Box<[K; N]>,
    /// What each key's word is, returned whole: no side table to consult.
    values: Box<[Lex; N]>,
}

impl<K: Copy + Default + PartialEq + Into<u128>, const N: usize> Table<K, N> {
    fn new() -> Self {
        Table {
            keys: Box::new([K::default(); N]),
            values: Box::new([Lex::default(); N]),
        }
    }

    fn slot(k: K) -> usize {
        let k: u128 = k.into();
        let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (N - 1)
    }

    #[inline]
    fn get(&self, k: K) -> Lex {
        let mut i = Self::slot(k);
        loop {
            let kk = self.keys[i];
            if kk == k {
                return self.values[i];
            }
            if kk == K::default() {
                return Lex::default();
            }
            i = (i + 1) & (N - 1);
        }
    }

    /// The value of key `k`, added empty when missing: words are merged
    /// into the table directly, with no map to build first.
    fn entry(&mut self, k: K) -> &mut Lex {
        let mut i = Self::slot(k);
        while self.keys[i] != K::default() && self.keys[i] != k {
            i = (i + 1) & (N - 1);
        }
        self.keys[i] = k;
        &mut self.values[i]
    }
}

/// The lexicon: words of up to eight bytes (nearly all lookups) in a table
/// of `u64` keys, longer ones apart. Load factors under a half keep probe
/// runs short.
pub(crate) struct Lexicon {
    short: Table<u64, 4096>,
    long: Table<u128, 1024>,
}

impl Lexicon {
    /// Looks up a packed word (0 finds nothing).
    #[inline]
    pub(crate) fn get(&self, k: Key) -> Lex {
        match u64::try_from(k) {
            Ok(short) => self.get_short(short),
            Err(_) => self.long.get(k),
        }
    }

    /// Looks up a word of at most eight bytes.
    #[inline]
    pub(crate) fn get_short(&self, k: u64) -> Lex {
        self.short.get(k)
    }

    /// The entry of word `k`, added empty when missing.
    fn entry(&mut self, k: Key) -> &mut Lex {
        match u64::try_from(k) {
            Ok(short) => self.short.entry(short),
            Err(_) => self.long.entry(k),
        }
    }
}

static TABLE: LazyLock<Lexicon> = LazyLock::new(build);

fn build() -> Lexicon {
    let mut lex = Lexicon {
        short: Table::new(),
        long: Table::new(),
    };
    let mut add = |words_in: &[&'static str], flags: u32| {
        for w in words_in {
            if w.len() <= MAX_WORD {
                lex.entry(load_key(w.as_bytes())).flags |= flags;
            }
        }
    };
    add(DETS_DEF, DET | DEF);
    add(DETS_INDEF, DET | INDEF);
    add(QUANTS, QUANT);
    add(PRONOUNS, PRON);
    add(NUMBERS, NUM);
    add(VAGUE_NOUNS, VAGUE);
    add(ANON_WORDS, ANON);
    add(ROLE_NOUNS, ROLE);
    add(DOC_NOUNS, DOC);
    add(DOCV_NOUNS, DOCV);
    add(ADJECTIVES, ADJ);
    add(SKIPS, SKIP);
    add(BE_FORMS, BE);
    add(LINK_VERBS, LINK);
    add(BOUNDS, BOUND);
    add(PREPS, PREP | SCAN);
    add(RELS, REL);
    add(TIMES, TIME | SCAN);
    add(STATEMENTS, STMT);
    add(PLATFORMS, PLATFORM);
    add(TITLES, TITLE);
    add(COMMONS, COMMON);
    add(CONCERNS, CONCERN);
    add(BE_ADJECTIVES, BE_ADJ | SCAN);
    for &(w, kind, special, flags) in CUES {
        let entry = lex.entry(load_key(w.as_bytes()));
        entry.cue = Some(CueSpec {
            kind,
            special,
            flags,
        });
        entry.flags |= SCAN;
    }
    lex
}

/// The lexicon, built on first use: a caller doing many lookups takes it
/// once, not once per word.
pub(crate) fn lexicon() -> &'static Lexicon {
    &TABLE
}

/// Looks up a packed word (0 finds nothing).
pub(crate) fn lookup(k: Key) -> Lex {
    lexicon().get(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CueKind;
    use crate::model::lexicon::key::{key_in, pack};

    fn key(word: &[u8]) -> (Key, bool) {
        key_in(word, 0, word.len())
    }

    #[test]
    fn lookup_merges_classes() {
        let l = lookup(key(b"The").0);
        assert!(l.has(DET) && l.has(DEF));
        let said = lookup(key(b"said").0);
        assert_eq!(said.cue.map(|c| c.kind), Some(CueKind::Speech));
        let worried = lookup(key(b"worried").0);
        assert!(worried.be_adj() && worried.cue.is_some());
        assert_eq!(std::mem::size_of::<Lex>(), 8);
        assert!(!lookup(key(b"zzyzx").0).known());
        assert!(lookup(key("didn\u{2019}t".as_bytes()).0).has(SKIP));
        assert_eq!(key(b"Smith's"), (pack(b"smith"), true));
        assert_eq!(key(b"Mr."), (pack(b"mr"), false));
        assert_eq!(key(b"caf\xc3\xa9").0, 0);
        assert_eq!(key(b"abcdefghijklmnopq").0, 0);
        assert_eq!(key(b"AZaz@[`{09'-").0, pack(b"azaz@[`{09'-"));
        assert_eq!(key(b"WASHINGTON").0, pack(b"washington"));
    }

    #[test]
    fn scan_stops_at_every_word_that_can_start_an_attribution() {
        let table = lexicon();
        let words = CUES
            .iter()
            .map(|c| c.0)
            .chain(BE_ADJECTIVES.iter().copied())
            .chain(PREPS.iter().copied())
            .chain(TIMES.iter().copied())
            .chain(["the", "officials", "statement", "cat"]);
        for w in words {
            let lex = table.get(pack(w.as_bytes()));
            let starts = lex.cue.is_some() || lex.has(BE_ADJ | PREP | TIME);
            assert_eq!(lex.has(SCAN), starts, "{w}");
        }
    }
}
