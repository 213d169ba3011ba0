//! Named regression tests: each input once made the library panic, lose a
//! sign or give a wrong value. The comment names where it was found.

mod common;

use zhen_extract::Extractor;

/// The extraction of `text`, every record's span checked to slice it.
fn extract_checked(text: &str) -> zhen_extract::Extraction {
    let out = Extractor::new().extract(text).expect("text is accepted");
    common::assert_spans(text, &out);
    out
}

/// See: issue 12. A table row whose label cell holds only white space, an
/// empty tag or an entity before `(%)` made the indicator-table reader
/// build a span whose start was after its end.
#[test]
fn table_row_with_a_blank_label_before_its_unit() {
    for label in [" ", "\u{3000}", "<b></b>", "&nbsp;", "http://a.b/c "] {
        let text = format!("1\t{label}(%)\t2.6");
        let out = extract_checked(&text);
        assert_eq!(out.quantities.len(), 1, "{text:?}");
        assert!(
            out.targets.is_empty(),
            "a row with no label has no metric: {text:?}"
        );
    }
}

/// See: the robustness issue. A value past `f64` (`1` followed by 39
/// `亿`, then `元`) is a typed overflow for the reader and no quantity for
/// the extractor, never `inf` or `null`.
#[test]
fn values_past_f64_are_a_typed_overflow() {
    use zhen_extract::number::{read_number, NumberError};
    let huge = format!("1{}", "亿".repeat(39));
    assert_eq!(read_number(&huge), Err(NumberError::Overflow));
    assert_eq!(zhen_extract::parse_number(&huge), None);
    for all in [false, true] {
        let ex = Extractor::builder().all_numbers(all).build().unwrap();
        let text = format!("投资{huge}元，一{}元", "亿".repeat(39));
        let out = ex.extract(&text).unwrap();
        assert!(
            out.quantities.iter().all(|q| q.value.is_finite()),
            "{:?}",
            out.quantities
        );
        let json = serde_json::to_string(&out).unwrap();
        assert!(!json.contains("null") && !json.contains("inf"), "{json}");
    }
}

/// See: the robustness issue. Signs are never dropped.
#[test]
fn signs_are_never_dropped() {
    for (text, want) in [
        ("营业收入增长-2.1%", -2.1),
        ("出口下降−0.3%", -0.3),
        ("Exports fell by -2.5% last year.", -2.5),
        ("增速为负2.1%", -2.1),
    ] {
        let out = extract_checked(text);
        let values: Vec<f64> = out.quantities.iter().map(|q| q.value).collect();
        assert_eq!(values, [want], "{text}");
        assert!(
            out.targets.iter().all(|t| t.quantity.value == want),
            "{text}"
        );
    }
}

/// See: the robustness issue. A zero-width space inside a number does not
/// cut it in two.
#[test]
fn a_zero_width_space_inside_a_number_gives_one_figure() {
    let out = extract_checked("研发投入强度达到2.\u{200b}6%。");
    assert_eq!(out.quantities.len(), 1);
    assert_eq!(out.quantities[0].value, 2.6);
}

/// See: the robustness issue. `--all-numbers` does not read the plan's
/// name as a number.
#[test]
fn every_number_skips_the_names_of_plans() {
    let ex = Extractor::builder().all_numbers(true).build().unwrap();
    let out = ex
        .extract("During the 14th Five-Year Plan period, and the “十四五” plan.")
        .unwrap();
    assert!(out.quantities.is_empty(), "{:?}", out.quantities);
    assert_eq!(out.years.len(), 2);
}

/// See: issue 12. A bad row added without a header was named one line too
/// high (the table's header, put above it to read it, was counted).
#[test]
fn a_bad_added_row_names_its_own_line() {
    let err = Extractor::builder()
        .add_rules(
            "metrics",
            "demo_a\t示例甲\t示例甲\ndemo_b\t示例乙\t示例乙\tx",
        )
        .build()
        .unwrap_err();
    assert_eq!((err.table.as_str(), err.line), ("metrics", 2), "{err}");
    assert!(err.to_string().contains("line 2"), "{err}");
}

/// See: issue 12. An unknown table was reported as "line 0" of it.
#[test]
fn an_unknown_table_is_named_without_a_line() {
    let err = Extractor::builder()
        .add_rules("unitz", "座\tcount")
        .build()
        .unwrap_err();
    assert_eq!(err.table, "unitz");
    let shown = err.to_string();
    assert!(!shown.contains("line 0"), "{shown}");
    assert!(shown.contains("no such table `unitz`"), "{shown}");
    assert!(shown.contains("units"), "the tables are listed: {shown}");
}

/// See: issue 12. A row with cells missing was read with the missing cells
/// empty, without a word.
#[test]
fn a_row_with_missing_cells_is_refused() {
    let err = Extractor::builder()
        .add_rules("gazetteer", "demo_lab\tlab\tno")
        .build()
        .unwrap_err();
    assert_eq!((err.table.as_str(), err.line), ("gazetteer", 1), "{err}");
    assert!(err.message.contains("3 cells"), "{err}");
    // trailing tabs leave cells empty on purpose; a header of the caller's
    // own may name fewer columns
    assert!(Extractor::builder()
        .add_rules("gazetteer", "demo_lab\tlab\tno\t示例实验室\t")
        .build()
        .is_ok());
    assert!(Extractor::builder()
        .add_rules(
            "gazetteer",
            "canonical_id\tkind\tgeneric\taliases\ndemo_lab\tlab\tno\t示例实验室"
        )
        .build()
        .is_ok());
}

/// See: issue 12. A wording that a shipped row gives another id kept the
/// shipped id, silently.
#[test]
fn a_wording_of_another_id_is_reported() {
    let err = Extractor::builder()
        .add_rules("gazetteer", "my_lab\tlab\tno\t示例实验室|金鳳實驗室\t")
        .build()
        .unwrap_err();
    assert_eq!((err.table.as_str(), err.line), ("gazetteer", 1), "{err}");
    assert!(
        err.message.contains("金鳳實驗室") && err.message.contains("jinfeng_lab"),
        "{err}"
    );
    let err = Extractor::builder()
        .add_rules(
            "metrics",
            "demo\t示例指标\t示例指标\nmy_rd\tR&D Intensity\t",
        )
        .build()
        .unwrap_err();
    assert_eq!(err.line, 2, "{err}");
    // more wordings for the shipped id itself are fine
    assert!(Extractor::builder()
        .add_rules(
            "gazetteer",
            "jinfeng_lab\tlab\tno\t金凤实验室|金凤实验基地\t"
        )
        .build()
        .is_ok());
}

/// See: issue 12. `parse_number` returned `Some(inf)` past `f64`.
#[test]
fn parse_number_is_never_non_finite() {
    use zhen_extract::parse_number;
    for s in [
        format!("1{}", "亿".repeat(39)),
        format!("{}万", "9".repeat(400)),
        "9".repeat(400),
        format!("1e{}", 400),
        format!("{}.5", "9".repeat(320)),
    ] {
        if let Some(v) = parse_number(&s) {
            assert!(v.is_finite(), "{s} -> {v}");
        }
    }
}

/// See: issue 12. The timeline's and the tokens' records serialized but
/// did not read back.
#[test]
fn timelines_and_tokens_read_back_from_json() {
    use zhen_extract::{timeline, MetricTimeline, Token};
    let ex = Extractor::new();
    let text = "到2025年，全社会研发投入强度达到2.6%。2020年，研发经费投入强度2.11%。";
    let out = ex.extract(text).unwrap();
    let lines = timeline([("plan", &out)]);
    assert!(!lines.is_empty());
    let json = serde_json::to_string(&lines).unwrap();
    assert_eq!(
        serde_json::from_str::<Vec<MetricTimeline>>(&json).unwrap(),
        lines
    );
    let tokens: Vec<Token> = ex.analyze(text).unwrap().tokens().collect();
    let json = serde_json::to_string(&tokens).unwrap();
    assert_eq!(serde_json::from_str::<Vec<Token>>(&json).unwrap(), tokens);
}

/// See: fuzz/RUNS.md (the structured target). `743兆兆兆%` is
/// 7.430000000000001e38, and serde_json's default float reader gave back
/// 7.43e38: the JSON round trip changed the value. Floats are read back
/// exactly (serde_json's `float_roundtrip`).
#[test]
fn json_gives_back_the_exact_value() {
    let out = extract_checked("743兆兆兆%");
    assert_eq!(out.quantities.len(), 1);
    let json = serde_json::to_string(&out).unwrap();
    let back: zhen_extract::Extraction = serde_json::from_str(&json).unwrap();
    assert_eq!(back, out, "{json}");
}

/// See: CI's fuzzing of `extract`. A deadline year of the document's own
/// year that comes after its figure (`由4030年的11.79万元/人提高到2022年的
/// 21.92万元/人`, in a 2022 document) made the check "does this year date
/// the figure right after it" slice backwards.
#[test]
fn a_deadline_year_after_its_figure_is_no_backward_slice() {
    let text = "2022年长三角区域发展指数为129.5。全员劳动生产率由4030年的11.79万元/人\
                提高到2022年的21.92万元/人。";
    let out = extract_checked(text);
    // the level reached in the document's own year is reported
    let level = out
        .targets
        .iter()
        .find(|t| t.quantity.span.text == "21.92万元")
        .unwrap_or_else(|| panic!("{:?}", out.targets));
    assert_eq!(level.year, Some(2022));
    assert_eq!(level.status, zhen_extract::Status::Actual);
}
