//! The timeline of a metric across the seed corpus.

mod common;
use zhen_extract::{timeline, Comparator, Extraction, Extractor, Status, TimelineTable};

#[test]
fn rd_intensity_across_the_seed_corpus() {
    let ex = Extractor::new();
    let out: Vec<(&str, Extraction)> = common::SEEDS
        .iter()
        .map(|(d, t)| (*d, ex.extract(t).unwrap()))
        .collect();
    let lines = timeline(out.iter().map(|(d, e)| (*d, e)));
    let ids: Vec<&str> = lines.iter().map(|l| l.metric_id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "metrics in id order");

    let rd = lines
        .iter()
        .find(|l| l.metric_id == "rd_intensity")
        .expect("rd_intensity is tracked");
    let points: Vec<(Option<i32>, Status, Comparator, f64, &str)> = rd
        .points
        .iter()
        .map(|p| (p.year, p.status, p.comparator, p.value, p.doc.as_str()))
        .collect();
    // the history the issue names (its order is the years' order)
    let want = [
        (Some(2020), Status::Actual, Comparator::Eq, 2.11, "003"),
        (Some(2025), Status::Target, Comparator::Eq, 2.6, "003"),
        (Some(2025), Status::Target, Comparator::Gt, 2.73, "000"),
        (Some(2026), Status::Target, Comparator::Eq, 2.82, "002"),
    ];
    for w in want {
        assert!(points.contains(&w), "{w:?} not in {points:#?}");
    }
    // sorted by year, figures without a year last
    let years: Vec<(bool, Option<i32>)> = rd
        .points
        .iter()
        .map(|p| (p.year.is_none(), p.year))
        .collect();
    let mut by_year = years.clone();
    by_year.sort();
    assert_eq!(years, by_year);
    // a repeated figure is one point
    let actual_2020 = rd
        .points
        .iter()
        .filter(|p| p.year == Some(2020) && p.doc == "003")
        .count();
    assert_eq!(actual_2020, 1);

    let table = TimelineTable(&lines).to_string();
    assert!(
        table.contains("rd_intensity\n  2020  actual  = 2.11%"),
        "{table}"
    );
}
