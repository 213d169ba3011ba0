//! Properties of the extractor on documents shaped like the domain:
//! indicator-table rows built cell by cell, lists of names and of figures,
//! numerals in every script, markup, and sentences in both Chinese scripts
//! and English.
//!
//! The number of cases per property is proptest's: 256 by default,
//! `PROPTEST_CASES` to change it (CI runs 10,000 in release).

mod common;

use std::collections::HashMap;

use once_cell::sync::Lazy;
use proptest::prelude::*;
use zhen_extract::text::fold_char;
use zhen_extract::{
    institution_index, timeline, Extraction, Extractor, InstitutionEntry, MetricTimeline, Token,
};

// ---- the vocabulary -------------------------------------------------------

const METRICS: &[&str] = &[
    "研发投入强度",
    "全社会研发经费投入",
    "高新技术企业",
    "科技型企业",
    "技术合同成交额",
    "每万人口发明专利拥有量",
    "规模以上工业增加值",
];
const VERBS: &[&str] = &["达到", "超过", "增长", "下降", "提高到", "为", "达"];
const UNITS: &[&str] = &["%", "亿元", "万家", "家", "个百分点", "件", "万人", ""];
const NAMES: &[&str] = &["金凤", "明月湖", "嘉陵江", "国家重点", "重庆"];
const SUFFIXES: &[&str] = &["实验室", "研究院", "科学城", "高新区"];
const LEADS: &[&str] = &[
    "到2025年，",
    "2023年，",
    "“十四五”期间，",
    "到2035年，",
    "",
    "今年",
];
const ENGLISH: &[&str] = &[
    "By 2025, R&D intensity will reach ",
    "In 2023, the number of high-tech enterprises grew by ",
    "Exports fell by ",
    "Total funding was ",
];

/// A figure: an integer part, an optional one- or two-digit decimal part,
/// a sign.
#[derive(Clone, Debug)]
struct Figure {
    whole: u32,
    frac: Option<u8>,
    negative: bool,
}

impl Figure {
    fn half(&self) -> String {
        let mut s = String::new();
        if self.negative {
            s.push('-');
        }
        s.push_str(&self.whole.to_string());
        if let Some(f) = self.frac {
            s.push_str(&format!(".{}", f % 10 + 1));
        }
        s
    }
}

fn figure() -> impl Strategy<Value = Figure> {
    (
        0u32..100_000,
        proptest::option::of(any::<u8>()),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(whole, frac, negative)| Figure {
            whole,
            frac,
            negative,
        })
}

/// One sentence of a document.
#[derive(Clone, Debug)]
enum Sentence {
    /// `到2025年，研发投入强度达到2.6%。`
    Goal {
        lead: usize,
        metric: usize,
        verb: usize,
        figure: Figure,
        unit: usize,
    },
    /// `A、B分别达到X、Y。`
    Respectively {
        lead: usize,
        metrics: Vec<usize>,
        figures: Vec<(Figure, usize)>,
    },
    /// `加快建设金凤实验室、明月湖实验室。`
    Names { names: Vec<usize>, suffix: usize },
    /// an indicator-table row, cell by cell: `1\t研发投入强度(%)\t2.1\t2.6`
    Row {
        index: u8,
        metric: usize,
        unit: usize,
        cells: Vec<Figure>,
    },
    /// an English sentence
    English { opening: usize, figure: Figure },
    /// a Chinese numeral with magnitudes: `一千二百万元`
    Numeral { digits: Vec<u8>, unit: usize },
}

fn sentence() -> impl Strategy<Value = Sentence> {
    let m = || 0..METRICS.len();
    prop_oneof![
        (
            0..LEADS.len(),
            m(),
            0..VERBS.len(),
            figure(),
            0..UNITS.len()
        )
            .prop_map(|(lead, metric, verb, figure, unit)| Sentence::Goal {
                lead,
                metric,
                verb,
                figure,
                unit
            }),
        (
            0..LEADS.len(),
            prop::collection::vec(m(), 2..4),
            prop::collection::vec((figure(), 0..UNITS.len()), 2..4)
        )
            .prop_map(|(lead, metrics, figures)| Sentence::Respectively {
                lead,
                metrics,
                figures
            }),
        (
            prop::collection::vec(0..NAMES.len(), 1..6),
            0..SUFFIXES.len()
        )
            .prop_map(|(names, suffix)| Sentence::Names { names, suffix }),
        (
            1u8..30,
            m(),
            0..UNITS.len(),
            prop::collection::vec(figure(), 1..4)
        )
            .prop_map(|(index, metric, unit, cells)| Sentence::Row {
                index,
                metric,
                unit,
                cells
            }),
        (0..ENGLISH.len(), figure())
            .prop_map(|(opening, figure)| Sentence::English { opening, figure }),
        (prop::collection::vec(0u8..10, 1..6), 0..UNITS.len())
            .prop_map(|(digits, unit)| Sentence::Numeral { digits, unit }),
    ]
}

/// Renders a sentence; `digits` writes each ASCII digit (half- or
/// full-width).
fn render(s: &Sentence, digits: fn(&str) -> String) -> String {
    match s {
        Sentence::Goal {
            lead,
            metric,
            verb,
            figure,
            unit,
        } => format!(
            "{}{}{}{}{}。",
            digits(LEADS[*lead]),
            METRICS[*metric],
            VERBS[*verb],
            digits(&figure.half()),
            UNITS[*unit]
        ),
        Sentence::Respectively {
            lead,
            metrics,
            figures,
        } => {
            let ms: Vec<&str> = metrics.iter().map(|&i| METRICS[i]).collect();
            let fs: Vec<String> = figures
                .iter()
                .map(|(f, u)| format!("{}{}", digits(&f.half()), UNITS[*u]))
                .collect();
            format!(
                "{}{}分别达到{}。",
                digits(LEADS[*lead]),
                ms.join("、"),
                fs.join("、")
            )
        }
        Sentence::Names { names, suffix } => {
            let ns: Vec<String> = names
                .iter()
                .map(|&i| format!("{}{}", NAMES[i], SUFFIXES[*suffix]))
                .collect();
            format!("加快建设{}。", ns.join("、"))
        }
        Sentence::Row {
            index,
            metric,
            unit,
            cells,
        } => {
            let mut row = format!("{}\t{}", digits(&index.to_string()), METRICS[*metric]);
            if !UNITS[*unit].is_empty() {
                row.push_str(&format!("({})", UNITS[*unit]));
            }
            for c in cells {
                row.push('\t');
                row.push_str(&digits(&c.half()));
            }
            row
        }
        Sentence::English { opening, figure } => {
            format!(
                "{}{} percent.",
                digits(ENGLISH[*opening]),
                digits(&figure.half())
            )
        }
        Sentence::Numeral { digits: ds, unit } => {
            const CN: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
            const MAG: [char; 4] = ['千', '百', '十', '万'];
            let mut s = String::from("投资");
            for (i, d) in ds.iter().enumerate() {
                s.push(CN[*d as usize % 9 + 1]);
                s.push(MAG[i % 4]);
            }
            format!("{s}{}。", UNITS[*unit])
        }
    }
}

fn half(s: &str) -> String {
    s.to_string()
}

fn full(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap(),
            c => c,
        })
        .collect()
}

fn document() -> impl Strategy<Value = Vec<Sentence>> {
    prop::collection::vec(sentence(), 1..8)
}

/// Wraps some sentences in markup, the way web pages give them.
fn markup() -> impl Strategy<Value = String> {
    (
        document(),
        prop::collection::vec(
            prop::sample::select(vec![
                "<p>", "</p>", "<b>", "</b>", "&nbsp;", "<br/>", "&amp;", "<td>", "</td>",
            ]),
            0..8,
        ),
    )
        .prop_map(|(doc, tags)| {
            let mut out = String::new();
            for (i, s) in doc.iter().enumerate() {
                if let Some(t) = tags.get(i) {
                    out.push_str(t);
                }
                out.push_str(&render(s, half));
                out.push('\n');
            }
            out
        })
}

// ---- simplified to traditional ------------------------------------------

/// Simplified → one traditional form: the inverse of the library's own
/// folding (`fold_char`) over the CJK characters, which folds every
/// traditional form back.
static S2T: Lazy<HashMap<char, char>> = Lazy::new(|| {
    let mut m = HashMap::new();
    for c in ('\u{2E80}'..='\u{FEFF}').chain('\u{20000}'..='\u{3FFFF}') {
        let s = fold_char(c);
        if s != c && !s.is_ascii() {
            m.entry(s).or_insert(c);
        }
    }
    m
});

fn traditional(s: &str) -> String {
    s.chars().map(|c| *S2T.get(&c).unwrap_or(&c)).collect()
}

/// The script property compares two different texts, not one text twice.
#[test]
fn traditional_text_differs_and_folds_back() {
    let s = "到2025年研发投入强度达到2.6%，金凤实验室";
    let t = traditional(s);
    assert_ne!(t, s);
    assert!(
        t.contains("研發") && t.contains("強度") && t.contains("鳳"),
        "{t}"
    );
    assert_eq!(
        t.chars().map(fold_char).collect::<String>(),
        s.replace('，', ",")
    );
}

// ---- the checks ---------------------------------------------------------

fn ex() -> &'static Extractor {
    static EX: Lazy<Extractor> = Lazy::new(Extractor::new);
    &EX
}

/// Every span slices `text`; every value is finite.
fn check(text: &str, out: &Extraction) {
    common::assert_spans(text, out);
    for q in out
        .quantities
        .iter()
        .chain(out.targets.iter().map(|t| &t.quantity))
    {
        assert!(q.value.is_finite(), "{q:?}");
    }
    for b in out.targets.iter().filter_map(|t| t.baseline.as_ref()) {
        assert!(b.value.is_finite(), "{b:?}");
    }
}

fn extract(text: &str) -> Extraction {
    let out = ex().extract(text).expect("a generated document is text");
    check(text, &out);
    out
}

/// What a record says, without its words and offsets: script-free.
fn meaning(out: &Extraction) -> Vec<String> {
    let mut v = Vec::new();
    for q in &out.quantities {
        v.push(format!("q {} {:?} {:?}", q.value, q.unit, q.currency));
    }
    for y in &out.years {
        v.push(format!(
            "y {} {} {:?} {}",
            y.start_year, y.end_year, y.kind, y.relative
        ));
    }
    for t in &out.targets {
        v.push(format!(
            "t {:?} {} {:?} {:?} {:?}",
            t.metric_id, t.quantity.value, t.comparator, t.year, t.status
        ));
    }
    for i in &out.institutions {
        v.push(format!("i {:?} {:?} {}", i.canonical_id, i.kind, i.generic));
    }
    v
}

proptest! {
    #[test]
    fn generated_documents_never_panic_and_spans_slice(doc in document()) {
        let text: Vec<String> = doc.iter().map(|s| render(s, half)).collect();
        extract(&text.join("\n"));
        extract(&text.concat());
    }

    #[test]
    fn markup_never_panics_and_spans_slice(text in markup()) {
        extract(&text);
    }

    #[test]
    fn simplified_and_traditional_give_the_same_records(doc in document()) {
        let text: String = doc.iter().map(|s| render(s, half) + "\n").collect();
        let trad = traditional(&text);
        prop_assert_eq!(meaning(&extract(&text)), meaning(&extract(&trad)), "{}\n{}", text, trad);
    }

    #[test]
    fn full_and_half_width_digits_give_the_same_values(doc in document()) {
        let a: String = doc.iter().map(|s| render(s, half) + "\n").collect();
        let b: String = doc.iter().map(|s| render(s, full) + "\n").collect();
        prop_assert_eq!(meaning(&extract(&a)), meaning(&extract(&b)), "{}\n{}", a, b);
    }

    #[test]
    fn quantities_and_years_do_not_depend_on_paragraph_breaks(doc in document()) {
        let lines: Vec<String> = doc.iter().map(|s| render(s, half)).collect();
        let one = extract(&lines.join("\n"));
        let two = extract(&lines.join("\n\n"));
        let values = |o: &Extraction| {
            let mut q: Vec<String> = o.quantities.iter().map(|q| format!("{} {:?} {}", q.value, q.unit, q.span.text)).collect();
            q.extend(o.years.iter().map(|y| format!("{} {} {}", y.start_year, y.end_year, y.span.text)));
            q
        };
        prop_assert_eq!(values(&one), values(&two));
    }

    #[test]
    fn every_record_survives_a_json_round_trip(doc in document()) {
        let text: String = doc.iter().map(|s| render(s, half) + "\n").collect();
        let out = extract(&text);
        let json = serde_json::to_string(&out).unwrap();
        prop_assert_eq!(&serde_json::from_str::<Extraction>(&json).unwrap(), &out);
        let lines = timeline([("doc", &out)]);
        let json = serde_json::to_string(&lines).unwrap();
        prop_assert_eq!(serde_json::from_str::<Vec<MetricTimeline>>(&json).unwrap(), lines);
        let rows = institution_index([("doc", &out), ("again", &out)]);
        let json = serde_json::to_string(&rows).unwrap();
        prop_assert_eq!(serde_json::from_str::<Vec<InstitutionEntry>>(&json).unwrap(), rows);
        let doc = ex().analyze(&text).unwrap();
        let tokens: Vec<Token> = doc.tokens().collect();
        let json = serde_json::to_string(&tokens).unwrap();
        prop_assert_eq!(serde_json::from_str::<Vec<Token>>(&json).unwrap(), tokens);
    }
}
