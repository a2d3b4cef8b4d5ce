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

    /// Byte offset where 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
