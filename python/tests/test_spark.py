"""The Spark example on Spark in local mode (`local[2]`), over the seeds and
the development corpus, read as folders of files (with spark-submit, as a
user runs it), as a Parquet table and as a JSON Lines table: every record
equals the CLI's, field by field, and refused documents are the CLI's."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

import zhen_extract
from zhen_extract import tables

from conftest import CORPUS_DEV, SEEDS, cli_binary, documents, need, read

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "spark_corpus.py"
ALL_TABLES = (*tables.KINDS, "errors")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds and the development corpus in three folders, the third
    with two documents the extractor refuses."""
    need("pyspark")
    root = tmp_path_factory.mktemp("corpus")
    for name, src in [("seeds", SEEDS), ("dev", CORPUS_DEV)]:
        (root / name).mkdir()
        for p in documents(src):
            shutil.copy(p, root / name / p.name)
    (root / "refused").mkdir()
    (root / "refused" / "blank.txt").write_text("  \n", encoding="utf-8")
    (root / "refused" / "latin1.txt").write_bytes("到2025年达到2.6%".encode("utf-8") + b"\xe9t\xe9")
    return root


@pytest.fixture(scope="module")
def cli(corpus) -> tuple[dict[str, Any], set[str]]:
    """The CLI's records of the corpus by file name, and the files it refused."""
    run = subprocess.run(
        [str(cli_binary()), *(str(corpus / f) for f in ("seeds", "dev", "refused"))],
        capture_output=True,
    )
    assert run.returncode == 1  # the refused files
    records = {}
    for line in run.stdout.decode().splitlines():
        r = json.loads(line)
        records[Path(r.pop("doc")).name] = r
    refused = set(re.findall(r"([\w.]+\.txt):", run.stderr.decode()))
    assert refused == {"blank.txt", "latin1.txt"}
    return records, refused


def read_tables(out: Path) -> dict[str, list[dict[str, Any]]]:
    pq = need("pyarrow.parquet")
    return {t: pq.read_table(out / t).to_pylist() for t in ALL_TABLES}


def check_rows(got, records, texts, name=lambda doc: doc) -> None:
    """Every record of the CLI's, and no other, in the tables `got`, in
    its document's order, with spans that slice the file in bytes and in
    characters. `name` turns a `doc` value into the file name."""
    by_doc: dict[str, dict[str, list]] = defaultdict(lambda: {k: [] for k in tables.KINDS})
    for kind in tables.KINDS:
        assert got[kind], kind
        assert list(got[kind][0]) == [c.name for c in tables.columns(kind)], kind
        for row in got[kind]:
            by_doc[name(row["doc"])][kind].append(row)
    assert set(by_doc) <= set(records)
    for doc, record in records.items():
        data = texts[doc]
        text = data.decode("utf-8")
        for kind in tables.KINDS:
            rows = sorted(by_doc[doc][kind], key=lambda r: r["ordinal"])
            assert [r["ordinal"] for r in rows] == list(range(len(rows))), (doc, kind)
            assert [tables.json_form(kind, r) for r in rows] == record[kind], (doc, kind)
            for r in rows:
                assert data[r["span_start"] : r["span_end"]].decode("utf-8") == r["span_text"]
                assert text[r["span_char_start"] : r["span_char_end"]] == r["span_text"]


@pytest.fixture(scope="module")
def texts(corpus) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in corpus.rglob("*.txt")}


@pytest.fixture
def away_from_the_source(tmp_path, monkeypatch):
    """Spark's Python workers start in the JVM's working directory and
    import from it first: run where the source tree cannot shadow the
    installed package."""
    monkeypatch.chdir(tmp_path)


def load_example():
    spec = importlib.util.spec_from_file_location("spark_corpus", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_folders_of_files_with_spark_submit(corpus, cli, texts, tmp_path):
    need("pyspark")
    submit = Path(sys.executable).with_name("spark-submit")
    out = tmp_path / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    run = subprocess.run(
        [
            str(submit), "--master", "local[2]", str(EXAMPLE),
            str(corpus / "seeds"), str(corpus / "dev"), str(corpus / "refused"),
            "--output", str(out), "--partitions", "3", "--batch-size", "4",
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,  # Spark's Python workers import from their cwd first: not the source tree
    )
    assert run.returncode == 0, run.stderr[-5000:]
    records, refused = cli
    got = read_tables(out)
    check_rows(got, records, texts, name=lambda doc: Path(doc).name)
    # refused as the binding refuses them (the Latin-1 bytes: not UTF-8, or
    # named as another encoding where the library recognises one)
    expected = {}
    for doc in refused:
        with pytest.raises(zhen_extract.InputError) as e:
            zhen_extract.Extractor().extract(texts[doc])
        expected[doc] = type(e.value).__name__
    assert {Path(r["doc"]).name: r["error"] for r in got["errors"]} == expected
    assert expected["blank.txt"] == "EmptyInputError"
    summary = [line for line in run.stdout.splitlines() if line.startswith("quantities=")]
    counts = dict(kv.split("=") for kv in summary[-1].split())
    assert int(counts["errors"]) == 2 and int(counts["targets"]) > 100


def document_table(corpus) -> list[dict[str, Any]]:
    rows = []
    for p in sorted(corpus.rglob("*.txt")):
        raw = p.read_bytes()
        try:
            text: Any = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = None  # a table cannot hold it as a string: a null text, refused as empty
        rows.append({"name": p.name, "body": text})
    return rows


def test_a_parquet_table(corpus, cli, texts, tmp_path, away_from_the_source):
    pa, pq = need("pyarrow"), need("pyarrow.parquet")
    table = tmp_path / "docs.parquet"
    pq.write_table(pa.Table.from_pylist(document_table(corpus)), table)
    out = tmp_path / "out"
    load_example().main(
        [str(table), "--output", str(out), "--master", "local[2]", "--id-column", "name", "--text-column", "body"]
    )
    records, refused = cli
    # the Latin-1 file is a null text here: refused as empty
    got = read_tables(out)
    assert {r["doc"]: r["error"] for r in got["errors"]} == {
        "blank.txt": "EmptyInputError",
        "latin1.txt": "EmptyInputError",
    }
    check_rows(got, records, texts)


def test_a_json_lines_table(corpus, cli, texts, tmp_path, away_from_the_source):
    table = tmp_path / "docs.jsonl"
    with table.open("w", encoding="utf-8") as f:
        for row in document_table(corpus):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    load_example().main(
        [str(table), "--output", str(out), "--master", "local[2]", "--id-column", "name", "--text-column", "body",
         "--partitions", "2"]
    )
    records, _ = cli
    check_rows(read_tables(out), records, texts)



def test_the_clis_jsonl_mode_through_spark_pipe(corpus, cli, tmp_path, away_from_the_source):
    """The route without the binding: each partition's JSON Lines piped
    through `zhen-extract --jsonl FIELD`, one output line per input line."""
    SparkSession = need("pyspark.sql").SparkSession
    table = tmp_path / "docs.jsonl"
    with table.open("w", encoding="utf-8") as f:
        for row in document_table(corpus):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    spark = SparkSession.builder.master("local[2]").config("spark.ui.showConsoleProgress", "false").getOrCreate()
    try:
        lines = spark.sparkContext.textFile(str(table), minPartitions=3)
        piped = lines.pipe(f"{cli_binary()} --jsonl body")
        pairs = lines.zip(piped).collect()
    finally:
        spark.stop()
    records, refused = cli
    seen, errors = set(), set()
    for line, out in pairs:
        name, record = json.loads(line)["name"], json.loads(out)
        record.pop("doc")
        if "error" in record:
            errors.add(name)
            continue
        assert record == records[name], name
        seen.add(name)
    assert seen == set(records) and errors == refused
