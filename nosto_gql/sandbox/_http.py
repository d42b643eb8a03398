"""HTTP plumbing shared by every sandbox endpoint: JSON error bodies and the body-size cap."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from .. import _facts


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def strict_json(body: bytes | str) -> Any:
    """The decoded body; ValueError for anything that is not standard JSON. Python's own
    decoder takes NaN and Infinity, which a Java server such as Nosto's refuses."""
    return json.loads(body, parse_constant=_no_constant)


class PayloadTooLarge(Exception):
    """The request body passed Nosto's payload cap (`_facts.MAX_PAYLOAD_BYTES`)."""


def json_error(
    status: int, error_type: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """The sandbox's one error body: ``{"type": ..., "message": ...}``."""
    return JSONResponse({"type": error_type, "message": message}, status, headers=headers)


def too_large(what: str = "send less per call") -> JSONResponse:
    """The 413 answer to a body over the cap."""
    return json_error(
        413,
        "payload_too_large",
        f"The request body exceeds the {_facts.MAX_PAYLOAD_BYTES} byte limit; {what}",
    )


async def read_capped_body(request: Request) -> bytes:
    """The body, or `PayloadTooLarge` once it passes the cap.

    An oversized body is still read to its end (and dropped) so the client finishes sending
    and reads the 413 instead of seeing its connection reset mid-upload.
    """
    # Read at call time: the cap is a fact of `_facts`, never a copy of it.
    cap = _facts.MAX_PAYLOAD_BYTES
    declared = request.headers.get("content-length", "")
    over = declared.isdigit() and int(declared) > cap
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        over = over or size > cap
        if not over:
            chunks.append(chunk)
    if over:
        raise PayloadTooLarge
    return b"".join(chunks)


async def read_json(request: Request, too_large_hint: str = "send less per call") -> Any:
    """The decoded JSON body, or the error `Response` to answer instead (413 over the cap,
    400 for what is not standard JSON)."""
    try:
        return strict_json(await read_capped_body(request))
    except PayloadTooLarge:
        return too_large(too_large_hint)
    except (ValueError, UnicodeDecodeError):
        return json_error(400, "bad_request", "The body is not valid JSON")
