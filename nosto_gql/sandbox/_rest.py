"""The REST endpoints: products upsert, discontinue and recrawl (REST.md 3.1-3.3), and the
API_EMAIL blacklist, consent and GDPR endpoints (REST.md 3.6-3.10)."""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import TypeAdapter, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .._facts import (
    EMAIL_BLACKLIST_ADD_OP,
    EMAIL_BLACKLIST_OP_PARAM,
    EMAIL_BLACKLIST_REMOVE_OP,
    UPSERT_ERROR_TYPE,
    Availability,
)
from ..models._fields import AbsoluteUrl
from ..rest.email import email_problem
from ._catalog import upsert_products
from ._http import PayloadTooLarge, json_error, read_capped_body, read_json, too_large
from ._state import SandboxState

# Nosto sends this JSON body with a text/plain type (REST.md 1.5); clients must cope.
_UPSERT_ERROR_CONTENT_TYPE = "text/plain; charset=utf-8"
_SEND_FEWER = "send fewer products per call"
_URL: TypeAdapter[str] = TypeAdapter(AbsoluteUrl)


async def _json_array_body(request: Request, what: str) -> list[Any] | Response:
    payload = await read_json(request, _SEND_FEWER)
    if isinstance(payload, (Response, list)):
        return payload
    return json_error(400, "bad_request", f"The body must be a JSON array of {what}")


async def upsert_endpoint(request: Request, state: SandboxState) -> Response:
    """POST /v1/products/upsert.

    Items are judged one by one: the valid ones are stored even when others in the same batch
    are rejected, and the 400 lists exactly the rejected product ids, each with its problems
    comma-joined as Nosto does. Nosto's docs do not say whether a partly invalid batch is
    applied; storing the valid part is the reading that lets a client report "accepted /
    rejected" per product, and resending the batch is harmless because an upsert is idempotent.
    """
    payload = await _json_array_body(request, "products")
    if isinstance(payload, Response):
        return payload
    rejected = upsert_products(state, payload)
    if rejected:
        body = {
            "type": UPSERT_ERROR_TYPE,
            "message": f"{len(rejected)} of {len(payload)} products could not be upserted; "
            "see errors",
            "errors": [
                {"product_id": r.product_id, "errors": ", ".join(p.message for p in r.problems)}
                for r in rejected
            ],
        }
        return Response(json.dumps(body), 400, media_type=_UPSERT_ERROR_CONTENT_TYPE)
    return JSONResponse({})


async def discontinue_endpoint(request: Request, state: SandboxState) -> Response:
    """POST /v1/products/discontinue: ids of products to mark Discontinued.

    Unknown ids are accepted and ignored: there is nothing to discontinue.
    """
    payload = await _json_array_body(request, "product ids")
    if isinstance(payload, Response):
        return payload
    if any(isinstance(i, bool) or not isinstance(i, (str, int)) for i in payload):
        return json_error(400, "bad_request", "Every product id must be a string or a number")
    with state.lock:
        for product_id in payload:
            product = state._product(str(product_id))
            if product is not None:
                product["availability"] = Availability.DISCONTINUED.value
    return JSONResponse({})


async def recrawl_endpoint(request: Request, state: SandboxState) -> Response:
    """POST /products/recrawl: ``{"products": [{"product_id", "url"}]}``, recorded for
    inspection (the sandbox has no crawler)."""
    payload = await read_json(request, _SEND_FEWER)
    if isinstance(payload, Response):
        return payload
    items = payload.get("products") if isinstance(payload, dict) else None
    if not isinstance(items, list) or not all(
        isinstance(i, dict) and i.get("product_id") not in (None, "") and _is_url(i.get("url"))
        for i in items
    ):
        return json_error(
            400,
            "bad_request",
            'The body must be {"products": [{"product_id": ..., "url": ...}]}, each url an '
            "absolute http(s) URL",
        )
    state._record_recrawl(items)
    return JSONResponse({})


def _is_url(value: object) -> bool:
    try:
        _URL.validate_python(value)
    except ValidationError:
        return False
    return True


def _is_email(value: str) -> bool:
    return email_problem(value) is None  # the client's own rule


async def blacklist_endpoint(request: Request, state: SandboxState) -> Response:
    """POST /v1/email/blacklist?op=add|remove: one address a line (REST.md 3.6-3.7)."""
    op = request.query_params.get(EMAIL_BLACKLIST_OP_PARAM)
    if op not in (EMAIL_BLACKLIST_ADD_OP, EMAIL_BLACKLIST_REMOVE_OP):
        return json_error(400, "bad_request", "op must be add or remove")
    try:
        text = (await read_capped_body(request)).decode("utf-8")
    except PayloadTooLarge:
        return too_large("send fewer addresses per call")
    except UnicodeDecodeError:
        return json_error(400, "bad_request", "The body must be UTF-8 text")
    emails = [line.strip() for line in text.splitlines() if line.strip()]
    bad = [e for e in emails if not _is_email(e)]
    if bad:
        return json_error(400, "bad_request", f"Not e-mail addresses: {', '.join(bad)}")
    state._change_blacklist(emails, add=op == EMAIL_BLACKLIST_ADD_OP)
    return JSONResponse({})


EmailHandler = Callable[[Request, SandboxState, str], Awaitable[Response]]


def _email_in_path(handler: EmailHandler) -> Callable[[Request, SandboxState], Awaitable[Response]]:
    """An endpoint whose path carries an e-mail address: a 400 unless it looks like one."""

    @functools.wraps(handler)
    async def endpoint(request: Request, state: SandboxState) -> Response:
        email = str(request.path_params["email"])
        if not _is_email(email):
            return json_error(400, "bad_request", "The path must hold an e-mail address")
        return await handler(request, state, email)

    return endpoint


@_email_in_path
async def consent_endpoint(request: Request, state: SandboxState, email: str) -> Response:
    """POST /v1/customers/consent/{email}/{true|false} (REST.md 3.8)."""
    granted = request.path_params["state"]
    if granted not in ("true", "false"):
        return json_error(400, "bad_request", "The consent state must be true or false")
    state._set_consent(email, granted == "true")
    return JSONResponse({})


@_email_in_path
async def takeout_endpoint(request: Request, state: SandboxState, email: str) -> Response:
    """POST /v1/customers/takeout/{email}: recorded (the sandbox sends no export)."""
    state._record_takeout(email)
    return JSONResponse({})


@_email_in_path
async def redact_endpoint(request: Request, state: SandboxState, email: str) -> Response:
    """DELETE /v1/customers/redact/{email}: forgets what the sandbox holds about the address."""
    state._redact(email)
    return JSONResponse({})
