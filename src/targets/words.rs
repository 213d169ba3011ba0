//! The `metrics` and `target_words` tables, compiled: indicator wordings to
//! metric ids, and the words that bound a figure, frame it as a goal or a
//! report, or trim a metric phrase.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use std::sync::OnceLock;

use crate::error::RuleError;
use crate::model::Comparator;
use crate::rules::Table;
use crate::text::fold_lower as fold;

fn is_latin(s: &str) -> bool {
    s.is_ascii() && s.bytes().any(|b| b.is_ascii_alphabetic())
}

fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '&' || c == '-'
}

/// True where `hay[s..e]` does not cut an English word.
fn whole_word(hay: &str, s: usize, e: usize) -> bool {
    !hay[..s].chars().next_back().is_some_and(word_char)
        && !hay[e..].chars().next().is_some_and(word_char)
}

/// A list of words of one role, matched at either end of a text or inside
/// it (English words on word boundaries, case-insensitively).
#[derive(Debug, Default)]
pub(crate) struct WordList {
    /// Longest first.
    words: Vec<String>,
    /// Every word, for searches inside a text: built on first use, once
    /// every word is in.
    matcher: OnceLock<AhoCorasick>,
}

impl WordList {
    fn push(&mut self, w: &str) {
        let w = fold(w);
        if !w.is_empty() && !self.words.contains(&w) {
            self.words.push(w);
            self.words.sort_by_key(|w| std::cmp::Reverse(w.len()));
            self.matcher = OnceLock::new();
        }
    }

    /// The words of `role` in a table with `words` and `role` columns
    /// (the institution tables' field words, which stay inside noun
    /// phrases too).
    pub(crate) fn of_role(t: &Table, role: &str) -> WordList {
        let mut list = WordList::default();
        for row in t.rows().iter().filter(|row| t.get(row, "role") == role) {
            for word in t.list(row, "words") {
                list.push(word);
            }
        }
        list
    }

    fn matcher(&self) -> &AhoCorasick {
        self.matcher.get_or_init(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(&self.words)
                // only pattern sets past u32 ids or states fail to build
                .expect("a rule-table word list builds")
        })
    }

    /// The byte length of the longest word that ends `hay`.
    pub(crate) fn suffix_of(&self, hay: &str) -> Option<usize> {
        self.words.iter().find_map(|w| {
            let n = w.len();
            (hay.len() >= n
                && hay.is_char_boundary(hay.len() - n)
                && hay[hay.len() - n..].eq_ignore_ascii_case(w)
                && (!is_latin(w) || whole_word(hay, hay.len() - n, hay.len())))
            .then_some(n)
        })
    }

    /// The byte length of the longest word that opens `hay`.
    pub(crate) fn prefix_of(&self, hay: &str) -> Option<usize> {
        self.words.iter().find_map(|w| {
            let n = w.len();
            (hay.len() >= n
                && hay.is_char_boundary(n)
                && hay[..n].eq_ignore_ascii_case(w)
                && (!is_latin(w) || whole_word(hay, 0, n)))
            .then_some(n)
        })
    }

    /// Every occurrence of a word in `hay` (overlapping ones too, English
    /// on word boundaries), as (offset, length).
    fn occurrences<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (usize, usize)> + 'h {
        self.matcher()
            .find_overlapping_iter(hay)
            .filter(move |m| {
                !is_latin(&self.words[m.pattern().as_usize()])
                    || whole_word(hay, m.start(), m.end())
            })
            .map(|m| (m.start(), m.end() - m.start()))
    }

    /// Every occurrence of a word in `hay`, as (offset, length), in text
    /// order.
    pub(crate) fn words_in(&self, hay: &str) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self.occurrences(hay).collect();
        out.sort();
        out
    }

    /// True where `hay` is one of the words (case-insensitively).
    pub(crate) fn is_whole(&self, hay: &str) -> bool {
        self.words.iter().any(|w| w.eq_ignore_ascii_case(hay))
    }

    /// True where any word occurs in `hay`.
    pub(crate) fn occurs_in(&self, hay: &str) -> bool {
        self.occurrences(hay).next().is_some()
    }
}

/// The compiled `target_words` table.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// Comparator words before the number, per comparator.
    pub before: Vec<(Comparator, WordList)>,
    /// Comparator words after the quantity, per comparator.
    pub after: Vec<(Comparator, WordList)>,
    /// Comparator words anywhere between the metric and the number, per
    /// comparator (`约为`, `最多资助`).
    pub anywhere: Vec<(Comparator, WordList)>,
    pub target: WordList,
    pub actual: WordList,
    pub trim: WordList,
    pub growth: WordList,
    pub increase: WordList,
    pub respectively: WordList,
    pub scope: WordList,
    pub target_year: WordList,
    pub actual_year: WordList,
    /// Words after a deadline's date that make it a report's (`为止`).
    pub as_of_end: WordList,
    /// Words that compare rather than bound where the figure is the value
    /// of the words after it (`低于2.54%的全国平均水平`).
    pub comparison: WordList,
    pub compare_year: WordList,
    pub not_metric: WordList,
    pub plan_first: WordList,
    pub plan_last: WordList,
    pub list_separator: WordList,
    pub baseline_from: WordList,
    pub baseline_to: WordList,
    pub year_after: WordList,
    pub verb: WordList,
    pub count_noun: WordList,
    pub share: WordList,
    pub summary_counter: WordList,
    pub heading_target: WordList,
    pub heading_actual: WordList,
    pub pronoun: WordList,
    pub share_head: WordList,
    pub multiple: WordList,
    pub own_time: WordList,
    pub compare_after: WordList,
    pub compare_lead: WordList,
    pub document_name: WordList,
    pub comparative_after: WordList,
    pub annual_event: WordList,
    pub done: WordList,
    pub frame_noun: WordList,
    pub agent: WordList,
    pub title: WordList,
    pub giving: WordList,
    pub measure_noun: WordList,
    pub share_whole: WordList,
    pub annual_report: WordList,
    pub ratio: WordList,
    pub target_column: WordList,
    pub change_row: WordList,
    pub sub_row: WordList,
    pub trim_word: WordList,
    pub allocation: WordList,
    pub purpose: WordList,
    pub relative: WordList,
    pub caption: WordList,
    pub target_word: WordList,
    pub no_head: WordList,
    pub trend: WordList,
    pub goal_noun: WordList,
    pub standing: WordList,
    pub copula: WordList,
    pub place: WordList,
    pub rank: WordList,
    pub topic_open: WordList,
    pub topic_close: WordList,
    pub aside: WordList,
    pub body_count: WordList,
    pub subordinate: WordList,
    pub breakdown: WordList,
}

impl Words {
    pub(crate) fn compile(t: &Table) -> Result<Words, RuleError> {
        let mut w = Words::default();
        for row in t.rows() {
            let role = t.required(row, "role")?;
            let list = match role {
                "target" => &mut w.target,
                "actual" => &mut w.actual,
                "trim" => &mut w.trim,
                "growth" => &mut w.growth,
                "increase" => &mut w.increase,
                "respectively" => &mut w.respectively,
                "scope" => &mut w.scope,
                "target_year" => &mut w.target_year,
                "actual_year" => &mut w.actual_year,
                "as_of_end" => &mut w.as_of_end,
                "comparison" => &mut w.comparison,
                "compare_year" => &mut w.compare_year,
                "not_metric" => &mut w.not_metric,
                "plan_first" => &mut w.plan_first,
                "plan_last" => &mut w.plan_last,
                "list_separator" => &mut w.list_separator,
                "baseline_from" => &mut w.baseline_from,
                "baseline_to" => &mut w.baseline_to,
                "year_after" => &mut w.year_after,
                "verb" => &mut w.verb,
                "count_noun" => &mut w.count_noun,
                "share" => &mut w.share,
                "summary_counter" => &mut w.summary_counter,
                "heading_target" => &mut w.heading_target,
                "heading_actual" => &mut w.heading_actual,
                "pronoun" => &mut w.pronoun,
                "share_head" => &mut w.share_head,
                "multiple" => &mut w.multiple,
                "own_time" => &mut w.own_time,
                "compare_after" => &mut w.compare_after,
                "compare_lead" => &mut w.compare_lead,
                "document_name" => &mut w.document_name,
                "comparative_after" => &mut w.comparative_after,
                "annual_event" => &mut w.annual_event,
                "done" => &mut w.done,
                "frame_noun" => &mut w.frame_noun,
                "agent" => &mut w.agent,
                "title" => &mut w.title,
                "giving" => &mut w.giving,
                "measure_noun" => &mut w.measure_noun,
                "share_whole" => &mut w.share_whole,
                "annual_report" => &mut w.annual_report,
                "ratio" => &mut w.ratio,
                "target_column" => &mut w.target_column,
                "change_row" => &mut w.change_row,
                "sub_row" => &mut w.sub_row,
                "trim_word" => &mut w.trim_word,
                "allocation" => &mut w.allocation,
                "purpose" => &mut w.purpose,
                "relative" => &mut w.relative,
                "caption" => &mut w.caption,
                "target_word" => &mut w.target_word,
                "no_head" => &mut w.no_head,
                "trend" => &mut w.trend,
                "goal_noun" => &mut w.goal_noun,
                "standing" => &mut w.standing,
                "copula" => &mut w.copula,
                "place" => &mut w.place,
                "rank" => &mut w.rank,
                "topic_open" => &mut w.topic_open,
                "topic_close" => &mut w.topic_close,
                "aside" => &mut w.aside,
                "body_count" => &mut w.body_count,
                "subordinate" => &mut w.subordinate,
                "breakdown" => &mut w.breakdown,
                other => {
                    let (cmp, side) = other
                        .rsplit_once('_')
                        .and_then(|(c, s)| Some((Comparator::from_name(c)?, s)))
                        .ok_or_else(|| t.error(row, format!("unknown role `{other}`")))?;
                    let lists = match side {
                        "before" => &mut w.before,
                        "after" => &mut w.after,
                        "anywhere" => &mut w.anywhere,
                        _ => return Err(t.error(row, format!("unknown role `{other}`"))),
                    };
                    let i = match lists.iter().position(|(c, _)| *c == cmp) {
                        Some(i) => i,
                        None => {
                            lists.push((cmp, WordList::default()));
                            lists.len() - 1
                        }
                    };
                    &mut lists[i].1
                }
            };
            for word in t.list(row, "words") {
                list.push(word);
            }
        }
        Ok(w)
    }

    /// The comparator a word right after the quantity gives, and its length.
    pub(crate) fn bound_after(&self, hay: &str) -> Option<(Comparator, usize)> {
        let t = hay.trim_start_matches(' ');
        let skip = hay.len() - t.len();
        best(&self.after, |l| l.prefix_of(t)).map(|(c, n)| (c, n + skip))
    }

    /// The comparator a word anywhere in `hay` gives (the longest word).
    pub(crate) fn bound_anywhere(&self, hay: &str) -> Option<Comparator> {
        self.anywhere
            .iter()
            .filter_map(|(c, l)| l.occurrences(hay).map(|(_, n)| n).max().map(|n| (*c, n)))
            .max_by_key(|(_, n)| *n)
            .map(|(c, _)| c)
    }

    /// The comparator a word right before the number gives, and its length.
    pub(crate) fn bound_before(&self, hay: &str) -> Option<(Comparator, usize)> {
        let t = hay.trim_end_matches(' ');
        let skip = hay.len() - t.len();
        best(&self.before, |l| l.suffix_of(t)).map(|(c, n)| (c, n + skip))
    }
}

/// The comparator whose word is longest.
fn best(
    lists: &[(Comparator, WordList)],
    find: impl Fn(&WordList) -> Option<usize>,
) -> Option<(Comparator, usize)> {
    lists
        .iter()
        .filter_map(|(c, l)| find(l).map(|n| (*c, n)))
        .max_by_key(|(_, n)| *n)
}

/// A metric wording with a gap: its parts, in order.
#[derive(Debug)]
struct Gapped {
    parts: Vec<String>,
    id: usize,
}

/// The compiled `metrics` table.
#[derive(Debug)]
pub(crate) struct Metrics {
    ids: Vec<String>,
    matcher: AhoCorasick,
    pattern_id: Vec<usize>,
    pattern_latin: Vec<bool>,
    gapped: Vec<Gapped>,
    /// Chinese wordings, for the segmenter's dictionary.
    pub words: Vec<String>,
}

/// A wording found in a text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub id: usize,
}

impl Metrics {
    pub(crate) fn compile(t: &Table) -> Result<Metrics, RuleError> {
        let mut ids = Vec::new();
        let mut patterns = Vec::new();
        let mut pattern_id = Vec::new();
        let mut pattern_latin = Vec::new();
        let mut gapped = Vec::new();
        let mut words = Vec::new();
        for row in t.rows() {
            let id = t.required(row, "metric_id")?;
            if !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(t.error(row, format!("metric_id `{id}` is not snake_case")));
            }
            let i = match ids.iter().position(|x| x == id) {
                Some(i) => i,
                None => {
                    ids.push(id.to_string());
                    ids.len() - 1
                }
            };
            for w in t.list(row, "wordings") {
                let f = fold(w);
                if f.contains('…') {
                    let parts: Vec<String> = f
                        .split('…')
                        .map(|p| p.trim().to_string())
                        .filter(|p| !p.is_empty())
                        .collect();
                    if parts.len() < 2 {
                        return Err(t.error(row, format!("`{w}`: a gap needs words on both sides")));
                    }
                    gapped.push(Gapped { parts, id: i });
                    continue;
                }
                if !is_latin(&f) {
                    words.push(f.clone());
                }
                pattern_latin.push(is_latin(&f));
                patterns.push(f);
                pattern_id.push(i);
            }
        }
        // every match, overlapping ones too: `全社会研发经费` must not hide
        // `研发经费投入强度` in `全社会研发经费投入强度`
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&patterns)
            .map_err(|e| {
                RuleError::new(t.name(), 0, format!("cannot build the metric matcher: {e}"))
            })?;
        Ok(Metrics {
            ids,
            matcher,
            pattern_id,
            pattern_latin,
            gapped,
            words,
        })
    }

    /// The metric id of entry `i`.
    pub(crate) fn id(&self, i: usize) -> &str {
        &self.ids[i]
    }

    /// Every wording in `hay`, overlapping ones too (English on word
    /// boundaries).
    fn all<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Found> + 'h {
        self.matcher
            .find_overlapping_iter(hay)
            .filter(move |m| {
                !self.pattern_latin[m.pattern().as_usize()] || whole_word(hay, m.start(), m.end())
            })
            .map(|m| Found {
                start: m.start(),
                end: m.end(),
                id: self.pattern_id[m.pattern().as_usize()],
            })
    }

    /// The wording that names `hay` (shadow text: folded, half-width): the
    /// one reaching furthest right, the head of a noun phrase (`研发投入强度`
    /// in `全社会研发投入强度`, not `全社会研发投入`); of those, the longest.
    pub(crate) fn find(&self, hay: &str) -> Option<Found> {
        self.all(hay).max_by_key(|f| (f.end, f.end - f.start))
    }

    /// The wording in `hay` that ends last (nearest a figure after it); of
    /// those, the longest.
    pub(crate) fn find_last(&self, hay: &str) -> Option<Found> {
        self.all(hay).max_by_key(|f| (f.end, f.end - f.start))
    }

    /// A gapped wording whose parts all occur in order, the first in
    /// `before` (the sentence up to the number, lower-cased), the others
    /// there or in `after` (the words after the number); a wording split
    /// around the number (`r&d funds account for … of the regional gdp`)
    /// or around other words (`研发经费…占地区生产总值`).
    pub(crate) fn find_gapped(&self, before: &str, after: &str) -> Option<usize> {
        let sentence = format!("{before}\u{0}{after}");
        self.gapped
            .iter()
            .find(|g| {
                let mut at = 0;
                for (k, p) in g.parts.iter().enumerate() {
                    match sentence[at..].find(p.as_str()) {
                        Some(o) if k > 0 || at + o < before.len() => at += o + p.len(),
                        _ => return false,
                    }
                }
                true
            })
            .map(|g| g.id)
    }
}
