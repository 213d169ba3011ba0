//! zhen-extract reads science-and-technology policy documents in
//! simplified Chinese, traditional Chinese, English or a mix, and turns
//! them into typed records: quantities, year mentions, targets and
//! institutions, each with its exact byte span in the original input.
//!
//! If you just want to extract, skip to [`Extractor`].

#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![forbid(unsafe_code)]

mod error;
mod exclusion;
mod extractor;
mod model;
pub mod number;
mod quantity;
pub mod rules;
mod segment;
mod span;
pub mod text;
mod token;
mod year;

pub use error::{InputError, RuleError};
pub use extractor::{Document, Extractor, ExtractorBuilder, DEFAULT_MAX_INPUT_BYTES};
pub use model::{
    Baseline, Comparator, Extraction, Institution, InstitutionKind, Quantity, SpanText, Status,
    Target, Unit, YearKind, YearMention,
};
pub use number::parse_number;
pub use span::Span;
pub use token::{Token, TokenKind};
pub use year::plan_years;
