//! Tests of `suffix.rs`.
use crate::Extractor;

/// The institutions of `text`: span text, name, generic.
fn found(text: &str) -> Vec<(String, String, bool)> {
    let got = Extractor::new().extract(text).expect("extracts");
    got.institutions
        .into_iter()
        .map(|i| (i.span.text.to_string(), i.name, i.generic))
        .collect()
}

#[test]
fn level_phrase_split_by_the_segmenter_stays_in_a_category() {
    let got = found("提升川渝共建重點實驗室等共建科創平臺");
    assert_eq!(
        got[0],
        (
            "川渝共建重點實驗室".into(),
            "川渝共建重点实验室".into(),
            true
        )
    );
}

#[test]
fn a_count_in_digits_before_a_name_makes_a_class_of_what_holds_no_proper_name() {
    // the counter ends the name, glued to its first character or not
    for text in [
        "全省已布局建设7家省创新实验室",
        "全省已布局建设7家 省创新实验室",
    ] {
        let got = found(text);
        assert_eq!(
            got,
            vec![("省创新实验室".into(), "省创新实验室".into(), true)],
            "{text}"
        );
    }
    assert_eq!(
        found("甄選出28間研發實驗室"),
        vec![("研發實驗室".into(), "研发实验室".into(), true)]
    );
    // a proper name stays a body's, and the counter stays out of it
    let got = found("設立六所國家工程技術研究中心香港分中心");
    assert_eq!(
        got,
        vec![(
            "國家工程技術研究中心香港分中心".into(),
            "国家工程技术研究中心香港分中心".into(),
            false
        )]
    );
}

#[test]
fn verb_glued_to_the_end_of_a_word_ends_the_name() {
    let got = found("围绕优势学科建设重点实验室。");
    assert_eq!(got, vec![("重点实验室".into(), "重点实验室".into(), true)]);
}

#[test]
fn split_stop_and_modifier_phrases_end_the_name() {
    let got = found("提质发展农业科技园区。");
    assert_eq!(got[0].0, "农业科技园区");
    let got = found("创办混合所有制产业技术研究院。");
    assert_eq!(got[0].0, "产业技术研究院");
}

#[test]
fn list_after_a_conjunction_with_a_whole_name() {
    let got = found("强化直管园和大渡口、沙坪坝、北碚等拓展园的统一规划。");
    let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
    assert!(names.contains(&"大渡口拓展园"), "{got:?}");
    assert!(names.contains(&"沙坪坝拓展园"), "{got:?}");
    assert!(names.contains(&"北碚拓展园"), "{got:?}");
}

#[test]
fn items_after_a_founded_name_share_the_founder() {
    let got = found("推动中国科学院计算所、微生物所、工业生物所等落地。");
    let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(
        names,
        [
            "中国科学院计算所",
            "中国科学院微生物所",
            "中国科学院工业生物所"
        ]
    );
    assert_eq!(got[1].0, "微生物所");
}

#[test]
fn field_words_are_no_proper_names() {
    assert!(found("推进科创中心建设").is_empty());
    assert!(found("合川区建设网络安全科技创新中心。").is_empty());
}

#[test]
fn suo_followed_by_a_verb_is_no_institute() {
    assert!(found("将国家所需和重庆所能相结合").is_empty());
    assert!(found("学前教育毛入园率达到90%").is_empty());
    // a one-character head the segmenter reads as a word of its own
    // ends a name, whatever follows it
    assert_eq!(
        found("林口新創園吸引了50家國際新創進駐。")[0].1,
        "林口新创园"
    );
}

#[test]
fn a_count_that_matches_the_items_names_them_all() {
    let got = found("数字建造、智能设计与数控等2家国家技术创新中心获批建设");
    let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(
        names,
        ["数字建造国家技术创新中心", "智能设计与数控国家技术创新中心"]
    );
    // field words with no count stay a category
    let got = found("数字建造、智能设计等国家技术创新中心获批建设");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].2, "{got:?}");
}

#[test]
fn a_counted_list_joined_by_a_conjunction_after_a_clause() {
    let got = found("2016年7月批准在澳門設立智慧城市物聯網和月球與行星科學兩所國家重點實驗室。");
    let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(
        names,
        [
            "智慧城市物联网国家重点实验室",
            "月球与行星科学国家重点实验室"
        ]
    );
    assert_eq!(got[0].0, "智慧城市物聯網");
}

#[test]
fn the_field_of_a_national_designation_names_one_body() {
    assert_eq!(
        found("国家机器人创新中心落户沈阳"),
        [(
            "国家机器人创新中心".into(),
            "国家机器人创新中心".into(),
            false
        )]
    );
    assert_eq!(
        found("依托智慧城市物联网国家重点实验室"),
        [(
            "智慧城市物联网国家重点实验室".into(),
            "智慧城市物联网国家重点实验室".into(),
            false
        )]
    );
    // the category itself, and a class of it, stay generic
    assert!(found("新增3家国家重点实验室")[0].2);
    assert!(found("领域类国家技术创新中心")[0].2);
    assert!(found("综合类国家技术创新中心")[0].2);
}
