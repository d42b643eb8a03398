"""Bulk uploads: split items into requests under Nosto's size cap, and report per item.

Pure functions shared by the sync and async resources; no I/O here.
"""

from __future__ import annotations

import enum
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .._exceptions import (
    AuthenticationError,
    BadRequestError,
    BulkUploadError,
    InvalidInputError,
    NostoError,
    StreamInterruptedError,
)
from .._facts import MAX_PAYLOAD_BYTES


class ItemStatus(str, enum.Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"  # Nosto named the item as invalid; `message` says why
    INVALID = "invalid"  # never sent: failed local validation or alone exceeds the cap
    FAILED = "failed"  # its request failed as a whole; Nosto may or may not have it
    NOT_ATTEMPTED = "not_attempted"  # never sent, because an earlier request failed


@dataclass(frozen=True)
class ItemOutcome:
    """What happened to one item of a bulk call.

    ``item_id`` is the item's product id; an invalid product without a usable one is named by
    its position instead, ``products[N]``. ``message`` says why the item was not accepted, in
    terms of its own fields (``price: expected a value >= 0; got -1``): where the item is in
    the input is ``index`` (0-based; for a repeated id, where it first appears), None only for
    outcomes built by hand.
    """

    item_id: str
    status: ItemStatus
    message: str | None = None
    index: int | None = None


_Summary = TypeVar("_Summary", bound="BulkSummary")


@dataclass(repr=False)
class BulkSummary:
    """What every bulk call reports, whatever it keeps per item: how many items ended with each
    status (`count`), the outcomes of the items not accepted (`problems`), whether everything
    was accepted (`ok`), the requests sent and the error that stopped the upload, if one did.

    Two kinds: `BulkResult` (every item's outcome, in input order) and `StreamedBulkResult`
    (only the problems, so that memory does not grow with the catalog). Write code that takes
    either against this class; `BulkUploadError.result` is one of them.
    """

    requests_sent: int = field(default=0, kw_only=True)
    # The error that stopped the upload, if one did.
    error: NostoError | None = field(default=None, kw_only=True)
    _counts: Counter[ItemStatus] = field(
        default_factory=Counter, init=False, repr=False, compare=False
    )

    def add(self, outcomes: Iterable[ItemOutcome]) -> None:
        """Record the outcomes of more items."""
        for outcome in outcomes:
            self._counts[outcome.status] += 1
            self._keep(outcome)

    def _keep(self, outcome: ItemOutcome) -> None:
        raise NotImplementedError

    def count(self, status: ItemStatus) -> int:
        """How many items ended with ``status``."""
        return self._counts[status]

    @property
    def problems(self) -> list[ItemOutcome]:
        """The outcome of every item not accepted, whatever the reason."""
        raise NotImplementedError

    @property
    def ok(self) -> bool:
        """Every item was accepted (true too when there were none)."""
        return self._counts.total() == self._counts[ItemStatus.ACCEPTED]

    def summary(self) -> str:
        """Counts per status, and the first problem, e.g. for a log line."""
        counts = ", ".join(
            f"{self.count(status)} {status.value.replace('_', ' ')}"
            for status in ItemStatus
            if self.count(status)
        )
        first = self._first_problem()
        detail = f"; first: {first.item_id}: {first.message}" if first and first.message else ""
        return f"{counts or 'nothing sent'}{detail}"

    def _first_problem(self) -> ItemOutcome | None:
        return next(iter(self.problems), None)

    def raise_for_errors(self: _Summary) -> _Summary:
        """Raise `BulkUploadError` unless every item was accepted; returns self for chaining."""
        if not self.ok:
            raise _upload_error(BulkUploadError, f"bulk upload incomplete ({self.summary()})", self)
        return self

    def __repr__(self) -> str:
        # A summary, not every outcome: a catalog's result holds one per product.
        return f"<{type(self).__name__}: {self.summary()}; {self.requests_sent} requests>"


@dataclass(repr=False)
class BulkResult(BulkSummary):
    """Outcome of a bulk call that validated its whole input first: one `ItemOutcome` per item,
    in input order (``outcomes``), and the same grouped by status (``accepted``...)."""

    outcomes: list[ItemOutcome] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._counts.update(outcome.status for outcome in self.outcomes)

    def _keep(self, outcome: ItemOutcome) -> None:
        self.outcomes.append(outcome)

    def _with(self, status: ItemStatus) -> list[ItemOutcome]:
        return [o for o in self.outcomes if o.status is status]

    @property
    def problems(self) -> list[ItemOutcome]:
        return [o for o in self.outcomes if o.status is not ItemStatus.ACCEPTED]

    def _first_problem(self) -> ItemOutcome | None:
        return next((o for o in self.outcomes if o.status is not ItemStatus.ACCEPTED), None)

    @property
    def accepted(self) -> list[ItemOutcome]:
        return self._with(ItemStatus.ACCEPTED)

    @property
    def rejected(self) -> list[ItemOutcome]:
        return self._with(ItemStatus.REJECTED)

    @property
    def invalid(self) -> list[ItemOutcome]:
        """Always empty here: these calls raise `InvalidInputError` instead (kept so that code
        written for either result reads the same)."""
        return self._with(ItemStatus.INVALID)

    @property
    def failed(self) -> list[ItemOutcome]:
        return self._with(ItemStatus.FAILED)

    @property
    def not_attempted(self) -> list[ItemOutcome]:
        return self._with(ItemStatus.NOT_ATTEMPTED)


@dataclass(repr=False)
class StreamedBulkResult(BulkSummary):
    """Outcome of a streaming upload (`ProductsAPI.upsert_stream`), in memory that does not grow
    with the catalog: accepted items are only counted (``count(ItemStatus.ACCEPTED)``), every
    other item keeps its `ItemOutcome` in ``problems``, in the order they were settled (an
    invalid item as soon as it is read, the items of a request when its answer arrives).

    ``unread_input`` is true when the upload stopped before the end of the input: what the
    input still holds was not read, so it is neither counted nor listed, and ``ok`` is false.
    """

    unread_input: bool = False
    _problems: list[ItemOutcome] = field(default_factory=list, init=False, compare=False)

    def _keep(self, outcome: ItemOutcome) -> None:
        if outcome.status is not ItemStatus.ACCEPTED:
            self._problems.append(outcome)

    @property
    def problems(self) -> list[ItemOutcome]:
        return self._problems

    @property
    def outcomes(self) -> list[ItemOutcome]:
        """Deprecated name of ``problems`` (only the items not accepted, unlike
        `BulkResult.outcomes`)."""
        warnings.warn(
            "StreamedBulkResult.outcomes lists only the items not accepted; use "
            "result.problems (every kind of result has it)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self._problems

    @property
    def invalid(self) -> list[ItemOutcome]:
        """The products not sent because they were invalid or alone over the cap."""
        return [o for o in self._problems if o.status is ItemStatus.INVALID]

    @property
    def ok(self) -> bool:
        return super().ok and not self.unread_input

    def summary(self) -> str:
        unread = "; the rest of the input was not read" if self.unread_input else ""
        return super().summary() + unread


_Error = TypeVar("_Error", bound=BulkUploadError)


def _upload_error(kind: type[_Error], message: str, result: BulkSummary) -> _Error:
    return kind(message, result=result)


def stream_interrupted(message: str, result: StreamedBulkResult) -> StreamInterruptedError:
    return _upload_error(StreamInterruptedError, message, result)


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


def check_item_sizes(items: Iterable[Encoded], *, max_bytes: int, overhead: int = 2) -> None:
    """Raise `InvalidInputError` naming every item that alone would exceed the request cap.

    ``overhead`` is the size of what encloses the items (``[`` and ``]`` by default).
    """
    too_big = [
        (item.item_id, problem)
        for item in items
        if (problem := size_problem(item.body, max_bytes=max_bytes, overhead=overhead))
    ]
    if too_big:
        raise InvalidInputError(
            f"{len(too_big)} item(s) alone exceed Nosto's {max_bytes}-byte request cap; "
            "shorten them (e.g. description, image lists)",
            too_big,
        )


class BatchPacker:
    """Fills one request body at a time: `add` an item, get back the full batch it did not fit
    in (if any); `flush` at the end. Holds at most one body's worth of items.

    Each body is ``prefix + b",".join(items) + suffix``: a JSON array by default, or e.g.
    ``b'{"products":['`` and ``b']}'`` for an object wrapping the array; the wrapper counts
    against the cap. An item over the cap on its own raises `InvalidInputError` rather than
    being sent (callers that report such items per item check `size_problem` first).
    """

    def __init__(
        self,
        *,
        max_bytes: int = MAX_PAYLOAD_BYTES,
        max_items: int | None = None,
        prefix: bytes = b"[",
        suffix: bytes = b"]",
    ) -> None:
        self._max_bytes = max_bytes
        self._max_items = max_items
        self._prefix = prefix
        self._suffix = suffix
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
        if self._parts and (at_count_limit or self._size + 1 + len(encoded) > self._max_bytes):
            full = self.flush()
        self._size += len(encoded) + (1 if self._parts else 0)
        self._ids.append(item_id)
        self._indexes.append(index)
        self._parts.append(encoded)
        return full

    def flush(self) -> Batch | None:
        """The batch being filled, if it holds anything; the packer starts a new one."""
        if not self._parts:
            return None
        body = self._prefix + b",".join(self._parts) + self._suffix
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
) -> Iterator[Batch]:
    """Pack encoded items, in order, into bodies of at most ``max_bytes`` bytes and at most
    ``max_items`` items (see `BatchPacker`). Holds one batch in memory at a time. Callers check
    sizes first (`check_item_sizes` with the same overhead); an item over the cap met here
    anyway is still refused rather than sent.
    """
    packer = BatchPacker(max_bytes=max_bytes, max_items=max_items, prefix=prefix, suffix=suffix)
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
