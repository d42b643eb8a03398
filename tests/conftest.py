"""Fixtures shared by the suites that run the client against the sandbox over real TLS.

One sandbox serves the whole session (TLS and server start-up are the slow part); `sandbox`
wipes its state before every test so tests stay independent. tests/sandbox/ overrides
`running_sandbox` with one driven by a manual clock.
"""

from __future__ import annotations

from collections.abc import Iterator

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
