"""`client.email` and `client.gdpr` over a mock transport: encoded paths, bodies, content types,
validation before sending, and which calls are retried."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from recording_server import Server, mock_client

from nosto_gql import AsyncNostoClient, InvalidInputError, NostoClient, ServerError, Tokens
from nosto_gql._transport import basic_auth_header


def _client(server: Server, max_retries: int = 0) -> NostoClient:
    return mock_client(server, Tokens(email="e"), max_retries)


def test_blacklist_sends_unique_addresses_one_a_line_with_op_in_the_query() -> None:
    server = Server()
    _client(server).email.blacklist(["a@x.com", "b@y.org", "a@x.com"])
    (request,) = server.requests
    assert request.method == "POST"
    assert request.url.path == "/v1/email/blacklist"
    assert request.url.params["op"] == "add"
    assert request.content == b"a@x.com\nb@y.org"
    assert request.headers["content-type"].startswith("text/plain")
    assert request.headers["authorization"] == basic_auth_header("e")


def test_unblacklist_uses_op_remove() -> None:
    server = Server()
    _client(server).email.unblacklist(["a@x.com"])
    (request,) = server.requests
    assert (request.url.path, request.url.params["op"]) == ("/v1/email/blacklist", "remove")
    assert request.content == b"a@x.com"


def test_empty_input_sends_nothing() -> None:
    server = Server()
    _client(server).email.blacklist([])
    _client(server).email.unblacklist(iter(()))
    assert server.requests == []


@pytest.mark.parametrize(
    "bad", ["no-at.example.com", "a@b@c.com", "a b@x.com", "a@x.com\nb@y.com", "@x.com", "a@", ""]
)
def test_invalid_addresses_are_named_by_index_and_nothing_is_sent(bad: str) -> None:
    server = Server()
    with pytest.raises(InvalidInputError) as info:
        _client(server).email.blacklist(["ok@x.com", bad])
    assert [where for where, _ in info.value.problems] == ["emails[1]"]
    assert server.requests == []


def test_a_single_string_is_refused() -> None:
    with pytest.raises(InvalidInputError):
        _client(Server()).email.blacklist("a@x.com")


@pytest.mark.parametrize(("granted", "state"), [(True, "true"), (False, "false")])
def test_consent_path_encodes_the_email(granted: bool, state: str) -> None:
    server = Server()
    _client(server).email.set_consent("jo+news@x.com", granted)
    (request,) = server.requests
    assert request.method == "POST"
    assert request.url.raw_path == f"/v1/customers/consent/jo%2Bnews%40x.com/{state}".encode()
    assert request.content == b""


def test_gdpr_paths_and_methods() -> None:
    server = Server()
    client = _client(server)
    client.gdpr.takeout("a/b@x.com")
    client.gdpr.redact("a@x.com")
    assert [(r.method, r.url.raw_path) for r in server.requests] == [
        ("POST", b"/v1/customers/takeout/a%2Fb%40x.com"),
        ("DELETE", b"/v1/customers/redact/a%40x.com"),
    ]


def test_a_bad_single_address_is_refused_before_sending() -> None:
    server = Server()
    with pytest.raises(InvalidInputError):
        _client(server).gdpr.redact("not an address")
    assert server.requests == []


def test_takeout_is_never_resent_after_a_503() -> None:
    server = Server(503)
    with pytest.raises(ServerError):
        _client(server, max_retries=3).gdpr.takeout("a@x.com")
    assert len(server.requests) == 1


def test_idempotent_calls_are_retried_after_a_503() -> None:
    server = Server(503, 200, 503, 200, 503, 200)
    client = _client(server, max_retries=1)
    client.gdpr.redact("a@x.com")
    client.email.set_consent("a@x.com", True)
    client.email.blacklist(["a@x.com"])
    assert [r.url.path for r in server.requests] == [
        "/v1/customers/redact/a@x.com",
        "/v1/customers/redact/a@x.com",
        "/v1/customers/consent/a@x.com/true",
        "/v1/customers/consent/a@x.com/true",
        "/v1/email/blacklist",
        "/v1/email/blacklist",
    ]


def test_async_client_has_the_same_surface() -> None:
    server = Server()

    async def run() -> None:
        async with AsyncNostoClient(
            tokens=Tokens(email="e"),
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)),
        ) as client:
            await client.email.blacklist(["a@x.com"])
            await client.email.unblacklist(["a@x.com"])
            await client.email.set_consent("a@x.com", False)
            await client.gdpr.takeout("a@x.com")
            await client.gdpr.redact("a@x.com")

    asyncio.run(run())
    assert [(r.method, r.url.raw_path.split(b"?")[0]) for r in server.requests] == [
        ("POST", b"/v1/email/blacklist"),
        ("POST", b"/v1/email/blacklist"),
        ("POST", b"/v1/customers/consent/a%40x.com/false"),
        ("POST", b"/v1/customers/takeout/a%40x.com"),
        ("DELETE", b"/v1/customers/redact/a%40x.com"),
    ]


def test_a_blacklist_too_long_for_one_request_is_split_under_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("nosto_gql._facts.MAX_PAYLOAD_BYTES", 24)
    server = Server()
    # 7 bytes each: three fit with their newlines (23 bytes), a fourth would not (31).
    emails = [f"{i}@x.com" for i in range(5)]
    _client(server).email.blacklist(emails)
    bodies = [r.content for r in server.requests]
    assert all(len(body) <= 24 for body in bodies)
    assert b"\n".join(bodies).split(b"\n") == [e.encode() for e in emails]
    assert len(bodies) == 2


@pytest.mark.parametrize("not_a_list", [None, 5, {"a@x.com": 1}])
def test_what_is_not_a_list_of_addresses_is_refused(not_a_list: object) -> None:
    with pytest.raises(InvalidInputError, match="expected an iterable of e-mail addresses"):
        _client(Server()).email.blacklist(not_a_list)  # type: ignore[arg-type]
