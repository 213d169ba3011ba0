//! Peak heap bytes per input byte of the text layer alone
//! (`Extractor::analyze`) and of the whole extraction, on the hostile
//! cases of `tests/linear.rs` at 16× or on the files given: where the
//! memory of a run goes (`benches/README.md`).
//!
//! ```text
//! cargo run --release --example memory            # the linear cases
//! cargo run --release --example memory -- FILE... # other files
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grow = new_size - layout.size();
                let live = LIVE.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The cases of `tests/linear.rs`, at 16× their base size.
fn cases() -> Vec<(String, String)> {
    let n = |unit: &str, base: usize| unit.repeat(base * 16 / unit.len());
    let depth = (1 << 10) * 16 / 8;
    vec![
        ("names".into(), n("金凤实验室、明月湖实验室、", 4 << 10)),
        ("dense_figures".into(), n("2.5%", 4 << 10)),
        (
            "single_line".into(),
            n(
                "到2025年研发投入强度达到2.6%，科技型企业超过4.5万家，加快建设金凤实验室和Western (Chongqing) Science City；",
                16 << 10,
            ),
        ),
        ("digits".into(), n("1234567890", 62_500 / 4)),
        ("wan".into(), n("万", 4 << 10)),
        (
            "brackets".into(),
            format!(
                "{}研发投入强度达到2.6%{}",
                "(（【《".repeat(depth),
                "》】）)".repeat(depth)
            ),
        ),
    ]
}

/// Bytes at peak while `f` runs, less those live before, and what `f`
/// leaves live.
fn measure<T>(f: impl FnOnce() -> T) -> (usize, usize, T) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let kept = LIVE.load(Ordering::Relaxed).saturating_sub(before);
    (peak, kept, out)
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
