"""Input that could only fail on the wire (text that is not UTF-8, NaN, a body over the cap,
async things where sync ones are expected) is refused as `InvalidInputError` before sending."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from product_factory import product

from nosto_gql import (
    AsyncNostoClient,
    ConfigurationError,
    InvalidInputError,
    NostoClient,
    TokenFamily,
    Tokens,
)
from nosto_gql.rest import ItemStatus

SURROGATE = "\ud800"  # half of a UTF-16 pair: what a truncated emoji in an export leaves
TOKENS = Tokens(
    apps="a", products="p", email="e", rates="r", settings="s", omnichannel="o", rec="x"
)


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json={"data": {}})


def _client(recorder: Recorder) -> NostoClient:
    return NostoClient(
        tokens=TOKENS, http_client=httpx.Client(transport=httpx.MockTransport(recorder))
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.products.upsert([product("A", name=f"A{SURROGATE}")]),
        lambda c: c.products.upsert([product("A", description=f"d{SURROGATE}")]),
        lambda c: c.products.discontinue([f"A{SURROGATE}"]),
        lambda c: c.products.recrawl([("A", f"https://shop.example.com/{SURROGATE}")]),
        lambda c: c.email.blacklist([f"a{SURROGATE}@x.com"]),
        lambda c: c.email.set_consent(f"a{SURROGATE}@x.com", True),
        lambda c: c.gdpr.redact(f"a{SURROGATE}@x.com"),
        lambda c: c.settings.update({"title": f"Shop{SURROGATE}"}),
        lambda c: c.legacy_recommendations.get([f"slot{SURROGATE}"]),
        lambda c: c.graphql(
            "query Q($id: String!) { product(id: $id) { name } }", {"id": SURROGATE}
        ),
        lambda c: c.request(TokenFamily.OMNICHANNEL, "POST", "/v1/x", json={"a": SURROGATE}),
        lambda c: c.request(TokenFamily.OMNICHANNEL, "GET", f"/v1/{SURROGATE}"),
        lambda c: c.request(TokenFamily.OMNICHANNEL, "GET", "/v1/x", params={"q": SURROGATE}),
    ],
)
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the legacy recommendations call
def test_text_that_is_not_utf8_is_refused_before_sending(call: Any) -> None:
    recorder = Recorder()
    with pytest.raises(InvalidInputError, match="valid UTF-8"):
        call(_client(recorder))
    assert recorder.requests == []


def test_a_streamed_product_that_is_not_utf8_is_invalid_and_the_rest_go() -> None:
    recorder = Recorder()
    result = _client(recorder).products.upsert_stream(
        iter([product("A"), product("B", description=f"x{SURROGATE}"), product("C")])
    )
    assert result.count(ItemStatus.ACCEPTED) == 2
    (problem,) = result.problems
    assert (problem.item_id, problem.status) == ("B", ItemStatus.INVALID)
    assert "not valid UTF-8" in (problem.message or "")


def test_nan_in_a_raw_json_body_is_refused() -> None:
    recorder = Recorder()
    with pytest.raises(InvalidInputError, match="cannot be JSON"):
        _client(recorder).request(
            TokenFamily.OMNICHANNEL, "POST", "/v1/x", json={"a": float("nan")}
        )
    assert recorder.requests == []


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.email.blacklist(["a" * 2_100_000 + "@x.com"]),
        lambda c: c.settings.update({"title": "x" * 2_100_000}),
    ],
)
def test_a_body_over_the_cap_is_refused_before_sending(call: Any) -> None:
    recorder = Recorder()
    with pytest.raises(InvalidInputError, match="over Nosto's 2000000-byte cap"):
        call(_client(recorder))
    assert recorder.requests == []


async def _agen() -> AsyncIterator[dict[str, Any]]:
    yield product("A")


def test_async_iterables_are_refused_where_a_list_is_expected() -> None:
    recorder = Recorder()

    async def run() -> None:
        async with AsyncNostoClient(
            tokens=TOKENS, http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        ) as client:
            for call in (
                lambda: client.products.upsert(_agen()),  # type: ignore[arg-type]
                lambda: client.products.discontinue(_agen()),  # type: ignore[arg-type]
            ):
                with pytest.raises(InvalidInputError, match=r"async iterable.*upsert_stream"):
                    await call()
            # upsert_stream reads one.
            assert (await client.products.upsert_stream(_agen())).ok

    asyncio.run(run())
    assert len(recorder.requests) == 1


def test_an_async_on_outcome_is_refused_before_sending() -> None:
    recorder = Recorder()

    async def progress(outcome: object) -> None: ...

    with pytest.raises(InvalidInputError, match="would never be awaited"):
        _client(recorder).products.upsert_stream([product("A")], on_outcome=progress)  # type: ignore[arg-type]
    assert recorder.requests == []


@pytest.mark.parametrize("token", ["abc\n123", "abc\x00", "abcé"])
def test_a_token_with_characters_a_token_never_has_is_refused_when_used(token: str) -> None:
    tokens = Tokens(apps="fine", rec=token)  # a broken token of an unused family stops nothing
    assert tokens.require(TokenFamily.APPS) == "fine"
    with pytest.raises(ConfigurationError, match="copy it again"):
        tokens.require(TokenFamily.REC)
