//! The tokenizer: one sentence (or piece of one) becomes the short token
//! list every later stage walks.
//!
//! Each outermost quotation is a single [`Tk::Quote`] token, so quoted
//! words are never read as grammar; each word carries its lexicon entry,
//! its packed key and a few flags (capital, possessive, number), so the
//! walks that follow never go back to the text. This is the hottest code
//! of the finder: plain ASCII words are read from 64-byte [`Window`]
//! masks, the rest byte by byte, and the tests hold the two paths equal.

use std::ops::Range;

use super::{Finder, NO_HEAD, Tk, Tok};
use crate::ascii::{WINDOW, alnum16, flags64, load_padded};
use crate::model::lexicon::{self, Key, Lex, SCAN};
use crate::model::scan::{char_at, ws_len};

impl Finder<'_> {
    pub(super) fn tokenize(&mut self, range: Range<usize>, headline: bool) {
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

#[cfg(test)]
mod tests {
    use std::cell::Cell;

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
