//! The public API: builder errors, the text layer's views, and the span
//! invariant on the bundled corpus.

mod common;

use zhen_extract::{EncodingClue, Extractor, InputError, TokenKind};

fn seeds() -> Vec<(String, String)> {
    let mut v: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn bad_rule_rows_name_table_and_line() {
    let err = Extractor::builder()
        .add_rules("units", "座\tnot_a_unit\t座\t\t\tafter\t3座\t")
        .build()
        .unwrap_err();
    assert_eq!(err.table, "units");
    assert_eq!(err.line, 1);
    assert!(err.to_string().contains("not_a_unit"), "{err}");

    let err = Extractor::builder()
        .add_rules("exclusions", "x\tboth\t(unclosed\t")
        .build()
        .unwrap_err();
    assert_eq!(err.table, "exclusions");
    assert!(err.message.contains("bad pattern"), "{err}");

    let err = Extractor::builder()
        .add_rules("no_such_table", "a\tb")
        .build()
        .unwrap_err();
    assert!(err.message.contains("no such table"), "{err}");
}

#[test]
fn added_rows_take_effect_without_touching_the_default() {
    let ex = Extractor::builder()
        .add_rules("units", "尾\tcount\t尾\t\t\tafter\t3万尾\t")
        .build()
        .unwrap();
    assert_eq!(ex.extract("放流鱼苗3万尾").unwrap().quantities.len(), 1);
    assert!(Extractor::new()
        .extract("放流鱼苗3万尾")
        .unwrap()
        .quantities
        .is_empty());
}

#[test]
fn refused_input_is_typed() {
    let ex = Extractor::new();
    assert_eq!(ex.extract("").unwrap_err(), InputError::Empty);
    assert_eq!(ex.extract(" \n\t").unwrap_err(), InputError::Empty);
    assert_eq!(
        ex.extract_bytes(b"ab\x80cd").unwrap_err(),
        InputError::NotUtf8 { offset: 2 }
    );
    assert!(matches!(
        ex.extract("a\0b").unwrap_err(),
        InputError::Binary { offset: 1, byte: 0 }
    ));
    let small = Extractor::builder().max_input_bytes(4).build().unwrap();
    assert!(matches!(
        small.extract("12345").unwrap_err(),
        InputError::TooLarge { len: 5, limit: 4 }
    ));
}

#[test]
fn document_views_slice_the_original() {
    let text = "重慶實驗室。\n\n到 2025 年，研發投入強度達到2.6%。In 2025 it will reach 2.73%.";
    let doc = Extractor::new().analyze(text).unwrap();
    let paras: Vec<&str> = doc.paragraphs().map(|s| &text[s]).collect();
    assert_eq!(
        paras,
        [
            "重慶實驗室。",
            "到 2025 年，研發投入強度達到2.6%。In 2025 it will reach 2.73%."
        ]
    );
    let sents: Vec<&str> = doc.sentences().map(|s| &text[s]).collect();
    assert_eq!(
        sents,
        [
            "重慶實驗室。",
            "到 2025 年，研發投入強度達到2.6%。",
            "In 2025 it will reach 2.73%."
        ]
    );
    let toks: Vec<(&str, TokenKind)> = doc.tokens().map(|t| (&text[t.span], t.kind)).collect();
    assert!(toks.contains(&("2.6", TokenKind::Number)), "{toks:?}");
    assert!(toks.contains(&("reach", TokenKind::Latin)), "{toks:?}");
    assert!(
        toks.iter()
            .any(|(t, k)| *k == TokenKind::Han && t.contains('驗')),
        "{toks:?}"
    );
}

#[test]
fn numbers_are_single_tokens() {
    let text = "二〇三五年远景目标，四十五万人，4.5万家，3万4000元，260,000 people，统一规划";
    let doc = Extractor::new().analyze(text).unwrap();
    let nums: Vec<&str> = doc
        .tokens()
        .filter(|t| t.kind == TokenKind::Number)
        .map(|t| &text[t.span])
        .collect();
    assert_eq!(
        nums,
        ["二〇三五", "四十五万", "4.5万", "3万4000", "260,000"]
    );
}

#[test]
fn every_span_slices_the_input_on_the_seeds() {
    let ex = Extractor::new();
    for (name, text) in seeds() {
        let out = ex.extract(&text).unwrap();
        let spans = out
            .quantities
            .iter()
            .map(|q| &q.span)
            .chain(out.years.iter().map(|y| &y.span))
            .chain(
                out.targets
                    .iter()
                    .flat_map(|t| [&t.span, &t.metric_span, &t.quantity.span]),
            )
            .chain(out.institutions.iter().map(|i| &i.span));
        for s in spans {
            assert_eq!(&text[s.start..s.end], s.text, "{name}");
        }
        let doc = ex.analyze(&text).unwrap();
        for t in doc.tokens() {
            assert!(
                text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end),
                "{name}"
            );
        }
    }
}

#[test]
fn control_bytes_of_real_text_are_text() {
    // a page break, a vertical tab and a terminal colour code: text, not
    // binary (see issue 12); other control bytes still are binary
    let ex = Extractor::new();
    let text = "第一页\x0c到2025年，\x0b研发投入强度达到\x1b[1m2.6%\x1b[0m。";
    let out = ex.extract(text).unwrap();
    assert_eq!(out.quantities[0].span.text, "2.6%");
    assert_eq!(out.targets[0].metric_id.as_deref(), Some("rd_intensity"));
    assert!(matches!(
        ex.extract("2025\x01年").unwrap_err(),
        InputError::Binary { offset: 4, byte: 1 }
    ));
}

#[test]
fn text_in_another_encoding_is_named() {
    let ex = Extractor::new();
    let text = "到2025年，全社会研发投入强度达到2.6%。";
    let mut bom = vec![0xff, 0xfe];
    bom.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        ex.extract_bytes(&bom).unwrap_err(),
        InputError::Encoding {
            encoding: "UTF-16LE",
            clue: EncodingClue::ByteOrderMark
        }
    );
    // UTF-16 of ASCII text is valid UTF-8 full of NULs: named, not binary
    let ascii: Vec<u8> = "R&D intensity reached 2.6 percent in 2025."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let as_str = std::str::from_utf8(&ascii).unwrap();
    assert_eq!(
        ex.extract(as_str).unwrap_err(),
        InputError::Encoding {
            encoding: "UTF-16LE",
            clue: EncodingClue::NulPattern
        }
    );
    let traditional = "到2025年，全社會研發投入強度達到2.6%，科技型企業超過4.5萬家。";
    let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
    let err = ex.extract_bytes(&big5).unwrap_err();
    assert_eq!(
        err,
        InputError::Encoding {
            encoding: "Big5",
            clue: EncodingClue::Decodes
        }
    );
    assert!(err.to_string().contains("Big5"), "{err}");
}

#[cfg(feature = "parallel")]
#[test]
fn extract_par_gives_what_extract_gives_in_input_order() {
    let ex = Extractor::new();
    let mut docs: Vec<&str> = common::SEEDS.iter().map(|(_, t)| *t).collect();
    docs.insert(2, "");
    docs.push("ab\u{1}cd");
    let par = ex.extract_par(&docs);
    assert_eq!(par.len(), docs.len());
    for (doc, got) in docs.iter().zip(&par) {
        assert_eq!(got, &ex.extract(doc));
    }
}
