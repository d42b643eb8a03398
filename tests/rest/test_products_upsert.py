"""`products.upsert` over a mock transport: batching, per-product outcomes, nothing half-sent."""

from __future__ import annotations

import json

import httpx
import pytest

from nosto_gql import (
    AuthenticationError,
    InvalidInputError,
    MissingTokenError,
    NostoClient,
    Tokens,
)
from nosto_gql.rest import ItemStatus, ProductsAPI


def product(pid: str, **extra: object) -> dict[str, object]:
    return {
        "product_id": pid,
        "name": f"Product {pid}",
        "url": f"https://shop.example.com/{pid}",
        "image_url": f"https://cdn.example.com/{pid}.jpg",
        "price": 10,
        "price_currency_code": "EUR",
        "availability": "InStock",
        **extra,
    }


class Server:
    def __init__(self, *statuses: int) -> None:
        self.bodies: list[list[dict[str, object]]] = []
        self._statuses = list(statuses)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append(json.loads(request.content))
        status = self._statuses.pop(0) if self._statuses else 200
        return httpx.Response(status, json={})


def _api(server: Server, max_bytes: int) -> ProductsAPI:
    client = NostoClient(
        tokens=Tokens(products="p"),
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
    )
    return ProductsAPI(client.transport, max_bytes=max_bytes)


def test_large_input_is_split_under_the_cap_in_order() -> None:
    server = Server()
    products = [product(f"P{i:02d}") for i in range(20)]
    result = _api(server, max_bytes=1200).upsert(products)
    assert result.ok and result.requests_sent == len(server.bodies) > 1
    sent = [p["product_id"] for body in server.bodies for p in body]
    assert sent == [f"P{i:02d}" for i in range(20)]


def test_failed_batch_stops_and_reports_rest_as_not_attempted() -> None:
    server = Server(200, 503)
    # One product per request: the first is accepted, the second fails, the rest never go.
    result = _api(server, max_bytes=300).upsert([product(f"P{i}") for i in range(4)])
    assert not result.ok
    assert [(o.item_id, o.status) for o in result.outcomes] == [
        ("P0", ItemStatus.ACCEPTED),
        ("P1", ItemStatus.FAILED),
        ("P2", ItemStatus.NOT_ATTEMPTED),
        ("P3", ItemStatus.NOT_ATTEMPTED),
    ]
    assert len(server.bodies) == 2
    assert result.error is not None and "503" in str(result.error)


def test_empty_input_sends_nothing() -> None:
    server = Server()
    result = _api(server, max_bytes=1000).upsert([])
    assert result.ok and result.requests_sent == 0 and server.bodies == []


def test_one_bad_product_stops_everything_before_sending() -> None:
    server = Server()
    with pytest.raises(InvalidInputError) as info:
        _api(server, max_bytes=10_000).upsert([product("A"), product("B", price=-1)])
    assert "products[1]" in str(info.value) and "price" in str(info.value)
    assert server.bodies == []


def test_oversized_product_mid_catalog_stops_everything_before_sending() -> None:
    server = Server()
    products = [product(f"P{i}") for i in range(5)]
    products[3]["description"] = "x" * 2000
    with pytest.raises(InvalidInputError, match="request cap") as info:
        _api(server, max_bytes=1000).upsert(products)
    assert info.value.problems[0][0] == "P3"
    assert server.bodies == []


def test_missing_products_token_raises_before_validation_or_sending() -> None:
    client = NostoClient(tokens=Tokens(apps="a"))
    with pytest.raises(MissingTokenError, match="NOSTO_API_PRODUCTS_TOKEN"):
        client.products.upsert([product("A")])


def test_refused_token_raises_authentication_error_when_nothing_was_accepted() -> None:
    server = Server(401)
    with pytest.raises(AuthenticationError):
        _api(server, max_bytes=10_000).upsert([product("A")])


def test_token_refused_midway_reports_rejected_and_not_attempted() -> None:
    server = Server(200, 403)
    result = _api(server, max_bytes=300).upsert([product(f"P{i}") for i in range(3)])
    assert [o.status for o in result.outcomes] == [
        ItemStatus.ACCEPTED,
        ItemStatus.REJECTED,
        ItemStatus.NOT_ATTEMPTED,
    ]
    assert isinstance(result.error, AuthenticationError)
