//! Page chrome: the parts of a web copy that are not its text — clock
//! times and timestamps, bylines and "Updated:" lines, navigation,
//! "most read" lists with their numbers, share and comment counters —
//! found by the `chrome` rule table. Recognizers skip them: chrome gives
//! no quantities and no targets (the dates in it are still year mentions).

use crate::error::RuleError;
use crate::exclusion::{compile_pattern, pattern_set, LazyPattern};
use crate::rules::Table;
use crate::span::Span;
use regex::{Regex, RegexSet};

/// What part of the text a chrome pattern marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// The match itself.
    Span,
    /// The paragraph holding the match.
    Line,
    /// The match heads a list: the rest of its line and the list under it.
    List,
    /// List numbers (group `n`) that run 1, 2, 3….
    Sequence,
}

#[derive(Debug)]
struct Rule {
    scope: Scope,
    regex: LazyPattern,
}

/// The compiled `chrome` table.
#[derive(Debug)]
pub struct ChromeRules {
    rules: Vec<Rule>,
    /// Every rule's pattern in one set: one pass tells which rules match
    /// a text at all, and only those run over it.
    any: RegexSet,
}

/// The most lines a list under a heading runs over.
const MAX_LIST_LINES: usize = 30;
/// A list item line longer than this (in bytes) is text, not chrome.
const MAX_ITEM_BYTES: usize = 160;
/// The fewest numbers in a run on one line that make it a list.
const MIN_INLINE_RUN: usize = 3;

impl ChromeRules {
    /// Compiles the `chrome` table, checking every example.
    pub fn compile(t: &Table) -> Result<ChromeRules, RuleError> {
        let mut rules = Vec::new();
        let mut rows = Vec::new();
        for row in t.rows() {
            t.required(row, "name")?;
            let scope = match t.required(row, "scope")? {
                "span" => Scope::Span,
                "line" => Scope::Line,
                "list" => Scope::List,
                "sequence" => Scope::Sequence,
                s => {
                    return Err(t.error(
                        row,
                        format!("scope must be span, line, list or sequence, not `{s}`"),
                    ))
                }
            };
            let src = t.required(row, "pattern")?;
            let regex = LazyPattern::new(src);
            if scope == Scope::Sequence {
                let regex =
                    compile_pattern(src).map_err(|e| t.error(row, format!("bad pattern: {e}")))?;
                if regex.capture_names().flatten().all(|n| n != "n") {
                    return Err(t.error(row, "a sequence pattern needs a capture group named n"));
                }
            }
            rows.push(row);
            rules.push(Rule { scope, regex });
        }
        let any = pattern_set(
            t,
            &rows,
            &rules.iter().map(|r| &r.regex).collect::<Vec<_>>(),
        )?;
        Ok(ChromeRules { rules, any })
    }

    /// The chrome of a shadow text with its paragraphs: sorted, disjoint
    /// spans of the shadow.
    pub(crate) fn find(&self, text: &str, paragraphs: &[Span]) -> Vec<Span> {
        let mut out = Vec::new();
        let para_of = |at: usize| paragraphs.partition_point(|p| p.end <= at);
        let matching = self.any.matches(text);
        for rule in matching.iter().map(|i| &self.rules[i]) {
            let Some(regex) = rule.regex.get() else {
                continue;
            };
            match rule.scope {
                Scope::Span => {
                    out.extend(regex.find_iter(text).map(|m| Span::new(m.start(), m.end())))
                }
                Scope::Line => {
                    for m in regex.find_iter(text) {
                        if let Some(p) = paragraphs.get(para_of(m.start())) {
                            out.push(Span::new(p.start.min(m.start()), p.end.max(m.end())));
                        }
                    }
                }
                Scope::List => {
                    for m in regex.find_iter(text) {
                        let i = para_of(m.start());
                        let Some(head) = paragraphs.get(i) else {
                            continue;
                        };
                        out.push(Span::new(m.start(), head.end.max(m.end())));
                        for p in paragraphs.iter().skip(i + 1).take(MAX_LIST_LINES) {
                            if !list_item(&text[*p]) {
                                break;
                            }
                            out.push(*p);
                        }
                    }
                }
                Scope::Sequence => out.extend(runs(regex, text, &para_of)),
            }
        }
        out.sort_by_key(|s| (s.start, s.end));
        let mut merged: Vec<Span> = Vec::with_capacity(out.len());
        for s in out {
            match merged.last_mut() {
                Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
                _ => merged.push(s),
            }
        }
        merged
    }
}

/// A line under a list heading that reads as an item of it: a short line
/// that starts with a list number, or a short headline (no sentence end).
fn list_item(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > MAX_ITEM_BYTES {
        return false;
    }
    let numbered = t.bytes().next().is_some_and(|b| b.is_ascii_digit());
    let sentence = t.ends_with(['.', '。', '!', '?', ';', ':', '；', '：']);
    numbered || !sentence
}

/// The number spans of the runs 1, 2, 3… among the matches of a sequence
/// rule: consecutive matches, on one line or on neighbouring lines.
fn runs(regex: &Regex, text: &str, para_of: &dyn Fn(usize) -> usize) -> Vec<Span> {
    let items: Vec<(u32, Span, usize)> = regex
        .captures_iter(text)
        .filter_map(|c| {
            let n = c.name("n")?;
            Some((
                n.as_str().parse().ok()?,
                Span::new(n.start(), n.end()),
                para_of(n.start()),
            ))
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let mut j = i + 1;
        while j < items.len()
            && items[j].0 == items[j - 1].0 + 1
            && items[j].2 <= items[j - 1].2 + 1
        {
            j += 1;
        }
        let run = &items[i..j];
        let one_line = run.iter().all(|x| x.2 == run[0].2);
        let long_enough = run.len() >= if one_line { MIN_INLINE_RUN } else { 2 };
        if run[0].0 == 1 && long_enough {
            out.extend(run.iter().map(|x| x.1));
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    fn chrome(text: &str) -> Vec<String> {
        let doc = crate::Extractor::new().analyze(text).unwrap();
        doc.chrome().map(|s| text[s].to_string()).collect()
    }

    #[test]
    fn clocks_bylines_and_counters() {
        assert_eq!(chrome("会议于16:50开始。"), ["16:50"]);
        assert_eq!(
            chrome("Tech park expands campus\nBy Li Wei | Updated: 2024-03-05 10:20\nLast year, spending rose."),
            ["By Li Wei | Updated: 2024-03-05 10:20"]
        );
        assert_eq!(
            chrome("date: Mon, 06 Mar 2023 08:15:42 GMT"),
            ["08:15:42 GMT"]
        );
        assert_eq!(
            chrome("发布时间：2023-11-08 浏览次数：1234"),
            ["发布时间：2023-11-08 浏览次数：1234"]
        );
    }

    #[test]
    fn most_read_lists_and_numbered_headlines() {
        let text = "Top Stories 1 Flood hits coastal towns 2 Festival opens downtown 3 Rail link reaches border";
        assert_eq!(chrome(text), [text]);
        let text =
            "Body text ends here.\n1 Flood hits coastal towns\n2 Festival opens downtown\nThe end.";
        assert_eq!(chrome(text), ["1", "2"]);
        // a sentence with counts is no list
        assert!(chrome("The city has 1 Nobel laureate and 2 Fields medallists.").is_empty());
        assert!(chrome("By 2025, the city will add 3 Science Parks.").is_empty());
    }

    #[test]
    fn every_rule_compiles_with_its_examples() {
        assert!(!Rules::default_rules().chrome.rules.is_empty());
        let t = Table::parse(
            "chrome",
            "name\tscope\tpattern\texamples\nx\tsequence\t[0-9]+\t1\n",
        )
        .unwrap();
        assert!(ChromeRules::compile(&t)
            .unwrap_err()
            .message
            .contains("group named n"));
    }
}
