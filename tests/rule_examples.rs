//! Every example written in a rule table must be read the way its row
//! says (rustling-style: examples are the tests of the rules).

mod common;
use common::table;
use zhen_extract::{parse_number, Extractor, Unit, YearKind};

#[test]
fn every_unit_example_is_read_by_its_row() {
    let ex = Extractor::new();
    let t = table("units");
    let mut checked = 0;
    for row in t.rows() {
        let unit = Unit::from_name(t.get(row, "unit")).expect("known unit");
        for example in t.list(row, "examples") {
            let out = ex
                .extract(example)
                .unwrap_or_else(|e| panic!("{example}: {e}"));
            let rule = format!("units:{}", t.get(row, "word").to_lowercase());
            let hit = out.quantities.iter().find(|q| q.rule == rule);
            let q = hit.unwrap_or_else(|| {
                panic!(
                    "line {}: `{example}` not read by its row: {:?}",
                    row.line, out.quantities
                )
            });
            assert_eq!(q.unit, unit, "line {}: {example}", row.line);
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} unit examples");
}

#[test]
fn every_numeral_example_parses() {
    let ex = Extractor::new();
    let t = table("numerals");
    let mut failures = Vec::new();
    for row in t.rows() {
        for example in t.list(row, "examples") {
            let ok = if t.get(row, "role") == "money_suffix" {
                // a money suffix scales an amount after a currency
                let out = ex.extract(example).unwrap();
                out.quantities.len() == 1 && out.quantities[0].value >= 1e3
            } else if t.get(row, "role") == "magnitude_lead" {
                // a numeral of magnitudes alone after the lead is a number
                let out = ex.extract(example).unwrap();
                out.quantities.len() == 1
                    && out.quantities[0].value >= 100.0
                    && !out.quantities[0]
                        .span
                        .text
                        .chars()
                        .any(|c| "一二两三四五六七八九".contains(c))
            } else {
                parse_number(example).is_some()
            };
            if !ok {
                failures.push(format!("line {}: `{example}`", row.line));
            }
        }
    }
    assert!(failures.is_empty(), "do not parse: {failures:#?}");
}

#[test]
fn every_plan_example_is_a_plan_period() {
    let ex = Extractor::new();
    let t = table("plans");
    for row in t.rows() {
        for example in t.list(row, "examples") {
            let out = ex.extract(example).unwrap();
            assert!(
                out.years.iter().any(|y| y.kind == YearKind::PlanPeriod),
                "line {}: `{example}` gives {:?}",
                row.line,
                out.years
            );
        }
    }
}

#[test]
fn every_relative_year_example_resolves() {
    let ex = Extractor::builder().reference_year(2026).build().unwrap();
    let t = table("years");
    for row in t.rows() {
        let offset: i32 = t.get(row, "offset").parse().unwrap();
        for example in t.list(row, "examples") {
            let out = ex.extract(example).unwrap();
            assert_eq!(
                out.years.len(),
                1,
                "line {}: `{example}` gives {:?}",
                row.line,
                out.years
            );
            assert_eq!(
                out.years[0].start_year,
                2026 + offset,
                "line {}: {example}",
                row.line
            );
        }
    }
}

#[test]
fn every_number_word_example_behaves() {
    let ex = Extractor::new();
    let t = table("number_words");
    for row in t.rows() {
        let role = t.get(row, "role");
        for example in t.list(row, "examples") {
            let out = ex.extract(example).unwrap();
            match role {
                // a lead word makes the bare number after it a count
                "lead" => assert!(
                    out.quantities
                        .iter()
                        .any(|q| q.unit == Unit::Count && q.classifier.is_empty()),
                    "line {}: `{example}` gives {:?}",
                    row.line,
                    out.quantities
                ),
                // the word after a number is not what the number counts
                _ => assert!(
                    out.quantities
                        .iter()
                        .all(|q| !q.classifier.eq_ignore_ascii_case(t.get(row, "word"))),
                    "line {}: `{example}` gives {:?}",
                    row.line,
                    out.quantities
                ),
            }
        }
    }
}

#[test]
fn every_currency_example_is_that_currency() {
    let ex = Extractor::new();
    let t = table("currencies");
    let mut failures = Vec::new();
    for row in t.rows() {
        let code = t.get(row, "code");
        for example in t.list(row, "examples") {
            let out = ex.extract(example).unwrap();
            let ok = out.quantities.len() == 1
                && out.quantities[0].unit == Unit::Currency
                && out.quantities[0].span.text == example;
            // a hand row of `units` may name the symbol for another
            // currency (¥ is CNY there); the unit is what counts
            if !ok {
                failures.push(format!("{code}: `{example}` gives {:?}", out.quantities));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn chrome_examples_give_no_quantities() {
    let ex = Extractor::builder().all_numbers(true).build().unwrap();
    let t = table("chrome");
    for row in t.rows() {
        if t.get(row, "scope") == "sequence" {
            continue;
        }
        for example in t.list(row, "examples") {
            let out = ex.extract(example).unwrap();
            assert!(
                out.quantities.is_empty(),
                "line {}: `{example}` gives {:?}",
                row.line,
                out.quantities
            );
        }
    }
}

#[test]
fn every_era_example_is_a_year_of_its_count() {
    let ex = Extractor::new();
    let t = table("eras");
    // traditional-only rows need a document written in traditional script
    let context = "國科會與經濟部發布統計報告，臺灣研發經費持續成長，產業創新動能強勁。";
    let mut checked = 0;
    for row in t.rows() {
        let offset: i32 = t.get(row, "offset").parse().unwrap();
        for example in t.list(row, "examples") {
            let text = format!("{context}{example}");
            let out = ex.extract(&text).unwrap();
            let y = out
                .years
                .iter()
                .find(|y| y.span.start >= context.len())
                .unwrap_or_else(|| panic!("line {}: `{example}` gives no year", row.line));
            let digits: String = example
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect();
            assert_eq!(
                y.start_year,
                digits.parse::<i32>().unwrap() + offset,
                "line {}: {example}",
                row.line
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "{checked}");
}
