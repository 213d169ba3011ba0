//! The suffix table, and Chinese names found from it: a suffix of a kind,
//! the words before it up to a boundary, and names sharing one suffix.

use super::lexicon::{fold, has_han};
use super::shared::*;
use super::walk::*;
use super::{Cand, InstitutionRules, Source};
use crate::error::RuleError;
use crate::model::InstitutionKind;
use crate::rules::Table;
use crate::span::Span;
use crate::token::ShadowToken;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// What a suffix row says.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SuffixRow {
    /// `None` for a word that blocks a shorter suffix (`中心城区`).
    pub kind: Option<InstitutionKind>,
    /// Whether a name ending here may open a longer name.
    pub founder: bool,
    /// Whether this is a branch's suffix (`分中心`, `分院`): the whole
    /// name before it is its parent's and belongs to it
    /// (`国家工程技术研究中心香港分中心`).
    pub branch: bool,
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
            let (founder, branch) = match t.get(row, "founder") {
                "yes" => (true, false),
                "" | "no" => (false, false),
                "branch" => (false, true),
                other => {
                    return Err(t.error(
                        row,
                        format!("column `founder`: `{other}` is not yes, no or branch"),
                    ))
                }
            };
            let r = SuffixRow {
                kind,
                founder,
                branch,
            };
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
pub(super) const MAX_NAME_CHARS: usize = 26;
/// Longest item of a list of names sharing a suffix, in characters.
pub(super) const MAX_ITEM_CHARS: usize = 10;
/// Longest shared part after the list marker (`三大重庆实验室`), in characters.
pub(super) const MAX_SHARED_CHARS: usize = 10;

/// Why the walk to the left ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
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
pub(super) struct SuffixHit {
    pub span: Span,
    pub row: SuffixRow,
}

/// Finds Chinese names from suffixes, appending candidates to `out` and
/// the spans of shared suffixes (which are not mentions) to `suppress`.
pub(crate) fn find(
    text: &str,
    paragraphs: &[Span],
    tokens: &[ShadowToken],
    r: &InstitutionRules,
    out: &mut Vec<Cand>,
    suppress: &mut Vec<Span>,
) {
    let hits = suffix_hits(text, tokens, r);
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
        // (a branch takes in its parent's whole name)
        let ends: &[usize] = if h.row.branch { &[] } else { &name_ends };
        let walk = walk_left(text, tokens, ends, para.start, h.span.start, r);
        let mut start = walk.start;
        // a known name that opens with a stop word (`全国重点实验室`)
        if walk.stop == Stop::Word {
            start = r.alias_reaching_back(text, para.start, start, h.span.end);
        }
        if goal_before(text, para.start, start, r) || r.lexicon.zh_goal_after(text, h.span.end) {
            continue;
        }
        // places joined to the name by a conjunction share its words
        // (`新竹及台南科学园区`): the name itself goes on below
        if let Some((items, shared)) = conjoined_places(text, para, start, h.span, &hits, r) {
            emit_items(text, &items, &shared, kind, r, out);
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
                let own = super::joined(&text[start..h.span.end]);
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
fn suffix_hits(text: &str, tokens: &[ShadowToken], r: &InstitutionRules) -> Vec<SuffixHit> {
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
    // is a piece of a word (`毛入园率`) or a particle (`重镇所培育`, `国家所
    // 需`), except before words that join names (`计算所和微生物所`); a
    // head the segmenter reads as a word of its own ends a name
    // (`林口新创园吸引`)
    let glued = |i: usize| {
        let h = all[i].span;
        let rest = &text[h.end..];
        text[h].chars().count() == 1
            && rest.starts_with(crate::text::is_han)
            && !rest.starts_with('等')
            && !CONJUNCTIONS.iter().any(|c| rest.starts_with(c))
            && (inside_word(tokens, h) || particle(text, tokens, h, r))
    };
    let keep: Vec<bool> = (0..all.len())
        .map(|i| !overridden(i) && !glued(i))
        .collect();
    all.into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// True where the segmenter's word holding `h` runs past it.
fn inside_word(tokens: &[ShadowToken], h: Span) -> bool {
    let i = tokens.partition_point(|t| t.span().end <= h.start);
    tokens
        .get(i)
        .is_some_and(|t| t.span().start < h.start || t.span().end > h.end)
}

/// True where the one-character head `h`, read with the words on either
/// side of it, is a function word before a verb (`所` in `国家所需`,
/// `重镇所培育`), not a head before an adverb (`生医所将`).
fn particle(text: &str, tokens: &[ShadowToken], h: Span, r: &InstitutionRules) -> bool {
    let i = tokens.partition_point(|t| t.span().end <= h.start);
    let from = i.checked_sub(1).map_or(h.start, |p| tokens[p].span().start);
    let to = tokens.get(i + 1).map_or(h.end, |n| n.span().end.max(h.end));
    let mut at = from;
    let tags = r.jieba().tag(&text[from..to], true);
    tags.iter().enumerate().any(|(k, t)| {
        let here = at == h.start && t.word.len() == h.len();
        at += t.word.len();
        here && NOT_NAME_START_TAGS.contains(&t.tag)
            && tags.get(k + 1).is_some_and(|n| n.tag.starts_with('v'))
    })
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
    let marked = match count_marker_end(text, name, head) {
        Some(at) => {
            name = Span::new(at, name.end);
            true
        }
        None => false,
    };
    // (a count before the name, `7家省创新实验室`, makes a class of what
    // holds no proper name; a proper one stays a body, `六所…香港分中心`)
    let counted = marked || count_before(text, 0, name.start).is_some();
    let name_text = super::joined(&text[name]);
    if let Some(e) = r.gazetteer.lookup(&name_text) {
        out.push(Cand::known(name, name_text, e, r, Source::Walk));
        return;
    }
    let prefix = &text[name.start..head];
    if let Some((at, _)) = r.gazetteer.category_suffix(&name_text) {
        let rest = &name_text[..at];
        // a level phrase before a category keeps it a category (`川渝共建`)
        let qualified = r.lexicon.zh_qualifier.contains(rest);
        let generic =
            (qualified || !r.zh_proper(rest, false)) && !national_field(rest, &name_text[at..], r);
        // words before it that are neither a level, a name nor a field (a
        // verb, adverb, conjunction or time word: `当时`, `租用`, `例如`,
        // `而`) are not part of it: the category alone
        let alias_len = name_text.len() - at;
        let alias = Span::new(name.end.saturating_sub(alias_len).max(name.start), name.end);
        // (and a verb that is no field word right before it ends a name
        // before it too: `台灣經營科學園區` is the category after a verb)
        if !rest.is_empty()
            && !qualified
            && outside_category(rest, generic, r)
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
        // (a level word is no proper name here: `7家省创新实验室`)
        if !prefix.is_empty() && !r.zh_proper(prefix, false) {
            out.push(Cand::new(name, name_text, kind, true, Source::Walk));
            return;
        }
        if marked {
            return;
        }
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
        let name_text = super::joined(&text[name]);
        out.push(Cand::new(name, name_text, kind, false, Source::Walk));
        return;
    }
    // a national designation of a field, which one body holds
    // (`国家机器人创新中心`)
    if after_national(prefix, r).is_some_and(|field| field_words(field, true, r)) {
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

/// True where the words `rest` before a category are no part of it: in a
/// category (`generic`), words with no noun at all; or, whatever comes
/// before, a last word the segmenter tags as a verb and the tables know as
/// no field, level or name word (`經營`, not `合作` or `创新`). The words
/// are tagged once for both.
fn outside_category(rest: &str, generic: bool, r: &InstitutionRules) -> bool {
    let lx = &r.lexicon;
    let tags = r.jieba().tag(rest, true);
    generic && no_noun(&tags)
        || tags.last().is_some_and(|t| {
            matches!(t.tag, "v" | "vn")
                && !lx.zh_field.contains(t.word)
                && !lx.zh_qualifier.contains(t.word)
                && !lx.zh_proper.contains(t.word)
        })
}

/// True where `rest`, the words before the category `alias`, is the field
/// of a national designation, which one body holds: a field before a
/// national category (`智慧城市物联网国家重点实验室`), or `国家` and a field
/// before another (`国家医学检验临床医学研究中心`).
fn national_field(rest: &str, alias: &str, r: &InstitutionRules) -> bool {
    if after_national(alias, r).is_some() {
        return field_words(rest, false, r);
    }
    after_national(rest, r).is_some_and(|field| field_words(field, false, r))
}

/// The words after the national word that opens `s` (`国家机器人` →
/// `机器人`), unless a longer level word opens it (`国家级`).
fn after_national<'s>(s: &'s str, r: &InstitutionRules) -> Option<&'s str> {
    let lx = &r.lexicon;
    let n = lx
        .zh_national
        .iter()
        .filter(|w| s.starts_with(w.as_str()))
        .map(String::len)
        .max()?;
    let level = lx
        .zh_qualifier
        .iter()
        .any(|q| q.len() > n && s.starts_with(q.as_str()));
    (!level).then(|| &s[n..])
}

/// True where the national words of the table occur in `s`.
pub(super) fn holds_national(s: &str, r: &InstitutionRules) -> bool {
    r.lexicon.zh_national.iter().any(|w| s.contains(w.as_str()))
}

/// True where `s` names a field of research: two characters or more, not
/// ending in a class word (`领域类`), no level, stop or modifier word, and no verb, adverb, function word,
/// numeral or time word but field words and joiners
/// (`机器人`, `月球与行星科学`, `超大规模集成电路`); with `own`, a noun of its own among them,
/// not only words every field shares (`科技创新`).
pub(super) fn field_words(s: &str, own: bool, r: &InstitutionRules) -> bool {
    let lx = &r.lexicon;
    if s.chars().count() < 2 || lx.zh_class.iter().any(|c| s.ends_with(c.as_str())) {
        return false;
    }
    let mut noun = false;
    for t in r.jieba().tag(s, true) {
        let w = t.word;
        if lx.zh_qualifier.contains(w) || lx.zh_stop.contains(w) || lx.zh_modifier.contains(w) {
            return false;
        }
        if lx.zh_joiner.contains(w) || lx.zh_field.contains(w) {
            continue;
        }
        // (no verb, adverb, function word, numeral or time word)
        if NOT_NAME_START_TAGS.contains(&t.tag) || matches!(t.tag, "m" | "q" | "t") {
            return false;
        }
        noun |= !lx.zh_common.contains(w);
    }
    noun || !own
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

#[cfg(test)]
#[path = "suffix_tests.rs"]
mod tests;
