"""Shared fixtures: the repository's documents, and the CLI's records of
them (the reference every binding record must equal)."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import zhen_extract

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
# the development part of the corpus only: fixtures/corpus/scored is never read
CORPUS_DEV = REPO / "fixtures" / "corpus" / "dev"


def need(module: str) -> ModuleType:
    """Imports an optional dependency; a missing one skips the test, except
    in CI (`CI` set), where everything must be installed and run."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"{module} is not installed")


def documents(folder: Path) -> list[Path]:
    """The `.txt` files of a folder, sorted by name, as the CLI reads them."""
    return sorted(p for p in folder.iterdir() if p.suffix == ".txt" and p.is_file())


def read(path: Path) -> str:
    """A document's text exactly as its bytes say (`read_text` would turn
    `\r\n` into `\n` and shift every span after it)."""
    return path.read_bytes().decode("utf-8")


@lru_cache(maxsize=None)
def cli_binary() -> Path:
    """The CLI built from this checkout (`ZHEN_EXTRACT_CLI` overrides):
    `cargo build` is a no-op when it is up to date."""
    given = os.environ.get("ZHEN_EXTRACT_CLI")
    if given:
        return Path(given)
    out = subprocess.run(
        ["cargo", "build", "--quiet", "--bin", "zhen-extract", "--message-format=json"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("executable"):
            if msg["target"]["name"] == "zhen-extract":
                return Path(msg["executable"])
    raise RuntimeError("cargo built no zhen-extract executable")


def cli_records(*paths: Path, args: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """The CLI's record of each document under `paths`, by file name,
    without its `doc` field."""
    out = subprocess.run(
        [str(cli_binary()), *args, *map(str, paths)],
        check=True,
        capture_output=True,
    ).stdout
    records = {}
    for line in out.decode("utf-8").splitlines():
        record = json.loads(line)
        records[Path(record.pop("doc")).name] = record
    return records


@pytest.fixture(scope="session")
def extractor() -> zhen_extract.Extractor:
    return zhen_extract.Extractor()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: read(p) for p in documents(SEEDS)}


@pytest.fixture(scope="session")
def corpus_texts() -> dict[str, str]:
    """The seeds and the development corpus, by file name."""
    paths = documents(SEEDS) + documents(CORPUS_DEV)
    return {p.name: read(p) for p in paths}


@pytest.fixture(scope="session")
def cli_corpus() -> dict[str, dict[str, Any]]:
    return cli_records(SEEDS, CORPUS_DEV)
