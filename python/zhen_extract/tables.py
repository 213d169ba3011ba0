"""Records as flat table rows, one table per kind: the layout the Spark
example writes to Parquet, derived from the record dataclasses so the two
cannot drift apart.

A row of table `kind` holds `doc` (the document's name), `ordinal` (the
record's place in its document's list, from 0), then one column per field
of the record, nested records flattened with `_` (`span_start`,
`quantity_span_text`, `baseline_year`). Spans give four offsets:
`*_start` / `*_end` in UTF-8 bytes and `*_char_start` / `*_char_end` in
characters. A column is nullable where the field is optional.

>>> from zhen_extract import Extractor, tables
>>> out = Extractor().extract("到2025年研发投入强度达到2.6%")
>>> row = next(tables.rows("a.txt", out, "targets"))
>>> (row["doc"], row["metric_id"], row["quantity_value"], row["year"])
('a.txt', 'rd_intensity', 2.6, 2025)
>>> tables.json_form("targets", row) == out.targets[0].to_dict()
True
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, Iterator, Literal, Optional, Set, Tuple, Union

from ._records import Extraction, Institution, Quantity, Target, YearMention

__all__ = ["KINDS", "Column", "columns", "json_form", "rows"]

KINDS = ("quantities", "years", "targets", "institutions")
"""The tables, one per kind of record, named as the JSON form's lists."""

_RECORD = {"quantities": Quantity, "years": YearMention, "targets": Target, "institutions": Institution}

ColumnType = Literal["string", "long", "double", "boolean"]


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, its type (`string`, `long`,
    `double`, `boolean`) and whether it may be null."""

    name: str
    type: ColumnType
    nullable: bool


_SCALAR: Dict[type, ColumnType] = {str: "string", int: "long", float: "double", bool: "boolean"}


def _leaf_type(hint: Any) -> Tuple[Any, bool]:
    """The type inside `Optional[...]`, and whether it was optional."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (Union, getattr(types, "UnionType", Union)) and type(None) in args:
        inner = [a for a in args if a is not type(None)]
        return inner[0], True
    return hint, False


@dataclass(frozen=True)
class _Leaf:
    """A column and where its value sits in the record."""

    column: Column
    path: Tuple[str, ...]


@dataclass(frozen=True)
class _Node:
    """A nested record of a record: its field path and leaves, and whether
    it may be absent."""

    path: Tuple[str, ...]
    optional: bool


@lru_cache(maxsize=None)
def _layout(cls: type) -> Tuple[Tuple[_Leaf, ...], Tuple[_Node, ...]]:
    leaves: list[_Leaf] = []
    nodes: list[_Node] = []

    def walk(cls: type, path: Tuple[str, ...], nullable: bool) -> None:
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            hint, optional = _leaf_type(hints[f.name])
            here = path + (f.name,)
            if dataclasses.is_dataclass(hint):
                nodes.append(_Node(here, optional))
                walk(typing.cast(type, hint), here, nullable or optional)
                continue
            if typing.get_origin(hint) is Literal:
                hint = type(typing.get_args(hint)[0])
            leaves.append(_Leaf(Column("_".join(here), _SCALAR[hint], nullable or optional), here))

    walk(cls, (), False)
    return tuple(leaves), tuple(nodes)


def columns(kind: str) -> Tuple[Column, ...]:
    """The columns of table `kind` (one of `KINDS`), in order."""
    leaves, _ = _layout(_record_type(kind))
    return (Column("doc", "string", False), Column("ordinal", "long", False)) + tuple(
        leaf.column for leaf in leaves
    )


def rows(doc: str, extraction: Extraction, kind: str) -> Iterator[Dict[str, Any]]:
    """The rows of table `kind` for one document's records."""
    leaves, _ = _layout(_record_type(kind))
    for ordinal, record in enumerate(getattr(extraction, kind)):
        row: Dict[str, Any] = {"doc": doc, "ordinal": ordinal}
        for leaf in leaves:
            value: Any = record
            for name in leaf.path:
                value = getattr(value, name) if value is not None else None
            row[leaf.column.name] = value
        yield row


def json_form(kind: str, row: Dict[str, Any]) -> Dict[str, Any]:
    """The record's JSON form (what `to_dict()` and the CLI give) from a row
    of table `kind`: nested again, absent nested records and defaulted
    fields left out, character offsets dropped."""
    cls = _record_type(kind)
    leaves, nodes = _layout(cls)
    absent = {
        node.path
        for node in nodes
        if node.optional
        and all(row.get(leaf.column.name) is None for leaf in leaves if leaf.path[: len(node.path)] == node.path)
    }
    return _nest(cls, (), row, absent)


def _nest(
    cls: type, path: Tuple[str, ...], row: Dict[str, Any], absent: Set[Tuple[str, ...]]
) -> Dict[str, Any]:
    hints = typing.get_type_hints(cls)
    out: Dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.metadata.get("json", True):
            continue
        here = path + (f.name,)
        hint, _ = _leaf_type(hints[f.name])
        if dataclasses.is_dataclass(hint):
            value: Optional[Any] = None if here in absent else _nest(typing.cast(type, hint), here, row, absent)
        else:
            value = row["_".join(here)]
        if f.default is not dataclasses.MISSING and value == f.default:
            continue
        out[f.name] = value
    return out


def _record_type(kind: str) -> type:
    try:
        return _RECORD[kind]
    except KeyError:
        raise ValueError(f"kind is one of {', '.join(KINDS)}, not {kind!r}") from None
