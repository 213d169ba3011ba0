//! zhen-extract reads science-and-technology policy documents written in
//! simplified Chinese, traditional Chinese, English or a mix, and turns them
//! into typed, serializable records:
//!
//! - [`Quantity`]: a number with its unit (`4.5 万家`, `1200億元`,
//!   `50 billion yuan`, `2.73%`), fully scaled;
//! - [`YearMention`]: a year, range, five-year plan or dated day (`2025年`,
//!   `2021—2025`, `十四五`, `14th Five-Year Plan`);
//! - [`Target`]: a metric tied to a value, a comparator and a year, whether a
//!   goal or a reported figure;
//! - [`Institution`]: laboratories, science cities, zones, parks and
//!   institutes, with their kind and a cross-lingual identity.
//!
//! If you just want to extract, skip to [`Extractor`].
//!
//! # Guarantees
//!
//! - Every record carries the byte span of the mention in the *original*
//!   input, on character boundaries: `&input[r.span.start..r.span.end]` is
//!   always `r.span.text`. The caller's text is never altered or reordered.
//! - Values are normalised (traditional characters read as simplified,
//!   full-width as half-width) while span texts stay as written.
//! - Extraction is deterministic, and never panics on any `&str`. Input that
//!   is not text (not UTF-8, binary, empty, over the size limit) is a typed
//!   [`InputError`].
//!
//! # Example: one sentence, three scripts
//!
//! ```
//! use zhen_extract::{Extractor, Unit, YearKind};
//!
//! let ex = Extractor::new();
//! let text = "到2025年，科技型企業超過4.5 萬家；R&D personnel will exceed 260,000.";
//! let out = ex.extract(text)?;
//!
//! let q = &out.quantities[0];
//! assert_eq!((q.span.text.as_str(), q.value, q.unit), ("4.5 萬家", 45000.0, Unit::Count));
//! assert_eq!(q.classifier, "家");
//! assert_eq!(&text[q.span.start..q.span.end], "4.5 萬家");
//!
//! let y = &out.years[0];
//! assert_eq!((y.span.text.as_str(), y.start_year, y.kind), ("2025年", 2025, YearKind::Year));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: teaching a unit at run time
//!
//! Rules live in tab-separated tables (see [`rules`]); a caller adds rows
//! without recompiling:
//!
//! ```
//! use zhen_extract::{Extractor, Unit};
//!
//! let ex = Extractor::builder()
//!     .add_rules("units", "尾\tcount\t尾\t\t\tafter\t3万尾\t")
//!     .build()?;
//! let out = ex.extract("放流鱼苗3万尾")?;
//! assert_eq!(out.quantities[0].unit, Unit::Count);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How it works
//!
//! One way through: the input becomes a normalised shadow text with an
//! offset map back to the original ([`text::Normalized`]); the shadow is cut
//! into paragraphs, sentences, clauses and table rows, and tokenized (jieba
//! on Han runs, word bounds on Latin runs, numbers whole); recognizers read
//! the shadow against the rule tables (numbers and quantities, years,
//! institutions); a relation step ties metrics, quantities, comparators and
//! years into targets; and spans are mapped back to the original once, at
//! the end.
//!
//! # Untrusted input
//!
//! Any `&str` is accepted by the text layer; [`Extractor::extract`] refuses
//! empty and binary text and text over [`ExtractorBuilder::max_input_bytes`]
//! (64 MiB by default) with an [`InputError`]; [`Extractor::extract_bytes`]
//! names the encoding of text that is not UTF-8 where a clue gives it
//! away (UTF-16, UTF-32, GBK, Big5). Work is linear in the input apart
//! from segmentation, which runs per paragraph.
//!
//! # Crate features
//!
//! - `parallel` (default): [`Extractor::extract_par`], many documents on
//!   rayon's thread pool, results in input order.
//! - `cli` (default): the `zhen-extract` program (argument parsing, the
//!   progress bar, the HTML report). The library needs none of it.

#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![forbid(unsafe_code)]

mod chunk;
mod encoding;
mod error;
mod exclusion;
mod extractor;
mod institution;
mod model;
pub mod number;
mod quantity;
pub mod rules;
mod span;
mod targets;
pub mod text;
mod timeline;
mod token;
mod year;

pub use error::{EncodingClue, InputError, RuleError};
pub use extractor::{Extractor, ExtractorBuilder, DEFAULT_MAX_INPUT_BYTES};
pub use institution::{institution_index, name_key, InstitutionEntry, InstitutionOccurrence};
pub use model::{
    Baseline, Comparator, Extraction, Institution, InstitutionKind, Quantity, SpanText, Status,
    Target, Unit, YearKind, YearMention,
};
pub use number::parse_number;
pub use span::Span;
pub use text::Document;
pub use timeline::{timeline, MetricTimeline, TimelinePoint, TimelineTable};
pub use token::{Token, TokenKind};
pub use year::plan_years;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
