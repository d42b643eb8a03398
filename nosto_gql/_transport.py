"""The one place where requests are authenticated, sent, retried and turned into errors.

Everything above this layer (generated GraphQL operations, REST resources) describes *what* to
send; `Transport` / `AsyncTransport` decide *how*. Both share `_RequestFactory` for building
requests and `RetryPolicy` for retry decisions; only the I/O loop is written twice.
"""

from __future__ import annotations

import asyncio
import base64
import json as jsonlib
import logging
import time
from collections.abc import Mapping
from typing import Any

import httpx

from ._config import ClientConfig, ssl_context_for
from ._errors_map import request_id_of, status_error
from ._exceptions import ConfigurationError, RequestTimeoutError, TransportError
from ._facts import IGNORE_TRAFFIC_HEADER, TokenFamily
from ._retry import RetryPolicy

logger = logging.getLogger("nosto_gql")

QueryParams = Mapping[str, str | int | float | bool]


def basic_auth_header(token: str) -> str:
    """Nosto's Basic auth: an empty user name and the token as the password."""
    return "Basic " + base64.b64encode(f":{token}".encode()).decode("ascii")


class _RequestFactory:
    """Builds ready-to-send requests; shared by the sync and async transports."""

    def __init__(self, config: ClientConfig) -> None:
        self.config = config
        self.retry_policy = RetryPolicy(max_retries=config.max_retries)
        self._timeout = config.timeout.as_dict()

    def build(
        self,
        family: TokenFamily,
        method: str,
        path: str,
        *,
        json: Any = None,
        content: bytes | str | None = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
        params: QueryParams | None = None,
    ) -> httpx.Request:
        # The token is looked up first so a missing one fails before any byte is sent.
        token = self.config.tokens.require(family)
        if not path.startswith("/") or path.startswith("//"):
            # An absolute URL here could carry the token to another host.
            raise ConfigurationError(f"path must start with a single '/', got {path!r}")
        all_headers = {
            "Authorization": basic_auth_header(token),
            "User-Agent": self.config.user_agent,
            "Accept": "application/json",
        }
        if self.config.ignore_traffic:
            all_headers[IGNORE_TRAFFIC_HEADER] = "True"
        body: bytes | None = None
        if json is not None and content is not None:
            raise ConfigurationError("pass either json= or content=, not both")
        if json is not None:
            body = jsonlib.dumps(json, separators=(",", ":"), ensure_ascii=False).encode()
            all_headers["Content-Type"] = "application/json"
        elif content is not None:
            body = content.encode() if isinstance(content, str) else content
            all_headers["Content-Type"] = content_type or "application/octet-stream"
        if headers:
            all_headers.update(headers)
        return httpx.Request(
            method.upper(),
            self.config.base_url + path,
            params=dict(params) if params else None,
            headers=all_headers,
            content=body,
            extensions={"timeout": self._timeout},
        )


def _describe(request: httpx.Request) -> str:
    return f"{request.method} {request.url.path}"


def _transport_error(request: httpx.Request, exc: httpx.TransportError) -> TransportError:
    where = f"{_describe(request)} to {request.url.host}"
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimeoutError(f"{where} timed out ({type(exc).__name__}): {exc}")
    return TransportError(f"{where} failed ({type(exc).__name__}): {exc}")


def _log_response(request: httpx.Request, response: httpx.Response, started: float) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s -> %s in %.1f ms (request id %s)",
            _describe(request),
            response.status_code,
            (time.perf_counter() - started) * 1000,
            request_id_of(response) or "-",
        )


class Transport:
    """Sends requests for a synchronous client. Owns the httpx.Client unless one was given."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        ca_file: str | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._factory = _RequestFactory(config)
        self._owns_client = http_client is None
        self._client = http_client or httpx.Client(
            verify=ssl_context_for(ca_file), timeout=config.timeout, follow_redirects=False
        )

    @property
    def config(self) -> ClientConfig:
        return self._factory.config

    def send(
        self,
        family: TokenFamily,
        method: str,
        path: str,
        *,
        idempotent: bool,
        json: Any = None,
        content: bytes | str | None = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
        params: QueryParams | None = None,
    ) -> httpx.Response:
        """Send one request; return the 2xx response or raise a `NostoError`."""
        request = self._factory.build(
            family,
            method,
            path,
            json=json,
            content=content,
            content_type=content_type,
            headers=headers,
            params=params,
        )
        policy = self._factory.retry_policy
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                # Never follow redirects: a Location header must not receive the token.
                response = self._client.send(request, follow_redirects=False)
                response.read()
            except httpx.TransportError as exc:
                if policy.should_retry_error(exc, attempt=attempt, idempotent=idempotent):
                    time.sleep(policy.delay(attempt))
                    attempt += 1
                    continue
                raise _transport_error(request, exc) from None
            _log_response(request, response, started)
            if response.is_success:
                return response
            if policy.should_retry_status(
                response.status_code, attempt=attempt, idempotent=idempotent
            ):
                time.sleep(policy.delay(attempt, response))
                attempt += 1
                continue
            raise status_error(response, _describe(request))

    def close(self) -> None:
        if self._owns_client:
            self._client.close()


class AsyncTransport:
    """Sends requests for an asynchronous client. Owns the httpx.AsyncClient unless given one."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        ca_file: str | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._factory = _RequestFactory(config)
        self._owns_client = http_client is None
        self._client = http_client or httpx.AsyncClient(
            verify=ssl_context_for(ca_file), timeout=config.timeout, follow_redirects=False
        )

    @property
    def config(self) -> ClientConfig:
        return self._factory.config

    async def send(
        self,
        family: TokenFamily,
        method: str,
        path: str,
        *,
        idempotent: bool,
        json: Any = None,
        content: bytes | str | None = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
        params: QueryParams | None = None,
    ) -> httpx.Response:
        """Send one request; return the 2xx response or raise a `NostoError`."""
        request = self._factory.build(
            family,
            method,
            path,
            json=json,
            content=content,
            content_type=content_type,
            headers=headers,
            params=params,
        )
        policy = self._factory.retry_policy
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = await self._client.send(request, follow_redirects=False)
                await response.aread()
            except httpx.TransportError as exc:
                if policy.should_retry_error(exc, attempt=attempt, idempotent=idempotent):
                    await asyncio.sleep(policy.delay(attempt))
                    attempt += 1
                    continue
                raise _transport_error(request, exc) from None
            _log_response(request, response, started)
            if response.is_success:
                return response
            if policy.should_retry_status(
                response.status_code, attempt=attempt, idempotent=idempotent
            ):
                await asyncio.sleep(policy.delay(attempt, response))
                attempt += 1
                continue
            raise status_error(response, _describe(request))

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()
