"""The records `Extractor.extract` returns: frozen dataclasses with the field
names and values of `docs/EXTRACTION.md`.

Every record carries a `Span` with its byte offsets into the UTF-8 text
(`start`, `end`, as the Rust library and the CLI give them) and its
character offsets (`char_start`, `char_end`) for slicing a Python `str`:
`text[span.char_start:span.char_end] == span.text` and
`text.encode()[span.start:span.end] == span.text.encode()`.

`to_dict()` gives the JSON form the CLI writes: a field that has a default
here (`currency`, `relative`, `metric_id`, `year`, `baseline`, ...) is left
out when it holds that default, as the library's serializer leaves it out
(these fields are keyword-only), keys come in the CLI's order, and the
character offsets, which the JSON form does not carry, are left
out too.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Tuple

__all__ = [
    "Baseline",
    "Comparator",
    "Extraction",
    "Institution",
    "InstitutionKind",
    "Quantity",
    "Span",
    "Status",
    "Target",
    "Unit",
    "YearKind",
    "YearMention",
]

Unit = Literal["percent", "percentage_point", "currency", "count", "area", "other", "number"]
"""What a quantity counts or measures."""

YearKind = Literal["year", "range", "plan_period", "date"]
"""The shape of a year mention."""

Comparator = Literal["gt", "gte", "eq", "approx", "lt", "lte"]
"""How a target's value bounds its metric."""

Status = Literal["target", "actual"]
"""A goal, or a reported figure."""

InstitutionKind = Literal[
    "lab", "science_city", "zone", "park", "center", "institute", "university", "other"
]
"""The kind of an institution, from its suffix."""

_NOT_IN_JSON = {"json": False}


def _json(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    return value


class _Record:
    """What every record shares: its JSON form."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the record, as the CLI writes it."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            if not f.metadata.get("json", True):
                continue
            value = getattr(self, f.name)
            if f.default is not dataclasses.MISSING and value == f.default:
                continue
            out[f.name] = _json(value)
        return out


@dataclass(frozen=True, slots=True)
class Span(_Record):
    """Where a mention is written, and the text written there."""

    start: int
    """Byte offset of the first byte in the UTF-8 text."""
    end: int
    """Byte offset one past the last byte."""
    text: str
    """The mention as written."""
    char_start: int = field(metadata=_NOT_IN_JSON)
    """Index of the first character in the `str`."""
    char_end: int = field(metadata=_NOT_IN_JSON)
    """Index one past the last character."""


@dataclass(frozen=True, slots=True)
class Quantity(_Record):
    """A number with its unit (EXTRACTION.md section 1)."""

    span: Span
    value: float
    """The value, fully scaled: `4.5万` is 45000, `1200亿元` is 1.2e11."""
    unit: Unit
    currency: Optional[str] = field(default=None, kw_only=True)
    """ISO 4217 code where `unit` is `currency`."""
    classifier: str
    """The counter or unit word, normalised to simplified; may be empty."""
    rule: str
    """The rule-table row that recognised the unit."""


@dataclass(frozen=True, slots=True)
class YearMention(_Record):
    """A year, range, plan period or dated day (EXTRACTION.md section 2)."""

    span: Span
    start_year: int
    end_year: int
    kind: YearKind
    relative: bool = field(default=False, kw_only=True)
    """True for `今年` / `this year`, resolved from the reference year."""


@dataclass(frozen=True, slots=True)
class Baseline(_Record):
    """The value and year a goal starts from."""

    value: float
    year: Optional[int] = field(default=None, kw_only=True)
    span: Optional[Span] = field(default=None, kw_only=True)


@dataclass(frozen=True, slots=True)
class Target(_Record):
    """A metric tied to a quantity: a goal or a reported figure
    (EXTRACTION.md section 3)."""

    span: Span
    metric: str
    """The indicator as written, trimmed of verbs, comparators and frames."""
    metric_span: Span
    metric_id: Optional[str] = field(default=None, kw_only=True)
    """The canonical key of the metric, where a rule-table row knows it."""
    quantity: Quantity
    comparator: Comparator
    year: Optional[int] = field(default=None, kw_only=True)
    """The deadline of a goal or the year of a reported figure."""
    status: Status
    baseline: Optional[Baseline] = field(default=None, kw_only=True)


@dataclass(frozen=True, slots=True)
class Institution(_Record):
    """A named body or place of the innovation system, or a category of them
    (EXTRACTION.md section 4)."""

    span: Span
    name: str
    """The full name, normalised (simplified, half-width)."""
    kind: InstitutionKind
    generic: bool
    """True for a category rather than one body."""
    canonical_id: Optional[str] = field(default=None, kw_only=True)
    """One key for every language and script of the same body."""


@dataclass(frozen=True, slots=True)
class Extraction(_Record):
    """Everything extracted from one document, each kind in span order."""

    quantities: Tuple[Quantity, ...]
    years: Tuple[YearMention, ...]
    targets: Tuple[Target, ...]
    institutions: Tuple[Institution, ...]
