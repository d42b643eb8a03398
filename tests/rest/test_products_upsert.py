"""`products.upsert` over a mock transport: batching, per-product outcomes, nothing half-sent;
and `max_items_per_request`, checked and applied by every bulk call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from recording_server import Server, product, products, products_api

from nosto_gql import (
    AuthenticationError,
    InvalidInputError,
    MissingTokenError,
    NostoClient,
    Tokens,
)
from nosto_gql.rest import ItemStatus


def test_large_input_is_split_under_the_cap_in_order() -> None:
    server = Server()
    catalog = [product(f"P{i:02d}") for i in range(20)]
    result = products_api(server, max_bytes=1200).upsert(catalog)
    assert result.ok and result.requests_sent == len(server.bodies) > 1
    sent = [p["product_id"] for body in server.bodies for p in body]
    assert sent == [f"P{i:02d}" for i in range(20)]


def test_failed_batch_stops_and_reports_rest_as_not_attempted() -> None:
    server = Server(200, 503)
    # One product per request: the first is accepted, the second fails, the rest never go.
    result = products_api(server, max_bytes=300).upsert([product(f"P{i}") for i in range(4)])
    assert not result.ok
    assert [(o.item_id, o.index, o.status) for o in result.outcomes] == [
        ("P0", 0, ItemStatus.ACCEPTED),
        ("P1", 1, ItemStatus.FAILED),
        ("P2", 2, ItemStatus.NOT_ATTEMPTED),
        ("P3", 3, ItemStatus.NOT_ATTEMPTED),
    ]
    assert len(server.bodies) == 2
    assert result.error is not None and "503" in str(result.error)


def test_empty_input_sends_nothing() -> None:
    server = Server()
    result = products_api(server, max_bytes=1000).upsert([])
    assert result.ok and result.requests_sent == 0 and server.bodies == []


def test_one_bad_product_stops_everything_before_sending() -> None:
    server = Server()
    with pytest.raises(InvalidInputError) as info:
        products_api(server, max_bytes=10_000).upsert([product("A"), product("B", price=-1)])
    assert "products[1]" in str(info.value) and "price" in str(info.value)
    assert server.bodies == []


def test_oversized_product_mid_catalog_stops_everything_before_sending() -> None:
    server = Server()
    catalog = [product(f"P{i}") for i in range(5)]
    catalog[3]["description"] = "x" * 2000
    with pytest.raises(InvalidInputError, match="request cap") as info:
        products_api(server, max_bytes=1000).upsert(catalog)
    assert info.value.problems[0][0] == "P3"
    assert server.bodies == []


def test_missing_products_token_raises_before_validation_or_sending() -> None:
    client = NostoClient(tokens=Tokens(apps="a"))
    with pytest.raises(MissingTokenError, match="NOSTO_API_PRODUCTS_TOKEN"):
        client.products.upsert([product("A")])


def test_refused_token_raises_authentication_error_when_nothing_was_accepted() -> None:
    server = Server(401)
    with pytest.raises(AuthenticationError):
        products_api(server, max_bytes=10_000).upsert([product("A")])


def test_token_refused_midway_reports_rejected_and_not_attempted() -> None:
    server = Server(200, 403)
    result = products_api(server, max_bytes=300).upsert([product(f"P{i}") for i in range(3)])
    assert [o.status for o in result.outcomes] == [
        ItemStatus.ACCEPTED,
        ItemStatus.REJECTED,
        ItemStatus.NOT_ATTEMPTED,
    ]
    assert isinstance(result.error, AuthenticationError)


# -- the per-request count limit, on every bulk call -----------------------------------------------


def test_max_items_per_request_limits_every_call() -> None:
    server = Server()
    api = products_api(server)
    ids = [f"P{i:03d}" for i in range(5)]
    api.upsert_stream(products(5), max_items_per_request=2)
    api.upsert(list(products(5)), max_items_per_request=2)
    api.discontinue(ids, max_items_per_request=2)
    api.recrawl([(i, f"https://shop.example.com/{i}") for i in ids], max_items_per_request=2)
    sizes = [len(b["products"] if isinstance(b, dict) else b) for b in server.bodies]
    assert sizes == [2, 2, 1] * 4


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "2"])
def test_max_items_per_request_must_be_a_positive_int(bad: Any) -> None:
    server = Server()
    api = products_api(server)
    calls: list[Callable[[], object]] = [
        lambda: api.upsert_stream(products(1), max_items_per_request=bad),
        lambda: api.upsert([product("A")], max_items_per_request=bad),
        lambda: api.discontinue(["A"], max_items_per_request=bad),
        lambda: api.recrawl([("A", "https://shop.example.com/a")], max_items_per_request=bad),
    ]
    for call in calls:
        with pytest.raises(InvalidInputError, match="max_items_per_request must be a positive"):
            call()
    assert server.requests == []
