"""The one way request bodies are encoded: compact UTF-8 JSON, standard JSON only."""

from __future__ import annotations

import json
from typing import Any

from ._exceptions import InvalidInputError

# What a lone surrogate is and where it comes from, for every message that meets one.
LONE_SURROGATE = "a lone surrogate such as \\ud800, e.g. from an emoji cut in half by an export"
NOT_UTF8 = f"holds text that is not valid UTF-8 ({LONE_SURROGATE})"


def compact_json(value: Any) -> bytes:
    """``value`` as compact JSON bytes (no spaces, non-ASCII kept as UTF-8).

    NaN and Infinity are refused (Python writes them, JSON has no such values and Nosto's
    parser rejects the whole body), and so is text that cannot be UTF-8; both as
    `InvalidInputError`, before anything is sent.
    """
    try:
        return json.dumps(
            value, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        ).encode()
    except UnicodeEncodeError:
        raise InvalidInputError(f"the request body {NOT_UTF8}") from None
    except ValueError as exc:  # allow_nan=False
        raise InvalidInputError(f"the request body cannot be JSON: {exc}") from None


def is_utf8(text: str) -> bool:
    """Whether ``text`` can be sent: no lone surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
