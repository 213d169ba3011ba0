//! Named regression tests: each input once made the library panic, lose a
//! sign or give a wrong value. The comment names where it was found.

use zhen_extract::Extractor;

/// Every record's span slices `text` exactly.
fn extract_checked(text: &str) -> zhen_extract::Extraction {
    let out = Extractor::new().extract(text).expect("text is accepted");
    for q in &out.quantities {
        assert_eq!(&text[q.span.start..q.span.end], q.span.text);
    }
    for t in &out.targets {
        assert_eq!(&text[t.span.start..t.span.end], t.span.text);
        assert_eq!(
            &text[t.metric_span.start..t.metric_span.end],
            t.metric_span.text
        );
    }
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
