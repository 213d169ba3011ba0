//! Whether a figure is a goal or a reported figure, where no frame of its
//! own sentence says: the section heading over it, else its year against
//! the document's own time.

use super::{at_most_chars, Ctx, SECTION_HEADING_CHARS};
use crate::model::Status;
use crate::span::Span;
use crate::year::Hit as YHit;

/// How many paragraphs back the heading of a section may stand.
const SECTION_PARAGRAPHS: usize = 60;
/// How many items of a list its lead-in may stand above.
const LIST_ITEMS: usize = 30;

impl Ctx<'_> {
    /// Without frames: a year before the reference year (the caller's or
    /// the document's dateline; else the plan the document sets out) is a
    /// report and one after it a goal; an amount of money with no year in
    /// a document about a later year than its date (`FY 2015 Budget
    /// Request`, dated 2014) is planned spending, a goal; otherwise a plan
    /// document states goals and anything else reports.
    pub(super) fn status_from_year(&self, y: Option<&YHit>, money: bool) -> Status {
        let now = self.reference_year.or(self.frame.plan_start);
        match (y, now) {
            (Some(y), Some(now)) if y.end_year < now => Status::Actual,
            (Some(y), Some(now)) if y.end_year > now => Status::Target,
            (None, Some(now)) if money && self.frame.title_year.is_some_and(|t| t > now) => {
                Status::Target
            }
            (_, Some(_)) if self.frame.plan_start.is_some() => Status::Target,
            _ => Status::Actual,
        }
    }

    /// The frame of the lead-in over the list a sentence is an item of
    /// (`我们会加大投资，包括：` over `设立100亿元「创科产业引导基金」；`):
    /// the items of a list are one sentence with their lead-in, so its goal
    /// or report words frame them. The walk back passes only items that
    /// go on to the next (ending in `；`, `;` or a joining `及`, `和`).
    pub(super) fn lead_in_frame(&self, sentence: Span) -> Option<Status> {
        let w = &self.rules.words;
        let paras = &self.doc.segments.paragraphs;
        let pi = self.paragraph_index(sentence.start)?;
        for k in (pi.saturating_sub(LIST_ITEMS)..pi).rev() {
            let p = &self.text[paras[k]];
            if self.is_lead_in(k) {
                return if w.target.occurs_in(p) {
                    Some(Status::Target)
                } else if w.actual.occurs_in(p) {
                    Some(Status::Actual)
                } else {
                    None
                };
            }
            let end = p.trim_end();
            if !(end.ends_with([';', '；']) || end.ends_with("及") || end.ends_with("和")) {
                return None;
            }
        }
        None
    }

    /// The frame of the section a sentence sits in: the nearest heading
    /// above it (a short paragraph) that holds a goal or review word of the
    /// `heading_target` / `heading_actual` rows (`重点做好十一个方面工作`,
    /// `“十四五”时期和2025年工作回顾`), unless it holds both.
    pub(super) fn section_frame(&self, sentence: Span) -> Option<Status> {
        let w = &self.rules.words;
        let paras = &self.doc.segments.paragraphs;
        let pi = self.paragraph_index(sentence.start)?;
        (pi.saturating_sub(SECTION_PARAGRAPHS)..pi)
            .rev()
            // (a line of page chrome is no heading: the metadata table of
            // a government page, `组配分类 重点工作 发布机构 区科技局`)
            .filter(|&k| !self.in_chrome(paras[k]))
            .map(|k| &self.text[paras[k]])
            .filter(|p| at_most_chars(p, SECTION_HEADING_CHARS))
            .find_map(
                |p| match (w.heading_target.occurs_in(p), w.heading_actual.occurs_in(p)) {
                    (true, false) => Some(Some(Status::Target)),
                    (false, true) => Some(Some(Status::Actual)),
                    (true, true) => Some(None),
                    (false, false) => None,
                },
            )
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::{Comparator::*, Status::*};

    #[test]
    fn a_lead_in_frames_the_items_of_its_list() {
        let text = "我们会加大投资，包括：\n设立100亿元的产业引导基金——成立母基金；\n\
                    调拨15亿元成立联合基金，投资初创企业；及\n推出30亿元的配对计划。";
        let got = t(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(|r| r.5 == Target), "{got:?}");
        // an item that ends its list ends the walk back
        let text = "我们会加大投资，包括：\n设立100亿元的产业引导基金。\n全市研发投入500亿元。";
        assert_eq!(t(text)[1].5, Actual);
    }

    #[test]
    fn since_up_to_a_year_reports_and_a_modal_after_an_adverb_sets_a_goal() {
        assert_eq!(
            t("自2004年设立以来至2019年年末，基金累计资助项目1076个。")[0].5,
            Actual
        );
        assert_eq!(t("园区营业额今年还会再成长，突破6万亿元。")[0].5, Target);
        // a modal the segmenter glues into a word of its own guessing
        // (`額會`) still sets a goal; one inside a dictionary word does not
        let got = t("對每所大學的資助額會倍增至1,600萬元，每間初創企業每年最多獲150萬元資助。");
        assert!(got.iter().all(|r| r.5 == Target), "{got:?}");
        assert_eq!(got[1].1, "資助", "{got:?}");
        assert_eq!(t("社会研发投入达到120亿元。")[0].5, Actual);
    }

    #[test]
    fn up_to_a_date_and_its_end_word_reports() {
        let got = t("科學城至111年11月底為止,已有90家機構進駐,進駐率89.6%,就業人口1364名。");
        assert!(got.iter().all(|r| r.5 == Actual), "{got:?}");
        // without the end word, `至` sets a deadline
        assert_eq!(t("至2025年，研发人员超过28万人。")[0].5, Target);
    }

    #[test]
    fn money_of_a_later_years_budget_is_planned() {
        let got = t("Ministry presents FY 2027 Budget Request\nJune 3, 2026\n\
                     The request of $4.1 billion supports research in all fields. \
                     Each year the ministry receives about 9,000 proposals.");
        assert_eq!((got[0].4, got[0].5), (Some(2027), Target), "{got:?}");
        // a count of the same document is no budget
        assert_eq!((got[1].4, got[1].5), (None, Actual), "{got:?}");
    }

    #[test]
    fn page_chrome_is_no_heading() {
        // the metadata table of a government page names a category
        // (`重点工作`), not the section the report's figures stand in
        let text = "组配分类 重点工作 发布机构 区科技局\n2023年科技进步报告\n\
                    2022年全区研发经费占GDP比重达3.02%。";
        assert_eq!(t(text)[0].5, Actual);
    }

    #[test]
    fn each_clause_frames_its_own_figure() {
        assert_eq!(
            t("2023年，全市技术合同成交额达到500亿元，同比增长20%，力争2024年突破600亿元。"),
            [
                row(
                    "500亿元",
                    "技术合同成交额",
                    Some("tech_contract_turnover"),
                    Eq,
                    Some(2023),
                    Actual
                ),
                row(
                    "20%",
                    "技术合同成交额",
                    Some("tech_contract_turnover_growth"),
                    Eq,
                    Some(2023),
                    Actual
                ),
                row(
                    "600亿元",
                    "技术合同成交额",
                    Some("tech_contract_turnover"),
                    Gt,
                    Some(2024),
                    Target
                ),
            ]
        );
    }
}
