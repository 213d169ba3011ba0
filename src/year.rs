//! Years (stub, being written).
use crate::error::RuleError;
use crate::extractor::Document;
use crate::model::YearMention;
use crate::rules::{Rules, Tables};
#[derive(Debug)]
pub(crate) struct YearRules {}
impl YearRules {
    pub(crate) fn compile(_t: &Tables) -> Result<Self, RuleError> { Ok(YearRules {}) }
    pub(crate) fn words(&self) -> Vec<&str> { vec![] }
}
pub(crate) struct Hit;
impl Hit { pub(crate) fn to_record(&self, _d: &Document) -> YearMention { unimplemented!() } }
pub(crate) fn find(_d: &Document, _r: &Rules, _y: Option<i32>) -> Vec<Hit> { vec![] }
