from __future__ import annotations

import os

import pytest


@pytest.fixture
def no_nosto_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No NOSTO_* variable leaks in from the developer's shell."""
    for name in list(os.environ):
        if name.startswith("NOSTO_"):
            monkeypatch.delenv(name)
    return monkeypatch
