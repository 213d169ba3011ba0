//! A caller's document, borrowed from its Python object so the extractor
//! can read it with the GIL released.

use pyo3::exceptions::{PyTypeError, PyUnicodeEncodeError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyString};
use zhen_extract::{Extraction, Extractor, InputError};

/// A `str` (read as its UTF-8 form) or `bytes` (that should be UTF-8).
/// Both hold a reference to the Python object, which keeps the text
/// alive and unchanged, and are `Send + Sync`.
pub enum Text {
    Str(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Text {
    /// Borrows `obj`; refuses what is neither text nor bytes (`TypeError`)
    /// and a `str` UTF-8 cannot encode (`NotUtf8Error`).
    pub fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Text> {
        let py = obj.py();
        if let Ok(s) = obj.cast::<PyString>() {
            return match PyBackedStr::try_from(s.clone()) {
                Ok(s) => Ok(Text::Str(s)),
                Err(e) if e.is_instance_of::<PyUnicodeEncodeError>(py) => {
                    Err(crate::errors::not_encodable(py, e))
                }
                Err(e) => Err(e),
            };
        }
        if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
            return Ok(Text::Bytes(obj.extract::<PyBackedBytes>()?));
        }
        Err(PyTypeError::new_err(format!(
            "a document is str or bytes, not {}",
            obj.get_type().name()?
        )))
    }

    /// The UTF-8 bytes the records' spans index.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Text::Str(s) => s.as_bytes(),
            Text::Bytes(b) => b,
        }
    }

    /// Extracts from the text (no Python involved: run it detached).
    pub fn extract(&self, extractor: &Extractor) -> Result<Extraction, InputError> {
        match self {
            Text::Str(s) => extractor.extract(s),
            Text::Bytes(b) => extractor.extract_bytes(b),
        }
    }
}
