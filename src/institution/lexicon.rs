//! The word lists around names: boundary words (`institution_boundaries`)
//! and proper-name words (`institution_names`), compiled into sets.

use crate::error::RuleError;
use crate::rules::Table;
use crate::text::{fold_char, is_han};
use rustc_hash::FxHashSet;

/// Folds a rule cell to the shadow form: traditional to simplified,
/// full-width to half-width, ASCII lower-cased.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .map(|c| fold_char(c).to_ascii_lowercase())
        .collect()
}

/// True where `s` holds a Han character (a Chinese row).
pub(crate) fn has_han(s: &str) -> bool {
    s.chars().any(is_han)
}

/// A goal pattern: the text just before a name ends with `after`, and
/// `before` (if any) occurs earlier in the same clause (`具有…的`).
#[derive(Debug, Clone)]
pub(crate) struct Goal {
    pub before: Option<String>,
    pub after: String,
}

/// The compiled boundary and name-word tables.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub zh_stop: FxHashSet<String>,
    pub zh_modifier: FxHashSet<String>,
    pub zh_qualifier: FxHashSet<String>,
    pub zh_goal: Vec<Goal>,
    pub zh_proper: FxHashSet<String>,
    pub zh_common: FxHashSet<String>,
    /// One-character abbreviations of provinces and regions (`湘`, `琼`):
    /// a word of two or more of them is a place (`湘琼`, `京津冀`).
    pub zh_abbreviation: FxHashSet<char>,
    pub en_stop: FxHashSet<String>,
    pub en_modifier: FxHashSet<String>,
    pub en_goal: FxHashSet<String>,
    pub en_goal_after: Vec<Vec<String>>,
    pub en_joined: Vec<Vec<String>>,
    pub en_proper: FxHashSet<String>,
    /// Words after a list marker that name what the items are (`等地`).
    pub zh_list_class: FxHashSet<String>,
    /// Scope words (`各级`): stop words after which field words and a
    /// kind name a category.
    pub zh_scope: FxHashSet<String>,
    /// Words that, right after a name, make it part of a place name (a
    /// road: `中关村大街`).
    pub zh_road: Vec<String>,
    /// Words right after a name that make it a goal (`建设目标`).
    pub zh_goal_after: Vec<String>,
    /// English words that, opening a name with no proper word, make it a
    /// goal phrase (`an international I&T centre`).
    pub en_goal_open: FxHashSet<String>,
    /// English words after a head that open its parent's name, which is
    /// part of the name (`of`, `under`).
    pub en_parent: FxHashSet<String>,
    /// Lower-case English words that may stand between the capitalised
    /// words of a parent's name (`of the`, `for`).
    pub en_parent_inner: FxHashSet<String>,
    /// English words after a lower-case category head that open its
    /// defining complement (`technology centers of high-tech
    /// enterprises`).
    pub en_complement: FxHashSet<String>,
    /// English nouns that end the name of a body with no kind head
    /// (`Society`, `Council`).
    pub en_body: FxHashSet<String>,
    /// Conjunctions that may stand inside a name (`香港纺织及成衣研发中心`).
    pub zh_joiner: FxHashSet<String>,
    /// Verbs that name a field or a function and stand inside names
    /// (`创新`, `孵化`): the walk goes on over them.
    pub zh_field: FxHashSet<String>,
    /// Words that open a national designation (`国家`).
    pub zh_national: Vec<String>,
    /// Words that end a class of bodies (`类`).
    pub zh_class: Vec<String>,
    /// Longest Chinese stop word, in characters.
    pub zh_stop_max: usize,
}

fn words_of(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.to_ascii_lowercase())
        .collect()
}

impl Lexicon {
    pub(crate) fn compile(bounds: &Table, names: &Table) -> Result<Lexicon, RuleError> {
        let mut lx = Lexicon::default();
        for row in bounds.rows() {
            let role = bounds.required(row, "role")?;
            for w in bounds.list(row, "words") {
                let zh = has_han(w);
                let f = fold(w);
                match (role, zh) {
                    ("stop", true) => {
                        lx.zh_stop_max = lx.zh_stop_max.max(f.chars().count());
                        lx.zh_stop.insert(f);
                    }
                    ("modifier", true) => {
                        lx.zh_modifier.insert(f);
                    }
                    ("qualifier", true) => {
                        lx.zh_qualifier.insert(f);
                    }
                    ("goal", true) => {
                        let g = match f.split_once('…') {
                            Some((b, a)) => Goal {
                                before: Some(b.to_string()),
                                after: a.to_string(),
                            },
                            None => Goal {
                                before: None,
                                after: f,
                            },
                        };
                        lx.zh_goal.push(g);
                    }
                    ("scope", true) => {
                        lx.zh_stop_max = lx.zh_stop_max.max(f.chars().count());
                        lx.zh_stop.insert(f.clone());
                        lx.zh_scope.insert(f);
                    }
                    ("road", true) => lx.zh_road.push(f),
                    ("joiner", true) => {
                        lx.zh_joiner.insert(f);
                    }
                    ("field", true) => {
                        lx.zh_field.insert(f);
                    }
                    ("national", true) => lx.zh_national.push(f),
                    ("class", true) => lx.zh_class.push(f),
                    ("goal_after", true) => lx.zh_goal_after.push(f),
                    ("list_class", true) => {
                        lx.zh_list_class.insert(f);
                    }
                    ("goal_open", false) => {
                        lx.en_goal_open.insert(f);
                    }
                    ("parent", false) => {
                        lx.en_parent.insert(f);
                    }
                    ("parent_inner", false) => {
                        lx.en_parent_inner.insert(f);
                    }
                    ("complement", false) => {
                        lx.en_complement.insert(f);
                    }
                    ("body", false) => {
                        lx.en_body.insert(f);
                    }
                    ("stop", false) => {
                        lx.en_stop.insert(f);
                    }
                    ("modifier", false) => {
                        lx.en_modifier.insert(f);
                    }
                    ("goal", false) => {
                        lx.en_goal.insert(f);
                    }
                    ("goal_after", false) => lx.en_goal_after.push(words_of(&f)),
                    ("joined", false) => lx.en_joined.push(words_of(&f)),
                    ("qualifier", false) => {
                        lx.en_modifier.insert(f);
                    }
                    _ => {
                        return Err(bounds
                            .error(row, format!("role `{role}` does not take the word `{w}`")))
                    }
                }
            }
        }
        for row in names.rows() {
            let role = names.required(row, "role")?;
            for w in names.list(row, "words") {
                let f = fold(w);
                match (role, has_han(w)) {
                    ("place" | "brand", true) => {
                        lx.zh_proper.insert(f);
                    }
                    ("common", true) => {
                        lx.zh_common.insert(f);
                    }
                    ("abbreviation", true) => {
                        lx.zh_abbreviation.extend(f.chars());
                    }
                    ("place" | "brand", false) => {
                        for part in f.split(|c: char| c.is_whitespace() || c == '-') {
                            // `belt and road`: `and` is no proper name
                            if !part.is_empty() && !lx.en_stop.contains(part) {
                                lx.en_proper.insert(part.to_string());
                            }
                        }
                    }
                    ("common", false) => {}
                    _ => return Err(names.error(row, format!("unknown role `{role}`"))),
                }
            }
        }
        Ok(lx)
    }

    /// True where `word` is two or more one-character abbreviations of
    /// provinces and regions (`湘琼`, `粤琼`, `京津冀`).
    pub(crate) fn abbreviated_places(&self, word: &str) -> bool {
        word.chars().nth(1).is_some() && word.chars().all(|c| self.zh_abbreviation.contains(&c))
    }

    /// True where a road word (`大街`) follows at `end`, and no kind word
    /// glued to it: the name before it is part of a street's name.
    pub(crate) fn road_after(&self, text: &str, end: usize) -> bool {
        let rest = &text[end..];
        self.zh_road.iter().any(|w| rest.starts_with(w.as_str()))
    }

    /// True where a goal frame (`建设目标`) follows at `end`.
    pub(crate) fn zh_goal_after(&self, text: &str, end: usize) -> bool {
        let rest = &text[end..];
        self.zh_goal_after
            .iter()
            .any(|w| rest.starts_with(w.as_str()))
    }

    /// True where `word` (an English word, lower case) is a stop or
    /// modifier word.
    pub(crate) fn en_boundary(&self, word: &str) -> bool {
        self.en_stop.contains(word) || self.en_modifier.contains(word)
    }
}
