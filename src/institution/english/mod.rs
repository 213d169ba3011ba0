//! English names: a head from the suffix table (`laboratory`, `science
//! city`, `zones`), the words before it up to a boundary word, tolerant of
//! lower-cased text and stray spaces (`China ( Mianyang) Science and
//! Technology City`), and names sharing one head (`Jinfeng, Jialingjiang
//! and Mingyue Lake laboratories`).

mod lex;
mod parts;

pub(crate) use lex::normalize;
use lex::{lex, word, Lex, Tok};
use parts::{complement, list, of_extension, shared_of_extension, singular};

use super::{Cand, InstitutionRules, Source};
use crate::chunk::{self, Class, EnglishWords};
use crate::model::InstitutionKind;
use crate::span::Span;

/// Most words the walk to the left takes into a name.
const MAX_NAME_WORDS: usize = 12;
/// Most words of one item of a list sharing a head.
const MAX_ITEM_WORDS: usize = 4;

/// Finds English names in every paragraph that has Latin letters.
pub(crate) fn find(
    text: &str,
    lower: &str,
    paragraphs: &[Span],
    r: &InstitutionRules,
    english: &EnglishWords,
    out: &mut Vec<Cand>,
    suppress: &mut Vec<Span>,
) {
    let mut toks = Vec::new();
    let mut marks = Vec::new();
    // a document written all in lower case gives no capitals to go by
    let cased = text.bytes().any(|b| b.is_ascii_uppercase());
    for &para in paragraphs {
        if !text[para].bytes().any(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        lex(text, para, &mut toks);
        word_marks(text, para, english, &mut marks);
        let ctx = Context {
            text,
            lower,
            toks: &toks,
            marks: &marks,
            cased,
        };
        for t in &toks {
            if let Some(kind) = glued_head(&ctx, t, r) {
                let name = normalize(&text[t.span]);
                out.push(match r.gazetteer.lookup(&name) {
                    Some(e) => Cand::known(t.span, name, e, r, Source::Walk),
                    None => Cand::new(t.span, name, kind, false, Source::Walk),
                });
            }
        }
        let mut j = 0;
        while j < toks.len() {
            match head_at(lower, &toks, j, r) {
                Some((h, head)) => {
                    recognize(&ctx, h, j, head, r, out, suppress);
                    j += 1;
                }
                None => j += 1,
            }
        }
    }
}

/// What the walk reads in one paragraph.
struct Context<'a> {
    text: &'a str,
    lower: &'a str,
    toks: &'a [Tok],
    /// The starts of the words the chunker reads as verbs, nouns or
    /// figures, sorted, with what it reads them as.
    marks: &'a [(usize, Mark)],
    cased: bool,
}

/// What the chunker reads a word as, where the walk cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// A verb or an auxiliary (or a word in -ed after one): a name does
    /// not start at it.
    Verb,
    /// A noun or an adjective.
    Open,
    /// A number or a word of a figure (`million`, `percent`): no part of a
    /// name.
    Figure,
}

impl Context<'_> {
    fn mark(&self, t: &Tok) -> Option<Mark> {
        self.marks
            .binary_search_by_key(&t.span.start, |m| m.0)
            .ok()
            .map(|i| self.marks[i].1)
    }

    fn is_verb(&self, t: &Tok) -> bool {
        self.mark(t) == Some(Mark::Verb)
    }

    fn is_open(&self, t: &Tok) -> bool {
        self.mark(t) == Some(Mark::Open)
    }
}

/// The words of `para` the walk cares about, as the noun-phrase chunker
/// (`rules/english_words.tsv`) reads them: verbs and auxiliaries, and words
/// in -ed after an auxiliary or joined by `and` to a verb (`have attracted
/// and anchored`); nouns and adjectives that are no such verb; numbers and
/// the words of figures.
fn word_marks(text: &str, para: Span, english: &EnglishWords, out: &mut Vec<(usize, Mark)>) {
    out.clear();
    let words = chunk::words(text, para, english);
    let mut verb_before = false;
    for (k, w) in words.iter().enumerate() {
        let t = &text[w.span];
        let prev = k.checked_sub(1).map(|p| words[p].class);
        let lower_ed =
            t.starts_with(|c: char| c.is_ascii_lowercase()) && t.len() >= 5 && t.ends_with("ed");
        let verb = match w.class {
            Class::Verb | Class::Auxiliary | Class::Modal => true,
            Class::Open => {
                lower_ed
                    && (matches!(prev, Some(Class::Auxiliary | Class::Modal))
                        || (k >= 1 && words[k - 1].joins && verb_before))
            }
            _ => false,
        };
        let mark = match w.class {
            _ if verb => Some(Mark::Verb),
            Class::Open => Some(Mark::Open),
            Class::Number | Class::Unit => Some(Mark::Figure),
            _ => None,
        };
        if let Some(m) = mark {
            out.push((w.span.start, m));
        }
        // an `and` keeps the verb reading for the word after it
        if !w.joins {
            verb_before = verb;
        }
    }
}

/// The longest head ending at word `j`: (index of its first word, head).
fn head_at<'r>(
    lower: &str,
    toks: &[Tok],
    j: usize,
    r: &'r InstitutionRules,
) -> Option<(usize, &'r super::suffix::EnHead)> {
    if toks[j].lex != Lex::Word {
        return None;
    }
    'heads: for head in &r.suffixes.en {
        let n = head.words.len();
        if n > j + 1 {
            continue;
        }
        for (k, w) in head.words.iter().enumerate() {
            let t = &toks[j + 1 - n + k];
            if t.lex != Lex::Word || word(lower, t) != w {
                continue 'heads;
            }
        }
        return Some((j + 1 - n, head));
    }
    None
}

fn is_head_word(lower: &str, t: &Tok, r: &InstitutionRules) -> bool {
    t.lex == Lex::Word
        && r.suffixes
            .en
            .iter()
            .any(|h| h.words.last().is_some_and(|l| l == word(lower, t)))
}

/// Is `toks[k..]` the start of a `joined` phrase whose `and` is at `and`?
fn joined_at(lower: &str, toks: &[Tok], and: usize, r: &InstitutionRules) -> Option<usize> {
    for phrase in &r.lexicon.en_joined {
        for (a, w) in phrase.iter().enumerate() {
            if w != "and" && w != "of" || a > and {
                continue;
            }
            let start = and - a;
            if start + phrase.len() > toks.len() {
                continue;
            }
            if phrase.iter().enumerate().all(|(k, p)| {
                toks[start + k].lex == Lex::Word && word(lower, &toks[start + k]) == p
            }) {
                return Some(start);
            }
        }
    }
    None
}

/// Why the walk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Edge,
    Punct,
    Word,
    Goal,
    And,
    Name,
    Limit,
}

fn recognize(
    ctx: &Context,
    h: usize,
    j: usize,
    head: &super::suffix::EnHead,
    r: &InstitutionRules,
    out: &mut Vec<Cand>,
    suppress: &mut Vec<Span>,
) {
    let (text, lower, toks, cased) = (ctx.text, ctx.lower, ctx.toks, ctx.cased);
    let Some(kind) = head.row.kind else { return };
    let lx = &r.lexicon;
    // walk to the left
    let mut k = h;
    let mut words = 0;
    let stop = loop {
        if k == 0 {
            break Stop::Edge;
        }
        let t = &toks[k - 1];
        match t.lex {
            Lex::Word => {
                let w = word(lower, t);
                if lx.en_goal.contains(w) {
                    break Stop::Goal;
                }
                if ctx.is_verb(t) || ctx.mark(t) == Some(Mark::Figure) {
                    break Stop::Word;
                }
                if w == "and" || w == "&" {
                    if title_and(ctx, k, j, r) {
                        k -= 1;
                        words += 1;
                        continue;
                    }
                    if let Some(s) = joined_at(lower, toks, k - 1, r) {
                        if s < k - 1 {
                            k = s;
                            words += 3;
                            continue;
                        }
                    }
                    // `build technology and financial … centers`: one word
                    // joined after a boundary word
                    if k >= 2 && toks[k - 2].lex == Lex::Word {
                        let w1 = word(lower, &toks[k - 2]);
                        let before_ok = k < 3
                            || (toks[k - 3].lex == Lex::Word
                                && lx.en_boundary(word(lower, &toks[k - 3]))
                                && word(lower, &toks[k - 3]) != "and");
                        if !lx.en_boundary(w1)
                            && !is_head_word(lower, &toks[k - 2], r)
                            && before_ok
                            && !holds_place(ctx, k, j, r)
                            && words > 0
                        {
                            k -= 2;
                            words += 2;
                            continue;
                        }
                    }
                    break Stop::And;
                }
                if lx.en_boundary(w) {
                    break Stop::Word;
                }
                if is_head_word(lower, t, r) {
                    break Stop::Name;
                }
                // a number, or a measure made an adjective (`87-hectare`)
                if w.bytes().all(|b| b.is_ascii_digit())
                    || w.split_once('-').is_some_and(|(n, _)| {
                        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    })
                {
                    break Stop::Word;
                }
                k -= 1;
                words += 1;
            }
            Lex::Close => match (0..k - 1).rev().take(8).find(|&o| toks[o].lex == Lex::Open) {
                Some(o) if (o + 1..k - 1).all(|x| toks[x].lex == Lex::Word) => {
                    k = o;
                    words += 1;
                }
                _ => break Stop::Punct,
            },
            Lex::Quote => match (0..k - 1)
                .rev()
                .take(8)
                .find(|&o| toks[o].lex == Lex::Quote)
            {
                Some(o) if (o + 1..k - 1).all(|x| toks[x].lex == Lex::Word) && o + 1 < k - 1 => {
                    k = o;
                    words += 1;
                }
                _ => break Stop::Punct,
            },
            _ => break Stop::Punct,
        }
        if words > MAX_NAME_WORDS {
            break Stop::Limit;
        }
    };
    // an `and` taken in before a whole name ends it, and is no part of
    // the name after it (`Kyoto University and Tohoku University`)
    while k < h && matches!(word(lower, &toks[k]), "and" | "&") {
        k += 1;
    }
    // `of` and a quoted or capitalised name to the right:
    // `national joint laboratory of "belt and road"`, `Academy of Engineering`
    let mut end = j + 1;
    if let Some(e) = of_extension(ctx, j, r) {
        end = e;
    }
    // a category's defining complement: `technology centers of high-tech
    // enterprises`
    let complement = (end == j + 1).then(|| complement(ctx, k, j, r)).flatten();
    if let Some(e) = complement {
        end = e;
    }
    let complemented = complement.is_some();
    let span = Span::new(toks[k].span.start, toks[end - 1].span.end);
    let last = word(lower, &toks[j]);
    let plural_head = last != head.singular && last.ends_with('s');
    // a goal phrase: `… center with national influence`, `an
    // international I&T centre`
    if stop == Stop::Goal
        || goal_after(lower, toks, end, r)
        || goal_open(ctx, k, h, plural_head, r)
        || headline(ctx, k, h, j)
    {
        return;
    }
    // `Jinfeng and Mingyue Lake laboratories`, not `Expo and … City`
    if stop == Stop::And && plural_head {
        if let Some(items) = list(text, lower, toks, k, h, cased, r) {
            let shared_words: Vec<&str> = (h..=j).map(|x| &text[toks[x].span]).collect();
            let mut tail = shared_words[..shared_words.len() - 1].join(" ");
            if !tail.is_empty() {
                tail.push(' ');
            }
            tail.push_str(&singular(shared_words[shared_words.len() - 1], head));
            suppress.push(Span::new(toks[h].span.start, toks[j].span.end));
            for it in items {
                let name = format!("{} {}", normalize(&text[it]), tail);
                out.push(match r.gazetteer.lookup(&name) {
                    Some(e) => Cand::known(it, name, e, r, Source::List),
                    None => Cand::new(it, name, kind, false, Source::List),
                });
            }
            return;
        }
    }
    let mut name = normalize(&text[span]);
    // `Chongqing College and Chengdu College of the University of …`: the
    // `of` part after the second head belongs to the first name too
    if end == j + 1 {
        if let Some(of) = shared_of_extension(ctx, j, r) {
            name = format!("{name} {}", normalize(&text[of]));
        }
    }
    if let Some(e) = r.gazetteer.lookup(&name) {
        out.push(Cand::known(span, name, e, r, Source::Walk));
        return;
    }
    let proper = (k..h).any(|x| proper_word(text, lower, &toks[x], cased, r))
        || (k..h).any(|x| toks[x].lex == Lex::Quote)
        || end > j + 1 && !complemented;
    let indefinite =
        k > 0 && matches!(word(lower, &toks[k - 1]), "a" | "an") && toks[k - 1].lex == Lex::Word;
    if k == h && end == j + 1 {
        // a bare head: only a category of its own (`high-tech zone`)
        return;
    }
    if !proper && (indefinite || kind == InstitutionKind::Other) {
        return;
    }
    out.push(Cand::new(span, name, kind, !proper, Source::Walk));
}

/// Capitalised in a text that has capitals, or a known place.
fn proper_word(text: &str, lower: &str, t: &Tok, cased: bool, r: &InstitutionRules) -> bool {
    if t.lex != Lex::Word {
        return false;
    }
    let w = word(lower, t);
    if r.lexicon.en_proper.contains(w) || w.split('-').any(|p| r.lexicon.en_proper.contains(p)) {
        return true;
    }
    cased && text[t.span].starts_with(|c: char| c.is_ascii_uppercase()) && !r.lexicon.en_boundary(w)
}

/// True where the `and` before word `k` belongs to an official name in
/// title case (`Innovation and Technology Park`, `Stem Cell and
/// Regenerative Medicine Research Centre`): the words on both sides and
/// the head are capitalised, the word before it is no known body, and the
/// words after it hold no place (`Cyberport and Hong Kong Science Park` is
/// two names).
fn title_and(ctx: &Context, k: usize, j: usize, r: &InstitutionRules) -> bool {
    let (text, lower, toks) = (ctx.text, ctx.lower, ctx.toks);
    let cap =
        |t: &Tok| t.lex == Lex::Word && text[t.span].starts_with(|c: char| c.is_ascii_uppercase());
    if !ctx.cased || k < 2 || !(k..=j).all(|x| cap(&toks[x])) {
        return false;
    }
    let before = &toks[k - 2];
    if !cap(before) || ctx.is_verb(before) || r.lexicon.en_boundary(word(lower, before)) {
        return false;
    }
    if r.gazetteer.lookup(&text[before.span]).is_some() {
        return false;
    }
    !holds_place(ctx, k, j, r)
}

/// True where a word of `toks[k..=j]` is a place or brand of the names
/// table.
fn holds_place(ctx: &Context, k: usize, j: usize, r: &InstitutionRules) -> bool {
    (k..=j).any(|x| {
        let w = word(ctx.lower, &ctx.toks[x]);
        r.lexicon.en_proper.contains(w)
            || w.split(['-', '/']).any(|p| r.lexicon.en_proper.contains(p))
    })
}

/// True where the name from word `k` opens with a goal word
/// (`international`) and holds no place or brand: a status to reach.
fn goal_open(ctx: &Context, k: usize, h: usize, plural: bool, r: &InstitutionRules) -> bool {
    let (lower, toks) = (ctx.lower, ctx.toks);
    let goal = |x: usize| {
        toks[x].lex == Lex::Word && r.lexicon.en_goal_open.contains(word(lower, &toks[x]))
    };
    // the goal word opens the name, or stopped the walk as a modifier
    // (`a world-class technology innovation center`); a plural head is a
    // category (`international science and technology parks`)
    if !(goal(k) || k > 0 && goal(k - 1)) || plural {
        return false;
    }
    k == h || !holds_place(ctx, k, h - 1, r)
}

/// True where the name `toks[k..=j]` is the subject of a headline or a
/// clause (`Science center prepares…`, `Innovation center opens doors`):
/// one word before the head opens its sentence, its only capital is the
/// sentence's, its head is lower case and a verb follows it.
fn headline(ctx: &Context, k: usize, h: usize, j: usize) -> bool {
    // one field word before the head: more make a category
    // (`National key laboratories are …`)
    if h != k + 1 {
        return false;
    }
    let (text, toks) = (ctx.text, ctx.toks);
    let opens = k == 0 || matches!(&text[toks[k - 1].span], "." | "!" | "?" | ":" | "|");
    let later_caps = (k + 1..=j).any(|x| {
        toks[x].lex == Lex::Word && text[toks[x].span].starts_with(|c: char| c.is_ascii_uppercase())
    });
    opens && !later_caps && toks.get(j + 1).is_some_and(|t| ctx.is_verb(t))
}

/// `InnoPark`, `InnoCentre`: one word whose capitalised tail is a one-word
/// head: the head's kind, or `None`.
fn glued_head(ctx: &Context, t: &Tok, r: &InstitutionRules) -> Option<InstitutionKind> {
    if t.lex != Lex::Word || !ctx.cased {
        return None;
    }
    let w = &ctx.text[t.span];
    let lw = &ctx.lower[t.span];
    w.char_indices()
        .skip(2)
        .filter(|&(i, c)| c.is_ascii_uppercase() && w[..i].bytes().any(|b| b.is_ascii_lowercase()))
        .find_map(|(i, _)| {
            r.suffixes
                .en
                .iter()
                .find(|h| h.words.len() == 1 && h.words[0] == lw[i..])
                .and_then(|h| h.row.kind)
        })
        .filter(|&k| k != InstitutionKind::Other)
}

/// True where a goal frame (`with national influence`) follows.
fn goal_after(lower: &str, toks: &[Tok], end: usize, r: &InstitutionRules) -> bool {
    r.lexicon.en_goal_after.iter().any(|phrase| {
        phrase.iter().enumerate().all(|(k, p)| {
            toks.get(end + k)
                .is_some_and(|t| t.lex == Lex::Word && word(lower, t) == p)
        })
    })
}
