"""Typed errors, one class per case of the library's `InputError` and
`RuleError`.

Text that merely holds nothing to extract is never an error; input that is
not text, and rule rows that do not parse, are.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple

__all__ = [
    "BinaryInputError",
    "EmptyInputError",
    "EncodingError",
    "InputError",
    "InputTooLargeError",
    "NotUtf8Error",
    "RuleError",
    "ZhenExtractError",
]


class ZhenExtractError(Exception):
    """The base of every error this package raises."""

    _fields: Tuple[str, ...] = ()

    def __reduce__(self) -> Tuple[Any, ...]:
        # pickled with every constructor argument (process pools, Spark)
        args = (str(self), *(getattr(self, f) for f in self._fields))
        return (type(self), args, self.__dict__)


class InputError(ZhenExtractError, ValueError):
    """An input the extractor refuses (the library's `InputError`).

    `index` is the input's position in the batch where `extract_many`
    raised or returned the error, else None.
    """

    index: Optional[int]

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.index = None


class NotUtf8Error(InputError):
    """The input is not UTF-8 text.

    For `bytes`, `offset` is the byte offset of the first byte that is not
    UTF-8; for a `str`, the index of the first character UTF-8 cannot
    encode (a lone surrogate, as `errors="surrogateescape"` leaves).
    """

    offset: int
    _fields = ("offset",)

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


class EmptyInputError(InputError):
    """The input has no characters, or only white space."""


class BinaryInputError(InputError):
    """The input holds NUL or other control bytes that text does not;
    `offset` is the byte offset of the first, `byte` its value."""

    offset: int
    byte: int
    _fields = ("offset", "byte")

    def __init__(self, message: str, offset: int, byte: int) -> None:
        super().__init__(message)
        self.offset = offset
        self.byte = byte


class EncodingError(InputError):
    """The bytes are text in another encoding than UTF-8: convert them
    first. `encoding` is its name as the WHATWG Encoding Standard spells it
    (`UTF-16LE`, `GBK`, `Big5`; or `UTF-32LE` / `UTF-32BE`); `clue` says
    what gave it away: `byte_order_mark`, `nul_pattern` (every other byte
    NUL, as in UTF-16 of mostly ASCII text) or `decodes` (the bytes decode
    in that encoding without a single error)."""

    encoding: str
    clue: str
    _fields = ("encoding", "clue")

    def __init__(self, message: str, encoding: str, clue: str) -> None:
        super().__init__(message)
        self.encoding = encoding
        self.clue = clue


class InputTooLargeError(InputError):
    """The input is larger than the extractor's `max_input_bytes`;
    `size` is its length in UTF-8 bytes."""

    size: int
    limit: int
    _fields = ("size", "limit")

    def __init__(self, message: str, size: int, limit: int) -> None:
        super().__init__(message)
        self.size = size
        self.limit = limit


class RuleError(ZhenExtractError, ValueError):
    """A rule row given in `extra_rules` that could not be read: the table,
    the 1-based line of the text given for it, and what is wrong."""

    table: str
    line: int
    message: str
    _fields = ("table", "line", "message")

    def __init__(self, message: str, table: str, line: int, reason: str) -> None:
        super().__init__(message)
        self.table = table
        self.line = line
        self.message = reason
