"""The package as shipped: its doctests, its type stubs against the
extension module, and the table layout its README documents."""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
from pathlib import Path

import zhen_extract
from zhen_extract import tables

from conftest import need

PACKAGE = Path(zhen_extract.__file__).parent
README = Path(__file__).resolve().parents[1] / "README.md"


def test_doctests():
    for module in (zhen_extract, tables):
        failed, tried = doctest.testmod(module)
        assert tried > 0 and failed == 0, module.__name__


def test_the_package_ships_stubs_and_the_typed_marker():
    assert (PACKAGE / "py.typed").is_file()
    assert (PACKAGE / "_native.pyi").is_file()


def test_the_stubs_match_the_extension_module(tmp_path):
    need("mypy")
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "zhen_extract._native", "--ignore-missing-stub"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_typed_use_checks_under_mypy_strict(tmp_path):
    need("mypy")
    use = tmp_path / "use.py"
    use.write_text(
        "from zhen_extract import Extractor, Extraction, InputError, Target, tables\n"
        "ex = Extractor(reference_year=2024, extra_rules={'units': ''})\n"
        "out: Extraction = ex.extract('到2025年研发投入强度达到2.6%')\n"
        "t: Target = out.targets[0]\n"
        "year: int | None = t.year\n"
        "many: list[Extraction] = ex.extract_many(['a', b'b'])\n"
        "mixed: list[Extraction | InputError] = ex.extract_many(['a'], errors='return')\n"
        "names: list[str] = [c.name for c in tables.columns('targets')]\n",
        encoding="utf-8",
    )
    def mypy(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", *args], capture_output=True, text=True, cwd=tmp_path
        )

    for args in ([str(use)], ["-p", "zhen_extract"]):
        run = mypy(*args)
        assert run.returncode == 0, run.stdout + run.stderr
    # and the stubs are what mypy reads: a wrong type is caught
    wrong = tmp_path / "wrong.py"
    wrong.write_text("from zhen_extract import Extractor\nx: int = Extractor().extract('a')\n", encoding="utf-8")
    assert "Extraction" in mypy(str(wrong)).stdout


def test_the_readme_documents_every_column_of_every_table():
    text = README.read_text(encoding="utf-8")
    for kind in tables.KINDS:
        section = re.search(rf"^`{kind}`: (.+)$", text, re.M)
        assert section, f"README lists no columns for {kind}"
        listed = re.findall(r"`(\w+)`", section.group(1))
        assert listed == [c.name for c in tables.columns(kind)], kind
