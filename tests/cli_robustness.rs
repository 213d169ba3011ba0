//! The command line loses nothing: each finding of the robustness review
//! (issue 12) as a regression test, run as a user runs the program.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhen-extract"))
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn seed(n: usize) -> PathBuf {
    let mut seeds: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
    seeds.sort();
    seeds[n % seeds.len()].clone()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn help_written_to_a_full_device_is_an_error_not_a_panic() {
    for args in [
        &["--help"][..],
        &["--version"],
        &["report", "--help"],
        &["--generate", "man"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = bin().args(args).stdout(full).output().unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("cannot write output"), "{args:?}: {err}");
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_after_the_error_lines_so_far() {
    let dir = scratch("closed-pipe");
    std::fs::write(dir.join("000_bad.txt"), b"\xff\xfe\xfa broken").unwrap();
    for i in 1..60 {
        std::fs::copy(seed(i), dir.join(format!("{i:03}.txt"))).unwrap();
    }
    let mut child = bin()
        .args(["--jobs", "2"])
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // read one record, then hang up, as `| head -1` does
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"doc\":"), "{first}");
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    // the error of the first file was printed when it was met, not lost
    assert!(err.contains("000_bad.txt"), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("cannot write"),
        "{err}"
    );
    assert_eq!(status.code(), Some(141), "{err}");
}

#[test]
fn each_record_is_written_as_soon_as_it_is_made() {
    // the second input is a standard input that never ends: the first
    // document's line must come out all the same
    let mut child = bin()
        .arg(seed(1))
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();
    let line = line.expect("the first record came out before the input ended");
    let record: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert!(record["doc"].as_str().unwrap().ends_with(".txt"));
}

#[test]
fn conflicting_view_flags_are_refused_naming_the_flag() {
    for (args, named) in [
        (&["--timeline", "--institutions"][..], "--institutions"),
        (&["--tokens", "--timeline"], "--timeline"),
        (&["--tokens", "--json"], "--json"),
        (&["--pretty", "--timeline"], "--timeline"),
        (&["--json"], "--json"),
        (&["--pretty", "--jsonl", "text"], "--jsonl"),
        (&["timeline", "--pretty"], "--pretty"),
        (&["--bogus"], "--bogus"),
        (&["--reference-year", "soon"], "--reference-year"),
        (&["--jobs", "0"], "--jobs"),
        (&["report"], "--output"),
    ] {
        let out = bin().args(args).arg("seeds").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(named), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn an_empty_folder_is_reported() {
    let empty = scratch("empty-folder");
    let out = bin().arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the folder is empty"),
        "{}",
        stderr(&out)
    );

    let no_text = scratch("no-text-folder");
    std::fs::write(no_text.join("notes.md"), "2025年").unwrap();
    let out = bin().arg(&no_text).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no .txt file"), "{}", stderr(&out));
}

#[test]
fn a_broken_link_is_reported_and_the_other_files_still_read() {
    let dir = scratch("broken-link");
    std::fs::copy(seed(1), dir.join("a.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("b.txt")).unwrap();
    let out = bin().arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("b.txt: broken symbolic link"),
        "{}",
        stderr(&out)
    );
    let lines = String::from_utf8(out.stdout).unwrap();
    assert_eq!(lines.lines().count(), 1);
    assert!(lines.contains("a.txt"));
}

#[test]
fn upper_case_txt_files_are_read() {
    let dir = scratch("upper-case");
    std::fs::write(dir.join("A.TXT"), "到2025年，研发投入强度达到2.6%。").unwrap();
    std::fs::write(dir.join("b.Txt"), "科技型企业超过4.5万家。").unwrap();
    let out = bin().arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn utf16_and_legacy_encodings_are_named() {
    let dir = scratch("encodings");
    let text = "到2025年，全社会研发投入强度达到2.6%。";
    let mut le = vec![0xff, 0xfe];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.join("a.txt"), le).unwrap();
    let ascii = "By 2025, R&D intensity will reach 2.6 percent.";
    let be: Vec<u8> = ascii.encode_utf16().flat_map(u16::to_be_bytes).collect();
    std::fs::write(dir.join("b.txt"), be).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    std::fs::write(dir.join("c.txt"), &gbk).unwrap();
    let out = bin().arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("a.txt: input is UTF-16LE text"), "{err}");
    assert!(err.contains("b.txt: input is UTF-16BE text"), "{err}");
    assert!(err.contains("c.txt: input is GBK text"), "{err}");
}

#[test]
fn control_bytes_of_real_text_are_read_as_text() {
    let dir = scratch("control-bytes");
    // a form feed between pages, a vertical tab, a terminal colour code
    std::fs::write(
        dir.join("a.txt"),
        "第一页\x0c到2025年，\x0b研发投入强度达到\x1b[1m2.6%\x1b[0m。",
    )
    .unwrap();
    let out = bin().arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["quantities"][0]["span"]["text"], "2.6%");
}

#[test]
fn jsonl_gives_one_line_per_input_line() {
    let input = concat!(
        "{\"id\":1,\"text\":\"到2025年，研发投入强度达到2.6%。\"}\n",
        "{\"id\":2}\n",
        "not json\n",
        "{\"id\":4,\"text\":\"\"}\n",
        "{\"id\":5,\"text\":\"科技型企业超过4.5万家。\"}\n",
    );
    let mut child = bin()
        .args(["--jsonl", "text", "--jobs", "3"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    let docs: Vec<&str> = lines.iter().map(|l| l["doc"].as_str().unwrap()).collect();
    assert_eq!(docs, ["-:1", "-:2", "-:3", "-:4", "-:5"]);
    assert_eq!(lines[0]["quantities"][0]["span"]["text"], "2.6%");
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .contains("no field \"text\""));
    assert!(lines[2]["error"]
        .as_str()
        .unwrap()
        .contains("not a JSON line"));
    assert!(lines[3]["error"].as_str().unwrap().contains("empty"));
    assert_eq!(lines[4]["quantities"][0]["value"], 45000.0);
    assert_eq!(stderr(&out).lines().count(), 3, "{}", stderr(&out));
}

#[test]
fn output_keeps_input_order_whatever_the_jobs() {
    let dir = scratch("order");
    for i in 0..23 {
        std::fs::copy(seed(i * 3), dir.join(format!("{i:02}.txt"))).unwrap();
    }
    let one = bin().args(["--jobs", "1"]).arg(&dir).output().unwrap();
    let many = bin().args(["--jobs", "4"]).arg(&dir).output().unwrap();
    assert!(one.status.success() && many.status.success());
    assert_eq!(one.stdout, many.stdout);
    assert_eq!(String::from_utf8(one.stdout).unwrap().lines().count(), 23);
}
