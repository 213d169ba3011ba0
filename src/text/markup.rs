//! Markup left in web copies: tags, web addresses and HTML entities; and
//! the colour codes of captured terminal output.
//!
//! Tags and addresses become skipped regions (the shadow reads each as one
//! space); entities read as the character they name.

use once_cell::sync::Lazy;
use regex::Regex;

/// A metadata header (YAML front matter: `---`, `key: value` lines, `---`)
/// at the very start, HTML tags and comments, and web addresses (an image
/// address is full of digits that must not read as years or quantities),
/// and terminal escape sequences (`ESC [1m`: their digits are no figures,
/// and a figure right after one must not read as glued to a word).
static MARKUP: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"(?x)
        \A\x{FEFF}?---[\ \t]*\r?\n(?:[A-Za-z_][A-Za-z0-9_-]*:[^\n]*\r?\n|[\ \t-][^\n]*\r?\n)*?---[\ \t]*(?:\r?\n|\z)
        | <!--[\s\S]*?-->
        | </?[A-Za-z][A-Za-z0-9:-]{0,20}(?:\s[^<>]*)?/?>
        | (?:https?|ftp)://[^\s<>"'，。、（）()“”]+
        | www\.[A-Za-z0-9-]+\.[^\s<>"'，。、（）()“”]+
        | \x1B(?:\[[0-?]*[\ -/]*[@-~]|[@-Z\\-_])
        | [A-Za-z0-9._/-]*\.(?:jpg|jpeg|png|gif|webp|svg|pdf|shtml|html|htm|php|aspx?)(?-u:\b)
        "#,
    )
    .expect("markup pattern")
});

/// Markdown emphasis (`**$500** **million**`): it reads as nothing, so
/// that a number split by it stays whole.
static EMPHASIS: Lazy<Regex> = Lazy::new(|| Regex::new(r"\*\*\*?").expect("emphasis pattern"));

/// The opening of a tag of an inline element (a link, a span, emphasis, a
/// font change) or of a comment: markup that can stand inside a word.
static INLINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\A(?:<!--|</?(?:a|abbr|b|big|cite|del|em|font|i|ins|mark|nobr|q|s|small|span|strike|strong|sub|sup|tt|u|wbr)(?:[\s/>]))",
    )
    .expect("inline tag pattern")
});

/// A date-like key of a metadata header, whose value stays visible: the
/// date of a page is a year mention (`date: "2022-08-09"`).
static DATE_KEY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?mi)^(?:date|published|publish_?date|pubdate|updated|modified|lastmod|last_?modified|created|time|datetime)[ \t]*:[ \t]*",
    )
    .expect("date key pattern")
});

/// A region of markup: read as one space (`visible`: a tag, an address),
/// or as nothing (emphasis).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Region {
    pub start: usize,
    pub end: usize,
    /// True where the region reads as a space, false where as nothing.
    pub space: bool,
}

/// The byte ranges of `input` that hold markup, in order, disjoint.
pub(super) fn skipped_regions(input: &str) -> Vec<Region> {
    let mut out = Vec::new();
    for m in MARKUP.find_iter(input) {
        if m.start() == 0 && m.as_str().trim_start_matches('\u{feff}').starts_with("---") {
            header_regions(input, m.start(), m.end(), &mut out);
        } else {
            out.push(Region {
                start: m.start(),
                end: m.end(),
                space: true,
            });
        }
    }
    let mut emphasis = EMPHASIS.find_iter(input).map(|m| Region {
        start: m.start(),
        end: m.end(),
        space: false,
    });
    // merge the two, dropping emphasis inside markup
    let mut merged: Vec<Region> = Vec::with_capacity(out.len());
    let mut next = emphasis.next();
    for r in out {
        while let Some(e) = next.filter(|e| e.start < r.start) {
            if e.end <= r.start && merged.last().is_none_or(|l| l.end <= e.start) {
                merged.push(e);
            }
            next = emphasis.next();
        }
        merged.push(r);
    }
    while let Some(e) = next {
        if merged.last().is_none_or(|l| l.end <= e.start) {
            merged.push(e);
        }
        next = emphasis.next();
    }
    join_inside_words(input, &mut merged);
    merged
}

/// Inline markup inside a Chinese word reads as nothing: a run of inline
/// tags and comments (`<a …>合肥</a></span><span …></span>高新区`, with
/// spaces between them or not) with Chinese characters on both sides, past
/// spaces, hides no break, so the word reads whole in the shadow
/// (`合肥高新区`), as spaces inside a Chinese word do. A shadow span over
/// such a word maps back over the markup.
fn join_inside_words(input: &str, regions: &mut [Region]) {
    let inline = |r: &Region| !r.space || INLINE.is_match(&input[r.start..r.end]);
    let spaces = |a: usize, b: usize| input[a..b].bytes().all(|c| c == b' ');
    let mut i = 0;
    while i < regions.len() {
        if !inline(&regions[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < regions.len()
            && inline(&regions[j])
            && spaces(regions[j - 1].end, regions[j].start)
        {
            j += 1;
        }
        let before = input[..regions[i].start]
            .trim_end_matches(' ')
            .chars()
            .next_back();
        let after = input[regions[j - 1].end..]
            .trim_start_matches(' ')
            .chars()
            .next();
        if before.is_some_and(super::is_han) && after.is_some_and(super::is_han) {
            for r in &mut regions[i..j] {
                r.space = false;
            }
        }
        i = j;
    }
}

/// `s` without its markup, as written otherwise: a tag that reads as a
/// space leaves one space (none next to white space), one inside a word
/// leaves nothing (`合肥</a><span></span>高新区` → `合肥高新区`).
pub(crate) fn without_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for r in skipped_regions(s) {
        out.push_str(&s[at..r.start]);
        let next_is_space = s[r.end..].starts_with(char::is_whitespace);
        if r.space && !out.ends_with(char::is_whitespace) && !out.is_empty() && !next_is_space {
            out.push(' ');
        }
        at = r.end;
    }
    out.push_str(&s[at..]);
    out
}

/// A metadata header is hidden but for the values of its date keys, each
/// kept with its line break.
fn header_regions(input: &str, start: usize, end: usize, out: &mut Vec<Region>) {
    let mut from = start;
    for m in DATE_KEY.find_iter(&input[start..end]) {
        let value = start + m.end();
        let line_end = input[value..end].find('\n').map_or(end, |i| value + i + 1);
        if input[value..line_end].trim().is_empty() {
            continue;
        }
        out.push(Region {
            start: from,
            end: value,
            space: true,
        });
        from = line_end;
    }
    if from < end {
        out.push(Region {
            start: from,
            end,
            space: true,
        });
    }
}

/// The character an HTML entity at the start of `s` names, and the
/// entity's length in bytes.
pub(super) fn entity_at(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = &s[1..end];
    let ch = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ensp" | "emsp" | "thinsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "middot" => '·',
        "hellip" => '…',
        "times" => '×',
        "yen" => '¥',
        "permil" => '‰',
        _ => {
            let num = body.strip_prefix('#')?;
            let code = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                num.parse::<u32>().ok()?
            };
            char::from_u32(code).filter(|c| !c.is_control() || *c == '\n')?
        }
    };
    Some((ch, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(entity_at("&amp;D"), Some(('&', 5)));
        assert_eq!(entity_at("&#8212;x"), Some(('—', 7)));
        assert_eq!(entity_at("&#x4E07;"), Some(('万', 8)));
        assert_eq!(entity_at("& D"), None);
        assert_eq!(entity_at("&bogus;"), None);
    }

    #[test]
    fn terminal_escape_sequences() {
        let s = "达到\x1b[1;31m2.6%\x1b[0m，\x1bMx";
        let r = skipped_regions(s);
        let found: Vec<&str> = r.iter().map(|x| &s[x.start..x.end]).collect();
        assert_eq!(found, ["\x1b[1;31m", "\x1b[0m", "\x1bM"]);
    }

    #[test]
    fn tags_and_addresses() {
        let s = "<p cms-style=\"font-L\">text</p> http://a.b/c/2025.jpg 文";
        let r = skipped_regions(s);
        assert_eq!(r.len(), 3);
        assert_eq!(&s[r[0].start..r[0].end], "<p cms-style=\"font-L\">");
        assert_eq!(&s[r[2].start..r[2].end], "http://a.b/c/2025.jpg");
        assert!(skipped_regions("a < b and c > d").is_empty());
        let page = "---\ntitle: Budget for 2019\nsummary: up 5.12 percent\n---\nBody 2019.";
        let r = skipped_regions(page);
        assert_eq!(
            &page[r[0].start..r[0].end],
            &page[..page.find("Body").unwrap()]
        );
        // the value of a date key stays visible
        let page = "---\ntitle: T 2019\ndate: \"2022-08-09\"\n---\nBody";
        let r = skipped_regions(page);
        assert_eq!(r.len(), 2);
        assert_eq!(&page[r[0].end..r[1].start], "\"2022-08-09\"\n");
        // emphasis reads as nothing
        let r = skipped_regions("**$500** **million**");
        assert_eq!(r.len(), 4);
        assert!(r.iter().all(|x| !x.space));
        // a rule in the middle of a text is no header
        assert!(skipped_regions("a\n---\nb: c\n---\n").is_empty());
    }

    #[test]
    fn text_without_markup() {
        assert_eq!(
            without_markup("合肥</a></span><span id=\"q1\"></span>高新区"),
            "合肥高新区"
        );
        assert_eq!(
            without_markup("Zhangjiang</a> Science City"),
            "Zhangjiang Science City"
        );
        assert_eq!(without_markup("Hong<br>Kong"), "Hong Kong");
        assert_eq!(without_markup("金凤实验室"), "金凤实验室");
    }

    #[test]
    fn inline_markup_inside_a_chinese_word_reads_as_nothing() {
        let spaces =
            |s: &str| -> Vec<bool> { skipped_regions(s).iter().map(|r| r.space).collect() };
        let quote = "例如，<span id=\"s1\"><a href=\"https://q.example.com/1\">合肥</a></span> <span id=\"q1\"></span>高新区";
        // the tags after `，` stand between words: a space, as before
        assert_eq!(spaces(quote), [true, true, false, false, false, false]);
        assert_eq!(spaces("国家<!-- x -->重点实验室"), [false]);
        // between Latin words, digits or sentences, and block tags, stay
        // breaks
        assert_eq!(spaces("Hong <em>Kong</em> Park"), [true, true]);
        assert_eq!(spaces("<b>2025</b>年"), [true, true]);
        assert_eq!(spaces("重庆</p><p>实验室"), [true, true]);
        assert_eq!(spaces("重庆。<a href=\"x\">实验室</a>"), [true, true]);
        assert_eq!(spaces("重庆<br>实验室"), [true]);
        assert_eq!(
            spaces("重庆<a href=\"x\"><img src=\"y\">实验室"),
            [true, true]
        );
    }
}
