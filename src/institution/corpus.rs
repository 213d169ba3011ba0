//! The corpus view: the institutions of many documents, one row per body
//! whatever the language or script it was written in.

use super::gazetteer::name_key;
use crate::model::{Extraction, InstitutionKind, SpanText};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// Where one mention of an institution is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstitutionOccurrence {
    /// The document's name, as given to [`institution_index`].
    pub doc: String,
    /// The mention's span in that document.
    pub span: SpanText,
}

/// One body (or category) of a corpus with every mention of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstitutionEntry {
    /// What the mentions were merged by: the `canonical_id` where the
    /// gazetteer knows the body, else the normalised name (scripts and
    /// widths folded, lower-cased, without white space, quotes and the
    /// joiners copies of one name vary in: `-`, `/`, `·`).
    pub key: String,
    /// The gazetteer's id, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_id: Option<String>,
    /// The normalised name of the first mention.
    pub name: String,
    /// The kind of the first mention.
    pub kind: InstitutionKind,
    /// True for a category rather than one body.
    pub generic: bool,
    /// Every distinct way the body was written, as written (markup inside
    /// a mention left out).
    pub aliases: BTreeSet<String>,
    /// The documents the body appears in, in the order the documents were
    /// given (each once where each was given once).
    pub documents: Vec<String>,
    /// Every mention, in the order the documents were given.
    pub occurrences: Vec<InstitutionOccurrence>,
}

/// The key a mention without a canonical id is merged by: its name's
/// [`name_key`] (which folds scripts and widths) without the joiners that
/// copies of one name vary in (`Hong Kong-Shenzhen`, `Hong Kong/Shenzhen`).
fn merge_key(name: &str) -> String {
    name_key(name)
        .chars()
        .filter(|c| !matches!(c, '-' | '‐' | '‑' | '–' | '—' | '/' | '·' | '・'))
        .collect()
}

/// Lists the institutions of a corpus, one row per body, with the
/// documents it appears in. Mentions merge by `canonical_id`, so that a
/// body's names in every script and language and its abbreviations
/// (`金凤实验室`, `金鳳實驗室`, `Jinfeng Laboratory`; `USTC`, `中国科大`)
/// are one row. A mention the gazetteer gave no id merges by its name,
/// with scripts folded (`鸿鹄湾实验室`, `鴻鵠灣實驗室`), into the row of the
/// body whose id another mention of that name carries, if any.
///
/// Rows come most-mentioned first, then by key.
///
/// ```
/// use zhen_extract::{institution_index, Extractor};
/// let ex = Extractor::new();
/// let zh = ex.extract("加快建设金凤实验室。")?;
/// let tw = ex.extract("支持金鳳實驗室發展。")?;
/// let en = ex.extract("Accelerate the construction of Jinfeng Laboratory.")?;
/// let rows = institution_index([("zh", &zh), ("tw", &tw), ("en", &en)]);
/// assert_eq!(rows.len(), 1);
/// assert_eq!(rows[0].key, "jinfeng_lab");
/// assert_eq!(rows[0].documents, ["zh", "tw", "en"]);
/// assert_eq!(rows[0].occurrences.len(), 3);
/// assert!(rows[0].aliases.contains("金鳳實驗室"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn institution_index<'a>(
    docs: impl IntoIterator<Item = (&'a str, &'a Extraction)>,
) -> Vec<InstitutionEntry> {
    let docs: Vec<(&str, &Extraction)> = docs.into_iter().collect();
    // the id a name carries wherever the gazetteer resolved it
    let mut id_of_name: HashMap<String, &str> = HashMap::new();
    for inst in docs.iter().flat_map(|(_, ex)| &ex.institutions) {
        if let Some(id) = &inst.canonical_id {
            id_of_name.entry(merge_key(&inst.name)).or_insert(id);
        }
    }
    let mut rows: Vec<InstitutionEntry> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (doc, ex) in docs {
        for inst in &ex.institutions {
            let id = inst
                .canonical_id
                .as_deref()
                .or_else(|| id_of_name.get(&merge_key(&inst.name)).copied());
            let key = id.map_or_else(|| merge_key(&inst.name), str::to_string);
            let i = *by_key.entry(key.clone()).or_insert_with(|| {
                rows.push(InstitutionEntry {
                    key,
                    canonical_id: id.map(str::to_string),
                    name: inst.name.clone(),
                    kind: inst.kind,
                    generic: inst.generic,
                    aliases: BTreeSet::new(),
                    documents: Vec::new(),
                    occurrences: Vec::new(),
                });
                rows.len() - 1
            });
            let row = &mut rows[i];
            row.aliases
                .insert(crate::text::without_markup(&inst.span.text));
            // a document's mentions come together
            if row.documents.last().is_none_or(|d| d != doc) {
                row.documents.push(doc.to_string());
            }
            row.occurrences.push(InstitutionOccurrence {
                doc: doc.to_string(),
                span: inst.span.clone(),
            });
        }
    }
    rows.sort_by(|a, b| {
        b.occurrences
            .len()
            .cmp(&a.occurrences.len())
            .then_with(|| a.key.cmp(&b.key))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn index(docs: &[(&str, &str)]) -> Vec<InstitutionEntry> {
        let ex = Extractor::new();
        let out: Vec<(&str, Extraction)> = docs
            .iter()
            .map(|(d, t)| (*d, ex.extract(t).unwrap()))
            .collect();
        institution_index(out.iter().map(|(d, e)| (*d, e)))
    }

    #[test]
    fn names_without_an_id_merge_across_scripts_and_joiners() {
        let rows = index(&[
            ("a", "在鸿鹄湾智算实验室开展研究。"),
            ("b", "在鴻鵠灣智算實驗室開展研究，鴻鵠灣智算實驗室。"),
            ("c", "the Macao-Zhuhai Innovation and Technology Park"),
            ("d", "the Macao/Zhuhai Innovation and Technology Park"),
        ]);
        let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(
            keys,
            ["鸿鹄湾智算实验室", "macaozhuhaiinnovationandtechnologypark"]
        );
        assert_eq!(rows[0].documents, ["a", "b"]);
        assert_eq!(rows[0].occurrences.len(), 3);
        assert_eq!(
            rows[0].aliases.iter().collect::<Vec<_>>(),
            ["鴻鵠灣智算實驗室", "鸿鹄湾智算实验室"]
        );
        assert_eq!(rows[1].documents, ["c", "d"]);
    }

    #[test]
    fn abbreviations_merge_by_id_and_markup_leaves_the_aliases() {
        let rows = index(&[
            ("zh", "依托中国科大和<a href=\"x\">中国</a>科学技术大学。"),
            (
                "en",
                "USTC and the University of Science and Technology of China",
            ),
        ]);
        let ustc = rows
            .iter()
            .find(|r| r.key == "ustc")
            .expect("a row for USTC");
        assert_eq!(ustc.documents, ["zh", "en"]);
        assert!(ustc.aliases.contains("中国科大") && ustc.aliases.contains("中国科学技术大学"));
        assert!(ustc.aliases.contains("USTC"), "{:?}", ustc.aliases);
        assert!(
            ustc.aliases.iter().all(|a| !a.contains('<')),
            "{:?}",
            ustc.aliases
        );
    }
}
