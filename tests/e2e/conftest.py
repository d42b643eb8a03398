"""Catalog and shell environment for the end-to-end tests (the sandbox fixtures are in
tests/conftest.py)."""

from __future__ import annotations

import pytest

from nosto_gql import NostoClient, TokenFamily
from nosto_gql._demo_catalog import generated_products, sample_products
from nosto_gql._facts import BASE_URL_ENV_VAR, CA_FILE_ENV_VAR
from nosto_gql.sandbox import Sandbox


@pytest.fixture
def env(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """The environment a user's shell would have to reach the sandbox: base URL, CA file and
    every family's token, as `nosto-gql sandbox` prints them."""
    monkeypatch.setenv(BASE_URL_ENV_VAR, sandbox.base_url)
    monkeypatch.setenv(CA_FILE_ENV_VAR, sandbox.ca_file)
    for family in TokenFamily:
        monkeypatch.setenv(family.env_var, sandbox.tokens.get(family) or "")
    return sandbox


@pytest.fixture
def catalog(client: NostoClient) -> list[dict[str, object]]:
    products = sample_products() + generated_products(30)
    client.products.upsert(products).raise_for_errors()
    return products
