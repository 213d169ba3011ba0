//! The timeline of a metric across documents: every figure given for one
//! `metric_id`, goals and reported values, sorted by year.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Comparator, Extraction, SpanText, Status, Target, Unit};

/// One figure of a metric: a goal or a reported value, where it was said.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelinePoint {
    /// The year the figure is for, where the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Goal or reported figure.
    pub status: Status,
    /// How the value bounds the metric.
    pub comparator: Comparator,
    /// The value, fully scaled.
    pub value: f64,
    /// The unit of the value.
    pub unit: Unit,
    /// The ISO currency code, for money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The metric as the document words it.
    pub metric: String,
    /// The document's name, as given to [`timeline`].
    pub doc: String,
    /// The target's span in that document (the first, where a document
    /// gives the same figure more than once).
    pub span: SpanText,
    /// How many times the document gives this figure.
    pub mentions: usize,
}

/// Every figure of one metric, sorted by year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricTimeline {
    /// The metric's canonical id.
    pub metric_id: String,
    /// The figures: by year (figures without a year last), reported
    /// values before goals of the same year, then in document order.
    pub points: Vec<TimelinePoint>,
}

/// Collects the targets of many documents into one timeline per
/// `metric_id` (targets without one are left out), metrics in id order.
/// A figure a document repeats (same year, status, comparator and value)
/// is one point with its mentions counted.
///
/// ```
/// use zhen_extract::{timeline, Extractor, Status};
/// let ex = Extractor::new();
/// let plan = ex.extract("到2025年，全社会研发投入强度达到2.6%。")?;
/// let review = ex.extract("2020年，全市研发经费投入强度2.11%。")?;
/// let lines = timeline([("plan", &plan), ("review", &review)]);
/// let rd = lines.iter().find(|l| l.metric_id == "rd_intensity").unwrap();
/// let years: Vec<_> = rd.points.iter().map(|p| (p.year, p.status, p.value)).collect();
/// assert_eq!(years, [(Some(2020), Status::Actual, 2.11), (Some(2025), Status::Target, 2.6)]);
/// println!("{}", zhen_extract::TimelineTable(&lines));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn timeline<'a>(
    docs: impl IntoIterator<Item = (&'a str, &'a Extraction)>,
) -> Vec<MetricTimeline> {
    let mut lines: Vec<MetricTimeline> = Vec::new();
    let mut doc_order: Vec<(String, usize)> = Vec::new();
    for (doc, ex) in docs {
        doc_order.push((doc.to_string(), doc_order.len()));
        for t in &ex.targets {
            let Some(id) = &t.metric_id else { continue };
            let li = match lines.iter().position(|l| &l.metric_id == id) {
                Some(i) => i,
                None => {
                    lines.push(MetricTimeline {
                        metric_id: id.clone(),
                        points: Vec::new(),
                    });
                    lines.len() - 1
                }
            };
            let points = &mut lines[li].points;
            if let Some(p) = points
                .iter_mut()
                .find(|p| p.doc == doc && same_figure(p, t))
            {
                p.mentions += 1;
                continue;
            }
            points.push(point(doc, t));
        }
    }
    let rank = |doc: &str| {
        doc_order
            .iter()
            .find(|(d, _)| d == doc)
            .map_or(usize::MAX, |(_, o)| *o)
    };
    for line in &mut lines {
        line.points.sort_by_key(|p| {
            (
                p.year.is_none(),
                p.year,
                p.status == Status::Target,
                rank(&p.doc),
                p.span.start,
            )
        });
    }
    lines.sort_by(|a, b| a.metric_id.cmp(&b.metric_id));
    lines
}

fn same_figure(p: &TimelinePoint, t: &Target) -> bool {
    p.year == t.year
        && p.status == t.status
        && p.comparator == t.comparator
        && p.unit == t.quantity.unit
        && (p.value - t.quantity.value).abs() <= 1e-9 * p.value.abs().max(1.0)
}

fn point(doc: &str, t: &Target) -> TimelinePoint {
    TimelinePoint {
        year: t.year,
        status: t.status,
        comparator: t.comparator,
        value: t.quantity.value,
        unit: t.quantity.unit,
        currency: t.quantity.currency.clone(),
        metric: t.metric.clone(),
        doc: doc.to_string(),
        span: t.span.clone(),
        mentions: 1,
    }
}

/// A readable table of timelines, one block per metric:
///
/// ```text
/// rd_intensity
///   2020  actual  = 2.11%        003_7c5119c96a1bd42c.txt  全市研发经费投入强度
///   2025  target  > 2.73%        000_2909ced568600b7d.txt  r&d investment intensity
/// ```
#[derive(Debug, Clone, Copy)]
pub struct TimelineTable<'a>(pub &'a [MetricTimeline]);

impl fmt::Display for TimelineTable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.0 {
            writeln!(f, "{}", line.metric_id)?;
            for p in &line.points {
                let year = p.year.map_or_else(|| "----".to_string(), |y| y.to_string());
                let status = match p.status {
                    Status::Target => "target",
                    Status::Actual => "actual",
                };
                let figure = format!("{} {}", symbol(p.comparator), value(p));
                let times = if p.mentions > 1 {
                    format!(" (x{})", p.mentions)
                } else {
                    String::new()
                };
                writeln!(
                    f,
                    "  {year}  {status}  {figure:<16} {}  {}{times}",
                    p.doc,
                    p.metric.replace(['\n', '\t'], " ")
                )?;
            }
        }
        Ok(())
    }
}

fn symbol(c: Comparator) -> &'static str {
    match c {
        Comparator::Gt => ">",
        Comparator::Gte => ">=",
        Comparator::Eq => "=",
        Comparator::Approx => "~",
        Comparator::Lt => "<",
        Comparator::Lte => "<=",
    }
}

fn value(p: &TimelinePoint) -> String {
    let v = p.value;
    match p.unit {
        Unit::Percent => format!("{v}%"),
        Unit::PercentagePoint => format!("{v} pp"),
        Unit::Currency => format!("{v} {}", p.currency.as_deref().unwrap_or("")),
        _ => format!("{v}"),
    }
}
