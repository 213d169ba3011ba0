//! Character offsets for byte offsets: Python slices a `str` by
//! characters (code points), the library's spans count UTF-8 bytes.

/// The character offset of each byte offset a document's records carry,
/// found in one pass over the text.
#[derive(Debug)]
pub struct CharIndex<'t> {
    text: &'t [u8],
    /// Byte offsets, sorted and unique.
    bytes: Vec<usize>,
    /// The character offset of each, in the same order.
    chars: Vec<usize>,
}

impl<'t> CharIndex<'t> {
    /// Indexes `offsets` (byte offsets on character boundaries of `text`,
    /// in any order, repeats allowed).
    pub fn new(text: &'t [u8], mut offsets: Vec<usize>) -> CharIndex<'t> {
        offsets.sort_unstable();
        offsets.dedup();
        let mut chars = Vec::with_capacity(offsets.len());
        let (mut pos, mut count) = (0, 0);
        for &off in &offsets {
            let off = off.min(text.len());
            count += chars_in(&text[pos..off]);
            pos = off;
            chars.push(count);
        }
        CharIndex {
            text,
            bytes: offsets,
            chars,
        }
    }

    /// The character offset of `byte`: looked up if it was indexed,
    /// else counted from the nearest indexed offset before it.
    pub fn get(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.chars[i],
            Err(0) => chars_in(&self.text[..byte]),
            Err(i) => self.chars[i - 1] + chars_in(&self.text[self.bytes[i - 1]..byte]),
        }
    }
}

/// The number of characters in `bytes`, a run of whole UTF-8 sequences.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| !is_continuation(b)).count()
}

/// A byte that continues a UTF-8 sequence rather than starting a character.
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_map_to_character_offsets() {
        let text = "到2025年，R&D 𝔸 2.6%";
        let offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let index = CharIndex::new(text.as_bytes(), offsets.iter().rev().copied().collect());
        for (c, &b) in offsets.iter().enumerate() {
            assert_eq!(index.get(b), c, "byte {b}");
        }
        let sparse = CharIndex::new(text.as_bytes(), vec![text.len(), 4, text.len()]);
        assert_eq!(sparse.get(text.len()), text.chars().count());
        assert_eq!(sparse.get(4), 2);
        for (c, &b) in offsets.iter().enumerate() {
            assert_eq!(sparse.get(b), c, "byte {b}, not indexed");
        }
    }
}
