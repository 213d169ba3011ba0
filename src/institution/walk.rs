//! The walk from a Chinese suffix to the left: which tokens may belong to
//! a name, where a name starts once leading verbs are dropped, and goal
//! frames before it.

use super::suffix::*;
use super::InstitutionRules;
use crate::span::Span;
use crate::token::{ShadowToken, TokenKind};

/// Part-of-speech tags of words that do not open a name: verbs, adverbs,
/// prepositions, conjunctions, pronouns and particles (`抓住国家重点实验室`,
/// `现有国家重点实验室`): verbs the boundary table does not list.
pub(super) const NOT_NAME_START_TAGS: &[&str] =
    &["v", "vd", "d", "ad", "p", "c", "r", "u", "uj", "ul"];

/// Where a name starts once leading words that cannot open one are
/// dropped: words the segmenter tags as verbs, adverbs and the like, unless
/// the tables know them as names. The head (`head..`) is never dropped.
pub(super) fn leading_verbs_end(
    text: &str,
    start: usize,
    head: usize,
    r: &InstitutionRules,
) -> usize {
    let lx = &r.lexicon;
    let mut at = start;
    for t in r.jieba().tag(&text[start..head], false) {
        let known = lx.zh_proper.contains(t.word)
            || lx.zh_qualifier.contains(t.word)
            || lx.zh_field.contains(t.word);
        if known || !NOT_NAME_START_TAGS.contains(&t.tag) || at + t.word.len() >= head {
            break;
        }
        at += t.word.len();
    }
    at
}

pub(super) struct Walk {
    pub start: usize,
    pub stop: Stop,
}

/// Walks from `at` to the left over the tokens of one paragraph, while the
/// tokens may belong to a name.
pub(super) fn walk_left(
    text: &str,
    tokens: &[ShadowToken],
    name_ends: &[usize],
    para_start: usize,
    at: usize,
    r: &InstitutionRules,
) -> Walk {
    let lx = &r.lexicon;
    let mut start = at;
    let mut chars = 0;
    let mut latin = 0;
    // the first joiner passed over (`及` in `香港纺织及成衣研发中心`), and
    // the walk as it stood there
    let mut joined: Option<(Span, Walk)> = None;
    let mut i = tokens.partition_point(|t| t.span().start < at);
    let stop = loop {
        if i == 0 {
            break Stop::Edge;
        }
        let t = &tokens[i - 1];
        if t.span().end <= para_start || t.span().start < para_start {
            break Stop::Edge;
        }
        let piece = Span::new(t.span().start, t.span().end.min(start));
        if piece.end < start {
            // white space the text layer kept: a break between words
            break Stop::Edge;
        }
        // another name that may not open a longer one ends in this piece
        let k = name_ends.partition_point(|&e| e <= piece.start);
        if k < name_ends.len() && name_ends[k] <= piece.end {
            if name_ends[k] < piece.end {
                start = name_ends[k];
            }
            break Stop::Name;
        }
        let w = &text[piece];
        let mut next = piece.start;
        match t.kind {
            TokenKind::Number => break Stop::Number,
            // digits the number reader left alone (a date's `21`)
            TokenKind::Latin if w.bytes().all(|b| b.is_ascii_digit()) => break Stop::Number,
            TokenKind::Latin => {
                latin += 1;
                if latin > 2 {
                    break Stop::Limit;
                }
            }
            TokenKind::Punct => {
                let c = w.chars().next().unwrap_or(' ');
                match c {
                    ')' | '”' | '"' | '》' | '」' => {
                        let open = match c {
                            ')' => "(",
                            '”' => "“",
                            '》' => "《",
                            '」' => "「",
                            _ => "\"",
                        };
                        match matching_open(text, para_start, piece.start, open) {
                            Some(o) => next = o,
                            None => break Stop::Punct(c),
                        }
                    }
                    '·' | '—' | '-' | '–' if start < at => {}
                    _ => break Stop::Punct(c),
                }
            }
            TokenKind::Han if joined.is_none() && joins_inside(text, tokens, i - 1, start, r) => {
                joined = Some((
                    piece,
                    Walk {
                        start,
                        stop: Stop::Word,
                    },
                ));
            }
            // a count before the name (`六所国家工程技术研究中心`), or
            // the unit of a date (`9月18日上海交通大学郑州研究院`)
            TokenKind::Han if is_count(w) => break Stop::Number,
            TokenKind::Han
                if matches!(w, "年" | "月" | "日" | "号")
                    && i >= 2
                    && tokens[i - 2].kind == TokenKind::Number
                    && tokens[i - 2].span().end == piece.start =>
            {
                break Stop::Number
            }
            // the counter of a count in digits, alone (`3` `所`) or glued
            // by the segmenter to the name's first character (`7` `家省`
            // `创新实验室`): the name starts after it
            TokenKind::Han
                if i >= 2
                    && tokens[i - 2].kind == TokenKind::Number
                    && tokens[i - 2].span().end == piece.start
                    && w.chars().next().is_some_and(super::shared::is_list_counter) =>
            {
                start = piece.start + w.chars().next().map_or(0, char::len_utf8);
                break Stop::Number;
            }
            TokenKind::Han => {
                // past a joiner and the word it joins, a verb or the like
                // ends the name (`设有` in `香港理工大学设有航空及民航…`)
                if joined.as_ref().is_some_and(|(j, _)| j.start > piece.end) && function_word(w, r)
                {
                    break Stop::Word;
                }
                if lx.zh_stop.contains(w) {
                    // a level phrase the segmenter split (`川渝` `共建`)
                    match qualifier_ending(text, para_start, piece, r) {
                        Some(q) => next = q,
                        None => break Stop::Word,
                    }
                } else if stop_suffix(w, r) {
                    // a verb glued to the end of a word (`学科建设`)
                    break Stop::Word;
                } else if ends_in_phrase(
                    &text[para_start..piece.end],
                    piece.len(),
                    &lx.zh_stop,
                    lx.zh_stop_max,
                ) {
                    // a stop phrase the segmenter split (`提质` `发展`)
                    break Stop::Word;
                } else if ends_in_phrase(
                    &text[para_start..piece.end],
                    piece.len(),
                    &lx.zh_modifier,
                    8,
                ) {
                    // a modifier the segmenter split (`混合` `所有制`)
                    break Stop::Modifier;
                }
                // (a modifier that a joiner joins to a field is a field:
                // `改革开放与现代化研究所`)
                if lx.zh_modifier.contains(w)
                    && !(i >= 2 && joins_inside(text, tokens, i - 2, piece.start, r))
                {
                    break Stop::Modifier;
                }
                // a stop word glued to the front of a name by the
                // segmenter (`建设金凤`): keep what follows it
                if let Some(cut) = stop_prefix(w, r) {
                    start = piece.start + cut;
                    break Stop::Word;
                }
                // a verb, adverb or the like the boundary table does not
                // list (`来自`, `还是`)
                if !lx.zh_stop.contains(w) && function_word(w, r) {
                    break Stop::Word;
                }
            }
        }
        let n = text[next..start].chars().count();
        if chars + n > MAX_NAME_CHARS {
            break Stop::Limit;
        }
        chars += n;
        start = next;
        i = tokens.partition_point(|t| t.span().start < start);
    };
    // a name that a joiner stands in holds a proper name before it
    // (`香港纺织及…`); otherwise the joiner ended it
    // (or a field of a national designation: `模拟与混合信号…国家重点实验室`)
    if let Some((j, there)) = joined {
        let national =
            holds_national(&text[j.end..at], r) && field_words(&text[start..j.start], false, r);
        if j.start <= start || !(r.zh_proper(&text[start..j.start], true) || national) {
            return there;
        }
    }
    // a joiner left dangling at the front is not part of the name
    let trimmed = text[start..at].trim_start_matches(['·', '—', '-', '–']);
    Walk {
        start: at - trimmed.len(),
        stop,
    }
}

/// True where the token `k` is a joiner of the boundary table that may
/// stand inside the name being walked (from `start`): the word after it
/// (a word of the name or its head) names no place (`新竹及台南科学园区` is a list),
/// and a Chinese word that is no stop word, modifier or name end
/// comes before it.
fn joins_inside(
    text: &str,
    tokens: &[ShadowToken],
    k: usize,
    start: usize,
    r: &InstitutionRules,
) -> bool {
    let lx = &r.lexicon;
    let t = &tokens[k];
    if t.span().end != start || !lx.zh_joiner.contains(&text[t.span()]) {
        return false;
    }
    let after = tokens[k + 1..]
        .iter()
        .find(|n| n.span().start >= start)
        .filter(|n| n.kind == TokenKind::Han);
    let before = k.checked_sub(1).map(|b| &tokens[b]);
    match (after, before) {
        (Some(a), Some(b)) => {
            let w = &text[b.span()];
            b.kind == TokenKind::Han
                && b.span().end == t.span().start
                && !lx.zh_stop.contains(w)
                && !lx.zh_modifier.contains(w)
                && !stop_suffix(w, r)
                && !names_a_place(&text[a.span()], r)
                && !ends_in_suffix(text, b.span(), r)
        }
        _ => false,
    }
}

/// True where the Chinese word `w` is a place, brand or body the tables
/// know (`台南` in `新竹及台南科学园区`): the segmenter's tags call too
/// much proper (`通讯`, `湖泊`).
fn names_a_place(w: &str, r: &InstitutionRules) -> bool {
    r.lexicon.zh_proper.contains(w)
        || r.gazetteer
            .by_key
            .get(w)
            .is_some_and(|&e| !r.gazetteer.entries[e].generic)
}

/// True where the segmenter tags the Han word `w` as a word that cannot
/// stand inside a name (a verb, adverb, preposition, conjunction, pronoun
/// or particle: `来自`, `学习`, `还是`), and the tables know it neither as a
/// name, a level word, a joiner nor a field verb (`创新`, `孵化`).
pub(super) fn function_word(w: &str, r: &InstitutionRules) -> bool {
    let lx = &r.lexicon;
    if lx.zh_proper.contains(w)
        || lx.zh_qualifier.contains(w)
        || lx.zh_joiner.contains(w)
        || lx.zh_field.contains(w)
        || r.gazetteer.by_key.contains_key(w)
    {
        return false;
    }
    match r.jieba().tag(w, true).as_slice() {
        [t] => NOT_NAME_START_TAGS.contains(&t.tag),
        _ => false,
    }
}

/// True where a kind suffix of the table ends the word `w` (`大学` in
/// `香港大学`): a name ends there.
fn ends_in_suffix(text: &str, w: Span, r: &InstitutionRules) -> bool {
    r.suffixes
        .zh
        .find_overlapping_iter(&text[w])
        .any(|m| m.end() == w.len() && r.suffixes.zh_rows[m.pattern().as_usize()].kind.is_some())
}

/// Where a level phrase of the boundary table (`川渝共建`) that ends with
/// the stop word `piece` and starts before it opens, within the paragraph.
pub(super) fn qualifier_ending(
    text: &str,
    para_start: usize,
    piece: Span,
    r: &InstitutionRules,
) -> Option<usize> {
    let before = &text[para_start..piece.end];
    r.lexicon
        .zh_qualifier
        .iter()
        .filter(|q| q.len() > piece.len() && before.ends_with(q.as_str()))
        .map(|q| piece.end - q.len())
        .min()
}

/// True where `before` ends in a word of `set` longer than `min` bytes and
/// at most `max_chars` characters long.
pub(super) fn ends_in_phrase(
    before: &str,
    min: usize,
    set: &rustc_hash::FxHashSet<String>,
    max_chars: usize,
) -> bool {
    before
        .char_indices()
        .rev()
        .take(max_chars)
        .any(|(i, _)| before.len() - i > min && set.contains(&before[i..]))
}

/// True where the Han token `w` is a count: numerals and a counter
/// (`六所`, `两家`, `三个`).
fn is_count(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next_back().is_some_and(super::shared::is_list_counter)
        && cs.clone().next().is_some()
        && cs.all(super::shared::is_list_numeral)
}

/// True where the Han token `w` ends in a stop word of two characters or
/// more and holds more than it (`学科建设`): the word is no part of a name.
pub(super) fn stop_suffix(w: &str, r: &InstitutionRules) -> bool {
    let lx = &r.lexicon;
    w.char_indices()
        .skip(1)
        .take_while(|&(i, _)| w[i..].chars().count() <= lx.zh_stop_max)
        .any(|(i, _)| w[i..].chars().count() >= 2 && lx.zh_stop.contains(&w[i..]))
}

/// The byte length of a stop word that opens the Han token `w` and leaves
/// at least two characters after it.
pub(super) fn stop_prefix(w: &str, r: &InstitutionRules) -> Option<usize> {
    let lx = &r.lexicon;
    let mut best = None;
    for (n, (i, c)) in w.char_indices().enumerate() {
        if n >= lx.zh_stop_max {
            break;
        }
        let end = i + c.len_utf8();
        if end < w.len()
            && w[end..].chars().count() >= 2
            && lx.zh_stop.contains(&w[..end])
            && end > 3
        {
            best = Some(end);
        }
    }
    best
}

/// The start of the opening bracket or quote `open` that matches the
/// closing one at `close`, in the same paragraph and near.
pub(super) fn matching_open(
    text: &str,
    para_start: usize,
    close: usize,
    open: &str,
) -> Option<usize> {
    let from = floor_char(text, close.saturating_sub(60).max(para_start));
    let window = &text[from..close];
    let o = window.rfind(open)?;
    let inner = &window[o + open.len()..];
    if inner.is_empty()
        || inner
            .chars()
            .any(|c| matches!(c, ',' | '。' | ';' | ':' | '、' | '，'))
    {
        return None;
    }
    Some(from + o)
}

/// The nearest char boundary at or before `i`.
pub(crate) fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True where the words before `start` in its clause make the name a goal
/// phrase (`具有全国影响力的科技创新中心`).
pub(super) fn goal_before(
    text: &str,
    para_start: usize,
    start: usize,
    r: &InstitutionRules,
) -> bool {
    let from = floor_char(text, start.saturating_sub(60).max(para_start));
    let window = &text[from..start];
    let clause = match window.rfind([',', '。', ';', ':', '，', '、', '!', '?']) {
        Some(p) => {
            let stop = window[p..].chars().next().map_or(1, char::len_utf8);
            &window[p + stop..]
        }
        None => window,
    };
    r.lexicon.zh_goal.iter().any(|g| {
        clause.ends_with(g.after.as_str())
            && g.before
                .as_ref()
                .is_none_or(|b| clause[..clause.len() - g.after.len()].contains(b.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    /// The institutions of `text`: span text and name.
    fn found(text: &str) -> Vec<(String, String)> {
        let got = Extractor::new().extract(text).expect("extracts");
        got.institutions
            .into_iter()
            .map(|i| (i.span.text.to_string(), i.name))
            .collect()
    }

    #[test]
    fn a_verb_or_conjunction_the_tables_do_not_list_ends_the_name() {
        assert_eq!(
            found("目前有近半研發經費來自科學園區。"),
            [("科學園區".into(), "科学园区".into())]
        );
        assert_eq!(
            found("光電產業還是科學園區兩大支柱"),
            [("科學園區".into(), "科学园区".into())]
        );
        // field words the segmenter tags as verbs stay in the name
        assert_eq!(
            found("依托国家技术转移西南中心。")[0].0,
            "国家技术转移西南中心"
        );
    }

    #[test]
    fn digits_of_a_date_end_the_name() {
        assert_eq!(
            found(" date 2025-12-21 科學園區在民間企業研發扮演要角。"),
            [("科學園區".into(), "科学园区".into())]
        );
    }

    #[test]
    fn a_modifier_joined_to_a_field_belongs_to_the_name() {
        let got = found("作者為廣東省社會科學院改革開放與現代化研究所研究員");
        assert_eq!(got[0].1, "广东省社会科学院改革开放与现代化研究所");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn the_unit_of_a_date_ends_the_name() {
        assert_eq!(
            found("9月18日上海交通大学郑州研究院揭牌。"),
            [(
                "上海交通大学郑州研究院".into(),
                "上海交通大学郑州研究院".into()
            )]
        );
    }
}
