//! Byte spans into the caller's original input.

use serde::{Deserialize, Serialize};
use std::ops::{Index, Range};

/// A half-open byte range `start..end` into the original input.
///
/// Every span the library hands out falls on UTF-8 character boundaries of
/// the text it was extracted from, so `&haystack[span]` never panics and is
/// exactly the mention as written.
///
/// ```
/// use zhen_extract::Span;
/// let text = "研发投入强度2.6%";
/// let span = Span::new(18, 22);
/// assert_eq!(&text[span], "2.6%");
/// assert_eq!(span.len(), 4);
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// Byte offset of the first byte of the mention.
    pub start: usize,
    /// Byte offset one past the last byte of the mention.
    pub end: usize,
}

impl Span {
    /// Creates a span. Panics if `start > end`, which would be a bug in
    /// the caller, never a property of the input text.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// True where `span` shares a byte with one of `sorted`, which are sorted
/// and disjoint (a binary search, not a scan).
pub(crate) fn overlaps_sorted(sorted: &[Span], span: Span) -> bool {
    let i = sorted.partition_point(|b| b.end <= span.start);
    sorted.get(i).is_some_and(|b| b.overlaps(span))
}

/// Spans sorted by start, answering whether any of them overlaps or
/// contains a given span in `O(log n)` (a recognizer asks this once per
/// candidate; a scan would make a long document quadratic).
#[derive(Debug, Default)]
pub(crate) struct SpanIndex {
    spans: Vec<Span>,
    /// `max_end[i]`: the largest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl SpanIndex {
    pub(crate) fn new(mut spans: Vec<Span>) -> SpanIndex {
        spans.sort_unstable();
        let max_end = spans
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        SpanIndex { spans, max_end }
    }

    /// True when some span shares a byte with `s` ([`Span::overlaps`]).
    pub(crate) fn overlaps(&self, s: Span) -> bool {
        let i = self.spans.partition_point(|x| x.start < s.end);
        i > 0 && self.max_end[i - 1] > s.start
    }

    /// True when some span contains `s` ([`Span::contains`]).
    pub(crate) fn contains(&self, s: Span) -> bool {
        let i = self.spans.partition_point(|x| x.start <= s.start);
        i > 0 && self.max_end[i - 1] >= s.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slicing_and_relations() {
        let s = "到2025年";
        let y = Span::new(3, 10);
        assert_eq!(&s[y], "2025年");
        assert!(y.overlaps(Span::new(9, 12)));
        assert!(!y.overlaps(Span::new(10, 12)));
        assert!(Span::new(0, 10).contains(y));
        assert_eq!(Span::new(0, 3).cover(y), Span::new(0, 10));
    }

    #[test]
    fn span_index_agrees_with_a_scan() {
        let spans: Vec<Span> = [(0, 4), (2, 3), (10, 20), (12, 14), (30, 30), (31, 33)]
            .iter()
            .map(|&(a, b)| Span::new(a, b))
            .collect();
        let index = SpanIndex::new(spans.clone());
        for a in 0..40 {
            for b in a..40 {
                let q = Span::new(a, b);
                assert_eq!(
                    index.overlaps(q),
                    spans.iter().any(|s| s.overlaps(q)),
                    "{q:?}"
                );
                assert_eq!(
                    index.contains(q),
                    spans.iter().any(|s| s.contains(q)),
                    "{q:?}"
                );
            }
        }
    }

    #[test]
    #[should_panic]
    fn reversed_span_is_a_bug() {
        Span::new(3, 2);
    }
}
