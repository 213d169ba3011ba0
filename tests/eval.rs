//! Evaluation on the development gold (`fixtures/gold`), with the rules of
//! the reference scorer (`tools/score.py`, ported in `eval/score.rs`).
//! Prints a P/R/F1 table per kind and fails below the floors the issues
//! set. Run `cargo test --test eval -- --nocapture` to see the table.

#[path = "eval/score.rs"]
mod score;

use std::path::Path;

use score::{covered, load_gold, locate, score_kind, Counts, KINDS};
use serde_json::{json, Value};
use zhen_extract::Extractor;

/// The labels of the table: the kinds, then targets scored by metric id.
const LABELS: [&str; 5] = [
    "quantities",
    "years",
    "targets",
    "institutions",
    "targets_by_metric_id",
];

/// The floors of issues 2, 3 and 4 (F1).
const FLOORS: [(&str, f64); 5] = [
    ("quantities", 0.93),
    ("years", 0.95),
    ("targets", 0.80),
    ("targets_by_metric_id", 0.70),
    ("institutions", 0.85),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Scores predictions (per document: the JSON object the CLI prints).
fn evaluate(predict: impl Fn(&str, &str, &score::Gold) -> Value) -> Vec<(&'static str, Counts)> {
    let mut totals: Vec<(&'static str, Counts)> =
        LABELS.iter().map(|l| (*l, Counts::default())).collect();
    for (doc, gold) in load_gold(&root().join("fixtures/gold")) {
        let text = std::fs::read_to_string(root().join("seeds").join(&doc)).expect("seed for gold");
        let ranges = covered(&text, &gold.covers);
        let pred = predict(&doc, &text, &gold);
        for kind in KINDS {
            let golds = locate(&gold.items[kind], &text);
            let preds: Vec<Value> = pred[kind].as_array().cloned().unwrap_or_default();
            let mut runs = vec![(kind, false)];
            if kind == "targets" {
                runs.push(("targets_by_metric_id", true));
            }
            for (label, by_id) in runs {
                let c = score_kind(kind, &preds, &golds, &ranges, by_id);
                totals
                    .iter_mut()
                    .find(|(l, _)| *l == label)
                    .unwrap()
                    .1
                    .add(c);
            }
        }
    }
    totals
}

fn table(totals: &[(&str, Counts)]) -> String {
    let mut s = format!(
        "{:<22} {:>6} {:>6} {:>6}   tp/fp/fn\n",
        "kind", "P", "R", "F1"
    );
    for (label, c) in totals {
        // as the scorer prints: rounded to 4 places, shown to 3
        let round4 = |x: f64| (x * 1e4).round() / 1e4;
        let (p, r, f) = c.prf();
        let (p, r, f) = (round4(p), round4(r), round4(f));
        s.push_str(&format!(
            "{label:<22} {p:>6.3} {r:>6.3} {f:>6.3}   {}/{}/{}\n",
            c.tp, c.fp, c.fn_
        ));
    }
    s
}

fn extractor_predictions(_doc: &str, text: &str, _gold: &score::Gold) -> Value {
    let ex = Extractor::new().extract(text).expect("seed extracts");
    serde_json::to_value(&ex).expect("records serialize")
}

#[test]
fn scores_on_the_development_gold_meet_the_floors() {
    let totals = evaluate(extractor_predictions);
    let shown = table(&totals);
    eprintln!("\n{shown}");
    for (label, floor) in FLOORS {
        let (_, c) = totals.iter().find(|(l, _)| *l == label).unwrap();
        let f1 = c.prf().2;
        assert!(
            f1 >= floor,
            "{label}: F1 {f1:.3} below the floor {floor}\n{shown}"
        );
    }
}

/// The gold itself, written as predictions.
fn gold_predictions(shift: usize) -> impl Fn(&str, &str, &score::Gold) -> Value {
    move |_doc, text, gold| {
        let mut out = json!({});
        for kind in KINDS {
            let items: Vec<Value> = locate(&gold.items[kind], text)
                .into_iter()
                .map(|g| {
                    let span = json!({"start": g.start + shift, "end": g.end + shift});
                    let mut p = g.item.clone();
                    p["span"] = span.clone();
                    if kind == "targets" {
                        p["quantity"] =
                            json!({"span": span, "value": g.item["value"], "unit": g.item["unit"]});
                    }
                    p
                })
                .collect();
            out[kind] = Value::Array(items);
        }
        out
    }
}

#[test]
fn the_scorer_gives_the_gold_full_marks_and_catches_errors() {
    for (label, c) in evaluate(gold_predictions(0)) {
        assert_eq!((c.fp, c.fn_), (0, 0), "{label}: {c:?}");
        assert!(c.tp > 0, "{label}");
    }
    // spans moved past their mentions no longer match
    let moved = evaluate(gold_predictions(10_000_000));
    for (label, c) in moved {
        assert_eq!(c.tp, 0, "{label}: {c:?}");
    }
}

#[test]
fn the_scorer_checks_values_and_metrics() {
    use score::metric_match;
    assert!(metric_match("全社會研發投入強度", "研發投入強度"));
    assert!(metric_match(
        "R&D investment intensity",
        "r&d investment intensity"
    ));
    assert!(!metric_match("技术合同成交额", "研发人员"));
    assert_eq!(score::norm_text("（西部 “重庆”）"), "(西部重庆)");
    // a wrong value is a false positive and a miss
    let g = score::Located {
        start: 0,
        end: 4,
        item: json!({"text": "2.6%", "value": 2.6, "unit": "percent"}),
    };
    let wrong = json!({"span": {"start": 0, "end": 4}, "value": 2.7, "unit": "percent"});
    let c = score_kind("quantities", &[wrong], &[g], &[(0, 10)], false);
    assert_eq!((c.tp, c.fp, c.fn_), (0, 1, 1));
}
