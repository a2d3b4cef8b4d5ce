//! Line and column numbers, computed only for documents with findings.

/// Start offsets of every line of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`'s lines (`\n` ends a line; a `\r` before it is ignored).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        // memchr: a byte-by-byte scan here was 1% of a run.
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and column of byte `offset`; columns count Unicode scalar
    /// values, and a byte-order mark does not count.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let mut start = self.starts[line];
        if start == 0 && text.starts_with('\u{feff}') {
            start = 3.min(offset);
        }
        let col = text[start..offset].chars().count() + 1;
        (line + 1, col)
    }

    /// A reader of positions that counts columns on from the offset it was
    /// last asked for, when asked in rising order.
    pub fn cursor<'a>(&'a self, text: &'a str) -> Cursor<'a> {
        Cursor {
            index: self,
            text,
            line: 0,
            offset: 0,
            column: 1,
        }
    }

    /// Byte offset where 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }
}

/// [`LineIndex::position`] for offsets asked in rising order: a finding in
/// a long paragraph counted its column from the paragraph's start, twice,
/// and its line by a search.
#[derive(Clone)]
pub struct Cursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// 0-based line of `offset`.
    line: usize,
    /// The offset last placed, or the start of its line.
    offset: usize,
    /// 1-based column of `offset`.
    column: usize,
}

impl Cursor<'_> {
    /// 1-based line and column of byte `offset`, as [`LineIndex::position`].
    pub fn position(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = &self.index.starts;
        if offset < self.offset {
            (self.line, self.offset, self.column) = (0, 0, 1);
        }
        if starts.get(self.line + 1).is_some_and(|&s| s <= offset) {
            self.line += starts[self.line + 1..].partition_point(|&s| s <= offset);
            (self.offset, self.column) = (starts[self.line], 1);
        }
        if self.offset == 0 && offset >= 3 && self.text.starts_with('\u{feff}') {
            self.offset = 3;
        }
        self.column += self.text[self.offset..offset].chars().count();
        self.offset = offset;
        (self.line + 1, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_matches_position() {
        let t = "\u{feff}ab\r\ncé d\n\nxyz\u{e9}\n";
        let li = LineIndex::new(t);
        let offsets: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
        // Rising, repeated and falling orders.
        let mut asked = offsets.clone();
        asked.extend(offsets.iter().rev());
        asked.extend(offsets.iter().flat_map(|&o| [o, o, 0, o]));
        asked.push(t.len() + 5);
        let mut c = li.cursor(t);
        for o in asked {
            assert_eq!(c.position(o), li.position(t, o), "offset {o}");
        }
    }

    #[test]
    fn positions() {
        let t = "ab\r\nc\u{e9}d\nx";
        let li = LineIndex::new(t);
        assert_eq!(li.position(t, 0), (1, 1));
        assert_eq!(li.position(t, 4), (2, 1));
        assert_eq!(li.position(t, 7), (2, 3)); // after "cé": é is one column
        assert_eq!(li.position(t, t.len()), (3, 2));
    }

    #[test]
    fn bom_is_not_a_column() {
        let t = "\u{feff}Hello";
        let li = LineIndex::new(t);
        assert_eq!(li.position(t, 3), (1, 1));
        assert_eq!(li.position(t, 4), (1, 2));
    }
}
