//! Parts of an English name beyond the walk to the left: a parent's name
//! after `of` or `under`, and the items of a list sharing one head.

use super::lex::{word, Lex, Tok};
use super::{is_head_word, proper_word, Context, MAX_ITEM_WORDS};
use crate::institution::InstitutionRules;
use crate::span::Span;

/// The end (token index) of `of "…"`, or of `of`, `under` or `for` and
/// capitalised words, after the head at `j`.
pub(super) fn of_extension(ctx: &Context, j: usize, r: &InstitutionRules) -> Option<usize> {
    let (text, lower, toks, cased) = (ctx.text, ctx.lower, ctx.toks, ctx.cased);
    let lx = &r.lexicon;
    let of = toks.get(j + 1)?;
    // `Institutes of … under the Chinese Academy of Sciences`: the parent
    // after `under` is part of the name, as after `of`
    if of.lex != Lex::Word || !lx.en_parent.contains(word(lower, of)) {
        return None;
    }
    let first = toks.get(j + 2)?;
    if first.lex == Lex::Quote {
        let close = (j + 3..toks.len().min(j + 10)).find(|&x| toks[x].lex == Lex::Quote)?;
        return (close > j + 3).then_some(close + 1);
    }
    if !cased || !text[toks[j].span].starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let mut e = j + 2;
    let mut last_cap = None;
    while e < toks.len() && e < j + 12 && toks[e].lex == Lex::Word {
        let w = &text[toks[e].span];
        if w.starts_with(|c: char| c.is_ascii_uppercase()) {
            last_cap = Some(e);
        } else if !lx.en_parent_inner.contains(w) || (w == "and" && another_body(ctx, e + 1, r)) {
            break;
        }
        e += 1;
    }
    last_cap.map(|x| x + 1)
}

/// The end (token index) of a lower-case category's defining complement
/// after its head at `j` (the name starting at word `k`): `of` or `for`
/// from the `complement` row, then one to four lower-case nouns and
/// adjectives that end the clause (`technology centers of high-tech
/// enterprises,`, `“university for international research
/// excellence”`). Not after a determiner (`of the province`), a number or
/// a verb, and not where words go on after it (the complement may be the
/// start of a clause of its own).
pub(super) fn complement(ctx: &Context, k: usize, j: usize, r: &InstitutionRules) -> Option<usize> {
    let (text, toks) = (ctx.text, ctx.toks);
    let lower_word =
        |t: &Tok| t.lex == Lex::Word && !text[t.span].starts_with(|c: char| c.is_ascii_uppercase());
    if !(k..=j).all(|x| lower_word(&toks[x]) || toks[x].lex != Lex::Word) {
        return None;
    }
    let of = toks.get(j + 1)?;
    if !lower_word(of) || !r.lexicon.en_complement.contains(word(ctx.lower, of)) {
        return None;
    }
    let e = (j + 2..toks.len().min(j + 6))
        .take_while(|&x| lower_word(&toks[x]) && ctx.is_open(&toks[x]))
        .last()?
        + 1;
    let ends = toks
        .get(e)
        .is_none_or(|t| matches!(t.lex, Lex::Punct | Lex::Quote | Lex::Close));
    ends.then_some(e)
}

/// True where the words from `k` name another body, not the rest of a
/// parent's name after `and`: an acronym (`University of Tokyo and RIKEN`),
/// or capitalised words that hold a head or a body noun of their own (`…
/// and Stanford University`, `… and Fraunhofer Society`).
fn another_body(ctx: &Context, k: usize, r: &InstitutionRules) -> bool {
    let Some(first) = ctx.toks.get(k).filter(|t| t.lex == Lex::Word) else {
        return false;
    };
    let w = &ctx.text[first.span];
    if w.len() >= 2 && !w.chars().any(|c| c.is_ascii_lowercase()) {
        return true;
    }
    ctx.toks[k..]
        .iter()
        .take(6)
        .take_while(|t| {
            t.lex == Lex::Word && ctx.text[t.span].starts_with(|c: char| c.is_ascii_uppercase())
        })
        .any(|t| is_head_word(ctx.lower, t, r) || r.lexicon.en_body.contains(word(ctx.lower, t)))
}

/// Where the head at `j` is followed by `and`, a few words and the same
/// head with an `of` part (`College and Chengdu College of the University
/// of …`): the span of that `of` part, from `of` on.
pub(super) fn shared_of_extension(ctx: &Context, j: usize, r: &InstitutionRules) -> Option<Span> {
    let (lower, toks) = (ctx.lower, ctx.toks);
    let and = toks.get(j + 1)?;
    if and.lex != Lex::Word || word(lower, and) != "and" {
        return None;
    }
    let head = word(lower, &toks[j]);
    let m = (j + 2..toks.len().min(j + 7))
        .take_while(|&x| toks[x].lex == Lex::Word)
        .find(|&x| word(lower, &toks[x]) == head)?;
    let e = of_extension(ctx, m, r)?;
    Some(Span::new(toks[m + 1].span.start, toks[e - 1].span.end))
}

/// `Jinfeng, Jialingjiang and Mingyue Lake laboratories`: the items of a
/// list ending at the head, when the walk stopped at `and` and every item
/// is a proper name. `k` is the first word of the last item.
pub(super) fn list(
    text: &str,
    lower: &str,
    toks: &[Tok],
    k: usize,
    h: usize,
    cased: bool,
    r: &InstitutionRules,
) -> Option<Vec<Span>> {
    if k == h {
        return None;
    }
    let mut items = vec![Span::new(toks[k].span.start, toks[h - 1].span.end)];
    let mut e = k - 1; // the `and`
    loop {
        // an item: words back to a comma or a boundary word
        let mut s = e;
        while s > 0
            && toks[s - 1].lex == Lex::Word
            && !r.lexicon.en_boundary(word(lower, &toks[s - 1]))
            && e - s < MAX_ITEM_WORDS
        {
            s -= 1;
        }
        if s == e {
            return None;
        }
        if (s..e).any(|x| is_head_word(lower, &toks[x], r))
            || !(s..e).any(|x| proper_word(text, lower, &toks[x], cased, r))
        {
            return None;
        }
        items.push(Span::new(toks[s].span.start, toks[e - 1].span.end));
        if s > 0 && toks[s - 1].lex == Lex::Punct && &text[toks[s - 1].span] == "," {
            e = s - 1;
            continue;
        }
        break;
    }
    items.reverse();
    let last = items.last()?;
    if !(k..h).any(|x| proper_word(text, lower, &toks[x], cased, r)) || last.is_empty() {
        return None;
    }
    Some(items)
}

/// The singular of a head word as written (`laboratories` →
/// `laboratory`).
pub(super) fn singular(w: &str, head: &crate::institution::suffix::EnHead) -> String {
    let l = w.to_ascii_lowercase();
    if l == head.singular || !l.ends_with('s') {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    w[..w.len() - 1].to_string()
}
