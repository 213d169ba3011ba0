//! Years counted in another era: the Minguo calendar of Taiwan (`民國113年`,
//! `102年度` = 2013) and fiscal years (`FY24`), from the `eras` table.

use super::{hit, Hit};
use crate::error::RuleError;
use crate::model::YearKind;
use crate::rules::Table;
use crate::text::{fold_char, is_han};
use regex::Regex;

/// One row of the `eras` table.
#[derive(Debug)]
struct Era {
    regex: Regex,
    offset: i32,
    min: i32,
    max: i32,
    traditional_only: bool,
}

/// The compiled `eras` table.
#[derive(Debug, Default)]
pub(crate) struct Eras {
    rows: Vec<Era>,
}

/// The least share of traditional-only characters among a document's Han
/// characters that makes it a traditional-script document.
const TRADITIONAL_SHARE: f64 = 0.03;

/// Words right after an era year that make it a duration (`113年来`).
const DURATION_AFTER: [&str; 6] = ["来", "以来", "间", "内", "前", "后"];

impl Eras {
    pub(crate) fn compile(t: &Table) -> Result<Eras, RuleError> {
        let mut rows = Vec::new();
        for row in t.rows() {
            let src = t.required(row, "pattern")?;
            let regex = Regex::new(src).map_err(|e| t.error(row, format!("bad pattern: {e}")))?;
            if !regex.capture_names().flatten().any(|n| n == "n") {
                return Err(t.error(row, "the pattern needs a capture group named n"));
            }
            let traditional_only = match t.required(row, "script")? {
                "any" => false,
                "traditional" => true,
                s => {
                    return Err(
                        t.error(row, format!("script must be any or traditional, not `{s}`"))
                    )
                }
            };
            rows.push(Era {
                regex,
                offset: t.number(row, "offset", 0.0)? as i32,
                min: t.number(row, "min", 0.0)? as i32,
                max: t.number(row, "max", 9999.0)? as i32,
                traditional_only,
            });
        }
        Ok(Eras { rows })
    }

    /// The era years of a shadow `text`; `traditional` says whether its
    /// document is written in traditional characters.
    pub(crate) fn find(&self, text: &str, traditional: bool, out: &mut Vec<Hit>) {
        for era in self
            .rows
            .iter()
            .filter(|e| traditional || !e.traditional_only)
        {
            for c in era.regex.captures_iter(text) {
                let whole = c.get(0).expect("match");
                let Some(n) = c.name("n").and_then(|m| m.as_str().parse::<i32>().ok()) else {
                    continue;
                };
                let glued = text[..whole.start()]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_alphanumeric() || p == '第' || p == '.')
                    || text[whole.end()..].starts_with(|a: char| a.is_ascii_digit());
                let rest = &text[whole.end()..];
                let duration = DURATION_AFTER.iter().any(|w| rest.starts_with(w));
                if glued || duration || !(era.min..=era.max).contains(&n) {
                    continue;
                }
                let y = n + era.offset;
                let kind = if c.name("m").is_some() {
                    YearKind::Date
                } else {
                    YearKind::Year
                };
                out.push(hit(whole.start(), whole.end(), y, y, kind));
            }
        }
    }
}

/// True where a text is written in traditional characters: enough of its
/// Han characters fold to another one.
pub(crate) fn is_traditional(input: &str) -> bool {
    let (mut han, mut folded) = (0usize, 0usize);
    for c in input.chars().filter(|c| is_han(*c)) {
        han += 1;
        if fold_char(c) != c {
            folded += 1;
        }
    }
    han >= 20 && folded as f64 >= TRADITIONAL_SHARE * han as f64
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, YearKind};

    fn years(text: &str) -> Vec<(String, i32, YearKind)> {
        Extractor::new()
            .extract(text)
            .unwrap()
            .years
            .into_iter()
            .map(|y| (y.span.text, y.start_year, y.kind))
            .collect()
    }

    #[test]
    fn minguo_years_in_traditional_text() {
        let tw = "國科會發布113年全國科技動態調查，我國研發經費達新臺幣1兆元，較102年度成長，(103)年10月23日公告。";
        let got: Vec<(i32, YearKind)> = years(tw).into_iter().map(|y| (y.1, y.2)).collect();
        assert_eq!(
            got,
            [
                (2024, YearKind::Year),
                (2013, YearKind::Year),
                (2014, YearKind::Date)
            ]
        );
        // named, in any script
        assert_eq!(years("民国102年")[0].1, 2013);
        // a bare count in simplified text, or a duration, is no year
        assert!(years(
            "中国共产党成立100年，科技事业取得巨大进步，发展成就举世瞩目，人民生活水平不断提高。"
        )
        .is_empty());
        assert!(years(
            "國科會成立113年來，臺灣科技事業持續發展，研發成果豐碩，產業升級轉型成效顯著。"
        )
        .is_empty());
    }

    #[test]
    fn fiscal_years() {
        let got: Vec<(String, i32)> = years("NSF would see $11.3 billion in FY24, up from FY2023.")
            .into_iter()
            .map(|y| (y.0, y.1))
            .collect();
        assert_eq!(
            got,
            [("FY24".to_string(), 2024), ("FY2023".to_string(), 2023)]
        );
    }
}
