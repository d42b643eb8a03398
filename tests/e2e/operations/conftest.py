"""Fixtures for the bundled operations' end-to-end tests (the sandbox, `client` and `catalog`
fixtures come from tests/e2e/conftest.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timezone

import pytest

from nosto_gql import AsyncNostoClient, NostoClient
from nosto_gql.sandbox import Sandbox


@pytest.fixture
def session_id(client: NostoClient) -> str:
    """A fresh visitor session's Nosto customer id."""
    new = client.apps.new_session(referer="https://www.example.com/").new_session
    assert new
    return new


@pytest.fixture
async def aclient(sandbox: Sandbox) -> AsyncIterator[AsyncNostoClient]:
    async with sandbox.async_client() as client:
        yield client


@pytest.fixture
def now_iso() -> str:
    """An analytics timestamp: ISO-8601 with a zone, as Nosto's SDK sends it."""
    return datetime.now(timezone.utc).isoformat()
