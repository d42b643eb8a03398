"""`products.upsert_stream`: lazy reading, batching, INVALID items reported and not sent, the
per-request count limit, stopping on failure, the two-pass variant, async, bounded memory, and
the sandbox over real TLS."""

from __future__ import annotations

import gc
import json
import tracemalloc
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from nosto_gql import (
    AsyncNostoClient,
    AuthenticationError,
    InvalidInputError,
    NostoClient,
    ServerError,
    Tokens,
)
from nosto_gql.models import Product
from nosto_gql.rest import (
    BulkResult,
    BulkUploadError,
    ItemOutcome,
    ItemStatus,
    ProductsAPI,
    StreamedBulkResult,
    _runs,
)
from nosto_gql.rest.products import AsyncProductsAPI
from nosto_gql.sandbox import Sandbox


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


def encoded_size(item: dict[str, object]) -> int:
    return len(Product.model_validate(item).to_payload_json())


class Server:
    """Answers with the given responses in turn (then 200 {}) and records each request."""

    def __init__(self, *responses: int | httpx.Response) -> None:
        self.requests: list[httpx.Request] = []
        self._responses = list(responses)
        self.on_request: Callable[[], None] = lambda: None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.on_request()
        answer = self._responses.pop(0) if self._responses else 200
        if isinstance(answer, httpx.Response):
            return answer
        return httpx.Response(answer, json={} if answer < 400 else {"message": "no"})

    @property
    def bodies(self) -> list[Any]:
        return [json.loads(r.content) for r in self.requests]

    @property
    def sent_ids(self) -> list[str]:
        return [p["product_id"] for body in self.bodies for p in body]


def _api(server: Server, max_bytes: int = 100_000) -> ProductsAPI:
    client = NostoClient(
        tokens=Tokens(products="p"),
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
    )
    return ProductsAPI(client.transport, max_bytes=max_bytes)


def _async_api(server: Server, max_bytes: int = 100_000) -> AsyncProductsAPI:
    client = AsyncNostoClient(
        tokens=Tokens(products="p"),
        max_retries=0,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)),
    )
    return AsyncProductsAPI(client.transport, max_bytes=max_bytes)


def products(count: int, start: int = 0) -> Iterator[dict[str, object]]:
    return (product(f"P{i:03d}") for i in range(start, start + count))


# -- batching and laziness -----------------------------------------------------------------------


def test_a_generator_is_sent_in_batches_under_the_cap_in_order() -> None:
    server = Server()
    result = _api(server, max_bytes=1200).upsert_stream(products(20))
    assert isinstance(result, StreamedBulkResult)
    assert server.sent_ids == [f"P{i:03d}" for i in range(20)]
    assert result.requests_sent == len(server.requests) > 1
    assert all(len(r.content) <= 1200 for r in server.requests)
    assert result.ok and result.count(ItemStatus.ACCEPTED) == 20 and result.outcomes == []
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

    _api(server).upsert_stream(catalog(), max_items_per_request=3)
    # A request goes out as soon as the product after it is read (to know it is full).
    assert read_when_sent == [4, 7, 9]


def test_empty_input_sends_nothing() -> None:
    server = Server()
    result = _api(server).upsert_stream(iter([]))
    assert result.ok and result.requests_sent == 0 and server.requests == []


def test_a_single_product_instead_of_an_iterable_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="wrap it in a list"):
        _api(Server()).upsert_stream(product("A"))  # type: ignore[arg-type]


def test_partial_updates_need_partial_true() -> None:
    server = Server()
    stock = [{"product_id": "A", "availability": "OutOfStock"}]
    result = _api(server).upsert_stream(stock)
    assert [o.status for o in result.outcomes] == [ItemStatus.INVALID]
    assert "partial=True" in (result.outcomes[0].message or "")
    assert _api(server).upsert_stream(stock, partial=True).ok
    assert server.bodies == [[{"availability": "OutOfStock", "product_id": "A"}]]


# -- invalid items -------------------------------------------------------------------------------


def test_invalid_items_are_reported_and_not_sent_while_the_others_are() -> None:
    server = Server()
    catalog = [product("A"), product("B", price=-1), {"price": 1}, 42, product("E")]
    result = _api(server).upsert_stream(iter(catalog))
    assert server.sent_ids == ["A", "E"]
    assert [(o.item_id, o.status) for o in result.outcomes] == [
        ("B", ItemStatus.INVALID),
        ("products[2]", ItemStatus.INVALID),
        ("products[3]", ItemStatus.INVALID),
    ]
    assert result.outcomes[0].message == (
        "products[1] (product_id 'B').price: expected a value >= 0; got -1"
    )
    assert "products[2].product_id: required field is missing" in str(result.outcomes[1].message)
    assert "expected a Product, a ProductUpdate or a mapping" in str(result.outcomes[2].message)
    assert result.count(ItemStatus.ACCEPTED) == 2 and not result.ok
    with pytest.raises(BulkUploadError, match="2 accepted, 3 invalid; first: B: products") as info:
        result.raise_for_errors()
    assert info.value.result is result


def test_item_exactly_at_the_cap_is_sent_and_one_byte_over_is_invalid() -> None:
    item = product("BIG", description="x" * 500)
    at_cap = encoded_size(item) + 2  # "[" and "]"
    server = Server()
    assert _api(server, max_bytes=at_cap).upsert_stream([item]).ok
    assert len(server.requests[0].content) == at_cap

    server = Server()
    result = _api(server, max_bytes=at_cap - 1).upsert_stream([product("A"), item])
    assert server.sent_ids == ["A"]
    assert [(o.item_id, o.status) for o in result.outcomes] == [("BIG", ItemStatus.INVALID)]
    assert result.outcomes[0].message == (
        f"products[1] (product_id 'BIG'): serialised size {at_cap} > {at_cap - 1} bytes; "
        "shorten it (e.g. description, image lists)"
    )


def test_outcomes_keep_only_problems_and_on_outcome_sees_every_item() -> None:
    seen: list[ItemOutcome] = []
    result = _api(Server()).upsert_stream(
        [product("A"), product("B", price=-1), product("C")], on_outcome=seen.append
    )
    assert [(o.item_id, o.status) for o in seen] == [
        ("B", ItemStatus.INVALID),  # settled when read
        ("A", ItemStatus.ACCEPTED),  # settled when their request was answered
        ("C", ItemStatus.ACCEPTED),
    ]
    assert result.outcomes == [seen[0]] and result.invalid == [seen[0]]
    with pytest.raises(AttributeError, match=r"count\(ItemStatus.ACCEPTED\)"):
        _ = result.accepted


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
    result = _api(server).upsert_stream(products(4), max_items_per_request=2)
    assert len(server.requests) == 2
    assert [(o.item_id, o.status, o.message) for o in result.outcomes] == [
        ("P001", ItemStatus.REJECTED, "image_url is not reachable")
    ]
    assert result.count(ItemStatus.ACCEPTED) == 3 and not result.unread_input


# -- count limit ---------------------------------------------------------------------------------


def test_max_items_per_request_limits_every_call() -> None:
    server = Server()
    api = _api(server)
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
    api = _api(server)
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


# -- stopping on failure -------------------------------------------------------------------------


def test_a_failure_stops_reading_and_the_iterator_resumes_where_it_stopped() -> None:
    server = Server(200, 503)
    catalog = products(10)
    result = _api(server).upsert_stream(catalog, max_items_per_request=1)
    assert len(server.requests) == 2 and isinstance(result.error, ServerError)
    assert [(o.item_id, o.status) for o in result.outcomes] == [
        ("P001", ItemStatus.FAILED),
        ("P002", ItemStatus.NOT_ATTEMPTED),  # read for the next request, never sent
    ]
    assert result.count(ItemStatus.ACCEPTED) == 1 and result.unread_input and not result.ok
    assert result.summary().endswith("; the rest of the input was not read")
    assert next(catalog)["product_id"] == "P003"


def test_a_failure_on_the_last_request_leaves_nothing_unread() -> None:
    server = Server(200, 503)
    result = _api(server).upsert_stream(products(2), max_items_per_request=1)
    assert [o.status for o in result.outcomes] == [ItemStatus.FAILED]
    assert not result.unread_input and "not read" not in result.summary()


def test_a_refused_token_raises_when_nothing_was_accepted() -> None:
    server = Server(401)
    with pytest.raises(AuthenticationError):
        _api(server).upsert_stream(products(3), max_items_per_request=1)
    assert len(server.requests) == 1


def test_a_token_refused_midway_is_reported() -> None:
    result = _api(Server(200, 403)).upsert_stream(products(5), max_items_per_request=1)
    assert [o.status for o in result.outcomes] == [ItemStatus.REJECTED, ItemStatus.NOT_ATTEMPTED]
    assert isinstance(result.error, AuthenticationError) and result.unread_input


# -- two passes ----------------------------------------------------------------------------------


def test_a_callable_source_is_validated_whole_before_anything_is_sent() -> None:
    server = Server()
    opened = 0

    def catalog() -> Iterator[dict[str, object]]:
        nonlocal opened
        opened += 1
        yield from products(3)
        yield product("BAD", price_currency_code="euro")
        yield {"name": "no id"}

    with pytest.raises(InvalidInputError, match="2 of 5 products failed validation") as info:
        _api(server).upsert_stream(catalog)
    assert server.requests == [] and opened == 1
    locations = [where for where, _ in info.value.problems]
    assert "products[3] (product_id 'BAD').price_currency_code" in locations
    assert "products[4].product_id" in locations


def test_the_first_pass_lists_a_bounded_number_of_problems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_runs, "MAX_LISTED_PROBLEMS", 3)
    with pytest.raises(InvalidInputError, match="5 of 5 products failed") as info:
        _api(Server()).upsert_stream(lambda: (product(f"P{i}", price=-1) for i in range(5)))
    assert info.value.problems[-1] == ("...", "2 more problems not listed")
    assert len(info.value.problems) == 4


def test_a_valid_callable_source_is_read_twice_and_sent() -> None:
    server = Server()
    opened = 0

    def catalog() -> Iterator[dict[str, object]]:
        nonlocal opened
        opened += 1
        return products(5)

    result = _api(server).upsert_stream(catalog, max_items_per_request=2)
    assert opened == 2 and result.ok and len(server.sent_ids) == 5


def test_a_product_gone_bad_between_the_passes_is_reported_invalid() -> None:
    server = Server()
    passes = iter([[product("A"), product("B")], [product("A"), product("B", price=-5)]])
    result = _api(server).upsert_stream(lambda: next(passes))
    assert server.sent_ids == ["A"] and [o.item_id for o in result.invalid] == ["B"]


# -- async ---------------------------------------------------------------------------------------


async def test_async_stream_reads_async_and_plain_iterables() -> None:
    server = Server()
    api = _async_api(server, max_bytes=1200)

    async def catalog() -> AsyncIterator[dict[str, object]]:
        for item in products(10):
            yield item
        yield product("BAD", price=-1)

    result = await api.upsert_stream(catalog())
    assert server.sent_ids == [f"P{i:03d}" for i in range(10)] and len(server.requests) > 1
    assert [(o.item_id, o.status) for o in result.outcomes] == [("BAD", ItemStatus.INVALID)]
    assert (await api.upsert_stream(products(3, start=10), max_items_per_request=2)).ok
    assert len(server.sent_ids) == 13


async def test_async_stream_stops_on_failure_and_validates_callables_first() -> None:
    server = Server(200, 503)
    api = _async_api(server)
    result = await api.upsert_stream(products(5), max_items_per_request=1)
    assert [o.status for o in result.outcomes] == [ItemStatus.FAILED, ItemStatus.NOT_ATTEMPTED]
    assert result.unread_input and len(server.requests) == 2

    async def catalog() -> AsyncIterator[dict[str, object]]:
        yield product("A", price=-1)

    with pytest.raises(InvalidInputError, match=r"products\[0\] \(product_id 'A'\)\.price"):
        await api.upsert_stream(catalog)
    with pytest.raises(InvalidInputError, match="max_items_per_request"):
        await api.upsert_stream(products(1), max_items_per_request=0)
    assert len(server.requests) == 2


# -- memory --------------------------------------------------------------------------------------


def _peak_traced_bytes(upload: Callable[[], BulkResult]) -> tuple[int, BulkResult]:
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
    assert [(o.item_id, o.status) for o in result.outcomes] == [("BAD", ItemStatus.INVALID)]
    assert "products[3] (product_id 'BAD').url" in str(result.outcomes[0].message)
    assert result.count(ItemStatus.ACCEPTED) == 6
    stored = sandbox.state.products
    assert {f"P{i:03d}" for i in range(6)} <= stored.keys() and "BAD" not in stored


async def test_async_stream_against_the_sandbox(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as client:
        result = await client.products.upsert_stream(lambda: products(4))
    assert result.ok and {f"P{i:03d}" for i in range(4)} <= sandbox.state.products.keys()
