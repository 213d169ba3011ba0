//! Where a paragraph stands in its document: headings and titles, lead-ins
//! over a list, and the year that opens a paragraph. The year and status
//! steps read a figure's frame from them.

use super::{at_most_chars, char_offset, Ctx};
use crate::model::YearKind;
use crate::year::Hit as YHit;

/// How many characters into a paragraph its opening year may stand.
const OPENING_CHARS: usize = 6;
/// How far into a paragraph a year set off by a comma (`报告显示，2024年，`,
/// `按初步数测算，2024年，`) may stand and still open it, before any figure.
const FRONTED_YEAR_CHARS: usize = 40;
/// The longest heading without a number before it, in characters.
const HEADING_CHARS: usize = 24;
/// The longest English heading, in bytes.
const ENGLISH_HEADING_BYTES: usize = 90;
/// The longest numbered heading (`一、…`, `（三）…`, `第二章 …`), in
/// characters.
const NUMBERED_HEADING_CHARS: usize = 40;

impl Ctx<'_> {
    /// True where paragraph `k` is a heading or title: a short line that
    /// does not end a sentence, or a numbered heading.
    pub(super) fn is_heading(&self, k: usize) -> bool {
        let p = self.text[self.doc.segments.paragraphs[k]].trim();
        // table rows, list items and image captions (`图为2018湖北科技工作
        // 会议现场`: the `caption` rows) are no headings
        if p.contains('\t')
            || p.starts_with(is_bullet)
            || self.rules.words.caption.prefix_of(p).is_some()
        {
            return false;
        }
        let ends_sentence = p.ends_with(['。', '.', '!', '?', ',', ';', '，', '；']);
        // English headings run longer (`I. Expenditures on Research and
        // Experimental Development (R&D)`)
        let limit = if p.is_ascii() {
            ENGLISH_HEADING_BYTES
        } else {
            HEADING_CHARS
        };
        (at_most_chars(p, limit) && !ends_sentence)
            || (at_most_chars(p, NUMBERED_HEADING_CHARS) && numbered(p) && !p.ends_with('。'))
    }

    /// True where paragraph `k` leads in to what follows it: it ends in
    /// `：` or `——` (`2026年力争：`, `成绩背后，有一批“首次”提供硬核支撑——`).
    pub(super) fn is_lead_in(&self, k: usize) -> bool {
        let p = self.text[self.doc.segments.paragraphs[k]].trim_end();
        p.ends_with([':', '：']) || p.ends_with("——") || p.ends_with('—')
    }

    /// The year among the first few characters of paragraph `k` (`2025年，`,
    /// `各位代表！2025年目标任务…`), other than a year compared with or one
    /// that names a document. A dateline (a full date) opens only the
    /// paragraph it stands in: `own` is set for the figure's own paragraph.
    ///
    /// Further in, a year set off by a comma before the paragraph's first
    /// figure opens it too: a source or a topic sentence may come first
    /// (`报告显示，2024年，…`, `四川发展动能加快汇聚。报告显示，2024年，`).
    pub(super) fn opening_year(&self, k: usize, own: bool) -> Option<&YHit> {
        let p = self.doc.segments.paragraphs[k];
        let opening_end = p.start + char_offset(&self.text[p], OPENING_CHARS);
        let fronted_end = p.start + char_offset(&self.text[p], FRONTED_YEAR_CHARS);
        let first_figure = self
            .quantities_in(super::between(p.start, fronted_end))
            .next()
            .map_or(fronted_end, |(_, q)| q.span.start);
        let fronted = |y: &YHit| {
            y.span.end <= first_figure && self.text[y.span.end..].starts_with([',', '，'])
        };
        self.years_in(p)
            .take_while(|y| y.span.start <= opening_end || y.span.start < first_figure)
            .filter(|y| y.span.start <= opening_end || fronted(y))
            .filter(|y| own || y.kind != YearKind::Date)
            .find(|y| !self.compared_year(y) && !self.names_document(y))
    }
}

/// List bullets.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '●' | '•' | '·' | '▪' | '◆' | '■' | '◇' | '○' | '-' | '*' | '—'
    )
}

/// True where a paragraph opens with a heading number: `一、`, `（三）`,
/// `(2)`, `1.`, `第二章`, `第一节`.
fn numbered(p: &str) -> bool {
    let t = p.trim_start();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if t.starts_with('第')
        && t.chars()
            .take(6)
            .any(|c| matches!(c, '章' | '节' | '部' | '篇'))
    {
        return true;
    }
    let inner = t
        .strip_prefix(['(', '（'])
        .map(|r| r.trim_start_matches(numeral))
        .filter(|r| r.len() < t.len() - 1);
    if inner.is_some_and(|r| r.starts_with([')', '）'])) {
        return true;
    }
    let rest = t.trim_start_matches(numeral);
    if rest.len() < t.len() && rest.starts_with(['、', '.', '．']) {
        return true;
    }
    // Roman numerals: `I.`, `IV.`
    let roman = t.trim_start_matches(['I', 'V', 'X']);
    roman.len() < t.len() && roman.starts_with(". ")
}

#[cfg(test)]
mod tests {
    use super::numbered;

    #[test]
    fn heading_numbers() {
        for h in [
            "一、综合实力",
            "（三）加快建设",
            "(2) Goals",
            "1. 主要指标",
            "第二章 总体要求",
            "IV. Outlook",
        ] {
            assert!(numbered(h), "{h}");
        }
        for p in ["2025年，重庆首次", "研发投入强度达到2.6%", "第35位"] {
            assert!(!numbered(p), "{p}");
        }
    }
}
