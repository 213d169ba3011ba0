#![no_main]
//! `ExtractorBuilder::add_rules` with arbitrary table text: a typed error
//! naming a line of that text, or an extractor that works.

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use zhen_extract::rules::TABLES;
use zhen_extract::Extractor;

#[path = "check.rs"]
mod check;

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    table: u8,
    rows: &'a str,
    text: &'a str,
}

fuzz_target!(|input: Input<'_>| {
    let (name, _) = TABLES[input.table as usize % TABLES.len()];
    match Extractor::builder().add_rules(name, input.rows).build() {
        Ok(ex) => {
            if let Ok(out) = ex.extract(input.text) {
                check::extraction(input.text, &out);
            }
        }
        Err(e) => {
            assert_eq!(e.table, name);
            assert!(e.line <= input.rows.lines().count(), "{e}");
        }
    }
});
