//! Linear time and bounded memory on hostile input, proven by counting,
//! not timing.
//!
//! Each case is a text built at 1×, 4× and 16× of a base size. Its cost is
//! the number of instructions a child process (this test binary, run again
//! under valgrind's cachegrind without cache simulation) executes to
//! extract it, less the instructions of a run on an empty-sized text (the
//! segmenter's dictionary, the compiled rules): a count of work that does
//! not depend on the machine's load. Cost must grow linearly: 16× the text
//! may cost at most `SLACK` × 16 the 1× cost (a quadratic path costs 256×,
//! and 16× already between 1× and 4×).
//!
//! Peak memory is counted in process by a global allocator: the most bytes
//! live during one extraction, less those live before it. It must grow
//! linearly too; the cap of 8 bytes per input byte is a test of its
//! own, ignored until it is met.
//!
//! valgrind must be installed (Debian's `valgrind`); without it the test
//! fails saying so. The instruction counts run in release builds only
//! (`cargo test --release --test linear`, as .ci/run does): unoptimised,
//! valgrind takes minutes over them.

use std::process::Command;

use zhen_extract::Extractor;

mod hostile;
use hostile::{case, measure, CASES};

/// Extracts a real document once, so that what the library builds on first
/// use in a process (jieba's part-of-speech model, which the institution
/// step loads the first time it tags a name; the regex engines' caches) is
/// built before anything is counted: a cost per process, not per byte.
fn warm_up(ex: &Extractor) {
    let seed = include_str!("../seeds/002_dabf6494caeab1cf.txt");
    let _ = ex.extract(seed).unwrap();
}

/// How far above linear the 16× cost may be (constant factors of caches
/// and growing buffers, not a higher power).
const SLACK: f64 = 1.6;

/// The child: extracts one case at one size (0 = a one-character text, the
/// fixed cost of a run).
#[test]
#[ignore = "run by `work_grows_linearly` in a child process"]
fn child_extract_one_case() {
    let (Ok(name), Ok(k)) = (
        std::env::var("ZHEN_LINEAR_CASE"),
        std::env::var("ZHEN_LINEAR_K"),
    ) else {
        return;
    };
    let k: usize = k.parse().unwrap();
    let text = if k == 0 {
        "1".to_string()
    } else {
        case(&name, k)
    };
    let ex = Extractor::new();
    warm_up(&ex);
    std::hint::black_box(ex.extract(&text).unwrap());
}

/// Instructions of the child on `name` at `k`.
fn instructions(name: &str, k: usize) -> u64 {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new("valgrind")
        .args([
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
        ])
        .arg(exe)
        .args([
            "--exact",
            "child_extract_one_case",
            "--ignored",
            "--test-threads=1",
        ])
        .env("ZHEN_LINEAR_CASE", name)
        .env("ZHEN_LINEAR_K", k.to_string())
        .output()
        .expect("valgrind runs (install Debian's valgrind)");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "child failed on {name} ×{k}: {err}");
    let line = err
        .lines()
        .find(|l| l.contains("I") && l.contains("refs:"))
        .unwrap_or_else(|| panic!("no instruction count in {err}"));
    line.rsplit(':')
        .next()
        .unwrap()
        .trim()
        .replace(',', "")
        .parse()
        .unwrap()
}

/// The cases of [`CASES`] whose instructions grow faster than `SLACK` ×
/// linear (`ZHEN_LINEAR_ONLY=name` to count one case).
fn superlinear_work(cases: &[&'static str]) -> Vec<&'static str> {
    let only = std::env::var("ZHEN_LINEAR_ONLY").ok();
    let mut bad = Vec::new();
    let fixed = instructions("digits", 0);
    for &name in cases {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let cost: Vec<f64> = [1, 4, 16]
            .iter()
            .map(|&k| instructions(name, k).saturating_sub(fixed) as f64)
            .collect();
        let bytes = case(name, 1).len() as f64;
        eprintln!(
            "{name:>14}: {:>6.0} {:>6.0} {:>6.0} instructions per byte at 1×, 4×, 16× (16×/1× = {:.1})",
            cost[0] / bytes,
            cost[1] / bytes / 4.0,
            cost[2] / bytes / 16.0,
            cost[2] / cost[0]
        );
        if cost[2] > SLACK * 16.0 * cost[0] || cost[1] > SLACK * 4.0 * cost[0] {
            bad.push(name);
        }
    }
    bad
}

/// The cases of [`CASES`] whose peak memory grows faster than `SLACK` ×
/// linear.
fn superlinear_memory(cases: &[&'static str]) -> Vec<&'static str> {
    let _one_at_a_time = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let ex = Extractor::new();
    warm_up(&ex);
    let mut bad = Vec::new();
    for &name in cases {
        let (one, sixteen) = (case(name, 1), case(name, 16));
        let (a, b) = (peak_bytes(&ex, &one), peak_bytes(&ex, &sixteen));
        eprintln!(
            "{name:>14}: {:.1} and {:.1} bytes per input byte at peak, at 1× and 16×",
            a as f64 / one.len() as f64,
            b as f64 / sixteen.len() as f64
        );
        if b as f64 > SLACK * 16.0 * a as f64 {
            bad.push(name);
        }
    }
    bad
}

/// Allocations are counted for the whole process: one measurement at a
/// time.
static MEASURING: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "minutes under valgrind unoptimised: .ci/run runs it with --release"
)]
fn work_grows_linearly() {
    let bad = superlinear_work(CASES);
    assert!(bad.is_empty(), "superlinear: {bad:?}");
}

/// Bytes at peak during one extraction of `text`, less those live before.
fn peak_bytes(ex: &Extractor, text: &str) -> usize {
    let (peak, _, out) = measure(|| ex.extract(text).unwrap());
    drop(out);
    peak
}

/// Peak memory grows linearly: 16× the text takes at most `SLACK` × 16
/// the memory of 1×.
#[test]
fn memory_grows_linearly() {
    let bad = superlinear_memory(CASES);
    assert!(bad.is_empty(), "memory superlinear: {bad:?}");
}

/// The cases that meet the cap of issue 12 today (1.1 bytes per input
/// byte at 16×): they must stay under it. (`wan` takes 7 bytes per byte
/// in a thread whose segmenter buffers have already grown, 12 in a fresh
/// one: jieba keeps per-thread buffers the size of the longest Han run.)
const UNDER_THE_CAP: &[&str] = &["digits"];

/// The cases of `cases` over 8 bytes per input byte at peak, at 16×
/// (after one run at 1×).
/// The caller holds [`MEASURING`] until it has asserted (a failing
/// assertion allocates too).
fn over_the_cap(cases: &[&'static str]) -> Vec<(&'static str, f64)> {
    let ex = Extractor::new();
    warm_up(&ex);
    let mut bad = Vec::new();
    for &name in cases {
        // the case at 1× first: caches that grow on first sight of such
        // text (the regex engines' lazy DFA states) are a cost per
        // process, not per byte
        let _ = peak_bytes(&ex, &case(name, 1));
        let text = case(name, 16);
        let per_byte = peak_bytes(&ex, &text) as f64 / text.len() as f64;
        if per_byte > 8.0 {
            bad.push((name, per_byte));
        }
    }
    bad
}

/// The cap of issue 12 on the cases that meet it.
#[test]
fn memory_stays_at_most_eight_bytes_per_input_byte_where_met() {
    let _one_at_a_time = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let bad = over_the_cap(UNDER_THE_CAP);
    assert!(bad.is_empty(), "over 8 bytes per input byte: {bad:?}");
}

/// The goal of issue 12: at most 8 bytes per input byte at peak on every
/// case. Not met yet: the records alone of `2.5%` repeated take 35 bytes
/// per byte (a `Quantity` is 128 bytes and owns its strings), those of a
/// list of names 9, and the quantity hits the targets read stay live
/// while the records are made.
#[test]
#[ignore = "not met yet: 7 to 66 bytes per input byte on names, dense_figures, single_line, wan, brackets (issue 12)"]
fn memory_is_at_most_eight_bytes_per_input_byte() {
    let _one_at_a_time = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let bad = over_the_cap(CASES);
    assert!(bad.is_empty(), "over 8 bytes per input byte: {bad:?}");
}
