//! The metric phrase of a figure: the noun phrase its clause says it
//! measures (EXTRACTION.md section 3, `metric`).

use super::{between, is_filler, Ctx, Phrase};
use crate::model::Unit;
use crate::quantity::Hit as QHit;
use crate::span::Span;
use crate::text::segment::containing;

/// How many pieces (words between figures, years and list marks) back from
/// a figure its metric phrase may stand.
const PIECES_BACK: usize = 16;
/// How many clauses back a figure that opens its clause looks for its
/// subject.
const CLAUSES_BACK: usize = 3;

impl Ctx<'_> {
    /// The metric phrase of a figure from its clause.
    pub(super) fn metric_phrase(&self, q: &QHit, clause: Span, sentence: Span) -> Option<Phrase> {
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
    pub(super) fn english_core(&self, span: Span) -> Span {
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
    pub(super) fn has_words(&self, s: Span) -> bool {
        self.text[s]
            .chars()
            .filter(|c| c.is_alphabetic())
            .take(2)
            .count()
            == 2
    }

    /// Whether a figure with this metric phrase is an indicator's value:
    /// not a count of aspects or tasks, a place's size, a number written
    /// in words or a technical parameter, unless a known metric says so.
    pub(super) fn is_indicator(&self, q: &QHit, phrase: Phrase, known: bool) -> bool {
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
    use super::super::test_util::*;
    use crate::{Comparator::*, Status::*};

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
    fn english_metric_is_the_noun_phrase_by_the_figure() {
        assert_eq!(
            t("Chongqing will strive to achieve an R&D investment intensity of more than 2.73% in 2025."),
            [row("2.73%", "R&D investment intensity", Some("rd_intensity"), Gt, Some(2025), Target)]
        );
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
}
