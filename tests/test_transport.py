"""The shared transport, through both facades: auth, https-only, token families, user agent,
retries, errors. Every behaviour is checked for the sync and the async client alike."""

from __future__ import annotations

import asyncio
import base64
import logging
import platform
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from nosto_gql import (
    APIStatusError,
    AsyncNostoClient,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    InsecureURLError,
    InvalidInputError,
    MalformedResponseError,
    MissingTokenError,
    NostoClient,
    NotFoundError,
    RateLimitError,
    RequestTimeoutError,
    ServerError,
    TokenFamily,
    Tokens,
    TransportError,
)
from nosto_gql._version import __version__

TOKENS = Tokens(apps="apps-secret", products="products-secret")


class Recorder:
    """A fake server: records requests, answers with the queued responses (last one repeats)."""

    def __init__(self, *responses: httpx.Response | Exception) -> None:
        self.requests: list[httpx.Request] = []
        self._responses = list(responses) or [httpx.Response(200, json={"data": {}})]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        item = self._responses.pop(0) if len(self._responses) > 1 else self._responses[0]
        if isinstance(item, Exception):
            raise item
        return item


Call = Callable[..., httpx.Response]


class Harness:
    """Builds a sync or async client around a Recorder and runs `request` synchronously."""

    def __init__(self, flavour: str) -> None:
        self.flavour = flavour
        self.slept: list[float] = []

    def client(self, rec: Recorder | None = None, **kwargs: Any) -> NostoClient | AsyncNostoClient:
        transport = httpx.MockTransport(rec or Recorder())
        kwargs.setdefault("tokens", TOKENS)
        if self.flavour == "sync":
            sync = NostoClient(http_client=httpx.Client(transport=transport), **kwargs)
            sync.transport._sleep = self.slept.append
            return sync
        client = AsyncNostoClient(http_client=httpx.AsyncClient(transport=transport), **kwargs)

        async def record_sleep(seconds: float) -> None:
            self.slept.append(seconds)

        client.transport._sleep = record_sleep
        return client

    def request(self, rec: Recorder, *args: Any, client_kwargs: dict[str, Any] | None = None,
                **kwargs: Any) -> httpx.Response:  # fmt: skip
        client = self.client(rec, **(client_kwargs or {}))
        if isinstance(client, NostoClient):
            return client.request(*args, **kwargs)
        return asyncio.run(client.request(*args, **kwargs))


@pytest.fixture(params=["sync", "async"])
def harness(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


def _password(request: httpx.Request) -> tuple[str, str]:
    scheme, _, encoded = request.headers["Authorization"].partition(" ")
    assert scheme == "Basic"
    user, _, password = base64.b64decode(encoded).decode().partition(":")
    return user, password


def test_basic_auth_has_empty_username_and_token_as_password(harness: Harness) -> None:
    rec = Recorder()
    harness.request(rec, TokenFamily.APPS, "POST", "/v1/graphql", json={})
    assert _password(rec.requests[0]) == ("", "apps-secret")


def test_each_family_gets_its_own_token(harness: Harness) -> None:
    rec = Recorder()
    harness.request(rec, TokenFamily.PRODUCTS, "POST", "/v1/products/upsert", json=[])
    harness.request(rec, TokenFamily.APPS, "POST", "/v1/graphql", json={})
    assert [_password(r)[1] for r in rec.requests] == ["products-secret", "apps-secret"]


def test_token_is_never_sent_to_another_familys_endpoint(harness: Harness) -> None:
    rec = Recorder()
    with pytest.raises(ConfigurationError, match="API_PRODUCTS"):
        harness.request(rec, TokenFamily.APPS, "POST", "/v1/products/upsert", json=[])
    assert rec.requests == []


def test_caller_cannot_override_authorization(harness: Harness) -> None:
    rec = Recorder()
    with pytest.raises(ConfigurationError, match="Authorization"):
        harness.request(rec, TokenFamily.APPS, "POST", "/x", headers={"Authorization": "x"})
    assert rec.requests == []


@pytest.mark.parametrize("url", ["http://api.nosto.com", "ftp://x", "api.nosto.com", "//x", ""])
def test_non_https_base_url_is_refused_before_any_request(harness: Harness, url: str) -> None:
    with pytest.raises(ConfigurationError, match=r"https|base_url"):
        harness.client(base_url=url)


def test_plain_http_is_an_insecure_url_error(harness: Harness) -> None:
    with pytest.raises(InsecureURLError, match="revokes"):
        harness.client(base_url="http://api.nosto.com")


def test_missing_token_names_family_and_env_var_and_sends_nothing(harness: Harness) -> None:
    rec = Recorder()
    with pytest.raises(MissingTokenError) as info:
        harness.request(
            rec, TokenFamily.RATES, "POST", "/exchangerates", client_kwargs={"tokens": Tokens()}
        )
    assert "API_RATES" in str(info.value) and "NOSTO_API_RATES_TOKEN" in str(info.value)
    assert rec.requests == []


def test_user_agent_names_library_python_and_httpx(harness: Harness) -> None:
    rec = Recorder()
    harness.request(rec, TokenFamily.APPS, "POST", "/v1/graphql", json={})
    python = ".".join(platform.python_version_tuple()[:2])
    expected = f"nosto-gql/{__version__} python/{python} httpx/{httpx.__version__}"
    assert rec.requests[0].headers["User-Agent"] == expected


def test_empty_user_agent_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="user_agent"):
        NostoClient(tokens=TOKENS, user_agent="  ")


def test_ignore_traffic_sets_nosto_ignore_header(harness: Harness) -> None:
    rec = Recorder()
    harness.request(rec, TokenFamily.APPS, "POST", "/x", client_kwargs={"ignore_traffic": True})
    assert rec.requests[0].headers["X-Nosto-Ignore"] == "True"


def test_error_carries_status_request_id_and_server_message(harness: Harness) -> None:
    rec = Recorder(
        httpx.Response(
            401,
            json={"type": "unauthorized", "message": "bad token"},
            headers={"X-Request-ID": "req-123"},
        )
    )
    with pytest.raises(AuthenticationError) as info:
        harness.request(rec, TokenFamily.APPS, "POST", "/v1/graphql", json={})
    err = info.value
    assert (err.status_code, err.request_id) == (401, "req-123")
    assert "bad token" in str(err) and "req-123" in str(err)
    assert "apps-secret" not in str(err) and "apps-secret" not in repr(err)


def test_json_error_body_served_as_text_plain_is_parsed(harness: Harness) -> None:
    body = b'{"type":"has_errors","message":"Some products failed"}'
    rec = Recorder(httpx.Response(400, content=body, headers={"Content-Type": "text/plain"}))
    with pytest.raises(BadRequestError) as info:
        harness.request(rec, TokenFamily.PRODUCTS, "POST", "/v1/products/upsert")
    assert info.value.body == {"type": "has_errors", "message": "Some products failed"}


def test_html_error_page_gives_a_readable_message(harness: Harness) -> None:
    rec = Recorder(httpx.Response(502, text="<html><body>Bad gateway</body></html>"))
    with pytest.raises(ServerError, match="HTML page"):
        harness.request(rec, TokenFamily.APPS, "POST", "/x", idempotent=False)


def test_idempotent_request_is_retried_on_503_honouring_retry_after(harness: Harness) -> None:
    rec = Recorder(httpx.Response(503, headers={"Retry-After": "1.5"}), httpx.Response(200))
    harness.request(rec, TokenFamily.APPS, "POST", "/x", idempotent=True)
    assert len(rec.requests) == 2
    assert harness.slept == [1.5]


def test_retry_after_as_http_date_is_honoured(harness: Harness) -> None:
    rec = Recorder(
        httpx.Response(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
        httpx.Response(200),
    )
    harness.request(rec, TokenFamily.APPS, "POST", "/x", idempotent=True)
    assert harness.slept == [0.0]  # a date in the past means "now"


def test_retry_after_longer_than_the_cap_is_not_shortened(harness: Harness) -> None:
    rec = Recorder(httpx.Response(429, headers={"Retry-After": "120"}), httpx.Response(200))
    with pytest.raises(RateLimitError) as info:
        harness.request(rec, TokenFamily.APPS, "POST", "/x", idempotent=True)
    assert len(rec.requests) == 1 and harness.slept == []
    assert info.value.retry_after == 120.0  # so the caller can honour it


def test_non_idempotent_request_is_never_retried_after_reaching_server(harness: Harness) -> None:
    rec = Recorder(httpx.Response(503), httpx.Response(200))
    with pytest.raises(ServerError):
        harness.request(rec, TokenFamily.APPS, "POST", "/x", idempotent=False)
    assert len(rec.requests) == 1


def test_non_idempotent_request_is_not_retried_after_read_timeout(harness: Harness) -> None:
    rec = Recorder(httpx.ReadTimeout("slow"), httpx.Response(200))
    with pytest.raises(RequestTimeoutError):
        harness.request(rec, TokenFamily.APPS, "POST", "/x", idempotent=False)
    assert len(rec.requests) == 1


def test_connect_error_is_retried_even_when_not_idempotent(harness: Harness) -> None:
    rec = Recorder(httpx.ConnectError("refused"), httpx.Response(200))
    harness.request(rec, TokenFamily.APPS, "POST", "/x", idempotent=False)
    assert len(rec.requests) == 2
    assert len(harness.slept) == 1 and 0 <= harness.slept[0] <= 0.5


def test_retries_stop_after_max_retries(harness: Harness) -> None:
    rec = Recorder(httpx.ConnectError("refused"))
    with pytest.raises(TransportError, match="ConnectError"):
        harness.request(rec, TokenFamily.APPS, "POST", "/x", client_kwargs={"max_retries": 3})
    assert len(rec.requests) == 4


def test_redirect_is_not_followed_so_token_never_leaves(harness: Harness) -> None:
    rec = Recorder(httpx.Response(302, headers={"Location": "http://evil.example/steal"}))
    with pytest.raises(APIStatusError, match="302"):
        harness.request(rec, TokenFamily.APPS, "POST", "/v1/graphql")
    assert [str(r.url.host) for r in rec.requests] == ["api.nosto.com"]


def test_absolute_url_as_path_is_refused(harness: Harness) -> None:
    rec = Recorder()
    with pytest.raises(ConfigurationError, match="path must start"):
        harness.request(rec, TokenFamily.APPS, "GET", "//evil.example/x")
    assert rec.requests == []


def test_ca_file_with_own_http_client_is_refused(harness: Harness, tmp_path: Any) -> None:
    with pytest.raises(ConfigurationError, match="ca_file"):
        harness.client(ca_file=str(tmp_path / "ca.pem"))


def test_unreadable_ca_file_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="ca_file"):
        NostoClient(tokens=TOKENS, ca_file="/nonexistent/ca.pem")


def test_tokens_never_appear_in_reprs_or_debug_logs(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    rec = Recorder(httpx.ConnectError("refused"), httpx.Response(500))
    with pytest.raises(ServerError) as info:
        harness.request(rec, TokenFamily.APPS, "POST", "/v1/graphql", json={"a": 1})
    client = harness.client()
    texts = [repr(client), repr(TOKENS), str(TOKENS), caplog.text, str(info.value)]
    assert caplog.text  # the transport did log
    assert all("apps-secret" not in text for text in texts)
    encoded = base64.b64encode(b":apps-secret").decode()
    assert encoded not in caplog.text


def test_from_env_reads_tokens_base_url_and_ca_file(tmp_path: Any) -> None:
    env = {
        "NOSTO_API_APPS_TOKEN": "from-env\n",
        "NOSTO_API_BASE_URL": "https://sandbox.example:8443/",
        "NOSTO_CA_FILE": str(tmp_path / "missing.pem"),
    }
    # The CA file is read at construction: a wrong path is reported, not ignored.
    with pytest.raises(ConfigurationError, match=r"missing\.pem"):
        NostoClient.from_env(env)
    del env["NOSTO_CA_FILE"]
    client = NostoClient.from_env(env)
    assert client.tokens.apps == "from-env"
    assert client.transport.config.base_url == "https://sandbox.example:8443"
    assert client.tokens.products is None


def test_certificate_failure_is_not_retried(harness: Harness) -> None:
    rec = Recorder(httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"))
    with pytest.raises(TransportError, match="CERTIFICATE_VERIFY_FAILED"):
        harness.request(rec, TokenFamily.APPS, "POST", "/x", idempotent=True)
    assert len(rec.requests) == 1


@pytest.mark.parametrize("tokens", [{"apps": "apps-secret"}, "apps-secret"])
def test_tokens_must_be_a_tokens_object_and_are_never_echoed(tokens: object) -> None:
    with pytest.raises(ConfigurationError, match="Tokens") as info:
        NostoClient(tokens=tokens)  # type: ignore[arg-type]
    assert "apps-secret" not in str(info.value)


def _locals_in_traceback(exc: BaseException) -> str:
    """The local variables of every frame below the test's own."""
    texts = []
    tb = exc.__traceback__.tb_next if exc.__traceback__ else None
    while tb is not None:
        texts.append(repr(tb.tb_frame.f_locals))
        tb = tb.tb_next
    return "\n".join(texts)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"headers": {"X-Note": "café"}}, ConfigurationError),
        ({"headers": {"X-Note": 5}}, ConfigurationError),
        ({"json": {"a": object()}}, InvalidInputError),
        ({"json": {}, "content": b"x"}, ConfigurationError),
    ],
)
def test_bad_request_input_is_a_typed_error_with_no_secret_in_any_frame(
    harness: Harness, kwargs: dict[str, Any], error: type[Exception]
) -> None:
    rec = Recorder()
    with pytest.raises(error) as info:
        harness.request(rec, TokenFamily.APPS, "POST", "/x", **kwargs)
    secret_forms = ["apps-secret", base64.b64encode(b":apps-secret").decode()]
    frames = _locals_in_traceback(info.value)
    assert all(form not in frames for form in secret_forms)
    assert rec.requests == []


@pytest.mark.parametrize(
    "path",
    [
        "/v1/%67raphql",
        "/v1/graphql#x",
        "/v1/graphql?x=1",
        "/v1/./graphql",
        "/v1/graphql/.",
        "/v1/x/../graphql",
        "/v1/%2E/graphql",
        "/v1/x/%2E%2E/graphql",
    ],
)
def test_disguised_paths_cannot_carry_a_token_to_another_family(
    harness: Harness, path: str
) -> None:
    rec = Recorder()
    with pytest.raises(ConfigurationError):
        harness.request(rec, TokenFamily.PRODUCTS, "POST", path)
    assert rec.requests == []


@pytest.mark.parametrize(
    ("family", "path"),
    [
        (TokenFamily.APPS, "/v1/customers/redact/a%40x.com"),
        (TokenFamily.PRODUCTS, "/v1/customers/consent/a@x.com/true"),
        (TokenFamily.PRODUCTS, "/exchangerates"),
        (TokenFamily.RATES, "/settings"),
        (TokenFamily.APPS, "/recommendations"),
        (TokenFamily.APPS, "/v1/email"),
        (TokenFamily.PRODUCTS, "/api/v1/customers/consent/a@x.com/false"),
    ],
)
def test_templated_and_unprefixed_paths_are_known_too(
    harness: Harness, family: TokenFamily, path: str
) -> None:
    rec = Recorder()
    with pytest.raises(ConfigurationError, match="refusing to send"):
        harness.request(rec, family, "POST", path)
    assert rec.requests == []


def test_family_may_be_given_by_name(harness: Harness) -> None:
    rec = Recorder()
    harness.request(rec, "products", "POST", "/v1/products/upsert", json=[])
    assert _password(rec.requests[0])[1] == "products-secret"
    with pytest.raises(ConfigurationError, match="unknown token family"):
        harness.request(rec, "product", "POST", "/v1/products/upsert", json=[])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"timeout": -1},
        {"timeout": "abc"},
        {"max_retries": "2"},
        {"max_retries": -1},
        {"user_agent": "nosto-gql ü"},
        {"base_url": "https://exa mple.com"},
        {"base_url": "https://api.nosto.com:99999"},
    ],
)
def test_bad_settings_are_configuration_errors(harness: Harness, kwargs: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError):
        harness.client(**kwargs)


def test_base_url_whitespace_from_env_files_is_ignored() -> None:
    client = NostoClient(tokens=TOKENS, base_url="  https://api.nosto.com/\n")
    assert client.transport.config.base_url == "https://api.nosto.com"


def test_wrong_kind_of_http_client_is_refused() -> None:
    with pytest.raises(ConfigurationError, match=r"httpx\.Client"):
        NostoClient(tokens=TOKENS, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="auth"):
        NostoClient(tokens=TOKENS, http_client=httpx.Client(auth=("u", "p")))


@pytest.mark.parametrize("user_agent", ["  ", "mybot/1.0", "Googlebot"])
def test_user_agent_nosto_would_reject_is_refused_up_front(user_agent: str) -> None:
    with pytest.raises(ConfigurationError, match="bot detection"):
        NostoClient(tokens=TOKENS, user_agent=user_agent)


def test_a_token_that_is_not_text_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match=r"Tokens\.products must be a str"):
        Tokens(products=123)  # type: ignore[arg-type]


def test_a_closed_client_says_so_instead_of_an_httpx_error() -> None:
    client = NostoClient(tokens=Tokens(rates="r"))
    client.close()
    with pytest.raises(ConfigurationError, match="client is closed"):
        client.rates.update({"USD": 1.1})


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "application/xml"])
def test_a_2xx_web_page_is_not_taken_as_success(content_type: str) -> None:
    page = httpx.Response(
        200, text="<html>Log in to the Wi-Fi</html>", headers={"Content-Type": content_type}
    )
    client = NostoClient(
        tokens=Tokens(products="p", email="e"),
        http_client=httpx.Client(transport=httpx.MockTransport(lambda request: page)),
    )
    with pytest.raises(MalformedResponseError, match="captive portal"):
        client.email.blacklist(["a@x.com"])


def test_a_2xx_web_page_leaves_a_bulk_upload_failed_not_accepted() -> None:
    page = httpx.Response(200, text="<html>Log in</html>", headers={"Content-Type": "text/html"})
    client = NostoClient(
        tokens=Tokens(products="p"),
        http_client=httpx.Client(transport=httpx.MockTransport(lambda request: page)),
    )
    result = client.products.discontinue(["A", "B"])
    assert not result.ok
    assert [o.status.value for o in result.outcomes] == ["failed", "failed"]
    assert "captive portal" in (result.outcomes[0].message or "")


def test_a_user_agent_of_more_than_one_line_is_refused_at_construction() -> None:
    with pytest.raises(ConfigurationError, match="one line of printable text"):
        NostoClient(tokens=Tokens(apps="a"), user_agent="shop/1.0\r\nX-Injected: 1")


def test_a_shoppers_address_is_masked_in_error_messages() -> None:
    client = NostoClient(
        tokens=Tokens(email="e"),
        http_client=httpx.Client(
            transport=httpx.MockTransport(lambda request: httpx.Response(404, json={}))
        ),
    )
    with pytest.raises(NotFoundError) as info:
        client.gdpr.redact("ann.smith@example.com")
    assert "ann.smith" not in str(info.value)
    assert "/v1/customers/redact/***@example.com" in str(info.value)


def test_an_empty_2xx_body_typed_html_is_success() -> None:
    empty = httpx.Response(204, headers={"Content-Type": "text/html; charset=utf-8"})
    client = NostoClient(
        tokens=Tokens(email="e"),
        http_client=httpx.Client(transport=httpx.MockTransport(lambda request: empty)),
    )
    client.gdpr.redact("a@x.com")  # no error: a framework's default type for "nothing to say"


def test_an_address_holding_a_slash_is_masked_whole() -> None:
    client = NostoClient(
        tokens=Tokens(email="e"),
        http_client=httpx.Client(
            transport=httpx.MockTransport(lambda request: httpx.Response(404, json={}))
        ),
    )
    with pytest.raises(NotFoundError) as info:
        client.gdpr.redact("ann/smith@example.com")
    assert "ann" not in str(info.value)
    assert "/v1/customers/redact/***@example.com" in str(info.value)


def test_a_stream_on_a_closed_client_sends_nothing_and_says_so() -> None:
    client = NostoClient(tokens=Tokens(products="p"))
    client.close()
    with pytest.raises(ConfigurationError, match="client is closed"):
        client.products.upsert_stream(iter([{"product_id": "A"}]), partial=True)
