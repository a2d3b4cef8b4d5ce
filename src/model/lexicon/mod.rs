//! The word lists the model reasons with: abbreviations for the sentence
//! splitter, and for attribution the reporting cues and the words a source's
//! noun phrase is made of.
//!
//! Lists are data, looked up once per word through one hash table built on
//! first use, so adding a word never costs a scan.
//!
//! This file holds what the lexicon says of a word (the class bits, the
//! cue flags, [`Lex`]); the rest is split between the data and the
//! machinery that makes looking it up cheap:
//!
//! - [`words`]: the word lists and the reporting cues (data);
//! - [`boundaries`]: abbreviations, sentence openers and other closed
//!   lists of the sentence splitter (data, as `match` arms);
//! - [`key`]: packing a word into an integer key, with word-at-a-time
//!   loads;
//! - [`table`]: the hash table the lists are built into, and its lookups;
//! - [`filter`]: the Bloom prefilter that lets a sentence with no cue word
//!   skip attribution.

mod boundaries;
mod filter;
mod key;
mod table;
mod words;

use super::CueKind;

pub(super) use boundaries::{
    Abbrev, abbreviation, is_elision, is_sentence_starter, is_speech_tail,
};
pub(super) use filter::may_hold_cue;
pub(super) use key::{
    Key, alnum_bytes, alnum_len, bytes_in, key_in, load8, plain_key, plain_key16, word_key,
    word_keys, written_key,
};
pub(super) use table::{Lexicon, lexicon, lookup};
pub(super) use words::SPOKEN;

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
    /// "raised questions about", "cast doubt on": a speech act only when a
    /// person or an organisation does it.
    Raised,
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
