"""API_PRODUCTS: keep Nosto's copy of the catalog in sync (``client.products``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .._exceptions import APIStatusError, AuthenticationError, NostoError, TransportError
from .._facts import MAX_PAYLOAD_BYTES, PRODUCTS_UPSERT, Endpoint
from .._transport import AsyncTransport, RequestSpec, Transport
from ..models import validate_products
from ..models.validation import ProductInput
from ._bulk import (
    Batch,
    BulkResult,
    batch_outcomes,
    check_item_sizes,
    not_attempted,
    plan_batches,
)


def _encoded_products(
    products: Iterable[ProductInput], *, partial: bool, max_bytes: int
) -> list[tuple[str, bytes]]:
    # Everything is validated and measured before the first request: bad input must not
    # half-send a catalog.
    models = validate_products(products, partial=partial)
    encoded = [(model.product_id, model.to_payload_json()) for model in models]
    check_item_sizes(encoded, max_bytes=max_bytes)
    return encoded


def _batch_request(endpoint: Endpoint, batch: Batch) -> RequestSpec:
    return RequestSpec(
        endpoint.family,
        endpoint.method,
        endpoint.path,
        idempotent=endpoint.idempotent,
        content=batch.body,
        content_type="application/json",
    )


class _BulkRun:
    """Tracks one bulk call across batches; the sync and async loops feed it."""

    def __init__(self, encoded: list[tuple[str, bytes]], max_bytes: int) -> None:
        self.result = BulkResult()
        self._batches: Iterator[Batch] = plan_batches(encoded, max_bytes=max_bytes)
        self._ids = [item_id for item_id, _ in encoded]
        self._done = 0

    def next_batch(self) -> Batch | None:
        if self.result.error is not None:
            return None
        return next(self._batches, None)

    def record(self, batch: Batch, error: NostoError | None) -> None:
        self.result.requests_sent += 1
        outcomes, may_continue = batch_outcomes(batch, error)
        self.result.outcomes.extend(outcomes)
        self._done += len(batch.item_ids)
        if not may_continue:
            self.result.error = error
            self.result.outcomes.extend(not_attempted(self._ids[self._done :]))

    def finish(self) -> BulkResult:
        """The result; a wrong token that stopped everything is raised as what it is."""
        error = self.result.error
        if isinstance(error, AuthenticationError) and not self.result.accepted:
            raise error
        return self.result


class ProductsAPI:
    """Products endpoints over the synchronous transport."""

    def __init__(self, transport: Transport, *, max_bytes: int = MAX_PAYLOAD_BYTES) -> None:
        self._transport = transport
        self._max_bytes = max_bytes

    def upsert(self, products: Iterable[ProductInput], *, partial: bool = False) -> BulkResult:
        """Create or update products. Splits into requests under Nosto's 2 MB cap.

        Every product is validated first (`InvalidInputError` names each bad one; nothing is
        sent). ``partial=True`` allows deliberate partial updates (`ProductUpdate`), e.g.
        ``{"product_id": "1", "availability": "OutOfStock"}``. Returns a `BulkResult` saying
        which products were accepted, rejected (with Nosto's message) or not attempted; call
        ``.raise_for_errors()`` to turn anything but full success into an exception. A token
        Nosto refuses (401/403) before anything was accepted raises `AuthenticationError`.
        """
        self._transport.config.tokens.require(PRODUCTS_UPSERT.family)
        run = _BulkRun(
            _encoded_products(products, partial=partial, max_bytes=self._max_bytes), self._max_bytes
        )
        while (batch := run.next_batch()) is not None:
            run.record(batch, self._send(PRODUCTS_UPSERT, batch))
        return run.finish()

    def _send(self, endpoint: Endpoint, batch: Batch) -> NostoError | None:
        try:
            self._transport.send(_batch_request(endpoint, batch))
        except (APIStatusError, TransportError) as error:
            return error
        return None


class AsyncProductsAPI:
    """Products endpoints over the asynchronous transport."""

    def __init__(self, transport: AsyncTransport, *, max_bytes: int = MAX_PAYLOAD_BYTES) -> None:
        self._transport = transport
        self._max_bytes = max_bytes

    async def upsert(
        self, products: Iterable[ProductInput], *, partial: bool = False
    ) -> BulkResult:
        """Create or update products; see `ProductsAPI.upsert`."""
        self._transport.config.tokens.require(PRODUCTS_UPSERT.family)
        run = _BulkRun(
            _encoded_products(products, partial=partial, max_bytes=self._max_bytes), self._max_bytes
        )
        while (batch := run.next_batch()) is not None:
            run.record(batch, await self._send(PRODUCTS_UPSERT, batch))
        return run.finish()

    async def _send(self, endpoint: Endpoint, batch: Batch) -> NostoError | None:
        try:
            await self._transport.send(_batch_request(endpoint, batch))
        except (APIStatusError, TransportError) as error:
            return error
        return None
