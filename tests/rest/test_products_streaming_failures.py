"""`products.upsert_stream` when an upload cannot finish: a failed request stops reading (what
was read but not sent is reported, the rest of the input stays unread), refused tokens, and an
exception from the input or from ``on_outcome`` (raised with what reached Nosto)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from recording_server import Server, async_products_api, product, products, products_api

from nosto_gql import AuthenticationError, InvalidInputError, NostoClient, ServerError, Tokens
from nosto_gql.rest import (
    BulkUploadError,
    ItemOutcome,
    ItemStatus,
    ProductsAPI,
    StreamedBulkResult,
    StreamInterruptedError,
)


def test_a_failure_stops_reading_and_the_iterator_resumes_where_it_stopped() -> None:
    server = Server(200, 503)
    catalog = products(10)
    result = products_api(server).upsert_stream(catalog, max_items_per_request=1)
    assert len(server.requests) == 2 and isinstance(result.error, ServerError)
    assert [(o.item_id, o.index, o.status) for o in result.problems] == [
        ("P001", 1, ItemStatus.FAILED),
        ("P002", 2, ItemStatus.NOT_ATTEMPTED),  # read for the next request, never sent
    ]
    assert result.count(ItemStatus.ACCEPTED) == 1 and result.unread_input and not result.ok
    assert result.summary().endswith("; the rest of the input was not read")
    assert next(catalog)["product_id"] == "P003"


def test_a_failure_on_the_last_request_leaves_nothing_unread() -> None:
    server = Server(200, 503)
    result = products_api(server).upsert_stream(products(2), max_items_per_request=1)
    assert [o.status for o in result.problems] == [ItemStatus.FAILED]
    assert not result.unread_input and "not read" not in result.summary()


def test_a_refused_token_raises_when_nothing_was_accepted() -> None:
    server = Server(401)
    with pytest.raises(AuthenticationError):
        products_api(server).upsert_stream(products(3), max_items_per_request=1)
    assert len(server.requests) == 1


def test_a_token_refused_midway_is_reported() -> None:
    result = products_api(Server(200, 403)).upsert_stream(products(5), max_items_per_request=1)
    assert [o.status for o in result.problems] == [ItemStatus.REJECTED, ItemStatus.NOT_ATTEMPTED]
    assert isinstance(result.error, AuthenticationError) and result.unread_input


# -- async ---------------------------------------------------------------------------------------


async def test_async_stream_stops_on_failure() -> None:
    server = Server(200, 503)
    api = async_products_api(server)
    result = await api.upsert_stream(products(5), max_items_per_request=1)
    assert [o.status for o in result.problems] == [ItemStatus.FAILED, ItemStatus.NOT_ATTEMPTED]
    assert result.unread_input and len(server.requests) == 2


# -- interrupted by the input or by on_outcome ---------------------------------------------------


def _failing_catalog(count: int, error: BaseException) -> Iterator[dict[str, object]]:
    yield from products(count)
    raise error


def test_an_exception_from_the_input_reports_what_reached_nosto() -> None:
    server = Server()
    with pytest.raises(StreamInterruptedError) as info:
        products_api(server).upsert_stream(
            _failing_catalog(5, OSError("disk gone")), max_items_per_request=2
        )
    error = info.value
    assert isinstance(error, BulkUploadError) and isinstance(error.__cause__, OSError)
    assert server.sent_ids == ["P000", "P001", "P002", "P003"]
    result = error.result
    assert isinstance(result, StreamedBulkResult) and result.requests_sent == 2
    assert result.count(ItemStatus.ACCEPTED) == 4 and result.unread_input and not result.ok
    # Read and waiting for the next request when the input failed: not sent.
    assert [(o.item_id, o.index, o.status) for o in result.problems] == [
        ("P004", 4, ItemStatus.NOT_ATTEMPTED)
    ]
    assert str(error) == (
        "streaming upload interrupted by OSError: disk gone (4 accepted, 1 not attempted; "
        "the rest of the input was not read)"
    )


def test_an_exception_from_on_outcome_reports_what_reached_nosto() -> None:
    server = Server()
    seen: list[str] = []

    def record(outcome: ItemOutcome) -> None:
        seen.append(outcome.item_id)
        if outcome.item_id == "P001":
            raise RuntimeError("progress log is full")

    with pytest.raises(StreamInterruptedError, match="RuntimeError: progress log") as info:
        products_api(server).upsert_stream(products(6), max_items_per_request=3, on_outcome=record)
    result = info.value.result
    assert len(server.requests) == 1 and seen == ["P000", "P001"]
    # The whole answered request counts, though on_outcome stopped before its last item.
    assert result.count(ItemStatus.ACCEPTED) == 3
    assert [(o.item_id, o.status) for o in result.problems] == [("P003", ItemStatus.NOT_ATTEMPTED)]
    assert isinstance(info.value.__cause__, RuntimeError)


def test_an_exception_while_a_request_is_sent_leaves_its_items_failed() -> None:
    calls = 0

    def flaky(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("event hook broke")
        return httpx.Response(200, json={})

    api = ProductsAPI(
        NostoClient(
            tokens=Tokens(products="p"),
            max_retries=0,
            http_client=httpx.Client(transport=httpx.MockTransport(flaky)),
        ).transport
    )
    with pytest.raises(StreamInterruptedError) as info:
        api.upsert_stream(products(5), max_items_per_request=2)
    result = info.value.result
    # Whether Nosto got P002 and P003 is unknown: FAILED, like after a timeout.
    assert [(o.item_id, o.status) for o in result.problems] == [
        ("P002", ItemStatus.FAILED),
        ("P003", ItemStatus.FAILED),
        ("P004", ItemStatus.NOT_ATTEMPTED),
    ]
    assert "RuntimeError: event hook broke" in str(result.problems[0].message)


def test_an_exception_after_the_last_request_leaves_nothing_unread() -> None:
    def fail_on_last(outcome: ItemOutcome) -> None:
        if outcome.item_id == "P002":
            raise ValueError("no")

    with pytest.raises(StreamInterruptedError) as info:
        products_api(Server()).upsert_stream(products(3), on_outcome=fail_on_last)
    assert info.value.result.count(ItemStatus.ACCEPTED) == 3
    assert not info.value.result.unread_input and info.value.result.ok


def test_keyboard_interrupt_is_not_wrapped() -> None:
    with pytest.raises(KeyboardInterrupt):
        products_api(Server()).upsert_stream(_failing_catalog(2, KeyboardInterrupt()))


def test_on_outcome_must_be_callable_before_anything_is_sent() -> None:
    server = Server()
    with pytest.raises(InvalidInputError, match="on_outcome must be a callable") as info:
        products_api(server).upsert_stream(products(2), on_outcome=[])  # type: ignore[arg-type]
    assert [where for where, _ in info.value.problems] == ["on_outcome"]
    assert server.requests == []


async def test_async_input_exception_reports_what_reached_nosto() -> None:
    server = Server()

    async def catalog() -> AsyncIterator[dict[str, object]]:
        for item in products(3):
            yield item
        raise OSError("cursor closed")

    with pytest.raises(StreamInterruptedError, match="OSError: cursor closed") as info:
        await async_products_api(server).upsert_stream(catalog(), max_items_per_request=2)
    result = info.value.result
    assert result.count(ItemStatus.ACCEPTED) == 2 and len(server.requests) == 1
    assert [(o.item_id, o.status) for o in result.problems] == [("P002", ItemStatus.NOT_ATTEMPTED)]


# -- finishing an upload that stopped ------------------------------------------------------------


def test_reading_again_from_the_lowest_failed_index_finishes_the_upload() -> None:
    catalog = list(products(10))
    catalog[4] = product("BAD", price=-1)
    server = Server(200, 503)
    first = products_api(server).upsert_stream(iter(catalog), max_items_per_request=3)
    assert first.unread_input and first.error is not None
    # P000-P002 accepted; P003, P005 and P006 in the failed request (BAD was read among them
    # and reported); P007 read for the next request.
    redo = [o for o in first.problems if o.status in (ItemStatus.FAILED, ItemStatus.NOT_ATTEMPTED)]
    assert [(o.item_id, o.index) for o in redo] == [
        ("P003", 3),
        ("P005", 5),
        ("P006", 6),
        ("P007", 7),
    ]
    start = min(o.index for o in redo if o.index is not None)
    second = products_api(server).upsert_stream(catalog[start:])
    assert first.count(ItemStatus.ACCEPTED) + second.count(ItemStatus.ACCEPTED) == 9
    assert server.sent_ids[-6:] == ["P003", "P005", "P006", "P007", "P008", "P009"]
    assert [(o.item_id, o.status) for o in second.problems] == [("BAD", ItemStatus.INVALID)]


def test_a_feed_invalid_in_every_line_is_counted_but_listed_only_up_to_a_limit() -> None:
    from nosto_gql.rest._results import PROBLEMS_LISTED_LIMIT

    server = Server()
    bad = ({**product(f"P{i}"), "price": -1} for i in range(PROBLEMS_LISTED_LIMIT + 500))
    result = products_api(server).upsert_stream(bad)
    assert result.count(ItemStatus.INVALID) == PROBLEMS_LISTED_LIMIT + 500
    assert len(result.problems) == PROBLEMS_LISTED_LIMIT
    assert result.not_listed == 500
    assert "500 more invalid or rejected items counted but not listed" in result.summary()
    assert not result.ok and server.requests == []


def test_an_account_rejecting_every_product_keeps_memory_bounded_too() -> None:
    import json

    import httpx

    from nosto_gql import NostoClient, Tokens
    from nosto_gql.rest._results import PROBLEMS_LISTED_LIMIT

    def reject_all(request: httpx.Request) -> httpx.Response:
        ids = [item["product_id"] for item in json.loads(request.content)]
        errors = [{"product_id": i, "errors": "currency not enabled"} for i in ids]
        body = {"type": "has_errors", "message": "see errors", "errors": errors}
        return httpx.Response(400, json=body)

    client = NostoClient(
        tokens=Tokens(products="p"),
        http_client=httpx.Client(transport=httpx.MockTransport(reject_all)),
    )
    count = PROBLEMS_LISTED_LIMIT + 300
    result = client.products.upsert_stream(
        (product(f"P{i}") for i in range(count)), max_items_per_request=100
    )
    assert result.count(ItemStatus.REJECTED) == count
    assert len(result.problems) == PROBLEMS_LISTED_LIMIT and result.not_listed == 300
