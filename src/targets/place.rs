//! Figures whose subject is only a place (`台灣為337億美元`, `以美國5029億
//! 美元最多`, `義大利、英、法及德國的占比分別為28.6%…`). A place is a noun
//! phrase, and where nothing else names an indicator it stays the metric
//! (`其中竹科1.7兆元`, `安徽(2.56%)`). But where the sentence sets a topic
//! (`就個別營業額而言`, `從投入強度來看`, `在高等教育部門，`), or the figure
//! ranks the places (`以中科48.85%成長率最高`, `南科23.75%次之`), the place
//! says whose figure it is and the topic or the ranked indicator is what it
//! measures (EXTRACTION.md section 3: the metric is what is measured; a
//! follow-on figure takes its statement's metric).

use super::english::is_english;
use super::head::Head;
use super::metric::{Found, Via};
use super::{between, is_filler, Ctx, Phrase};
use crate::quantity::Hit as QHit;
use crate::span::Span;
use crate::text::segment::containing;

/// Part-of-speech tags of the words that may stand around places in a
/// subject without naming anything of their own: prepositions (`以`),
/// conjunctions (`及`), adverbs (`則`, `都`), pronouns (`其次`), particles
/// (`的`), measure words and bound morphemes (`仍`).
fn around_places(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "c" | "d" | "zg" | "r" | "u" | "uj" | "ul" | "q" | "y" | "x"
    )
}

impl Ctx<'_> {
    /// True where a Chinese subject names places and nothing else: the
    /// words the segmenter tags as places or the `place` row lists, with only
    /// function words around them. A trailing share word is part of the
    /// predicate (`日本占78.5%`), and a place's share names no indicator
    /// (`德國的占比`).
    pub(super) fn is_place(&self, span: Span) -> bool {
        let w = &self.rules.words;
        let t = self.text[span].trim();
        let t = w
            .share
            .suffix_of(t)
            .or_else(|| w.share_head.suffix_of(t))
            .map_or(t, |n| t[..t.len() - n].trim_end());
        if t.is_empty() {
            return false;
        }
        let mut places = 0;
        for tag in self.jieba.tag(t, true) {
            let word = tag.word.trim();
            if word.is_empty() {
                continue;
            }
            // (a place the segmenter glues to the adverb after it: `竹科則`)
            let glued = w
                .trim_word
                .suffix_of(word)
                .is_some_and(|n| n < word.len() && w.place.is_whole(&word[..word.len() - n]));
            if tag.tag == "ns" || w.place.is_whole(word) || glued {
                places += 1;
            } else if !around_places(tag.tag) {
                return false;
            }
        }
        places > 0
    }

    /// What a figure whose metric phrase `p` is only a place measures,
    /// where its sentence says: the indicator named right after the figure
    /// before a ranking word (`以中科48.85%成長率最高`), the sentence's
    /// topic (`在高等教育部門，義大利…的占比分別為28.6%`), or, for a ranked
    /// figure (`以美國5029億美元最多`) or a place after a ranked place
    /// (`其次中國大陸4088億美元`), the statement before it. `None` keeps the
    /// place.
    pub(super) fn place_subject(
        &self,
        q: &QHit,
        p: Phrase,
        clause: Span,
        sentence: Span,
    ) -> Option<Found> {
        if p.via != Via::Own || is_english(&self.text[p.span]) {
            return None;
        }
        if let Some(compared) = self.compared(p.span) {
            let phrase = Phrase {
                span: compared,
                via: Via::Own,
            };
            // places compared continue the statement; anything else is
            // the metric without the comparison word (`低于全国平均水平
            // 2.54%` → `全国平均水平`)
            return Some(if self.is_place(compared) {
                Found::FollowOn(Via::Compared, Some(phrase))
            } else {
                Found::Own(phrase)
            });
        }
        if !self.is_place(p.span) {
            return None;
        }
        let w = &self.rules.words;
        let after = between(q.span.end, clause.end);
        let rest = &self.text[after];
        // `48.85%成長率最高`: the indicator between the figure and the rank
        // (the words as written: a rate is what is ranked, `成長率`)
        let named = w.rank.words_in(rest).first().and_then(|&(o, _)| {
            let np = Span::new(after.start, after.start + o);
            (self.has_words(np) && self.bare_noun_phrase(np) && !self.is_place(np)).then_some(np)
        });
        if let Some(np) = named {
            return Some(Found::Own(Phrase {
                span: np,
                via: Via::Place,
            }));
        }
        if let Some(topic) = self.topic(sentence, p.span.start) {
            return Some(Found::Own(Phrase {
                span: topic,
                via: Via::Place,
            }));
        }
        let ranked = w.rank.prefix_of(rest.trim_start()).is_some();
        Some(Found::FollowOn(
            if ranked { Via::Ranked } else { Via::Place },
            Some(p),
        ))
    }

    /// What a comparison word that opens a Chinese subject compares with
    /// (`超越日本`, `僅低於以色列`: an adverb may stand before the word).
    fn compared(&self, span: Span) -> Option<Span> {
        let w = &self.rules.words;
        let t = &self.text[span];
        let &(o, n) = w.comparison.words_in(t).first()?;
        let lead = &t[..o];
        if lead.chars().count() > 1 || !self.word_boundary(span.start + o) {
            return None;
        }
        let compared = self.trim(between(span.start + o + n, span.end));
        self.has_words(compared).then_some(compared)
    }

    /// The topic a sentence sets before `before` in a clause of its own:
    /// the noun phrase a `topic_open` word opens and a `topic_close` word
    /// ends (`但就個別營業額而言`, `從投入強度來看`), or a place-like `在`
    /// frame with a noun phrase and nothing else (`在高等教育部門`).
    fn topic(&self, sentence: Span, before: usize) -> Option<Span> {
        let w = &self.rules.words;
        let clauses = &self.doc.segments.clauses;
        let ci = containing(clauses, sentence.start)?;
        clauses[ci..]
            .iter()
            .take_while(|c| c.end <= before)
            .filter(|c| c.start >= sentence.start)
            .filter_map(|&c| {
                let t = self.text[c].trim_end_matches(is_filler);
                let close = w.topic_close.suffix_of(t).unwrap_or(0);
                let inner = &t[..t.len() - close];
                let &(o, n) = w
                    .topic_open
                    .words_in(inner)
                    .iter()
                    .find(|&&(o, _)| o <= MAX_LEAD && self.word_boundary(c.start + o))?;
                let np = self.trim(between(c.start + o + n, c.start + inner.len()));
                (!np.is_empty()
                    && (close > 0 || self.bare_noun_phrase(np))
                    && matches!(self.head(np), Head::Noun)
                    && !self.is_place(np))
                .then_some(np)
            })
            .last()
    }

    /// A phrase without the `的` a cut at a year left before it (`2015年`
    /// `的研發經費規模` → `研發經費規模`).
    pub(super) fn after_de(&self, span: Span) -> Span {
        match self.text[span].strip_prefix('的') {
            Some(rest) if !rest.is_empty() => Span::new(span.end - rest.len(), span.end),
            _ => span,
        }
    }

    /// True where every word of a Chinese phrase is a noun or joins nouns
    /// and its last word is a noun (`高等教育部門`; not `政策支持下`).
    fn bare_noun_phrase(&self, span: Span) -> bool {
        let tags = self.jieba.tag(&self.text[span], true);
        tags.last().is_some_and(|t| super::head::noun_tag(t.tag))
            && tags
                .iter()
                .all(|t| super::head::noun_tag(t.tag) || matches!(t.tag, "c" | "uj" | "a" | "b"))
    }
}

/// How many bytes of a clause may stand before its topic word (a
/// conjunction: `但就`, `不過，在`).
const MAX_LEAD: usize = 9;

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn a_topic_is_what_the_places_figures_measure() {
        let m = metrics(
            "但就個別營業額而言，竹科仍以1兆1418億元穩坐龍頭，南科及中科分別是5588億元及2657億元。",
        );
        assert_eq!(m, ["個別營業額"; 3], "{m:?}");
        let m =
            metrics("在高等教育部門，義大利、英、法及德國的占比分別為28.6%、25.6%、20.3%及17.4%。");
        assert_eq!(m, ["高等教育部門"; 4], "{m:?}");
    }

    #[test]
    fn ranked_places_take_the_ranked_indicator() {
        let m = metrics("其中以中科48.85%成長率最高，南科23.75%次之，竹科則為1.86%。");
        assert_eq!(m, ["成長率"; 3], "{m:?}");
        let m = metrics(
            "2015年的研發經費規模，以美國5029億美元最多，其次中國大陸4088億美元及日本1701億美元。",
        );
        assert_eq!(m, ["研發經費規模"; 3], "{m:?}");
    }

    #[test]
    fn compared_places_continue_the_statement() {
        let m =
            metrics("2022年南韓研發經費占GDP比率4.9%，高於德國3.1%、法國2.2%，僅次於以色列5.6%。");
        assert_eq!(m, ["南韓研發經費占GDP比率"; 4], "{m:?}");
        // a comparison word before a noun phrase that is no place compares
        // with a figure of another indicator, and is no part of its metric
        let m = metrics("2022年河南研发经费投入强度为1.86%，低于全国平均水平2.54%。");
        assert_eq!(m, ["河南研发经费投入强度", "全国平均水平"], "{m:?}");
    }

    #[test]
    fn a_place_with_no_topic_stays_the_metric() {
        let m = metrics("科學園區營業額5.80兆元，其中竹科1.7兆元，中科1.13兆元。");
        assert_eq!(m[1..], ["竹科", "中科"], "{m:?}");
    }
}
