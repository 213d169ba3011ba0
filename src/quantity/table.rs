//! Indicator tables: cells that are bare numbers take the unit of their
//! row label (`研发经费占地区生产总值的比重（%）  2.11  2.6`).

use super::Hit;
use crate::exclusion::Excluded;
use crate::rules::Rules;
use crate::span::Span;
use crate::text::Document;

/// Indicator-table rows: cells that are bare numbers take the unit of the
/// row label, written at its end in brackets, or on a continuation line
/// that a page break pushed below the row.
pub(super) fn table_cells(doc: &Document, rules: &Rules, excluded: &Excluded, out: &mut Vec<Hit>) {
    let text = doc.norm.text();
    let mut pending: Option<Vec<Span>> = None;
    for para in &doc.segments.paragraphs {
        let row = &text[*para];
        if !row.contains('\t') {
            continue;
        }
        let cells = split_cells(text, *para);
        let first = &text[cells[0]];
        let is_index = !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit());
        if first.is_empty()
            || (!is_index && cells.iter().all(|c| numeric_cell(&text[*c]).is_none()))
        {
            // a continuation line with the unit (`\t(%)\t\t\t\t性`), or a
            // header repeated after a page break: the pending row waits
            if let Some(u) = cells.iter().find_map(|c| bracket_unit(&text[*c])) {
                if let Some(values) = pending.take() {
                    emit_cells(text, &values, u, rules, excluded, out);
                }
            }
            continue;
        }
        pending = None;
        let (label, values) = if is_index && cells.len() > 2 {
            (cells[1], &cells[2..])
        } else {
            (cells[0], &cells[1..])
        };
        let values: Vec<Span> = values.to_vec();
        match bracket_unit(&text[label]) {
            Some(u) => emit_cells(text, &values, u, rules, excluded, out),
            None => pending = Some(values),
        }
    }
}

/// The tab-separated cells of a table row.
pub(crate) fn split_cells(text: &str, para: Span) -> Vec<Span> {
    let mut cells = Vec::new();
    let mut start = para.start;
    for (o, c) in text[para].char_indices() {
        if c == '\t' {
            cells.push(Span::new(start, para.start + o));
            start = para.start + o + 1;
        }
    }
    cells.push(Span::new(start, para.end));
    cells
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

fn emit_cells(
    text: &str,
    cells: &[Span],
    unit_word: &str,
    rules: &Rules,
    excluded: &Excluded,
    out: &mut Vec<Hit>,
) {
    let Some((row, mult)) = rules.quantities.label_unit(&rules.numbers, unit_word) else {
        return;
    };
    for cell in cells {
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
            rule: format!("table_cell:{}", row.rule),
            more: false,
        });
    }
}
