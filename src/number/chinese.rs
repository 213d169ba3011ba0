//! Chinese numerals and the mixed forms that put Arabic digits before
//! Chinese units: `四十五万`, `一千二` (an elided last unit: 1200),
//! `一万零十五`, `二十余万`, `两个亿`, `廿五`, `二点五万`, `1千2百万`,
//! `3万4000`, digit strings (`二〇三五`) and fractions (`三分之一`,
//! `二又三分之一`).
//!
//! The reader lexes terms (a number, a unit, a marker) and feeds them to
//! an evaluator one at a time; the longest prefix that ends in a
//! well-formed state is the number (`二十` in `二十百`). Each step is
//! constant time, so a run of any length is read in linear time.

use super::arabic;
use super::decimal::Dec;
use super::{Miss, NumberForm, NumberMatch, NumberRules, Role};

/// One piece of a numeral.
#[derive(Clone, Copy, Debug)]
enum Term {
    /// A digit, or an Arabic number; `single` for one digit.
    Num {
        value: Dec,
        single: bool,
    },
    /// 零 or 〇 holding a place.
    Zero,
    /// 廿 卅: a digit and its 十.
    Tens(i64),
    /// A unit inside a section, by its power of ten.
    Small(i32),
    /// A section multiplier, by its power of ten.
    Big(i32),
    Point,
    More,
    Link,
    Half,
}

/// The most big sections one numeral holds (`一兆二千亿三千万五千`).
const MAX_SECTIONS: usize = 8;

/// The unit that came last, deciding what an elided unit is (`一千二`).
#[derive(Clone, Copy, Debug, PartialEq)]
enum LastUnit {
    Small(i32),
    /// A big section, by the power of ten of its level (`万亿`: 12).
    Big(i32),
}

/// The evaluator's state after some terms.
#[derive(Clone, Copy, Debug)]
struct Eval {
    /// Completed big sections, value and level, levels decreasing.
    sections: [(Dec, i32); MAX_SECTIONS],
    n: usize,
    /// The units part of the current section (`三百二十` so far).
    section: Dec,
    /// A number not yet multiplied by a unit, and whether it is one digit.
    number: Option<(Dec, bool)>,
    last_small: Option<i32>,
    last_unit: Option<LastUnit>,
    /// A 零 since the last unit: blocks the elided reading.
    zero: bool,
    /// Inside decimals after 点: their value and count.
    point: Option<(Dec, i32)>,
    /// A big unit read after decimals: nothing may follow.
    closed: bool,
    /// 余 or 多 read and waiting for its unit; read and done.
    pending_more: bool,
    more: bool,
    /// 个 read and waiting for a big unit.
    pending_link: bool,
    half: bool,
    any: bool,
    big: bool,
}

impl Eval {
    fn new() -> Eval {
        Eval {
            sections: [(Dec::ZERO, 0); MAX_SECTIONS],
            n: 0,
            section: Dec::ZERO,
            number: None,
            last_small: None,
            last_unit: None,
            zero: false,
            point: None,
            closed: false,
            pending_more: false,
            more: false,
            pending_link: false,
            half: false,
            any: false,
            big: false,
        }
    }

    /// The pending number, read with the unit it elides: `二` in `一千二`
    /// is 200, in `一万二` 2000.
    fn number_value(&self, before_big: bool) -> Dec {
        let Some((d, single)) = self.number else {
            return Dec::ZERO;
        };
        if !single || self.zero || self.point.is_some() {
            return d;
        }
        let elided = match self.last_unit {
            Some(LastUnit::Small(e)) if e >= 2 => Some(e - 1),
            Some(LastUnit::Big(level)) if !before_big => Some(level - 1),
            _ => None,
        };
        match elided {
            Some(e) => d.shift(e).unwrap_or(d),
            None => d,
        }
    }

    fn push(&mut self, t: Term) -> Result<(), Miss> {
        if self.half || self.closed {
            return Err(Miss::None);
        }
        let waiting = self.pending_more || self.pending_link;
        match t {
            Term::Num { value, single } => {
                if let Some((frac, k)) = self.point {
                    if !single {
                        return Err(Miss::None);
                    }
                    self.point = Some((frac.add(value.shift(-(k + 1))?)?, k + 1));
                    return Ok(());
                }
                if waiting || self.number.is_some() {
                    return Err(Miss::None);
                }
                // an Arabic tail stays below the unit before it (3万4000)
                let bound = match self.last_unit {
                    Some(LastUnit::Small(e)) => Some(e),
                    Some(LastUnit::Big(l)) => Some(l),
                    None => None,
                };
                if bound.is_some_and(|e| !value.below_pow10(e)) {
                    return Err(Miss::None);
                }
                self.number = Some((value, single));
            }
            Term::Zero => {
                if self.point.is_some() {
                    return self.push(Term::Num {
                        value: Dec::ZERO,
                        single: true,
                    });
                }
                if waiting || self.number.is_some() {
                    return Err(Miss::None);
                }
                if self.any {
                    self.zero = true;
                } else {
                    self.number = Some((Dec::ZERO, false));
                }
            }
            Term::Tens(v) => {
                if waiting || self.number.is_some() || self.point.is_some() {
                    return Err(Miss::None);
                }
                if self.last_small.is_some_and(|l| l <= 1) {
                    return Err(Miss::None);
                }
                self.section = self.section.add(Dec::int(v))?;
                self.last_small = Some(1);
                self.last_unit = Some(LastUnit::Small(1));
                self.zero = false;
            }
            Term::Small(e) => {
                if self.pending_link || self.point.is_some() {
                    return Err(Miss::None);
                }
                if self.pending_more {
                    self.pending_more = false;
                    self.more = true;
                }
                let implied = self.number.is_none() && !self.zero;
                match self.last_small {
                    // units fall within a section, each after its digit:
                    // 二十百 and 一千百 are ill-formed, 一千零十 is not
                    Some(l) if e >= l || implied => return Err(Miss::None),
                    // after a big unit a digit or 零 comes first
                    None if implied && self.n > 0 => return Err(Miss::None),
                    _ => {}
                }
                let digit = self.number.map_or(Dec::ONE, |(d, _)| d);
                self.section = self.section.add(digit.shift(e)?)?;
                self.number = None;
                self.zero = false;
                self.last_small = Some(e);
                self.last_unit = Some(LastUnit::Small(e));
            }
            Term::Big(e) => {
                if self.pending_more {
                    self.pending_more = false;
                    self.more = true;
                }
                self.pending_link = false;
                let mut s = self.section.add(self.number_value(true))?;
                if let Some((frac, _)) = self.point.take() {
                    s = s.add(frac)?;
                    self.closed = true;
                }
                // the sections below this unit are multiplied by it too:
                // 1.2万亿 is 1.2 × 10⁴ × 10⁸, and units in a row compose
                // (亿亿)
                let mut merged = Dec::ZERO;
                let mut level = 0;
                let mut compose = s.is_zero();
                while self.n > 0 && (compose || self.sections[self.n - 1].1 <= e) {
                    compose = false;
                    self.n -= 1;
                    let (v, l) = self.sections[self.n];
                    merged = merged.add(v)?;
                    level = level.max(l);
                }
                if s.is_zero() && merged.is_zero() {
                    return Err(Miss::None);
                }
                if self.n == MAX_SECTIONS {
                    return Err(Miss::None);
                }
                let level = e + level;
                self.sections[self.n] = (s.add(merged)?.shift(e)?, level);
                self.n += 1;
                self.section = Dec::ZERO;
                self.number = None;
                self.last_small = None;
                self.last_unit = Some(LastUnit::Big(level));
                self.zero = false;
                self.big = true;
            }
            Term::Point => {
                if waiting
                    || self.point.is_some()
                    || (self.number.is_none() && self.section.is_zero())
                {
                    return Err(Miss::None);
                }
                self.point = Some((Dec::ZERO, 0));
            }
            Term::More => {
                if waiting || self.point.is_some() || !self.any {
                    return Err(Miss::None);
                }
                self.pending_more = true;
            }
            Term::Link => {
                if waiting
                    || self.point.is_some()
                    || self.n > 0
                    || self.number.is_none() && self.section.is_zero()
                {
                    return Err(Miss::None);
                }
                self.pending_link = true;
            }
            Term::Half => {
                let one = self.number.is_some_and(|(d, _)| d == Dec::ONE);
                if !one || self.n > 0 || !self.section.is_zero() || self.point.is_some() {
                    return Err(Miss::None);
                }
                self.half = true;
            }
        }
        self.any = true;
        Ok(())
    }

    /// The value, where the terms so far end a well-formed numeral.
    fn value(&self) -> Option<Result<Dec, Miss>> {
        if !self.any || self.pending_more || self.pending_link {
            return None;
        }
        if self.half {
            return Some(Dec::parse("0.5").map_err(Miss::from));
        }
        if matches!(self.point, Some((_, 0))) {
            return None;
        }
        let mut v = self.section.add(self.number_value(false));
        if let Some((frac, _)) = self.point {
            v = v.and_then(|v| v.add(frac));
        }
        for (s, _) in &self.sections[..self.n] {
            v = v.and_then(|v| v.add(*s));
        }
        Some(v.map_err(Miss::from))
    }
}

/// The next term at `p`, and its length.
fn lex(r: &NumberRules, text: &str, p: usize, limit: usize) -> Result<Option<(Term, usize)>, Miss> {
    let Some(c) = text[p..limit].chars().next() else {
        return Ok(None);
    };
    if c.is_ascii_digit() {
        let lit = arabic::literal(text, p, limit)?;
        let single = lit.plain && lit.int_digits == 1;
        return Ok(Some((
            Term::Num {
                value: lit.value,
                single,
            },
            lit.end - p,
        )));
    }
    let len = c.len_utf8();
    let next_is_unit = || {
        text[p + len..limit]
            .chars()
            .next()
            .is_some_and(|n| matches!(r.chinese.get(&n), Some(Role::Small(_) | Role::Big(_))))
    };
    let term = match r.chinese.get(&c) {
        Some(Role::Digit {
            financial: true, ..
        }) if !next_is_unit() => return Ok(None),
        Some(Role::Digit { value: 0, .. }) => Term::Zero,
        Some(Role::Digit { value, .. }) => Term::Num {
            value: Dec::int(*value),
            single: true,
        },
        Some(Role::Tens(v)) => Term::Tens(*v),
        // a unit word that starts with a numeral (千瓦, 兆字节) ends the number
        Some(Role::Small(_) | Role::Big(_)) if r.guarded(text, p, limit) => return Ok(None),
        Some(Role::Small(e)) => Term::Small(*e),
        Some(Role::Big(e)) => Term::Big(*e),
        Some(Role::Point) => Term::Point,
        Some(Role::More) => Term::More,
        Some(Role::Link) => Term::Link,
        Some(Role::Half) => Term::Half,
        _ => return Ok(None),
    };
    Ok(Some((term, len)))
}

/// The longest digit run a digit string may have before it is no number.
const MAX_DIGIT_STRING: usize = 40;

/// Three or more Chinese digits in a row read digit by digit (`二〇三五`);
/// two (`一二线`) are not a number, and only the first digit is read.
fn digit_string(
    r: &NumberRules,
    text: &str,
    at: usize,
    limit: usize,
) -> Result<Option<NumberMatch>, Miss> {
    let mut digits = String::new();
    let mut end = at;
    for (o, c) in text[at..limit].char_indices() {
        match r.chinese.get(&c) {
            Some(Role::Digit {
                value,
                financial: false,
            }) => {
                if digits.len() == MAX_DIGIT_STRING {
                    return Err(Miss::Overflow);
                }
                digits.push(char::from(b'0' + *value as u8));
                end = at + o + c.len_utf8();
            }
            _ => break,
        }
    }
    if digits.len() < 3 {
        return Ok(None);
    }
    Ok(Some(NumberMatch {
        start: at,
        end,
        value: Dec::parse(&digits)?.to_f64()?,
        form: NumberForm::DigitString,
        decimals: 0,
        scaled: false,
        more: false,
        fraction: false,
    }))
}

/// Reads a Chinese or mixed numeral at `at`, with a fraction after it.
pub(super) fn read(
    r: &NumberRules,
    text: &str,
    at: usize,
    limit: usize,
) -> Result<NumberMatch, Miss> {
    if let Some(m) = digit_string(r, text, at, limit)? {
        return Ok(m);
    }
    let arabic = text.as_bytes()[at].is_ascii_digit();
    let mut st = Eval::new();
    let mut p = at;
    let mut best: Option<(usize, Eval, Dec)> = None;
    let mut digits_in_a_row = 0;
    while let Some((term, len)) = lex(r, text, p, limit)? {
        // 一二线: two Chinese digits in a row are no number; read the first
        digits_in_a_row = match term {
            Term::Num { .. } if !text.as_bytes()[p].is_ascii_digit() => digits_in_a_row + 1,
            Term::Zero if !st.any => 1,
            _ => 0,
        };
        if digits_in_a_row >= 2 && st.point.is_none() {
            break;
        }
        let mut next = st;
        if next.push(term).is_err() {
            break;
        }
        st = next;
        p += len;
        if let Some(v) = st.value() {
            best = Some((p, st, v?));
        }
    }
    let (end, st, value) = best.ok_or(Miss::None)?;
    let decimals = st.point.map_or(0, |(_, k)| k as usize);
    let mut m = NumberMatch {
        start: at,
        end,
        value: value.to_f64()?,
        form: if arabic {
            NumberForm::Arabic
        } else {
            NumberForm::Chinese
        },
        decimals,
        scaled: st.big || (arabic && st.last_small.is_some()),
        more: st.more,
        fraction: false,
    };
    if arabic {
        if let Ok(lit) = arabic::literal(text, at, limit) {
            m.decimals = lit.decimals;
        }
    }
    if let Some(f) = fraction_after(r, text, &m, limit)? {
        return Ok(f);
    }
    Ok(m)
}

/// `X分之Y` (Y/X) after the denominator `den`, and `N又X分之Y`. A bare
/// `百分之` is a percent, read by the quantity reader, not here.
fn fraction_after(
    r: &NumberRules,
    text: &str,
    den: &NumberMatch,
    limit: usize,
) -> Result<Option<NumberMatch>, Miss> {
    let rest = &text[den.end..limit];
    if let Some(c) = rest
        .chars()
        .next()
        .filter(|c| r.chinese.get(c) == Some(&Role::Mixed))
    {
        let after = den.end + c.len_utf8();
        if text[after..limit].starts_with(|d: char| r.is_chinese_numeral(d)) {
            let f = read(r, text, after, limit)?;
            if f.fraction && f.value < 1.0 {
                return Ok(Some(NumberMatch {
                    start: den.start,
                    value: den.value + f.value,
                    ..f
                }));
            }
        }
        return Ok(None);
    }
    let Some(marker) = r
        .fraction_markers
        .iter()
        .find(|m| rest.starts_with(m.as_str()))
    else {
        return Ok(None);
    };
    let written = &text[den.start..den.end];
    let percent = written.chars().count() == 1 && den.value == 100.0;
    if percent || den.value == 0.0 || den.fraction {
        return Ok(None);
    }
    let at = den.end + marker.len();
    let num = match r.read(text, at, limit) {
        Ok(n) if !n.fraction && n.value >= 0.0 => n,
        Err(Miss::Overflow) => return Err(Miss::Overflow),
        _ => return Ok(None),
    };
    Ok(Some(NumberMatch {
        start: den.start,
        end: num.end,
        value: num.value / den.value,
        form: den.form,
        decimals: num.decimals,
        scaled: false,
        more: false,
        fraction: true,
    }))
}
