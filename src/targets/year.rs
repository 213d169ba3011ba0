//! The year a figure is for: from its own sentence, else from what governs
//! it (its paragraph's opening year, a heading over its list or section),
//! with comparison years set aside and plan periods read as their end.

use super::{at_most_chars, between, Ctx};
use crate::model::{Status, YearKind};
use crate::quantity::Hit as QHit;
use crate::span::Span;
use crate::year::Hit as YHit;

/// How many paragraphs back a heading or opening year may govern.
const GOVERNING_PARAGRAPHS: usize = 12;
/// How many characters into a paragraph its opening year may stand.
const OPENING_CHARS: usize = 6;
/// The longest heading, in characters, that governs the paragraphs below.
const HEADING_CHARS: usize = 24;

impl Ctx<'_> {
    /// The year of a figure and whether it is a goal or a report.
    pub(super) fn year_and_status(&self, q: &QHit, sentence: Span) -> (Option<i32>, Status) {
        let w = &self.rules.words;
        // frames govern what follows them: the sentence up to the end of
        // the figure's clause
        let clause = self.clause(q.span.start);
        let s_text = &self.text[between(sentence.start, clause.end.max(q.span.end))];
        let frame_target = w.target.occurs_in(s_text);
        let frame_actual = w.actual.occurs_in(s_text);
        // years of the sentence: the nearest before the figure, else after
        let in_sentence: Vec<&YHit> = self
            .years_in(sentence)
            .filter(|y| !self.compared_year(y))
            .collect();
        // a year right after the figure (`2.6% in 2025`) is its own; else
        // the nearest before it, else after
        let near = self
            .year_right_after(q.span.end, sentence.end)
            .or_else(|| {
                in_sentence
                    .iter()
                    .rev()
                    .find(|y| y.span.end <= q.span.start)
                    .copied()
            })
            .or_else(|| {
                in_sentence
                    .iter()
                    .find(|y| y.span.start >= q.span.end)
                    .copied()
            });
        let (year_hit, governing_target) = match near {
            Some(y) => (Some(y), false),
            None => match self.governing_year(sentence) {
                Some((y, t)) => (Some(y), t),
                None => (None, false),
            },
        };
        let deadline = year_hit.and_then(|y| self.year_frame(y));
        let year_frame = year_hit.and_then(|y| deadline.or_else(|| self.plan_frame(y)));
        // a deadline or report date of the sentence's own year comes first,
        // then frames in the figure's own clause: `2023年成交额同比增长20%，
        // 力争2024年突破600亿元` reports one figure and sets the other
        let own_year_frame = deadline.filter(|_| near.is_some());
        let clause_text = &self.text[clause];
        let clause_frame = if let Some(s) = own_year_frame {
            Some(s)
        } else if w.target.occurs_in(clause_text) {
            Some(Status::Target)
        } else if w.actual.occurs_in(clause_text) {
            Some(Status::Actual)
        } else {
            None
        };
        let status = if let Some(s) = clause_frame {
            s
        } else if frame_target || governing_target || year_frame == Some(Status::Target) {
            Status::Target
        } else if frame_actual || year_frame == Some(Status::Actual) {
            Status::Actual
        } else if let Some(s) = self.section_frame(sentence) {
            s
        } else {
            self.status_from_year(year_hit)
        };
        if let Some(y) = year_hit.filter(|y| y.kind == YearKind::PlanPeriod) {
            // `“十五五”开局之年`: the plan's first (or last) year
            let after = &self.text[between(y.span.end, self.clause(y.span.start).end)];
            if w.plan_first.occurs_in(after) {
                return (Some(y.start_year), status);
            }
            if w.plan_last.occurs_in(after) {
                return (Some(y.end_year), status);
            }
        }
        // a goal with no year of its own in an annual document (`2026年…
        // 政府工作报告`) is for the year its title names
        if year_hit.is_none() && status == Status::Target {
            return (self.frame.title_year, status);
        }
        let year = year_hit.and_then(|y| match (y.kind, status) {
            (YearKind::PlanPeriod | YearKind::Range, Status::Target) => Some(y.end_year),
            (YearKind::PlanPeriod | YearKind::Range, Status::Actual) => None,
            _ => Some(y.end_year),
        });
        (year, status)
    }

    /// The year right after `end`, before `limit`, with nothing but spaces
    /// or a `year_after` word between (`2.6% in 2025`): that figure's own.
    pub(super) fn year_right_after(&self, end: usize, limit: usize) -> Option<&YHit> {
        self.years_in(between(end, limit))
            .find(|y| !self.compared_year(y))
            .filter(|y| {
                let gap = self.text[end..y.span.start].trim();
                gap.is_empty() || self.rules.words.year_after.is_whole(gap)
            })
    }

    /// A year a figure is compared with (`比2015年提高了`), not its own.
    pub(super) fn compared_year(&self, y: &YHit) -> bool {
        let before = self.text[..y.span.start].trim_end_matches(' ');
        self.rules.words.compare_year.suffix_of(before).is_some()
    }

    /// `到2025年` makes a deadline, `截至2024年底` a report date.
    pub(super) fn year_frame(&self, y: &YHit) -> Option<Status> {
        let w = &self.rules.words;
        let para = self
            .paragraph_index(y.span.start)
            .map_or(0, |p| self.doc.segments.paragraphs[p].start);
        let before = self.text[para..y.span.start].trim_end_matches(' ');
        if w.actual_year.suffix_of(before).is_some() {
            Some(Status::Actual)
        } else if w.target_year.suffix_of(before).is_some() {
            Some(Status::Target)
        } else {
            None
        }
    }

    /// A plan period or range names a plan: goals, unless it ended before
    /// the plan the document sets out (a review of the last plan).
    pub(super) fn plan_frame(&self, y: &YHit) -> Option<Status> {
        if !matches!(y.kind, YearKind::PlanPeriod | YearKind::Range) {
            return None;
        }
        match self.reference_year.or(self.frame.plan_start) {
            Some(now) if y.end_year < now => Some(Status::Actual),
            _ => Some(Status::Target),
        }
    }

    /// The year that governs a sentence without one: the year opening its
    /// paragraph, or a short heading (or opening year) over the list or
    /// paragraphs it sits in. Also whether that heading frames a goal.
    pub(super) fn governing_year(&self, sentence: Span) -> Option<(&YHit, bool)> {
        let paras = &self.doc.segments.paragraphs;
        let pi = self.paragraph_index(sentence.start)?;
        let first = pi.saturating_sub(GOVERNING_PARAGRAPHS);
        for k in (first..=pi).rev() {
            let p = paras[k];
            // a year among the paragraph's first few characters (`2025年，`,
            // `各位代表！2025年目标任务…`); a dateline (a full date) governs
            // only its own paragraph
            let opening_end = self.text[p]
                .char_indices()
                .nth(OPENING_CHARS)
                .map_or(p.end, |(o, _)| p.start + o);
            let opening = self
                .years_in(p)
                .take_while(|y| y.span.start <= opening_end)
                .filter(|y| k == pi || y.kind != YearKind::Date)
                .find(|y| !self.compared_year(y));
            let heading = at_most_chars(&self.text[p], HEADING_CHARS);
            if let Some(y) = opening {
                let frame = heading && self.rules.words.target.occurs_in(&self.text[p]);
                return Some((y, frame));
            }
            if k < pi && is_chapter_heading(&self.text[p]) {
                break;
            }
        }
        None
    }
}

/// A chapter or section heading (`第二章 …`, `第一节 …`): the reach of a
/// governing year ends there.
fn is_chapter_heading(p: &str) -> bool {
    let t = p.trim_start();
    t.starts_with('第') && t.chars().take(6).any(|c| matches!(c, '章' | '节' | '部'))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::Extractor;
    use crate::{Comparator::*, Status::*};

    #[test]
    fn traditional_and_governing_heading() {
        assert_eq!(
            t("2026年力爭\n●全社會研發投入強度達2.82%\n●研發人員超過28萬人\n"),
            [
                row(
                    "2.82%",
                    "全社會研發投入強度",
                    Some("rd_intensity"),
                    Eq,
                    Some(2026),
                    Target
                ),
                row(
                    "28萬人",
                    "研發人員",
                    Some("rd_personnel"),
                    Gt,
                    Some(2026),
                    Target
                ),
            ]
        );
    }

    #[test]
    fn plan_period_opening_year_and_scope() {
        assert_eq!(
            t("今年是“十五五”开局之年。力争技术合同成交额超1200亿元。西部（重庆）科学城研发投入强度达到5%以上。"),
            [
                row("1200亿元", "技术合同成交额", Some("tech_contract_turnover"), Gt, Some(2026), Target),
                row("5%", "西部（重庆）科学城研发投入强度", None, Gte, Some(2026), Target),
            ]
        );
    }

    #[test]
    fn english_years_after_figures_and_from_to() {
        let out = Extractor::new()
            .extract("R&D intensity will rise from 2.11% in 2020 to 2.6% in 2025.")
            .unwrap();
        let got: Vec<_> = out
            .targets
            .iter()
            .map(|t| (t.quantity.value, t.year, t.status))
            .collect();
        assert_eq!(got, [(2.11, Some(2020), Actual), (2.6, Some(2025), Target)]);
        let base = out.targets[1].baseline.as_ref().expect("a baseline");
        assert_eq!((base.value, base.year), (2.11, Some(2020)));
    }

    #[test]
    fn this_year_reads_against_the_dateline() {
        let text = "政府工作报告\n——2026年1月25日在市人民代表大会第四次会议上\n今年主要预期目标是：全社会研发投入强度达到6%左右。";
        assert_eq!(
            t(text),
            [row(
                "6%",
                "全社会研发投入强度",
                Some("rd_intensity"),
                Approx,
                Some(2026),
                Target
            )]
        );
        // the year mentions themselves stay as written: no `今年`
        let out = Extractor::new().extract(text).unwrap();
        assert!(out.years.iter().all(|y| y.span.text != "今年"));
        // the caller's reference year wins
        let out = Extractor::builder()
            .reference_year(2030)
            .build()
            .unwrap()
            .extract(text)
            .unwrap();
        assert_eq!(out.targets[0].year, Some(2030));
    }

    #[test]
    fn goals_of_an_annual_document_take_its_title_year() {
        let annual = "湖北省人民政府2026年科技工作要点\n重点做好以下工作。\n新培育科技型中小企业3000家以上。";
        assert_eq!(
            t(annual),
            [row(
                "3000家",
                "科技型中小企业",
                Some("tech_enterprises"),
                Gte,
                Some(2026),
                Target
            )]
        );
        // a title naming a period, not one year, gives none
        let plan =
            "全省科技创新规划（2021—2025年）\n重点做好以下工作。\n新培育科技型中小企业3000家以上。";
        assert_eq!(t(plan)[0].4, None);
        let untitled = "重点做好以下工作。\n新培育科技型中小企业3000家以上。";
        assert_eq!(t(untitled)[0].4, None);
    }
}
