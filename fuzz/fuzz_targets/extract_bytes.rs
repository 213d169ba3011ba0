#![no_main]
//! `Extractor::extract_bytes` on arbitrary bytes: a typed error or an
//! extraction of the bytes as UTF-8.

use libfuzzer_sys::fuzz_target;
use zhen_extract::{Extractor, InputError};

#[path = "check.rs"]
mod check;

fuzz_target!(|bytes: &[u8]| {
    match Extractor::new().extract_bytes(bytes) {
        Ok(ex) => check::extraction(std::str::from_utf8(bytes).expect("accepted as UTF-8"), &ex),
        Err(InputError::NotUtf8 { offset }) => {
            assert!(offset <= bytes.len());
            assert!(std::str::from_utf8(&bytes[..offset]).is_ok());
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
