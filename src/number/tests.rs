//! The number reader's cases, one table per class of form.

use super::*;

/// Each case: the text, and the value the whole text reads as (`None`:
/// not one number).
macro_rules! t {
    ($name:ident, [$(($text:expr, $value:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            for (text, want) in [$(($text, $value)),*] {
                let want: Option<f64> = want.into();
                let got = parse_number(text);
                match (got, want) {
                    (Some(g), Some(w)) => assert!(
                        (g - w).abs() <= w.abs() * 1e-12,
                        "{text}: {g} != {w}"
                    ),
                    _ => assert_eq!(got, want, "{text}"),
                }
            }
        }
    };
}

t!(
    chinese_numerals,
    [
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
        ("〇", 0.0),
        ("零点五", 0.5),
    ]
);

t!(
    an_elided_last_unit,
    [
        ("一千二", 1200.0),
        ("一万五", 15000.0),
        ("二百五", 250.0),
        ("千三", 1300.0),
        ("百二万", 1_200_000.0),
        ("一亿二", 1.2e8),
        ("两千二", 2200.0),
        ("一百零五", 105.0),
        ("一万零五", 10005.0),
        ("十二", 12.0),
        ("3千5", 3500.0),
    ]
);

t!(
    zero_before_ten,
    [
        ("一万零十五", 10015.0),
        ("一千零十", 1010.0),
        ("三百零十", 310.0)
    ]
);

t!(
    more_than_between_numeral_and_magnitude,
    [
        ("二十余万", 200_000.0),
        ("两千多万", 2e7),
        ("三十几万", 300_000.0),
        ("十多亿", 1e9),
        ("1200余亿", 1.2e11),
        ("两个亿", 2e8),
        ("三個億", 3e8),
    ]
);

t!(
    rare_numeral_characters,
    [
        ("卅", 30.0),
        ("廿五", 25.0),
        ("卌", 40.0),
        ("参拾", 30.0),
        ("參佰", 300.0),
        ("拾万", 100_000.0),
        ("伍仟", 5000.0),
        ("玖佰玖拾玖", 999.0),
    ]
);

t!(
    arabic_with_chinese_units,
    [
        ("4.5万", 45000.0),
        ("1200亿", 1.2e11),
        ("1200億", 1.2e11),
        ("1.2万亿", 1.2e12),
        ("5千万", 5e7),
        ("3千", 3000.0),
        ("5百", 500.0),
        ("1千2百万", 12_000_000.0),
        ("5万3千2百", 53200.0),
        ("3万4000", 34000.0),
        ("145.7亿", 14_570_000_000.0),
        ("2万亿3000亿", 2.3e12),
        ("五万三千亿", 5.3e12),
    ]
);

t!(
    taiwan_and_hong_kong_magnitudes,
    [
        ("40百萬", 4e7),
        ("百萬", 1e6),
        ("3千萬", 3e7),
        ("2千億", 2e11),
        ("1.2兆", 1.2e12),
        ("三兆", 3e12),
    ]
);

t!(
    arabic_forms,
    [
        ("2.73", 2.73),
        ("1,200.5", 1200.5),
        ("10 500", 10500.0),
        ("100 000", 100_000.0),
        ("1 250 000", 1_250_000.0),
        (".64", 0.64),
        ("3.2e5", 320_000.0),
        ("7k", 7000.0),
        ("12M", 1.2e7),
        ("5bn", 5e9),
        ("1.5tn", 1.5e12),
        ("50 billion", 5e10),
        ("2.5 million", 2.5e6),
        ("3 lakh", 300_000.0),
        ("2 crore", 2e7),
    ]
);

t!(
    signs,
    [
        ("-3.5", -3.5),
        ("−0.3", -0.3),
        ("负2.1", -2.1),
        ("負三十", -30.0),
        ("minus 4", -4.0),
        ("minus four", -4.0),
        ("negative 2.5", -2.5),
    ]
);

t!(
    fractions,
    [
        ("三分之一", 1.0 / 3.0),
        ("五分之二", 0.4),
        ("三百分之1.5", 0.005),
        ("二又三分之一", 2.0 + 1.0 / 3.0),
        ("一半", 0.5),
        ("1/4", 0.25),
        ("1 3/5", 1.6),
        ("two thirds", 2.0 / 3.0),
        ("one-third", 1.0 / 3.0),
        ("a fifth", 0.2),
        ("three quarters", 0.75),
        ("two and three fifths", 2.6),
        ("one over four", 0.25),
        ("one out of three", 1.0 / 3.0),
    ]
);

t!(
    english_words,
    [
        ("ten thousand", 1e4),
        ("thirty-five", 35.0),
        ("two hundred and fifty", 250.0),
        ("one", 1.0),
        ("three million", 3e6),
        ("twenty  five", 25.0),
        ("twenty - five", 25.0),
        ("a thousand", 1000.0),
        ("a hundred and fifty", 150.0),
        ("hundred thousand", 1e5),
        ("5 hundred and 40", 540.0),
        ("two dozen", 24.0),
        ("zero", 0.0),
    ]
);

t!(
    english_halves_quarters_and_points,
    [
        ("two and a half million", 2.5e6),
        ("five and a half million", 5.5e6),
        ("half a million", 5e5),
        ("half million", 5e5),
        ("a quarter million", 2.5e5),
        ("three quarters billion", 7.5e8),
        ("6 billion and a half", 6.5e9),
        ("one and a half", 1.5),
        ("three point five", 3.5),
        ("nought point five", 0.5),
        ("zero point two five", 0.25),
        ("two point five billion", 2.5e9),
    ]
);

t!(
    not_numbers,
    [
        ("万", None),
        ("万家", None),
        ("点", None),
        ("", None),
        ("abc", None),
        ("一二", None),
        ("2.", None),
        ("1,20", None),
        ("二十百", None),
        ("一千百", None),
        ("参加", None),
        ("负责", None),
        ("a", None),
        ("hundred", None),
        ("half a", None),
        ("2023/11/08", None),
        ("12 5000", None),
    ]
);

#[test]
fn an_ill_formed_run_reads_its_well_formed_prefix() {
    let rules = crate::rules::Rules::default_rules();
    let text = "百分之二十百分之三十";
    let at = text.find('二').unwrap();
    let m = rules.numbers.scan(text, at, text.len()).unwrap();
    assert_eq!((&text[m.start..m.end], m.value), ("二十", 20.0));
    // a run of numerals of any length is read in bounded time
    let long = "一".repeat(100_000);
    assert!(rules.numbers.read(&long, 0, long.len()).is_err());
    let long = "十".repeat(100_000);
    assert!(rules.numbers.scan(&long, 0, long.len()).is_some());
}

#[test]
fn a_unit_that_starts_with_a_numeral_ends_the_number() {
    let rules = crate::rules::Rules::default_rules();
    for (text, number) in [
        ("100千瓦", "100"),
        ("5兆瓦", "5"),
        ("2百分点", "2"),
        ("1.2兆元", "1.2兆"),
    ] {
        let m = rules.numbers.scan(text, 0, text.len()).unwrap();
        assert_eq!(&text[..m.end], number, "{text}");
    }
}

#[test]
fn values_past_f64_are_an_overflow_never_infinity() {
    let huge = format!("1{}", "亿".repeat(39));
    assert_eq!(read_number(&huge), Err(NumberError::Overflow));
    assert_eq!(parse_number(&huge), None);
    let chinese = format!("一{}", "亿".repeat(39));
    assert_eq!(read_number(&chinese), Err(NumberError::Overflow));
    assert_eq!(read_number(&"9".repeat(400)), Err(NumberError::Overflow));
    assert_eq!(read_number("1e999"), Err(NumberError::Overflow));
    assert_eq!(read_number("1亿亿"), Ok(1e16));
}

#[test]
fn more_marker_inside_magnitude() {
    let r = crate::rules::Rules::default_rules();
    let m = r.numbers.scan("1200余亿元", 0, "1200余亿元".len()).unwrap();
    assert_eq!(m.value, 1.2e11);
    assert!(m.more);
    assert_eq!(&"1200余亿元"[m.start..m.end], "1200余亿");
}

#[test]
fn money_suffixes_are_read_only_on_request() {
    let r = crate::rules::Rules::default_rules();
    assert_eq!(parse_number("10B"), None);
    assert_eq!(r.numbers.money_suffix("10B", 2), Some((1e9, 3)));
    assert_eq!(r.numbers.money_suffix("10Bn", 2), None);
}
