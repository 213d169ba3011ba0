//! Character folding: traditional to simplified, full-width to half-width.
//!
//! One character in, one character out, so that the shadow text keeps a
//! character-for-character map to the original (the UTF-8 length may still
//! change: some simplified forms are 4-byte characters).

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

/// First code point of the dense part of the fold table.
const DENSE_FROM: u32 = 0x2E80;
/// One past the last code point of the dense part (the BMP).
const DENSE_TO: u32 = 0x1_0000;

/// The (traditional, simplified) rows of a fold table, past its comments.
fn pairs(tsv: &str) -> impl Iterator<Item = (&str, &str)> {
    tsv.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .map(|(t, rest)| (t, rest.split('\t').next().unwrap_or(rest)))
}

/// The traditional-to-simplified character table (derived from OpenCC's
/// `TSCharacters`, Apache-2.0; see `rules/NOTICE`): a direct-indexed array
/// over the BMP's CJK blocks (one lookup per character on the hot path), and
/// a map for the few supplementary-plane entries.
struct FoldTable {
    dense: Vec<char>,
    sparse: FxHashMap<char, char>,
}

static T2S: Lazy<FoldTable> = Lazy::new(|| {
    let mut map = FxHashMap::default();
    for (t, s) in pairs(include_str!("../../rules/t2s.tsv")) {
        let (mut t, mut s) = (t.chars(), s.chars());
        if let (Some(t), None, Some(s)) = (t.next(), t.next(), s.next()) {
            map.insert(t, s);
        }
    }
    let mut dense: Vec<char> = (DENSE_FROM..DENSE_TO)
        .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
        .collect();
    let mut sparse = FxHashMap::default();
    for (t, s) in map {
        let c = t as u32;
        if (DENSE_FROM..DENSE_TO).contains(&c) {
            dense[(c - DENSE_FROM) as usize] = s;
        } else {
            sparse.insert(t, s);
        }
    }
    FoldTable { dense, sparse }
});

/// Second characters of the two-character words a character fold gets
/// wrong (`rules/t2s_words.tsv`): (the first character folded, the second
/// as written) → the second folded (`计` + `畫` → `划`).
static T2S_WORDS: Lazy<FxHashMap<(char, char), char>> = Lazy::new(|| {
    let mut map = FxHashMap::default();
    for (t, s) in pairs(include_str!("../../rules/t2s_words.tsv")) {
        let (t, s): (Vec<char>, Vec<char>) = (t.chars().collect(), s.chars().collect());
        if let ([t0, t1], [_, s1]) = (t.as_slice(), s.as_slice()) {
            map.insert((fold_char(*t0), *t1), *s1);
        }
    }
    map
});

/// Folds `c` written after a character that folded to `before`: as
/// [`fold_char`], except for the second character of a word the table of
/// words names (`計畫` → `计划`, where `畫` alone is `画`).
pub(crate) fn fold_after(before: Option<char>, c: char) -> char {
    before
        .and_then(|b| T2S_WORDS.get(&(b, c)).copied())
        .unwrap_or_else(|| fold_char(c))
}

/// Folds one character: full-width ASCII forms and the ideographic space to
/// half-width, traditional to simplified; anything else is returned as is.
///
/// ```
/// use zhen_extract::text::fold_char;
/// assert_eq!(fold_char('億'), '亿');
/// assert_eq!(fold_char('（'), '(');
/// assert_eq!(fold_char('％'), '%');
/// assert_eq!(fold_char('￥'), '¥');
/// assert_eq!(fold_char('a'), 'a');
/// ```
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        // full-width signs: ￠ ￡ ￢ ￣ ￤ ￥ ￦
        '\u{FFE0}' => '¢',
        '\u{FFE1}' => '£',
        '\u{FFE2}' => '¬',
        '\u{FFE3}' => '¯',
        '\u{FFE4}' => '¦',
        '\u{FFE5}' => '¥',
        '\u{FFE6}' => '₩',
        '\u{3000}' => ' ',
        _ if (c as u32) < 0x2E80 => c,
        _ if (c as u32) < DENSE_TO => {
            let s = T2S.dense[(c as u32 - DENSE_FROM) as usize];
            // surrogate code points never reach here: they are not chars
            if s == '\u{FFFD}' && c != '\u{FFFD}' {
                c
            } else {
                s
            }
        }
        _ => T2S.sparse.get(&c).copied().unwrap_or(c),
    }
}

/// A rule wording as the recognizers compare it: every character folded
/// (`fold_char`), then lower-cased.
pub(crate) fn fold_lower(s: &str) -> String {
    s.chars().map(fold_char).collect::<String>().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::fold_char;

    fn fold(s: &str) -> String {
        s.chars().map(fold_char).collect()
    }

    #[test]
    fn traditional_reads_as_simplified() {
        assert_eq!(fold("金鳳實驗室"), "金凤实验室");
        assert_eq!(fold("研發投入強度達到2.6%"), "研发投入强度达到2.6%");
        assert_eq!(fold("228個項目，1,200億元"), "228个项目,1,200亿元");
        // one-to-many characters take OpenCC's default form
        assert_eq!(fold("於後"), "于后");
    }

    #[test]
    fn simplified_and_latin_are_left_alone() {
        let s = "到2025年研发投入强度达到2.6% R&D intensity";
        assert_eq!(fold(s), s);
    }

    #[test]
    fn supplementary_plane_and_length_changing_entries() {
        // 3-byte traditional to 4-byte simplified, and 4-byte to 3-byte
        assert_eq!(fold_char('㑮'), '𫝈');
        assert_eq!(fold_char('𠗣'), '㓆');
    }
}
