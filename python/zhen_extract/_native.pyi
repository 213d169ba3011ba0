"""Type stubs of the extension module (its classes are re-exported by
`zhen_extract`)."""

from typing import Callable, Iterable, Literal, Mapping, final, overload

from ._errors import InputError
from ._records import Extraction

@final
class Extractor:
    """Extracts quantities, years, targets and institutions from policy
    text in simplified Chinese, traditional Chinese and English."""

    def __new__(
        cls,
        reference_year: int | None = None,
        all_numbers: bool = False,
        extra_rules: Mapping[str, str] | None = None,
        *,
        max_input_bytes: int | None = None,
    ) -> Extractor: ...
    @property
    def reference_year(self) -> int | None: ...
    @property
    def all_numbers(self) -> bool: ...
    @property
    def extra_rules(self) -> dict[str, str]: ...
    @property
    def max_input_bytes(self) -> int: ...
    def extract(self, text: str | bytes | bytearray) -> Extraction: ...
    @overload
    def extract_many(
        self,
        texts: Iterable[str | bytes | bytearray],
        *,
        errors: Literal["raise"] = "raise",
        threads: int | None = None,
    ) -> list[Extraction]: ...
    @overload
    def extract_many(
        self,
        texts: Iterable[str | bytes | bytearray],
        *,
        errors: Literal["return"],
        threads: int | None = None,
    ) -> list[Extraction | InputError]: ...
    def __reduce__(
        self,
    ) -> tuple[
        Callable[..., Extractor],
        tuple[int | None, bool, tuple[tuple[str, str], ...], int],
    ]: ...
