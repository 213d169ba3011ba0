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
