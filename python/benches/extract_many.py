"""How much faster `Extractor.extract_many` is than a loop of `extract`.

    python benches/extract_many.py [--seconds S] [--copies N] [FILE ...]

Both workloads run in one process, alternating round by round, so that the
load other processes put on a shared machine hits both alike; the figure
is the ratio of the median round times. Two inputs: the files given
(default: the repository's five seeds) once, and the same files repeated
`--copies` times, as a corpus of many documents looks.

Parallelism is over documents, so a batch cannot finish before its
longest document: the largest input's share of the work bounds the
speed-up, and the script prints that bound beside each figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path
from typing import Callable

import zhen_extract

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def rounds(workloads: dict[str, Callable[[], object]], seconds: float) -> dict[str, float]:
    """Median seconds per round of each workload, alternated."""
    times: dict[str, list[float]] = {name: [] for name in workloads}
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or min(map(len, times.values())) < 5:
        for name, work in workloads.items():
            start = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--seconds", type=float, default=10.0, help="per input set (default 10)")
    parser.add_argument("--copies", type=int, default=8, help="copies of the set for the corpus run")
    args = parser.parse_args()
    files = args.files or sorted(SEEDS.glob("*.txt"))
    texts = [f.read_bytes().decode("utf-8") for f in files]
    ex = zhen_extract.Extractor()
    ex.extract_many(texts)  # the shared rule tables and segmenter, built once

    # the time of each document alone gives the bound on the speed-up
    alone = [rounds({"one": lambda t=t: ex.extract(t)}, 0.2)["one"] for t in texts]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{len(texts)} documents, {sum(len(t.encode()) for t in texts)} bytes, {cores} cores")
    print(f"{'input':<22} {'loop of extract':>16} {'extract_many':>13} {'speed-up':>9} {'bound':>6}")
    for label, batch, copies in [
        ("the files once", texts, 1),
        (f"the files x{args.copies}", texts * args.copies, args.copies),
    ]:
        medians = rounds(
            {
                "loop": lambda b=batch: [ex.extract(t) for t in b],
                "many": lambda b=batch: ex.extract_many(b),
            },
            args.seconds,
        )
        total = sum(alone) * copies
        # longest-first over `cores` workers cannot beat the longest document
        bound = total / max(max(alone), total / cores)
        print(
            f"{label:<22} {medians['loop'] * 1e3:>13.1f} ms {medians['many'] * 1e3:>10.1f} ms"
            f" {medians['loop'] / medians['many']:>8.2f}x {bound:>5.2f}x"
        )


if __name__ == "__main__":
    main()
