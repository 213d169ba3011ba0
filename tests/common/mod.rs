//! Helpers shared by the integration tests.
#![allow(dead_code)]

use zhen_extract::rules::Table;
use zhen_extract::Extraction;

/// A shipped rule table, parsed.
pub fn table(name: &str) -> Table {
    let text = zhen_extract::rules::TABLES
        .iter()
        .find(|(n, _)| *n == name)
        .expect("table shipped")
        .1;
    Table::parse(name, text).expect("table parses")
}

/// The seed corpus: (short name, text), in file order.
pub const SEEDS: [(&str, &str); 5] = [
    ("000", include_str!("../../seeds/000_2909ced568600b7d.txt")),
    ("001", include_str!("../../seeds/001_09e785deedc0370a.txt")),
    ("002", include_str!("../../seeds/002_dabf6494caeab1cf.txt")),
    ("003", include_str!("../../seeds/003_7c5119c96a1bd42c.txt")),
    ("004", include_str!("../../seeds/004_a31b5c23aa0ba1da.txt")),
];

/// Every record's span slices `text` exactly, on character boundaries.
pub fn assert_spans(text: &str, ex: &Extraction) {
    let mut spans = Vec::new();
    spans.extend(ex.quantities.iter().map(|r| &r.span));
    spans.extend(ex.years.iter().map(|r| &r.span));
    spans.extend(ex.targets.iter().map(|r| &r.span));
    spans.extend(ex.targets.iter().map(|r| &r.metric_span));
    spans.extend(ex.targets.iter().map(|r| &r.quantity.span));
    spans.extend(ex.institutions.iter().map(|r| &r.span));
    for s in spans {
        assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?}"
        );
        assert_eq!(&text[s.start..s.end], s.text);
    }
}
