//! Naming the encoding of input that is text but not UTF-8, so that a
//! caller is told "UTF-16LE" or "GBK" rather than "invalid byte at
//! offset 0".
//!
//! Three clues, strongest first: a byte-order mark, the NUL pattern of
//! UTF-16 text written without one, and a statistical guess (chardetng,
//! the detector Firefox uses) that is believed only for the multi-byte
//! encodings of East Asia, and only where the whole input decodes in it
//! without a single error. Single-byte encodings decode nearly any bytes,
//! so a guess of one of them says nothing and is not reported.

use crate::error::EncodingClue;

/// Byte-order marks, longest first (UTF-32LE's begins with UTF-16LE's).
const BOMS: [(&[u8], &str); 4] = [
    (b"\xff\xfe\x00\x00", "UTF-32LE"),
    (b"\x00\x00\xfe\xff", "UTF-32BE"),
    (b"\xff\xfe", "UTF-16LE"),
    (b"\xfe\xff", "UTF-16BE"),
];

/// The multi-byte encodings a clean decode is evidence for.
const MULTI_BYTE: [&str; 7] = [
    "GBK",
    "gb18030",
    "Big5",
    "EUC-KR",
    "Shift_JIS",
    "EUC-JP",
    "ISO-2022-JP",
];

/// How much of the input the NUL pattern is read on.
const SAMPLE: usize = 8 << 10;

/// The encoding of `bytes` (which are not UTF-8, or hold NUL), where a
/// clue names one.
pub(crate) fn detect(bytes: &[u8]) -> Option<(&'static str, EncodingClue)> {
    if let Some((_, name)) = BOMS.iter().find(|(bom, _)| bytes.starts_with(bom)) {
        return Some((name, EncodingClue::ByteOrderMark));
    }
    if let Some(name) = utf16_by_nuls(bytes) {
        return Some((name, EncodingClue::NulPattern));
    }
    multi_byte(bytes).map(|name| (name, EncodingClue::Decodes))
}

/// UTF-16 without a byte-order mark: text of mostly ASCII characters has
/// a NUL in one half of nearly every code unit and none in the other.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(SAMPLE) & !1];
    let units = sample.len() / 2;
    if units < 4 {
        return None;
    }
    let (mut high, mut low) = (0, 0);
    for unit in sample.chunks_exact(2) {
        high += usize::from(unit[0] == 0);
        low += usize::from(unit[1] == 0);
    }
    // at least one unit in four NUL on one side, NUL on the other side
    // a rarity (U+0100, U+0200, … in big-endian order)
    let one_sided = |nul: usize, other: usize| nul * 4 >= units && other * 16 <= nul;
    if one_sided(low, high) {
        Some("UTF-16LE")
    } else if one_sided(high, low) {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// A multi-byte East Asian encoding the bytes decode in without error.
///
/// UTF-8 text with a stray bad byte often decodes in GBK too (its
/// three-byte characters pair up as two-byte ones), so bytes that are
/// mostly good UTF-8 Chinese are taken for damaged UTF-8, not for GBK.
/// Text in a legacy encoding does form valid UTF-8 now and then (a GBK
/// lead byte in `C0..DF` and a trail byte in `80..BF` make a two-byte
/// character), but hardly ever a Chinese character.
fn multi_byte(bytes: &[u8]) -> Option<&'static str> {
    if bytes.iter().filter(|b| !b.is_ascii()).count() < 4 {
        return None;
    }
    let (mut good, mut bad) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        good += chunk
            .valid()
            .chars()
            .filter(|&c| crate::text::is_han(c))
            .map(char::len_utf8)
            .sum::<usize>();
        bad += chunk.invalid().len();
    }
    if good >= bad {
        return None;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let name = guess.name();
    if !MULTI_BYTE.contains(&name) {
        return None;
    }
    guess
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|_| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn byte_order_marks() {
        let mut le = b"\xff\xfe".to_vec();
        le.extend(utf16("研发投入强度", false));
        assert_eq!(detect(&le), Some(("UTF-16LE", EncodingClue::ByteOrderMark)));
        let mut be = b"\xfe\xff".to_vec();
        be.extend(utf16("研发投入强度", true));
        assert_eq!(detect(&be), Some(("UTF-16BE", EncodingClue::ByteOrderMark)));
        assert_eq!(detect(b"\xff\xfe\0\0a\0\0\0").unwrap().0, "UTF-32LE");
    }

    #[test]
    fn utf16_without_a_mark_by_its_nuls() {
        let text = "By 2025, R&D intensity will reach 2.6% (到2025年).";
        assert_eq!(
            detect(&utf16(text, false)),
            Some(("UTF-16LE", EncodingClue::NulPattern))
        );
        assert_eq!(detect(&utf16(text, true)).unwrap().0, "UTF-16BE");
        // a stray NUL in UTF-8 text is no pattern
        assert_eq!(utf16_by_nuls("研发投入强度\0达到2.6%".as_bytes()), None);
        assert_eq!(utf16_by_nuls(b"a\0b"), None);
    }

    #[test]
    fn legacy_chinese_encodings_that_decode_cleanly() {
        let text = "到2025年，全社会研发投入强度达到2.6%，科技型企业超过4.5万家。";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(detect(&gbk), Some(("GBK", EncodingClue::Decodes)));
        // short, and full of accidental two-byte UTF-8 characters
        let (gbk, _, _) = encoding_rs::GBK.encode("到2025年，全社会研发投入强度达到2.6%。");
        assert_eq!(detect(&gbk), Some(("GBK", EncodingClue::Decodes)));
        let traditional = "到2025年，全社會研發投入強度達到2.6%，科技型企業超過4.5萬家。";
        let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
        assert_eq!(detect(&big5), Some(("Big5", EncodingClue::Decodes)));
    }

    #[test]
    fn stray_bad_bytes_name_no_encoding() {
        let mut damaged = "到2025年达到2.6%".as_bytes().to_vec();
        damaged.insert(3, 0xbf);
        assert_eq!(detect(&damaged), None);
        assert_eq!(detect(b"2025\xff"), None);
        assert_eq!(detect(b"\xe5\x88\xb0\xff2025"), None);
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
    }
}
