//! The gazetteer: known bodies and categories, with every alias in every
//! script mapped to one `canonical_id`.

use super::lexicon::{fold, has_han};
use crate::error::RuleError;
use crate::model::InstitutionKind;
use crate::rules::Table;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;

/// One body or category.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub id: String,
    pub kind: InstitutionKind,
    pub generic: bool,
}

/// The compiled gazetteer.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    pub entries: Vec<Entry>,
    /// Every alias, folded, for matching in the shadow text.
    pub matcher: AhoCorasick,
    /// The entry of each matcher pattern.
    pub pattern_entry: Vec<usize>,
    /// Whether each pattern is English (matched on word boundaries).
    pub pattern_latin: Vec<bool>,
    /// Whether each pattern is an acronym written in capitals (`CAS`,
    /// `TIER`, `A*STAR`): it matches only in capitals, never as a word
    /// (`tier`).
    pub pattern_capitals: Vec<bool>,
    /// Entry by [`name_key`] of every alias.
    pub by_key: FxHashMap<String, usize>,
    /// Chinese aliases of categories (folded), for "ends with a category".
    pub zh_categories: FxHashMap<String, usize>,
    /// Chinese aliases of named bodies, for the segmenter.
    pub zh_words: Vec<String>,
}

/// The key names are compared by: width-folded, lower-cased, without white
/// space or quotes (the same normalisation the evaluation applies).
pub fn name_key(name: &str) -> String {
    name.chars()
        .map(|c| crate::text::fold_char(c).to_ascii_lowercase())
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '"' | '\'' | '“' | '”' | '‘' | '’' | '《' | '》' | '「' | '」'
                )
        })
        .collect()
}

/// True where the English alias `a` is one word with two capitals or more
/// and no small letter (`CAS`, `A*STAR`).
fn is_capitals(a: &str) -> bool {
    !a.contains(char::is_whitespace)
        && !a.chars().any(|c| c.is_ascii_lowercase())
        && a.chars().filter(char::is_ascii_uppercase).count() >= 2
}

impl Gazetteer {
    pub(crate) fn compile(t: &Table) -> Result<Gazetteer, RuleError> {
        let mut entries = Vec::new();
        let mut patterns = Vec::new();
        let mut pattern_entry = Vec::new();
        let mut pattern_latin = Vec::new();
        let mut pattern_capitals = Vec::new();
        let mut by_key = FxHashMap::default();
        let mut zh_categories = FxHashMap::default();
        let mut zh_words = Vec::new();
        for row in t.rows() {
            let id = t.required(row, "canonical_id")?;
            let kind_name = t.required(row, "kind")?;
            let kind = InstitutionKind::from_name(kind_name)
                .ok_or_else(|| t.error(row, format!("unknown kind `{kind_name}`")))?;
            let generic = match t.get(row, "generic") {
                "yes" | "true" => true,
                "" | "no" | "false" => false,
                other => {
                    return Err(
                        t.error(row, format!("column `generic`: `{other}` is not yes or no"))
                    )
                }
            };
            let aliases = t.list(row, "aliases");
            if aliases.is_empty() {
                return Err(t.error(row, "column `aliases` is empty"));
            }
            // a caller's row for a known id adds aliases to that entry
            let e = match entries.iter().position(|e: &Entry| e.id == id) {
                Some(e) => e,
                None => {
                    entries.push(Entry {
                        id: id.to_string(),
                        kind,
                        generic,
                    });
                    entries.len() - 1
                }
            };
            for a in aliases {
                let folded: String = a.chars().map(crate::text::fold_char).collect();
                by_key.insert(name_key(a), e);
                let zh = has_han(a);
                if zh && generic {
                    zh_categories.insert(fold(a), e);
                }
                if zh && !generic && folded.chars().count() >= 2 {
                    zh_words.push(folded.clone());
                }
                patterns.push(folded);
                pattern_entry.push(e);
                pattern_latin.push(!zh);
                pattern_capitals.push(!zh && is_capitals(a));
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .map_err(|e| {
                RuleError::new(t.name(), 0, format!("cannot build the alias matcher: {e}"))
            })?;
        Ok(Gazetteer {
            entries,
            matcher,
            pattern_entry,
            pattern_latin,
            pattern_capitals,
            by_key,
            zh_categories,
            zh_words,
        })
    }

    /// True where the matcher's pattern `p` may match `found`: an acronym
    /// only where `found` is in capitals too.
    pub(crate) fn case_fits(&self, p: usize, found: &str) -> bool {
        !self.pattern_capitals[p] || !found.chars().any(|c| c.is_ascii_lowercase())
    }

    /// The entry whose alias has the same [`name_key`] as `name`.
    pub(crate) fn lookup(&self, name: &str) -> Option<usize> {
        self.by_key.get(&name_key(name)).copied()
    }

    /// The longest Chinese category alias that ends `name` (folded), as
    /// (byte offset in `name` where it starts, entry).
    pub(crate) fn category_suffix(&self, name: &str) -> Option<(usize, usize)> {
        name.char_indices()
            .find_map(|(i, _)| self.zh_categories.get(&name[i..]).map(|&e| (i, e)))
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn names(text: &str) -> Vec<String> {
        let got = Extractor::new().extract(text).expect("extracts");
        got.institutions.into_iter().map(|i| i.name).collect()
    }

    #[test]
    fn an_acronym_matches_only_in_capitals() {
        assert_eq!(names("A top tier of firms; the TIER report."), ["TIER"]);
        assert!(names("the cas file").is_empty());
    }

    #[test]
    fn an_alias_made_of_the_ends_of_two_words_is_no_mention() {
        assert!(names("在高等教育部門,義大利占比28.6%").is_empty());
        assert_eq!(names("教育部表示"), ["教育部"]);
        // a name the segmenter glues to the word before it stays
        assert_eq!(names("研發經費來自清華大學。"), ["清华大学"]);
    }
}
