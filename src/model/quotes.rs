//! Finding quotations: one left-to-right pass over the blocks with a small
//! stack of open quotation marks.
//!
//! Straight marks have no direction, and `’` is also the apostrophe, so each
//! mark is read from the chars around it and from what is open. Single marks
//! count as quotation marks only inside a double quotation or in a headline
//! (where news style uses them for quotes); elsewhere they are apostrophes far
//! more often than quotes, and a false quotation would hide the writer's own
//! words from every rule.

use super::scan::{
    QMark, ascii_lower, char_at, char_before, closes_before, count_words, find_any, opens_after,
    quote_mark,
};
use std::ops::Range;

use super::{BlockRef, Quotation, QuotationKind};
use crate::prose::BlockKind;

/// Most marks open at once; deeper nesting in news copy is a stray mark.
const MAX_OPEN: usize = 4;

/// How far a possessive `s'` looks ahead for the real closing mark.
const POSSESSIVE_LOOKAHEAD: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Double,
    Single,
}

struct Builder<'t> {
    text: &'t str,
    out: Vec<Quotation>,
    alive: Vec<bool>,
    /// Open direct quotations: index in `out`, and mark.
    stack: Vec<(usize, Mark)>,
}

impl Builder<'_> {
    fn open(&mut self, at: usize, len: usize, mark: Mark) {
        if self.stack.len() >= MAX_OPEN {
            return;
        }
        self.out.push(Quotation {
            range: at..at + len,
            inner: at + len..at + len,
            kind: QuotationKind::Direct,
            words: 0,
            depth: 0,
        });
        self.alive.push(true);
        self.stack.push((self.out.len() - 1, mark));
    }

    fn is_open(&self, mark: Mark) -> bool {
        self.stack.iter().any(|&(_, m)| m == mark)
    }

    fn end(&mut self, idx: usize, inner_end: usize, range_end: usize) {
        let q = &mut self.out[idx];
        q.inner.end = inner_end.max(q.inner.start);
        q.range.end = range_end.max(q.inner.end);
    }

    /// Closes the innermost open `mark` with a closing mark at `at`: marks
    /// opened inside it and still open were misread (a single one was an
    /// apostrophe) or left unclosed, and end here.
    fn close(&mut self, mark: Mark, at: usize, len: usize) {
        let Some(pos) = self.stack.iter().rposition(|&(_, m)| m == mark) else {
            return;
        };
        while self.stack.len() > pos + 1 {
            if let Some((idx, m)) = self.stack.pop() {
                match m {
                    Mark::Single => self.alive[idx] = false,
                    Mark::Double => self.end(idx, at, at),
                }
            }
        }
        if let Some((idx, _)) = self.stack.pop() {
            self.end(idx, at, at + len);
        }
    }
}

/// Finds every quotation in the blocks, sorted by start with nested ones after
/// their parent, depths and word counts filled in. `marked` are quotations
/// declared elsewhere: by the markup (HTML `q`, whose marks the extractor
/// left out), or by the document's structure (a speaker's block, an embedded
/// post), with their kind.
pub(super) fn find(
    text: &str,
    blocks: &[BlockRef],
    marked: &[(Range<usize>, QuotationKind)],
) -> Vec<Quotation> {
    let mut b = Builder {
        text,
        out: Vec::new(),
        alive: Vec::new(),
        stack: Vec::with_capacity(MAX_OPEN),
    };
    // A double quotation left open at the end of a paragraph, waiting to see
    // whether the next paragraph reopens it.
    let mut carry: Option<usize> = None;
    for block in blocks {
        let (start, end) = (block.range.start, block.range.end);
        let mut pos = start;
        let continues = matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem);
        if let Some(idx) = carry.take()
            && continues
            && let Some((m, len)) = quote_mark(text.as_bytes(), start)
            && matches!(
                m,
                QMark::OpenDouble | QMark::StraightDouble | QMark::OpenGuillemet
            )
            && start + len <= end
        {
            b.stack.push((idx, Mark::Double));
            pos = start + len;
        }
        if block.kind == BlockKind::BlockQuote {
            b.out.push(Quotation {
                range: start..end,
                inner: start..end,
                kind: QuotationKind::Block,
                words: 0,
                depth: 0,
            });
            b.alive.push(true);
        }
        let headline = matches!(block.kind, BlockKind::Headline | BlockKind::Heading);
        scan_block(&mut b, pos, start, end, headline);
        // Unclosed single marks were apostrophes; unclosed doubles end with
        // the block, and an outermost one in body copy may continue.
        while let Some((idx, m)) = b.stack.pop() {
            match m {
                Mark::Single => b.alive[idx] = false,
                Mark::Double => {
                    b.end(idx, end, end);
                    if b.stack.is_empty() && continues {
                        carry = Some(idx);
                    }
                }
            }
        }
    }
    let mut out = b.out;
    let mut alive = b.alive;
    let scanned = out.len();
    for (r, kind) in marked {
        if r.start < r.end && text.get(r.clone()).is_some() {
            out.push(Quotation {
                range: r.clone(),
                inner: r.clone(),
                kind: *kind,
                words: 0,
                depth: 0,
            });
            alive.push(true);
        }
    }
    if out.len() > scanned {
        // Parents first: by start, the longer range before the shorter.
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&i| (out[i].range.start, std::cmp::Reverse(out[i].range.end)));
        let (out2, alive2) = order.iter().map(|&i| (out[i].clone(), alive[i])).unzip();
        out = out2;
        alive = alive2;
    }
    finish(text, out, alive)
}

fn scan_block(b: &mut Builder<'_>, from: usize, start: usize, end: usize, headline: bool) {
    let text = b.text;
    let bytes = text.as_bytes();
    let mut i = from;
    while i < end {
        let Some(m) = find_any(bytes, i, end, [b'"', b'\'', 0xE2, 0xC2]) else {
            break;
        };
        i = m;
        let Some((mark, len)) = quote_mark(bytes, i) else {
            i += 1;
            continue;
        };
        if i + len > end {
            break;
        }
        let prev = char_before(text, i, start);
        let next = char_at(text, i + len, end);
        let next_solid = next.is_some_and(|c| !c.is_whitespace());
        let after_open = opens_after(prev);
        // Context that reads as an opening mark, and as a closing one.
        let opening = after_open && next_solid;
        let closing = !after_open && closes_before(next);
        let double_open = b.is_open(Mark::Double);
        match mark {
            QMark::StraightDouble => {
                if double_open {
                    b.close(Mark::Double, i, len);
                } else if opening
                    || (!closing && next_solid && !prev.is_some_and(|c| c.is_ascii_digit()))
                {
                    b.open(i, len, Mark::Double);
                }
            }
            QMark::OpenDouble | QMark::OpenGuillemet => {
                if double_open && closing {
                    // A mark of the wrong direction closing a quotation.
                    b.close(Mark::Double, i, len);
                } else if double_open {
                    // The previous quotation was never closed: it ends here.
                    b.close(Mark::Double, i, 0);
                    b.open(i, len, Mark::Double);
                } else {
                    b.open(i, len, Mark::Double);
                }
            }
            QMark::CloseDouble | QMark::CloseGuillemet => {
                if double_open {
                    b.close(Mark::Double, i, len);
                } else if opening && mark == QMark::CloseDouble {
                    // `”` typed for both marks.
                    b.open(i, len, Mark::Double);
                } else if mark == QMark::CloseDouble && stray_opening(text, start, i, i + len, end)
                {
                    // The quoted words start after the stray space.
                    b.open(i, len + 1, Mark::Double);
                }
            }
            QMark::OpenSingle | QMark::StraightSingle | QMark::CloseSingle => {
                if !(headline || double_open) {
                    i += len;
                    continue;
                }
                let single_open = b.is_open(Mark::Single);
                let can_open = mark != QMark::CloseSingle
                    && !single_open
                    && opening
                    && next.is_some_and(|c| !c.is_numeric())
                    && !elision(bytes, i + len, end);
                let can_close = mark != QMark::OpenSingle
                    && single_open
                    && closing
                    && !next.is_some_and(char::is_alphanumeric)
                    && !possessive(text, i, len, end, prev);
                if can_close {
                    b.close(Mark::Single, i, len);
                } else if can_open {
                    b.open(i, len, Mark::Single);
                }
            }
        }
        i += len;
    }
}

/// True when a `”` with nothing open, set off by spaces after a colon, opens
/// the quotation it introduces (": ” In one voice, ... America.”"): a typing
/// slip in web copy. A capital follows it and a closing mark comes later in
/// the block, so the quoted words are not read as the writer's.
fn stray_opening(text: &str, start: usize, at: usize, after: usize, end: usize) -> bool {
    let rest = &text[after..end];
    text[start..at].trim_end().ends_with(':')
        && rest.starts_with(' ')
        && rest.trim_start().starts_with(char::is_uppercase)
        && rest.contains('\u{201d}')
}

/// True when the word after an opening apostrophe is an elision ('em, 'n').
fn elision(bytes: &[u8], from: usize, end: usize) -> bool {
    let mut j = from;
    while j < end && j - from < 8 && bytes[j].is_ascii_alphabetic() {
        j += 1;
    }
    let mut buf = [0u8; 8];
    let Some(word) = ascii_lower(&bytes[from..j], &mut buf) else {
        return false;
    };
    if word == b"n" {
        // rock 'n' roll: only with a mark right after the n
        return quote_mark(bytes, j)
            .is_some_and(|(m, _)| matches!(m, QMark::StraightSingle | QMark::CloseSingle));
    }
    // "'em" must end the word; "'embassy" is a quote opening.
    let word_ends = !(j < end && bytes[j].is_ascii_alphanumeric());
    !word.is_empty() && word_ends && super::lexicon::is_elision(word)
}

/// True when a closing-looking single mark after "s" is a plural possessive
/// ("the students' books"): a later mark nearby can close the quotation.
fn possessive(text: &str, at: usize, len: usize, end: usize, prev: Option<char>) -> bool {
    if !matches!(prev, Some('s' | 'S')) {
        return false;
    }
    let bytes = text.as_bytes();
    let after = at + len;
    if !matches!(bytes.get(after), Some(b' ')) {
        return false;
    }
    if !bytes.get(after + 1).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let limit = end.min(after + POSSESSIVE_LOOKAHEAD);
    let mut j = after + 1;
    while j < limit {
        match quote_mark(bytes, j) {
            Some((QMark::StraightSingle | QMark::CloseSingle, l)) => {
                let p = char_before(text, j, after);
                let n = char_at(text, j + l, end);
                // Another "s' word" is a possessive too, not the closing mark.
                let another = matches!(p, Some('s' | 'S'))
                    && bytes.get(j + l) == Some(&b' ')
                    && bytes.get(j + l + 1).is_some_and(u8::is_ascii_alphabetic);
                if p.is_some_and(|c| !c.is_whitespace())
                    && closes_before(n)
                    && !n.is_some_and(char::is_alphanumeric)
                    && !another
                {
                    return true;
                }
                j += l;
            }
            // The enclosing double quotation closes first.
            Some((QMark::StraightDouble | QMark::CloseDouble | QMark::OpenDouble, _)) => {
                return false;
            }
            _ => j += 1,
        }
    }
    false
}

/// Drops discarded and empty quotations, then computes depths and word counts.
fn finish(text: &str, out: Vec<Quotation>, alive: Vec<bool>) -> Vec<Quotation> {
    let mut res: Vec<Quotation> = Vec::with_capacity(out.len());
    let mut ends: Vec<usize> = Vec::new();
    for (mut q, a) in out.into_iter().zip(alive) {
        if !a || q.inner.start >= q.inner.end {
            continue;
        }
        while ends.last().is_some_and(|&e| e <= q.range.start) {
            ends.pop();
        }
        // Quotations nest or stand apart; one that crosses its parent's end
        // (a stray mark inside markup quotes) is dropped, so lookups can
        // rely on proper nesting.
        if ends.last().is_some_and(|&e| q.range.end > e) {
            continue;
        }
        q.depth = ends.len();
        ends.push(q.range.end);
        q.words = text.get(q.inner.clone()).map_or(0, count_words);
        res.push(q);
    }
    res
}
