//! Table rows in plain text: a line cut into cells by tabs, by `|` bars
//! (a web table copied as text), or by spaces (a table laid out for a
//! fixed-width font, `NSF Total $8.84B $9.90B +14%`), where the figures at
//! the end of the line are cells of their own and runs of two or more
//! spaces part the cells before them.
//!
//! The quantity step reads the units of bare cells from a row and its
//! header; the target step reads each figure's metric (the row label) and
//! year (its column) from the same cells.

use crate::span::Span;

/// What parts the cells of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    Tab,
    Bar,
    Space,
}

/// A line read as a table row.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub sep: Sep,
    /// The cells in order. A tab row keeps its empty cells, whose places
    /// are its columns; other rows keep their non-empty cells, trimmed.
    pub cells: Vec<Span>,
}

impl Row {
    /// The cells that hold a figure or stand for one (`——`), with their
    /// indices, in order.
    pub(crate) fn values<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, Span)> + 't {
        self.cells
            .iter()
            .enumerate()
            .filter(move |(_, c)| is_value(&text[**c]))
            .map(|(i, c)| (i, *c))
    }
}

/// The longest label of a row whose cells are parted by single spaces, in
/// characters.
const LABEL_CHARS: usize = 60;

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// The line `para` read as a table row: a tab row, a row of `|` bars (two
/// or more), or a space-aligned row: two or more figures at its end, or
/// cells parted by runs of two or more spaces.
pub(crate) fn row(text: &str, para: Span) -> Option<Row> {
    let line = &text[para];
    if line.contains('\t') {
        return Some(Row {
            sep: Sep::Tab,
            cells: split_on(para, line, '\t'),
        });
    }
    if line.matches('|').count() >= 2 {
        let cells: Vec<Span> = split_on(para, line, '|')
            .into_iter()
            .map(|c| trim(text, c))
            .filter(|c| !c.is_empty())
            .collect();
        return (cells.len() >= 2).then_some(Row {
            sep: Sep::Bar,
            cells,
        });
    }
    // the figures at the end of the line, each a cell (read from its end:
    // a line of prose stops at its last word)
    let mut figures = Vec::new();
    let mut label_end = para.end;
    while let Some(w) = last_word(text, Span::new(para.start, label_end)) {
        if !is_value(&text[w]) {
            break;
        }
        figures.push(w);
        label_end = w.start;
    }
    figures.reverse();
    let label = Span::new(para.start, label_end);
    // (a row of single spaces has a short label: a longer line is prose)
    let short = text[label].chars().nth(LABEL_CHARS).is_none();
    let figure_row = figures.len() >= 2 && short;
    if !figure_row && !has_space_run(&text[label]) {
        // no two cells in the label and no figures to make a row
        return None;
    }
    let mut cells = spaced_cells(text, label);
    let labels = cells.len();
    cells.extend_from_slice(&figures);
    (labels >= 2 || figure_row).then_some(Row {
        sep: Sep::Space,
        cells,
    })
}

/// The pieces of `line` (at `para`) between `sep` characters, empty ones
/// included.
fn split_on(para: Span, line: &str, sep: char) -> Vec<Span> {
    let mut cells = Vec::new();
    let mut start = para.start;
    for (o, c) in line.char_indices() {
        if c == sep {
            cells.push(Span::new(start, para.start + o));
            start = para.start + o + c.len_utf8();
        }
    }
    cells.push(Span::new(start, para.end));
    cells
}

/// `span` without the spaces at its ends.
fn trim(text: &str, span: Span) -> Span {
    let s = &text[span];
    let t = s.trim_start_matches(is_space);
    let start = span.start + (s.len() - t.len());
    Span::new(start, start + t.trim_end_matches(is_space).len())
}

/// The words of a line: its runs of non-space characters.
fn words(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (o, c) in text[para].char_indices() {
        let at = para.start + o;
        match (is_space(c), start) {
            (true, Some(s)) => {
                out.push(Span::new(s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, para.end));
    }
    out
}

/// The last word of `span`: its last run of non-space characters.
fn last_word(text: &str, span: Span) -> Option<Span> {
    let t = text[span].trim_end_matches(is_space);
    if t.is_empty() {
        return None;
    }
    let start = t
        .char_indices()
        .rev()
        .find(|(_, c)| is_space(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(Span::new(span.start + start, span.start + t.len()))
}

/// Whether `s` holds a run of two or more spaces (what parts the cells of
/// a space-aligned row).
fn has_space_run(s: &str) -> bool {
    if s.contains('\u{3000}') {
        let mut prev = false;
        s.chars().any(|c| {
            let run = prev && is_space(c);
            prev = is_space(c);
            run
        })
    } else {
        s.contains("  ")
    }
}

/// The cells of `span` parted by runs of two or more spaces.
fn spaced_cells(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    let mut run = 0;
    for (o, c) in text[span].char_indices() {
        let at = span.start + o;
        if is_space(c) {
            run += 1;
            continue;
        }
        if run >= 2 {
            out.push(trim(text, Span::new(start, at)));
            start = at;
        }
        run = 0;
    }
    out.push(trim(text, Span::new(start, span.end)));
    out.retain(|c| !c.is_empty());
    out
}

/// True for a cell that is a figure (`848.00`, `$8.84B`, `+$1.40B`,
/// `+14%`, `> 10`, `-1.49`) or stands for a missing one (`——`, `-`).
pub(crate) fn is_value(cell: &str) -> bool {
    let t = cell.trim();
    if !t.is_empty() && t.chars().all(|c| matches!(c, '—' | '–' | '-' | '…' | '―')) {
        return true;
    }
    let t = t.trim_start_matches(['>', '<', '≥', '≤', '~', '约', '+', '-', '−', '±', ' ']);
    // a currency sign or code glued before the digits (`$`, `S$`, `US$`,
    // `£`, `€`, `¥`)
    let t = match t.find(|c: char| c.is_ascii_digit()) {
        Some(i) if i <= 3 => {
            let sign = &t[..i];
            if sign.is_empty()
                || sign.ends_with(['$', '£', '€', '¥'])
                    && sign[..sign.len() - sign.chars().next_back().map_or(0, char::len_utf8)]
                        .bytes()
                        .all(|b| b.is_ascii_uppercase())
            {
                &t[i..]
            } else {
                return false;
            }
        }
        _ => return false,
    };
    let digits = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    let number = &t[..t.len() - digits.len()];
    // (a figure ends in a digit: `16,` and `2024.` end a phrase)
    if !number.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    matches!(
        digits,
        "" | "%" | "B" | "M" | "K" | "k" | "bn" | "m" | "b" | "T" | "tn"
    )
}

/// The year a header cell names: `2025 年`, `2020`, `FY22`, `FY2024`,
/// `2014年上半年`.
pub(crate) fn header_year(cell: &str) -> Option<i32> {
    let t = cell.trim();
    if let Some(rest) = t.strip_prefix("FY").or_else(|| t.strip_prefix("fy")) {
        let d: String = rest.chars().take_while(char::is_ascii_digit).collect();
        return match d.len() {
            2 => d.parse::<i32>().ok().map(|y| 2000 + y),
            4 => d.parse().ok().filter(|y| (1900..2100).contains(y)),
            _ => None,
        };
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The years a header line names, in order: one per word for a
/// space-aligned header (`FY22 FY23 FY24 PBR`), one per cell otherwise.
pub(crate) fn line_years(text: &str, para: Span) -> Vec<i32> {
    words(text, para)
        .iter()
        .filter_map(|w| header_year(&text[*w]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(line: &str) -> Option<(Sep, Vec<&str>)> {
        row(line, Span::new(0, line.len()))
            .map(|r| (r.sep, r.cells.iter().map(|c| &line[*c]).collect()))
    }

    #[test]
    fn tab_rows_keep_their_empty_cells() {
        assert_eq!(
            cells("1\t研发投入(%)\t\t2.6"),
            Some((Sep::Tab, vec!["1", "研发投入(%)", "", "2.6"]))
        );
    }

    #[test]
    fn bar_rows_drop_empty_cells() {
        assert_eq!(
            cells("1 | 杭州市 | 2155.35 | 6.14 |"),
            Some((Sep::Bar, vec!["1", "杭州市", "2155.35", "6.14"]))
        );
        assert_eq!(
            cells("| 全省 | 10205.20 | 6.15 |"),
            Some((Sep::Bar, vec!["全省", "10205.20", "6.15"]))
        );
        assert_eq!(cells("a | b"), None);
    }

    #[test]
    fn space_rows_end_in_figures() {
        assert_eq!(
            cells("NSF Total $8.84B $9.90B $11.30B +$1.40B +14%"),
            Some((
                Sep::Space,
                vec![
                    "NSF Total",
                    "$8.84B",
                    "$9.90B",
                    "$11.30B",
                    "+$1.40B",
                    "+14%"
                ]
            ))
        );
        assert_eq!(
            cells("科研机构人均固定资产原价  (千元/人)   Per Capita Value           848.00 936.87"),
            Some((
                Sep::Space,
                vec![
                    "科研机构人均固定资产原价",
                    "(千元/人)",
                    "Per Capita Value",
                    "848.00",
                    "936.87"
                ]
            ))
        );
        // prose is no row: one figure at the end, no wide gaps
        assert_eq!(cells("The budget rose to $9.90B in 2023"), None);
        assert_eq!(cells("It grew by 14%"), None);
        assert_eq!(cells("a conference held on January 16, 2024."), None);
        assert_eq!(
            cells(
                "a long sentence of prose that runs on and on past any table label, ending 12 14"
            ),
            None
        );
    }

    #[test]
    fn values_and_placeholders() {
        for v in [
            "848.00", "$8.84B", "+$1.40B", "+14%", "> 10", "-1.49", "——", "S$10", "1,234", "5bn",
        ] {
            assert!(is_value(v), "{v}");
        }
        for v in [
            "FY22", "Change", "2.6万", "(%)", "$", "US$X", "12th", "16,", "2024.",
        ] {
            assert!(!is_value(v), "{v}");
        }
    }

    #[test]
    fn header_years() {
        assert_eq!(header_year("FY22"), Some(2022));
        assert_eq!(header_year("FY2024"), Some(2024));
        assert_eq!(header_year("2025 年"), Some(2025));
        assert_eq!(header_year("2014年上半年"), Some(2014));
        assert_eq!(header_year("PBR"), None);
        let h = "FY22 FY23 FY24 PBR $ Change % Change";
        assert_eq!(line_years(h, Span::new(0, h.len())), [2022, 2023, 2024]);
    }
}
