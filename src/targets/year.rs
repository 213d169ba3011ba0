//! The year a figure is for: from its own sentence, else from what governs
//! it (its paragraph's opening year, a heading over its list or section),
//! with comparison years set aside and plan periods read as their end.

use super::{between, Ctx};
use crate::model::{Status, YearKind};
use crate::quantity::Hit as QHit;
use crate::span::Span;
use crate::year::Hit as YHit;

/// How many paragraphs back the heading or lead-in that governs a figure
/// may stand.
const GOVERNING_PARAGRAPHS: usize = 60;

impl Ctx<'_> {
    /// The year of a figure and whether it is a goal or a report.
    pub(super) fn year_and_status(&self, q: &QHit, sentence: Span) -> (Option<i32>, Status) {
        let w = &self.rules.words;
        // frames govern what follows them: the sentence up to the end of
        // the figure's clause
        let clause = self.clause(q.span.start);
        let s_text = &self.text[between(sentence.start, clause.end.max(q.span.end))];
        let frame_target = w.target.occurs_in(s_text)
            || self.whole_word_in(
                &w.target_word,
                between(sentence.start, clause.end.max(q.span.end)),
            );
        let frame_actual = w.actual.occurs_in(s_text);
        // years of the sentence: the nearest before the figure, else after
        let in_sentence: Vec<&YHit> = self
            .years_in(sentence)
            .filter(|y| !self.compared_year(y) && !self.names_document(y))
            .collect();
        // a year right after the figure (`2.6% in 2025`) is its own; else
        // the nearest before it, else after, passing over years that stand
        // right after another figure (that one's own: `going from $1.37
        // billion in FY23 to $1.44 billion in FY24`) while others remain
        let before = |free: bool| {
            in_sentence
                .iter()
                .rev()
                .find(|y| {
                    y.span.end <= q.span.start && (!free || !self.owned_by_other_figure(y, q))
                })
                .copied()
        };
        let after = |free: bool| {
            in_sentence
                .iter()
                .find(|y| {
                    y.span.start >= q.span.end && (!free || !self.owned_by_other_figure(y, q))
                })
                .copied()
        };
        // (where every year is another figure's, the latest of them: a
        // change after a from-to pair, `rose to £15.5 billion in 2022, from
        // £14.0 billion in 2021, an increase of 10.5%`, is of the later)
        let latest = || in_sentence.iter().max_by_key(|y| y.end_year).copied();
        let near = self
            .year_right_after(q.span.end, sentence.end)
            .or_else(|| before(true))
            .or_else(|| after(true))
            .or_else(latest);
        let (year_hit, governing_target) = match near {
            Some(y) => (Some(y), false),
            None => self.governing_year(sentence),
        };
        // a deadline already past (`到1990年底，该区已建成`): a report, where
        // the document's own date is later or its clause says it is done
        // (a year that dates the figure right after it, `提高到2022年的
        // 21.92万元`, is reached by the document's own year)
        let clause_done = w.done.occurs_in(&self.text[clause]);
        let deadline = year_hit.and_then(|y| match self.year_frame(y) {
            Some(Status::Target)
                if clause_done
                    || self.reference_year.is_some_and(|now| {
                        y.end_year < now || (y.end_year == now && self.dates_figure(y, q))
                    }) =>
            {
                Some(Status::Actual)
            }
            other => other,
        });
        let year_frame = year_hit.and_then(|y| deadline.or_else(|| self.plan_frame(y)));
        // a deadline or report date of the sentence's own year comes first,
        // then frames in the figure's own clause: `2023年成交额同比增长20%，
        // 力争2024年突破600亿元` reports one figure and sets the other
        let own_year_frame = deadline.filter(|_| near.is_some());
        let clause_text = &self.text[clause];
        // a sentence opening on a report date (`截至目前，…争取上级经费
        // 6138万元`, `As of now`) reports what it counts
        let sentence_text = self.text[sentence].trim_start_matches(super::is_filler);
        let report_opening = w.actual_year.prefix_of(sentence_text).is_some();
        let clause_frame = if let Some(s) = own_year_frame {
            Some(s)
        } else if report_opening {
            Some(Status::Actual)
        } else if w.target.occurs_in(clause_text) || self.whole_word_in(&w.target_word, clause) {
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
        } else if let Some(s) = self
            .lead_in_frame(sentence)
            .or_else(|| self.section_frame(sentence))
        {
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
        // likewise a reported figure of an annual report
        if year_hit.is_none() {
            return (self.frame.report_year, status);
        }
        let year = year_hit.and_then(|y| match (y.kind, status) {
            (YearKind::PlanPeriod | YearKind::Range, Status::Target) => Some(y.end_year),
            (YearKind::PlanPeriod | YearKind::Range, Status::Actual) => {
                self.period_end(y, q, sentence)
            }
            _ => Some(y.end_year),
        });
        (year, status)
    }

    /// The year of a reported figure in a period (`2018-2022年，高新技术企业
    /// 由6590家增至2万家，增长203.2%`): the first year for the from figure
    /// of a from-to pair, the last for the to figure and what follows it in
    /// the sentence; none for a figure of the period as a whole, unless the
    /// period is a financial year.
    fn period_end(&self, y: &YHit, q: &QHit, sentence: Span) -> Option<i32> {
        let i = self
            .quantities
            .partition_point(|o| o.span.start < q.span.start);
        let clause = self.clause(q.span.start);
        let is_from = self.quantities.get(i + 1).is_some_and(|next| {
            self.clause(next.span.start) == clause && self.baseline(i + 1, next, clause).is_some()
        });
        if is_from {
            return Some(y.start_year);
        }
        // (a financial or school year, two years running: `In 2021–22,
        // GERD was $38.8 billion` is the year it ends in)
        if y.kind == YearKind::Range && y.end_year == y.start_year + 1 {
            return Some(y.end_year);
        }
        let reached = self
            .quantities_in(between(sentence.start, q.span.end))
            .any(|(k, o)| self.baseline(k, o, self.clause(o.span.start)).is_some());
        reached.then_some(y.end_year)
    }

    /// True where year `y` stands right after a figure other than `q`
    /// (`$1.37 billion in FY23`): that figure's own year.
    fn owned_by_other_figure(&self, y: &YHit, q: &QHit) -> bool {
        let line = self
            .paragraph_index(y.span.start)
            .map_or(0, |k| self.doc.segments.paragraphs[k].start);
        let i = self
            .quantities
            .partition_point(|o| o.span.end <= y.span.start);
        i.checked_sub(1)
            .map(|k| &self.quantities[k])
            .filter(|o| o.span.start >= line && o.span != q.span)
            .is_some_and(|o| {
                self.year_right_after(o.span.end, y.span.end)
                    .is_some_and(|own| own.span == y.span)
            })
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

    /// A year a figure is compared with, or the base of a period: not its
    /// own (`比2015年提高了`, `与2020年相比`, `2020年以来`, `than in 2022`,
    /// `from 2021`, `since 2008`, `compared with the same period of
    /// 2020`). Ranges and plan periods name periods, not bases.
    pub(super) fn compared_year(&self, y: &YHit) -> bool {
        if !matches!(y.kind, YearKind::Year | YearKind::Date) {
            return false;
        }
        let w = &self.rules.words;
        let before = self.text[..y.span.start].trim_end_matches(' ');
        if w.compare_year.suffix_of(before).is_some() {
            return true;
        }
        // (a whole word: `2020年来` is since 2020, `2020年来到` reached)
        let after = self.text[y.span.end..].trim_start_matches(' ');
        let at = y.span.end + (self.text.len() - y.span.end - after.len());
        if w.compare_after
            .prefix_of(after)
            .is_some_and(|n| self.word_boundary(at + n))
        {
            return true;
        }
        // a comparison opened earlier in the clause, with no figure between
        let clause = self.clause(y.span.start);
        let lead = &self.text[between(clause.start, y.span.start)];
        w.compare_lead.words_in(lead).last().is_some_and(|&(o, n)| {
            self.quantities_in(between(clause.start + o + n, y.span.start))
                .next()
                .is_none()
        })
    }

    /// True where year `y` dates figure `q` right after it (`2022年的21.92万元`).
    fn dates_figure(&self, y: &YHit, q: &QHit) -> bool {
        q.span.start >= y.span.end && self.text[y.span.end..q.span.start] == *"的"
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
            // `至2022年11月底为止`: up to a date, a report
            let rest = &self.text[y.span.end..];
            let upto: usize = rest
                .chars()
                .take(8)
                .take_while(|c| !matches!(c, ',' | '，' | '。' | ';' | '；' | ':' | '：'))
                .map(char::len_utf8)
                .sum();
            if w.as_of_end.occurs_in(&rest[..upto]) {
                Some(Status::Actual)
            } else {
                Some(Status::Target)
            }
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

    /// The year that governs a sentence without one of its own, and
    /// whether what gives it frames a goal (EXTRACTION.md section 3): the
    /// year opening the figure's own paragraph; else, walking back, a
    /// lead-in (`2026年力争：`) over the list the figure sits in, or the
    /// heading of its section, or the year opening the first paragraph
    /// under that heading. A body paragraph's year governs nothing after
    /// that paragraph, a heading without a year ends the search, and a
    /// sentence with a time phrase of its own (`截至目前`, `as of now`) is
    /// governed by a year (its frame still holds).
    pub(super) fn governing_year(&self, sentence: Span) -> (Option<&YHit>, bool) {
        let w = &self.rules.words;
        let paras = &self.doc.segments.paragraphs;
        let Some(pi) = self.paragraph_index(sentence.start) else {
            return (None, false);
        };
        let frame = |k: usize| w.target.occurs_in(&self.text[paras[k]]);
        // (a time word compared with, `比去年增长`, is none of its own)
        let s_text = &self.text[sentence];
        let own_time = w.own_time.words_in(s_text).iter().any(|&(o, _)| {
            w.compare_year
                .suffix_of(s_text[..o].trim_end_matches(' '))
                .is_none()
        });
        if let Some(y) = self.opening_year(pi, true) {
            return (
                Some(y).filter(|_| !own_time),
                self.is_heading(pi) && frame(pi),
            );
        }
        for k in (pi.saturating_sub(GOVERNING_PARAGRAPHS)..pi).rev() {
            if self.is_lead_in(k) {
                if let Some(y) = self.opening_year(k, false) {
                    return (Some(y).filter(|_| !own_time), frame(k));
                }
            } else if k == 0 && self.frame.title_names_document && self.is_heading(k) {
                // a title that names the document (`108年度中央政府科技研发
                // 绩效汇编`): its year is the document's (the annual-document
                // rules below), no frame
                break;
            } else if self.is_heading(k) {
                // a heading frames its section even without a year
                // (`力争技术合同成交额超1200亿元` over the goals below it)
                let y = self
                    .opening_year(k, false)
                    .or_else(|| self.opening_year(k + 1, false).filter(|_| k + 1 < pi));
                return (y.filter(|_| !own_time), frame(k));
            }
        }
        (None, false)
    }

    /// True where a year names a document (`据2024年统计公报`,
    /// `2022年政府工作报告显示`): that document's, not a figure's.
    pub(super) fn names_document(&self, y: &YHit) -> bool {
        let after = &self.text[y.span.end..self.clause(y.span.start).end.max(y.span.end)];
        self.rules
            .words
            .document_name
            .prefix_of(after.trim_start())
            .is_some()
    }
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
    fn a_level_dated_in_the_document_s_own_year_is_reached() {
        // `提高到2022年的…` in a release of 2022 reports the level reached;
        // a deadline of the same year with no figure dated by it is a goal
        let ex = crate::Extractor::builder()
            .reference_year(2022)
            .build()
            .unwrap();
        let got = ex
            .extract("劳动生产率由2015年的11.79万元提高到2022年的21.92万元。到2022年底，高新技术企业达到5000家。")
            .unwrap();
        let got: Vec<_> = got.targets.iter().map(|t| (t.year, t.status)).collect();
        assert_eq!(
            got,
            [
                (Some(2015), Actual),
                (Some(2022), Actual),
                (Some(2022), Target)
            ]
        );
    }

    #[test]
    fn a_sentence_opening_on_a_report_date_reports() {
        // `争取` (won) in a review is no goal after `截至目前`
        let got = t("截至目前，全区争取上级科技经费5000万元；安排科技项目90项。");
        let got: Vec<_> = got.iter().map(|r| (r.0.as_str(), r.5)).collect();
        assert_eq!(got, [("5000万元", Actual), ("90项", Actual)]);
    }

    #[test]
    fn an_unresolved_relative_year_is_the_sentence_s_own_time() {
        // no document date: `去年` gives no year, and the opener does not
        // govern its sentence; `比去年` only compares
        let got = t(
            "2024年，全区营收突破900亿元。去年全区新增企业300家。全区专利达到1万件，比去年增长8%。",
        );
        let got: Vec<_> = got.iter().map(|r| (r.0.as_str(), r.4)).collect();
        assert_eq!(
            got,
            [
                ("900亿元", Some(2024)),
                ("300家", None),
                ("1万件", Some(2024)),
                ("8%", Some(2024))
            ]
        );
    }

    #[test]
    fn a_period_s_from_figure_is_its_first_year_and_the_rest_its_last() {
        let ex = crate::Extractor::builder()
            .reference_year(2024)
            .build()
            .unwrap();
        let got = ex
            .extract("2019-2023年，全省高新技术企业由5000家增至1.5万家，增长200%。")
            .unwrap();
        let got: Vec<_> = got.targets.iter().map(|t| (t.year, t.status)).collect();
        assert_eq!(
            got,
            [
                (Some(2019), Actual),
                (Some(2023), Actual),
                (Some(2023), Actual)
            ]
        );
    }

    #[test]
    fn a_change_after_a_from_to_pair_is_of_the_later_year() {
        assert_eq!(
            years("Net expenditure on R&D rose to £15.5 billion in 2022, from £14.0 billion in 2021, an increase of 10.5%."),
            [(Some(2022), Actual), (Some(2021), Actual), (Some(2022), Actual)]
        );
        // the same period of last year is a base, not the figure's year
        let ex = crate::Extractor::builder()
            .reference_year(2021)
            .build()
            .unwrap();
        let got = ex
            .extract("7月零售业营业额月增13.2%，惟上年同期比较基数较高。")
            .unwrap();
        assert_eq!(got.targets[0].year, None);
    }

    #[test]
    fn a_financial_year_is_the_year_it_ends_in() {
        assert_eq!(
            years(
                "In 2021–22, business expenditure on research and development was $20.6 billion."
            ),
            [(Some(2022), Actual)]
        );
    }

    #[test]
    fn a_series_of_years_each_before_its_figure() {
        // `2021年3,139.9億元`: the year reads though a digit follows it;
        // `2022年來到` reaches, it does not count from 2022
        let got = t("園區研發經費2020年2,510.1億元、2021年3,139.9億元，2022年來到3,654.7億元。");
        let got: Vec<_> = got.iter().map(|r| (r.0.as_str(), r.4)).collect();
        assert_eq!(
            got,
            [
                ("2,510.1億元", Some(2020)),
                ("3,139.9億元", Some(2021)),
                ("3,654.7億元", Some(2022))
            ]
        );
    }

    #[test]
    fn hong_kong_goals_and_numbers_in_words() {
        // `會` (will) and `建議` (I propose) frame goals; amounts written in
        // words run to hundreds and more
        let got = t("我建議預留三十億元支持大學研發。政府會資助最少80個研發團隊。");
        let got: Vec<_> = got.iter().map(|r| (r.0.as_str(), r.3, r.5)).collect();
        assert_eq!(got, [("三十億元", Eq, Target), ("80個", Gte, Target)]);
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

    fn years(text: &str) -> Vec<(Option<i32>, crate::Status)> {
        t(text).into_iter().map(|r| (r.4, r.5)).collect()
    }

    #[test]
    fn a_body_paragraph_s_year_governs_only_itself() {
        let text = "2018年，该区设立了产业引导基金，用于支持企业研发。\n该区的科研资源比较丰富。\n全区拥有科研院所30家。";
        assert_eq!(years(text), [(None, Actual)]);
        // a sentence's own time phrase blocks its paragraph's opening year
        let text = "2010年，该省启动了人才计划。截至目前，计划已累计引进人才1200名。";
        assert_eq!(years(text), [(None, Actual)]);
    }

    #[test]
    fn a_title_naming_the_document_governs_no_figure() {
        let text = "108年度中央政府科技研发绩效汇编\n\n各国研发经费的主要来源多为企业部门，台湾的占比高达80.35%。";
        assert_eq!(years(text), [(None, Actual)]);
        // a heading that is no document's name still governs
        let text = "2026年力争\n●全社会研发投入强度达2.82%";
        assert_eq!(years(text), [(Some(2026), Target)]);
    }

    #[test]
    fn a_heading_and_the_first_paragraph_under_it_govern_the_section() {
        let text = "科技创新成效显著\n2024年，全市科技投入持续增长。\n国家级孵化器达到25家，众创空间达到60家。\n下一步工作\n新建实验室5个。";
        let got = years(text);
        assert_eq!(got[0].0, Some(2024));
        assert_eq!(got[1].0, Some(2024));
        // the next heading ends the section
        assert_eq!(got[2].0, None);
        // a lead-in over its list
        let list = "2027年力争：\n●技术合同成交额达到900亿元\n●高新技术企业达到2万家";
        assert_eq!(years(list), [(Some(2027), Target), (Some(2027), Target)]);
    }

    #[test]
    fn comparison_and_base_years_are_not_the_figure_s() {
        assert_eq!(
            years("Patent filings rose 7 percent from 2020."),
            [(None, Actual)]
        );
        assert_eq!(
            years("Output rose to 1.2 trillion yuan, the highest level since 2015."),
            [(None, Actual)]
        );
        assert_eq!(
            years("2023年，全省研发经费投入是2015年的2.1倍。")[0].0,
            Some(2023)
        );
        assert_eq!(
            years("与2020年相比，技术合同成交额增长了45%。"),
            [(None, Actual)]
        );
        // a year naming a document is that document's
        assert_eq!(
            years("据2025年统计公报，2024年全省专利授权量6.1万件。")[0].0,
            Some(2024)
        );
    }

    #[test]
    fn a_deadline_already_past_is_a_report() {
        assert_eq!(
            years("到2005年底，全市已建成孵化器18家。"),
            [(Some(2005), Actual)]
        );
        assert_eq!(
            years("到2030年，全市建成孵化器50家。"),
            [(Some(2030), Target)]
        );
    }

    #[test]
    fn goal_frames_carry_across_semicolons() {
        let text = "今年工作目标：力争研发投入强度达到3%；高新技术企业达到9000家；技术合同成交额突破400亿元。";
        assert!(years(text).iter().all(|(_, s)| *s == Target));
    }
}
