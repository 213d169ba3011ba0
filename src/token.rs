//! Tokens: Han runs through jieba, Latin runs by word bounds, numbers whole.
//!
//! One segmenter is built once for the process and shared; its dictionary
//! is extended from the rule tables so that unit, metric and institution
//! words stay whole. An extractor whose added rule rows bring words of
//! their own builds a segmenter of its own ([`Segmenter`]).

use crate::span::Span;
use crate::text::is_han;
use jieba_rs::Jieba;
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A Chinese word from the segmenter.
    Han,
    /// A Latin-script word.
    Latin,
    /// A number, Arabic, Chinese or mixed (`4.5万`, `二〇三五`).
    Number,
    /// Punctuation or a symbol.
    Punct,
}

/// A token of the shadow text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is, in the text it was read from.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
}

/// A token of the shadow text as the recognizers keep it: byte offsets of
/// 32 bits (the text layer's offsets are 32-bit throughout), half the room
/// of a [`Token`] in the per-document token vector, the largest structure
/// of a document read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ShadowToken {
    start: u32,
    end: u32,
    /// What it is made of.
    pub kind: TokenKind,
}

impl ShadowToken {
    fn from_span(span: Span, kind: TokenKind) -> ShadowToken {
        ShadowToken {
            start: span.start as u32,
            end: span.end as u32,
            kind,
        }
    }

    /// Where the token is in the shadow text.
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

static JIEBA: Lazy<Jieba> =
    Lazy::new(|| build(&crate::rules::Rules::default_rules().segmenter_words()));

/// jieba's default dictionary extended with `words`, each kept whole.
fn build(words: &[&str]) -> Jieba {
    let mut j = Jieba::new();
    for w in words {
        j.add_word(w, Some(100_000), None);
    }
    j
}

/// The segmenter a set of rules reads Chinese with: the shared one, built
/// once per process from the shipped tables, or one of its own for rules
/// whose added rows bring words the shipped tables lack (a name the shipped
/// dictionary would split must reach the tokens whole).
#[derive(Clone, Default)]
pub(crate) struct Segmenter(Option<Arc<Jieba>>);

impl Segmenter {
    /// A segmenter of its own: jieba's dictionary with `words` kept whole.
    /// Costs what loading jieba's dictionary costs (see
    /// [`crate::ExtractorBuilder::add_rules`]).
    pub(crate) fn with_words(words: &[&str]) -> Segmenter {
        Segmenter(Some(Arc::new(build(words))))
    }

    /// The jieba instance.
    pub(crate) fn get(&self) -> &Jieba {
        self.0.as_deref().unwrap_or(&JIEBA)
    }

    /// True for a segmenter of its own.
    pub(crate) fn is_own(&self) -> bool {
        self.0.is_some()
    }
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.is_own() {
            "Segmenter(own)"
        } else {
            "Segmenter(shared)"
        })
    }
}

/// Cuts a Han run: Chinese numerals of two or more characters that read as
/// one number (`二〇三五`, `四十五万`) become number tokens, the rest goes
/// through jieba.
fn cut_han(jieba: &Jieba, text: &str, run: Span, out: &mut Vec<ShadowToken>) {
    let rules = crate::rules::Rules::default_rules();
    let mut start = run.start;
    let mut i = run.start;
    while i < run.end {
        let c = text[i..].chars().next().expect("in bounds");
        if rules.numbers.is_chinese_numeral(c) {
            let mut j = i;
            while j < run.end
                && text[j..]
                    .chars()
                    .next()
                    .is_some_and(|d| rules.numbers.is_chinese_numeral(d))
            {
                j += text[j..].chars().next().map_or(1, char::len_utf8);
            }
            let whole = rules
                .numbers
                .scan(text, i, j)
                .filter(|m| m.end == j && m.value > 0.0);
            if j - i >= 6 && whole.is_some() {
                jieba_into(jieba, text, Span::new(start, i), out);
                out.push(ShadowToken::from_span(Span::new(i, j), TokenKind::Number));
                start = j;
            }
            i = j;
        } else {
            i += c.len_utf8();
        }
    }
    jieba_into(jieba, text, Span::new(start, run.end), out);
}

fn jieba_into(jieba: &Jieba, text: &str, run: Span, out: &mut Vec<ShadowToken>) {
    if run.is_empty() {
        return;
    }
    for t in jieba.cut(&text[run], true) {
        out.push(ShadowToken::from_span(
            Span::new(run.start + t.byte_start, run.start + t.byte_end),
            TokenKind::Han,
        ));
    }
}

/// Tokenizes `text[range]` (shadow text) with `jieba`, appending to `out`.
/// Spans are byte offsets into `text`.
pub(crate) fn tokenize_into(jieba: &Jieba, text: &str, range: Span, out: &mut Vec<ShadowToken>) {
    let mut i = range.start;
    while i < range.end {
        let c = text[i..].chars().next().expect("in bounds");
        if let Some(m) = crate::number::scan(text, i, range.end) {
            out.push(ShadowToken::from_span(
                Span::new(i, m.end),
                TokenKind::Number,
            ));
            i = m.end;
            continue;
        }
        if is_han(c) {
            let mut j = i;
            while j < range.end {
                let d = text[j..].chars().next().expect("in bounds");
                if !is_han(d) || (j > i && crate::number::starts_number(text, j)) {
                    break;
                }
                j += d.len_utf8();
            }
            cut_han(jieba, text, Span::new(i, j), out);
            i = j;
        } else if c.is_alphanumeric() {
            let mut j = i;
            while j < range.end {
                let d = text[j..].chars().next().expect("in bounds");
                if is_han(d)
                    || !(d.is_alphanumeric() || d == '\'' || d == '-' || d == '&' || d == ' ')
                {
                    break;
                }
                j += d.len_utf8();
            }
            for (o, w) in text[i..j].unicode_word_indices() {
                out.push(ShadowToken::from_span(
                    Span::new(i + o, i + o + w.len()),
                    TokenKind::Latin,
                ));
            }
            i = j.max(i + c.len_utf8());
        } else {
            if !c.is_whitespace() {
                out.push(ShadowToken::from_span(
                    Span::new(i, i + c.len_utf8()),
                    TokenKind::Punct,
                ));
            }
            i += c.len_utf8();
        }
    }
}
