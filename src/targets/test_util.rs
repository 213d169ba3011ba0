//! Helpers for the stage modules' tests: a target as a comparable row.

use crate::{Comparator, Extractor, Status};

pub(super) type Row = (
    String,
    String,
    Option<String>,
    Comparator,
    Option<i32>,
    Status,
);
pub(super) type Cell<'a> = (
    &'a str,
    Option<&'a str>,
    Comparator,
    Option<i32>,
    Status,
    Option<f64>,
);

pub(super) fn t(text: &str) -> Vec<Row> {
    Extractor::new()
        .extract(text)
        .unwrap()
        .targets
        .into_iter()
        .map(|t| {
            (
                t.quantity.span.text,
                t.metric,
                t.metric_id,
                t.comparator,
                t.year,
                t.status,
            )
        })
        .collect()
}

/// The metrics of a text's targets, in order.
pub(super) fn metrics(text: &str) -> Vec<String> {
    t(text).into_iter().map(|r| r.1).collect()
}

pub(super) fn row(
    q: &str,
    m: &str,
    id: Option<&str>,
    c: Comparator,
    y: Option<i32>,
    s: Status,
) -> Row {
    (q.into(), m.into(), id.map(Into::into), c, y, s)
}
