"""The products REST endpoints: upsert, discontinue and recrawl (REST.md 3.1-3.3)."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .._facts import MAX_PAYLOAD_BYTES, UPSERT_ERROR_TYPE, Availability
from ._catalog import merge_product
from ._state import SandboxState

# Nosto sends this JSON body with a text/plain type (REST.md 1.5); clients must cope.
_UPSERT_ERROR_CONTENT_TYPE = "text/plain; charset=utf-8"


class _PayloadTooLarge(Exception):
    pass


def _json_error(status: int, error_type: str, message: str) -> JSONResponse:
    return JSONResponse({"type": error_type, "message": message}, status)


def _too_large() -> JSONResponse:
    return _json_error(
        413,
        "payload_too_large",
        f"The request body exceeds the {MAX_PAYLOAD_BYTES} byte limit; "
        "send fewer products per call",
    )


async def _read_capped_body(request: Request) -> bytes:
    """The body, or `_PayloadTooLarge` once it passes Nosto's cap.

    An oversized body is still read to its end (and dropped) so the client finishes sending
    and reads the 413 instead of seeing its connection reset mid-upload.
    """
    declared = request.headers.get("content-length", "")
    too_large = declared.isdigit() and int(declared) > MAX_PAYLOAD_BYTES
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        too_large = too_large or size > MAX_PAYLOAD_BYTES
        if not too_large:
            chunks.append(chunk)
    if too_large:
        raise _PayloadTooLarge
    return b"".join(chunks)


async def _json_array_body(request: Request, what: str) -> list[Any] | Response:
    try:
        body = await _read_capped_body(request)
    except _PayloadTooLarge:
        return _too_large()
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return _json_error(400, "bad_request", "The body is not valid JSON")
    if not isinstance(payload, list):
        return _json_error(400, "bad_request", f"The body must be a JSON array of {what}")
    return payload


async def upsert_products(request: Request, state: SandboxState) -> Response:
    """POST /v1/products/upsert.

    Items are judged one by one: the valid ones are stored even when others in the same batch
    are rejected, and the 400 lists exactly the rejected product ids. Nosto's docs do not say
    whether a partly invalid batch is applied; storing the valid part is the reading that lets
    a client report "accepted / rejected" per product, and resending the batch is harmless
    because an upsert is idempotent.
    """
    payload = await _json_array_body(request, "products")
    if isinstance(payload, Response):
        return payload
    rejected = []
    with state.lock:
        for raw in payload:
            product_id, merged, problems = merge_product(raw, state.product)
            if merged is None:
                joined = ", ".join(p.message for p in problems)
                rejected.append({"product_id": product_id, "errors": joined})
            else:
                state.store_products([merged])
    if rejected:
        body = {
            "type": UPSERT_ERROR_TYPE,
            "message": f"{len(rejected)} of {len(payload)} products could not be upserted; "
            "see errors",
            "errors": rejected,
        }
        return Response(json.dumps(body), 400, media_type=_UPSERT_ERROR_CONTENT_TYPE)
    return JSONResponse({})


async def discontinue_products(request: Request, state: SandboxState) -> Response:
    """POST /v1/products/discontinue: ids of products to mark Discontinued.

    Unknown ids are accepted and ignored: there is nothing to discontinue.
    """
    payload = await _json_array_body(request, "product ids")
    if isinstance(payload, Response):
        return payload
    if any(isinstance(i, bool) or not isinstance(i, (str, int)) for i in payload):
        return _json_error(400, "bad_request", "Every product id must be a string or a number")
    with state.lock:
        for product_id in payload:
            product = state.product(str(product_id))
            if product is not None:
                product["availability"] = Availability.DISCONTINUED.value
    return JSONResponse({})


async def recrawl_products(request: Request, state: SandboxState) -> Response:
    """POST /products/recrawl: ``{"products": [{"product_id", "url"}]}``, recorded for
    inspection (the sandbox has no crawler)."""
    try:
        body = await _read_capped_body(request)
        payload = json.loads(body)
    except _PayloadTooLarge:
        return _too_large()
    except (ValueError, UnicodeDecodeError):
        return _json_error(400, "bad_request", "The body is not valid JSON")
    items = payload.get("products") if isinstance(payload, dict) else None
    if not isinstance(items, list) or not all(
        isinstance(i, dict) and i.get("product_id") not in (None, "") and i.get("url")
        for i in items
    ):
        return _json_error(
            400, "bad_request", 'The body must be {"products": [{"product_id": ..., "url": ...}]}'
        )
    state.record_recrawl(items)
    return JSONResponse({})
