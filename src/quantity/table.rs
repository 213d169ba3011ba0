//! Indicator tables: cells that are bare numbers take the unit of their
//! row label (`研发经费占地区生产总值的比重（%）  2.11  2.6`).

use super::Hit;
use crate::exclusion::Excluded;
use crate::rules::Rules;
use crate::span::Span;
use crate::text::{grid, Document};

/// Indicator-table rows (tab, `|` or space-aligned, [`grid`]): cells that
/// are bare numbers take the unit of the row: written at the end of its
/// label in brackets, in a cell of its own (`产值 | 亿元 | 10205.20`), in
/// brackets elsewhere in the row (`人均固定资产原价  (千元/人)  848.00`),
/// on a continuation line that a page break or a long label pushed below
/// the row, or else in the header over each column (`产值(亿元) |
/// 同比变化(%)`).
pub(super) fn table_cells(doc: &Document, rules: &Rules, excluded: &Excluded, out: &mut Vec<Hit>) {
    let text = doc.norm.text();
    let mut pending: Option<Vec<Span>> = None;
    // the units a header gives its columns, while the table lasts
    let mut columns: Vec<&str> = Vec::new();
    // the unit of the last row that has one, and that row's indent: the
    // unit of the sub-rows under it (`其中:高级职称`, indented rows)
    let mut parent: Option<(&str, usize)> = None;
    for para in &doc.segments.paragraphs {
        let Some(row) = grid::row(text, *para) else {
            columns.clear();
            parent = None;
            continue;
        };
        let indent = para.start - text[..para.start].rfind('\n').map_or(0, |i| i + 1);
        let cells = &row.cells;
        let first = &text[cells[0]];
        let is_index = !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit());
        let label = if is_index && cells.len() > 2 { 1 } else { 0 };
        let numbers: Vec<Span> = cells[label + 1..]
            .iter()
            .copied()
            .filter(|c| numeric_cell(&text[*c]).is_some())
            .collect();
        let header = numbers
            .iter()
            .all(|c| grid::header_year(&text[*c]).is_some());
        if first.is_empty() || (!is_index && header) || numbers.is_empty() {
            // a continuation line with the unit (`\t(%)\t\t\t\t性`), a
            // header (perhaps with the units of its columns), or a header
            // repeated after a page break: the pending row waits
            let units: Vec<&str> = cells
                .iter()
                .filter_map(|c| bracket_unit(&text[*c]))
                .collect();
            if let Some(u) = units.first() {
                if let Some(values) = pending.take() {
                    emit_cells(text, &values, &[u], rules, excluded, out);
                }
            }
            if units.len() >= 2 {
                columns = units;
            }
            continue;
        }
        pending = None;
        let values = &cells[label + 1..];
        // the row's own unit: its label's, a unit cell's, or one in
        // brackets in another cell
        let own = bracket_unit(&text[cells[label]]).or_else(|| {
            values
                .iter()
                .filter(|c| numeric_cell(&text[**c]).is_none())
                .find_map(|c| {
                    let t = &text[*c];
                    bracket_unit(t).or_else(|| {
                        rules
                            .quantities
                            .label_unit(&rules.numbers, t)
                            .is_some()
                            .then_some(t)
                    })
                })
        });
        let label_text = &text[cells[label]];
        let sub_row = rules.targets.words.sub_row.prefix_of(label_text).is_some();
        let inherited = parent
            .filter(|(_, at)| sub_row || indent > *at)
            .map(|(u, _)| u);
        match own {
            Some(u) => {
                parent = Some((u, indent));
                emit_cells(text, values, &[u], rules, excluded, out)
            }
            None if inherited.is_some() => emit_cells(
                text,
                values,
                &[inherited.unwrap_or_default()],
                rules,
                excluded,
                out,
            ),
            None if columns.len() == numbers.len() => {
                emit_cells(text, &numbers, &columns, rules, excluded, out)
            }
            None => pending = Some(values.to_vec()),
        }
    }
}

/// The bracketed unit at the end of a label: `比重(%)` → `%`.
fn bracket_unit(label: &str) -> Option<&str> {
    let l = label.trim_end();
    let inner = l.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let u = inner[open + 1..].trim();
    (!u.is_empty() && u.chars().count() <= 6).then_some(u)
}

/// The number in a cell that is a bare number, perhaps after a bound
/// (`> 10`) or a sign (`-3.5`): its offset in the cell.
fn numeric_cell(cell: &str) -> Option<usize> {
    let t = cell.trim();
    let body = t.trim_start_matches(['>', '<', '≥', '≤', '~', '约', ' ']);
    let digits = body.strip_prefix(['-', '−']).unwrap_or(body);
    let ok = !digits.is_empty()
        && digits.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
    ok.then(|| cell.len() - cell.trim_start().len() + (t.len() - body.len()))
}

/// The figures of `cells` with their units: one unit for every cell, or
/// one per cell.
fn emit_cells(
    text: &str,
    cells: &[Span],
    units: &[&str],
    rules: &Rules,
    excluded: &Excluded,
    out: &mut Vec<Hit>,
) {
    for (k, cell) in cells.iter().enumerate() {
        let Some(unit_word) = units.get(k).or(units.first()) else {
            return;
        };
        // a rate's numerator (`千元/人`, `件/万人`) is the unit of its figure
        let unit_word = unit_word.split('/').next().unwrap_or(unit_word);
        let Some((row, mult)) = rules.quantities.label_unit(&rules.numbers, unit_word) else {
            continue;
        };
        let Some(off) = numeric_cell(&text[*cell]) else {
            continue;
        };
        let at = cell.start + off;
        let Some(m) = rules.numbers.scan(text, at, cell.end) else {
            continue;
        };
        if m.end != cell.end && !text[m.end..cell.end].trim().is_empty() {
            continue;
        }
        let number = Span::new(m.start, m.end);
        if excluded.overlapping(number, &rules.exclusions).is_some() {
            continue;
        }
        let Some(value) = crate::number::scaled(m.value, mult * row.scale) else {
            continue;
        };
        out.push(Hit {
            span: number,
            number,
            value,
            unit: row.unit,
            currency: row.currency.clone(),
            classifier: row.classifier.clone(),
            rule: format!("table_cell:{}", row.rule).into(),
            more: false,
        });
    }
}
