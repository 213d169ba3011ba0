//! The suffix table, and Chinese names found from it: a suffix of a kind,
//! the words before it up to a boundary, and names sharing one suffix.

use super::lexicon::{fold, has_han};
use super::{Cand, InstitutionRules, Source};
use crate::error::RuleError;
use crate::model::InstitutionKind;
use crate::rules::Table;
use crate::span::Span;
use crate::token::{Token, TokenKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// What a suffix row says.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SuffixRow {
    /// `None` for a word that blocks a shorter suffix (`中心城区`).
    pub kind: Option<InstitutionKind>,
    /// Whether a name ending here may open a longer name.
    pub founder: bool,
}

/// An English head: its words (lower case) and row.
#[derive(Debug, Clone)]
pub(crate) struct EnHead {
    pub words: Vec<String>,
    pub row: SuffixRow,
    /// The singular form of the last word, for coordinated names.
    pub singular: String,
}

/// The compiled suffix table.
#[derive(Debug)]
pub(crate) struct Suffixes {
    pub zh: AhoCorasick,
    pub zh_rows: Vec<SuffixRow>,
    /// English heads, longest first.
    pub en: Vec<EnHead>,
}

impl Suffixes {
    pub(crate) fn compile(t: &Table) -> Result<Suffixes, RuleError> {
        let mut zh_patterns = Vec::new();
        let mut zh_rows = Vec::new();
        let mut en = Vec::new();
        for row in t.rows() {
            let kind_name = t.required(row, "kind")?;
            let kind = match kind_name {
                "none" => None,
                k => Some(
                    InstitutionKind::from_name(k)
                        .ok_or_else(|| t.error(row, format!("unknown kind `{k}`")))?,
                ),
            };
            let founder = match t.get(row, "founder") {
                "yes" => true,
                "" | "no" => false,
                other => {
                    return Err(
                        t.error(row, format!("column `founder`: `{other}` is not yes or no"))
                    )
                }
            };
            let r = SuffixRow { kind, founder };
            let forms = t.list(row, "suffix");
            if forms.is_empty() {
                return Err(t.error(row, "column `suffix` is empty"));
            }
            let singular = forms[0]
                .split_whitespace()
                .last()
                .unwrap_or("")
                .to_ascii_lowercase();
            for s in forms {
                if has_han(s) {
                    zh_patterns.push(fold(s));
                    zh_rows.push(r);
                } else {
                    let words: Vec<String> =
                        s.split_whitespace().map(str::to_ascii_lowercase).collect();
                    en.push(EnHead {
                        words,
                        row: r,
                        singular: singular.clone(),
                    });
                }
            }
        }
        en.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
        let zh = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&zh_patterns)
            .map_err(|e| {
                RuleError::new(t.name(), 0, format!("cannot build the suffix matcher: {e}"))
            })?;
        Ok(Suffixes { zh, zh_rows, en })
    }
}

/// Longest name, in characters, the walk to the left may build.
const MAX_NAME_CHARS: usize = 26;
/// Longest item of a list of names sharing a suffix, in characters.
const MAX_ITEM_CHARS: usize = 10;
/// Longest shared part after the list marker (`三大重庆实验室`), in characters.
const MAX_SHARED_CHARS: usize = 10;

/// Why the walk to the left ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Edge,
    Punct(char),
    Word,
    Modifier,
    Number,
    Name,
    Limit,
}

/// A suffix match in the shadow text.
#[derive(Debug, Clone, Copy)]
struct SuffixHit {
    span: Span,
    row: SuffixRow,
}

/// Finds Chinese names from suffixes, appending candidates to `out` and
/// the spans of shared suffixes (which are not mentions) to `suppress`.
pub(crate) fn find(
    text: &str,
    paragraphs: &[Span],
    tokens: &[Token],
    r: &InstitutionRules,
    out: &mut Vec<Cand>,
    suppress: &mut Vec<Span>,
) {
    let hits = suffix_hits(text, r);
    // ends of names that may not open a longer name: the walk stops there
    let name_ends: Vec<usize> = hits
        .iter()
        .filter(|h| h.row.kind.is_some() && !h.row.founder)
        .map(|h| h.span.end)
        .collect();
    for h in &hits {
        let Some(kind) = h.row.kind else { continue };
        let Some(pi) = crate::text::segment::containing(paragraphs, h.span.start) else {
            continue;
        };
        let para = paragraphs[pi];
        if let Some(items) = coordination(text, para, h.span, &hits, r) {
            emit_coordinated(text, h.span, kind, &items, r, out, suppress);
            continue;
        }
        let walk = walk_left(text, tokens, &name_ends, para.start, h.span.start, r);
        let mut start = walk.start;
        if goal_before(text, para.start, start, r) || r.lexicon.zh_goal_after(text, h.span.end) {
            continue;
        }
        if walk.stop == Stop::Punct('、') {
            if let Some(items) = coordination_unmarked(text, tokens, para, start, h.span, &hits, r)
            {
                emit_coordinated(text, h.span, kind, &items, r, out, suppress);
                continue;
            }
        }
        if walk.stop == Stop::Punct('、') && !r.zh_proper(&text[start..h.span.start], true) {
            if let Some(founder) = shared_founder(text, para, start, h.span, r) {
                let own: String = text[start..h.span.end]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                out.push(Cand::new(
                    Span::new(start, h.span.end),
                    founder + &own,
                    kind,
                    false,
                    Source::List,
                ));
                continue;
            }
        }
        // a known name inside the walk: drop words before it that hold no
        // proper name (a verb the boundary table does not know)
        if let Some(g) = r.gazetteer_hit_ending(text, start, h.span.end) {
            if g > start && !r.zh_proper(&text[start..g], true) {
                start = g;
            }
        }
        classify(
            text,
            Span::new(start, h.span.end),
            h.span.start,
            kind,
            r,
            out,
        );
    }
}

/// The suffix matches of `text` that no other match overrides: of two
/// overlapping matches the one reaching further right wins (`园区` over
/// `科技园` in `农业科技园区`), and a match inside a longer one is dropped
/// (`大学` inside the blocking `大学城`).
fn suffix_hits(text: &str, r: &InstitutionRules) -> Vec<SuffixHit> {
    let mut all: Vec<SuffixHit> = r
        .suffixes
        .zh
        .find_overlapping_iter(text)
        .map(|m| SuffixHit {
            span: Span::new(m.start(), m.end()),
            row: r.suffixes.zh_rows[m.pattern().as_usize()],
        })
        .collect();
    all.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    let overridden = |i: usize| {
        let h = all[i].span;
        // matches that overlap `h` start before its end: look both ways
        let before = all[..i]
            .iter()
            .rev()
            .take_while(|o| o.span.start + MAX_SUFFIX_BYTES > h.start);
        let after = all[i + 1..].iter().take_while(|o| o.span.start < h.end);
        before.chain(after).any(|o| {
            let o = o.span;
            o.end > h.start && (o.end > h.end || o.end == h.end && o.start < h.start)
        })
    };
    // a one-character head (`所`, `园`) with a Chinese word glued after it
    // is a piece of that word or a particle (`重镇所培育`, `毛入园率`), except
    // before words that join names (`计算所和微生物所`)
    let glued = |i: usize| {
        let h = all[i].span;
        let rest = &text[h.end..];
        text[h].chars().count() == 1
            && rest.starts_with(crate::text::is_han)
            && !rest.starts_with('等')
            && !CONJUNCTIONS.iter().any(|c| rest.starts_with(c))
    };
    let keep: Vec<bool> = (0..all.len())
        .map(|i| !overridden(i) && !glued(i))
        .collect();
    all.into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// Longest Chinese suffix, in bytes, that the overlap check looks back over.
const MAX_SUFFIX_BYTES: usize = 64;

/// Decides whether `text[name]` is a named body, a category or neither,
/// and emits it.
fn classify(
    text: &str,
    name: Span,
    head: usize,
    kind: InstitutionKind,
    r: &InstitutionRules,
    out: &mut Vec<Cand>,
) {
    if r.lexicon.road_after(text, name.end) {
        return;
    }
    let mut name = Span::new(leading_verbs_end(text, name.start, head, r), name.end);
    // `三大科学园区`, `3大科学园区`: a count opens a class of bodies, which
    // is what the words after it name
    let counted = match count_marker_end(text, name, head) {
        Some(at) => {
            name = Span::new(at, name.end);
            true
        }
        None => false,
    };
    let name_text: String = text[name].chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(e) = r.gazetteer.lookup(&name_text) {
        out.push(Cand::known(name, name_text, e, r, Source::Walk));
        return;
    }
    let prefix = &text[name.start..head];
    if let Some((at, _)) = r.gazetteer.category_suffix(&name_text) {
        let rest = &name_text[..at];
        // a level phrase before a category keeps it a category (`川渝共建`)
        let qualified = r.lexicon.zh_qualifier.contains(rest);
        let generic = qualified || !r.zh_proper(rest, false);
        // words before it that are neither a level, a name nor a field (a
        // verb, adverb, conjunction or time word: `当时`, `租用`, `例如`,
        // `而`) are not part of it: the category alone
        let alias_len = name_text.len() - at;
        let alias = Span::new(name.end.saturating_sub(alias_len).max(name.start), name.end);
        if !rest.is_empty()
            && generic
            && !qualified
            && no_noun(rest)
            && text.is_char_boundary(alias.start)
            && text[alias] == name_text[at..]
        {
            out.push(Cand::new(
                alias,
                name_text[at..].to_string(),
                kind,
                true,
                Source::Walk,
            ));
            return;
        }
        out.push(Cand::new(name, name_text, kind, generic, Source::Walk));
        return;
    }
    if counted {
        if !prefix.is_empty() && !r.zh_proper(prefix, true) {
            out.push(Cand::new(name, name_text, kind, true, Source::Walk));
        }
        return;
    }
    if r.zh_proper(prefix, true) {
        // a level word before a proper name is a modifier, not part of the
        // name (`国家级重庆（荣昌）生猪大数据中心`)
        let start = r
            .lexicon
            .zh_qualifier
            .iter()
            .filter(|q| q.ends_with('级') && prefix.starts_with(q.as_str()))
            .map(|q| name.start + q.len())
            .find(|&at| r.zh_proper(&text[at..head], false))
            .unwrap_or(name.start);
        let name = Span::new(start, name.end);
        let name_text: String = text[name].chars().filter(|c| !c.is_whitespace()).collect();
        out.push(Cand::new(name, name_text, kind, false, Source::Walk));
        return;
    }
    // a category: field words counted right after (`产品检测实验室34487个`,
    // `国家企业技术中心1276个`), or after a scope word (`各级`)
    let qualified = r
        .lexicon
        .zh_qualifier
        .iter()
        .any(|q| prefix.starts_with(q.as_str()) && prefix.len() > q.len());
    let scoped = r
        .lexicon
        .zh_scope
        .iter()
        .any(|w| text[..name.start].ends_with(w.as_str()));
    // (a count makes a category of labs and institutes alone; centres and
    // parks counted in statistics are mostly outside the innovation system
    // unless a level word opens them; a level word alone may open a goal
    // or a title: `对标国家级现代服务经济中心`)
    let counted = counted_after(text, name.end)
        && (qualified || matches!(kind, InstitutionKind::Lab | InstitutionKind::Institute));
    if !prefix.is_empty() && (scoped || counted) {
        out.push(Cand::new(name, name_text, kind, true, Source::Walk));
    }
}

/// Where a count (`三大`, `3大`, `两个`) ends inside `name` before the head,
/// or at its start right after a numeral the walk stopped at: the start of
/// the words it counts.
fn count_marker_end(text: &str, name: Span, head: usize) -> Option<usize> {
    let prefix = &text[name.start..head];
    let mut found = None;
    let mut prev: Option<char> = text[..name.start].chars().next_back();
    for (i, c) in prefix.char_indices() {
        if c == '大' && prev.is_some_and(is_list_numeral) && name.start + i + c.len_utf8() < head {
            // a numeral run that is no part of a word (`十大`, `三大`, `3大`)
            found = Some(name.start + i + c.len_utf8());
        }
        prev = Some(c);
    }
    found
}

/// True where a count of bodies follows at `end` (`34487个`, `五家`).
fn counted_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let digits = rest
        .chars()
        .take_while(|&c| is_list_numeral(c) || c == ',' || c == '，')
        .map(char::len_utf8)
        .sum::<usize>();
    digits > 0
        && rest[digits..]
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '个' | '家' | '所' | '座' | '間' | '间'))
}

/// Part-of-speech tags of words that do not open a name: verbs, adverbs,
/// prepositions, conjunctions, pronouns and particles (`抓住国家重点实验室`,
/// `现有国家重点实验室`): verbs the boundary table does not list.
const NOT_NAME_START_TAGS: &[&str] = &["v", "vd", "d", "ad", "p", "c", "r", "u", "uj", "ul"];

/// Where a name starts once leading words that cannot open one are
/// dropped: words the segmenter tags as verbs, adverbs and the like, unless
/// the tables know them as names. The head (`head..`) is never dropped.
fn leading_verbs_end(text: &str, start: usize, head: usize, r: &InstitutionRules) -> usize {
    let lx = &r.lexicon;
    let mut at = start;
    for t in crate::token::jieba().tag(&text[start..head], false) {
        let known = lx.zh_proper.contains(t.word) || lx.zh_qualifier.contains(t.word);
        if known || !NOT_NAME_START_TAGS.contains(&t.tag) || at + t.word.len() >= head {
            break;
        }
        at += t.word.len();
    }
    at
}

struct Walk {
    start: usize,
    stop: Stop,
}

/// Walks from `at` to the left over the tokens of one paragraph, while the
/// tokens may belong to a name.
fn walk_left(
    text: &str,
    tokens: &[Token],
    name_ends: &[usize],
    para_start: usize,
    at: usize,
    r: &InstitutionRules,
) -> Walk {
    let lx = &r.lexicon;
    let mut start = at;
    let mut chars = 0;
    let mut latin = 0;
    let mut i = tokens.partition_point(|t| t.span.start < at);
    let stop = loop {
        if i == 0 {
            break Stop::Edge;
        }
        let t = &tokens[i - 1];
        if t.span.end <= para_start || t.span.start < para_start {
            break Stop::Edge;
        }
        let piece = Span::new(t.span.start, t.span.end.min(start));
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
            TokenKind::Han => {
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
                if lx.zh_modifier.contains(w) {
                    break Stop::Modifier;
                }
                // a stop word glued to the front of a name by the
                // segmenter (`建设金凤`): keep what follows it
                if let Some(cut) = stop_prefix(w, r) {
                    start = piece.start + cut;
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
        i = tokens.partition_point(|t| t.span.start < start);
    };
    // a joiner left dangling at the front is not part of the name
    let trimmed = text[start..at].trim_start_matches(['·', '—', '-', '–']);
    Walk {
        start: at - trimmed.len(),
        stop,
    }
}

/// Longest `、` list searched back for a shared founder, in items.
const MAX_FOUNDER_ITEMS: usize = 8;

/// `中国科学院计算所、微生物所、工业生物所`: the founder (a known body, not a
/// category) that opens the first name of a `、` list whose items end in
/// the same suffix as the item at `start..suffix.end`, written as named.
fn shared_founder(
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
            return Some(
                item[m.start()..m.end()]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect(),
            );
        }
        e = s.checked_sub('、'.len_utf8())?;
    }
    None
}

/// Where a level phrase of the boundary table (`川渝共建`) that ends with
/// the stop word `piece` and starts before it opens, within the paragraph.
fn qualifier_ending(
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
fn ends_in_phrase(
    before: &str,
    min: usize,
    set: &std::collections::HashSet<String>,
    max_chars: usize,
) -> bool {
    before
        .char_indices()
        .rev()
        .take(max_chars)
        .any(|(i, _)| before.len() - i > min && set.contains(&before[i..]))
}

/// True where the Han token `w` ends in a stop word of two characters or
/// more and holds more than it (`学科建设`): the word is no part of a name.
fn stop_suffix(w: &str, r: &InstitutionRules) -> bool {
    let lx = &r.lexicon;
    w.char_indices()
        .skip(1)
        .take_while(|&(i, _)| w[i..].chars().count() <= lx.zh_stop_max)
        .any(|(i, _)| w[i..].chars().count() >= 2 && lx.zh_stop.contains(&w[i..]))
}

/// The byte length of a stop word that opens the Han token `w` and leaves
/// at least two characters after it.
fn stop_prefix(w: &str, r: &InstitutionRules) -> Option<usize> {
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
fn matching_open(text: &str, para_start: usize, close: usize, open: &str) -> Option<usize> {
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
fn goal_before(text: &str, para_start: usize, start: usize, r: &InstitutionRules) -> bool {
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

/// One name of a list sharing a suffix.
pub(crate) struct Item {
    span: Span,
}

/// Names listed before one suffix with a list marker:
/// `金凤、嘉陵江、明月湖三大重庆实验室`, `铜梁、潼南等市级高新区`. Returns the
/// items, each a proper name, or `None` where the text is no such list.
fn coordination(
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
        if let Some(q) = list_marker_before(text, para.start, p) {
            let shared = &text[p..suffix.start];
            if shared.chars().all(crate::text::is_han) && !r.lexicon.zh_stop.contains(shared) {
                let items = list_items(text, para.start, q, hits, r, 2)?;
                return Some(items);
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
/// `三个`) ends exactly at `p`, the start of the marker.
fn list_marker_before(text: &str, para_start: usize, p: usize) -> Option<usize> {
    let before = &text[para_start..p];
    let mut q = p;
    let mut cs = before.chars().rev();
    match cs.next()? {
        '等' => Some(p - '等'.len_utf8()),
        counter if is_list_counter(counter) => {
            let mut n = 0;
            for c in cs.by_ref() {
                if is_list_numeral(c) {
                    n += c.len_utf8();
                    continue;
                }
                break;
            }
            if n == 0 {
                return None;
            }
            q -= counter.len_utf8() + n;
            if text[para_start..q].ends_with('等') {
                q -= '等'.len_utf8();
            }
            Some(q)
        }
        _ => None,
    }
}

/// The items of a `、` list that ends at `end`: at least `min_items`, each short,
/// none a complete name, at least half of them proper names.
fn list_items(
    text: &str,
    para_start: usize,
    end: usize,
    hits: &[SuffixHit],
    r: &InstitutionRules,
    min_items: usize,
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
        }
        let (item, conj) = split_conjunction(text, item);
        let n = text[item].chars().count();
        if n == 0 || n > MAX_ITEM_CHARS || ends_in_name(hits, item) {
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
    let proper = items
        .iter()
        .filter(|it| r.zh_proper(&text[it.span], true))
        .count();
    (items.len() >= min_items && proper * 2 >= items.len()).then_some(items)
}

/// Splits `甲和乙` into `乙` and the end of `甲`, for the last two items of a
/// list (`金凤、嘉陵江和明月湖`).
fn split_conjunction(text: &str, item: Span) -> (Span, Option<usize>) {
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
fn trim_stop_words(text: &str, mut item: Span, r: &InstitutionRules) -> Span {
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

/// True where a suffix of a kind ends exactly at the end of `item`.
fn ends_in_name(hits: &[SuffixHit], item: Span) -> bool {
    hits.iter()
        .any(|h| h.row.kind.is_some() && h.span.end == item.end && h.span.start >= item.start)
}

/// `中国—德国、中国—匈牙利国际技术转移中心`: a list without a marker, whose
/// last item runs into the shared suffix. The last item is taken to have as
/// many words as the item before it.
fn coordination_unmarked(
    text: &str,
    tokens: &[Token],
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
    let mut items = list_items(text, para.start, sep, hits, r, 2)?;
    if items.iter().any(|it| !r.zh_proper(&text[it.span], true)) {
        return None;
    }
    let prev = items.last()?.span;
    let want = tokens.iter().filter(|t| prev.contains(t.span)).count();
    let name_tokens: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.span.start >= start && t.span.end <= suffix.start)
        .collect();
    if want == 0 || name_tokens.len() <= want {
        return None;
    }
    let last = Span::new(start, name_tokens[want - 1].span.end);
    if !r.zh_proper(&text[last], true) {
        return None;
    }
    items.push(Item { span: last });
    Some(items)
}

/// Emits one mention per item of a list sharing `suffix`, each spanning
/// its own name; the shared words are suppressed as a mention.
fn emit_coordinated(
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
    let tail: String = text[shared_from..suffix.end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    suppress.push(Span::new(last, suffix.end));
    for it in items {
        let name: String = text[it.span]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            + &tail;
        let cand = match r.gazetteer.lookup(&name) {
            Some(e) => Cand::known(it.span, name, e, r, Source::List),
            None => Cand::new(it.span, name, kind, false, Source::List),
        };
        out.push(cand);
    }
}

/// Words that join two names (`计算所和微生物所`), longest first.
const CONJUNCTIONS: [&str; 4] = ["以及", "和", "及", "与"];

/// True where the segmenter reads no noun in `s`: only verbs, adverbs,
/// conjunctions, prepositions, pronouns, particles and time words.
fn no_noun(s: &str) -> bool {
    crate::token::jieba().tag(s, true).iter().all(|t| {
        let tag = t.tag;
        tag != "vn"
            && ["v", "d", "c", "p", "r", "u", "y", "e", "t"]
                .iter()
                .any(|f| tag.starts_with(f))
    })
}

/// A numeral of a list marker (`三大`, `3家`).
fn is_list_numeral(c: char) -> bool {
    "一二三四五六七八九十两几".contains(c) || c.is_ascii_digit()
}

/// The counter that ends a list marker after its numeral (`三大`, `3家`,
/// `两个`).
fn is_list_counter(c: char) -> bool {
    matches!(c, '大' | '个' | '家' | '所' | '座')
}

/// Where the shared words proper start after a list: past the marker
/// (`等`, `三大`) and any places or level words qualifying the whole list.
fn shared_start(text: &str, last: usize, suffix: Span, r: &InstitutionRules) -> usize {
    let mut p = last;
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
    for t in crate::token::jieba().tag(&text[p..suffix.start], true) {
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

#[cfg(test)]
mod tests {
    use crate::Extractor;

    /// The institutions of `text`: span text, name, generic.
    fn found(text: &str) -> Vec<(String, String, bool)> {
        let got = Extractor::new().extract(text).expect("extracts");
        got.institutions
            .into_iter()
            .map(|i| (i.span.text.to_string(), i.name, i.generic))
            .collect()
    }

    #[test]
    fn level_phrase_split_by_the_segmenter_stays_in_a_category() {
        let got = found("提升川渝共建重點實驗室等共建科創平臺");
        assert_eq!(
            got[0],
            (
                "川渝共建重點實驗室".into(),
                "川渝共建重点实验室".into(),
                true
            )
        );
    }

    #[test]
    fn verb_glued_to_the_end_of_a_word_ends_the_name() {
        let got = found("围绕优势学科建设重点实验室。");
        assert_eq!(got, vec![("重点实验室".into(), "重点实验室".into(), true)]);
    }

    #[test]
    fn split_stop_and_modifier_phrases_end_the_name() {
        let got = found("提质发展农业科技园区。");
        assert_eq!(got[0].0, "农业科技园区");
        let got = found("创办混合所有制产业技术研究院。");
        assert_eq!(got[0].0, "产业技术研究院");
    }

    #[test]
    fn list_after_a_conjunction_with_a_whole_name() {
        let got = found("强化直管园和大渡口、沙坪坝、北碚等拓展园的统一规划。");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert!(names.contains(&"大渡口拓展园"), "{got:?}");
        assert!(names.contains(&"沙坪坝拓展园"), "{got:?}");
        assert!(names.contains(&"北碚拓展园"), "{got:?}");
    }

    #[test]
    fn items_after_a_founded_name_share_the_founder() {
        let got = found("推动中国科学院计算所、微生物所、工业生物所等落地。");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(
            names,
            [
                "中国科学院计算所",
                "中国科学院微生物所",
                "中国科学院工业生物所"
            ]
        );
        assert_eq!(got[1].0, "微生物所");
    }

    #[test]
    fn field_words_are_no_proper_names() {
        assert!(found("推进科创中心建设").is_empty());
        assert!(found("合川区建设网络安全科技创新中心。").is_empty());
    }

    #[test]
    fn suo_followed_by_a_verb_is_no_institute() {
        assert!(found("将国家所需和重庆所能相结合").is_empty());
    }
}
