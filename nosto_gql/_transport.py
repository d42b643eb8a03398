"""The one place where requests are authenticated, sent, retried and turned into errors.

Everything above this layer (generated GraphQL operations, REST resources) describes *what* to
send; `Transport` / `AsyncTransport` decide *how*. Building a request and deciding what to do with
each attempt's outcome are shared (`_CallPlanner`); only the I/O loop is written twice.
"""

from __future__ import annotations

import base64
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import unquote

import anyio
import httpx

from . import _facts
from ._config import ClientConfig, ssl_context_for
from ._errors_map import request_id_of, status_error
from ._exceptions import (
    ConfigurationError,
    InvalidInputError,
    MalformedResponseError,
    RequestTimeoutError,
    TransportError,
)
from ._facts import IGNORE_TRAFFIC_HEADER, Endpoint, TokenFamily, family_of_path
from ._json import NOT_UTF8, compact_json, is_utf8
from ._retry import RetryPolicy

logger = logging.getLogger("nosto_gql")

QueryParams = Mapping[str, str | int | float | bool]

# Headers the transport owns: letting callers set them could redirect or leak credentials.
_RESERVED_HEADERS = frozenset({"authorization", "host"})


@dataclass(frozen=True)
class RequestSpec:
    """What to send, independent of how: built by resources and generated code, sent by a
    transport. ``idempotent`` says whether sending it twice is harmless (decides retries)."""

    family: TokenFamily | str
    method: str
    path: str
    idempotent: bool = False
    json: Any = None
    content: bytes | str | None = None
    content_type: str | None = None
    headers: Mapping[str, str] | None = None
    params: QueryParams | None = None

    @classmethod
    def to(
        cls,
        endpoint: Endpoint,
        *,
        path: str | None = None,
        content: bytes | str | None = None,
        content_type: str | None = None,
        params: QueryParams | None = None,
    ) -> RequestSpec:
        """A request to ``endpoint`` with its method, family and retry safety; ``path`` is the
        endpoint's own unless given (a template filled in)."""
        return cls(
            endpoint.family,
            endpoint.method,
            endpoint.path if path is None else path,
            idempotent=endpoint.idempotent,
            content=content,
            content_type=content_type,
            params=params,
        )


def basic_auth_header(token: str) -> str:
    """Nosto's Basic auth: an empty user name and the token as the password."""
    return "Basic " + base64.b64encode(f":{token}".encode()).decode("ascii")


def _token_family(family: TokenFamily | str) -> TokenFamily:
    try:
        return TokenFamily(family)
    except ValueError:
        choices = ", ".join(f.value for f in TokenFamily)
        raise ConfigurationError(f"unknown token family {family!r}; one of: {choices}") from None


def _checked_path(path: str, family: TokenFamily) -> str:
    """The path, if the ``family``'s token may be sent to it."""
    if not isinstance(path, str) or not path.startswith("/") or path.startswith("//"):
        # An absolute URL here could carry the token to another host.
        raise ConfigurationError(f"path must start with a single '/', got {path!r}")
    if "?" in path or "#" in path:
        raise ConfigurationError(f"path {path!r} must not hold a query or fragment; use params=")
    _check_owner(path, family)
    return path


def _without_dot_segments(path: str) -> str:
    """``path`` with ``.`` and ``..`` segments resolved (RFC 3986 5.2.4)."""
    kept: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(kept) > 1:
                kept.pop()
        elif segment != ".":
            kept.append(segment)
    return "/".join(kept)


def _check_owner(path: str, family: TokenFamily) -> None:
    """Refuse to send ``family``'s token to a path that belongs to another family."""
    # Compare decoded, resolved paths: "/v1/%67raphql" and "/v1/%2E/graphql" reach the same
    # endpoint as "/v1/graphql" on a server that decodes before it routes.
    owner = family_of_path(_without_dot_segments(unquote(path)))
    if owner is not None and owner is not family:
        raise ConfigurationError(
            f"{path} takes the {owner.token_name} token; refusing to send the "
            f"{family.token_name} token there (use TokenFamily.{owner.name})"
        )


def _refuse_non_utf8(path: str, params: QueryParams | None) -> None:
    texts = [("path", path), *((f"params[{k!r}]", v) for k, v in (params or {}).items())]
    for where, text in texts:
        if isinstance(text, str) and not is_utf8(text):
            raise InvalidInputError(f"the {where} {NOT_UTF8}", [(where, NOT_UTF8)])


def _refuse_oversized(body: bytes | None) -> None:
    # Nosto documents the cap for the products API and answers 413 above it; a body over it is
    # refused here for every endpoint, before the upload is spent on it.
    cap = _facts.MAX_PAYLOAD_BYTES
    if body is not None and len(body) > cap:
        raise InvalidInputError(
            f"the request body is {len(body)} bytes, over Nosto's {cap}-byte cap; send less "
            "per call (a value may be far longer than meant)",
            [("body", f"{len(body)} bytes > {cap}")],
        )


def _body_of(spec: RequestSpec) -> tuple[bytes | None, str | None]:
    if spec.json is not None and spec.content is not None:
        raise ConfigurationError("pass either json= or content=, not both")
    if spec.json is not None:
        try:
            return compact_json(spec.json), "application/json"
        except (TypeError, ValueError) as exc:
            raise InvalidInputError(f"json= cannot be encoded: {exc}") from None
    if spec.content is not None:
        content = spec.content
        if isinstance(content, str) and not is_utf8(content):
            raise InvalidInputError(f"the request body {NOT_UTF8}")
        body = content.encode() if isinstance(content, str) else content
        return body, spec.content_type or "application/octet-stream"
    return None, None


def _refuse_web_page(request: httpx.Request, response: httpx.Response) -> None:
    """A 2xx HTML or XML page comes from a captive portal, proxy or login page, not from
    Nosto's API, whose bodies are JSON (or empty): taking it as success would lose the call."""
    content_type = response.headers.get("Content-Type", "")
    media_type = content_type.split(";")[0].strip().lower()
    is_page = media_type in ("text/html", "application/xhtml+xml") or media_type.endswith("/xml")
    # An empty body typed text/html is a framework's default for "nothing to say": success.
    if is_page and response.content.lstrip()[:1] == b"<":
        raise MalformedResponseError(
            f"{_describe(request)} answered {response.status_code} with a {media_type} page, "
            "not Nosto's API (a proxy, captive portal or login page?); the call may not have "
            "reached Nosto",
            request_id=request_id_of(response),
            body=response.text[:1000],
        )


# The local part of an e-mail address in a path (GDPR and consent calls carry one).
_ADDRESS_LOCAL_PART = re.compile(r"[^/]*(?:@|%40)")


def _describe(request: httpx.Request) -> str:
    """``POST /v1/customers/redact/***@example.com``: the call, for messages and logs, with a
    shopper's address masked, since both end up in log files."""
    # On the raw path an address is one segment ("/" inside it is %2F), so it is masked whole.
    raw = request.url.raw_path.decode("ascii").split("?", 1)[0]
    return f"{request.method} {unquote(_ADDRESS_LOCAL_PART.sub('***%40', raw))}"


class _CallPlanner:
    """Builds requests and judges each attempt; shared by the sync and async transports."""

    def __init__(self, config: ClientConfig) -> None:
        self.config = config
        self.retry_policy = RetryPolicy(max_retries=config.max_retries)
        self._timeout = config.timeout.as_dict()
        self._base_path = httpx.URL(config.base_url).path.rstrip("/")

    def build(self, spec: RequestSpec) -> httpx.Request:
        """A ready request. Everything is checked and the request built *before* the token is
        read and added as the last step, so no error raised here, nor any traceback showing
        local variables, can contain the secret."""
        family = _token_family(spec.family)
        path = _checked_path(spec.path, family)
        _refuse_non_utf8(path, spec.params)
        headers = dict(spec.headers or {})
        reserved = sorted(h for h in headers if h.lower() in _RESERVED_HEADERS)
        if reserved:
            raise ConfigurationError(f"headers {reserved} are set by the transport itself")
        all_headers = {"User-Agent": self.config.user_agent, "Accept": "application/json"}
        if self.config.ignore_traffic:
            all_headers[IGNORE_TRAFFIC_HEADER] = "True"
        body, content_type = _body_of(spec)
        _refuse_oversized(body)
        if content_type:
            all_headers["Content-Type"] = content_type
        all_headers.update(headers)
        try:
            request = httpx.Request(
                spec.method.upper(),
                self.config.base_url + path,
                params=dict(spec.params) if spec.params else None,
                headers=all_headers,
                content=body,
                extensions={"timeout": self._timeout},
            )
        except (TypeError, ValueError, httpx.InvalidURL) as exc:
            # UnicodeEncodeError (a non-ASCII header value) is a ValueError.
            raise ConfigurationError(f"cannot build {spec.method} {path}: {exc}") from None
        # Checked again as httpx will send it: dot segments ("/v1/products/./upsert") are
        # removed while the URL is built, which could turn a harmless path into another
        # family's endpoint.
        _check_owner(request.url.path.removeprefix(self._base_path), family)
        request.headers["Authorization"] = basic_auth_header(self.config.tokens.require(family))
        return request

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
            _refuse_web_page(request, response)
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


def _verify_settings(
    ca_file: str | None,
    http_client: object | None,
    expected: type[httpx.Client | httpx.AsyncClient],
) -> Any:
    if http_client is not None:
        if not isinstance(http_client, expected):
            raise ConfigurationError(
                f"http_client must be an {expected.__module__}.{expected.__name__}, "
                f"not {type(http_client).__name__}"
            )
        if ca_file is not None:
            # The given client's own TLS settings would silently win over ca_file.
            raise ConfigurationError("pass ca_file= or http_client=, not both (set its verify=)")
        if http_client.auth is not None:
            raise ConfigurationError("http_client has its own auth=, which would replace the token")
    return ssl_context_for(ca_file)


_HttpClientT = TypeVar("_HttpClientT", httpx.Client, httpx.AsyncClient)


class _TransportBase(Generic[_HttpClientT]):
    """What the sync and async transports share: the planner, and the httpx client they own
    unless one was given."""

    def __init__(
        self,
        config: ClientConfig,
        ca_file: str | None,
        http_client: _HttpClientT | None,
        client_type: type[_HttpClientT],
    ) -> None:
        self._planner = _CallPlanner(config)
        verify = _verify_settings(ca_file, http_client, client_type)
        self._owns_client = http_client is None
        self._client: _HttpClientT = http_client or client_type(
            verify=verify, timeout=config.timeout, follow_redirects=False
        )

    @property
    def config(self) -> ClientConfig:
        return self._planner.config

    def ensure_open(self) -> None:
        """Raise `ConfigurationError` if the client is closed (before a run starts reading)."""
        if self._client.is_closed:
            raise ConfigurationError(
                "this client is closed (after close(), its with-block, or the sandbox that made "
                "it stopped); create a new client"
            )


class Transport(_TransportBase[httpx.Client]):
    """Sends requests for a synchronous client. Owns the httpx.Client unless one was given."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        ca_file: str | None = None,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(config, ca_file, http_client, httpx.Client)
        self._sleep = sleep

    def send(self, spec: RequestSpec) -> httpx.Response:
        """Send one request; return the 2xx response or raise a `NostoError`."""
        self.ensure_open()
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


class AsyncTransport(_TransportBase[httpx.AsyncClient]):
    """Sends requests for an asynchronous client. Owns the httpx.AsyncClient unless given one."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        ca_file: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    ) -> None:
        super().__init__(config, ca_file, http_client, httpx.AsyncClient)
        self._sleep = sleep

    async def send(self, spec: RequestSpec) -> httpx.Response:
        """Send one request; return the 2xx response or raise a `NostoError`."""
        self.ensure_open()
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
