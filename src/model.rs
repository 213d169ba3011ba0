//! The typed records the library emits, with the field names and values
//! that `EXTRACTION.md` spells.
//!
//! Every record is owned and serializable; its `span` carries the byte
//! offsets into the caller's original input together with the text they
//! slice, so JSON consumers need nothing else.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A span together with the original text it slices.
///
/// `text == &input[start..end]` always holds for the input the record was
/// extracted from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanText {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The original text of the mention, as written.
    pub text: String,
}

impl SpanText {
    /// Slices `input` at `span`. `span` must fall on character boundaries.
    pub fn of(input: &str, span: Span) -> SpanText {
        SpanText {
            start: span.start,
            end: span.end,
            text: input[span].to_string(),
        }
    }

    /// The byte range as a [`Span`].
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// What a quantity counts or measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// `2.73%`, `百分之十`, `percent`.
    Percent,
    /// `0.57个百分点`, `percentage points`.
    PercentagePoint,
    /// Money: `1200亿元`, `50 billion yuan`; see [`Quantity::currency`].
    Currency,
    /// A count of things: `4.5万家`, `45,000 enterprises`, `四大`.
    Count,
    /// An area: `100平方公里`, `2万平方米`.
    Area,
    /// Any other measure: lengths, power, multiples (`倍`).
    Other,
    /// A bare number, emitted only when every number is asked for.
    Number,
}

impl Unit {
    /// The snake_case name used in JSON and in the rule tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::PercentagePoint => "percentage_point",
            Unit::Currency => "currency",
            Unit::Count => "count",
            Unit::Area => "area",
            Unit::Other => "other",
            Unit::Number => "number",
        }
    }

    /// Parses a snake_case unit name as written in the rule tables.
    pub fn from_name(name: &str) -> Option<Unit> {
        Some(match name {
            "percent" => Unit::Percent,
            "percentage_point" => Unit::PercentagePoint,
            "currency" => Unit::Currency,
            "count" => Unit::Count,
            "area" => Unit::Area,
            "other" => Unit::Other,
            "number" => Unit::Number,
            _ => return None,
        })
    }
}

/// A number with its unit (`EXTRACTION.md` section 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Where the quantity is written, number, magnitude and unit together.
    pub span: SpanText,
    /// The value, fully scaled: `4.5万` is 45000, `1200亿元` is 1.2e11.
    pub value: f64,
    /// What the value counts or measures.
    pub unit: Unit,
    /// ISO 4217 code where `unit` is currency (`CNY`, `USD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The counter or unit word, normalised to simplified (`家`, `人年`,
    /// `台(套)`), or the English head noun (`enterprises`); may be empty.
    #[serde(default)]
    pub classifier: String,
    /// The name of the rule-table row that recognised the unit: the
    /// record's explanation of itself.
    #[serde(default)]
    pub rule: String,
}

/// The shape of a year mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearKind {
    /// One year: `2025年`, `in 2025`, `二〇三五年`.
    Year,
    /// A span of years: `2021—2025年`, `(2025-2027)`.
    Range,
    /// A five-year plan: `十四五`, `14th Five-Year Plan`.
    PlanPeriod,
    /// A date that names its year: `2022年1月5日`, `2022年1月`.
    Date,
}

/// A year, range of years, plan period or dated day (`EXTRACTION.md`
/// section 2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearMention {
    /// The year as written, without `in`, `by` or `到`.
    pub span: SpanText,
    /// First year covered.
    pub start_year: i32,
    /// Last year covered; equal to `start_year` for a single year.
    pub end_year: i32,
    /// The shape of the mention.
    pub kind: YearKind,
    /// True for `今年` or `this year`, resolved from the caller's reference
    /// year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relative: bool,
}

/// How a target's value relates to its metric, read from the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// `超过`, `突破`, `more than`.
    Gt,
    /// `以上`, `不低于`, `at least`.
    Gte,
    /// `达到`, `为`, `reach`, a bare figure.
    Eq,
    /// `左右`, `约`, `about`.
    Approx,
    /// `less than`, `below`.
    Lt,
    /// `以下`, `以内`, `不超过`, `no more than`.
    Lte,
}

impl Comparator {
    /// The snake_case name used in JSON and in the rule tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Gt => "gt",
            Comparator::Gte => "gte",
            Comparator::Eq => "eq",
            Comparator::Approx => "approx",
            Comparator::Lt => "lt",
            Comparator::Lte => "lte",
        }
    }

    /// Parses a snake_case comparator name.
    pub fn from_name(name: &str) -> Option<Comparator> {
        Some(match name {
            "gt" => Comparator::Gt,
            "gte" => Comparator::Gte,
            "eq" => Comparator::Eq,
            "approx" => Comparator::Approx,
            "lt" => Comparator::Lt,
            "lte" => Comparator::Lte,
            _ => return None,
        })
    }
}

/// Whether a figure is a goal or a reported fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A goal: `力争`, `将`, `will`, a plan table's target column.
    Target,
    /// A reported figure: a review of a past year or plan.
    Actual,
}

/// The value and year a goal starts from (`从2.11%提高到2.6%`, a plan
/// table's base column).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The base value, scaled like the target's quantity.
    pub value: f64,
    /// The year of the base value, where the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Where the base value is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<SpanText>,
}

/// A metric tied to a quantity: a goal or a reported figure
/// (`EXTRACTION.md` section 3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// From the start of the metric to the end of the quantity, or the
    /// quantity alone where the metric is far from it.
    pub span: SpanText,
    /// The indicator as written (`全社會研發投入強度`), trimmed of verbs,
    /// comparators and frames.
    pub metric: String,
    /// Where the metric is written.
    pub metric_span: SpanText,
    /// The canonical key of the metric, shared across languages and
    /// scripts; absent where no rule-table row knows the wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_id: Option<String>,
    /// The value the metric is tied to.
    pub quantity: Quantity,
    /// How the value bounds the metric.
    pub comparator: Comparator,
    /// The deadline of a goal or the year of a reported figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Goal or reported figure.
    pub status: Status,
    /// Where the goal starts from, when the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
}

/// The kind of an institution, from its suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstitutionKind {
    /// 实验室, laboratory.
    Lab,
    /// 科学城, 科技城, science city.
    ScienceCity,
    /// 新区, 高新区, 示范区, high-tech zone.
    Zone,
    /// 园区, 产业园, 生态城, park.
    Park,
    /// 中心, center.
    Center,
    /// 研究院, 研究所, institute.
    Institute,
    /// 大学, 学院, university.
    University,
    /// 基地, 平台, 孵化器, corridor, and bodies of no listed kind.
    Other,
}

impl InstitutionKind {
    /// The snake_case name used in JSON and in the rule tables.
    pub fn as_str(self) -> &'static str {
        match self {
            InstitutionKind::Lab => "lab",
            InstitutionKind::ScienceCity => "science_city",
            InstitutionKind::Zone => "zone",
            InstitutionKind::Park => "park",
            InstitutionKind::Center => "center",
            InstitutionKind::Institute => "institute",
            InstitutionKind::University => "university",
            InstitutionKind::Other => "other",
        }
    }

    /// Parses a snake_case kind name.
    pub fn from_name(name: &str) -> Option<InstitutionKind> {
        Some(match name {
            "lab" => InstitutionKind::Lab,
            "science_city" => InstitutionKind::ScienceCity,
            "zone" => InstitutionKind::Zone,
            "park" => InstitutionKind::Park,
            "center" => InstitutionKind::Center,
            "institute" => InstitutionKind::Institute,
            "university" => InstitutionKind::University,
            "other" => InstitutionKind::Other,
            _ => return None,
        })
    }
}

/// A named body or place of the innovation system, or a category of them
/// (`EXTRACTION.md` section 4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Institution {
    /// The proper name as written (for coordinated names, only this
    /// name's own part).
    pub span: SpanText,
    /// The full name in normalised form (simplified, half-width), trimmed
    /// of verbs and modifiers: `金凤实验室`.
    pub name: String,
    /// The kind, from the suffix.
    pub kind: InstitutionKind,
    /// True for a category rather than one body (`国家重点实验室`).
    pub generic: bool,
    /// One key for every language and script of the same body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_id: Option<String>,
}

/// Everything extracted from one document, each list in span order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Numbers with units.
    pub quantities: Vec<Quantity>,
    /// Years, ranges, plan periods and dates.
    pub years: Vec<YearMention>,
    /// Goals and reported figures.
    pub targets: Vec<Target>,
    /// Institutions and categories of them.
    pub institutions: Vec<Institution>,
}
