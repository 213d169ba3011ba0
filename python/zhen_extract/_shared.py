"""Extractors unpickled in a process are shared: one per set of options.

`Extractor` pickles as its options and unpickles through `shared`, so
every task that a process pool or a Spark executor hands a pickled
extractor to reuses the one built in that process, instead of building
(and, with `extra_rules`, compiling rule tables) once per task. Sharing
is safe: an extractor is immutable.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional, Tuple

from ._native import Extractor


@lru_cache(maxsize=32)
def shared(
    reference_year: Optional[int],
    all_numbers: bool,
    extra_rules: Tuple[Tuple[str, str], ...],
    max_input_bytes: int,
) -> Extractor:
    """The process's extractor with these options, built on first use."""
    return Extractor(reference_year, all_numbers, dict(extra_rules), max_input_bytes=max_input_bytes)
