//! The HTML report (`zhen-extract report`): one self-contained page, with
//! no network access, for an analyst to look at a corpus.
//!
//! - a chart per `metric_id` of the corpus's timeline, years across,
//!   goals and reported figures as different marks, a colour per document,
//!   the comparator beside each figure;
//! - under each chart, every figure with the sentence it came from, the
//!   metric and the figure marked at their exact spans; each mark of the
//!   chart links to its figure there;
//! - the institutions, one row per body, with their aliases by script;
//! - the documents, with their counts of each kind of record.
//!
//! The page is an askama template (`templates/report.html`) with its CSS
//! inline; the charts are SVG from plotters.

mod chart;
mod excerpt;

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use zhen_extract::text::{fold_char, is_han};
use zhen_extract::{Document, Extraction, Span, Status, Unit};

pub use excerpt::Piece;

/// What the report keeps of one document, taken while its text is at
/// hand: the records, and the excerpt of each target that has a metric.
#[derive(Debug, Clone)]
pub struct Material {
    /// The document's records.
    pub extraction: Extraction,
    /// By target span: the pieces of the sentence it was found in.
    excerpts: HashMap<(usize, usize), Vec<Piece>>,
    /// The document's size in bytes.
    bytes: usize,
}

impl Material {
    /// Takes what the report needs of `doc`, whose records are `extraction`.
    pub fn of(doc: &Document<'_>, extraction: Extraction) -> Material {
        let sentences: Vec<Span> = doc.sentences().collect();
        let excerpts = extraction
            .targets
            .iter()
            .filter(|t| t.metric_id.is_some())
            .map(|t| {
                (
                    (t.span.start, t.span.end),
                    excerpt::excerpt(doc, &sentences, t),
                )
            })
            .collect();
        Material {
            extraction,
            excerpts,
            bytes: doc.input().len(),
        }
    }
}

/// One input of the report: a document's material, or why there is none.
#[derive(Debug)]
pub struct Source {
    name: String,
    outcome: Result<Material, String>,
}

impl Source {
    /// A document read and extracted.
    pub fn done(name: &str, material: Material) -> Source {
        Source {
            name: name.to_string(),
            outcome: Ok(material),
        }
    }

    /// An input that gave no document, and why.
    pub fn failed(name: &str, why: &str) -> Source {
        Source {
            name: name.to_string(),
            outcome: Err(why.to_string()),
        }
    }
}

/// The page, as the template reads it.
#[derive(Template)]
#[template(path = "report.html")]
struct Page {
    version: &'static str,
    documents: usize,
    failed: usize,
    metrics: Vec<MetricView>,
    institutions: Vec<InstitutionView>,
    docs: Vec<DocView>,
}

/// One metric's section.
struct MetricView {
    id: String,
    unit: String,
    chart: String,
    width: u32,
    height: u32,
    marks: Vec<MarkView>,
    series: Vec<SeriesView>,
    rows: Vec<PointView>,
}

/// A link laid over a mark of the chart, with the figure's data for
/// whoever reads the page's DOM.
struct MarkView {
    x: i32,
    y: i32,
    anchor: String,
    title: String,
    year: String,
    value: String,
    status: &'static str,
    comparator: &'static str,
    doc: String,
    figure: String,
}

/// A document's colour in a chart.
struct SeriesView {
    colour: String,
    doc: String,
    short: String,
}

/// One figure in the table under a chart.
struct PointView {
    anchor: String,
    year: String,
    status: &'static str,
    comparator: &'static str,
    value: String,
    figure: String,
    doc: String,
    short: String,
    colour: String,
    mentions: usize,
    charted: bool,
    pieces: Vec<Piece>,
}

/// A row of the institution table.
struct InstitutionView {
    key: String,
    name: String,
    kind: &'static str,
    generic: bool,
    simplified: Vec<String>,
    traditional: Vec<String>,
    latin: Vec<String>,
    mentions: usize,
    docs: Vec<(String, usize)>,
}

/// A row of the document list.
struct DocView {
    name: String,
    short: String,
    bytes: usize,
    quantities: usize,
    years: usize,
    goals: usize,
    reported: usize,
    institutions: usize,
    error: Option<String>,
}

/// The file name of a document's path, for narrow columns.
fn short(doc: &str) -> String {
    doc.rsplit(['/', '\\']).next().unwrap_or(doc).to_string()
}

/// The value as written in a table, with its unit.
fn value_text(value: f64, unit: Unit, currency: Option<&str>) -> String {
    let v = chart::compact(value);
    match unit {
        Unit::Percent => format!("{v}%"),
        Unit::PercentagePoint => format!("{v} pp"),
        Unit::Currency => format!("{v} {}", currency.unwrap_or("")),
        _ => v,
    }
}

/// The axis name and the label suffix of a unit.
fn unit_names(unit: Unit, currency: Option<&str>) -> (String, &'static str) {
    match unit {
        Unit::Percent => ("percent".into(), "%"),
        Unit::PercentagePoint => ("percentage points".into(), ""),
        Unit::Currency => (currency.unwrap_or("money").to_string(), ""),
        other => (other.as_str().replace('_', " "), ""),
    }
}

/// The page for `sources`, in their order.
pub fn render(sources: &[Source]) -> String {
    let done: Vec<(&str, &Material)> = sources
        .iter()
        .filter_map(|s| s.outcome.as_ref().ok().map(|m| (s.name.as_str(), m)))
        .collect();
    let by_doc: HashMap<&str, &Material> = done.iter().copied().collect();
    let lines = zhen_extract::timeline(done.iter().map(|(n, m)| (*n, &m.extraction)));
    let mut anchors = 0usize;
    let metrics = lines
        .iter()
        .map(|line| metric_view(line, &by_doc, &mut anchors))
        .collect();
    let page = Page {
        version: env!("CARGO_PKG_VERSION"),
        documents: done.len(),
        failed: sources.len() - done.len(),
        metrics,
        institutions: institution_views(&done),
        docs: sources.iter().map(doc_view).collect(),
    };
    // rendering writes to a String and reads only the views: it cannot fail
    page.render()
        .unwrap_or_else(|e| format!("<!doctype html><p>report failed: {e}</p>"))
}

fn metric_view(
    line: &zhen_extract::MetricTimeline,
    by_doc: &HashMap<&str, &Material>,
    anchors: &mut usize,
) -> MetricView {
    // the chart's unit: the one most figures have
    let mut units: BTreeMap<(Unit, Option<&str>), usize> = BTreeMap::new();
    for p in &line.points {
        *units.entry((p.unit, p.currency.as_deref())).or_default() += 1;
    }
    let (unit, currency) = units
        .iter()
        .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
        .map(|(k, _)| *k)
        .unwrap_or((Unit::Number, None));
    let mut docs: Vec<&str> = Vec::new();
    let mut data = Vec::new();
    let mut rows = Vec::new();
    let mut on_chart = Vec::new();
    for p in &line.points {
        let series = match docs.iter().position(|d| *d == p.doc) {
            Some(i) => i,
            None => {
                docs.push(&p.doc);
                docs.len() - 1
            }
        };
        *anchors += 1;
        let anchor = format!("p{anchors}");
        let charted = p.year.is_some() && (p.unit, p.currency.as_deref()) == (unit, currency);
        if let (true, Some(year)) = (charted, p.year) {
            data.push(chart::Datum {
                year,
                value: p.value,
                goal: p.status == Status::Target,
                comparator: p.comparator,
                series,
            });
            on_chart.push((rows.len(), p.value, p.comparator));
        }
        let material = by_doc.get(p.doc.as_str());
        let target = material.and_then(|m| {
            m.extraction
                .targets
                .iter()
                .find(|t| t.span.start == p.span.start && t.span.end == p.span.end)
        });
        let pieces = material
            .and_then(|m| m.excerpts.get(&(p.span.start, p.span.end)))
            .cloned()
            .unwrap_or_default();
        rows.push(PointView {
            anchor,
            year: p.year.map_or_else(|| "—".to_string(), |y| y.to_string()),
            status: match p.status {
                Status::Target => "goal",
                Status::Actual => "reported",
            },
            comparator: chart::sign(p.comparator),
            value: value_text(p.value, p.unit, p.currency.as_deref()),
            figure: target.map_or_else(|| p.span.text.clone(), |t| t.quantity.span.text.clone()),
            doc: p.doc.clone(),
            short: short(&p.doc),
            colour: chart::colour(series),
            mentions: p.mentions,
            charted,
            pieces,
        });
    }
    let (unit_name, suffix) = unit_names(unit, currency);
    let drawn = chart::draw(&data, docs.len(), &unit_name, suffix);
    let marks = on_chart
        .iter()
        .zip(&drawn.at)
        .map(|(&(row, value, comparator), &(x, y))| {
            let r = &rows[row];
            MarkView {
                x,
                y,
                anchor: r.anchor.clone(),
                title: format!(
                    "{} {} {}{} — {}",
                    r.year, r.status, r.comparator, r.value, r.short
                ),
                year: r.year.clone(),
                value: value.to_string(),
                status: r.status,
                comparator: comparator.as_str(),
                doc: r.doc.clone(),
                figure: r.figure.clone(),
            }
        })
        .collect();
    MetricView {
        id: line.metric_id.clone(),
        unit: unit_name,
        chart: drawn.svg,
        width: chart::WIDTH,
        height: chart::HEIGHT,
        marks,
        series: docs
            .iter()
            .enumerate()
            .map(|(i, d)| SeriesView {
                colour: chart::colour(i),
                doc: d.to_string(),
                short: short(d),
            })
            .collect(),
        rows,
    }
}

/// The script an alias is written in: Latin, traditional Chinese (a
/// character the fold to simplified changes), else simplified (or a
/// character both scripts share).
#[derive(Debug, PartialEq, Eq)]
enum Script {
    Simplified,
    Traditional,
    Latin,
}

fn script(alias: &str) -> Script {
    if !alias.chars().any(is_han) {
        Script::Latin
    } else if alias.chars().any(|c| is_han(c) && fold_char(c) != c) {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

fn institution_views(done: &[(&str, &Material)]) -> Vec<InstitutionView> {
    zhen_extract::institution_index(done.iter().map(|(n, m)| (*n, &m.extraction)))
        .into_iter()
        .map(|r| {
            let mut views = (Vec::new(), Vec::new(), Vec::new());
            for a in &r.aliases {
                let a = a.replace(['\n', '\r', '\t'], " ");
                match script(&a) {
                    Script::Simplified => views.0.push(a),
                    Script::Traditional => views.1.push(a),
                    Script::Latin => views.2.push(a),
                }
            }
            let mut docs: BTreeMap<&str, usize> = BTreeMap::new();
            for o in &r.occurrences {
                *docs.entry(o.doc.as_str()).or_default() += 1;
            }
            InstitutionView {
                key: r.key.clone(),
                name: r.name.clone(),
                kind: r.kind.as_str(),
                generic: r.generic,
                simplified: views.0,
                traditional: views.1,
                latin: views.2,
                mentions: r.occurrences.len(),
                docs: docs.into_iter().map(|(d, n)| (short(d), n)).collect(),
            }
        })
        .collect()
}

fn doc_view(source: &Source) -> DocView {
    let mut view = DocView {
        name: source.name.clone(),
        short: short(&source.name),
        bytes: 0,
        quantities: 0,
        years: 0,
        goals: 0,
        reported: 0,
        institutions: 0,
        error: None,
    };
    match &source.outcome {
        Ok(m) => {
            let ex = &m.extraction;
            view.bytes = m.bytes;
            view.quantities = ex.quantities.len();
            view.years = ex.years.len();
            view.goals = ex
                .targets
                .iter()
                .filter(|t| t.status == Status::Target)
                .count();
            view.reported = ex.targets.len() - view.goals;
            view.institutions = ex.institutions.len();
        }
        Err(e) => view.error = Some(e.clone()),
    }
    view
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhen_extract::Extractor;

    fn material(text: &str) -> Material {
        let ex = Extractor::new();
        let doc = ex.analyze(text).unwrap();
        let out = ex.extract_document(&doc);
        Material::of(&doc, out)
    }

    #[test]
    fn scripts_of_aliases() {
        assert_eq!(script("金凤实验室"), Script::Simplified);
        assert_eq!(script("金鳳實驗室"), Script::Traditional);
        assert_eq!(script("Jinfeng Laboratory"), Script::Latin);
    }

    #[test]
    fn a_page_with_a_chart_per_metric_and_a_link_per_mark() {
        let sources = [
            Source::done("a.txt", material("2020年，全市研发经费投入强度2.11%。")),
            Source::done("b.txt", material("到2025年，全社会研发投入强度达到2.6%。")),
            Source::failed("c.txt", "c.txt: input is empty"),
        ];
        let html = render(&sources);
        assert!(html.starts_with("<!doctype html>"), "{}", &html[..40]);
        assert_eq!(html.matches("<section class=\"metric\"").count(), 1);
        assert_eq!(html.matches("class=\"point\"").count(), 2);
        assert!(html.contains("href=\"#p1\"") && html.contains("id=\"p1\""));
        assert!(
            html.contains("<mark class=\"figure\" id=\"p2\">2.6%</mark>"),
            "{html}"
        );
        assert!(html.contains("input is empty"));
        // self-contained: nothing to fetch
        for fetching in [" src=", "<link", "@import", "url(", "<script"] {
            assert!(!html.contains(fetching), "{fetching}");
        }
    }
}
