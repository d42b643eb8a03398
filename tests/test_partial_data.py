"""GraphQL errors never lose data: typed partial results, and `(result, errors)` on request."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from nosto_gql import (
    AsyncNostoClient,
    GraphQLResponseError,
    NostoClient,
    Tokens,
    with_errors,
    with_errors_async,
)

PRODUCT = dict.fromkeys(
    ["url", "imageUrl", "price", "listPrice", "currencyCode", "priceText", "availability",
     "brand", "categories"]
) | {"productId": "A", "name": "Tent"}  # fmt: skip
SLOT = {"resultId": "frontpage-1", "resultTitle": "Best", "divId": "frontpage-1",
        "totalPrimaryCount": 1, "primary": [PRODUCT]}  # fmt: skip

PARTIAL = {
    "data": {
        "updateSession": {
            "id": "cid",
            # The server sent a value under the failing path anyway: it must read as null.
            "pages": {"forFrontPage": [SLOT, {**SLOT, "resultId": "frontpage-2"}]},
        }
    },
    "errors": [
        {
            "message": "Exception while fetching data (/updateSession/pages/forFrontPage[1])",
            "path": ["updateSession", "pages", "forFrontPage", 1],
            "errorType": "DataFetchingException",
        }
    ],
}


def _handler(body: dict[str, Any]) -> httpx.MockTransport:
    return httpx.MockTransport(lambda r: httpx.Response(200, json=body))


def _client(body: dict[str, Any]) -> NostoClient:
    return NostoClient(tokens=Tokens(apps="a"), http_client=httpx.Client(transport=_handler(body)))


def test_error_carries_typed_partial_data_with_error_paths_nulled() -> None:
    with pytest.raises(GraphQLResponseError) as info:
        _client(PARTIAL).apps.front_page_recommendations(id="cid")
    partial = info.value.partial
    assert partial is not None and partial.update_session is not None
    pages = partial.update_session.pages
    assert pages is not None and pages.for_front_page is not None
    first, second = pages.for_front_page
    assert first is not None and first.result_id == "frontpage-1"
    assert second is None
    # The raw data is kept untouched.
    assert info.value.data == PARTIAL["data"]


def test_with_errors_returns_result_and_errors_instead_of_raising() -> None:
    client = _client(PARTIAL)
    result, errors = with_errors(client.apps.front_page_recommendations, id="cid")
    assert result is not None and result.update_session is not None
    assert result.update_session.id == "cid"
    assert [e.error_type for e in errors] == ["DataFetchingException"]


def test_partial_data_of_the_wrong_shape_keeps_the_graphql_error() -> None:
    body = {"data": {"updateSession": {"id": 5, "pages": "x"}}, "errors": PARTIAL["errors"]}
    with pytest.raises(GraphQLResponseError) as info:
        _client(body).apps.front_page_recommendations(id="cid")
    assert info.value.partial is None and info.value.data == body["data"]


def test_with_errors_on_success_has_no_errors() -> None:
    client = _client({"data": {"newSession": "cid-9"}})
    result, errors = with_errors(client.apps.new_session)
    assert result is not None and result.new_session == "cid-9"
    assert errors == []


def test_errors_without_data_give_no_partial() -> None:
    client = _client({"errors": [{"message": "Validation error", "errorType": "ValidationError"}]})
    result, errors = with_errors(client.apps.new_session)
    assert result is None and errors[0].error_type == "ValidationError"


def test_with_errors_async() -> None:
    client = AsyncNostoClient(
        tokens=Tokens(apps="a"), http_client=httpx.AsyncClient(transport=_handler(PARTIAL))
    )
    result, errors = asyncio.run(with_errors_async(client.apps.front_page_recommendations, id="x"))
    assert result is not None and len(errors) == 1
