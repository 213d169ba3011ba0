//! The library's records as the Python package's frozen dataclasses
//! (`zhen_extract._records`), built field for field.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyTuple, PyType};
use zhen_extract::{Baseline, Extraction, Institution, Quantity, SpanText, Target, YearMention};

use crate::chars::CharIndex;

/// The dataclasses, looked up once per process.
struct Types {
    span: Py<PyType>,
    quantity: Py<PyType>,
    year_mention: Py<PyType>,
    baseline: Py<PyType>,
    target: Py<PyType>,
    institution: Py<PyType>,
    extraction: Py<PyType>,
}

static TYPES: PyOnceLock<Types> = PyOnceLock::new();

fn types(py: Python<'_>) -> PyResult<&Types> {
    TYPES.get_or_try_init(py, || {
        let m = py.import("zhen_extract._records")?;
        let get = |name: &str| -> PyResult<Py<PyType>> {
            Ok(m.getattr(name)?.cast_into::<PyType>()?.unbind())
        };
        Ok(Types {
            span: get("Span")?,
            quantity: get("Quantity")?,
            year_mention: get("YearMention")?,
            baseline: get("Baseline")?,
            target: get("Target")?,
            institution: get("Institution")?,
            extraction: get("Extraction")?,
        })
    })
}

/// The `Extraction` dataclass of `ex`, extracted from `text` (the UTF-8
/// bytes the spans index).
pub fn extraction<'py>(
    py: Python<'py>,
    ex: &Extraction,
    text: &[u8],
) -> PyResult<Bound<'py, PyAny>> {
    let b = Builder {
        py,
        types: types(py)?,
        chars: CharIndex::new(text, offsets(ex)),
    };
    let quantities = b.tuple(&ex.quantities, Builder::quantity)?;
    let years = b.tuple(&ex.years, Builder::year_mention)?;
    let targets = b.tuple(&ex.targets, Builder::target)?;
    let institutions = b.tuple(&ex.institutions, Builder::institution)?;
    b.types
        .extraction
        .bind(py)
        .call1((quantities, years, targets, institutions))
}

/// Every byte offset the records of `ex` carry.
fn offsets(ex: &Extraction) -> Vec<usize> {
    let mut out = Vec::new();
    let mut add = |s: &SpanText| out.extend([s.start, s.end]);
    ex.quantities.iter().for_each(|q| add(&q.span));
    ex.years.iter().for_each(|y| add(&y.span));
    for t in &ex.targets {
        add(&t.span);
        add(&t.metric_span);
        add(&t.quantity.span);
        if let Some(s) = t.baseline.as_ref().and_then(|b| b.span.as_ref()) {
            add(s);
        }
    }
    ex.institutions.iter().for_each(|i| add(&i.span));
    out
}

/// Builds the dataclasses of one document's records.
struct Builder<'py, 'a> {
    py: Python<'py>,
    types: &'a Types,
    chars: CharIndex<'a>,
}

impl<'py> Builder<'py, '_> {
    fn tuple<T>(
        &self,
        items: &[T],
        one: impl Fn(&Self, &T) -> PyResult<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let objects = items
            .iter()
            .map(|item| one(self, item))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(self.py, objects)
    }

    /// A name from a closed set (a unit, a kind, a rule, a metric id): one
    /// shared string each.
    fn name(&self, s: &str) -> Bound<'py, PyString> {
        PyString::intern(self.py, s)
    }

    /// The keyword arguments of the fields that hold other than their
    /// default, or none at all.
    fn optional<'k>(
        &self,
        fields: &[(&'k str, Option<Bound<'py, PyAny>>)],
    ) -> PyResult<Option<Bound<'py, PyDict>>> {
        if fields.iter().all(|(_, v)| v.is_none()) {
            return Ok(None);
        }
        let kwargs = PyDict::new(self.py);
        for (key, value) in fields {
            if let Some(value) = value {
                kwargs.set_item(self.name(key), value)?;
            }
        }
        Ok(Some(kwargs))
    }

    fn span(&self, s: &SpanText) -> PyResult<Bound<'py, PyAny>> {
        let (char_start, char_end) = (self.chars.get(s.start), self.chars.get(s.end));
        self.types
            .span
            .bind(self.py)
            .call1((s.start, s.end, &s.text, char_start, char_end))
    }

    fn quantity(&self, q: &Quantity) -> PyResult<Bound<'py, PyAny>> {
        let currency = q.currency.as_deref().map(|c| self.name(c).into_any());
        let args = (
            self.span(&q.span)?,
            q.value,
            self.name(q.unit.as_str()),
            PyString::new(self.py, &q.classifier),
            self.name(&q.rule),
        );
        let kwargs = self.optional(&[("currency", currency)])?;
        self.types
            .quantity
            .bind(self.py)
            .call(args, kwargs.as_ref())
    }

    fn year_mention(&self, y: &YearMention) -> PyResult<Bound<'py, PyAny>> {
        let relative = y.relative.then(|| {
            pyo3::types::PyBool::new(self.py, true)
                .to_owned()
                .into_any()
        });
        let args = (
            self.span(&y.span)?,
            y.start_year,
            y.end_year,
            self.name(&json_name(&y.kind)?),
        );
        let kwargs = self.optional(&[("relative", relative)])?;
        self.types
            .year_mention
            .bind(self.py)
            .call(args, kwargs.as_ref())
    }

    fn baseline(&self, b: &Baseline) -> PyResult<Bound<'py, PyAny>> {
        let year = b.year.map(|y| y.into_pyobject(self.py)).transpose()?;
        let span = b.span.as_ref().map(|s| self.span(s)).transpose()?;
        let kwargs = self.optional(&[("year", year.map(Bound::into_any)), ("span", span)])?;
        self.types
            .baseline
            .bind(self.py)
            .call((b.value,), kwargs.as_ref())
    }

    fn target(&self, t: &Target) -> PyResult<Bound<'py, PyAny>> {
        let metric_id = t.metric_id.as_deref().map(|m| self.name(m).into_any());
        let year = t.year.map(|y| y.into_pyobject(self.py)).transpose()?;
        let baseline = t.baseline.as_ref().map(|b| self.baseline(b)).transpose()?;
        let args = (
            self.span(&t.span)?,
            PyString::new(self.py, &t.metric),
            self.span(&t.metric_span)?,
            self.quantity(&t.quantity)?,
            self.name(t.comparator.as_str()),
            self.name(&json_name(&t.status)?),
        );
        let kwargs = self.optional(&[
            ("metric_id", metric_id),
            ("year", year.map(Bound::into_any)),
            ("baseline", baseline),
        ])?;
        self.types.target.bind(self.py).call(args, kwargs.as_ref())
    }

    fn institution(&self, i: &Institution) -> PyResult<Bound<'py, PyAny>> {
        let canonical_id = i.canonical_id.as_deref().map(|c| self.name(c).into_any());
        let args = (
            self.span(&i.span)?,
            PyString::new(self.py, &i.name),
            self.name(i.kind.as_str()),
            i.generic,
        );
        let kwargs = self.optional(&[("canonical_id", canonical_id)])?;
        self.types
            .institution
            .bind(self.py)
            .call(args, kwargs.as_ref())
    }
}

/// The snake_case name JSON gives a unit-like enum that has no `as_str`
/// (`YearKind`, `Status`): the library's own serializer spells it.
fn json_name<T: serde::Serialize>(value: &T) -> PyResult<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        other => Err(pyo3::exceptions::PyRuntimeError::new_err(format!(
            "a record's name serialized as {other:?}, not a string"
        ))),
    }
}
