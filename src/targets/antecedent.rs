//! The antecedent of an English relative pronoun that is a figure's
//! subject (`the average level in the EU, which stands at 2.11 percent`,
//! `7-8% of the nation's budget, which tops NT$95 billion`):
//! the noun phrase the pronoun stands for is the figure's metric
//! (EXTRACTION.md section 3: a metric is never a bare pronoun).

use super::{between, Ctx};
use crate::chunk;
use crate::quantity::Hit as QHit;
use crate::span::Span;

impl Ctx<'_> {
    /// Where the subject `p` of a figure is a `relative` pronoun (`which`,
    /// `that`), the noun phrase right before it in its sentence, where no
    /// figure stands in that stretch of the sentence: a pronoun after a
    /// figure's own words (`2.68 percent of GDP, which is`) stands for that
    /// statement, and the figure continues it.
    pub(super) fn relative_antecedent(&self, q: &QHit, p: Span, sentence: Span) -> Option<Span> {
        let w = &self.rules.words;
        if !w.relative.is_whole(self.text[p].trim()) {
            return None;
        }
        // the stretch before the pronoun, back to the last clause mark
        // other than the comma that sets the relative clause off
        let before = self.text[between(sentence.start, p.start)].trim_end();
        let before = before.strip_suffix(',').unwrap_or(before).trim_end();
        let end = sentence.start + before.len();
        let start = before
            .rfind([',', ';', ':', '(', '—'])
            .map_or(sentence.start, |o| sentence.start + o + 1);
        let mut stretch = between(start, end);
        if let Some((_, last)) = self.quantities_in(stretch).last() {
            // (unless the pronoun's figure is of another unit than the
            // figure before it, and so no change of it: `7-8% of the
            // nation's sci-tech budget, which tops NT$95.162 billion`
            // stands for the budget)
            let of_another_unit = last.unit != q.unit
                && matches!(
                    q.unit,
                    crate::model::Unit::Currency | crate::model::Unit::Count
                );
            if !of_another_unit {
                return None;
            }
            stretch = between(last.span.end, end);
        }
        let words = chunk::words(self.text, stretch, self.english);
        let np = chunk::subject_before(self.text, &words)?;
        (!np.anaphoric && !self.is_year(np.span) && self.has_words(np.span)).then_some(np.span)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::metrics;

    #[test]
    fn a_relative_pronoun_stands_for_the_noun_before_it() {
        let m = metrics(
            "This is higher than the average level in the EU, which stands at 2.11 percent.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].ends_with("the EU"), "{m:?}");
        let m =
            metrics("It is close to the level of OECD member countries which is at 2.73 percent.");
        assert!(m[0].contains("OECD member countries"), "{m:?}");
    }

    #[test]
    fn a_relative_pronoun_after_a_figure_continues_its_statement() {
        let m = metrics(
            "R&D spending reached 3.6 trillion yuan, or 2.68 percent of GDP, which is a gain \
             of 0.1 percentage point.",
        );
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(m.iter().all(|m| m.contains("R&D spending")), "{m:?}");
    }

    #[test]
    fn a_relative_pronoun_before_an_amount_of_another_unit_stands_for_the_base() {
        let m = metrics(
            "The plan will account for 7% of the council's research allocation, which tops \
             NT$95 billion this year.",
        );
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[1].ends_with("research allocation"), "{m:?}");
    }
}
