//! Arabic numbers: digits with thousands separators (`260,000`, `12 500`),
//! decimals (`2.73`, `.64`), exponents (`3.2e5`), scale suffixes (`7k`,
//! `5bn`), slash fractions (`1/4`, `1 3/5`), and the hand-over to the
//! mixed reader (`4.5万`, `1千2百万`) and to English scale words
//! (`50 billion`, `5 hundred and 40`).

use super::decimal::Dec;
use super::{chinese, english, Miss, NumberForm, NumberMatch, NumberRules};

/// An Arabic number as written, before any magnitude.
#[derive(Clone, Copy, Debug)]
pub(super) struct Literal {
    pub value: Dec,
    pub end: usize,
    /// Digits after the decimal point.
    pub decimals: usize,
    /// True for a plain integer: no separator, point or exponent.
    pub plain: bool,
    /// Digits before the point (with separators removed).
    pub int_digits: usize,
}

/// Longest integer digit run a fraction's parts may have (`1/4`, not a
/// date's `2023/11`).
const FRACTION_DIGITS: usize = 3;

/// Reads digits, separators, decimals and an exponent at `at`.
pub(super) fn literal(text: &str, at: usize, limit: usize) -> Result<Literal, Miss> {
    let b = text.as_bytes();
    let digit = |i: usize| i < limit && b[i].is_ascii_digit();
    let mut s = String::new();
    let mut i = at;
    while digit(i) {
        s.push(b[i] as char);
        i += 1;
    }
    let int_len = i - at;
    let mut plain = true;
    // thousands separators: 260,000 and 12 500 (groups of exactly three,
    // one kind of separator per number)
    if (1..=3).contains(&int_len) {
        for sep in [b',', b' '] {
            let mut j = i;
            while j + 4 <= limit
                && b[j] == sep
                && (1..4).all(|k| b[j + k].is_ascii_digit())
                && !digit(j + 4)
            {
                s.push_str(&text[j + 1..j + 4]);
                j += 4;
            }
            if j > i {
                i = j;
                plain = false;
                break;
            }
        }
    }
    let int_digits = s.len();
    let mut decimals = 0;
    if i < limit && b[i] == b'.' && digit(i + 1) {
        s.push('.');
        i += 1;
        while digit(i) {
            s.push(b[i] as char);
            decimals += 1;
            i += 1;
        }
        plain = false;
    }
    if s.is_empty() {
        return Err(Miss::None);
    }
    let mut value = Dec::parse(&s)?;
    // scientific notation: 3.2e5, 1E-3
    if i < limit && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        let negative = j < limit && b[j] == b'-';
        if j < limit && (b[j] == b'-' || b[j] == b'+') {
            j += 1;
        }
        let start = j;
        while digit(j) && j - start < 4 {
            j += 1;
        }
        let glued = j < limit && b[j].is_ascii_alphanumeric();
        if j > start && !glued {
            let e: i32 = text[start..j].parse().map_err(|_| Miss::None)?;
            value = value.shift(if negative { -e } else { e })?;
            i = j;
            plain = false;
        }
    }
    Ok(Literal {
        value,
        end: i,
        decimals,
        plain,
        int_digits,
    })
}

/// A scale suffix of `list` glued at `at` and not followed by a letter or
/// digit (`k` in `7k`, but not in `7km`).
pub(super) fn suffix_at(
    text: &str,
    at: usize,
    limit: usize,
    list: &[(String, Dec)],
) -> Option<(Dec, usize)> {
    let rest = &text[at..limit];
    list.iter().find_map(|(w, m)| {
        let end = at + w.len();
        (rest.starts_with(w.as_str())
            && !text[end..limit]
                .bytes()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric()))
        .then_some((*m, end))
    })
}

fn plain_match(at: usize, lit: &Literal, value: f64) -> NumberMatch {
    NumberMatch {
        start: at,
        end: lit.end,
        value,
        form: NumberForm::Arabic,
        decimals: lit.decimals,
        scaled: false,
        more: false,
        fraction: false,
    }
}

/// `a/b` after the literal `num`: both short plain integers, not a date
/// (`2023/11/08`) or a path.
fn slash_fraction(text: &str, num: &Literal, limit: usize) -> Option<(f64, usize)> {
    let b = text.as_bytes();
    if !num.plain || num.int_digits > FRACTION_DIGITS || num.end >= limit || b[num.end] != b'/' {
        return None;
    }
    let den = literal(text, num.end + 1, limit).ok()?;
    let next_slash = den.end + 1 < limit && b[den.end] == b'/' && b[den.end + 1].is_ascii_digit();
    if !den.plain || den.int_digits > FRACTION_DIGITS || next_slash || den.value.is_zero() {
        return None;
    }
    Some((num.value.to_f64().ok()? / den.value.to_f64().ok()?, den.end))
}

/// Reads an Arabic number at `at`, with whatever scales it.
pub(super) fn read(
    r: &NumberRules,
    text: &str,
    at: usize,
    limit: usize,
) -> Result<NumberMatch, Miss> {
    let lit = literal(text, at, limit)?;
    // a Chinese magnitude or unit after the digits: 4.5万, 3千, 1200余亿
    if text[lit.end..limit]
        .chars()
        .next()
        .is_some_and(|c| r.chinese.contains_key(&c))
    {
        let m = chinese::read(r, text, at, limit)?;
        if m.end > lit.end {
            return Ok(m);
        }
    }
    // a scale suffix: 7k, 12M, 5bn
    if let Some((mult, end)) = suffix_at(text, lit.end, limit, &r.suffixes) {
        let mut m = plain_match(at, &lit, lit.value.mul(mult)?.to_f64()?);
        m.end = end;
        m.scaled = true;
        return Ok(m);
    }
    // fractions: 1/4, and the mixed 1 3/5
    if let Some((v, end)) = slash_fraction(text, &lit, limit) {
        let mut m = plain_match(at, &lit, v);
        m.end = end;
        m.fraction = true;
        return Ok(m);
    }
    if lit.plain && lit.end + 1 < limit && text.as_bytes()[lit.end] == b' ' {
        if let Ok(num) = literal(text, lit.end + 1, limit) {
            if let Some((v, end)) = slash_fraction(text, &num, limit).filter(|(v, _)| *v < 1.0) {
                let mut m = plain_match(at, &lit, lit.value.to_f64()? + v);
                m.end = end;
                m.fraction = true;
                return Ok(m);
            }
        }
    }
    // English scale words: 50 billion, 5 hundred and 40
    if let Some(m) = english::after_digits(r, text, at, lit.value, lit.end, limit)? {
        return Ok(NumberMatch {
            decimals: lit.decimals,
            ..m
        });
    }
    Ok(plain_match(at, &lit, lit.value.to_f64()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Option<(f64, &str)> {
        let l = literal(s, 0, s.len()).ok()?;
        Some((l.value.to_f64().ok()?, &s[..l.end]))
    }

    #[test]
    fn separators_decimals_and_exponents() {
        assert_eq!(lit("260,000 firms"), Some((260000.0, "260,000")));
        assert_eq!(lit("12 500 researchers"), Some((12500.0, "12 500")));
        assert_eq!(lit("1 250 000"), Some((1250000.0, "1 250 000")));
        assert_eq!(lit("2020 2025"), Some((2020.0, "2020")));
        assert_eq!(lit("12 5000"), Some((12.0, "12")));
        assert_eq!(lit("1,200.5"), Some((1200.5, "1,200.5")));
        assert_eq!(lit(".64"), Some((0.64, ".64")));
        assert_eq!(lit("3.2e5"), Some((320000.0, "3.2e5")));
        assert_eq!(lit("4e4a"), Some((4.0, "4")));
        assert_eq!(lit("1,20"), Some((1.0, "1")));
    }
}
