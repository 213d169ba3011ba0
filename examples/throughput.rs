//! Runs one workload ROUNDS times over the files given, for instruction
//! counts under valgrind (`benches/instructions.sh`): `jieba` segments
//! each line with jieba-rs alone, `extract` runs the whole pipeline. The
//! difference between two and one round is the cost of a warm round, free
//! of start-up and of caches filled on first use.
//!
//! ```text
//! cargo run --release --example throughput -- extract 1 seeds/*.txt
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(mode), Some(Ok(rounds))) = (args.next(), args.next().map(|r| r.parse::<usize>()))
    else {
        eprintln!("usage: throughput jieba|extract ROUNDS FILE...");
        return ExitCode::from(2);
    };
    let texts: Vec<String> = match args.map(std::fs::read_to_string).collect() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("throughput: {e}");
            return ExitCode::from(2);
        }
    };
    let jieba = jieba_rs::Jieba::new();
    let extractor = zhen_extract::Extractor::new();
    // build the shared segmenter and rule tables before any counted work
    let _ = extractor.extract("到2025年，研发投入强度达到2.6%。");
    let mut n = 0usize;
    for text in texts.iter().cycle().take(texts.len() * rounds) {
        n += match mode.as_str() {
            "jieba" => text.lines().map(|l| jieba.cut(l, true).len()).sum(),
            "extract" => match extractor.extract(text) {
                Ok(out) => out.quantities.len() + out.targets.len() + out.institutions.len(),
                Err(e) => {
                    eprintln!("throughput: {e}");
                    return ExitCode::from(1);
                }
            },
            other => {
                eprintln!("throughput: unknown mode `{other}`");
                return ExitCode::from(2);
            }
        };
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("{mode}: {rounds} rounds of {bytes} bytes, {n} items");
    ExitCode::SUCCESS
}
