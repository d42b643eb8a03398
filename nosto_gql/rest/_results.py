"""What bulk calls report: one `ItemOutcome` per item, gathered in a `BulkSummary` of one of
two kinds (`BulkResult` keeps every outcome, `StreamedBulkResult` only the problems)."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from .._exceptions import BulkUploadError, NostoError, StreamInterruptedError

# How many problems are listed where a catalog where every product is wrong would otherwise hold
# millions (a streamed result's invalid items, a first pass's validation problems); the rest are
# only counted. The first ones are what a person reads anyway.
PROBLEMS_LISTED_LIMIT = 1000


class ItemStatus(str, enum.Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"  # Nosto named the item as invalid; `message` says why
    INVALID = "invalid"  # never sent: failed local validation or alone exceeds the cap
    FAILED = "failed"  # its request failed as a whole; Nosto may or may not have it
    NOT_ATTEMPTED = "not_attempted"  # never sent, because an earlier request failed


# Not to be resent as they are, so a streamed result lists only the first ones of each.
_LISTED_UP_TO_LIMIT = frozenset({ItemStatus.INVALID, ItemStatus.REJECTED})


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
        if outcome.status is ItemStatus.ACCEPTED:
            return
        # A feed wrong in every line (a missing column), or an account refusing every product
        # (an unknown currency), must not grow memory with the catalog: past a limit, invalid
        # and rejected items are only counted. Items to resend are always kept.
        limited = outcome.status in _LISTED_UP_TO_LIMIT
        if limited and self.count(outcome.status) > PROBLEMS_LISTED_LIMIT:
            return
        self._problems.append(outcome)

    @property
    def problems(self) -> list[ItemOutcome]:
        """The items not accepted, except that of the invalid and of the rejected ones only the
        first `PROBLEMS_LISTED_LIMIT` each are kept (all are counted: ``count(status)``)."""
        return self._problems

    @property
    def not_listed(self) -> int:
        """How many invalid or rejected items are counted but not listed in ``problems``."""
        return sum(
            max(0, self.count(status) - PROBLEMS_LISTED_LIMIT) for status in _LISTED_UP_TO_LIMIT
        )

    @property
    def invalid(self) -> list[ItemOutcome]:
        """The products not sent because they were invalid or alone over the cap (the first
        `PROBLEMS_LISTED_LIMIT`)."""
        return [o for o in self._problems if o.status is ItemStatus.INVALID]

    @property
    def ok(self) -> bool:
        return super().ok and not self.unread_input

    def summary(self) -> str:
        unread = "; the rest of the input was not read" if self.unread_input else ""
        unlisted = (
            f"; {self.not_listed} more invalid or rejected items counted but not listed"
            if self.not_listed
            else ""
        )
        return super().summary() + unread + unlisted


_Error = TypeVar("_Error", bound=BulkUploadError)


def _upload_error(kind: type[_Error], message: str, result: BulkSummary) -> _Error:
    return kind(message, result=result)


def stream_interrupted(message: str, result: StreamedBulkResult) -> StreamInterruptedError:
    return _upload_error(StreamInterruptedError, message, result)
