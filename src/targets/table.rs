//! Indicator tables (`专栏 1`): each row is an indicator, its label the
//! metric; a cell under a year column is that year's figure. The first year
//! column is the base (a reported figure, and the baseline of the others);
//! a later year column is the goal; a per-year column (`年均`) holds a
//! growth goal for the last year column when the target cell is empty.

use super::{Ctx, Phrase};
use crate::model::{Baseline, Comparator, Status, Target};
use crate::quantity::{split_cells as cells, Hit as QHit};
use crate::span::Span;

/// How far back, in paragraphs, the header row of a table may stand (a
/// page break may repeat it or put a page header between).
const HEADER_REACH: usize = 16;

/// What a header cell says about its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Year(i32),
    PerYear,
    Other,
}

fn column(cell: &str) -> Column {
    let digits: String = cell.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")) {
        if let Ok(y) = digits.parse() {
            return Column::Year(y);
        }
    }
    let lower = cell.to_ascii_lowercase();
    if cell.contains("年均") || lower.contains("annual") || lower.contains("per year") {
        Column::PerYear
    } else {
        Column::Other
    }
}

/// The header of the table a row belongs to: its columns.
fn header(ctx: &Ctx, row_index: usize) -> Option<Vec<Column>> {
    let paras = &ctx.doc.segments.paragraphs;
    let from = row_index.saturating_sub(HEADER_REACH);
    (from..row_index).rev().find_map(|k| {
        let p = paras[k];
        if !ctx.text[p].contains('\t') {
            return None;
        }
        let cols: Vec<Column> = cells(ctx.text, p)
            .iter()
            .map(|c| column(&ctx.text[*c]))
            .collect();
        (cols.iter().filter(|c| matches!(c, Column::Year(_))).count() >= 2).then_some(cols)
    })
}

/// The bound written before a cell's number (`> 10`).
fn cell_bound(cell: &str) -> Comparator {
    match cell.trim_start().chars().next() {
        Some('>') => Comparator::Gt,
        Some('≥') => Comparator::Gte,
        Some('<') => Comparator::Lt,
        Some('≤') => Comparator::Lte,
        Some('约' | '~') => Comparator::Approx,
        _ => Comparator::Eq,
    }
}

/// The label of a row without its bracketed unit: the metric.
fn label_span(text: &str, label: Span) -> Span {
    let t = &text[label];
    let cut = t.rfind('(').filter(|_| t.trim_end().ends_with(')'));
    let end = label.start + cut.unwrap_or(t.len());
    let s = &text[label.start..end];
    let trimmed = s.trim();
    // a label of spaces alone (`\t (%)\t2.6`) trims to an empty span
    let start = label.start + (s.len() - s.trim_start().len());
    Span::new(start, start + trimmed.len())
}

/// The target a table cell gives.
pub(super) fn target(ctx: &Ctx, q: &QHit) -> Option<Target> {
    let text = ctx.text;
    let ri = ctx.paragraph_index(q.number.start)?;
    let row = ctx.doc.segments.paragraphs[ri];
    let cs = cells(text, row);
    let col = cs
        .iter()
        .position(|c| c.start <= q.number.start && q.number.end <= c.end)?;
    let first = &text[cs[0]];
    let label = if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) && cs.len() > 2 {
        cs[1]
    } else {
        cs[0]
    };
    if col == 0 || cs[col] == label {
        return None;
    }
    let metric = label_span(text, label);
    if metric.is_empty() {
        return None;
    }
    let cols = header(ctx, ri).unwrap_or_default();
    let years: Vec<(usize, i32)> = cols
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Column::Year(y) => Some((i, *y)),
            _ => None,
        })
        .collect();
    let base = years.first().copied();
    let last = years.last().copied();
    let (year, status) = match cols.get(col) {
        Some(Column::Year(y)) if Some((col, *y)) == base => (Some(*y), Status::Actual),
        Some(Column::Year(y)) => (Some(*y), Status::Target),
        Some(Column::PerYear) => (last.map(|(_, y)| y), Status::Target),
        _ => (None, Status::Target),
    };
    let baseline = match (status, base) {
        (Status::Target, Some((bcol, byear))) if bcol != col => ctx
            .quantities
            .iter()
            .find(|o| {
                cs.get(bcol)
                    .is_some_and(|c| c.start <= o.number.start && o.number.end <= c.end)
            })
            .map(|o| Baseline {
                value: o.value,
                year: Some(byear),
                span: Some(ctx.doc.span_text(o.span)),
            }),
        _ => None,
    };
    let comparator = cell_bound(&text[cs[col]]);
    let metric_id = ctx
        .rules
        .metrics
        .find(&text[metric])
        .map(|f| ctx.rules.metrics.id(f.id).to_string());
    Some(ctx.record(
        q,
        Phrase::own(metric),
        metric_id,
        comparator,
        year,
        status,
        baseline,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::Cell;
    use crate::{Comparator::*, Extractor, Status::*};

    #[test]
    fn indicator_table_rows() {
        let text = "专栏 1 主要指标\n序号\t指 标 名 称\t2020 年\t2025 年\t年均\t指标属性\n1\t全社会研发经费投入增长（%）\t12.2\t—\t> 10\t预期性\n2\t全社会研发经费占地区生产总值的比重（%）\t2.11\t2.6\t—\t预期性\n";
        let out = Extractor::new().extract(text).unwrap();
        let got: Vec<Cell> = out
            .targets
            .iter()
            .map(|t| {
                (
                    t.quantity.span.text.as_str(),
                    t.metric_id.as_deref(),
                    t.comparator,
                    t.year,
                    t.status,
                    t.baseline.as_ref().map(|b| b.value),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "12.2",
                    Some("rd_expenditure_growth"),
                    Eq,
                    Some(2020),
                    Actual,
                    None
                ),
                (
                    "10",
                    Some("rd_expenditure_growth"),
                    Gt,
                    Some(2025),
                    Target,
                    Some(12.2)
                ),
                ("2.11", Some("rd_intensity"), Eq, Some(2020), Actual, None),
                (
                    "2.6",
                    Some("rd_intensity"),
                    Eq,
                    Some(2025),
                    Target,
                    Some(2.11)
                ),
            ]
        );
    }
}
