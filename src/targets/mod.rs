//! Targets and reported figures (`EXTRACTION.md` section 3): a metric tied
//! to a quantity, with comparator, year, status and baseline.
//!
//! The relation step runs after quantities and years are found. For each
//! quantity it reads, all through rule tables (`rules/metrics.tsv`,
//! `rules/target_words.tsv`):
//!
//! - the **metric phrase**: the words of its clause before it, cut at other
//!   figures and years and trimmed of frames, verbs and comparators (or the
//!   noun an English number counts, or the words after a Chinese count when
//!   nothing stands before it); `分别` / `respectively` pair a list of
//!   metrics with a list of figures;
//! - the **metric id** from the longest known wording in the phrase, with
//!   `_growth` / `_increase` for growth rates and changes, and none where a
//!   scope word narrows a known indicator;
//! - the **comparator** from the words touching the figure, a bound after
//!   it winning over a word before it;
//! - the **year** from the sentence (a deadline, a report date), else from
//!   what governs it: the year opening its paragraph, a short heading over
//!   a list, a plan period;
//! - the **status** from goal and report frames in the sentence or its
//!   heading, else from the year against the plan period of the document.
//!
//! Indicator tables (`专栏 1`) are read row by row in `table`.

mod table;
mod words;

pub(crate) use words::{Metrics, Words};

use crate::model::{Baseline, Comparator, Status, Target, Unit, YearKind};
use crate::quantity::Hit as QHit;
use crate::rules::Rules;
use crate::span::Span;
use crate::text::segment::containing;
use crate::text::Document;
use crate::year::Hit as YHit;

/// How many paragraphs back a heading or opening year may govern.
const GOVERNING_PARAGRAPHS: usize = 12;
/// How many paragraphs back the heading of a section may stand.
const SECTION_PARAGRAPHS: usize = 60;
/// The longest section heading, in characters.
const SECTION_HEADING_CHARS: usize = 40;
/// How many characters into a paragraph its opening year may stand.
const OPENING_CHARS: usize = 6;
/// The longest heading, in characters, that governs the paragraphs below.
const HEADING_CHARS: usize = 24;
/// How far, in bytes, either side of a figure its sentence is read (about
/// 340 Chinese characters): far longer than the sentences of real
/// documents, and it keeps the work per figure bounded on a run-on line.
const CONTEXT_BYTES: usize = 1024;
/// How many pieces (words between figures, years and list marks) back from
/// a figure its metric phrase may stand.
const PIECES_BACK: usize = 16;
/// The longest list of figures `分别` / `respectively` pairs.
const MAX_LIST: usize = 32;
/// How many clauses back a figure that opens its clause looks for its
/// subject.
const CLAUSES_BACK: usize = 3;
/// How far after a figure, in characters, the last part of a wording split
/// around it may stand (`2.5 percent of its GDP`).
const GAPPED_REACH: usize = 32;
/// The most characters between `分别` and its figures (`分别比上年增长`) or
/// between the figures and `respectively`.
const RESPECTIVELY_GAP: usize = 24;

/// The compiled target tables.
#[derive(Debug)]
pub(crate) struct TargetRules {
    pub(crate) metrics: Metrics,
    pub(crate) words: Words,
}

impl TargetRules {
    pub(crate) fn compile(t: &crate::rules::Tables) -> Result<TargetRules, crate::RuleError> {
        Ok(TargetRules {
            metrics: Metrics::compile(t.get("metrics"))?,
            words: Words::compile(t.get("target_words"))?,
        })
    }

    /// Words the segmenter must keep whole.
    pub(crate) fn words(&self) -> Vec<&str> {
        self.metrics.words.iter().map(String::as_str).collect()
    }
}

/// What the whole document says about time: the plan period it is about.
struct DocFrame {
    /// The first year of the plan the document sets out (`十四五` → 2021).
    plan_start: Option<i32>,
    /// The one year its title names (`2026年安徽省政府工作报告`).
    title_year: Option<i32>,
}

/// Everything one document's relation step reads.
struct Ctx<'a> {
    doc: &'a Document<'a>,
    text: &'a str,
    rules: &'a TargetRules,
    quantities: &'a [QHit],
    years: &'a [YHit],
    frame: DocFrame,
    reference_year: Option<i32>,
}

/// Finds the targets of a document from its quantities and years.
pub(crate) fn find(
    doc: &Document,
    rules: &Rules,
    quantities: &[QHit],
    years: &[YHit],
    reference_year: Option<i32>,
) -> Vec<Target> {
    let text = doc.norm.text();
    let ctx = Ctx {
        doc,
        text,
        rules: &rules.targets,
        quantities,
        years,
        frame: doc_frame(doc, text, years),
        reference_year,
    };
    let mut out = Vec::new();
    for (i, q) in quantities.iter().enumerate() {
        if q.unit == Unit::Number {
            continue;
        }
        let target = if q.rule.starts_with("table_cell") {
            table::target(&ctx, q)
        } else {
            ctx.prose_target(i, q)
        };
        out.extend(target);
    }
    out
}

/// The plan a document sets out: the first plan period or range it names
/// in its opening (title and first lines).
fn doc_frame(doc: &Document, text: &str, years: &[YHit]) -> DocFrame {
    let head = text.char_indices().nth(300).map_or(text.len(), |(i, _)| i);
    let plan_start = years
        .iter()
        .take_while(|y| y.span.start < head)
        .find(|y| matches!(y.kind, YearKind::PlanPeriod | YearKind::Range))
        .map(|y| y.start_year);
    // the title: the first paragraph, where it is short
    let title = doc
        .segments
        .paragraphs
        .first()
        .filter(|p| at_most_chars(&text[**p], SECTION_HEADING_CHARS));
    let title_years: Vec<&YHit> = title
        .map(|p| {
            years
                .iter()
                .take_while(|y| y.span.start < p.end)
                .filter(|y| !y.relative)
                .collect()
        })
        .unwrap_or_default();
    let title_year = match title_years.as_slice() {
        [y] if y.kind == YearKind::Year => Some(y.start_year),
        _ => None,
    };
    DocFrame {
        plan_start,
        title_year,
    }
}

/// A metric phrase found for a figure.
#[derive(Debug, Clone, Copy)]
struct Phrase {
    span: Span,
}

impl Ctx<'_> {
    /// The sentence around `at`, within [`CONTEXT_BYTES`] of it.
    fn sentence(&self, at: usize) -> Span {
        let s = &self.doc.segments.sentences;
        containing(s, at).map_or(Span::new(at, at), |i| self.window(s[i], at))
    }

    /// The clause around `at`, within [`CONTEXT_BYTES`] of it.
    fn clause(&self, at: usize) -> Span {
        let c = &self.doc.segments.clauses;
        containing(c, at).map_or_else(|| self.sentence(at), |i| self.window(c[i], at))
    }

    /// `span` cut to [`CONTEXT_BYTES`] either side of `at`, on character
    /// boundaries.
    fn window(&self, span: Span, at: usize) -> Span {
        let mut start = span.start.max(at.saturating_sub(CONTEXT_BYTES));
        while !self.text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = span.end.min(at.saturating_add(CONTEXT_BYTES));
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }

    fn paragraph_index(&self, at: usize) -> Option<usize> {
        containing(&self.doc.segments.paragraphs, at)
    }

    /// The figures inside `span`, with their indices (quantities are sorted
    /// by start, so this is a binary search, not a scan of the document).
    fn quantities_in(&self, span: Span) -> impl Iterator<Item = (usize, &QHit)> + '_ {
        let from = self
            .quantities
            .partition_point(|q| q.span.start < span.start);
        self.quantities[from..]
            .iter()
            .enumerate()
            .take_while(move |(_, q)| q.span.start < span.end)
            .filter(move |(_, q)| q.span.end <= span.end)
            .map(move |(k, q)| (from + k, q))
    }

    /// The years inside `span` (sorted by start, like the figures).
    fn years_in(&self, span: Span) -> impl Iterator<Item = &YHit> + '_ {
        let from = self.years.partition_point(|y| y.span.start < span.start);
        self.years[from..]
            .iter()
            .take_while(move |y| y.span.start < span.end)
            .filter(move |y| y.span.end <= span.end)
    }

    fn prose_target(&self, i: usize, q: &QHit) -> Option<Target> {
        let sentence = self.sentence(q.span.start);
        let clause = self.clause(q.span.start);
        let phrase = self
            .respective_metric(i, sentence)
            .or_else(|| self.metric_phrase(q, clause, sentence))?;
        let comparator = self.comparator(q, phrase);
        let metric_id = self.metric_id(q, phrase, sentence);
        let named = self.rules.metrics.find(&self.text[phrase.span]).is_some();
        if !self.is_indicator(q, phrase, named) {
            return None;
        }
        let (year, mut status) = self.year_and_status(q, sentence);
        let baseline = self.baseline(i, q, clause);
        // the `from` figure of `从X提高到Y`: where things stand, reported
        let is_from = self.quantities.get(i + 1).is_some_and(|next| {
            self.clause(next.span.start) == clause && self.baseline(i + 1, next, clause).is_some()
        });
        if is_from {
            status = Status::Actual;
        }
        Some(self.record(q, phrase, metric_id, comparator, year, status, baseline))
    }

    /// Whether a figure with this metric phrase is an indicator's value:
    /// not a count of aspects or tasks, a place's size, a number written
    /// in words or a technical parameter, unless a known metric says so.
    fn is_indicator(&self, q: &QHit, phrase: Phrase, known: bool) -> bool {
        let w = &self.rules.words;
        let p = &self.text[phrase.span];
        if w.not_metric.suffix_of(p).is_some()
            || w.not_metric.prefix_of(p).is_some()
            || w.not_metric.prefix_of(&q.classifier) == Some(q.classifier.len())
            || w.summary_counter
                .is_whole(self.text[between(q.number.end, q.span.end)].trim())
        {
            return false;
        }
        if known {
            return true;
        }
        let in_words = !self.text[q.number].bytes().any(|b| b.is_ascii_digit());
        !in_words && q.unit != Unit::Other
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        q: &QHit,
        phrase: Phrase,
        metric_id: Option<String>,
        comparator: Comparator,
        year: Option<i32>,
        status: Status,
        baseline: Option<Baseline>,
    ) -> Target {
        let metric_span = self.doc.span_text(phrase.span);
        let whole = if phrase.span.end <= q.span.start
            && self.text[phrase.span.end..q.span.start].chars().count() <= 24
        {
            Span::new(phrase.span.start, q.span.end)
        } else {
            q.span
        };
        Target {
            span: self.doc.span_text(whole),
            metric: metric_span.text.clone(),
            metric_span,
            metric_id,
            quantity: q.to_record(self.doc),
            comparator,
            year,
            status,
            baseline,
        }
    }

    /// Other figures and years inside `span`, in order: the points where a
    /// metric phrase is cut.
    fn cuts(&self, span: Span) -> Vec<Span> {
        let mut cuts: Vec<Span> = self
            .quantities_in(span)
            .map(|(_, q)| q.span)
            .chain(self.years_in(span).map(|y| y.span))
            .collect();
        cuts.sort_by_key(|s| s.start);
        cuts
    }

    /// The pieces of `span` between figures, years and list marks.
    fn pieces(&self, span: Span) -> Vec<Span> {
        let mut out = Vec::new();
        let mut at = span.start;
        let mut cuts = self.cuts(span);
        cuts.extend(
            self.text[span]
                .match_indices(['、', ';'])
                .map(|(o, m)| Span::new(span.start + o, span.start + o + m.len())),
        );
        cuts.sort_by_key(|s| s.start);
        for c in cuts {
            if c.start >= at {
                out.push(Span::new(at, c.start));
            }
            at = at.max(c.end);
        }
        out.push(Span::new(at, span.end));
        out
    }

    /// The trimmed, non-empty pieces of `span`, trimmed as they are read
    /// (a caller looking for one piece does not trim them all).
    fn trimmed<'s>(&'s self, pieces: Vec<Span>) -> impl DoubleEndedIterator<Item = Span> + 's {
        pieces
            .into_iter()
            .map(|p| self.trim(p))
            .filter(|p| !p.is_empty())
    }

    /// Trims frames, comparators, punctuation and spaces off both ends.
    fn trim(&self, mut s: Span) -> Span {
        let w = &self.rules.words;
        loop {
            let t = &self.text[s];
            if t.is_empty() {
                return s;
            }
            let lead = t.len() - t.trim_start_matches(is_filler).len();
            let lead = if lead > 0 {
                lead
            } else {
                w.trim
                    .prefix_of(t)
                    .or_else(|| w.target.prefix_of(t))
                    .or_else(|| w.actual.prefix_of(t))
                    .or_else(|| w.target_year.prefix_of(t))
                    .or_else(|| w.actual_year.prefix_of(t))
                    .unwrap_or(0)
            };
            let t2 = &t[lead..];
            let tail = t2.len() - t2.trim_end_matches(is_filler).len();
            let tail = if tail > 0 {
                tail
            } else {
                w.bound_before(t2)
                    .map(|(_, n)| n)
                    .or_else(|| w.trim.suffix_of(t2))
                    .or_else(|| w.target.suffix_of(t2))
                    .or_else(|| w.actual.suffix_of(t2))
                    .or_else(|| w.target_year.suffix_of(t2))
                    .or_else(|| w.actual_year.suffix_of(t2))
                    .or_else(|| w.growth.suffix_of(t2))
                    .or_else(|| w.increase.suffix_of(t2))
                    .unwrap_or(0)
            };
            if lead == 0 && tail == 0 {
                return s;
            }
            s = Span::new(s.start + lead, (s.end - tail).max(s.start + lead));
        }
    }

    /// The metric phrase of a figure from its clause.
    fn metric_phrase(&self, q: &QHit, clause: Span, sentence: Span) -> Option<Phrase> {
        // an English number counting a noun: the noun phrase is the metric
        // (unless the noun only counts: `300,000 people`)
        let w = &self.rules.words;
        if q.rule == "english_noun" && !w.count_noun.is_whole(&q.classifier) {
            let after = &self.text[between(q.number.end, sentence.end)];
            let lower = after.to_ascii_lowercase();
            if let Some(p) = lower.find(q.classifier.as_str()) {
                let span = self.trim(between(q.number.end, q.number.end + p + q.classifier.len()));
                if !span.is_empty() {
                    return Some(Phrase { span });
                }
            }
        }
        let before = between(clause.start, q.span.start);
        let prefix = self
            .trimmed(self.pieces(before))
            .rev()
            .take(PIECES_BACK)
            .map(|p| self.english_core(p))
            .find(|p| self.has_words(*p));
        // a count before the thing counted (`挂牌运行3个重庆实验室`,
        // `10个国家建立合作关系`): where nothing but a verb stands before it
        let after = between(q.span.end, clause.end);
        // (the thing counted follows the count at once, past any bound: not
        // across a list mark, `设施达到8个、全国重点实验室45家`); also where a
        // list of names ends right before it (`荆州、孝感、黄冈3个区域中心城市`)
        let bound = w.bound_after(&self.text[after]).map_or(0, |(_, n)| n);
        let after = between(after.start + bound, after.end);
        let direct = !self.text[after]
            .trim_start_matches(' ')
            .starts_with(is_filler);
        // a known wording right after the figure where the words before name
        // none (a headline: `exceed 2.73% r&d investment intensity in 2025`;
        // `首批6个环大学创新生态圈功能`): that wording, not the whole piece
        let m = &self.rules.metrics;
        if prefix.is_none_or(|p| m.find(&self.text[p]).is_none()) {
            let rest = &self.text[after];
            let lead = rest.len() - rest.trim_start_matches(is_filler).len();
            if let Some(f) = m.find(rest).filter(|f| f.start == lead) {
                return Some(Phrase {
                    span: Span::new(after.start + f.start, after.start + f.end),
                });
            }
        }
        let counted = self
            .trimmed(self.pieces(after))
            .next()
            .filter(|p| direct && self.has_words(*p) && p.start == self.trim(after).start);
        if let Some(c) = counted {
            let verb_only = prefix
                .is_none_or(|p| ends_in_verb(self.text[between(p.start, q.span.start)].trim_end()));
            let listed = prefix.is_some_and(|p| {
                self.text[..p.start].trim_end().ends_with('、')
                    && self.text[p.end..q.span.start].trim().is_empty()
            });
            if (verb_only || listed) && q.unit == Unit::Count && !self.text[q.span].is_ascii() {
                return Some(Phrase { span: c });
            }
        }
        if let Some(p) = prefix {
            return Some(Phrase { span: p });
        }
        // a figure opening its clause (`，同比增长51.7%`): the subject of a
        // clause before it in the sentence (`成交额达到500亿元，同比增长20%，
        // 力争突破600亿元`)
        let ci = containing(&self.doc.segments.clauses, clause.start)?;
        let clauses = &self.doc.segments.clauses;
        (ci.saturating_sub(CLAUSES_BACK)..ci)
            .rev()
            .map(|k| clauses[k])
            .take_while(|prev| prev.start >= sentence.start)
            .find_map(|prev| {
                self.trimmed(self.pieces(prev))
                    .take(PIECES_BACK)
                    .find(|p| self.has_words(*p))
            })
            .map(|span| Phrase { span })
    }

    /// The noun phrase of an English metric phrase that holds a clause:
    /// the words after its last verb (`chongqing will strive to achieve a
    /// r&d investment intensity of` → `r&d investment intensity`), else
    /// those before its first (`R&D funds account for` → `R&D funds`);
    /// empty where it is verbs alone (`accounting for`).
    fn english_core(&self, span: Span) -> Span {
        let t = &self.text[span];
        if !t.bytes().any(|b| b.is_ascii_alphabetic()) || t.chars().any(crate::text::is_han) {
            return span;
        }
        let verbs = self.rules.words.verb.words_in(t);
        let Some(&(last, n)) = verbs.last() else {
            return span;
        };
        let after = self.trim(between(span.start + last + n, span.end));
        if self.has_words(after) {
            return after;
        }
        let first = verbs[0].0;
        self.trim(between(span.start, span.start + first))
    }

    /// True where a piece holds at least two letters or Han characters.
    fn has_words(&self, s: Span) -> bool {
        self.text[s]
            .chars()
            .filter(|c| c.is_alphabetic())
            .take(2)
            .count()
            == 2
    }

    /// `A、B分别达X、Y` / `A and B reached X and Y respectively`: the
    /// metric paired with figure `i`.
    fn respective_metric(&self, i: usize, sentence: Span) -> Option<Phrase> {
        let w = &self.rules.words;
        // the figures listed together with figure `i`: only list separators
        // between them
        let listed = |a: &QHit, b: &QHit| {
            let gap = self.text[between(a.span.end, b.span.start)].trim();
            // an English count's noun may stand between (`300,000 people and`)
            let noun = a.classifier.len();
            let gap = match gap.get(..noun) {
                Some(n)
                    if noun > 0
                        && a.rule == "english_noun"
                        && n.eq_ignore_ascii_case(&a.classifier) =>
                {
                    gap[noun..].trim()
                }
                _ => gap,
            };
            gap.is_empty() || w.list_separator.is_whole(gap)
        };
        let mut first = i;
        while first > 0
            && i - first < MAX_LIST
            && listed(&self.quantities[first - 1], &self.quantities[first])
        {
            first -= 1;
        }
        let mut last = i;
        while last + 1 < self.quantities.len()
            && last - i < MAX_LIST
            && listed(&self.quantities[last], &self.quantities[last + 1])
        {
            last += 1;
        }
        if first == last {
            return None;
        }
        let (head, tail) = (self.quantities[first].span, self.quantities[last].span);
        let before = between(sentence.start, head.start);
        let after = between(tail.end, sentence.end);
        let metrics_span = if let Some(&(o, n)) = w.respectively.words_in(&self.text[before]).last()
        {
            // 分别 before the figures (a verb may stand between): the
            // metrics stand before it, in its clause
            let marker = before.start + o;
            if self.text[marker + n..head.start].chars().count() > RESPECTIVELY_GAP {
                return None;
            }
            let clause = self.clause(marker);
            between(clause.start.max(sentence.start), marker)
        } else if let Some(&(o, _)) = w.respectively.words_in(&self.text[after]).first() {
            // `respectively` after the figures: the metrics before them
            if self.text[after.start..after.start + o].chars().count() > RESPECTIVELY_GAP {
                return None;
            }
            let clause = self.clause(head.start);
            between(clause.start.max(sentence.start), head.start)
        } else {
            return None;
        };
        let list = self.split_list(self.trim(metrics_span));
        (list.len() == last - first + 1).then(|| Phrase {
            span: list[i - first],
        })
    }

    /// Splits a list of metrics on the list separators of the table (`、`,
    /// `和`, `and`, …).
    fn split_list(&self, span: Span) -> Vec<Span> {
        let mut out = Vec::new();
        let mut at = span.start;
        for (o, n) in self.rules.words.list_separator.words_in(&self.text[span]) {
            let (s, e) = (span.start + o, span.start + o + n);
            if s < at {
                continue; // inside a longer separator (`以及` holds `及`)
            }
            out.push(Span::new(at, s));
            at = e;
        }
        out.push(Span::new(at, span.end));
        out.into_iter()
            .map(|s| self.trim(s))
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// The comparator from the words touching the figure.
    fn comparator(&self, q: &QHit, phrase: Phrase) -> Comparator {
        let w = &self.rules.words;
        let para_end = self
            .paragraph_index(q.span.start)
            .map_or(self.text.len(), |p| self.doc.segments.paragraphs[p].end);
        let after = &self.text[q.span.end..para_end];
        if let Some((c, _)) = w.bound_after(after) {
            return c;
        }
        if q.more {
            return Comparator::Gt;
        }
        let from = if phrase.span.end <= q.span.start {
            phrase.span.end
        } else {
            self.clause(q.span.start).start
        };
        let before = &self.text[from..q.span.start];
        w.bound_before(before)
            .map(|(c, _)| c)
            .unwrap_or(Comparator::Eq)
    }

    /// The metric id: the longest known wording in the phrase, narrowed by
    /// scope words, with `_growth` / `_increase`.
    fn metric_id(&self, q: &QHit, phrase: Phrase, sentence: Span) -> Option<String> {
        let m = &self.rules.metrics;
        let w = &self.rules.words;
        let p = &self.text[phrase.span];
        // the phrase; else the wording nearest the figure in its clause (an
        // English frame such as `the proportion of` trimmed off the phrase,
        // or the words after an English count: `patents owned by 10,000
        // people`); else a wording in parts around the figure
        let clause = self.clause(q.span.start);
        let end = if phrase.span.start >= q.span.end {
            clause.end.max(q.span.end)
        } else {
            q.span.start
        };
        // the clause before the figure, from the figure before it
        let after_prev = self
            .quantities_in(between(clause.start, q.span.start))
            .map(|(_, o)| o.span.end)
            .filter(|&e| e > clause.start)
            .max()
            .unwrap_or(clause.start);
        let wide = between(after_prev.min(phrase.span.start), end);
        // a share written in parts (`R&D spending to 2.5 percent of GDP`,
        // `研发经费投入占全市地区生产总值比重达2.5%`) is more specific than
        // the wording of what is shared
        let next = self
            .quantities_in(between(q.span.end, clause.end))
            .next()
            .map_or(clause.end, |(_, o)| o.span.start);
        let near_after = &self.text[between(q.span.end, next)];
        // (up to the next item of a list: `10%以上、占…`)
        let item_end = w
            .list_separator
            .words_in(near_after)
            .first()
            .map_or(near_after.len(), |&(o, _)| o);
        let near_after: String = near_after[..item_end]
            .to_lowercase()
            .chars()
            .take(GAPPED_REACH)
            .collect();
        // a share with no subject of its own (`、占地区生产总值的比重达到2.6%`,
        // `，佔本地生產總值的1.09%`) shares the sentence's
        let from = if w.share.prefix_of(p).is_some() {
            sentence.start
        } else {
            wide.start
        };
        let window = self.text[between(from, q.span.start)].to_lowercase();
        let gapped = m.find_gapped(&window, &near_after);
        if let (Some(id), Unit::Percent | Unit::PercentagePoint) = (gapped, q.unit) {
            return Some(self.with_change(m.id(id), q, q.span.start, clause));
        }
        let in_phrase = m.find(p).map(|f| (f, phrase.span.start));
        // a longer wording around the phrase's (`proportion of social r&d
        // expenditure to regional gdp` around `r&d expenditure`) wins
        let around = m.find_last(&self.text[wide]).filter(|f| {
            in_phrase.is_some_and(|(g, base)| {
                wide.start + f.start <= base + g.start
                    && wide.start + f.end >= base + g.end
                    && f.end - f.start > g.end - g.start
            })
        });
        let found = match around.map(|f| (f, wide.start)).or(in_phrase) {
            Some(found) => Some(found),
            None => m.find_last(&self.text[wide]).map(|f| (f, wide.start)),
        };
        let (f, base) = found?;
        // a scope word before the wording names another indicator
        let lead = &self.text[between(base, base + f.start)];
        if w.scope.occurs_in(lead) {
            return None;
        }
        Some(self.with_change(m.id(f.id), q, base + f.end, clause))
    }

    /// `id`, or `<id>_increase` / `<id>_growth` where change or growth words
    /// stand between the wording (ending at `from`) and the figure, after
    /// any figure between them (`成交额同比增长20%，力争突破600亿元`: the
    /// 600 is no growth rate), unless in the figure's own clause (a list:
    /// `分别增长10.1%、14.11%`).
    fn with_change(&self, id: &str, q: &QHit, from: usize, clause: Span) -> String {
        let w = &self.rules.words;
        let gap = between(from, q.span.start);
        let from = self
            .quantities_in(between(gap.start, clause.start))
            .last()
            .map_or(gap.start, |(_, o)| o.span.end.max(gap.start));
        let gap = &self.text[between(from, q.span.start)];
        if q.unit == Unit::PercentagePoint && w.increase.occurs_in(gap) {
            return format!("{id}_increase");
        }
        if !id.ends_with("_growth") && w.growth.occurs_in(gap) {
            return format!("{id}_growth");
        }
        id.to_string()
    }

    /// The year of a figure and whether it is a goal or a report.
    fn year_and_status(&self, q: &QHit, sentence: Span) -> (Option<i32>, Status) {
        let w = &self.rules.words;
        // frames govern what follows them: the sentence up to the end of
        // the figure's clause
        let clause = self.clause(q.span.start);
        let s_text = &self.text[between(sentence.start, clause.end.max(q.span.end))];
        let frame_target = w.target.occurs_in(s_text);
        let frame_actual = w.actual.occurs_in(s_text);
        // years of the sentence: the nearest before the figure, else after
        let in_sentence: Vec<&YHit> = self
            .years_in(sentence)
            .filter(|y| !self.compared_year(y))
            .collect();
        // a year right after the figure (`2.6% in 2025`) is its own; else
        // the nearest before it, else after
        let near = self
            .year_right_after(q.span.end, sentence.end)
            .or_else(|| {
                in_sentence
                    .iter()
                    .rev()
                    .find(|y| y.span.end <= q.span.start)
                    .copied()
            })
            .or_else(|| {
                in_sentence
                    .iter()
                    .find(|y| y.span.start >= q.span.end)
                    .copied()
            });
        let (year_hit, governing_target) = match near {
            Some(y) => (Some(y), false),
            None => match self.governing_year(sentence) {
                Some((y, t)) => (Some(y), t),
                None => (None, false),
            },
        };
        let deadline = year_hit.and_then(|y| self.year_frame(y));
        let year_frame = year_hit.and_then(|y| deadline.or_else(|| self.plan_frame(y)));
        // a deadline or report date of the sentence's own year comes first,
        // then frames in the figure's own clause: `2023年成交额同比增长20%，
        // 力争2024年突破600亿元` reports one figure and sets the other
        let own_year_frame = deadline.filter(|_| near.is_some());
        let clause_text = &self.text[clause];
        let clause_frame = if let Some(s) = own_year_frame {
            Some(s)
        } else if w.target.occurs_in(clause_text) {
            Some(Status::Target)
        } else if w.actual.occurs_in(clause_text) {
            Some(Status::Actual)
        } else {
            None
        };
        let status = if let Some(s) = clause_frame {
            s
        } else if frame_target || governing_target || year_frame == Some(Status::Target) {
            Status::Target
        } else if frame_actual || year_frame == Some(Status::Actual) {
            Status::Actual
        } else if let Some(s) = self.section_frame(sentence) {
            s
        } else {
            self.status_from_year(year_hit)
        };
        if let Some(y) = year_hit.filter(|y| y.kind == YearKind::PlanPeriod) {
            // `“十五五”开局之年`: the plan's first (or last) year
            let after = &self.text[between(y.span.end, self.clause(y.span.start).end)];
            if w.plan_first.occurs_in(after) {
                return (Some(y.start_year), status);
            }
            if w.plan_last.occurs_in(after) {
                return (Some(y.end_year), status);
            }
        }
        // a goal with no year of its own in an annual document (`2026年…
        // 政府工作报告`) is for the year its title names
        if year_hit.is_none() && status == Status::Target {
            return (self.frame.title_year, status);
        }
        let year = year_hit.and_then(|y| match (y.kind, status) {
            (YearKind::PlanPeriod | YearKind::Range, Status::Target) => Some(y.end_year),
            (YearKind::PlanPeriod | YearKind::Range, Status::Actual) => None,
            _ => Some(y.end_year),
        });
        (year, status)
    }

    /// The year right after `end`, before `limit`, with nothing but spaces
    /// or a `year_after` word between (`2.6% in 2025`): that figure's own.
    fn year_right_after(&self, end: usize, limit: usize) -> Option<&YHit> {
        self.years_in(between(end, limit))
            .find(|y| !self.compared_year(y))
            .filter(|y| {
                let gap = self.text[end..y.span.start].trim();
                gap.is_empty() || self.rules.words.year_after.is_whole(gap)
            })
    }

    /// A year a figure is compared with (`比2015年提高了`), not its own.
    fn compared_year(&self, y: &YHit) -> bool {
        let before = self.text[..y.span.start].trim_end_matches(' ');
        self.rules.words.compare_year.suffix_of(before).is_some()
    }

    /// `到2025年` makes a deadline, `截至2024年底` a report date.
    fn year_frame(&self, y: &YHit) -> Option<Status> {
        let w = &self.rules.words;
        let para = self
            .paragraph_index(y.span.start)
            .map_or(0, |p| self.doc.segments.paragraphs[p].start);
        let before = self.text[para..y.span.start].trim_end_matches(' ');
        if w.actual_year.suffix_of(before).is_some() {
            Some(Status::Actual)
        } else if w.target_year.suffix_of(before).is_some() {
            Some(Status::Target)
        } else {
            None
        }
    }

    /// A plan period or range names a plan: goals, unless it ended before
    /// the plan the document sets out (a review of the last plan).
    fn plan_frame(&self, y: &YHit) -> Option<Status> {
        if !matches!(y.kind, YearKind::PlanPeriod | YearKind::Range) {
            return None;
        }
        match self.reference_year.or(self.frame.plan_start) {
            Some(now) if y.end_year < now => Some(Status::Actual),
            _ => Some(Status::Target),
        }
    }

    /// Without frames: a year before the reference year (the caller's or
    /// the document's dateline; else the plan the document sets out) is a
    /// report and one after it a goal; otherwise a plan document states
    /// goals and anything else reports.
    fn status_from_year(&self, y: Option<&YHit>) -> Status {
        let now = self.reference_year.or(self.frame.plan_start);
        match (y, now) {
            (Some(y), Some(now)) if y.end_year < now => Status::Actual,
            (Some(y), Some(now)) if y.end_year > now => Status::Target,
            (_, Some(_)) if self.frame.plan_start.is_some() => Status::Target,
            _ => Status::Actual,
        }
    }

    /// The frame of the section a sentence sits in: the nearest heading
    /// above it (a short paragraph) that holds a goal or review word of the
    /// `heading_target` / `heading_actual` rows (`重点做好十一个方面工作`,
    /// `“十四五”时期和2025年工作回顾`), unless it holds both.
    fn section_frame(&self, sentence: Span) -> Option<Status> {
        let w = &self.rules.words;
        let paras = &self.doc.segments.paragraphs;
        let pi = self.paragraph_index(sentence.start)?;
        (pi.saturating_sub(SECTION_PARAGRAPHS)..pi)
            .rev()
            .map(|k| &self.text[paras[k]])
            .filter(|p| at_most_chars(p, SECTION_HEADING_CHARS))
            .find_map(
                |p| match (w.heading_target.occurs_in(p), w.heading_actual.occurs_in(p)) {
                    (true, false) => Some(Some(Status::Target)),
                    (false, true) => Some(Some(Status::Actual)),
                    (true, true) => Some(None),
                    (false, false) => None,
                },
            )
            .flatten()
    }

    /// The year that governs a sentence without one: the year opening its
    /// paragraph, or a short heading (or opening year) over the list or
    /// paragraphs it sits in. Also whether that heading frames a goal.
    fn governing_year(&self, sentence: Span) -> Option<(&YHit, bool)> {
        let paras = &self.doc.segments.paragraphs;
        let pi = self.paragraph_index(sentence.start)?;
        let first = pi.saturating_sub(GOVERNING_PARAGRAPHS);
        for k in (first..=pi).rev() {
            let p = paras[k];
            // a year among the paragraph's first few characters (`2025年，`,
            // `各位代表！2025年目标任务…`); a dateline (a full date) governs
            // only its own paragraph
            let opening_end = self.text[p]
                .char_indices()
                .nth(OPENING_CHARS)
                .map_or(p.end, |(o, _)| p.start + o);
            let opening = self
                .years_in(p)
                .take_while(|y| y.span.start <= opening_end)
                .filter(|y| k == pi || y.kind != YearKind::Date)
                .find(|y| !self.compared_year(y));
            let heading = at_most_chars(&self.text[p], HEADING_CHARS);
            if let Some(y) = opening {
                let frame = heading && self.rules.words.target.occurs_in(&self.text[p]);
                return Some((y, frame));
            }
            if k < pi && is_chapter_heading(&self.text[p]) {
                break;
            }
        }
        None
    }

    /// `从X提高到Y` / `from X to Y`: the earlier figure of the clause with
    /// the same unit, where a `baseline_from` word stands before it and a
    /// `baseline_to` word between the two.
    fn baseline(&self, i: usize, q: &QHit, clause: Span) -> Option<Baseline> {
        let prev = self.quantities[..i].last()?;
        if prev.span.start < clause.start || prev.unit != q.unit {
            return None;
        }
        let w = &self.rules.words;
        let to_word = w
            .baseline_to
            .occurs_in(&self.text[prev.span.end..q.span.start]);
        let from_word = w
            .baseline_from
            .occurs_in(&self.text[clause.start..prev.span.start]);
        if !(to_word && from_word) {
            return None;
        }
        // its year: right after it (`from 2.11% in 2020`), else before it
        let year = self
            .year_right_after(prev.span.end, q.span.start)
            .or_else(|| self.years_in(between(clause.start, prev.span.start)).last())
            .map(|y| y.end_year);
        Some(Baseline {
            value: prev.value,
            year,
            span: Some(self.doc.span_text(prev.span)),
        })
    }
}

/// True where `s` holds at most `n` characters (a heading, a title),
/// without counting past `n`.
fn at_most_chars(s: &str, n: usize) -> bool {
    s.chars().nth(n).is_none()
}

/// The span from `a` to `b`, empty where `b` comes first.
fn between(a: usize, b: usize) -> Span {
    Span::new(a, b.max(a))
}

/// Spaces, punctuation and list bullets at the ends of a metric phrase.
fn is_filler(c: char) -> bool {
    c.is_whitespace()
        || (c.is_ascii_punctuation() && c != '&' && c != '%' && c != ')' && c != '(')
        || matches!(
            c,
            '●' | '•' | '·' | '、' | '，' | '：' | '；' | '。' | '—' | '“' | '”' | '―' | '…'
        )
}

/// A chapter or section heading (`第二章 …`, `第一节 …`): the reach of a
/// governing year ends there.
fn is_chapter_heading(p: &str) -> bool {
    let t = p.trim_start();
    t.starts_with('第') && t.chars().take(6).any(|c| matches!(c, '章' | '节' | '部'))
}

/// True where the segmenter reads the last word of `s` as a verb.
fn ends_in_verb(s: &str) -> bool {
    crate::token::jieba()
        .tag(s, false)
        .last()
        .is_some_and(|t| t.tag.starts_with('v') && t.tag != "vn" || t.tag == "u" || t.tag == "uj")
}

#[cfg(test)]
mod tests {
    use crate::{Comparator, Extractor, Status};

    type Row = (
        String,
        String,
        Option<String>,
        Comparator,
        Option<i32>,
        Status,
    );
    type Cell<'a> = (
        &'a str,
        Option<&'a str>,
        Comparator,
        Option<i32>,
        Status,
        Option<f64>,
    );

    fn t(text: &str) -> Vec<Row> {
        Extractor::new()
            .extract(text)
            .unwrap()
            .targets
            .into_iter()
            .map(|t| {
                (
                    t.quantity.span.text,
                    t.metric,
                    t.metric_id,
                    t.comparator,
                    t.year,
                    t.status,
                )
            })
            .collect()
    }

    fn row(q: &str, m: &str, id: Option<&str>, c: Comparator, y: Option<i32>, s: Status) -> Row {
        (q.into(), m.into(), id.map(Into::into), c, y, s)
    }

    use Comparator::*;
    use Status::*;

    #[test]
    fn goal_with_bound_and_respectively() {
        assert_eq!(
            t("到2025年，全社会研发投入强度达到2.6%以上，高新技术企业、科技型企业分别达到1.15万家、8.6万家。"),
            [
                row("2.6%", "全社会研发投入强度", Some("rd_intensity"), Gte, Some(2025), Target),
                row("1.15万家", "高新技术企业", Some("high_tech_enterprises"), Eq, Some(2025), Target),
                row("8.6万家", "科技型企业", Some("tech_enterprises"), Eq, Some(2025), Target),
            ]
        );
    }

    #[test]
    fn reported_figures_and_changes() {
        assert_eq!(
            t("2020年，全市研发经费投入强度2.11%，比2015年提高了0.57个百分点。"),
            [
                row(
                    "2.11%",
                    "研发经费投入强度",
                    Some("rd_intensity"),
                    Eq,
                    Some(2020),
                    Actual
                ),
                row(
                    "0.57个百分点",
                    "研发经费投入强度",
                    Some("rd_intensity_increase"),
                    Eq,
                    Some(2020),
                    Actual
                ),
            ]
        );
    }

    #[test]
    fn from_to_gives_a_baseline() {
        let out = Extractor::new()
            .extract("研发投入强度由2020年的2.11%提高到2025年的2.6%。")
            .unwrap();
        let goal = out.targets.last().unwrap();
        assert_eq!((goal.year, goal.status), (Some(2025), Target));
        assert_eq!(goal.metric, "研发投入强度");
        let base = goal.baseline.as_ref().expect("a baseline");
        assert_eq!((base.value, base.year), (2.11, Some(2020)));
    }

    #[test]
    fn traditional_and_governing_heading() {
        assert_eq!(
            t("2026年力爭\n●全社會研發投入強度達2.82%\n●研發人員超過28萬人\n"),
            [
                row(
                    "2.82%",
                    "全社會研發投入強度",
                    Some("rd_intensity"),
                    Eq,
                    Some(2026),
                    Target
                ),
                row(
                    "28萬人",
                    "研發人員",
                    Some("rd_personnel"),
                    Gt,
                    Some(2026),
                    Target
                ),
            ]
        );
    }

    #[test]
    fn english_goals() {
        assert_eq!(
            t("By 2025, R&D personnel will exceed 260,000 and the R&D investment intensity will reach about 2.8%. R&D funds account for more than 5% of the regional GDP."),
            [
                row("260,000", "R&D personnel", Some("rd_personnel"), Gt, Some(2025), Target),
                row("2.8%", "R&D investment intensity", Some("rd_intensity"), Approx, Some(2025), Target),
                row("5%", "R&D funds", Some("rd_intensity"), Gt, Some(2025), Target),
            ]
        );
    }

    #[test]
    fn plan_period_opening_year_and_scope() {
        assert_eq!(
            t("今年是“十五五”开局之年。力争技术合同成交额超1200亿元。西部（重庆）科学城研发投入强度达到5%以上。"),
            [
                row("1200亿元", "技术合同成交额", Some("tech_contract_turnover"), Gt, Some(2026), Target),
                row("5%", "西部（重庆）科学城研发投入强度", None, Gte, Some(2026), Target),
            ]
        );
    }

    #[test]
    fn each_clause_frames_its_own_figure() {
        assert_eq!(
            t("2023年，全市技术合同成交额达到500亿元，同比增长20%，力争2024年突破600亿元。"),
            [
                row(
                    "500亿元",
                    "技术合同成交额",
                    Some("tech_contract_turnover"),
                    Eq,
                    Some(2023),
                    Actual
                ),
                row(
                    "20%",
                    "技术合同成交额",
                    Some("tech_contract_turnover_growth"),
                    Eq,
                    Some(2023),
                    Actual
                ),
                row(
                    "600亿元",
                    "技术合同成交额",
                    Some("tech_contract_turnover"),
                    Gt,
                    Some(2024),
                    Target
                ),
            ]
        );
    }

    #[test]
    fn english_years_after_figures_and_from_to() {
        let out = Extractor::new()
            .extract("R&D intensity will rise from 2.11% in 2020 to 2.6% in 2025.")
            .unwrap();
        let got: Vec<_> = out
            .targets
            .iter()
            .map(|t| (t.quantity.value, t.year, t.status))
            .collect();
        assert_eq!(got, [(2.11, Some(2020), Actual), (2.6, Some(2025), Target)]);
        let base = out.targets[1].baseline.as_ref().expect("a baseline");
        assert_eq!((base.value, base.year), (2.11, Some(2020)));
    }

    #[test]
    fn respectively_after_english_figures() {
        assert_eq!(
            t("By 2025, R&D personnel and high-tech enterprises will reach 300,000 people and 8,000 enterprises respectively."),
            [
                row("300,000", "R&D personnel", Some("rd_personnel"), Eq, Some(2025), Target),
                row("8,000", "high-tech enterprises", Some("high_tech_enterprises"), Eq, Some(2025), Target),
            ]
        );
    }

    #[test]
    fn shares_written_around_the_figure() {
        assert_eq!(
            t("In 2022, the province's R&D expenditure reached 441.1 billion yuan, accounting for 3.42% of its GDP."),
            [
                row("441.1 billion yuan", "province's R&D expenditure", Some("rd_expenditure"), Eq, Some(2022), Actual),
                row("3.42%", "province's R&D expenditure", Some("rd_intensity"), Eq, Some(2022), Actual),
            ]
        );
        let ids: Vec<_> =
            t("到2025年，全社会研发经费投入年均增长10%以上、占地区生产总值的比重达到2.6%。")
                .into_iter()
                .map(|r| r.2)
                .collect();
        assert_eq!(
            ids,
            [
                Some("rd_expenditure_growth".into()),
                Some("rd_intensity".into())
            ]
        );
    }

    #[test]
    fn english_metric_is_the_noun_phrase_by_the_figure() {
        assert_eq!(
            t("Chongqing will strive to achieve an R&D investment intensity of more than 2.73% in 2025."),
            [row("2.73%", "R&D investment intensity", Some("rd_intensity"), Gt, Some(2025), Target)]
        );
    }

    #[test]
    fn this_year_reads_against_the_dateline() {
        let text = "政府工作报告\n——2026年1月25日在市人民代表大会第四次会议上\n今年主要预期目标是：全社会研发投入强度达到6%左右。";
        assert_eq!(
            t(text),
            [row(
                "6%",
                "全社会研发投入强度",
                Some("rd_intensity"),
                Approx,
                Some(2026),
                Target
            )]
        );
        // the year mentions themselves stay as written: no `今年`
        let out = Extractor::new().extract(text).unwrap();
        assert!(out.years.iter().all(|y| y.span.text != "今年"));
        // the caller's reference year wins
        let out = Extractor::builder()
            .reference_year(2030)
            .build()
            .unwrap()
            .extract(text)
            .unwrap();
        assert_eq!(out.targets[0].year, Some(2030));
    }

    #[test]
    fn goals_of_an_annual_document_take_its_title_year() {
        let annual = "湖北省人民政府2026年科技工作要点\n重点做好以下工作。\n新培育科技型中小企业3000家以上。";
        assert_eq!(
            t(annual),
            [row(
                "3000家",
                "科技型中小企业",
                Some("tech_enterprises"),
                Gte,
                Some(2026),
                Target
            )]
        );
        // a title naming a period, not one year, gives none
        let plan =
            "全省科技创新规划（2021—2025年）\n重点做好以下工作。\n新培育科技型中小企业3000家以上。";
        assert_eq!(t(plan)[0].4, None);
        let untitled = "重点做好以下工作。\n新培育科技型中小企业3000家以上。";
        assert_eq!(t(untitled)[0].4, None);
    }

    #[test]
    fn the_thing_a_count_counts() {
        let metrics: Vec<String> = t("2025年，重大科技基础设施达到8个、全国重点实验室45家。荆州、孝感、黄冈3个区域中心城市加快发展。挂牌运行3个重庆实验室。建设全市首批6个环大学创新生态圈功能区。")
            .into_iter()
            .map(|r| r.1)
            .collect();
        assert_eq!(
            metrics,
            [
                "重大科技基础设施",
                "全国重点实验室",
                "区域中心城市",
                "重庆实验室",
                "环大学创新生态圈"
            ]
        );
    }

    #[test]
    fn counts_of_tasks_and_places_are_not_targets() {
        assert!(t("重点抓好七方面工作。在金凤片区 100 平方公里范围内集中建设。").is_empty());
    }

    #[test]
    fn indicator_table_rows() {
        let text = "专栏 1 主要指标\n序号\t指 标 名 称\t2020 年\t2025 年\t年均\t指标属性\n1\t全社会研发经费投入增长（%）\t12.2\t—\t> 10\t预期性\n2\t全社会研发经费占地区生产总值的比重（%）\t2.11\t2.6\t—\t预期性\n";
        let out = Extractor::new().extract(text).unwrap();
        let got: Vec<Cell> = out
            .targets
            .iter()
            .map(|t| {
                (
                    t.quantity.span.text.as_str(),
                    t.metric_id.as_deref(),
                    t.comparator,
                    t.year,
                    t.status,
                    t.baseline.as_ref().map(|b| b.value),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "12.2",
                    Some("rd_expenditure_growth"),
                    Eq,
                    Some(2020),
                    Actual,
                    None
                ),
                (
                    "10",
                    Some("rd_expenditure_growth"),
                    Gt,
                    Some(2025),
                    Target,
                    Some(12.2)
                ),
                ("2.11", Some("rd_intensity"), Eq, Some(2020), Actual, None),
                (
                    "2.6",
                    Some("rd_intensity"),
                    Eq,
                    Some(2025),
                    Target,
                    Some(2.11)
                ),
            ]
        );
    }
}
