//! The word lists the model reasons with: abbreviations for the sentence
//! splitter, and for attribution the reporting cues and the words a source's
//! noun phrase is made of.
//!
//! Lists are data, looked up once per word through one hash table built on
//! first use, so adding a word never costs a scan.

use std::sync::LazyLock;

use super::CueKind;
use crate::ascii::{HI, LO, WINDOW, flags64, letters16, load_padded};

/// Any determiner.
pub(super) const DET: u32 = 1 << 0;
/// A definite, demonstrative or possessive determiner: it points at someone
/// the reader already knows.
pub(super) const DEF: u32 = 1 << 1;
/// An indefinite determiner: "a witness" is nobody in particular.
pub(super) const INDEF: u32 = 1 << 2;
/// A quantifier that can head a vague source on its own ("some say").
pub(super) const QUANT: u32 = 1 << 3;
/// A personal pronoun: stands for a source named earlier.
pub(super) const PRON: u32 = 1 << 4;
/// A noun for an unspecified group ("officials", "critics").
pub(super) const VAGUE: u32 = 1 << 5;
/// A word that marks a source as anonymous.
pub(super) const ANON: u32 = 1 << 6;
/// A specific institution or role ("police", "the ministry", "a spokesman").
pub(super) const ROLE: u32 = 1 << 7;
/// A single document that can speak ("the report said").
pub(super) const DOC: u32 = 1 << 8;
/// Documents in bulk or a mass noun ("studies", "research").
pub(super) const DOCV: u32 = 1 << 9;
/// An adjective or noun modifier common before source nouns.
pub(super) const ADJ: u32 = 1 << 10;
/// A number word.
pub(super) const NUM: u32 = 1 << 11;
/// An adverb or auxiliary that may sit between a subject and its verb.
pub(super) const SKIP: u32 = 1 << 12;
/// A form of "be": before a participle it makes a passive.
pub(super) const BE: u32 = 1 << 13;
/// A conjunction or subordinator: a clause boundary.
pub(super) const BOUND: u32 = 1 << 14;
/// A preposition that can attach inside a noun phrase.
pub(super) const PREP: u32 = 1 << 15;
/// A relative pronoun.
pub(super) const REL: u32 = 1 << 16;
/// A time word that ends a source phrase ("said Smith on Monday").
pub(super) const TIME: u32 = 1 << 17;
/// A kind of statement ("in a statement", "in an interview").
pub(super) const STMT: u32 = 1 << 18;
/// A platform one speaks on ("on Twitter").
pub(super) const PLATFORM: u32 = 1 << 19;
/// A courtesy or military title ("Sen.", "Gen.").
pub(super) const TITLE: u32 = 1 << 20;
/// A frequent word with no other class: capitalised at a sentence start it
/// is still not a name.
pub(super) const COMMON: u32 = 1 << 21;
/// A verb that links a subject to a state adjective ("remained convinced").
pub(super) const LINK: u32 = 1 << 22;
/// A noun of concern that "expressed" turns into a speech act.
pub(super) const CONCERN: u32 = 1 << 23;
/// A state adjective after "be" ("worried"); see [`Lex::be_adj`].
pub(super) const BE_ADJ: u32 = 1 << 24;
/// A word the cue scan stops at: a cue, a state adjective, or a
/// preposition or time word that may open a statement phrase ("in a
/// statement"). Only these can start an attribution.
pub(super) const SCAN: u32 = 1 << 25;

/// Cue may be an adjective or passive participle: not after a determiner,
/// and after "be" only with a "by" agent.
pub(super) const C_PART: u16 = 1 << 0;
/// Base form: needs an overt subject, never after "to".
pub(super) const C_BASE: u16 = 1 << 1;
/// Also a common noun: needs a subject right before it and a clause-like
/// word right after it.
pub(super) const C_NOUN: u16 = 1 << 2;
/// Reports speech only with a complement: "that", a quotation, a comma, or
/// the end of the sentence ("added 300 jobs" is not speech).
pub(super) const C_COMPL: u16 = 1 << 3;
/// Reports speech only before "that" ("the report states that").
pub(super) const C_THAT: u16 = 1 << 4;
/// Kept even when no source is found.
pub(super) const C_STRONG: u16 = 1 << 5;
/// Cue only with a document subject ("the study found").
pub(super) const C_DOC_ONLY: u16 = 1 << 6;
/// "to" may follow ("hopes to", "claims to").
pub(super) const C_NEXT_TO: u16 = 1 << 7;
/// "of" or "about" may follow ("warns of", "worries about").
pub(super) const C_NEXT_OF: u16 = 1 << 8;
/// Not a cue before "to" ("responded to the fire").
pub(super) const C_NOT_TO: u16 = 1 << 9;
/// Reports speech only beside a quotation: right after one ("“...,” he
/// continued"), or before a quotation or colon ("he began: “...”"). Verbs
/// that are mostly narration elsewhere ("the fighting continued").
pub(super) const C_QUOTE: u16 = 1 << 10;
/// Reports speech only with a document, sign or message subject ("the
/// letter read", "the sign reads"), and only before a complement.
pub(super) const C_WRITTEN: u16 = 1 << 11;

/// Cues whose grammar the attribution finder handles specially.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Special {
    /// An ordinary reporting verb.
    None,
    /// "according to": the source follows.
    According,
    /// "citing": the source follows.
    Citing,
    /// ", saying ...": the source is the clause's subject.
    Trailing,
    /// "expressed concern".
    Expressed,
    /// "described ... as".
    Described,
    /// "issued a statement", "released a letter".
    Issued,
    /// "quoted as saying".
    Quoted,
    /// "pointed out".
    Pointed,
    /// "is convinced", "are worried".
    BeAdj,
}

/// How a word reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CueSpec {
    /// Speech or state of mind.
    pub kind: CueKind,
    /// Grammar handled specially, if any.
    pub special: Special,
    /// `C_*` conditions.
    pub flags: u16,
}

/// What the lexicon knows about one lowercase word: eight bytes, copied
/// into every token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Lex {
    /// Word-class bits.
    pub flags: u32,
    /// The word's reporting cue, if it is one.
    pub cue: Option<CueSpec>,
}

impl Lex {
    /// The word can also be a state adjective after "be" ("worried").
    pub fn be_adj(&self) -> bool {
        self.has(BE_ADJ)
    }

    /// True when any of `bits` is set.
    pub fn has(&self, bits: u32) -> bool {
        self.flags & bits != 0
    }

    /// True for any word the lexicon lists: such a word capitalised at the
    /// start of a sentence is not evidence of a name.
    pub fn known(&self) -> bool {
        self.flags != 0 || self.cue.is_some()
    }
}

/// Longest word the lexicon holds; longer words skip the lookup.
pub(super) const MAX_WORD: usize = 16;

/// A word packed for lookup: its lowercase ASCII bytes in a `u128`, zero
/// padded (words hold no zero bytes, so the packing is unique). Comparing
/// two keys is one integer comparison, with no string in memory to chase.
pub(super) type Key = u128;

/// Packs a lowercase ASCII word of at most [`MAX_WORD`] bytes.
const fn pack(w: &[u8]) -> Key {
    let mut k: u128 = 0;
    let mut i = 0;
    while i < w.len() {
        k |= (w[i] as u128) << (8 * i);
        i += 1;
    }
    k
}

/// The key of a word the code names, lowercase ASCII of at most
/// [`MAX_WORD`] bytes (checked when the constant is evaluated): equal to the
/// [`written_key`] of the same word in the text, in any case.
pub(super) const fn word_key(w: &str) -> Key {
    let b = w.as_bytes();
    assert!(!b.is_empty() && b.len() <= MAX_WORD);
    let mut i = 0;
    while i < b.len() {
        assert!(b[i].is_ascii() && !b[i].is_ascii_uppercase());
        i += 1;
    }
    pack(b)
}

/// [`word_key`] of each word of a list.
pub(super) const fn word_keys<const N: usize>(ws: [&str; N]) -> [Key; N] {
    let mut keys = [0; N];
    let mut i = 0;
    while i < N {
        keys[i] = word_key(ws[i]);
        i += 1;
    }
    keys
}

/// The key of `w` exactly as written, ASCII-lowercased, nothing dropped:
/// 0 when it is not ASCII or longer than [`MAX_WORD`], so it equals a
/// [`word_key`] exactly when the word is that word in some case.
pub(super) fn written_key(w: &[u8]) -> Key {
    if w.len() > MAX_WORD || !w.is_ascii() {
        return 0;
    }
    lowercase(load_key(w))
}

/// [`pack`] at run time, for building the tables: two overlapping loads,
/// where a copy into a zeroed buffer called memset and memcpy and a byte
/// loop took a shift and an or a byte. The bytes the loads share land in
/// the same places.
fn load_key(w: &[u8]) -> Key {
    let n = w.len();
    if n > MAX_WORD {
        return pack(w);
    }
    if n >= 8 {
        let lo = u64::from_le_bytes(w[..8].try_into().expect("8 bytes"));
        let hi = u64::from_le_bytes(w[n - 8..].try_into().expect("8 bytes"));
        u128::from(lo) | u128::from(hi) << (8 * (n - 8))
    } else if n >= 4 {
        let lo = u32::from_le_bytes(w[..4].try_into().expect("4 bytes"));
        let hi = u32::from_le_bytes(w[n - 4..].try_into().expect("4 bytes"));
        u128::from(lo) | u128::from(hi) << (8 * (n - 4))
    } else {
        w.iter().rev().fold(0, |k, &c| k << 8 | u128::from(c))
    }
}

/// The lookup key of the word `text[start..end]` as written: ASCII-lowercased,
/// a trailing period and a possessive 's dropped, curly apostrophes made
/// straight. Returns 0 (no word) when the word cannot be in the lexicon, and
/// whether it was possessive. With the whole text at hand, a short word is
/// read with one 8- or 16-byte load instead of a copy.
#[inline]
pub(super) fn key_in(text: &[u8], start: usize, end: usize) -> (Key, bool) {
    let mut w = &text[start..end];
    if let [rest @ .., b'.'] = w {
        w = rest;
    }
    let mut poss = false;
    if w.len() > 2 && w.ends_with(b"'s") {
        w = &w[..w.len() - 2];
        poss = true;
    } else if w.len() > 4 && w.ends_with("\u{2019}s".as_bytes()) {
        w = &w[..w.len() - 4];
        poss = true;
    }
    // Most words fit in eight bytes: one 64-bit load, mask and lowercase.
    if w.len() <= 8
        && let Some(chunk) = text.get(start..start + 8)
    {
        let mask = u64::MAX.checked_shr(64 - 8 * w.len() as u32).unwrap_or(0);
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8])) & mask;
        if x & 0x8080_8080_8080_8080 == 0 {
            return (Key::from(lowercase64(x)), poss);
        }
    }
    if w.is_ascii() {
        if w.len() > MAX_WORD {
            return (0, poss);
        }
        let n = w.len();
        let x = match text.get(start..start + MAX_WORD) {
            Some(chunk) => {
                let mut buf = [0u8; MAX_WORD];
                buf.copy_from_slice(chunk);
                let mask = if n == MAX_WORD {
                    !0
                } else {
                    (1u128 << (8 * n)) - 1
                };
                u128::from_le_bytes(buf) & mask
            }
            None => {
                let mut buf = [0u8; MAX_WORD];
                buf[..n].copy_from_slice(w);
                u128::from_le_bytes(buf)
            }
        };
        return (lowercase(x), poss);
    }
    let mut k: u128 = 0;
    let mut n = 0;
    let mut i = 0;
    while i < w.len() {
        if n == MAX_WORD {
            return (0, poss);
        }
        let c = w[i];
        let c = if c < 0x80 {
            i += 1;
            c.to_ascii_lowercase()
        } else if w[i..].starts_with("\u{2019}".as_bytes()) {
            i += 3;
            b'\''
        } else {
            return (0, poss);
        };
        k |= u128::from(c) << (8 * n);
        n += 1;
    }
    (k, poss)
}

/// The eight bytes of `text` from `start`, little-endian, if the text runs
/// on that far.
#[inline]
pub(super) fn load8(text: &[u8], start: usize) -> Option<u64> {
    let chunk: [u8; 8] = text.get(start..start + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// How many of the eight bytes loaded in `x` are, from the first, ASCII
/// letters and digits (8 when all are).
#[inline]
pub(super) fn alnum_len(x: u64) -> usize {
    run_len(alnum_bytes(x))
}

/// The top bit of each byte of `x` that is an ASCII letter or digit.
#[inline]
pub(super) fn alnum_bytes(x: u64) -> u64 {
    let v = x & (0x7f * LO);
    (in_range(v | (0x20 * LO), b'a', b'z') | in_range(v, b'0', b'9')) & !x & HI
}

/// The top bit of each byte of `x` that is one of the ASCII bytes `lo..=hi`.
#[inline]
pub(super) fn bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    in_range(x & (0x7f * LO), lo, hi) & !x & HI
}

/// The key of a word of `len` (1 to 8) ASCII letters and digits loaded in
/// `x`: nothing to strip or straighten, so the same as [`key_in`]'s.
#[inline]
pub(super) fn plain_key(x: u64, len: usize) -> u64 {
    alnum_lower(x) & (u64::MAX >> (64 - 8 * len))
}

/// The key of a word of eight to sixteen ASCII letters and digits: the
/// first eight loaded in `x`, the other `more` (0 to 8) in `y`.
#[inline]
pub(super) fn plain_key16(x: u64, y: u64, more: usize) -> Key {
    let mask = u64::MAX.checked_shr(64 - 8 * more as u32).unwrap_or(0);
    Key::from(alnum_lower(x)) | Key::from(alnum_lower(y) & mask) << 64
}

/// [`lowercase64`] for bytes known to be ASCII letters and digits: digits
/// already have bit 5 set, so setting it in every byte lowercases the
/// letters and leaves the digits alone, with no range test per byte.
#[inline]
fn alnum_lower(x: u64) -> u64 {
    x | (0x20 * LO)
}

/// ASCII-lowercases sixteen packed bytes at once: a byte gets 0x20 added
/// when it lies in `A..=Z` (7-bit sums never carry into the next byte).
fn lowercase(x: u128) -> u128 {
    const B: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;
    let seven = x & (0x7f * B);
    let ge_a = seven + (0x80 - u128::from(b'A')) * B;
    let gt_z = seven + (0x80 - u128::from(b'Z') - 1) * B;
    let upper = ge_a & !gt_z & !x & (0x80 * B);
    x | (upper >> 2)
}

/// [`lowercase`] for eight packed bytes.
fn lowercase64(x: u64) -> u64 {
    const B: u64 = 0x0101_0101_0101_0101;
    let seven = x & (0x7f * B);
    let ge_a = seven + (0x80 - u64::from(b'A')) * B;
    let gt_z = seven + (0x80 - u64::from(b'Z') - 1) * B;
    let upper = ge_a & !gt_z & !x & (0x80 * B);
    x | (upper >> 2)
}

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
pub(super) struct Lexicon {
    short: Table<u64, 4096>,
    long: Table<u128, 1024>,
}

impl Lexicon {
    /// Looks up a packed word (0 finds nothing).
    #[inline]
    pub(super) fn get(&self, k: Key) -> Lex {
        match u64::try_from(k) {
            Ok(short) => self.get_short(short),
            Err(_) => self.long.get(k),
        }
    }

    /// Looks up a word of at most eight bytes.
    #[inline]
    pub(super) fn get_short(&self, k: u64) -> Lex {
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

#[rustfmt::skip]
const DETS_DEF: &[&str] = &[
    "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
];
#[rustfmt::skip]
const DETS_INDEF: &[&str] = &[
    "a", "an", "another", "any", "each", "every", "no",
];
#[rustfmt::skip]
const QUANTS: &[&str] = &[
    "some", "many", "most", "several", "few", "others", "all", "various", "numerous", "multiple",
    "both", "certain", "other", "more", "fewer", "much",
];
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "i'd", "we'd", "they'd",
];
#[rustfmt::skip]
const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "dozen", "dozens", "hundreds", "thousands", "millions", "half", "twenty", "thirty",
    "fifty",
    "third", "quarter", "majority", "minority", "percent", "pct", "fifth", "tenth", "handful",
    "number",
];
#[rustfmt::skip]
const VAGUE_NOUNS: &[&str] = &[
    "official", "officials", "critic", "critics", "expert", "experts", "analyst", "analysts",
    "observer", "observers", "people", "person", "scientist", "scientists", "researcher",
    "researchers", "economist", "economists", "diplomat", "diplomats", "lawmaker", "lawmakers",
    "legislator", "legislators", "resident", "residents", "witness", "witnesses", "activist",
    "activists", "advocate", "advocates", "opponent", "opponents", "supporter", "supporters",
    "skeptic", "skeptics", "sceptic", "sceptics", "commentator", "commentators", "pundit",
    "pundits", "historian", "historians", "scholar", "scholars", "academic", "academics",
    "specialist", "specialists", "authorities", "investor", "investors", "trader", "traders",
    "banker", "bankers", "strategist", "strategists", "campaigner", "campaigners", "proponent",
    "proponents", "backer", "backers", "detractor", "detractors", "allies", "aide", "aides",
    "adviser", "advisers", "advisor", "advisors", "watchers", "voters", "citizens", "locals",
    "leaders", "politicians", "regulators", "doctors", "physicians", "economists", "participants",
    "members", "employees", "workers", "executives", "observers", "onlookers", "bystanders",
    "neighbors", "neighbours", "conservatives", "liberals", "progressives", "officers",
    "protesters", "protestors", "demonstrators", "organizers", "organisers", "lawyers", "attorneys",
    "dealers", "brokers", "fans", "users", "parents", "teachers", "students", "staff", "staffers",
    "consumers", "customers", "shoppers", "farmers", "villagers", "survivors", "relatives",
    "families", "victims", "colleagues", "friends", "rivals", "competitors", "policymakers",
    "forecasters", "economists", "technicians", "engineers", "developers", "manufacturers",
    "producers", "suppliers", "importers", "exporters", "refiners", "miners", "landlords",
    "tenants", "owners", "drivers", "passengers", "travelers", "travellers", "tourists",
    "companies", "firms", "banks", "countries", "nations", "governments", "groups", "unions",
    "parties", "institutions", "organizations", "organisations", "insurers", "lenders", "airlines",
    "carriers", "automakers", "retailers", "utilities", "funds", "states", "sides", "both",
];
#[rustfmt::skip]
const ANON_WORDS: &[&str] = &[
    "source", "sources", "insider", "insiders", "anonymity", "anonymous", "anonymously", "unnamed",
    "unidentified",
];
#[rustfmt::skip]
const ROLE_NOUNS: &[&str] = &[
    "police", "prosecutor", "prosecutors", "company", "firm", "ministry", "court", "spokesman",
    "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "government",
    "administration", "agency", "department", "minister", "president", "secretary", "chairman",
    "chairwoman", "chair", "ceo", "chief", "director", "executive", "governor", "mayor", "senator",
    "judge", "attorney", "lawyer", "commissioner", "commission", "committee", "council", "board",
    "bank", "army", "military", "navy", "embassy", "office", "union", "party", "campaign", "team",
    "club", "league", "group", "organization", "organisation", "institute", "university",
    "hospital", "school", "foundation", "network", "newspaper", "magazine", "broadcaster",
    "channel", "website", "regulator", "watchdog", "authority", "inquiry", "panel", "jury",
    "parliament", "congress", "senate", "cabinet", "sheriff", "coroner", "examiner", "prosecution",
    "defense", "defence", "manager", "founder", "spokesmen", "representative", "ambassador",
    "envoy", "chancellor", "premier", "prime", "leader", "head", "officer", "detective",
    "inspector", "superintendent", "constable", "commander", "general", "colonel", "captain",
    "sergeant", "lieutenant", "admiral", "counsel", "solicitor", "barrister", "registrar", "clerk",
    "treasurer", "auditor", "ombudsman", "coach", "manager", "owner", "partner", "editor",
    "reporter", "correspondent", "author", "professor", "lecturer", "principal", "dean", "provost",
    "bishop", "archbishop", "pope", "priest", "imam", "rabbi", "pastor", "king", "queen", "prince",
    "princess", "emperor", "monarch", "palace", "state", "city", "county", "district", "province",
    "region", "municipality", "airline", "carrier", "operator", "utility", "insurer", "lender",
    "retailer", "automaker", "carmaker", "manufacturer", "producer", "supplier", "developer",
    "studio", "publisher", "label", "charity", "ngo", "institution", "exchange", "fund", "bureau",
    "secretariat", "tribunal", "plaintiff", "plaintiffs", "defendant", "defendants", "victim",
    "family", "mother", "father", "wife", "husband", "son", "daughter", "brother", "sister",
    "widow", "uncle", "aunt", "friend", "neighbor", "neighbour", "spouse", "partner", "employer",
    "landlord", "teacher", "doctor", "nurse", "surgeon", "pilot", "driver", "suspect", "accused",
    "legislature", "assembly", "regime", "junta", "militia", "command", "headquarters",
    "ministries", "agencies", "courts", "firefighters", "paramedics", "troopers", "deputies",
    "investigators", "detectives", "inspectors", "auditors", "examiners",
    "rival", "challenger", "opponent", "nominee", "candidate", "incumbent", "delegate",
];
#[rustfmt::skip]
const DOC_NOUNS: &[&str] = &[
    "report", "study", "survey", "poll", "statement", "filing", "document", "letter", "analysis",
    "review", "paper", "memo", "audit", "investigation", "complaint", "indictment", "lawsuit",
    "release", "assessment", "ruling", "judgment", "judgement", "verdict",
    "affidavit", "transcript", "census", "index", "forecast", "estimate",
    "article", "book", "column", "editorial", "website", "record", "tally", "count", "notice",
    "bulletin", "communique", "dossier", "probe", "inquiry", "summary",
];
#[rustfmt::skip]
const DOCV_NOUNS: &[&str] = &[
    "reports", "studies", "surveys", "polls", "documents", "records", "research", "data",
    "statistics", "estimates", "analyses", "reviews", "papers", "findings", "evidence", "polling",
    "projections", "models", "forecasts", "accounts", "rumors", "rumours", "media", "press",
];
#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "senior", "top", "former", "current", "local", "foreign", "federal", "city", "regional",
    "national", "international", "independent", "outside", "private", "public", "legal", "medical",
    "financial", "economic", "political", "intelligence", "security", "health", "industry", "trade",
    "finance", "energy", "western", "eastern", "northern", "southern", "deputy", "assistant",
    "acting", "interim", "lead", "junior", "young", "old", "new", "prominent", "leading",
    "high-ranking", "high-level", "mid-level", "longtime", "long-time", "veteran", "retired",
    "outgoing", "incoming", "elected", "influential", "respected", "fellow", "rival", "opposition",
    "ruling", "conservative", "liberal", "progressive", "administration", "government", "company",
    "military", "police", "defense", "defence", "justice", "treasury", "state", "county",
    "provincial", "municipal", "top-level", "knowledgeable", "informed", "well-placed",
    "well-informed", "credible", "reliable", "unofficial", "official", "european", "american",
    "global", "world", "leading", "independent", "academic", "scientific", "technical",
    "environmental", "human", "rights", "civil", "party", "campaign", "election", "union", "labor",
    "labour", "business", "banking", "oil", "market", "stock", "investment", "insurance", "tech",
    "technology", "hospital", "school", "university", "court", "news", "press", "media", "wire",
    "broadcast", "television", "tv", "radio", "online", "social", "main", "chief", "general",
    "vice", "co", "managing", "executive", "principal", "other", "several", "concerned", "worried",
    "angry", "frustrated", "grieving", "many",
];
#[rustfmt::skip]
const SKIPS: &[&str] = &[
    "also", "later", "has", "have", "had", "did", "does", "do", "will", "would", "could", "should",
    "may", "might", "must", "can", "not", "never", "always", "often", "previously", "repeatedly",
    "earlier", "further", "again", "separately", "recently", "publicly", "privately", "still",
    "already", "just", "once", "initially", "first", "subsequently", "ultimately", "finally",
    "additionally", "specifically", "explicitly", "flatly", "strongly", "firmly", "long", "too",
    "themselves", "himself", "herself", "itself", "then", "now", "reportedly", "allegedly",
    "apparently", "simply", "only", "openly", "quietly", "angrily", "bluntly", "emphatically",
    "immediately", "soon", "even", "cannot", "didn't", "doesn't", "don't", "won't", "wouldn't",
    "hasn't", "haven't", "hadn't", "can't", "couldn't", "shouldn't", "isn't", "aren't", "wasn't",
    "weren't", "n't", "however", "meanwhile", "moreover", "furthermore", "nonetheless",
    "nevertheless", "though", "generally", "widely", "commonly", "broadly", "largely", "mostly",
    "personally", "privately", "formally", "officially", "previously", "consistently", "frequently",
    "routinely", "regularly", "sometimes", "usually", "already", "clearly", "plainly", "correctly",
    "wrongly", "falsely", "mistakenly", "rightly", "tearfully", "calmly", "confidently",
    "cautiously", "optimistically", "reluctantly", "proudly", "jokingly", "repeatedly", "variously",
    "increasingly", "deeply", "very", "so", "really", "certainly", "probably", "likely",
    "genuinely", "sincerely", "truly", "actually", "indeed", "both", "each", "all", "privately",
    "directly", "separately", "eventually", "afterward", "afterwards", "herself", "himself",
    "having",
    "here", "overall", "instead",
    "yet",
];
#[rustfmt::skip]
const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "get", "got", "gets",
];
#[rustfmt::skip]
const LINK_VERBS: &[&str] = &[
    "remain", "remains", "remained", "became", "become", "becomes", "grew", "grow", "grows", "seem",
    "seems", "seemed", "appear", "appears", "appeared", "feel", "feels", "felt", "stay", "stays",
    "stayed",
];
#[rustfmt::skip]
const BOUNDS: &[&str] = &[
    "that", "and", "but", "or", "nor", "when", "while", "whilst", "because", "although", "if", "as",
    "after", "before", "since", "yet", "where", "whereas", "unless", "until", "than", "whether",
    "what", "how", "why", "though", "so", "once", "whenever", "wherever", "lest",
];
#[rustfmt::skip]
const PREPS: &[&str] = &[
    "of", "at", "for", "from", "with", "including", "in", "by", "like", "among",
    "about", "against", "into", "over", "under", "without", "despite", "amid", "through", "across",
    "toward", "towards", "upon", "via",
];
#[rustfmt::skip]
const RELS: &[&str] = &[
    "who", "whose", "whom", "which",
];
#[rustfmt::skip]
const TIMES: &[&str] = &[
    "on", "last", "today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "during",  "earlier", "later",
    "recently", "ago", "overnight", "weekend", "morning", "afternoon", "evening", "night",
    "week", "month", "year", "spring", "summer", "fall", "autumn", "winter", "hours", "days",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "a.m", "p.m", "noon", "midnight",
];
#[rustfmt::skip]
const STATEMENTS: &[&str] = &[
    "statement", "statements", "interview", "interviews", "post", "posting", "tweet", "letter",
    "speech", "filing", "release", "email", "e-mail", "memo", "remarks", "briefing", "op-ed",
    "editorial", "blog", "video", "message", "note", "report", "conference", "testimony", "address",
    "broadcast", "podcast", "press", "hearing", "communique", "declaration", "announcement",
    "essay", "column", "article", "book", "letter", "newsletter", "documentary",
];
#[rustfmt::skip]
const PLATFORMS: &[&str] = &[
    "twitter", "x", "facebook", "instagram", "telegram", "linkedin", "tiktok", "youtube", "threads",
    "bluesky", "truth", "television", "tv", "radio", "air", "camera", "social", "weibo", "wechat",
    "substack", "reddit",
];
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "sen", "sens", "rep", "reps", "gov", "govs", "gen", "lt",
    "col", "sgt", "capt", "cmdr", "adm", "maj", "prof", "rev", "hon", "pres", "supt", "det", "insp",
    "fr", "mt", "ft", "atty", "brig", "cpl", "pvt", "msgr", "sir", "dame", "lord", "lady", "judge",
    "justice", "president", "senator", "governor", "mayor", "minister", "secretary", "chancellor",
    "premier", "king", "queen", "prince", "princess", "pope", "bishop", "archbishop", "detective",
    "inspector", "officer", "general", "colonel", "captain", "sergeant", "lieutenant", "admiral",
    "commissioner", "ambassador", "chairman", "chairwoman", "director", "professor",
    "representative", "congressman", "congresswoman", "councilman", "councilwoman", "councillor",
    "alderman", "sheriff", "deputy", "chief",
];
#[rustfmt::skip]
const COMMONS: &[&str] = &[
    "in", "on", "at", "after", "before", "when", "while", "if", "as", "although", "despite",
    "because", "since", "during", "under", "with", "without", "for", "from", "by", "asked",
    "speaking", "instead", "overall", "there", "here", "what", "why", "how", "where", "such",
    "even", "only", "indeed", "similarly", "likewise", "thus", "hence", "therefore", "currently",
    "together", "between", "among", "against", "amid", "following", "unlike", "perhaps", "maybe",
    "neither", "either", "not", "yes", "no", "but", "and", "or", "so", "still", "now", "then",
    "later", "earlier", "separately", "meanwhile", "however", "to", "into", "about", "over",
    "through", "across", "behind", "beyond", "within", "according", "citing", "given", "based",
    "following", "new", "more", "less", "best", "first", "second", "third", "last", "next", "just",
    "please", "thanks", "thank", "well", "oh", "ok", "okay", "of", "off", "out", "up", "down",
    "around", "near", "toward", "towards", "upon", "via", "per", "than", "too", "very", "much",
    "again", "back", "away", "let", "let's", "it's", "that's", "there's", "here's", "what's",
    "who's", "he's", "she's", "we're", "they're", "i'm", "you're", "we've", "they've", "i've",
    "you've", "we'll", "they'll", "i'll", "you'll", "he'll", "she'll", "it'll", "breaking",
    "update", "exclusive", "analysis", "opinion", "editorial", "photos", "video", "watch", "live",
    "read", "see",
   "nearly", "almost", "roughly", "approximately", "barely", "fully", "exactly", "precisely", "possibly", "half", "majority", "minority", "percent", "pct", "quarter", "third", "fifth", "tenth",
];
#[rustfmt::skip]
const CONCERNS: &[&str] = &[
    "concern", "concerns", "doubt", "doubts", "hope", "hopes", "optimism", "confidence",
    "skepticism", "scepticism", "regret", "frustration", "disappointment", "surprise", "support",
    "alarm", "fear", "fears", "outrage", "anger", "satisfaction", "dismay", "reservations",
    "opposition", "sympathy", "condolences", "gratitude", "interest", "reluctance", "worry",
    "worries", "unease", "misgivings", "pessimism", "displeasure", "solidarity", "willingness",
    "readiness", "belief", "view", "views", "opinion", "desire",
];
/// State adjectives that with "be" report a state of mind.
#[rustfmt::skip]
const BE_ADJECTIVES: &[&str] = &[
    "convinced", "worried", "concerned", "confident", "hopeful", "optimistic", "pessimistic",
    "skeptical", "sceptical", "afraid", "fearful", "persuaded", "adamant", "unconvinced",
    "doubtful",
];

/// One reporting cue entry: the word, its kind, special grammar and flags.
type CueEntry = (&'static str, CueKind, Special, u16);

const S: CueKind = CueKind::Speech;
const B: CueKind = CueKind::Belief;
const N: Special = Special::None;

const CUES: &[CueEntry] = &[
    ("said", S, N, C_PART | C_STRONG),
    ("says", S, N, C_STRONG),
    ("say", S, N, C_BASE),
    ("told", S, N, C_PART | C_STRONG),
    ("tells", S, N, C_STRONG),
    ("tell", S, N, C_BASE),
    ("according", S, Special::According, C_STRONG),
    ("wrote", S, N, 0),
    ("writes", S, N, 0),
    ("write", S, N, C_BASE),
    ("added", S, N, C_COMPL),
    ("adds", S, N, C_COMPL),
    ("stated", S, N, C_PART),
    ("states", S, N, C_THAT),
    ("announced", S, N, C_PART),
    ("announces", S, N, 0),
    ("announce", S, N, C_BASE),
    ("testified", S, N, 0),
    ("testifies", S, N, 0),
    ("testify", S, N, C_BASE),
    ("explained", S, N, C_PART),
    ("explains", S, N, 0),
    ("explain", S, N, C_BASE | C_COMPL),
    ("noted", S, N, C_PART),
    ("notes", S, N, C_NOUN),
    ("note", S, N, C_BASE | C_NOUN | C_COMPL),
    ("argued", S, N, C_PART),
    ("argues", S, N, 0),
    ("argue", S, N, C_BASE),
    ("asked", S, N, C_PART),
    ("asks", S, N, 0),
    ("ask", S, N, C_BASE),
    ("replied", S, N, C_NOT_TO),
    ("replies", S, N, C_NOUN | C_NOT_TO),
    ("responded", S, N, C_COMPL | C_NOT_TO),
    ("responds", S, N, C_COMPL | C_NOT_TO),
    ("answered", S, N, C_COMPL),
    ("warned", S, N, C_PART | C_NEXT_OF),
    ("warns", S, N, C_NEXT_OF),
    ("warn", S, N, C_BASE | C_NEXT_OF),
    ("claimed", S, N, C_PART | C_COMPL | C_NEXT_TO),
    ("claims", S, N, C_NOUN | C_NEXT_TO),
    ("claim", S, N, C_BASE | C_NOUN | C_NEXT_TO),
    ("insisted", S, N, 0),
    ("insists", S, N, 0),
    ("insist", S, N, C_BASE),
    ("reported", S, N, C_PART),
    ("reports", S, N, C_NOUN),
    ("confirmed", S, N, C_PART),
    ("confirms", S, N, 0),
    ("confirm", S, N, C_BASE),
    ("acknowledged", S, N, C_PART),
    ("acknowledges", S, N, 0),
    ("acknowledge", S, N, C_BASE),
    ("disclosed", S, N, C_PART),
    ("discloses", S, N, 0),
    ("disclose", S, N, C_BASE),
    ("admitted", S, N, C_PART),
    ("admits", S, N, 0),
    ("admit", S, N, C_BASE),
    ("conceded", S, N, C_PART),
    ("concedes", S, N, 0),
    ("concede", S, N, C_BASE),
    ("denied", S, N, C_PART),
    ("denies", S, N, 0),
    ("deny", S, N, C_BASE),
    ("alleged", S, N, C_PART),
    ("alleges", S, N, 0),
    ("allege", S, N, C_BASE),
    ("contended", S, N, 0),
    ("contends", S, N, 0),
    ("contend", S, N, C_BASE),
    ("maintained", S, N, C_PART | C_COMPL),
    ("maintains", S, N, C_COMPL),
    ("predicted", S, N, C_PART),
    ("predicts", S, N, 0),
    ("predict", S, N, C_BASE),
    ("cautioned", S, N, 0),
    ("emphasized", S, N, C_PART),
    ("emphasised", S, N, C_PART),
    ("emphasizes", S, N, 0),
    ("emphasises", S, N, 0),
    ("stressed", S, N, C_PART | C_COMPL),
    ("stresses", S, N, C_COMPL),
    ("recalled", S, N, C_PART | C_COMPL),
    ("recalls", S, N, C_NOUN | C_COMPL),
    ("remarked", S, N, 0),
    ("observed", S, N, C_PART | C_COMPL),
    ("commented", S, N, 0),
    ("comments", S, N, C_NOUN | C_QUOTE),
    ("declared", S, N, C_PART),
    ("boasted", S, N, 0),
    ("complained", S, N, 0),
    ("countered", S, N, C_COMPL),
    ("retorted", S, N, 0),
    ("shouted", S, N, 0),
    ("yelled", S, N, 0),
    ("tweeted", S, N, 0),
    ("vowed", S, N, 0),
    ("vows", S, N, C_NOUN | C_NEXT_TO),
    ("pledged", S, N, C_PART | C_COMPL | C_NEXT_TO),
    ("promised", S, N, C_PART | C_COMPL | C_NEXT_TO),
    ("urged", S, N, C_PART),
    ("demanded", S, N, C_PART),
    ("questioned", S, N, C_PART),
    ("wondered", S, N, 0),
    ("speculated", S, N, 0),
    ("hinted", S, N, 0),
    ("suggested", S, N, C_PART),
    ("suggests", S, N, 0),
    ("estimated", S, N, C_PART),
    ("estimates", S, N, C_NOUN),
    ("forecast", S, N, C_NOUN),
    ("reiterated", S, N, C_PART),
    ("revealed", S, N, C_PART),
    ("reveals", S, N, 0),
    ("indicated", S, N, C_PART | C_COMPL),
    ("concluded", S, N, C_PART | C_COMPL),
    ("concludes", S, N, C_COMPL),
    ("affirmed", S, N, C_PART),
    ("asserted", S, N, C_PART),
    ("asserts", S, N, 0),
    ("lamented", S, N, 0),
    ("exclaimed", S, N, 0),
    ("exclaims", S, N, 0),
    // Speech verbs of feature copy and quotes-heavy reporting.
    ("scoffed", S, N, 0),
    ("scoffs", S, N, 0),
    ("reasoned", S, N, C_PART | C_COMPL),
    ("quipped", S, N, 0),
    ("quips", S, N, C_NOUN),
    ("joked", S, N, 0),
    ("jokes", S, N, C_NOUN),
    ("mused", S, N, 0),
    ("muses", S, N, C_NOUN),
    ("bragged", S, N, 0),
    ("brags", S, N, 0),
    ("proclaimed", S, N, C_PART),
    ("proclaims", S, N, 0),
    ("declares", S, N, C_COMPL),
    ("pleaded", S, N, C_COMPL),
    ("pleads", S, N, C_COMPL),
    ("cautions", S, N, C_NOUN),
    ("laments", S, N, C_NOUN),
    ("complains", S, N, 0),
    ("remarks", S, N, C_NOUN | C_QUOTE),
    ("retorts", S, N, 0),
    ("counters", S, N, C_NOUN | C_COMPL),
    ("shouts", S, N, C_NOUN),
    ("yells", S, N, C_NOUN),
    ("screamed", S, N, C_QUOTE),
    ("snapped", S, N, C_QUOTE),
    ("sighed", S, N, C_QUOTE),
    ("tweets", S, N, C_NOUN),
    ("posted", S, N, C_PART | C_COMPL),
    ("continued", S, N, C_PART | C_QUOTE),
    ("continues", S, N, C_QUOTE),
    ("began", S, N, C_QUOTE),
    ("begins", S, N, C_QUOTE),
    ("laughed", S, N, C_QUOTE),
    ("laughs", S, N, C_NOUN | C_QUOTE),
    ("chuckled", S, N, C_QUOTE),
    ("recounted", S, N, C_PART | C_COMPL),
    ("recounts", S, N, C_COMPL),
    // Speech acts that judge: news reports them as said ("accused CNN of
    // a “vicious mistake”"). Passives need their agent.
    ("accused", S, N, C_PART),
    ("accuses", S, N, 0),
    ("criticized", S, N, C_PART),
    ("criticised", S, N, C_PART),
    ("criticizes", S, N, 0),
    ("criticises", S, N, 0),
    ("praised", S, N, C_PART),
    ("praises", S, N, C_NOUN),
    ("mocked", S, N, C_PART),
    ("mocks", S, N, 0),
    ("denounced", S, N, C_PART),
    ("denounces", S, N, 0),
    ("condemned", S, N, C_PART),
    ("condemns", S, N, 0),
    ("lambasted", S, N, C_PART),
    ("ridiculed", S, N, C_PART),
    ("derided", S, N, C_PART),
    ("decried", S, N, C_PART),
    ("decries", S, N, 0),
    ("rapped", S, N, C_QUOTE),
    ("read", S, N, C_WRITTEN),
    ("reads", S, N, C_WRITTEN),
    ("acknowledging", S, Special::Trailing, 0),
    ("found", S, N, C_PART | C_DOC_ONLY),
    ("finds", S, N, C_DOC_ONLY),
    ("showed", S, N, C_DOC_ONLY),
    ("shows", S, N, C_NOUN | C_DOC_ONLY),
    ("show", S, N, C_BASE | C_DOC_ONLY),
    ("citing", S, Special::Citing, 0),
    ("saying", S, Special::Trailing, 0),
    ("adding", S, Special::Trailing, 0),
    ("noting", S, Special::Trailing, 0),
    ("warning", S, Special::Trailing, 0),
    ("arguing", S, Special::Trailing, 0),
    ("insisting", S, Special::Trailing, 0),
    ("claiming", S, Special::Trailing, 0),
    ("stating", S, Special::Trailing, 0),
    ("explaining", S, Special::Trailing, 0),
    ("telling", S, Special::Trailing, 0),
    ("writing", S, Special::Trailing, 0),
    ("asking", S, Special::Trailing, 0),
    ("alleging", S, Special::Trailing, 0),
    ("expressed", S, Special::Expressed, 0),
    ("voiced", S, Special::Expressed, 0),
    ("issued", S, Special::Issued, 0),
    ("released", S, Special::Issued, 0),
    ("described", S, Special::Described, 0),
    ("quoted", S, Special::Quoted, 0),
    ("pointed", S, Special::Pointed, 0),
    ("point", S, Special::Pointed, 0),
    ("points", S, Special::Pointed, 0),
    // "charged that" accuses; "charged with" is the law's.
    ("charged", S, N, C_THAT),
    ("charges", S, N, C_THAT),
    ("charge", S, N, C_BASE | C_THAT),
    ("believe", B, N, C_BASE),
    ("believes", B, N, 0),
    ("believed", B, N, C_PART),
    ("think", B, N, C_BASE),
    ("thinks", B, N, 0),
    ("thought", B, N, C_PART),
    ("fear", B, N, C_BASE | C_NOUN),
    ("fears", B, N, C_NOUN),
    ("feared", B, N, C_PART),
    ("worry", B, N, C_BASE | C_NOUN | C_NEXT_OF),
    ("worries", B, N, C_NOUN | C_NEXT_OF),
    ("worried", B, N, C_PART | C_NEXT_OF),
    ("hope", B, N, C_BASE | C_NOUN | C_NEXT_TO),
    ("hopes", B, N, C_NOUN | C_NEXT_TO),
    ("hoped", B, N, C_PART | C_NEXT_TO),
    ("feel", B, N, C_BASE),
    ("feels", B, N, 0),
    ("felt", B, N, C_PART),
    ("expect", B, N, C_BASE),
    ("expects", B, N, 0),
    ("expected", B, N, C_PART),
    ("suspect", B, N, C_BASE | C_NOUN),
    ("suspects", B, N, C_NOUN),
    ("suspected", B, N, C_PART),
    ("doubt", B, N, C_BASE | C_NOUN),
    ("doubts", B, N, C_NOUN),
    ("doubted", B, N, 0),
    // AP: "want" is no attribution either; "wants to close the depot" states
    // a wish as fact.
    ("want", B, N, C_BASE),
    ("wants", B, N, 0),
    ("wanted", B, N, C_PART),
    ("wishes", B, N, C_NOUN | C_NEXT_TO),
    ("wished", B, N, C_PART),
];

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
pub(super) fn lexicon() -> &'static Lexicon {
    &TABLE
}

/// Looks up a packed word (0 finds nothing).
pub(super) fn lookup(k: Key) -> Lex {
    lexicon().get(k)
}

/// Statement nouns that report speech on their own ("In a statement, the
/// company denied ...").
#[rustfmt::skip]
const SPOKEN_WORDS: [&str; 19] = [
    "statement", "statements", "interview", "post", "tweet", "letter", "speech", "email", "e-mail",
    "memo", "remarks", "briefing", "filing", "release", "conference", "testimony", "communique",
    "declaration", "announcement",
];

/// [`SPOKEN_WORDS`] as keys.
pub(super) const SPOKEN: &[Key] = &word_keys(SPOKEN_WORDS);

/// The words that make a sentence worth tokenizing: every cue, state
/// adjective and statement noun, as runs of ASCII letters. A word joined by
/// a hyphen is listed by its parts of three letters or more ("e-mail" by
/// "mail"), which it always holds; shorter runs are never looked at.
fn filter_words() -> impl Iterator<Item = &'static str> {
    CUES.iter()
        .map(|c| c.0)
        .chain(BE_ADJECTIVES.iter().copied())
        .chain(SPOKEN_WORDS)
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|part| part.len() >= MIN_FILTER_RUN)
}

/// Shortest run of letters the filter looks at.
const MIN_FILTER_RUN: usize = 3;
// [`may_hold_cue`] skips short runs by a mask written for three letters.
const _: () = assert!(MIN_FILTER_RUN == 3);

/// A one-hash Bloom filter over [`filter_words`]: a sentence with no such
/// word needs no tokenizing at all (about half of news sentences).
static CUE_FILTER: LazyLock<Box<FilterBits>> = LazyLock::new(|| {
    let mut bits = Box::new([0u64; FILTER_BITS / 64]);
    for part in filter_words() {
        let head = load_key(&part.as_bytes()[..part.len().min(8)]) as u64;
        let i = filter_index(head, part.len());
        bits[i / 64] |= 1 << (i % 64);
    }
    bits
});

/// [`filter_words`] exactly: a filter hit is checked here, so a word that
/// only shares a bit with a cue costs no tokenizing.
static FILTER_WORDS: LazyLock<crate::fxhash::FxHashSet<Key>> = LazyLock::new(|| {
    // Sized up front: collecting grew the set through every power of two.
    let mut set = crate::fxhash::FxHashSet::default();
    set.reserve(filter_words().count());
    set.extend(filter_words().map(|w| load_key(w.as_bytes())));
    set
});

/// 64 Ki bits: a few hundred cue words leave false positives under 1%.
const FILTER_BITS: usize = 1 << 16;

/// The filter's bits, as an array: an index from [`filter_index`] needs no
/// bounds check in the scan loop.
type FilterBits = [u64; FILTER_BITS / 64];

/// The filter index of a run of `len` ASCII letters whose first eight
/// (or fewer), lowercased, are packed in `head`: one multiply, whose top
/// bits every bit of the head and length moves.
#[inline]
fn filter_index(head: u64, len: usize) -> usize {
    ((head ^ ((len as u64) << 59)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

/// The top bit of each 7-bit byte of `v` whose value lies in `lo..=hi`
/// (per-byte sums of 7-bit values never carry).
#[inline]
fn in_range(v: u64, lo: u8, hi: u8) -> u64 {
    (v + (0x80 - u64::from(lo)) * LO) & !(v + (0x7f - u64::from(hi)) * LO)
}

/// True when the run of `len` letters at `text[start..]`, whose first
/// `run` (1 to 8) are the low bytes of `head`, is one of [`filter_words`]:
/// the Bloom filter first, then the exact set on a hit.
#[inline]
fn filter_hit(
    bits: &FilterBits,
    text: &[u8],
    start: usize,
    head: u64,
    run: usize,
    len: usize,
) -> bool {
    if len < MIN_FILTER_RUN {
        return false;
    }
    let head = (head | (0x20 * LO)) & (u64::MAX >> (64 - 8 * run));
    let k = filter_index(head, len);
    bits[k / 64] & (1 << (k % 64)) != 0 && is_filter_word(text, start, head, len)
}

/// The exact check behind a filter hit, kept out of line: hits are few,
/// and the scan loop stays small. A run of eight letters or fewer is its
/// lowercased head already, with no copy into a key buffer.
#[inline(never)]
fn is_filter_word(text: &[u8], start: usize, head: u64, len: usize) -> bool {
    let key = if len <= 8 {
        Key::from(head)
    } else {
        written_key(&text[start..start + len])
    };
    FILTER_WORDS.contains(&key)
}

/// How many bytes of a run of letters start a chunk whose letter flags
/// are `l` (8 when all are letters).
#[inline]
fn run_len(l: u64) -> usize {
    ((!l & HI).trailing_zeros() / 8) as usize
}

/// True when a run of ASCII letters in `text` is one of [`filter_words`]:
/// false means no word of it can be a reporting cue, a state adjective or
/// a statement noun, so a sentence can skip attribution entirely.
pub(super) fn may_hold_cue(text: &[u8]) -> bool {
    let bits = &*CUE_FILTER;
    // 64 bytes at a time, zero-padded at the text's end: each run of ASCII
    // letters is found by its letter flags and filtered by its first eight
    // letters (read from the window's copy, eight bytes longer than its
    // flags) and length, the way the filter was built. A window never
    // starts inside a run: a run that reaches a window's end is measured
    // from its start, and the next window starts after it.
    let mut i = 0;
    while i < text.len() {
        let w = load_padded::<{ WINDOW + 8 }>(text, i);
        let l = flags64(&w, letters16);
        // Runs shorter than the filter's shortest are never looked at, so
        // they are not visited: a start counts only when the two bytes after
        // it are letters too, or lie past the window (a run reaching its
        // end is measured whole below).
        let long = l & (l >> 1 | 1 << 63) & (l >> 2 | 3 << 62);
        let mut starts = long & !(l << 1);
        let mut next = i + WINDOW;
        while starts != 0 {
            let k = starts.trailing_zeros() as usize;
            // Past bit 63 the shifted flags are zero: a run to the end
            // counts 64 or more.
            let mut len = (!l >> k).trailing_zeros() as usize;
            let reaches_end = k + len >= WINDOW;
            if reaches_end {
                len = letter_run(text, i + k);
            }
            let head = u64::from_le_bytes(w[k..k + 8].try_into().expect("8 bytes"));
            if filter_hit(bits, text, i + k, head, len.min(8), len) {
                return true;
            }
            if reaches_end {
                next = i + k + len;
                break;
            }
            starts &= starts - 1;
        }
        i = next;
    }
    false
}

/// Length of the run of ASCII letters at `text[start..]`.
fn letter_run(text: &[u8], start: usize) -> usize {
    let mut len = 0;
    loop {
        let r = (!letters16(&load_padded::<16>(text, start + len))).trailing_zeros() as usize;
        len += r;
        if r < 16 {
            return len;
        }
    }
}

/// How an abbreviation followed by a period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// A title before a name ("Mr.", "Sen."): never ends a sentence.
    Title,
    /// "No." before a number: ends a sentence only when no digit follows.
    Numeric,
    /// Ends a sentence only before a typical sentence opener ("Inc. The").
    General,
}

/// Classifies the word before a period (without the period), case-insensitively.
pub(super) fn abbreviation(word: &str) -> Option<Abbrev> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let w = &buf[..b.len()];
    if b.len() == 1 && b[0].is_ascii_alphabetic() {
        return Some(Abbrev::General);
    }
    // Initialisms: letters separated by periods ("U.S", "a.m", "Ph.D").
    if b.contains(&b'.') {
        let ok = b.split(|&c| c == b'.').all(|seg| {
            !seg.is_empty() && seg.len() <= 2 && seg.iter().all(u8::is_ascii_alphabetic)
        });
        return ok.then_some(Abbrev::General);
    }
    match w {
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"dr" | b"sen" | b"sens" | b"rep" | b"reps"
        | b"gov" | b"govs" | b"gen" | b"gens" | b"lt" | b"col" | b"sgt" | b"capt" | b"cmdr"
        | b"adm" | b"maj" | b"prof" | b"rev" | b"hon" | b"pres" | b"supt" | b"det" | b"insp"
        | b"fr" | b"mt" | b"ft" | b"atty" | b"brig" | b"cpl" | b"pvt" | b"msgr" | b"mme"
        | b"mmes" | b"mlle" | b"gov-elect" => Some(Abbrev::Title),
        b"no" | b"nos" | b"vol" | b"art" | b"fig" | b"pp" | b"ch" | b"sec" | b"para" => {
            Some(Abbrev::Numeric)
        }
        b"inc" | b"corp" | b"ltd" | b"co" | b"cos" | b"jr" | b"sr" | b"vs" | b"etc" | b"jan"
        | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept" | b"oct"
        | b"nov" | b"dec" | b"st" | b"ave" | b"blvd" | b"rd" | b"dept" | b"univ" | b"bros"
        | b"plc" | b"llc" | b"assn" | b"govt" | b"intl" | b"natl" | b"approx" | b"est" | b"ala"
        | b"ariz" | b"ark" | b"calif" | b"colo" | b"conn" | b"del" | b"fla" | b"ga" | b"ill"
        | b"ind" | b"kan" | b"ky" | b"la" | b"md" | b"mass" | b"mich" | b"minn" | b"miss"
        | b"mo" | b"mont" | b"neb" | b"nev" | b"okla" | b"ore" | b"pa" | b"tenn" | b"vt"
        | b"va" | b"wash" | b"wis" | b"wyo" | b"mln" | b"bln" | b"dlrs" | b"pct" | b"cts"
        | b"shr" | b"qtr" | b"yr" | b"yrs" | b"mos" | b"hrs" | b"min" | b"max" | b"ref" | b"op"
        | b"cf" | b"viz" | b"al" | b"ed" | b"eds" | b"mfg" | b"ag" | b"nv" | b"sa" | b"spa"
        | b"gmbh" | b"bhd" | b"pty" | b"pte" => Some(Abbrev::General),
        _ => None,
    }
}

/// True when a capitalised word (given lowercase) usually opens a sentence,
/// so a general abbreviation before it ends the previous one.
pub(super) fn is_sentence_starter(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"the"
            | b"a"
            | b"an"
            | b"he"
            | b"she"
            | b"it"
            | b"they"
            | b"we"
            | b"i"
            | b"you"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"there"
            | b"his"
            | b"her"
            | b"its"
            | b"their"
            | b"our"
            | b"my"
            | b"your"
            | b"but"
            | b"and"
            | b"yet"
            | b"so"
            | b"or"
            | b"however"
            | b"meanwhile"
            | b"still"
            | b"also"
            | b"instead"
            | b"then"
            | b"now"
            | b"today"
            | b"yesterday"
            | b"in"
            | b"on"
            | b"at"
            | b"for"
            | b"as"
            | b"after"
            | b"before"
            | b"when"
            | b"while"
            | b"if"
            | b"although"
            | b"though"
            | b"since"
            | b"because"
            | b"according"
            | b"despite"
            | b"under"
            | b"with"
            | b"without"
            | b"by"
            | b"from"
            | b"during"
            | b"here"
            | b"what"
            | b"who"
            | b"why"
            | b"how"
            | b"where"
            | b"which"
            | b"some"
            | b"many"
            | b"most"
            | b"all"
            | b"no"
            | b"several"
            | b"both"
            | b"each"
            | b"every"
            | b"any"
            | b"such"
            | b"other"
            | b"others"
            | b"one"
            | b"officials"
            | b"analysts"
            | b"critics"
            | b"experts"
            | b"shares"
            | b"earlier"
            | b"later"
            | b"last"
            | b"next"
            | b"separately"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"asked"
            | b"sales"
            | b"revenue"
            | b"profit"
            | b"net"
            | b"prices"
            | b"police"
            | b"not"
            | b"even"
            | b"only"
            | b"more"
            | b"further"
            | b"first"
            | b"currently"
    )
}

/// Verbs that after a closing `?”` or `!”` show the sentence goes on
/// (“Why?” Smith asked).
pub(super) fn is_speech_tail(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"said"
            | b"says"
            | b"asked"
            | b"asks"
            | b"told"
            | b"added"
            | b"adds"
            | b"shouted"
            | b"replied"
            | b"cried"
            | b"yelled"
            | b"wrote"
            | b"writes"
            | b"responded"
            | b"answered"
            | b"exclaimed"
            | b"demanded"
            | b"wondered"
            | b"insisted"
            | b"continued"
            | b"recalled"
            | b"explained"
            | b"warned"
            | b"screamed"
            | b"called"
            | b"whispered"
            | b"snapped"
            | b"joked"
            | b"laughed"
            | b"sang"
            | b"chanted"
            | b"quipped"
            | b"scoffed"
            | b"mused"
            | b"retorted"
            | b"countered"
            | b"reasoned"
            | b"pleaded"
            | b"began"
            | b"continues"
            | b"noted"
            | b"remarked"
            | b"sighed"
            | b"boasted"
            | b"bragged"
            | b"tweeted"
    )
}

/// Words after an opening apostrophe that make it an elision, not a quote
/// ('em, 'til, rock 'n' roll).
pub(super) fn is_elision(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"em"
            | b"til"
            | b"tis"
            | b"twas"
            | b"cause"
            | b"bout"
            | b"round"
            | b"nuff"
            | b"cos"
            | b"kay"
            | b"scuse"
            | b"n"
            | b"ello"
            | b"ere"
            | b"owt"
            | b"nowt"
            | b"ow"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(word: &[u8]) -> (Key, bool) {
        key_in(word, 0, word.len())
    }

    #[test]
    fn every_listed_word_fits_a_key() {
        let lists = [
            DETS_DEF,
            DETS_INDEF,
            QUANTS,
            PRONOUNS,
            NUMBERS,
            VAGUE_NOUNS,
            ANON_WORDS,
            ROLE_NOUNS,
            DOC_NOUNS,
            DOCV_NOUNS,
            ADJECTIVES,
            SKIPS,
            BE_FORMS,
            LINK_VERBS,
            BOUNDS,
            PREPS,
            RELS,
            TIMES,
            STATEMENTS,
            PLATFORMS,
            TITLES,
            COMMONS,
            CONCERNS,
            BE_ADJECTIVES,
        ];
        for w in lists
            .iter()
            .flat_map(|l| l.iter())
            .chain(CUES.iter().map(|c| &c.0))
        {
            assert!(
                w.len() <= MAX_WORD && w.is_ascii() && *w == w.to_lowercase(),
                "{w}"
            );
        }
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
    fn alnum_len_counts_leading_letters_and_digits() {
        for c in 0..=255u8 {
            let alnum = c.is_ascii_alphanumeric();
            let x = u64::from_le_bytes([c; 8]);
            assert_eq!(alnum_len(x), if alnum { 8 } else { 0 }, "{c}");
            let x = u64::from_le_bytes([b'a', b'9', b'Z', b'z', c, b'0', b'A', b'q']);
            assert_eq!(alnum_len(x), if alnum { 8 } else { 4 }, "{c}");
        }
    }

    #[test]
    fn written_keys_match_named_words_in_any_case() {
        assert_eq!(written_key(b"Said"), word_key("said"));
        let long = "AbCdEfGhIjKlMnOpQ";
        for n in 0..=MAX_WORD {
            let mut buf = [0u8; MAX_WORD];
            buf[..n].copy_from_slice(&long.to_ascii_lowercase().as_bytes()[..n]);
            assert_eq!(
                written_key(&long.as_bytes()[..n]),
                u128::from_le_bytes(buf),
                "{n}"
            );
        }
        assert_eq!(written_key(long.as_bytes()), 0);
        for n in 0..=MAX_WORD {
            assert_eq!(load_key(&long.as_bytes()[..n]), pack(&long.as_bytes()[..n]));
        }
        assert_eq!(written_key(b"N'T"), word_key("n't"));
        assert_eq!(
            written_key(b"abcdefghijklmnop"),
            word_key("abcdefghijklmnop")
        );
        assert_ne!(written_key(b"said."), word_key("said"));
        assert_ne!(written_key(b"Smith's"), word_key("smith"));
        assert_eq!(written_key("caf\u{e9}".as_bytes()), 0);
        assert_eq!(written_key(b"abcdefghijklmnopq"), 0);
        assert_eq!(word_keys(["a", "of"]), [pack(b"a"), pack(b"of")]);
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

    #[test]
    fn cue_prefilter_reads_long_text_like_short() {
        let words = [
            "officials",
            "Said",
            "the",
            "cat",
            "sat",
            "acknowledging",
            "x",
        ];
        let mut seed = 11u64;
        for _ in 0..2000 {
            let mut s = String::new();
            let mut has = false;
            for _ in 0..(seed % 17) {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let w = words[(seed >> 33) as usize % words.len()];
                has |= matches!(w, "Said" | "acknowledging");
                s.push_str(w);
                s.push_str([" ", ", ", "-", "\u{2019}", "  "][(seed >> 40) as usize % 5]);
            }
            assert_eq!(may_hold_cue(s.as_bytes()), has, "{s:?}");
        }
    }

    #[test]
    fn cue_prefilter_has_no_false_negatives() {
        for &(w, ..) in CUES {
            let s = format!("The {w}, they");
            assert!(may_hold_cue(s.as_bytes()), "{w}");
            assert!(may_hold_cue(s.to_uppercase().as_bytes()), "{w}");
            // Every offset in an eight-byte chunk and a 64-byte window,
            // across a window's end, and at the text's end.
            for pad in 0..140 {
                let s = format!("{}{w}", "-".repeat(pad));
                assert!(may_hold_cue(s.as_bytes()), "{s}");
            }
        }
        for w in BE_ADJECTIVES.iter().chain(&SPOKEN_WORDS) {
            assert!(may_hold_cue(format!("Are {w}.").as_bytes()), "{w}");
        }
        assert!(may_hold_cue("In a statement, the firm".as_bytes()));
        // Exact: no word that merely shares a filter bit or a first eight
        // letters with a cue, nor a short run of a listed word, passes.
        assert!(!may_hold_cue(b"The acknowledgment of e mails"));
        assert!(!may_hold_cue(b"Saids, sai, explaine"));
        assert!(!may_hold_cue(b"The cat sat on the mat."));
        assert!(!may_hold_cue(b"Saidsaidsaid sa id"));
        assert!(!may_hold_cue(b""));
    }

    #[test]
    fn abbreviations_classified() {
        assert_eq!(abbreviation("Mr"), Some(Abbrev::Title));
        assert_eq!(abbreviation("U.S"), Some(Abbrev::General));
        assert_eq!(abbreviation("J.K"), Some(Abbrev::General));
        assert_eq!(abbreviation("W"), Some(Abbrev::General));
        assert_eq!(abbreviation("No"), Some(Abbrev::Numeric));
        assert_eq!(abbreviation("Inc"), Some(Abbrev::General));
        assert_eq!(abbreviation("house"), None);
        assert_eq!(abbreviation("U..S"), None);
        assert_eq!(abbreviation("née"), None);
    }
}
