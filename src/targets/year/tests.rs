//! Tests of the year and status of figures: own sentences, governing
//! paragraphs and headings, comparison years, relative years.

use super::super::test_util::*;
use crate::Extractor;
use crate::{Comparator::*, Status::*};

#[test]
fn traditional_and_governing_heading() {
    assert_eq!(
        t("2026年力爭\n●全社會研發投入強度達2.82%\n●研發人員超過28萬人\n"),
        [
            row(
                "2.82%",
                "全社會研發投入強度",
                Some("rd_intensity"),
                Eq,
                Some(2026),
                Target
            ),
            row(
                "28萬人",
                "研發人員",
                Some("rd_personnel"),
                Gt,
                Some(2026),
                Target
            ),
        ]
    );
}

#[test]
fn plan_period_opening_year_and_scope() {
    assert_eq!(
        t("今年是“十五五”开局之年。力争技术合同成交额超1200亿元。西部（重庆）科学城研发投入强度达到5%以上。"),
        [
            row("1200亿元", "技术合同成交额", Some("tech_contract_turnover"), Gt, Some(2026), Target),
            row("5%", "西部（重庆）科学城研发投入强度", None, Gte, Some(2026), Target),
        ]
    );
}

#[test]
fn english_years_after_figures_and_from_to() {
    let out = Extractor::new()
        .extract("R&D intensity will rise from 2.11% in 2020 to 2.6% in 2025.")
        .unwrap();
    let got: Vec<_> = out
        .targets
        .iter()
        .map(|t| (t.quantity.value, t.year, t.status))
        .collect();
    assert_eq!(got, [(2.11, Some(2020), Actual), (2.6, Some(2025), Target)]);
    let base = out.targets[1].baseline.as_ref().expect("a baseline");
    assert_eq!((base.value, base.year), (2.11, Some(2020)));
}

#[test]
fn a_level_dated_in_the_document_s_own_year_is_reached() {
    // `提高到2022年的…` in a release of 2022 reports the level reached;
    // a deadline of the same year with no figure dated by it is a goal
    let ex = crate::Extractor::builder()
        .reference_year(2022)
        .build()
        .unwrap();
    let got = ex
        .extract("劳动生产率由2015年的11.79万元提高到2022年的21.92万元。到2022年底，高新技术企业达到5000家。")
        .unwrap();
    let got: Vec<_> = got.targets.iter().map(|t| (t.year, t.status)).collect();
    assert_eq!(
        got,
        [
            (Some(2015), Actual),
            (Some(2022), Actual),
            (Some(2022), Target)
        ]
    );
}

#[test]
fn a_sentence_opening_on_a_report_date_reports() {
    // `争取` (won) in a review is no goal after `截至目前`
    let got = t("截至目前，全区争取上级科技经费5000万元；安排科技项目90项。");
    let got: Vec<_> = got.iter().map(|r| (r.0.as_str(), r.5)).collect();
    assert_eq!(got, [("5000万元", Actual), ("90项", Actual)]);
}

#[test]
fn an_unresolved_relative_year_is_the_sentence_s_own_time() {
    // no document date: `去年` gives no year, and the opener does not
    // govern its sentence; `比去年` only compares
    let got =
        t("2024年，全区营收突破900亿元。去年全区新增企业300家。全区专利达到1万件，比去年增长8%。");
    let got: Vec<_> = got.iter().map(|r| (r.0.as_str(), r.4)).collect();
    assert_eq!(
        got,
        [
            ("900亿元", Some(2024)),
            ("300家", None),
            ("1万件", Some(2024)),
            ("8%", Some(2024))
        ]
    );
}

#[test]
fn a_time_word_in_a_later_clause_dates_the_figure_now() {
    // the year is an earlier event's (a start, a founding); `至今` and
    // `目前` date the figure at the time of writing
    let got = t("2012年起，國家科技部設立了合作專項，至今立項80項。連同2010年設立的兩所實驗室，澳門目前有四所國家重點實驗室。");
    let got: Vec<_> = got.iter().map(|r| (r.0.as_str(), r.4)).collect();
    assert_eq!(got, [("80項", None), ("兩所", Some(2010)), ("四所", None)]);
    // in the year's own clause it is that year's report date
    let got = t("2016年截止目前，基金會共收到154個科研申請項目。");
    assert_eq!(got[0].4, Some(2016), "{got:?}");
}

#[test]
fn a_change_between_dated_figures_is_reported_unless_framed_as_a_goal() {
    let got = t("2019年報告。民間部門占GDP比率由2014年的2.33%提升至2018年的2.73%。");
    let got: Vec<_> = got.iter().map(|r| (r.0.as_str(), r.5)).collect();
    assert_eq!(got, [("2.33%", Actual), ("2.73%", Actual)]);
    let got = t("力争研发投入强度由2020年的2.1%提高到2025年的2.6%。");
    assert_eq!(got.last().map(|r| r.5), Some(Target), "{got:?}");
}

#[test]
fn a_period_s_from_figure_is_its_first_year_and_the_rest_its_last() {
    let ex = crate::Extractor::builder()
        .reference_year(2024)
        .build()
        .unwrap();
    let got = ex
        .extract("2019-2023年，全省高新技术企业由5000家增至1.5万家，增长200%。")
        .unwrap();
    let got: Vec<_> = got.targets.iter().map(|t| (t.year, t.status)).collect();
    assert_eq!(
        got,
        [
            (Some(2019), Actual),
            (Some(2023), Actual),
            (Some(2023), Actual)
        ]
    );
}

#[test]
fn a_change_after_a_from_to_pair_is_of_the_later_year() {
    assert_eq!(
        years("Net expenditure on R&D rose to £15.5 billion in 2022, from £14.0 billion in 2021, an increase of 10.5%."),
        [(Some(2022), Actual), (Some(2021), Actual), (Some(2022), Actual)]
    );
    // the same period of last year is a base, not the figure's year
    let ex = crate::Extractor::builder()
        .reference_year(2021)
        .build()
        .unwrap();
    let got = ex
        .extract("7月零售业营业额月增13.2%，惟上年同期比较基数较高。")
        .unwrap();
    assert_eq!(got.targets[0].year, None);
}

#[test]
fn a_financial_year_is_the_year_it_ends_in() {
    assert_eq!(
        years("In 2021–22, business expenditure on research and development was $20.6 billion."),
        [(Some(2022), Actual)]
    );
}

#[test]
fn a_series_of_years_each_before_its_figure() {
    // `2021年3,139.9億元`: the year reads though a digit follows it;
    // `2022年來到` reaches, it does not count from 2022
    let got = t("園區研發經費2020年2,510.1億元、2021年3,139.9億元，2022年來到3,654.7億元。");
    let got: Vec<_> = got.iter().map(|r| (r.0.as_str(), r.4)).collect();
    assert_eq!(
        got,
        [
            ("2,510.1億元", Some(2020)),
            ("3,139.9億元", Some(2021)),
            ("3,654.7億元", Some(2022))
        ]
    );
}

#[test]
fn hong_kong_goals_and_numbers_in_words() {
    // `會` (will) and `建議` (I propose) frame goals; amounts written in
    // words run to hundreds and more
    let got = t("我建議預留三十億元支持大學研發。政府會資助最少80個研發團隊。");
    let got: Vec<_> = got.iter().map(|r| (r.0.as_str(), r.3, r.5)).collect();
    assert_eq!(got, [("三十億元", Eq, Target), ("80個", Gte, Target)]);
}

#[test]
fn this_year_reads_against_the_dateline() {
    let text = "政府工作报告\n——2026年1月25日在市人民代表大会第四次会议上\n今年主要预期目标是：全社会研发投入强度达到6%左右。";
    assert_eq!(
        t(text),
        [row(
            "6%",
            "全社会研发投入强度",
            Some("rd_intensity"),
            Approx,
            Some(2026),
            Target
        )]
    );
    // the year mentions themselves stay as written: no `今年`
    let out = Extractor::new().extract(text).unwrap();
    assert!(out.years.iter().all(|y| y.span.text != "今年"));
    // the caller's reference year wins
    let out = Extractor::builder()
        .reference_year(2030)
        .build()
        .unwrap()
        .extract(text)
        .unwrap();
    assert_eq!(out.targets[0].year, Some(2030));
}

#[test]
fn goals_of_an_annual_document_take_its_title_year() {
    let annual =
        "湖北省人民政府2026年科技工作要点\n重点做好以下工作。\n新培育科技型中小企业3000家以上。";
    assert_eq!(
        t(annual),
        [row(
            "3000家",
            "科技型中小企业",
            Some("tech_enterprises"),
            Gte,
            Some(2026),
            Target
        )]
    );
    // a title naming a period, not one year, gives none
    let plan =
        "全省科技创新规划（2021—2025年）\n重点做好以下工作。\n新培育科技型中小企业3000家以上。";
    assert_eq!(t(plan)[0].4, None);
    let untitled = "重点做好以下工作。\n新培育科技型中小企业3000家以上。";
    assert_eq!(t(untitled)[0].4, None);
}

fn years(text: &str) -> Vec<(Option<i32>, crate::Status)> {
    t(text).into_iter().map(|r| (r.4, r.5)).collect()
}

#[test]
fn a_body_paragraph_s_year_governs_only_itself() {
    let text = "2018年，该区设立了产业引导基金，用于支持企业研发。\n该区的科研资源比较丰富。\n全区拥有科研院所30家。";
    assert_eq!(years(text), [(None, Actual)]);
    // a sentence's own time phrase blocks its paragraph's opening year
    let text = "2010年，该省启动了人才计划。截至目前，计划已累计引进人才1200名。";
    assert_eq!(years(text), [(None, Actual)]);
}

#[test]
fn a_title_naming_the_document_governs_no_figure() {
    let text = "108年度中央政府科技研发绩效汇编\n\n各国研发经费的主要来源多为企业部门，台湾的占比高达80.35%。";
    assert_eq!(years(text), [(None, Actual)]);
    // a heading that is no document's name still governs
    let text = "2026年力争\n●全社会研发投入强度达2.82%";
    assert_eq!(years(text), [(Some(2026), Target)]);
}

#[test]
fn a_heading_and_the_first_paragraph_under_it_govern_the_section() {
    let text = "科技创新成效显著\n2024年，全市科技投入持续增长。\n国家级孵化器达到25家，众创空间达到60家。\n下一步工作\n新建实验室5个。";
    let got = years(text);
    assert_eq!(got[0].0, Some(2024));
    assert_eq!(got[1].0, Some(2024));
    // the next heading ends the section
    assert_eq!(got[2].0, None);
    // a lead-in over its list
    let list = "2027年力争：\n●技术合同成交额达到900亿元\n●高新技术企业达到2万家";
    assert_eq!(years(list), [(Some(2027), Target), (Some(2027), Target)]);
}

#[test]
fn comparison_and_base_years_are_not_the_figure_s() {
    assert_eq!(
        years("Patent filings rose 7 percent from 2020."),
        [(None, Actual)]
    );
    assert_eq!(
        years("Output rose to 1.2 trillion yuan, the highest level since 2015."),
        [(None, Actual)]
    );
    assert_eq!(
        years("2023年，全省研发经费投入是2015年的2.1倍。")[0].0,
        Some(2023)
    );
    assert_eq!(
        years("与2020年相比，技术合同成交额增长了45%。"),
        [(None, Actual)]
    );
    // a year naming a document is that document's
    assert_eq!(
        years("据2025年统计公报，2024年全省专利授权量6.1万件。")[0].0,
        Some(2024)
    );
}

#[test]
fn a_deadline_already_past_is_a_report() {
    assert_eq!(
        years("到2005年底，全市已建成孵化器18家。"),
        [(Some(2005), Actual)]
    );
    assert_eq!(
        years("到2030年，全市建成孵化器50家。"),
        [(Some(2030), Target)]
    );
}

#[test]
fn goal_frames_carry_across_semicolons() {
    let text =
        "今年工作目标：力争研发投入强度达到3%；高新技术企业达到9000家；技术合同成交额突破400亿元。";
    assert!(years(text).iter().all(|(_, s)| *s == Target));
}
