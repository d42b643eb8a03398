"""Turning an unsuccessful HTTP response into the matching `APIStatusError` subclass."""

from __future__ import annotations

import json
from typing import Any

import httpx

from ._exceptions import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
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
