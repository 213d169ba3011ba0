"""Records: the binding gives what the CLI gives, field for field."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

import zhen_extract
from zhen_extract import Extraction, Extractor, Institution, Quantity, Target, YearMention

from conftest import CORPUS_DEV, SEEDS, cli_records

KINDS = ("quantities", "years", "targets", "institutions")


def test_every_seed_and_corpus_document_gives_the_clis_records(extractor, corpus_texts, cli_corpus):
    assert set(corpus_texts) == set(cli_corpus)
    for name, text in corpus_texts.items():
        got = extractor.extract(text).to_dict()
        assert got == cli_corpus[name], name
        # bytes are read as the CLI reads a file
        assert extractor.extract(text.encode("utf-8")).to_dict() == got, name


def test_options_give_the_records_of_the_same_cli_options(corpus_texts):
    cli = cli_records(SEEDS, CORPUS_DEV, args=("--reference-year", "2024", "--all-numbers"))
    extractor = Extractor(reference_year=2024, all_numbers=True)
    relative = numbers = 0
    for name, text in corpus_texts.items():
        out = extractor.extract(text)
        assert out.to_dict() == cli[name], name
        relative += sum(y.relative for y in out.years)
        numbers += sum(q.unit == "number" for q in out.quantities)
    # the options changed something to compare
    assert relative > 0 and numbers > 0


def test_json_form_keeps_the_clis_key_order(extractor, seed_texts, cli_corpus):
    for name, text in seed_texts.items():
        got = extractor.extract(text).to_dict()
        for kind in KINDS:
            for mine, cli in zip(got[kind], cli_corpus[name][kind]):
                assert list(mine) == list(cli), (name, kind)


def test_records_are_frozen_dataclasses_with_the_fields_of_extraction_md(extractor, seed_texts):
    out = extractor.extract(seed_texts["003_7c5119c96a1bd42c.txt"])
    assert isinstance(out, Extraction)
    kinds = {"quantities": Quantity, "years": YearMention, "targets": Target, "institutions": Institution}
    for kind, cls in kinds.items():
        records = getattr(out, kind)
        assert isinstance(records, tuple) and records, kind
        assert all(type(r) is cls for r in records)
        assert dataclasses.is_dataclass(cls)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(records[0], "span", None)
    fields = {f.name for f in dataclasses.fields(Target)}
    assert fields == {
        "span", "metric", "metric_span", "metric_id", "quantity", "comparator", "year", "status", "baseline",
    }
    assert {f.name for f in dataclasses.fields(Quantity)} == {
        "span", "value", "unit", "currency", "classifier", "rule",
    }
    assert {f.name for f in dataclasses.fields(YearMention)} == {
        "span", "start_year", "end_year", "kind", "relative",
    }
    assert {f.name for f in dataclasses.fields(Institution)} == {
        "span", "name", "kind", "generic", "canonical_id",
    }
    # records compare and hash by value: the same text gives equal results
    again = extractor.extract(seed_texts["003_7c5119c96a1bd42c.txt"])
    assert again == out and hash(again) == hash(out)


def test_the_issues_example_prints_a_target(tmp_path):
    code = "import zhen_extract; print(zhen_extract.Extractor().extract('到2025年研发投入强度达到2.6%'))"
    # run away from the source tree, so the installed package is imported
    shown = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=tmp_path
    ).stdout
    assert "Target(" in shown and "metric='研发投入强度'" in shown and "year=2025" in shown
    t = Extractor().extract("到2025年研发投入强度达到2.6%").targets[0]
    assert (t.metric_id, t.quantity.value, t.quantity.unit, t.comparator, t.status) == (
        "rd_intensity", 2.6, "percent", "eq", "target",
    )


def test_extra_rules_reach_the_recognizers():
    ex = Extractor(
        extra_rules={
            "metrics": "rd_personnel_density\t每万人研发人员数\t每万人研发人员数",
            "gazetteer": "yubei_lab\tlab\tno\t渝北实验室|Yubei Laboratory\t渝北實驗室",
        }
    )
    out = ex.extract("到2025年，每万人研发人员数达到60人。加快建设渝北實驗室。")
    assert out.targets[0].metric_id == "rd_personnel_density"
    assert out.institutions[0].canonical_id == "yubei_lab"
    shipped = Extractor().extract("加快建设渝北實驗室。")
    assert all(i.canonical_id != "yubei_lab" for i in shipped.institutions)
    assert ex.extra_rules == {
        "metrics": "rd_personnel_density\t每万人研发人员数\t每万人研发人员数",
        "gazetteer": "yubei_lab\tlab\tno\t渝北实验室|Yubei Laboratory\t渝北實驗室",
    }


def test_options_are_kept_and_shown():
    ex = Extractor(2024, True, max_input_bytes=1000)
    assert (ex.reference_year, ex.all_numbers, ex.extra_rules, ex.max_input_bytes) == (2024, True, {}, 1000)
    assert repr(ex) == "Extractor(reference_year=2024, all_numbers=True, max_input_bytes=1000)"
    assert repr(Extractor()) == "Extractor(reference_year=None, all_numbers=False)"
    assert Extractor().max_input_bytes == 64 << 20


def test_an_extractor_pickles_as_its_options_and_unpickles_shared():
    import pickle

    ex = Extractor(2023, extra_rules={"units": "尾\tcount\t尾\t\t\tafter\t3万尾\t"}, max_input_bytes=5000)
    data = pickle.dumps(ex)
    back = pickle.loads(data)
    assert (back.reference_year, back.all_numbers, back.extra_rules, back.max_input_bytes) == (
        2023, False, ex.extra_rules, 5000,
    )
    assert back.extract("放流鱼苗3万尾").quantities[0].classifier == "尾"
    # every task unpickling the same options in a process gets one extractor
    assert pickle.loads(data) is back
    assert pickle.loads(pickle.dumps(Extractor())) is not back


def test_the_package_exports_what_it_documents():
    for name in zhen_extract.__all__:
        assert hasattr(zhen_extract, name), name
    assert zhen_extract.Extractor.__module__ == "zhen_extract"
