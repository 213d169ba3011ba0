"""to_pandas: one row per target or per quantity."""

from __future__ import annotations

import pytest

from zhen_extract import to_pandas
from zhen_extract._pandas import COLUMNS

from conftest import need


def test_one_row_per_target(extractor, seed_texts):
    need("pandas")
    results = {name: extractor.extract(t) for name, t in seed_texts.items()}
    frame = to_pandas(results)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == sum(len(r.targets) for r in results.values())
    first = frame[frame.document == "002_dabf6494caeab1cf.txt"].iloc[0]
    t = results["002_dabf6494caeab1cf.txt"].targets[0]
    assert (first.metric, first.metric_id, first.value, first.unit, first.year, first.status) == (
        t.metric, t.metric_id, t.quantity.value, t.quantity.unit, t.year, t.status,
    )
    assert str(frame.year.dtype) == "Int64" and str(frame.value.dtype) == "float64"
    # a year the text does not give is missing, not a number
    yearless = [t for r in results.values() for t in r.targets if t.year is None]
    assert int(frame.year.isna().sum()) == len(yearless)


def test_one_row_per_quantity_with_its_target(extractor, seed_texts):
    need("pandas")
    texts = list(seed_texts.values())
    results = extractor.extract_many(texts)
    frame = to_pandas(results, per="quantity")
    assert len(frame) == sum(len(r.quantities) for r in results)
    assert set(frame.document) == set(range(len(texts)))
    tied = frame.dropna(subset=["status"])
    assert 0 < len(tied) < len(frame)
    for row in frame.itertuples():
        text = texts[row.document]
        assert text[row.char_start : row.char_end] == row.text
        assert text.encode()[row.start : row.end].decode() == row.text


def test_inputs_of_every_shape(extractor):
    need("pandas")
    one = extractor.extract("到2025年研发投入强度达到2.6%")
    assert list(to_pandas(one).document) == [0]
    assert list(to_pandas([("a", one), ("b", one)]).document) == ["a", "b"]
    mixed = extractor.extract_many(["到2025年研发投入强度达到2.6%", ""], errors="return")
    assert list(to_pandas(mixed).document) == [0]
    empty = to_pandas([])
    assert list(empty.columns) == list(COLUMNS) and len(empty) == 0
    with pytest.raises(ValueError):
        to_pandas(one, per="institution")
    with pytest.raises(TypeError):
        to_pandas(["not an extraction"])
