//! The purpose of an allocation: where the words before a figure only say
//! that money is set aside (`我会预留五十五亿元`, `政府已额外投放超过180亿元`),
//! the figure measures what it is for, written after it (`用作发展数码港
//! 第五期`, `供科技园公司兴建科研基建及设施`). EXTRACTION.md section 3: the
//! metric is a noun phrase, never a bare verb.
//!
//! The `allocation` and `purpose` rows of `target_words` say which verbs
//! set money aside and which words open (or go on with) its purpose.

use super::{between, char_offset, is_filler, Ctx};
use crate::span::Span;

/// How far after the purpose word the purpose may run, in characters.
const PURPOSE_CHARS: usize = 40;
/// How far into the words after the figure the purpose word may stand, in
/// characters (`，从多方面推动创科发展`).
const PURPOSE_LEAD_CHARS: usize = 6;
/// The longest noun right after the figure taken as what the money is, in
/// characters.
const NOUN_AFTER_CHARS: usize = 12;

impl Ctx<'_> {
    /// What the money of a figure (ending at `q_end`, past any bound after
    /// it) is for, where the phrase `before` it ends in an `allocation`
    /// verb: a name in quotes right after the figure, else what a `purpose`
    /// word near the start of the rest of its sentence (to `sentence_end`)
    /// takes, else a noun right after the figure.
    pub(super) fn allocation_purpose(
        &self,
        before: Span,
        q_end: usize,
        sentence_end: usize,
    ) -> Option<Span> {
        let w = &self.rules.words;
        let lead = self.text[before].trim_end_matches(is_filler);
        let n = w.allocation.suffix_of(lead)?;
        if !self.word_boundary(before.start + lead.len() - n) {
            return None;
        }
        let rest = &self.text[between(q_end, sentence_end)];
        // a name in quotes right after the figure (`设立100亿元「创科产业
        // 引导基金」`) is what the money is for
        if let Some(name) = quoted_name(rest) {
            let span = self.trim(Span::new(q_end + name.0, q_end + name.1));
            if self.has_words(span) {
                return Some(span);
            }
        }
        // past the `，` after the figure, a purpose word opens what follows;
        // with none, a noun right after the figure (`编列近200亿元科技预算`)
        // is what the money is
        self.purpose_after(q_end, rest, sentence_end)
            .or_else(|| self.noun_after(q_end, rest))
    }

    /// The words right after a figure ending at `q_end` (`rest` on), up to
    /// punctuation, a figure or a purpose word, where they open with a noun
    /// (`编列近200亿元科技预算`): what the money is.
    fn noun_after(&self, q_end: usize, rest: &str) -> Option<Span> {
        let w = &self.rules.words;
        let mut end = rest
            .char_indices()
            .find(|&(_, c)| is_filler(c) || c.is_ascii_digit() || c == '的')
            .map_or(rest.len(), |(o, _)| o);
        if let Some(&(o, _)) = w.purpose.words_in(&rest[..end]).first() {
            end = o;
        }
        let end = char_offset(&rest[..end], NOUN_AFTER_CHARS);
        let piece = &rest[..end];
        let first = self.jieba.tag(piece, true).into_iter().next()?;
        let noun = first.tag.starts_with('n') || first.tag == "vn" || first.tag == "eng";
        let span = self.trim(Span::new(q_end, q_end + end));
        (noun && self.has_words(span)).then_some(span)
    }

    /// The purpose a `purpose` word opens near the start of `rest` (the
    /// words after a figure ending at `q_end`).
    fn purpose_after(&self, q_end: usize, rest: &str, sentence_end: usize) -> Option<Span> {
        let w = &self.rules.words;
        let open = rest.trim_start_matches(is_filler);
        let at = q_end + (rest.len() - open.len());
        let lead_end = char_offset(open, PURPOSE_LEAD_CHARS);
        let (o, m) = w
            .purpose
            .words_in(open)
            .into_iter()
            .find(|&(o, _)| o <= lead_end && !open[..o].contains(is_filler))?;
        let start = at + o + m;
        let piece = &self.text[between(start, sentence_end)];
        let stop = piece
            .char_indices()
            .find(|&(_, c)| is_filler(c) && c != ' ')
            .map_or(piece.len(), |(o, _)| o);
        let stop = char_offset(&piece[..stop], PURPOSE_CHARS);
        let mut piece = &piece[..stop];
        // (past a figure the purpose opens with: `实施6个重大科技专项`)
        let mut start = start;
        if let Some((_, f)) = self
            .quantities_in(between(start, start + piece.len()))
            .next()
            .filter(|(_, f)| f.span.start == start)
        {
            piece = &piece[f.span.end - start..];
            start = f.span.end;
        }
        if piece.is_empty() {
            return None;
        }
        // what the last purpose word takes (`供科技园公司兴建科研基建及设施`,
        // `用作发展数码港第五期`); where one ends the piece (`推动创科发展`),
        // the words before it
        let occ = w.purpose.words_in(piece);
        let mut end = piece.len();
        if let Some(&(o, _)) = occ.iter().rev().find(|&&(o, n)| o + n == piece.len()) {
            end = o;
        }
        let from = occ
            .iter()
            .rev()
            .find(|&&(o, n)| o + n <= end)
            .map_or(0, |&(o, n)| o + n);
        let span = Span::new(start + from, start + end.max(from));
        let span = self.trim(span);
        self.has_words(span).then_some(span)
    }
}

/// The inside of the quotes `text` opens with (`「…」`, `“…”`, `《…》`), as
/// offsets into `text`.
fn quoted_name(text: &str) -> Option<(usize, usize)> {
    let open = text.chars().next()?;
    let close = match open {
        '「' => '」',
        '“' => '”',
        '《' => '》',
        '『' => '』',
        _ => return None,
    };
    let inner = open.len_utf8();
    let end = text[inner..].find(close)?;
    (end > 0).then_some((inner, inner + end))
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Target};

    fn first_target(text: &str) -> Option<Target> {
        Extractor::new()
            .extract(text)
            .unwrap()
            .targets
            .into_iter()
            .next()
    }

    #[test]
    fn an_allocation_measures_its_purpose() {
        for (text, metric) in [
            (
                "我会预留五十五亿元用作发展数码港第五期，以吸纳更多科技公司。",
                "数码港第五期",
            ),
            (
                "我在去年预算案拨款三十亿元，供香港科技园公司兴建科研基建及设施，包括实验室。",
                "科研基建及设施",
            ),
            (
                "政府已额外投放超过180亿元，从多方面推动创科发展，包括推动研发。",
                "创科",
            ),
            (
                "今年的预算案亦额外预留100亿元，让我们有更多资源发展创科。",
                "创科",
            ),
            (
                "我们会设立100亿元「创科产业引导基金」，成立母基金。",
                "创科产业引导基金",
            ),
            ("报告指出，统筹20亿元实施6个重大科技专项。", "重大科技专项"),
            (
                "调拨15亿元与业界配对成立联合基金，投资初创企业。",
                "联合基金",
            ),
            (
                "下年度更将于相关产业发展编列近200亿元科技预算。",
                "科技预算",
            ),
        ] {
            let t = first_target(text).expect(text);
            assert!(t.metric.contains(metric), "{text}: {}", t.metric);
        }
    }

    #[test]
    fn a_figure_with_a_metric_of_its_own_keeps_it() {
        // the words before name what is measured: no purpose is looked for
        let t = first_target("市财政安排专项资金5亿元，用于支持基础研究。").unwrap();
        assert!(t.metric.ends_with("专项资金"), "{}", t.metric);
        // a share set aside is a share of what the words before name
        let t = first_target("从普通本科高校生均综合定额经费中安排8%用于研发。").unwrap();
        assert!(t.metric.contains("经费"), "{}", t.metric);
        // `投入` is no allocation verb: `研发投入` names the indicator
        let t = first_target("全市研发投入500亿元，用于基础研究的占6%。").unwrap();
        assert!(t.metric.ends_with("研发投入"), "{}", t.metric);
    }
}
