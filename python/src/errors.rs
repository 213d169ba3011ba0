//! The library's errors as the Python package's typed exceptions
//! (`zhen_extract._errors`).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;
use zhen_extract::{EncodingClue, InputError, RuleError};

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The exception class `name` of `zhen_extract._errors`.
fn class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyType>> {
    let module = ERRORS.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import("zhen_extract._errors")?.unbind())
    })?;
    Ok(module.bind(py).getattr(name)?.cast_into::<PyType>()?)
}

/// The exception for a refused input; `index` is its place in a batch.
pub fn input_error(py: Python<'_>, err: &InputError, index: Option<usize>) -> PyErr {
    let made = (|| -> PyResult<Bound<'_, PyAny>> {
        let message = err.to_string();
        let exception = match *err {
            InputError::NotUtf8 { offset } => class(py, "NotUtf8Error")?.call1((message, offset)),
            InputError::Empty => class(py, "EmptyInputError")?.call1((message,)),
            InputError::Binary { offset, byte } => {
                class(py, "BinaryInputError")?.call1((message, offset, byte))
            }
            InputError::Encoding { encoding, clue } => {
                class(py, "EncodingError")?.call1((message, encoding, clue_name(clue)))
            }
            InputError::TooLarge { len, limit } => {
                class(py, "InputTooLargeError")?.call1((message, len, limit))
            }
            // a case this binding does not know yet: the base class
            _ => class(py, "InputError")?.call1((message,)),
        }?;
        exception.setattr("index", index)?;
        Ok(exception)
    })();
    match made {
        Ok(exception) => PyErr::from_value(exception),
        Err(failed) => failed,
    }
}

/// The snake_case name of what gave an encoding away.
fn clue_name(clue: EncodingClue) -> &'static str {
    match clue {
        EncodingClue::ByteOrderMark => "byte_order_mark",
        EncodingClue::NulPattern => "nul_pattern",
        EncodingClue::Decodes => "decodes",
        // a clue this binding does not know yet
        _ => "other",
    }
}

/// The `NotUtf8Error` for a `str` that UTF-8 cannot encode (it holds a
/// lone surrogate), from the `UnicodeEncodeError` Python raised.
pub fn not_encodable(py: Python<'_>, cause: PyErr) -> PyErr {
    let made = (|| -> PyResult<Bound<'_, PyAny>> {
        let at: usize = cause.value(py).getattr("start")?.extract()?;
        let message = format!(
            "input is not UTF-8: character {at} is a lone surrogate, which UTF-8 cannot encode"
        );
        let exception = class(py, "NotUtf8Error")?.call1((message, at))?;
        exception.setattr("__cause__", cause.value(py))?;
        Ok(exception)
    })();
    match made {
        Ok(exception) => PyErr::from_value(exception),
        Err(_) => cause,
    }
}

/// The exception for a rule row that does not parse.
pub fn rule_error(py: Python<'_>, err: &RuleError) -> PyErr {
    let made = class(py, "RuleError")
        .and_then(|c| c.call1((err.to_string(), &err.table, err.line, &err.message)));
    match made {
        Ok(exception) => PyErr::from_value(exception),
        Err(failed) => failed,
    }
}

/// Whether `err` is one of the package's `InputError`s.
pub fn is_input_error(py: Python<'_>, err: &PyErr) -> bool {
    class(py, "InputError").is_ok_and(|c| err.is_instance(py, &c))
}
