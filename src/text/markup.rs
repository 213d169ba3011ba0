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

/// The byte ranges of `input` that hold markup, in order, disjoint.
pub(super) fn skipped_regions(input: &str) -> Vec<(usize, usize)> {
    MARKUP
        .find_iter(input)
        .map(|m| (m.start(), m.end()))
        .collect()
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
        let found: Vec<&str> = r.iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(found, ["\x1b[1;31m", "\x1b[0m", "\x1bM"]);
    }

    #[test]
    fn tags_and_addresses() {
        let s = "<p cms-style=\"font-L\">text</p> http://a.b/c/2025.jpg 文";
        let r = skipped_regions(s);
        assert_eq!(r.len(), 3);
        assert_eq!(&s[r[0].0..r[0].1], "<p cms-style=\"font-L\">");
        assert_eq!(&s[r[2].0..r[2].1], "http://a.b/c/2025.jpg");
        assert!(skipped_regions("a < b and c > d").is_empty());
        let page = "---\ntitle: Budget for 2019\nsummary: up 5.12 percent\n---\nBody 2019.";
        let r = skipped_regions(page);
        assert_eq!(&page[r[0].0..r[0].1], &page[..page.find("Body").unwrap()]);
        // a rule in the middle of a text is no header
        assert!(skipped_regions("a\n---\nb: c\n---\n").is_empty());
    }
}
