"""`products.discontinue` and `products.recrawl` over a mock transport: bodies on the wire,
batching (the recrawl wrapper counts against the cap), validation before sending, retries."""

from __future__ import annotations

import json

import pytest
from recording_server import Server, async_products_api, products_api

from nosto_gql import (
    AuthenticationError,
    InvalidInputError,
    MissingTokenError,
    NostoClient,
    ServerError,
    Tokens,
)
from nosto_gql._json import compact_json
from nosto_gql.rest import ItemStatus
from nosto_gql.rest._bulk import Encoded, plan_batches

RECRAWL_PREFIX = b'{"products":['
RECRAWL_SUFFIX = b"]}"


def _recrawl_item(pid: str) -> dict[str, str]:
    return {"product_id": pid, "url": f"https://shop.example.com/p/{pid}"}


# -- plan_batches with a wrapper ---------------------------------------------------------------


def _items(*sizes: int) -> list[Encoded]:
    return [Encoded(f"p{i}", compact_json("x" * (size - 2)), i) for i, size in enumerate(sizes)]


def test_wrapper_counts_against_the_cap_exactly() -> None:
    wrap = {"prefix": RECRAWL_PREFIX, "suffix": RECRAWL_SUFFIX}
    at_cap = len(RECRAWL_PREFIX) + 10 + 1 + 10 + len(RECRAWL_SUFFIX)  # 36
    batches = list(plan_batches(_items(10, 10), max_bytes=at_cap, **wrap))
    assert [b.item_ids for b in batches] == [("p0", "p1")]
    assert len(batches[0].body) == at_cap
    assert json.loads(batches[0].body) == {"products": ["x" * 8, "x" * 8]}
    split = list(plan_batches(_items(10, 10), max_bytes=at_cap - 1, **wrap))
    assert [b.item_ids for b in split] == [("p0",), ("p1",)]
    assert all(len(b.body) <= at_cap - 1 for b in split)


def test_item_that_fits_an_array_but_not_the_wrapper_is_refused() -> None:
    # 20 + 2 fits a bare array of 30 bytes; 20 + 15 does not fit the wrapper.
    assert len(next(plan_batches(_items(20), max_bytes=30)).body) == 22
    with pytest.raises(InvalidInputError, match="p0: serialised size 35 > 30"):
        list(plan_batches(_items(20), max_bytes=30, prefix=RECRAWL_PREFIX, suffix=RECRAWL_SUFFIX))


def test_default_wrapper_is_a_json_array_as_before() -> None:
    explicit = plan_batches(_items(10, 10, 10), max_bytes=23, prefix=b"[", suffix=b"]")
    assert list(plan_batches(_items(10, 10, 10), max_bytes=23)) == list(explicit)


# -- discontinue -------------------------------------------------------------------------------


def test_discontinue_sends_string_ids_first_occurrence_kept() -> None:
    server = Server()
    result = products_api(server).discontinue(["A", 2, "B", "A", "2"])
    assert result.ok and result.requests_sent == 1
    [request] = server.requests
    assert (request.method, request.url.path) == ("POST", "/v1/products/discontinue")
    assert request.headers["content-type"] == "application/json"
    assert request.content == b'["A","2","B"]'
    # A repeat has no outcome of its own: each id's index is where it first appears.
    assert [(o.item_id, o.index) for o in result.outcomes] == [("A", 0), ("2", 1), ("B", 2)]


def test_discontinue_rejects_blank_ids_by_index_before_sending() -> None:
    server = Server()
    with pytest.raises(InvalidInputError) as info:
        products_api(server).discontinue(["A", "", "B", "  ", True])
    assert [where for where, _ in info.value.problems] == [
        "product_ids[1]",
        "product_ids[3]",
        "product_ids[4]",
    ]
    assert server.requests == []


def test_discontinue_refuses_a_single_string() -> None:
    with pytest.raises(InvalidInputError, match="wrap it in a list"):
        products_api(Server()).discontinue("ABC")


def test_discontinue_splits_under_the_cap_in_order() -> None:
    server = Server()
    ids = [f"ID-{i:03d}" for i in range(50)]  # 9 bytes each, quoted
    result = products_api(server, max_bytes=100).discontinue(ids)
    assert result.ok and result.requests_sent == len(server.requests) > 1
    assert all(len(r.content) <= 100 for r in server.requests)
    assert [i for body in server.bodies for i in body] == ids


def test_empty_input_sends_nothing() -> None:
    server = Server()
    assert products_api(server).discontinue([]).requests_sent == 0
    assert products_api(server).recrawl([]).ok
    assert server.requests == []


def test_discontinue_is_retried_on_503() -> None:
    server = Server(503)
    result = products_api(server, max_retries=2).discontinue(["A"])
    assert result.ok and len(server.requests) == 2


def test_missing_token_raises_before_sending() -> None:
    client = NostoClient(tokens=Tokens(apps="a"))
    with pytest.raises(MissingTokenError, match="NOSTO_API_PRODUCTS_TOKEN"):
        client.products.discontinue(["A"])
    with pytest.raises(MissingTokenError, match="NOSTO_API_PRODUCTS_TOKEN"):
        client.products.recrawl([_recrawl_item("A")])


def test_refused_token_raises_authentication_error() -> None:
    with pytest.raises(AuthenticationError):
        products_api(Server(401)).discontinue(["A"])
    with pytest.raises(AuthenticationError):
        products_api(Server(403)).recrawl([_recrawl_item("A")])


# -- recrawl -----------------------------------------------------------------------------------


def test_recrawl_wraps_items_in_a_products_object() -> None:
    server = Server()
    result = products_api(server).recrawl(
        [("A", "https://shop.example.com/a"), {"product_id": 7, "url": "http://shop.example.com/7"}]
    )
    assert result.ok
    [request] = server.requests
    assert (request.method, request.url.path) == ("POST", "/products/recrawl")
    assert request.content == (
        b'{"products":[{"product_id":"A","url":"https://shop.example.com/a"},'
        b'{"product_id":"7","url":"http://shop.example.com/7"}]}'
    )


def test_recrawl_batches_with_the_wrapper_exactly_at_the_cap() -> None:
    items = [_recrawl_item(f"P{i}") for i in range(4)]
    at_cap = (
        len(RECRAWL_PREFIX) + sum(len(compact_json(i)) for i in items[:2]) + 1 + len(RECRAWL_SUFFIX)
    )
    server = Server()
    assert products_api(server, max_bytes=at_cap).recrawl(items).requests_sent == 2
    assert [len(r.content) for r in server.requests] == [at_cap, at_cap]
    assert [[p["product_id"] for p in b["products"]] for b in server.bodies] == [
        ["P0", "P1"],
        ["P2", "P3"],
    ]
    server = Server()
    assert products_api(server, max_bytes=at_cap - 1).recrawl(items).requests_sent == 4


def test_recrawl_item_too_big_for_the_wrapper_is_named_before_sending() -> None:
    item = {"product_id": "BIG", "url": "https://shop.example.com/" + "x" * 100}
    size = len(compact_json(item))  # fits a bare array of size + 5, not the wrapper
    server = Server()
    with pytest.raises(InvalidInputError, match="request cap") as info:
        products_api(server, max_bytes=size + 5).recrawl([_recrawl_item("A"), item])
    assert info.value.problems[0][0] == "BIG"
    assert server.requests == []


def test_recrawl_validation_names_item_and_field_before_sending() -> None:
    server = Server()
    with pytest.raises(InvalidInputError) as info:
        products_api(server).recrawl(
            [
                _recrawl_item("OK"),
                {"product_id": "A", "url": "/relative"},
                {"product_id": " ", "url": "ftp://shop.example.com/b"},
                {"productId": "C", "url": "https://shop.example.com/c"},
                ("D",),
            ]
        )
    where = [w for w, _ in info.value.problems]
    assert where == [
        "items[1] (product_id 'A').url",
        "items[2].product_id",
        "items[2].url",
        "items[3].productId",
        "items[3].product_id",
        "items[4]",
    ]
    assert "absolute http(s) URL" in info.value.problems[0][1]
    assert server.requests == []


def test_recrawl_drops_exact_repeats_only() -> None:
    server = Server()
    a = _recrawl_item("A")
    other_url = {"product_id": "A", "url": "https://shop.example.com/fi/a"}
    result = products_api(server).recrawl([a, dict(a), other_url])
    assert result.requests_sent == 1 and len(server.bodies[0]["products"]) == 2


def test_recrawl_is_never_retried_once_sent() -> None:
    server = Server(503)
    result = products_api(server, max_bytes=100, max_retries=3).recrawl(
        [_recrawl_item("A"), _recrawl_item("B")]
    )
    assert len(server.requests) == 1
    assert not result.ok and isinstance(result.error, ServerError)
    assert [(o.item_id, o.index, o.status) for o in result.outcomes] == [
        ("A", 0, ItemStatus.FAILED),
        ("B", 1, ItemStatus.NOT_ATTEMPTED),
    ]


# -- async -------------------------------------------------------------------------------------


async def test_async_discontinue_and_recrawl() -> None:
    server = Server(503)
    api = async_products_api(server, max_retries=1)
    assert (await api.discontinue([1, "1", "B"])).ok
    assert server.requests[-1].content == b'["1","B"]' and len(server.requests) == 2
    server.answer(503)
    result = await api.recrawl([("A", "https://shop.example.com/a")])
    assert len(server.requests) == 3 and result.failed
    with pytest.raises(InvalidInputError, match=r"items\[0\]"):
        await api.recrawl([("A", "shop.example.com/a")])
    with pytest.raises(AuthenticationError):
        await async_products_api(Server(401)).discontinue(["A"])


def test_a_single_recrawl_pair_is_refused_naming_the_fix() -> None:
    server = Server()
    with pytest.raises(InvalidInputError, match="single \\(product_id, url\\) pair"):
        products_api(server).recrawl(("P1", "https://shop.example.com/p1"))  # type: ignore[arg-type]
    assert server.requests == []


def test_an_oversized_id_is_named_briefly() -> None:
    with pytest.raises(InvalidInputError) as info:
        products_api(Server(), max_bytes=1000).discontinue(["x" * 5000])
    assert len(str(info.value)) < 400
    assert "(5000 chars)" in str(info.value)
