//! Paragraphs, sentences and clauses of the shadow text.
//!
//! A paragraph is a line of the shadow (PDF breaks inside a sentence were
//! already joined by the text layer); a table row is a paragraph whose
//! cells are separated by tabs. Sentences end at `。！？` and at an
//! English full stop followed by a space; clauses end at commas, colons
//! and semicolons as well: `；` joins the clauses of one sentence
//! (`目标：力争A；B；C` is one sentence, whose goal frame holds for all
//! three).

use crate::span::Span;

/// The longest paragraph, in bytes: a longer line is cut into paragraphs
/// at sentence ends (real paragraphs are far shorter; this bounds the work
/// per paragraph on pathological input).
pub(crate) const MAX_PARAGRAPH_BYTES: usize = 16 << 10;

/// The structure of a shadow text, as spans of it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Segments {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub clauses: Vec<Span>,
}

fn is_sentence_end(text: &str, at: usize, c: char) -> bool {
    match c {
        '。' | '!' | '?' | '…' => true,
        '.' => {
            // an English full stop, not a decimal point or an abbreviation
            let next = text[at + 1..].chars().next();
            let prev = text[..at].chars().next_back();
            next.is_none_or(|n| n == ' ' || n == '\t' || n == '"' || n == '”')
                && prev.is_some_and(|p| {
                    !p.is_ascii_uppercase() || text[..at].ends_with(|ch: char| ch.is_ascii_digit())
                })
        }
        _ => false,
    }
}

/// A comma or colon that ends a clause: not a thousands separator
/// (`10,000`) or a time (`9:30`) between digits.
fn is_clause_end(text: &str, at: usize, c: char) -> bool {
    if !matches!(c, ',' | ':' | '，' | '：' | ';') {
        return false;
    }
    let digit_before = text[..at].ends_with(|d: char| d.is_ascii_digit());
    let digit_after = text[at + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit());
    !(c.is_ascii() && digit_before && digit_after)
}

/// Trims spaces and line breaks (not tabs: an empty first cell is part of
/// a table row) off both ends of `text[span]`.
fn trim(text: &str, span: Span) -> Span {
    let s = &text[span];
    let ws: &[char] = &[' ', '\n', '\r'];
    let start = span.start + (s.len() - s.trim_start_matches(ws).len());
    let end = span.end - (s.len() - s.trim_end_matches(ws).len());
    Span::new(start, end.max(start))
}

impl Segments {
    pub(crate) fn new(text: &str) -> Segments {
        let mut seg = Segments::default();
        let mut para_start = 0;
        let breaks = text.match_indices('\n').map(|(i, _)| i);
        for i in breaks.chain(std::iter::once(text.len())) {
            let line = trim(text, Span::new(para_start, i));
            para_start = i + 1;
            let mut rest = line;
            while !rest.is_empty() {
                let p = trim(text, Span::new(rest.start, cut_long(text, rest)));
                rest = trim(text, Span::new(p.end, rest.end));
                if !p.is_empty() {
                    seg.push_paragraph(text, p);
                }
            }
        }
        seg
    }

    /// Adds a paragraph and its sentences and clauses.
    fn push_paragraph(&mut self, text: &str, p: Span) {
        self.paragraphs.push(p);
        let mut sent_start = p.start;
        let mut clause_start = p.start;
        // a comma inside brackets ends no clause (`(as a proportion of GDP,
        // GDP[2])`); the depth is bounded so that a stray bracket cannot
        // join a whole paragraph
        let mut depth = 0u8;
        for (o, c) in text[p].char_indices() {
            let at = p.start + o;
            let end = at + c.len_utf8();
            match c {
                '(' | '[' => depth = (depth + 1).min(2),
                ')' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            let sentence_end = is_sentence_end(text, at, c);
            if sentence_end {
                depth = 0;
            }
            if sentence_end || (depth == 0 && is_clause_end(text, at, c)) || c == '\t' {
                let cl = trim(text, Span::new(clause_start, end));
                if !cl.is_empty() {
                    self.clauses.push(cl);
                }
                clause_start = end;
            }
            if sentence_end {
                let s = trim(text, Span::new(sent_start, end));
                if !s.is_empty() {
                    self.sentences.push(s);
                }
                sent_start = end;
            }
        }
        let cl = trim(text, Span::new(clause_start, p.end));
        if !cl.is_empty() {
            self.clauses.push(cl);
        }
        let s = trim(text, Span::new(sent_start, p.end));
        if !s.is_empty() {
            self.sentences.push(s);
        }
    }
}

/// Where the paragraph starting `line` ends: the line's end, or for a line
/// longer than [`MAX_PARAGRAPH_BYTES`] (a 10 MB single line), the last
/// sentence end, else clause end, else space, before that limit. Keeps the
/// work a recognizer does per paragraph bounded on any input.
fn cut_long(text: &str, line: Span) -> usize {
    if line.len() <= MAX_PARAGRAPH_BYTES {
        return line.end;
    }
    let mut limit = line.start + MAX_PARAGRAPH_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[line.start..limit];
    let after = |(o, c): (usize, char)| line.start + o + c.len_utf8();
    let floor = MAX_PARAGRAPH_BYTES / 2;
    let last = |pred: &dyn Fn(usize, char) -> bool| {
        window
            .char_indices()
            .rev()
            .take_while(|(o, _)| *o >= floor)
            .find(|&(o, c)| pred(line.start + o, c))
            .map(after)
    };
    last(&|at, c| is_sentence_end(text, at, c))
        .or_else(|| last(&|at, c| is_clause_end(text, at, c)))
        .or_else(|| last(&|_, c| c.is_whitespace()))
        .unwrap_or(limit)
}

/// Index of the span in `spans` (sorted, disjoint) that contains `at`.
#[allow(dead_code)] // used by the target recognizer (issue 3)
pub(crate) fn containing(spans: &[Span], at: usize) -> Option<usize> {
    let i = spans.partition_point(|s| s.end <= at);
    (i < spans.len() && spans[i].start <= at).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_paragraphs_sentences_clauses() {
        let t = "到2025年,研发投入强度达到2.6%。规划期为2021—2025年。\n\nIn 2025, it will reach 2.73%. Next.";
        let s = Segments::new(t);
        assert_eq!(s.paragraphs.len(), 2);
        let sents: Vec<&str> = s.sentences.iter().map(|&x| &t[x]).collect();
        assert_eq!(
            sents,
            [
                "到2025年,研发投入强度达到2.6%。",
                "规划期为2021—2025年。",
                "In 2025, it will reach 2.73%.",
                "Next."
            ]
        );
        assert_eq!(&t[s.clauses[0]], "到2025年,");
        assert_eq!(containing(&s.sentences, t.find("2.6%").unwrap()), Some(0));
    }
}
