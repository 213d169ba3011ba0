//! Chinese names that share one suffix: lists with a marker
//! (`金凤、嘉陵江、明月湖三大重庆实验室`, `杭州、苏州等地高新区`), lists
//! without one, and items that share a founder; one mention per name.

use super::suffix::*;
use super::{Cand, InstitutionRules, Source};
use crate::model::InstitutionKind;
use crate::span::Span;
use crate::token::ShadowToken;

/// One name of a list sharing a suffix.
pub(super) struct Item {
    pub span: Span,
}

/// Names listed before one suffix with a list marker:
/// `金凤、嘉陵江、明月湖三大重庆实验室`, `铜梁、潼南等市级高新区`. Returns the
/// items, each a proper name, or `None` where the text is no such list.
pub(super) fn coordination(
    text: &str,
    para: Span,
    suffix: Span,
    hits: &[SuffixHit],
    r: &InstitutionRules,
) -> Option<Vec<Item>> {
    // the marker ends within a few characters before the suffix
    let mut p = suffix.start;
    for _ in 0..=MAX_SHARED_CHARS {
        if p <= para.start {
            return None;
        }
        if let Some((q, count)) = list_marker_before(text, para.start, p) {
            let shared = &text[p..suffix.start];
            if shared.chars().all(crate::text::is_han) && !r.lexicon.zh_stop.contains(shared) {
                return list_items(text, para.start, q, hits, r, 2).or_else(|| {
                    // a count that matches the items names them all, proper
                    // names or not, read with or without a split at the
                    // last conjunction (`数字建造、智能设计与数控等2家`,
                    // `智慧城市物联网和月球与行星科学两所`)
                    let n = count.filter(|&n| n >= 2)?;
                    [true, false].into_iter().find_map(|split| {
                        collect_items(text, para.start, q, hits, r, split)
                            .filter(|items| items.len() == n)
                    })
                });
            }
            return None;
        }
        let c = text[..p].chars().next_back()?;
        if !crate::text::is_han(c) {
            return None;
        }
        p -= c.len_utf8();
    }
    None
}

/// Where a list marker (`等`, `三大`, `等三大`, a count such as `3家` or
/// `三个`) ends exactly at `p`: the start of the marker, and the count it
/// gives, if any.
pub(super) fn list_marker_before(
    text: &str,
    para_start: usize,
    p: usize,
) -> Option<(usize, Option<usize>)> {
    if text[para_start..p].ends_with('等') {
        return Some((p - '等'.len_utf8(), None));
    }
    let (mut q, count) = count_before(text, para_start, p)?;
    if text[para_start..q].ends_with('等') {
        q -= '等'.len_utf8();
    }
    Some((q, count))
}

/// Where a count of bodies (`3家`, `三个`, `七间`) ends exactly at `p`: its
/// start, and its value where the number reader reads one.
pub(super) fn count_before(
    text: &str,
    para_start: usize,
    p: usize,
) -> Option<(usize, Option<usize>)> {
    let mut cs = text[para_start..p].chars().rev();
    let counter = cs.next().filter(|&c| is_list_counter(c))?;
    let n: usize = cs
        .take_while(|&c| is_list_numeral(c))
        .map(char::len_utf8)
        .sum();
    if n == 0 {
        return None;
    }
    let q = p - counter.len_utf8() - n;
    Some((q, list_count(&text[q..q + n])))
}

/// The value of a list marker's numerals (`2`, `三`, `两`), read by the
/// number reader.
fn list_count(s: &str) -> Option<usize> {
    crate::number::parse_number(s)
        .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v < 1000.0)
        .map(|v| v as usize)
}

/// The items of a `、` list that ends at `end`: at least `min_items`, each short,
/// none a complete name, at least half of them proper names.
pub(super) fn list_items(
    text: &str,
    para_start: usize,
    end: usize,
    hits: &[SuffixHit],
    r: &InstitutionRules,
    min_items: usize,
) -> Option<Vec<Item>> {
    let items = collect_items(text, para_start, end, hits, r, true)?;
    let proper = items
        .iter()
        .filter(|it| r.zh_proper(&text[it.span], true))
        .count();
    (items.len() >= min_items && proper * 2 >= items.len()).then_some(items)
}

/// The items of a `、` list that ends at `end`, each short and none a
/// complete name; `split` also splits the last at a conjunction
/// (`金凤、嘉陵江和明月湖`).
fn collect_items(
    text: &str,
    para_start: usize,
    end: usize,
    hits: &[SuffixHit],
    r: &InstitutionRules,
    split: bool,
) -> Option<Vec<Item>> {
    let mut items = Vec::new();
    let mut e = end;
    let mut after_conj = false;
    loop {
        let seg = &text[para_start..e];
        let s = seg
            .char_indices()
            .rev()
            .find(|&(_, c)| {
                !(crate::text::is_han(c) || c.is_ascii_alphanumeric() || "—·-–“”()".contains(c))
            })
            .map(|(i, c)| para_start + i + c.len_utf8())
            .unwrap_or(para_start);
        let sep = text[..s].chars().next_back();
        let mut item = Span::new(s, e);
        // the first item may open with stop words (`支持铜梁`); a `和` may
        // join the last two
        if sep != Some('、') {
            item = trim_stop_words(text, item, r);
            // (and the clause up to it: what follows its last stop word,
            // `海南将加快推进湘琼、粤琼合作产业园`, or in a long one its last
            // verb or function word too, `批准在澳门设立智慧城市物联网和…两所
            // 国家重点实验室`; in a short one a word the segmenter tags so
            // may be a name's, `高速列车`)
            let long = text[item].chars().count() > MAX_ITEM_CHARS;
            item = after_last_stop(text, item, r, long);
        }
        let (item, conj) = if split {
            split_conjunction(text, item)
        } else {
            (item, None)
        };
        let item = without_gloss(text, item);
        let n = text[item].chars().count();
        // (a first item that is no name, where two or more are listed
        // after it, is no part of the list: `建设了福州闽都(光电信息)、厦门
        // 嘉庚(能源材料)、…等7家`, where the segmenter reads `都` as `all`)
        if n == 0 && sep != Some('、') && items.len() >= 2 {
            break;
        }
        if n == 0 || n > MAX_ITEM_CHARS || ends_in_name(hits, item) || known_body(text, item, r) {
            // `直管园和大渡口、沙坪坝等拓展园`: a `和` may join a whole name
            // to the list; the list is what follows it
            if after_conj {
                break;
            }
            return None;
        }
        items.push(Item { span: item });
        after_conj = false;
        if let Some(c) = conj {
            e = c;
            after_conj = true;
            continue;
        }
        match sep {
            Some('、') => e = s - '、'.len_utf8(),
            _ => break,
        }
    }
    items.reverse();
    Some(items)
}

/// `item` without a gloss in brackets at its end: `厦门嘉庚(能源材料)`
/// lists the laboratory `厦门嘉庚创新实验室` with its field.
fn without_gloss(text: &str, item: Span) -> Span {
    let s = &text[item];
    if !s.ends_with(')') {
        return item;
    }
    // (an item that is only a gloss is empty: no name)
    match s.rfind('(') {
        Some(open) if !s[..open].ends_with(')') => Span::new(item.start, item.start + open),
        _ => item,
    }
}

/// Splits `甲和乙` into `乙` and the end of `甲`, for the last two items of a
/// list (`金凤、嘉陵江和明月湖`).
pub(super) fn split_conjunction(text: &str, item: Span) -> (Span, Option<usize>) {
    for conj in CONJUNCTIONS {
        if let Some(p) = text[item].rfind(conj) {
            let at = item.start + p;
            if p > 0 && at + conj.len() < item.end {
                return (Span::new(at + conj.len(), item.end), Some(at));
            }
        }
    }
    (item, None)
}

/// Drops stop words at the front of `item` (`支持铜梁` → `铜梁`).
pub(super) fn trim_stop_words(text: &str, mut item: Span, r: &InstitutionRules) -> Span {
    'outer: loop {
        let s = &text[item];
        let mut best = None;
        for (n, (i, c)) in s.char_indices().enumerate() {
            if n >= r.lexicon.zh_stop_max {
                break;
            }
            let end = i + c.len_utf8();
            if end < s.len() && r.lexicon.zh_stop.contains(&s[..end]) {
                best = Some(end);
            }
        }
        match best {
            Some(b) => {
                item = Span::new(item.start + b, item.end);
                continue 'outer;
            }
            None => return item,
        }
    }
}

/// What follows the last stop word in `item`, or with `function_words`
/// the last word that cannot stand inside a name either (but a
/// conjunction): `批准在澳门设立智慧城市物联网` → `智慧城市物联网`; the whole
/// item where there is none.
fn after_last_stop(text: &str, item: Span, r: &InstitutionRules, function_words: bool) -> Span {
    let mut at = item.start;
    let mut start = item.start;
    for t in r.jieba().tag(&text[item], true) {
        at += t.word.len();
        // (a conjunction may join two items: `和`)
        let joins = CONJUNCTIONS.contains(&t.word);
        if !joins
            && (r.lexicon.zh_stop.contains(t.word)
                || function_words && super::walk::function_word(t.word, r))
        {
            start = at;
        }
    }
    Span::new(start, item.end)
}

/// True where `item` is a body the gazetteer knows by itself (`港大`): a
/// list of such bodies before a class (`中大、港大、科大多間本港資助大學`)
/// names its members, not names sharing a suffix.
fn known_body(text: &str, item: Span, r: &InstitutionRules) -> bool {
    r.gazetteer
        .lookup(&text[item])
        .is_some_and(|e| !r.gazetteer.entries[e].generic)
}

/// True where a suffix of a kind ends exactly at the end of `item`. The
/// hits are sorted by start and none lies inside another, so only those
/// starting within the item are looked at: a long list costs linear time.
pub(super) fn ends_in_name(hits: &[SuffixHit], item: Span) -> bool {
    let from = hits.partition_point(|h| h.span.start < item.start);
    hits[from..]
        .iter()
        .take_while(|h| h.span.start < item.end)
        .any(|h| h.row.kind.is_some() && h.span.end == item.end)
}

/// `中国—德国、中国—匈牙利国际技术转移中心`: a list without a marker, whose
/// last item runs into the shared suffix. The last item is taken to have as
/// many words as the item before it.
pub(super) fn coordination_unmarked(
    text: &str,
    tokens: &[ShadowToken],
    para: Span,
    start: usize,
    suffix: Span,
    hits: &[SuffixHit],
    r: &InstitutionRules,
) -> Option<Vec<Item>> {
    let sep = start.checked_sub('、'.len_utf8())?;
    if !text[..start].ends_with('、') {
        return None;
    }
    // (the last item is read below: one item before it makes two names
    // where it is a place, `湘琼、粤琼合作产业园`, `中国—德国、中国—匈牙利`;
    // `科学谷、青凤高科创新孵化中心` are two names of their own)
    let mut items = list_items(text, para.start, sep, hits, r, 1)?;
    if items.iter().any(|it| !r.zh_proper(&text[it.span], true))
        || (items.len() == 1 && !r.zh_place(&text[items[0].span]))
    {
        return None;
    }
    let prev = items.last()?.span;
    // tokens are in text order: look only at those starting in each span
    let from = |at: usize| tokens.partition_point(|t| t.span().start < at);
    let want = tokens[from(prev.start)..]
        .iter()
        .take_while(|t| t.span().start < prev.end)
        .filter(|t| prev.contains(t.span()))
        .count();
    let name_tokens: Vec<&ShadowToken> = tokens[from(start)..]
        .iter()
        .take_while(|t| t.span().start < suffix.start)
        .filter(|t| t.span().end <= suffix.start)
        .collect();
    if want == 0 || name_tokens.len() <= want {
        return None;
    }
    let last = Span::new(start, name_tokens[want - 1].span().end);
    if !r.zh_proper(&text[last], true) {
        return None;
    }
    items.push(Item { span: last });
    Some(items)
}

/// `新竹及台南科学园区`, `高雄前镇、楠梓及台中潭子科技产业园区`: places
/// joined by a conjunction (and `、` before it) to a name that opens with a
/// place. The name after the conjunction (from `start`) stands whole; each
/// place before it names a body of its own with the words after that
/// name's place (`高雄前镇` → `高雄前镇科技产业园区`). Returns those items
/// and the shared words; `None` where an item or the name's opening is no
/// place.
pub(super) fn conjoined_places(
    text: &str,
    para: Span,
    start: usize,
    suffix: Span,
    hits: &[SuffixHit],
    r: &InstitutionRules,
) -> Option<(Vec<Item>, String)> {
    let conj = CONJUNCTIONS
        .iter()
        .find(|c| text[para.start..start].ends_with(*c))?;
    let conj_start = start - conj.len();
    // the words the places share: a category the name ends in
    // (`科技产业园区`), or what follows the place words that open it
    let own = match r.gazetteer.category_suffix(&text[start..suffix.end]) {
        Some((at, _)) if at > 0 => start + at,
        _ => {
            let mut own = start;
            for t in r.jieba().tag(&text[start..suffix.start], true) {
                if !r.zh_place(t.word) {
                    break;
                }
                own += t.word.len();
            }
            own
        }
    };
    if own == start || !r.zh_proper(&text[start..own], true) {
        return None;
    }
    let items = collect_items(text, para.start, conj_start, hits, r, false)?;
    if items.is_empty() || items.iter().any(|it| !r.zh_place(&text[it.span])) {
        return None;
    }
    let shared = super::joined(&text[own..suffix.end]);
    Some((items, shared))
}

/// Emits one mention per item of a list sharing `suffix`, each spanning
/// its own name; the shared words are suppressed as a mention.
pub(super) fn emit_coordinated(
    text: &str,
    suffix: Span,
    kind: InstitutionKind,
    items: &[Item],
    r: &InstitutionRules,
    out: &mut Vec<Cand>,
    suppress: &mut Vec<Span>,
) {
    let last = items.last().map(|it| it.span.end).unwrap_or(suffix.start);
    // the shared words, without the list marker and the places and levels
    // that qualify the whole list (`三大重庆实验室` → `实验室`)
    let shared_from = shared_start(text, last, suffix, r);
    let tail = super::joined(&text[shared_from..suffix.end]);
    suppress.push(Span::new(last, suffix.end));
    emit_items(text, items, &tail, kind, r, out);
}

/// Emits one mention per item, each spanning its own words and named by
/// them and the words it shares (`tail`): a body the gazetteer knows, or
/// a named body of `kind`.
pub(super) fn emit_items(
    text: &str,
    items: &[Item],
    tail: &str,
    kind: InstitutionKind,
    r: &InstitutionRules,
    out: &mut Vec<Cand>,
) {
    for it in items {
        let name = super::joined(&text[it.span]) + tail;
        let cand = match r.gazetteer.lookup(&name) {
            Some(e) => Cand::known(it.span, name, e, r, Source::List),
            None => Cand::new(it.span, name, kind, false, Source::List),
        };
        out.push(cand);
    }
}

/// Words that join two names (`计算所和微生物所`), longest first.
pub(super) const CONJUNCTIONS: [&str; 4] = ["以及", "和", "及", "与"];

/// True where the segmenter reads no noun in `tags`: only verbs, adverbs,
/// conjunctions, prepositions, pronouns, particles and time words.
pub(super) fn no_noun(tags: &[jieba_rs::Tag<'_>]) -> bool {
    tags.iter().all(|t| {
        let tag = t.tag;
        tag != "vn"
            && ["v", "d", "c", "p", "r", "u", "y", "e", "t"]
                .iter()
                .any(|f| tag.starts_with(f))
    })
}

/// A numeral of a list marker (`三大`, `3家`).
pub(super) fn is_list_numeral(c: char) -> bool {
    "一二三四五六七八九十两几".contains(c) || c.is_ascii_digit()
}

/// The counter that ends a list marker after its numeral (`三大`, `3家`,
/// `两个`).
pub(super) fn is_list_counter(c: char) -> bool {
    matches!(c, '大' | '个' | '家' | '所' | '座' | '间')
}

/// Where the shared words proper start after a list: past the marker
/// (`等`, `三大`) and any places or level words qualifying the whole list.
pub(super) fn shared_start(text: &str, last: usize, suffix: Span, r: &InstitutionRules) -> usize {
    let mut p = last;
    // the last item's gloss (`…、泉州刺桐(集成电路)等7家`)
    if text[p..suffix.start].starts_with('(') {
        if let Some(close) = text[p..suffix.start].find(')') {
            p += close + 1;
        }
    }
    let rest = &text[p..suffix.start];
    let marker_len: usize = {
        let mut n = 0;
        let mut cs = rest.char_indices();
        for (i, c) in cs.by_ref() {
            if c == '等' || is_list_numeral(c) || (is_list_counter(c) && i > 0) {
                n = i + c.len_utf8();
                if is_list_counter(c) {
                    break;
                }
                continue;
            }
            break;
        }
        n
    };
    p += marker_len;
    // `等地高新区`: a word naming what the items are is no part of the suffix
    if marker_len > 0 {
        let rest = &text[p..suffix.start];
        if let Some(w) = r
            .lexicon
            .zh_list_class
            .iter()
            .filter(|w| rest.starts_with(w.as_str()))
            .max_by_key(|w| w.len())
        {
            p += w.len();
        }
    }
    for t in r.jieba().tag(&text[p..suffix.start], true) {
        let w = t.word;
        let place = matches!(t.tag, "ns")
            || r.lexicon.zh_proper.contains(w)
            || r.lexicon.zh_qualifier.contains(w);
        if place && w != "国家" {
            p += w.len();
        } else {
            break;
        }
    }
    p
}

/// Longest `、` list searched back for a shared founder, in items.
pub(super) const MAX_FOUNDER_ITEMS: usize = 8;

/// `中国科学院计算所、微生物所、工业生物所`: the founder (a known body, not a
/// category) that opens the first name of a `、` list whose items end in
/// the same suffix as the item at `start..suffix.end`, written as named.
pub(super) fn shared_founder(
    text: &str,
    para: Span,
    start: usize,
    suffix: Span,
    r: &InstitutionRules,
) -> Option<String> {
    let head = &text[suffix];
    let g = &r.gazetteer;
    let mut e = start.checked_sub('、'.len_utf8())?;
    for _ in 0..MAX_FOUNDER_ITEMS {
        if !text[..e + '、'.len_utf8()].ends_with('、') || e < para.start {
            return None;
        }
        let s = text[para.start..e]
            .char_indices()
            .rev()
            .find(|&(_, c)| !crate::text::is_han(c))
            .map(|(i, c)| para.start + i + c.len_utf8())
            .unwrap_or(para.start);
        let item = &text[s..e];
        if !item.ends_with(head) || item.chars().count() > MAX_NAME_CHARS {
            return None;
        }
        let own_end = item.len() - head.len();
        let founder = g
            .matcher
            .find_iter(item)
            .filter(|m| {
                m.end() < own_end && !g.entries[g.pattern_entry[m.pattern().as_usize()]].generic
            })
            .last();
        if let Some(m) = founder {
            return Some(super::joined(&item[m.start()..m.end()]));
        }
        e = s.checked_sub('、'.len_utf8())?;
    }
    None
}
