"""Results as a pandas table: one row per target or per quantity."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Hashable, Iterable, Iterator, Literal, Mapping, Tuple, Union

from ._errors import InputError
from ._records import Extraction, Quantity, Target

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]

__all__ = ["COLUMNS", "to_pandas"]

COLUMNS = (
    "document",
    "metric",
    "metric_id",
    "value",
    "unit",
    "year",
    "status",
    "comparator",
    "currency",
    "baseline_value",
    "baseline_year",
    "text",
    "start",
    "end",
    "char_start",
    "char_end",
)
"""The columns of `to_pandas`, in order."""

_DTYPES = {
    "value": "float64",
    "year": "Int64",
    "baseline_value": "float64",
    "baseline_year": "Int64",
    "start": "int64",
    "end": "int64",
    "char_start": "int64",
    "char_end": "int64",
}

Results = Union[
    Extraction,
    Mapping[Hashable, Union[Extraction, InputError]],
    Iterable[Union[Extraction, InputError]],
    Iterable[Tuple[Hashable, Union[Extraction, InputError]]],
]


def to_pandas(results: Results, per: Literal["target", "quantity"] = "target") -> "pandas.DataFrame":
    """One row per target (`per="target"`) or per quantity (`per="quantity"`)
    of `results`, with the columns `COLUMNS`.

    `results` is one `Extraction`, a list of them (as `extract_many`
    returns; `document` is then the position in the list), a mapping from
    a document's name to its `Extraction`, or `(name, Extraction)` pairs.
    Errors that `extract_many(..., errors="return")` left in place give no
    rows. `value`, `unit`, `currency` and the span columns (`text`,
    `start`, `end` in UTF-8 bytes, `char_start`, `char_end` in characters)
    are the quantity's; per quantity, `metric`, `metric_id`, `year`,
    `status`, `comparator` and the baseline come from the first target that
    reads the quantity, and are empty where none does.

    Needs pandas (`pip install zhen-extract[pandas]`).
    """
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "zhen_extract.to_pandas needs pandas: pip install 'zhen-extract[pandas]'"
        ) from e
    if per not in ("target", "quantity"):
        raise ValueError(f'per must be "target" or "quantity", not {per!r}')
    rows: list[dict[str, Any]] = []
    for document, extraction in _documents(results):
        if per == "target":
            rows.extend(_row(document, t.quantity, t) for t in extraction.targets)
        else:
            by_span: dict[tuple[int, int], Target] = {}
            for t in extraction.targets:
                by_span.setdefault((t.quantity.span.start, t.quantity.span.end), t)
            for q in extraction.quantities:
                rows.append(_row(document, q, by_span.get((q.span.start, q.span.end))))
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype(_DTYPES)


def _documents(results: Results) -> Iterator[Tuple[Hashable, Extraction]]:
    if isinstance(results, Extraction):
        yield 0, results
        return
    if isinstance(results, Mapping):
        pairs: Iterable[Any] = results.items()
    else:
        pairs = (
            item if isinstance(item, tuple) and len(item) == 2 else (i, item)
            for i, item in enumerate(results)
        )
    for document, extraction in pairs:
        if isinstance(extraction, Extraction):
            yield document, extraction
        elif not isinstance(extraction, InputError):
            raise TypeError(f"expected an Extraction, got {type(extraction).__name__}")


def _row(document: Hashable, q: Quantity, t: "Target | None") -> dict[str, Any]:
    baseline = t.baseline if t is not None else None
    return {
        "document": document,
        "metric": t.metric if t else None,
        "metric_id": t.metric_id if t else None,
        "value": q.value,
        "unit": q.unit,
        "year": t.year if t else None,
        "status": t.status if t else None,
        "comparator": t.comparator if t else None,
        "currency": q.currency,
        "baseline_value": baseline.value if baseline else None,
        "baseline_year": baseline.year if baseline else None,
        "text": q.span.text,
        "start": q.span.start,
        "end": q.span.end,
        "char_start": q.span.char_start,
        "char_end": q.span.char_end,
    }
