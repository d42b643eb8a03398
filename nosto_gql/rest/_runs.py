"""The planning and bookkeeping of one bulk call across its requests.

The sync and async resources in products.py own the loops and the I/O; `UploadPlanner` checks
each call's arguments and input and returns its run, and the runs decide what goes into each
request and what happened to each item, so both loops share every decision.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
from typing import TypeVar

from .._exceptions import (
    AuthenticationError,
    InvalidInputError,
    NostoError,
    StreamInterruptedError,
)
from .._facts import Endpoint
from .._tokens import Tokens
from ..models._fields import got
from ..models.validation import ProductInput, check_container
from ._bulk import (
    Batch,
    BatchPacker,
    BulkResult,
    BulkSummary,
    Encoded,
    ItemOutcome,
    ItemStatus,
    StreamedBulkResult,
    batch_outcomes,
    not_attempted,
    plan_batches,
    stream_interrupted,
)
from ._encoding import (
    ARRAY,
    RECRAWL_ENVELOPE,
    Envelope,
    Problem,
    RecrawlItem,
    checked_max_items,
    encode_product,
    encoded_ids,
    encoded_products,
    encoded_recrawl,
    partial_hint,
)

OutcomeCallback = Callable[[ItemOutcome], None]

_Source = TypeVar("_Source")

# A first pass over a catalog where every product is wrong must not hold millions of problems;
# the first ones are what a person reads anyway.
MAX_LISTED_PROBLEMS = 1000


def _raise_if_refused(result: BulkSummary) -> None:
    # A wrong token that stopped everything is raised as what it is.
    error = result.error
    if isinstance(error, AuthenticationError) and not result.count(ItemStatus.ACCEPTED):
        raise error


class BulkRun:
    """A call whose input was validated and encoded before the first request."""

    def __init__(
        self,
        endpoint: Endpoint,
        encoded: list[Encoded],
        *,
        max_bytes: int,
        max_items: int | None = None,
        envelope: Envelope = ARRAY,
    ) -> None:
        self.endpoint = endpoint
        self.result = BulkResult()
        self._batches: Iterator[Batch] = plan_batches(
            encoded,
            max_bytes=max_bytes,
            max_items=max_items,
            prefix=envelope.prefix,
            suffix=envelope.suffix,
        )
        self._items = encoded
        self._done = 0

    def next_batch(self) -> Batch | None:
        if self.result.error is not None:
            return None
        return next(self._batches, None)

    def record(self, batch: Batch, error: NostoError | None) -> None:
        self.result.requests_sent += 1
        outcomes, may_continue = batch_outcomes(batch, error)
        self.result.add(outcomes)
        self._done += len(batch.item_ids)
        if not may_continue:
            self.result.error = error
            rest = self._items[self._done :]
            self.result.add(not_attempted((item.item_id, item.index) for item in rest))

    def finish(self) -> BulkResult:
        _raise_if_refused(self.result)
        return self.result


class StreamRun:
    """A streaming upsert: products are pushed in one at a time, validated and encoded on the
    way; `add` hands back a full request body to send. Holds one request's worth of items.

    With ``validate_first``, a first pass (`first_pass`, `validate`, `end_first_pass`) reads
    the whole input before the sending pass, which must then give the same number of products.
    Every outcome is in ``result`` before ``on_outcome`` sees it, so an exception from the
    callback (or from the input) loses nothing: `interrupted` settles what was in hand.
    """

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        partial: bool,
        max_bytes: int,
        max_items: int | None = None,
        on_outcome: OutcomeCallback | None = None,
        validate_first: bool = False,
    ) -> None:
        self.endpoint = endpoint
        self.result = StreamedBulkResult()
        self._partial = partial
        self._max_bytes = max_bytes
        self._packer = BatchPacker(max_bytes=max_bytes, max_items=max_items)
        self._on_outcome = on_outcome
        self._read = 0
        self._exhausted = False
        # Handed out to be sent and not yet recorded: if the sending raises, in doubt.
        self._in_flight: Batch | None = None
        self._check = StreamCheck(partial=partial, max_bytes=max_bytes) if validate_first else None
        # The first pass's iterator (only an iterator: it cannot be read twice), to refuse it if
        # the source hands it out again; and how many products the first pass read.
        self._first_iterator: object = None
        self._expected: int | None = None
        # Why the sending pass stopped when the input turned out to have changed.
        self._changed: str | None = None

    @property
    def stopped(self) -> bool:
        """A failure ended the upload, or the input changed; send nothing more."""
        return self.result.error is not None or self._changed is not None

    def first_pass(self, source: _Source, *, asynchronous: bool = False) -> _Source:
        """Check what the source gave for the validating pass; return it, to be read."""
        _check_source(source, asynchronous=asynchronous)
        if isinstance(source, (Iterator, AsyncIterator)):
            self._first_iterator = source
        return source

    def validate(self, item: object) -> None:
        """Validate and measure one product of the first pass."""
        assert self._check is not None, "validate_first was not asked for"
        self._check.add(item)

    def end_first_pass(self) -> None:
        """Raise `InvalidInputError` naming the bad products, if there were any."""
        assert self._check is not None, "validate_first was not asked for"
        self._check.raise_if_invalid()
        self._expected = self._check.read
        self._check = None

    def sending_pass(self, source: _Source, *, asynchronous: bool = False) -> _Source:
        """Check what the source gave for the pass that sends; return it, to be read."""
        _check_source(source, asynchronous=asynchronous)
        if self._first_iterator is not None and source is self._first_iterator:
            problem = (
                "returned the same iterator as for the first pass, which used it up; e.g. call "
                "the generator function, or open the file, inside the callable"
            )
            raise InvalidInputError(
                "validate_first=True reads the input twice, so products() must return a fresh "
                "iterable on each call",
                [("products", problem)],
            )
        self._first_iterator = None
        return source

    def add(self, item: object) -> Batch | None:
        """Take the next product of the input; return the batch it closed, if one is full."""
        if self._expected is not None and self._read == self._expected:
            self._stop_changed(f"the second gave more than the first's {self._expected} products")
            return None
        index = self._read
        product = encode_product(index, item, partial=self._partial, max_bytes=self._max_bytes)
        self._read += 1
        if product.encoded is None:
            message = product.invalid_message(partial=self._partial)
            self._settle([ItemOutcome(product.item_id, ItemStatus.INVALID, message, index)])
            return None
        self._in_flight = self._packer.add(product.item_id, product.encoded, index)
        return self._in_flight

    def flush(self) -> Batch | None:
        """The last, partly filled batch, once the input has run out."""
        self._exhausted = True
        if self._expected is not None and self._read != self._expected:
            self._stop_changed(f"the second gave {self._read} products, the first {self._expected}")
            return None
        self._in_flight = self._packer.flush()
        return self._in_flight

    def record(self, batch: Batch, error: NostoError | None) -> None:
        self._in_flight = None
        self.result.requests_sent += 1
        outcomes, may_continue = batch_outcomes(batch, error)
        if not may_continue:
            self.result.error = error
            # Read and encoded for the next request, which will not be sent.
            outcomes += not_attempted(self._packer.discard())
        self._settle(outcomes)

    def finish(self) -> StreamedBulkResult:
        """The result, once the loop has ended (input exhausted, or a failure stopped it)."""
        self.result.unread_input = not self._exhausted
        if self._changed is not None:
            message = f"{self._changed}; nothing more was sent ({self.result.summary()})"
            raise stream_interrupted(message, self.result)
        _raise_if_refused(self.result)
        return self.result

    def interrupted(self, cause: Exception) -> StreamInterruptedError:
        """End the run after ``cause`` escaped the loop (from the input, from ``on_outcome`` or
        from sending); the error to raise, from ``cause``. A request being sent is FAILED (it
        may have reached Nosto), the items read for the next one NOT_ATTEMPTED; ``on_outcome``
        is not called for these."""
        what = f"{type(cause).__name__}: {cause}"
        if self._in_flight is not None:
            message = f"interrupted by {what} while its request was being sent"
            self.result.add(
                ItemOutcome(item_id, ItemStatus.FAILED, message, index)
                for item_id, index in self._in_flight.items()
            )
            self._in_flight = None
        self.result.add(not_attempted(self._packer.discard()))
        self.result.unread_input = not self._exhausted
        return stream_interrupted(
            f"streaming upload interrupted by {what} ({self.result.summary()})", self.result
        )

    def _stop_changed(self, detail: str) -> None:
        # The products validated are not the ones being sent: stop as soon as that shows.
        self._changed = f"the input changed between the passes: {detail}"
        self._settle(not_attempted(self._packer.discard()))

    def _settle(self, outcomes: list[ItemOutcome]) -> None:
        self.result.add(outcomes)
        if self._on_outcome is not None:
            for outcome in outcomes:
                self._on_outcome(outcome)


def _check_source(source: object, *, asynchronous: bool) -> None:
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
        room = MAX_LISTED_PROBLEMS - len(self._problems)
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


class UploadPlanner:
    """What every products call decides before its first request, with no I/O: the arguments,
    then the token, then the input are checked (so nothing is sent when any is wrong, and the
    first mistake is the one reported), and the call's run is returned for a loop to send."""

    def __init__(self, tokens: Tokens, *, max_bytes: int) -> None:
        self._tokens = tokens
        self._max_bytes = max_bytes

    def products(
        self,
        endpoint: Endpoint,
        products: Iterable[ProductInput],
        *,
        partial: bool,
        max_items_per_request: int | None,
    ) -> BulkRun:
        """A call sending products validated as a whole first (upsert and the legacy calls)."""
        return self._bulk(
            endpoint,
            max_items_per_request,
            lambda: encoded_products(products, partial=partial, max_bytes=self._max_bytes),
        )

    def ids(
        self,
        endpoint: Endpoint,
        product_ids: Iterable[str | int],
        *,
        max_items_per_request: int | None,
    ) -> BulkRun:
        """A call sending product ids (discontinue)."""
        return self._bulk(
            endpoint,
            max_items_per_request,
            lambda: encoded_ids(product_ids, max_bytes=self._max_bytes),
        )

    def recrawl(
        self,
        endpoint: Endpoint,
        items: Iterable[RecrawlItem],
        *,
        max_items_per_request: int | None,
    ) -> BulkRun:
        """A call sending ``{"product_id", "url"}`` items in the recrawl wrapper."""
        return self._bulk(
            endpoint,
            max_items_per_request,
            lambda: encoded_recrawl(items, max_bytes=self._max_bytes),
            RECRAWL_ENVELOPE,
        )

    def stream(
        self,
        endpoint: Endpoint,
        products: object,
        *,
        validate_first: bool,
        partial: bool,
        max_items_per_request: int | None,
        on_outcome: OutcomeCallback | None,
    ) -> StreamRun:
        """A streaming upload; its input is read by the loop, one product at a time."""
        max_items = checked_max_items(max_items_per_request)
        if validate_first and not callable(products):
            problem = (
                "expected a zero-argument callable returning a fresh iterable on each call, "
                f"e.g. lambda: read_jsonl(path); got {type(products).__name__}"
            )
            raise InvalidInputError(
                "validate_first=True reads the input twice (once to validate it, once to send "
                "it), so products must be a callable that reads it again (a list already in "
                "memory: upsert() validates everything first too)",
                [("products", problem)],
            )
        if on_outcome is not None and not callable(on_outcome):
            problem = f"expected a callable taking an ItemOutcome, or None; got {got(on_outcome)}"
            raise InvalidInputError(
                "on_outcome must be a callable or None", [("on_outcome", problem)]
            )
        self._tokens.require(endpoint.family)
        return StreamRun(
            endpoint,
            partial=partial,
            max_bytes=self._max_bytes,
            max_items=max_items,
            on_outcome=on_outcome,
            validate_first=validate_first,
        )

    def _bulk(
        self,
        endpoint: Endpoint,
        max_items_per_request: int | None,
        encode: Callable[[], list[Encoded]],
        envelope: Envelope = ARRAY,
    ) -> BulkRun:
        max_items = checked_max_items(max_items_per_request)
        self._tokens.require(endpoint.family)
        return BulkRun(
            endpoint, encode(), max_bytes=self._max_bytes, max_items=max_items, envelope=envelope
        )
