//! Whether a Chinese phrase has a head noun: a metric is a noun phrase
//! (EXTRACTION.md section 3, `metric`), so words with none (a place, a
//! duration, an adverb, a verb alone) name no indicator.

use super::Ctx;
use crate::span::Span;

/// What the words of a Chinese phrase are, read by their part-of-speech
/// tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Head {
    /// A noun names what is measured: `研发经费`, `工业投资`, `营业额`.
    Noun,
    /// Only what qualifies a figure: durations, adverbs, numerals,
    /// conjunctions and prepositions, or a record (`近9年`, `连续三年`,
    /// `大幅`, `多数`, `创下历年新高`): the figure continues the statement
    /// it stands in. (A place is a noun phrase: `瑞典(3.32%)`, `中科0.54兆元`
    /// keep it as their metric.)
    Qualifier,
    /// One verb word and nothing else (`创造`, `收入`, `营收`): a verb
    /// used as a noun, unless the figure has an object after it.
    Verb,
    /// A verb with adverbs, modals, prepositions or other verbs and no
    /// noun (`新制定`, `通过执行`, `一定会再`, `有机会向`): no metric; the
    /// metric is the object after the figure, else the statement's.
    Predicate,
}

/// True where a tag of the segmenter marks a noun or a nominal word
/// (jieba's ICTCLAS-style tags: `n…` nouns, places among them, but not
/// person names; `vn` and `an` nominal verbs and adjectives, `j`
/// abbreviations such as `研发`, `l` fixed phrases such as `发明专利`,
/// `eng` Latin words such as `R&D`).
pub(super) fn noun_tag(tag: &str) -> bool {
    match tag {
        "nr" | "nrt" | "nrfg" => false,
        // (a word the rule tables add to the segmenter, a metric or a
        // name, has no tag)
        "" | "vn" | "an" | "j" | "l" | "eng" => true,
        _ => tag.starts_with('n'),
    }
}

impl Ctx<'_> {
    /// What the words of a Chinese phrase are (a phrase with no Han
    /// character is left alone: it is a noun as far as this reads).
    pub(super) fn head(&self, span: Span) -> Head {
        let t = &self.text[span];
        if !t.chars().any(crate::text::is_han) {
            return Head::Noun;
        }
        let w = &self.rules.words;
        if self.rules.metrics.find(t).is_some() || w.measure_noun.occurs_in(t) {
            return Head::Noun;
        }
        let (mut verb, mut words) = (false, 0);
        for tag in self.jieba.tag(t, true) {
            if tag.word.trim().is_empty() || tag.tag == "x" {
                continue;
            }
            words += 1;
            // (a record names no indicator, nor does a rank: `居首`, `次之`)
            if w.no_head.is_whole(tag.word) || w.rank.is_whole(tag.word) {
                continue;
            }
            if noun_tag(tag.tag) {
                return Head::Noun;
            }
            verb |= tag.tag.starts_with('v');
        }
        match (verb, words) {
            (true, 1) => Head::Verb,
            (true, _) => Head::Predicate,
            (false, _) => Head::Qualifier,
        }
    }

    /// True where a Chinese phrase names something a figure may measure.
    pub(super) fn names_something(&self, span: Span) -> bool {
        matches!(self.head(span), Head::Noun | Head::Verb)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn durations_and_adverbs_continue_the_statement() {
        assert_eq!(
            metrics("2024年全区科技型企业数量达到5800家，连续三年保持10%以上增长。"),
            ["全区科技型企业数量", "全区科技型企业数量"]
        );
        assert_eq!(
            metrics("2024年园区营业额为1.2万亿元，大幅增长12.8%。"),
            ["园区营业额", "园区营业额"]
        );
        // a clause of a record names nothing: the growth after it is the
        // amount's
        assert_eq!(
            metrics("2024年三大园区营业额合计达4.76万亿元，创下历年新高，年增20.73%。"),
            ["园区营业额", "园区营业额"]
        );
        // a place is a noun phrase, and the metric of its figure
        assert_eq!(
            metrics("2024年，南科营收1.38万亿元；中科0.54万亿元。"),
            ["南科营收", "中科"]
        );
    }

    #[test]
    fn a_bare_measure_noun_or_rate_continues_the_statement() {
        assert_eq!(
            metrics("2024年工业投资增长20.7%，总量超过500亿元。"),
            ["工业投资", "工业投资"]
        );
        assert_eq!(
            metrics("2024年，全市研发经费达到860亿元，成长率达14.6%。"),
            ["研发经费", "研发经费"]
        );
    }

    #[test]
    fn a_verb_alone_takes_the_object_after_the_figure() {
        assert_eq!(
            metrics("此项计划预计投入资金，到2028年将创造约7兆元产值。"),
            ["产值"]
        );
        // a nominal verb stays the metric where nothing follows
        assert_eq!(metrics("2024年，园区营收达到100亿元。"), ["园区营收"]);
    }
}
