//! The metric id of a phrase: the known wording that names it in the
//! `metrics` table, narrowed by scope words, with `_growth` / `_increase`
//! for growth rates and changes.

use super::metric::Via;
use super::{between, Ctx, Phrase};
use crate::model::Unit;
use crate::quantity::Hit as QHit;
use crate::span::Span;

/// How far after a figure, in characters, the last part of a wording split
/// around it may stand (`2.5 percent of its GDP`).
const GAPPED_REACH: usize = 32;

impl Ctx<'_> {
    /// The metric id: the longest known wording in the phrase, narrowed by
    /// scope words, with `_growth` / `_increase`.
    pub(super) fn metric_id(&self, q: &QHit, phrase: Phrase, sentence: Span) -> Option<String> {
        let m = &self.rules.metrics;
        let w = &self.rules.words;
        let p = &self.text[phrase.span];
        // the phrase; else the wording nearest the figure in its clause (an
        // English frame such as `the proportion of` trimmed off the phrase,
        // or the words after an English count: `patents owned by 10,000
        // people`); else a wording in parts around the figure
        let clause = self.clause(q.span.start);
        let end = if phrase.span.start >= q.span.end {
            clause.end.max(q.span.end)
        } else {
            q.span.start
        };
        // the clause before the figure, from the figure before it
        let after_prev = self
            .quantities_in(between(clause.start, q.span.start))
            .map(|(_, o)| o.span.end)
            .filter(|&e| e > clause.start)
            .max()
            .unwrap_or(clause.start);
        let wide = between(after_prev.min(phrase.span.start), end);
        // a share written in parts (`R&D spending to 2.5 percent of GDP`,
        // `研发经费投入占全市地区生产总值比重达2.5%`) is more specific than
        // the wording of what is shared
        let next = self
            .quantities_in(between(q.span.end, clause.end))
            .next()
            .map_or(clause.end, |(_, o)| o.span.start);
        let near_after = &self.text[between(q.span.end, next)];
        // (up to the next item of a list: `10%以上、占…`)
        let item_end = w
            .list_separator
            .words_in(near_after)
            .first()
            .map_or(near_after.len(), |&(o, _)| o);
        let near_after: String = near_after[..item_end]
            .to_lowercase()
            .chars()
            .take(GAPPED_REACH)
            .collect();
        // a share with no subject of its own (`、占地区生产总值的比重达到2.6%`,
        // `，佔本地生產總值的1.09%`) shares the sentence's
        let from = if w.share.prefix_of(p).is_some() {
            sentence.start
        } else {
            wide.start
        };
        let window = self.text[between(from, q.span.start)].to_lowercase();
        let gapped = m.find_gapped(&window, &near_after);
        if let (Some(id), Unit::Percent | Unit::PercentagePoint) = (gapped, q.unit) {
            return Some(self.with_change(m.id(id), q, phrase.span.end.min(q.span.start), clause));
        }
        // a share of another total (`产值560亿元，占全市的35%`) is not the
        // indicator of the amount it shares
        if phrase.via == Via::Share {
            return None;
        }
        let in_phrase = m.find(p).map(|f| (f, phrase.span.start));
        // a longer wording around the phrase's (`proportion of social r&d
        // expenditure to regional gdp` around `r&d expenditure`) wins
        let around = m.find_last(&self.text[wide]).filter(|f| {
            in_phrase.is_some_and(|(g, base)| {
                wide.start + f.start <= base + g.start
                    && wide.start + f.end >= base + g.end
                    && f.end - f.start > g.end - g.start
            })
        });
        let found = match around.map(|f| (f, wide.start)).or(in_phrase) {
            Some(found) => Some(found),
            None => m.find_last(&self.text[wide]).map(|f| (f, wide.start)),
        };
        let (f, base) = found?;
        // a scope word before the wording names another indicator, and a
        // share head after it (`研发人员占比`) a share of it
        let lead = &self.text[between(base, base + f.start)];
        let tail = &self.text[between(base + f.end, phrase.span.end)];
        // (and a wording right after a share word is the base of a share:
        // `制造业占本地生产总值` is no GDP)
        let base_of_share = w.share.suffix_of(lead.trim_end()).is_some();
        if w.scope.occurs_in(lead) || w.share_head.occurs_in(tail) || base_of_share {
            return None;
        }
        Some(self.with_change(m.id(f.id), q, base + f.end, clause))
    }

    /// `id`, or `<id>_increase` / `<id>_growth` where change or growth words
    /// stand between the wording (ending at `from`) and the figure, after
    /// any figure between them (`成交额同比增长20%，力争突破600亿元`: the
    /// 600 is no growth rate), unless in the figure's own clause (a list:
    /// `分别增长10.1%、14.11%`).
    pub(super) fn with_change(&self, id: &str, q: &QHit, from: usize, clause: Span) -> String {
        let w = &self.rules.words;
        let gap = between(from, q.span.start);
        let from = self
            .quantities_in(between(gap.start, clause.start))
            .last()
            .map_or(gap.start, |(_, o)| o.span.end.max(gap.start));
        let gap = &self.text[between(from, q.span.start)];
        if q.unit == Unit::PercentagePoint && w.increase.occurs_in(gap) {
            return format!("{id}_increase");
        }
        // `9 percent more than in 2022`: a change against another year
        let after = self.text[q.span.end..clause.end.max(q.span.end)].trim_start();
        let comparative = q.unit == Unit::Percent && w.comparative_after.prefix_of(after).is_some();
        // (`rose to`, `增长到`: the level reached, not the growth)
        let level = w.baseline_to.suffix_of(gap.trim_end()).is_some();
        // (a change in percent is a growth rate: `較2022年上升5.0%`)
        let change =
            w.growth.occurs_in(gap) || (q.unit == Unit::Percent && w.increase.occurs_in(gap));
        if !id.ends_with("_growth") && ((change && !level) || comparative) {
            return format!("{id}_growth");
        }
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::{Comparator::*, Status::*};

    #[test]
    fn reported_figures_and_changes() {
        assert_eq!(
            t("2020年，全市研发经费投入强度2.11%，比2015年提高了0.57个百分点。"),
            [
                row(
                    "2.11%",
                    "研发经费投入强度",
                    Some("rd_intensity"),
                    Eq,
                    Some(2020),
                    Actual
                ),
                row(
                    "0.57个百分点",
                    "研发经费投入强度",
                    Some("rd_intensity_increase"),
                    Eq,
                    Some(2020),
                    Actual
                ),
            ]
        );
    }

    #[test]
    fn shares_written_around_the_figure() {
        assert_eq!(
            t("In 2022, the province's R&D expenditure reached 441.1 billion yuan, accounting for 3.42% of its GDP."),
            [
                row("441.1 billion yuan", "province's R&D expenditure", Some("rd_expenditure"), Eq, Some(2022), Actual),
                row("3.42%", "province's R&D expenditure", Some("rd_intensity"), Eq, Some(2022), Actual),
            ]
        );
        let ids: Vec<_> =
            t("到2025年，全社会研发经费投入年均增长10%以上、占地区生产总值的比重达到2.6%。")
                .into_iter()
                .map(|r| r.2)
                .collect();
        assert_eq!(
            ids,
            [
                Some("rd_expenditure_growth".into()),
                Some("rd_intensity".into())
            ]
        );
    }
}
