use std::ops::Range;

/// One stretch of prose and the source bytes it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    prose_start: usize,
    len: usize,
    src_start: usize,
    src_end: usize,
    /// Verbatim pieces map byte for byte; others map as a whole.
    verbatim: bool,
}

/// Maps byte offsets in extracted prose back to byte offsets in the source file.
///
/// Stored as sorted pieces so a lookup is a binary search; plain text is one
/// verbatim piece.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// Appends a piece; verbatim pieces adjacent in both prose and source merge.
    pub(crate) fn push(
        &mut self,
        prose_start: usize,
        len: usize,
        src: Range<usize>,
        verbatim: bool,
    ) {
        if let Some(last) = self.pieces.last_mut()
            && verbatim
            && last.verbatim
            && last.prose_start + last.len == prose_start
            && last.src_end == src.start
        {
            last.len += len;
            last.src_end = src.end;
            return;
        }
        self.pieces.push(Piece {
            prose_start,
            len,
            src_start: src.start,
            src_end: src.end,
            verbatim,
        });
    }

    /// Source offset just past the last mapped piece (0 when empty).
    pub(crate) fn last_source_end(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.src_end)
    }

    /// Index of the piece holding prose byte `offset` (the last piece whose
    /// start is at or before it).
    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.prose_start <= offset);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// Source offset of the first byte of prose byte `offset`.
    pub fn source_start(&self, offset: usize) -> usize {
        match self.piece_at(offset) {
            None => offset,
            Some(p) if p.verbatim => p.src_start + (offset - p.prose_start).min(p.len),
            Some(p) if offset >= p.prose_start + p.len => p.src_end,
            Some(p) => p.src_start,
        }
    }

    /// Source offset just past prose byte `offset - 1` (for exclusive ends).
    pub fn source_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.source_start(0);
        }
        match self.piece_at(offset - 1) {
            None => offset,
            Some(p) if p.verbatim => p.src_start + (offset - p.prose_start).min(p.len),
            Some(p) => p.src_end,
        }
    }

    /// Maps a prose range to the source range it covers.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_start(range.start);
        let end = self.source_end(range.end).max(start);
        start..end
    }

    /// True when the source bytes `src` lie inside one verbatim piece: the
    /// reader sees exactly those bytes there, so replacing them in the file
    /// replaces what the reader sees (autofix needs this; an entity such as
    /// `&amp;` or markup in between would not qualify).
    pub fn source_is_verbatim(&self, src: Range<usize>) -> bool {
        if self.pieces.is_empty() {
            return true;
        }
        self.pieces
            .iter()
            .any(|p| p.verbatim && p.src_start <= src.start && src.end <= p.src_end)
    }

    /// True when prose offsets equal source offsets everywhere.
    pub fn is_identity(&self) -> bool {
        self.pieces
            .iter()
            .all(|p| p.verbatim && p.prose_start == p.src_start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacent_verbatim_pieces_merge() {
        let mut m = OffsetMap::default();
        m.push(0, 5, 10..15, true);
        m.push(5, 5, 15..20, true);
        assert_eq!(m.pieces.len(), 1);
        assert_eq!(m.source_range(2..7), 12..17);
    }

    #[test]
    fn empty_map_is_identity() {
        let m = OffsetMap::default();
        assert!(m.is_identity());
        assert_eq!(m.source_range(3..8), 3..8);
    }

    #[test]
    fn verbatim_source_is_inside_one_verbatim_piece() {
        let mut m = OffsetMap::default();
        m.push(0, 3, 0..3, true);
        m.push(3, 1, 3..8, false);
        m.push(4, 3, 8..11, true);
        assert!(m.source_is_verbatim(0..3));
        assert!(m.source_is_verbatim(9..11));
        assert!(!m.source_is_verbatim(2..5));
        assert!(!m.source_is_verbatim(3..8));
        assert!(!m.source_is_verbatim(0..11));
    }

    #[test]
    fn synthetic_separator_maps_to_a_point() {
        let mut m = OffsetMap::default();
        m.push(0, 3, 0..3, true);
        m.push(3, 2, 7..7, false);
        m.push(5, 3, 9..12, true);
        assert_eq!(m.source_range(0..3), 0..3);
        assert_eq!(m.source_range(5..8), 9..12);
        assert_eq!(m.source_range(3..5), 7..7);
    }
}
