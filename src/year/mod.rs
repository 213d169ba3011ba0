//! The year recognizer: single years (`2025年`, `in 2025`, `二〇三五年`),
//! ranges (`2021—2025年`, `2021-25`), five-year plans (`十四五`,
//! `14th Five-Year Plan`, from the `plans` table), dates with a year
//! (`2022年1月5日`) and, given a reference year, relative years (`今年`).

mod era;

use crate::error::RuleError;
use crate::exclusion::{Applies, ExcludedRegions};
use crate::model::{YearKind, YearMention};
use crate::number::NumberRules;
use crate::rules::{Rules, Tables};
use crate::span::Span;
use crate::text::fold_char;
use crate::text::Document;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use once_cell::sync::Lazy;
use regex::Regex;

/// Years, ranges and dates written with digits. The alternation order is
/// the preference order: a date before a range before a single year.
static NUMERIC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)
        (?P<date>(?P<dy>[12][0-9]{3})年(?P<dm>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?:(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})日)?)
        | (?P<cdate>(?P<cdy>[〇零一二三四五六七八九]{4})年(?:十[一二]?|[一二三四五六七八九])月(?:[一二三四五六七八九十]{1,3}日)?)
        | (?P<zq>(?P<zqy>[12][0-9]{3})年第?(?:[一二三四]|[1-4])季度)
        | (?P<edate>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\ [0-9]{1,2},?\ (?P<ey>[12][0-9]{3}))
        | (?P<ddate>[0-9]{1,2}\ (?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\ (?P<dy2>[12][0-9]{3}))
        | (?P<mdate>(?-u:\b)(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?,?\ (?:of\ )?(?P<my>[12][0-9]{3}))
        | (?P<qdate>(?-u:\b)(?i:q)[1-4]\ ?(?P<qy>[12][0-9]{3}))
        | (?P<qdate2>(?P<qy2>[12][0-9]{3})\ ?(?i:q)[1-4](?-u:\b))
        | (?P<wq>(?-u:\b)(?i:first|second|third|fourth|1st|2nd|3rd|4th)\ quarter\ (?:of\ )?(?P<wqy>[12][0-9]{3}))
        | (?P<idate>(?P<iy>[12][0-9]{3})(?:-(?:1[0-2]|0?[1-9])-|/(?:1[0-2]|0?[1-9])/|\.(?:1[0-2]|0?[1-9])\.)(?:3[01]|[12][0-9]|0?[1-9]))
        | (?P<range>(?P<r1>[12][0-9]{3})\ ?年?\ ?(?:—{1,2}|–|-to-|-|~|至|到)\ ?(?P<r2>[12][0-9]{3}|[0-9]{2})(?:\ ?年)?)
        | (?P<brange>(?i:between)\ (?P<b1>(?:19|20)[0-9]{2})\ and\ (?P<b2>(?:19|20)[0-9]{2}))
        | (?P<trange>(?P<t1>(?:19|20)[0-9]{2})\ (?i:to|through|until|till|thru)\ (?P<t2>(?:19|20)[0-9]{2}))
        | (?P<cyear>(?P<cy>[〇零一二三四五六七八九]{4})年)
        | (?P<year>(?P<y>[12][0-9]{3})年)
        | (?P<bare>(?P<by>(?:19|20)[0-9]{2}))
        ",
    )
    .expect("year pattern")
});

/// The compiled `plans` and `years` tables.
#[derive(Debug)]
pub(crate) struct YearRules {
    plans: Vec<Regex>,
    relative: Vec<(String, i32)>,
    /// Every relative word of `relative`, in its order, in one automaton
    /// (ASCII case ignored): one pass over a text finds them all.
    relative_ac: AhoCorasick,
    eras: era::Eras,
}

impl YearRules {
    pub(crate) fn compile(t: &Tables) -> Result<Self, RuleError> {
        let plans_t = t.get("plans");
        let mut plans = Vec::new();
        for row in plans_t.rows() {
            let src = plans_t.required(row, "pattern")?;
            let re =
                Regex::new(src).map_err(|e| plans_t.error(row, format!("bad pattern: {e}")))?;
            if !re.capture_names().flatten().any(|n| n.starts_with('n')) {
                return Err(plans_t.error(row, "the pattern needs a capture group named n"));
            }
            plans.push(re);
        }
        let years_t = t.get("years");
        let mut relative = Vec::new();
        for row in years_t.rows() {
            let word: String = years_t
                .required(row, "word")?
                .chars()
                .map(fold_char)
                .collect();
            let offset = years_t.number(row, "offset", 0.0)? as i32;
            relative.push((word.to_lowercase(), offset));
        }
        relative.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let relative_ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(relative.iter().map(|(w, _)| w.as_str()))
            .map_err(|e| RuleError::new("years", 0, e.to_string()))?;
        Ok(YearRules {
            plans,
            relative,
            relative_ac,
            eras: era::Eras::compile(t.get("eras"))?,
        })
    }

    /// Plan-period words for the segmenter.
    pub(crate) fn words(&self) -> Vec<&str> {
        vec!["十三五", "十四五", "十五五", "十六五"]
    }
}

/// The years a five-year plan covers: the 1st 1953–1957, the 2nd
/// 1958–1962, plan N from the 3rd on 1956+5(N−1) to 1960+5(N−1).
///
/// ```
/// use zhen_extract::plan_years;
/// assert_eq!(plan_years(14), Some((2021, 2025)));
/// assert_eq!(plan_years(1), Some((1953, 1957)));
/// assert_eq!(plan_years(0), None);
/// ```
pub fn plan_years(n: u32) -> Option<(i32, i32)> {
    match n {
        0 => None,
        1 => Some((1953, 1957)),
        2 => Some((1958, 1962)),
        n if n < 40 => {
            let n = n as i32;
            Some((1956 + 5 * (n - 1), 1960 + 5 * (n - 1)))
        }
        _ => None,
    }
}

fn ordinal_value(s: &str, numbers: &NumberRules) -> Option<u32> {
    let lower = s.to_ascii_lowercase();
    const WORDS: [&str; 16] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
    ];
    if let Some(i) = WORDS.iter().position(|w| *w == lower) {
        return Some(i as u32 + 1);
    }
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    let m = numbers.scan(s, 0, s.len())?;
    (m.end == s.len() && m.value.fract() == 0.0).then_some(m.value as u32)
}

/// A year mention found in the shadow text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub span: Span,
    pub start_year: i32,
    pub end_year: i32,
    pub kind: YearKind,
    pub relative: bool,
}

impl Hit {
    pub(crate) fn to_record(&self, doc: &Document) -> YearMention {
        YearMention {
            span: doc.span_text(self.span),
            start_year: self.start_year,
            end_year: self.end_year,
            kind: self.kind,
            relative: self.relative,
        }
    }
}

fn hit(s: usize, e: usize, a: i32, b: i32, kind: YearKind) -> Hit {
    Hit {
        span: Span::new(s, e),
        start_year: a,
        end_year: b,
        kind,
        relative: false,
    }
}

/// Finds every year mention in a document.
pub(crate) fn find(
    doc: &Document,
    rules: &Rules,
    excluded: &ExcludedRegions,
    reference_year: Option<i32>,
) -> Vec<Hit> {
    let text = doc.norm.text();
    let excluded = excluded.get(Applies::Year);
    let mut cands: Vec<Hit> = Vec::new();
    for c in NUMERIC.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let (s, e) = (whole.start(), whole.end());
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
        let h = if c.name("date").is_some() {
            let y = num("dy").unwrap_or(0);
            let dm = c.name("dm").expect("month");
            let m = rules
                .numbers
                .scan(text, dm.start(), dm.end())
                .filter(|m| m.end == dm.end())
                .map_or(0, |m| m.value as i32);
            if !(1..=12).contains(&m) {
                continue;
            }
            hit(s, e, y, y, YearKind::Date)
        } else if let Some(cy) = c.name("cdy") {
            let Some(y) = chinese_year(text, cy, rules) else {
                continue;
            };
            hit(s, e, y, y, YearKind::Date)
        } else if let Some(y) = ["zqy", "ey", "dy2", "my", "qy", "qy2", "wqy", "iy"]
            .iter()
            .find_map(|g| num(g))
        {
            // quarters (`Q1 2027`, `2027年第一季度`), months (`September
            // 2019`), English and ISO dates: `July 26, 2018`, `26 July
            // 2018`, `2018-07-26`
            hit(s, e, y, y, YearKind::Date)
        } else if let (Some(a), Some(b)) = (
            num("b1").or_else(|| num("t1")),
            num("b2").or_else(|| num("t2")),
        ) {
            // between 2025 and 2026, 2021 to 2025 (the span is the years)
            let first = c.name("b1").or_else(|| c.name("t1")).expect("first year");
            let second = c.name("b2").or_else(|| c.name("t2")).expect("second year");
            if b <= a || b - a > 50 || !bare_year_context(text, second.start(), second.end(), rules)
            {
                // no range: each year that is one stands alone
                for (m, v) in [(first, a), (second, b)] {
                    if bare_year_context(text, m.start(), m.end(), rules) {
                        cands.push(hit(m.start(), m.end(), v, v, YearKind::Year));
                    }
                }
                continue;
            }
            hit(first.start(), e, a, b, YearKind::Range)
        } else if c.name("range").is_some() {
            let a = num("r1").unwrap_or(0);
            let r2 = c.name("r2").expect("r2").as_str();
            let mut b = num("r2").unwrap_or(0);
            if r2.len() == 2 {
                b += a / 100 * 100;
            }
            if b <= a || b - a > 50 {
                // not a range: take the first year alone if it is one
                let first = c.name("r1").expect("r1");
                let yr = &text[first.end()..];
                if yr.starts_with('年') {
                    cands.push(hit(
                        first.start(),
                        first.end() + '年'.len_utf8(),
                        a,
                        a,
                        YearKind::Year,
                    ));
                }
                continue;
            }
            hit(s, e, a, b, YearKind::Range)
        } else if let Some(cy) = c.name("cy") {
            let Some(y) = chinese_year(text, cy, rules) else {
                continue;
            };
            hit(s, e, y, y, YearKind::Year)
        } else if c.name("year").is_some() {
            let y = num("y").unwrap_or(0);
            hit(s, e, y, y, YearKind::Year)
        } else {
            let y = num("by").unwrap_or(0);
            if !bare_year_context(text, s, e, rules) {
                continue;
            }
            hit(s, e, y, y, YearKind::Year)
        };
        // digits glued to other digits are part of a longer number
        let before = text[..h.span.start].chars().next_back();
        let after = text[e..].chars().next();
        if before.is_some_and(|b| {
            b.is_ascii_digit() || b.is_ascii_alphabetic() && h.kind != YearKind::Date
        }) || (text.as_bytes()[h.span.start].is_ascii_digit()
            && crate::quantity::glued_to_number(text, h.span.start))
            // (a year ending in 年 may stand right before its figure:
            // `2021年3,139.9億元`)
            || (after.is_some_and(|a| a.is_ascii_digit())
                && text[..e].ends_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        // a full date holds its own day and month: exclusions of dates
        // without a year (`February 19`) do not apply to it
        if h.kind != YearKind::Date && excluded.overlapping(h.span, &rules.exclusions).is_some() {
            continue;
        }
        cands.push(h);
    }
    for re in &rules.years.plans {
        for c in re.captures_iter(text) {
            let whole = c.get(0).expect("match");
            let n = re
                .capture_names()
                .flatten()
                .filter(|name| name.starts_with('n'))
                .find_map(|name| c.name(name))
                .and_then(|m| ordinal_value(m.as_str(), &rules.numbers));
            if let Some((a, b)) = n.and_then(plan_years) {
                cands.push(hit(whole.start(), whole.end(), a, b, YearKind::PlanPeriod));
            }
        }
    }
    rules
        .years
        .eras
        .find(text, era::is_traditional(doc.input()), &mut cands);
    if let Some(reference) = reference_year {
        cands.extend(relative_hits(text, rules, reference));
    }
    settle(cands)
}

/// A year written in Chinese digits (`二〇三五`, `一九九九`), read whole.
fn chinese_year(text: &str, digits: regex::Match, rules: &Rules) -> Option<i32> {
    let m = rules
        .numbers
        .scan(text, digits.start(), digits.end())
        .filter(|m| m.end == digits.end())?;
    let y = m.value as i32;
    (1000..=2999).contains(&y).then_some(y)
}

/// Longest first at each start, then no overlaps.
fn settle(mut cands: Vec<Hit>) -> Vec<Hit> {
    cands.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    let mut out: Vec<Hit> = Vec::new();
    for h in cands {
        if out.last().is_some_and(|l| l.span.overlaps(h.span)) {
            continue;
        }
        out.push(h);
    }
    out
}

/// `hits` with the relative years of the text (`今年`, `this year`)
/// resolved against `reference`.
pub(crate) fn with_relative(
    hits: &[Hit],
    doc: &Document,
    rules: &Rules,
    reference: i32,
) -> Vec<Hit> {
    let mut cands = hits.to_vec();
    cands.extend(relative_hits(doc.norm.text(), rules, reference));
    settle(cands)
}

/// How far into a document its dateline may stand, in bytes.
const DATELINE_BYTES: usize = 600;

/// How far after a year the name of the annual event or document it
/// dates may stand (`2026年全市科技工作会`), in bytes.
const EVENT_REACH: usize = 36;

/// The year a document was written or is about, where its opening says:
/// the first full date near its start (`——2026年1月25日在…会议上`,
/// `时间：2026-02-02`), else a year that names the annual event or
/// document it reports (`记者从2026年全市科技工作会上获悉`, the
/// `annual_event` rows of `target_words`). Relative years (`今年`) in its
/// targets read against it when the caller gives no reference year.
pub(crate) fn document_year(hits: &[Hit], text: &str, rules: &Rules) -> Option<i32> {
    hits.iter()
        .take_while(|h| h.span.start < DATELINE_BYTES)
        .find(|h| h.kind == YearKind::Date && !h.relative)
        .map(|h| h.start_year)
        .or_else(|| annual_event_year(hits, text, rules))
}

/// The year of the annual event or document a document reports, where its
/// opening names one (`记者从2026年全市科技工作会上获悉`, `the 2025 budget`).
pub(crate) fn annual_event_year(hits: &[Hit], text: &str, rules: &Rules) -> Option<i32> {
    hits.iter()
        .take_while(|h| h.span.start < DATELINE_BYTES)
        .find(|h| {
            h.kind == YearKind::Year
                && !h.relative
                && rules
                    .targets
                    .words
                    .annual_event
                    .occurs_in(&text[h.span.end..clause_end(text, h.span.end)])
        })
        .map(|h| h.start_year)
}

/// The end of the clause that goes on at `at`, within [`EVENT_REACH`].
fn clause_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let mut end = rest
        .find([',', '，', '。', ';', ':', '\n'])
        .unwrap_or(rest.len())
        .min(EVENT_REACH);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    at + end
}

/// The relative years of `text`, resolved against `reference`.
fn relative_hits(text: &str, rules: &Rules, reference: i32) -> Vec<Hit> {
    let years = &rules.years;
    // each word's occurrences do not overlap one another (as a search for
    // that word alone would find them); the words' own may overlap
    let mut last_end = vec![0usize; years.relative.len()];
    let mut found: Vec<(usize, Span)> = Vec::new();
    for m in years.relative_ac.find_overlapping_iter(text) {
        let (w, s, e) = (m.pattern().as_usize(), m.start(), m.end());
        if s < last_end[w] {
            continue;
        }
        let latin = years.relative[w].0.is_ascii();
        if latin
            && (text[..s]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
                || text[e..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric()))
        {
            last_end[w] = e;
            continue;
        }
        last_end[w] = e;
        found.push((w, Span::new(s, e)));
    }
    // in the table's order of words (longest first), then by position
    found.sort_by_key(|&(w, span)| (w, span.start));
    found
        .into_iter()
        .map(|(w, span)| {
            let y = reference + years.relative[w].1;
            Hit {
                span,
                start_year: y,
                end_year: y,
                kind: YearKind::Year,
                relative: true,
            }
        })
        .collect()
}

/// A bare four-digit number is a year where no unit follows it and it does
/// not sit inside a longer number: `in 2025`, `2024 is`, `by 2035`.
fn bare_year_context(text: &str, s: usize, e: usize, rules: &Rules) -> bool {
    let after = text[e..].chars().next();
    if after.is_some_and(|a| {
        a == '%' || a == '.' && text[e + 1..].starts_with(|c: char| c.is_ascii_digit())
    }) {
        return false;
    }
    if after == Some(',') && text[e + 1..].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // a magnitude word makes it part of a larger number (2000亿元, 2000 million)
    if rules
        .numbers
        .scan(text, s, text.len())
        .is_some_and(|n| n.end > e && n.scaled)
    {
        return false;
    }
    // a count word after it makes it a quantity (2000家)
    let rest = text[e..].trim_start_matches(' ');
    let at = text.len() - rest.len();
    if rules.quantities.unit_starts_at(text, at) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, YearKind};

    fn y(text: &str, reference: Option<i32>) -> Vec<(String, i32, i32, YearKind)> {
        let mut b = Extractor::builder();
        if let Some(r) = reference {
            b.reference_year(r);
        }
        b.build()
            .unwrap()
            .extract(text)
            .unwrap()
            .years
            .into_iter()
            .map(|m| (m.span.text, m.start_year, m.end_year, m.kind))
            .collect()
    }

    #[test]
    fn shapes() {
        use YearKind::*;
        let got = y("规划期为2021—2025年，展望至2035年。到 2025 年，二〇三五年远景,“十四五”时期,第十四个五年规划,2022年1月5日", None);
        assert_eq!(
            got,
            [
                ("2021—2025年".to_string(), 2021, 2025, Range),
                ("2035年".to_string(), 2035, 2035, Year),
                ("2025 年".to_string(), 2025, 2025, Year),
                ("二〇三五年".to_string(), 2035, 2035, Year),
                ("十四五".to_string(), 2021, 2025, PlanPeriod),
                ("第十四个五年规划".to_string(), 2021, 2025, PlanPeriod),
                ("2022年1月5日".to_string(), 2022, 2022, Date),
            ]
        );
    }

    #[test]
    fn english() {
        use YearKind::*;
        let got = y("in 2025, the 14th Five-Year Plan (2021-2025) and (2025-2027); 2021-25; by 2035 with 2,000 firms", None);
        assert_eq!(
            got,
            [
                ("2025".to_string(), 2025, 2025, Year),
                ("14th Five-Year Plan".to_string(), 2021, 2025, PlanPeriod),
                ("2021-2025".to_string(), 2021, 2025, Range),
                ("2025-2027".to_string(), 2025, 2027, Range),
                ("2021-25".to_string(), 2021, 2025, Range),
                ("2035".to_string(), 2035, 2035, Year),
            ]
        );
    }

    #[test]
    fn dates_in_every_form() {
        use YearKind::*;
        let got = y(
            "Date: 2018-07-26，时间：2026.02.11，on 26 July 2018 and February 19, 2025，一九九九年七月",
            None,
        );
        assert_eq!(
            got,
            [
                ("2018-07-26".into(), 2018, 2018, Date),
                ("2026.02.11".into(), 2026, 2026, Date),
                ("26 July 2018".into(), 2018, 2018, Date),
                ("February 19, 2025".into(), 2025, 2025, Date),
                ("一九九九年七月".into(), 1999, 1999, Date),
            ]
        );
    }

    #[test]
    fn english_ranges_quarters_and_months() {
        use YearKind::*;
        let got = y(
            "from 2021 to 2025, between 2025 and 2026, 2027 through 2029, in September 2019, Q1 2027, 2026 Q3, the first quarter of 2024, 2023年十一月召开, 2025年第一季度",
            None,
        );
        assert_eq!(
            got,
            [
                ("2021 to 2025".into(), 2021, 2025, Range),
                ("2025 and 2026".into(), 2025, 2026, Range),
                ("2027 through 2029".into(), 2027, 2029, Range),
                ("September 2019".into(), 2019, 2019, Date),
                ("Q1 2027".into(), 2027, 2027, Date),
                ("2026 Q3".into(), 2026, 2026, Date),
                ("first quarter of 2024".into(), 2024, 2024, Date),
                ("2023年十一月".into(), 2023, 2023, Date),
                ("2025年第一季度".into(), 2025, 2025, Date),
            ]
        );
        // not ranges: backwards, too long, or counts
        let got = y("from 2025 to 2021, from 1000 to 2500家", None);
        assert_eq!(
            got,
            [
                ("2025".into(), 2025, 2025, Year),
                ("2021".into(), 2021, 2021, Year)
            ]
        );
    }

    #[test]
    fn dates_in_front_matter_and_date_times() {
        use YearKind::*;
        let got = y("---\ntitle: Plan for 2019\ndate: \"2022-08-09\"\nupdated: 2023-01-02T10:00:00+08:00\n---\nBody.", None);
        assert_eq!(
            got,
            [
                ("2022-08-09".into(), 2022, 2022, Date),
                ("2023-01-02".into(), 2023, 2023, Date),
            ]
        );
    }

    #[test]
    fn years_before_since_and_during_words() {
        use YearKind::*;
        let got = y(
            "2020年以来，自二零零四年以来，在2003-2009年間，the 2011-to-2015 period",
            None,
        );
        assert_eq!(
            got,
            [
                ("2020年".into(), 2020, 2020, Year),
                ("二零零四年".into(), 2004, 2004, Year),
                ("2003-2009年".into(), 2003, 2009, Range),
                ("2011-to-2015".into(), 2011, 2015, Range),
            ]
        );
    }

    #[test]
    fn not_years() {
        assert!(y(
            "2.73%,2000家企业,渝府发〔2022〕3号,3月3日,february 19,总投资2000亿元,2000 million yuan,2025.5万元",
            None
        )
        .is_empty());
    }

    #[test]
    fn relative_years_need_a_reference() {
        assert!(y("今年,this year", None).is_empty());
        let got = y("今年,this year", Some(2026));
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|g| g.1 == 2026));
    }

    #[test]
    fn relative_words_in_one_pass() {
        // every occurrence, in any ASCII case, a Latin word only whole,
        // and in a text whose lowercase form changes its byte length
        let got = y(
            "This Year, 今年 and this year; not this yearly. İ 明年",
            Some(2026),
        );
        let words: Vec<(&str, i32)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
        assert_eq!(
            words,
            [
                ("This Year", 2026),
                ("今年", 2026),
                ("this year", 2026),
                ("明年", 2027)
            ]
        );
    }
}
