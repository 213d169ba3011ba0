//! The quantity recognizer: a number, then a unit, counter or currency from
//! the `units` and `currencies` tables (or a currency before it, or an
//! English noun it counts), unless an exclusion pattern, a year mention or
//! the page chrome covers the number.
//!
//! Indicator tables get a pass of their own (`table`): a bare cell takes
//! the unit its row label gives.

mod english;
mod list;
mod table;
mod units;

pub(crate) use units::QuantityRules;

use crate::exclusion::{Applies, Excluded, ExcludedRegions};
use crate::model::{Quantity, Unit, YearKind};
use crate::number::{scaled, NumberForm, NumberMatch};
use crate::rules::Rules;
use crate::span::{overlaps_sorted, Span};
use crate::text::{is_han, Document};
use crate::token::{ShadowToken, TokenKind};
use english::{counted_noun, lead_before, range_noun};
use std::sync::Arc;
use units::UnitRow;

/// A quantity found in the shadow text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// The whole mention: number, magnitude and unit.
    pub span: Span,
    /// The number alone.
    pub number: Span,
    pub value: f64,
    pub unit: Unit,
    /// (the words are shared with the rule row that gave them, so a text
    /// dense with figures does not hold three strings per figure)
    pub currency: Option<Arc<str>>,
    pub classifier: Arc<str>,
    pub rule: Arc<str>,
    /// `余` or `多` was read between the number and its unit: more than.
    pub more: bool,
}

impl Hit {
    pub(crate) fn to_record(&self, doc: &Document) -> Quantity {
        Quantity {
            span: doc.span_text(self.span),
            value: self.value,
            unit: self.unit,
            currency: self.currency.as_deref().map(str::to_string),
            classifier: self.classifier.to_string(),
            rule: self.rule.to_string(),
        }
    }

    /// A hit of a unit row; `None` where the scaled value is past `f64`.
    fn of_row(span: Span, number: Span, value: f64, row: &UnitRow, more: bool) -> Option<Hit> {
        Some(Hit {
            span,
            number,
            value: scaled(value, row.scale)?,
            unit: row.unit,
            currency: row.currency.clone(),
            classifier: row.classifier.clone(),
            rule: row.rule.clone(),
            more,
        })
    }

    /// A hit with no unit row: a percent prefix, a counted noun, a bare
    /// number.
    fn plain(
        span: Span,
        number: Span,
        value: f64,
        unit: Unit,
        classifier: impl Into<Arc<str>>,
        rule: impl Into<Arc<str>>,
        more: bool,
    ) -> Hit {
        Hit {
            span,
            number,
            value,
            unit,
            currency: None,
            classifier: classifier.into(),
            rule: rule.into(),
            more,
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
/// (`1,200`, `2.5`, `3/4`), as opposed to following a comma or full stop
/// that ends a clause.
pub(crate) fn glued_to_number(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    if at < 2 || !b[at - 2].is_ascii_digit() {
        return false;
    }
    match b[at - 1] {
        b'.' | b'/' => true,
        // a comma only inside a thousands group (`1,200`, not `0.64,15`)
        b',' => {
            let run = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
            run == 3
        }
        _ => false,
    }
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// The year mentions whose numbers are no quantities: dates (the day and
/// month of `2022年1月5日`), ranges and plan periods (`Five` in `14th
/// Five-Year Plan`).
fn year_blocks(years: &[crate::year::Hit]) -> Vec<Span> {
    years
        .iter()
        .filter(|y| y.kind != YearKind::Year)
        .map(|y| y.span)
        .collect()
}

/// Finds every quantity in a document.
pub(crate) fn find(
    doc: &Document,
    rules: &Rules,
    excluded: &ExcludedRegions,
    all_numbers: bool,
    years: &[crate::year::Hit],
) -> Vec<Hit> {
    let text = doc.norm.text();
    let excluded = excluded.get(Applies::Quantity);
    let mut hits = Vec::new();
    let mut money = None;
    for para in &doc.segments.paragraphs {
        scan_paragraph(
            text,
            *para,
            rules,
            excluded,
            all_numbers,
            &mut money,
            &mut hits,
        );
    }
    hits.retain(|h| !inside_a_word(&doc.tokens, text, h, rules.segmenter.get(), &rules.numbers));
    list::shared_units(text, rules, &mut hits);
    table::table_cells(doc, rules, excluded, &mut hits);
    let mut years = year_blocks(years);
    years.sort_by_key(|s| s.start);
    hits.retain(|h| {
        !overlaps_sorted(&years, h.number) && !overlaps_sorted(doc.chrome_spans(), h.span)
    });
    // mentions never overlap: of two that do, the one starting first (on
    // a tie, the longer) stands
    hits.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    // (in place: a second vector of hits was the largest structure of a
    // text dense with figures)
    let mut last: Option<Span> = None;
    hits.retain(|h| {
        let keep = last.is_none_or(|k| !k.overlaps(h.span));
        if keep {
            last = Some(h.span);
        }
        keep
    });
    hits.shrink_to_fit();
    hits
}

/// True where the letters right before `at` are a currency code written
/// in capitals against the number (`CNY3.6 trillion`, `USD497.1 billion`,
/// `RMB50 billion`): a currency row of letters only, as a whole word.
fn glued_code(text: &str, at: usize, rules: &Rules) -> bool {
    prev_char(text, at).is_some_and(|c| c.is_ascii_uppercase())
        && rules
            .quantities
            .currency_before(text, at)
            .is_some_and(|(row, start)| {
                let code = &text[start..at];
                start + row.word.len() == at
                    && code.len() >= 3
                    && code.bytes().all(|b| b.is_ascii_uppercase())
            })
}

/// True where a number may start at `at` (`c` is the character there).
fn starts_number(text: &str, at: usize, c: char, rules: &Rules) -> bool {
    let numbers = &rules.numbers;
    let prev = prev_char(text, at);
    let next = next_char(text, at + c.len_utf8());
    if c.is_ascii_digit() {
        (!prev.is_some_and(|p| p.is_ascii_alphanumeric()) || glued_code(text, at, rules))
            && !glued_to_number(text, at)
    } else if c == '.' {
        // a leading-dot decimal: `.64`, not the end of `2025.`
        next.is_some_and(|n| n.is_ascii_digit())
            && !prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == ',')
    } else if numbers.minus_chars.contains(&c) {
        // a sign, not a dash: not after a word or a number (`COVID-19`,
        // `2021-2025`, `5 - 10%`)
        let before = text[..at].trim_end_matches(' ');
        let spaced = before.len() < at;
        let last = before.chars().next_back();
        let glued =
            !spaced && last.is_some_and(|p| p.is_ascii_alphanumeric() || p == '%' || p == '-');
        let after_number = spaced && last.is_some_and(|p| p.is_ascii_digit() || p == '%');
        next.is_some_and(|n| {
            n.is_ascii_digit() || n == '.' || is_han(c) && numbers.is_chinese_numeral(n)
        }) && !glued
            && !after_number
    } else if numbers.is_chinese_numeral(c) {
        // (a Chinese digit may follow Arabic ones whose space the text
        // layer dropped, `667 五点八`; a unit may not: `4.5 万`)
        !prev.is_some_and(|p| {
            numbers.is_chinese_numeral(p) || p.is_ascii_digit() && !numbers.is_chinese_digit(c)
        })
    } else if c.is_ascii_alphabetic() {
        !prev.is_some_and(|p| p.is_ascii_alphanumeric())
    } else {
        false
    }
}

fn scan_paragraph(
    text: &str,
    para: Span,
    rules: &Rules,
    excluded: &Excluded,
    all: bool,
    money: &mut Option<Option<Arc<str>>>,
    out: &mut Vec<Hit>,
) {
    let numbers = &rules.numbers;
    let mut i = para.start;
    while i < para.end {
        let c = next_char(text, i).expect("in bounds");
        if !starts_number(text, i, c, rules) {
            i += c.len_utf8();
            continue;
        }
        let Some(m) = numbers.scan(text, i, para.end) else {
            // skip the rest of a Latin word or digit run (up to a number a
            // currency code is written against: `CNY3.6 trillion`)
            let mut j = i + c.len_utf8();
            while j < para.end
                && next_char(text, j).is_some_and(|d| {
                    d.is_ascii_alphanumeric() && !(d.is_ascii_digit() && glued_code(text, j, rules))
                })
                && c.is_ascii_alphanumeric()
            {
                j += 1;
            }
            i = j;
            continue;
        };
        let advance = m.end.max(i + c.len_utf8());
        let hit = read_quantity(text, para, &m, rules, excluded, all);
        let hit = carried_currency(text, &m, hit.as_ref(), money.as_ref(), rules, excluded).or(hit);
        if let Some(hit) = hit {
            i = hit.span.end.max(advance);
            if hit.unit == Unit::Currency {
                *money = Some(hit.currency.clone());
            }
            out.push(hit);
        } else {
            i = advance;
        }
    }
}

/// The least value a Chinese amount with no unit must have, and the least
/// big magnitude (of `rules/numerals.tsv`) it must end in, to take the
/// currency of an amount before it: a hundred million (`亿`), the scale
/// money is counted in and counts of things seldom reach.
const CARRIED_MIN: f64 = 1e8;

/// A Chinese amount of `亿` or more (`兆`) written without its unit, where an amount
/// of money comes before it in the document (`营业额逾新台币1.3兆元…进口额
/// 超过5千亿、…出口额约1.3兆`, `70亿(美元,下同)…90.7亿`): the unit of the
/// last one before it, which the writer leaves out. `hit` is what the number
/// reads as on its own: a unit of its own, or a bare count after a lead
/// word, or nothing; `money` is the currency of the last amount of money
/// read before it, if there was one (kept as the scan goes, so that no
/// number looks back over the hits before it).
fn carried_currency(
    text: &str,
    m: &NumberMatch,
    hit: Option<&Hit>,
    money: Option<&Option<Arc<str>>>,
    rules: &Rules,
    excluded: &Excluded,
) -> Option<Hit> {
    let money = money?;
    if hit.is_some_and(|h| h.unit != Unit::Count || !h.classifier.is_empty()) {
        return None;
    }
    let written = &text[m.start..m.end];
    if !matches!(m.form, NumberForm::Arabic | NumberForm::Chinese)
        || !m.scaled
        || m.value < CARRIED_MIN
        || !written
            .chars()
            .next_back()
            .and_then(|c| rules.numbers.big(c))
            .is_some_and(|b| b >= CARRIED_MIN)
        || next_char(text, m.end).is_some_and(|c| is_han(c) || c.is_alphanumeric())
    {
        return None;
    }
    let number = Span::new(m.start, m.end);
    if excluded.overlapping(number, &rules.exclusions).is_some() {
        return None;
    }
    Some(Hit {
        span: number,
        number,
        value: m.value,
        unit: Unit::Currency,
        currency: money.clone(),
        classifier: "".into(),
        rule: "carried:currency".into(),
        more: m.more,
    })
}

/// True where a Chinese numeral is a piece of a dictionary word: inside it
/// (`统一大市场`), or at its start with the word running past the mention
/// (`陆家嘴`, a place, not 6 家). A word that is the mention itself
/// (`百分之五`, `三双`), or the mention after a bound (`近千名`), is no such
/// piece.
fn inside_a_word(
    tokens: &[ShadowToken],
    text: &str,
    h: &Hit,
    jieba: &jieba_rs::Jieba,
    numbers: &crate::number::NumberRules,
) -> bool {
    if text[h.number].bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let i = tokens.partition_point(|t| t.span().end <= h.number.start);
    tokens.get(i).is_some_and(|t| {
        // (a word that is the mention and a bound before it, `近千名`, holds
        // the mention whole)
        let bound_and_mention = || {
            t.span().end <= h.span.end
                && numbers.is_magnitude_lead(&text[t.span().start.min(h.span.start)..h.span.start])
        };
        t.kind == TokenKind::Han
            && t.span().start <= h.number.start
            && (t.span().start < h.span.start || t.span().end > h.span.end)
            && !bound_and_mention()
            // a word of the dictionary, not a guess of the segmenter's
            && jieba.has_word(&text[t.span()])
    })
}

/// How far a Latin unit or a symbol may stand from its number: spaces, or
/// a hyphen where the quantity is an adjective (`an 87-hectare park`).
fn latin_gap(text: &str, at: usize, limit: usize) -> (usize, bool) {
    let rest = &text[at..limit];
    let t = rest.trim_start_matches(' ');
    match t.strip_prefix('-') {
        Some(u) if t.len() == rest.len() && u.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            (1, true)
        }
        _ => (rest.len() - t.len(), false),
    }
}

/// An English scale word after a currency code or name (`40 USD
/// million`): its multiplier and end.
fn scale_after(text: &str, at: usize, limit: usize, rules: &Rules) -> Option<(f64, usize)> {
    let rest = text[at..limit].strip_prefix(' ')?;
    let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let mult = rules.numbers.english_scale(&rest[..len])?;
    Some((mult, at + 1 + len))
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
    let written = &text[number];
    // a Chinese numeral needs a digit, or 十 to lead (十大): a bare 百 or 千
    // is a word, not a number
    if m.form == NumberForm::Chinese
        && rules
            .numbers
            .digitless(written.trim_start_matches(|c| rules.numbers.minus_chars.contains(&c)))
        && !rules.numbers.leads_magnitude(&text[..m.start])
    {
        return None;
    }
    let after = next_char(text, m.end);
    // 零部件, zero-carbon: a number word worth nothing is a word, unless
    // written 〇 (〇个), or alone before punctuation when every number is
    // asked for (the score was zero)
    let zero_word = m.value == 0.0 && m.form != NumberForm::Arabic && !written.starts_with('〇');
    let stands_alone = !after.is_some_and(|c| {
        c.is_alphanumeric()
            || c == '-'
            || c == ' ' && text[m.end + 1..].starts_with(|d: char| d.is_ascii_alphabetic())
    });
    if zero_word && !(all && stands_alone) {
        return None;
    }
    // a lone "one" or 一 is an article or a pronoun far more often than a
    // count (`one of`, `一个…中心`, `其中一次`); before a measure or a
    // currency it is one (`每股一美元`, `不足一吨`)
    let lone_one = matches!(m.form, NumberForm::English | NumberForm::Chinese)
        && m.value == 1.0
        && !m.scaled
        && !m.fraction;
    let mut at = m.end;
    let mut more = m.more;
    // (a unit right after the number wins: 多米尼加比索 is no 多 + 米)
    let unit_next = q.unit_starts_at(&text[..para.end], at);
    if let Some(c) = after.filter(|_| !unit_next) {
        if rules.numbers.is_more(c) && m.form != NumberForm::English {
            more = true;
            at += c.len_utf8();
        }
    }
    let (gap, hyphen) = latin_gap(text, at, para.end);
    let unit = q.unit_at(&text[..para.end], at).or_else(|| {
        if gap == 0 || gap > 2 {
            return None;
        }
        q.unit_at(&text[..para.end], at + gap).filter(|(r, end)| {
            // a symbol after a space, unless it starts the next amount
            r.latin
                || !hyphen
                    && r.symbol()
                    && !next_char(text, *end).is_some_and(|c| c.is_ascii_digit())
        })
    });
    // (`170 trillion won`, not `5 won prizes`)
    let unit = unit.filter(|(r, _)| !r.needs_magnitude || m.scaled);
    let before = q
        .currency_before(text, m.start)
        .filter(|(_, s)| *s >= para.start);
    // $12m, S$10B: a money suffix, after a currency before the number
    if let Some((row, start)) = before {
        if let Some((mult, end)) = rules.numbers.money_suffix(&text[..para.end], m.end) {
            let value = scaled(m.value, mult)?;
            return Hit::of_row(Span::new(start, end), number, value, row, more);
        }
    }
    if let Some((row, end)) = unit {
        if lone_one && row.unit == Unit::Count {
            return None;
        }
        let mut value = m.value;
        let mut end = end;
        // 40 USD million: a scale after the currency
        if row.unit == Unit::Currency && row.latin {
            if let Some((mult, e)) = scale_after(text, end, para.end, rules) {
                value = scaled(value, mult)?;
                end = e;
            }
        }
        // 三公里半: a half after the unit
        if let Some(c) = next_char(text, end).filter(|c| rules.numbers.is_half(*c)) {
            if !next_char(text, end + c.len_utf8()).is_some_and(is_han) && !m.fraction {
                value += 0.5;
                end += c.len_utf8();
            }
        }
        // 新台幣5億元, 港幣3億元: the currency before the number names the
        // dollar or yuan that 元 counts
        if let Some((cur, start)) =
            before.filter(|_| row.unit == Unit::Currency && row.word == "元")
        {
            return Hit::of_row(Span::new(start, end), number, value, cur, more);
        }
        // 年 is never a unit here, but a year-like number before a count
        // word is still a count (2000家)
        return Hit::of_row(Span::new(m.start, end), number, value, row, more);
    }
    if lone_one {
        return None;
    }
    // 百分之十: a percent written before the number
    if let Some(prefix) = ["百分之", "佰分之"]
        .iter()
        .find(|p| text[..m.start].ends_with(*p))
    {
        let start = m.start - prefix.len();
        return Some(Hit::plain(
            Span::new(start, m.end),
            number,
            m.value,
            Unit::Percent,
            String::new(),
            "percent_prefix",
            more,
        ));
    }
    if let Some((row, start)) = before {
        return Hit::of_row(Span::new(start, m.end), number, m.value, row, more);
    }
    let bare = || {
        Hit::plain(
            number,
            number,
            m.value,
            Unit::Number,
            String::new(),
            "bare_number",
            more,
        )
    };
    if m.fraction {
        return all.then(bare);
    }
    if year_like(text, m) || m.form == NumberForm::DigitString {
        return None;
    }
    // a number glued to letters is a name (5G, 10x)
    if after.is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if matches!(m.form, NumberForm::Arabic | NumberForm::English) && !zero_word {
        let noun = counted_noun(text, m.end, para.end, q)
            .or_else(|| range_noun(text, m.end, para.end, rules));
        if let Some(noun) = noun {
            return Some(Hit::plain(
                number,
                number,
                m.value,
                Unit::Count,
                noun,
                "english_noun",
                more,
            ));
        }
        // (a bare number: not one a Chinese word the tables do not know
        // follows, `超过14年`)
        let bare_here = !after.is_some_and(is_han);
        if let Some(lead) = lead_before(text, m.start, para.start, q).filter(|_| bare_here) {
            return Some(Hit::plain(
                number,
                number,
                m.value,
                Unit::Count,
                String::new(),
                format!("lead:{lead}"),
                more,
            ));
        }
    }
    all.then(bare)
}

#[cfg(test)]
mod tests;
