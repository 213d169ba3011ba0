"""Errors: typed exceptions for each case of InputError and RuleError."""

from __future__ import annotations

import pickle

import pytest

from zhen_extract import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    Extractor,
    InputError,
    InputTooLargeError,
    NotUtf8Error,
    RuleError,
    ZhenExtractError,
)


def test_empty_and_blank_input(extractor):
    for text in ["", "  \n\t ", b""]:
        with pytest.raises(EmptyInputError) as e:
            extractor.extract(text)
        assert str(e.value) == "input is empty"
        assert e.value.index is None


def test_binary_input_names_the_byte_and_its_offset(extractor):
    # (a short text with a NUL can read as UTF-16: that is an EncodingError)
    text = "到2025年，研发投入强度达到2.6%"
    with pytest.raises(BinaryInputError) as e:
        extractor.extract(text + "\x00")
    assert (e.value.offset, e.value.byte) == (len(text.encode()), 0)
    assert "0x00" in str(e.value)


def test_bytes_that_are_not_utf8_name_the_first_bad_byte(extractor):
    with pytest.raises(NotUtf8Error) as e:
        extractor.extract(b"2025\xff")
    assert e.value.offset == 4
    assert str(e.value) == "input is not UTF-8: invalid byte at offset 4"


def test_text_in_another_encoding_is_named(extractor):
    with pytest.raises(EncodingError) as e:
        extractor.extract("\ufeff到2025年研发投入强度达到2.6%".encode("utf-16-le"))
    assert (e.value.encoding, e.value.clue) == ("UTF-16LE", "byte_order_mark")
    assert "UTF-16LE" in str(e.value)
    with pytest.raises(EncodingError) as e:
        extractor.extract("到2025年，全社会研发投入强度达到2.6%，科技型企业超过4.5万家。".encode("gbk"))
    assert (e.value.encoding, e.value.clue) == ("GBK", "decodes")


def test_a_str_with_a_lone_surrogate_is_not_utf8(extractor):
    text = b"2025\xff".decode("utf-8", "surrogateescape")
    with pytest.raises(NotUtf8Error) as e:
        extractor.extract(text)
    assert e.value.offset == 4
    assert isinstance(e.value.__cause__, UnicodeEncodeError)


def test_input_over_the_limit():
    ex = Extractor(max_input_bytes=10)
    assert ex.extract("2025年").years[0].start_year == 2025
    with pytest.raises(InputTooLargeError) as e:
        ex.extract("到2025年研发投入强度")
    assert (e.value.size, e.value.limit) == (len("到2025年研发投入强度".encode()), 10)


def test_a_bad_rule_row_names_its_table_and_line():
    with pytest.raises(RuleError) as e:
        Extractor(extra_rules={"units": "尾\tcount\t尾\t\t\tafter\t3万尾\t\n座\tno_such_unit\t座\t\t\tafter\t3座\t"})
    assert (e.value.table, e.value.line) == ("units", 2)
    assert e.value.message and e.value.message in str(e.value)
    with pytest.raises(RuleError) as e:
        Extractor(extra_rules={"no_such_table": "x"})
    assert e.value.table == "no_such_table"


def test_wrong_types_are_type_errors(extractor):
    for bad in [None, 2025, ["2025年"]]:
        with pytest.raises(TypeError):
            extractor.extract(bad)
    with pytest.raises(TypeError):
        Extractor(extra_rules=["units"])
    with pytest.raises(TypeError):
        Extractor(extra_rules={"units": 3})


def test_the_hierarchy():
    for cls in [NotUtf8Error, EmptyInputError, BinaryInputError, EncodingError, InputTooLargeError]:
        assert issubclass(cls, InputError)
    for cls in [InputError, RuleError]:
        assert issubclass(cls, ZhenExtractError) and issubclass(cls, ValueError)
    assert not issubclass(RuleError, InputError)


def test_errors_pickle_with_their_fields(extractor):
    with pytest.raises(BinaryInputError) as e:
        extractor.extract_many(["2025年", "a\x01b"])
    back = pickle.loads(pickle.dumps(e.value))
    assert type(back) is BinaryInputError
    assert (str(back), back.offset, back.byte, back.index) == (str(e.value), 1, 1, 1)
    with pytest.raises(RuleError) as r:
        Extractor(extra_rules={"units": "座\tno_such_unit\t座\t\t\tafter\t3座\t"})
    back = pickle.loads(pickle.dumps(r.value))
    assert (back.table, back.line, back.message) == (r.value.table, r.value.line, r.value.message)


def test_extract_many_raises_the_first_refused_document(extractor):
    texts = ["到2025年研发投入强度达到2.6%", "", "a\x00", b"\xff"]
    with pytest.raises(EmptyInputError) as e:
        extractor.extract_many(texts)
    assert e.value.index == 1
    with pytest.raises(BinaryInputError) as e:
        extractor.extract_many(texts[2:] + texts[:2])
    assert e.value.index == 0


def test_extract_many_can_return_errors_in_place(extractor):
    surrogate = b"\xff".decode("utf-8", "surrogateescape")
    texts = ["到2025年研发投入强度达到2.6%", "", surrogate, b"\xff", "科技型企业超过4.5万家。"]
    out = extractor.extract_many(texts, errors="return")
    assert [type(o).__name__ for o in out] == [
        "Extraction", "EmptyInputError", "NotUtf8Error", "NotUtf8Error", "Extraction",
    ]
    assert [getattr(o, "index", None) for o in out] == [None, 1, 2, 3, None]
    assert out[0] == extractor.extract(texts[0]) and out[4] == extractor.extract(texts[4])
    # a wrong type is the caller's mistake, not a document's: it always raises
    with pytest.raises(TypeError):
        extractor.extract_many(["2025年", 3], errors="return")
    with pytest.raises(ValueError):
        extractor.extract_many(["2025年"], errors="ignore")
    with pytest.raises(ValueError):
        extractor.extract_many(["2025年"], threads=0)
