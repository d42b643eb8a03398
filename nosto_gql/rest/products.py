"""API_PRODUCTS: keep Nosto's copy of the catalog in sync (``client.products``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

from pydantic import TypeAdapter, ValidationError

from .._exceptions import (
    APIStatusError,
    AuthenticationError,
    InvalidInputError,
    NostoError,
    TransportError,
)
from .._facts import (
    MAX_PAYLOAD_BYTES,
    PRODUCTS_DISCONTINUE,
    PRODUCTS_RECRAWL,
    PRODUCTS_UPSERT,
    Endpoint,
)
from .._json import compact_json
from .._transport import AsyncTransport, RequestSpec, Transport
from ..models import validate_products
from ..models._fields import AbsoluteUrl, Identifier, got
from ..models.validation import ProductInput
from ._bulk import (
    Batch,
    BulkResult,
    batch_outcomes,
    check_item_sizes,
    not_attempted,
    plan_batches,
)

RecrawlItem: TypeAlias = Mapping[str, Any] | tuple[str | int, str]
"""``{"product_id": ..., "url": ...}`` or ``(product_id, url)``."""


@dataclass(frozen=True)
class _Envelope:
    """What encloses the items of one request body."""

    prefix: bytes = b"["
    suffix: bytes = b"]"

    @property
    def overhead(self) -> int:
        return len(self.prefix) + len(self.suffix)


_ARRAY = _Envelope()
_RECRAWL_ENVELOPE = _Envelope(b'{"products":[', b"]}")

_IDENTIFIER: TypeAdapter[str] = TypeAdapter(Identifier)
_URL: TypeAdapter[str] = TypeAdapter(AbsoluteUrl)


def _encoded_products(
    products: Iterable[ProductInput], *, partial: bool, max_bytes: int
) -> list[tuple[str, bytes]]:
    # Everything is validated and measured before the first request: bad input must not
    # half-send a catalog.
    models = validate_products(products, partial=partial)
    encoded = [(model.product_id, model.to_payload_json()) for model in models]
    check_item_sizes(encoded, max_bytes=max_bytes, overhead=_ARRAY.overhead)
    return encoded


def _check_container(items: object, what: str) -> None:
    # Iterating a single id or item would yield its characters or keys: say so.
    if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Iterable):
        raise InvalidInputError(
            f"expected an iterable of {what} (e.g. a list); got a single "
            f"{type(items).__name__}: wrap it in a list"
        )


def _check(adapter: TypeAdapter[str], value: object) -> tuple[str | None, str | None]:
    """The validated value, or the message saying why it is not valid."""
    try:
        return adapter.validate_python(value), None
    except ValidationError as exc:
        return None, "; ".join(str(error["msg"]) for error in exc.errors())


def _encoded_ids(product_ids: Iterable[str | int], *, max_bytes: int) -> list[tuple[str, bytes]]:
    """Ids as JSON strings, first occurrence of each kept; every bad one named by its index."""
    _check_container(product_ids, "product ids")
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    encoded: list[tuple[str, bytes]] = []
    count = 0
    for index, raw in enumerate(product_ids):
        count += 1
        product_id, problem = _check(_IDENTIFIER, raw)
        if product_id is None:
            problems.append((f"product_ids[{index}]", problem or "invalid"))
        elif product_id not in seen:
            seen.add(product_id)
            encoded.append((product_id, compact_json(product_id)))
    if problems:
        raise InvalidInputError(f"{len(problems)} of {count} product ids are invalid", problems)
    check_item_sizes(encoded, max_bytes=max_bytes, overhead=_ARRAY.overhead)
    return encoded


def _recrawl_fields(index: int, item: object) -> tuple[object, object, list[tuple[str, str]]]:
    """The raw product id and url of one item, or the problems with its shape."""
    where = f"items[{index}]"
    if isinstance(item, Mapping):
        unknown = sorted(str(key) for key in item if key not in ("product_id", "url"))
        problems = [
            (f"{where}.{key}", "unknown field; expected product_id and url") for key in unknown
        ]
        problems += [
            (f"{where}.{key}", "missing") for key in ("product_id", "url") if key not in item
        ]
        return item.get("product_id"), item.get("url"), problems
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return item[0], item[1], []
    expected = "expected a mapping with product_id and url, or a (product_id, url) pair"
    return None, None, [(where, f"{expected}; got {got(item)}")]


def _encoded_recrawl(items: Iterable[RecrawlItem], *, max_bytes: int) -> list[tuple[str, bytes]]:
    """Recrawl items as JSON objects; an exact repeat of an earlier item is dropped."""
    _check_container(items, "recrawl items")
    problems: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    encoded: list[tuple[str, bytes]] = []
    count = bad = 0
    for index, item in enumerate(items):
        count += 1
        raw_id, raw_url, found = _recrawl_fields(index, item)
        if found:
            bad += 1
            problems += found
            continue
        product_id, id_problem = _check(_IDENTIFIER, raw_id)
        url, url_problem = _check(_URL, raw_url)
        where = f"items[{index}]" + (f" (product_id {got(product_id)})" if product_id else "")
        if product_id is None or url is None:
            bad += 1
            if id_problem:
                problems.append((f"{where}.product_id", id_problem))
            if url_problem:
                problems.append((f"{where}.url", url_problem))
        elif (product_id, url) not in seen:
            seen.add((product_id, url))
            encoded.append((product_id, compact_json({"product_id": product_id, "url": url})))
    if problems:
        raise InvalidInputError(f"{bad} of {count} recrawl items are invalid", problems)
    check_item_sizes(encoded, max_bytes=max_bytes, overhead=_RECRAWL_ENVELOPE.overhead)
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

    def __init__(
        self, encoded: list[tuple[str, bytes]], max_bytes: int, envelope: _Envelope = _ARRAY
    ) -> None:
        self.result = BulkResult()
        self._batches: Iterator[Batch] = plan_batches(
            encoded, max_bytes=max_bytes, prefix=envelope.prefix, suffix=envelope.suffix
        )
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
        encoded = _encoded_products(products, partial=partial, max_bytes=self._max_bytes)
        return self._upload(PRODUCTS_UPSERT, encoded, _ARRAY)

    def discontinue(self, product_ids: Iterable[str | int]) -> BulkResult:
        """Mark products Discontinued at once (for products removed from the catalog; use an
        ``OutOfStock`` upsert for ones merely sold out).

        Integer ids are sent as strings; a repeated id is sent once. An empty or blank id raises
        `InvalidInputError` naming its index, before anything is sent; no ids, no request.
        Splits under the 2 MB cap; retried like upserts (discontinuing twice is harmless).
        Returns a `BulkResult` per id; a refused token before anything was accepted raises
        `AuthenticationError`. Nosto accepts ids it does not know.
        """
        self._transport.config.tokens.require(PRODUCTS_DISCONTINUE.family)
        encoded = _encoded_ids(product_ids, max_bytes=self._max_bytes)
        return self._upload(PRODUCTS_DISCONTINUE, encoded, _ARRAY)

    def recrawl(self, items: Iterable[RecrawlItem]) -> BulkResult:
        """Ask Nosto's crawler to re-read product pages: ``{"product_id", "url"}`` mappings or
        ``(product_id, url)`` pairs; each url an absolute http(s) URL.

        Every item is validated first (`InvalidInputError` names the item and field; nothing is
        sent); an exact repeat of an item is sent once. Each item costs one page load on your
        shop, so a request that may have reached Nosto is never resent: a 503 or a read timeout
        leaves its items ``failed`` and stops. Returns a `BulkResult` per item (by product id).
        """
        self._transport.config.tokens.require(PRODUCTS_RECRAWL.family)
        encoded = _encoded_recrawl(items, max_bytes=self._max_bytes)
        return self._upload(PRODUCTS_RECRAWL, encoded, _RECRAWL_ENVELOPE)

    def _upload(
        self, endpoint: Endpoint, encoded: list[tuple[str, bytes]], envelope: _Envelope
    ) -> BulkResult:
        run = _BulkRun(encoded, self._max_bytes, envelope)
        while (batch := run.next_batch()) is not None:
            run.record(batch, self._send(endpoint, batch))
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
        encoded = _encoded_products(products, partial=partial, max_bytes=self._max_bytes)
        return await self._upload(PRODUCTS_UPSERT, encoded, _ARRAY)

    async def discontinue(self, product_ids: Iterable[str | int]) -> BulkResult:
        """Mark products Discontinued; see `ProductsAPI.discontinue`."""
        self._transport.config.tokens.require(PRODUCTS_DISCONTINUE.family)
        encoded = _encoded_ids(product_ids, max_bytes=self._max_bytes)
        return await self._upload(PRODUCTS_DISCONTINUE, encoded, _ARRAY)

    async def recrawl(self, items: Iterable[RecrawlItem]) -> BulkResult:
        """Ask Nosto to re-crawl product pages (never resent); see `ProductsAPI.recrawl`."""
        self._transport.config.tokens.require(PRODUCTS_RECRAWL.family)
        encoded = _encoded_recrawl(items, max_bytes=self._max_bytes)
        return await self._upload(PRODUCTS_RECRAWL, encoded, _RECRAWL_ENVELOPE)

    async def _upload(
        self, endpoint: Endpoint, encoded: list[tuple[str, bytes]], envelope: _Envelope
    ) -> BulkResult:
        run = _BulkRun(encoded, self._max_bytes, envelope)
        while (batch := run.next_batch()) is not None:
            run.record(batch, await self._send(endpoint, batch))
        return run.finish()

    async def _send(self, endpoint: Endpoint, batch: Batch) -> NostoError | None:
        try:
            await self._transport.send(_batch_request(endpoint, batch))
        except (APIStatusError, TransportError) as error:
            return error
        return None
