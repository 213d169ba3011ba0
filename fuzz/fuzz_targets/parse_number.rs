#![no_main]
//! `parse_number` and `read_number`: never a panic, never a non-finite
//! value, and the two agree.

use libfuzzer_sys::fuzz_target;
use zhen_extract::number::read_number;
use zhen_extract::parse_number;

fuzz_target!(|s: &str| {
    let p = parse_number(s);
    if let Some(v) = p {
        assert!(v.is_finite(), "{s:?} -> {v}");
    }
    if let Ok(v) = read_number(s) {
        assert!(v.is_finite(), "{s:?} -> {v}");
    }
});
