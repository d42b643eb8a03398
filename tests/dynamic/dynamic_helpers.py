"""A fake Nosto (httpx.MockTransport) and a harness that runs the same call on both facades."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx

from nosto_gql import AsyncNostoClient, NostoClient, Tokens

TOKENS = Tokens(apps="apps-secret")
PRODUCT_QUERY = 'query Product { product(id: "TENT-1") { productId name } }'
NEW_SESSION = "mutation Start { newSession }"


def data(payload: dict[str, Any], request_id: str = "req-1") -> httpx.Response:
    return httpx.Response(200, json={"data": payload}, headers={"X-Request-ID": request_id})


class Wire:
    """Records requests and answers with the queued responses (the last one repeats)."""

    def __init__(self, *responses: httpx.Response) -> None:
        self.requests: list[httpx.Request] = []
        self._responses = list(responses) or [data({"product": {"name": "Tent"}})]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self._responses.pop(0) if len(self._responses) > 1 else self._responses[0]

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def json_body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


class Harness:
    """Builds a sync or async client on a Wire; runs calls synchronously either way."""

    def __init__(self, flavour: str) -> None:
        self.flavour = flavour
        self.slept: list[float] = []

    def client(self, wire: Wire) -> NostoClient | AsyncNostoClient:
        mock = httpx.MockTransport(wire)
        if self.flavour == "sync":
            sync = NostoClient(tokens=TOKENS, http_client=httpx.Client(transport=mock))
            sync.transport._sleep = self.slept.append
            return sync
        client = AsyncNostoClient(tokens=TOKENS, http_client=httpx.AsyncClient(transport=mock))

        async def record_sleep(seconds: float) -> None:
            self.slept.append(seconds)

        client.transport._sleep = record_sleep
        return client

    def graphql(self, wire: Wire, *args: Any, **kwargs: Any) -> dict[str, Any]:
        client = self.client(wire)
        if isinstance(client, NostoClient):
            return client.graphql(*args, **kwargs)
        return asyncio.run(client.graphql(*args, **kwargs))

    def gql_execute(self, wire: Wire, request: Any, **kwargs: Any) -> Any:
        """Execute a gql request through ``client.gql_client()``."""
        client = self.client(wire)
        if isinstance(client, NostoClient):
            return client.gql_client().execute(request, **kwargs)

        async def run() -> Any:
            assert isinstance(client, AsyncNostoClient)
            return await client.gql_client().execute_async(request, **kwargs)

        return asyncio.run(run())
