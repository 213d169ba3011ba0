"""Threads: extract_many keeps the order of its inputs and gives what a
loop of extract gives; both release the GIL; one extractor is shared by
many Python threads."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest


def test_extract_many_gives_a_loop_of_extract_in_input_order(extractor, corpus_texts):
    names = sorted(corpus_texts)
    random.Random(7).shuffle(names)
    texts = [corpus_texts[n] for n in names] * 2
    expected = [extractor.extract(t) for t in texts]
    for threads in (None, 1, 2, 3, 64):
        assert extractor.extract_many(texts, threads=threads) == expected, threads
    # any iterable, bytes among str
    mixed = (t.encode() if i % 3 == 0 else t for i, t in enumerate(texts))
    assert extractor.extract_many(mixed) == expected
    assert extractor.extract_many([]) == []


def test_one_extractor_is_shared_by_python_threads(extractor, corpus_texts):
    texts = list(corpus_texts.values())
    expected = [extractor.extract(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(2):
            assert list(pool.map(extractor.extract, texts)) == expected
        batches = [pool.submit(extractor.extract_many, texts, threads=2) for _ in range(3)]
        assert all(b.result() == expected for b in batches)


def other_thread_progress(work) -> tuple[int, float]:
    """How often another Python thread got to run during `work()`, and how
    long `work()` took."""
    ticks = 0
    stop = threading.Event()

    def tick() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.0005)

    t = threading.Thread(target=tick)
    t.start()
    time.sleep(0.05)
    before = ticks
    start = time.perf_counter()
    work()
    took = time.perf_counter() - start
    during = ticks - before
    stop.set()
    t.join()
    return during, took


@pytest.mark.parametrize("call", ["extract", "extract_many"])
def test_the_gil_is_released_while_rust_works(extractor, seed_texts, call):
    big = seed_texts["003_7c5119c96a1bd42c.txt"] * 4
    if call == "extract":
        work = lambda: extractor.extract(big)  # noqa: E731
    else:
        work = lambda: extractor.extract_many([big, big], threads=1)  # noqa: E731
    ticks, took = other_thread_progress(work)
    # holding the GIL, the Rust work would let the ticker run at most at
    # the call's start and end; released, it ticks all through the call
    assert took > 0.05, "too short to tell"
    assert ticks >= 10, (ticks, took)
