"""Rates, settings, legacy recommendations and the legacy product endpoints in the sandbox, over
real TLS: what each stores, what each refuses, and which token opens it."""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from reference_samples import load_sample
from sandbox_helpers import SandboxHTTP, product

from nosto_gql import (
    AuthenticationError,
    BadRequestError,
    NostoClient,
    NotFoundError,
    TokenFamily,
    Tokens,
)
from nosto_gql._facts import MAX_PAYLOAD_BYTES
from nosto_gql.sandbox import ManualClock, Sandbox

pytestmark = pytest.mark.usefixtures("pinned_now")

LATER = datetime(2031, 1, 1, tzinfo=timezone.utc)


def test_rates_are_stored_with_their_expiry(sandbox: Sandbox, client: NostoClient) -> None:
    client.rates.update({"USD": 1.08, "GBP": "0.85"}, valid_until=LATER)
    record = sandbox.state.exchange_rates
    assert record is not None
    assert record.valid_until == LATER
    assert sandbox.state.active_exchange_rates == {"USD": 1.08, "GBP": 0.85}


def test_a_new_rate_set_replaces_the_old_one(sandbox: Sandbox, client: NostoClient) -> None:
    client.rates.update({"USD": 1.08, "GBP": 0.85})
    client.rates.update({"SEK": 11.42})
    assert sandbox.state.active_exchange_rates == {"SEK": 11.42}


def test_rates_stop_applying_after_valid_until(
    sandbox: Sandbox, api: SandboxHTTP, clock: ManualClock
) -> None:
    # Sent raw: the client refuses an expiry in the past, and the sandbox clock is behind.
    expiry = clock() + timedelta(hours=1)
    response = api.http.post(
        "/exchangerates",
        json={
            "rates": {"USD": {"rate": 1.1, "price_currency_code": "USD"}},
            "valid_until": expiry.strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
        auth=("", sandbox.tokens.rates or ""),
    )
    assert response.status_code == 200, response.text
    assert sandbox.state.active_exchange_rates == {"USD": 1.1}
    clock.advance(hours=1)
    assert sandbox.state.active_exchange_rates == {}
    assert sandbox.state.exchange_rates is not None  # still inspectable after expiry


def test_the_rates_sample_payload_is_accepted(sandbox: Sandbox, api: SandboxHTTP) -> None:
    sample = load_sample("exchangerates.json")
    response = api.http.post("/exchangerates", json=sample, auth=("", sandbox.tokens.rates or ""))
    assert response.status_code == 200, response.text
    assert set(sandbox.state.active_exchange_rates) == {"SEK", "USD", "GBP"}


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"rates": {}}, "at least one rate"),
        ({"rates": {"USD": 1.1}}, "expected an object"),
        ({"rates": {"USD": {"rate": 0, "price_currency_code": "USD"}}}, "above 0"),
        ({"rates": {"USD": {"rate": 1, "price_currency_code": "XXY"}}}, "ISO-4217"),
        (
            {"rates": {"USD": {"rate": 1, "price_currency_code": "USD"}}, "valid_until": 5},
            "ISO-8601",
        ),
        (
            {
                "rates": {"USD": {"rate": 1, "price_currency_code": "USD"}},
                "valid_until": "2031-01-01T00:00:00",
            },
            "timezone",
        ),
        ([], "JSON object"),
    ],
)
def test_bad_rate_bodies_are_400_and_nothing_is_stored(
    sandbox: Sandbox, api: SandboxHTTP, body: Any, says: str
) -> None:
    response = api.http.post("/exchangerates", json=body, auth=("", sandbox.tokens.rates or ""))
    assert response.status_code == 400
    assert says in response.json()["message"]
    assert sandbox.state.exchange_rates is None


def test_settings_merge_and_keep_the_casing_sent(sandbox: Sandbox, client: NostoClient) -> None:
    client.settings.update(load_sample("settings.json"))
    client.settings.update({"title": "Renamed"}, currency_format_keys="snake_case")
    settings = sandbox.state.settings
    assert settings["title"] == "Renamed"
    assert settings["currency_code"] == "EUR"  # left out of the second call, so kept
    assert settings["currencies"]["USD"]["currencyToken"] == "$"
    client.settings.update(
        load_sample("settings-legacy-snake-case.json"), currency_format_keys="snake_case"
    )
    assert sandbox.state.settings["currencies"] == {
        "EUR": {
            "currency_before_amount": False,
            "currency_token": "€",
            "decimal_character": ",",
            "grouping_separator": " ",
            "decimal_places": 2,
        }
    }


def test_bad_settings_bodies_are_400(sandbox: Sandbox, api: SandboxHTTP) -> None:
    for body, says in [
        ({"titel": "x"}, "did you mean 'title'"),
        ({"currency_code": "EURO"}, "ISO-4217"),
    ]:
        response = api.http.put("/settings", json=body, auth=("", sandbox.tokens.settings or ""))
        assert response.status_code == 400
        assert says in response.json()["message"]
    assert sandbox.state.settings == {}


def test_settings_and_rates_need_their_own_tokens(sandbox: Sandbox) -> None:
    crossed = Tokens(rates=sandbox.tokens.settings, settings=sandbox.tokens.rates)
    with NostoClient(tokens=crossed, base_url=sandbox.base_url, ca_file=sandbox.ca_file) as client:
        with pytest.raises(AuthenticationError, match="API_SETTINGS token"):
            client.rates.update({"USD": 1.1})
        with pytest.raises(AuthenticationError, match="API_RATES token"):
            client.settings.update({"title": "x"})
    assert sandbox.state.exchange_rates is None
    assert sandbox.state.settings == {}


def test_a_settings_body_over_the_cap_is_413(sandbox: Sandbox, api: SandboxHTTP) -> None:
    body = {"title": "x" * MAX_PAYLOAD_BYTES}
    response = api.http.put("/settings", json=body, auth=("", sandbox.tokens.settings or ""))
    assert response.status_code == 413


def test_legacy_recommendations_return_best_sellers_per_slot(
    sandbox: Sandbox, client: NostoClient
) -> None:
    sandbox.load_products([product("A"), product("B", availability="OutOfStock")])
    with pytest.warns(DeprecationWarning):
        result = client.legacy_recommendations.get(["frontpage-nosto-1", "cartpage-nosto-1"])
    assert set(result) == {"frontpage-nosto-1", "cartpage-nosto-1"}
    assert [p["product_id"] for p in result["frontpage-nosto-1"]["products"]] == ["A"]


def test_legacy_recommendations_need_the_rec_token(sandbox: Sandbox) -> None:
    wrong = Tokens(rec=sandbox.tokens.apps)
    client = NostoClient(tokens=wrong, base_url=sandbox.base_url, ca_file=sandbox.ca_file)
    with client, warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(AuthenticationError, match="API_APPS token"):
            client.legacy_recommendations.get(["a"])


def test_legacy_recommendations_without_elements_is_400(sandbox: Sandbox, api: SandboxHTTP) -> None:
    response = api.http.get("/recommendations", auth=("", sandbox.tokens.rec or ""))
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("method", "path"), [("POST", "/v1/products/create"), ("PUT", "/v1/products/update")]
)
def test_legacy_product_endpoints_store_like_upsert(
    sandbox: Sandbox, api: SandboxHTTP, method: str, path: str
) -> None:
    auth = ("", sandbox.tokens.products or "")
    response = api.http.request(method, path, json=[product("A")], auth=auth)
    assert response.status_code == 200, response.text
    assert set(sandbox.state.products) == {"A"}
    response = api.http.request(method, path, json=[{"product_id": "B"}], auth=auth)
    assert response.status_code == 400
    assert response.json()["type"] == "has_errors"


def test_omnichannel_has_a_token_family_but_no_invented_endpoint(
    sandbox: Sandbox, client: NostoClient
) -> None:
    # Nosto publishes no Omni-channel contract: the escape hatch reaches any path with the
    # API_OMNICHANNEL token, and the sandbox, knowing no such endpoint, answers 404.
    with pytest.raises(NotFoundError):
        client.request(TokenFamily.OMNICHANNEL, "POST", "/v1/omnichannel/orders", json={})
    record = sandbox.state.requests[-1]
    assert record.path == "/v1/omnichannel/orders"


def test_a_raw_bad_request_to_rates_is_a_typed_error(client: NostoClient) -> None:
    with pytest.raises(BadRequestError, match="expected an object"):
        client.request(TokenFamily.RATES, "POST", "/exchangerates", json={"rates": {"USD": 1}})


def test_bodies_that_are_not_standard_json_are_400(sandbox: Sandbox, api: SandboxHTTP) -> None:
    # Python's decoder would take NaN; a Java server such as Nosto's does not.
    body = b'[{"product_id": "A", "price": NaN}]'
    auth = ("", sandbox.tokens.products or "")
    headers = {"Content-Type": "application/json"}
    response = api.http.post("/v1/products/upsert", content=body, auth=auth, headers=headers)
    assert response.status_code == 400
    assert sandbox.state.products == {}


def test_an_address_holding_a_slash_reaches_the_gdpr_endpoints(
    sandbox: Sandbox, client: NostoClient
) -> None:
    client.gdpr.redact("a/b@x.com")
    client.email.set_consent("a/b@x.com", True)
    assert sandbox.state.gdpr_requests == [{"kind": "redact", "email": "a/b@x.com"}]
    assert sandbox.state.consents == {"a/b@x.com": True}


def test_recrawl_urls_are_checked(sandbox: Sandbox, api: SandboxHTTP) -> None:
    body = {"products": [{"product_id": "A", "url": "not a url"}]}
    auth = ("", sandbox.tokens.products or "")
    assert api.http.post("/products/recrawl", json=body, auth=auth).status_code == 400
    assert sandbox.state.recrawl_requests == []
