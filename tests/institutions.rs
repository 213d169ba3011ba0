//! Institutions: the examples of every institution table, cross-lingual
//! identity, and the corpus view on the seed documents.

mod common;
use common::table;
use zhen_extract::{institution_index, Extraction, Extractor, InstitutionKind};

/// The spans an example marks with `[...]`, and the example without marks.
fn marked(example: &str) -> (String, Vec<String>) {
    let mut plain = String::new();
    let mut spans = Vec::new();
    let mut open = None;
    for c in example.chars() {
        match c {
            '[' => open = Some(plain.len()),
            ']' => {
                let s = open.take().expect("balanced brackets");
                spans.push(plain[s..].to_string());
            }
            _ => plain.push(c),
        }
    }
    (plain, spans)
}

fn texts(ex: &Extraction) -> Vec<String> {
    ex.institutions
        .iter()
        .map(|i| i.span.text.clone())
        .collect()
}

#[test]
fn every_suffix_example_gives_one_institution_of_its_kind() {
    let ex = Extractor::new();
    let t = table("institution_suffixes");
    let mut checked = 0;
    for row in t.rows() {
        let kind = t.get(row, "kind");
        for example in t.list(row, "examples") {
            let got = ex.extract(example).unwrap();
            if kind == "none" || kind == "other" {
                assert!(
                    got.institutions.is_empty(),
                    "line {}: `{example}` gave {:?}",
                    row.line,
                    texts(&got)
                );
            } else {
                let want = InstitutionKind::from_name(kind).expect("known kind");
                assert_eq!(
                    got.institutions.len(),
                    1,
                    "line {}: `{example}` gave {:?}",
                    row.line,
                    texts(&got)
                );
                let i = &got.institutions[0];
                assert_eq!(i.span.text, example, "line {}", row.line);
                assert_eq!(i.kind, want, "line {}: {example}", row.line);
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} suffix examples");
}

#[test]
fn every_boundary_and_name_example_gives_exactly_its_marked_spans() {
    let ex = Extractor::new();
    let mut checked = 0;
    for name in ["institution_boundaries", "institution_names"] {
        let t = table(name);
        for row in t.rows() {
            for example in t.list(row, "examples") {
                let (plain, want) = marked(example);
                let got = texts(&ex.extract(&plain).unwrap());
                assert_eq!(got, want, "{name} line {}: `{example}`", row.line);
                checked += 1;
            }
        }
    }
    assert!(checked > 10, "only {checked} boundary examples");
}

#[test]
fn every_gazetteer_alias_and_example_gets_its_id() {
    let ex = Extractor::new();
    let t = table("gazetteer");
    let mut checked = 0;
    for row in t.rows() {
        let id = t.get(row, "canonical_id");
        let kind = InstitutionKind::from_name(t.get(row, "kind")).expect("known kind");
        let mut samples = t.list(row, "aliases");
        samples.extend(t.list(row, "examples"));
        for sample in samples {
            let got = ex.extract(sample).unwrap();
            let hit = got
                .institutions
                .iter()
                .find(|i| i.span.text == sample)
                .unwrap_or_else(|| panic!("line {}: `{sample}` gave {:?}", row.line, texts(&got)));
            assert_eq!(
                hit.canonical_id.as_deref(),
                Some(id),
                "line {}: {sample}",
                row.line
            );
            assert_eq!(hit.kind, kind, "line {}: {sample}", row.line);
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} gazetteer samples");
}

#[test]
fn one_body_in_three_scripts_has_one_id() {
    let ex = Extractor::new();
    let ids: Vec<Option<String>> = [
        "加快建设金凤实验室",
        "支持金鳳實驗室",
        "build Jinfeng Laboratory",
    ]
    .iter()
    .map(|t| {
        let got = ex.extract(t).unwrap();
        assert_eq!(got.institutions.len(), 1, "{t}: {:?}", texts(&got));
        got.institutions[0].canonical_id.clone()
    })
    .collect();
    assert_eq!(ids[0].as_deref(), Some("jinfeng_lab"));
    assert!(ids.iter().all(|i| i == &ids[0]), "{ids:?}");
}

#[test]
fn shared_suffixes_give_one_mention_per_name() {
    let ex = Extractor::new();
    let got = ex
        .extract("打造金鳳、嘉陵江、明月湖三大重慶實驗室")
        .unwrap();
    let names: Vec<&str> = got.institutions.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["金凤实验室", "嘉陵江实验室", "明月湖实验室"]);
    let got = ex
        .extract("We will support the Jinfeng, Jialingjiang and Mingyue Lake laboratories.")
        .unwrap();
    assert_eq!(got.institutions.len(), 3, "{:?}", texts(&got));
    // two places before one kind, without a marker; abbreviated provinces
    // are places; the first item is what follows the clause's last stop
    // word, whatever opens the clause
    for text in [
        "加快推进湘琼、粤琼合作产业园建设",
        "海南将加快推进湘琼、粤琼合作产业园建设",
        "今年海南省要推进湘琼、粤琼合作产业园建设",
    ] {
        let got = ex.extract(text).unwrap();
        let names: Vec<&str> = got.institutions.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["湘琼合作产业园", "粤琼合作产业园"], "{text}");
    }
    // a gloss in brackets after each item (the laboratory's field) is no
    // part of its name, nor of the shared words after the last
    let got = ex
        .extract(
            "布局建设了厦门嘉庚(能源材料)、泉州清源(化学工程)、泉州刺桐(集成电路)等7家省创新实验室",
        )
        .unwrap();
    let spans: Vec<(&str, &str)> = got
        .institutions
        .iter()
        .map(|i| (i.span.text.as_str(), i.name.as_str()))
        .collect();
    assert_eq!(
        spans,
        [
            ("厦门嘉庚", "厦门嘉庚创新实验室"),
            ("泉州清源", "泉州清源创新实验室"),
            ("泉州刺桐", "泉州刺桐创新实验室")
        ]
    );
    // a name of its own before the list's last name stays whole
    let got = ex
        .extract("打造科学谷、青凤高科创新孵化中心等大型孵化平台")
        .unwrap();
    assert!(
        got.institutions.iter().all(|i| i.name != "科学谷孵化中心"),
        "{:?}",
        texts(&got)
    );
}

#[test]
fn goal_phrases_and_categories() {
    let ex = Extractor::new();
    let got = ex.extract("建设具有全国影响力的科技创新中心").unwrap();
    assert!(got.institutions.is_empty(), "{:?}", texts(&got));
    let got = ex
        .extract("新增国家重点实验室3个，市级高新区达到10个")
        .unwrap();
    assert_eq!(texts(&got), ["国家重点实验室", "市级高新区"]);
    assert!(got.institutions.iter().all(|i| i.generic));
}

#[test]
fn corpus_view_merges_scripts_and_languages() {
    let ex = Extractor::new();
    let seeds = common::SEEDS;
    let out: Vec<(&str, Extraction)> = seeds
        .iter()
        .map(|(d, t)| (*d, ex.extract(t).unwrap()))
        .collect();
    let rows = institution_index(out.iter().map(|(d, e)| (*d, e)));
    let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    let unique: std::collections::HashSet<&str> = keys.iter().copied().collect();
    assert_eq!(unique.len(), keys.len(), "one row per key");
    let city = rows
        .iter()
        .find(|r| r.key == "western_chongqing_science_city")
        .expect("the science city is in the corpus");
    let docs: std::collections::BTreeSet<&str> =
        city.occurrences.iter().map(|o| o.doc.as_str()).collect();
    assert!(docs.len() >= 3, "{docs:?}");
    // written in more than one script or language, still one row
    assert!(city.aliases.len() >= 2, "{:?}", city.aliases);
    for (doc, text) in seeds {
        for row in &rows {
            for o in row.occurrences.iter().filter(|o| o.doc == doc) {
                assert_eq!(&text[o.span.start..o.span.end], o.span.text);
            }
        }
    }
}

#[test]
fn english_lists_need_a_plural_head_and_share_an_of_part() {
    let ex = Extractor::new();
    // a singular head after `and` ends the name; it opens no list
    let got = ex
        .extract("hold China International Smart Industry Expo and China (Mianyang) Science and Technology City forums")
        .unwrap();
    assert_eq!(
        texts(&got),
        ["China (Mianyang) Science and Technology City"]
    );
    // `A College and B College of …`: the `of` part names both
    let got = ex
        .extract("Support the Chongqing College and Chengdu College of the University of Chinese Academy of Sciences.")
        .unwrap();
    let names: Vec<&str> = got.institutions.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Chongqing College of the University of Chinese Academy of Sciences",
            "Chengdu College of the University of Chinese Academy of Sciences"
        ]
    );
    // no proper name after `a`: a goal, not a body (`and` of `belt and road`
    // is no proper name)
    let got = ex
        .extract("core functions of a science and technology innovation centre, the influence")
        .unwrap();
    assert!(got.institutions.is_empty(), "{:?}", texts(&got));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// Arbitrary text built from the pieces names are made of never makes
    /// the extractor panic, and every span slices the input.
    #[test]
    fn spans_slice_arbitrary_input(parts in proptest::collection::vec(
        proptest::sample::select(vec![
            "金凤", "實驗室", "实验室", "、", "，", "等", "三大", "重庆", "（", "）", "(", ")",
            "科学城", "高新区", "所", "和", "建设", "川渝共建", "“", "”", " ", "\n", "Lab",
            " laboratories", " and ", "Science City", " of the ", "College", "é", "2025年",
            "中心", "促进", "a", "园", "—", "·",
        ]),
        0..24,
    ), tail in ".{0,12}") {
        let text = parts.concat() + &tail;
        let got = Extractor::new().extract(&text);
        if let Ok(got) = got {
            for i in &got.institutions {
                proptest::prop_assert_eq!(&text[i.span.start..i.span.end], i.span.text.as_str());
            }
        }
    }
}

/// The classes of issue 11 (PATTERNS.md 11 and 12), each with a text the
/// tables were not written from: `[...]` marks the spans it must give,
/// and nothing else.
#[test]
fn names_on_unseen_texts_by_class() {
    let ex = Extractor::new();
    let cases = [
        // English names: verbs end them, title-case `and` and `under` keep
        // them whole, slash-joined places, glued heads
        "Students from Nanjing Robotics Camp toured [Jiangbei Science City] yesterday.",
        "Drones fly at the [Suzhou Low-Altitude Research and Demonstration Zone].",
        "The [Wuhan Stem Cell and Regenerative Medicine Research Centre] opened.",
        "the [Macao/Zhuhai Innovation and Technology Park]",
        "The firm rents space at [InnoCentre] in Kowloon.",
        "[Karolinska Institutet]",
        "[Cyberport] and [Hong Kong Science Park]",
        // a possessive ends a name, and is no name of its own
        "The panel evaluated [Kobe University]’s plan and Japan's universities.",
        "three universities — the [University of Tokyo], [Kyoto University] and [Tohoku University] — as candidates",
        // headlines and goals
        "Innovation center opens doors to start-ups",
        "Science park prepares for a new season",
        "The city wants to become an international I&T centre.",
        "The province wants to build a world-class technology innovation center.",
        // Chinese classes: bare class designations, counted categories,
        // lists with 等地, counts opening a class
        "数量居全国[高新区]第4",
        "高于[南京]、[无锡]、[常州]等地高新区。",
        "全省共有[材料检测实验室]120个，[国家企业技术中心]35个。",
        "两岸三大[科學園區]营收",
        "[长株潭自创区]新增企业200家。",
        "沿中关村大街分布着许多科技企业。",
        "全省每10万人中拥有大学文化程度的为1.8万人。",
        "支持[全国重点实验室]建设",
        // campuses in brackets belong to the name; glosses do not
        "园区毗邻[华北电力大学（保定）]和[河北大学]。",
        "[香港中文大學（深圳）]與[香港科技大學（廣州）]招生。",
        "Students of [China University of Geosciences (Beijing)] met.",
        "[香港大学]（[港大]）与[香港科技大学]（科大）",
        // joiners inside names, not between names
        "[香港紡織及成衣研發中心]與[物流及供應鏈多元技術研發中心]獲撥款。",
        "中國醫藥大學附設醫院與[中山醫學大學]合作。",
        "[香港理工大學]設有航空及民航研究中心。",
        // superlatives and headlines
        "[竹科]成台灣最賺錢[科學園區]",
        // a figure's words end an English name; a lower-case category
        // keeps its complement
        "a S$180 million [National Semiconductor Translation and Innovation Centre] will open",
        "backed by a ¥10 trillion University Fund",
        "There were 546 [technology centers of high-tech enterprises], including 18 state-level.",
        // known bodies listed before a class are its members, not names
        // sharing its suffix
        "來自[港大]、[香港大學]多間[資助大學]",
        "[竹科]、[南科]及中科等三個[科學園區]",
        // a verb before a category ends the name; a field verb does not
        "韓國經營[科學園區]的經驗",
        "推进[湘琼合作产业园]建设",
        // places joined by a conjunction to a name share its words
        "[新竹]、[台南]及[台中科學園區]營收創新高",
        "以[楠梓]及[屏東科技產業園區]為主",
        "研發及轉化中心",
        // counts and glosses before a Chinese kind
        "全省已布局建设7家[省创新实验室]。",
        "建设了[厦门嘉庚](能源材料)、[泉州清源](化学工程)等7家省创新实验室",
    ];
    for case in cases {
        let (plain, want) = marked(case);
        let got = texts(&ex.extract(&plain).unwrap());
        assert_eq!(got, want, "`{case}`");
    }
}

/// The tokens of `text` that the extractor reads, as written.
fn tokens<'t>(ex: &Extractor, text: &'t str) -> Vec<&'t str> {
    ex.analyze(text)
        .unwrap()
        .tokens()
        .map(|t| &text[t.span])
        .collect()
}

/// Issue 11, item 5: a name added at run time reaches the segmenter. The
/// shipped dictionary splits the brand `天使湾` (`天使` `湾`), so a brand
/// row for it is never seen whole, and `天使湾创新中心` is no mention; an
/// extractor built with the row has a segmenter of its own that keeps it
/// whole, in both scripts.
#[test]
fn a_name_added_at_run_time_that_the_shipped_dictionary_splits_is_found() {
    let shipped = Extractor::new();
    let added = Extractor::builder()
        .add_rules("institution_names", "天使湾\tbrand\t依托[天使湾创新中心]")
        .build()
        .unwrap();
    for text in [
        "依托天使湾创新中心开展合作。",
        "依託天使灣創新中心開展合作。",
    ] {
        let brand = &text["依托".len().."依托天使湾".len()];
        // the shipped dictionary really splits it, and misses the name
        let split = tokens(&shipped, text);
        assert!(!split.contains(&brand), "{split:?}");
        assert!(split.contains(&&brand[.."天使".len()]), "{split:?}");
        assert!(
            shipped.extract(text).unwrap().institutions.is_empty(),
            "{text}"
        );
        // the added row keeps it whole, and the name is found
        assert!(tokens(&added, text).contains(&brand), "{text}");
        let got = added.extract(text).unwrap().institutions;
        assert_eq!(
            got.len(),
            1,
            "{text}: {}",
            texts(&added.extract(text).unwrap()).join(", ")
        );
        let name_end = "依托天使湾创新中心".len();
        assert_eq!(
            (got[0].span.start, got[0].span.end),
            ("依托".len(), name_end)
        );
        assert_eq!(got[0].span.text, text["依托".len()..name_end]);
        assert_eq!(got[0].name, "天使湾创新中心");
        assert_eq!(got[0].kind, InstitutionKind::Center);
        assert!(!got[0].generic);
    }
    // a gazetteer row reaches it too, with its id across scripts and
    // languages
    let known = Extractor::builder()
        .add_rules(
            "gazetteer",
            "tianshiwan_center\tcenter\tno\t天使湾创新中心|Tianshiwan Innovation Center\t",
        )
        .build()
        .unwrap();
    for (text, name) in [
        ("依託天使灣創新中心開展合作。", "天使灣創新中心"),
        (
            "the Tianshiwan Innovation Center opened",
            "Tianshiwan Innovation Center",
        ),
    ] {
        let got = known.extract(text).unwrap().institutions;
        assert_eq!(got.len(), 1, "{text}");
        assert_eq!(got[0].span.text, name);
        assert_eq!(got[0].canonical_id.as_deref(), Some("tianshiwan_center"));
    }
}

/// Issue 11, item 2 (EXTRACTION.md section 4): a name split by inline
/// markup is one mention whose span runs over the markup, from the name's
/// first byte to its last; nothing inside a tag or an attribute is a
/// mention. A finance page's copy: a stock-quote link inside a zone's
/// name, emphasis around the pieces of a name, a name in a `title` and an
/// `alt` attribute, a link around a whole name, and an English name with a
/// link around its place word.
#[test]
fn names_split_by_inline_markup_are_one_mention_each() {
    let page = concat!(
        "<div class=\"article\"><h1 class=\"title\">量子产业再提速</h1>",
        "<p>例如，<span id=\"stock_1\"><a href=\"https://finance.example.com/q/sh600000\" ",
        "class=\"keyword\" title=\"合肥高新区\" target=\"_blank\">合肥</a></span>",
        "<span id=\"quote_1\"></span>高新区培育了一批量子企业，与",
        "<a href=\"/news/2025/0312.html\">中国科学技术大学</a>合作。</p>\n",
        "<p><img src=\"https://img.example.com/2025/lab.jpg\" alt=\"明月湖实验室外景\">",
        "依托<a href=\"https://www.example.com/jf\">金鳳</a><em>實驗室</em>開展合作。</p>\n",
        "<p>The <a href=\"/z\">Zhangjiang</a> Science City opened in 2016.</p></div>",
    );
    let got = Extractor::new().extract(page).unwrap().institutions;
    let found: Vec<(&str, &str, Option<&str>)> = got
        .iter()
        .map(|i| {
            (
                i.span.text.as_str(),
                i.name.as_str(),
                i.canonical_id.as_deref(),
            )
        })
        .collect();
    let quote = "合肥</a></span><span id=\"quote_1\"></span>高新区";
    assert_eq!(
        found,
        [
            (quote, "合肥高新区", Some("hefei_high_tech_zone")),
            ("中国科学技术大学", "中国科学技术大学", Some("ustc")),
            ("金鳳</a><em>實驗室", "金凤实验室", Some("jinfeng_lab")),
            (
                "Zhangjiang</a> Science City",
                "Zhangjiang Science City",
                Some("zhangjiang_science_city")
            ),
        ]
    );
    // the spans slice the page, from the name's first byte to its last
    for i in &got {
        assert_eq!(&page[i.span.start..i.span.end], i.span.text);
    }
    assert_eq!(got[0].span.start, page.find(quote).unwrap());
    // nothing inside a tag: the title and alt attributes give no mention
    let tags: Vec<(usize, usize)> = page
        .match_indices('<')
        .map(|(s, _)| (s, s + page[s..].find('>').unwrap() + 1))
        .collect();
    for i in &got {
        for &(s, e) in &tags {
            assert!(
                i.span.start >= e || i.span.end <= s || (i.span.start < s && i.span.end > e),
                "{:?} reaches into the tag {:?}",
                i.span.text,
                &page[s..e]
            );
        }
    }
    // the same names without markup give the same names
    let plain = Extractor::new()
        .extract("例如，合肥高新区培育了一批量子企业。依托金鳳實驗室開展合作。")
        .unwrap();
    assert_eq!(
        texts(&plain),
        ["合肥高新区".to_string(), "金鳳實驗室".to_string()]
    );
}
