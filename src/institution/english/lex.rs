//! The English words of a paragraph: words, brackets, quotes and other
//! punctuation, as the name walk reads them.

use crate::span::Span;

/// What a token of the walk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lex {
    Word,
    Open,
    Close,
    Quote,
    Punct,
}

/// A word or a mark of a paragraph.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub span: Span,
    pub lex: Lex,
}

/// Splits a paragraph of the shadow text into English words and
/// punctuation. Han text is punctuation here.
pub(super) fn lex(text: &str, para: Span, out: &mut Vec<Tok>) {
    out.clear();
    let s = &text[para];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let at = para.start + i;
        if c.is_ascii_alphanumeric() {
            let mut end = at + 1;
            let mut owner = None;
            while let Some(&(j, d)) = it.peek() {
                let rest = &s[j + d.len_utf8()..];
                let next = rest.chars().next();
                // a possessive `'s` is no part of the word (`Tohoku
                // University's plan`)
                let possessive = matches!(d, '\'' | '’')
                    && matches!(next, Some('s' | 'S'))
                    && !rest[1..].starts_with(|n: char| n.is_ascii_alphanumeric());
                // `Hong Kong/Shenzhen`: a slash before a capital joins two
                // places of one name
                let inner = d.is_ascii_alphanumeric()
                    || (matches!(d, '-' | '\'' | '’' | '&')
                        && next.is_some_and(|n| n.is_ascii_alphanumeric()))
                    || (d == '/' && next.is_some_and(|n| n.is_ascii_uppercase()));
                if possessive {
                    owner = Some(Span::new(para.start + j, para.start + j + d.len_utf8() + 1));
                }
                if !inner || possessive {
                    break;
                }
                end = para.start + j + d.len_utf8();
                it.next();
            }
            out.push(Tok {
                span: Span::new(at, end),
                lex: Lex::Word,
            });
            // the possessive is punctuation: it ends the name it follows
            if let Some(span) = owner {
                it.next();
                it.next();
                out.push(Tok {
                    span,
                    lex: Lex::Punct,
                });
            }
        } else if c.is_whitespace() {
            continue;
        } else {
            let lex = match c {
                '(' | '[' => Lex::Open,
                ')' | ']' => Lex::Close,
                '"' | '“' | '”' => Lex::Quote,
                _ => Lex::Punct,
            };
            out.push(Tok {
                span: Span::new(at, at + c.len_utf8()),
                lex,
            });
        }
    }
}

/// The lower-case text of a token.
pub(super) fn word<'a>(lower: &'a str, t: &Tok) -> &'a str {
    &lower[t.span]
}

/// An English name in normal form: runs of white space as one space, none
/// just inside brackets.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() && !out.ends_with('(') && !w.starts_with(')') {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
