//! The pieces of a clause: the words between its figures, years and list
//! marks, trimmed of frames, comparators and punctuation. Metric phrases
//! are chosen from them.

use super::{is_filler, Ctx};
use crate::span::Span;

impl Ctx<'_> {
    /// Other figures and years inside `span`, in order: the points where a
    /// metric phrase is cut.
    pub(super) fn cuts(&self, span: Span) -> Vec<Span> {
        let mut cuts: Vec<Span> = self
            .quantities_in(span)
            .map(|(_, q)| q.span)
            .chain(self.years_in(span).map(|y| y.span))
            .collect();
        cuts.sort_by_key(|s| s.start);
        cuts
    }

    /// The pieces of `span` between figures, years and list marks.
    pub(super) fn pieces(&self, span: Span) -> Vec<Span> {
        let mut out = Vec::new();
        let mut at = span.start;
        let mut cuts = self.cuts(span);
        cuts.extend(
            self.text[span]
                .match_indices(['、', ';'])
                .map(|(o, m)| Span::new(span.start + o, span.start + o + m.len())),
        );
        cuts.sort_by_key(|s| s.start);
        for c in cuts {
            if c.start >= at {
                out.push(Span::new(at, c.start));
            }
            at = at.max(c.end);
        }
        out.push(Span::new(at, span.end));
        out
    }

    /// The trimmed, non-empty pieces of `span`, trimmed as they are read
    /// (a caller looking for one piece does not trim them all).
    pub(super) fn trimmed<'s>(
        &'s self,
        pieces: Vec<Span>,
    ) -> impl DoubleEndedIterator<Item = Span> + 's {
        pieces
            .into_iter()
            .map(|p| self.trim(p))
            .filter(|p| !p.is_empty())
    }

    /// True where a word of `list` stands in `span` as a whole word of
    /// the segmenter (`会` the modal, not a piece of `会议` or `社会`).
    pub(super) fn whole_word_in(&self, list: &super::words::WordList, span: Span) -> bool {
        list.words_in(&self.text[span]).iter().any(|&(o, n)| {
            let (s, e) = (span.start + o, span.start + o + n);
            (self.word_boundary(s) && self.word_boundary(e)) || self.in_guessed_word(s, e)
        })
    }

    /// True where `s..e` lies in a word the segmenter guessed, not one of
    /// its dictionary (`資助額會倍增` cut as `額會`, `會為`): the word is no
    /// evidence against reading `會` on its own, as `社會` or `會議` are.
    fn in_guessed_word(&self, s: usize, e: usize) -> bool {
        let tokens = &self.doc.tokens;
        let i = tokens.partition_point(|t| t.span().end <= s);
        tokens.get(i).is_some_and(|t| {
            let span = t.span();
            span.start <= s
                && e <= span.end
                && t.kind == crate::token::TokenKind::Han
                && !self.jieba.has_word(&self.text[span])
        })
    }

    /// Trims frames, comparators, punctuation and spaces off both ends.
    pub(super) fn trim(&self, mut s: Span) -> Span {
        let w = &self.rules.words;
        loop {
            let t = &self.text[s];
            if t.is_empty() {
                return s;
            }
            // (and a bracket left open or closed by a cut: `)平均年增`)
            let lead = t.len() - t.trim_start_matches(|c| is_filler(c) || c == ')').len();
            // a label in lenticular brackets that opens a piece names the
            // source or the section, not a subject (`【Now新聞台】15所…`)
            let label = t
                .strip_prefix('【')
                .and_then(|r| r.find('】'))
                .map(|e| e + '【'.len_utf8() + '】'.len_utf8());
            let lead = if lead > 0 {
                lead
            } else if let Some(n) = label {
                n
            } else {
                w.trim
                    .prefix_of(t)
                    .or_else(|| w.target.prefix_of(t))
                    .or_else(|| w.actual.prefix_of(t))
                    .or_else(|| w.target_year.prefix_of(t))
                    .or_else(|| w.actual_year.prefix_of(t))
                    .or_else(|| {
                        w.trim_word
                            .prefix_of(t)
                            .filter(|n| self.word_boundary(s.start + n))
                    })
                    .unwrap_or(0)
            };
            let t2 = &t[lead..];
            let tail = t2.len() - t2.trim_end_matches(|c| is_filler(c) || c == '(').len();
            let tail = if tail > 0 {
                tail
            } else {
                w.bound_before(t2)
                    .map(|(_, n)| n)
                    .or_else(|| w.trim.suffix_of(t2))
                    .or_else(|| w.target.suffix_of(t2))
                    .or_else(|| w.actual.suffix_of(t2))
                    .or_else(|| w.target_year.suffix_of(t2))
                    .or_else(|| w.actual_year.suffix_of(t2))
                    .or_else(|| w.growth.suffix_of(t2))
                    .or_else(|| w.increase.suffix_of(t2))
                    // (with its aspect particle: `增加了`)
                    .or_else(|| {
                        let r = t2.strip_suffix('了')?;
                        let n = w.growth.suffix_of(r).or_else(|| w.increase.suffix_of(r))?;
                        Some(n + '了'.len_utf8())
                    })
                    .or_else(|| {
                        w.trim_word
                            .suffix_of(t2)
                            .filter(|n| self.word_boundary(s.start + lead + t2.len() - n))
                    })
                    .unwrap_or(0)
            };
            if lead == 0 && tail == 0 {
                return s;
            }
            s = Span::new(s.start + lead, (s.end - tail).max(s.start + lead));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::metrics;

    #[test]
    fn a_label_in_lenticular_brackets_is_no_part_of_a_subject() {
        assert_eq!(metrics("【本报讯】研发投入强度达到2.6%"), ["研发投入强度"]);
        assert_eq!(metrics("【Now新聞台】研發開支達到300億元"), ["研發開支"]);
    }
}
