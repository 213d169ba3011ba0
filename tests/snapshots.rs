//! Snapshots of the extractor's output on each seed document, one snapshot
//! per document and kind, one record per line so that a change reads as a
//! line diff. Review every change with `cargo insta review`.

use zhen_extract::Extractor;

/// Renders records one JSON object per line, in document order.
fn render<T: serde::Serialize>(records: &[T]) -> String {
    let mut out = String::new();
    for r in records {
        out.push_str(&serde_json::to_string(r).expect("records serialize"));
        out.push('\n');
    }
    out
}

macro_rules! seed {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            let text = include_str!(concat!("../seeds/", $file));
            let ex = Extractor::new().extract(text).expect("seed extracts");
            let mut settings = insta::Settings::clone_current();
            settings.set_snapshot_suffix(stringify!($test));
            settings.set_description($file);
            settings.set_prepend_module_to_snapshot(false);
            settings.bind(|| {
                insta::assert_snapshot!("quantities", render(&ex.quantities));
                insta::assert_snapshot!("years", render(&ex.years));
                insta::assert_snapshot!("targets", render(&ex.targets));
                insta::assert_snapshot!("institutions", render(&ex.institutions));
            });
        }
    };
}

seed!(seed_000, "000_2909ced568600b7d.txt");
seed!(seed_001, "001_09e785deedc0370a.txt");
seed!(seed_002, "002_dabf6494caeab1cf.txt");
seed!(seed_003, "003_7c5119c96a1bd42c.txt");
seed!(seed_004, "004_a31b5c23aa0ba1da.txt");
