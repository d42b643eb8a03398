"""`products.upsert_stream` when an upload cannot finish: a failed request stops reading (what
was read but not sent is reported, the rest of the input stays unread) and refused tokens."""

from __future__ import annotations

import pytest
from recording_server import Server, async_products_api, products, products_api

from nosto_gql import AuthenticationError, ServerError
from nosto_gql.rest import ItemStatus

# -- stopping on failure -------------------------------------------------------------------------


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
