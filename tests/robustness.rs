//! Bad and hostile input: typed errors, never a panic, and every span
//! slices the caller's text on character boundaries.

mod common;

use common::assert_spans;
use proptest::prelude::*;
use zhen_extract::{Extractor, InputError};

#[test]
fn a_lone_continuation_byte_is_not_utf8() {
    let ex = Extractor::new();
    assert_eq!(
        ex.extract_bytes(b"\x80").unwrap_err(),
        InputError::NotUtf8 { offset: 0 }
    );
    let mut bytes = "到2025年达到2.6%".as_bytes().to_vec();
    bytes.insert(3, 0xBF);
    assert_eq!(
        ex.extract_bytes(&bytes).unwrap_err(),
        InputError::NotUtf8 { offset: 3 }
    );
    // a truncated character at the end
    let cut = &"研发".as_bytes()[..4];
    assert_eq!(
        ex.extract_bytes(cut).unwrap_err(),
        InputError::NotUtf8 { offset: 3 }
    );
}

#[test]
fn binary_files_are_refused_with_the_offending_byte() {
    let ex = Extractor::new();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert!(matches!(
        ex.extract_bytes(png).unwrap_err(),
        InputError::NotUtf8 { offset: 0 }
    ));
    let elf_like = "ELF\u{1}\u{2}2025年";
    assert!(matches!(
        ex.extract(elf_like).unwrap_err(),
        InputError::Binary { offset: 3, byte: 1 }
    ));
}

#[test]
fn input_over_the_limit_is_refused_before_any_work() {
    let ex = Extractor::builder()
        .max_input_bytes(1 << 10)
        .build()
        .unwrap();
    let big = "研".repeat(1000);
    assert_eq!(
        ex.extract(&big).unwrap_err(),
        InputError::TooLarge {
            len: 3000,
            limit: 1 << 10
        }
    );
    assert!(ex.extract("研发投入强度达到2.6%").is_ok());
}

#[test]
fn a_ten_megabyte_single_line_is_extracted() {
    let unit = "到2025年研发投入强度达到2.6%，科技型企业超过4.5万家，加快建设金凤实验室和Western (Chongqing) Science City；";
    let mut text = String::with_capacity(10 << 20);
    while text.len() < 10 << 20 {
        text.push_str(unit);
    }
    assert!(!text.contains('\n'));
    let ex = Extractor::new()
        .extract(&text)
        .expect("a long line is text");
    let repeats = text.len() / unit.len();
    assert!(
        ex.quantities.len() >= 2 * repeats,
        "{} quantities",
        ex.quantities.len()
    );
    assert!(
        ex.targets.len() >= 2 * repeats,
        "{} targets",
        ex.targets.len()
    );
    assert!(
        ex.institutions.len() >= repeats,
        "{} institutions",
        ex.institutions.len()
    );
    assert_spans(&text, &ex);
}

/// Dense runs of one kind of mention on one line (figures glued to figures,
/// a shared-suffix list, a numeral run): every per-mention step must stay
/// local, or these take quadratic time (they did, before the context
/// windows and list bounds).
#[test]
fn dense_runs_on_one_line_are_extracted() {
    let ex = Extractor::new();
    // (the text, and whether each repeat holds one figure)
    for (unit, figures) in [
        ("2.5%", true),
        ("金凤、", false),
        ("一", false),
        ("研发投入强度达2.6%，", true),
    ] {
        let repeats = (256 << 10) / unit.len();
        let text = unit.repeat(repeats);
        let out = ex.extract(&text).expect("text");
        if figures {
            assert_eq!(out.quantities.len(), repeats, "{unit}");
        }
        assert_spans(&text, &out);
    }
}

/// Pieces of real documents that stress the text layer and recognizers.
const FRAGMENTS: &[&str] = &[
    "４.５ 萬家",
    "2025\n年",
    "&amp;",
    "&#x4e07;",
    "<p cms-style=\"font-L\">",
    "</p>",
    "十四五",
    "“十五五”",
    "、",
    "1,200億元",
    "金鳳實驗室",
    "西部（重庆）科学城",
    "研發投入強度達",
    "2.73%",
    "以上",
    "分别",
    "respectively",
    "R&D intensity will reach",
    "more than",
    " 5 ",
    "%",
    "\t",
    "\r\n",
    "\n\n\n\n",
    "🧪",
    "e\u{301}",
    "\u{200b}",
    "ﬁ",
    "—",
    "(",
    ")",
    "）",
    "2021—2025年",
    "百分之二十",
    "第35位",
    "https://x.cn/2023/0512/p.jpg",
    "専欄",
    "渝府发〔2022〕3号",
    "1.",
    "●",
    "个百分点",
    "约",
    "左右",
    "twenty",
    "billion",
    "yuan",
    "Jinfeng",
    "laboratories",
    "高新区",
    "国家重点实验室",
    "序号\t指标",
];

fn check(text: &str) {
    match Extractor::new().extract(text) {
        Ok(ex) => assert_spans(text, &ex),
        Err(InputError::Empty | InputError::Binary { .. }) => {}
        Err(e) => panic!("{e} on {text:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn tricky_fragments_never_panic(parts in proptest::collection::vec(0..FRAGMENTS.len(), 0..40)) {
        let text: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        check(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let ex = Extractor::new();
        if let Ok(out) = ex.extract_bytes(&bytes) {
            assert_spans(std::str::from_utf8(&bytes).unwrap(), &out);
        }
    }
}
