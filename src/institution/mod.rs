//! Institutions (`EXTRACTION.md` section 4): named labs, science cities,
//! zones, parks, centres, institutes and universities, and categories of
//! them, in Chinese and English.
//!
//! Four sources of candidates, all driven by rule tables:
//!
//! - the gazetteer (`rules/gazetteer.tsv`): known bodies and categories,
//!   each alias in every script mapped to one `canonical_id`;
//! - Chinese suffixes (`rules/institution_suffixes.tsv`): a kind word such
//!   as `实验室`, and the tokens before it up to a boundary word
//!   (`rules/institution_boundaries.tsv`): `加快建设金凤实验室` gives
//!   `金凤实验室`;
//! - English heads from the same table (`laboratories`, `science city`),
//!   with the words before them;
//! - lists sharing one suffix (`金凤、嘉陵江、明月湖三大重庆实验室`), one
//!   mention per name.
//!
//! A Chinese name is kept when it holds a proper name (a place, a brand, a
//! founder: `rules/institution_names.tsv` and the segmenter's tags) or ends
//! in a category (`国家重点实验室`, then `generic`); a phrase naming a goal
//! (`具有全国影响力的科技创新中心`) is dropped. Overlapping candidates are
//! settled longest first, so a name nested in a longer one is no second
//! mention.

mod corpus;
mod english;
mod gazetteer;
mod lexicon;
mod shared;
mod suffix;
mod walk;

pub use corpus::{institution_index, InstitutionEntry, InstitutionOccurrence};
pub use gazetteer::name_key;

use crate::error::RuleError;
use crate::model::{Institution, InstitutionKind};
use crate::rules::{Rules, Tables};
use crate::span::{Span, SpanIndex};
use crate::text::Document;
use crate::token::ShadowToken;
use std::collections::BTreeMap;

/// The compiled institution tables.
#[derive(Debug)]
pub(crate) struct InstitutionRules {
    suffixes: suffix::Suffixes,
    gazetteer: gazetteer::Gazetteer,
    lexicon: lexicon::Lexicon,
    /// Words the segmenter must keep whole: named aliases and name words.
    words: Vec<String>,
    /// The segmenter of the rules these belong to (set by
    /// [`Rules::compile`] and [`Rules::segment_added_words`]).
    pub(crate) segmenter: crate::token::Segmenter,
}

impl InstitutionRules {
    /// Compiles the `institution_suffixes`, `gazetteer`,
    /// `institution_boundaries` and `institution_names` tables.
    pub(crate) fn compile(t: &Tables) -> Result<Self, RuleError> {
        let suffixes = suffix::Suffixes::compile(t.get("institution_suffixes"))?;
        let gazetteer = gazetteer::Gazetteer::compile(t.get("gazetteer"))?;
        let lexicon =
            lexicon::Lexicon::compile(t.get("institution_boundaries"), t.get("institution_names"))?;
        let mut words: Vec<String> = gazetteer.zh_words.clone();
        words.extend(
            lexicon
                .zh_proper
                .iter()
                .filter(|w| w.chars().count() >= 2)
                .cloned(),
        );
        words.sort();
        words.dedup();
        Ok(InstitutionRules {
            suffixes,
            gazetteer,
            lexicon,
            words,
            segmenter: crate::token::Segmenter::default(),
        })
    }

    /// Words the segmenter must keep whole.
    pub(crate) fn words(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }

    /// The segmenter the tags of names come from.
    pub(crate) fn jieba(&self) -> &jieba_rs::Jieba {
        self.segmenter.get()
    }

    /// True where the Chinese text `s` holds a proper name: a place, brand
    /// or founder the tables or the segmenter know, an unknown word, or
    /// Latin letters (`FPGA`). Level words (`国家`, `市级`) count only where
    /// `qualifiers` is set.
    fn zh_proper(&self, s: &str, qualifiers: bool) -> bool {
        if s.is_empty() {
            return false;
        }
        if s.chars().any(|c| c.is_ascii_alphabetic()) {
            return true;
        }
        let lx = &self.lexicon;
        let jieba = self.jieba();
        jieba.tag(s, true).iter().any(|t| {
            let w = t.word;
            if lx.zh_common.contains(w) {
                return false;
            }
            if lx.zh_qualifier.contains(w) {
                return qualifiers && lx.zh_proper.contains(w);
            }
            if lx.zh_proper.contains(w)
                || self.gazetteer.by_key.contains_key(w)
                || lx.abbreviated_places(w)
            {
                return true;
            }
            let n = w.chars().count();
            if !w.chars().all(crate::text::is_han) {
                return false;
            }
            match t.tag {
                "ns" | "nr" | "nrt" | "nrfg" | "nz" | "nt" => true,
                "j" => n == 1,
                _ => n >= 2 && !jieba.has_word(w),
            }
        })
    }

    /// True where the Chinese text `s` is a place: each word a place or
    /// brand of the tables, a place the segmenter knows (`保定`) or
    /// abbreviated places (`湘琼`), joined by dashes (`中国—德国`).
    fn zh_place(&self, s: &str) -> bool {
        let lx = &self.lexicon;
        self.jieba().tag(s, true).iter().all(|t| {
            !lx.zh_common.contains(t.word)
                && (lx.zh_proper.contains(t.word)
                    || t.tag == "ns"
                    || lx.abbreviated_places(t.word)
                    || matches!(t.word, "—" | "-" | "–" | "·"))
        })
    }

    /// The start of a gazetteer alias (a category too) that ends at `end`
    /// and starts before `start`, within a few characters and the
    /// paragraph; otherwise `start`.
    fn alias_reaching_back(
        &self,
        text: &str,
        para_start: usize,
        start: usize,
        end: usize,
    ) -> usize {
        let from = walk::floor_char(text, start.saturating_sub(12).max(para_start));
        text[from..start]
            .char_indices()
            .map(|(i, _)| from + i)
            .find(|&p| self.gazetteer.lookup(&text[p..end]).is_some())
            .unwrap_or(start)
    }

    /// The start of a named gazetteer alias that ends at `end` and starts
    /// at or after `from`.
    fn gazetteer_hit_ending(&self, text: &str, from: usize, end: usize) -> Option<usize> {
        self.gazetteer
            .matcher
            .find_iter(&text[from..end])
            .filter(|m| m.start() + from > from && m.end() + from == end)
            .filter(|m| {
                !self.gazetteer.entries[self.gazetteer.pattern_entry[m.pattern().as_usize()]]
                    .generic
            })
            .map(|m| m.start() + from)
            .next()
    }
}

/// Where a candidate came from; on equal spans the earlier wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    List,
    Gazetteer,
    Walk,
}

/// A mention before overlaps are settled, in shadow offsets.
#[derive(Debug, Clone)]
struct Cand {
    span: Span,
    name: String,
    kind: InstitutionKind,
    generic: bool,
    id: Option<String>,
    source: Source,
}

impl Cand {
    fn new(span: Span, name: String, kind: InstitutionKind, generic: bool, source: Source) -> Cand {
        Cand {
            span,
            name,
            kind,
            generic,
            id: None,
            source,
        }
    }

    fn known(span: Span, name: String, entry: usize, r: &InstitutionRules, source: Source) -> Cand {
        let e = &r.gazetteer.entries[entry];
        Cand {
            span,
            name,
            kind: e.kind,
            generic: e.generic,
            id: Some(e.id.clone()),
            source,
        }
    }
}

/// A Chinese name as a record names it: its words without the white space
/// a copy left between them (`市\n\n科技研究院` → `市科技研究院`).
pub(super) fn joined(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Gazetteer aliases found as written.
fn gazetteer_hits(text: &str, tokens: &[ShadowToken], r: &InstitutionRules, out: &mut Vec<Cand>) {
    let g = &r.gazetteer;
    for m in g.matcher.find_iter(text) {
        let p = m.pattern().as_usize();
        let (s, e) = (m.start(), m.end());
        // Chinese categories come from the suffix walk, which knows their
        // context (qualifiers, verbs); English ones are matched as written
        if g.entries[g.pattern_entry[p]].generic && !g.pattern_latin[p] {
            continue;
        }
        if g.pattern_latin[p] {
            if !g.case_fits(p, &text[s..e]) {
                continue;
            }
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric())
                || after.is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
        } else if blocked(text, Span::new(s, e), r)
            || r.lexicon.road_after(text, e)
            || inside_words(tokens, Span::new(s, e))
        {
            continue;
        }
        let name = if g.pattern_latin[p] {
            english::normalize(&text[s..e])
        } else {
            joined(&text[s..e])
        };
        out.push(Cand::known(
            Span::new(s, e),
            name,
            g.pattern_entry[p],
            r,
            Source::Gazetteer,
        ));
    }
}

/// True where the segmenter's words cut through both ends of `span`: the
/// alias is made of the ends of two other words (`教育部` in `高等教育` `部门`).
/// A name the segmenter glued to a word before it (`自清华大学`) ends on a
/// word's end and stays.
fn inside_words(tokens: &[ShadowToken], span: Span) -> bool {
    let cuts = |at: usize| {
        let i = tokens.partition_point(|t| t.span().end <= at);
        tokens
            .get(i)
            .is_some_and(|t| t.span().start < at && at < t.span().end)
    };
    cuts(span.start) && cuts(span.end)
}

/// True where a blocking word of the suffix table (`大学城`) runs across
/// the end of `span` (`重庆大学` in `重庆大学城`).
fn blocked(text: &str, span: Span, r: &InstitutionRules) -> bool {
    let from = walk::floor_char(text, span.end.saturating_sub(9).max(span.start));
    let to = walk::floor_char(text, (span.end + 9).min(text.len()));
    r.suffixes
        .zh
        .find_overlapping_iter(&text[from..to])
        .any(|m| {
            r.suffixes.zh_rows[m.pattern().as_usize()].kind.is_none()
                && from + m.start() < span.end
                && from + m.end() > span.end
        })
}

/// Settles overlaps: longest first, then by source; drops what lies in a
/// shared suffix.
fn settle(mut cands: Vec<Cand>, suppress: Vec<Span>) -> Vec<Cand> {
    let suppress = SpanIndex::new(suppress);
    cands
        .retain(|c| !c.span.is_empty() && (c.source == Source::List || !suppress.contains(c.span)));
    cands.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.source.cmp(&b.source))
            .then(a.span.start.cmp(&b.span.start))
    });
    // kept spans are disjoint: the one starting last before a span's end is
    // the only one that can overlap it
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept: Vec<Cand> = Vec::new();
    for c in cands {
        let clash = taken
            .range(..c.span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > c.span.start);
        if !clash {
            taken.insert(c.span.start, c.span.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}

/// Longest campus name in brackets, in characters.
const MAX_CAMPUS_CHARS: usize = 8;

/// The span of a campus in brackets at `end`, right after a university's
/// name (`（北京）`, ` (Beijing)`): a place in Chinese, or one to three
/// capitalised English words (not an abbreviation: `(HKU)` is a gloss).
fn campus_after(text: &str, end: usize, r: &InstitutionRules) -> Option<Span> {
    let rest = &text[end..];
    let open = end + usize::from(rest.starts_with(' '));
    let inner = text[open..].strip_prefix('(')?;
    let inner = &inner[..inner.find(')')?];
    let n = inner.chars().count();
    if n == 0 || n > MAX_CAMPUS_CHARS {
        return None;
    }
    let place = if inner.chars().all(crate::text::is_han) {
        open == end && r.zh_place(inner)
    } else {
        let words: Vec<&str> = inner.split(' ').collect();
        words.len() <= 3
            && words.iter().all(|w| {
                let mut cs = w.chars();
                cs.next().is_some_and(|c| c.is_ascii_uppercase())
                    && cs.clone().count() > 0
                    && cs.all(|c| c.is_ascii_lowercase())
            })
    };
    place.then(|| Span::new(open, open + inner.len() + 2))
}

/// A campus in brackets belongs to a university's name
/// (`中国地质大学（北京）`, `China University of Geosciences (Beijing)`):
/// the name runs over it and takes the id of the longer name, if any.
fn with_campus(text: &str, kept: &mut [Cand], r: &InstitutionRules) {
    for i in 0..kept.len() {
        let c = &kept[i];
        if c.kind != InstitutionKind::University || c.generic {
            continue;
        }
        let Some(b) = campus_after(text, c.span.end, r) else {
            continue;
        };
        if kept.get(i + 1).is_some_and(|n| n.span.start < b.end) {
            continue;
        }
        let c = &mut kept[i];
        c.name = if b.start > c.span.end {
            format!("{} {}", c.name, &text[b])
        } else {
            format!("{}{}", c.name, &text[b])
        };
        c.span = Span::new(c.span.start, b.end);
        c.id = r
            .gazetteer
            .lookup(&c.name)
            .map(|e| r.gazetteer.entries[e].id.clone());
    }
}

/// Finds the institutions of a document, in span order.
pub(crate) fn find(doc: &Document, rules: &Rules) -> Vec<Institution> {
    let r = &rules.institutions;
    let text = doc.norm.text();
    let paragraphs = &doc.segments.paragraphs;
    let mut cands = Vec::new();
    let mut suppress = Vec::new();
    gazetteer_hits(text, &doc.tokens, r, &mut cands);
    suffix::find(text, paragraphs, &doc.tokens, r, &mut cands, &mut suppress);
    if text.bytes().any(|b| b.is_ascii_alphabetic()) {
        let lower = text.to_ascii_lowercase();
        english::find(
            text,
            &lower,
            paragraphs,
            r,
            &rules.english,
            &mut cands,
            &mut suppress,
        );
    }
    // an English category stands where the walk found a head there too
    // (the walk knows goal phrases: `a nationally influential … center`)
    let walked = SpanIndex::new(
        cands
            .iter()
            .filter(|c| c.source == Source::Walk)
            .map(|c| c.span)
            .collect(),
    );
    cands.retain(|c| {
        !(c.source == Source::Gazetteer && c.generic && text[c.span].is_ascii())
            || walked.overlaps(c.span)
    });
    let mut kept = settle(cands, suppress);
    with_campus(text, &mut kept, r);
    kept.into_iter()
        // bases, platforms and the like count only where a table knows them:
        // the spec leaves unnamed ones out and makes named ones optional
        .filter(|c| c.kind != InstitutionKind::Other || c.id.is_some())
        .map(|c| {
            let id = c.id.or_else(|| {
                r.gazetteer
                    .lookup(&c.name)
                    .map(|e| r.gazetteer.entries[e].id.clone())
            });
            Institution {
                span: doc.span_text(c.span),
                name: c.name,
                kind: c.kind,
                generic: c.generic,
                canonical_id: id,
            }
        })
        .collect()
}
