"""What a products call decides before its first request, with no I/O: its arguments, token
and input are checked, and its run (`_runs`) is returned for a loop to send."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable

from .._exceptions import InvalidInputError
from .._facts import Endpoint
from .._tokens import Tokens
from ..models._fields import got
from ..models.validation import ProductInput
from ._bulk import Encoded
from ._encoding import (
    ARRAY,
    RECRAWL_ENVELOPE,
    Envelope,
    RecrawlItem,
    checked_max_items,
    encoded_ids,
    encoded_products,
    encoded_recrawl,
)
from ._runs import BulkRun, OutcomeCallback, StreamRun


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
        validate_first: bool | None,
        partial: bool,
        max_items_per_request: int | None,
        on_outcome: OutcomeCallback | None,
    ) -> StreamRun:
        """A streaming upload; its input is read by the loop, one product at a time.

        ``validate_first=None`` means: validate first exactly when ``products`` is a callable
        (it can read the input again), the safe reading of a source that allows it.
        """
        max_items = checked_max_items(max_items_per_request)
        if validate_first is None:
            validate_first = callable(products)
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
        if inspect.iscoroutinefunction(on_outcome):
            raise InvalidInputError(
                "on_outcome must be a plain function: an async one would never be awaited",
                [("on_outcome", "expected a function that returns nothing, not a coroutine")],
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
