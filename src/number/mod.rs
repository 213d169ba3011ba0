//! The number reader: Arabic numbers with separators, decimals, exponents
//! and scale suffixes (`260,000`, `12 500`, `.64`, `3.2e5`, `7k`), Chinese
//! numerals (`四十五万`, `一千二`, `二十余万`, `二〇三五`, `三分之一`),
//! mixed forms (`4.5万`, `1千2百万`, `3万4000`), English number words
//! (`ten thousand`, `two and a half million`, `two thirds`, `three point
//! five`) and signs (`-3.5`, `负2.1`, `minus 4`), driven by the `numerals`
//! rule table.
//!
//! Values are summed in decimal and converted to `f64` once, so `145.7亿`
//! is exactly `14570000000`, and a value past the range of `f64` is a
//! [`NumberError::Overflow`], never infinity.

mod arabic;
mod chinese;
mod decimal;
mod english;

use crate::error::RuleError;
use crate::rules::Table;
use crate::text::fold_char;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use decimal::{Dec, Overflow};
use rustc_hash::{FxHashMap, FxHashSet};
use thiserror::Error;

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberForm {
    /// Arabic digits, possibly with a Chinese magnitude (`4.5万`).
    Arabic,
    /// Chinese numerals with units (`四十五万`).
    Chinese,
    /// A string of Chinese digits read digit by digit (`二〇三五`).
    DigitString,
    /// English words, possibly after Arabic digits (`ten thousand`).
    English,
}

/// A number found in text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberMatch {
    /// Byte offset of the first byte (the sign, where one is written).
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The value, scaled by any magnitude word; always finite.
    pub value: f64,
    /// How it is written.
    pub form: NumberForm,
    /// Number of digits after the decimal point, where one is written.
    pub decimals: usize,
    /// True where a magnitude word (`万`, `billion`, `k`) scales it.
    pub scaled: bool,
    /// True where `余`, `多` or `几` between the digits and the magnitude
    /// marks "more than" (`1200余亿`).
    pub more: bool,
    /// True for a fraction (`三分之一`, `1/4`, `two thirds`): its value is
    /// the quotient.
    pub fraction: bool,
}

/// Why a text is not one number.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberError {
    /// The text is not a number, or holds more than one.
    #[error("not a number")]
    NotANumber,
    /// The text is a number too large for `f64` (`1` followed by 39 `亿`).
    #[error("number too large to represent")]
    Overflow,
}

/// Why no number was read at a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Miss {
    /// Nothing there reads as a number.
    None,
    /// A number is written there, but its value is past `f64`.
    Overflow,
}

impl From<Overflow> for Miss {
    fn from(_: Overflow) -> Miss {
        Miss::Overflow
    }
}

/// What a Chinese numeral character does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Role {
    /// A digit; `financial` digits read only before a numeral unit.
    Digit { value: i64, financial: bool },
    /// A digit and its 十 in one character (廿 20).
    Tens(i64),
    /// 十 百 千: the power of ten of a unit inside a section.
    Small(i32),
    /// 万 亿 兆: the power of ten of a section multiplier.
    Big(i32),
    /// 点.
    Point,
    /// 余 多 几.
    More,
    /// 个 before a big magnitude.
    Link,
    /// 又 between a whole number and a fraction.
    Mixed,
    /// 半 after 一.
    Half,
    /// 负.
    Minus,
}

/// The compiled `numerals` table.
#[derive(Debug, Clone)]
pub struct NumberRules {
    pub(crate) chinese: FxHashMap<char, Role>,
    pub(crate) fraction_markers: Vec<String>,
    /// Words before which a numeral of magnitudes alone is a number
    /// (`突破千亿元`, `近千名`).
    pub(crate) magnitude_leads: Vec<String>,
    pub(crate) minus_chars: FxHashSet<char>,
    pub(crate) en_units: FxHashMap<String, i64>,
    pub(crate) en_tens: FxHashMap<String, i64>,
    pub(crate) en_scales: FxHashMap<String, i64>,
    pub(crate) en_fractions: FxHashMap<String, i64>,
    pub(crate) en_articles: FxHashSet<String>,
    pub(crate) en_over: Vec<String>,
    pub(crate) en_points: FxHashSet<String>,
    pub(crate) en_minus: FxHashSet<String>,
    /// Scale suffixes glued to digits, longest first (case matters).
    pub(crate) suffixes: Vec<(String, Dec)>,
    /// Scale suffixes that only follow an amount of money.
    pub(crate) money_suffixes: Vec<(String, Dec)>,
    /// Unit words that start with a numeral character (`千瓦`, `兆字节`):
    /// where one starts, the number ends.
    guard: Option<AhoCorasick>,
}

/// The power of ten a table value is, or an error for the row.
fn power_of_ten(t: &Table, row: &crate::rules::Row, v: f64) -> Result<i32, RuleError> {
    let e = v.log10().round() as i32;
    if v > 0.0 && 10f64.powi(e) == v {
        Ok(e)
    } else {
        Err(t.error(row, format!("`{v}` must be a power of ten for this role")))
    }
}

impl NumberRules {
    /// Compiles the `numerals` table. `unit_words` are the unit and
    /// currency words of the quantity tables: those that start with a
    /// numeral character (`千瓦`) stop a number before them.
    pub fn compile<'a>(
        t: &Table,
        unit_words: impl IntoIterator<Item = &'a str>,
    ) -> Result<NumberRules, RuleError> {
        let mut r = NumberRules {
            chinese: FxHashMap::default(),
            fraction_markers: Vec::new(),
            magnitude_leads: Vec::new(),
            minus_chars: FxHashSet::default(),
            en_units: FxHashMap::default(),
            en_tens: FxHashMap::default(),
            en_scales: FxHashMap::default(),
            en_fractions: FxHashMap::default(),
            en_articles: FxHashSet::default(),
            en_over: Vec::new(),
            en_points: FxHashSet::default(),
            en_minus: FxHashSet::default(),
            suffixes: Vec::new(),
            money_suffixes: Vec::new(),
            guard: None,
        };
        for row in t.rows() {
            let word = t.required(row, "word")?;
            let role = t.required(row, "role")?;
            let folded: String = word.chars().map(fold_char).collect();
            let latin = word.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ');
            let value = || -> Result<f64, RuleError> {
                let v = t.number(row, "value", f64::NAN)?;
                if v.is_nan() {
                    return Err(t.error(row, "column `value` is empty"));
                }
                Ok(v)
            };
            let single = || -> Result<char, RuleError> {
                let mut cs = folded.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(t.error(
                        row,
                        format!("`{word}` must be one character for role {role}"),
                    )),
                }
            };
            let lower = word.to_ascii_lowercase();
            match role {
                "digit" | "financial_digit" => {
                    let financial = role == "financial_digit";
                    let v = value()? as i64;
                    r.chinese.insert(
                        single()?,
                        Role::Digit {
                            value: v,
                            financial,
                        },
                    );
                }
                "tens" => {
                    r.chinese.insert(single()?, Role::Tens(value()? as i64));
                }
                "small" => {
                    let e = power_of_ten(t, row, value()?)?;
                    r.chinese.insert(single()?, Role::Small(e));
                }
                "big" => {
                    let e = power_of_ten(t, row, value()?)?;
                    r.chinese.insert(single()?, Role::Big(e));
                }
                "point" if latin => {
                    r.en_points.insert(lower);
                }
                "point" => {
                    r.chinese.insert(single()?, Role::Point);
                }
                "more" => {
                    r.chinese.insert(single()?, Role::More);
                }
                "link" => {
                    r.chinese.insert(single()?, Role::Link);
                }
                "mixed" => {
                    r.chinese.insert(single()?, Role::Mixed);
                }
                "half" => {
                    r.chinese.insert(single()?, Role::Half);
                }
                "fraction" => r.fraction_markers.push(folded),
                "magnitude_lead" => r.magnitude_leads.push(folded),
                "minus" if latin => {
                    r.en_minus.insert(lower);
                }
                "minus" => {
                    let c = single()?;
                    if crate::text::is_han(c) {
                        r.chinese.insert(c, Role::Minus);
                    }
                    r.minus_chars.insert(c);
                }
                "en_unit" => {
                    r.en_units.insert(lower, value()? as i64);
                }
                "en_ten" => {
                    r.en_tens.insert(lower, value()? as i64);
                }
                "en_scale" => {
                    r.en_scales.insert(lower, value()? as i64);
                }
                "en_fraction" => {
                    r.en_fractions.insert(lower, value()? as i64);
                }
                "en_article" => {
                    r.en_articles.insert(lower);
                }
                "en_over" => r.en_over.push(lower),
                "suffix" | "money_suffix" => {
                    let e = power_of_ten(t, row, value()?)?;
                    let list = if role == "suffix" {
                        &mut r.suffixes
                    } else {
                        &mut r.money_suffixes
                    };
                    list.push((word.to_string(), Dec::pow10(e)));
                }
                _ => return Err(t.error(row, format!("unknown role `{role}`"))),
            }
        }
        for list in [&mut r.suffixes, &mut r.money_suffixes] {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        let guarded: Vec<String> = unit_words
            .into_iter()
            .map(|w| w.chars().map(fold_char).collect::<String>())
            .filter(|w| {
                w.chars().next().is_some_and(|c| {
                    matches!(r.chinese.get(&c), Some(Role::Small(_) | Role::Big(_)))
                })
            })
            .collect();
        if !guarded.is_empty() {
            let ac = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&guarded)
                .map_err(|e| RuleError::new("numerals", 0, e.to_string()))?;
            r.guard = Some(ac);
        }
        Ok(r)
    }

    /// True if `c` is a Chinese numeral character that can start or
    /// continue a number.
    pub fn is_chinese_numeral(&self, c: char) -> bool {
        matches!(
            self.chinese.get(&c),
            Some(Role::Digit { .. } | Role::Tens(_) | Role::Small(_) | Role::Big(_) | Role::Point)
        )
    }

    /// True for a Chinese digit (`五`, `〇`), not a unit.
    pub(crate) fn is_chinese_digit(&self, c: char) -> bool {
        matches!(
            self.chinese.get(&c),
            Some(Role::Digit { .. } | Role::Tens(_))
        )
    }

    /// True for `余`, `多` or `几`: more than, after a number.
    pub(crate) fn is_more(&self, c: char) -> bool {
        self.chinese.get(&c) == Some(&Role::More)
    }

    /// True for `半`: a half, after a unit (`三公里半`).
    pub(crate) fn is_half(&self, c: char) -> bool {
        self.chinese.get(&c) == Some(&Role::Half)
    }

    /// True where a Chinese numeral has no digit and does not lead with a
    /// unit of ten: `百`, `千万` alone are words (`千方百计`), `十大` is not.
    pub(crate) fn digitless(&self, numeral: &str) -> bool {
        let leads_ten = numeral
            .chars()
            .next()
            .is_some_and(|c| self.chinese.get(&c) == Some(&Role::Small(1)));
        !leads_ten
            && numeral.chars().all(|c| {
                !matches!(
                    self.chinese.get(&c),
                    Some(Role::Digit { .. } | Role::Tens(_))
                )
            })
    }

    /// True where `before` (the text up to a numeral) ends in a word after
    /// which a numeral of magnitudes alone is a number: `千亿元` after
    /// `突破`, `千名` after `近`, `百萬家` after `至`. Elsewhere such a
    /// numeral is a word (`千万`, `万物`, `百家争鸣`).
    pub(crate) fn leads_magnitude(&self, before: &str) -> bool {
        self.magnitude_leads
            .iter()
            .any(|w| before.ends_with(w.as_str()))
    }

    /// True where `word` is one of the magnitude leads (`近`, `突破`).
    pub(crate) fn is_magnitude_lead(&self, word: &str) -> bool {
        self.magnitude_leads.iter().any(|w| w == word)
    }

    /// The multiplier of a big magnitude character (`万`, `亿`).
    pub fn big(&self, c: char) -> Option<f64> {
        match self.chinese.get(&c) {
            Some(Role::Big(e)) => Some(10f64.powi(*e)),
            _ => None,
        }
    }

    /// The multiplier of a magnitude character, small or big (`百`, `千`,
    /// `万`, `亿`).
    pub(crate) fn magnitude(&self, c: char) -> Option<f64> {
        match self.chinese.get(&c) {
            Some(Role::Big(e) | Role::Small(e)) => Some(10f64.powi(*e)),
            _ => None,
        }
    }

    /// The multiplier of an English scale word (`thousand`).
    pub fn english_scale(&self, w: &str) -> Option<f64> {
        self.en_scales
            .get(&w.to_ascii_lowercase())
            .map(|v| *v as f64)
    }

    /// The multiplier of a money suffix glued at `at` (`B` in `S$10B`),
    /// and its end.
    pub fn money_suffix(&self, text: &str, at: usize) -> Option<(f64, usize)> {
        let (mult, end) = arabic::suffix_at(text, at, text.len(), &self.money_suffixes)?;
        Some((mult.to_f64().ok()?, end))
    }

    /// True where a unit word of the quantity tables starts at `at`.
    pub(crate) fn guarded(&self, text: &str, at: usize, limit: usize) -> bool {
        self.guard.as_ref().is_some_and(|g| {
            g.find(
                Input::new(&text[..limit])
                    .span(at..limit)
                    .anchored(Anchored::Yes),
            )
            .is_some()
        })
    }

    /// Reads the number that starts at byte `at` of `text` (shadow text:
    /// folded, half-width), not reading past `limit`.
    pub fn scan(&self, text: &str, at: usize, limit: usize) -> Option<NumberMatch> {
        self.read(text, at, limit).ok()
    }

    /// Like [`scan`](Self::scan), telling an overflow from no number.
    pub(crate) fn read(&self, text: &str, at: usize, limit: usize) -> Result<NumberMatch, Miss> {
        let c = text[at..limit].chars().next().ok_or(Miss::None)?;
        if self.minus_chars.contains(&c) {
            let inner = at + c.len_utf8();
            let next = text[inner..limit].chars().next().ok_or(Miss::None)?;
            let ok = next.is_ascii_digit()
                || next == '.'
                || (crate::text::is_han(c) && self.is_chinese_numeral(next));
            if !ok {
                return Err(Miss::None);
            }
            let mut m = self.read(text, inner, limit)?;
            m.start = at;
            m.value = -m.value;
            return Ok(m);
        }
        if c.is_ascii_digit() || c == '.' {
            arabic::read(self, text, at, limit)
        } else if self.is_chinese_numeral(c) {
            chinese::read(self, text, at, limit)
        } else if c.is_ascii_alphabetic() {
            english::read(self, text, at, limit)
        } else {
            Err(Miss::None)
        }
    }
}

/// Rounds away the binary noise of scaling a decimal (`145.7 × 1e8` is
/// `14570000000`, not `14569999999.999998`): fifteen significant digits,
/// which one multiplication never disturbs.
pub(crate) fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    format!("{v:.14e}").parse().unwrap_or(v)
}

/// `v × by`, exact for a power of ten (`1.2 × 1e8`), `None` where the
/// product is past `f64`.
pub(crate) fn scaled(v: f64, by: f64) -> Option<f64> {
    if by == 1.0 {
        return Some(v);
    }
    let e = by.log10().round() as i32;
    let p = if 10f64.powi(e) == by {
        format!("{v}e{e}").parse::<f64>().ok()?
    } else {
        tidy(v * by)
    };
    p.is_finite().then_some(p)
}

/// Reads a whole string as one number, with the shipped tables: Arabic,
/// Chinese, mixed or English; a typed error if it is not one number or is
/// too large for `f64`.
///
/// ```
/// use zhen_extract::number::{read_number, NumberError};
/// assert_eq!(read_number("一千二"), Ok(1200.0));
/// assert_eq!(read_number("一流"), Err(NumberError::NotANumber));
/// let huge = format!("1{}", "亿".repeat(39));
/// assert_eq!(read_number(&huge), Err(NumberError::Overflow));
/// ```
pub fn read_number(s: &str) -> Result<f64, NumberError> {
    let rules = crate::rules::Rules::default_rules();
    let folded: String = s.trim().chars().map(fold_char).collect();
    match rules.numbers.read(&folded, 0, folded.len()) {
        Ok(m) if m.end == folded.len() => Ok(m.value),
        Ok(_) | Err(Miss::None) => Err(NumberError::NotANumber),
        Err(Miss::Overflow) => Err(NumberError::Overflow),
    }
}

/// Reads a whole string as one number, with the shipped tables: Arabic,
/// Chinese, mixed or English. `None` if any of it is not part of the
/// number, or if its value is past `f64` (see [`read_number`] for why).
///
/// ```
/// use zhen_extract::parse_number;
/// assert_eq!(parse_number("四十五万"), Some(450000.0));
/// assert_eq!(parse_number("1.15萬"), Some(11500.0));
/// assert_eq!(parse_number("ten thousand"), Some(10000.0));
/// assert_eq!(parse_number("二〇三五"), Some(2035.0));
/// assert_eq!(parse_number("3万4000"), Some(34000.0));
/// assert_eq!(parse_number("260,000"), Some(260000.0));
/// assert_eq!(parse_number("-3.5"), Some(-3.5));
/// assert_eq!(parse_number("三分之一"), Some(1.0 / 3.0));
/// assert_eq!(parse_number("一流"), None);
/// ```
pub fn parse_number(s: &str) -> Option<f64> {
    read_number(s).ok()
}

/// Reads the number at `at` with the shipped tables (for the tokenizer).
pub(crate) fn scan(text: &str, at: usize, limit: usize) -> Option<NumberMatch> {
    let c = text[at..limit].chars().next()?;
    if !c.is_ascii_digit() {
        return None;
    }
    if at > 0 && text.as_bytes()[at - 1].is_ascii_alphanumeric() {
        return None;
    }
    crate::rules::Rules::default_rules()
        .numbers
        .scan(text, at, limit)
}

/// True where an Arabic number starts at `at`.
pub(crate) fn starts_number(text: &str, at: usize) -> bool {
    text.as_bytes().get(at).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests;
