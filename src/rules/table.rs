//! The text format shared by every rule table.
//!
//! A table is tab-separated text. The first line that is neither blank nor
//! a `#` comment names the columns; every later such line is a row. A cell
//! may be empty, but a row has exactly one cell per column: a row with a
//! cell too many or too few is an error naming its line (a row that means
//! to leave trailing cells empty ends in tabs). Cells that hold lists
//! separate their items with `|`. Rows keep their line numbers so that
//! errors, and records explaining themselves, can point back at them.

use crate::error::RuleError;

/// One row of a rule table.
#[derive(Clone, Debug)]
pub struct Row {
    /// 1-based line number in the table text.
    pub line: usize,
    cells: Vec<String>,
}

/// A parsed rule table: a header and rows.
#[derive(Clone, Debug)]
pub struct Table {
    name: String,
    columns: Vec<String>,
    rows: Vec<Row>,
}

impl Table {
    /// Parses table text. `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<Table, RuleError> {
        let mut columns: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let trimmed = raw.trim_end_matches('\r');
            if trimmed.trim().is_empty() || trimmed.trim_start().starts_with('#') {
                continue;
            }
            let cells: Vec<String> = trimmed.split('\t').map(|c| c.trim().to_string()).collect();
            match &columns {
                None => {
                    if cells.iter().any(|c| c.is_empty()) {
                        return Err(RuleError::new(name, line, "empty column name in header"));
                    }
                    columns = Some(cells);
                }
                Some(cols) => {
                    if cells.len() != cols.len() {
                        return Err(RuleError::new(
                            name,
                            line,
                            format!(
                                "{} cells, but the header names {} columns ({}){}",
                                cells.len(),
                                cols.len(),
                                cols.join(", "),
                                if cells.len() < cols.len() {
                                    "; end the row in tabs to leave cells empty"
                                } else {
                                    ""
                                }
                            ),
                        ));
                    }
                    rows.push(Row { line, cells });
                }
            }
        }
        let columns = columns.ok_or_else(|| RuleError::new(name, 1, "no header line"))?;
        Ok(Table {
            name: name.to_string(),
            columns,
            rows,
        })
    }

    /// Parses extra rows written under this table's header (or under a
    /// header of their own naming some of the same columns, in any order)
    /// and appends them.
    pub fn extend_from(&mut self, text: &str) -> Result<(), RuleError> {
        let header: Option<Vec<&str>> = text
            .lines()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>())
            .filter(|cells| {
                cells.first().copied() == self.columns.first().map(String::as_str)
                    && cells.iter().all(|c| self.columns.iter().any(|k| k == c))
            });
        let Some(header) = header else {
            // the rows under this table's own header, one line above them:
            // every line number, in rows and in errors, is one too high
            let extra = Table::parse(
                &self.name,
                &format!("{}\n{}", self.columns.join("\t"), text),
            )
            .map_err(|mut e| {
                e.line = e.line.saturating_sub(1);
                e
            })?;
            self.rows.extend(extra.rows.into_iter().map(|mut r| {
                r.line -= 1;
                r
            }));
            return Ok(());
        };
        let extra = Table::parse(&self.name, text)?;
        let at: Vec<usize> = header
            .iter()
            .map(|c| {
                self.columns
                    .iter()
                    .position(|k| k == c)
                    .expect("known column")
            })
            .collect();
        for row in extra.rows {
            let mut cells = vec![String::new(); self.columns.len()];
            for (cell, &i) in row.cells.into_iter().zip(&at) {
                cells[i] = cell;
            }
            self.rows.push(Row {
                line: row.line,
                cells,
            });
        }
        Ok(())
    }

    /// The table's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The rows in file order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Index of a column; an error naming the table if it is missing.
    pub fn column(&self, col: &str) -> Result<usize, RuleError> {
        self.columns
            .iter()
            .position(|c| c == col)
            .ok_or_else(|| RuleError::new(&self.name, 1, format!("missing column `{col}`")))
    }

    /// The cell of `row` in column `col` ("" where the row leaves it out).
    pub fn get<'a>(&self, row: &'a Row, col: &str) -> &'a str {
        match self.columns.iter().position(|c| c == col) {
            Some(i) => row.cells.get(i).map(String::as_str).unwrap_or(""),
            None => "",
        }
    }

    /// The `|`-separated items of a cell, trimmed, empty items dropped.
    pub fn list<'a>(&self, row: &'a Row, col: &str) -> Vec<&'a str> {
        split_list(self.get(row, col))
    }

    /// A typed error for `row`.
    pub fn error(&self, row: &Row, message: impl Into<String>) -> RuleError {
        RuleError::new(&self.name, row.line, message)
    }

    /// A required, non-empty cell.
    pub fn required<'a>(&self, row: &'a Row, col: &str) -> Result<&'a str, RuleError> {
        let v = self.get(row, col);
        if v.is_empty() {
            Err(self.error(row, format!("column `{col}` is empty")))
        } else {
            Ok(v)
        }
    }

    /// A numeric cell, or `default` where it is empty.
    pub fn number(&self, row: &Row, col: &str, default: f64) -> Result<f64, RuleError> {
        let v = self.get(row, col);
        if v.is_empty() {
            return Ok(default);
        }
        v.parse::<f64>()
            .map_err(|_| self.error(row, format!("column `{col}`: `{v}` is not a number")))
    }
}

/// Splits a `|`-separated list cell.
pub fn split_list(cell: &str) -> Vec<&str> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_header_rows_and_comments() {
        let t = Table::parse("t", "# comment\nword\tkind\n\n万\tmagnitude\n亿\t\n").unwrap();
        assert_eq!(t.rows().len(), 2);
        assert_eq!(t.get(&t.rows()[0], "kind"), "magnitude");
        assert_eq!(t.get(&t.rows()[1], "kind"), "");
        assert_eq!(t.rows()[1].line, 5);
    }

    #[test]
    fn too_many_cells_names_the_line() {
        let e = Table::parse("units", "a\tb\nx\ty\tz\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.table, "units");
        assert!(e.to_string().contains("line 2"));
    }

    #[test]
    fn too_few_cells_names_the_line() {
        let e = Table::parse("units", "a\tb\tc\nx\ty\n").unwrap_err();
        assert_eq!((e.table.as_str(), e.line), ("units", 2));
        assert!(e.message.contains("2 cells"), "{e}");
        // trailing tabs leave cells empty
        assert!(Table::parse("units", "a\tb\tc\nx\t\t\n").is_ok());
    }

    #[test]
    fn errors_in_added_rows_name_the_added_line() {
        let mut t = Table::parse("t", "a\tb\n1\t2\n").unwrap();
        // the headerless text's own lines: the bad row is its line 3
        let e = t.extend_from("3\t4\n# note\n5\t6\t7\n").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let e = t.extend_from("\n8\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        // under a header of its own the lines count from that header
        let e = t.extend_from("a\tb\n1\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
    }

    #[test]
    fn extends_with_or_without_header() {
        let mut t = Table::parse("t", "a\tb\n1\t2\n").unwrap();
        t.extend_from("3\t4\n").unwrap();
        t.extend_from("a\tb\n5\t6\n").unwrap();
        assert_eq!(t.rows().len(), 3);
        assert_eq!(t.get(&t.rows()[2], "b"), "6");
        assert!(t.extend_from("1\t2\t3\n").is_err());
        // a header of its own may leave columns out
        let mut t = Table::parse("t", "a\tb\tc\n1\t2\t3\n").unwrap();
        t.extend_from("a\tc\n4\t6\n").unwrap();
        assert_eq!(t.get(&t.rows()[1], "c"), "6");
        assert_eq!(t.get(&t.rows()[1], "b"), "");
    }
}
