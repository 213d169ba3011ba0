//! The compiled unit tables: `units` (units, counters and currencies, by
//! hand), `currencies` (every ISO currency with its names, symbols and
//! codes, on either side of a number, from CLDR) and `number_words` (the
//! words around an English number).

use crate::error::RuleError;
use crate::model::Unit;
use crate::number::NumberRules;
use crate::rules::Tables;
use crate::text::{fold_char, is_han};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// One unit, counter or currency word, on one side of a number.
#[derive(Debug, Clone)]
pub(crate) struct UnitRow {
    pub word: String,
    pub unit: Unit,
    pub classifier: Arc<str>,
    pub scale: f64,
    pub currency: Option<Arc<str>>,
    /// The rule name a record reports (`units:元`, `currencies:THB`).
    pub rule: Arc<str>,
    /// Latin words match only as whole words.
    pub latin: bool,
    /// Matches only as written (`m`, `MUSD`), not in any case.
    pub exact: bool,
    /// A unit only after a magnitude word (`170 trillion won`, not the
    /// verb of `5 won prizes`).
    pub needs_magnitude: bool,
}

impl UnitRow {
    /// A row of symbols (`€`, `$`), which may stand apart from the digits.
    pub fn symbol(&self) -> bool {
        !self.latin && !self.word.chars().any(is_han)
    }
}

/// The compiled `units`, `currencies` and `number_words` tables.
#[derive(Debug)]
pub(crate) struct QuantityRules {
    after: Vec<UnitRow>,
    /// Case-insensitive and exact-case automata over `after`, with the
    /// index of each pattern's row.
    after_any: (AhoCorasick, Vec<usize>),
    after_exact: (AhoCorasick, Vec<usize>),
    before: Vec<UnitRow>,
    /// The rows of `before` by the ASCII-lowercased last character of
    /// their word, longest word first: a number's left context is looked
    /// up, not compared with every currency name.
    before_by_last: FxHashMap<char, Vec<usize>>,
    pub not_noun: FxHashSet<String>,
    pub leads: Vec<String>,
}

fn folded(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

fn automaton(rows: &[UnitRow], exact: bool) -> Result<(AhoCorasick, Vec<usize>), RuleError> {
    let ids: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].exact == exact)
        .collect();
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .ascii_case_insensitive(!exact)
        .build(ids.iter().map(|&i| rows[i].word.as_str()))
        .map_err(|e| RuleError::new("units", 0, e.to_string()))?;
    Ok((ac, ids))
}

/// The rows of one `currencies` line: its code and the code scaled by a
/// million (`MEUR`) or a thousand (`kEUR`) match as written; names and
/// symbols on both sides of the number.
fn currency_rows(
    t: &crate::rules::Table,
    row: &crate::rules::Row,
) -> Result<Vec<(UnitRow, bool)>, RuleError> {
    let code = t.required(row, "code")?;
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(t.error(row, format!("`{code}` is not an ISO 4217 code")));
    }
    let before = t.get(row, "before") != "no";
    let mut out = Vec::new();
    let mut push = |word: String, scale: f64, exact: bool, both: bool| {
        let r = UnitRow {
            latin: word.is_ascii() && word.chars().any(|c| c.is_ascii_alphabetic()),
            word: if exact { word } else { word.to_lowercase() },
            unit: Unit::Currency,
            classifier: "".into(),
            scale,
            currency: Some(code.into()),
            rule: format!("currencies:{code}").into(),
            exact,
            needs_magnitude: false,
        };
        out.push((r.clone(), false));
        if both {
            out.push((r, true));
        }
    };
    push(code.to_string(), 1.0, true, before);
    push(format!("M{code}"), 1e6, true, before);
    push(format!("k{code}"), 1e3, true, false);
    for name in t.list(row, "zh").into_iter().chain(t.list(row, "en")) {
        push(folded(name), 1.0, false, true);
    }
    for symbol in t.list(row, "symbols") {
        push(folded(symbol), 1.0, false, true);
    }
    Ok(out)
}

impl QuantityRules {
    pub(crate) fn compile(t: &Tables) -> Result<Self, RuleError> {
        let units = t.get("units");
        let mut after = Vec::new();
        let mut before = Vec::new();
        for row in units.rows() {
            let word = folded(units.required(row, "word")?);
            let unit_name = units.required(row, "unit")?;
            let unit = Unit::from_name(unit_name)
                .ok_or_else(|| units.error(row, format!("unknown unit `{unit_name}`")))?;
            let currency = Some(units.get(row, "currency"))
                .filter(|c| !c.is_empty())
                .map(str::to_string);
            if unit == Unit::Currency && currency.is_none() {
                return Err(units.error(row, "a currency row needs an ISO code in `currency`"));
            }
            let exact = match units.get(row, "case") {
                "" => false,
                "exact" => true,
                c => {
                    return Err(units.error(row, format!("case must be exact or empty, not `{c}`")))
                }
            };
            let position = units.get(row, "position");
            let needs_magnitude = position == "after_magnitude";
            let r = UnitRow {
                needs_magnitude,
                latin: word.is_ascii() && word.chars().any(|c| c.is_ascii_alphabetic()),
                rule: format!("units:{}", word.to_lowercase()).into(),
                word: if exact { word } else { word.to_lowercase() },
                unit,
                classifier: folded(units.get(row, "classifier")).into(),
                scale: units.number(row, "scale", 1.0)?,
                currency: currency.map(Into::into),
                exact,
            };
            match position {
                "" | "after" | "after_magnitude" => after.push(r),
                "before" => before.push(r),
                p => {
                    return Err(units.error(
                        row,
                        format!("position must be before, after or after_magnitude, not `{p}`"),
                    ))
                }
            }
        }
        // the currencies table, where the hand rows do not say otherwise
        let known = |rows: &[UnitRow], w: &str| rows.iter().any(|r| r.word.eq_ignore_ascii_case(w));
        let cur = t.get("currencies");
        for row in cur.rows() {
            for (r, is_before) in currency_rows(cur, row)? {
                let list = if is_before { &mut before } else { &mut after };
                if !known(list, &r.word) {
                    list.push(r);
                }
            }
        }
        let after_any = automaton(&after, false)?;
        let after_exact = automaton(&after, true)?;
        let words = t.get("number_words");
        let mut not_noun = FxHashSet::default();
        let mut leads = Vec::new();
        for row in words.rows() {
            let w = folded(words.required(row, "word")?).to_ascii_lowercase();
            match words.required(row, "role")? {
                "not_noun" => {
                    not_noun.insert(w);
                }
                "lead" => leads.push(w),
                r => {
                    return Err(
                        words.error(row, format!("role must be not_noun or lead, not `{r}`"))
                    )
                }
            }
        }
        leads.sort_by_key(|w| std::cmp::Reverse(w.len()));
        // the longest currency word before a number wins (`NT$` over `$`)
        before.sort_by_key(|r| std::cmp::Reverse(r.word.len()));
        let mut before_by_last: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        for (i, r) in before.iter().enumerate() {
            if let Some(c) = r.word.chars().next_back() {
                before_by_last
                    .entry(c.to_ascii_lowercase())
                    .or_default()
                    .push(i);
            }
        }
        Ok(QuantityRules {
            after,
            after_any,
            after_exact,
            before,
            before_by_last,
            not_noun,
            leads,
        })
    }

    /// Han unit words, for the segmenter's dictionary.
    pub(crate) fn words(&self) -> Vec<&str> {
        self.after
            .iter()
            .map(|r| r.word.as_str())
            .filter(|w| w.chars().count() > 1 && w.chars().all(is_han))
            .collect()
    }

    /// Every unit word written after a number (for the number reader,
    /// which ends a number where one starts: `千瓦`).
    pub(crate) fn unit_words(&self) -> impl Iterator<Item = &str> + '_ {
        self.after.iter().map(|r| r.word.as_str())
    }

    /// The unit row whose word starts exactly at `at`, longest first.
    pub(crate) fn unit_at(&self, text: &str, at: usize) -> Option<(&UnitRow, usize)> {
        let find = |(ac, ids): &(AhoCorasick, Vec<usize>)| {
            ac.find(
                Input::new(text)
                    .span(at..text.len())
                    .anchored(Anchored::Yes),
            )
            .map(|m| (&self.after[ids[m.pattern().as_usize()]], m.end()))
        };
        let (row, end) = match (find(&self.after_any), find(&self.after_exact)) {
            (Some(a), Some(b)) => {
                if b.1 > a.1 {
                    b
                } else {
                    a
                }
            }
            (a, b) => a.or(b)?,
        };
        if row.latin
            && text[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
        {
            return None;
        }
        Some((row, end))
    }

    /// True where a unit or counter word starts at `at`.
    pub(crate) fn unit_starts_at(&self, text: &str, at: usize) -> bool {
        self.unit_at(text, at).is_some()
    }

    /// A currency written before the number, ending at `at` (spaces
    /// allowed between): `RMB 50 billion`, `US$3 million`, `人民币5.8`.
    pub(crate) fn currency_before(&self, text: &str, at: usize) -> Option<(&UnitRow, usize)> {
        let head = text[..at].trim_end_matches(' ');
        let last = head.chars().next_back()?.to_ascii_lowercase();
        let rows = self.before_by_last.get(&last)?;
        rows.iter().map(|&i| &self.before[i]).find_map(|r| {
            let n = r.word.len();
            if head.len() < n || !head.is_char_boundary(head.len() - n) {
                return None;
            }
            let start = head.len() - n;
            let cand = &head[start..];
            let word_start = !r.latin
                || !head[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric());
            let same = if r.exact {
                cand == r.word
            } else {
                cand.eq_ignore_ascii_case(&r.word)
            };
            (same && word_start).then_some((r, start))
        })
    }

    /// A unit written inside a table row label: `(%)`, `(人年)`, `(亿元)`.
    pub(crate) fn label_unit(&self, numbers: &NumberRules, word: &str) -> Option<(&UnitRow, f64)> {
        let word = word.trim();
        // the magnitudes before the unit (`亿元`, `千元`, `百万元`)
        let mut mult = 1.0;
        let mut rest = word;
        while let Some((m, c)) = rest
            .chars()
            .next()
            .and_then(|c| numbers.magnitude(c).map(|m| (m, c)))
        {
            if rest.len() == c.len_utf8() {
                break;
            }
            mult *= m;
            rest = &rest[c.len_utf8()..];
        }
        let whole = |w: &str| {
            self.unit_at(w, 0)
                .filter(|(_, end)| *end == w.len())
                .map(|(row, _)| row)
        };
        whole(rest)
            .map(|row| (row, mult))
            .or_else(|| whole(word).map(|row| (row, 1.0)))
    }
}
