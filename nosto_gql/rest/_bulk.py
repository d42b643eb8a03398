"""Bulk uploads: split items into requests under Nosto's size cap, and report per item.

Pure functions shared by the sync and async resources; no I/O here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .._exceptions import (
    AuthenticationError,
    BadRequestError,
    InvalidInputError,
    NostoError,
)
from .._facts import MAX_PAYLOAD_BYTES
from ._results import ItemOutcome, ItemStatus


@dataclass(frozen=True, slots=True)
class Encoded:
    """One item ready to travel: its id, its JSON, and its position in the input."""

    item_id: str
    body: bytes
    index: int | None = None


@dataclass(frozen=True)
class Batch:
    """Items that travel in one request, with the encoded body (a JSON array, or an object
    wrapping one), and each item's position in the input when known."""

    item_ids: tuple[str, ...]
    body: bytes
    indexes: tuple[int | None, ...] = ()

    def items(self) -> Iterator[tuple[str, int | None]]:
        """``(item_id, index)`` of each item, in order."""
        indexes = self.indexes or (None,) * len(self.item_ids)
        return zip(self.item_ids, indexes, strict=True)


def size_problem(encoded: bytes, *, max_bytes: int, overhead: int = 2) -> str | None:
    """Why one encoded item cannot travel even alone in a request, or None when it can."""
    size = len(encoded) + overhead
    return f"serialised size {size} > {max_bytes} bytes" if size > max_bytes else None


def _shortened(item_id: str, limit: int = 80) -> str:
    # An id that is itself the oversized part would make the message megabytes long.
    return item_id if len(item_id) <= limit else f"{item_id[:limit]}... ({len(item_id)} chars)"


def check_item_sizes(
    items: Iterable[Encoded], *, max_bytes: int, overhead: int = 2, hint: str = "shorten them"
) -> None:
    """Raise `InvalidInputError` naming every item that alone would exceed the request cap.

    ``overhead`` is the size of what encloses the items (``[`` and ``]`` by default).
    """
    too_big = [
        (_shortened(item.item_id), problem)
        for item in items
        if (problem := size_problem(item.body, max_bytes=max_bytes, overhead=overhead))
    ]
    if too_big:
        raise InvalidInputError(
            f"{len(too_big)} item(s) alone are over Nosto's {max_bytes}-byte cap, the request "
            f"cap: {hint}",
            too_big,
        )


class BatchPacker:
    """Fills one request body at a time: `add` an item, get back the full batch it did not fit
    in (if any); `flush` at the end. Holds at most one body's worth of items.

    Each body is ``prefix + separator.join(items) + suffix``: a JSON array by default, e.g.
    ``b'{"products":['`` and ``b']}'`` for an object wrapping the array, or lines with no
    wrapper (``b""``, ``b""``, ``b"\\n"``); wrapper and separators count against the cap.
    An item over the cap on its own raises `InvalidInputError` rather than being sent
    (callers that report such items per item check `size_problem` first).
    """

    def __init__(
        self,
        *,
        max_bytes: int = MAX_PAYLOAD_BYTES,
        max_items: int | None = None,
        prefix: bytes = b"[",
        suffix: bytes = b"]",
        separator: bytes = b",",
    ) -> None:
        self._max_bytes = max_bytes
        self._max_items = max_items
        self._prefix = prefix
        self._suffix = suffix
        self._separator = separator
        self._overhead = len(prefix) + len(suffix)
        self._ids: list[str] = []
        self._indexes: list[int | None] = []
        self._parts: list[bytes] = []
        self._size = self._overhead

    def discard(self) -> list[tuple[str, int | None]]:
        """Empty the packer, returning ``(item_id, index)`` of the items it held (added but
        not yet handed out in a batch), which will not be sent."""
        pending = list(zip(self._ids, self._indexes, strict=True))
        self._reset()
        return pending

    def _reset(self) -> None:
        self._ids, self._indexes, self._parts, self._size = [], [], [], self._overhead

    def add(self, item_id: str, encoded: bytes, index: int | None = None) -> Batch | None:
        item = Encoded(item_id, encoded, index)
        check_item_sizes([item], max_bytes=self._max_bytes, overhead=self._overhead)
        full = None
        at_count_limit = self._max_items is not None and len(self._parts) >= self._max_items
        joined = len(self._separator) + len(encoded)
        if self._parts and (at_count_limit or self._size + joined > self._max_bytes):
            full = self.flush()
        self._size += joined if self._parts else len(encoded)
        self._ids.append(item_id)
        self._indexes.append(index)
        self._parts.append(encoded)
        return full

    def flush(self) -> Batch | None:
        """The batch being filled, if it holds anything; the packer starts a new one."""
        if not self._parts:
            return None
        body = self._prefix + self._separator.join(self._parts) + self._suffix
        batch = Batch(tuple(self._ids), body, tuple(self._indexes))
        self._reset()
        return batch


def plan_batches(
    items: Iterable[Encoded],
    *,
    max_bytes: int = MAX_PAYLOAD_BYTES,
    max_items: int | None = None,
    prefix: bytes = b"[",
    suffix: bytes = b"]",
    separator: bytes = b",",
) -> Iterator[Batch]:
    """Pack encoded items, in order, into bodies of at most ``max_bytes`` bytes and at most
    ``max_items`` items (see `BatchPacker`). Holds one batch in memory at a time. Callers check
    sizes first (`check_item_sizes` with the same overhead); an item over the cap met here
    anyway is still refused rather than sent.
    """
    packer = BatchPacker(
        max_bytes=max_bytes, max_items=max_items, prefix=prefix, suffix=suffix, separator=separator
    )
    for item in items:
        if (full := packer.add(item.item_id, item.body, item.index)) is not None:
            yield full
    if (last := packer.flush()) is not None:
        yield last


def batch_outcomes(batch: Batch, error: NostoError | None) -> tuple[list[ItemOutcome], bool]:
    """Outcomes of one sent batch, and whether the upload may continue with the next one.

    A 400 listing products (Nosto's ``has_errors`` body) rejects those and accepts the rest: the
    body says "some products failed", and Nosto's sample fixture implies the others were stored
    (not verified against the live API; the sandbox behaves this way). Any other failure leaves
    every item of the batch in doubt and stops the upload.
    """
    if error is None:
        return [ItemOutcome(i, ItemStatus.ACCEPTED, None, n) for i, n in batch.items()], True
    if isinstance(error, AuthenticationError):
        # Refused before Nosto looked at the body: surely not stored, and the next batch
        # would be refused the same way.
        message = str(error)
        return [ItemOutcome(i, ItemStatus.REJECTED, message, n) for i, n in batch.items()], False
    if isinstance(error, BadRequestError):
        per_item = _errors_by_item(error.body)
        # Only a listing that names items of this batch, and nothing else, says which items
        # failed; anything else leaves every item in doubt.
        if per_item and per_item.keys() <= set(batch.item_ids):
            return [
                ItemOutcome(i, ItemStatus.REJECTED, per_item[i], n)
                if i in per_item
                else ItemOutcome(i, ItemStatus.ACCEPTED, None, n)
                for i, n in batch.items()
            ], True
    message = str(error)
    return [ItemOutcome(i, ItemStatus.FAILED, message, n) for i, n in batch.items()], False


def not_attempted(items: Iterable[tuple[str, int | None]]) -> list[ItemOutcome]:
    """Outcomes of ``(item_id, index)`` items that were never sent."""
    return [ItemOutcome(i, ItemStatus.NOT_ATTEMPTED, None, n) for i, n in items]


def _errors_by_item(body: Any) -> dict[str, str]:
    if not isinstance(body, dict) or not isinstance(body.get("errors"), list):
        return {}
    found: dict[str, str] = {}
    for entry in body["errors"]:
        if isinstance(entry, dict) and entry.get("product_id") is not None:
            messages = entry.get("errors")
            if isinstance(messages, list):
                messages = ", ".join(str(m) for m in messages)
            found[str(entry["product_id"])] = str(messages or "rejected")
    return found
