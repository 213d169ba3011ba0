//! `zhen_extract._native`: the Python binding of the zhen-extract library.
//!
//! The Python package (`zhen_extract/`) defines the records (frozen
//! dataclasses) and the typed errors; this module holds the extractor,
//! runs the library with the GIL released, builds those records from the
//! library's and raises those errors.

mod batch;
mod chars;
mod convert;
mod errors;
mod input;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use zhen_extract::{Extraction, Extractor, InputError, DEFAULT_MAX_INPUT_BYTES};

use crate::input::Text;

/// Extracts quantities, years, targets and institutions from policy text
/// in simplified Chinese, traditional Chinese and English.
///
/// Build one and reuse it: it is immutable and safe to share between
/// threads. `reference_year` is the year `今年` / `this year` stand for;
/// `all_numbers` also emits bare numbers (unit `number`); `extra_rules`
/// maps a rule table's name (`units`, `metrics`, `gazetteer`, ...) to rows
/// in that table's tab-separated format, added to the shipped tables;
/// `max_input_bytes` refuses longer inputs (default 64 MiB).
#[pyclass(frozen, module = "zhen_extract", name = "Extractor")]
struct PyExtractor {
    extractor: Extractor,
    reference_year: Option<i32>,
    all_numbers: bool,
    extra_rules: Vec<(String, String)>,
    max_input_bytes: usize,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (reference_year=None, all_numbers=false, extra_rules=None, *, max_input_bytes=None))]
    fn new(
        py: Python<'_>,
        reference_year: Option<i32>,
        all_numbers: bool,
        extra_rules: Option<&Bound<'_, PyAny>>,
        max_input_bytes: Option<usize>,
    ) -> PyResult<Self> {
        let extra_rules = match extra_rules {
            None => Vec::new(),
            Some(mapping) => rule_rows(mapping)?,
        };
        let max_input_bytes = max_input_bytes.unwrap_or(DEFAULT_MAX_INPUT_BYTES);
        let mut builder = Extractor::builder();
        builder
            .all_numbers(all_numbers)
            .max_input_bytes(max_input_bytes);
        if let Some(year) = reference_year {
            builder.reference_year(year);
        }
        for (table, rows) in &extra_rules {
            builder.add_rules(table, rows);
        }
        // compiling added rows, or the shipped tables on first use, takes a while
        let extractor = py
            .detach(|| builder.build())
            .map_err(|e| errors::rule_error(py, &e))?;
        Ok(PyExtractor {
            extractor,
            reference_year,
            all_numbers,
            extra_rules,
            max_input_bytes,
        })
    }

    /// The year `今年` / `this year` stand for, or None.
    #[getter]
    fn reference_year(&self) -> Option<i32> {
        self.reference_year
    }

    /// Whether bare numbers are emitted too.
    #[getter]
    fn all_numbers(&self) -> bool {
        self.all_numbers
    }

    /// The rule rows added to the shipped tables, by table (a new dict).
    #[getter]
    fn extra_rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for (table, rows) in &self.extra_rules {
            out.set_item(table, rows)?;
        }
        Ok(out)
    }

    /// The longest input taken, in UTF-8 bytes.
    #[getter]
    fn max_input_bytes(&self) -> usize {
        self.max_input_bytes
    }

    /// Extracts every kind of mention from one document, a `str` or UTF-8
    /// `bytes`, and returns an `Extraction`. The GIL is released while the
    /// document is read. Raises an `InputError` for input that is not
    /// text (empty, binary, not UTF-8, over `max_input_bytes`).
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = Text::from_py(text)?;
        let result = py.detach(|| text.extract(&self.extractor));
        outcome(py, &text, result, None)
    }

    /// Extracts from many documents at once, on `threads` threads (default:
    /// the cores this process may use) with the GIL released, and returns a
    /// list of `Extraction` in the order of `texts`.
    ///
    /// With `errors="raise"` (the default), a refused document raises its
    /// `InputError` (the first refused, in input order; its `index` says
    /// which); with `errors="return"`, the error takes the document's place
    /// in the list.
    #[pyo3(signature = (texts, *, errors="raise", threads=None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        errors: &str,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let raise = match errors {
            "raise" => true,
            "return" => false,
            other => {
                return Err(PyValueError::new_err(format!(
                    "errors must be \"raise\" or \"return\", not {other:?}"
                )))
            }
        };
        let threads = match threads {
            None => batch::default_threads(),
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
        };
        // a text Python refuses to encode is an input error in its place
        let mut inputs = Vec::new();
        for item in texts.try_iter()? {
            inputs.push(match Text::from_py(&item?) {
                Err(e) if errors::is_input_error(py, &e) => Err(e),
                other => Ok(other?),
            });
        }
        let results = py.detach(|| {
            batch::run(
                &inputs,
                threads,
                |input| input.as_ref().map_or(0, |t| t.bytes().len()),
                |input| input.as_ref().ok().map(|t| t.extract(&self.extractor)),
            )
        });
        let out = PyList::empty(py);
        for (index, (input, result)) in inputs.iter().zip(results).enumerate() {
            let item = match (input, result) {
                (Ok(text), Some(result)) => outcome(py, text, result, Some(index)),
                (Err(refused), _) => {
                    let refused = refused.clone_ref(py);
                    refused.value(py).setattr("index", index)?;
                    Err(refused)
                }
                (Ok(_), None) => Err(PyRuntimeError::new_err("a document was not processed")),
            };
            match item {
                Ok(extraction) => out.append(extraction)?,
                Err(e) if raise || !errors::is_input_error(py, &e) => return Err(e),
                Err(e) => out.append(e.value(py))?,
            }
        }
        Ok(out)
    }

    fn __repr__(&self) -> String {
        let mut s = format!(
            "Extractor(reference_year={}, all_numbers={}",
            self.reference_year
                .map_or("None".to_string(), |y| y.to_string()),
            if self.all_numbers { "True" } else { "False" }
        );
        if !self.extra_rules.is_empty() {
            let tables: Vec<&str> = self.extra_rules.iter().map(|(t, _)| t.as_str()).collect();
            s += &format!(", extra_rules=<rows for {}>", tables.join(", "));
        }
        if self.max_input_bytes != DEFAULT_MAX_INPUT_BYTES {
            s += &format!(", max_input_bytes={}", self.max_input_bytes);
        }
        s + ")"
    }

    /// Pickled as its options, and unpickled as the process's shared
    /// extractor with those options (`zhen_extract._shared`): a process
    /// pool's or a Spark executor's tasks reuse one extractor.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let shared = py.import("zhen_extract._shared")?.getattr("shared")?;
        let rules = PyTuple::new(
            py,
            self.extra_rules
                .iter()
                .map(|(t, r)| (t.as_str(), r.as_str())),
        )?;
        let args = PyTuple::new(
            py,
            [
                self.reference_year.into_pyobject(py)?.into_any(),
                pyo3::types::PyBool::new(py, self.all_numbers)
                    .to_owned()
                    .into_any(),
                rules.into_any(),
                self.max_input_bytes.into_pyobject(py)?.into_any(),
            ],
        )?;
        Ok((shared, args))
    }
}

/// The records of one document, or its error as an exception.
fn outcome<'py>(
    py: Python<'py>,
    text: &Text,
    result: Result<Extraction, InputError>,
    index: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    match result {
        Ok(extraction) => convert::extraction(py, &extraction, text.bytes()),
        Err(e) => Err(errors::input_error(py, &e, index)),
    }
}

/// The `(table, rows)` pairs of an `extra_rules` mapping, in its order.
fn rule_rows(mapping: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let items = mapping
        .call_method0("items")
        .map_err(|_| PyTypeError::new_err("extra_rules is a mapping of table name to rows"))?;
    let mut out = Vec::new();
    for item in items.try_iter()? {
        let (table, rows): (String, String) = item?.extract().map_err(|_| {
            PyTypeError::new_err(
                "extra_rules maps a table name (str) to its rows (str, tab-separated lines)",
            )
        })?;
        out.push((table, rows));
    }
    Ok(out)
}

#[pymodule]
mod _native {
    #[pymodule_export]
    use super::PyExtractor;
}
