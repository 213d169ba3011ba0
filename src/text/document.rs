//! A document read through the text layer: the shadow text, its
//! paragraphs, sentences and clauses, and its tokens. Every recognizer
//! reads a `Document`; the extractor builds one and hands it on.

use crate::model::SpanText;
use crate::rules::Rules;
use crate::span::Span;
use crate::text::segment::Segments;
use crate::text::Normalized;
use crate::token::{ShadowToken, Token};

/// A document read through the text layer: its paragraphs, sentences and
/// tokens, with spans into the original input.
#[derive(Debug)]
pub struct Document<'h> {
    input: &'h str,
    pub(crate) norm: Normalized,
    pub(crate) segments: Segments,
    pub(crate) tokens: Vec<ShadowToken>,
    /// Page chrome, as sorted disjoint shadow spans.
    chrome: Vec<Span>,
}

impl<'h> Document<'h> {
    pub(crate) fn new(input: &'h str, rules: &Rules) -> Document<'h> {
        let norm = Normalized::new(input);
        let segments = Segments::new(norm.text());
        let chrome = rules.chrome.find(norm.text(), &segments.paragraphs);
        let mut tokens = Vec::new();
        for p in &segments.paragraphs {
            crate::token::tokenize_into(rules.segmenter.get(), norm.text(), *p, &mut tokens);
        }
        // the room the vector grew into is half of it at worst, kept for
        // the whole extraction
        tokens.shrink_to_fit();
        Document {
            input,
            norm,
            segments,
            tokens,
            chrome,
        }
    }

    /// The original input.
    pub fn input(&self) -> &'h str {
        self.input
    }

    /// The normalised shadow text recognizers read.
    pub fn normalized(&self) -> &Normalized {
        &self.norm
    }

    /// The paragraphs (lines; table rows included), as original spans.
    pub fn paragraphs(&self) -> impl Iterator<Item = Span> + '_ {
        self.segments
            .paragraphs
            .iter()
            .map(|s| self.norm.to_original(*s))
    }

    /// The sentences, as original spans.
    pub fn sentences(&self) -> impl Iterator<Item = Span> + '_ {
        self.segments
            .sentences
            .iter()
            .map(|s| self.norm.to_original(*s))
    }

    /// The tokens, with original spans.
    pub fn tokens(&self) -> impl Iterator<Item = Token> + '_ {
        self.tokens.iter().map(|t| Token {
            span: self.norm.to_original(t.span()),
            kind: t.kind,
        })
    }

    /// The page chrome of a web copy (timestamps, bylines, navigation,
    /// "most read" lists, share counters), as original spans in order.
    /// Recognizers skip it: chrome gives no quantities and no targets.
    ///
    /// ```
    /// use zhen_extract::Extractor;
    /// let text = "By Li Wei | Updated: 2024-03-05 10:20\n全市新增企业3000家。";
    /// let doc = Extractor::new().analyze(text)?;
    /// let chrome: Vec<&str> = doc.chrome().map(|s| &text[s]).collect();
    /// assert_eq!(chrome, ["By Li Wei | Updated: 2024-03-05 10:20"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chrome(&self) -> impl Iterator<Item = Span> + '_ {
        self.chrome.iter().map(|s| self.norm.to_original(*s))
    }

    /// True where the original span `span` overlaps the page chrome.
    pub fn in_chrome(&self, span: Span) -> bool {
        self.chrome().any(|c| c.overlaps(span))
    }

    /// The chrome as shadow spans, sorted and disjoint.
    pub(crate) fn chrome_spans(&self) -> &[Span] {
        &self.chrome
    }

    /// Maps a shadow span to the original and slices it.
    pub(crate) fn span_text(&self, shadow: Span) -> SpanText {
        SpanText::of(self.input, self.norm.to_original(shadow))
    }
}
