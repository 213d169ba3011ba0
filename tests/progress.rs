//! The progress bar, seen through a pseudo-terminal as a person at a
//! terminal sees it, and its absence when standard error is a pipe.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A folder of `n` documents (the seeds, over and over).
fn folder(name: &str, n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let seeds: Vec<PathBuf> = {
        let mut s: Vec<PathBuf> =
            std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
        s.sort();
        s
    };
    for i in 0..n {
        std::fs::copy(&seeds[i % seeds.len()], dir.join(format!("{i:03}.txt"))).unwrap();
    }
    dir
}

#[test]
fn a_long_run_on_a_terminal_shows_a_bar_and_a_summary() {
    let dir = folder("progress-tty", 40);
    let out = dir.with_extension("jsonl");
    // standard error (and input) on the terminal, standard output to a file
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(format!(
        "exec '{}' --jobs 1 '{}' > '{}'",
        env!("CARGO_BIN_EXE_zhen-extract"),
        dir.display(),
        out.display()
    ));
    let mut session = rexpect::session::spawn_command(cmd, Some(120_000)).unwrap();
    // the bar: files done of all, bytes, an estimated time
    let (_, bar) = session
        .exp_regex(r"\d+/40 files, [0-9.]+ [KMG]?i?B/[0-9.]+ [KMG]?i?B")
        .unwrap();
    assert!(bar.contains("/40 files"), "{bar}");
    session.exp_string("ETA").unwrap();
    // the summary line at the end
    let (_, summary) = session
        .exp_regex(r"40 documents: \d+ quantities, \d+ years, \d+ targets, \d+ institutions; 0 errors; [0-9.]+ s")
        .unwrap();
    assert!(summary.starts_with("40 documents"), "{summary}");
    session.exp_eof().unwrap();
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 40);
}

#[test]
fn quiet_on_a_terminal_shows_nothing() {
    let dir = folder("progress-quiet", 12);
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(format!(
        "'{}' --quiet --jobs 1 '{}' > /dev/null; echo status=$?",
        env!("CARGO_BIN_EXE_zhen-extract"),
        dir.display(),
    ));
    let mut session = rexpect::session::spawn_command(cmd, Some(120_000)).unwrap();
    let before = session.exp_string("status=0").unwrap();
    assert!(
        !before.contains("files") && !before.contains("documents"),
        "{before:?}"
    );
}

#[test]
fn no_bar_and_no_summary_when_standard_error_is_a_pipe() {
    let dir = folder("progress-pipe", 40);
    let out = Command::new(env!("CARGO_BIN_EXE_zhen-extract"))
        .args(["--jobs", "1"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 40);
}
