"""One sandbox for the whole test session (TLS and uvicorn start-up are the slow part); the
`sandbox` fixture wipes its state before every test so tests stay independent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sandbox_helpers import SandboxHTTP

from nosto_gql.sandbox import ManualClock, Sandbox


@pytest.fixture(scope="session")
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture(scope="session")
def running_sandbox(clock: ManualClock) -> Iterator[Sandbox]:
    with Sandbox(clock=clock) as sandbox:
        yield sandbox


@pytest.fixture(scope="session")
def session_client(running_sandbox: Sandbox) -> Iterator[SandboxHTTP]:
    client = SandboxHTTP(running_sandbox)
    yield client
    client.http.close()


@pytest.fixture
def sandbox(running_sandbox: Sandbox) -> Sandbox:
    running_sandbox.state.reset()
    return running_sandbox


@pytest.fixture
def api(sandbox: Sandbox, session_client: SandboxHTTP) -> SandboxHTTP:
    """A client for a sandbox whose state is empty."""
    return session_client
