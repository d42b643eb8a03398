"""The one place where requests are authenticated, sent, retried and turned into errors.

Everything above this layer (generated GraphQL operations, REST resources) describes *what* to
send; `Transport` / `AsyncTransport` decide *how*. Building a request and deciding what to do with
each attempt's outcome are shared (`_CallPlanner`); only the I/O loop is written twice.
"""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import anyio
import httpx

from ._config import ClientConfig, ssl_context_for
from ._errors_map import request_id_of, status_error
from ._exceptions import ConfigurationError, RequestTimeoutError, TransportError
from ._facts import IGNORE_TRAFFIC_HEADER, TokenFamily, family_of_path
from ._json import compact_json
from ._retry import RetryPolicy

logger = logging.getLogger("nosto_gql")

QueryParams = Mapping[str, str | int | float | bool]

# Headers the transport owns: letting callers set them could redirect or leak credentials.
_RESERVED_HEADERS = frozenset({"authorization", "host"})


@dataclass(frozen=True)
class RequestSpec:
    """What to send, independent of how: built by resources and generated code, sent by a
    transport. ``idempotent`` says whether sending it twice is harmless (decides retries)."""

    family: TokenFamily
    method: str
    path: str
    idempotent: bool = False
    json: Any = None
    content: bytes | str | None = None
    content_type: str | None = None
    headers: Mapping[str, str] | None = None
    params: QueryParams | None = None


def basic_auth_header(token: str) -> str:
    """Nosto's Basic auth: an empty user name and the token as the password."""
    return "Basic " + base64.b64encode(f":{token}".encode()).decode("ascii")


def _describe(request: httpx.Request) -> str:
    return f"{request.method} {request.url.path}"


class _CallPlanner:
    """Builds requests and judges each attempt; shared by the sync and async transports."""

    def __init__(self, config: ClientConfig) -> None:
        self.config = config
        self.retry_policy = RetryPolicy(max_retries=config.max_retries)
        self._timeout = config.timeout.as_dict()

    def build(self, spec: RequestSpec) -> httpx.Request:
        family, path, headers = spec.family, spec.path, spec.headers
        # Every check runs before the secret is touched, so no traceback (even one showing
        # local variables) raised here can contain it; a missing token still fails before any
        # byte is sent.
        if not path.startswith("/") or path.startswith("//"):
            # An absolute URL here could carry the token to another host.
            raise ConfigurationError(f"path must start with a single '/', got {path!r}")
        owner = family_of_path(path)
        if owner is not None and owner is not family:
            raise ConfigurationError(
                f"{path} takes the {owner.token_name} token; refusing to send the "
                f"{family.token_name} token there (use TokenFamily.{owner.name})"
            )
        reserved = sorted(h for h in headers or {} if h.lower() in _RESERVED_HEADERS)
        if reserved:
            raise ConfigurationError(f"headers {reserved} are set by the transport itself")
        if spec.json is not None and spec.content is not None:
            raise ConfigurationError("pass either json= or content=, not both")
        all_headers = {
            "Authorization": basic_auth_header(self.config.tokens.require(family)),
            "User-Agent": self.config.user_agent,
            "Accept": "application/json",
        }
        if self.config.ignore_traffic:
            all_headers[IGNORE_TRAFFIC_HEADER] = "True"
        body: bytes | None = None
        if spec.json is not None:
            body = compact_json(spec.json)
            all_headers["Content-Type"] = "application/json"
        elif spec.content is not None:
            content = spec.content
            body = content.encode() if isinstance(content, str) else content
            all_headers["Content-Type"] = spec.content_type or "application/octet-stream"
        if headers:
            all_headers.update(headers)
        return httpx.Request(
            spec.method.upper(),
            self.config.base_url + path,
            params=dict(spec.params) if spec.params else None,
            headers=all_headers,
            content=body,
            extensions={"timeout": self._timeout},
        )

    def judge(
        self,
        request: httpx.Request,
        attempt: int,
        idempotent: bool,
        response: httpx.Response | None,
        error: httpx.TransportError | None,
    ) -> httpx.Response | float:
        """The response to return, or the seconds to wait before trying again; raises otherwise."""
        policy = self.retry_policy
        if response is None:
            assert error is not None
            if policy.should_retry_error(error, attempt=attempt, idempotent=idempotent):
                return policy.backoff(attempt)
            raise _transport_error(request, error) from None
        if response.is_success:
            return response
        if policy.should_retry_status(response.status_code, attempt=attempt, idempotent=idempotent):
            delay = policy.delay_after(response, attempt)
            if delay is not None:
                return delay
        raise status_error(response, _describe(request))

    @staticmethod
    def log(request: httpx.Request, response: httpx.Response | None, started: float) -> None:
        if response is not None and logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s -> %s in %.1f ms (request id %s)",
                _describe(request),
                response.status_code,
                (time.perf_counter() - started) * 1000,
                request_id_of(response) or "-",
            )


def _transport_error(request: httpx.Request, exc: httpx.TransportError) -> TransportError:
    where = f"{_describe(request)} to {request.url.host}"
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimeoutError(f"{where} timed out ({type(exc).__name__}): {exc}")
    return TransportError(f"{where} failed ({type(exc).__name__}): {exc}")


def _verify_settings(ca_file: str | None, http_client: object | None) -> Any:
    if http_client is not None and ca_file is not None:
        # The given client's own TLS settings would silently win over ca_file.
        raise ConfigurationError("pass ca_file= or http_client=, not both (configure its verify=)")
    return ssl_context_for(ca_file)


class Transport:
    """Sends requests for a synchronous client. Owns the httpx.Client unless one was given."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        ca_file: str | None = None,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._planner = _CallPlanner(config)
        self._sleep = sleep
        verify = _verify_settings(ca_file, http_client)
        self._owns_client = http_client is None
        self._client = http_client or httpx.Client(
            verify=verify, timeout=config.timeout, follow_redirects=False
        )

    @property
    def config(self) -> ClientConfig:
        return self._planner.config

    def send(self, spec: RequestSpec) -> httpx.Response:
        """Send one request; return the 2xx response or raise a `NostoError`."""
        request = self._planner.build(spec)
        idempotent = spec.idempotent
        attempt = 0
        while True:
            started = time.perf_counter()
            response, error = None, None
            try:
                # Never follow redirects: a Location header must not receive the token.
                response = self._client.send(request, follow_redirects=False)
                response.read()
            except httpx.TransportError as exc:
                error = exc
            self._planner.log(request, response, started)
            outcome = self._planner.judge(request, attempt, idempotent, response, error)
            if isinstance(outcome, httpx.Response):
                return outcome
            self._sleep(outcome)
            attempt += 1

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
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    ) -> None:
        self._planner = _CallPlanner(config)
        self._sleep = sleep
        verify = _verify_settings(ca_file, http_client)
        self._owns_client = http_client is None
        self._client = http_client or httpx.AsyncClient(
            verify=verify, timeout=config.timeout, follow_redirects=False
        )

    @property
    def config(self) -> ClientConfig:
        return self._planner.config

    async def send(self, spec: RequestSpec) -> httpx.Response:
        """Send one request; return the 2xx response or raise a `NostoError`."""
        request = self._planner.build(spec)
        idempotent = spec.idempotent
        attempt = 0
        while True:
            started = time.perf_counter()
            response, error = None, None
            try:
                response = await self._client.send(request, follow_redirects=False)
                await response.aread()
            except httpx.TransportError as exc:
                error = exc
            self._planner.log(request, response, started)
            outcome = self._planner.judge(request, attempt, idempotent, response, error)
            if isinstance(outcome, httpx.Response):
                return outcome
            await self._sleep(outcome)
            attempt += 1

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()
