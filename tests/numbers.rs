//! Properties of the number reader and the quantities built on it.
//!
//! - `parse_number` reads back every value from 0 to 10¹⁶ written in
//!   Chinese numerals (every placement of 零, 两, the elided last unit,
//!   traditional and financial characters) and in English words;
//! - a quantity's value does not change when its text is written in
//!   full-width digits or traditional characters;
//! - over real sentences of the seeds with their numbers replaced, every
//!   quantity over the new number has the value the text says.
//!
//! The case count is proptest's (`PROPTEST_CASES`, 256 by default).

mod common;

use common::SEEDS;
use once_cell::sync::Lazy;
use proptest::prelude::*;
use zhen_extract::{parse_number, Extractor, Quantity};

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// How a Chinese numeral is written.
#[derive(Clone, Copy, Debug)]
struct Style {
    /// 〇 instead of 零 for a held place.
    circle_zero: bool,
    /// 两 for a 2 before 百, 千, 万, 亿.
    liang: bool,
    /// 一十 for a leading 10–19.
    yi_shi: bool,
    /// Leave out a 零 that no reading needs (`一千五十`).
    drop_zero: bool,
    /// The elided last unit (`一千二`, `一万五`).
    elide: bool,
    /// Traditional characters (萬, 億, 兩).
    traditional: bool,
    /// Financial numerals (壹, 贰, 拾, 佰, 仟).
    financial: bool,
}

/// One section below 万, with a flag for the part that follows a gap.
fn section(k: u64, leading: bool, s: Style, out: &mut String) {
    let digits = [k / 1000, k / 100 % 10, k / 10 % 10, k % 10];
    let units = ["千", "百", "十", ""];
    let mut gap = false;
    let mut any = false;
    for (i, &d) in digits.iter().enumerate() {
        if d == 0 {
            gap = any;
            continue;
        }
        if gap {
            // 零 holds the gap; it may go where the next digit carries
            // its unit (一千五十), never before a bare last digit (一百零五)
            if !(s.drop_zero && i < 3) {
                out.push_str(if s.circle_zero { "〇" } else { "零" });
            }
            gap = false;
        }
        let first_ten = i == 2 && !any && leading && d == 1 && !s.yi_shi;
        if !first_ten {
            out.push_str(if d == 2 && s.liang && (i == 0 || i == 1) {
                "两"
            } else {
                DIGITS[d as usize]
            });
        }
        out.push_str(units[i]);
        any = true;
    }
}

/// Below 10⁸: sections joined by 万, with a 零 where the lower one does
/// not fill its top place.
fn wan(m: u64, leading: bool, s: Style, out: &mut String) {
    let (hi, lo) = (m / 10_000, m % 10_000);
    if hi > 0 {
        if hi == 2 && s.liang {
            out.push('两');
        } else {
            section(hi, leading, s, out);
        }
        out.push('万');
    }
    if lo > 0 {
        if hi > 0 && lo < 1000 && !(s.drop_zero && lo >= 10) {
            out.push_str(if s.circle_zero { "〇" } else { "零" });
        }
        section(lo, leading && hi == 0, s, out);
    }
}

/// A value from 0 to 10¹⁶ in Chinese numerals.
fn chinese(n: u64, s: Style) -> String {
    let mut out = String::new();
    if n == 0 {
        out.push_str(if s.circle_zero { "〇" } else { "零" });
    } else if n == 10u64.pow(16) {
        out.push_str("一亿亿");
    } else {
        let (hi, lo) = (n / 100_000_000, n % 100_000_000);
        if hi > 0 {
            wan(hi, true, s, &mut out);
            out.push('亿');
        }
        if lo > 0 {
            if hi > 0
                && lo < 10_000_000
                && !(s.drop_zero && lo >= 10 && lo % 10 == 0 && lo >= 10_000)
            {
                out.push_str(if s.circle_zero { "〇" } else { "零" });
            }
            wan(lo, hi == 0, s, &mut out);
        }
    }
    // (after 万亿 the elided unit is 千亿, not 千万: leave those whole)
    if s.elide && n < 10u64.pow(12) {
        elide(&mut out);
    }
    if s.financial {
        out = out
            .chars()
            .map(|c| match c {
                '一' => '壹',
                '二' | '两' => '贰',
                '三' => '叁',
                '四' => '肆',
                '五' => '伍',
                '六' => '陆',
                '七' => '柒',
                '八' => '捌',
                '九' => '玖',
                '十' => '拾',
                '百' => '佰',
                '千' => '仟',
                c => c,
            })
            .collect();
    }
    if s.traditional {
        out = out
            .chars()
            .map(|c| match c {
                '万' => '萬',
                '亿' => '億',
                '两' => '兩',
                '陆' => '陸',
                '贰' => '貳',
                c => c,
            })
            .collect();
    }
    out
}

/// Drops the last unit where the unit before its digit implies it:
/// `一千二百` → `一千二`, `一万五千` → `一万五`, `一亿五千万` → `一亿五`.
fn elide(s: &mut String) {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let unit_before = |c: char| matches!(c, '百' | '千' | '万' | '亿');
    let implied = |before: char, tail: &[char]| match before {
        '百' => tail == ['十'],
        '千' => tail == ['百'],
        '万' => tail == ['千'],
        '亿' => tail == ['千', '万'],
        _ => false,
    };
    for tail in [1, 2] {
        if n >= tail + 2 {
            let digit = chars[n - tail - 1];
            let before = chars[n - tail - 2];
            if DIGITS[1..].contains(&digit.to_string().as_str())
                && unit_before(before)
                && implied(before, &chars[n - tail..])
            {
                *s = chars[..n - tail].iter().collect();
                return;
            }
        }
    }
}

fn style() -> impl Strategy<Value = Style> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(circle_zero, liang, yi_shi, drop_zero, elide, traditional, financial)| Style {
                circle_zero,
                liang,
                yi_shi,
                drop_zero,
                elide,
                traditional,
                financial,
            },
        )
}

/// Values with every shape of zeros: each digit zero or not.
fn value() -> impl Strategy<Value = u64> {
    prop_oneof![
        0u64..=10u64.pow(16),
        proptest::collection::vec(prop_oneof![Just(0u64), 1u64..10], 1..17)
            .prop_map(|ds| ds.iter().fold(0u64, |v, d| v * 10 + d)),
        Just(10u64.pow(16)),
    ]
}

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const EN_SCALES: [&str; 5] = ["quadrillion", "trillion", "billion", "million", "thousand"];

/// A value below 1000 in words.
fn en_group(k: u64, and: bool, hyphen: bool, out: &mut Vec<String>) {
    if k >= 100 {
        out.push(EN_UNITS[(k / 100) as usize].into());
        out.push("hundred".into());
        if !k.is_multiple_of(100) && and {
            out.push("and".into());
        }
    }
    let r = k % 100;
    if r >= 20 {
        let ten = EN_TENS[(r / 10) as usize];
        if r.is_multiple_of(10) {
            out.push(ten.into());
        } else if hyphen {
            out.push(format!("{ten}-{}", EN_UNITS[(r % 10) as usize]));
        } else {
            out.push(ten.into());
            out.push(EN_UNITS[(r % 10) as usize].into());
        }
    } else if r > 0 {
        out.push(EN_UNITS[r as usize].into());
    }
}

/// A value from 0 to 10¹⁶ in English words.
fn english(n: u64, and: bool, hyphen: bool) -> String {
    if n == 0 {
        return "zero".into();
    }
    let mut words = Vec::new();
    let mut rest = n;
    for (i, scale) in EN_SCALES.iter().enumerate() {
        let p = 10u64.pow(3 * (5 - i as u32));
        let g = rest / p;
        rest %= p;
        if g > 0 {
            en_group(g, and, hyphen, &mut words);
            words.push((*scale).into());
        }
    }
    en_group(rest, and, hyphen, &mut words);
    words.join(" ")
}

/// Sentences of the seeds around a quantity written in Arabic digits:
/// (text, the number's place in it, its scale: the value over the number).
static CONTEXTS: Lazy<Vec<(String, std::ops::Range<usize>, f64)>> = Lazy::new(|| {
    /// Bytes of context kept on each side of the quantity, within its line.
    const AROUND: usize = 90;
    let ex = Extractor::new();
    let mut out = Vec::new();
    for (_, seed) in SEEDS {
        let found = ex.extract(seed).expect("seed");
        for q in &found.quantities {
            if !q.rule.starts_with("units:") {
                continue;
            }
            let t = &q.span.text;
            let len = t
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b'.')
                .count();
            let Some(written) = t.get(..len).and_then(parse_number) else {
                continue;
            };
            if written == 0.0 || t[len..].starts_with(|c: char| c.is_ascii_digit() || c == ',') {
                continue;
            }
            let line_start = seed[..q.span.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = seed[q.span.end..]
                .find('\n')
                .map_or(seed.len(), |i| q.span.end + i);
            let mut from = q.span.start.saturating_sub(AROUND).max(line_start);
            while !seed.is_char_boundary(from) {
                from += 1;
            }
            let mut to = (q.span.end + AROUND).min(line_end);
            while !seed.is_char_boundary(to) {
                to -= 1;
            }
            let at = q.span.start - from;
            out.push((seed[from..to].to_string(), at..at + len, q.value / written));
        }
    }
    assert!(out.len() > 100, "only {} contexts", out.len());
    out
});

/// The quantities of `text` whose span overlaps `range`.
fn over(text: &str, range: &std::ops::Range<usize>) -> Vec<Quantity> {
    Extractor::new()
        .extract(text)
        .expect("text")
        .quantities
        .into_iter()
        .filter(|q| q.span.start < range.end && range.start < q.span.end)
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= b.abs() * 1e-9
}

proptest! {
    #[test]
    fn chinese_numerals_read_back(n in value(), s in style()) {
        let text = chinese(n, s);
        prop_assert_eq!(parse_number(&text), Some(n as f64), "{}", text);
    }

    #[test]
    fn english_words_read_back(n in value(), and in any::<bool>(), hyphen in any::<bool>()) {
        let text = english(n, and, hyphen);
        prop_assert_eq!(parse_number(&text), Some(n as f64), "{}", text);
    }

    #[test]
    fn full_width_and_traditional_forms_keep_the_value(i in 0..10_000usize, n in 0u64..100_000_000, decimals in 0u32..3, wide in any::<bool>()) {
        let (line, range, _) = &CONTEXTS[i % CONTEXTS.len()];
        let number = format!("{:.*}", decimals as usize, n as f64 / 10f64.powi(decimals as i32));
        let text = format!("{}{}{}", &line[..range.start], number, &line[range.end..]);
        // the number in full-width digits, or the whole text in
        // traditional characters
        let variant = if wide {
            let w: String = number.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap()).collect();
            format!("{}{}{}", &line[..range.start], w, &line[range.end..])
        } else {
            text.chars().map(traditional_of).collect()
        };
        let values = |t: &str| -> Vec<f64> {
            Extractor::new().extract(t).unwrap().quantities.iter().map(|q| q.value).collect()
        };
        prop_assert_eq!(values(&variant), values(&text), "{}", variant);
    }

    #[test]
    fn a_quantity_has_the_value_its_text_says(i in 0..10_000usize, n in 0u64..1_000_000_000, decimals in 0u32..3, grouped in any::<bool>(), words in any::<bool>()) {
        let (line, range, scale) = &CONTEXTS[i % CONTEXTS.len()];
        let before = &line[..range.start];
        let numeral_before = before.chars().next_back().is_some_and(|c| "〇零一二两三四五六七八九十百千万亿".contains(c));
        let (number, value) = if words && !numeral_before && n < 100_000_000 {
            let s = Style { circle_zero: false, liang: false, yi_shi: false, drop_zero: false, elide: false, traditional: false, financial: false };
            (chinese(n, s), n as f64)
        } else {
            let v = n as f64 / 10f64.powi(decimals as i32);
            let plain = format!("{:.*}", decimals as usize, v);
            let text = if grouped { group(&plain) } else { plain };
            (text, v)
        };
        let text = format!("{before}{number}{}", &line[range.end..]);
        let slot = range.start..range.start + number.len();
        let found = over(&text, &slot);
        prop_assert!(found.len() <= 1, "{} gives {:?}", text, found);
        for q in &found {
            prop_assert!(close(q.value, value * scale), "{}: {} is not {} × {}", text, q.value, value, scale);
        }
    }
}

/// Thousands separators in the integer part: `1234567.5` → `1,234,567.5`.
fn group(plain: &str) -> String {
    let (int, frac) = plain
        .split_once('.')
        .map_or((plain, None), |(a, b)| (a, Some(b)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A traditional form of a simplified character, where the fold table
/// has one that reads back as it (`万` → `萬`).
fn traditional_of(c: char) -> char {
    static BACK: Lazy<std::collections::HashMap<char, char>> = Lazy::new(|| {
        let mut m = std::collections::HashMap::new();
        for line in include_str!("../rules/t2s.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let mut cells = line.split('\t');
            if let (Some(t), Some(s)) = (cells.next(), cells.next()) {
                if let (Some(t), Some(s)) = (t.chars().next(), s.chars().next()) {
                    m.entry(s).or_insert(t);
                }
            }
        }
        m
    });
    BACK.get(&c).copied().unwrap_or(c)
}

#[test]
fn the_generators_write_what_they_should() {
    let plain = Style {
        circle_zero: false,
        liang: false,
        yi_shi: false,
        drop_zero: false,
        elide: false,
        traditional: false,
        financial: false,
    };
    assert_eq!(chinese(105, plain), "一百零五");
    assert_eq!(chinese(10015, plain), "一万零一十五");
    assert_eq!(chinese(100_000_050, plain), "一亿零五十");
    assert_eq!(
        chinese(
            1200,
            Style {
                elide: true,
                ..plain
            }
        ),
        "一千二"
    );
    assert_eq!(
        chinese(
            150_000_000,
            Style {
                elide: true,
                ..plain
            }
        ),
        "一亿五"
    );
    assert_eq!(
        chinese(
            1050,
            Style {
                drop_zero: true,
                ..plain
            }
        ),
        "一千五十"
    );
    assert_eq!(chinese(15, plain), "十五");
    assert_eq!(
        english(1_000_205, true, true),
        "one million two hundred and five"
    );
    assert_eq!(english(42, true, false), "forty two");
    assert_eq!(group("1234567.5"), "1,234,567.5");
}
