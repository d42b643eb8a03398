"""Checks of a streaming upload's input: what the source hands out, and the validating first
pass of ``validate_first`` (every product read, only the problems kept)."""

from __future__ import annotations

from collections.abc import AsyncIterable, Iterable

from .._exceptions import InvalidInputError
from ..models._fields import got
from ..models.validation import check_container
from ._encoding import Problem, encode_product, partial_hint
from ._results import PROBLEMS_LISTED_LIMIT


def check_source(source: object, *, asynchronous: bool) -> None:
    """Refuse a single product, or anything the loop could not iterate, before reading it."""
    if asynchronous and isinstance(source, AsyncIterable):
        return
    check_container(source, "products")
    if not isinstance(source, Iterable):
        raise InvalidInputError(
            f"expected an iterable of products; got {got(source)} (an async iterable needs "
            "AsyncNostoClient)"
        )


class StreamCheck:
    """The first pass of a two-pass streaming upsert: validate and measure every product,
    keeping only the problems, then raise them all as one `InvalidInputError`."""

    def __init__(self, *, partial: bool, max_bytes: int) -> None:
        self._partial = partial
        self._max_bytes = max_bytes
        self._read = 0
        self._bad = 0
        self._missing_field = False
        self._problems: list[Problem] = []
        self._unlisted = 0

    def add(self, item: object) -> None:
        product = encode_product(self._read, item, partial=self._partial, max_bytes=self._max_bytes)
        self._read += 1
        if product.encoded is not None:
            return
        self._bad += 1
        self._missing_field = self._missing_field or product.missing_field
        room = PROBLEMS_LISTED_LIMIT - len(self._problems)
        self._problems += product.problems[:room]
        self._unlisted += max(0, len(product.problems) - room)

    @property
    def read(self) -> int:
        """How many products were read."""
        return self._read

    def raise_if_invalid(self) -> None:
        """Raise `InvalidInputError` naming the bad products, if there were any."""
        if not self._bad:
            return
        problems = list(self._problems)
        if self._unlisted:
            problems.append(("...", f"{self._unlisted} more problems not listed"))
        hint = partial_hint(missing_field=self._missing_field, partial=self._partial)
        raise InvalidInputError(
            f"{self._bad} of {self._read} products failed validation{hint}", problems
        )
