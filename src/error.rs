//! Typed errors. Text that merely holds nothing to extract is never an
//! error; input that is not text, and rule tables that do not parse, are.

use thiserror::Error;

/// Why an input was refused.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputError {
    /// The bytes are not UTF-8; `offset` is the first bad byte.
    #[error("input is not UTF-8: invalid byte at offset {offset}")]
    NotUtf8 {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// The input has no characters, or only white space.
    #[error("input is empty")]
    Empty,
    /// The input holds NUL or other control bytes that text does not.
    #[error("input looks binary: control byte {byte:#04x} at offset {offset}")]
    Binary {
        /// Byte offset of the first offending byte.
        offset: usize,
        /// The byte itself.
        byte: u8,
    },
    /// The bytes are text, but in an encoding other than UTF-8 (UTF-16,
    /// UTF-32, GBK, Big5, …): convert it to UTF-8 first.
    #[error("input is {encoding} text, not UTF-8 ({clue}); convert it to UTF-8 first")]
    Encoding {
        /// The encoding's name as the WHATWG Encoding Standard spells it
        /// (`UTF-16LE`, `GBK`, `Big5`), or `UTF-32LE` / `UTF-32BE`.
        encoding: &'static str,
        /// What gave the encoding away.
        clue: EncodingClue,
    },
    /// The input is larger than the configured limit.
    #[error("input is {len} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        len: usize,
        /// The limit set with [`crate::ExtractorBuilder::max_input_bytes`].
        limit: usize,
    },
}

/// What told the extractor that an input is in another encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EncodingClue {
    /// The input opens with that encoding's byte-order mark.
    ByteOrderMark,
    /// Every other byte is NUL, as in UTF-16 text of mostly ASCII
    /// characters written without a byte-order mark.
    NulPattern,
    /// The bytes are not UTF-8 but decode without a single error in that
    /// encoding, which a statistical detector (chardetng) picked.
    Decodes,
}

impl std::fmt::Display for EncodingClue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EncodingClue::ByteOrderMark => "by its byte-order mark",
            EncodingClue::NulPattern => "every other byte is NUL",
            EncodingClue::Decodes => "it decodes in that encoding without error",
        })
    }
}

/// A rule-table text that could not be read.
///
/// Shown as `rule table units, line 3: …`; an error about a table as a
/// whole (a table the crate does not have, a matcher that cannot be built
/// from all its rows) has line 0 and is shown without one.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// The table's name (`units`, `metrics`, …), as the caller gave it.
    pub table: String,
    /// 1-based line number in the text that was added (or in the shipped
    /// table); 0 when the error is about no single line.
    pub line: usize,
    /// What is wrong with the line.
    pub message: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => write!(f, "rule table {}: {}", self.table, self.message),
            line => write!(
                f,
                "rule table {}, line {line}: {}",
                self.table, self.message
            ),
        }
    }
}

impl RuleError {
    pub(crate) fn new(table: &str, line: usize, message: impl Into<String>) -> RuleError {
        RuleError {
            table: table.to_string(),
            line,
            message: message.into(),
        }
    }
}
