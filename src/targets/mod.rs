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

mod antecedent;
mod clause;
mod comparator;
mod english;
mod head;
mod layout;
mod metric;
mod metric_id;
mod pairing;
mod place;
mod purpose;
mod status;
mod table;
#[cfg(test)]
mod test_util;
mod words;
mod year;

pub(crate) use words::{Metrics, Words};

use crate::model::{Baseline, Comparator, Status, Target, Unit, YearKind};
use crate::quantity::Hit as QHit;
use crate::rules::Rules;
use crate::span::Span;
use crate::text::segment::containing;
use crate::text::Document;
use crate::year::Hit as YHit;

/// The longest section heading, in characters.
const SECTION_HEADING_CHARS: usize = 40;
/// How far, in bytes, either side of a figure its sentence is read (about
/// 340 Chinese characters): far longer than the sentences of real
/// documents, and it keeps the work per figure bounded on a run-on line.
const CONTEXT_BYTES: usize = 1024;

/// The compiled target tables.
#[derive(Debug)]
pub(crate) struct TargetRules {
    pub(crate) metrics: Metrics,
    pub(crate) words: Words,
    /// Field words the segmenter tags as verbs that stand inside noun
    /// phrases (`创新研发计划`): the `field` row of the institution
    /// boundaries, one list for names and metrics.
    pub(crate) field: words::WordList,
}

impl TargetRules {
    pub(crate) fn compile(t: &crate::rules::Tables) -> Result<TargetRules, crate::RuleError> {
        Ok(TargetRules {
            metrics: Metrics::compile(t.get("metrics"))?,
            words: Words::compile(t.get("target_words"))?,
            field: words::WordList::of_role(t.get("institution_boundaries"), "field"),
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
    /// The one year its title names (`2026年安徽省政府工作报告`), or the
    /// year of the annual event its opening reports (`2026年全市科技工作会`).
    title_year: Option<i32>,
    /// The year an annual report's title names: the year of its reported
    /// figures that give none of their own.
    report_year: Option<i32>,
    /// Whether the title names the document (`…绩效汇编`, `…统计公报`: the
    /// `document_name` rows): it is no heading that governs figures.
    title_names_document: bool,
    /// The latest year the document names: a figure dated earlier is past
    /// by the time of writing.
    latest_year: Option<i32>,
}

/// Everything one document's relation step reads.
struct Ctx<'a> {
    doc: &'a Document<'a>,
    text: &'a str,
    rules: &'a TargetRules,
    english: &'a crate::chunk::EnglishWords,
    /// The segmenter of the rules, for part-of-speech tags.
    jieba: &'a jieba_rs::Jieba,
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
        english: &rules.english,
        jieba: rules.segmenter.get(),
        quantities,
        years,
        frame: doc_frame(doc, text, years, rules),
        reference_year,
    };
    let mut out = Vec::new();
    // the statement the figures before stand in: a follow-on figure
    // (`，占全市的35%，同比增长18%`, `It was`) takes its metric from it
    let mut last: Option<Statement> = None;
    // the table row of the paragraph read last, read once for its figures
    let mut row: Option<(usize, Option<table::TableRow>)> = None;
    for (i, q) in quantities.iter().enumerate() {
        if q.unit == Unit::Number {
            continue;
        }
        if let Some(ri) = ctx.paragraph_index(q.number.start) {
            if row.as_ref().is_none_or(|(k, _)| *k != ri) {
                row = Some((ri, table::table_row(&ctx, ri)));
            }
            let tr = row.as_ref().and_then(|(_, r)| r.as_ref());
            match table::target(&ctx, tr, ri, q) {
                table::Cell::Prose => {}
                table::Cell::Label => {
                    last = None;
                    continue;
                }
                table::Cell::Target(t) => {
                    out.push(*t);
                    last = None;
                    continue;
                }
            }
        }
        let (target, statement) = ctx.prose_target(i, q, last);
        last = statement.or(last);
        out.extend(target);
    }
    out
}

/// A figure's metric phrase and where it stands, for the follow-on
/// figures after it.
#[derive(Debug, Clone, Copy)]
struct Statement {
    phrase: Phrase,
    sentence: Span,
    paragraph: Option<usize>,
    /// Where the figure that made it ends.
    figure_end: usize,
}

/// The plan a document sets out: the first plan period or range it names
/// in its opening (title and first lines).
fn doc_frame(doc: &Document, text: &str, years: &[YHit], rules: &Rules) -> DocFrame {
    let head = char_offset(text, 300);
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
    // a title naming one year, else an annual event its opening reports
    let title_year = match title_years.as_slice() {
        [y] if y.kind == YearKind::Year => Some(y.start_year),
        _ => None,
    }
    .or_else(|| crate::year::annual_event_year(years, text, rules));
    // an annual report (`2016年国民经济和社会发展统计公报`, `Communiqué on
    // National Expenditures on Science and Technology in 2023`) reports
    // that year
    let report_year = title_year
        .filter(|_| title.is_some_and(|p| rules.targets.words.annual_report.occurs_in(&text[*p])));
    let title_names_document = doc.segments.paragraphs.first().is_some_and(|p| {
        let t = text[*p].trim_end_matches(is_filler);
        rules.targets.words.document_name.suffix_of(t).is_some()
    });
    DocFrame {
        plan_start,
        title_year,
        report_year,
        title_names_document,
        latest_year: years.iter().map(|y| y.end_year).max(),
    }
}

/// A metric phrase found for a figure.
#[derive(Debug, Clone, Copy)]
struct Phrase {
    span: Span,
    /// How it was found: the figure's own words, or the statement it
    /// continues.
    via: metric::Via,
}

impl Phrase {
    /// A phrase of the figure's own words.
    fn own(span: Span) -> Phrase {
        Phrase {
            span,
            via: metric::Via::Own,
        }
    }
}

impl Ctx<'_> {
    /// The sentence around `at`, within [`CONTEXT_BYTES`] of it.
    pub(super) fn sentence(&self, at: usize) -> Span {
        let s = &self.doc.segments.sentences;
        containing(s, at).map_or(Span::new(at, at), |i| self.window(s[i], at))
    }

    /// The clause around `at`, within [`CONTEXT_BYTES`] of it.
    pub(super) fn clause(&self, at: usize) -> Span {
        let c = &self.doc.segments.clauses;
        containing(c, at).map_or_else(|| self.sentence(at), |i| self.window(c[i], at))
    }

    /// `span` cut to [`CONTEXT_BYTES`] either side of `at`, on character
    /// boundaries.
    pub(super) fn window(&self, span: Span, at: usize) -> Span {
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

    /// True where a span overlaps the page chrome.
    pub(super) fn in_chrome(&self, span: Span) -> bool {
        crate::span::overlaps_sorted(self.doc.chrome_spans(), span)
    }

    pub(super) fn paragraph_index(&self, at: usize) -> Option<usize> {
        containing(&self.doc.segments.paragraphs, at)
    }

    /// The figures inside `span`, with their indices (quantities are sorted
    /// by start, so this is a binary search, not a scan of the document).
    pub(super) fn quantities_in(&self, span: Span) -> impl Iterator<Item = (usize, &QHit)> + '_ {
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
    pub(super) fn years_in(&self, span: Span) -> impl Iterator<Item = &YHit> + '_ {
        let from = self.years.partition_point(|y| y.span.start < span.start);
        self.years[from..]
            .iter()
            .take_while(move |y| y.span.start < span.end)
            .filter(move |y| y.span.end <= span.end)
    }

    /// The target of a figure in running text, and the statement it makes
    /// for the follow-on figures after it.
    fn prose_target(
        &self,
        i: usize,
        q: &QHit,
        last: Option<Statement>,
    ) -> (Option<Target>, Option<Statement>) {
        let sentence = self.sentence(q.span.start);
        let clause = self.clause(q.span.start);
        let paragraph = self.paragraph_index(q.span.start);
        let found = self
            .respective_metric(i, sentence)
            .map(metric::Found::Own)
            .or_else(|| self.metric_phrase(q, clause, sentence));
        // a subject of places only: the topic or ranked indicator where the
        // sentence gives one
        let found = match found {
            Some(metric::Found::Own(p)) => self.place_subject(q, p, clause, sentence).or(found),
            other => other,
        };
        let phrase = match found {
            None => None,
            Some(metric::Found::Own(p)) => Some(p),
            // places compared with the statement before them in their
            // sentence: its metric, read as a place's (so that the places
            // listed after them follow it)
            Some(metric::Found::FollowOn(metric::Via::Compared, places)) => last
                .filter(|s| s.sentence == sentence)
                .map(|s| Phrase {
                    span: s.phrase.span,
                    via: metric::Via::Place,
                })
                .or(places),
            Some(metric::Found::FollowOn(
                via @ (metric::Via::Place | metric::Via::Ranked),
                place,
            )) => {
                // the statement of a place before it in the paragraph that
                // took a topic or a ranked indicator; a ranked figure takes
                // any statement before it in the paragraph, or the subject
                // of the clause before where that is newer
                let near = last.filter(|s| s.paragraph == paragraph);
                let placed = near
                    .filter(|s| matches!(s.phrase.via, metric::Via::Place | metric::Via::Ranked));
                let ranked = via == metric::Via::Ranked;
                let newer = ranked
                    .then(|| self.clause_subject(clause, sentence))
                    .flatten()
                    .filter(|f| near.is_none_or(|s| f.span.start >= s.figure_end))
                    .map(|f| self.after_de(f.span));
                placed
                    .map(|s| s.phrase.span)
                    .or(newer)
                    .or(near.filter(|_| ranked).map(|s| s.phrase.span))
                    .map(|span| Phrase { span, via })
                    .or(place)
            }
            Some(metric::Found::FollowOn(via, fallback)) => {
                // the statement of the figure before in the sentence (a
                // pronoun: in the paragraph)
                let near = last.filter(|s| {
                    s.sentence == sentence
                        || (via == metric::Via::Pronoun && s.paragraph == paragraph)
                });
                // a figure opening its clause after a clause with a subject
                // of its own and no figure (`，且制造业研发密度亦呈上升态势，
                // 2019年达3.4%`) takes that subject
                let newer = fallback.filter(|f| {
                    via == metric::Via::Bare && near.is_none_or(|s| f.span.start >= s.figure_end)
                });
                newer
                    .or_else(|| {
                        near.map(|s| Phrase {
                            span: s.phrase.span,
                            via,
                        })
                    })
                    // a change with no figure before it in its sentence
                    // (`The directorate, which…, would see an increase of
                    // $70 million`) is the sentence subject's
                    .or_else(|| {
                        (via == metric::Via::Change)
                            .then(|| self.sentence_subject(sentence, q.span.start))
                            .flatten()
                    })
                    .or(fallback)
            }
        };
        let Some(phrase) = phrase else {
            return (None, None);
        };
        let comparator = self.comparator(i, q, phrase);
        let metric_id = self.metric_id(q, phrase, sentence);
        let named = self.rules.metrics.find(&self.text[phrase.span]).is_some();
        if !self.is_indicator(q, phrase, named) {
            return (None, None);
        }
        let (mut year, mut status) = self.year_and_status(q, sentence);
        // a goal's value (`提前完成“十四五”规划提出的1万家的目标`): a goal,
        // for the end of the plan its clause names, else of no year
        if self.qualifies_goal(q, clause) {
            status = Status::Target;
            year = self
                .years_in(clause)
                .filter(|y| y.kind == YearKind::PlanPeriod)
                .last()
                .map(|y| y.end_year);
        }
        let baseline = self.baseline(i, q, clause);
        // the `from` figure of `从X提高到Y`: where things stand, reported
        let is_from = self.quantities.get(i + 1).is_some_and(|next| {
            self.clause(next.span.start) == clause && self.baseline(i + 1, next, clause).is_some()
        });
        if is_from {
            status = Status::Actual;
        }
        let statement = Statement {
            phrase,
            sentence,
            paragraph,
            figure_end: q.span.end,
        };
        (
            Some(self.record(q, phrase, metric_id, comparator, year, status, baseline)),
            Some(statement),
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn record(
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
}

/// True where `s` holds at most `n` characters (a heading, a title),
/// without counting past `n`.
fn at_most_chars(s: &str, n: usize) -> bool {
    s.chars().nth(n).is_none()
}

/// The byte offset of the `n`th character of `s`, or its length where it
/// holds no more: where the first `n` characters end.
fn char_offset(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(o, _)| o)
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
