"""Nosto's sample request bodies from ../shared/reference (beside the checkout in CI).

Outside CI a checkout without them skips the tests that need them; in CI their absence fails.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared/reference/rest/sample-payloads"


def require_samples() -> Path:
    """The samples folder, or skip (fail in CI) when it is not there."""
    if not SAMPLES.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"reference sample payloads missing at {SAMPLES}")
        pytest.skip("reference sample payloads (../shared) not present beside this checkout")
    return SAMPLES


def load_sample(name: str) -> Any:
    """One sample body, decoded from JSON."""
    return json.loads((require_samples() / name).read_text(encoding="utf-8"))
