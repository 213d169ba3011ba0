//! The number reader: Arabic numbers with separators and decimals, Chinese
//! numerals (`四十五万`, `二〇三五`, `二点五`), mixed forms (`4.5万`,
//! `3万4000`, `1200亿`) and English cardinals (`ten thousand`,
//! `50 billion`), driven by the `numerals` rule table.

use crate::error::RuleError;
use crate::rules::Table;
use crate::text::fold_char;
use std::collections::HashMap;

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
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The value, scaled by any magnitude word.
    pub value: f64,
    /// How it is written.
    pub form: NumberForm,
    /// Number of digits after the decimal point, where one is written.
    pub decimals: usize,
    /// True where a magnitude word (`万`, `billion`) scales it.
    pub scaled: bool,
    /// True where `余` or `多` between the digits and the magnitude marks
    /// "more than" (`1200余亿`).
    pub more: bool,
}

/// The longest run of Chinese numeral characters read as one number.
const MAX_NUMERAL_CHARS: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Digit(f64),
    Small(f64),
    Big(f64),
    Point,
}

/// The compiled `numerals` table.
#[derive(Debug, Clone)]
pub struct NumberRules {
    chinese: HashMap<char, Role>,
    en_units: HashMap<String, f64>,
    en_tens: HashMap<String, f64>,
    en_scales: HashMap<String, f64>,
}

impl NumberRules {
    /// Compiles the `numerals` table.
    pub fn compile(t: &Table) -> Result<NumberRules, RuleError> {
        let mut r = NumberRules {
            chinese: HashMap::new(),
            en_units: HashMap::new(),
            en_tens: HashMap::new(),
            en_scales: HashMap::new(),
        };
        for row in t.rows() {
            let word = t.required(row, "word")?;
            let role = t.required(row, "role")?;
            let value = if role == "point" {
                0.0
            } else {
                t.number(row, "value", f64::NAN)?
            };
            if value.is_nan() {
                return Err(t.error(row, "column `value` is empty"));
            }
            let single = || -> Result<char, RuleError> {
                let mut cs = word.chars().map(fold_char);
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(t.error(
                        row,
                        format!("`{word}` must be one character for role {role}"),
                    )),
                }
            };
            match role {
                "digit" => {
                    r.chinese.insert(single()?, Role::Digit(value));
                }
                "small" => {
                    r.chinese.insert(single()?, Role::Small(value));
                }
                "big" => {
                    r.chinese.insert(single()?, Role::Big(value));
                }
                "point" => {
                    r.chinese.insert(single()?, Role::Point);
                }
                "en_unit" => {
                    r.en_units.insert(word.to_lowercase(), value);
                }
                "en_ten" => {
                    r.en_tens.insert(word.to_lowercase(), value);
                }
                "en_scale" => {
                    r.en_scales.insert(word.to_lowercase(), value);
                }
                _ => return Err(t.error(row, format!("unknown role `{role}`"))),
            }
        }
        Ok(r)
    }

    /// True if `c` is a Chinese numeral character of any role.
    pub fn is_chinese_numeral(&self, c: char) -> bool {
        self.chinese.contains_key(&c)
    }

    /// The multiplier of a big magnitude character (`万`, `亿`).
    pub fn big(&self, c: char) -> Option<f64> {
        match self.chinese.get(&c) {
            Some(Role::Big(v)) => Some(*v),
            _ => None,
        }
    }

    /// The multiplier of an English scale word (`thousand`).
    pub fn english_scale(&self, w: &str) -> Option<f64> {
        self.en_scales.get(&w.to_ascii_lowercase()).copied()
    }

    /// Reads the number that starts at byte `at` of `text` (shadow text:
    /// folded, half-width), not reading past `limit`.
    pub fn scan(&self, text: &str, at: usize, limit: usize) -> Option<NumberMatch> {
        let c = text[at..limit].chars().next()?;
        if c.is_ascii_digit() {
            self.scan_arabic(text, at, limit)
        } else if self.chinese.contains_key(&c) {
            self.scan_chinese(text, at, limit)
        } else if c.is_ascii_alphabetic() {
            self.scan_english(text, at, limit)
        } else {
            None
        }
    }

    fn scan_arabic(&self, text: &str, at: usize, limit: usize) -> Option<NumberMatch> {
        let b = text.as_bytes();
        let mut i = at;
        let mut digits = String::new();
        let int_start = i;
        while i < limit && b[i].is_ascii_digit() {
            digits.push(b[i] as char);
            i += 1;
        }
        // thousands separators: 260,000 and 1,200.5 (groups of exactly three)
        if i - int_start <= 3 {
            while i + 4 <= limit
                && b[i] == b','
                && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                && (i + 4 >= limit || !b[i + 4].is_ascii_digit())
            {
                digits.push_str(&text[i + 1..i + 4]);
                i += 4;
            }
        }
        let mut decimals = 0;
        if i + 1 < limit && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            digits.push('.');
            i += 1;
            while i < limit && b[i].is_ascii_digit() {
                digits.push(b[i] as char);
                decimals += 1;
                i += 1;
            }
        }
        let mut value: f64 = digits.parse().ok()?;
        let mut m = NumberMatch {
            start: at,
            end: i,
            value,
            form: NumberForm::Arabic,
            decimals,
            scaled: false,
            more: false,
        };
        // a Chinese magnitude: 4.5万, 1200亿, 1.2万亿, 5千万, 1200余亿
        let (mult, end, more) = self.magnitude_after(text, i, limit);
        if mult > 1.0 {
            value *= mult;
            m.end = end;
            m.scaled = true;
            m.more = more;
            // 3万4000: a remainder below the magnitude
            if let Some(last) = text[..end].chars().next_back().and_then(|c| self.big(c)) {
                if end < limit && b[end].is_ascii_digit() {
                    if let Some(rest) = self.scan_arabic_plain(text, end, limit) {
                        if rest.0 < last {
                            value += rest.0;
                            m.end = rest.1;
                        }
                    }
                }
            }
            m.value = tidy(value);
            return Some(m);
        }
        // an English scale word: 50 billion, 2.5 million
        if let Some((mult, end)) = self.english_scale_after(text, i, limit) {
            m.value = tidy(value * mult);
            m.end = end;
            m.scaled = true;
            m.form = NumberForm::English;
        }
        Some(m)
    }

    fn scan_arabic_plain(&self, text: &str, at: usize, limit: usize) -> Option<(f64, usize)> {
        let b = text.as_bytes();
        let mut i = at;
        while i < limit && b[i].is_ascii_digit() {
            i += 1;
        }
        if i < limit && b[i] == b'.' {
            return None;
        }
        Some((text[at..i].parse().ok()?, i))
    }

    /// A run of magnitude characters after a number: `万`, `亿`, `千万`,
    /// `万亿`, optionally after `余` or `多`. Returns the multiplier (1 for
    /// none), the end, and whether `余`/`多` was read.
    fn magnitude_after(&self, text: &str, at: usize, limit: usize) -> (f64, usize, bool) {
        let mut i = at;
        let mut more = false;
        if let Some(c) = text[i..limit].chars().next() {
            if c == '余' || c == '多' {
                let next = text[i + c.len_utf8()..limit].chars().next();
                if next.and_then(|n| self.big(n)).is_some() {
                    more = true;
                    i += c.len_utf8();
                }
            }
        }
        let mut mult = 1.0;
        let mut small = 1.0;
        let mut any_big = false;
        while let Some(c) = text[i..limit].chars().next() {
            match self.chinese.get(&c) {
                Some(Role::Small(v)) if !any_big && small == 1.0 => {
                    // 5千万: a small unit only counts before a big one
                    let next = text[i + c.len_utf8()..limit].chars().next();
                    if next.and_then(|n| self.big(n)).is_none() {
                        break;
                    }
                    small = *v;
                    i += c.len_utf8();
                }
                Some(Role::Big(v)) => {
                    mult *= v;
                    any_big = true;
                    i += c.len_utf8();
                }
                _ => break,
            }
        }
        if !any_big {
            return (1.0, at, false);
        }
        (mult * small, i, more)
    }

    fn english_scale_after(&self, text: &str, at: usize, limit: usize) -> Option<(f64, usize)> {
        let rest = &text[at..limit];
        let trimmed = rest.trim_start_matches(' ');
        let skip = rest.len() - trimmed.len();
        if skip > 2 {
            return None;
        }
        let word_len = trimmed.bytes().take_while(u8::is_ascii_alphabetic).count();
        let mult = self.english_scale(&trimmed[..word_len])?;
        Some((mult, at + skip + word_len))
    }

    fn scan_chinese(&self, text: &str, at: usize, limit: usize) -> Option<NumberMatch> {
        // the run of numeral characters (no real numeral is longer than
        // MAX_NUMERAL_CHARS), with the end offset of each
        let mut chars = Vec::new();
        let mut ends = Vec::new();
        for (o, c) in text[at..limit].char_indices().take(MAX_NUMERAL_CHARS) {
            let Some(role) = self.chinese.get(&c) else {
                break;
            };
            // 点 only between digits
            if *role == Role::Point {
                let next = text[at + o + c.len_utf8()..limit].chars().next();
                if !matches!(
                    next.and_then(|n| self.chinese.get(&n)),
                    Some(Role::Digit(_))
                ) || chars.is_empty()
                {
                    break;
                }
            }
            chars.push(*role);
            ends.push(at + o + c.len_utf8());
        }
        // a lone magnitude is not a number (万家, 千方百计), nor is 点 alone
        if matches!(chars.first(), Some(Role::Big(_)) | Some(Role::Point)) {
            return None;
        }
        // the longest well-formed prefix: `二十` in `百分之二十百分之`
        let (n, (value, form, decimals)) = (1..=chars.len())
            .rev()
            .find_map(|n| chinese_value(&chars[..n]).map(|v| (n, v)))?;
        let chars = &chars[..n];
        let mut m = NumberMatch {
            start: at,
            end: ends[n - 1],
            value,
            form,
            decimals,
            scaled: chars.iter().any(|r| matches!(r, Role::Big(_))),
            more: false,
        };
        // 3万4000 written 三万四千 is handled by chinese_value; an Arabic
        // tail after a Chinese magnitude is rare and not read.
        if form == NumberForm::DigitString && chars.len() == 1 {
            m.form = NumberForm::Chinese;
        }
        Some(m)
    }

    fn scan_english(&self, text: &str, at: usize, limit: usize) -> Option<NumberMatch> {
        // words separated by single spaces or hyphens: "ten thousand",
        // "thirty-five", "two hundred and fifty"
        let mut i = at;
        let mut total = 0.0;
        let mut current = 0.0;
        let mut any = false;
        let mut end = at;
        let mut last_was_scale = false;
        let mut last_was_ten = false;
        loop {
            let rest = &text[i..limit];
            let wl = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
            if wl == 0 {
                break;
            }
            // a word boundary on the left of the first word
            if i == at
                && at > 0
                && text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric())
            {
                return None;
            }
            let w = rest[..wl].to_ascii_lowercase();
            if rest[wl..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
            {
                break;
            }
            let mut is_ten = false;
            if let Some(v) = self.en_units.get(&w) {
                if any && !last_was_scale && !last_was_ten {
                    break;
                }
                current += v;
            } else if let Some(v) = self.en_tens.get(&w) {
                if any && !last_was_scale {
                    break;
                }
                current += v;
                is_ten = true;
            } else if let Some(v) = self.en_scales.get(&w) {
                if !any {
                    if w == "hundred" || w == "thousand" {
                        // "a hundred": the article is read by the caller
                    }
                    break;
                }
                if *v >= 1000.0 {
                    total += current.max(1.0) * v;
                    current = 0.0;
                } else {
                    current = current.max(1.0) * v;
                }
                last_was_scale = true;
                last_was_ten = false;
                any = true;
                i += wl;
                end = i;
                if let Some(next) = self.next_word_start(text, i, limit) {
                    i = next;
                    continue;
                }
                break;
            } else if w == "and" && any {
                if let Some(next) = self.next_word_start(text, i + wl, limit) {
                    i = next;
                    continue;
                }
                break;
            } else {
                break;
            }
            last_was_scale = false;
            last_was_ten = is_ten;
            any = true;
            i += wl;
            end = i;
            match self.next_word_start(text, i, limit) {
                Some(next) => i = next,
                None => break,
            }
        }
        if !any {
            return None;
        }
        Some(NumberMatch {
            start: at,
            end,
            value: total + current,
            form: NumberForm::English,
            decimals: 0,
            scaled: total > 0.0,
            more: false,
        })
    }

    fn next_word_start(&self, text: &str, at: usize, limit: usize) -> Option<usize> {
        let b = text.as_bytes();
        if at < limit
            && (b[at] == b' ' || b[at] == b'-')
            && at + 1 < limit
            && b[at + 1].is_ascii_alphabetic()
        {
            Some(at + 1)
        } else {
            None
        }
    }
}

/// The value of a run of Chinese numeral roles.
fn chinese_value(roles: &[Role]) -> Option<(f64, NumberForm, usize)> {
    if roles.is_empty() {
        return None;
    }
    // a string of three or more bare digits reads digit by digit: 二〇三五
    // (two, as in 一二线城市, are not a number)
    if roles.len() >= 2 && roles.iter().all(|r| matches!(r, Role::Digit(_))) {
        if roles.len() < 3 {
            return None;
        }
        let mut v = 0.0;
        for r in roles {
            if let Role::Digit(d) = r {
                v = v * 10.0 + d;
            }
        }
        return Some((v, NumberForm::DigitString, 0));
    }
    let mut total = 0.0; // parts above 亿
    let mut wan = 0.0; // parts between 万 and 亿
    let mut section = 0.0; // below 万
    let mut number: Option<f64> = None;
    let mut last_small: Option<f64> = None;
    let mut i = 0;
    let mut decimals = 0;
    let mut frac = 0.0;
    while i < roles.len() {
        match roles[i] {
            Role::Digit(d) => {
                if number.is_some_and(|n| n != 0.0) {
                    // two digits in a row inside a unit number are
                    // ill-formed; 零 only holds a place (三万零三百)
                    return None;
                }
                number = Some(d);
            }
            Role::Small(u) => {
                // units fall within a section, each after its digit:
                // 二十百 and 一千百 are ill-formed
                if last_small.is_some_and(|l| u >= l || number.is_none()) {
                    return None;
                }
                last_small = Some(u);
                section += number.unwrap_or(1.0) * u;
                number = None;
            }
            Role::Big(u) => {
                let part = section + number.unwrap_or(0.0);
                let part = if part == 0.0 && wan == 0.0 && total == 0.0 {
                    1.0
                } else {
                    part
                };
                if u >= 1e8 {
                    total = (total + wan + part) * u;
                    wan = 0.0;
                } else {
                    wan = (wan + part) * u;
                }
                section = 0.0;
                number = None;
                last_small = None;
            }
            Role::Point => {
                // decimals: the digits after 点 read one by one
                let mut scale = 0.1;
                i += 1;
                while i < roles.len() {
                    match roles[i] {
                        Role::Digit(d) => {
                            frac += d * scale;
                            scale /= 10.0;
                            decimals += 1;
                        }
                        Role::Big(u) => {
                            // 二点五万
                            let whole = section + number.unwrap_or(0.0) + frac;
                            return Some((total + wan + whole * u, NumberForm::Chinese, decimals));
                        }
                        _ => return None,
                    }
                    i += 1;
                }
                break;
            }
        }
        i += 1;
    }
    Some((
        total + wan + section + number.unwrap_or(0.0) + frac,
        NumberForm::Chinese,
        decimals,
    ))
}

/// Rounds away the binary noise of scaling a decimal (`145.7 × 1e8` is
/// `14570000000`, not `14569999999.999998`): twelve significant digits.
pub(crate) fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    format!("{v:.11e}").parse().unwrap_or(v)
}

/// Reads a whole string as one number, with the shipped tables: Arabic,
/// Chinese, mixed or English. `None` if any of it is not part of the
/// number.
///
/// ```
/// use zhen_extract::parse_number;
/// assert_eq!(parse_number("四十五万"), Some(450000.0));
/// assert_eq!(parse_number("1.15萬"), Some(11500.0));
/// assert_eq!(parse_number("ten thousand"), Some(10000.0));
/// assert_eq!(parse_number("二〇三五"), Some(2035.0));
/// assert_eq!(parse_number("3万4000"), Some(34000.0));
/// assert_eq!(parse_number("260,000"), Some(260000.0));
/// assert_eq!(parse_number("一流"), None);
/// ```
pub fn parse_number(s: &str) -> Option<f64> {
    let rules = crate::rules::Rules::default_rules();
    let folded: String = s.trim().chars().map(fold_char).collect();
    let m = rules.numbers.scan(&folded, 0, folded.len())?;
    (m.end == folded.len()).then_some(m.value)
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
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        for (s, v) in [
            ("一百二十三", 123.0),
            ("两千", 2000.0),
            ("一千二百亿", 1.2e11),
            ("三万零三百", 30300.0),
            ("壹佰贰拾叁", 123.0),
            ("十五", 15.0),
            ("二十", 20.0),
            ("十四", 14.0),
            ("四十五万", 450000.0),
            ("二点五", 2.5),
            ("一亿五千万", 1.5e8),
            ("二〇二五", 2025.0),
            ("三", 3.0),
        ] {
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
    }

    #[test]
    fn an_ill_formed_run_reads_its_well_formed_prefix() {
        let rules = crate::rules::Rules::default_rules();
        let text = "百分之二十百分之三十";
        let at = text.find('二').unwrap();
        let m = rules.numbers.scan(text, at, text.len()).unwrap();
        assert_eq!((&text[m.start..m.end], m.value), ("二十", 20.0));
        assert_eq!(parse_number("二十百"), None);
        assert_eq!(parse_number("一千百"), None);
        // a run of numerals of any length is read in bounded time
        let long = "一".repeat(100_000);
        assert!(rules.numbers.scan(&long, 0, long.len()).is_some());
    }

    #[test]
    fn arabic_and_mixed() {
        for (s, v) in [
            ("4.5万", 45000.0),
            ("1200亿", 1.2e11),
            ("1200億", 1.2e11),
            ("1.2万亿", 1.2e12),
            ("5千万", 5e7),
            ("2.73", 2.73),
            ("1,200.5", 1200.5),
            ("50 billion", 5e10),
            ("2.5 million", 2.5e6),
        ] {
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
    }

    #[test]
    fn english_words() {
        for (s, v) in [
            ("ten thousand", 1e4),
            ("thirty-five", 35.0),
            ("two hundred and fifty", 250.0),
            ("one", 1.0),
            ("three million", 3e6),
        ] {
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
    }

    #[test]
    fn not_numbers() {
        for s in ["万", "万家", "点", "", "abc", "一二", "2.", "1,20"] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    #[test]
    fn more_marker_inside_magnitude() {
        let r = crate::rules::Rules::default_rules();
        let m = r.numbers.scan("1200余亿元", 0, "1200余亿元".len()).unwrap();
        assert_eq!(m.value, 1.2e11);
        assert!(m.more);
        assert_eq!(&"1200余亿元"[m.start..m.end], "1200余亿");
    }
}
