"""One sandbox (real TLS) for the dynamic-query tests; its state is wiped before each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from nosto_gql import NostoClient
from nosto_gql._demo_catalog import sample_products
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


@pytest.fixture
def catalog(client: NostoClient) -> None:
    client.products.upsert(sample_products()).raise_for_errors()
