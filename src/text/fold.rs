//! Character folding: traditional to simplified, full-width to half-width.
//!
//! One character in, one character out, so that the shadow text keeps a
//! character-for-character map to the original (the UTF-8 length may still
//! change: some simplified forms are 4-byte characters).

use once_cell::sync::Lazy;
use std::collections::HashMap;

/// The traditional-to-simplified character table (derived from OpenCC's
/// `TSCharacters`, Apache-2.0; see `rules/NOTICE`).
static T2S: Lazy<HashMap<char, char>> = Lazy::new(|| {
    let mut map = HashMap::new();
    for line in include_str!("../../rules/t2s.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut cells = line.split('\t');
        let (Some(t), Some(s)) = (cells.next(), cells.next()) else {
            continue;
        };
        let (mut t, mut s) = (t.chars(), s.chars());
        if let (Some(t), None, Some(s)) = (t.next(), t.next(), s.next()) {
            map.insert(t, s);
        }
    }
    map
});

/// Folds one character: full-width ASCII forms and the ideographic space to
/// half-width, traditional to simplified; anything else is returned as is.
///
/// ```
/// use zhen_extract::text::fold_char;
/// assert_eq!(fold_char('億'), '亿');
/// assert_eq!(fold_char('（'), '(');
/// assert_eq!(fold_char('％'), '%');
/// assert_eq!(fold_char('a'), 'a');
/// ```
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ if (c as u32) < 0x2E80 => c,
        _ => T2S.get(&c).copied().unwrap_or(c),
    }
}
