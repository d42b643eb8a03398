"""Catalog for the end-to-end tests (the sandbox fixtures are in tests/conftest.py)."""

from __future__ import annotations

import pytest

from nosto_gql import NostoClient
from nosto_gql._demo_catalog import generated_products, sample_products


@pytest.fixture
def catalog(client: NostoClient) -> list[dict[str, object]]:
    products = sample_products() + generated_products(30)
    client.products.upsert(products).raise_for_errors()
    return products
