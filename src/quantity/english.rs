//! The words around an English number: the noun it counts (`45,000
//! science and technology-based enterprises`), shared across a range (`from
//! 3,000 to 5,800 firms`), and the lead words that make a bare number a
//! value (`reaching 12`).

use super::units::QuantityRules;
use crate::number::NumberForm;
use crate::rules::Rules;

/// The noun counted by the second number of a range or choice, shared by
/// the first: `from 3,000 to 5,800 firms`, `two or three labs`.
pub(super) fn range_noun(text: &str, at: usize, limit: usize, rules: &Rules) -> Option<String> {
    let rest = &text[at..limit];
    let gap = [" to ", " or ", " and ", "-", " - ", "–"]
        .iter()
        .find(|g| rest.starts_with(*g))?;
    let next = at + gap.len();
    let m = rules.numbers.scan(text, next, limit)?;
    if !matches!(m.form, NumberForm::Arabic | NumberForm::English) || m.fraction {
        return None;
    }
    counted_noun(text, m.end, limit, &rules.quantities)
}

/// The head noun an English number counts: the first plural-looking word
/// of the noun phrase after it, else its last word.
pub(super) fn counted_noun(
    text: &str,
    at: usize,
    limit: usize,
    q: &QuantityRules,
) -> Option<String> {
    let rest = &text[at..limit];
    if !rest.starts_with(' ') {
        return None;
    }
    // the noun phrase: up to six words, through `and` (`science and
    // technology-based enterprises`) but not past any other stop word
    let mut words: Vec<String> = Vec::new();
    let mut before_and = 0;
    let mut pos = 0;
    while words.len() < 6 && rest[pos..].starts_with(' ') {
        pos += 1;
        let len = rest[pos..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'&' | b'*'))
            .count();
        // a word of letters, or a model name with a digit (`5G`, `3D`)
        if !rest[pos..pos + len]
            .bytes()
            .any(|b| b.is_ascii_alphabetic())
        {
            break;
        }
        let lower = rest[pos..pos + len].to_ascii_lowercase();
        pos += len;
        if lower == "and" && !words.is_empty() {
            if before_and == 0 {
                before_and = words.len();
            }
            continue;
        }
        if q.not_noun.contains(&lower)
            || lower.ends_with("ing") && lower.len() > 5 && !words.is_empty()
        {
            break;
        }
        words.push(lower);
    }
    let first = words.first()?;
    if first.len() < 2 || !first.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    if let Some(p) = words
        .iter()
        .find(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
    {
        return Some(p.clone());
    }
    let head = if before_and > 0 {
        &words[..before_and]
    } else {
        &words[..]
    };
    head.last().cloned()
}

/// A lead word right before a bare number (`reaching 12`, `达到300`).
pub(super) fn lead_before<'a>(
    text: &str,
    at: usize,
    limit: usize,
    q: &'a QuantityRules,
) -> Option<&'a str> {
    let head = text[limit..at].trim_end_matches(' ');
    q.leads.iter().find_map(|w| {
        let lower = head.len() >= w.len() && head.is_char_boundary(head.len() - w.len());
        if !lower {
            return None;
        }
        let start = head.len() - w.len();
        let cand = &head[start..];
        let boundary = !w.is_ascii()
            || !head[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        (cand.eq_ignore_ascii_case(w) && boundary).then_some(w.as_str())
    })
}
