"""zhen_extract: quantities, years, targets and institutions from
science-and-technology policy text in simplified Chinese, traditional
Chinese and English, each record with its exact span in the input.

>>> import zhen_extract
>>> ex = zhen_extract.Extractor()
>>> out = ex.extract("到2025年研发投入强度达到2.6%")
>>> t = out.targets[0]
>>> (t.metric, t.metric_id, t.quantity.value, t.year, t.status)
('研发投入强度', 'rd_intensity', 2.6, 2025, 'target')

`Extractor.extract_many` reads many documents in parallel with the GIL
released; `to_pandas` turns results into a table (pandas is an optional
extra: `pip install zhen-extract[pandas]`). The field names and values are
those of the library's `docs/EXTRACTION.md`.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    NotUtf8Error,
    RuleError,
    ZhenExtractError,
)
from ._native import Extractor
from ._pandas import to_pandas
from ._records import (
    Baseline,
    Comparator,
    Extraction,
    Institution,
    InstitutionKind,
    Quantity,
    Span,
    Status,
    Target,
    Unit,
    YearKind,
    YearMention,
)

try:
    __version__ = version("zhen-extract")
except PackageNotFoundError:  # imported from a source tree, not installed
    __version__ = "0+unknown"

__all__ = [
    "Baseline",
    "BinaryInputError",
    "Comparator",
    "EmptyInputError",
    "EncodingError",
    "Extraction",
    "Extractor",
    "InputError",
    "InputTooLargeError",
    "Institution",
    "InstitutionKind",
    "NotUtf8Error",
    "Quantity",
    "RuleError",
    "Span",
    "Status",
    "Target",
    "Unit",
    "YearKind",
    "YearMention",
    "ZhenExtractError",
    "to_pandas",
]
