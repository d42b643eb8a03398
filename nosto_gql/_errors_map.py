"""Reading Nosto's responses: an unsuccessful one becomes the matching `APIStatusError`
subclass, a successful one that should be JSON is decoded or refused."""

from __future__ import annotations

import json
from typing import Any

import httpx

from ._exceptions import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    MalformedResponseError,
    NotFoundError,
    PayloadTooLargeError,
    RateLimitError,
    ServerError,
)
from ._facts import REQUEST_ID_HEADER
from ._retry import retry_after_seconds

_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: AuthenticationError,
    404: NotFoundError,
    413: PayloadTooLargeError,
    429: RateLimitError,
}


def request_id_of(response: httpx.Response) -> str | None:
    """Nosto's request id, to quote in a support ticket."""
    request_id: str | None = response.headers.get(REQUEST_ID_HEADER)
    return request_id


def parse_body(response: httpx.Response) -> Any:
    """The body as JSON when it is JSON, whatever the Content-Type says, else as text.

    Nosto serves JSON error bodies as text/plain, so the header cannot be trusted.
    """
    text = response.text
    try:
        return json.loads(text)
    except ValueError:
        return text


def json_document(response: httpx.Response, what: str) -> Any:
    """The decoded JSON of a successful response, or `MalformedResponseError` saying why not.

    JSON or text/plain (which Nosto uses for JSON bodies elsewhere) is read; an HTML or XML page
    with a 200 status is a proxy or portal talking, not the API, whatever its body looks like.
    """
    request_id = request_id_of(response)
    content_type = response.headers.get("Content-Type", "")
    media_type = content_type.split(";")[0].strip().lower()
    if media_type and not (media_type.endswith("json") or media_type == "text/plain"):
        raise MalformedResponseError(
            f"{what} has Content-Type {content_type}, not JSON",
            request_id=request_id,
            body=response.text[:1000],
        )
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):
        raise MalformedResponseError(
            f"{what} is not JSON (Content-Type {content_type or 'not given'})",
            request_id=request_id,
            body=response.text[:1000],
        ) from None


def status_error(response: httpx.Response, what: str) -> APIStatusError:
    """The exception for a non-2xx ``response`` to the request described by ``what``."""
    body = parse_body(response)
    detail = _message_of(body)
    status = response.status_code
    if status >= 500:
        cls: type[APIStatusError] = ServerError
    else:
        cls = _STATUS_ERRORS.get(status, APIStatusError)
    message = f"{what} failed: {detail}" if detail else f"{what} failed"
    if cls is AuthenticationError:
        message += " (check that the token is right and belongs to this endpoint's family)"
    return cls(
        message,
        status_code=status,
        request_id=request_id_of(response),
        body=body,
        retry_after=retry_after_seconds(response),
    )


def _message_of(body: Any) -> str:
    if isinstance(body, dict):
        message = body.get("message")
        return str(message) if message else ""
    if isinstance(body, str):
        text = body.strip()
        # An HTML error page says nothing useful in a one-line message.
        if text.startswith("<"):
            return "the server sent an HTML page instead of an API response"
        return text[:300]
    return ""
