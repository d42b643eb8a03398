"""A fake Nosto for unit tests: answers with scripted responses and records every request.

Also the clients and products APIs wired to it, and sample products to send.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
from product_factory import product

from nosto_gql import AsyncNostoClient, NostoClient, Tokens
from nosto_gql.rest.products import AsyncProductsAPI, ProductsAPI


class Server:
    """Answers with the given responses in turn, then 200 with ``body``, and records requests.

    A response is a status (answered with ``body`` below 400, else ``{"message": "no"}``) or a
    whole `httpx.Response`. `answer` queues more; ``on_request`` runs as each request arrives.
    """

    def __init__(self, *responses: int | httpx.Response, body: Any = None) -> None:
        self.requests: list[httpx.Request] = []
        self.on_request: Callable[[], None] = lambda: None
        self._responses = list(responses)
        self._body = {} if body is None else body

    def answer(self, *responses: int | httpx.Response) -> None:
        """Queue more responses after the ones not given yet."""
        self._responses.extend(responses)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.on_request()
        answer = self._responses.pop(0) if self._responses else 200
        if isinstance(answer, httpx.Response):
            return answer
        return httpx.Response(answer, json=self._body if answer < 400 else {"message": "no"})

    @property
    def bodies(self) -> list[Any]:
        """Every request body, decoded from JSON."""
        return [json.loads(r.content) for r in self.requests]

    @property
    def calls(self) -> list[tuple[str, str, Any]]:
        """``(method, path, decoded body)`` of every request."""
        return [(r.method, r.url.path, json.loads(r.content)) for r in self.requests]

    @property
    def sent_ids(self) -> list[str]:
        """The product ids of every product sent (upsert arrays or the recrawl wrapper)."""
        sent = []
        for body in self.bodies:
            items = body["products"] if isinstance(body, dict) else body
            sent += [item if isinstance(item, str) else item["product_id"] for item in items]
        return sent


def mock_client(server: Server, tokens: Tokens, max_retries: int = 0) -> NostoClient:
    """A client whose requests reach ``server``, with retries that do not sleep."""
    client = NostoClient(
        tokens=tokens,
        max_retries=max_retries,
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
    )
    client.transport._sleep = lambda seconds: None
    return client


def mock_async_client(server: Server, tokens: Tokens, max_retries: int = 0) -> AsyncNostoClient:
    """The async twin of `mock_client`."""
    client = AsyncNostoClient(
        tokens=tokens,
        max_retries=max_retries,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)),
    )

    async def no_sleep(seconds: float) -> None:
        return None

    client.transport._sleep = no_sleep
    return client


PRODUCTS_TOKENS = Tokens(products="p")


def products_api(server: Server, max_bytes: int = 100_000, max_retries: int = 0) -> ProductsAPI:
    """`client.products` against ``server``, with a request cap of ``max_bytes``."""
    transport = mock_client(server, PRODUCTS_TOKENS, max_retries).transport
    return ProductsAPI(transport, max_bytes=max_bytes)


def async_products_api(
    server: Server, max_bytes: int = 100_000, max_retries: int = 0
) -> AsyncProductsAPI:
    """The async twin of `products_api`."""
    transport = mock_async_client(server, PRODUCTS_TOKENS, max_retries).transport
    return AsyncProductsAPI(transport, max_bytes=max_bytes)


def products(count: int, start: int = 0) -> Iterator[dict[str, object]]:
    """A generator of ``count`` valid products, ``P000``, ``P001``...."""
    return (product(f"P{i:03d}") for i in range(start, start + count))
