//! Exclusion patterns: text where a number is a name, an ordinal, a date,
//! a duration or a document number rather than a quantity or a year.

use crate::error::RuleError;
use crate::rules::{Row, Table};
use crate::span::Span;
use regex::{Regex, RegexSet, RegexSetBuilder};

/// The room of the exclusion set's lazy DFA cache, in bytes.
const DFA_SIZE_LIMIT: usize = 8 << 20;
use std::sync::OnceLock;

/// Compiles a rule-table pattern. `\b` means an ASCII word boundary: a
/// Unicode one would make the regex engine fall back to its slowest
/// strategy on Chinese text, and the boundaries that matter in these
/// patterns are between Latin words and digits anyway.
pub(crate) fn compile_pattern(src: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_boundaries(src))
}

/// A pattern's source with `\b` read as an ASCII word boundary.
fn ascii_boundaries(src: &str) -> String {
    src.replace("\\b", "(?-u:\\b)")
}

/// A rule-table pattern of a table whose patterns also run as one
/// [`RegexSet`]: checked when the table is compiled, but built as a regex
/// of its own only when the set first finds it matching a text (most
/// patterns match few texts, and building them all took a third of a
/// cold start).
#[derive(Debug)]
pub(crate) struct LazyPattern {
    src: String,
    regex: OnceLock<Option<Regex>>,
}

impl LazyPattern {
    /// The pattern of `src` (as [`compile_pattern`] reads it), not yet
    /// built.
    pub(crate) fn new(src: &str) -> LazyPattern {
        LazyPattern {
            src: ascii_boundaries(src),
            regex: OnceLock::new(),
        }
    }

    /// The pattern as compiled.
    pub(crate) fn as_str(&self) -> &str {
        &self.src
    }

    /// The regex, built on first use. `None` cannot happen for a pattern
    /// that [`pattern_set`] accepted (the same source compiled there).
    pub(crate) fn get(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| Regex::new(&self.src).ok())
            .as_ref()
    }
}

/// The patterns of `table`'s rows (in order) as one set, and a check that
/// every example of a row matches its pattern (`examples` of `rows[i]`
/// against pattern `i`). A pattern that does not compile is an error on
/// its row, as it would be compiled alone.
pub(crate) fn pattern_set(
    t: &Table,
    rows: &[&Row],
    patterns: &[&LazyPattern],
) -> Result<RegexSet, RuleError> {
    // (the set's lazy DFA gets room for the states a page of mixed scripts
    // reaches: at the default 2 MiB the cache of the shipped table fills on
    // the seeds and is rebuilt over and over, a quarter more instructions
    // for the whole pipeline)
    let set = match RegexSetBuilder::new(patterns.iter().map(|p| p.as_str()))
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .build()
    {
        Ok(set) => set,
        Err(e) => {
            for (row, p) in rows.iter().zip(patterns) {
                Regex::new(p.as_str()).map_err(|e| t.error(row, format!("bad pattern: {e}")))?;
            }
            return Err(RuleError::new(
                t.name(),
                0,
                format!("patterns do not combine: {e}"),
            ));
        }
    };
    for (i, row) in rows.iter().enumerate() {
        for ex in t.list(row, "examples") {
            let folded: String = ex.chars().map(crate::text::fold_char).collect();
            if !set.matches(&folded).matched(i) {
                return Err(t.error(row, format!("example `{ex}` does not match the pattern")));
            }
        }
    }
    Ok(set)
}

/// Which recognizer an exclusion applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Applies {
    Quantity,
    Year,
}

#[derive(Debug)]
struct Pattern {
    name: String,
    quantity: bool,
    year: bool,
    regex: LazyPattern,
}

/// The compiled `exclusions` table.
#[derive(Debug)]
pub(crate) struct Exclusions {
    patterns: Vec<Pattern>,
    /// Every pattern in one automaton: one pass over a text tells which
    /// patterns match in it at all, and only those are run for their
    /// matches.
    any: RegexSet,
}

/// Excluded regions of one text, sorted by start, queried by overlap.
#[derive(Debug, Default)]
pub(crate) struct Excluded {
    spans: Vec<(Span, usize)>,
    max_len: usize,
}

impl Excluded {
    /// The name of an exclusion that overlaps `span`, if any.
    pub(crate) fn overlapping<'a>(&self, span: Span, ex: &'a Exclusions) -> Option<&'a str> {
        // spans are sorted by start; only those starting within max_len
        // before `span.end` can overlap
        let lo = self
            .spans
            .partition_point(|(s, _)| s.start + self.max_len < span.start);
        self.spans[lo..]
            .iter()
            .take_while(|(s, _)| s.start < span.end)
            .find(|(s, _)| s.overlaps(span))
            .map(|(_, i)| ex.patterns[*i].name.as_str())
    }
}

impl Exclusions {
    pub(crate) fn compile(t: &Table) -> Result<Exclusions, RuleError> {
        let mut patterns = Vec::new();
        let mut rows = Vec::new();
        for row in t.rows() {
            let name = t.required(row, "name")?;
            let applies = t.required(row, "applies")?;
            let (quantity, year) = match applies {
                "quantity" => (true, false),
                "year" => (false, true),
                "both" => (true, true),
                _ => {
                    return Err(t.error(
                        row,
                        format!("applies must be quantity, year or both, not `{applies}`"),
                    ))
                }
            };
            let src = t.required(row, "pattern")?;
            rows.push(row);
            patterns.push(Pattern {
                name: name.to_string(),
                quantity,
                year,
                regex: LazyPattern::new(src),
            });
        }
        let any = pattern_set(
            t,
            &rows,
            &patterns.iter().map(|p| &p.regex).collect::<Vec<_>>(),
        )?;
        Ok(Exclusions { patterns, any })
    }

    /// Every excluded region of `text`: for quantities, and for years.
    /// One combined pass finds the patterns that match; each of those
    /// then runs once over the text for its matches.
    pub(crate) fn find(&self, text: &str) -> ExcludedRegions {
        let mut quantity = Vec::new();
        let mut year = Vec::new();
        for i in self.any.matches(text).iter() {
            let p = &self.patterns[i];
            let Some(regex) = p.regex.get() else {
                continue;
            };
            for m in regex.find_iter(text) {
                let span = Span::new(m.start(), m.end());
                if p.quantity {
                    quantity.push((span, i));
                }
                if p.year {
                    year.push((span, i));
                }
            }
        }
        ExcludedRegions {
            quantity: Excluded::new(quantity),
            year: Excluded::new(year),
        }
    }
}

/// The excluded regions of one text, for each recognizer.
#[derive(Debug, Default)]
pub(crate) struct ExcludedRegions {
    quantity: Excluded,
    year: Excluded,
}

impl ExcludedRegions {
    /// The regions that apply to one recognizer.
    pub(crate) fn get(&self, applies: Applies) -> &Excluded {
        match applies {
            Applies::Quantity => &self.quantity,
            Applies::Year => &self.year,
        }
    }
}

impl Excluded {
    fn new(mut spans: Vec<(Span, usize)>) -> Excluded {
        spans.sort_by_key(|(s, _)| (s.start, s.end));
        let max_len = spans.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
        Excluded { spans, max_len }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    #[test]
    fn shipped_examples_are_excluded() {
        let rules = Rules::default_rules();
        let ex = &rules.exclusions;
        let text = "位列第35位、较上年度提升5位,“416”科技创新布局,渝府发〔2022〕3号";
        let regions = ex.find(text);
        let found = regions.get(Applies::Quantity);
        let at = text.find("5位").unwrap();
        assert!(found.overlapping(Span::new(at, at + 1), ex).is_some());
        let at = text.find("416").unwrap();
        assert_eq!(
            found.overlapping(Span::new(at, at + 3), ex),
            Some("quoted_slogan")
        );
        let years = regions.get(Applies::Year);
        let at = text.find("2022").unwrap();
        assert_eq!(
            years.overlapping(Span::new(at, at + 4), ex),
            Some("document_number")
        );
    }

    #[test]
    fn a_bad_pattern_names_its_line() {
        let t = Table::parse(
            "exclusions",
            "name\tapplies\tpattern\texamples\nx\tboth\t(\t\n",
        )
        .unwrap();
        let e = Exclusions::compile(&t).unwrap_err();
        assert_eq!(e.line, 2);
        let t = Table::parse(
            "exclusions",
            "name\tapplies\tpattern\texamples\nx\tboth\tabc\txyz\n",
        )
        .unwrap();
        assert!(Exclusions::compile(&t).unwrap_err().message.contains("xyz"));
    }
}
