"""The sandbox's HTTP face: routes, token checks, request ids and error bodies.

Every endpoint is declared in `_facts` (method, path, token family); this module only says
what each one does. Responses always carry an X-Request-ID header, and every request is
appended to the state's request log without any of its credentials.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .._facts import (
    EMAIL_BLACKLIST_ADD,
    EMAIL_BLACKLIST_REMOVE,
    EMAIL_CONSENT,
    GDPR_REDACT,
    GDPR_TAKEOUT,
    GRAPHQL,
    IGNORE_TRAFFIC_HEADER,
    LEGACY_RECOMMENDATIONS,
    PRODUCTS_CREATE,
    PRODUCTS_DISCONTINUE,
    PRODUCTS_RECRAWL,
    PRODUCTS_UPDATE,
    PRODUCTS_UPSERT,
    RATES_UPDATE,
    REQUEST_ID_HEADER,
    SETTINGS_UPDATE,
    Endpoint,
    TokenFamily,
)
from .._tokens import Tokens
from ._context import RequestContext
from ._engine import execute_request
from ._http import PayloadTooLarge, json_error, read_capped_body, strict_json, too_large
from ._records import RequestRecord
from ._rest import (
    blacklist_endpoint,
    consent_endpoint,
    discontinue_endpoint,
    recrawl_endpoint,
    redact_endpoint,
    takeout_endpoint,
    upsert_endpoint,
)
from ._rest_account import (
    exchange_rates_endpoint,
    legacy_recommendations_endpoint,
    settings_endpoint,
)
from ._state import SandboxState

logger = logging.getLogger("nosto_gql.sandbox")

Handler = Callable[[Request, SandboxState], Awaitable[Response]]

_ERROR_TYPES = {404: "not_found", 405: "method_not_allowed"}


def _request_details(request: Request) -> dict[str, Any]:
    details: dict[str, Any] = request.scope.setdefault("state", {}).setdefault("sandbox", {})
    return details


def _presented_password(request: Request) -> str | None:
    """The Basic-auth password when the user name is empty, as Nosto requires; else None."""
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, colon, password = decoded.partition(":")
    return password if colon and not user else None


def _authentication_failure(request: Request, endpoint: Endpoint, tokens: Tokens) -> str | None:
    """Why the request may not use ``endpoint`` (never quoting the token), or None if it may."""
    wanted = endpoint.family.token_name
    if "authorization" not in request.headers:
        return (
            "Authentication required: send HTTP Basic auth with an empty user name "
            f"and the {wanted} token as the password"
        )
    password = _presented_password(request)
    if password is None:
        return (
            "Malformed credentials: use HTTP Basic auth with an empty user name "
            "and the token as the password"
        )
    expected = tokens.get(endpoint.family)
    if expected is not None and hmac.compare_digest(password.encode(), expected.encode()):
        return None
    for family in TokenFamily:
        other = tokens.get(family)
        if other is not None and hmac.compare_digest(password.encode(), other.encode()):
            return f"This is an {family.token_name} token; {endpoint.path} needs the {wanted} token"
    return f"Invalid {wanted} token"


def _endpoint_route(
    endpoint: Endpoint, handler: Handler, state: SandboxState, tokens: Tokens
) -> Route:
    async def guarded(request: Request) -> Response:
        _request_details(request)["token_family"] = endpoint.family.value
        failure = _authentication_failure(request, endpoint, tokens)
        if failure is not None:
            challenge = {"WWW-Authenticate": 'Basic realm="Nosto API"'}
            return json_error(401, "unauthorized", failure, challenge)
        return await handler(request, state)

    # An address may hold "/" (sent as %2F, which the router sees decoded): match it whole.
    route_path = endpoint.path.replace("{email}", "{email:path}")
    return Route(route_path, guarded, methods=[endpoint.method])


def ignores_statistics(headers: Mapping[str, str]) -> bool:
    """True for test traffic that Nosto serves normally but keeps out of statistics."""
    return headers.get(IGNORE_TRAFFIC_HEADER, "").strip().lower() == "true"


async def graphql_endpoint(request: Request, state: SandboxState) -> Response:
    """POST /v1/graphql: a JSON body, or a raw document with Content-Type application/graphql."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        body = await read_capped_body(request)
    except PayloadTooLarge:
        return too_large("send a smaller document or fewer variables")
    variables: Any = None
    operation_name: Any = None
    if content_type == "application/graphql":
        try:
            query: Any = body.decode("utf-8")
        except UnicodeDecodeError:
            return json_error(400, "bad_request", "The document is not valid UTF-8")
    else:
        # Nosto treats any other content type as JSON, so a raw document sent as text fails here.
        try:
            payload = strict_json(body)
        except (ValueError, UnicodeDecodeError):
            return json_error(
                400,
                "bad_request",
                "The body is not valid JSON; send "
                "Content-Type application/graphql for a raw document",
            )
        if not isinstance(payload, dict):
            return json_error(400, "bad_request", "The body must be a JSON object")
        query = payload.get("query")
        variables = payload.get("variables")
        operation_name = payload.get("operationName")
    if not isinstance(query, str) or not query.strip():
        return json_error(400, "bad_request", "The request has no GraphQL query")
    if variables is not None and not isinstance(variables, dict):
        return json_error(400, "bad_request", "variables must be a JSON object")
    if operation_name is not None and not isinstance(operation_name, str):
        return json_error(400, "bad_request", "operationName must be a string")
    details = _request_details(request)
    details["operation_name"] = operation_name
    context = RequestContext(
        state,
        details["request_id"],
        ignores_statistics(request.headers),
        user_agent=request.headers.get("user-agent", ""),
    )
    return JSONResponse(execute_request(query, variables, operation_name, context))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        message = f"No endpoint at {request.url.path}"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    else:
        message = exc.detail
    error_type = _ERROR_TYPES.get(exc.status_code, "error")
    return json_error(exc.status_code, error_type, message, exc.headers)


async def _internal_error(request: Request, exc: Exception) -> Response:
    """The one 500 path: logs the failure once and answers JSON that carries the request id.

    Starlette's ServerErrorMiddleware calls this for any unhandled exception, sends the answer,
    then re-raises; `RequestLog` swallows that re-raise so the server does not log it again.
    """
    request_id = _request_details(request).get("request_id")
    logger.error("request %s failed", request_id, exc_info=exc)
    return json_error(500, "internal_error", f"Sandbox failure (request id {request_id})")


class RequestLog:
    """Outermost layer: gives each request an id, stamps it on the response and logs the
    request in the state (never its credentials)."""

    def __init__(self, app: ASGIApp, state: SandboxState) -> None:
        self.app = app
        self.state = state

    def _log(self, scope: Scope, details: dict[str, Any], status: int) -> None:
        headers = Request(scope).headers
        self.state._log_request(
            RequestRecord(
                request_id=details["request_id"],
                method=scope["method"],
                path=scope["path"],
                status=status,
                at=self.state.now(),
                token_family=details.get("token_family"),
                ignored_traffic=ignores_statistics(headers),
                user_agent=headers.get("user-agent"),
                operation_name=details.get("operation_name"),
            )
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = str(uuid.uuid4())
        details: dict[str, Any] = {"request_id": request_id}
        scope.setdefault("state", {})["sandbox"] = details
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
                # Logged before the response leaves, so a client that has its answer can
                # already find the request in the log.
                self._log(scope, details, message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            if not response_started:
                raise  # not answered by `_internal_error`: the server's own handling applies
            # Answered and logged by `_internal_error`; Starlette re-raises only so that a
            # server can log it, which would log the same failure twice.


def create_app(state: SandboxState, tokens: Tokens) -> ASGIApp:
    """The complete ASGI application of one sandbox."""
    routes = [
        _endpoint_route(GRAPHQL, graphql_endpoint, state, tokens),
        _endpoint_route(PRODUCTS_UPSERT, upsert_endpoint, state, tokens),
        _endpoint_route(PRODUCTS_DISCONTINUE, discontinue_endpoint, state, tokens),
        _endpoint_route(PRODUCTS_RECRAWL, recrawl_endpoint, state, tokens),
        # The legacy create and update are served as upserts: their semantics were never
        # documented, and an upsert is what both amount to for an existing integration.
        _endpoint_route(PRODUCTS_CREATE, upsert_endpoint, state, tokens),
        _endpoint_route(PRODUCTS_UPDATE, upsert_endpoint, state, tokens),
        _endpoint_route(RATES_UPDATE, exchange_rates_endpoint, state, tokens),
        _endpoint_route(SETTINGS_UPDATE, settings_endpoint, state, tokens),
        _endpoint_route(LEGACY_RECOMMENDATIONS, legacy_recommendations_endpoint, state, tokens),
        _endpoint_route(EMAIL_BLACKLIST_ADD, blacklist_endpoint, state, tokens),
        _endpoint_route(EMAIL_CONSENT, consent_endpoint, state, tokens),
        _endpoint_route(GDPR_TAKEOUT, takeout_endpoint, state, tokens),
        _endpoint_route(GDPR_REDACT, redact_endpoint, state, tokens),
    ]
    # Add and remove share a path (the op is in the query) unless the remove path is overridden.
    remove, add = EMAIL_BLACKLIST_REMOVE, EMAIL_BLACKLIST_ADD
    if (remove.method, remove.path) != (add.method, add.path):
        routes.append(_endpoint_route(remove, blacklist_endpoint, state, tokens))
    app = Starlette(
        routes=routes, exception_handlers={HTTPException: _http_error, Exception: _internal_error}
    )
    return RequestLog(app, state)
