//! Quantities (stub, being written).
use crate::error::RuleError;
use crate::extractor::Document;
use crate::model::Quantity;
use crate::number::NumberRules;
use crate::rules::{Rules, Tables};
#[derive(Debug)]
pub(crate) struct QuantityRules {}
impl QuantityRules {
    pub(crate) fn compile(_t: &Tables, _n: &NumberRules) -> Result<Self, RuleError> { Ok(QuantityRules {}) }
    pub(crate) fn words(&self) -> Vec<&str> { vec![] }
}
pub(crate) struct Hit;
impl Hit { pub(crate) fn to_record(&self, _d: &Document) -> Quantity { unimplemented!() } }
pub(crate) fn find(_d: &Document, _r: &Rules, _all: bool) -> Vec<Hit> { vec![] }
