"""`client.legacy_recommendations` (API_REC, deprecated): the warning, the request, the raw JSON
result, and bad input refused before sending."""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

import httpx
import pytest
from recording_server import Server, mock_async_client, mock_client

from nosto_gql import InvalidInputError, MalformedResponseError, NostoClient, Tokens
from nosto_gql._transport import basic_auth_header

TOKENS = Tokens(rec="legacy")
RESULT = {"frontpage-nosto-1": {"products": [{"product_id": "A"}]}}


def _client(server: Server | Any, max_retries: int = 0) -> NostoClient:
    return mock_client(server, TOKENS, max_retries)


def test_get_warns_and_returns_the_decoded_json() -> None:
    server = Server(body=RESULT)
    with pytest.warns(DeprecationWarning, match="GraphQL recos") as caught:
        result = _client(server).legacy_recommendations.get(["frontpage-nosto-1"])
    assert result == RESULT
    # The warning points at the caller's line, not at the SDK.
    assert caught[0].filename == __file__
    (request,) = server.requests
    assert (request.method, request.url.path) == ("GET", "/recommendations")
    assert request.url.params["elements"] == "frontpage-nosto-1"
    assert request.headers["authorization"] == basic_auth_header("legacy")


def test_several_slots_go_comma_separated_once_each() -> None:
    server = Server(body={})
    with pytest.warns(DeprecationWarning):
        _client(server).legacy_recommendations.get(["a", "b", "a"])
    assert server.requests[0].url.params["elements"] == "a,b"


@pytest.mark.parametrize(
    ("elements", "where"),
    [
        ("frontpage-nosto-1", "elements"),
        ([], "elements"),
        (["ok", ""], "elements[1]"),
        (["ok", "a,b"], "elements[1]"),
        (["ok", 3], "elements[1]"),
    ],
)
def test_bad_slot_ids_are_refused_before_sending(elements: Any, where: str) -> None:
    server = Server()
    with pytest.warns(DeprecationWarning), pytest.raises(InvalidInputError) as info:
        _client(server).legacy_recommendations.get(elements)
    assert [w for w, _ in info.value.problems] == [where]
    assert server.requests == []


def test_a_body_that_is_not_json_is_a_malformed_response() -> None:
    def html(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, text="<html>portal</html>", headers={"Content-Type": "text/html"}
        )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(MalformedResponseError, match="text/html"):
            _client(html).legacy_recommendations.get(["a"])


def test_it_is_a_query_so_it_is_retried() -> None:
    server = Server(503, body={})
    with pytest.warns(DeprecationWarning):
        _client(server, max_retries=1).legacy_recommendations.get(["a"])
    assert len(server.requests) == 2


def test_async_twin_warns_too() -> None:
    server = Server(body=RESULT)

    async def run() -> Any:
        async with mock_async_client(server, TOKENS) as client:
            return await client.legacy_recommendations.get(["frontpage-nosto-1"])

    with pytest.warns(DeprecationWarning):
        assert asyncio.run(run()) == RESULT
