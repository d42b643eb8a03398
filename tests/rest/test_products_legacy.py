"""The deprecated legacy `products.create` / `products.update` (REST.md 3.4-3.5): they warn,
then validate, split and send like upsert, to their own method and path."""

from __future__ import annotations

import warnings

import pytest
from recording_server import Server, async_products_api, product, products_api

from nosto_gql import (
    InvalidInputError,
    MissingTokenError,
    NostoClient,
    ServerError,
    Tokens,
)
from nosto_gql.rest import ItemStatus
from nosto_gql.sandbox import Sandbox

CREATE_WARNING = (
    r"client\.products\.create\(\) sends POST /v1/products/create, a legacy endpoint that "
    r"Nosto does not document; use client\.products\.upsert\(\.\.\.\) instead"
)
UPDATE_WARNING = (
    r"client\.products\.update\(\) sends PUT /v1/products/update, a legacy endpoint that "
    r"Nosto does not document; use client\.products\.upsert\(\.\.\.\) instead"
)


def test_create_warns_then_posts_the_upsert_body_to_the_legacy_path() -> None:
    server = Server()
    api = products_api(server)
    with pytest.warns(DeprecationWarning, match=CREATE_WARNING) as caught:
        result = api.create([product("A"), product("B")])
    assert caught[0].filename == __file__  # points at the caller, not at the library
    assert result.ok and [o.item_id for o in result.accepted] == ["A", "B"]
    api.upsert([product("A"), product("B")])
    (create, upsert) = server.calls
    assert create[:2] == ("POST", "/v1/products/create") and create[2] == upsert[2]
    assert server.requests[0].headers["content-type"] == "application/json"


def test_update_warns_then_puts_to_the_legacy_path_and_allows_partial_updates() -> None:
    server = Server()
    with pytest.warns(DeprecationWarning, match=UPDATE_WARNING) as caught:
        result = products_api(server).update(
            [{"product_id": "A", "availability": "OutOfStock"}], partial=True
        )
    assert caught[0].filename == __file__
    assert result.ok
    assert server.calls == [
        ("PUT", "/v1/products/update", [{"availability": "OutOfStock", "product_id": "A"}])
    ]


@pytest.mark.parametrize("call", ["create", "update"])
def test_empty_input_warns_and_sends_nothing(call: str) -> None:
    server = Server()
    with pytest.warns(DeprecationWarning, match="legacy endpoint"):
        result = getattr(products_api(server), call)([])
    assert result.ok and result.requests_sent == 0 and server.requests == []


@pytest.mark.parametrize("call", ["create", "update"])
def test_invalid_input_is_refused_before_anything_is_sent(call: str) -> None:
    server = Server()
    with (
        pytest.warns(DeprecationWarning),
        pytest.raises(InvalidInputError, match=r"products\[1\] \(product_id 'B'\)\.price"),
    ):
        getattr(products_api(server), call)([product("A"), product("B", price=-1)])
    assert server.requests == []


def test_create_refuses_partial_products() -> None:
    with (
        pytest.warns(DeprecationWarning),
        pytest.raises(InvalidInputError, match="required field is missing"),
    ):
        products_api(Server()).create([{"product_id": "A", "availability": "OutOfStock"}])


def test_missing_token_is_reported_after_the_warning() -> None:
    client = NostoClient(tokens=Tokens(apps="a"))
    with (
        pytest.warns(DeprecationWarning),
        pytest.raises(MissingTokenError, match="NOSTO_API_PRODUCTS_TOKEN"),
    ):
        client.products.create([product("A")])


def test_batches_split_like_upsert_with_the_count_limit() -> None:
    server = Server()
    with pytest.warns(DeprecationWarning):
        products_api(server, max_bytes=1200).update([product(f"P{i}") for i in range(12)])
        products_api(server).create([product(f"Q{i}") for i in range(5)], max_items_per_request=2)
    update_bodies = [body for method, _, body in server.calls if method == "PUT"]
    create_bodies = [body for method, _, body in server.calls if method == "POST"]
    assert len(update_bodies) > 1 and all(len(r.content) <= 1200 for r in server.requests)
    assert [p["product_id"] for body in update_bodies for p in body] == [f"P{i}" for i in range(12)]
    assert [len(body) for body in create_bodies] == [2, 2, 1]


def test_create_is_never_resent_but_update_is_retried() -> None:
    server = Server(503, 503)
    with pytest.warns(DeprecationWarning):
        created = products_api(server, max_retries=2).create([product("A")])
    assert len(server.requests) == 1 and isinstance(created.error, ServerError)
    assert [o.status for o in created.outcomes] == [ItemStatus.FAILED]

    server = Server(503)
    with pytest.warns(DeprecationWarning):
        updated = products_api(server, max_retries=2).update([product("A")])
    assert len(server.requests) == 2 and updated.ok


async def test_async_create_and_update_warn_at_the_awaiting_line() -> None:
    server = Server()
    api = async_products_api(server)
    with pytest.warns(DeprecationWarning, match=CREATE_WARNING) as created:
        assert (await api.create([product("A")])).ok
    with pytest.warns(DeprecationWarning, match=UPDATE_WARNING) as updated:
        assert (await api.update([product("A")], max_items_per_request=1)).ok
    assert created[0].filename == updated[0].filename == __file__
    assert [(method, path) for method, path, _ in server.calls] == [
        ("POST", "/v1/products/create"),
        ("PUT", "/v1/products/update"),
    ]


# -- the sandbox, over real TLS ------------------------------------------------------------------


def test_sandbox_stores_products_sent_through_the_legacy_endpoints(
    sandbox: Sandbox, client: NostoClient
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        created = client.products.create([product("A"), product("B")])
        # A partial update of a product the sandbox has never seen lacks the required fields.
        updated = client.products.update(
            [
                {"product_id": "A", "availability": "OutOfStock"},
                {"product_id": "NEW", "availability": "OutOfStock"},
            ],
            partial=True,
        )
    assert created.ok
    assert [(o.item_id, o.status) for o in updated.outcomes] == [
        ("A", ItemStatus.ACCEPTED),
        ("NEW", ItemStatus.REJECTED),
    ]
    stored = sandbox.state.products
    assert stored["A"]["availability"] == "OutOfStock" and stored["B"]["name"] == "Product B"
    assert "NEW" not in stored
