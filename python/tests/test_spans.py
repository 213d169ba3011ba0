"""Spans slice the input in UTF-8 bytes and, for a `str`, in characters."""

from __future__ import annotations

from typing import Iterator

from zhen_extract import Extraction, Span


def spans(out: Extraction) -> Iterator[Span]:
    for q in out.quantities:
        yield q.span
    for y in out.years:
        yield y.span
    for t in out.targets:
        yield from (t.span, t.metric_span, t.quantity.span)
        if t.baseline is not None and t.baseline.span is not None:
            yield t.baseline.span
    for i in out.institutions:
        yield i.span


def check(text: str, out: Extraction) -> int:
    data = text.encode("utf-8")
    n = 0
    for s in spans(out):
        assert data[s.start : s.end].decode("utf-8") == s.text, s
        assert text[s.char_start : s.char_end] == s.text, s
        # the two offsets name the same place
        assert len(text[: s.char_start].encode("utf-8")) == s.start, s
        assert len(text[: s.char_end].encode("utf-8")) == s.end, s
        n += 1
    return n


def test_every_span_of_the_corpus_slices_in_bytes_and_in_characters(extractor, corpus_texts):
    total = 0
    for name, text in corpus_texts.items():
        total += check(text, extractor.extract(text))
    assert total > 1000


def test_spans_count_four_byte_characters_once(extractor):
    # astral characters (4 UTF-8 bytes, 1 Python character) before and among mentions
    text = "🚀𝔸 到2025年，𠀋科技型企業超過4.5 萬家；研发投入强度达到2.6%，金鳳實驗室🚀。"
    out = extractor.extract(text)
    assert check(text, out) >= 5
    q = out.quantities[0]
    assert (q.span.text, q.span.char_start) == ("4.5 萬家", text.index("4.5"))
    assert q.span.start == len(text[: text.index("4.5")].encode("utf-8"))
    assert q.span.start - q.span.char_start > 10


def test_bytes_input_gives_the_same_spans(extractor):
    text = "𝔸 2021—2025年，科技型企业超过4.5万家。"
    from_str = extractor.extract(text)
    from_bytes = extractor.extract(text.encode("utf-8"))
    assert from_bytes == from_str
    assert extractor.extract(bytearray(text.encode("utf-8"))) == from_str
    check(text, from_bytes)


def test_line_ends_are_kept_as_written(extractor):
    text = "前言\r\n到2025年，科技型企业超过4.5万家。\r\n"
    out = extractor.extract(text)
    check(text, out)
    assert out.quantities[0].span.start == text.encode().index("4.5".encode())
