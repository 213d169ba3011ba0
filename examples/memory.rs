//! Peak heap bytes per input byte of the text layer alone
//! (`Extractor::analyze`) and of the whole extraction, on the hostile
//! cases of `tests/linear.rs` at 16× or on the files given: where the
//! memory of a run goes (`benches/README.md`).
//!
//! ```text
//! cargo run --release --example memory            # the linear cases
//! cargo run --release --example memory -- FILE... # other files
//! ```

#[path = "../tests/hostile/mod.rs"]
mod hostile;
use hostile::{case, measure, CASES};

/// The cases of `tests/linear.rs`, at 16× their base size.
fn cases() -> Vec<(String, String)> {
    CASES
        .iter()
        .map(|name| (name.to_string(), case(name, 16)))
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs = if args.is_empty() {
        cases()
    } else {
        args.iter()
            .map(|p| (p.clone(), std::fs::read_to_string(p).expect("a UTF-8 file")))
            .collect()
    };
    let ex = zhen_extract::Extractor::new();
    // what a process builds once (the segmenter, jieba's part-of-speech
    // model, the regex caches) is built before anything is counted
    let _ = ex.extract(include_str!("../seeds/002_dabf6494caeab1cf.txt"));
    println!(
        "{:>14} {:>9} {:>10} {:>10} {:>10}",
        "case", "bytes", "analyze", "extract", "records"
    );
    for (name, text) in &inputs {
        let len = text.len() as f64;
        let (doc_peak, _, doc) = measure(|| ex.analyze(text).expect("extractable"));
        drop(doc);
        let (peak, kept, out) = measure(|| ex.extract(text).expect("extractable"));
        drop(out);
        println!(
            "{name:>14} {:>9} {:>10.1} {:>10.1} {:>10.1}",
            text.len(),
            doc_peak as f64 / len,
            peak as f64 / len,
            kept as f64 / len
        );
    }
    println!("(peak heap bytes per input byte: the text layer alone, the whole extraction, and the records it returns)");
}
