//! Numbers of a `、` list that share the unit written once after the last
//! of them: `分别高出2.1、1.3、1.9个百分点` gives three percentage points,
//! `分别为3、5万家` 30,000 and 50,000 firms.

use super::Hit;
use crate::rules::Rules;
use crate::span::Span;

/// How many bare numbers before a quantity may share its unit.
const MAX_ITEMS: usize = 12;

/// The separator of the list items, after folding.
const SEPARATOR: char = '、';

/// Adds a hit for every bare Arabic number of a `、` list that ends in a
/// quantity, with that quantity's unit and magnitude. Hits are sorted by
/// start before and after.
pub(super) fn shared_units(text: &str, rules: &Rules, hits: &mut Vec<Hit>) {
    let mut added = Vec::new();
    for (k, h) in hits.iter().enumerate() {
        if h.span != Span::new(h.number.start, h.span.end) {
            // a currency or sign before the number: not the list's last item
            continue;
        }
        // the figure's digits, and the magnitude and unit after them
        let written = &text[h.number];
        let digits = &written[..written.len()
            - written
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                .len()];
        let Some(raw) = crate::number::parse_number(digits).filter(|v| *v != 0.0) else {
            continue;
        };
        let mult = h.value / raw;
        // the hit before ends the list where it stands
        let floor = k.checked_sub(1).map_or(0, |p| hits[p].span.end);
        let mut at = h.number.start;
        let mut items = Vec::new();
        while items.len() < MAX_ITEMS {
            let Some(before) = text[..at].strip_suffix(SEPARATOR) else {
                break;
            };
            let start = before
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
                .len();
            let number = Span::new(start, before.len());
            if number.is_empty()
                || start < floor
                || !text[number].starts_with(|c: char| c.is_ascii_digit())
                || text[number].ends_with('.')
            {
                break;
            }
            items.push(number);
            at = start;
        }
        // an ordinal list (`第1、2名`) or a word with digits is no list of
        // figures
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c == '第' || c.is_ascii_alphanumeric() || c == '.')
        {
            continue;
        }
        for number in items {
            let Some(m) = rules.numbers.scan(text, number.start, number.end) else {
                continue;
            };
            if m.end != number.end {
                continue;
            }
            let Some(value) = crate::number::scaled(m.value, mult) else {
                continue;
            };
            added.push(Hit {
                span: number,
                number,
                value,
                unit: h.unit,
                currency: h.currency.clone(),
                classifier: h.classifier.clone(),
                rule: format!("list_shared:{}", h.rule).into(),
                more: false,
            });
        }
    }
    if !added.is_empty() {
        hits.extend(added);
        hits.sort_by_key(|h| h.span.start);
    }
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Unit};

    fn q(text: &str) -> Vec<(String, f64, Unit)> {
        Extractor::new()
            .extract(text)
            .unwrap()
            .quantities
            .into_iter()
            .map(|q| (q.span.text, q.value, q.unit))
            .collect()
    }

    #[test]
    fn list_items_share_the_last_unit() {
        assert_eq!(
            q("增速分别高出2.1、1.3、1.9个百分点。"),
            [
                ("2.1".to_string(), 2.1, Unit::PercentagePoint),
                ("1.3".to_string(), 1.3, Unit::PercentagePoint),
                ("1.9个百分点".to_string(), 1.9, Unit::PercentagePoint),
            ]
        );
        let got = q("高新技术企业和科技型企业分别为3、5万家。");
        assert_eq!(got[0].1, 30_000.0);
        assert_eq!(got[1].1, 50_000.0);
    }

    #[test]
    fn ordinals_and_units_of_their_own_stay_apart() {
        // (the rank `3名` is read as it was before; its list is not)
        let ranks: Vec<String> = q("分列第1、2、3名。").into_iter().map(|r| r.0).collect();
        assert!(!ranks.iter().any(|r| r == "1" || r == "2"), "{ranks:?}");
        let got = q("分别增长10.1%、14.11%。");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "10.1%");
    }
}
