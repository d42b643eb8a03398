"""Sample catalog for the dynamic-query tests (the sandbox fixtures are in tests/conftest.py)."""

from __future__ import annotations

import pytest

from nosto_gql import NostoClient
from nosto_gql._demo_catalog import sample_products


@pytest.fixture
def catalog(client: NostoClient) -> None:
    client.products.upsert(sample_products()).raise_for_errors()
