"""Nosto's 2 MB request cap at its exact boundary, client and sandbox together over real TLS: a
body of exactly the cap goes in one request and is accepted; one byte more splits in two."""

from __future__ import annotations

import json
from typing import Any

import pytest
from product_factory import product

from nosto_gql import InvalidInputError, NostoClient
from nosto_gql._facts import MAX_PAYLOAD_BYTES
from nosto_gql.models import Product
from nosto_gql.sandbox import Sandbox


def _catalog_of_body_size(size: int, count: int = 4) -> list[dict[str, Any]]:
    """``count`` products whose upsert body (a JSON array) is exactly ``size`` bytes."""
    products = [product(f"P{i}", description="x" * 1000) for i in range(count)]
    encoded = [Product.model_validate(p).to_payload_json() for p in products]
    body_size = 2 + sum(len(e) for e in encoded) + (count - 1)  # brackets and commas
    share, rest = divmod(size - body_size, count)
    for index, item in enumerate(products):
        item["description"] += "x" * (share + (rest if index == 0 else 0))
    return products


@pytest.mark.parametrize(("extra", "requests"), [(0, 1), (1, 2)])
def test_upsert_at_and_one_byte_over_the_cap(
    sandbox: Sandbox, client: NostoClient, extra: int, requests: int
) -> None:
    products = _catalog_of_body_size(MAX_PAYLOAD_BYTES + extra)
    encoded = [Product.model_validate(p).to_payload_json() for p in products]
    assert len(b"[" + b",".join(encoded) + b"]") == MAX_PAYLOAD_BYTES + extra  # the premise
    result = client.products.upsert(products)
    assert result.ok, result.summary()
    assert result.requests_sent == requests
    assert set(sandbox.state.products) == {"P0", "P1", "P2", "P3"}
    assert all(r.status == 200 for r in sandbox.state.requests)


@pytest.mark.parametrize(("extra", "requests"), [(0, 1), (1, 2)])
def test_discontinue_at_and_one_byte_over_the_cap(
    sandbox: Sandbox, client: NostoClient, extra: int, requests: int
) -> None:
    # Ids of 98 characters are 100 bytes quoted; with the commas and brackets the body is
    # exactly the cap when the last id takes up the remainder.
    count = MAX_PAYLOAD_BYTES // 101
    body_size = 2 + count * 100 + (count - 1)
    ids = [f"{i:098d}" for i in range(count)]
    ids[-1] += "y" * (MAX_PAYLOAD_BYTES + extra - body_size)
    assert len(json.dumps(ids, separators=(",", ":"))) == MAX_PAYLOAD_BYTES + extra  # the premise
    result = client.products.discontinue(ids)
    assert result.ok, result.summary()
    assert result.requests_sent == requests
    assert all(r.status == 200 for r in sandbox.state.requests)


def test_a_single_product_over_the_cap_is_named_and_nothing_is_sent(
    sandbox: Sandbox, client: NostoClient
) -> None:
    big = product("BIG", description="x" * MAX_PAYLOAD_BYTES)
    with pytest.raises(InvalidInputError) as info:
        client.products.upsert([product("OK", description="x" * 10), big])
    assert [where for where, _ in info.value.problems] == ["BIG"]
    assert sandbox.state.requests == ()
