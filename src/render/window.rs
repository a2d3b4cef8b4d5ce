//! What human output shows of the source for one finding: the lines its
//! labels touch, and on a long line only a window around each label.
//!
//! Printing the whole source line per finding made output quadratic on long
//! lines (minified HTML, a story pasted as one line): a 48 KB one-line file
//! printed 212 MB. An [`Excerpt`] holds at most a few hundred bytes per line
//! shown, whatever the line's length, and answers codespan's questions
//! (line numbers, the primary label's column) as the whole file would.

use std::ops::Range;

use codespan_reporting::files::{Error, Files};

/// Lines up to this many bytes are shown whole.
pub const MAX_LINE: usize = 240;

/// Bytes of context shown on each side of a label on a longer line.
pub const CONTEXT: usize = 80;

/// Marks source left out of a shown line.
const ELLIPSIS: &str = "…";

/// The byte offsets where each line of `text` starts (the first is 0).
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect()
}

/// One stretch of the source, shown at `window` in the excerpt.
#[derive(Debug, Clone)]
struct Segment {
    source: Range<usize>,
    window: usize,
}

/// One shown line: its 1-based number in the file, where it starts in the
/// excerpt, and the stretches of it shown.
#[derive(Debug)]
struct Line {
    number: usize,
    start: usize,
    segments: Vec<Segment>,
}

/// The source of one diagnostic: the labelled lines, windowed.
#[derive(Debug)]
pub struct Excerpt<'a> {
    name: &'a str,
    text: String,
    lines: Vec<Line>,
    /// Where the primary label starts in the excerpt, and its column in the file.
    primary: (usize, usize),
}

impl<'a> Excerpt<'a> {
    /// The excerpt of `text` (whose line starts are `starts`) for `labels`,
    /// the first being the primary label, which starts at 1-based `column`.
    /// Returns it with the labels' ranges in the excerpt.
    pub fn new(
        name: &'a str,
        text: &str,
        starts: &[usize],
        labels: &[Range<usize>],
        column: usize,
    ) -> (Self, Vec<Range<usize>>) {
        let clamp = |p: usize| floor_boundary(text, p.min(text.len()));
        let labels: Vec<Range<usize>> = labels
            .iter()
            .map(|r| clamp(r.start)..clamp(r.end.max(r.start)))
            .collect();
        let line_of = |p: usize| starts.partition_point(|&s| s <= p).saturating_sub(1);
        let mut shown: Vec<usize> = labels
            .iter()
            .flat_map(|r| [line_of(r.start), line_of(r.end)])
            .collect();
        shown.sort_unstable();
        shown.dedup();

        let mut out = String::new();
        let mut lines = Vec::with_capacity(shown.len());
        for &l in &shown {
            let begin = starts[l];
            let end = starts.get(l + 1).copied().unwrap_or(text.len());
            let content = text[begin..end].trim_end_matches(['\n', '\r']);
            let end = begin + content.len();
            let spans: Vec<Range<usize>> = if content.len() <= MAX_LINE {
                std::iter::once(begin..end).collect()
            } else {
                let mut spans = Vec::new();
                for r in &labels {
                    let near = |p: usize| p.saturating_sub(CONTEXT)..p + CONTEXT;
                    let (s_in, e_in) = (line_of(r.start) == l, line_of(r.end) == l);
                    if s_in && e_in && r.end - r.start <= 2 * CONTEXT {
                        spans.push(r.start.saturating_sub(CONTEXT)..r.end + CONTEXT);
                    } else {
                        if s_in {
                            spans.push(near(r.start));
                        }
                        if e_in {
                            spans.push(near(r.end));
                        }
                    }
                }
                merge(
                    spans
                        .into_iter()
                        .map(|s| {
                            floor_boundary(text, s.start.max(begin))
                                ..ceil_boundary(text, s.end.min(end))
                        })
                        .collect(),
                )
            };
            if !out.is_empty() {
                out.push('\n');
            }
            let line_start = out.len();
            let mut segments = Vec::with_capacity(spans.len());
            let mut at = begin;
            for s in spans {
                if s.start > at {
                    out.push_str(ELLIPSIS);
                }
                segments.push(Segment {
                    source: s.clone(),
                    window: out.len(),
                });
                out.push_str(&text[s.clone()]);
                at = s.end;
            }
            if at < end {
                out.push_str(ELLIPSIS);
            }
            lines.push(Line {
                number: l + 1,
                start: line_start,
                segments,
            });
        }
        let mut excerpt = Excerpt {
            name,
            text: out,
            lines,
            primary: (0, column),
        };
        let mapped: Vec<Range<usize>> = labels
            .iter()
            .map(|r| {
                let start = excerpt.map(line_of(r.start), r.start);
                start..excerpt.map(line_of(r.end), r.end).max(start)
            })
            .collect();
        excerpt.primary.0 = mapped.first().map_or(0, |r| r.start);
        (excerpt, mapped)
    }

    /// Where source offset `p`, on file line index `l`, is in the excerpt; a
    /// point left out maps to the end of the shown stretch before it.
    fn map(&self, l: usize, p: usize) -> usize {
        let Some(line) = self.lines.iter().find(|x| x.number == l + 1) else {
            return 0;
        };
        let mut best = line.start;
        for s in &line.segments {
            if p < s.source.start {
                break;
            }
            best = s.window + (p.min(s.source.end) - s.source.start);
        }
        best
    }

    /// The excerpt's text (for tests).
    #[cfg(test)]
    pub fn text(&self) -> &str {
        &self.text
    }

    fn line_end(&self, i: usize) -> usize {
        self.lines
            .get(i + 1)
            .map_or(self.text.len(), |next| next.start - 1)
    }
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        Ok(self
            .lines
            .partition_point(|l| l.start <= byte_index)
            .saturating_sub(1))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, Error> {
        self.lines
            .get(line_index)
            .map(|l| l.number)
            .ok_or(Error::LineTooLarge {
                given: line_index,
                max: self.lines.len(),
            })
    }

    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        if byte_index == self.primary.0 {
            return Ok(self.primary.1);
        }
        // Only the primary label's column is printed; others count within the excerpt.
        let start = self.line_range((), line_index)?.start;
        Ok(self.text[start..byte_index.max(start)].chars().count() + 1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        match self.lines.get(line_index) {
            Some(l) => Ok(l.start..self.line_end(line_index)),
            None => Err(Error::LineTooLarge {
                given: line_index,
                max: self.lines.len(),
            }),
        }
    }
}

/// Sorted, overlapping or touching ranges merged.
fn merge(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.sort_by_key(|s| s.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

fn floor_boundary(text: &str, mut p: usize) -> usize {
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

fn ceil_boundary(text: &str, mut p: usize) -> usize {
    while !text.is_char_boundary(p) {
        p += 1;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str, labels: &[Range<usize>]) -> (String, Vec<String>) {
        let starts = line_starts(text);
        let (e, mapped) = Excerpt::new("f", text, &starts, labels, 1);
        let shown = mapped
            .iter()
            .map(|r| e.text()[r.clone()].to_string())
            .collect();
        (e.text().to_string(), shown)
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "First line.\nThe firm rumouredly cut jobs.\nLast.\n";
        let at = text.find("rumouredly").unwrap();
        let (shown, labels) = excerpt(text, std::slice::from_ref(&(at..at + 10)));
        assert_eq!(shown, "The firm rumouredly cut jobs.");
        assert_eq!(labels, ["rumouredly"]);
    }

    #[test]
    fn a_long_line_shows_a_bounded_window_around_each_label() {
        let filler = "Words run on and on é ".repeat(2_000);
        let text =
            format!("{filler}the firm rumouredly cut jobs {filler}and critics say so {filler}\n");
        let a = text.find("rumouredly").unwrap();
        let b = text.find("critics say").unwrap();
        let (shown, labels) = excerpt(&text, &[a..a + 10, b..b + 11]);
        assert_eq!(labels, ["rumouredly", "critics say"]);
        assert!(
            shown.len() < 2 * (2 * CONTEXT + 10) + 4 * ELLIPSIS.len() + 8,
            "{shown}"
        );
        assert!(shown.starts_with(ELLIPSIS) && shown.ends_with(ELLIPSIS));
        assert_eq!(shown.matches(ELLIPSIS).count(), 3, "{shown}");
    }

    #[test]
    fn labels_on_different_lines_keep_their_line_numbers() {
        let long = "x".repeat(1_000);
        let text = format!("Said the mayor.\n{long} rumouredly {long}\nend\n");
        let a = text.find("rumouredly").unwrap();
        let starts = line_starts(&text);
        let (e, mapped) = Excerpt::new("f", &text, &starts, &[a..a + 10, 0..4], 1_002);
        assert_eq!(e.lines.iter().map(|l| l.number).collect::<Vec<_>>(), [1, 2]);
        let loc = e.location((), mapped[0].start).unwrap();
        assert_eq!((loc.line_number, loc.column_number), (2, 1_002));
        assert_eq!(&e.text()[mapped[1].clone()], "Said");
    }

    #[test]
    fn a_label_longer_than_the_window_is_cut_but_keeps_both_ends() {
        let text = "y".repeat(5_000);
        let (shown, labels) = excerpt(&text, std::slice::from_ref(&(100..4_900)));
        assert!(
            shown.len() <= 4 * CONTEXT + 3 * ELLIPSIS.len(),
            "{}",
            shown.len()
        );
        assert!(labels[0].contains(ELLIPSIS));
    }
}
