//! The comparator of a figure, from the words touching it (EXTRACTION.md
//! section 3): a bound after the number wins over a word before it, a
//! comparative after the number (`8 percent more than in 2021`) is no
//! bound, `约` anywhere between the metric and the figure makes it
//! approximate, and a bound before a `分别` / `respectively` list holds for
//! every figure of the list.

use super::{Ctx, Phrase};
use crate::model::Comparator;
use crate::quantity::Hit as QHit;

impl Ctx<'_> {
    /// The comparator of figure `i`.
    pub(super) fn comparator(&self, i: usize, q: &QHit, phrase: Phrase) -> Comparator {
        let w = &self.rules.words;
        let para_end = self
            .paragraph_index(q.span.start)
            .map_or(self.text.len(), |p| self.doc.segments.paragraphs[p].end);
        let after = &self.text[q.span.end..para_end];
        if w.comparative_after.prefix_of(after.trim_start()).is_some() {
            return Comparator::Eq;
        }
        if let Some((c, _)) = w.bound_after(after) {
            return c;
        }
        if q.more {
            return Comparator::Gt;
        }
        // the words before the figure, or before the first figure of its
        // list
        let head = self
            .list_of(i)
            .map_or(q, |(first, _)| &self.quantities[first]);
        // (within its clause: a metric a follow-on figure takes from a
        // clause before, `以美国5029亿美元最多，其次…`, leaves that clause's
        // words out)
        let clause = self.clause(head.span.start).start;
        let from = if phrase.span.end <= head.span.start {
            phrase.span.end.max(clause)
        } else {
            clause
        };
        let before = &self.text[from..head.span.start];
        // `远低于2.54%的全国平均水平`: the figure is the value of what
        // follows it, which the subject is compared with (unless the word
        // is the end of a longer bound: `不少于400万元的配套资源`)
        let bound = w.bound_before(before);
        if phrase.span.start >= q.span.end {
            if let Some(n) = w.comparison.suffix_of(before.trim_end()) {
                if bound.is_none_or(|(_, b)| b <= n) {
                    return Comparator::Eq;
                }
            }
        }
        // a bound touching the number, else one anywhere before it (a verb
        // touching the number says only eq: `约为`)
        match bound {
            Some((c, _)) if c != Comparator::Eq => c,
            _ => w.bound_anywhere(before).unwrap_or(Comparator::Eq),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::t;
    use crate::Comparator::{self, *};

    fn comparators(text: &str) -> Vec<Comparator> {
        t(text).into_iter().map(|r| r.3).collect()
    }

    #[test]
    fn approx_anywhere_before_the_figure() {
        assert_eq!(comparators("全省研发人员约为12万人。"), [Approx]);
        assert_eq!(comparators("高校科研经费约占全省的15%。"), [Approx]);
    }

    #[test]
    fn a_bound_before_a_list_holds_for_each_figure() {
        assert_eq!(
            comparators("新材料和生物医药两大产业产值分别超过300亿元、200亿元、150亿元。"),
            [Gt, Gt, Gt]
        );
        assert_eq!(
            comparators("R&D personnel and high-tech firms will reach more than 300,000 and 8,000 respectively."),
            [Gt, Gt]
        );
    }

    #[test]
    fn a_bound_that_ends_in_a_comparison_word_bounds_the_noun_after() {
        assert_eq!(comparators("大学提供不少于400万元配套资源"), [Gte]);
        assert_eq!(comparators("远低于2.54%的全国平均水平"), [Eq]);
    }

    #[test]
    fn a_comparative_after_the_number_is_no_bound() {
        assert_eq!(
            comparators("Revenue was 12 percent higher than in 2022."),
            [Eq]
        );
        assert_eq!(comparators("每个项目最多补助50%的费用。"), [Lte]);
        // a comparison with the value of what follows the figure
        assert_eq!(
            comparators("2022年河南R&D经费投入强度仅为1.86%，远低于2.54%的全国平均水平。"),
            [Eq, Eq]
        );
        assert_eq!(comparators("研发人员少于50人。"), [Lt]);
        assert_eq!(
            comparators("Last year, exports exceeded 3 billion yuan."),
            [Gt]
        );
    }
}
