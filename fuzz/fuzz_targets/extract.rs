#![no_main]
//! `Extractor::extract` on arbitrary UTF-8.

use libfuzzer_sys::fuzz_target;
use zhen_extract::Extractor;

#[path = "check.rs"]
mod check;

fuzz_target!(|text: &str| {
    if let Ok(ex) = Extractor::new().extract(text) {
        check::extraction(text, &ex);
    }
});
