//! The text layer: a normalised shadow of the input with a map back to
//! the original bytes.
//!
//! Recognizers never look at the caller's text directly. They read the
//! shadow, in which
//!
//! - traditional characters read as simplified and full-width forms as
//!   half-width (one shadow character per original character, though the
//!   byte length may change),
//! - HTML entities read as their character,
//! - HTML tags, web addresses and page headers read as one space each
//!   (nothing is extracted from them), but inline tags inside a Chinese
//!   word (`合肥<a …>高新</a>区`) read as nothing, so that the word reads
//!   whole and its span maps back over the markup,
//! - spaces and PDF line breaks inside a number or a Chinese word are
//!   dropped (`4.5 万家`, `2025 年`, `国家\n\n战略`), while the breaks
//!   between paragraphs and the tabs between table cells stay.
//!
//! Every shadow byte knows the original byte range of the character it came
//! from, so a shadow span maps back to an original span exactly once, at
//! the end of the pipeline.

mod chrome;
mod document;
mod fold;
pub(crate) mod grid;
mod markup;
mod offsets;
pub(crate) mod segment;

pub use chrome::ChromeRules;
pub use document::Document;
pub use fold::fold_char;
pub(crate) use fold::fold_lower;
pub(crate) use markup::without_markup;

use crate::span::Span;

/// The normalised shadow of an input text, with its offset map.
///
/// ```
/// use zhen_extract::text::Normalized;
/// let n = Normalized::new("研發投入強度達到 2.6 %");
/// assert_eq!(n.text(), "研发投入强度达到2.6%");
/// let at = n.text().find("2.6%").unwrap();
/// let span = n.to_original(zhen_extract::Span::new(at, at + 4));
/// assert_eq!(&"研發投入強度達到 2.6 %"[span], "2.6 %");
/// ```
#[derive(Clone, Debug)]
pub struct Normalized {
    text: String,
    /// For each shadow byte, the original span of its source character.
    map: offsets::OffsetMap,
    orig_len: usize,
    /// Shadow offset where the current line starts, and whether it is a
    /// table row (it holds a tab, or a gap of [`TABLE_GAP`] spaces or
    /// more): kept while building so that deciding a break stays O(1).
    line_start: usize,
    line_is_row: bool,
}

/// What kind of character sits on either side of a run of white space,
/// deciding whether the run is a break or an artefact of the copy.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Han,
    Digit,
    Percent,
    Other,
}

fn side_of(c: char) -> Side {
    if is_han(c) {
        Side::Han
    } else if c.is_ascii_digit() {
        Side::Digit
    } else if c == '%' {
        Side::Percent
    } else {
        Side::Other
    }
}

/// Characters that take no room: zero-width spaces and joiners, the
/// byte-order mark, the soft hyphen.
fn zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
    )
}

/// A space, line break or space entity (`&nbsp;`, `&#160;`) at `at`: its
/// length and whether it is a line break. Tabs are not spaces here: they
/// separate table cells.
fn space_at(input: &str, at: usize) -> Option<(usize, bool)> {
    space_of(input, at, input[at..].chars().next()?)
}

/// [`space_at`] for the character `c` already read at `at`.
fn space_of(input: &str, at: usize, c: char) -> Option<(usize, bool)> {
    match c {
        '\n' => Some((1, true)),
        '\r' => Some((1, false)),
        '&' => markup::entity_at(&input[at..])
            .filter(|(ch, _)| is_space(*ch))
            .map(|(_, len)| (len, false)),
        c if is_space(c) => Some((c.len_utf8(), false)),
        _ => None,
    }
}

/// A space character (not a line break, not a tab).
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{3000}' | '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\u{200a}' | '\u{2002}'
            ..='\u{2006}'
    )
}

/// True for CJK ideographs, including `〇`.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}' | '〇')
}

/// Sentence-final punctuation, after folding: a line that ends in one of
/// these ends its paragraph.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '!' | '?' | ';' | ':' | '.' | '…' | '"' | '”' | ')' | '》' | '」'
    )
}

/// Shortest line (in characters) that a PDF copy breaks mid-sentence: a
/// shorter line is a heading or a table row, and its break is real.
const MIN_BROKEN_LINE_CHARS: usize = 24;
/// Shortest line (in characters) that a copy breaks mid-sentence with a
/// blank line after it: a body paragraph's length, far beyond a heading's.
const MIN_BROKEN_PARAGRAPH_CHARS: usize = 60;
/// The same for English lines, in bytes (a headline is shorter).
const MIN_BROKEN_ENGLISH_LINE: usize = 56;

/// True where the line that `rest` opens is clearly longer than `line`
/// (by a quarter and a few characters): a page's width breaks every line
/// of a paragraph at the same length, so a line shorter than the one after
/// it (a headline over a body paragraph) ended where its writer ended it.
/// Counts no further than that length.
fn longer_line_follows(line: &str, rest: &str) -> bool {
    let n = line.chars().count();
    let longer = n + n / 4 + 4;
    rest.chars()
        .take_while(|&c| c != '\n')
        .take(longer + 1)
        .count()
        > longer
}

/// The spaces in a row that part the cells of a table laid out with
/// spaces: a line holding such a gap is a table row, never half of a
/// sentence broken by a PDF copy.
const TABLE_GAP: usize = 3;

/// What a run of white space is.
enum Run {
    /// An artefact of the copy: dropped.
    Drop,
    /// A line break inside an English sentence: one space.
    Space,
    /// A real break or space: kept.
    Keep,
}

impl Normalized {
    /// Builds the shadow of `input`. Never fails; any `&str` is accepted.
    pub fn new(input: &str) -> Normalized {
        let skips = markup::skipped_regions(input);
        let mut n = Normalized {
            text: String::with_capacity(input.len()),
            map: offsets::OffsetMap::default(),
            orig_len: input.len(),
            line_start: 0,
            line_is_row: false,
        };
        let mut skip_iter = skips.into_iter().peekable();
        let mut i = 0;
        while i < input.len() {
            if let Some(&r) = skip_iter.peek() {
                if r.start == i {
                    skip_iter.next();
                    if r.space {
                        n.push(' ', r.start, r.end);
                    }
                    i = r.end;
                    continue;
                }
            }
            let c = input[i..].chars().next().expect("in bounds");
            let clen = c.len_utf8();
            if c.is_ascii_graphic() && c != '&' {
                // most characters: printable ASCII other than an entity,
                // which folds to itself
                n.push(c, i, i + 1);
                i += 1;
                continue;
            }
            if space_of(input, i, c).is_some() {
                // a run of spaces and line breaks (tabs end the run: they
                // separate table cells)
                let mut j = i;
                let mut newlines = 0;
                let mut units = 0;
                while let Some((len, newline)) = space_at(input, j) {
                    if j > i && skip_iter.peek().is_some_and(|r| r.start == j) {
                        break;
                    }
                    newlines += usize::from(newline);
                    units += 1;
                    j += len;
                }
                match n.white_run(input, j, newlines, units, &skip_iter) {
                    Run::Drop => {
                        i = j;
                        continue;
                    }
                    Run::Space => {
                        // an English PDF break: the line goes on
                        n.push(' ', i, j);
                        i = j;
                        continue;
                    }
                    Run::Keep => {}
                }
                // keep the run, folded: one '\n' per line break, else spaces
                // (a wide gap in a line makes it a table row, whose line
                // break is real)
                if newlines == 0 && units >= TABLE_GAP {
                    n.line_is_row = true;
                }
                let mut k = i;
                while k < j {
                    let (len, newline) = space_at(input, k).expect("in the run");
                    if &input[k..k + len] != "\r" {
                        n.push(if newline { '\n' } else { ' ' }, k, k + len);
                    }
                    k += len;
                }
                i = j;
                continue;
            }
            if c == '&' {
                if let Some((ch, len)) = markup::entity_at(&input[i..]) {
                    if !zero_width(ch) {
                        n.push(fold_char(ch), i, i + len);
                    }
                    i += len;
                    continue;
                }
            }
            // zero-width characters read as nothing (`2.\u{200b}6%` is one
            // number)
            // a full-width comma between digits separates two numbers
            // (`$45，120美元`): it never groups digits as `,` does, so it
            // reads as the list mark `、`
            let between_digits = c == '，'
                && n.text.ends_with(|b: char| b.is_ascii_digit())
                && input[i + clen..]
                    .chars()
                    .next()
                    .is_some_and(|d| fold_char(d).is_ascii_digit());
            if between_digits {
                n.push('、', i, i + clen);
            } else if !zero_width(c) {
                n.push(fold::fold_after(n.text.chars().next_back(), c), i, i + clen);
            }
            i += clen;
        }
        n.map.finish();
        n
    }

    /// Decides what the white-space run ending at `j` (`units` spaces or
    /// breaks, `newlines` of them breaks) is: an
    /// artefact to drop (spaces inside a number or a Chinese word, a PDF
    /// line break in the middle of a Chinese sentence), a PDF line break in
    /// the middle of an English sentence (one space), or a real break.
    fn white_run(
        &self,
        input: &str,
        j: usize,
        newlines: usize,
        units: usize,
        skips: &std::iter::Peekable<std::vec::IntoIter<markup::Region>>,
    ) -> Run {
        let before = match self.text.chars().next_back() {
            Some(c) => c,
            None => return Run::Keep,
        };
        // what follows, past markup that reads as nothing
        let mut at = j;
        for r in skips.clone() {
            if r.start != at || r.space {
                break;
            }
            at = r.end;
        }
        if skips.clone().any(|r| r.start == at && r.space) {
            return Run::Keep;
        }
        let after = match input[at..].chars().find(|c| !zero_width(*c)) {
            Some(c) => fold_char(c),
            None => return Run::Keep,
        };
        let (b, a) = (side_of(before), side_of(after));
        if newlines == 0 && units <= 2 && self.decimal_point_gap(input, before, at) {
            // a PDF copy's spaces around a decimal point (`4 . 53 %`)
            return Run::Drop;
        }
        if newlines == 0 {
            // spaces: join a number to its unit or a Chinese word to a
            // number, never two Latin words or two numbers
            let joins = matches!(
                (b, a),
                (Side::Han, Side::Han)
                    | (Side::Digit, Side::Han)
                    | (Side::Han, Side::Digit)
                    | (Side::Digit, Side::Percent)
                    | (Side::Percent, Side::Han)
            ) && units <= 8;
            return if joins { Run::Drop } else { Run::Keep };
        }
        if ends_sentence(before) || self.line_is_row {
            return Run::Keep;
        }
        let line = &self.text[self.line_start..];
        // a line break: a long line that stops mid-sentence before a line
        // that goes on in Chinese is a PDF break inside a word
        // (one blank line is a paragraph break in any plain text; a PDF page
        // break leaves a run of them; a line of Latin letters and digits, a
        // timestamp or a byline, is no Chinese line broken in two)
        // (a blank line after a long line that stops mid-word is a copy's
        // break too: `占规上工业增加\n\n值的 72.8%`)
        let blank_line_ok = newlines != 2
            || line.chars().take(MIN_BROKEN_PARAGRAPH_CHARS).count() == MIN_BROKEN_PARAGRAPH_CHARS;
        if (b == Side::Han || b == Side::Digit)
            && (a == Side::Han || a == Side::Digit)
            && blank_line_ok
            && line.chars().take(MIN_BROKEN_LINE_CHARS).count() == MIN_BROKEN_LINE_CHARS
            && (b == Side::Han || line.chars().any(is_han))
            && !longer_line_follows(line, &input[at..])
        {
            return Run::Drop;
        }
        // and one that goes on in English is a space between words
        let latin =
            |c: char| c.is_ascii_alphanumeric() || matches!(c, ',' | '-' | '&' | '(' | '“' | '"');
        if newlines == 1
            && latin(before)
            && latin(after)
            && line.is_ascii()
            && line.len() >= MIN_BROKEN_ENGLISH_LINE
        {
            return Run::Space;
        }
        Run::Keep
    }

    /// True where a run of spaces stands between a digit and a decimal
    /// point with a digit after it (`4 . 53`; the run ends at `at` in
    /// `input`), or between such a point, itself after spaces, and its
    /// digits (the shadow ends in `4.`): not after a full stop (`in 2019.
    /// 5 firms`).
    fn decimal_point_gap(&self, input: &str, before: char, at: usize) -> bool {
        let rest = &input[at..];
        let digit_after = |r: &str| {
            r.trim_start_matches(' ')
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        };
        if before.is_ascii_digit() {
            return rest.strip_prefix('.').is_some_and(digit_after);
        }
        if before == '.' && rest.starts_with(|c: char| c.is_ascii_digit()) {
            let digit_before = self
                .text
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit());
            let point = self
                .text
                .len()
                .checked_sub(1)
                .map_or(0, |at| self.map.source(&self.text, at).0);
            return digit_before && input[..point].ends_with(' ');
        }
        false
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        self.map
            .push(&self.text, self.text.len(), c.len_utf8(), start, end);
        self.text.push(c);
        if c == '\n' {
            self.line_start = self.text.len();
            self.line_is_row = false;
        } else if c == '\t' {
            self.line_is_row = true;
        }
    }

    /// The shadow text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the original input in bytes.
    pub fn original_len(&self) -> usize {
        self.orig_len
    }

    /// Maps a span of the shadow text (on character boundaries) to the
    /// span of the original input that produced it.
    pub fn to_original(&self, span: Span) -> Span {
        if span.is_empty() {
            let at = self.original_offset(span.start);
            return Span::new(at, at);
        }
        Span::new(
            self.map.source(&self.text, span.start).0,
            self.map.source(&self.text, span.end - 1).1,
        )
    }

    /// The original byte offset of a shadow position (its character's
    /// start, or the end of the input for the end of the shadow).
    pub fn original_offset(&self, at: usize) -> usize {
        if at >= self.text.len() {
            self.orig_len
        } else {
            self.map.source(&self.text, at).0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(input: &str, shadow: &str, want: &str) {
        let n = Normalized::new(input);
        let at = n
            .text()
            .find(shadow)
            .unwrap_or_else(|| panic!("{shadow:?} not in {:?}", n.text()));
        let span = n.to_original(Span::new(at, at + shadow.len()));
        assert_eq!(&input[span], want);
    }

    #[test]
    fn spaces_around_a_decimal_point_are_dropped() {
        assert_eq!(Normalized::new("達 4 . 53 % ,").text(), "达4.53% ,");
        round_trip("高達 80 . 35 %", "80.35%", "80 . 35 %");
        // a full stop after a figure is no decimal point
        assert_eq!(
            Normalized::new("in 2019. 5 firms").text(),
            "in 2019. 5 firms"
        );
    }

    #[test]
    fn spaces_inside_numbers_and_words_are_dropped() {
        assert_eq!(Normalized::new("超过 4.5 万家").text(), "超过4.5万家");
        // a word whose characters fold differently by word
        assert_eq!(Normalized::new("研發計畫與畫家").text(), "研发计划与画家");
        assert_eq!(Normalized::new("到 2025 年，").text(), "到2025年,");
        assert_eq!(Normalized::new("增长 10% 以上").text(), "增长10%以上");
        round_trip("超过 4.5 万家", "4.5万家", "4.5 万家");
    }

    #[test]
    fn latin_words_and_table_cells_stay_apart() {
        assert_eq!(Normalized::new("50 billion yuan").text(), "50 billion yuan");
        assert_eq!(Normalized::new("2.11\t2.6").text(), "2.11\t2.6");
        assert_eq!(Normalized::new("2020 2025").text(), "2020 2025");
    }

    #[test]
    fn a_headline_over_a_longer_line_is_not_joined_to_it() {
        let headline = "科技创新引领产业创新四川国家高新技术企业达到1.8万家";
        let body = "中新网成都1月20日电 四川省第十四届人民代表大会第四次会议20日开幕，\
                    四川省人民政府省长施小琳向大会作政府工作报告，全省新增国家高新技术企业1200家。";
        let text = format!("{headline}\n{body}");
        assert!(Normalized::new(&text).text().contains("万家\n中新网"));
        // a line the page's width broke goes on in one no longer than it
        let broken =
            "全省新增国家高新技术企业1200家，总量达到1.8万家，研发经费投入\n强度达到2.5%。";
        assert!(!Normalized::new(broken).text().contains('\n'));
    }

    #[test]
    fn pdf_breaks_mid_sentence_are_joined() {
        let input = "为深入贯彻习近平总书记关于科技创新的重要论述，培育国家\n\n\n\n战略科技力量。\n\n第二节 标题\n\n正文";
        let n = Normalized::new(input);
        assert!(n.text().contains("培育国家战略科技力量"));
        assert!(
            n.text().contains("力量。\n\n第二节标题\n\n正文"),
            "{}",
            n.text()
        );
        round_trip(input, "国家战略", "国家\n\n\n\n战略");
        // one blank line after a body paragraph's length, mid-word
        let input = "主要指标稳中有进：2022年全区研发经费占地区生产总值比重达3.02%；全年区本级高新技术产业实现增加值286.61亿元，同比增长10.5%，占规上工业增加\n\n\
                     值的72.8%；区本级完成高新技术产业投资65.35亿元，同比增长42.3%。\n\n短标题\n\n正文";
        let n = Normalized::new(input);
        assert!(n.text().contains("工业增加值的72.8%"), "{}", n.text());
        assert!(n.text().contains("。\n\n短标题\n\n正文"), "{}", n.text());
    }

    #[test]
    fn traditional_and_full_width_fold() {
        let n = Normalized::new("金鳳實驗室（重慶）１２３");
        assert_eq!(n.text(), "金凤实验室(重庆)123");
        round_trip("金鳳實驗室（重慶）１２３", "(重庆)", "（重慶）");
    }

    #[test]
    fn entities_and_tags() {
        let input =
            "<p cms-style=\"font-L\">R&amp;D 投入</p> see https://img.example.com/2025/0312.jpg";
        let n = Normalized::new(input);
        assert!(n.text().contains("R&D"), "{}", n.text());
        assert!(!n.text().contains("2025"));
        assert!(!n.text().contains("cms"));
        round_trip(input, "R&D", "R&amp;D");
    }

    #[test]
    fn inline_markup_inside_a_chinese_word_reads_as_nothing() {
        let input = "例如，<a href=\"https://q.example.com/1\">合肥</a></span> <span id=\"q1\"></span>高新区<b>培育</b>了";
        let n = Normalized::new(input);
        assert!(n.text().contains("合肥高新区培育了"), "{}", n.text());
        assert!(!n.text().contains("q1") && !n.text().contains("example"));
        round_trip(
            input,
            "合肥高新区",
            "合肥</a></span> <span id=\"q1\"></span>高新区",
        );
        // between Latin words a tag stays a space
        assert_eq!(Normalized::new("Hong <em>Kong</em>").text(), "Hong  Kong ");
    }

    #[test]
    fn zero_width_characters_read_as_nothing() {
        assert_eq!(Normalized::new("增长2.\u{200b}6%").text(), "增长2.6%");
        assert_eq!(Normalized::new("a\u{feff}b\u{ad}c&#8203;d").text(), "abcd");
        round_trip("增长2.\u{200b}6%", "2.6%", "2.\u{200b}6%");
    }

    #[test]
    fn space_entities_and_narrow_spaces_are_spaces() {
        assert_eq!(Normalized::new("40&#160;百萬瓩").text(), "40百万瓩");
        assert_eq!(Normalized::new("9,000&nbsp;億元").text(), "9,000亿元");
        assert_eq!(
            Normalized::new("12\u{202f}500 and 1\u{2009}250").text(),
            "12 500 and 1 250"
        );
        round_trip("40&#160;百萬瓩", "40百万瓩", "40&#160;百萬瓩");
    }

    #[test]
    fn emphasis_reads_as_nothing() {
        assert_eq!(
            Normalized::new("**$500** **million**").text(),
            "$500 million"
        );
        round_trip("**$500** **million**", "$500 million", "$500** **million");
    }

    #[test]
    fn a_latin_line_before_chinese_is_no_broken_word() {
        let input = "By Li Wei | Updated: 2024-03-05 10:20\n全市新增企业3000家。";
        assert!(Normalized::new(input).text().contains("10:20\n全市"));
    }

    #[test]
    fn every_byte_maps_inside_the_original() {
        let input = "A\u{3000}b 2025 年 &lt;x&gt; 萬億 \r\n\r\n末";
        let n = Normalized::new(input);
        for (i, _) in n.text().char_indices() {
            let s = n.to_original(Span::new(
                i,
                i + n.text()[i..].chars().next().unwrap().len_utf8(),
            ));
            assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
        }
    }
}
