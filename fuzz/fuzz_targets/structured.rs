#![no_main]
//! Structure-aware inputs: documents built from pieces shaped like the
//! domain (indicator-table rows cell by cell, lists of names, numerals in
//! every script, markup, mixed scripts), so the fuzzer spends its time on
//! the readers rather than on text no reader looks at.

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use zhen_extract::Extractor;

#[path = "check.rs"]
mod check;

const METRICS: &[&str] = &[
    "研发投入强度",
    "研發投入強度",
    "全社会研发经费投入",
    "高新技术企业数量",
    "每万人口发明专利拥有量",
    "R&D intensity",
    "the number of high-tech enterprises",
    "技术合同成交额",
    "",
];
const NAMES: &[&str] = &[
    "金凤",
    "明月湖",
    "西部（重庆）科学城",
    "Jinfeng",
    "国家重点",
    "重庆大学",
    "金鳳",
    "",
];
const SUFFIXES: &[&str] = &[
    "实验室",
    "實驗室",
    "研究院",
    "科学城",
    "Laboratory",
    "高新区",
    "中心",
    "",
];
const UNITS: &[&str] = &[
    "%",
    "％",
    "亿元",
    "億元",
    "万家",
    "家",
    "个百分点",
    "件",
    "percent",
    "billion yuan",
    "(%)",
    "",
];
const DIGITS: &[&str] = &[
    "0123456789",
    "０１２３４５６７８９",
    "〇一二三四五六七八九",
    "零壹贰叁肆伍陆柒捌玖",
];
const MAGNITUDES: &[&str] = &[
    "十", "百", "千", "万", "亿", "萬", "億", "兆", "拾", "佰", "仟", "",
];
const GLUE: &[&str] = &[
    "、",
    "，",
    "。",
    "；",
    "和",
    "及",
    "\t",
    "\n",
    "\n\n",
    " ",
    "\u{3000}",
    "\u{200b}",
    "到",
    "达到",
    "超过",
    "增长",
    "下降",
    "-",
    "−",
    "负",
    "分别",
    "respectively",
    "by 2025",
    "到2025年",
    "2021—2025年",
    "十四五",
    "(",
    ")",
    "（",
    "）",
    "<b>",
    "</b>",
    "&nbsp;",
    "<td>",
    "</td>",
    "<tr>",
    "约",
    "以上",
    "左右",
    "第",
    "号",
];

#[derive(Arbitrary, Debug)]
enum Numeral {
    /// digits from one script, an optional decimal part, magnitudes
    Digits {
        script: u8,
        digits: Vec<u8>,
        point: Option<Vec<u8>>,
        magnitudes: Vec<u8>,
    },
    /// a value written out with a sign
    Signed {
        negative: bool,
        whole: u32,
        frac: u16,
    },
    /// thousands groups
    Grouped { groups: Vec<u16> },
}

#[derive(Arbitrary, Debug)]
enum Piece {
    Numeral(Numeral, u8),
    /// an indicator-table row: cells separated by tabs
    Row {
        index: u8,
        metric: u8,
        unit: u8,
        cells: Vec<Numeral>,
    },
    /// a list of names sharing a suffix (or each with its own)
    Names {
        names: Vec<u8>,
        suffix: u8,
        shared: bool,
    },
    Glue(u8),
    Metric(u8),
    /// a few characters of anything
    Raw(char, char),
}

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[i as usize % list.len()]
}

fn numeral(n: &Numeral, out: &mut String) {
    match n {
        Numeral::Digits {
            script,
            digits,
            point,
            magnitudes,
        } => {
            let set: Vec<char> = pick(DIGITS, *script).chars().collect();
            for d in digits.iter().take(24) {
                out.push(set[*d as usize % 10]);
            }
            if let Some(p) = point {
                out.push(if script % 2 == 0 { '.' } else { '点' });
                for d in p.iter().take(8) {
                    out.push(set[*d as usize % 10]);
                }
            }
            for m in magnitudes.iter().take(6) {
                out.push_str(pick(MAGNITUDES, *m));
            }
        }
        Numeral::Signed {
            negative,
            whole,
            frac,
        } => {
            if *negative {
                out.push('-');
            }
            out.push_str(&format!("{whole}.{frac}"));
        }
        Numeral::Grouped { groups } => {
            for (i, g) in groups.iter().take(6).enumerate() {
                if i > 0 {
                    out.push(',');
                    out.push_str(&format!("{:03}", g % 1000));
                } else {
                    out.push_str(&g.to_string());
                }
            }
        }
    }
}

fn render(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces.iter().take(64) {
        match p {
            Piece::Numeral(n, unit) => {
                numeral(n, &mut out);
                out.push_str(pick(UNITS, *unit));
            }
            Piece::Row {
                index,
                metric,
                unit,
                cells,
            } => {
                out.push_str(&index.to_string());
                out.push('\t');
                out.push_str(pick(METRICS, *metric));
                out.push_str(pick(UNITS, *unit));
                for c in cells.iter().take(6) {
                    out.push('\t');
                    numeral(c, &mut out);
                }
                out.push('\n');
            }
            Piece::Names {
                names,
                suffix,
                shared,
            } => {
                let s = pick(SUFFIXES, *suffix);
                for (i, n) in names.iter().take(12).enumerate() {
                    if i > 0 {
                        out.push('、');
                    }
                    out.push_str(pick(NAMES, *n));
                    if !shared {
                        out.push_str(s);
                    }
                }
                out.push_str(s);
            }
            Piece::Glue(g) => out.push_str(pick(GLUE, *g)),
            Piece::Metric(m) => out.push_str(pick(METRICS, *m)),
            Piece::Raw(a, b) => {
                out.push(*a);
                out.push(*b);
            }
        }
    }
    out
}

fuzz_target!(|input: (bool, Vec<Piece>)| {
    let (all_numbers, pieces) = input;
    let text = render(&pieces);
    let ex = Extractor::builder()
        .all_numbers(all_numbers)
        .build()
        .expect("shipped rules");
    if let Ok(out) = ex.extract(&text) {
        check::extraction(&text, &out);
    }
});
