//! The entry point: an immutable, reusable extractor built from options and
//! rule tables.

use crate::error::{InputError, RuleError};
use crate::model::Extraction;
use crate::rules::{Rules, Tables};
use crate::text::Document;
use std::sync::Arc;

/// Default limit on the size of one input: 64 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 << 20;

/// Extracts quantities, years, targets and institutions from text.
///
/// Build one (cheaply, with [`Extractor::new`], or with options through
/// [`Extractor::builder`]) and reuse it: it is `Send + Sync`, and the
/// shipped rule tables and the segmenter are compiled once per process.
///
/// ```
/// use zhen_extract::{Extractor, Unit};
/// let ex = Extractor::new();
/// let out = ex.extract("到2025年，科技型企业超过4.5 万家。")?;
/// assert_eq!(out.quantities[0].value, 45000.0);
/// assert_eq!(out.quantities[0].unit, Unit::Count);
/// assert_eq!(out.quantities[0].span.text, "4.5 万家");
/// assert_eq!(out.years[0].start_year, 2025);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    rules: Arc<Rules>,
    reference_year: Option<i32>,
    all_numbers: bool,
    max_input_bytes: usize,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// Options and extra rule rows for an [`Extractor`].
///
/// # Quick advice
///
/// - Give [`reference_year`](Self::reference_year) when the documents
///   speak of `今年` / `this year` and you know when they were written.
/// - Add rows with [`add_rules`](Self::add_rules) to teach the extractor a
///   unit, a metric wording or an institution without recompiling.
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    reference_year: Option<i32>,
    all_numbers: bool,
    max_input_bytes: Option<usize>,
    extra: Vec<(String, String)>,
}

impl ExtractorBuilder {
    /// The year `今年` and `this year` stand for. Without it, relative
    /// years are not emitted as year mentions, and a target's `今年` reads
    /// against the document's own dateline (`——2026年1月25日在…会议上`)
    /// where its opening has one.
    pub fn reference_year(&mut self, year: i32) -> &mut Self {
        self.reference_year = Some(year);
        self
    }

    /// Also emit bare numbers, as quantities with unit `number`.
    pub fn all_numbers(&mut self, yes: bool) -> &mut Self {
        self.all_numbers = yes;
        self
    }

    /// Refuse inputs larger than this many bytes (default 64 MiB).
    pub fn max_input_bytes(&mut self, limit: usize) -> &mut Self {
        self.max_input_bytes = Some(limit);
        self
    }

    /// Adds rows to the rule table `table` (`units`, `metrics`,
    /// `gazetteer`, …), written in that table's tab-separated format, with
    /// or without its header line.
    ///
    /// Added rows reach every recognizer and the segmenter. The shipped
    /// tables share one jieba-rs segmenter per process; where added rows
    /// bring words the segmenter must keep whole that the shipped tables
    /// lack (an institution name or brand, a unit, a metric wording), the
    /// extractor builds a segmenter of its own with them, so that a name
    /// jieba's dictionary would split (`天使湾` read as `天使` `湾`) is read
    /// whole and found as a shipped one is. Rows that bring no such word
    /// (an exclusion, a new alias already known) keep the shared one.
    ///
    /// The cost of a segmenter of its own is that of loading jieba's
    /// dictionary once more: measured on the 2-core development machine
    /// (release build, `setup/*` in `benches/pipeline.rs`), about 160 ms
    /// to build (against about 34 ms for added rows without new words,
    /// which recompile the tables only) and about 30 MB of memory, held as long
    /// as the extractor or a clone of it lives. Build such an extractor
    /// once and reuse it (clones share the segmenter).
    ///
    /// ```
    /// use zhen_extract::Extractor;
    /// let ex = Extractor::builder()
    ///     .add_rules("units", "word\tunit\tclassifier\tscale\tcurrency\tposition\texamples\n座\tcount\t座\t\t\tafter\t3座")
    ///     .build()?;
    /// let out = ex.extract("新建3座")?;
    /// assert_eq!(out.quantities[0].classifier, "座");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_rules(&mut self, table: &str, text: &str) -> &mut Self {
        self.extra.push((table.to_string(), text.to_string()));
        self
    }

    /// Builds the extractor; fails only if added rule rows do not parse.
    pub fn build(&self) -> Result<Extractor, RuleError> {
        let rules = if self.extra.is_empty() {
            Rules::default_rules()
        } else {
            let mut tables = Tables::shipped()?;
            for (name, text) in &self.extra {
                tables.extend(name, text)?;
            }
            let mut rules = Rules::compile(&tables)?;
            rules.segment_added_words(&Rules::default_rules());
            Arc::new(rules)
        };
        Ok(Extractor {
            rules,
            reference_year: self.reference_year,
            all_numbers: self.all_numbers,
            max_input_bytes: self.max_input_bytes.unwrap_or(DEFAULT_MAX_INPUT_BYTES),
        })
    }
}

/// Control bytes that text does not hold. Tabs, line and paragraph
/// breaks, vertical tabs, form feeds (page breaks of text exported from
/// PDF and of old plain-text documents) and ESC (colour codes of captured
/// terminal output) do occur in real text, and are read as text.
fn is_binary_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1b)
}

/// `input` as UTF-8 text, or why it is not: another encoding where one is
/// recognised, else the offset of the first byte that is not UTF-8.
pub(crate) fn text_of(input: &[u8]) -> Result<&str, InputError> {
    std::str::from_utf8(input).map_err(|e| match crate::encoding::detect(input) {
        Some((encoding, clue)) => InputError::Encoding { encoding, clue },
        None => InputError::NotUtf8 {
            offset: e.valid_up_to(),
        },
    })
}

impl Extractor {
    /// An extractor with the shipped rule tables and default options.
    pub fn new() -> Extractor {
        ExtractorBuilder::default()
            .build()
            .expect("shipped rule tables compile")
    }

    /// A builder for options and extra rule rows.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Checks that `input` is text the extractor takes.
    fn check(&self, input: &str) -> Result<(), InputError> {
        if input.len() > self.max_input_bytes {
            return Err(InputError::TooLarge {
                len: input.len(),
                limit: self.max_input_bytes,
            });
        }
        if input.trim().is_empty() {
            return Err(InputError::Empty);
        }
        if let Some(offset) = input.bytes().position(is_binary_control) {
            if let Some((encoding, clue)) = crate::encoding::detect(input.as_bytes()) {
                return Err(InputError::Encoding { encoding, clue });
            }
            return Err(InputError::Binary {
                offset,
                byte: input.as_bytes()[offset],
            });
        }
        Ok(())
    }

    /// Reads `input` through the text layer without extracting.
    pub fn analyze<'h>(&self, input: &'h str) -> Result<Document<'h>, InputError> {
        self.check(input)?;
        Ok(Document::new(input, &self.rules))
    }

    /// Like [`analyze`](Self::analyze), for bytes that should be UTF-8
    /// (refused as [`extract_bytes`](Self::extract_bytes) refuses them).
    pub fn analyze_bytes<'h>(&self, input: &'h [u8]) -> Result<Document<'h>, InputError> {
        self.analyze(text_of(input)?)
    }

    /// Extracts every kind of mention from `input`.
    pub fn extract(&self, input: &str) -> Result<Extraction, InputError> {
        let doc = self.analyze(input)?;
        Ok(self.extract_document(&doc))
    }

    /// Like [`extract`](Self::extract), for bytes that should be UTF-8.
    ///
    /// ```
    /// use zhen_extract::{Extractor, InputError};
    /// let err = Extractor::new().extract_bytes(b"2025\xff").unwrap_err();
    /// assert_eq!(err, InputError::NotUtf8 { offset: 4 });
    /// ```
    ///
    /// Text in another encoding is named where a clue gives it away (a
    /// byte-order mark, the NUL pattern of UTF-16, a clean decode in a
    /// multi-byte East Asian encoding):
    ///
    /// ```
    /// use zhen_extract::{EncodingClue, Extractor, InputError};
    /// let utf16: Vec<u8> = "\u{feff}2025年".encode_utf16().flat_map(u16::to_le_bytes).collect();
    /// let err = Extractor::new().extract_bytes(&utf16).unwrap_err();
    /// assert_eq!(err, InputError::Encoding { encoding: "UTF-16LE", clue: EncodingClue::ByteOrderMark });
    /// ```
    pub fn extract_bytes(&self, input: &[u8]) -> Result<Extraction, InputError> {
        self.extract(text_of(input)?)
    }

    /// Extracts from many inputs at once on rayon's thread pool, giving
    /// the results in the order of `inputs`: the same results as calling
    /// [`extract`](Self::extract) on each in turn.
    ///
    /// ```
    /// use zhen_extract::Extractor;
    /// let docs = ["到2025年研发投入强度达到2.6%。", "", "科技型企业超过4.5万家。"];
    /// let out = Extractor::new().extract_par(&docs);
    /// assert_eq!(out.len(), 3);
    /// assert_eq!(out[0].as_ref().unwrap().targets[0].quantity.value, 2.6);
    /// assert!(out[1].is_err());
    /// assert_eq!(out[2].as_ref().unwrap().quantities[0].value, 45000.0);
    /// ```
    #[cfg(feature = "parallel")]
    pub fn extract_par<S>(&self, inputs: &[S]) -> Vec<Result<Extraction, InputError>>
    where
        S: AsRef<str> + Sync,
    {
        use rayon::prelude::*;
        inputs
            .par_iter()
            .map(|input| self.extract(input.as_ref()))
            .collect()
    }

    /// Extracts from a document already read through the text layer.
    pub fn extract_document(&self, doc: &Document<'_>) -> Extraction {
        let excluded = self.rules.exclusions.find(doc.norm.text());
        let years = crate::year::find(doc, &self.rules, &excluded, self.reference_year);
        let quantities =
            crate::quantity::find(doc, &self.rules, &excluded, self.all_numbers, &years);
        // without the caller's reference year, targets read `今年` against
        // the year the document's dateline gives (year mentions do not)
        let (target_years, reference) = match self.reference_year {
            Some(y) => (None, Some(y)),
            None => match crate::year::document_year(&years, doc.norm.text(), &self.rules) {
                Some(y) => (
                    Some(crate::year::with_relative(&years, doc, &self.rules, y)),
                    Some(y),
                ),
                None => (None, None),
            },
        };
        Extraction {
            quantities: quantities.iter().map(|q| q.to_record(doc)).collect(),
            years: years.iter().map(|y| y.to_record(doc)).collect(),
            targets: crate::targets::find(
                doc,
                &self.rules,
                &quantities,
                target_years.as_deref().unwrap_or(&years),
                reference,
            ),
            institutions: crate::institution::find(doc, &self.rules),
        }
    }
}
