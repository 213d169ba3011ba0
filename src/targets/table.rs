//! Indicator tables (`专栏 1`): each row is an indicator, its label the
//! metric; a cell under a year column is that year's figure. The first year
//! column is the base (a reported figure, and the baseline of the others);
//! a later year column is the goal; a per-year column (`年均`) holds a
//! growth goal for the last year column when the target cell is empty.

use super::{Ctx, Phrase};
use crate::model::{Baseline, Comparator, Status, Target};
use crate::quantity::Hit as QHit;
use crate::span::Span;
use crate::text::grid::{self, Row, Sep};

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
    if let Some(y) = grid::header_year(cell) {
        return Column::Year(y);
    }
    let lower = cell.to_ascii_lowercase();
    if cell.contains("年均") || lower.contains("annual") || lower.contains("per year") {
        Column::PerYear
    } else {
        Column::Other
    }
}

/// The header over a table row.
struct Header {
    /// Its columns: one per cell of a tab header, placed like the row's
    /// cells; else one per year it names, in order, for the row's figures.
    columns: Vec<Column>,
    positional: bool,
    /// Whether a column says it holds goals (`目标`, `PBR`, `request`).
    goals: bool,
}

/// The header of the table row `row_index`: a tab row with two or more
/// year columns over a tab row; else, over a `|` or space-aligned row, the
/// nearest line above it in the same table that names a year and holds
/// no other figure.
fn header(ctx: &Ctx, row_index: usize, sep: Sep) -> Option<Header> {
    let paras = &ctx.doc.segments.paragraphs;
    let from = row_index.saturating_sub(HEADER_REACH);
    let goals = |p: Span| ctx.rules.words.target_column.occurs_in(&ctx.text[p]);
    for k in (from..row_index).rev() {
        let p = paras[k];
        let row = grid::row(ctx.text, p);
        if sep == Sep::Tab {
            let Some(row) = row.filter(|r| r.sep == Sep::Tab) else {
                continue;
            };
            let cols: Vec<Column> = row.cells.iter().map(|c| column(&ctx.text[*c])).collect();
            if cols.iter().filter(|c| matches!(c, Column::Year(_))).count() >= 2 {
                return Some(Header {
                    columns: cols,
                    positional: true,
                    goals: goals(p),
                });
            }
            continue;
        }
        let years = grid::line_years(ctx.text, p);
        let other_figures = row.as_ref().is_some_and(|r| {
            r.values(ctx.text)
                .any(|(_, c)| grid::header_year(&ctx.text[c]).is_none())
        });
        if !years.is_empty() && !other_figures {
            return Some(Header {
                columns: years.into_iter().map(Column::Year).collect(),
                positional: false,
                goals: goals(p),
            });
        }
        // a line that is no row ends the table
        row?;
    }
    None
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

/// The label cell of a row: the first cell, or the second after an index
/// number.
fn label_cell(text: &str, cells: &[Span]) -> Span {
    let first = &text[cells[0]];
    if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) && cells.len() > 2 {
        cells[1]
    } else {
        cells[0]
    }
}

/// What a table gives a figure.
pub(super) enum Cell {
    /// Not a table figure: read it as running text.
    Prose,
    /// A figure of a label, unit or header cell: no target.
    Label,
    /// The target of a figure cell.
    Target(Box<Target>),
}

/// A table row read once for all its figures: its cells, its label, its
/// figure cells and its header.
pub(super) struct TableRow {
    row: Row,
    label: Span,
    /// The indices of the figure cells after the label (a tab row: of
    /// every cell after it).
    values: Vec<usize>,
    header: Option<Header>,
}

/// The table row paragraph `ri` is, if it is one with a label: read once
/// and kept while the figures of the paragraph are read.
pub(super) fn table_row(ctx: &Ctx, ri: usize) -> Option<TableRow> {
    let text = ctx.text;
    let row = grid::row(text, ctx.doc.segments.paragraphs[ri])?;
    let cs = &row.cells;
    let label = label_cell(text, cs);
    if row.sep != Sep::Tab && grid::is_value(&text[label]) {
        return None;
    }
    let values: Vec<usize> = match row.sep {
        Sep::Tab => (0..cs.len())
            .filter(|&i| cs[i].start > label.start)
            .collect(),
        _ => row
            .values(text)
            .filter(|(_, c)| c.start > label.start)
            .map(|(i, _)| i)
            .collect(),
    };
    let header = if values.is_empty() {
        None
    } else {
        header(ctx, ri, row.sep)
    };
    Some(TableRow {
        row,
        label,
        values,
        header,
    })
}

/// The target a table cell gives: a figure under a column of a row whose
/// label is its metric.
pub(super) fn target(ctx: &Ctx, tr: Option<&TableRow>, ri: usize, q: &QHit) -> Cell {
    let text = ctx.text;
    let Some(tr) = tr else {
        return Cell::Prose;
    };
    let (cs, values, header) = (&tr.row.cells, &tr.values, tr.header.as_ref());
    let tab = tr.row.sep == Sep::Tab;
    let inside = |c: &Span| c.start <= q.number.start && q.number.end <= c.end;
    let Some(col) = cs.iter().position(inside) else {
        return Cell::Prose;
    };
    // a unit written in brackets in a cell of its own (`(1000
    // yuan/person)`): the label of the row's figures, not a figure
    let bracketed = |c: &str| c.starts_with('(') && c.ends_with(')');
    if !tab && bracketed(text[cs[col]].trim()) {
        return Cell::Label;
    }
    let Some(j) = values.iter().position(|&i| i == col) else {
        // a figure in the label or a unit cell of a table row, or in a
        // line that only looks like one
        return if (tab && !q.rule.starts_with("table_cell")) || values.is_empty() {
            Cell::Prose
        } else {
            Cell::Label
        };
    };
    if tab && !q.rule.starts_with("table_cell") {
        return Cell::Prose;
    }
    // the row label; a change row (`同比变化(%)`) continues the row above
    let mut metric = label_span(text, tr.label);
    let mut growth = false;
    if ctx.rules.words.change_row.is_whole(text[metric].trim()) {
        if let Some(above) = label_above(ctx, ri) {
            metric = above;
            growth = true;
        }
    }
    if metric.is_empty() {
        return Cell::Label;
    }
    let cols = header.map_or(&[][..], |h| &h.columns[..]);
    let positional = header.is_some_and(|h| h.positional);
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
    // the column of the figure: its place under a tab header; else the
    // years in order for the figures in order, one year for all, and the
    // last year for the columns after it (`$ Change`, `% Change`)
    let place = if positional {
        col
    } else if years.len() <= 1 {
        0
    } else if values.len() < years.len() {
        years.len() - values.len() + j
    } else {
        j.min(years.len() - 1)
    };
    // a later column is a goal in a plan's table, under a goal column, or
    // past the document's own time
    let goals = |y: i32| {
        tab || header.is_some_and(|h| h.goals)
            || ctx.frame.plan_start.is_some()
            || ctx.reference_year.is_some_and(|now| y > now)
    };
    let (year, status) = match cols.get(place) {
        Some(Column::Year(y)) if Some((place, *y)) == base => (Some(*y), Status::Actual),
        Some(Column::Year(y)) if goals(*y) => (Some(*y), Status::Target),
        Some(Column::Year(y)) => (Some(*y), Status::Actual),
        Some(Column::PerYear) => (last.map(|(_, y)| y), Status::Target),
        _ if tab => (None, Status::Target),
        _ => (
            ctx.frame.report_year.or(ctx.frame.title_year),
            Status::Actual,
        ),
    };
    let baseline = match (status, base) {
        (Status::Target, Some((bcol, byear))) if bcol != place => {
            let cell = if positional {
                cs.get(bcol).copied()
            } else {
                values.get(bcol).map(|&i| cs[i])
            };
            cell.and_then(|c| {
                ctx.quantities_in(c)
                    .map(|(_, o)| o)
                    .find(|o| c.start <= o.number.start && o.number.end <= c.end)
            })
            .map(|o| Baseline {
                value: o.value,
                year: Some(byear),
                span: Some(ctx.doc.span_text(o.span)),
            })
        }
        _ => None,
    };
    let comparator = cell_bound(&text[cs[col]]);
    let metric_id = ctx
        .rules
        .metrics
        .find(&text[metric])
        .map(|f| ctx.rules.metrics.id(f.id).to_string())
        .map(|id| if growth { format!("{id}_growth") } else { id });
    Cell::Target(Box::new(ctx.record(
        q,
        Phrase::own(metric),
        metric_id,
        comparator,
        year,
        status,
        baseline,
    )))
}

/// The label of the nearest row above `ri` in the same table that is no
/// change row: what a change row (`同比变化(%)`) is the change of.
fn label_above(ctx: &Ctx, ri: usize) -> Option<Span> {
    let paras = &ctx.doc.segments.paragraphs;
    (ri.saturating_sub(HEADER_REACH)..ri).rev().find_map(|k| {
        let row = grid::row(ctx.text, paras[k])?;
        let label = label_span(ctx.text, label_cell(ctx.text, &row.cells));
        let t = ctx.text[label].trim();
        (!t.is_empty()
            && !ctx.rules.words.change_row.is_whole(t)
            && row.values(ctx.text).next().is_some())
        .then_some(label)
    })
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

    type Row<'a> = (&'a str, String, Option<i32>, crate::Status, Option<f64>);

    fn rows(text: &str) -> Vec<Row<'_>> {
        let out = Extractor::new().extract(text).unwrap();
        let spans: Vec<_> = out.targets.iter().map(|t| t.quantity.span.start).collect();
        out.targets
            .iter()
            .zip(spans)
            .map(|(t, at)| {
                (
                    &text[at..t.quantity.span.end],
                    t.metric.clone(),
                    t.year,
                    t.status,
                    t.baseline.as_ref().map(|b| b.value),
                )
            })
            .collect()
    }

    #[test]
    fn space_aligned_budget_table() {
        // figures under fiscal-year columns, then two change columns for
        // the last year; the request column is a goal
        let text = "FY23 FY24 FY25 Request $ Change % Change\nOcean Sciences $1.10B $1.20B $1.32B +$120M +10%\n";
        let got = rows(text);
        let years: Vec<(&str, Option<i32>, crate::Status)> =
            got.iter().map(|r| (r.0, r.2, r.3)).collect();
        assert_eq!(
            years,
            [
                ("$1.10B", Some(2023), Actual),
                ("$1.20B", Some(2024), Target),
                ("$1.32B", Some(2025), Target),
                ("$120M", Some(2025), Target),
                ("10%", Some(2025), Target),
            ]
        );
        assert!(got.iter().all(|r| r.1 == "Ocean Sciences"), "{got:?}");
    }

    #[test]
    fn statistics_table_columns_report() {
        // a yearbook's year columns, no goal column: every figure reports;
        // the unit in brackets after the label, the English gloss between
        let text = "指标     Item     2021 2022\n企业研发人员  (万人)   R&D personnel           12.50 13.20\n";
        let got = rows(text);
        assert_eq!(
            got,
            [
                (
                    "12.50",
                    "企业研发人员".to_string(),
                    Some(2021),
                    Actual,
                    None
                ),
                (
                    "13.20",
                    "企业研发人员".to_string(),
                    Some(2022),
                    Actual,
                    None
                ),
            ]
        );
    }

    #[test]
    fn bar_table_with_change_row_and_column_units() {
        let text = "序号 | 地区 | 2023年 | |\n营业收入(亿元) | 同比变化(%) | ||\n1 | 东区 | 120.5 | 3.2 |\n\n主要指标 | 2023年 |\n产值 | 亿元 | 88.8 |\n同比增长(%) | 4.5 |\n";
        let got = rows(text);
        let metrics: Vec<(&str, &str, Option<i32>)> =
            got.iter().map(|r| (r.0, r.1.as_str(), r.2)).collect();
        assert_eq!(
            metrics,
            [
                ("120.5", "东区", Some(2023)),
                ("3.2", "东区", Some(2023)),
                ("88.8", "产值", Some(2023)),
                ("4.5", "产值", Some(2023)),
            ]
        );
        let out = Extractor::new().extract(text).unwrap();
        let units: Vec<_> = out.quantities.iter().map(|q| (q.value, q.unit)).collect();
        use crate::Unit::*;
        assert_eq!(
            units,
            [
                (1.205e10, Currency),
                (3.2, Percent),
                (8.88e9, Currency),
                (4.5, Percent)
            ]
        );
    }

    #[test]
    fn unit_labels_in_a_row_are_no_targets() {
        let text = "项目     Item     2021 2022\n人均经费  (千元/人)   Funds per person  (1000 yuan/person)   48.00 52.10\n";
        let got = rows(text);
        assert_eq!(
            got.iter().map(|r| r.0).collect::<Vec<_>>(),
            ["48.00", "52.10"]
        );
        let out = Extractor::new().extract(text).unwrap();
        assert!(out.quantities.iter().any(|q| q.value == 48_000.0));
    }

    #[test]
    fn sub_rows_take_the_unit_of_the_row_above() {
        let text = "指标     Item     2021 2022\n科技人员  (万人)   S&T personnel   12.0 13.0\n 其中:女性   Female   5.0 5.5\n    博士   Doctors   1.0 1.2\n";
        let out = Extractor::new().extract(text).unwrap();
        let got: Vec<(&str, f64)> = out
            .quantities
            .iter()
            .map(|q| (q.span.text.as_str(), q.value))
            .collect();
        assert_eq!(
            got,
            [
                ("12.0", 120_000.0),
                ("13.0", 130_000.0),
                ("5.0", 50_000.0),
                ("5.5", 55_000.0),
                ("1.0", 10_000.0),
                ("1.2", 12_000.0),
            ]
        );
        let metrics: Vec<&str> = out.targets.iter().map(|t| t.metric.as_str()).collect();
        assert_eq!(metrics[2..4], ["其中:女性", "其中:女性"]);
    }
}
