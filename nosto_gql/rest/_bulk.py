"""Bulk uploads: split items into requests under Nosto's size cap, and report per item.

Pure functions shared by the sync and async resources; no I/O here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._exceptions import (
    AuthenticationError,
    BadRequestError,
    BulkUploadError,
    InvalidInputError,
    NostoError,
)
from .._facts import MAX_PAYLOAD_BYTES


class ItemStatus(str, enum.Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"  # Nosto named the item as invalid; `message` says why
    FAILED = "failed"  # its request failed as a whole; Nosto may or may not have it
    NOT_ATTEMPTED = "not_attempted"  # never sent, because an earlier request failed


@dataclass(frozen=True)
class ItemOutcome:
    """What happened to one item of a bulk call."""

    item_id: str
    status: ItemStatus
    message: str | None = None


@dataclass
class BulkResult:
    """Per-item outcome of a bulk call, in input order."""

    outcomes: list[ItemOutcome] = field(default_factory=list)
    requests_sent: int = 0
    # The error that stopped the upload, if one did.
    error: NostoError | None = None

    def _with(self, status: ItemStatus) -> list[ItemOutcome]:
        return [o for o in self.outcomes if o.status is status]

    @property
    def accepted(self) -> list[ItemOutcome]:
        return self._with(ItemStatus.ACCEPTED)

    @property
    def rejected(self) -> list[ItemOutcome]:
        return self._with(ItemStatus.REJECTED)

    @property
    def failed(self) -> list[ItemOutcome]:
        return self._with(ItemStatus.FAILED)

    @property
    def not_attempted(self) -> list[ItemOutcome]:
        return self._with(ItemStatus.NOT_ATTEMPTED)

    @property
    def ok(self) -> bool:
        return all(o.status is ItemStatus.ACCEPTED for o in self.outcomes)

    def summary(self) -> str:
        """Counts per status, and the first problem, e.g. for a log line."""
        counts = ", ".join(
            f"{len(self._with(status))} {status.value.replace('_', ' ')}"
            for status in ItemStatus
            if self._with(status)
        )
        first = next((o for o in self.outcomes if o.status is not ItemStatus.ACCEPTED), None)
        detail = f"; first: {first.item_id}: {first.message}" if first and first.message else ""
        return f"{counts or 'nothing sent'}{detail}"

    def raise_for_errors(self) -> BulkResult:
        """Raise `BulkUploadError` unless every item was accepted; returns self for chaining."""
        if not self.ok:
            raise BulkUploadError(f"bulk upload incomplete ({self.summary()})", result=self)
        return self


@dataclass(frozen=True)
class Batch:
    """Items that travel in one request, with the encoded body (a JSON array, or an object
    wrapping one)."""

    item_ids: tuple[str, ...]
    body: bytes


def check_item_sizes(
    items: Iterable[tuple[str, bytes]], *, max_bytes: int, overhead: int = 2
) -> None:
    """Raise `InvalidInputError` naming every item that alone would exceed the request cap.

    ``overhead`` is the size of what encloses the items (``[`` and ``]`` by default).
    """
    too_big = [
        (item_id, f"serialised size {len(encoded) + overhead} > {max_bytes} bytes")
        for item_id, encoded in items
        if len(encoded) + overhead > max_bytes
    ]
    if too_big:
        raise InvalidInputError(
            f"{len(too_big)} item(s) alone exceed Nosto's {max_bytes}-byte request cap; "
            "shorten them (e.g. description, image lists)",
            too_big,
        )


def plan_batches(
    items: Iterable[tuple[str, bytes]],
    *,
    max_bytes: int = MAX_PAYLOAD_BYTES,
    max_items: int | None = None,
    prefix: bytes = b"[",
    suffix: bytes = b"]",
) -> Iterator[Batch]:
    """Pack encoded items, in order, into bodies of at most ``max_bytes`` bytes.

    Each body is ``prefix + b",".join(items) + suffix``: a JSON array by default, or e.g.
    ``b'{"products":['`` and ``b']}'`` for an object wrapping the array; the wrapper counts
    against the cap. Holds one batch in memory at a time. Callers check sizes first
    (`check_item_sizes` with the same overhead); an item over the cap met here anyway is still
    refused rather than sent.
    """
    overhead = len(prefix) + len(suffix)
    ids: list[str] = []
    parts: list[bytes] = []
    size = overhead
    for item_id, encoded in items:
        check_item_sizes([(item_id, encoded)], max_bytes=max_bytes, overhead=overhead)
        extra = len(encoded) + (1 if parts else 0)
        full = (max_items is not None and len(parts) >= max_items) or size + extra > max_bytes
        if parts and full:
            yield Batch(tuple(ids), prefix + b",".join(parts) + suffix)
            ids, parts, size = [], [], overhead
            extra = len(encoded)
        ids.append(item_id)
        parts.append(encoded)
        size += extra
    if parts:
        yield Batch(tuple(ids), prefix + b",".join(parts) + suffix)


def batch_outcomes(batch: Batch, error: NostoError | None) -> tuple[list[ItemOutcome], bool]:
    """Outcomes of one sent batch, and whether the upload may continue with the next one.

    A 400 listing products (Nosto's ``has_errors`` body) rejects those and accepts the rest: the
    body says "some products failed", and Nosto's sample fixture implies the others were stored
    (not verified against the live API; the sandbox behaves this way). Any other failure leaves
    every item of the batch in doubt and stops the upload.
    """
    if error is None:
        return [ItemOutcome(i, ItemStatus.ACCEPTED) for i in batch.item_ids], True
    if isinstance(error, AuthenticationError):
        # Refused before Nosto looked at the body: surely not stored, and the next batch
        # would be refused the same way.
        return [ItemOutcome(i, ItemStatus.REJECTED, str(error)) for i in batch.item_ids], False
    if isinstance(error, BadRequestError):
        per_item = _errors_by_item(error.body)
        # Only a listing that names items of this batch, and nothing else, says which items
        # failed; anything else leaves every item in doubt.
        if per_item and per_item.keys() <= set(batch.item_ids):
            return [
                ItemOutcome(i, ItemStatus.REJECTED, per_item[i])
                if i in per_item
                else ItemOutcome(i, ItemStatus.ACCEPTED)
                for i in batch.item_ids
            ], True
    message = str(error)
    return [ItemOutcome(i, ItemStatus.FAILED, message) for i in batch.item_ids], False


def not_attempted(item_ids: Sequence[str]) -> list[ItemOutcome]:
    return [ItemOutcome(i, ItemStatus.NOT_ATTEMPTED) for i in item_ids]


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
