//! The English noun phrases of a figure (EXTRACTION.md section 3,
//! `metric`): the subject before it, the noun phrase it is of after it, and
//! the subject of its clause or sentence where it continues a statement.

use super::metric::Via;
use super::{between, Ctx, Phrase};
use crate::chunk;
use crate::model::Unit;
use crate::quantity::Hit as QHit;
use crate::span::Span;
use crate::text::segment::containing;

impl Ctx<'_> {
    /// The English subject of a figure: the last noun phrase of its clause
    /// before it, after any other figure there; a pronoun or a change noun
    /// (`an increase of`) is returned as it is, for the caller to see that
    /// it continues a statement.
    pub(super) fn english_subject(&self, q: &QHit, before: Span) -> Option<Span> {
        let from = self
            .quantities_in(before)
            .map(|(_, o)| o.span.end)
            .filter(|&e| e <= q.span.start)
            .max()
            .unwrap_or(before.start);
        let words = self.words_to_figure(from, q);
        let np = chunk::subject_before(self.text, &words)?;
        self.worded(np.span).then_some(np.span)
    }

    /// True where an English noun phrase holds a word: years and other
    /// figures are no metric (`in 2025`, `in FY23`).
    fn worded(&self, span: Span) -> bool {
        self.text[span].bytes().any(|b| b.is_ascii_alphabetic()) && !self.is_year(span)
    }

    /// The English words from `from` to a figure, with the figure's number
    /// where it opens the figure, so that a word in -ing or -ed right
    /// before it reads as the verb it is (`, topping 200 billion yuan`).
    pub(super) fn words_to_figure(&self, from: usize, q: &QHit) -> Vec<chunk::Word> {
        let end = if q.number.start == q.span.start {
            q.number.end
        } else {
            q.span.start
        };
        chunk::words(self.text, between(from, end), self.english)
    }

    /// The first noun phrase of an English clause, before `until`: the
    /// subject of its predicate (with `auxiliary`, the first a copula
    /// follows: `announced that the budget … was confirmed`).
    pub(super) fn english_clause_subject(
        &self,
        before: Span,
        until: usize,
        auxiliary: bool,
    ) -> Option<Span> {
        let words = chunk::words(self.text, between(before.start, until), self.english);
        let nps = chunk::noun_phrases(&words);
        let np = if auxiliary {
            // (past any aside after it: `the budget for CETs (CETs) was`)
            let asides = chunk::asides(self.text, &words);
            let copula = &self.rules.words.copula;
            let followed = |np: &chunk::NounPhrase| {
                words
                    .iter()
                    .filter(|w| !asides.iter().any(|a| a.contains(w.span)))
                    .find(|w| w.span.start >= np.span.end)
                    .is_some_and(|w| copula.is_whole(&self.text[w.span].to_ascii_lowercase()))
            };
            nps.into_iter().find(followed)
        } else {
            nps.into_iter().next()
        }
        .filter(|np| !np.anaphoric)?;
        self.worded(np.span).then_some(np.span)
    }

    /// True where an English phrase is a frame noun alone (`total`,
    /// `number`).
    pub(super) fn frame_noun(&self, p: Span) -> bool {
        let t = self.text[p].to_ascii_lowercase();
        self.rules.words.frame_noun.is_whole(&t)
    }

    /// True where an English subject frames or acts rather than measures
    /// (`a total of`, `We will earmark`, `Singapore will invest`): the
    /// metric is written after the figure.
    pub(super) fn weak_subject(&self, p: Option<Span>) -> bool {
        p.is_none_or(|p| {
            let lower = self.text[p].to_ascii_lowercase();
            let w = &self.rules.words;
            // (a person by title, `Mr Chan`, or a body whose last word is
            // an agent's, `the Hong Kong SAR Government`)
            let first = lower.split(' ').next().unwrap_or("");
            let last = lower.rsplit(' ').next().unwrap_or("");
            self.frame_noun(p)
                || w.agent.is_whole(&lower)
                || w.place.is_whole(&lower)
                || w.title.is_whole(first)
                || w.agent.is_whole(last)
        })
    }

    /// True where the English words `before` a figure end in a verb of the
    /// `giving` row and the words `after` it open with `to`, `for`, `on`,
    /// `in` or `into`: the amount is given to, or spent on, what follows.
    pub(super) fn given_to(&self, before: Span, after: Span) -> bool {
        let lower = self.text[before].trim_end().to_ascii_lowercase();
        let gives = self
            .rules
            .words
            .giving
            .suffix_of(&lower)
            .is_some_and(|n| self.word_boundary(before.start + lower.len() - n));
        let rest = self.text[after].trim_start();
        gives
            && ["to ", "for ", "on ", "in ", "into "].iter().any(|p| {
                rest.get(..p.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(p))
            })
    }

    /// The English noun phrase an amount is of, written after it: right
    /// after it (`the $5 billion Strategic Tech Fund`), or after `of` /
    /// `worth of` (`£13.9 billion of R&D funding`, `$1 billion or more of
    /// venture capital funding`); where the subject before the figure is
    /// weak, the first noun phrase after it at all (`was invested in R&D`,
    /// `to launch the … Scheme`).
    pub(super) fn english_object(&self, q: &QHit, after: Span, weak: bool) -> Option<Span> {
        if !matches!(q.unit, Unit::Currency | Unit::Count | Unit::Percent) && !weak {
            return None;
        }
        let words = chunk::words(self.text, after, self.english);
        let nps = chunk::noun_phrases(&words);
        let first = words.first()?;
        let lower = |k: usize| {
            words
                .get(k)
                .map(|w| self.text[w.span].to_ascii_lowercase())
                .unwrap_or_default()
        };
        // where the phrase after the amount starts, if it is the amount's
        // `a 26 percent funding rate`: a percentage before the noun it
        // qualifies (not a change: `a 14 percent increase`)
        let w = &self.rules.words;
        // (only a percentage an article or determiner opens: `up 12 percent
        // year on year` qualifies no noun)
        let sentence = self.sentence(q.span.start);
        let mut from = q.span.start.saturating_sub(16).max(sentence.start);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let opened = chunk::words(self.text, between(from, q.span.start), self.english)
            .last()
            .is_some_and(|w| {
                matches!(
                    w.class,
                    chunk::Class::Determiner | chunk::Class::Demonstrative
                )
            });
        if matches!(q.unit, Unit::Percent) && first.class == chunk::Class::Open && opened {
            let np = nps.iter().find(|np| np.span.start == first.span.start)?;
            let t = self.text[np.span].to_ascii_lowercase();
            return (!w.growth.is_whole(&t) && !w.increase.is_whole(&t)).then_some(np.span);
        }
        let start = if lower(0) == "of" {
            words.get(1).map(|w| w.span.start)
        } else if lower(0) == "worth" && lower(1) == "of" {
            words.get(2).map(|w| w.span.start)
        } else if q.unit == Unit::Currency && first.class == chunk::Class::Open {
            Some(first.span.start)
        } else {
            None
        };
        let strong = start.and_then(|s| {
            nps.iter()
                .find(|np| np.span.start <= s && s < np.span.end && !np.anaphoric)
                .map(|np| Span::new(s, np.span.end))
        });
        // `3.42% of its GDP`: what a share is of is its base, not its
        // metric
        let share_base =
            matches!(q.unit, Unit::Percent | Unit::PercentagePoint) && lower(0) == "of";
        if let Some(np) = strong.filter(|_| (q.unit == Unit::Currency || weak) && !share_base) {
            return Some(np);
        }
        // nor does a percentage with no article name the noun after it
        // (`up 12 percent year on year`)
        let percentage = matches!(q.unit, Unit::Percent | Unit::PercentagePoint);
        if weak && !share_base && !percentage {
            return nps
                .iter()
                .find(|np| !np.anaphoric && !self.is_year(np.span))
                .map(|np| np.span);
        }
        None
    }

    /// The words after an aside that restates an amount in another unit
    /// or as a share (`170 trillion won, or some 130 billion U.S. dollars,
    /// into science and technology`, `S$25 billion - or 1 per cent of its
    /// GDP - in research`): the clause that goes on after it, whose words
    /// say what the amount is for.
    pub(super) fn past_aside(&self, q: &QHit, sentence: Span) -> Option<Span> {
        let rest = &self.text[between(q.span.end, sentence.end)];
        let t = rest.trim_start();
        let open = t.chars().next()?;
        let close = match open {
            ',' => ',',
            '-' | '–' | '—' => open,
            '(' => ')',
            _ => return None,
        };
        let at = q.span.end + (rest.len() - t.len()) + open.len_utf8();
        let body = &self.text[between(at, sentence.end)];
        let lead = body.len() - body.trim_start().len();
        self.rules.words.aside.prefix_of(&body[lead..])?;
        let end = at + body.find(close)?;
        self.quantities_in(between(at, end)).next()?;
        let from = end + close.len_utf8();
        let clause = self.clause(from.min(sentence.end.saturating_sub(1)));
        (from < clause.end).then(|| between(from, clause.end))
    }

    /// The subject of an English sentence: the first noun phrase of its
    /// first clause, where that clause ends before `before` and holds no
    /// figure.
    pub(super) fn sentence_subject(&self, sentence: Span, before: usize) -> Option<Phrase> {
        let ci = containing(&self.doc.segments.clauses, sentence.start)?;
        let first = self.doc.segments.clauses[ci];
        if first.end > before
            || !is_english(&self.text[first])
            || self.quantities_in(first).next().is_some()
        {
            return None;
        }
        let words = chunk::words(self.text, first, self.english);
        chunk::noun_phrases(&words)
            .into_iter()
            .find(|np| !np.anaphoric)
            .map(|np| Phrase {
                span: np.span,
                via: Via::Change,
            })
    }
}

/// True where a text is English: Latin letters and no Han characters.
pub(super) fn is_english(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_alphabetic()) && !s.chars().any(crate::text::is_han)
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
    fn a_bare_percentage_names_no_noun_after_it() {
        // a change with a time phrase after it continues the amount; an
        // article makes the percentage qualify the noun after it
        assert_eq!(
            metrics("In 2024, the port's logistics revenue reached 41 billion yuan, up 7 percent year on year."),
            ["port's logistics revenue", "port's logistics revenue"]
        );
        assert_eq!(
            metrics("The plan allows for a 30 percent success rate."),
            ["success rate"]
        );
    }

    #[test]
    fn english_shares_and_levels_continue_the_amount() {
        assert_eq!(
            t("Gross domestic expenditure on R&D rose to HK$28.1 billion in 2021, equivalent to 0.99% of GDP."),
            [
                row("HK$28.1 billion", "Gross domestic expenditure on R&D", Some("rd_expenditure"), Eq, Some(2021), Actual),
                row("0.99%", "Gross domestic expenditure on R&D", Some("rd_intensity"), Eq, Some(2021), Actual),
            ]
        );
        // a particle of a phrasal verb is no metric
        assert_eq!(
            metrics("We will set aside $2 billion for the new research clusters."),
            ["new research clusters"]
        );
    }

    #[test]
    fn a_change_and_its_from_and_to_take_the_sentence_subject() {
        let got = t("The Ocean Directorate, which funds ship time, would see an increase of $50 million, going from $1.10 billion in FY23 to $1.15 billion under the FY24 request.");
        let got: Vec<_> = got
            .iter()
            .map(|r| (r.0.as_str(), r.1.as_str(), r.4))
            .collect();
        assert_eq!(
            got,
            [
                ("$50 million", "Ocean Directorate", Some(2024)),
                ("$1.10 billion", "Ocean Directorate", Some(2023)),
                ("$1.15 billion", "Ocean Directorate", Some(2024)),
            ]
        );
        // a pronoun subject with a frame noun continues the figure before
        assert_eq!(
            metrics(
                "The talent index reached 9.5 in 2021. That number is expected to hit 12 by 2025."
            ),
            ["talent index", "talent index"]
        );
    }

    #[test]
    fn index_points_are_indicators_and_model_names_count() {
        assert_eq!(
            metrics("The talent index rose to 98.2 points in 2022."),
            ["talent index"]
        );
        assert_eq!(
            metrics("The city will build 12,000 5G base stations by 2027."),
            ["5G base stations"]
        );
    }

    #[test]
    fn a_clause_opening_with_a_verb_has_the_subject_before() {
        assert_eq!(
            t("Investment in basic research continued to grow last year, topping 200 billion yuan and accounting for 6.57 percent of the total R&D spending.")
                .iter()
                .map(|r| (r.1.as_str(), r.3))
                .collect::<Vec<_>>(),
            [
                ("Investment in basic research", Gt),
                ("Investment in basic research", Eq)
            ]
        );
        // unless the figure qualifies the noun after it
        assert_eq!(
            metrics("NSF expects to fund 40,900 research grants, allowing for a 26 percent funding rate."),
            ["research grants", "funding rate"]
        );
    }

    #[test]
    fn an_amount_given_to_a_recipient_measures_the_recipient() {
        assert_eq!(
            metrics("The fund will provide S$97 million to the Quantum Sensing Initiative, which aims high."),
            ["Quantum Sensing Initiative"]
        );
        // a share given to something is no amount of money
        assert_eq!(
            metrics("R&D spending provided 3 percent to growth."),
            ["R&D spending"]
        );
    }

    #[test]
    fn a_change_or_a_total_measures_the_subject_of_its_clause() {
        assert_eq!(
            metrics("The budget request represents an increase of about 1 percent."),
            ["budget request"]
        );
        assert_eq!(
            metrics("The ministry announced that the budget for new technologies (NT) was confirmed to be worth a total of KRW 5 trillion."),
            ["budget for new technologies"]
        );
        // a modal is no copula: the total is of what follows
        assert_eq!(
            metrics(
                "The agency estimates that its activities will support a total of 398,130 people."
            ),
            ["people"]
        );
    }

    #[test]
    fn an_agent_s_amount_is_for_what_follows_its_aside() {
        let m = metrics(
            "The government will invest 170 trillion won, or some 130 billion U.S. dollars, \
             into science and technology over the next five years.",
        );
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m.iter().all(|m| m.starts_with("science and technology")),
            "{m:?}"
        );
        let m = metrics(
            "Singapore will invest S$25 billion - or 1 per cent of its GDP - in research, \
             innovation and enterprise.",
        );
        assert!(m.iter().all(|m| m.starts_with("research")), "{m:?}");
        assert_eq!(m.len(), 2, "{m:?}");
    }

    #[test]
    fn asides_sources_and_parts_continue_the_statement() {
        // a concessive aside and a report's source are no subject
        let m = metrics(
            "Early estimates show that national R&D expenditures increased in 2022, albeit at \
             a slower pace, to $48.2 billion.",
        );
        assert_eq!(m, ["national R&D expenditures"]);
        // the parts of a whole after `with` are the whole's
        let m = metrics(
            "In 2021, government expenditure on R&D was $3.6 billion, with $2.3 billion from \
             federal organisations and $1.3 billion from state organisations.",
        );
        assert!(
            m.iter().all(|m| m == "government expenditure on R&D"),
            "{m:?}"
        );
        assert_eq!(m.len(), 3, "{m:?}");
    }

    #[test]
    fn amounts_an_agent_spends_measure_what_they_go_to() {
        // a bare verb after a modal is no metric, nor is a person by title
        assert_eq!(
            metrics("The Secretary will earmark $300 million to expand the Data Science Hub."),
            ["Data Science Hub"]
        );
        assert_eq!(
            metrics("Firms invested $12 billion in clean energy research last year."),
            ["clean energy research"]
        );
        assert_eq!(
            metrics("The State Government also intends to pour $40 million into the Marine Science Fund."),
            ["Marine Science Fund"]
        );
    }

    #[test]
    fn english_subjects_are_noun_phrases() {
        assert_eq!(
            metrics("Last year, public spending on research stood at 12.4 billion yuan."),
            ["public spending on research"]
        );
        assert_eq!(
            metrics("UK Research and Innovation (UKRI) – the main research funder – will receive $8.8 billion."),
            ["UK Research and Innovation"]
        );
        assert_eq!(
            metrics("We will earmark $3 billion to launch a Frontier Research Scheme."),
            ["Frontier Research Scheme"]
        );
        assert_eq!(
            metrics("The region secured more than $6 billion worth of battery investments."),
            ["battery investments"]
        );
        // a noun phrase `of` ties the amount to is its metric, whatever
        // follows (`supports` reads as a noun on its own)
        assert_eq!(
            metrics(
                "The FY15 Budget Request for NSF of $7.3 billion supports investments in research."
            ),
            ["FY15 Budget Request for NSF"]
        );
        // verbs alone are no metric: the figure after them has none
        assert!(t("Some 40 will follow.").is_empty());
    }
}
