"""The shared transport: auth, https-only, token families, user agent, retries, errors."""

from __future__ import annotations

import base64
import platform

import httpx
import pytest

from nosto_gql import (
    AuthenticationError,
    InsecureURLError,
    MissingTokenError,
    NostoClient,
    RequestTimeoutError,
    ServerError,
    TokenFamily,
    Tokens,
    TransportError,
)
from nosto_gql._version import __version__

TOKENS = Tokens(apps="apps-secret", products="products-secret")


def _client(handler: httpx.MockTransport | None = None, **kwargs: object) -> NostoClient:
    transport = handler or httpx.MockTransport(lambda r: httpx.Response(200, json={}))
    return NostoClient(
        tokens=kwargs.pop("tokens", TOKENS),  # type: ignore[arg-type]
        http_client=httpx.Client(transport=transport),
        **kwargs,  # type: ignore[arg-type]
    )


class Recorder:
    def __init__(self, *responses: httpx.Response | Exception) -> None:
        self.requests: list[httpx.Request] = []
        self._responses = list(responses) or [httpx.Response(200, json={"data": {}})]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        item = self._responses.pop(0) if len(self._responses) > 1 else self._responses[0]
        if isinstance(item, Exception):
            raise item
        return item

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr("nosto_gql._transport.time.sleep", slept.append)
    return slept


def _password(request: httpx.Request) -> tuple[str, str]:
    scheme, _, encoded = request.headers["Authorization"].partition(" ")
    assert scheme == "Basic"
    user, _, password = base64.b64decode(encoded).decode().partition(":")
    return user, password


def test_basic_auth_has_empty_username_and_token_as_password() -> None:
    rec = Recorder()
    _client(rec.transport).request(TokenFamily.APPS, "POST", "/v1/graphql", json={})
    assert _password(rec.requests[0]) == ("", "apps-secret")


def test_each_family_gets_its_own_token() -> None:
    rec = Recorder()
    client = _client(rec.transport)
    client.request(TokenFamily.PRODUCTS, "POST", "/v1/products/upsert", json=[])
    client.request(TokenFamily.APPS, "POST", "/v1/graphql", json={})
    assert [_password(r)[1] for r in rec.requests] == ["products-secret", "apps-secret"]


@pytest.mark.parametrize("url", ["http://api.nosto.com", "ftp://x", "api.nosto.com", "//x"])
def test_non_https_base_url_is_refused_before_any_request(url: str) -> None:
    rec = Recorder()
    with pytest.raises(InsecureURLError, match="https"):
        _client(rec.transport, base_url=url)
    assert rec.requests == []


def test_missing_token_names_family_and_env_var_and_sends_nothing() -> None:
    rec = Recorder()
    client = _client(rec.transport, tokens=Tokens(apps="a"))
    with pytest.raises(MissingTokenError) as info:
        client.request(TokenFamily.RATES, "POST", "/exchangerates", json={})
    assert "API_RATES" in str(info.value)
    assert "NOSTO_API_RATES_TOKEN" in str(info.value)
    assert rec.requests == []


def test_user_agent_names_library_python_and_httpx() -> None:
    rec = Recorder()
    _client(rec.transport).request(TokenFamily.APPS, "POST", "/v1/graphql", json={})
    python = ".".join(platform.python_version_tuple()[:2])
    expected = f"nosto-gql/{__version__} python/{python} httpx/{httpx.__version__}"
    assert rec.requests[0].headers["User-Agent"] == expected


def test_ignore_traffic_sets_nosto_ignore_header() -> None:
    rec = Recorder()
    _client(rec.transport, ignore_traffic=True).request(TokenFamily.APPS, "POST", "/v1/graphql")
    assert rec.requests[0].headers["X-Nosto-Ignore"] == "True"


def test_error_carries_status_request_id_and_server_message() -> None:
    rec = Recorder(
        httpx.Response(
            401,
            json={"type": "unauthorized", "message": "bad token"},
            headers={"X-Request-ID": "req-123"},
        )
    )
    with pytest.raises(AuthenticationError) as info:
        _client(rec.transport).request(TokenFamily.APPS, "POST", "/v1/graphql", json={})
    err = info.value
    assert (err.status_code, err.request_id) == (401, "req-123")
    assert "bad token" in str(err) and "req-123" in str(err)
    assert "apps-secret" not in str(err) and "apps-secret" not in repr(err)


def test_json_error_body_served_as_text_plain_is_parsed() -> None:
    body = b'{"type":"has_errors","message":"Some products failed"}'
    rec = Recorder(httpx.Response(400, content=body, headers={"Content-Type": "text/plain"}))
    with pytest.raises(Exception) as info:
        _client(rec.transport).request(TokenFamily.PRODUCTS, "POST", "/v1/products/upsert")
    assert info.value.body == {"type": "has_errors", "message": "Some products failed"}  # type: ignore[attr-defined]


def test_idempotent_request_is_retried_on_503_honouring_retry_after(
    no_sleep: list[float],
) -> None:
    rec = Recorder(httpx.Response(503, headers={"Retry-After": "1.5"}), httpx.Response(200))
    _client(rec.transport).request(TokenFamily.APPS, "POST", "/x", idempotent=True)
    assert len(rec.requests) == 2
    assert no_sleep == [1.5]


def test_non_idempotent_request_is_never_retried_after_reaching_server() -> None:
    rec = Recorder(httpx.Response(503), httpx.Response(200))
    with pytest.raises(ServerError):
        _client(rec.transport).request(TokenFamily.APPS, "POST", "/x", idempotent=False)
    assert len(rec.requests) == 1


def test_non_idempotent_request_is_not_retried_after_read_timeout() -> None:
    rec = Recorder(httpx.ReadTimeout("slow"), httpx.Response(200))
    with pytest.raises(RequestTimeoutError):
        _client(rec.transport).request(TokenFamily.APPS, "POST", "/x", idempotent=False)
    assert len(rec.requests) == 1


def test_connect_error_is_retried_even_when_not_idempotent() -> None:
    rec = Recorder(httpx.ConnectError("refused"), httpx.Response(200))
    _client(rec.transport).request(TokenFamily.APPS, "POST", "/x", idempotent=False)
    assert len(rec.requests) == 2


def test_retries_stop_after_max_retries() -> None:
    rec = Recorder(httpx.ConnectError("refused"))
    with pytest.raises(TransportError, match="ConnectError"):
        _client(rec.transport, max_retries=3).request(TokenFamily.APPS, "POST", "/x")
    assert len(rec.requests) == 4


def test_redirect_is_not_followed_so_token_never_leaves() -> None:
    rec = Recorder(httpx.Response(302, headers={"Location": "http://evil.example/steal"}))
    with pytest.raises(Exception, match="302"):
        _client(rec.transport).request(TokenFamily.APPS, "POST", "/v1/graphql")
    assert [str(r.url.host) for r in rec.requests] == ["api.nosto.com"]


def test_absolute_url_as_path_is_refused() -> None:
    rec = Recorder()
    with pytest.raises(Exception, match="path must start"):
        _client(rec.transport).request(TokenFamily.APPS, "GET", "//evil.example/x")
    assert rec.requests == []


def test_tokens_never_appear_in_reprs() -> None:
    client = _client()
    assert "apps-secret" not in repr(client)
    assert "apps-secret" not in repr(TOKENS) and "apps-secret" not in str(TOKENS)
    assert "apps" in repr(TOKENS)


def test_from_env_reads_tokens_base_url_and_ca_file(tmp_path: object) -> None:
    env = {
        "NOSTO_API_APPS_TOKEN": "from-env\n",
        "NOSTO_API_BASE_URL": "https://sandbox.example:8443/",
    }
    client = NostoClient.from_env(env)
    assert client.tokens.apps == "from-env"
    assert client.transport.config.base_url == "https://sandbox.example:8443"
    assert client.tokens.products is None
