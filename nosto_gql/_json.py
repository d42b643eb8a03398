"""The one way request bodies are encoded: compact UTF-8 JSON."""

from __future__ import annotations

import json
from typing import Any


def compact_json(value: Any) -> bytes:
    """``value`` as compact JSON bytes (no spaces, non-ASCII kept as UTF-8)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
