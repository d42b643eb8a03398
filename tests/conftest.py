"""Fixtures shared by the suites that run the client against the sandbox over real TLS.

One sandbox serves the whole session (TLS and server start-up are the slow part); `sandbox`
wipes its state before every test so tests stay independent. tests/sandbox/ overrides
`running_sandbox` with one driven by a manual clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from nosto_gql import NostoClient
from nosto_gql.sandbox import Sandbox


@pytest.fixture(scope="session")
def running_sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sandbox:
        yield sandbox


@pytest.fixture
def sandbox(running_sandbox: Sandbox) -> Sandbox:
    running_sandbox.state.reset()
    return running_sandbox


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[NostoClient]:
    with sandbox.client() as client:
        yield client


# Before the fixed dates in tests and in Nosto's sample payloads (valid_until 2030-01-31).
PINNED_NOW = datetime(2026, 6, 1, tzinfo=timezone.utc)


@pytest.fixture
def pinned_now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """The time the rates client judges ``valid_until`` against, so a fixed future date in a
    test stays in the future whenever the suite runs."""
    monkeypatch.setattr("nosto_gql.rest.account._utc_now", lambda: PINNED_NOW)
    return PINNED_NOW
