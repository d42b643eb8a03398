"""The bookkeeping of one bulk call across its requests.

The sync and async resources in products.py own the loops and the I/O; the runs decide what goes
into each request and what happened to each item, so both loops share every decision. Runs are
made by `_planning.UploadPlanner`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import TypeVar

from .._exceptions import (
    AuthenticationError,
    InvalidInputError,
    NostoError,
    StreamInterruptedError,
)
from .._facts import Endpoint
from ._bulk import (
    Batch,
    BatchPacker,
    Encoded,
    batch_outcomes,
    not_attempted,
    plan_batches,
)
from ._encoding import (
    ARRAY,
    Envelope,
    encode_product,
)
from ._results import (
    BulkResult,
    BulkSummary,
    ItemOutcome,
    ItemStatus,
    StreamedBulkResult,
    stream_interrupted,
)
from ._stream_check import StreamCheck, check_source

OutcomeCallback = Callable[[ItemOutcome], None]

_Source = TypeVar("_Source")


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
        self.validates_first = validate_first
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
        check_source(source, asynchronous=asynchronous)
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
        check_source(source, asynchronous=asynchronous)
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
