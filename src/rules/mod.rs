//! Rule tables: the data that drives every recognizer.
//!
//! Each table is a tab-separated file under `rules/`, embedded in the
//! binary with `include_str!` and compiled once. A caller adds rows at run
//! time through [`crate::ExtractorBuilder::add_rules`], naming the table;
//! bad rows are a [`RuleError`] naming the table and line.

pub mod table;

use crate::error::RuleError;
use once_cell::sync::Lazy;
use std::sync::Arc;
pub use table::{Row, Table};

/// The tables the crate ships, by name, with their text.
pub const TABLES: &[(&str, &str)] = &[
    ("numerals", include_str!("../../rules/numerals.tsv")),
    ("units", include_str!("../../rules/units.tsv")),
    ("currencies", include_str!("../../rules/currencies.tsv")),
    ("chrome", include_str!("../../rules/chrome.tsv")),
    ("exclusions", include_str!("../../rules/exclusions.tsv")),
    ("plans", include_str!("../../rules/plans.tsv")),
    ("years", include_str!("../../rules/years.tsv")),
    ("eras", include_str!("../../rules/eras.tsv")),
    ("number_words", include_str!("../../rules/number_words.tsv")),
    (
        "institution_suffixes",
        include_str!("../../rules/institution_suffixes.tsv"),
    ),
    (
        "institution_boundaries",
        include_str!("../../rules/institution_boundaries.tsv"),
    ),
    (
        "institution_names",
        include_str!("../../rules/institution_names.tsv"),
    ),
    ("gazetteer", include_str!("../../rules/gazetteer.tsv")),
    ("metrics", include_str!("../../rules/metrics.tsv")),
    ("target_words", include_str!("../../rules/target_words.tsv")),
    (
        "english_words",
        include_str!("../../rules/english_words.tsv"),
    ),
];

/// Every table by name, default rows plus caller rows, not yet compiled.
#[derive(Clone, Debug)]
pub struct Tables {
    tables: Vec<Table>,
}

impl Tables {
    /// The shipped tables.
    pub fn shipped() -> Result<Tables, RuleError> {
        let tables = TABLES
            .iter()
            .map(|(name, text)| Table::parse(name, text))
            .collect::<Result<_, _>>()?;
        Ok(Tables { tables })
    }

    /// Appends caller rows to the table `name`. A wording that a row
    /// already in the table gives to another id is an error naming the
    /// added line (the recognizers would keep the first id without a word).
    pub fn extend(&mut self, name: &str, text: &str) -> Result<(), RuleError> {
        match self.tables.iter_mut().find(|t| t.name() == name) {
            Some(t) => {
                let before = t.rows().len();
                t.extend_from(text)?;
                check_new_aliases(t, before)
            }
            None => Err(RuleError::new(
                name,
                0,
                format!(
                    "no such table `{name}`; the tables are {}",
                    TABLES
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

    /// The table called `name`. Panics on a name the crate does not ship,
    /// which is a bug in the crate.
    pub fn get(&self, name: &str) -> &Table {
        self.tables
            .iter()
            .find(|t| t.name() == name)
            .unwrap_or_else(|| panic!("no rule table {name}"))
    }
}

/// Tables whose rows give an id its wordings: (table, id column, list
/// column).
const ALIAS_COLUMNS: &[(&str, &str, &str)] = &[
    ("gazetteer", "canonical_id", "aliases"),
    ("metrics", "metric_id", "wordings"),
];

/// Rows from `first_new` on may not give a wording to an id other than the
/// one an earlier row gives it to.
fn check_new_aliases(t: &Table, first_new: usize) -> Result<(), RuleError> {
    let Some(&(_, id_col, list_col)) = ALIAS_COLUMNS.iter().find(|(n, _, _)| *n == t.name()) else {
        return Ok(());
    };
    let mut owner: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for (i, row) in t.rows().iter().enumerate() {
        let id = t.get(row, id_col);
        for w in t.list(row, list_col) {
            let key = crate::text::fold_lower(w);
            match owner.get(&key) {
                Some(&other) if other != id && i >= first_new => {
                    return Err(t.error(
                        row,
                        format!(
                            "`{w}` is already a wording of `{other}`; add it to that row \
                             or leave it out"
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    owner.insert(key, id);
                }
            }
        }
    }
    Ok(())
}

/// All rule tables, compiled for the recognizers.
#[derive(Debug)]
pub struct Rules {
    pub(crate) numbers: crate::number::NumberRules,
    pub(crate) quantities: crate::quantity::QuantityRules,
    pub(crate) chrome: crate::text::ChromeRules,
    pub(crate) years: crate::year::YearRules,
    pub(crate) exclusions: crate::exclusion::Exclusions,
    pub(crate) institutions: crate::institution::InstitutionRules,
    pub(crate) targets: crate::targets::TargetRules,
    pub(crate) english: crate::chunk::EnglishWords,
    /// The segmenter: the shared one, unless added rows bring words of
    /// their own ([`Rules::segment_added_words`]).
    pub(crate) segmenter: crate::token::Segmenter,
}

static DEFAULT: Lazy<Arc<Rules>> = Lazy::new(|| {
    Arc::new(
        Rules::compile(&Tables::shipped().expect("shipped tables parse"))
            .expect("shipped tables compile"),
    )
});

impl Rules {
    /// Compiles parsed tables.
    pub fn compile(t: &Tables) -> Result<Rules, RuleError> {
        let quantities = crate::quantity::QuantityRules::compile(t)?;
        let numbers =
            crate::number::NumberRules::compile(t.get("numerals"), quantities.unit_words())?;
        Ok(Rules {
            quantities,
            chrome: crate::text::ChromeRules::compile(t.get("chrome"))?,
            years: crate::year::YearRules::compile(t)?,
            exclusions: crate::exclusion::Exclusions::compile(t.get("exclusions"))?,
            institutions: crate::institution::InstitutionRules::compile(t)?,
            targets: crate::targets::TargetRules::compile(t)?,
            english: crate::chunk::EnglishWords::compile(t.get("english_words"))?,
            numbers,
            segmenter: crate::token::Segmenter::default(),
        })
    }

    /// The shipped rules, compiled once per process.
    pub fn default_rules() -> Arc<Rules> {
        DEFAULT.clone()
    }

    /// Gives these rules a segmenter of their own where they hold words
    /// the segmenter must keep whole that `shipped` lacks (rows added at
    /// run time: an institution name, a brand, a unit, a metric wording),
    /// so that the tokens and the part-of-speech tags keep those words
    /// whole as they keep the shipped ones. Otherwise the shared segmenter
    /// stays. Returns whether one was built.
    pub(crate) fn segment_added_words(&mut self, shipped: &Rules) -> bool {
        let known: std::collections::HashSet<&str> =
            shipped.segmenter_words().into_iter().collect();
        let words = self.segmenter_words();
        if words.iter().all(|w| known.contains(w)) {
            return false;
        }
        let own = crate::token::Segmenter::with_words(&words);
        self.institutions.segmenter = own.clone();
        self.segmenter = own;
        true
    }

    /// Words the segmenter must keep whole.
    pub(crate) fn segmenter_words(&self) -> Vec<&str> {
        let mut w = self.quantities.words();
        w.extend(self.years.words());
        w.extend(self.institutions.words());
        w.extend(self.targets.words());
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(table: &str, row: &str) -> Rules {
        let mut t = Tables::shipped().unwrap();
        t.extend(table, row).unwrap();
        let mut rules = Rules::compile(&t).unwrap();
        rules.segment_added_words(&Rules::default_rules());
        rules
    }

    #[test]
    fn rows_with_new_words_get_a_segmenter_of_their_own() {
        let own = added("institution_names", "天使湾\tbrand\t");
        assert!(own.segmenter.is_own() && own.institutions.segmenter.is_own());
        assert!(own.segmenter.get().has_word("天使湾"));
        assert!(!Rules::default_rules().segmenter.get().has_word("天使湾"));
        // an exclusion, or a known alias again, brings no word: shared
        assert!(!added("exclusions", "demo\tboth\t示例\t示例")
            .segmenter
            .is_own());
        assert!(!added("gazetteer", "jinfeng_lab\tlab\tno\t金凤实验室\t")
            .segmenter
            .is_own());
    }
}
