//! The command-line front end, run as a user runs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhen-extract"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Runs the binary with `args`, feeding `input` on standard input.
fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin()
        .args(args)
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
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect()
}

/// Every span of every record slices the document it names.
fn check_spans(record: &serde_json::Value, text: &str) {
    for kind in ["quantities", "years", "targets", "institutions"] {
        for m in record[kind].as_array().expect("kind is an array") {
            let s = &m["span"];
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert_eq!(
                &text[start as usize..end as usize],
                s["text"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn a_folder_gives_one_line_per_txt_file_in_name_order() {
    let out = bin().arg(seeds()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = lines(&out);
    assert_eq!(records.len(), 5);
    let mut previous = String::new();
    for r in &records {
        let doc = r["doc"].as_str().unwrap().to_string();
        assert!(doc > previous, "sorted by name");
        let text = std::fs::read_to_string(&doc).unwrap();
        check_spans(r, &text);
        assert!(!r["quantities"].as_array().unwrap().is_empty());
        assert!(!r["years"].as_array().unwrap().is_empty());
        previous = doc;
    }
}

#[test]
fn standard_input_and_dash() {
    let out = run_stdin(&["-"], "到2025年，研发投入强度达到2.6%。");
    assert!(out.status.success());
    let records = lines(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["doc"], "-");
    assert_eq!(records[0]["quantities"][0]["span"]["text"], "2.6%");
    assert_eq!(records[0]["years"][0]["start_year"], 2025);
}

#[test]
fn a_bad_file_is_reported_and_the_others_still_extracted() {
    let dir = std::env::temp_dir().join(format!("zhen-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), "2025年达到5%。").unwrap();
    std::fs::write(dir.join("b.txt"), b"\xe5\x88\xb0\xff2025").unwrap();
    std::fs::write(dir.join("c.txt"), "增长12.5%。").unwrap();
    std::fs::write(dir.join("skip.md"), "2025年").unwrap();
    let out = bin().arg(&dir).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b.txt"), "{stderr}");
    assert!(stderr.contains("offset 3"), "{stderr}");
    let docs: Vec<String> = lines(&out)
        .iter()
        .map(|r| r["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs.len(), 2);
    assert!(docs[0].ends_with("a.txt") && docs[1].ends_with("c.txt"));
}

#[test]
fn a_missing_file_exits_1() {
    let out = bin().arg("/no/such/file.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));
}

#[test]
fn bad_usage_exits_2() {
    for args in [&["--bogus"][..], &["--reference-year", "x"]] {
        let out = bin().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        // the message names the flag
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(args[0]), "{err}");
    }
}

#[test]
fn all_numbers_and_reference_year() {
    let run = |args: &[&str]| lines(&run_stdin(args, "今年完成37项改革。")).remove(0);
    let plain = run(&[]);
    assert!(plain["years"].as_array().unwrap().is_empty());
    let dated = run(&["--reference-year", "2024"]);
    assert_eq!(dated["years"][0]["start_year"], 2024);
    let all = run(&["--all-numbers"]);
    assert!(
        all["quantities"].as_array().unwrap().len()
            >= plain["quantities"].as_array().unwrap().len()
    );
}

#[test]
fn institutions_view_merges_a_body_across_documents() {
    let out = bin().arg("--institutions").arg(seeds()).output().unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    let row = table
        .lines()
        .find(|l| l.starts_with("jinfeng_lab "))
        .expect("a row for the Jinfeng Laboratory");
    assert!(row.contains("金凤实验室") || row.contains("金鳳"), "{row}");
    // the documents it appears in, listed on its row
    let listed = row.rsplit_once('[').expect("a list of documents").1;
    assert!(listed.matches(".txt").count() >= 2, "{row}");

    let out = bin()
        .args(["--institutions", "--json"])
        .arg(seeds())
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    let keys: std::collections::HashSet<&str> =
        rows.iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert_eq!(keys.len(), rows.len(), "one row per body");
    let jinfeng = rows.iter().find(|r| r["key"] == "jinfeng_lab").unwrap();
    let docs: std::collections::HashSet<&str> = jinfeng["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["doc"].as_str().unwrap())
        .collect();
    assert!(docs.len() >= 2, "{docs:?}");
    let documents: std::collections::HashSet<&str> = jinfeng["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(documents, docs);
}

#[test]
fn json_alone_is_bad_usage() {
    let out = bin().arg("--json").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn timeline_view_as_table_and_json() {
    let out = bin().arg("--timeline").arg(seeds()).output().unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.lines().any(|l| l == "rd_intensity"), "{table}");
    let out = bin()
        .args(["--timeline", "--json"])
        .arg(seeds())
        .output()
        .unwrap();
    let lines: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rd = lines
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["metric_id"] == "rd_intensity")
        .unwrap();
    assert!(rd["points"].as_array().unwrap().len() >= 4);
}

#[test]
fn subcommands_and_the_old_flags_give_the_same_output() {
    for (new, old) in [
        (&["timeline"][..], &["--timeline"][..]),
        (&["timeline", "--json"], &["--timeline", "--json"]),
        (&["institutions"], &["--institutions"]),
        (&["institutions", "--json"], &["--institutions", "--json"]),
        (&["tokens"], &["--tokens"]),
        (&["extract"], &[]),
        (&["extract", "--pretty"], &["--pretty"]),
    ] {
        let a = bin().args(new).arg(seeds()).output().unwrap();
        let b = bin().args(old).arg(seeds()).output().unwrap();
        assert!(
            a.status.success(),
            "{new:?}: {}",
            String::from_utf8_lossy(&a.stderr)
        );
        assert!(!a.stdout.is_empty(), "{new:?}");
        assert_eq!(a.stdout, b.stdout, "{new:?} against {old:?}");
    }
}

#[test]
fn help_version_and_the_generated_man_page() {
    let out = bin().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for command in [
        "extract",
        "timeline",
        "institutions",
        "tokens",
        "report",
        "--jobs",
        "--jsonl",
    ] {
        assert!(help.contains(command), "{command} not in {help}");
    }
    let out = bin().arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("zhen-extract {}", env!("CARGO_PKG_VERSION"))
    );
    let out = bin().args(["--generate", "man"]).output().unwrap();
    let man = String::from_utf8(out.stdout).unwrap();
    assert!(man.contains(".TH zhen-extract 1"), "{man}");
    assert!(man.contains("report"));
    let out = bin().args(["--generate", "bash"]).output().unwrap();
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("complete -F _zhen__extract"));
}

#[test]
fn report_writes_one_self_contained_page() {
    let dir = std::env::temp_dir().join(format!("zhen-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.html");
    let out = bin()
        .arg("report")
        .arg(seeds())
        .arg("-o")
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&page).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(html.contains("data-metric-id=\"rd_intensity\""));
    assert!(html.contains("jinfeng_lab"));
    for fetching in [" src=", "<link", "@import", "url(", "<script"] {
        assert!(!html.contains(fetching), "{fetching}");
    }
}
