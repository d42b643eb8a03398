"""API_PRODUCTS: keep Nosto's copy of the catalog in sync (``client.products``).

Validation and encoding live in `_encoding`; what each call checks before sending, and the
per-request bookkeeping, in `_runs`. The two classes here only loop and send, once synchronously
and once asynchronously.
"""

from __future__ import annotations

import warnings
from collections.abc import AsyncGenerator, AsyncIterable, Callable, Iterable
from contextlib import aclosing
from typing import TypeAlias

from .._exceptions import APIStatusError, MalformedResponseError, NostoError, TransportError
from .._facts import (
    MAX_PAYLOAD_BYTES,
    PRODUCTS_CREATE,
    PRODUCTS_DISCONTINUE,
    PRODUCTS_RECRAWL,
    PRODUCTS_UPDATE,
    PRODUCTS_UPSERT,
    Endpoint,
)
from .._transport import AsyncTransport, RequestSpec, Transport
from ..models.validation import ProductInput
from ._bulk import Batch
from ._encoding import RecrawlItem
from ._planning import UploadPlanner
from ._results import BulkResult, StreamedBulkResult
from ._runs import BulkRun, OutcomeCallback

__all__ = ["AsyncProductsAPI", "ProductsAPI", "RecrawlItem"]

ProductSource: TypeAlias = Iterable[ProductInput] | Callable[[], Iterable[ProductInput]]
"""Products to stream, or a zero-argument callable returning them (afresh on each call, for
``validate_first``, which reads them twice)."""

AsyncProductSource: TypeAlias = (
    Iterable[ProductInput]
    | AsyncIterable[ProductInput]
    | Callable[[], Iterable[ProductInput] | AsyncIterable[ProductInput]]
)
"""Like `ProductSource`, and async iterables (e.g. an async database cursor) too."""


def _batch_request(endpoint: Endpoint, batch: Batch) -> RequestSpec:
    return RequestSpec.to(endpoint, content=batch.body, content_type="application/json")


# What the transport raises once a request may have left: each becomes the batch's outcome.
# Errors raised before sending (configuration, invalid input) end the call instead.
_SEND_FAILURES = (APIStatusError, TransportError, MalformedResponseError)


def _warn_legacy(endpoint: Endpoint, call: str) -> None:
    # stacklevel 3: past this helper and the resource method, to the line that called it.
    warnings.warn(
        f"client.products.{call}() sends {endpoint.method} {endpoint.path}, a legacy endpoint "
        "that Nosto does not document; use client.products.upsert(...) instead",
        DeprecationWarning,
        stacklevel=3,
    )


async def _async_items(
    products: Iterable[ProductInput] | AsyncIterable[ProductInput],
) -> AsyncGenerator[ProductInput, None]:
    if isinstance(products, AsyncIterable):
        async for item in products:
            yield item
    else:
        for item in products:
            yield item


class ProductsAPI:
    """Products endpoints over the synchronous transport."""

    def __init__(self, transport: Transport, *, max_bytes: int = MAX_PAYLOAD_BYTES) -> None:
        self._transport = transport
        self._plan = UploadPlanner(transport.config.tokens, max_bytes=max_bytes)

    def upsert(
        self,
        products: Iterable[ProductInput],
        *,
        partial: bool = False,
        max_items_per_request: int | None = None,
    ) -> BulkResult:
        """Create or update products. Splits into requests under Nosto's 2 MB cap (and of at
        most ``max_items_per_request`` products, if given).

        Every product is validated first (`InvalidInputError` names each bad one; nothing is
        sent). ``partial=True`` allows deliberate partial updates (`ProductUpdate`), e.g.
        ``{"product_id": "1", "availability": "OutOfStock"}``. Returns a `BulkResult` saying
        which products were accepted, rejected (with Nosto's message) or not attempted; call
        ``.raise_for_errors()`` to turn anything but full success into an exception. A token
        Nosto refuses (401/403) before anything was accepted raises `AuthenticationError`.
        The whole input is held in memory; for catalogs of any size use `upsert_stream`.
        """
        run = self._plan.products(
            PRODUCTS_UPSERT,
            products,
            partial=partial,
            max_items_per_request=max_items_per_request,
        )
        return self._upload(run)

    def upsert_stream(
        self,
        products: ProductSource,
        *,
        validate_first: bool | None = None,
        partial: bool = False,
        max_items_per_request: int | None = None,
        on_outcome: OutcomeCallback | None = None,
    ) -> StreamedBulkResult:
        """Create or update products from an input of any size, in memory bounded by one
        request (a few times Nosto's 2 MB cap while a body is built and sent), not by the
        size of the catalog.

        ``products`` is an iterable (a generator reading a JSONL file, a database cursor...) or
        a zero-argument callable returning one. Products are read, validated and encoded one at
        a time and each request is sent as soon as it is full, so millions of products never
        sit in memory. Repeated product ids are not detected (that would take memory
        proportional to the catalog).

        An iterable is read once: a product that is invalid (or alone over the cap) is not sent
        and is reported ``ItemStatus.INVALID``, its message naming the field and what is
        expected, and the others are sent. A zero-argument callable returning a fresh iterable
        each time (``lambda: read_jsonl(path)``) is read twice, unless ``validate_first=False``
        says otherwise: the first pass raises `InvalidInputError` naming every bad product
        before anything is sent; the second sends. ``validate_first=True`` with anything but
        such a callable is refused. A product that turns bad between
        the passes is still reported INVALID; a second pass that gives more or fewer products
        than the first stops sending as soon as that shows (`StreamInterruptedError`).

        Returns a `StreamedBulkResult`: counts per status, and an `ItemOutcome` (with the
        product's ``index`` in the input) only for the products not accepted, in
        ``result.problems``. ``on_outcome`` is called with every product's outcome, accepted
        ones too, as it is settled (e.g. to record progress).

        A failure that ends the upload (a 5xx or timeout after retries, a refused token) stops
        reading: the failed request's products are FAILED (REJECTED for a refused token), the
        products already read for the next request are NOT_ATTEMPTED, and the rest of the input
        is left unread and uncounted (``result.unread_input``). To finish such an upload, send
        again the FAILED and NOT_ATTEMPTED products of ``result.problems``, then the rest of
        the input: an iterator passed in resumes at the first product not read, after them.
        Or by position: no product at or after the lowest ``index`` among them was accepted,
        so reading the input again from that index on sends exactly what is missing (and
        reports the INVALID ones again). A token refused before anything was accepted raises
        `AuthenticationError`.

        An exception from the input (a broken file, a database cursor gone) or from
        ``on_outcome`` while sending stops the upload: `StreamInterruptedError` is raised from
        it, with the ``result`` so far (a request that was being sent is FAILED; the products
        read for the next one are NOT_ATTEMPTED and not passed to ``on_outcome``). Before
        anything is sent (the first pass of ``validate_first``), it propagates as it is; so do
        KeyboardInterrupt and other BaseExceptions.
        """
        # A closed client found mid-stream would look like a request that may have been sent.
        self._transport.ensure_open()
        run = self._plan.stream(
            PRODUCTS_UPSERT,
            products,
            validate_first=validate_first,
            partial=partial,
            max_items_per_request=max_items_per_request,
            on_outcome=on_outcome,
        )
        read = products if callable(products) else lambda: products
        if run.validates_first:
            for item in run.first_pass(read()):
                run.validate(item)
            run.end_first_pass()
        items = run.sending_pass(read())
        try:
            for item in items:
                if (batch := run.add(item)) is not None:
                    run.record(batch, self._send(run.endpoint, batch))
                if run.stopped:
                    break
            else:
                if (batch := run.flush()) is not None:
                    run.record(batch, self._send(run.endpoint, batch))
        except Exception as exc:
            raise run.interrupted(exc) from exc
        return run.finish()

    def discontinue(
        self, product_ids: Iterable[str | int], *, max_items_per_request: int | None = None
    ) -> BulkResult:
        """Mark products Discontinued at once (for products removed from the catalog; use an
        ``OutOfStock`` upsert for ones merely sold out).

        Integer ids are sent as strings; a repeated id is sent once. An empty or blank id raises
        `InvalidInputError` naming its index, before anything is sent; no ids, no request.
        Splits under the 2 MB cap (and ``max_items_per_request``); retried like upserts
        (discontinuing twice is harmless). Returns a `BulkResult` per id; a refused token
        before anything was accepted raises `AuthenticationError`. Nosto accepts ids it does
        not know.
        """
        run = self._plan.ids(
            PRODUCTS_DISCONTINUE, product_ids, max_items_per_request=max_items_per_request
        )
        return self._upload(run)

    def recrawl(
        self, items: Iterable[RecrawlItem], *, max_items_per_request: int | None = None
    ) -> BulkResult:
        """Ask Nosto's crawler to re-read product pages: ``{"product_id", "url"}`` mappings or
        ``(product_id, url)`` pairs; each url an absolute http(s) URL.

        Every item is validated first (`InvalidInputError` names the item and field; nothing is
        sent); an exact repeat of an item is sent once. Each item costs one page load on your
        shop, so a request that may have reached Nosto is never resent: a 503 or a read timeout
        leaves its items ``failed`` and stops. Returns a `BulkResult` per item (by product id).
        """
        run = self._plan.recrawl(
            PRODUCTS_RECRAWL, items, max_items_per_request=max_items_per_request
        )
        return self._upload(run)

    def create(
        self, products: Iterable[ProductInput], *, max_items_per_request: int | None = None
    ) -> BulkResult:
        """Deprecated: use `upsert`. Sends ``POST /v1/products/create``, a legacy endpoint
        Nosto does not document (known from its old PHP SDK).

        Emits `DeprecationWarning`, then validates and splits exactly like `upsert`. Creating
        a product twice may fail, so a request that may have reached Nosto is never resent.
        """
        _warn_legacy(PRODUCTS_CREATE, "create")
        run = self._plan.products(
            PRODUCTS_CREATE,
            products,
            partial=False,
            max_items_per_request=max_items_per_request,
        )
        return self._upload(run)

    def update(
        self,
        products: Iterable[ProductInput],
        *,
        partial: bool = False,
        max_items_per_request: int | None = None,
    ) -> BulkResult:
        """Deprecated: use `upsert`. Sends ``PUT /v1/products/update``, a legacy endpoint Nosto
        does not document (known from its old PHP SDK).

        Emits `DeprecationWarning`, then validates, splits and retries exactly like `upsert`.
        """
        _warn_legacy(PRODUCTS_UPDATE, "update")
        run = self._plan.products(
            PRODUCTS_UPDATE,
            products,
            partial=partial,
            max_items_per_request=max_items_per_request,
        )
        return self._upload(run)

    def _upload(self, run: BulkRun) -> BulkResult:
        while (batch := run.next_batch()) is not None:
            run.record(batch, self._send(run.endpoint, batch))
        return run.finish()

    def _send(self, endpoint: Endpoint, batch: Batch) -> NostoError | None:
        try:
            self._transport.send(_batch_request(endpoint, batch))
        except _SEND_FAILURES as error:
            return error
        return None


class AsyncProductsAPI:
    """Products endpoints over the asynchronous transport."""

    def __init__(self, transport: AsyncTransport, *, max_bytes: int = MAX_PAYLOAD_BYTES) -> None:
        self._transport = transport
        self._plan = UploadPlanner(transport.config.tokens, max_bytes=max_bytes)

    async def upsert(
        self,
        products: Iterable[ProductInput],
        *,
        partial: bool = False,
        max_items_per_request: int | None = None,
    ) -> BulkResult:
        """Create or update products; see `ProductsAPI.upsert`."""
        run = self._plan.products(
            PRODUCTS_UPSERT,
            products,
            partial=partial,
            max_items_per_request=max_items_per_request,
        )
        return await self._upload(run)

    async def upsert_stream(
        self,
        products: AsyncProductSource,
        *,
        validate_first: bool | None = None,
        partial: bool = False,
        max_items_per_request: int | None = None,
        on_outcome: OutcomeCallback | None = None,
    ) -> StreamedBulkResult:
        """Create or update products in bounded memory; see `ProductsAPI.upsert_stream`.
        Async iterables (e.g. an async database cursor) are read with ``async for``."""
        # A closed client found mid-stream would look like a request that may have been sent.
        self._transport.ensure_open()
        run = self._plan.stream(
            PRODUCTS_UPSERT,
            products,
            validate_first=validate_first,
            partial=partial,
            max_items_per_request=max_items_per_request,
            on_outcome=on_outcome,
        )
        read = products if callable(products) else lambda: products
        if run.validates_first:
            first = _async_items(run.first_pass(read(), asynchronous=True))
            async with aclosing(first):
                async for item in first:
                    run.validate(item)
            run.end_first_pass()
        items = _async_items(run.sending_pass(read(), asynchronous=True))
        try:
            async with aclosing(items):
                async for item in items:
                    if (batch := run.add(item)) is not None:
                        run.record(batch, await self._send(run.endpoint, batch))
                    if run.stopped:
                        break
                else:
                    if (batch := run.flush()) is not None:
                        run.record(batch, await self._send(run.endpoint, batch))
        except Exception as exc:
            raise run.interrupted(exc) from exc
        return run.finish()

    async def discontinue(
        self, product_ids: Iterable[str | int], *, max_items_per_request: int | None = None
    ) -> BulkResult:
        """Mark products Discontinued; see `ProductsAPI.discontinue`."""
        run = self._plan.ids(
            PRODUCTS_DISCONTINUE, product_ids, max_items_per_request=max_items_per_request
        )
        return await self._upload(run)

    async def recrawl(
        self, items: Iterable[RecrawlItem], *, max_items_per_request: int | None = None
    ) -> BulkResult:
        """Ask Nosto to re-crawl product pages (never resent); see `ProductsAPI.recrawl`."""
        run = self._plan.recrawl(
            PRODUCTS_RECRAWL, items, max_items_per_request=max_items_per_request
        )
        return await self._upload(run)

    async def create(
        self, products: Iterable[ProductInput], *, max_items_per_request: int | None = None
    ) -> BulkResult:
        """Deprecated: use `upsert`; see `ProductsAPI.create`."""
        _warn_legacy(PRODUCTS_CREATE, "create")
        run = self._plan.products(
            PRODUCTS_CREATE,
            products,
            partial=False,
            max_items_per_request=max_items_per_request,
        )
        return await self._upload(run)

    async def update(
        self,
        products: Iterable[ProductInput],
        *,
        partial: bool = False,
        max_items_per_request: int | None = None,
    ) -> BulkResult:
        """Deprecated: use `upsert`; see `ProductsAPI.update`."""
        _warn_legacy(PRODUCTS_UPDATE, "update")
        run = self._plan.products(
            PRODUCTS_UPDATE,
            products,
            partial=partial,
            max_items_per_request=max_items_per_request,
        )
        return await self._upload(run)

    async def _upload(self, run: BulkRun) -> BulkResult:
        while (batch := run.next_batch()) is not None:
            run.record(batch, await self._send(run.endpoint, batch))
        return run.finish()

    async def _send(self, endpoint: Endpoint, batch: Batch) -> NostoError | None:
        try:
            await self._transport.send(_batch_request(endpoint, batch))
        except _SEND_FAILURES as error:
            return error
        return None
