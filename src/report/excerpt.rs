//! The sentence a figure was found in, cut into pieces so that the page
//! can mark the metric and the figure at their exact spans.

use zhen_extract::{Document, Span, Target};

/// Longest stretch of text shown on either side of the marks.
const CONTEXT: usize = 240;
/// A metric further than this before its figure is shown on its own.
const NEAR: usize = 400;

/// What a piece of an excerpt is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Plain text of the sentence.
    Text,
    /// The metric's span.
    Metric,
    /// The figure's span (the target's quantity).
    Figure,
    /// Text left out.
    Gap,
}

/// One piece of an excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The original text, as written.
    pub text: String,
    /// What it is.
    pub mark: Mark,
}

impl Piece {
    /// True for the figure's piece (templates ask).
    pub fn is_figure(&self) -> bool {
        self.mark == Mark::Figure
    }

    /// True for the metric's piece.
    pub fn is_metric(&self) -> bool {
        self.mark == Mark::Metric
    }

    /// True for left-out text.
    pub fn is_gap(&self) -> bool {
        self.mark == Mark::Gap
    }
}

/// The pieces showing where `target` was found in `doc`: the figure's
/// sentence, with the metric's where it is near; else the metric's
/// sentence, a gap, and the figure's.
pub fn excerpt(doc: &Document<'_>, sentences: &[Span], target: &Target) -> Vec<Piece> {
    let text = doc.input();
    let figure = target.quantity.span.span();
    let metric = target.metric_span.span();
    let metric = (!metric.is_empty() && !metric.overlaps(figure)).then_some(metric);
    let around = |s: Span| sentence(text, sentences, s);
    let mut marks = vec![(figure, Mark::Figure)];
    let mut windows = vec![around(figure)];
    if let Some(m) = metric {
        marks.push((m, Mark::Metric));
        let near = if m.start < figure.start {
            figure.start - m.end <= NEAR
        } else {
            m.start - figure.end <= NEAR
        };
        if near {
            windows[0] = windows[0].cover(around(m));
        } else {
            windows.push(around(m));
        }
    }
    windows.sort();
    marks.sort();
    let mut pieces = Vec::new();
    for (i, w) in windows.iter().enumerate() {
        if i > 0 {
            pieces.push(Piece {
                text: "…".into(),
                mark: Mark::Gap,
            });
        }
        cut(text, *w, &marks, &mut pieces);
    }
    pieces
}

/// The sentence holding `span` (several, where it crosses a boundary), cut
/// to `CONTEXT` bytes on each side of it.
fn sentence(text: &str, sentences: &[Span], span: Span) -> Span {
    let first = sentences.partition_point(|s| s.end <= span.start);
    let mut window = span;
    for s in &sentences[first..] {
        if s.start >= span.end && s.start > span.start {
            break;
        }
        window = window.cover(*s);
    }
    let start = floor_boundary(text, window.start.max(span.start.saturating_sub(CONTEXT)));
    let end = ceil_boundary(text, window.end.min(span.end + CONTEXT));
    Span::new(start, end)
}

/// Cuts `window` of `text` into plain and marked pieces.
fn cut(text: &str, window: Span, marks: &[(Span, Mark)], pieces: &mut Vec<Piece>) {
    let mut at = window.start;
    if at > 0 {
        pieces.push(Piece {
            text: "…".into(),
            mark: Mark::Gap,
        });
    }
    for (span, mark) in marks {
        if !window.contains(*span) {
            continue;
        }
        if span.start > at {
            push_text(text, Span::new(at, span.start), pieces);
        }
        pieces.push(Piece {
            text: text[*span].to_string(),
            mark: *mark,
        });
        at = span.end;
    }
    if window.end > at {
        push_text(text, Span::new(at, window.end), pieces);
    }
    if window.end < text.len() {
        pieces.push(Piece {
            text: "…".into(),
            mark: Mark::Gap,
        });
    }
}

fn push_text(text: &str, span: Span, pieces: &mut Vec<Piece>) {
    let piece = text[span].replace(['\n', '\r', '\t'], " ");
    if !piece.is_empty() {
        pieces.push(Piece {
            text: piece,
            mark: Mark::Text,
        });
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhen_extract::Extractor;

    fn pieces_of(text: &str) -> Vec<Vec<Piece>> {
        let ex = Extractor::new();
        let doc = ex.analyze(text).unwrap();
        let out = ex.extract_document(&doc);
        let sentences: Vec<Span> = doc.sentences().collect();
        out.targets
            .iter()
            .map(|t| excerpt(&doc, &sentences, t))
            .collect()
    }

    #[test]
    fn the_metric_and_the_figure_are_marked_at_their_spans() {
        let text = "一、总体目标。到2025年，全社会研发投入强度达到2.6%。其他内容。";
        let all = pieces_of(text);
        let pieces = &all[0];
        let figure = pieces.iter().find(|p| p.is_figure()).unwrap();
        assert_eq!(figure.text, "2.6%");
        let metric = pieces.iter().find(|p| p.is_metric()).unwrap();
        assert!(metric.text.contains("研发投入强度"), "{pieces:?}");
        // the sentence, not the document
        let shown: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(shown.contains("到2025年"), "{shown}");
        assert!(!shown.contains("其他内容"), "{shown}");
    }

    #[test]
    fn boundaries_never_split_a_character() {
        let long = "研".repeat(400);
        let text = format!("{long}到2025年，研发投入强度达到2.6%{long}");
        for pieces in pieces_of(&text) {
            assert!(pieces.first().unwrap().is_gap() && pieces.last().unwrap().is_gap());
            let shown: usize = pieces
                .iter()
                .filter(|p| !p.is_gap())
                .map(|p| p.text.len())
                .sum();
            assert!(shown <= 2 * CONTEXT + 64, "{shown}");
        }
    }
}
