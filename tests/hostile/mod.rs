//! The hostile inputs of `tests/linear.rs` and a heap counter, shared by
//! that test and `examples/memory.rs` (included there by path).
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A global allocator that counts the bytes live and their peak.
struct Counting;

pub static LIVE: AtomicUsize = AtomicUsize::new(0);
pub static PEAK: AtomicUsize = AtomicUsize::new(0);

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

/// Bytes at peak while `f` runs, less those live before, and what `f`
/// leaves live.
pub fn measure<T>(f: impl FnOnce() -> T) -> (usize, usize, T) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let kept = LIVE.load(Ordering::Relaxed).saturating_sub(before);
    (peak, kept, out)
}

/// The cases: a name and the text at `k` × its base size.
pub fn case(name: &str, k: usize) -> String {
    let n = |unit: &str, base: usize| unit.repeat(base * k / unit.len());
    match name {
        "names" => n("金凤实验室、明月湖实验室、", 4 << 10),
        "dense_figures" => n("2.5%", 4 << 10),
        "single_line" => n(
            "到2025年研发投入强度达到2.6%，科技型企业超过4.5万家，加快建设金凤实验室和Western (Chongqing) Science City；",
            16 << 10,
        ),
        "digits" => n("1234567890", 62_500 / 4),
        "wan" => n("万", 4 << 10),
        "brackets" => {
            let depth = (1 << 10) * k / 8;
            format!(
                "{}研发投入强度达到2.6%{}",
                "(（【《".repeat(depth),
                "》】）)".repeat(depth)
            )
        }
        other => panic!("no case {other}"),
    }
}

/// The cases asserted linear.
pub const CASES: &[&str] = &[
    "names",
    "dense_figures",
    "single_line",
    "digits",
    "wan",
    "brackets",
];
