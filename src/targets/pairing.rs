//! Figures that pair with other words of their sentence: `分别` /
//! `respectively` lists of metrics and figures, and the `from` figure of
//! `从X提高到Y`, the baseline of the goal after it.

use super::{between, Ctx, Phrase};
use crate::model::Baseline;
use crate::quantity::Hit as QHit;
use crate::span::Span;
use crate::text::segment::containing;

/// The longest list of figures `分别` / `respectively` pairs.
const MAX_LIST: usize = 32;
/// The most characters between `分别` and its figures (`分别比上年增长`) or
/// between the figures and `respectively`.
const RESPECTIVELY_GAP: usize = 24;

impl Ctx<'_> {
    /// `A、B分别达X、Y` / `A and B reached X and Y respectively`: the
    /// metric paired with figure `i`.
    pub(super) fn respective_metric(&self, i: usize, sentence: Span) -> Option<Phrase> {
        let (first, last) = self.list_of(i)?;
        let list = self.paired_metrics(first, last, sentence).or_else(|| {
            // a second list of the sentence with no marker of its own
            // (`…52,000, 31,000 and 8,000, respectively, up 4 percent,
            // 7 percent and 2 percent`) pairs with the metrics of the first
            // (the figure just before the list, if it is in the sentence:
            // figures are in text order, so no earlier one is; looking
            // further back made every list rescan the figures before it)
            let before = first.checked_sub(1)?;
            if self.quantities[before].span.start < sentence.start {
                return None;
            }
            let (f0, l0) = self.list_of(before)?;
            (l0 - f0 == last - first)
                .then(|| self.paired_metrics(f0, l0, sentence))
                .flatten()
        })?;
        Some(Phrase::own(list[i - first]))
    }

    /// The metrics `分别` / `respectively` pairs with the figures `first..=
    /// last`, one per figure.
    fn paired_metrics(&self, first: usize, last: usize, sentence: Span) -> Option<Vec<Span>> {
        let w = &self.rules.words;
        let (head, tail) = (self.quantities[first].span, self.quantities[last].span);
        let before = between(sentence.start, head.start);
        let after = between(tail.end, sentence.end);
        let (end, marked) =
            if let Some(&(o, n)) = w.respectively.words_in(&self.text[before]).last() {
                // 分别 before the figures (a verb may stand between): the
                // metrics stand before it
                let marker = before.start + o;
                if self.text[marker + n..head.start].chars().count() > RESPECTIVELY_GAP {
                    return None;
                }
                (marker, true)
            } else if let Some(&(o, _)) = w.respectively.words_in(&self.text[after]).first() {
                // `respectively` after the figures: the metrics before them
                if self.text[after.start..after.start + o].chars().count() > RESPECTIVELY_GAP {
                    return None;
                }
                (head.start, true)
            } else {
                // no marker: a list of metrics as long as the list of figures
                // (`零售业、餐饮业营业额…，月增13.2%、11.1%`)
                (head.start, false)
            };
        // the metrics stand in the clause of the marker, or in the clause
        // before where that opens with it (`…制造业生产续呈双位数成长，分别
        // 年增34.7%、15.0%`)
        let clause = self.clause(end);
        let mut span = self.trim(between(clause.start.max(sentence.start), end));
        if !self.has_words(span) || (!marked && self.split_list(span).len() < 2) {
            let clauses = &self.doc.segments.clauses;
            let ci = containing(clauses, clause.start)?.checked_sub(1)?;
            let prev = clauses[ci];
            if prev.start < sentence.start {
                return None;
            }
            span = self.trim(prev);
        }
        let list = self.split_list(span);
        // a list after a comparison word is what the subject is compared
        // with (`增速比全国、湖北、武汉分别高出2.1、1.3、1.9个百分点`): the
        // figures are the subject's, not the list's
        let compared = list.first().is_some_and(|l| {
            let t = &self.text[*l];
            w.compare_year
                .words_in(t)
                .iter()
                .any(|&(o, n)| o > 0 && !t[o..o + n].is_ascii())
        });
        (list.len() == last - first + 1 && !compared).then_some(list)
    }

    /// The first and last figure of the list figure `i` stands in (only
    /// list separators between its figures: `1.15万家、8.6万家`, `52,000,
    /// 31,000 and 8,000`), where it stands in one.
    pub(super) fn list_of(&self, i: usize) -> Option<(usize, usize)> {
        let w = &self.rules.words;
        let listed = |a: &QHit, b: &QHit| {
            let gap = self.text[between(a.span.end, b.span.start)].trim();
            // an English count's noun may stand between (`300,000 people and`)
            let noun = a.classifier.len();
            let gap = match gap.get(..noun) {
                Some(n)
                    if noun > 0
                        && &*a.rule == "english_noun"
                        && n.eq_ignore_ascii_case(&a.classifier) =>
                {
                    gap[noun..].trim()
                }
                _ => gap,
            };
            gap.is_empty() || w.list_separator.is_whole(gap)
        };
        let mut first = i;
        while first > 0
            && i - first < MAX_LIST
            && listed(&self.quantities[first - 1], &self.quantities[first])
        {
            first -= 1;
        }
        let mut last = i;
        while last + 1 < self.quantities.len()
            && last - i < MAX_LIST
            && listed(&self.quantities[last], &self.quantities[last + 1])
        {
            last += 1;
        }
        (first != last).then_some((first, last))
    }

    /// Splits a list of metrics on the list separators of the table (`、`,
    /// `和`, `and`, …).
    pub(super) fn split_list(&self, span: Span) -> Vec<Span> {
        let mut out = Vec::new();
        let mut at = span.start;
        for (o, n) in self.rules.words.list_separator.words_in(&self.text[span]) {
            let (s, e) = (span.start + o, span.start + o + n);
            if s < at {
                continue; // inside a longer separator (`以及` holds `及`)
            }
            out.push(Span::new(at, s));
            at = e;
        }
        out.push(Span::new(at, span.end));
        out.into_iter()
            .map(|s| self.trim(s))
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// `从X提高到Y` / `from X to Y`: the earlier figure of the clause with
    /// the same unit, where a `baseline_from` word stands before it and a
    /// `baseline_to` word between the two.
    pub(super) fn baseline(&self, i: usize, q: &QHit, clause: Span) -> Option<Baseline> {
        let prev = self.quantities[..i].last()?;
        if prev.span.start < clause.start || prev.unit != q.unit {
            return None;
        }
        let w = &self.rules.words;
        let to_word = w
            .baseline_to
            .occurs_in(&self.text[prev.span.end..q.span.start]);
        let from_word = w
            .baseline_from
            .occurs_in(&self.text[clause.start..prev.span.start]);
        if !(to_word && from_word) {
            return None;
        }
        // its year: right after it (`from 2.11% in 2020`), else before it
        let year = self
            .year_right_after(prev.span.end, q.span.start)
            .or_else(|| self.years_in(between(clause.start, prev.span.start)).last())
            .map(|y| y.end_year);
        Some(Baseline {
            value: prev.value,
            year,
            span: Some(self.doc.span_text(prev.span)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::Extractor;
    use crate::{Comparator::*, Status::*};

    #[test]
    fn goal_with_bound_and_respectively() {
        assert_eq!(
            t("到2025年，全社会研发投入强度达到2.6%以上，高新技术企业、科技型企业分别达到1.15万家、8.6万家。"),
            [
                row("2.6%", "全社会研发投入强度", Some("rd_intensity"), Gte, Some(2025), Target),
                row("1.15万家", "高新技术企业", Some("high_tech_enterprises"), Eq, Some(2025), Target),
                row("8.6万家", "科技型企业", Some("tech_enterprises"), Eq, Some(2025), Target),
            ]
        );
    }

    #[test]
    fn from_to_gives_a_baseline() {
        let out = Extractor::new()
            .extract("研发投入强度由2020年的2.11%提高到2025年的2.6%。")
            .unwrap();
        let goal = out.targets.last().unwrap();
        assert_eq!((goal.year, goal.status), (Some(2025), Target));
        assert_eq!(goal.metric, "研发投入强度");
        let base = goal.baseline.as_ref().expect("a baseline");
        assert_eq!((base.value, base.year), (2.11, Some(2020)));
    }

    #[test]
    fn respectively_after_english_figures() {
        assert_eq!(
            t("By 2025, R&D personnel and high-tech enterprises will reach 300,000 people and 8,000 enterprises respectively."),
            [
                row("300,000", "R&D personnel", Some("rd_personnel"), Eq, Some(2025), Target),
                row("8,000", "high-tech enterprises", Some("high_tech_enterprises"), Eq, Some(2025), Target),
            ]
        );
    }

    #[test]
    fn a_second_list_pairs_with_the_metrics_of_the_first() {
        let got: Vec<(String, Option<String>)> =
            t("高新技术企业、科技型企业分别达到1.15万家、8.6万家，分别增长10.1%、14.1%。")
                .into_iter()
                .map(|r| (r.1, r.2))
                .collect();
        let want = [
            ("高新技术企业", "high_tech_enterprises"),
            ("科技型企业", "tech_enterprises"),
            ("高新技术企业", "high_tech_enterprises_growth"),
            ("科技型企业", "tech_enterprises_growth"),
        ];
        for (g, w) in got.iter().zip(want) {
            assert_eq!((g.0.as_str(), g.1.as_deref()), (w.0, Some(w.1)));
        }
        assert_eq!(got.len(), 4);
    }
}
