//! English noun-phrase chunks: the words of a span classed by the
//! `english_words` table, and the noun phrases they form.
//!
//! A noun phrase is a run of open words (nouns, adjectives, names, `R&D`,
//! `5G`, possessives such as `city’s`), after an optional determiner that
//! is not part of its span, joined into one phrase by a `link` preposition
//! (`the transaction value of the technology market`, `public funding for
//! research`) or by `and` / `or` between open words (`research and
//! development personnel`). Every other word ends it. Targets take their
//! English metric from these phrases; a phrase that points back (`it`,
//! `these products`) is marked so that the caller can look for what it
//! stands for.

use crate::error::RuleError;
use crate::rules::Table;
use crate::span::Span;
use rustc_hash::FxHashMap;

/// The class of an English word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Determiner,
    Demonstrative,
    Pronoun,
    Link,
    Preposition,
    Conjunction,
    Auxiliary,
    /// A modal verb (`will`, `can`): an auxiliary whose verb is bare, so
    /// a lower-case open word after it, past adverbs, is that verb.
    Modal,
    Verb,
    /// A verb or a noun, decided by the words around it.
    VerbNoun,
    Adverb,
    /// A number written in digits (`45,000`, `2.6`), or with a scale
    /// letter glued on (`1.40B`, `70M`, `5bn`).
    Number,
    /// A word that names a figure's unit, currency or scale (`percent`,
    /// `billion`, `KRW`): part of the figure, never of a noun phrase.
    Unit,
    /// Punctuation and anything that is no word.
    Punct,
    /// Nouns, adjectives, names: the words noun phrases are made of.
    Open,
}

impl Class {
    fn from_name(name: &str) -> Option<Class> {
        Some(match name {
            "determiner" => Class::Determiner,
            "demonstrative" => Class::Demonstrative,
            "pronoun" => Class::Pronoun,
            "link" => Class::Link,
            "preposition" => Class::Preposition,
            "conjunction" => Class::Conjunction,
            "auxiliary" => Class::Auxiliary,
            "modal" => Class::Modal,
            "verb" => Class::Verb,
            "verb_noun" => Class::VerbNoun,
            "adverb" => Class::Adverb,
            "unit" => Class::Unit,
            _ => return None,
        })
    }

    /// Words after which a verb-or-noun, or a word in -ed / -ing, reads as
    /// a verb (`rose 5 percent`, `reaching the`, `exceeded 60 billion`).
    fn after_a_verb(self) -> bool {
        matches!(
            self,
            Class::Determiner
                | Class::Demonstrative
                | Class::Pronoun
                | Class::Number
                | Class::Unit
                | Class::Preposition
                | Class::Adverb
        )
    }
}

/// The compiled `english_words` table.
#[derive(Debug, Default)]
pub(crate) struct EnglishWords {
    classes: FxHashMap<String, Class>,
}

impl EnglishWords {
    pub(crate) fn compile(t: &Table) -> Result<EnglishWords, RuleError> {
        let mut classes = FxHashMap::default();
        for row in t.rows() {
            let name = t.required(row, "class")?;
            let class = Class::from_name(name)
                .ok_or_else(|| t.error(row, format!("unknown class `{name}`")))?;
            for w in t.list(row, "words") {
                let w = w.to_ascii_lowercase();
                if let Some(old) = classes.insert(w.clone(), class) {
                    if old != class {
                        return Err(t.error(row, format!("`{w}` is already of class {old:?}")));
                    }
                }
            }
        }
        Ok(EnglishWords { classes })
    }

    /// The class the table gives a word, `Open` for any other word.
    fn class_of(&self, word: &str) -> Class {
        if is_figure(word) {
            return Class::Number;
        }
        // (a word in capitals is an acronym, not the word it spells: `the
        // IT Innovation Lab`)
        // (units keep their class: `KRW`)
        let lower = word.to_ascii_lowercase();
        let class = self.classes.get(&lower).copied().unwrap_or(Class::Open);
        if class != Class::Unit && word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase()) {
            return Class::Open;
        }
        class
    }
}

/// True for a word written as a figure: digits with their separators
/// (`45,000`, `2.6`), and digits with a scale letter glued on (`1.40B`,
/// `70M`, `5bn`, `120k`). Digits with another letter stay open words
/// (`5G`, `3D`).
fn is_figure(word: &str) -> bool {
    let digits = word
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
        .count();
    if digits == 0 || !word.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let suffix = word[digits..].to_ascii_lowercase();
    let many_digits = word[..digits].bytes().filter(u8::is_ascii_digit).count() > 1;
    match suffix.as_str() {
        "" => true,
        "bn" | "mn" | "tn" | "trn" => true,
        // one digit and one letter is a name as often as a figure (`5G`)
        "k" | "m" | "b" | "t" => many_digits || word[..digits].contains('.'),
        _ => false,
    }
}

/// A word of an English span, with its class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub span: Span,
    pub class: Class,
    /// `and` / `or`: joins open words into one phrase.
    pub joins: bool,
}

/// True for the characters inside an English word: letters and digits,
/// and `-`, `'`, `’`, `&`, `*` between them (`technology-based`, `city’s`,
/// `R&D`, `A*STAR`).
fn inner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '&' | '*')
}

/// The words of `text[span]`, classed; white space is skipped and every
/// other character is `Punct`. Han text is punctuation here.
pub(crate) fn words(text: &str, span: Span, table: &EnglishWords) -> Vec<Word> {
    let s = &text[span];
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let at = span.start + i;
        if !c.is_ascii_alphanumeric() {
            // (an ampersand on its own joins like `and`: `Science &
            // Technology`)
            let and = c == '&';
            out.push(Word {
                span: Span::new(at, at + c.len_utf8()),
                class: if and {
                    Class::Conjunction
                } else {
                    Class::Punct
                },
                joins: and,
            });
            continue;
        }
        let mut end = at + 1;
        while let Some(&(j, d)) = it.peek() {
            let next_alnum = || {
                s[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_alphanumeric())
            };
            // digits keep their separators (`45,000`, `2.6`)
            let number_sep = matches!(d, ',' | '.')
                && text[at..end]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
                && s[j + 1..].starts_with(|n: char| n.is_ascii_digit());
            if !(d.is_ascii_alphanumeric() || (inner(d) && next_alnum()) || number_sep) {
                break;
            }
            end = span.start + j + d.len_utf8();
            it.next();
        }
        let w = Span::new(at, end);
        let lower = text[w].to_ascii_lowercase();
        out.push(Word {
            span: w,
            class: table.class_of(&text[w]),
            joins: lower == "and" || lower == "or",
        });
    }
    settle_verbs(text, &mut out);
    out
}

/// Decides the words the table leaves open to context: a verb-or-noun is
/// a verb after an auxiliary, or after a noun phrase and before what
/// follows a verb; an open word in -ing after an auxiliary is a verb (`is
/// aiming to`); an open word in -ed or -ing is a verb before what
/// follows a verb (`exceeded 60 billion`, `reaching the`), or, lower-cased,
/// before a capitalised name (`toured Jiangbei`).
fn settle_verbs(text: &str, words: &mut [Word]) {
    for k in 0..words.len() {
        let prev = k.checked_sub(1).map(|p| words[p].class);
        let auxiliary_before = matches!(prev, Some(Class::Auxiliary | Class::Modal));
        // (what stands before the word past any adverbs: `will also set`)
        let before_adverbs = words[..k]
            .iter()
            .rev()
            .find(|w| w.class != Class::Adverb)
            .map(|w| w.class);
        let next = words.get(k + 1).map(|w| w.class);
        let ends_clause = next.is_none_or(|n| n == Class::Punct);
        let w = &text[words[k].span];
        // a lower-case word after a modal is its bare verb (`will deploy
        // $500 million`, `will also set aside`), and so is one between an
        // adverb after a noun and an infinitive (`the Government also
        // plans to inject`)
        let lower_case = w.starts_with(|c: char| c.is_ascii_lowercase());
        let bare = lower_case
            && (before_adverbs == Some(Class::Modal)
                || (prev == Some(Class::Adverb)
                    && before_adverbs == Some(Class::Open)
                    && words
                        .get(k + 1)
                        .is_some_and(|n| text[n.span].eq_ignore_ascii_case("to"))));
        match words[k].class {
            Class::VerbNoun => {
                let after_subject = matches!(prev, Some(Class::Open | Class::Pronoun));
                // an infinitive: `to launch a scheme`, `to hit` right
                // before the figure the words stop at
                let infinitive = k > 0
                    && text[words[k - 1].span].eq_ignore_ascii_case("to")
                    && next.is_none_or(|n| n == Class::Open || n.after_a_verb());
                // (a capitalised word after a capitalised open word is part
                // of a name: `the Marine Science Fund.`)
                let in_name = !lower_case
                    && k > 0
                    && words[k - 1].class == Class::Open
                    && text[words[k - 1].span].starts_with(|c: char| c.is_ascii_uppercase());
                let verb = auxiliary_before
                    || bare
                    || infinitive
                    || (after_subject
                        && !in_name
                        && (ends_clause || next.is_some_and(Class::after_a_verb)));
                words[k].class = if verb { Class::Verb } else { Class::Open };
            }
            Class::Open => {
                let lower = w.to_ascii_lowercase();
                let inflected = (lower.ends_with("ed") && lower.len() >= 5)
                    || (lower.ends_with("ing") && lower.len() >= 6);
                let before_name = lower_case
                    && words.get(k + 1).is_some_and(|n| {
                        text[n.span].starts_with(|c: char| c.is_ascii_uppercase())
                    });
                // (not before a preposition: `spending in R&D` is a noun)
                let before_object = next.is_some_and(|n| {
                    matches!(
                        n,
                        Class::Determiner | Class::Demonstrative | Class::Pronoun | Class::Number
                    )
                });
                // (a word in -ing after an auxiliary is a verb: `is aiming
                // to spend`, `are seeking`)
                let progressive = lower.ends_with("ing") && auxiliary_before;
                // (a lower-case word between `to` and its object is an
                // infinitive: `to implement the programme`)
                let infinitive = lower_case
                    && before_object
                    && k > 0
                    && text[words[k - 1].span].eq_ignore_ascii_case("to");
                if bare
                    || infinitive
                    || progressive
                    || (inflected
                        // (a gerund may follow a link before a determiner:
                        // `for launching a scheme`; not `the target of
                        // spending 3%`)
                        && prev.is_none_or(|p| {
                            p != Class::Determiner
                                && (p != Class::Link
                                    || (lower.ends_with("ing")
                                        && matches!(
                                            next,
                                            Some(Class::Determiner | Class::Demonstrative)
                                        )))
                        })
                        && (before_object || before_name))
                {
                    words[k].class = Class::Verb;
                }
            }
            _ => {}
        }
    }
}

/// The asides among classed words: the spans inside brackets and between
/// a pair of dashes (`UKRI – the UK’s lead public research funder –`).
pub(crate) fn asides(text: &str, words: &[Word]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut dash: Option<usize> = None;
    for w in words.iter().filter(|w| w.class == Class::Punct) {
        match &text[w.span] {
            "(" | "[" => open.push(w.span.start),
            ")" | "]" => {
                if let Some(s) = open.pop() {
                    out.push(Span::new(s, w.span.end));
                }
            }
            "–" | "—" => match dash.take() {
                Some(s) => out.push(Span::new(s, w.span.end)),
                None => dash = Some(w.span.start),
            },
            _ => {}
        }
    }
    // an open bracket or dash runs to the end
    if let Some(s) = open.first().copied().or(dash) {
        if let Some(last) = words.last() {
            out.push(Span::new(s, last.span.end));
        }
    }
    out
}

/// The subject that ends a run of classed words before a figure, read
/// from the end: the verbs, auxiliaries, adverbs and prepositions right
/// before the figure are its predicate (`will reach`, `account for more
/// than`); the subject is the stretch of open words before them with the
/// prepositions, links, numbers and possessives between (`proportion of
/// social R&D expenditure to regional GDP`, `high-value invention patents
/// per 10,000 population`), up to a verb, a pronoun, a determiner, a
/// year or a clause mark. Asides in brackets or between dashes are passed
/// over.
pub(crate) fn subject_before(text: &str, words: &[Word]) -> Option<NounPhrase> {
    let aside = asides(text, words);
    let kept: Vec<&Word> = words
        .iter()
        .filter(|w| !aside.iter().any(|a| a.contains(w.span)))
        .collect();
    let mut end = kept.len();
    // the predicate
    // (a demonstrative with no noun after it is a pronoun: `This accounted
    // for 2.68 percent`)
    let pronoun = |w: &Word| matches!(w.class, Class::Pronoun | Class::Demonstrative);
    while end > 0 && kept[end - 1].class != Class::Open {
        if pronoun(kept[end - 1])
            || (kept[end - 1].class == Class::Punct && !is_joiner(&text[kept[end - 1].span]))
        {
            break;
        }
        end -= 1;
    }
    if end == 0 || kept[end - 1].class != Class::Open {
        // a pronoun subject (`It was`), or none
        let k = end.checked_sub(1)?;
        return pronoun(kept[k]).then(|| NounPhrase {
            span: kept[k].span,
            anaphoric: true,
        });
    }
    let last = end - 1;
    let mut start = last;
    let mut anaphoric = false;
    let is_year = |w: &Word| {
        let t = &text[w.span];
        t.len() == 4 && (t.starts_with("19") || t.starts_with("20"))
    };
    while start > 0 {
        let w = kept[start - 1];
        let inner = match w.class {
            Class::Open | Class::Link | Class::Preposition => true,
            Class::Number => !is_year(w),
            Class::Conjunction => w.joins,
            Class::Punct => is_joiner(&text[w.span]),
            Class::Demonstrative => {
                anaphoric = true;
                false
            }
            // `of the technology market`, `above the scale`
            Class::Determiner => {
                start >= 2 && matches!(kept[start - 2].class, Class::Link | Class::Preposition)
            }
            _ => false,
        };
        if !inner {
            break;
        }
        start -= 1;
    }
    // the phrase opens and ends with open words
    while start < last && kept[start].class != Class::Open {
        start += 1;
    }
    Some(NounPhrase {
        span: Span::new(kept[start].span.start, kept[last].span.end),
        anaphoric: anaphoric && start + 1 > last,
    })
}

/// Punctuation inside a noun phrase: a comma between list items of one
/// phrase is not (it ends a clause there), but a slash is (`R&D/GDP`).
fn is_joiner(p: &str) -> bool {
    matches!(p, "/" | "&")
}

/// A noun phrase of English text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NounPhrase {
    /// From its first open word to its last: no determiner.
    pub span: Span,
    /// The phrase points back: a pronoun, or a demonstrative before it
    /// (`these products`).
    pub anaphoric: bool,
}

/// The noun phrases of classed words, in order.
pub(crate) fn noun_phrases(words: &[Word]) -> Vec<NounPhrase> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let c = words[k].class;
        if c == Class::Pronoun {
            out.push(NounPhrase {
                span: words[k].span,
                anaphoric: true,
            });
            k += 1;
            continue;
        }
        let demonstrative = c == Class::Demonstrative;
        let start = if matches!(c, Class::Determiner | Class::Demonstrative) {
            k + 1
        } else {
            k
        };
        let mut end = start;
        while end < words.len() && words[end].class == Class::Open {
            end += 1;
            // `research and development`, `patent, trademark and design`
            // are one phrase where open words stand on both sides
            if end + 1 < words.len()
                && words[end].class == Class::Conjunction
                && words[end].joins
                && words[end + 1].class == Class::Open
            {
                end += 1;
            }
            // `of` / `for` and a determiner, then more open words
            if end < words.len() && words[end].class == Class::Link {
                let mut after = end + 1;
                if after < words.len()
                    && matches!(words[after].class, Class::Determiner | Class::Demonstrative)
                {
                    after += 1;
                }
                if after < words.len() && words[after].class == Class::Open {
                    end = after;
                }
            }
        }
        if end > start {
            out.push(NounPhrase {
                span: Span::new(words[start].span.start, words[end - 1].span.end),
                anaphoric: demonstrative,
            });
            k = end;
        } else if demonstrative {
            // `this` alone, before a verb: a pronoun
            out.push(NounPhrase {
                span: words[k].span,
                anaphoric: true,
            });
            k += 1;
        } else {
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    fn phrases(text: &str) -> Vec<&str> {
        let rules = Rules::default_rules();
        let w = words(text, Span::new(0, text.len()), &rules.english);
        noun_phrases(&w)
            .into_iter()
            .map(|p| &text[p.span])
            .collect()
    }

    #[test]
    fn every_example_of_the_table_chunks_as_written() {
        let t = crate::rules::Tables::shipped().unwrap();
        let t = t.get("english_words");
        let mut checked = 0;
        for row in t.rows() {
            for ex in t.list(row, "examples") {
                let (text, want) = ex.split_once("=>").expect("`text => phrases`");
                let want: Vec<&str> = want
                    .split(';')
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .collect();
                assert_eq!(phrases(text.trim()), want, "line {}: {ex}", row.line);
                checked += 1;
            }
        }
        assert!(checked >= 10, "{checked}");
    }

    #[test]
    fn phrases_of_the_genre() {
        assert_eq!(
            phrases(
                "Chongqing will strive to achieve an R&D investment intensity of more than 2.73%"
            ),
            ["Chongqing", "R&D investment intensity"]
        );
        assert_eq!(
            phrases("the proportion of fundamental research spending in R&D will exceed 9 percent"),
            ["proportion of fundamental research spending in R&D",]
        );
        assert_eq!(
            phrases("The province will add 45,000 5G base stations by 2026."),
            ["province", "5G base stations"]
        );
        assert_eq!(
            phrases("Students from Nanjing Robotics Camp toured Jiangbei Science City yesterday."),
            [
                "Students",
                "Nanjing Robotics Camp",
                "Jiangbei Science City yesterday"
            ]
        );
        assert_eq!(
            phrases("research and development personnel exceeded 260,000"),
            ["research and development personnel"]
        );
        // a word in -ing after an auxiliary is a verb
        assert_eq!(
            phrases("Shanghai is aiming to spend around 4.5 percent of its GDP on R&D"),
            ["Shanghai", "GDP on R&D"]
        );
    }

    #[test]
    fn bare_verbs_acronyms_and_ampersands() {
        // a word after a modal, past adverbs, is a verb, and so is one
        // between an adverb and an infinitive, or between `to` and its object
        assert_eq!(
            phrases("The council will also fund 30 new chairs."),
            ["council", "new chairs"]
        );
        assert_eq!(
            phrases("The agency now intends to double the grant to 5 million."),
            ["agency", "grant"]
        );
        assert_eq!(
            phrases("new money to upgrade the old hall"),
            ["new money", "old hall"]
        );
        // capitals spell an acronym, not a pronoun; a lone ampersand joins
        assert_eq!(
            phrases("the IT Development Office and the Science & Technology Board"),
            ["IT Development Office", "Science & Technology Board"]
        );
    }

    #[test]
    fn words_that_point_back() {
        let rules = Rules::default_rules();
        let text = "It was 9 percent more. These products accounted for 30 percent.";
        let w = words(text, Span::new(0, text.len()), &rules.english);
        let np = noun_phrases(&w);
        let back: Vec<&str> = np
            .iter()
            .filter(|p| p.anaphoric)
            .map(|p| &text[p.span])
            .collect();
        assert_eq!(back, ["It", "products"]);
    }

    #[test]
    fn a_word_of_two_classes_is_an_error() {
        let t = Table::parse(
            "english_words",
            "words\tclass\texamples\nup\tadverb\t\nup\tpreposition\t\n",
        )
        .unwrap();
        let e = EnglishWords::compile(&t).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
    }
}
