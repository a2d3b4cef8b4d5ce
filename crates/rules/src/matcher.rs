//! The phrase matcher: every literal phrase of the pack, and every trigger of
//! a gated regex, found in one pass over a document's words.
//!
//! A phrase matches whole words only. Cut text into *units*, each a maximal
//! run of word characters or one other character: wherever a phrase matches,
//! each of its own units is a whole unit of the text (its first and last
//! characters sit at unit edges, and the edges inside it fall where the
//! phrase's own do). So each phrase is filed under one of its units, its
//! *anchor*, chosen to be rare in English ("fact" in "the fact that", not
//! "the"), and the text is read one unit at a time: a unit that anchors no
//! phrase costs a hash and a bloom filter test, and one that does is compared
//! with the bytes of its phrases around it. Building this hashes each phrase
//! once: the Aho-Corasick automaton it replaces took half of start-up to
//! build for the default pack's 5,700 patterns, and a trie walked from each
//! phrase's first word stopped at every "the".
//!
//! A trigger (see `gate`) must be reported wherever it occurs, inside words
//! too. Most are proven to start only where a word starts, and are looked up
//! at each word start; the rest, from user regexes, go to a small
//! Aho-Corasick automaton that finds them anywhere.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::phrase::{at_word_boundaries, is_word_char};
use super::stored::{Record, records, strings, u32_at, u64_at};
use crate::fast::ascii::{
    WINDOW, flags64, high_bytes16, load8_padded as load8, load8_prefix, matches16, word_bytes16,
};
use crate::fast::fxhash::mix;

/// Finishes a hash so that its low bits depend on every byte too (a product
/// keeps high bits of its operands out of its low bits).
#[inline]
fn finish(h: u64) -> u64 {
    h ^ (h >> 32)
}

/// The hash of `u`, a unit: its bytes read as little-endian words, the last
/// one zero-padded.
fn unit_hash(u: &[u8]) -> u64 {
    let mut h = u.len() as u64;
    let mut chunks = u.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(last));
    }
    finish(h)
}

/// [`unit_hash`] of `b[s..e]`, with one unaligned load for a short unit
/// that has eight bytes of text after its start.
#[inline]
fn hash_at(b: &[u8], s: usize, e: usize) -> u64 {
    let len = e - s;
    if len <= 8
        && let Some(w) = b.get(s..s + 8)
    {
        let w = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        let w = if len == 8 {
            w
        } else {
            w & ((1u64 << (8 * len)) - 1)
        };
        return finish(mix(len as u64, w));
    }
    unit_hash(&b[s..e])
}

/// [`unit_hash`], unfinished, of a unit of `len` bytes (at most eight)
/// whose first eight bytes (those after it too) are `head`.
#[inline(always)]
fn head_hash(head: u64, len: usize) -> u64 {
    mix(len as u64, head & LOW_BYTES[len])
}

/// [`low_bytes`] of `0..=8` as a table: the scan masks every word's head,
/// and a load took the place of a branch and four steps of shifting.
const LOW_BYTES: [u64; 9] = {
    let mut t = [u64::MAX; 9];
    let mut n = 0;
    while n < 8 {
        t[n] = (1u64 << (8 * n)) - 1;
        n += 1;
    }
    t
};

/// A map from hashes to indices, frozen into an open-addressing table: one
/// probe finds most keys, where a general hash map spends several times that.
#[derive(Serialize, Deserialize)]
struct HashIndex {
    /// (key, value); a zero key marks an empty slot.
    #[serde(with = "records")]
    slots: Box<[(u64, u32)]>,
    mask: usize,
    /// The value of key zero, which cannot sit in a slot.
    zero: Option<u32>,
}

impl HashIndex {
    fn new(entries: impl ExactSizeIterator<Item = (u64, u32)>) -> Self {
        // At most half full: probes stay short.
        let len = (entries.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![(0u64, 0u32); len].into_boxed_slice();
        let mask = len - 1;
        let mut zero = None;
        for (key, value) in entries {
            if key == 0 {
                zero = Some(value);
                continue;
            }
            let mut i = key as usize & mask;
            while slots[i].0 != 0 && slots[i].0 != key {
                i = (i + 1) & mask;
            }
            slots[i] = (key, value);
        }
        HashIndex { slots, mask, zero }
    }

    /// `items` reordered so that those of each key are together, in their
    /// order. A counting sort over an index's slots: sorting by key took 5%
    /// of start-up.
    fn group<T: Copy>(items: &[T], key: impl Fn(&T) -> u64) -> Vec<T> {
        let len = (items.len() * 2).next_power_of_two().max(16);
        let mask = len - 1;
        let mut slots = vec![(0u64, 0u32); len].into_boxed_slice();
        // Each item's slot, `len` for key zero; the slots count their items.
        let mut at = Vec::with_capacity(items.len());
        let mut zeros = 0u32;
        for item in items {
            let k = key(item);
            if k == 0 {
                zeros += 1;
                at.push(len);
                continue;
            }
            let mut i = k as usize & mask;
            while slots[i].0 != 0 && slots[i].0 != k {
                i = (i + 1) & mask;
            }
            slots[i] = (k, slots[i].1 + 1);
            at.push(i);
        }
        // Counts become starts: key zero's items first, then slot order.
        let mut next = zeros;
        for s in slots.iter_mut().filter(|s| s.0 != 0) {
            (s.1, next) = (next, next + s.1);
        }
        // Where each item goes, turned into which item each place takes.
        let mut cursor: Vec<u32> = slots.iter().map(|s| s.1).chain([0]).collect();
        let mut from = vec![0u32; items.len()];
        for (k, &i) in at.iter().enumerate() {
            from[cursor[i] as usize] = k as u32;
            cursor[i] += 1;
        }
        from.iter().map(|&k| items[k as usize]).collect()
    }

    /// The index of the first of each run of equal `keys`, by key (each key
    /// makes one run).
    fn runs(keys: impl Iterator<Item = u64>) -> Self {
        let mut prev = None;
        let firsts: Vec<(u64, u32)> = keys
            .enumerate()
            .filter(|&(_, k)| prev.replace(k) != Some(k))
            .map(|(i, k)| (k, i as u32))
            .collect();
        HashIndex::new(firsts.into_iter())
    }

    #[inline]
    fn get(&self, key: u64) -> Option<u32> {
        if key == 0 {
            return self.zero;
        }
        let mut i = key as usize & self.mask;
        loop {
            let (k, value) = self.slots[i];
            if k == key {
                return Some(value);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// `[0-9A-Za-z_]`, the bytes an ASCII `\b` counts as word bytes.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

/// End of the unit starting at `i` (a char boundary before the end).
#[inline]
fn unit_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let c = b[i];
    if c < 0x80 {
        if !ASCII_WORD[c as usize] {
            return i + 1;
        }
        return ascii_run_end(text, i + 1);
    }
    if starts_word(&text[i..]) {
        word_run_end(text, i)
    } else {
        i + char_len(c)
    }
}

/// End of the run of word characters from `i`, which follows a word byte.
#[inline]
fn ascii_run_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() && ASCII_WORD[b[i] as usize] {
        i += 1;
    }
    if i < b.len() && b[i] >= 0x80 {
        word_run_end(text, i)
    } else {
        i
    }
}

/// End of the run of word characters starting at `i`.
fn word_run_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if !ASCII_WORD[c as usize] {
                break;
            }
            i += 1;
        } else if starts_word(&text[i..]) {
            i += char_len(c);
        } else {
            break;
        }
    }
    i
}

/// Length of the UTF-8 character whose first byte is `b`.
#[inline]
fn char_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// A set of 16-bit keys (a bloom filter of one hash when keyed by one).
struct BitSet(Box<[u64; 1024]>);

// serde has no impls for arrays this long: the words go as a table.
impl Serialize for BitSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        records::serialize(self.0.as_slice(), s)
    }
}

impl<'de> Deserialize<'de> for BitSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let words: Vec<u64> = records::deserialize(d)?;
        let words: Box<[u64; 1024]> = words
            .into_boxed_slice()
            .try_into()
            .map_err(|_| serde::de::Error::custom("a bit set has 1024 words"))?;
        Ok(BitSet(words))
    }
}

impl BitSet {
    fn new() -> Self {
        BitSet(Box::new([0; 1024]))
    }

    fn insert(&mut self, k: u16) {
        self.0[usize::from(k >> 6)] |= 1 << (k & 63);
    }

    #[inline]
    fn contains(&self, k: u16) -> bool {
        self.0[usize::from(k >> 6)] & (1 << (k & 63)) != 0
    }
}

/// Bloom key of a unit hash.
#[inline]
fn bloom(h: u64) -> u16 {
    (h >> 48) as u16
}

/// Bloom key of a trigram.
#[inline]
fn trigram_bloom(t: u32) -> u16 {
    (t.wrapping_mul(0x9e37_79b1) >> 16) as u16
}

/// Key of a trigram in the trigger index. The index takes a key's low bits
/// as its slot, and a trigram's low byte is its first letter: keyed by the
/// trigram itself, triggers sharing a first letter ("claim", "concede",
/// "confirm") filled one run of slots, and a lookup probed nine slots on
/// average. The product and fold are invertible: keys stay distinct.
#[inline]
fn trigram_key(t: u32) -> u64 {
    finish(mix(0, u64::from(t)))
}

/// Finds phrases and triggers (see the module documentation). It serializes
/// whole, for the default pack's snapshot (see `snapshot`).
#[derive(Serialize, Deserialize)]
pub struct PhraseMatcher {
    /// The phrases, lower-case, by pattern id.
    #[serde(with = "strings")]
    phrases: Vec<String>,
    /// The phrases under each anchor, grouped by the anchor's hash.
    anchored: Anchors,
    /// Bloom filter of the hashes of anchors that are words.
    anchor_words: BitSet,
    /// First bytes of anchors that are single non-word characters.
    #[serde(with = "bytes_flags")]
    anchor_marks: [bool; 256],
    /// How the scan finds the ASCII ones among a window's bytes.
    marks: Marks,
    /// Triggers looked for at word starts, sorted by trigram.
    word_triggers: Vec<WordTrigger>,
    /// Index in `word_triggers` of the first trigger of each trigram.
    trigger_index: HashIndex,
    /// Bloom filter of the trigrams of `word_triggers`.
    trigger_starts: BitSet,
    /// Triggers found anywhere, and the regexes of each.
    anywhere: Option<Anywhere>,
}

/// Triggers found anywhere: their automaton, built from `triggers` (which
/// is what serializes), and the regexes of each.
struct Anywhere {
    ac: AhoCorasick,
    triggers: Vec<(String, Vec<u32>)>,
}

impl Anywhere {
    fn new(triggers: Vec<(String, Vec<u32>)>) -> Self {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(triggers.iter().map(|(t, _)| t))
            .expect("triggers are plain strings");
        Anywhere { ac, triggers }
    }
}

impl Serialize for Anywhere {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.triggers.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Anywhere {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Anywhere::new(Vec::deserialize(d)?))
    }
}

/// A `[bool; 256]`, serialized as the bytes whose flag is set.
mod bytes_flags {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(flags: &[bool; 256], s: S) -> Result<S::Ok, S::Error> {
        let set: Vec<u8> = (0..=255u8).filter(|&b| flags[b as usize]).collect();
        set.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[bool; 256], D::Error> {
        let mut flags = [false; 256];
        for b in Vec::<u8>::deserialize(d)? {
            flags[b as usize] = true;
        }
        Ok(flags)
    }
}

impl std::fmt::Debug for PhraseMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhraseMatcher")
            .field("phrases", &self.phrases.len())
            .field("anchors", &self.anchored.items.len())
            .finish_non_exhaustive()
    }
}

/// A phrase filed under its anchor unit.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Anchored {
    /// The anchor's [`unit_hash`].
    hash: u64,
    /// The phrase.
    phrase: u32,
    /// Bytes of the phrase before and after the anchor.
    before: u32,
    after: u32,
    /// The first (up to) eight bytes after the anchor, zero-padded, and the
    /// mask of those there are: most phrases under a common anchor ("said")
    /// differ there, so one masked compare rejects them.
    after_head: u64,
    after_mask: u64,
    /// The last (up to) eight bytes before the anchor, as the high bytes of
    /// a word read from eight bytes before it, shifted down; and how many.
    before_tail: u64,
    before_len: u32,
}

impl Record for Anchored {
    const SIZE: usize = 48;
    fn put(&self, out: &mut Vec<u8>) {
        for w in [
            self.hash,
            self.after_head,
            self.after_mask,
            self.before_tail,
        ] {
            out.extend_from_slice(&w.to_le_bytes());
        }
        for w in [self.phrase, self.before, self.after, self.before_len] {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    fn get(b: &[u8]) -> Self {
        Anchored {
            hash: u64_at(b, 0),
            after_head: u64_at(b, 8),
            after_mask: u64_at(b, 16),
            before_tail: u64_at(b, 24),
            phrase: u32_at(b, 32),
            before: u32_at(b, 36),
            after: u32_at(b, 40),
            before_len: u32_at(b, 44),
        }
    }
}

/// The phrases under each anchor, grouped by the anchor's hash, and the
/// index of the first of each group. Only the phrases are stored: the index
/// is rebuilt from them.
struct Anchors {
    items: Vec<Anchored>,
    index: HashIndex,
}

impl Anchors {
    /// `items` must be grouped by hash.
    fn new(items: Vec<Anchored>) -> Self {
        let index = HashIndex::runs(items.iter().map(|a| a.hash));
        Anchors { items, index }
    }
}

impl Serialize for Anchors {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        records::serialize(&self.items, s)
    }
}

impl<'de> Deserialize<'de> for Anchors {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Stored grouped, by `serialize` (the snapshot test compares what
        // is read with a freshly built matcher's bytes).
        Ok(Anchors::new(records::deserialize(d)?))
    }
}

/// Common English words, most common first: a phrase is filed under its word
/// that comes latest in this list, or under one not in it at all (the
/// longest such). Function words start and fill phrases ("one of the", "it
/// is said") and occur every few words of copy.
const COMMON_WORDS: &[&str] = &[
    "the", "of", "to", "and", "a", "in", "that", "is", "for", "on", "it", "said", "was", "with",
    "he", "as", "by", "at", "his", "be", "from", "has", "are", "have", "an", "not", "this", "they",
    "who", "but", "had", "will", "i", "were", "their", "been", "we", "its", "she", "or", "her",
    "which", "would", "one", "after", "also", "about", "more", "there", "s", "t", "than", "up",
    "all", "new", "out", "can", "when", "two", "so", "into", "year", "what", "some", "could", "if",
    "them", "him", "over", "no", "other", "last", "most", "first", "many", "may", "only", "just",
    "like", "these", "those", "do", "our", "you", "because", "people", "says", "told", "time",
    "then", "now", "such", "any", "how", "where", "while", "before", "under", "against", "between",
    "during", "being", "very", "even", "did", "does", "my", "me", "us", "your", "should", "might",
    "must", "each", "both", "much", "well", "make", "made", "say", "get", "since", "still",
    "through", "back", "down", "off", "own",
];

/// How good an anchor the unit `b[s..e]` of a phrase is: higher is rarer.
/// `common` maps the [`unit_hash`] of each of [`COMMON_WORDS`] to its place.
fn anchor_rank(phrase: &str, s: usize, e: usize, common: &HashIndex) -> usize {
    if !starts_word(&phrase[s..]) {
        return 0;
    }
    word_rank(phrase, s, e, common)
}

/// [`anchor_rank`] of a unit known to be a word.
#[inline]
fn word_rank(phrase: &str, s: usize, e: usize, common: &HashIndex) -> usize {
    let u = &phrase.as_bytes()[s..e];
    // Longer units are no common word: most anchors need no lookup. A word
    // of up to eight bytes has no zero byte, so its hash (its bytes, zero-
    // padded, and its length, through bijections) is its alone: a hit is it.
    let found = match u.len() <= LONGEST_COMMON_WORD {
        true => common.get(hash_at(phrase.as_bytes(), s, e)),
        false => None,
    };
    match found {
        Some(i) => {
            debug_assert_eq!(COMMON_WORDS[i as usize].as_bytes(), u);
            1 + i as usize
        }
        None => 1 + COMMON_WORDS.len() + u.len(),
    }
}

/// Length of the longest of [`COMMON_WORDS`].
const LONGEST_COMMON_WORD: usize = {
    let (mut i, mut n) = (0, 0);
    while i < COMMON_WORDS.len() {
        if COMMON_WORDS[i].len() > n {
            n = COMMON_WORDS[i].len();
        }
        i += 1;
    }
    n
};

/// A trigger looked for at word starts.
#[derive(Debug, Serialize, Deserialize)]
struct WordTrigger {
    /// Its first three bytes, as [`load8`] reads them.
    trigram: u32,
    /// Its first eight bytes (zero-padded), and the mask of those it has.
    head: u64,
    mask: u64,
    text: Box<[u8]>,
    regexes: Vec<u32>,
}

impl WordTrigger {
    fn new(text: &[u8], regex: u32) -> Self {
        let head = load8(text, 0);
        let mask = match text.len() {
            8.. => u64::MAX,
            n => (1u64 << (8 * n)) - 1,
        };
        WordTrigger {
            trigram: (head & 0xff_ffff) as u32,
            head: head & mask,
            mask,
            text: text.into(),
            regexes: vec![regex],
        }
    }
}

/// A mask of the low `n` bytes of a word (`n` at most 8).
#[inline]
fn low_bytes(n: usize) -> u64 {
    match n {
        8.. => u64::MAX,
        n => (1u64 << (8 * n)) - 1,
    }
}

/// How [`PhraseMatcher::find`] flags the ASCII bytes that may anchor a
/// phrase of non-word characters ("!!", "--"). The default pack has none,
/// and user packs few.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
enum Marks {
    None,
    /// Up to four bytes, compared with sixteen bytes at once.
    Few([u8; 4]),
    /// More: every ASCII non-word byte is flagged, and looked up alone.
    Many,
}

impl Marks {
    fn new(anchor_marks: &[bool; 256]) -> Self {
        let ascii: Vec<u8> = (0..0x80u8)
            .filter(|&c| anchor_marks[c as usize] && !ASCII_WORD[c as usize])
            .collect();
        match *ascii.as_slice() {
            [] => Marks::None,
            // Repeats of the first fill the set without flagging other bytes.
            [a, ref rest @ ..] if rest.len() < 4 => {
                let mut set = [a; 4];
                set[1..=rest.len()].copy_from_slice(rest);
                Marks::Few(set)
            }
            _ => Marks::Many,
        }
    }
}

/// Flags of the bytes of a 64-byte window of a [`Lowered`] text, bit `k`
/// for byte `k`.
struct Window {
    /// ASCII word bytes.
    words: u64,
    /// Non-ASCII bytes.
    high: u64,
    /// ASCII bytes that may anchor a phrase (see [`Marks`]).
    marks: u64,
}

impl Window {
    /// The flags of the first [`WINDOW`] of `bytes`, of which the first
    /// `len` are text.
    #[inline]
    fn new(bytes: &[u8; WINDOW + 16], len: usize, marks: Marks) -> Self {
        let words = flags64(bytes, word_bytes16);
        let high = flags64(bytes, high_bytes16);
        let marks = match marks {
            Marks::None => 0,
            Marks::Few(set) => flags64(bytes, |c| matches16(c, set)),
            Marks::Many => !(words | high),
        };
        // The NULs after the text are no marks.
        let text = if len < WINDOW {
            (1 << len) - 1
        } else {
            u64::MAX
        };
        Window {
            words,
            high,
            marks: marks & text,
        }
    }
}

/// A document's text, ASCII-lower-cased for [`PhraseMatcher::find`] (every
/// byte offset kept), with [`PAD`] NULs after its end: the scan then reads
/// a window, and the first sixteen bytes of a word in it, from anywhere in
/// the text with no test for the end, and a NUL is no word byte.
pub struct Lowered(String);

/// The NULs after a [`Lowered`] text: a window from its last byte, and
/// sixteen bytes from the window's last.
const PAD: usize = WINDOW + 16;

impl Lowered {
    /// Lower-cases `text`.
    pub fn new(text: &str) -> Self {
        let mut s = String::with_capacity(text.len() + PAD);
        s.push_str(text);
        s.make_ascii_lowercase();
        s.push_str(&"\0".repeat(PAD));
        Lowered(s)
    }

    /// The lower-cased text, without the NULs.
    pub fn as_str(&self) -> &str {
        &self.0[..self.0.len() - PAD]
    }

    /// The bytes of the text and its NULs.
    fn padded(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// A trigger to register: its lower-case bytes, its regex, and whether it is
/// proven to start only where a word starts.
#[derive(Debug)]
pub struct Trigger {
    pub text: String,
    pub regex: u32,
    pub word_start: bool,
}

impl PhraseMatcher {
    /// Builds the matcher over lower-case `phrases` (ids are their indices)
    /// and `triggers`.
    pub fn new(phrases: Vec<String>, triggers: Vec<Trigger>) -> Self {
        let mut m = PhraseMatcher {
            phrases: Vec::new(),
            anchored: Anchors::new(Vec::with_capacity(phrases.len())),
            anchor_words: BitSet::new(),
            anchor_marks: [false; 256],
            marks: Marks::None,
            word_triggers: Vec::new(),
            trigger_index: HashIndex::new(std::iter::empty()),
            trigger_starts: BitSet::new(),
            anywhere: None,
        };
        let common = HashIndex::new(
            COMMON_WORDS
                .iter()
                .enumerate()
                .map(|(i, w)| (unit_hash(w.as_bytes()), i as u32)),
        );
        for (id, p) in phrases.iter().enumerate() {
            m.add_phrase(id as u32, p, &common);
        }
        m.anchored = Anchors::new(HashIndex::group(&m.anchored.items, |a| a.hash));
        m.marks = Marks::new(&m.anchor_marks);
        m.phrases = phrases;
        let mut anywhere: Vec<(String, Vec<u32>)> = Vec::new();
        for t in triggers {
            let b = t.text.as_bytes();
            if t.word_start && b.len() >= 3 && ASCII_WORD[b[0] as usize] {
                match m.word_triggers.iter_mut().find(|w| *w.text == *b) {
                    Some(w) => w.regexes.push(t.regex),
                    None => m.word_triggers.push(WordTrigger::new(b, t.regex)),
                }
            } else if !b.is_empty() {
                match anywhere.iter_mut().find(|(x, _)| *x == t.text) {
                    Some((_, regexes)) => regexes.push(t.regex),
                    None => anywhere.push((t.text, vec![t.regex])),
                }
            }
        }
        m.word_triggers.sort_by_key(|w| w.trigram);
        let mut firsts = Vec::new();
        for (i, w) in m.word_triggers.iter().enumerate() {
            if i == 0 || m.word_triggers[i - 1].trigram != w.trigram {
                m.trigger_starts.insert(trigram_bloom(w.trigram));
                firsts.push((trigram_key(w.trigram), i as u32));
            }
        }
        m.trigger_index = HashIndex::new(firsts.into_iter());
        if !anywhere.is_empty() {
            m.anywhere = Some(Anywhere::new(anywhere));
        }
        m
    }

    fn add_phrase(&mut self, id: u32, phrase: &str, common: &HashIndex) {
        let b = phrase.as_bytes();
        // (rank, start, end) of the best anchor so far; ties go to the first.
        let mut best = (0, 0, 0);
        let mut i = 0;
        while i < b.len() {
            // An ASCII non-word byte (every space) is a unit of rank 0, and
            // an ASCII word byte starts a word (as `unit_end` would find).
            let (end, rank) = match (b[i] < 0x80, ASCII_WORD[b[i] as usize]) {
                (true, false) => (i + 1, 0),
                (true, true) => {
                    let end = ascii_run_end(phrase, i + 1);
                    (end, word_rank(phrase, i, end, common))
                }
                (false, _) => {
                    let end = unit_end(phrase, i);
                    (end, anchor_rank(phrase, i, end, common))
                }
            };
            if i == 0 || rank > best.0 {
                best = (rank, i, end);
            }
            i = end;
        }
        let (rank, start, end) = best;
        if start == end {
            return; // an empty phrase matches nothing
        }
        let hash = hash_at(b, start, end);
        // Words rank above 0, other units at 0.
        match rank > 0 {
            true => self.anchor_words.insert(bloom(hash)),
            false => self.anchor_marks[b[start] as usize] = true,
        }
        let after = b.len() - end;
        let before_len = start.min(8);
        self.anchored.items.push(Anchored {
            hash,
            phrase: id,
            before: start as u32,
            after: after as u32,
            after_head: load8_prefix(&b[end..]),
            after_mask: low_bytes(after.min(8)),
            before_tail: load8_prefix(&b[start - before_len..start]),
            before_len: before_len as u32,
        });
    }

    /// Calls `phrase(id, start, end)` for every occurrence of a phrase in
    /// `lower` (ASCII-lower-cased text) at unit edges, and `trigger(regex,
    /// start)` for every occurrence of a trigger (and perhaps a few more
    /// places: a superset is safe for a gate).
    // Kept out of line: inlined into the engine's caller it shared that
    // function's registers and cost 2.7% more instructions over a run.
    #[inline(never)]
    pub fn find(
        &self,
        lowered: &Lowered,
        mut phrase: impl FnMut(u32, usize, usize),
        mut trigger: impl FnMut(u32, usize),
    ) {
        let lower = lowered.as_str();
        let b = lower.as_bytes();
        let n = b.len();
        let padded = lowered.padded();
        // A window at a time: the units that need a step (words, marks,
        // non-ASCII characters) are found from flags of the window's bytes,
        // and the spaces between them cost nothing. A word that runs past a
        // window ends where the next window's word bytes do.
        // The start of a word that runs into the window from the one before.
        let mut pending = None;
        // The end of the units read so far.
        let mut pos = 0;
        let mut base = 0;
        while base < n {
            let bytes: &[u8; WINDOW + 16] = padded[base..base + WINDOW + 16]
                .try_into()
                .expect("padding");
            let win = Window::new(bytes, n - base, self.marks);
            // The eight bytes from byte `k` (at most 64) of the window.
            let head_at = |k: usize| load8(&bytes[k..k + 8], 0);
            if let Some(start) = pending {
                let run = (!win.words).trailing_zeros() as usize;
                if run == WINDOW {
                    base += WINDOW;
                    continue;
                }
                let e_high = win.high >> run & 1 != 0;
                pos = self.word_to(
                    lower,
                    start,
                    base + run,
                    load8(b, start),
                    e_high,
                    &mut phrase,
                    &mut trigger,
                );
                pending = None;
            }
            if pos >= base + WINDOW {
                base += WINDOW;
                continue;
            }
            // After the units read, a word byte that follows a non-word
            // byte starts a word; the byte before the window is a unit edge
            // or read.
            let unread = u64::MAX << pos.saturating_sub(base);
            let starts = win.words & !(win.words << 1) & unread;
            // Most words call nothing back: they are passed over here in a
            // loop that calls nothing and keeps its values in registers,
            // and the rest are read as units in order below.
            let loud = self.loud_words(bytes, &win, starts);
            let mut todo = loud | ((win.high | win.marks) & unread);
            while todo != 0 {
                let k = todo.trailing_zeros() as usize;
                let start = base + k;
                let end;
                if win.words >> k & 1 != 0 {
                    let rest = !win.words >> k;
                    if rest == 0 {
                        pending = Some(start);
                        break;
                    }
                    let e = k + rest.trailing_zeros() as usize;
                    let e_high = win.high >> e & 1 != 0;
                    end = self.word_to(
                        lower,
                        start,
                        base + e,
                        head_at(k),
                        e_high,
                        &mut phrase,
                        &mut trigger,
                    );
                } else if win.high >> k & 1 != 0 {
                    // A character, not a continuation byte: every unit
                    // before it in the window has been read whole.
                    if starts_word(&lower[start..]) {
                        end = word_run_end(lower, start);
                        self.word(
                            lower,
                            start,
                            end,
                            head_at(k),
                            true,
                            &mut phrase,
                            &mut trigger,
                        );
                    } else {
                        let c = b[start];
                        end = start + char_len(c);
                        if self.anchor_marks[c as usize] {
                            self.anchor(lower, hash_at(b, start, end), start, end, &mut phrase);
                        }
                    }
                } else {
                    end = start + 1;
                    if self.anchor_marks[b[start] as usize] {
                        self.anchor(lower, hash_at(b, start, end), start, end, &mut phrase);
                    }
                }
                pos = end;
                if end >= base + WINDOW {
                    break;
                }
                todo &= u64::MAX << (end - base);
            }
            base += WINDOW;
        }
        if let Some(start) = pending {
            self.word_to(
                lower,
                start,
                n,
                load8(b, start),
                false,
                &mut phrase,
                &mut trigger,
            );
        }
        if let Some(any) = &self.anywhere {
            for m in any.ac.find_overlapping_iter(lower) {
                for &r in &any.triggers[m.pattern().as_usize()].1 {
                    trigger(r, m.start());
                }
            }
        }
    }

    /// The words of `win` (of `bytes`) starting at `starts` that may call
    /// back, or need the exact path: those whose hash or trigram passes a
    /// bloom filter, those longer than sixteen bytes or running past the
    /// window, and those followed by a non-ASCII byte. The others are words
    /// for which [`Self::word`] does nothing (or, after a non-ASCII letter,
    /// the tail of a longer word, read from its start).
    // Kept out of line: inlined into `find`, its loop reloaded five values
    // from the stack at each word (`find` keeps them there across its
    // calls), and cost 0.25% more instructions over the sample.
    #[inline(never)]
    fn loud_words(&self, bytes: &[u8; WINDOW + 16], win: &Window, starts: u64) -> u64 {
        let mut loud = 0;
        let mut rest = starts;
        while rest != 0 {
            let k = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            // 64 for a run to the window's end.
            let len = (!win.words >> k).trailing_zeros() as usize;
            if len > 16 || win.high >> (k + len) & 1 != 0 {
                loud |= 1 << k;
                continue;
            }
            // As `unit_hash` reads them: eight bytes at a time, the last
            // zero-padded.
            let head = load8(&bytes[k..k + 8], 0);
            let h = match len {
                0..=8 => head_hash(head, len),
                _ => {
                    let next = load8(&bytes[k + 8..k + 16], 0) & LOW_BYTES[len - 8];
                    mix(mix(len as u64, head), next)
                }
            };
            let t = (head & 0xff_ffff) as u32;
            if self.anchor_words.contains(bloom(finish(h)))
                || self.trigger_starts.contains(trigram_bloom(t))
            {
                loud |= 1 << k;
            }
        }
        loud
    }

    /// Looks up the word unit that starts at `start` (with `head`, its
    /// first eight bytes) with a run of ASCII word bytes up to `e`, and
    /// returns its end: `e`, or past the letters that follow when they are
    /// not ASCII (the byte at `e` is when `e_high`).
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn word_to(
        &self,
        lower: &str,
        start: usize,
        e: usize,
        head: u64,
        e_high: bool,
        phrase: &mut impl FnMut(u32, usize, usize),
        trigger: &mut impl FnMut(u32, usize),
    ) -> usize {
        if e_high && starts_word(&lower[e..]) {
            let end = word_run_end(lower, e);
            self.word(lower, start, end, head, true, phrase, trigger);
            end
        } else {
            // The common case, an ASCII word: the same call with `mixed`
            // false leaves out the non-ASCII steps.
            self.word(lower, start, e, head, false, phrase, trigger);
            e
        }
    }

    /// Looks up the word unit `start..end`, whose first eight bytes
    /// (zero-padded) are `head`: its phrases, and the triggers at its start
    /// and, when it mixes in non-ASCII letters (`mixed`), at each ASCII
    /// letter that follows one.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn word(
        &self,
        lower: &str,
        start: usize,
        end: usize,
        head: u64,
        mixed: bool,
        phrase: &mut impl FnMut(u32, usize, usize),
        trigger: &mut impl FnMut(u32, usize),
    ) {
        let b = lower.as_bytes();
        // `head` serves both the hash and the trigger test.
        let len = end - start;
        let h = match len {
            0..=8 => finish(head_hash(head, len)),
            _ => unit_hash(&b[start..end]),
        };
        if self.anchor_words.contains(bloom(h)) {
            self.anchor(lower, h, start, end, phrase);
        }
        if !mixed || ASCII_WORD[b[start] as usize] {
            self.word_trigger_at(b, start, head, trigger);
        }
        if mixed {
            for p in start + 1..end {
                if ASCII_WORD[b[p] as usize] && b[p - 1] >= 0x80 {
                    self.word_trigger(b, p, trigger);
                }
            }
        }
    }

    /// Reports the triggers starting at `p`, an ASCII word start.
    #[inline(always)]
    fn word_trigger(&self, b: &[u8], p: usize, trigger: &mut impl FnMut(u32, usize)) {
        self.word_trigger_at(b, p, load8(b, p), trigger);
    }

    /// [`Self::word_trigger`] with `head`, the eight bytes from `p`, loaded.
    #[inline(always)]
    fn word_trigger_at(&self, b: &[u8], p: usize, head: u64, trigger: &mut impl FnMut(u32, usize)) {
        let t = (head & 0xff_ffff) as u32;
        if !self.trigger_starts.contains(trigram_bloom(t)) {
            return;
        }
        let Some(first) = self.trigger_index.get(trigram_key(t)) else {
            return;
        };
        for w in self.word_triggers[first as usize..]
            .iter()
            .take_while(|w| w.trigram == t)
        {
            if head & w.mask == w.head
                && p + w.text.len() <= b.len()
                && (w.text.len() <= 8 || b[p..].starts_with(&w.text))
            {
                for &r in &w.regexes {
                    trigger(r, p);
                }
            }
        }
    }

    /// Reports each phrase anchored at the unit `start..end` (hash `h`) whose
    /// bytes around it are the phrase's, at word boundaries.
    #[inline]
    fn anchor(
        &self,
        lower: &str,
        h: u64,
        start: usize,
        end: usize,
        phrase: &mut impl FnMut(u32, usize, usize),
    ) {
        let Some(first) = self.anchored.index.get(h) else {
            return;
        };
        let b = lower.as_bytes();
        // The bytes around the anchor, read once for all its phrases.
        let after = load8(b, end);
        let before = if start >= 8 { load8(b, start - 8) } else { 0 };
        for a in self.anchored.items[first as usize..]
            .iter()
            .take_while(|a| a.hash == h)
        {
            if after & a.after_mask != a.after_head
                || (a.before_len > 0
                    && start >= 8
                    && before >> (64 - 8 * a.before_len) != a.before_tail)
            {
                continue;
            }
            let (Some(s), Some(e)) = (
                start.checked_sub(a.before as usize),
                end.checked_add(a.after as usize),
            ) else {
                continue;
            };
            // Equal bytes start and end on character boundaries: the phrase
            // is text that starts and ends with whole characters.
            if e <= b.len()
                && b[s..e] == *self.phrases[a.phrase as usize].as_bytes()
                && at_word_boundaries(lower, s, e)
            {
                phrase(a.phrase, s, e);
            }
        }
    }
}

/// `text` starts with a word character.
#[inline]
fn starts_word(text: &str) -> bool {
    // General punctuation (U+2000 to U+206F: curly quotes, dashes, spaces),
    // common in news copy, skips the Unicode tables.
    if let [0xe2, 0x80, ..] | [0xe2, 0x81, 0x80..=0xaf, ..] = text.as_bytes() {
        return false;
    }
    text.chars().next().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phrase::at_word_boundaries;

    /// Every (pattern, start, end) a plain substring search finds at word
    /// boundaries: what the matcher must find.
    fn naive(phrases: &[&str], text: &str) -> Vec<(u32, usize, usize)> {
        let lower = text.to_ascii_lowercase();
        let mut out = Vec::new();
        for (id, p) in phrases.iter().enumerate() {
            for (s, _) in lower.match_indices(p) {
                let e = s + p.len();
                if at_word_boundaries(text, s, e) {
                    out.push((id as u32, s, e));
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Phrase matches (id, start, end) and trigger hits (regex, start).
    type Found = (Vec<(u32, usize, usize)>, Vec<(u32, usize)>);

    fn found(m: &PhraseMatcher, text: &str) -> Found {
        let lower = Lowered::new(text);
        assert_eq!(lower.as_str(), text.to_ascii_lowercase());
        let (mut p, mut t) = (Vec::new(), Vec::new());
        m.find(&lower, |id, s, e| p.push((id, s, e)), |r, s| t.push((r, s)));
        p.sort_unstable();
        t.sort_unstable();
        (p, t)
    }

    #[test]
    fn grouping_keeps_each_keys_items_in_order() {
        let items: Vec<(u64, u32)> = [5, 0, 21, 5, 0, 37, 21, 5]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        let out = HashIndex::group(&items, |i| i.0);
        let index = HashIndex::runs(out.iter().map(|i| i.0));
        assert_eq!(out.len(), items.len());
        for key in [0, 5, 21, 37] {
            let first = index.get(key).unwrap() as usize;
            let run: Vec<u32> = out[first..]
                .iter()
                .take_while(|i| i.0 == key)
                .map(|i| i.1)
                .collect();
            let want: Vec<u32> = items.iter().filter(|i| i.0 == key).map(|i| i.1).collect();
            assert_eq!(run, want, "{key}");
        }
        assert_eq!(index.get(6), None);
    }

    #[test]
    fn the_punctuation_shortcut_agrees_with_the_unicode_tables() {
        for c in '\u{1f00}'..='\u{2200}' {
            assert_eq!(starts_word(&c.to_string()), is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let phrases = [
            "claim",
            "one of the",
            "one of the most",
            "it's said",
            "it\u{2019}s said",
            "so-called",
            "u.s.",
            "30%",
            "a",
            "café",
            "naïve",
            "of",
            "the fact that",
            "—",
            "reclaimed",
            "acknowledging",
            "incomprehensible",
            "institutionalization",
        ];
        let owned: Vec<String> = phrases.iter().map(|s| s.to_string()).collect();
        let m = PhraseMatcher::new(owned, Vec::new());
        for text in [
            "They claim one of the most. Claims, reclaim it's said, It\u{2019}s said.",
            "The so-called U.S. plan, a 30% cut (so-called-ish) and a café naïve.",
            "acafé naïveté of, off, of-of; a\u{301} Of",
            "",
            "a",
            "one of the one of the most one of themost",
            "\u{feff}x\u{a0}a\u{2014}claim\u{2019}s 30%% 130%",
            "In fact that, the fact that; the facts that, the fact thatch, fact—the fact that",
            "Reclaimed acknowledging, incomprehensible institutionalization; reclaimedx",
            "acknowledgingly incomprehensibles institutionalizations reclaimed",
        ] {
            assert_eq!(found(&m, text).0, naive(&phrases, text), "{text:?}");
        }
    }

    #[test]
    fn word_start_triggers_are_found_in_words_and_after_non_ascii_letters() {
        let t = |text: &str, regex| Trigger {
            text: text.into(),
            regex,
            word_start: true,
        };
        let m = PhraseMatcher::new(Vec::new(), vec![t("claim", 0), t("may", 1), t("claim", 2)]);
        let (_, trig) = found(&m, "Claimed, reclaim; éclaim MAY mayor");
        assert_eq!(
            trig,
            vec![(0, 0), (0, 20), (1, 26), (1, 30), (2, 0), (2, 20)]
        );
    }

    #[test]
    fn other_triggers_are_found_anywhere() {
        let m = PhraseMatcher::new(
            Vec::new(),
            vec![Trigger {
                text: "aim".into(),
                regex: 3,
                word_start: false,
            }],
        );
        let (_, trig) = found(&m, "reclaim, aims");
        assert_eq!(trig, vec![(3, 4), (3, 9)]);
    }

    /// The scan `find` replaced, one byte at a time: the reference for the
    /// window scan, which must call back the same units in the same order.
    fn found_bytewise(m: &PhraseMatcher, text: &str) -> Found {
        let lowered = Lowered::new(text);
        let lower = lowered.as_str();
        let b = lower.as_bytes();
        let (mut p, mut t) = (Vec::new(), Vec::new());
        let mut phrase = |id, s, e| p.push((id, s, e));
        let mut trigger = |r, s| t.push((r, s));
        let padded = lowered.0.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let start = i;
            if c < 0x80 {
                if !ASCII_WORD[c as usize] {
                    if m.anchor_marks[c as usize] {
                        m.anchor(lower, hash_at(b, i, i + 1), i, i + 1, &mut phrase);
                    }
                    i += 1;
                    continue;
                }
                i += 1;
                while ASCII_WORD[padded[i] as usize] {
                    i += 1;
                }
                let mixed = padded[i] >= 0x80 && starts_word(&lower[i..]);
                if mixed {
                    i = word_run_end(lower, i);
                }
                let head = load8(b, start);
                m.word(lower, start, i, head, mixed, &mut phrase, &mut trigger);
            } else if starts_word(&lower[i..]) {
                i = word_run_end(lower, i);
                m.word(
                    lower,
                    start,
                    i,
                    load8(b, start),
                    true,
                    &mut phrase,
                    &mut trigger,
                );
            } else {
                i += char_len(c);
                if m.anchor_marks[c as usize] {
                    m.anchor(lower, hash_at(b, start, i), start, i, &mut phrase);
                }
            }
        }
        (p, t)
    }

    /// Texts that put every kind of unit at every place in a window, and
    /// across windows: words that cross windows or fill them, non-ASCII
    /// letters and punctuation in and between words, marks, and units at
    /// the very end.
    fn window_texts() -> Vec<String> {
        let pieces = [
            "claim",
            "Claims",
            "caf\u{e9}",
            "\u{e9}claim",
            "na\u{ef}vet\u{e9}",
            "it\u{2019}s",
            "\u{201c}said\u{201d}",
            "\u{2014}",
            "30%",
            "snake_case",
            "incomprehensible",
            "characterizations",
            "u.s.",
            "!!",
            "--",
            "...",
            "a",
            "x\u{301}y",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "abcdefghijklmnopqrstuvwxyz0123456789_abcdefghijklmnopqrstuvwxyz0123456789",
            "abcdefghijklmnopqrstuvwxyz0123456789\u{e9}abcdefghijklmnopqrstuvwxyz",
            "\u{a0}",
            "\t",
        ];
        let mut texts = Vec::new();
        for shift in 0..80 {
            let pad = "z".repeat(shift);
            for (k, a) in pieces.iter().enumerate() {
                for sep in ["", " ", "  ", ", "] {
                    let b = pieces[(k * 7 + shift) % pieces.len()];
                    texts.push(format!("{pad}{sep}{a}{sep}{b}"));
                    texts.push(format!("{pad} {a}{b}{sep}{a}"));
                }
            }
        }
        texts
    }

    #[test]
    fn the_window_scan_finds_what_the_byte_scan_found() {
        let phrases: Vec<String> = [
            "claim",
            "said",
            "it\u{2019}s",
            "caf\u{e9}",
            "\u{2014}",
            "!!",
            "--",
            ".",
            "30%",
            "snake_case",
            "u.s.",
            "a",
            "z claim",
            "claims",
            "incomprehensible",
            "characterizations",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let t = |text: &str, regex| Trigger {
            text: text.into(),
            regex,
            word_start: true,
        };
        let triggers = || vec![t("claim", 0), t("cla", 1), t("xyz", 2), t("abcdefghijk", 3)];
        let few = PhraseMatcher::new(phrases.clone(), triggers());
        assert!(matches!(few.marks, Marks::Few(_)), "{:?}", few.marks);
        let mut more = phrases.clone();
        more.extend(["%", ",", "?", ";"].map(String::from));
        let many = PhraseMatcher::new(more, triggers());
        assert!(matches!(many.marks, Marks::Many));
        let none = PhraseMatcher::new(vec!["claim".into()], triggers());
        assert!(matches!(none.marks, Marks::None));
        let mut seen = 0;
        for text in window_texts() {
            for m in [&few, &many, &none] {
                let want = found_bytewise(m, &text);
                seen += want.0.len() + want.1.len();
                let mut got = (Vec::new(), Vec::new());
                m.find(
                    &Lowered::new(&text),
                    |id, s, e| got.0.push((id, s, e)),
                    |r, s| got.1.push((r, s)),
                );
                assert_eq!(got, want, "{text:?}");
            }
        }
        // The texts hold matches to miss.
        assert!(seen > 10_000, "{seen}");
    }
}
