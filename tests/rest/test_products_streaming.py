"""`products.upsert_stream`: lazy reading, batching under the cap, INVALID items reported and
not sent, outcomes kept only for the items not accepted (`problems`), async sources, memory
bounded by one request, and the sandbox over real TLS. Failures:
test_products_streaming_failures.py; reading the input twice:
test_products_streaming_validate_first.py."""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import AsyncIterator, Callable, Iterator

import httpx
import pytest
from recording_server import Server, async_products_api, product, products, products_api

from nosto_gql import InvalidInputError, NostoClient, Tokens
from nosto_gql.models import Product
from nosto_gql.rest import (
    BulkSummary,
    BulkUploadError,
    ItemOutcome,
    ItemStatus,
    ProductsAPI,
    StreamedBulkResult,
)
from nosto_gql.sandbox import Sandbox


def encoded_size(item: dict[str, object]) -> int:
    return len(Product.model_validate(item).to_payload_json())


# -- batching and laziness -----------------------------------------------------------------------


def test_a_generator_is_sent_in_batches_under_the_cap_in_order() -> None:
    server = Server()
    result = products_api(server, max_bytes=1200).upsert_stream(products(20))
    assert isinstance(result, StreamedBulkResult)
    assert server.sent_ids == [f"P{i:03d}" for i in range(20)]
    assert result.requests_sent == len(server.requests) > 1
    assert all(len(r.content) <= 1200 for r in server.requests)
    assert result.ok and result.count(ItemStatus.ACCEPTED) == 20 and result.problems == []
    assert not result.unread_input and result.summary() == "20 accepted"


def test_each_request_is_sent_before_the_rest_of_the_input_is_read() -> None:
    server = Server()
    read: list[str] = []
    read_when_sent: list[int] = []
    server.on_request = lambda: read_when_sent.append(len(read))

    def catalog() -> Iterator[dict[str, object]]:
        for item in products(9):
            read.append(str(item["product_id"]))
            yield item

    products_api(server).upsert_stream(catalog(), max_items_per_request=3)
    # A request goes out as soon as the product after it is read (to know it is full).
    assert read_when_sent == [4, 7, 9]


def test_empty_input_sends_nothing() -> None:
    server = Server()
    result = products_api(server).upsert_stream(iter([]))
    assert result.ok and result.requests_sent == 0 and server.requests == []


@pytest.mark.parametrize(
    "single",
    [product("A"), Product.model_validate(product("A")), "A", 42],
    ids=["mapping", "model", "str", "int"],
)
def test_a_single_product_instead_of_an_iterable_is_refused(single: object) -> None:
    # A model would otherwise be iterated field by field, as 35 invalid products.
    server = Server()
    with pytest.raises(InvalidInputError, match="expected an iterable of products"):
        products_api(server).upsert_stream(single)  # type: ignore[arg-type]
    assert server.requests == []


def test_partial_updates_need_partial_true() -> None:
    server = Server()
    stock = [{"product_id": "A", "availability": "OutOfStock"}]
    result = products_api(server).upsert_stream(stock)
    assert [o.status for o in result.problems] == [ItemStatus.INVALID]
    assert "partial=True" in (result.problems[0].message or "")
    assert products_api(server).upsert_stream(stock, partial=True).ok
    assert server.bodies == [[{"availability": "OutOfStock", "product_id": "A"}]]


# -- invalid items -------------------------------------------------------------------------------


def test_invalid_items_are_reported_and_not_sent_while_the_others_are() -> None:
    server = Server()
    catalog = [product("A"), product("B", price=-1), {"price": 1}, 42, product("E")]
    result = products_api(server).upsert_stream(iter(catalog))
    assert server.sent_ids == ["A", "E"]
    # The position is in `index` (and names an item without a usable id); the message says
    # only what is wrong, from the item's own fields.
    assert [(o.item_id, o.index, o.status) for o in result.problems] == [
        ("B", 1, ItemStatus.INVALID),
        ("products[2]", 2, ItemStatus.INVALID),
        ("products[3]", 3, ItemStatus.INVALID),
    ]
    b, no_id, not_a_product = (str(o.message) for o in result.problems)
    assert b == "price: expected a value >= 0; got -1"
    assert no_id.startswith("product_id: required field is missing (expected: ")
    assert no_id.endswith("; to send only some fields, use ProductUpdate or partial=True")
    assert "products[" not in no_id
    assert not_a_product == (
        "expected a Product, a ProductUpdate or a mapping of product fields; got int"
    )
    assert result.count(ItemStatus.ACCEPTED) == 2 and not result.ok
    expected = "2 accepted, 3 invalid; first: B: price: expected a value >= 0; got -1"
    with pytest.raises(BulkUploadError) as info:
        result.raise_for_errors()
    assert str(info.value) == f"bulk upload incomplete ({expected})"
    assert info.value.result is result


def test_an_invalid_nested_field_is_named_from_the_item() -> None:
    bad_sku = product("S", skus=[{"id": "S-1", "price": -1}])
    result = products_api(Server()).upsert_stream([bad_sku])
    [outcome] = result.problems
    assert (outcome.item_id, outcome.index) == ("S", 0)
    assert str(outcome.message).startswith("skus[0].")


def test_item_exactly_at_the_cap_is_sent_and_one_byte_over_is_invalid() -> None:
    item = product("BIG", description="x" * 500)
    at_cap = encoded_size(item) + 2  # "[" and "]"
    server = Server()
    assert products_api(server, max_bytes=at_cap).upsert_stream([item]).ok
    assert len(server.requests[0].content) == at_cap

    server = Server()
    result = products_api(server, max_bytes=at_cap - 1).upsert_stream([product("A"), item])
    assert server.sent_ids == ["A"]
    assert [(o.item_id, o.status) for o in result.problems] == [("BIG", ItemStatus.INVALID)]
    assert (result.problems[0].index, result.problems[0].message) == (
        1,
        f"serialised size {at_cap} > {at_cap - 1} bytes; shorten it (e.g. description, "
        "image lists)",
    )


def test_only_problems_are_kept_and_on_outcome_sees_every_item() -> None:
    seen: list[ItemOutcome] = []
    result = products_api(Server()).upsert_stream(
        [product("A"), product("B", price=-1), product("C")], on_outcome=seen.append
    )
    assert [(o.item_id, o.status) for o in seen] == [
        ("B", ItemStatus.INVALID),  # settled when read
        ("A", ItemStatus.ACCEPTED),  # settled when their request was answered
        ("C", ItemStatus.ACCEPTED),
    ]
    assert result.problems == [seen[0]] and result.invalid == [seen[0]]
    assert result.count(ItemStatus.ACCEPTED) == 2


def test_products_nosto_rejects_are_reported_and_the_upload_goes_on() -> None:
    has_errors = httpx.Response(
        400,
        json={
            "type": "has_errors",
            "message": "some products failed",
            "errors": [{"product_id": "P001", "errors": ["image_url is not reachable"]}],
        },
    )
    server = Server(has_errors)
    result = products_api(server).upsert_stream(products(4), max_items_per_request=2)
    assert len(server.requests) == 2
    assert [(o.item_id, o.status, o.message) for o in result.problems] == [
        ("P001", ItemStatus.REJECTED, "image_url is not reachable")
    ]
    assert result.count(ItemStatus.ACCEPTED) == 3 and not result.unread_input


# -- async ---------------------------------------------------------------------------------------


async def test_async_stream_reads_async_and_plain_iterables() -> None:
    server = Server()
    api = async_products_api(server, max_bytes=1200)

    async def catalog() -> AsyncIterator[dict[str, object]]:
        for item in products(10):
            yield item
        yield product("BAD", price=-1)

    result = await api.upsert_stream(catalog())
    assert server.sent_ids == [f"P{i:03d}" for i in range(10)] and len(server.requests) > 1
    assert [(o.item_id, o.status) for o in result.problems] == [("BAD", ItemStatus.INVALID)]
    assert (await api.upsert_stream(products(3, start=10), max_items_per_request=2)).ok
    assert len(server.sent_ids) == 13


# -- memory --------------------------------------------------------------------------------------


def _peak_traced_bytes(upload: Callable[[], BulkSummary]) -> tuple[int, BulkSummary]:
    gc.collect()
    tracemalloc.start()
    try:
        result = upload()
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


def test_streaming_memory_is_bounded_by_one_request_not_by_the_catalog() -> None:
    count = 20_000
    requests = 0

    def count_request(request: httpx.Request) -> httpx.Response:
        nonlocal requests
        requests += 1
        return httpx.Response(200, json={})

    api = ProductsAPI(
        NostoClient(
            tokens=Tokens(products="p"),
            http_client=httpx.Client(transport=httpx.MockTransport(count_request)),
        ).transport
    )
    streamed_peak, streamed = _peak_traced_bytes(lambda: api.upsert_stream(products(count)))
    listed_peak, listed = _peak_traced_bytes(lambda: api.upsert(products(count)))
    assert streamed.count(ItemStatus.ACCEPTED) == listed.count(ItemStatus.ACCEPTED) == count
    assert streamed.requests_sent == listed.requests_sent > 1  # the cap split both alike
    assert streamed_peak < listed_peak / 3, (streamed_peak, listed_peak)


# -- the sandbox, over real TLS ------------------------------------------------------------------


def test_streamed_products_are_stored_by_the_sandbox(sandbox: Sandbox, client: NostoClient) -> None:
    result = client.products.upsert_stream(products(30), max_items_per_request=7)
    assert result.ok and result.requests_sent == 5
    assert result.count(ItemStatus.ACCEPTED) == 30
    stored = sandbox.state.products
    assert {f"P{i:03d}" for i in range(30)} <= stored.keys()
    assert stored["P029"]["name"] == "Product P029"


def test_an_invalid_product_mid_stream_is_reported_and_the_others_stored(
    sandbox: Sandbox, client: NostoClient
) -> None:
    catalog = [*products(3), product("BAD", url="not a url"), *products(3, start=3)]
    result = client.products.upsert_stream(iter(catalog), max_items_per_request=2)
    assert [(o.item_id, o.status) for o in result.problems] == [("BAD", ItemStatus.INVALID)]
    assert str(result.problems[0].message).startswith("url: ")
    assert result.problems[0].index == 3
    assert result.count(ItemStatus.ACCEPTED) == 6
    stored = sandbox.state.products
    assert {f"P{i:03d}" for i in range(6)} <= stored.keys() and "BAD" not in stored


async def test_async_stream_against_the_sandbox(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as client:
        result = await client.products.upsert_stream(lambda: products(4))
    assert result.ok and {f"P{i:03d}" for i in range(4)} <= sandbox.state.products.keys()
