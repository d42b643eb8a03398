"""A fake Nosto for unit tests: answers with scripted statuses and records every request."""

from __future__ import annotations

from typing import Any

import httpx

from nosto_gql import AsyncNostoClient, NostoClient, Tokens


class Server:
    """Answers with the given statuses in turn (then 200, with ``body``) and records requests."""

    def __init__(self, *statuses: int, body: Any = None) -> None:
        self.requests: list[httpx.Request] = []
        self._statuses = list(statuses)
        self._body = {} if body is None else body

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status = self._statuses.pop(0) if self._statuses else 200
        return httpx.Response(status, json=self._body if status < 400 else {"message": "no"})


def mock_client(server: Server, tokens: Tokens, max_retries: int = 0) -> NostoClient:
    """A client whose requests reach ``server``, with retries that do not sleep."""
    client = NostoClient(
        tokens=tokens,
        max_retries=max_retries,
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
    )
    client.transport._sleep = lambda seconds: None
    return client


def mock_async_client(server: Server, tokens: Tokens) -> AsyncNostoClient:
    """The async twin of `mock_client` (no retries)."""
    return AsyncNostoClient(
        tokens=tokens,
        max_retries=0,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)),
    )
