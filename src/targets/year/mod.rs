//! The year a figure is for: from its own sentence, else from what governs
//! it (its paragraph's opening year, a heading over its list or section),
//! with comparison years set aside and plan periods read as their end.

use super::{between, Ctx};
use crate::model::{Status, YearKind};
use crate::quantity::Hit as QHit;
use crate::span::Span;
use crate::year::Hit as YHit;

/// How many characters after a deadline's date its end word (`为止`) may
/// stand.
const AS_OF_REACH: usize = 8;

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
        // (a time word of its own between a year and the figure, `2012年起
        // 設立了專項，至今立項80項`, `連同2010年設立的…，澳門目前有四所`,
        // dates the figure now: the year before it is another event's)
        // (in a later clause than the year: `今年截止目前` is this year's
        // report date; and a relative year resolved to a year, `今年`, is a
        // year, not such a word)
        let own_time_after = |y: &YHit| {
            let from = y.span.end;
            let t = &self.text[between(from, q.span.start)];
            self.own_times(t).any(|o| {
                t[..o].contains(['，', ',', '；', ';'])
                    && !in_sentence
                        .iter()
                        .any(|x| x.span.start <= from + o && from + o < x.span.end)
            })
        };
        let before = |free: bool| {
            in_sentence
                .iter()
                .rev()
                .find(|y| {
                    y.span.end <= q.span.start
                        && (!free || !self.owned_by_other_figure(y, q))
                        && !own_time_after(y)
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
        let latest = || {
            in_sentence
                .iter()
                .filter(|y| y.span.end > q.span.start || !own_time_after(y))
                .max_by_key(|y| y.end_year)
                .copied()
        };
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
        // `由2014年的2.33%提升至2018年的2.73%` with no goal frame in the
        // sentence: the change between two dated figures, reported
        // (in a document that sets out no plan and names a later year: in
        // a plan, or alone, `由2020年的2.11%提高到2025年的2.6%` is a goal)
        let dated_change = year_hit.is_some_and(|y| {
            self.dates_figure(y, q)
                && !frame_target
                && self.frame.plan_start.is_none()
                && self
                    .frame
                    .latest_year
                    .is_some_and(|later| later > y.end_year)
                && self.dated_figure_before(clause, y)
        });
        let deadline = match deadline {
            Some(Status::Target) if dated_change => Some(Status::Actual),
            other => other,
        };
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
            self.status_from_year(year_hit, q.unit == crate::model::Unit::Currency)
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

    /// Where the time words of their own stand in `t` (`目前`, `至今`,
    /// `as of now`), by offset: not one a comparison word takes (`比去年
    /// 增长` compares, it gives no time of its own).
    fn own_times<'t>(&'t self, t: &'t str) -> impl Iterator<Item = usize> + 't {
        let w = &self.rules.words;
        w.own_time
            .words_in(t)
            .into_iter()
            .map(|(o, _)| o)
            .filter(move |&o| {
                w.compare_year
                    .suffix_of(t[..o].trim_end_matches(' '))
                    .is_none()
            })
    }

    /// True where a figure of `clause` before year `y` is dated by a year
    /// right before it (`由2014年的2.33%` before `提升至2018年`).
    fn dated_figure_before(&self, clause: Span, y: &YHit) -> bool {
        let before = between(clause.start, y.span.start);
        self.quantities_in(before)
            .any(|(_, f)| self.years_in(before).any(|y0| self.dates_figure(y0, f)))
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
            // `至2022年11月底为止`: up to a date, a report (the end word
            // within a few characters of the date, in its clause)
            let clause_end = self.clause(y.span.start).end;
            let rest = &self.text[y.span.end..clause_end.max(y.span.end)];
            let near: usize = rest.chars().take(AS_OF_REACH).map(char::len_utf8).sum();
            if w.as_of_end.occurs_in(&rest[..near]) {
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
        let own_time = self.own_times(&self.text[sentence]).next().is_some();
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
mod tests;
