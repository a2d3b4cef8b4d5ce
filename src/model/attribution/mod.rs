//! Attributions: reporting cues and the sources they name, one sentence at a
//! time.
//!
//! Each sentence becomes a short token list in which every quotation is a
//! single token, so the grammar of attribution is read around quotations
//! ("“...,” said Smith") and cues inside quoted speech are never counted.
//! Cues come from the lexicon; the source is looked for where news grammar
//! puts it: the subject before the cue, after it in an inversion, after
//! "according to" or a passive "by". No parser: a few bounded walks over the
//! tokens, so the cost stays linear in the text.

use std::cell::Cell;
use std::ops::Range;

use super::lexicon::{
    self, ADJ, ANON, BE, BOUND, C_BASE, C_COMPL, C_DOC_ONLY, C_NEXT_OF, C_NEXT_TO, C_NOT_TO,
    C_NOUN, C_PART, C_QUOTE, C_STRONG, C_THAT, C_WRITTEN, CONCERN, CueSpec, DEF, DET, DOC, DOCV,
    INDEF, Key, LINK, Lex, Lexicon, NUM, PLATFORM, PREP, PRON, QUANT, REL, ROLE, SCAN, SKIP,
    SPOKEN, STMT, Special, TIME, TITLE, VAGUE,
};
use super::scan::{char_at, ws_len};
use super::{Attribution, CueKind, Quotation, Sentence, SourceKind};
use crate::ascii::{WINDOW, alnum16, flags64, load_padded};
use crate::prose::{Block, BlockKind};

/// The key of a word, computed at compile time, for [`Finder::is`].
macro_rules! w {
    ($w:literal) => {
        const { lexicon::word_key($w) }
    };
}

/// The keys of a list of words, computed at compile time, for
/// [`Finder::is_any`].
macro_rules! ws {
    ($($w:literal),+ $(,)?) => {
        const { &lexicon::word_keys([$($w),+]) }
    };
}

/// Adjectives that take a phrase after a source noun ("close to the talks").
#[rustfmt::skip]
const POSTMODIFIERS: &[Key] = &lexicon::word_keys([
    "familiar", "close", "closest", "near", "loyal", "opposed", "linked", "tied", "connected",
    "sympathetic", "allied", "affiliated", "briefed", "working", "based", "knowledgeable", "privy",
]);

/// Verbs that can open an inverted attribution ("Said the minister: ...").
#[rustfmt::skip]
const INVERSION_VERBS: &[Key] = &lexicon::word_keys([
    "said", "says", "asked", "added", "wrote", "writes", "replied", "recalled", "explained",
    "noted", "continued", "insisted", "warned", "tweeted",
]);

/// Written things that "read" or "say" their words ("the sign read").
#[rustfmt::skip]
const WRITTEN_THINGS: &[Key] = &lexicon::word_keys([
    "sign", "signs", "banner", "banners", "placard", "placards", "ad", "ads", "advert",
    "advertisement", "headline", "headlines", "caption", "message", "messages", "post", "posts",
    "tweet", "tweets", "note", "notes", "plaque", "inscription", "poster", "posters", "billboard",
    "shirt", "shirts", "t-shirt", "t-shirts", "slogan", "label", "text", "texts", "email",
    "emails", "flyer", "flyers", "leaflet", "card", "screen", "graffiti", "chyron", "petition",
    "letter", "letters", "statement", "sticker", "stickers", "tag", "subject", "title",
]);

/// Prepositions that attach inside a source's noun phrase ("officials at
/// the Treasury", "a spokeswoman for the agency").
#[rustfmt::skip]
const NP_PREPS: &[Key] = &lexicon::word_keys([
    "of", "at", "for", "from", "with", "including", "by", "in", "among", "like",
]);

/// [`Finder::head_memo`] holding no phrase.
const NO_HEAD: (usize, usize, usize) = (usize::MAX, usize::MAX, 0);

/// Longest stretch of tokens read back for a subject.
const MAX_SUBJECT: usize = 24;
/// Longest source phrase read forward.
const MAX_PHRASE: usize = 16;
/// Sentences longer than this are tokenised in pieces, to bound memory on
/// pathological input (a 10 MB line with no full stop).
const MAX_PIECE: usize = 32 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tk {
    Word,
    Comma,
    /// A whole quotation (or the part of one inside the sentence).
    Quote,
    Semi,
    Colon,
    Dash,
    Open,
    Close,
    /// `.`, `?`, `!` inside the sentence.
    End,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Tk,
    lex: Lex,
    /// Starts with a capital letter.
    cap: bool,
    /// Stands where capitals are routine: sentence start, after a quotation
    /// or colon, anywhere in a headline.
    neutral: bool,
    /// Ends in 's.
    poss: bool,
    /// Starts with a digit.
    num: bool,
    /// The word as written, for comparing with named words
    /// ([`lexicon::written_key`]); 0 for other tokens.
    word: Key,
}

/// What a phrase reading stopped at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    End,
    Punct,
    Time,
    /// A preposition or conjunction: "said the ministry in a statement",
    /// "said Smith as he left".
    Link,
    Word,
}

/// Where an attribution's source is.
#[derive(Debug, Clone, Copy)]
enum Src {
    /// Tokens `a..=z` of the sentence.
    Toks(usize, usize),
    /// The same source as attribution `i` (", adding that ...").
    Copy(usize),
}

struct Finder<'a> {
    text: &'a str,
    lexicon: &'static Lexicon,
    quotations: &'a [Quotation],
    top: &'a [usize],
    qcur: usize,
    toks: Vec<Tok>,
    /// Indices of the words the cue scan stops at ([`SCAN`]), in order.
    stops: Vec<usize>,
    cue_at: Vec<bool>,
    out: Vec<Attribution>,
    /// Words of four letters or more in the piece, and how many are capitalised.
    long_words: (usize, usize),
    /// Index in `out` of the current sentence's first attribution.
    first: usize,
    sentence: usize,
    /// The last phrase `a..=z` given to [`Finder::head`] and its head: a
    /// cue's source is read for whether it can speak and then classified,
    /// and each asks for the head of the same phrase.
    head_memo: Cell<(usize, usize, usize)>,
}

/// Finds the attributions of every sentence, sorted by sentence and cue start.
pub(super) fn find(
    text: &str,
    blocks: &[Block],
    sentences: &[Sentence],
    quotations: &[Quotation],
    top: &[usize],
    labels: &[Label],
) -> Vec<Attribution> {
    let mut f = Finder {
        text,
        lexicon: lexicon::lexicon(),
        quotations,
        top,
        qcur: 0,
        // Sized for a long sentence, so the buffers reused across sentences
        // do not grow by doubling in every document.
        toks: Vec::with_capacity(96),
        stops: Vec::new(),
        cue_at: Vec::with_capacity(96),
        out: Vec::with_capacity(sentences.len()),
        first: 0,
        sentence: 0,
        long_words: (0, 0),
        head_memo: Cell::new(NO_HEAD),
    };
    let mut li = 0;
    for (si, s) in sentences.iter().enumerate() {
        let headline = blocks
            .get(s.block)
            .is_some_and(|b| matches!(b.kind, BlockKind::Headline | BlockKind::Heading));
        f.sentence = si;
        // A speaker label speaks every sentence of its block; it stands
        // apart from the sentence's own cues (", adding" never copies it).
        while labels.get(li).is_some_and(|l| l.block < s.block) {
            li += 1;
        }
        if let Some(l) = labels.get(li).filter(|l| l.block == s.block) {
            f.out.push(Attribution {
                sentence: si,
                cue: l.colon.clone(),
                source: Some(l.source.clone()),
                source_kind: SourceKind::Named,
                cue_kind: CueKind::Speech,
            });
        }
        f.first = f.out.len();
        let mut start = s.range.start;
        while start < s.range.end {
            let end = piece_end(text, start, s.range.end);
            if !lexicon::may_hold_cue(&text.as_bytes()[start..end]) {
                start = end;
                continue;
            }
            f.tokenize(start..end, headline);
            f.scan();
            start = end;
        }
    }
    f.out
}

/// A speaker label opening a block: "Q: ...", "Sara Carter: ...",
/// "LeftCoast Dawg: “...”", a headline's "Trump: Let Hillary ...".
#[derive(Debug, Clone)]
pub(super) struct Label {
    /// Index of the labelled block.
    pub(super) block: usize,
    /// The speaker's name.
    pub(super) source: Range<usize>,
    /// The colon, standing for the cue.
    pub(super) colon: Range<usize>,
}

/// Words that label a block without naming who speaks ("Update:", "Photo
/// Credit:", "BOMBSHELL:"), lowercase.
#[rustfmt::skip]
const NOT_SPEAKERS: &[&str] = &[
    "note", "notes", "update", "updated", "photo", "photos", "pictured", "image", "images",
    "credit", "credits", "caption", "source", "sources", "related", "tags", "tag", "topics",
    "topic", "correction", "clarification", "disclosure", "disclaimer", "transcript",
    "advertisement", "sponsored", "location", "date", "dates", "price", "cost", "age", "height",
    "weight", "ingredients", "directions", "pros", "cons", "bottom", "line", "takeaway",
    "takeaways", "background", "context", "headline", "subject", "title", "genre", "rating",
    "runtime", "score", "status", "category", "categories", "filed", "posted", "published",
    "share", "email", "phone", "website", "address", "twitter", "facebook", "instagram",
    "youtube", "contact", "follow", "join", "subscribe", "download", "listen", "bombshell",
    "shock", "shocking", "alert", "urgent", "wow", "boom", "huge", "developing", "flashback",
    "epic", "busted", "leaked", "revealed", "exposed", "unreal", "disgusting", "hilarious",
    "insane", "outrageous", "scandal", "amazing", "incredible", "finally", "warning", "ouch",
    "yikes", "fact", "check", "surprise", "getty", "editors", "editor", "ps", "nb", "fyi",
    "spoiler", "trigger", "episode", "season", "part", "chapter", "step", "round", "phase",
    "stage", "level", "question", "questions", "answer", "answers", "problem", "solution",
    "result", "results", "conclusion", "summary", "reminder", "hint", "tip", "tips", "lesson",
    "rule", "goal", "mission", "motto", "theme", "topic", "agenda", "schedule", "time", "place",
    "venue", "cast", "starring", "director", "producer", "author", "publisher", "isbn",
    "warnings", "exclusive", "breaking", "news", "live", "watch", "video", "audio", "poll",
    "translation", "transcription", "contributing", "reporting", "additional", "edited", "compiled", "written", "byline", "name",
    "city", "state", "country", "hometown", "occupation", "party", "quick", "seriously",
    "honestly", "psa", "edit", "plus", "first", "second", "third", "next", "total", "totals",
];

/// Speaker labels of the blocks that open with one.
pub(super) fn block_labels(text: &str, blocks: &[Block]) -> Vec<Label> {
    let mut labels = Vec::new();
    // A label in capitals ("CLINTON:") counts in a transcript, where such
    // labels recur, or before a quotation; alone it is a kicker
    // ("SHOCKER: ...").
    let mut caps = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if let Some((l, upper, quoted)) = block_label(text, i, b.range.clone()) {
            if upper && !quoted {
                caps.push(l);
            } else {
                labels.push(l);
            }
        }
    }
    // One capitalised label answered by a named speaker in the next block
    // is an interviewer's ("GQ: ...?" then "Jerry Springer: ...").
    if caps.len() < 2 {
        caps.retain(|c| labels.iter().any(|l| l.block == c.block + 1));
    }
    labels.append(&mut caps);
    labels.sort_by_key(|l| l.block);
    labels
}

/// The label opening block `block`, whether it is in capitals, and whether
/// a quotation follows it.
fn block_label(text: &str, block: usize, r: Range<usize>) -> Option<(Label, bool, bool)> {
    let s = text.get(r.clone())?;
    let b = s.as_bytes();
    let colon = memchr::memchr(b':', &b[..b.len().min(48)])?;
    let rest = s.get(colon + 1..)?;
    // "Clinton: 547" is a tally, not speech.
    if !rest.starts_with([' ', '\t', '\u{a0}'])
        || rest
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| c.is_ascii_digit() || matches!(c, '$' | '%' | '#'))
    {
        return None;
    }
    let name = s.get(..colon)?;
    let qa = matches!(name, "Q" | "A");
    let quoted = rest
        .trim_start()
        .starts_with(['"', '\u{201c}', '\u{2018}', '\'', '\u{ab}']);
    // A forum handle before a quotation: "illiniwek: “...”"
    let handle = quoted
        && !name.contains(' ')
        && name.len() >= 3
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && name.chars().next().is_some_and(char::is_alphabetic);
    let mut words = 0;
    let mut upper = true;
    let mut start = 0;
    for w in name.split(' ') {
        let ws = start;
        start += w.len() + 1;
        words += 1;
        let mut chars = w.chars();
        let first = chars.next()?;
        if words > 4
            || !(first.is_uppercase() || handle)
            || !w.chars().all(|c| {
                c.is_alphanumeric() || matches!(c, '.' | '\'' | '\u{2019}' | '-' | '&' | '_')
            })
        {
            return None;
        }
        upper &= !w.chars().any(char::is_lowercase);
        if qa {
            continue;
        }
        if w.chars().count() < 2 {
            return None;
        }
        let lower = w.trim_end_matches('.').to_ascii_lowercase();
        if NOT_SPEAKERS.contains(&lower.as_str()) {
            return None;
        }
        let (key, _) = lexicon::key_in(text.as_bytes(), r.start + ws, r.start + ws + w.len());
        let lex = lexicon::lookup(key);
        // Names and titles: "Sen. Ames", "President Obama", "Police".
        if lex.known() && !lex.has(TITLE | ROLE) {
            return None;
        }
    }
    let label = Label {
        block,
        source: r.start..r.start + colon,
        colon: r.start + colon..r.start + colon + 1,
    };
    Some((label, upper && !qa, quoted))
}

/// End of the piece of a sentence starting at `start`: the whole rest when
/// short, else the first white space after `MAX_PIECE` bytes.
fn piece_end(text: &str, start: usize, end: usize) -> usize {
    if end - start <= MAX_PIECE {
        return end;
    }
    let b = text.as_bytes();
    let mut j = start + MAX_PIECE;
    while j < end && ws_len(b, j) == 0 {
        j += 1;
    }
    j
}

impl Finder<'_> {
    // ----- tokens -----

    fn tokenize(&mut self, range: Range<usize>, headline: bool) {
        self.tokenize_with::<true>(range, headline);
    }

    /// [`Finder::tokenize`], reading plain words from [`Window`] masks when
    /// `WINDOWS`; without, the byte-by-byte loop the tests hold it to.
    fn tokenize_with<const WINDOWS: bool>(&mut self, range: Range<usize>, headline: bool) {
        self.toks.clear();
        self.stops.clear();
        self.long_words = (0, 0);
        self.head_memo.set(NO_HEAD);
        let text = self.text;
        let b = text.as_bytes();
        let end = range.end;
        let mut i = range.start;
        let mut neutral = true;
        // The next outermost quotation to reach: refreshed only when `i`
        // passes its start, not per token.
        let mut q_range = self.next_quotation(i);
        let mut win = Window::new(b, i);
        while i < end {
            if q_range.start <= i {
                if q_range.end > i {
                    let e = q_range.end.min(end);
                    self.push(i, e, Tk::Quote);
                    neutral = true;
                    i = e;
                }
                q_range = self.next_quotation(i);
                continue;
            }
            let limit = end.min(q_range.start);
            if WINDOWS {
                let mut off = i - win.base;
                if off >= WINDOW {
                    win = Window::new(b, i);
                    off = 0;
                }
                if win.alnum >> off & 1 != 0 {
                    let mut run = (!win.alnum >> off).trailing_zeros() as usize;
                    // A word running past the window is read from a window
                    // of its own.
                    if off + run >= WINDOW && off > 0 {
                        win = Window::new(b, i);
                        off = 0;
                        run = (!win.alnum).trailing_zeros() as usize;
                    }
                    if let Some(j) =
                        self.window_word(&win, off, run, limit, end, neutral || headline)
                    {
                        // The word ended before `limit`, inside the window,
                        // so the byte after it is there to read.
                        i = j + usize::from(win.bytes[off + run] == b' ');
                        neutral = false;
                        continue;
                    }
                }
            }
            let c = b[i];
            if c.is_ascii_alphanumeric() {
                i = match self.plain_word(i, limit, neutral || headline) {
                    Some(j) => j,
                    None => self.word(i, limit, end, neutral || headline),
                };
                neutral = false;
                // The space after a word, read here, saves a turn of the loop.
                if i < end && b[i] == b' ' {
                    i += 1;
                }
                continue;
            }
            if c < 0x80 {
                let kind = match c {
                    // Angle brackets around tickers and names ("<IBM Canada
                    // Ltd> said") hide nothing a reader would not read.
                    b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'<' | b'>' => {
                        i += 1;
                        continue;
                    }
                    b',' => Tk::Comma,
                    b';' => Tk::Semi,
                    b':' => Tk::Colon,
                    b'(' | b'[' | b'{' => Tk::Open,
                    b')' | b']' | b'}' => Tk::Close,
                    b'.' | b'?' | b'!' => Tk::End,
                    b'-' if b.get(i + 1) == Some(&b'-')
                        || (i > range.start && ws_len(b, i - 1) > 0 && ws_len(b, i + 1) > 0) =>
                    {
                        Tk::Dash
                    }
                    _ => Tk::Other,
                };
                // "--" and "---" are one dash
                let mut len = 1;
                if kind == Tk::Dash {
                    while i + len < end && b[i + len] == b'-' {
                        len += 1;
                    }
                }
                self.push(i, i + len, kind);
                neutral = matches!(kind, Tk::Colon | Tk::End | Tk::Open | Tk::Dash)
                    || (neutral && kind != Tk::Comma);
                i += len;
                continue;
            }
            let Some(ch) = char_at(text, i, end) else {
                i += 1;
                continue;
            };
            let len = ch.len_utf8();
            if alphanumeric(ch) {
                i = self.word(i, limit, end, neutral || headline);
                neutral = false;
                continue;
            }
            if ch.is_whitespace() {
                i += len;
                continue;
            }
            let kind = match ch {
                '\u{2014}' | '\u{2013}' => Tk::Dash,
                _ => Tk::Other,
            };
            self.push(i, i + len, kind);
            if kind == Tk::Dash {
                neutral = true;
            }
            i += len;
        }
        if !headline && self.title_case() {
            for t in &mut self.toks {
                t.neutral = true;
            }
        }
        self.cue_at.clear();
        self.cue_at.resize(self.toks.len(), false);
    }

    /// A sentence in title case (a headline the extractor took for body
    /// copy): its capitals say nothing about names.
    fn title_case(&self) -> bool {
        let (long, caps) = self.long_words;
        long >= 4 && caps * 5 >= long * 4
    }

    /// The range of the first outermost quotation ending after `i`
    /// (`MAX..MAX` when none is left).
    fn next_quotation(&mut self, i: usize) -> Range<usize> {
        while self
            .top
            .get(self.qcur)
            .is_some_and(|&q| self.quotations[q].range.end <= i)
        {
            self.qcur += 1;
        }
        match self.top.get(self.qcur) {
            Some(&q) => self.quotations[q].range.clone(),
            None => usize::MAX..usize::MAX,
        }
    }

    fn push(&mut self, start: usize, end: usize, kind: Tk) {
        self.toks.push(Tok {
            start,
            end,
            kind,
            lex: Lex::default(),
            cap: false,
            neutral: false,
            poss: false,
            num: false,
            word: 0,
        });
    }

    /// Reads a plain word at `i` inline and returns its end: one to fifteen
    /// ASCII letters and digits before `limit` and a byte that cannot carry
    /// the word on. Most words are such, and need no tail, no kept period
    /// and no call; `None` leaves any other word to [`Finder::word`].
    #[inline]
    fn plain_word(&mut self, i: usize, limit: usize, neutral: bool) -> Option<usize> {
        let b = self.text.as_bytes();
        let x = lexicon::load8(b, i)?;
        let (run, y) = match lexicon::alnum_len(x) {
            8 => {
                let y = lexicon::load8(b, i + 8)?;
                match lexicon::alnum_len(y) {
                    8 => return None,
                    more => (8 + more, y),
                }
            }
            run => (run, 0),
        };
        let j = i + run;
        if j >= limit || joins_word(b[j]) {
            return None;
        }
        let (lex, key) = if run < 8 {
            let (lex, key) = self.plain_lex(x, run);
            (lex, Key::from(key))
        } else {
            let key = lexicon::plain_key16(x, y, run - 8);
            (self.lexicon.get(key), key)
        };
        let (cap, num) = ((x as u8).is_ascii_uppercase(), (x as u8).is_ascii_digit());
        self.push_word(i..j, lex, key, (cap, num), neutral, false);
        Some(j)
    }

    /// [`Finder::plain_word`] for the word of `run` ASCII letters and digits
    /// at byte `off` of `win`, its classes already known: `None` when it
    /// does not end inside the window as a plain word of at most sixteen
    /// bytes before `limit`.
    #[inline]
    fn window_word(
        &mut self,
        win: &Window,
        off: usize,
        run: usize,
        limit: usize,
        end: usize,
        neutral: bool,
    ) -> Option<usize> {
        let i = win.base + off;
        let j = i + run;
        if off + run >= WINDOW || run > 16 || j >= limit {
            return None;
        }
        // A full stop that is the piece's last byte joins nothing and is
        // never kept (see [`Finder::word`]): the last word of most
        // sentences stays on this path.
        let c = win.bytes[off + run];
        if joins_word(c) && !(c == b'.' && j + 1 == end) {
            return None;
        }
        let x = win.word8(off);
        let (lex, key) = if run <= 8 {
            let (lex, key) = self.plain_lex(x, run);
            (lex, Key::from(key))
        } else {
            let key = lexicon::plain_key16(x, win.word8(off + 8), run - 8);
            (self.lexicon.get(key), key)
        };
        let (cap, num) = ((x as u8).is_ascii_uppercase(), (x as u8).is_ascii_digit());
        self.push_word(i..j, lex, key, (cap, num), neutral, false);
        Some(j)
    }

    /// What the lexicon says of the plain word of `run` (1 to 8) ASCII
    /// letters and digits loaded in `x`, and its key.
    #[inline]
    fn plain_lex(&self, x: u64, run: usize) -> (Lex, u64) {
        // A plain word needs no stripping: its key is the masked load.
        let key = lexicon::plain_key(x, run);
        (self.lexicon.get_short(key), key)
    }

    /// Reads the word at `i` (stopping at `limit`, where a quotation starts)
    /// and returns its end.
    fn word(&mut self, i: usize, limit: usize, end: usize, neutral: bool) -> usize {
        let text = self.text;
        let b = text.as_bytes();
        // One load classifies the first eight bytes, where most words end.
        let chunk = lexicon::load8(b, i);
        let run = match chunk {
            Some(x) => {
                let n = lexicon::alnum_len(x);
                if n < 8 || limit - i <= 8 {
                    n.min(limit - i)
                } else {
                    8 + alnum_run(b, i + 8, limit)
                }
            }
            None => alnum_run(b, i, limit),
        };
        let plain_end = i + run;
        let mut j = plain_end;
        let mut dotted = false;
        if j < limit && joins_word(b[j]) {
            (j, dotted) = word_tail(text, j, limit);
        }
        let plain = j == plain_end;
        // An abbreviation keeps its period, so "Mr. Smith" stays one phrase.
        if j + 1 < end
            && b.get(j) == Some(&b'.')
            && (dotted
                || matches!(b.get(j + 1), Some(b',' | b')'))
                || text.get(i..j).and_then(lexicon::abbreviation).is_some())
        {
            j += 1;
        }
        let (lex, poss, word) = match chunk.filter(|_| plain && (1..=8).contains(&run)) {
            Some(x) => {
                let (lex, key) = self.plain_lex(x, run);
                // The lookup key is the written word unless a period was kept.
                let word = if j == plain_end {
                    Key::from(key)
                } else {
                    lexicon::written_key(&b[i..j])
                };
                (lex, false, word)
            }
            None => {
                let (key, poss) = lexicon::key_in(b, i, j);
                let lex = self.lexicon.get(key);
                let word = if plain && j == plain_end {
                    key
                } else {
                    lexicon::written_key(&b[i..j])
                };
                (lex, poss, word)
            }
        };
        let cap = if b[i] < 0x80 {
            b[i].is_ascii_uppercase()
        } else {
            char_at(text, i, end).is_some_and(char::is_uppercase)
        };
        self.push_word(i..j, lex, word, (cap, b[i].is_ascii_digit()), neutral, poss);
        j
    }

    /// Pushes the word at `span`, whether it starts with a capital and with
    /// a digit (known to the caller from the byte it has loaded), counting
    /// it for the title-case test and noting it when the cue scan must stop
    /// at it.
    #[inline]
    fn push_word(
        &mut self,
        span: Range<usize>,
        lex: Lex,
        word: Key,
        (cap, num): (bool, bool),
        neutral: bool,
        poss: bool,
    ) {
        // Counted without a branch: whether a word is long is a coin toss.
        let long = usize::from(span.len() > 3 && !num);
        self.long_words.0 += long;
        self.long_words.1 += long & usize::from(cap);
        if lex.has(SCAN) {
            self.stops.push(self.toks.len());
        }
        self.toks.push(Tok {
            start: span.start,
            end: span.end,
            kind: Tk::Word,
            lex,
            cap,
            neutral,
            poss,
            num,
            word,
        });
    }

    // ----- small predicates -----

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn kind(&self, i: usize) -> Option<Tk> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// True when token `i` is the word keyed `w` (see [`w!`]), in any case.
    fn is(&self, i: usize, w: Key) -> bool {
        self.tok(i).is_some_and(|t| t.word == w)
    }

    /// True when token `i` is one of the words keyed `ws` (see [`ws!`]).
    fn is_any(&self, i: usize, ws: &[Key]) -> bool {
        self.tok(i).is_some_and(|t| ws.contains(&t.word))
    }

    /// A word of class `bits` that is not part of a name.
    fn has(&self, i: usize, bits: u32) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Tk::Word && t.lex.has(bits))
            && !self.proper(i)
    }

    /// A capitalised word that is a name: not a pronoun, not a number, and
    /// not a common word whose capital comes from its position.
    fn proper(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kind == Tk::Word
                && t.cap
                && !t.num
                && !t.lex.has(PRON)
                && !(t.neutral && t.lex.known())
        })
    }

    /// A word that looks like a plural common noun: its key ends in s (not
    /// -ss, -us, -is) and is not possessive. Read from the text when asked,
    /// since only the few words of a source phrase ever are.
    fn plural(&self, i: usize) -> bool {
        self.tok(i).filter(|t| t.kind == Tk::Word).is_some_and(|t| {
            let (key, poss) = lexicon::key_in(self.text.as_bytes(), t.start, t.end);
            !poss && plural_key(key, key_len(key))
        })
    }

    /// A lowercase word the lexicon does not know (an open-class noun or verb).
    fn unknown(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Tk::Word && !t.cap && !t.lex.known() && !t.num)
    }

    /// The last word of a noun phrase a preposition can attach to: a noun
    /// the lexicon knows, a name, a number, or an unknown word right after a
    /// determiner or modifier ("the grieving mother of"), not an adjective
    /// after a verb ("was steep for").
    fn np_tail(&self, i: usize) -> bool {
        if self.proper(i)
            || self.has(i, VAGUE | ANON | ROLE | DOC | DOCV | QUANT | NUM)
            || self.tok(i).is_some_and(|t| t.kind == Tk::Word && t.num)
        {
            return true;
        }
        self.unknown(i)
            && i > 0
            && (self.has(i - 1, DET | ADJ | NUM)
                || self.proper(i - 1)
                || self.tok(i - 1).is_some_and(|t| t.poss || t.num))
    }

    /// An unknown word that reads as an adverb ("famously", "quickly").
    fn adverb_ly(&self, i: usize) -> bool {
        const NOT_ADVERBS: &[Key] = &lexicon::word_keys([
            "early",
            "family",
            "daily",
            "weekly",
            "monthly",
            "yearly",
            "quarterly",
            "rally",
            "ally",
            "bully",
            "belly",
            "holy",
            "jelly",
            "assembly",
            "supply",
            "reply",
            "apply",
            "comply",
            "italy",
            "anomaly",
        ]);
        self.unknown(i)
            && self.tok(i).is_some_and(|t| {
                let w = &self.text[t.start..t.end];
                w.len() > 4 && w.ends_with("ly")
            })
            && !self.is_any(i, NOT_ADVERBS)
    }

    /// "and" between two names ("Smith and Jones", "he and his wife").
    fn joins_names(&self, i: usize) -> bool {
        self.is_any(i, ws!["and", "&"])
            && i > 0
            && (self.proper(i - 1) || self.has(i - 1, PRON))
            && (self.proper(i + 1) || self.has(i + 1, DET | PRON))
    }

    /// Index of the token before `c` once adverbs and auxiliaries are skipped.
    fn before_adverbs(&self, c: usize) -> Option<usize> {
        let mut j = c;
        for _ in 0..4 {
            let p = j.checked_sub(1)?;
            if self.has(p, SKIP) && !self.has(p, BE) {
                j = p;
            } else {
                return Some(p);
            }
        }
        j.checked_sub(1)
    }

    fn term_at(&self, k: usize) -> Term {
        match self.kind(k) {
            None | Some(Tk::End) => Term::End,
            Some(Tk::Word) if self.has(k, TIME) => Term::Time,
            Some(Tk::Word) => Term::Word,
            Some(_) => Term::Punct,
        }
    }

    // ----- cues -----

    fn scan(&mut self) {
        let mut phrase: Option<(usize, usize)> = None;
        // Only the words in `stops` can start anything; a cue that reads
        // on to token `c` passes over the stops before it.
        let mut c = 0;
        let mut k = 0;
        while let Some(&stop) = self.stops.get(k) {
            k += 1;
            if stop < c {
                continue;
            }
            c = stop;
            let t = self.toks[c];
            if t.lex.be_adj()
                && let Some(next) = self.be_adjective(c)
            {
                c = next;
                continue;
            }
            if let Some(spec) = t.lex.cue {
                // "a think tank" is an institution, not a state of mind
                // ("think" is a cue: words that are not skip the comparison).
                if self.is(c, w!("think")) && self.is_any(c + 1, ws!["tank", "tanks"]) {
                    c += 2;
                    continue;
                }
                if (!t.cap || t.neutral)
                    && let Some(next) = self.cue(c, spec)
                {
                    c = next;
                    continue;
                }
            }
            if phrase.is_none()
                && t.lex.has(PREP | TIME)
                && let Some(e) = self.statement_phrase(c)
            {
                phrase = Some((c, e));
            }
            c += 1;
        }
        if self.out.len() == self.first
            && let Some((s, e)) = phrase
        {
            self.standalone_phrase(s, e);
        }
    }

    /// Tries the cue at `c`; on success records it and returns the index
    /// after it.
    fn cue(&mut self, c: usize, spec: CueSpec) -> Option<usize> {
        match spec.special {
            Special::None => self.verb(c, spec),
            Special::According => {
                if !self.is(c + 1, w!("to")) {
                    return None;
                }
                // "according to recently hacked documents"
                let mut s = c + 2;
                while self.has(s, SKIP) || (self.unknown(s) && self.adverb_ly(s)) {
                    s += 1;
                }
                let src = self.np_forward(s, false).map(|(z, _)| Src::Toks(s, z));
                self.emit(c, c + 1, spec, src)
            }
            Special::Citing => {
                let (z, _) = self.np_forward(c + 1, false)?;
                if !self.sourceish(c + 1, z) {
                    return None;
                }
                self.emit(c, c, spec, Some(Src::Toks(c + 1, z)))
            }
            Special::Trailing => {
                let p = c.checked_sub(1)?;
                let after_comma = self.kind(p) == Some(Tk::Comma)
                    || self.is_any(p, ws!["by", "while", "before", "after", "when"]);
                // "can be heard saying", "was caught on tape saying"
                let heard = self.is_any(
                    p,
                    ws![
                        "heard", "seen", "caught", "filmed", "recorded", "shown", "tape",
                    ],
                );
                // "apologized stating “...”": a quotation right after the
                // participle makes up for the missing comma.
                let quoted = self.quote_next(c + 1)
                    && self.kind(p) == Some(Tk::Word)
                    && !self.has(p, DET | PREP)
                    && !self.toks[p].poss;
                if !(after_comma || heard || quoted) {
                    return None;
                }
                if !self.is(c, w!("saying")) && !self.clause_follows(c + 1) {
                    return None;
                }
                let src = self.last_source().or_else(|| self.clause_subject(c))?;
                self.emit(c, c, spec, Some(src))
            }
            Special::Expressed | Special::Issued => {
                let mut k = c + 1;
                let e = loop {
                    if k > c + 3 {
                        return None;
                    }
                    let t = self.tok(k)?;
                    if t.kind != Tk::Word {
                        return None;
                    }
                    let noun = if spec.special == Special::Issued {
                        self.is_any(k, SPOKEN) && !self.is(k, w!("conference"))
                    } else {
                        t.lex.has(CONCERN)
                    };
                    if noun {
                        break k;
                    }
                    if !(self.has(k, DET | ADJ | QUANT | SKIP) || self.unknown(k)) {
                        return None;
                    }
                    k += 1;
                };
                let src = self.subject_before(c)?;
                self.emit(c, e, spec, Some(src))
            }
            Special::Described => {
                if self.before_adverbs(c).is_some_and(|p| self.has(p, BE)) {
                    return None;
                }
                // "described the plan as", or a quotation holding the "as"
                let has_as = (c + 1..(c + 9).min(self.toks.len()))
                    .take_while(|&k| matches!(self.kind(k), Some(Tk::Word | Tk::Quote)))
                    .any(|k| self.is(k, w!("as")) || self.kind(k) == Some(Tk::Quote));
                if !has_as {
                    return None;
                }
                let src = self.subject_before(c)?;
                self.emit(c, c, spec, Some(src))
            }
            Special::Quoted => {
                if self.is(c + 1, w!("as")) && self.is(c + 2, w!("saying")) {
                    let src = match self.before_adverbs(c) {
                        Some(p) if self.has(p, BE) => self.subject_before(p),
                        _ => self.subject_before(c),
                    }?;
                    return self.emit(c, c + 2, spec, Some(src));
                }
                // "quoted the minister as saying": the quoted person speaks.
                let k = (c + 2..(c + 10).min(self.toks.len()))
                    .find(|&k| self.is(k, w!("as")) && self.is(k + 1, w!("saying")))?;
                if !(c + 1..k).all(|i| self.kind(i) == Some(Tk::Word)) {
                    return None;
                }
                self.emit(c, c, spec, Some(Src::Toks(c + 1, k - 1)))
            }
            Special::Pointed => {
                if !self.is(c + 1, w!("out")) {
                    return None;
                }
                let src = self.inverted(c, c + 1).or_else(|| self.subject_before(c))?;
                self.emit(c, c + 1, spec, Some(src))
            }
            Special::BeAdj => None,
        }
    }

    /// An ordinary reporting verb.
    fn verb(&mut self, c: usize, spec: CueSpec) -> Option<usize> {
        let f = spec.flags;
        let prev = c.checked_sub(1);
        if let Some(p) = prev {
            let pt = self.toks[p];
            if f & (C_PART | C_NOUN | C_BASE) != 0
                && pt.kind == Tk::Word
                && (pt.poss || self.has(p, DET | PREP) || self.is(p, w!("to")))
            {
                // "the said company", "his claims", "in fear", "to say"
                return None;
            }
            if f & C_PART != 0
                && (self.has(p, NUM) || pt.num)
                && (self.unknown(c + 1) || self.has(c + 1, VAGUE | DOC | DOCV | ROLE))
            {
                // "35 confirmed cases", "two reported deaths"
                return None;
            }
            if f & C_BASE != 0 && pt.kind == Tk::Comma && self.kind(c + 1) == Some(Tk::Comma) {
                // "about, say, 10 percent"
                return None;
            }
        }
        if self.is(c, w!("said"))
            && (prev.is_some_and(|p| self.is(p, w!("having")))
                || (prev.is_some_and(|p| self.is_any(p, ws!["that", "this"]))
                    && self.kind(c + 1) == Some(Tk::Comma)))
        {
            // "That said, ..." / "Having said that"
            return None;
        }
        if self.is(c, w!("told")) && prev.is_some_and(|p| self.is(p, w!("all"))) {
            return None;
        }
        if self.is(c, w!("asked"))
            && (self.is(c + 1, w!("not"))
                || (self.is(c + 1, w!("to")) && self.is_any(c + 2, ws!["be", "remain"])))
        {
            // "asked not to be named": a condition of anonymity, not a report
            return None;
        }
        let e = if spec.kind == CueKind::Speech {
            self.extension(c).unwrap_or(c)
        } else {
            c
        };
        let widely = prev.is_some_and(|p| {
            self.is_any(p, ws!["widely", "generally", "commonly", "broadly", "long"])
        });
        if f & C_PART != 0
            && let Some(p) = self.before_adverbs(c)
            && (self.has(p, BE) || widely)
        {
            // A passive reports a source only with its agent: "was confirmed by police".
            if self.is(e + 1, w!("by")) {
                let (z, _) = self.np_forward(e + 2, false)?;
                return self.emit(c, e, spec, Some(Src::Toks(e + 2, z)));
            }
            return None;
        }
        if f & C_PART != 0
            && self.is(e + 1, w!("by"))
            && let Some((z, _)) = self.np_forward(e + 2, false)
            && self.sourceish(e + 2, z)
        {
            // a reduced passive: "a figure later confirmed by the department"
            return self.emit(c, e, spec, Some(Src::Toks(e + 2, z)));
        }
        let nx = e + 1;
        if self.is(c, w!("reported")) && self.is(nx, w!("from")) {
            // a reporter's credit line: "Costa reported from Washington."
            return None;
        }
        // "the report states that", "point seven states: “...”"
        if f & C_THAT != 0
            && !(self.is(nx, w!("that")) && self.noun_cue_next(nx, f))
            && !self.quote_next(nx)
        {
            return None;
        }
        if self.is(nx, w!("of"))
            && self.is_any(
                c,
                ws![
                    "suspected",
                    "alleged",
                    "feared",
                    "thought",
                    "believed",
                    "expected",
                    "confirmed",
                    "admitted",
                ],
            )
        {
            // "users suspected of spreading it"
            return None;
        }
        if self.is_any(nx, ws!["of", "for", "as"])
            && self.is_any(
                c,
                ws![
                    "accused",
                    "criticized",
                    "criticised",
                    "praised",
                    "condemned",
                    "denounced",
                    "mocked",
                    "ridiculed",
                    "derided",
                ],
            )
        {
            // "the man accused of buying the guns", "a pastor praised for"
            return None;
        }
        if f & C_NOT_TO != 0 && self.is(nx, w!("to")) {
            return None;
        }
        if f & C_NOUN != 0 && !self.noun_cue_next(nx, f) {
            return None;
        }
        let inverted = self.inverted(c, e);
        let src = match inverted {
            // "Smith, 45, said the plan." reads better with Smith speaking than
            // the plan: a name with an appositive before the comma wins.
            Some(inv) if c > 0 && matches!(self.kind(c - 1), Some(Tk::Comma | Tk::Dash)) => {
                match self.segment_subject(c - 1) {
                    Some((a, z, true)) => Some(Src::Toks(a, z)),
                    _ => Some(inv),
                }
            }
            Some(inv) => Some(inv),
            None => self.subject_before(c),
        };
        // Right after a quotation the verb reports it whatever follows:
        // "“...?” Trump continued at Trump Tower".
        let beside_quote = match (inverted, src) {
            (Some(_), _) => self.follows_quote(c),
            // only words between the quotation and the verb: "“...,” point
            // three begins", "“...,” Trump can be heard saying"
            (None, Some(Src::Toks(..))) => self.follows_quote(self.word_run_start(c, 5)),
            _ => false,
        };
        if f & C_COMPL != 0
            && e == c
            && inverted.is_none()
            && !beside_quote
            && !self.complement_next(nx, f)
        {
            return None;
        }
        if f & C_QUOTE != 0 && !self.quote_next(nx) {
            // "“...,” Ames continued at the vigil", not "continued support"
            // or "continues to lose"
            let object = self.kind(nx) == Some(Tk::Word)
                && !self.has(nx, PREP | TIME | SKIP | BOUND)
                || self.is(nx, w!("to"));
            if !beside_quote || (inverted.is_none() && object) {
                return None;
            }
        }
        if f & C_WRITTEN != 0 {
            // "the letter read", "the sign reads, in part:"
            let Some(Src::Toks(a, z)) = src else {
                return None;
            };
            let h = self.head(a, z);
            let written = self.has(h, DOC | DOCV | STMT) || self.is_any(h, WRITTEN_THINGS);
            let mut k = nx;
            if self.kind(k) == Some(Tk::Comma)
                && self.is(k + 1, w!("in"))
                && self.is(k + 2, w!("part"))
            {
                k += 3;
            }
            let compl = matches!(
                self.kind(k),
                None | Some(Tk::Quote | Tk::Colon | Tk::Comma | Tk::End)
            );
            // "“...,” read one", "“...,” read a banner": after a quotation
            // the inverted verb reads out any written thing.
            let after = inverted.is_some() && beside_quote;
            if !after && (!written || !(beside_quote || compl)) {
                return None;
            }
        }
        if f & C_NOUN != 0
            && let Some(Src::Toks(a, _)) = src
            && a > 0
            && !self.clause_edge(a - 1)
        {
            // A noun-like cue's subject opens a clause; "to ease growing
            // Asian worries about" has a verb before it.
            return None;
        }
        let src = match src {
            // "the reforms announced last week", "millions of dollars said":
            // a thing that cannot speak is a misread subject.
            Some(Src::Toks(a, z)) if !self.speaker(a, z) => {
                if f & C_STRONG == 0 {
                    return None;
                }
                None
            }
            s => s,
        };
        if f & C_DOC_ONLY != 0 {
            let Some(Src::Toks(a, z)) = src else {
                return None;
            };
            let h = self.head(a, z);
            if !self.has(h, DOC | DOCV) {
                return None;
            }
        }
        if f & (C_NOUN | C_BASE) != 0 {
            match src {
                Some(Src::Toks(a, z)) if self.plausible(a, z) => {}
                Some(Src::Copy(_)) => {}
                _ => return None,
            }
        }
        if src.is_none() && f & C_STRONG == 0 {
            return None;
        }
        self.emit(c, e, spec, src)
    }

    /// "is convinced", "are not worried", "remained concerned".
    fn be_adjective(&mut self, c: usize) -> Option<usize> {
        let mut j = c;
        for _ in 0..3 {
            let p = j.checked_sub(1)?;
            if self.has(p, SKIP) && !self.has(p, BE | LINK) {
                j = p;
            } else {
                break;
            }
        }
        let be = j.checked_sub(1)?;
        if !self.has(be, BE | LINK) || self.cue_at[be] {
            return None;
        }
        if self.is(c, w!("concerned")) && (be.saturating_sub(4)..be).any(|i| self.is(i, w!("far")))
        {
            // "as far as we are concerned"
            return None;
        }
        let src = self.subject_before(be)?;
        let spec = CueSpec {
            kind: CueKind::Belief,
            special: Special::BeAdj,
            flags: 0,
        };
        self.emit(be, c, spec, Some(src))
    }

    /// A cue's fixed continuation: "told reporters", "said in a statement".
    fn extension(&self, c: usize) -> Option<usize> {
        if self.is(c, w!("told")) {
            if self.is_any(c + 1, ws!["reporters", "journalists"]) {
                return Some(c + 1);
            }
            if self.is(c + 1, w!("the")) && self.is_any(c + 2, ws!["press", "media"]) {
                return Some(c + 2);
            }
            if self.is(c + 1, w!("a"))
                && self.is_any(c + 2, ws!["news", "press"])
                && self.is_any(c + 3, ws!["conference", "briefing"])
            {
                return Some(c + 3);
            }
        }
        self.statement_phrase(c + 1)
    }

    /// "in a statement", "at a news conference", "on Twitter": the index of
    /// the phrase's last word.
    fn statement_phrase(&self, i: usize) -> Option<usize> {
        // "in", "at" are prepositions, "on", "during" time words: a cheap
        // filter before any string comparison.
        if !self
            .tok(i)
            .is_some_and(|t| t.kind == Tk::Word && t.lex.has(PREP | TIME))
        {
            return None;
        }
        if self.is(i, w!("on")) {
            if self.is(i + 1, w!("social")) && self.is(i + 2, w!("media")) {
                return Some(i + 2);
            }
            if self
                .tok(i + 1)
                .is_some_and(|t| t.kind == Tk::Word && t.lex.has(PLATFORM))
            {
                return Some(i + 1);
            }
            return None;
        }
        if !self.is_any(i, ws!["in", "at", "during"]) || !self.has(i + 1, DET) {
            return None;
        }
        let mut last = None;
        for k in i + 2..i + 5 {
            let Some(t) = self.tok(k) else { break };
            if t.kind != Tk::Word {
                break;
            }
            if t.lex.has(STMT) && !self.proper(k) {
                last = Some(k);
            } else if !(t.lex.has(ADJ) || self.unknown(k) || self.proper(k) || t.num) {
                break;
            }
        }
        last
    }

    /// "In a statement, the company ..." with no verb cue in the sentence.
    fn standalone_phrase(&mut self, s: usize, e: usize) {
        if !self.is_any(e, SPOKEN) {
            return;
        }
        let spec = CueSpec {
            kind: CueKind::Speech,
            special: Special::None,
            flags: 0,
        };
        let mut k = e + 1;
        if self.is_any(
            k,
            ws![
                "released",
                "issued",
                "published",
                "posted",
                "sent",
                "signed",
            ],
        ) {
            k += 1;
        }
        // A statement comes from its author; a speech "from Wyoming" from a place.
        let from_author = self.is(k, w!("by"))
            || (self.is(k, w!("from"))
                && self.is_any(
                    e,
                    ws![
                        "statement",
                        "letter",
                        "email",
                        "e-mail",
                        "memo",
                        "release",
                        "filing",
                        "communique",
                    ],
                ));
        if from_author && let Some((z, _)) = self.np_forward(k + 1, false) {
            self.emit(s, e, spec, Some(Src::Toks(k + 1, z)));
            return;
        }
        if self.kind(e + 1) == Some(Tk::Comma)
            && let Some((z, _)) = self.np_forward(e + 2, true)
            && self.plausible(e + 2, z)
        {
            self.emit(s, e, spec, Some(Src::Toks(e + 2, z)));
            return;
        }
        let h = if self.kind(s.wrapping_sub(1)) == Some(Tk::Comma) {
            s.checked_sub(2)
        } else {
            s.checked_sub(1)
        };
        if let Some(h) = h
            && let Some(a) = self.np_back(h, h.saturating_sub(MAX_SUBJECT))
            && self.plausible(a, h)
        {
            self.emit(s, e, spec, Some(Src::Toks(a, h)));
        }
    }

    /// True when token `i` ends a clause before a subject: punctuation, a
    /// conjunction, a relative pronoun, an adverb or an earlier cue.
    fn clause_edge(&self, i: usize) -> bool {
        match self.kind(i) {
            None => true,
            Some(Tk::Word) => {
                self.cue_at[i] || self.has(i, BOUND | REL | SKIP | TIME) || self.is(i, w!("that"))
            }
            Some(_) => true,
        }
    }

    /// After a noun-like cue ("claims", "fears"): a word that starts a clause
    /// or object, not another noun ("insurance claims rose").
    fn noun_cue_next(&self, nx: usize, f: u16) -> bool {
        let Some(t) = self.tok(nx) else {
            return true;
        };
        match t.kind {
            Tk::Quote | Tk::Comma | Tk::Colon | Tk::Semi | Tk::Dash | Tk::End => true,
            Tk::Word => {
                if self.is(nx, w!("that")) {
                    // "claims that he lied", not "claims that were filed"
                    return !(self.has(nx + 1, BE | SKIP) || self.unknown(nx + 1));
                }
                (self.is(nx, w!("to")) && f & C_NEXT_TO != 0)
                    || (self.is_any(nx, ws!["of", "about"]) && f & C_NEXT_OF != 0)
                    || self.has(nx, PRON | DET)
                    || self.proper(nx)
            }
            _ => false,
        }
    }

    /// A speech complement: "that", a quotation, a comma, a colon, the end.
    fn complement_next(&self, nx: usize, f: u16) -> bool {
        // "recalled last week", "added on Monday that ..."
        let mut nx = nx;
        let mut hops = 0;
        while hops < 3
            && (self.has(nx, TIME)
                || (hops > 0
                    && (self.proper(nx)
                        || self.tok(nx).is_some_and(|t| t.kind == Tk::Word && t.num))))
        {
            nx += 1;
            hops += 1;
        }
        match self.kind(nx) {
            None | Some(Tk::Quote | Tk::Comma | Tk::Colon | Tk::Semi | Tk::Dash | Tk::End) => true,
            Some(Tk::Word) => {
                self.is(nx, w!("that"))
                    || (self.is(nx, w!("to")) && f & C_NEXT_TO != 0)
                    || (self.is_any(nx, ws!["of", "about", "against"]) && f & C_NEXT_OF != 0)
            }
            _ => false,
        }
    }

    /// True when token `i` comes right after a quotation (and its comma).
    fn follows_quote(&self, i: usize) -> bool {
        match i.checked_sub(1).and_then(|p| self.kind(p)) {
            Some(Tk::Quote) => true,
            Some(Tk::Comma) => i > 1 && self.kind(i - 2) == Some(Tk::Quote),
            _ => false,
        }
    }

    /// First token of the run of at most `max` words ending just before `c`.
    fn word_run_start(&self, c: usize, max: usize) -> usize {
        let mut a = c;
        while a > 0
            && c - a < max
            && self.kind(a - 1) == Some(Tk::Word)
            && !self.cue_at[a - 1]
            && !self.has(a - 1, BOUND | REL)
        {
            a -= 1;
        }
        a
    }

    /// A quotation next, perhaps after a colon or comma: "continued: “...”",
    /// "began, “...”" (not "nine states: Ohio, ...").
    fn quote_next(&self, nx: usize) -> bool {
        match self.kind(nx) {
            Some(Tk::Quote) => true,
            Some(Tk::Colon | Tk::Comma) => self.kind(nx + 1) == Some(Tk::Quote),
            _ => false,
        }
    }

    /// After ", adding": what starts a reported clause.
    fn clause_follows(&self, nx: usize) -> bool {
        match self.kind(nx) {
            None | Some(Tk::Quote | Tk::Colon) => true,
            // ", writing, “...”"
            Some(Tk::Comma) => self.kind(nx + 1) == Some(Tk::Quote),
            Some(Tk::Word) => {
                self.is(nx, w!("that")) || self.has(nx, PRON | DET) || self.proper(nx)
            }
            _ => false,
        }
    }

    fn emit(&mut self, c: usize, e: usize, spec: CueSpec, src: Option<Src>) -> Option<usize> {
        let (source, source_kind) = match src {
            Some(Src::Toks(a, z)) => (
                Some(self.toks[a].start..self.toks[z].end),
                self.classify(a, z),
            ),
            Some(Src::Copy(i)) => (self.out[i].source.clone(), self.out[i].source_kind),
            None => (None, SourceKind::Vague),
        };
        self.out.push(Attribution {
            sentence: self.sentence,
            cue: self.toks[c].start..self.toks[e].end,
            source,
            source_kind,
            cue_kind: spec.kind,
        });
        for k in c..=e {
            self.cue_at[k] = true;
        }
        Some(e + 1)
    }

    // ----- sources -----

    fn last_source(&self) -> Option<Src> {
        (self.out.len() > self.first && self.out.last().is_some_and(|a| a.source.is_some()))
            .then(|| Src::Copy(self.out.len() - 1))
    }

    /// Inversion: "“...,” said Smith", "..., said the ministry."
    fn inverted(&self, c: usize, e: usize) -> Option<Src> {
        let prev = c.checked_sub(1).and_then(|p| self.kind(p));
        let after_quote = prev == Some(Tk::Quote)
            || (prev == Some(Tk::Comma) && c > 1 && self.kind(c - 2) == Some(Tk::Quote));
        let leads = matches!(prev, None | Some(Tk::Open | Tk::Colon));
        let comma = matches!(prev, Some(Tk::Comma | Tk::Dash));
        if !(after_quote || leads || comma) {
            return None;
        }
        // Verbs taking an object ("told The Huffington Post", "denied the
        // charges") invert only right after a quotation; a participle leading
        // a sentence is an adjective ("Confirmed cases rose").
        if !after_quote && !self.is_any(c, INVERSION_VERBS) {
            return None;
        }
        let s = e + 1;
        if !self.phrase_start(s) {
            return None;
        }
        let (z, term) = self.np_forward(s, false)?;
        // The source ends the clause: "said Smith.", "said Smith, who ...",
        // "said Smith on Monday", "said the ministry in a statement";
        // "says he will stay" and "suggested voters want change" are no
        // inversions.
        if !matches!(term, Term::End | Term::Punct | Term::Time | Term::Link) {
            return None;
        }
        Some(Src::Toks(s, z))
    }

    /// A word that can begin a source's noun phrase.
    fn phrase_start(&self, s: usize) -> bool {
        // "said sole manager First Boston Corp.": a modifier before a noun
        if self.unknown(s) && (self.proper(s + 1) || self.has(s + 1, ROLE | VAGUE | ANON)) {
            return true;
        }
        if self.tok(s).is_some_and(|t| t.lex.has(TIME)) {
            // "said Wednesday he ...": a date, not a source
            return false;
        }
        self.proper(s)
            || self.has(
                s,
                PRON | DET | QUANT | NUM | ADJ | TITLE | VAGUE | ANON | ROLE | DOC | DOCV,
            )
            || self.tok(s).is_some_and(|t| t.kind == Tk::Word && t.num)
    }

    /// The subject before the cue at `c`.
    fn subject_before(&self, c: usize) -> Option<Src> {
        let j = self.skip_to_subject(c)?;
        match self.kind(j)? {
            Tk::Comma | Tk::Dash => self.segment_subject(j).map(|(a, z, _)| Src::Toks(a, z)),
            Tk::Word => self.word_subject(j),
            _ => None,
        }
    }

    /// The last token of what stands before the verb at `c` once adverbs,
    /// auxiliaries and time phrases are skipped: "he also said", "Ryan on
    /// Thursday declared", "Smith, however, said", "Clinton famously replied".
    fn skip_to_subject(&self, c: usize) -> Option<usize> {
        let mut j = c;
        for _ in 0..8 {
            let p = j.checked_sub(1)?;
            let t = *self.tok(p)?;
            let word = t.kind == Tk::Word;
            let adverb = (self.has(p, SKIP) && !self.has(p, BE | PRON)) || self.adverb_ly(p);
            let time = word && t.lex.has(TIME);
            // "Jan. 5", "this week"
            let date_number = word
                && t.num
                && p > 0
                && self
                    .tok(p - 1)
                    .is_some_and(|q| q.kind == Tk::Word && q.lex.has(TIME));
            let date_lead = word && j < c && self.is_any(p, ws!["this", "next", "early", "late"]);
            let date_part = date_number || date_lead;
            if adverb || time || date_part {
                j = p;
                continue;
            }
            // ", however," / ", for instance," between subject and verb
            if t.kind == Tk::Comma
                && let Some(open) = (p.saturating_sub(4)..p)
                    .rev()
                    .find(|&k| self.kind(k) == Some(Tk::Comma))
                && open + 1 < p
                && (open + 1..p).all(|k| self.kind(k) == Some(Tk::Word) && !self.toks[k].cap)
                && self.has(open + 1, SKIP | PREP)
            {
                j = open;
                continue;
            }
            // "Jeb Bush in a Medium post said"
            if word
                && t.lex.has(STMT)
                && let Some(k) =
                    (p.saturating_sub(5)..p).find(|&k| self.statement_phrase(k) == Some(p))
            {
                j = k;
                continue;
            }
            // "Rand Paul (R-Ky.) said", "Kasich (who has 25 delegates) said"
            if t.kind == Tk::Close
                && let Some(open) = (p.saturating_sub(24)..p)
                    .rev()
                    .find(|&k| self.kind(k) == Some(Tk::Open))
            {
                j = open;
                continue;
            }
            break;
        }
        j.checked_sub(1)
    }

    fn word_subject(&self, j: usize) -> Option<Src> {
        if self.has(j, REL) {
            // "Smith, who said": the antecedent
            let mut k = j.checked_sub(1)?;
            if self.kind(k) == Some(Tk::Comma) {
                k = k.checked_sub(1)?;
            }
            let a = self.np_back(k, self.stretch_start(k))?;
            return Some(Src::Toks(a, k));
        }
        if self.has(j, BOUND) {
            if self.is_any(j, ws!["and", "but", "or"]) {
                // "denied the report and said": the clause's subject
                return self.last_source().or_else(|| self.clause_subject(j));
            }
            return None;
        }
        if self.has(j, BE) || self.cue_at[j] {
            return None;
        }
        let floor = self.stretch_start(j);
        // A relative clause without commas: "officials who spoke on condition
        // of anonymity said".
        let rel = (floor..j).find(|&i| self.has(i, REL));
        let (head_end, floor) = match rel {
            Some(r) if r > floor => (r - 1, floor),
            // "the rule, which Mozloom thinks will ...": the subject follows
            Some(r) if r < j => (j, r + 1),
            Some(_) => return None,
            None => (j, floor),
        };
        let a = self.np_back(head_end, floor)?;
        Some(Src::Toks(a, j))
    }

    /// First token of the run of words ending at `j`, up to a clause boundary.
    fn stretch_start(&self, j: usize) -> usize {
        let lim = j.saturating_sub(MAX_SUBJECT);
        let mut b = j;
        while b > lim {
            let p = b - 1;
            if self.kind(p) != Some(Tk::Word)
                || self.cue_at[p]
                || (self.has(p, BOUND) && !self.joins_names(p))
            {
                break;
            }
            b = p;
        }
        b
    }

    /// The subject of a verb that follows a comma or dash: the first stretch
    /// between separators that is wholly a noun phrase, with the appositives
    /// after it ("Maria Lopez, a spokeswoman for the agency, said"; "Cory
    /// James, 22, of Flint, Mich., said"; "Clinton, during a town hall
    /// meeting in Columbus, Ohio, said"). Returns the source's first and last
    /// token and whether an appositive followed the name.
    fn segment_subject(&self, sep: usize) -> Option<(usize, usize, bool)> {
        const MAX_SEGMENTS: usize = 6;
        let mut seps = [0usize; MAX_SEGMENTS];
        let mut ns = 1;
        seps[0] = sep;
        let lim = sep.saturating_sub(40);
        let mut k = sep;
        let clause_start = loop {
            if k <= lim {
                break k;
            }
            k -= 1;
            match self.kind(k)? {
                Tk::Comma | Tk::Dash => {
                    if ns == MAX_SEGMENTS {
                        return None;
                    }
                    seps[ns] = k;
                    ns += 1;
                }
                Tk::Word | Tk::Open | Tk::Close | Tk::Other | Tk::Quote => {}
                _ => break k + 1,
            }
        };
        let adverbial = |i: usize| {
            self.has(i, PREP | TIME | BOUND | SKIP | REL | BE | LINK) || self.is(i, w!("to"))
        };
        let mut next_start = clause_start;
        let mut after_adverbial = false;
        for idx in (0..ns).rev() {
            let end = seps[idx];
            // Within the stretch, the phrase starts after its last conjunction:
            // "It was years ago that Michael Bloomberg, who ..., said".
            let seg_start = next_start;
            next_start = end + 1;
            let mut start = (seg_start..end)
                .rev()
                .find(|&k| self.has(k, BOUND) && k + 1 < end)
                .map_or(seg_start, |k| k + 1);
            // Leading quotations, brackets and adverbs are not the phrase:
            // "“...,” Warren, who ..., told", "Even Lindsey Graham, ..., said".
            while start < end && (self.kind(start) != Some(Tk::Word) || self.has(start, SKIP)) {
                start += 1;
            }
            // A bracket at the end: "Rep. Sander Levin (Mich.), a ..., said"
            let mut last = end.saturating_sub(1);
            if self.kind(last) == Some(Tk::Close)
                && let Some(open) = (start..last)
                    .rev()
                    .find(|&k| self.kind(k) == Some(Tk::Open))
            {
                last = open.saturating_sub(1);
            }
            // "In Woodbridge, N.J., Supermarkets General said": the state
            // belongs to the adverbial before it.
            let place = after_adverbial && start == last && self.proper(start);
            after_adverbial = start < end && (adverbial(start) || place);
            if start <= last
                && start < end
                && self.kind(last) == Some(Tk::Word)
                && !adverbial(start)
                && !place
                && self.np_back(last, start) == Some(start)
                && self.plausible(start, last)
            {
                // Appositives after the name, up to an adverbial stretch.
                let mut z = end - 1;
                let mut appositive = false;
                for inner in (0..idx).rev() {
                    let seg_start = seps[inner + 1] + 1;
                    let seg_end = seps[inner];
                    if seg_start >= seg_end || (adverbial(seg_start) && !self.has(seg_start, REL)) {
                        break;
                    }
                    z = seg_end - 1;
                    appositive = true;
                }
                return Some((start, z, appositive));
            }
        }
        None
    }

    /// The subject at the start of the clause holding token `c`.
    fn clause_subject(&self, c: usize) -> Option<Src> {
        // The clause starts after the last dash, semicolon, colon or
        // quotation before `c`, or after ", and" / ", but".
        let start = (0..c)
            .rev()
            .find(|&i| {
                matches!(
                    self.kind(i),
                    Some(Tk::Dash | Tk::Semi | Tk::Colon | Tk::End)
                ) || (self.is_any(i, ws!["and", "but"])
                    && i > 0
                    && self.kind(i - 1) == Some(Tk::Comma))
            })
            .map_or(0, |i| i + 1);
        let mut f = (start..c).find(|&i| self.kind(i) == Some(Tk::Word))?;
        if self.is_any(f, ws!["but", "and", "yet", "so"]) {
            f += 1;
        }
        if self.has(f, PREP | BOUND | TIME | SKIP) {
            // An introductory phrase: "On Monday, the ministry ..."
            let comma = (f..c.min(f + 10)).find(|&i| self.kind(i) == Some(Tk::Comma))?;
            f = comma + 1;
        }
        let (mut z, term) = self.np_forward(f, true)?;
        if term == Term::Time && !self.plausible(f, z) {
            // "A few minutes later they reversed themselves"
            let mut k = z + 1;
            while self.has(k, TIME) {
                k += 1;
            }
            if let Some((z2, _)) = self.np_forward(k, true) {
                (f, z) = (k, z2);
            }
        }
        (z < c && self.plausible(f, z)).then_some(Src::Toks(f, z))
    }

    /// Walks back from head `j` over the noun phrase it ends; returns its
    /// first token (never before `floor`).
    fn np_back(&self, j: usize, floor: usize) -> Option<usize> {
        let t = *self.tok(j)?;
        if t.kind != Tk::Word || self.cue_at[j] {
            return None;
        }
        if self.has(j, PRON) {
            return Some(j);
        }
        // A head is a name, a noun the lexicon knows, a number, or an
        // unknown word; not a function word ("to", "about", "later").
        let head = self.proper(j)
            || self.has(
                j,
                VAGUE | ANON | ROLE | DOC | DOCV | QUANT | NUM | TITLE | ADJ | STMT,
            )
            || t.num
            || t.lex.cue.is_some_and(|c| c.flags & (C_NOUN | C_THAT) != 0)
            || (!t.lex.known() && !t.cap)
            || (t.cap && !t.lex.known());
        if !head || self.has(j, BOUND | BE | SKIP | PREP | REL | DET | TIME) {
            return None;
        }
        let mut a = j;
        let mut after_det = false;
        let mut len = 1;
        while a > floor && len < 12 {
            let p = a - 1;
            let pt = self.toks[p];
            if pt.kind != Tk::Word || self.cue_at[p] {
                break;
            }
            // A preposition joins the phrase only with the word before it:
            // "officials at the Treasury", "a person familiar with the matter",
            // "a source close to the talks".
            let linked = p > floor
                && ((self.is_any(p, NP_PREPS) && self.np_tail(p - 1))
                    || (self.is(p, w!("to")) && self.has(p - 1, ROLE | VAGUE))
                    || ((self.is_any(p, ws!["to", "on"]) || self.is_any(p, NP_PREPS))
                        && self.is_any(p - 1, POSTMODIFIERS)));
            if linked {
                a = p - 1;
                len += 2;
                after_det = false;
                // "a staff member briefed on the talks": the noun before the
                // post-modifier heads the phrase whatever it is.
                if self.is_any(a, POSTMODIFIERS)
                    && a > floor
                    && self.kind(a - 1) == Some(Tk::Word)
                    && (self.unknown(a - 1) || self.np_tail(a - 1))
                {
                    a -= 1;
                    len += 1;
                }
                continue;
            }
            // after "the", only a linking preposition (above) continues
            let modifier = self.has(p, DET)
                || pt.poss
                || self.proper(p)
                || pt.num
                || self.has(p, ADJ | VAGUE | ANON | ROLE | DOC | DOCV | QUANT | NUM | TITLE)
                || self.joins_names(p)
                // "the grieving mother", "Democratic front-runner Clinton": an
                // unknown modifier right after a determiner or another modifier
                || (self.unknown(p)
                    && p > floor
                    && (self.has(p - 1, DET | ADJ | NUM)
                        || self.proper(p - 1)
                        || self.toks[p - 1].poss
                        || self.toks[p - 1].num));
            let ok = !after_det && modifier;
            if !ok {
                break;
            }
            // "most analysts": a quantifier opens the phrase like a determiner
            if self.has(p, DET | QUANT) {
                after_det = true;
            }
            a = p;
            len += 1;
        }
        Some(a)
    }

    /// Reads a source phrase forward from `i`; returns its last token and what
    /// stopped it. `strict` refuses unknown words that are not modifiers after
    /// a determiner (they are likely the verb of the clause).
    fn np_forward(&self, i: usize, strict: bool) -> Option<(usize, Term)> {
        self.np_fwd(i, strict, true)
    }

    fn np_fwd(&self, i: usize, strict: bool, appositive: bool) -> Option<(usize, Term)> {
        let n = self.toks.len();
        let t = *self.tok(i)?;
        if t.kind != Tk::Word || self.cue_at[i] {
            return None;
        }
        if self.has(i, PRON) {
            return Some((i, self.term_at(i + 1)));
        }
        if self.has(i, BOUND | TIME | PREP | SKIP | BE | REL) || self.is(i, w!("to")) {
            return None;
        }
        if strict && !self.phrase_start(i) && !self.unknown(i) {
            return None;
        }
        let mut z = i;
        let mut k = i + 1;
        let mut count = 1;
        while k < n && count < MAX_PHRASE {
            let u = self.toks[k];
            match u.kind {
                Tk::Word => {
                    let prop = self.proper(k);
                    if self.cue_at[k]
                        || (!prop && u.lex.cue.is_some_and(|c| c.flags & C_STRONG != 0))
                    {
                        return Some((z, Term::Word));
                    }
                    if prop {
                        z = k;
                        k += 1;
                        count += 1;
                        continue;
                    }
                    if u.lex.has(TIME) {
                        return Some((z, Term::Time));
                    }
                    if u.lex.has(REL) {
                        // A relative clause closes the phrase: "said a handful
                        // of Democrats who point to ...".
                        let mut m = k;
                        while m + 1 < n && self.kind(m + 1) == Some(Tk::Word) && m - k < 15 {
                            m += 1;
                        }
                        let term = match self.term_at(m + 1) {
                            Term::Word => Term::Link,
                            t => t,
                        };
                        return Some((m, term));
                    }
                    if self.is(k, w!("such")) && self.is(k + 1, w!("as")) {
                        k += 2;
                        count += 2;
                        continue;
                    }
                    if u.lex.has(PREP) {
                        let ok = if !self.is_any(k, NP_PREPS) {
                            false
                        } else if self.is(k, w!("in")) {
                            self.is(k + 1, w!("the"))
                                && (self.proper(k + 2) || self.has(k + 2, ROLE))
                        } else {
                            self.kind(k + 1) == Some(Tk::Word)
                                && !self.has(k + 1, BOUND | TIME | PREP)
                        };
                        if !ok {
                            return Some((z, Term::Link));
                        }
                        k += 1;
                        count += 1;
                        continue;
                    }
                    // "an adviser to Trump", "the ambassador to Spain"
                    if self.is(k, w!("to"))
                        && self.has(k - 1, ROLE | VAGUE)
                        && (self.proper(k + 1) || self.has(k + 1, DET | QUANT))
                    {
                        k += 1;
                        count += 1;
                        continue;
                    }
                    // "people familiar with the matter", "a source close to"
                    if self.is_any(k, POSTMODIFIERS)
                        && (self.is_any(k + 1, NP_PREPS) || self.is_any(k + 1, ws!["to", "on"]))
                    {
                        k += 2;
                        count += 2;
                        continue;
                    }
                    // Verbs the lexicon knows end the phrase ("Warren appeared
                    // with", "Zucker responded"); nouns that double as cues
                    // ("police reports") do not.
                    let verb = u.lex.has(LINK) || u.lex.cue.is_some_and(|c| c.flags & C_NOUN == 0);
                    let skip = u.lex.has(SKIP) && !u.lex.has(QUANT | DET);
                    if u.lex.has(BOUND | BE) || skip || self.is(k, w!("to")) || verb {
                        if self.joins_names(k) {
                            k += 1;
                            continue;
                        }
                        let term = if u.lex.has(BOUND) {
                            Term::Link
                        } else {
                            Term::Word
                        };
                        return Some((z, term));
                    }
                    // A determiner or pronoun right after the head starts a new
                    // phrase ("said Smith this week", "said Wednesday he").
                    if u.lex.has(PRON) {
                        return Some((z, Term::Word));
                    }
                    if u.lex.has(DET)
                        && !(self.has(k - 1, PREP) || self.is_any(k - 1, ws!["as", "to"]))
                    {
                        return Some((z, Term::Word));
                    }
                    if strict && !self.unknown(k) && !self.np_word(k) {
                        return Some((z, Term::Word));
                    }
                    // An unknown word right after a plural is its verb: "said
                    // voters want change".
                    // "figures released by the ministry" goes on.
                    if self.unknown(k) && self.plural(k - 1) && !self.is(k + 1, w!("by")) {
                        return Some((z, Term::Word));
                    }
                    if strict && self.unknown(k) {
                        let pv = self.toks[k - 1];
                        let modifier = self.has(k - 1, DET | NUM | PREP)
                            || (self.has(k - 1, ADJ)
                                && !self.has(k - 1, ROLE | VAGUE | DOC | DOCV | ANON));
                        if !(modifier || pv.poss || pv.num) {
                            return Some((z, Term::Word));
                        }
                    }
                    z = k;
                    k += 1;
                    count += 1;
                }
                Tk::Comma if appositive => {
                    if let Some(r) = self.appositive_forward(k) {
                        return Some(r);
                    }
                    return Some((z, Term::Punct));
                }
                Tk::End => return Some((z, Term::End)),
                _ => return Some((z, Term::Punct)),
            }
        }
        Some((z, if k >= n { Term::End } else { Term::Word }))
    }

    /// ", a spokeswoman for the agency." after a source: included when it
    /// reads as an appositive and runs to punctuation.
    fn appositive_forward(&self, comma: usize) -> Option<(usize, Term)> {
        let n = self.toks.len();
        let s = comma + 1;
        if self.kind(s)? != Tk::Word {
            return None;
        }
        if self.has(s, REL) {
            let mut m = s;
            while m + 1 < n && self.kind(m + 1) == Some(Tk::Word) && m - s < 20 {
                m += 1;
            }
            let term = self.term_at(m + 1);
            return matches!(term, Term::End | Term::Punct).then_some((m, term));
        }
        let ok = self.proper(s)
            || self.has(s, DET | NUM | ROLE | ADJ | TITLE | VAGUE | ANON)
            || self.tok(s).is_some_and(|t| t.num);
        if !ok {
            return None;
        }
        let (m, term) = self.np_fwd(s, true, false)?;
        matches!(term, Term::End | Term::Punct).then_some((m, term))
    }

    // ----- classification -----

    /// The head noun of the phrase `a..=z`: the last noun of its first chunk.
    fn head(&self, a: usize, z: usize) -> usize {
        let (ma, mz, h) = self.head_memo.get();
        if (ma, mz) == (a, z) {
            return h;
        }
        let h = self.find_head(a, z);
        self.head_memo.set((a, z, h));
        h
    }

    /// [`Finder::head`], read from the tokens.
    fn find_head(&self, a: usize, z: usize) -> usize {
        let mut last = a;
        for i in a..=z {
            if self.kind(i) != Some(Tk::Word) {
                break;
            }
            if i > a
                && (self.has(i, PREP | REL)
                    || self.is_any(i, ws!["and", "&", "to"])
                    || (self.is_any(i, POSTMODIFIERS)
                        && (self.is_any(i + 1, NP_PREPS) || self.is_any(i + 1, ws!["to", "on"]))))
            {
                break;
            }
            last = i;
        }
        // Trailing modifiers are not the head: "people familiar", "analysts
        // polled", "a person briefed".
        let mut h = last;
        while h > a {
            let w = &self.text[self.toks[h].start..self.toks[h].end];
            let participle = self.unknown(h) && (w.ends_with("ed") || w.ends_with("ing"));
            if !(participle || self.is_any(h, POSTMODIFIERS)) {
                break;
            }
            h -= 1;
        }
        h
    }

    fn classify(&self, a: usize, z: usize) -> SourceKind {
        let h = self.head(a, z);
        let head_proper = self.proper(h);
        if !head_proper && self.anonymous(a, z) {
            return SourceKind::Anonymous;
        }
        // A capitalised modifier does not name a vague group: "Polish legal
        // experts", "some Gore supporters" are still nobody in particular.
        let vague_head = !head_proper
            && self.is_any(
                h,
                ws![
                    "critics",
                    "supporters",
                    "opponents",
                    "experts",
                    "observers",
                    "scholars",
                    "historians",
                    "commentators",
                    "detractors",
                    "skeptics",
                    "sceptics",
                    "proponents",
                    "advocates",
                    "fans",
                    "people",
                ],
            );
        if self.has(h, PRON) || (!vague_head && (a..=h).any(|i| self.proper(i))) {
            return SourceKind::Named;
        }
        let def = (a..=h).any(|i| self.has(i, DEF) || self.toks[i].poss);
        let specified = self.specified(h + 1, z);
        if self.has(h, ROLE) && !self.has(h, VAGUE) {
            return SourceKind::Named;
        }
        if self.has(h, VAGUE | QUANT | DOC | DOCV) {
            return if def || specified {
                SourceKind::Named
            } else {
                SourceKind::Vague
            };
        }
        if def || specified {
            return SourceKind::Named;
        }
        let indefinite = (a..=h).any(|i| self.has(i, INDEF | QUANT | NUM) || self.toks[i].num);
        if indefinite || self.plural(h) {
            return SourceKind::Vague;
        }
        SourceKind::Named
    }

    /// Words that say the source is kept anonymous.
    fn anonymous(&self, a: usize, z: usize) -> bool {
        (a..=z).any(|i| {
            if self.kind(i) != Some(Tk::Word) {
                return false;
            }
            if self.has(i, ANON) || self.is_any(i, ws!["familiar", "briefed", "knowledge"]) {
                return true;
            }
            if self.is_any(
                i,
                ws![
                    "authorized",
                    "authorised",
                    "allowed",
                    "permitted",
                    "cleared",
                    "empowered",
                ],
            ) {
                return (i.saturating_sub(3)..i).any(|k| self.is_any(k, ws!["not", "n't"]));
            }
            if self.is_any(i, ws!["named", "identified"]) {
                return i > a && self.is_any(i - 1, ws!["be", "not", "being"]);
            }
            self.is(i, w!("close")) && self.is(i + 1, w!("to"))
        })
    }

    /// A post-modifier that names who: "officials at the Treasury",
    /// "analysts at Goldman Sachs", "critics including Senator Ames".
    fn specified(&self, from: usize, z: usize) -> bool {
        let mut i = from;
        while i <= z {
            let Some(t) = self.tok(i) else { break };
            if self.has(i, REL) {
                break;
            }
            // "Two officials, John Ames and Rita Cole, said"
            if t.kind == Tk::Comma
                && (self.proper(i + 1) || (self.has(i + 1, TITLE | DET) && self.proper(i + 2)))
            {
                return true;
            }
            if self.is_any(i, NP_PREPS) || self.is(i, w!("such")) {
                let is_in = self.is(i, w!("in"));
                for k in i + 1..=z.min(i + 3) {
                    if self.proper(k) && (!is_in || self.is(k - 1, w!("the"))) {
                        return true;
                    }
                    if self.has(k, ROLE | DOC) && self.has(k - 1, DEF) {
                        return true;
                    }
                }
            }
            i += 1;
        }
        false
    }

    /// A word a noun phrase can hold besides unknown ones.
    fn np_word(&self, k: usize) -> bool {
        self.proper(k)
            || self.has(
                k,
                DET | ADJ | NUM | QUANT | VAGUE | ANON | ROLE | DOC | DOCV | TITLE,
            )
            || self.tok(k).is_some_and(|t| t.num || t.poss)
    }

    /// A phrase that can be someone speaking (for "citing").
    fn sourceish(&self, a: usize, z: usize) -> bool {
        let h = self.head(a, z);
        self.has(h, VAGUE | ANON | ROLE | DOC | DOCV | QUANT | PRON)
            || (a..=h).any(|i| self.proper(i))
            || self.anonymous(a, z)
    }

    /// A phrase that can speak: a person, group, institution or document,
    /// not "reforms" or "millions of dollars".
    fn speaker(&self, a: usize, z: usize) -> bool {
        let h = self.head(a, z);
        let t = self.toks[h];
        // "said more than half" begins the report, not the speaker.
        if self.is_any(h, ws!["more", "less", "fewer"]) {
            return false;
        }
        if t.num
            || self.has(
                h,
                PRON | ROLE | VAGUE | ANON | QUANT | NUM | DOC | DOCV | STMT | TITLE,
            )
            || (a..=h).any(|i| self.proper(i))
            || t.lex.cue.is_some()
        {
            return true;
        }
        if !self.unknown(h) || !self.plural(h) {
            // a singular noun: "the man", "the 45-year-old", "a witness"
            return true;
        }
        // An unknown plural speaks unless it names things: abstract nouns
        // ("reforms", "arrangements", "measures") and money and markets.
        #[rustfmt::skip]
        const THINGS_ENDING: &[&str] = &[
            "tions", "sions", "ments", "ances", "ences", "ities", "nesses", "isms", "ings", "ures",
            "ems",
        ];
        #[rustfmt::skip]
        const THINGS: &[Key] = &lexicon::word_keys([
            "dollars", "prices", "shares", "markets", "rates", "costs", "sales", "profits", "earnings",
            "talks", "reforms", "measures", "plans", "rules", "laws", "taxes", "changes", "stocks",
            "bonds", "loans", "goods", "exports", "imports", "tariffs", "cuts", "gains", "losses",
            "deals", "terms", "steps", "efforts", "moves", "signs", "numbers", "levels",
            "marks", "dlrs", "yen", "francs", "pounds", "tonnes", "tons", "barrels", "bpd",
            "ounces", "bushels", "points", "units", "notes", "claims", "products", "contracts",
            "assets", "funds", "securities", "orders", "results", "figures", "reserves",
            "supplies", "deposits", "revenues", "estimates", "forecasts", "jobs", "votes",
        ]);
        let w = &self.text[t.start..t.end];
        !(THINGS_ENDING.iter().any(|s| w.ends_with(s)) || self.is_any(h, THINGS))
    }

    /// A phrase that can be the subject of a reporting verb.
    fn plausible(&self, a: usize, z: usize) -> bool {
        let h = self.head(a, z);
        self.has(h, PRON | QUANT | VAGUE | ANON | ROLE | DOC | DOCV)
            || (a..=h).any(|i| {
                self.proper(i) || self.has(i, DEF | NUM) || self.toks[i].poss || self.toks[i].num
            })
            || self.plural(h)
    }
}

/// The ASCII letters and digits of the text from `base`, bit `k` for byte
/// `base + k`: one mask gives the tokenizer where each plain word ends,
/// where the eight-byte tests took a load and a dozen operations a word.
struct Window {
    base: usize,
    /// The bytes, zero past the text's end, sixteen more than the mask
    /// covers, so a word's key loads from any flagged byte.
    bytes: [u8; WINDOW + 16],
    alnum: u64,
}

impl Window {
    fn new(b: &[u8], base: usize) -> Self {
        let bytes = load_padded::<{ WINDOW + 16 }>(b, base);
        let alnum = flags64(&bytes, alnum16);
        Window { base, bytes, alnum }
    }

    /// The eight bytes from byte `off` (below [`WINDOW`] + 8), little-endian.
    fn word8(&self, off: usize) -> u64 {
        u64::from_le_bytes(self.bytes[off..off + 8].try_into().expect("8 bytes"))
    }
}

/// The end of a word whose run of ASCII letters and digits stopped at `j`
/// on a joiner or a non-ASCII byte, and whether a period joined it
/// ("U.S"): apostrophes, hyphens, periods and ampersands join word chars
/// ("don't", "AT&T"), as do curly apostrophes and Unicode hyphens.
#[inline(never)]
fn word_tail(text: &str, mut j: usize, limit: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let mut dotted = false;
    while j < limit {
        let c = b[j];
        if c < 0x80 {
            if matches!(c, b'\'' | b'-' | b'.' | b'&') && word_char_at(text, j + 1, limit) {
                dotted |= c == b'.';
                j += 1;
                j += alnum_run(b, j, limit);
                continue;
            }
            break;
        }
        let Some(ch) = char_at(text, j, limit) else {
            break;
        };
        let len = ch.len_utf8();
        if alphanumeric(ch)
            || (matches!(ch, '\u{2019}' | '\u{2010}' | '\u{2011}')
                && word_char_at(text, j + len, limit))
        {
            j += len;
            j += alnum_run(b, j, limit);
            continue;
        }
        break;
    }
    (j, dotted)
}

/// True when a word char starts at `i`.
fn word_char_at(text: &str, i: usize, limit: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(c) if *c < 0x80 => i < limit && c.is_ascii_alphanumeric(),
        _ => char_at(text, i, limit).is_some_and(alphanumeric),
    }
}

/// [`char::is_alphanumeric`], answered without the Unicode tables (some
/// 500 instructions a char) for General Punctuation, U+2000 to U+206F: the
/// curly quotes, dashes and spaces that are most non-ASCII chars next to a
/// word in news copy, and none of them a letter or digit.
fn alphanumeric(ch: char) -> bool {
    !matches!(ch, '\u{2000}'..='\u{206f}') && ch.is_alphanumeric()
}

/// Length of the run of ASCII letters and digits at `i`, stopping at `limit`
/// (which never passes the text's end: a bounds-check-free scan).
fn alnum_run(b: &[u8], i: usize, limit: usize) -> usize {
    b[i..limit]
        .iter()
        .position(|&c| !ASCII_ALNUM[usize::from(c)])
        .unwrap_or(limit - i)
}

/// ASCII letters and digits, by byte: one load per byte in the word loop.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// True for a byte after a run of ASCII letters and digits that may carry
/// the word on: a non-ASCII char, an apostrophe, hyphen, period or ampersand.
fn joins_word(c: u8) -> bool {
    JOINS_WORD[usize::from(c)]
}

/// [`joins_word`] by byte: one load per word, where the tests compiled to
/// a chain of compares.
static JOINS_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = c >= 0x80 || matches!(c as u8, b'\'' | b'-' | b'.' | b'&');
        c += 1;
    }
    t
};

/// True when the key of `n` bytes looks like a plural: it ends in s (not
/// -ss, -us, -is) and is four bytes or more.
fn plural_key(key: Key, n: usize) -> bool {
    let byte = |k: usize| (key >> (8 * k)) as u8;
    n > 3 && byte(n - 1) == b's' && !matches!(byte(n - 2), b's' | b'u' | b'i')
}

/// Length in bytes of a packed key.
fn key_len(k: Key) -> usize {
    16 - (k.leading_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_txt;
    use crate::model::Document;

    /// Tokens, stops and word counts after tokenizing `range`, with and
    /// without the window masks.
    fn both_ways(f: &mut Finder, range: Range<usize>) -> (String, String) {
        let mut snapshot = |windows: bool| {
            f.qcur = 0;
            if windows {
                f.tokenize_with::<true>(range.clone(), false);
            } else {
                f.tokenize_with::<false>(range.clone(), false);
            }
            format!("{:?} {:?} {:?}", f.toks, f.stops, f.long_words)
        };
        (snapshot(true), snapshot(false))
    }

    #[test]
    fn general_punctuation_holds_no_word_chars() {
        for ch in '\u{2000}'..='\u{206f}' {
            assert!(!ch.is_alphanumeric(), "{ch:?}");
            assert!(!alphanumeric(ch), "{ch:?}");
        }
        assert!(alphanumeric('é') && alphanumeric('x') && !alphanumeric('\u{2019}'));
    }

    #[test]
    fn window_tokens_match_the_byte_loop() {
        let texts = [
            "Officials said on Tuesday that the “plan, as drafted,” would fail, \
             according to Mr. Smith's aides -- and the U.S. Treasury's chief \
             economist, who spoke on condition of anonymity.\n\n\
             <IBM Canada Ltd> said its 1987 profit rose 12.5 pct; analysts \
             at Goldman Sachs&Co expected more (about $4.2 billion).\n",
            "Zoë Ångström — the café’s owner — told reporters: \"We’re done.\" \
             Then “she left”, said Jean-Luc Picard\u{2011}Smith, a well-known \
             anti_establishment figure.\n\n\
             Internationalization abcdefghijklmnop abcdefghijklmnopq x\tyz\u{a0}said \
             AT&T's co-founder.\n",
            // Words across the 64-byte windows, one at every offset.
            "a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh iiiiiiiii jjjjjjjjjj \
             kkkkkkkkkkk llllllllllll mmmmmmmmmmmmm nnnnnnnnnnnnnn oooooooooooooo \
             ppppppppppppppp qqqqqqqqqqqqqqqq rrrrrrrrrrrrrrrrr said Q1 2024 \
             the 64-byte window's end\n\n\
             He said\"quoted\"then 'left'.Ends here",
        ];
        for text in texts {
            let prose = extract_txt(text);
            let doc = Document::analyze(&prose);
            let t = prose.text.as_str();
            let mut f = Finder {
                text: t,
                lexicon: lexicon::lexicon(),
                quotations: &doc.quotations,
                top: &doc.top,
                qcur: 0,
                toks: Vec::new(),
                stops: Vec::new(),
                cue_at: Vec::new(),
                out: Vec::new(),
                first: 0,
                sentence: 0,
                long_words: (0, 0),
                head_memo: Cell::new(NO_HEAD),
            };
            assert!(!doc.quotations.is_empty());
            let starts: Vec<usize> = (0..t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for &s in &starts {
                let ends = starts.iter().copied().filter(|&e| e > s && e <= s + 80);
                for e in ends.chain([t.len()]) {
                    let (fast, slow) = both_ways(&mut f, s..e);
                    assert_eq!(fast, slow, "{:?}", &t[s..e]);
                }
            }
        }
    }
}
