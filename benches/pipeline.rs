//! The whole pipeline over the bundled seed corpus, against jieba-rs
//! segmentation alone over the same text in the same run.
//!
//! The question this benchmark answers: how much slower than segmenting a
//! document is extracting everything from it? The machines we run on are
//! shared and noisy, so besides criterion's absolute figures (bytes per
//! second) it prints a ratio measured by alternating the two workloads
//! round by round, which noise from other processes affects alike.
//!
//! ```text
//! cargo bench --bench pipeline              # everything
//! cargo bench --bench pipeline -- ratio     # only the ratio
//! ```

use criterion::{Criterion, Throughput};
use jieba_rs::Jieba;
use std::hint::black_box;
use std::time::{Duration, Instant};
use zhen_extract::Extractor;

/// The seed corpus, embedded so the bench reads no files while timing.
const SEEDS: &[(&str, &str)] = &[
    ("000_en", include_str!("../seeds/000_2909ced568600b7d.txt")),
    ("001_en", include_str!("../seeds/001_09e785deedc0370a.txt")),
    (
        "002_zh_hant",
        include_str!("../seeds/002_dabf6494caeab1cf.txt"),
    ),
    (
        "003_zh_hans_pdf",
        include_str!("../seeds/003_7c5119c96a1bd42c.txt"),
    ),
    ("004_en", include_str!("../seeds/004_a31b5c23aa0ba1da.txt")),
];

fn corpus_bytes() -> u64 {
    SEEDS.iter().map(|(_, t)| t.len() as u64).sum()
}

/// The baseline: jieba-rs with its default dictionary, cutting each line
/// (as its authors advise for long texts) with the HMM on, as the
/// pipeline's tokenizer does.
fn segment(jieba: &Jieba, text: &str) -> usize {
    text.lines().map(|l| jieba.cut(l, true).len()).sum()
}

fn extract(ex: &Extractor, text: &str) -> usize {
    let out = ex.extract(text).expect("seed documents are text");
    out.quantities.len() + out.years.len() + out.targets.len() + out.institutions.len()
}

fn corpus(c: &mut Criterion, jieba: &Jieba, ex: &Extractor) {
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(corpus_bytes()));
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("jieba_cut", |b| {
        b.iter(|| {
            SEEDS
                .iter()
                .map(|(_, t)| segment(jieba, black_box(t)))
                .sum::<usize>()
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            SEEDS
                .iter()
                .map(|(_, t)| ex.analyze(black_box(t)).expect("text").tokens().count())
                .sum::<usize>()
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            SEEDS
                .iter()
                .map(|(_, t)| extract(ex, black_box(t)))
                .sum::<usize>()
        })
    });
    g.finish();
}

fn per_document(c: &mut Criterion, ex: &Extractor) {
    let mut g = c.benchmark_group("document");
    g.sample_size(20);
    for (name, text) in SEEDS {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(*name, |b| b.iter(|| extract(ex, black_box(text))));
    }
    g.finish();
}

fn setup(c: &mut Criterion, ex: &Extractor) {
    let mut g = c.benchmark_group("setup");
    g.sample_size(10);
    // a wording the segmenter must keep whole: a segmenter of its own
    g.bench_function("extractor_with_added_rows", |b| {
        b.iter(|| {
            Extractor::builder()
                .add_rules("metrics", "demo_metric\t示例指标\t示例指标")
                .build()
                .expect("the row parses")
        })
    });
    // a row with no word for the segmenter: the tables alone recompile
    g.bench_function("extractor_with_added_rows_shared_segmenter", |b| {
        b.iter(|| {
            Extractor::builder()
                .add_rules("exclusions", "demo\tboth\t示例\t示例")
                .build()
                .expect("the row parses")
        })
    });
    g.finish();
    black_box(ex);
}

/// Alternates the two workloads over the whole corpus for about `budget`
/// and prints the median of the per-round ratios.
fn ratio(jieba: &Jieba, ex: &Extractor, budget: Duration) {
    let mut ratios = Vec::new();
    let (mut seg_total, mut ext_total) = (Duration::ZERO, Duration::ZERO);
    let started = Instant::now();
    while started.elapsed() < budget || ratios.len() < 5 {
        let t0 = Instant::now();
        for (_, t) in SEEDS {
            black_box(segment(jieba, black_box(t)));
        }
        let seg = t0.elapsed();
        let t1 = Instant::now();
        for (_, t) in SEEDS {
            black_box(extract(ex, black_box(t)));
        }
        let ext = t1.elapsed();
        seg_total += seg;
        ext_total += ext;
        ratios.push(ext.as_secs_f64() / seg.as_secs_f64());
    }
    ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    let mb = corpus_bytes() as f64 / 1e6;
    let rounds = ratios.len() as f64;
    println!(
        "ratio: pipeline / jieba-rs segmentation on the seed corpus ({mb:.2} MB), {} rounds",
        ratios.len()
    );
    println!(
        "  jieba-rs cut:  {:8.2} MB/s",
        mb * rounds / seg_total.as_secs_f64()
    );
    println!(
        "  pipeline:      {:8.2} MB/s",
        mb * rounds / ext_total.as_secs_f64()
    );
    println!(
        "  time ratio:    {median:8.2}x (median; min {:.2}x, max {:.2}x)",
        ratios[0],
        ratios[ratios.len() - 1]
    );
}

fn main() {
    let jieba = Jieba::new();
    let ex = Extractor::new();
    // warm the shared segmenter and rule tables outside any timing
    extract(&ex, SEEDS[0].1);

    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--test" || a == "--list");
    let filter = args.iter().skip(1).find(|a| !a.starts_with('-'));
    let wants = |name: &str| filter.is_none_or(|f| name.contains(f.as_str()));

    let mut c = Criterion::default().configure_from_args();
    corpus(&mut c, &jieba, &ex);
    per_document(&mut c, &ex);
    setup(&mut c, &ex);
    c.final_summary();

    if !quick && wants("ratio") {
        ratio(&jieba, &ex, Duration::from_secs(10));
    } else if args.iter().any(|a| a == "--test") {
        ratio(&jieba, &ex, Duration::ZERO);
    }
}
