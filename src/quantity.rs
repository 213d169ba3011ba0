//! The quantity recognizer: a number, then a unit, counter or currency from
//! the `units` table (or a currency before it, or an English noun it
//! counts), unless an exclusion pattern covers the number.
//!
//! Indicator tables get a pass of their own: a bare cell takes the unit its
//! row label gives (`研发经费占地区生产总值的比重（%）  2.11  2.6`).

use crate::error::RuleError;
use crate::exclusion::{Applies, Excluded, ExcludedRegions};
use crate::model::{Quantity, Unit};
use crate::number::{NumberForm, NumberMatch, NumberRules};
use crate::rules::{Rules, Tables};
use crate::span::Span;
use crate::text::Document;
use crate::text::{fold_char, is_han};
use crate::token::{Token, TokenKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use std::collections::HashSet;

/// One row of the `units` table.
#[derive(Debug, Clone)]
struct UnitRow {
    word: String,
    unit: Unit,
    classifier: String,
    scale: f64,
    currency: Option<String>,
    /// Latin words match only as whole words.
    latin: bool,
}

/// The compiled `units` and `number_words` tables.
#[derive(Debug)]
pub(crate) struct QuantityRules {
    after: Vec<UnitRow>,
    after_ac: AhoCorasick,
    before: Vec<UnitRow>,
    not_noun: HashSet<String>,
    leads: Vec<String>,
}

fn folded(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

impl QuantityRules {
    pub(crate) fn compile(t: &Tables, _numbers: &NumberRules) -> Result<Self, RuleError> {
        let units = t.get("units");
        let mut after = Vec::new();
        let mut before = Vec::new();
        for row in units.rows() {
            let word = folded(units.required(row, "word")?);
            let unit_name = units.required(row, "unit")?;
            let unit = Unit::from_name(unit_name)
                .ok_or_else(|| units.error(row, format!("unknown unit `{unit_name}`")))?;
            let currency = Some(units.get(row, "currency"))
                .filter(|c| !c.is_empty())
                .map(str::to_string);
            if unit == Unit::Currency && currency.is_none() {
                return Err(units.error(row, "a currency row needs an ISO code in `currency`"));
            }
            let r = UnitRow {
                latin: word.is_ascii() && word.chars().any(|c| c.is_ascii_alphabetic()),
                word: word.to_ascii_lowercase(),
                unit,
                classifier: folded(units.get(row, "classifier")),
                scale: units.number(row, "scale", 1.0)?,
                currency,
            };
            match units.get(row, "position") {
                "" | "after" => after.push(r),
                "before" => before.push(r),
                p => {
                    return Err(
                        units.error(row, format!("position must be before or after, not `{p}`"))
                    )
                }
            }
        }
        let after_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .ascii_case_insensitive(true)
            .build(after.iter().map(|r| r.word.as_str()))
            .map_err(|e| crate::error::RuleError::new("units", 0, e.to_string()))?;
        let words = t.get("number_words");
        let mut not_noun = HashSet::new();
        let mut leads = Vec::new();
        for row in words.rows() {
            let w = folded(words.required(row, "word")?).to_ascii_lowercase();
            match words.required(row, "role")? {
                "not_noun" => {
                    not_noun.insert(w);
                }
                "lead" => leads.push(w),
                r => {
                    return Err(
                        words.error(row, format!("role must be not_noun or lead, not `{r}`"))
                    )
                }
            }
        }
        leads.sort_by_key(|w| std::cmp::Reverse(w.len()));
        // the longest currency word before a number wins (`NT$` over `$`)
        before.sort_by_key(|r| std::cmp::Reverse(r.word.len()));
        Ok(QuantityRules {
            after,
            after_ac,
            before,
            not_noun,
            leads,
        })
    }

    /// Han unit words, for the segmenter's dictionary.
    pub(crate) fn words(&self) -> Vec<&str> {
        self.after
            .iter()
            .map(|r| r.word.as_str())
            .filter(|w| w.chars().count() > 1 && w.chars().all(is_han))
            .collect()
    }

    /// The unit row whose word starts exactly at `at`, longest first.
    fn unit_at(&self, text: &str, at: usize) -> Option<(&UnitRow, usize)> {
        let m = self.after_ac.find(
            Input::new(text)
                .span(at..text.len())
                .anchored(Anchored::Yes),
        )?;
        let row = &self.after[m.pattern().as_usize()];
        if row.latin
            && text[m.end()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
        {
            return None;
        }
        Some((row, m.end()))
    }

    /// True where a unit or counter word starts at `at`.
    pub(crate) fn unit_starts_at(&self, text: &str, at: usize) -> bool {
        self.unit_at(text, at).is_some()
    }

    /// A currency written before the number, ending at `at` (spaces
    /// allowed between): `RMB 50 billion`, `US$3 million`.
    fn currency_before(&self, text: &str, at: usize) -> Option<(&UnitRow, usize)> {
        let head = text[..at].trim_end_matches(' ');
        self.before.iter().find_map(|r| {
            let n = r.word.len();
            if head.len() < n || !head.is_char_boundary(head.len() - n) {
                return None;
            }
            let start = head.len() - n;
            let cand = &head[start..];
            let word_start = !r.latin
                || !head[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric());
            (cand.eq_ignore_ascii_case(&r.word) && word_start).then_some((r, start))
        })
    }

    /// A unit written inside a table row label: `(%)`, `(人年)`, `(亿元)`.
    fn label_unit(&self, numbers: &NumberRules, word: &str) -> Option<(&UnitRow, f64)> {
        let word = word.trim();
        let (mult, rest) = match word
            .chars()
            .next()
            .and_then(|c| numbers.big(c).map(|m| (m, c)))
        {
            Some((m, c)) if word.len() > c.len_utf8() => (m, &word[c.len_utf8()..]),
            _ => (1.0, word),
        };
        let (row, end) = self.unit_at(rest, 0)?;
        (end == rest.len()).then_some((row, mult))
    }
}

/// A quantity found in the shadow text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// The whole mention: number, magnitude and unit.
    pub span: Span,
    /// The number alone.
    pub number: Span,
    pub value: f64,
    pub unit: Unit,
    pub currency: Option<String>,
    pub classifier: String,
    pub rule: String,
    /// `余` or `多` was read between the number and its unit: more than.
    #[allow(dead_code)] // read by the target recognizer (issue 3)
    pub more: bool,
}

impl Hit {
    pub(crate) fn to_record(&self, doc: &Document) -> Quantity {
        Quantity {
            span: doc.span_text(self.span),
            value: self.value,
            unit: self.unit,
            currency: self.currency.clone(),
            classifier: self.classifier.clone(),
            rule: self.rule.clone(),
        }
    }
}

/// A plain four-digit integer that reads as a year (1900–2100): without a
/// unit it is a year mention, not a quantity.
fn year_like(text: &str, m: &NumberMatch) -> bool {
    m.form == NumberForm::Arabic
        && !m.scaled
        && m.end - m.start == 4
        && text[m.start..m.end].bytes().all(|b| b.is_ascii_digit())
        && (1900.0..=2100.0).contains(&m.value)
}

/// True where the digit at `at` continues a number through a separator
/// (`1,200`, `2.5`), as opposed to following a comma or full stop that
/// ends a clause.
pub(crate) fn glued_to_number(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    at >= 2 && matches!(b[at - 1], b'.' | b',') && b[at - 2].is_ascii_digit()
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Finds every quantity in a document.
pub(crate) fn find(
    doc: &Document,
    rules: &Rules,
    excluded: &ExcludedRegions,
    all_numbers: bool,
) -> Vec<Hit> {
    let text = doc.norm.text();
    let excluded = excluded.get(Applies::Quantity);
    let mut hits = Vec::new();
    for para in &doc.segments.paragraphs {
        scan_paragraph(text, *para, rules, excluded, all_numbers, &mut hits);
    }
    hits.retain(|h| !inside_a_word(&doc.tokens, text, h));
    table_cells(doc, rules, excluded, &mut hits);
    // mentions never overlap: of two that do, the one starting first (on
    // a tie, the longer) stands
    hits.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        if kept.last().is_none_or(|k| !k.span.overlaps(h.span)) {
            kept.push(h);
        }
    }
    kept
}

fn scan_paragraph(
    text: &str,
    para: Span,
    rules: &Rules,
    excluded: &Excluded,
    all: bool,
    out: &mut Vec<Hit>,
) {
    let numbers = &rules.numbers;
    let mut i = para.start;
    while i < para.end {
        let c = next_char(text, i).expect("in bounds");
        let prev = prev_char(text, i);
        let starts = if c.is_ascii_digit() {
            !prev.is_some_and(|p| p.is_ascii_alphanumeric()) && !glued_to_number(text, i)
        } else if numbers.is_chinese_numeral(c) {
            !prev.is_some_and(|p| numbers.is_chinese_numeral(p) || p.is_ascii_digit())
        } else if c.is_ascii_alphabetic() {
            !prev.is_some_and(|p| p.is_ascii_alphanumeric())
        } else {
            false
        };
        if !starts {
            i += c.len_utf8();
            continue;
        }
        let Some(m) = numbers.scan(text, i, para.end) else {
            // skip the rest of a Latin word or numeral run
            let mut j = i + c.len_utf8();
            while j < para.end
                && next_char(text, j).is_some_and(|d| d.is_ascii_alphanumeric())
                && c.is_ascii_alphanumeric()
            {
                j += 1;
            }
            i = j;
            continue;
        };
        let advance = m.end.max(i + c.len_utf8());
        if let Some(hit) = read_quantity(text, para, &m, rules, excluded, all) {
            i = hit.span.end.max(advance);
            out.push(hit);
        } else {
            i = advance;
        }
    }
}

/// True where a Chinese numeral is a piece of a dictionary word: inside it
/// (`统一大市场`), or at its start with the word running past the counter
/// (`陆家嘴`, a place, not 6 家).
fn inside_a_word(tokens: &[Token], text: &str, h: &Hit) -> bool {
    if text[h.number].bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let i = tokens.partition_point(|t| t.span.end <= h.number.start);
    tokens.get(i).is_some_and(|t| {
        t.kind == TokenKind::Han
            && t.span.start <= h.number.start
            && (t.span.start < h.number.start || t.span.end > h.span.end)
            // a word of the dictionary, not a guess of the segmenter's
            && crate::token::jieba().has_word(&text[t.span])
    })
}

/// Decides whether the number `m` is a quantity, and reads its unit.
fn read_quantity(
    text: &str,
    para: Span,
    m: &NumberMatch,
    rules: &Rules,
    excluded: &Excluded,
    all: bool,
) -> Option<Hit> {
    let q = &rules.quantities;
    let number = Span::new(m.start, m.end);
    if excluded.overlapping(number, &rules.exclusions).is_some() {
        return None;
    }
    // a Chinese numeral needs a digit, or 十 to lead (十大): a bare 百 or 千
    // is a word, not a number
    if m.form == NumberForm::Chinese
        && !text[m.start..m.end]
            .chars()
            .any(|c| !matches!(c, '十' | '百' | '千' | '拾' | '佰' | '仟' | '万' | '亿'))
        && !text[m.start..].starts_with('十')
    {
        return None;
    }
    // 零部件, zero-carbon: a number word worth nothing is a word
    if m.value == 0.0 && m.form != NumberForm::Arabic {
        return None;
    }
    // a lone "one" or 一 is an article or a pronoun far more often than a
    // count (`one of`, `一个…中心`, `其中一次`)
    if matches!(m.form, NumberForm::English | NumberForm::Chinese) && m.value == 1.0 && !m.scaled {
        return None;
    }
    let mut at = m.end;
    let mut more = m.more;
    if let Some(c) = next_char(text, at) {
        if (c == '余' || c == '多') && m.form != NumberForm::English {
            more = true;
            at += c.len_utf8();
        }
    }
    // English units and nouns come after a space, or a hyphen where the
    // quantity is an adjective (`an 87-hectare park`)
    let latin_gap = {
        let rest = &text[at..para.end];
        let t = rest.trim_start_matches(' ');
        match t.strip_prefix('-') {
            Some(u)
                if t.len() == rest.len() && u.starts_with(|c: char| c.is_ascii_alphabetic()) =>
            {
                1
            }
            _ => rest.len() - t.len(),
        }
    };
    let unit = q.unit_at(&text[..para.end], at).or_else(|| {
        if latin_gap > 0 && latin_gap <= 2 {
            q.unit_at(&text[..para.end], at + latin_gap)
                .filter(|(r, _)| r.latin)
        } else {
            None
        }
    });
    // 百分之十: a percent written before the number
    let percent_prefix = text[..m.start].ends_with("百分之");
    if let Some((row, end)) = unit {
        // 年 is never a unit here, but a year-like number before a count
        // word is still a count (2000家)
        return Some(Hit {
            span: Span::new(m.start, end),
            number,
            value: crate::number::tidy(m.value * row.scale),
            unit: row.unit,
            currency: row.currency.clone(),
            classifier: row.classifier.clone(),
            rule: format!("units:{}", row.word),
            more,
        });
    }
    if percent_prefix {
        let start = m.start - "百分之".len();
        return Some(Hit {
            span: Span::new(start, m.end),
            number,
            value: m.value,
            unit: Unit::Percent,
            currency: None,
            classifier: String::new(),
            rule: "percent_prefix".into(),
            more,
        });
    }
    if let Some((row, start)) = q.currency_before(text, m.start) {
        if start >= para.start {
            return Some(Hit {
                span: Span::new(start, m.end),
                number,
                value: crate::number::tidy(m.value * row.scale),
                unit: Unit::Currency,
                currency: row.currency.clone(),
                classifier: String::new(),
                rule: format!("units:{}", row.word),
                more,
            });
        }
    }
    if year_like(text, m) || m.form == NumberForm::DigitString {
        return None;
    }
    // a number glued to letters is a name (5G, 10x)
    if next_char(text, m.end).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if matches!(m.form, NumberForm::Arabic | NumberForm::English) {
        let noun = counted_noun(text, m.end, para.end, q)
            .or_else(|| range_noun(text, m.end, para.end, rules));
        if let Some(noun) = noun {
            return Some(Hit {
                span: number,
                number,
                value: m.value,
                unit: Unit::Count,
                currency: None,
                classifier: noun,
                rule: "english_noun".into(),
                more,
            });
        }
        // (a bare number: not one a Chinese word the tables do not know
        // follows, `超过14年`)
        let bare = !next_char(text, m.end).is_some_and(is_han);
        if let Some(lead) = lead_before(text, m.start, para.start, q).filter(|_| bare) {
            return Some(Hit {
                span: number,
                number,
                value: m.value,
                unit: Unit::Count,
                currency: None,
                classifier: String::new(),
                rule: format!("lead:{lead}"),
                more,
            });
        }
    }
    if all && m.form != NumberForm::Chinese {
        return Some(Hit {
            span: number,
            number,
            value: m.value,
            unit: Unit::Number,
            currency: None,
            classifier: String::new(),
            rule: "bare_number".into(),
            more,
        });
    }
    None
}

/// The noun counted by the second number of a range or choice, shared by
/// the first: `from 3,000 to 5,800 firms`, `two or three labs`.
fn range_noun(text: &str, at: usize, limit: usize, rules: &Rules) -> Option<String> {
    let rest = &text[at..limit];
    let gap = [" to ", " or ", " and ", "-", " - ", "–"]
        .iter()
        .find(|g| rest.starts_with(*g))?;
    let next = at + gap.len();
    let m = rules.numbers.scan(text, next, limit)?;
    if !matches!(m.form, NumberForm::Arabic | NumberForm::English) {
        return None;
    }
    counted_noun(text, m.end, limit, &rules.quantities)
}

/// The head noun an English number counts: the first plural-looking word
/// of the noun phrase after it, else its last word.
fn counted_noun(text: &str, at: usize, limit: usize, q: &QuantityRules) -> Option<String> {
    let rest = &text[at..limit];
    if !rest.starts_with(' ') {
        return None;
    }
    // the noun phrase: up to six words, through `and` (`science and
    // technology-based enterprises`) but not past any other stop word
    let mut words: Vec<String> = Vec::new();
    let mut before_and = 0;
    let mut pos = 0;
    while words.len() < 6 && rest[pos..].starts_with(' ') {
        pos += 1;
        let len = rest[pos..]
            .bytes()
            .take_while(|b| b.is_ascii_alphabetic() || *b == b'-' || *b == b'&')
            .count();
        if len == 0 {
            break;
        }
        let lower = rest[pos..pos + len].to_ascii_lowercase();
        pos += len;
        if lower == "and" && !words.is_empty() {
            if before_and == 0 {
                before_and = words.len();
            }
            continue;
        }
        if q.not_noun.contains(&lower)
            || lower.ends_with("ing") && lower.len() > 5 && !words.is_empty()
        {
            break;
        }
        words.push(lower);
    }
    let first = words.first()?;
    if first.len() < 2
        || !first
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    if let Some(p) = words
        .iter()
        .find(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
    {
        return Some(p.clone());
    }
    let head = if before_and > 0 {
        &words[..before_and]
    } else {
        &words[..]
    };
    head.last().cloned()
}

/// A lead word right before a bare number (`reaching 12`, `达到300`).
fn lead_before<'a>(text: &str, at: usize, limit: usize, q: &'a QuantityRules) -> Option<&'a str> {
    let head = text[limit..at].trim_end_matches(' ');
    q.leads.iter().find_map(|w| {
        let lower = head.len() >= w.len() && head.is_char_boundary(head.len() - w.len());
        if !lower {
            return None;
        }
        let start = head.len() - w.len();
        let cand = &head[start..];
        let boundary = !w.is_ascii()
            || !head[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        (cand.eq_ignore_ascii_case(w) && boundary).then_some(w.as_str())
    })
}

/// Indicator-table rows: cells that are bare numbers take the unit of the
/// row label, written at its end in brackets, or on a continuation line
/// that a page break pushed below the row.
fn table_cells(doc: &Document, rules: &Rules, excluded: &Excluded, out: &mut Vec<Hit>) {
    let text = doc.norm.text();
    let mut pending: Option<Vec<Span>> = None;
    for para in &doc.segments.paragraphs {
        let row = &text[*para];
        if !row.contains('\t') {
            continue;
        }
        let cells = split_cells(text, *para);
        let first = &text[cells[0]];
        let is_index = !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit());
        if first.is_empty()
            || (!is_index && cells.iter().all(|c| numeric_cell(&text[*c]).is_none()))
        {
            // a continuation line with the unit (`\t(%)\t\t\t\t性`), or a
            // header repeated after a page break: the pending row waits
            if let Some(u) = cells.iter().find_map(|c| bracket_unit(&text[*c])) {
                if let Some(values) = pending.take() {
                    emit_cells(text, &values, u, rules, excluded, out);
                }
            }
            continue;
        }
        pending = None;
        let (label, values) = if is_index && cells.len() > 2 {
            (cells[1], &cells[2..])
        } else {
            (cells[0], &cells[1..])
        };
        let values: Vec<Span> = values.to_vec();
        match bracket_unit(&text[label]) {
            Some(u) => emit_cells(text, &values, u, rules, excluded, out),
            None => pending = Some(values),
        }
    }
}

/// The tab-separated cells of a table row.
pub(crate) fn split_cells(text: &str, para: Span) -> Vec<Span> {
    let mut cells = Vec::new();
    let mut start = para.start;
    for (o, c) in text[para].char_indices() {
        if c == '\t' {
            cells.push(Span::new(start, para.start + o));
            start = para.start + o + 1;
        }
    }
    cells.push(Span::new(start, para.end));
    cells
}

/// The bracketed unit at the end of a label: `比重(%)` → `%`.
fn bracket_unit(label: &str) -> Option<&str> {
    let l = label.trim_end();
    let inner = l.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let u = inner[open + 1..].trim();
    (!u.is_empty() && u.chars().count() <= 6).then_some(u)
}

/// The number in a cell that is a bare number, perhaps after a bound
/// (`> 10`): its offset in the cell.
fn numeric_cell(cell: &str) -> Option<usize> {
    let t = cell.trim();
    let body = t.trim_start_matches(['>', '<', '≥', '≤', '~', '约', ' ']);
    let ok = !body.is_empty()
        && body.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
    ok.then(|| cell.len() - cell.trim_start().len() + (t.len() - body.len()))
}

fn emit_cells(
    text: &str,
    cells: &[Span],
    unit_word: &str,
    rules: &Rules,
    excluded: &Excluded,
    out: &mut Vec<Hit>,
) {
    let Some((row, mult)) = rules.quantities.label_unit(&rules.numbers, unit_word) else {
        return;
    };
    for cell in cells {
        let Some(off) = numeric_cell(&text[*cell]) else {
            continue;
        };
        let at = cell.start + off;
        let Some(m) = rules.numbers.scan(text, at, cell.end) else {
            continue;
        };
        if m.end != cell.end && !text[m.end..cell.end].trim().is_empty() {
            continue;
        }
        let number = Span::new(m.start, m.end);
        if excluded.overlapping(number, &rules.exclusions).is_some() {
            continue;
        }
        out.push(Hit {
            span: number,
            number,
            value: crate::number::tidy(m.value * mult * row.scale),
            unit: row.unit,
            currency: row.currency.clone(),
            classifier: row.classifier.clone(),
            rule: format!("table_cell:units:{}", row.word),
            more: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Unit};

    fn q(text: &str) -> Vec<(String, f64, Unit, String)> {
        Extractor::new()
            .extract(text)
            .unwrap()
            .quantities
            .into_iter()
            .map(|q| (q.span.text, q.value, q.unit, q.classifier))
            .collect()
    }

    macro_rules! t {
        ($name:ident, $input:expr, [$(($text:expr, $value:expr, $unit:ident)),* $(,)?]) => {
            #[test]
            fn $name() {
                let got: Vec<(String, f64, Unit)> = q($input).into_iter().map(|(t, v, u, _)| (t, v, u)).collect();
                let want: Vec<(String, f64, Unit)> = vec![$(($text.to_string(), $value as f64, Unit::$unit)),*];
                assert_eq!(got, want, "{}", $input);
            }
        };
    }

    t!(
        counts_with_spaces,
        "科技型企业超过 4.5 万家，达到 140 家",
        [("4.5 万家", 45000, Count), ("140 家", 140, Count)]
    );
    t!(
        traditional_currency,
        "總投資21.5億元、金額173.99億元",
        [
            ("21.5億元", 2.15e9, Currency),
            ("173.99億元", 1.7399e10, Currency)
        ]
    );
    t!(
        more_than_inside,
        "各類國家科研項目180余項",
        [("180余項", 180, Count)]
    );
    t!(
        percent_points,
        "提高了0.57个百分点,增长10% 以上",
        [
            ("0.57个百分点", 0.57, PercentagePoint),
            ("10%", 10, Percent)
        ]
    );
    t!(
        chinese_numerals,
        "從七方面著手,打造三大集群,四大科创高地",
        [("七方面", 7, Count), ("三大", 3, Count), ("四大", 4, Count)]
    );
    t!(
        english,
        "more than 260,000 r&d personnel and 50 billion yuan, reaching 12, five aspects",
        [
            ("260,000", 260000, Count),
            ("50 billion yuan", 5e10, Currency),
            ("12", 12, Count),
            ("five", 5, Count)
        ]
    );
    t!(
        english_ranges_share_their_noun,
        "from 3,000 to 5,800 firms, two or three labs",
        [
            ("3,000", 3000, Count),
            ("5,800", 5800, Count),
            ("two", 2, Count),
            ("three", 3, Count)
        ]
    );
    t!(
        english_labels_are_not_counts,
        "Article 5 provisions, Table 1 indicators, the top 10 universities, COVID-19 cases, at 10 am",
        []
    );
    t!(exclusions, "位列第35位、较上年度提升5位,“416”科技创新布局,一批项目,每万人口,连续7年,渝府发〔2022〕3号,5G,L3级,100强", []);
    t!(
        years_are_not_quantities,
        "2025年,in 2025 the city,2021-2025",
        []
    );
    t!(
        area_and_other,
        "金凤片区 100 平方公里范围,1000 万平方米,10MW,8 吋",
        [
            ("100 平方公里", 100, Area),
            ("1000 万平方米", 1e7, Area),
            ("10MW", 10, Other),
            ("8 吋", 8, Other)
        ]
    );

    t!(
        articles_and_words_are_not_counts,
        "打造一个中心，召开一次会议，服务统一大市场，陆家嘴金融城，超过14年，另一方面",
        []
    );
    t!(
        more_counters_and_currencies,
        "养老床位52.4万张，人均预期寿命78.9岁，NT$116.3 billion, an 87-hectare park, 武汉东湖、襄阳、宜昌3家高新区",
        [
            ("52.4万张", 524000, Count),
            ("78.9岁", 78.9, Other),
            ("NT$116.3 billion", 1.163e11, Currency),
            ("87-hectare", 87, Area),
            ("3家", 3, Count)
        ]
    );

    #[test]
    fn table_cells_take_the_row_unit() {
        let text = "序号\t指 标 名 称\t2020 年\t2025 年\t年均\t指标属性\n1\t全社会研发经费投入增长（%）\t12.2\t—\t> 10\t预期性\n9\t技术合同成交额 (亿元)\t145.7\t1100\t—\t预期性\n10\t规模以上工业产值中战略性新兴产业占比\t32\t35\t—\t预期\n\n重庆市人民政府文件\n\n序号\t指 标 名 称\t2020 年\t2025 年\t年均\t指标属性\n\t(%)\t\t\t\t性\n";
        let got = q(text);
        let vals: Vec<(&str, f64, Unit)> = got
            .iter()
            .map(|(t, v, u, _)| (t.as_str(), *v, *u))
            .collect();
        assert_eq!(
            vals,
            [
                ("12.2", 12.2, Unit::Percent),
                ("10", 10.0, Unit::Percent),
                ("145.7", 1.457e10, Unit::Currency),
                ("1100", 1.1e11, Unit::Currency),
                ("32", 32.0, Unit::Percent),
                ("35", 35.0, Unit::Percent),
            ]
        );
    }

    #[test]
    fn classifiers() {
        let got = q("45,000 science and technology-based enterprises,1.4萬台(套),75 人年");
        let cls: Vec<&str> = got.iter().map(|x| x.3.as_str()).collect();
        assert_eq!(cls, ["enterprises", "台(套)", "人年"]);
    }
}
