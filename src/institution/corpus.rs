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
    /// gazetteer knows the body, else the normalised name (width-folded,
    /// lower-cased, without white space and quotes).
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
    /// Every distinct way the body was written, as written.
    pub aliases: BTreeSet<String>,
    /// Every mention, in the order the documents were given.
    pub occurrences: Vec<InstitutionOccurrence>,
}

/// Lists the institutions of a corpus, merging mentions by `canonical_id`
/// (falling back to the normalised name), so that `金凤实验室`,
/// `金鳳實驗室` and `Jinfeng Laboratory` are one row.
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
/// assert_eq!(rows[0].occurrences.len(), 3);
/// assert!(rows[0].aliases.contains("金鳳實驗室"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn institution_index<'a>(
    docs: impl IntoIterator<Item = (&'a str, &'a Extraction)>,
) -> Vec<InstitutionEntry> {
    let mut rows: Vec<InstitutionEntry> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (doc, ex) in docs {
        for inst in &ex.institutions {
            let key = inst
                .canonical_id
                .clone()
                .unwrap_or_else(|| name_key(&inst.name));
            let i = *by_key.entry(key.clone()).or_insert_with(|| {
                rows.push(InstitutionEntry {
                    key,
                    canonical_id: inst.canonical_id.clone(),
                    name: inst.name.clone(),
                    kind: inst.kind,
                    generic: inst.generic,
                    aliases: BTreeSet::new(),
                    occurrences: Vec::new(),
                });
                rows.len() - 1
            });
            rows[i].aliases.insert(inst.span.text.clone());
            rows[i].occurrences.push(InstitutionOccurrence {
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
