//! The quantity recognizer's cases, one table per class.

use crate::{Extractor, Unit};

fn q(text: &str) -> Vec<(String, f64, Unit, String)> {
    q_with(text, false)
}

fn q_with(text: &str, all: bool) -> Vec<(String, f64, Unit, String)> {
    Extractor::builder()
        .all_numbers(all)
        .build()
        .unwrap()
        .extract(text)
        .unwrap()
        .quantities
        .into_iter()
        .map(|q| (q.span.text, q.value, q.unit, q.classifier))
        .collect()
}

/// The quantities of a text (in the default mode, or with `all` every
/// number), as (text, value, unit).
macro_rules! t {
    ($name:ident, $input:expr, [$(($text:expr, $value:expr, $unit:ident)),* $(,)?]) => {
        t!($name, false, $input, [$(($text, $value, $unit)),*]);
    };
    ($name:ident, all, $input:expr, [$(($text:expr, $value:expr, $unit:ident)),* $(,)?]) => {
        t!($name, true, $input, [$(($text, $value, $unit)),*]);
    };
    ($name:ident, $all:expr, $input:expr, [$(($text:expr, $value:expr, $unit:ident)),* $(,)?]) => {
        #[test]
        fn $name() {
            let got: Vec<(String, f64, Unit)> = q_with($input, $all).into_iter().map(|(t, v, u, _)| (t, v, u)).collect();
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

t!(
    currencies_by_name_code_and_symbol,
    "出口3亿卢布的设备，合同500万泰铢，20 million yen, 25 €, 40 MEUR, USD 40 million, 40 USD million, S$10B, 售价￥199, 人民币5.8, 港幣3.25",
    [
        ("3亿卢布", 3e8, Currency),
        ("500万泰铢", 5e6, Currency),
        ("20 million yen", 2e7, Currency),
        ("25 €", 25, Currency),
        ("40 MEUR", 4e7, Currency),
        ("USD 40 million", 4e7, Currency),
        ("40 USD million", 4e7, Currency),
        ("S$10B", 1e10, Currency),
        ("￥199", 199, Currency),
        ("人民币5.8", 5.8, Currency),
        ("港幣3.25", 3.25, Currency)
    ]
);
t!(
    colloquial_money,
    "每件补贴50块，十块钱，拨款三万圆，奖励伍仟圆整，月薪8k元，每股一美元，5亿多米尼加比索",
    [
        ("50块", 50, Currency),
        ("十块钱", 10, Currency),
        ("三万圆", 30000, Currency),
        ("伍仟圆", 5000, Currency),
        ("8k元", 8000, Currency),
        ("一美元", 1, Currency),
        ("5亿多米尼加比索", 5e8, Currency)
    ]
);
t!(
    codes_that_are_words_stand_only_after_numbers,
    "try 3 times, the top 10 firms, 3 TRY",
    [("3 times", 3, Other), ("3 TRY", 3, Currency)]
);
t!(
    pairs_dimensions_and_energy,
    "手套两千双，20对，身高175公分，直径30cm，100 m，500克，50微克，900兆赫兹，20兆字节，10MW，2GW，40 百萬瓩，120 百萬公噸，120 MtCO2e，100千瓦",
    [
        ("两千双", 2000, Count),
        ("20对", 20, Count),
        ("175公分", 175, Other),
        ("30cm", 30, Other),
        ("100 m", 100, Other),
        ("500克", 500, Other),
        ("50微克", 50, Other),
        ("900兆赫兹", 900, Other),
        ("20兆字节", 20, Other),
        ("10MW", 10, Other),
        ("2GW", 2, Other),
        ("40 百萬瓩", 4e7, Other),
        ("120 百萬公噸", 1.2e8, Other),
        ("120 MtCO2e", 120, Other),
        ("100千瓦", 100, Other)
    ]
);
t!(
    percentages_and_multiples,
    "5 percentage, 50 basis points, 30-fold, 210 times, 佰分之二十, 提高百分之五",
    [
        ("5 percentage", 5, Percent),
        ("50 basis points", 0.5, PercentagePoint),
        ("30-fold", 30, Other),
        ("210 times", 210, Other),
        ("佰分之二十", 20, Percent),
        ("百分之五", 5, Percent)
    ]
);
t!(
    signs_are_kept,
    "利润增长-3.5%，增速为负2.1%，下降−0.3%，a change of minus 4 percent, fell by -2.5%",
    [
        ("-3.5%", -3.5, Percent),
        ("负2.1%", -2.1, Percent),
        ("−0.3%", -0.3, Percent),
        ("minus 4 percent", -4, Percent),
        ("-2.5%", -2.5, Percent)
    ]
);
t!(
    dashes_between_numbers_are_no_signs,
    "增长10%-15%，5 - 10%，COVID-19 cases",
    [
        ("10%", 10, Percent),
        ("15%", 15, Percent),
        ("10%", 10, Percent)
    ]
);
t!(
    chinese_numeral_forms,
    "招聘一千二人，约一万五人次，共一万零十五人，带动就业二十余万人，投资两千多万元，三十几万人，卅家企业，参拾万元，拾万元，两个亿元，〇个，全长三公里半",
    [
        ("一千二人", 1200, Count),
        ("一万五人次", 15000, Count),
        ("一万零十五人", 10015, Count),
        ("二十余万人", 200000, Count),
        ("两千多万元", 2e7, Currency),
        ("三十几万人", 300000, Count),
        ("卅家", 30, Count),
        ("参拾万元", 300000, Currency),
        ("拾万元", 100000, Currency),
        ("两个亿元", 2e8, Currency),
        ("〇个", 0, Count),
        ("三公里半", 3.5, Other)
    ]
);
t!(
    arabic_digits_with_chinese_units,
    "新增企业3千家，补贴5百元，投资1千2百万元，1.2兆元",
    [
        ("3千家", 3000, Count),
        ("5百元", 500, Currency),
        ("1千2百万元", 1.2e7, Currency),
        ("1.2兆元", 1.2e12, Currency)
    ]
);
t!(
    digit_groups_and_english_scales,
    "150 000 square metres, about 12 500 researchers, two and a half million residents, a quarter million dollars, 5 hundred and 40 enterprises, hundred thousand residents, Nearly a thousand start-ups",
    [
        ("150 000 square metres", 150000, Area),
        ("12 500", 12500, Count),
        ("two and a half million", 2.5e6, Count),
        ("a quarter million dollars", 250000, Currency),
        ("5 hundred and 40", 540, Count),
        ("hundred thousand", 1e5, Count),
        ("a thousand", 1000, Count)
    ]
);
t!(
    numbers_split_by_markup,
    "總投資約 9,000&#160;億元；**$500** **million**；增长2.\u{200b}6%",
    [
        ("9,000&#160;億元", 9e11, Currency),
        ("$500** **million", 5e8, Currency),
        ("2.\u{200b}6%", 2.6, Percent)
    ]
);
t!(
    names_with_digits_are_not_quantities,
    "The probe Tianwen-1 completed a flyby, Probe-2 too; 天问一号、3号线; the 14th Five-Year Plan",
    []
);
t!(
    page_chrome_gives_nothing,
    "Top Stories 1 Flood hits coastal towns 2 Festival opens downtown 3 Rail link reaches border\n2023-11-08 HKT 09:45\ndate: Mon, 06 Mar 2023 08:15:42 GMT\n全市新增企业3000家。",
    [("3000家", 3000, Count)]
);
t!(
    fractions_are_numbers_only_on_request,
    "约占三分之一，1/4 of the budget，two thirds of firms",
    []
);
t!(
    every_number_on_request,
    all,
    "总数为三百二十七，约占三分之一，1/4 of the budget，two thirds of firms，下降负三十，5万3千2百，three point five，7k，3.2e5，rate of .64，15 out of 20，一半",
    [
        ("三百二十七", 327, Number),
        ("三分之一", 1.0 / 3.0, Number),
        ("1/4", 0.25, Number),
        ("two thirds", 2.0 / 3.0, Number),
        ("负三十", -30, Number),
        ("5万3千2百", 53200, Number),
        ("three point five", 3.5, Number),
        ("7k", 7000, Number),
        ("3.2e5", 320000, Number),
        (".64", 0.64, Number),
        ("15", 15, Number),
        ("20", 20, Number),
        ("一半", 0.5, Number)
    ]
);
t!(
    years_plans_and_dates_are_no_numbers_on_request,
    all,
    "the 14th Five-Year Plan, 十四五, 2022年1月5日, 2021—2025年, 四川省, 统一",
    []
);

#[test]
fn no_quantity_is_past_f64() {
    let huge = format!("1{}元，一{}元", "亿".repeat(39), "亿".repeat(39));
    for all in [false, true] {
        for (_, v, _, _) in q_with(&huge, all) {
            assert!(v.is_finite(), "{v}");
        }
    }
    assert!(q(&huge).is_empty());
}

/// Each quantity of `text` with its currency.
fn currencies(text: &str) -> Vec<(String, Option<String>)> {
    crate::Extractor::new()
        .extract(text)
        .unwrap()
        .quantities
        .into_iter()
        .map(|q| (q.span.text, q.currency))
        .collect()
}

/// `currencies` as written in a test.
fn owned(want: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    want.iter()
        .map(|&(t, c)| (t.to_owned(), c.map(str::to_owned)))
        .collect()
}

#[test]
fn a_currency_before_the_number_names_the_yuan_after_it() {
    assert_eq!(
        currencies("經費為新臺幣9,583億元，港幣3億元，人民币5亿元，另有3億元。"),
        owned(&[
            ("新臺幣9,583億元", Some("TWD")),
            ("港幣3億元", Some("HKD")),
            ("人民币5亿元", Some("CNY")),
            ("3億元", Some("CNY")),
        ])
    );
}

#[test]
fn a_currency_code_written_against_the_number() {
    assert_eq!(
        currencies("R&D rose to CNY3.6 trillion (USD497.1 billion), not COVID19 or ABC3 firms."),
        owned(&[
            ("CNY3.6 trillion", Some("CNY")),
            ("USD497.1 billion", Some("USD")),
        ])
    );
}

// tenths (`成`) are a percentage; a `成` opening a word is no unit
t!(
    tenths_are_percent,
    "企业部门占7成以上，政府部门低于一成。27个成员国中有3成为欧盟以外。",
    [
        ("7成", 70.0, Percent),
        ("一成", 10.0, Percent),
        ("27个", 27.0, Count),
        ("3成", 30.0, Percent),
    ]
);

t!(
    a_currency_that_is_also_a_verb_needs_a_magnitude,
    "Korea will spend 170 trillion won. In 2015 won the award. Of the teams, 5 won prizes.",
    [("170 trillion won", 1.7e14, Currency), ("5", 5, Count)]
);

t!(
    magnitudes_alone_after_a_bound,
    "技术合同成交额突破千亿元，近千名代表参会，逾千億元投入",
    [
        ("千亿元", 1e11, Currency),
        ("千名", 1000, Count),
        ("千億元", 1e11, Currency)
    ]
);
t!(
    magnitudes_alone_elsewhere_are_words,
    "千万不要忘记，送到千家万户，政府百亿元基金",
    []
);
t!(
    news_abbreviations_of_english_scales,
    "R&D spending topped 3 trln yuan, up from 200 mln yuan and 5 bln yuan.",
    [
        ("3 trln yuan", 3e12, Currency),
        ("200 mln yuan", 2e8, Currency),
        ("5 bln yuan", 5e9, Currency)
    ]
);
t!(
    a_full_width_comma_between_digits_separates_numbers,
    "价格$45，120美元另计，合同金额1,200亿元",
    [
        ("$45", 45, Currency),
        ("120美元", 120, Currency),
        ("1,200亿元", 1.2e11, Currency)
    ]
);

t!(
    durations_sessions_and_labels_are_no_counts,
    "over six decades of research; the Two Sessions opened; 七届人大三次会议; 十三届三次、四次全会; 第429、430次指导会议; 7个1类新药",
    [("7个", 7, Count)]
);

#[test]
fn a_counted_noun_may_hold_a_brand_with_a_star() {
    let got = q("Four A*STAR initiatives to commercialise R&D");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].3, "initiatives");
}

t!(
    an_amount_without_its_unit_takes_the_currency_of_the_one_before,
    "營業額逾新台幣1.3兆元、年增29.5%。\n此外進口額超過5千億、出口額約1.3兆。用户达1.2亿人",
    [
        ("新台幣1.3兆元", 1.3e12, Currency),
        ("29.5%", 29.5, Percent),
        ("5千億", 5e11, Currency),
        ("1.3兆", 1.3e12, Currency),
        ("1.2亿人", 1.2e8, Count)
    ]
);

t!(
    no_currency_is_carried_without_an_amount_of_money_before,
    "进口额超过5千亿、出口额约1.3兆。",
    [("5千亿", 5e11, Count)]
);
