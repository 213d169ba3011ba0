//! Targets: the examples of the metric and target-word tables.

mod common;
use common::table;
use zhen_extract::{Comparator, Extractor, Status};

fn is_english(s: &str) -> bool {
    s.is_ascii()
}

#[test]
fn every_metric_example_gets_its_id() {
    let ex = Extractor::new();
    let t = table("metrics");
    let mut checked = 0;
    for row in t.rows() {
        let id = t.get(row, "metric_id");
        for example in t.list(row, "examples") {
            let text = if is_english(example) {
                format!("By 2025, the {example} will reach 10%.")
            } else {
                format!("到2025年，{example}达到10%。")
            };
            let got = ex.extract(&text).unwrap();
            let ids: Vec<Option<&str>> =
                got.targets.iter().map(|t| t.metric_id.as_deref()).collect();
            assert!(
                ids.contains(&Some(id)),
                "line {}: `{text}` gave {ids:?}",
                row.line
            );
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} metric examples");
}

#[test]
fn every_target_word_example_shows_its_role() {
    let ex = Extractor::new();
    let t = table("target_words");
    let mut checked = 0;
    for row in t.rows() {
        let role = t.get(row, "role");
        for example in t.list(row, "examples") {
            // `\n` in an example stands for a line break
            let example = &example.replace("\\n", "\n");
            let got = ex.extract(example).unwrap();
            let first = got.targets.first();
            let (side, cmp) = role.rsplit_once('_').unwrap_or((role, ""));
            let comparator = Comparator::from_name(side)
                .filter(|_| matches!(cmp, "before" | "after" | "anywhere"));
            if let Some(want) = comparator {
                let first = first
                    .unwrap_or_else(|| panic!("line {}: `{example}` gave no target", row.line));
                assert_eq!(first.comparator, want, "line {}: {example}", row.line);
            } else if role == "target"
                || role == "target_word"
                || role == "actual"
                || role == "target_year"
                || role == "actual_year"
                || role == "heading_target"
                || role == "heading_actual"
            {
                let want = if role.starts_with("target") || role == "heading_target" {
                    Status::Target
                } else {
                    Status::Actual
                };
                let first = first
                    .unwrap_or_else(|| panic!("line {}: `{example}` gave no target", row.line));
                assert_eq!(first.status, want, "line {}: {example}", row.line);
            } else if role == "target_column" || role == "change_row" {
                // a table: its last figure is under the goal column, or in
                // the change row, whose metric is the row above's label
                let last = got
                    .targets
                    .last()
                    .unwrap_or_else(|| panic!("line {}: `{example}` gave no target", row.line));
                if role == "target_column" {
                    assert_eq!(last.status, Status::Target, "line {}: {example}", row.line);
                } else {
                    let above = got.targets[..got.targets.len() - 1]
                        .last()
                        .unwrap_or_else(|| panic!("line {}: one target only", row.line));
                    assert_eq!(last.metric, above.metric, "line {}: {example}", row.line);
                }
            } else if role == "allocation" || role == "purpose" {
                // money set aside measures its purpose, written after it
                let first = first
                    .unwrap_or_else(|| panic!("line {}: `{example}` gave no target", row.line));
                assert!(
                    first.metric_span.start >= first.quantity.span.end,
                    "line {}: `{example}`: metric {:?} is not after the figure",
                    row.line,
                    first.metric
                );
            } else if role == "caption" {
                // the caption's year dates no figure below it
                let last = got
                    .targets
                    .last()
                    .unwrap_or_else(|| panic!("line {}: `{example}` gave no target", row.line));
                assert_eq!(last.year, None, "line {}: {example}", row.line);
            } else if role == "not_metric" || role == "summary_counter" {
                assert!(
                    got.targets.is_empty(),
                    "line {}: `{example}` gave {:?}",
                    row.line,
                    got.targets
                );
            } else {
                assert!(
                    first.is_some(),
                    "line {}: `{example}` gave no target",
                    row.line
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} target-word examples");
}
