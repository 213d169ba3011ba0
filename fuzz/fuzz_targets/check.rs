//! What every target checks of an extraction: spans slice the text on
//! character boundaries, values are finite, and the JSON reads back.

use zhen_extract::{Extraction, Span};

fn slices(text: &str, start: usize, end: usize, got: &str) {
    assert!(start <= end && end <= text.len(), "{start}..{end}");
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    assert_eq!(&text[start..end], got);
}

/// Panics on a record that breaks the contract.
pub fn extraction(text: &str, ex: &Extraction) {
    for q in &ex.quantities {
        slices(text, q.span.start, q.span.end, &q.span.text);
        assert!(q.value.is_finite(), "{q:?}");
    }
    for y in &ex.years {
        slices(text, y.span.start, y.span.end, &y.span.text);
    }
    for t in &ex.targets {
        slices(text, t.span.start, t.span.end, &t.span.text);
        slices(
            text,
            t.metric_span.start,
            t.metric_span.end,
            &t.metric_span.text,
        );
        slices(
            text,
            t.quantity.span.start,
            t.quantity.span.end,
            &t.quantity.span.text,
        );
        assert!(t.quantity.value.is_finite(), "{t:?}");
    }
    for i in &ex.institutions {
        slices(text, i.span.start, i.span.end, &i.span.text);
    }
    let json = serde_json::to_string(ex).expect("an extraction serializes");
    let back: Extraction = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(&back, ex);
    let _ = Span::default();
}
