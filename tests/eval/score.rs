//! The rules of the reference scorer (`tools/score.py`), in Rust: gold
//! items located by text and occurrence, greedy one-to-one matching by
//! span overlap and attributes, optional items neither required nor false
//! positives. Predictions and gold are JSON values, as the scorer reads
//! them.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// The kinds scored, in the scorer's order.
pub const KINDS: [&str; 4] = ["quantities", "years", "targets", "institutions"];

/// The gold of one document, all parts merged.
#[derive(Debug, Default)]
pub struct Gold {
    /// `None` for "all", else 1-based inclusive line ranges.
    pub covers: Vec<Option<Vec<(usize, usize)>>>,
    /// Per kind, the items with the part they came from.
    pub items: HashMap<&'static str, Vec<(usize, Value)>>,
}

/// Reads every `DOC.json` and `DOC.partN.json` of a folder.
pub fn load_gold(dir: &Path) -> Vec<(String, Gold)> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("gold folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut docs: Vec<(String, Gold)> = Vec::new();
    for (part, name) in names.iter().enumerate() {
        let Some(at) = name.find(".txt") else {
            continue;
        };
        let doc = name[..at + 4].to_string();
        let g: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let i = match docs.iter().position(|(d, _)| *d == doc) {
            Some(i) => i,
            None => {
                docs.push((doc.clone(), Gold::default()));
                docs.len() - 1
            }
        };
        let gold = &mut docs[i].1;
        gold.covers.push(match &g["covers"] {
            Value::Array(ranges) => Some(
                ranges
                    .iter()
                    .map(|r| {
                        (
                            r[0].as_u64().unwrap() as usize,
                            r[1].as_u64().unwrap() as usize,
                        )
                    })
                    .collect(),
            ),
            _ => None,
        });
        for kind in KINDS {
            let items = gold.items.entry(kind).or_default();
            for it in g[kind].as_array().into_iter().flatten() {
                items.push((part + 1, it.clone()));
            }
        }
    }
    docs
}

/// The byte offset of the `n`th match of `needle`, searching again one
/// character after each match.
fn nth_find(text: &str, needle: &str, n: usize) -> Option<usize> {
    let mut from = 0;
    let mut pos = None;
    for _ in 0..n {
        let p = from + text[from..].find(needle)?;
        pos = Some(p);
        from = p + text[p..].chars().next().map_or(1, char::len_utf8);
    }
    pos
}

/// A gold item with its byte span.
#[derive(Debug, Clone)]
pub struct Located {
    pub start: usize,
    pub end: usize,
    pub item: Value,
}

/// Gives each gold item a byte span from its text and occurrence.
pub fn locate(items: &[(usize, Value)], text: &str) -> Vec<Located> {
    let mut seen: HashMap<(usize, String), usize> = HashMap::new();
    let mut out = Vec::new();
    for (part, it) in items {
        let Some(t) = it["text"].as_str().filter(|t| !t.is_empty()) else {
            continue;
        };
        let occ = match it["occurrence"].as_u64() {
            Some(o) => o as usize,
            None => {
                let c = seen.entry((*part, t.to_string())).or_insert(0);
                *c += 1;
                *c
            }
        };
        if let Some(p) = nth_find(text, t, occ) {
            out.push(Located {
                start: p,
                end: p + t.len(),
                item: it.clone(),
            });
        }
    }
    out
}

/// The byte ranges the gold covers.
pub fn covered(text: &str, covers: &[Option<Vec<(usize, usize)>>]) -> Vec<(usize, usize)> {
    if covers.iter().any(Option::is_none) {
        return vec![(0, text.len())];
    }
    let mut starts = vec![0];
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            starts.push(i + 1);
        }
    }
    covers
        .iter()
        .flatten()
        .flatten()
        .map(|&(a, b)| {
            let s = starts[a - 1];
            let e = if b < starts.len() {
                starts[b]
            } else {
                text.len()
            };
            (s, e.min(text.len()))
        })
        .collect()
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn close(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * 1f64.max(a.abs()).max(b.abs()),
        _ => false,
    }
}

/// Width and case fold, white space and quotes removed.
pub fn norm_text(s: &str) -> String {
    s.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace() && !"\"'“”‘’《》「」".contains(*c))
        .collect()
}

/// The scorer's metric test: one inside the other, or a common run of at
/// least 60% of the shorter.
pub fn metric_match(pred: &str, gold: &str) -> bool {
    let a: Vec<char> = norm_text(pred).chars().collect();
    let b: Vec<char> = norm_text(gold).chars().collect();
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (sa, sb): (String, String) = (a.iter().collect(), b.iter().collect());
    if sa.contains(&sb) || sb.contains(&sa) {
        return true;
    }
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        let mut cur = vec![0usize; b.len() + 1];
        for j in 1..=b.len() {
            if a[i - 1] == b[j - 1] {
                cur[j] = prev[j - 1] + 1;
                best = best.max(cur[j]);
            }
        }
        prev = cur;
    }
    best as f64 >= 0.6 * a.len().min(b.len()) as f64
}

fn metric_text(p: &Value) -> String {
    match &p["metric"] {
        Value::String(s) => s.clone(),
        Value::Object(o) => o
            .get("text")
            .and_then(Value::as_str)
            .or_else(|| o.get("span").and_then(|s| s["text"].as_str()))
            .unwrap_or("")
            .to_string(),
        _ => String::new(),
    }
}

fn attrs_match(kind: &str, p: &Value, g: &Value, by_id: bool) -> bool {
    match kind {
        "quantities" => close(&p["value"], &g["value"]) && p["unit"] == g["unit"],
        "years" => {
            p["start_year"] == g["start_year"]
                && p["end_year"] == g["end_year"]
                && p["kind"] == g["kind"]
        }
        "targets" => {
            let q = if p["quantity"].is_object() {
                &p["quantity"]
            } else {
                p
            };
            let ok = close(&q["value"], &g["value"])
                && q["unit"] == g["unit"]
                && p["comparator"] == g["comparator"]
                && p["year"] == g["year"]
                && p["status"] == g["status"];
            if !ok {
                return false;
            }
            if by_id {
                g["metric_id"].as_str().is_some_and(|id| !id.is_empty())
                    && p["metric_id"] == g["metric_id"]
            } else {
                metric_match(&metric_text(p), g["metric"].as_str().unwrap_or(""))
            }
        }
        "institutions" => {
            norm_text(p["name"].as_str().unwrap_or(""))
                == norm_text(g["name"].as_str().unwrap_or(""))
                && p["kind"] == g["kind"]
        }
        _ => false,
    }
}

fn span_of(v: &Value) -> Option<(usize, usize)> {
    let s = &v["span"];
    Some((s["start"].as_u64()? as usize, s["end"].as_u64()? as usize))
}

/// True positives, false positives and false negatives of one kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }

    /// Precision, recall and F1 as the scorer prints them (0 where
    /// undefined).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Greedy one-to-one matching of one kind in one document.
pub fn score_kind(
    kind: &str,
    preds: &[Value],
    golds: &[Located],
    ranges: &[(usize, usize)],
    by_id: bool,
) -> Counts {
    let in_cover = |sp: (usize, usize)| {
        ranges
            .iter()
            .any(|r| overlaps(sp, *r) || (sp.0 >= r.0 && sp.1 <= r.1))
    };
    let pspan = |p: &Value| {
        if kind == "targets" {
            span_of(&p["quantity"]).or_else(|| span_of(p))
        } else {
            span_of(p)
        }
    };
    let preds: Vec<&Value> = preds
        .iter()
        .filter(|p| span_of(p).is_some_and(in_cover))
        .collect();
    let mut used = vec![false; preds.len()];
    let mut c = Counts::default();
    for g in golds {
        let optional = g.item["optional"].as_bool().unwrap_or(false);
        let hit = preds.iter().enumerate().position(|(i, p)| {
            !used[i]
                && pspan(p).is_some_and(|s| overlaps(s, (g.start, g.end)))
                && attrs_match(kind, p, &g.item, by_id)
        });
        match hit {
            Some(i) => {
                used[i] = true;
                if !optional {
                    c.tp += 1;
                }
            }
            None if !optional => c.fn_ += 1,
            None => {}
        }
    }
    let optional: Vec<(usize, usize)> = golds
        .iter()
        .filter(|g| g.item["optional"].as_bool().unwrap_or(false))
        .map(|g| (g.start, g.end))
        .collect();
    c.fp = preds
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            !used[*i] && !pspan(p).is_some_and(|s| optional.iter().any(|o| overlaps(s, *o)))
        })
        .count();
    c
}
