//! Tests of `metric.rs`.
use super::super::test_util::*;

#[test]
fn the_thing_a_count_counts() {
    let metrics: Vec<String> = t("2025年，重大科技基础设施达到8个、全国重点实验室45家。荆州、孝感、黄冈3个区域中心城市加快发展。挂牌运行3个重庆实验室。建设全市首批6个环大学创新生态圈功能区。")
        .into_iter()
        .map(|r| r.1)
        .collect();
    assert_eq!(
        metrics,
        [
            "重大科技基础设施",
            "全国重点实验室",
            "区域中心城市",
            "重庆实验室",
            "环大学创新生态圈"
        ]
    );
}

#[test]
fn a_comparison_s_subject_is_the_metric() {
    // the list after `比` is what the subject is compared with (the
    // growth word is trimmed off the metric, as everywhere)
    assert_eq!(
        metrics("园区营收增速比全省、全市分别高出3.2、1.5个百分点。"),
        ["园区营收", "园区营收"]
    );
    // `比重` and `占比` hold no comparison
    assert_eq!(
        metrics("研发经费占地区生产总值的比重达到2.5%。"),
        ["研发经费占地区生产总值的比重"]
    );
    assert_eq!(metrics("全区科技人员占比约为4.1%。"), ["全区科技人员占比"]);
    // a comparison word glued to a relative year (`較前年`) still
    // compares; a copula that also compares years (`是`) does not, and
    // the words before it are no subject
    assert_eq!(metrics("至於通訊較前年下滑16.69%。"), ["通訊"]);
    assert_eq!(metrics("接下來是精密機械14.19%。"), ["精密機械"]);
}

#[test]
fn counts_of_tasks_and_places_are_not_targets() {
    assert!(t("重点抓好七方面工作。在金凤片区 100 平方公里范围内集中建设。").is_empty());
    assert!(t("完成三大任务。").is_empty());
}

#[test]
fn a_number_in_words_counting_bodies_is_an_indicator() {
    assert_eq!(metrics("計劃已吸引七間本地院校和研發機構。"), ["本地院校"]);
    assert_eq!(
        metrics("The fund will support five research institutes."),
        ["research institutes"]
    );
}

#[test]
fn follow_on_figures_take_the_statement_s_metric() {
    // a share of a whole and a growth after an amount
    assert_eq!(
        metrics("2024年，全区软件业收入达到320亿元，占全省的28%，同比增长11%。"),
        ["全区软件业收入", "全区软件业收入", "全区软件业收入"]
    );
    // `up`, `an increase of`, a pronoun subject
    assert_eq!(
        metrics("The city’s patent grants reached 41,000 in 2024, up 9 percent. It was 3 percent more than the provincial average."),
        ["city’s patent grants", "city’s patent grants", "city’s patent grants"]
    );
    assert_eq!(
        metrics("Exports of drones totalled 5.1 billion dollars, an increase of 14 percent."),
        ["Exports of drones", "Exports of drones"]
    );
}

#[test]
fn chinese_indicators_written_after_the_figure() {
    assert_eq!(
        metrics("高新区以全市5%的面积贡献了全市40%的税收。"),
        ["面积", "税收"]
    );
    assert_eq!(
        metrics("2024年全省126家省级孵化器的在孵企业超过9000家。")[0],
        "省级孵化器"
    );
    assert_eq!(metrics("该校在2023年共招收了3500名研究生。"), ["研究生"]);
    // field words the segmenter tags as verbs stay in the noun; a
    // relative clause before the noun is passed over
    assert_eq!(
        metrics("累計通過執行8612件創新研發計畫。"),
        ["創新研發計畫"]
    );
    assert_eq!(
        metrics("共收到超過65份來自多家世界知名院校提交的建議書。"),
        ["建議書"]
    );
}

#[test]
fn a_clause_on_the_course_of_figures_comments_on_their_statement() {
    // its subject is a trend or a growth word: the figure after it
    // continues the statement before it
    assert_eq!(
        metrics("2022年全省专利授权量增长8%，增幅有所回落，2023年增长6.5%。"),
        ["专利授权量", "专利授权量"]
    );
    assert_eq!(
        metrics("2021年高新技术企业营收达到500亿元，发展势头良好，2022年增长12%。"),
        ["高新技术企业营收", "高新技术企业营收"]
    );
    assert_eq!(
        metrics("南韓研發投入2012年增加9%，此後成長動能放緩，2013年年增6.9%。"),
        ["南韓研發投入", "南韓研發投入"]
    );
    // so does a clause on the statement's standing
    assert_eq!(
        metrics("2024年全市技术合同成交额达到300亿元，位居全省第二；同比增长15%。"),
        ["技术合同成交额", "技术合同成交额"]
    );
    // a clause whose subject is an indicator of its own gives the figure
    // after it that subject
    assert_eq!(
        metrics("2022年，全市研发经费达到860亿元，且制造业研发密度亦呈上升态势，2023年达3.4%。")[1],
        "制造业研发密度亦呈上升态势"
    );
}

#[test]
fn a_figure_of_a_goal_is_a_goal_of_the_statement() {
    let got =
        t("截至2024年底，全省高新技术企业达到1.2万家，提前完成“十四五”规划提出的1万家的目标。");
    assert_eq!(got[1].1, "高新技术企业", "{got:?}");
    assert_eq!(
        (got[1].4, got[1].5),
        (Some(2025), crate::Status::Target),
        "{got:?}"
    );
    // with a noun of its own before it, that noun is its metric (the plan's
    // `规划` after its name stays in it: a known defect, since `规划面积`
    // and the like are metrics)
    let got = t("全区提前两年完成“十四五”规划科技型企业3000家的目标。");
    assert_eq!(got[0].1, "规划科技型企业", "{got:?}");
    assert_eq!(
        (got[0].4, got[0].5),
        (Some(2025), crate::Status::Target),
        "{got:?}"
    );
}
