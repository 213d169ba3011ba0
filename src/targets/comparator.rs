//! The comparator of a figure, from the words touching it: a bound after
//! the number wins over a word before it.

use super::{Ctx, Phrase};
use crate::model::Comparator;
use crate::quantity::Hit as QHit;

impl Ctx<'_> {
    /// The comparator from the words touching the figure.
    pub(super) fn comparator(&self, q: &QHit, phrase: Phrase) -> Comparator {
        let w = &self.rules.words;
        let para_end = self
            .paragraph_index(q.span.start)
            .map_or(self.text.len(), |p| self.doc.segments.paragraphs[p].end);
        let after = &self.text[q.span.end..para_end];
        if let Some((c, _)) = w.bound_after(after) {
            return c;
        }
        if q.more {
            return Comparator::Gt;
        }
        let from = if phrase.span.end <= q.span.start {
            phrase.span.end
        } else {
            self.clause(q.span.start).start
        };
        let before = &self.text[from..q.span.start];
        w.bound_before(before)
            .map(|(c, _)| c)
            .unwrap_or(Comparator::Eq)
    }
}
