"""`client.rates` and `client.settings` over a mock transport: the exact bodies, every class of
bad input refused before sending, the casing switch, retries, and the async twins."""

from __future__ import annotations

import asyncio
import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from recording_server import Server, mock_async_client, mock_client
from reference_samples import load_sample

from nosto_gql import InvalidInputError, NostoClient, Tokens
from nosto_gql._transport import basic_auth_header
from nosto_gql.models.rates import ExchangeRate, ExchangeRates
from nosto_gql.models.settings import AccountSettings, CurrencyFormat, CurrencyFormatKeys

pytestmark = pytest.mark.usefixtures("pinned_now")

TOKENS = Tokens(rates="r", settings="s")
LATER = datetime(2031, 1, 1, tzinfo=timezone.utc)


def _client(server: Server, max_retries: int = 0) -> NostoClient:
    return mock_client(server, TOKENS, max_retries)


def _sent(server: Server) -> Any:
    (request,) = server.requests
    return json.loads(request.content)


def test_rates_shorthand_becomes_nostos_shape() -> None:
    server = Server()
    _client(server).rates.update({"USD": 1.08, "gbp": "0.85", "SEK": Decimal("11.42")})
    (request,) = server.requests
    assert (request.method, request.url.path) == ("POST", "/exchangerates")
    assert request.headers["authorization"] == basic_auth_header("r")
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == {
        "rates": {
            "USD": {"rate": 1.08, "price_currency_code": "USD"},
            "gbp": {"rate": 0.85, "price_currency_code": "GBP"},
            "SEK": {"rate": 11.42, "price_currency_code": "SEK"},
        }
    }


def test_rates_full_form_models_and_any_key_name() -> None:
    server = Server()
    _client(server).rates.update(
        {
            "Euros": {"rate": 0.92, "price_currency_code": "EUR"},
            "GBP": ExchangeRate(rate=0.85, price_currency_code="GBP"),
        }
    )
    assert _sent(server)["rates"] == {
        "Euros": {"rate": 0.92, "price_currency_code": "EUR"},
        "GBP": {"rate": 0.85, "price_currency_code": "GBP"},
    }


@pytest.mark.parametrize(
    ("valid_until", "sent"),
    [
        (LATER, "2031-01-01T00:00:00Z"),
        (
            datetime(2031, 1, 1, 2, 30, 15, 999, tzinfo=timezone(timedelta(hours=2))),
            "2031-01-01T00:30:15Z",
        ),
        ("2031-01-01T12:00:00+01:00", "2031-01-01T11:00:00Z"),
    ],
)
def test_valid_until_is_sent_as_utc_z(valid_until: Any, sent: str) -> None:
    server = Server()
    _client(server).rates.update({"USD": 1.1}, valid_until=valid_until)
    assert _sent(server)["valid_until"] == sent


def test_an_exchange_rates_model_is_sent_as_it_is() -> None:
    server = Server()
    model = ExchangeRates.model_validate({"rates": {"USD": 1.1}, "valid_until": LATER})
    _client(server).rates.update(model)
    assert _sent(server) == {
        "rates": {"USD": {"rate": 1.1, "price_currency_code": "USD"}},
        "valid_until": "2031-01-01T00:00:00Z",
    }


@pytest.mark.parametrize(
    ("rates", "valid_until", "where", "says"),
    [
        ({}, None, "rates", "at least one rate"),
        ({"USD": 0}, None, "rates.USD.rate", "above 0"),
        ({"USD": -1.5}, None, "rates.USD.rate", "above 0"),
        ({"USD": "1,08"}, None, "rates.USD.rate", "decimal point"),
        ({"USD": True}, None, "rates.USD.rate", "expected a number"),
        ({"USD": float("inf")}, None, "rates.USD.rate", "finite"),
        ({"Dollars": 1.1}, None, "rates.Dollars.price_currency_code", "ISO-4217"),
        ({"USD": {"rate": 1.1, "price_currency_code": "XYZ"}}, None, "rates.USD", "ISO-4217"),
        ({"USD": {"rate": 1.1}}, None, "rates.USD.price_currency_code", "missing"),
        ({"USD": {"rate": 1.1, "currency": "USD"}}, None, "rates.USD.currency", "unknown key"),
        (
            {"USD": 1.1, "Dollars": {"rate": 1.2, "price_currency_code": "USD"}},
            None,
            "rates",
            "keep one",
        ),
        ({"USD": 1.1}, datetime(2031, 1, 1), "valid_until", "with a time zone"),
        ({"USD": 1.1}, date(2031, 1, 1), "valid_until", "with a time zone"),
        ({"USD": 1.1}, "next tuesday", "valid_until", "ISO-8601"),
        ({"USD": 1.1}, datetime(2020, 1, 1, tzinfo=timezone.utc), "valid_until", "after now"),
    ],
)
def test_bad_rates_are_refused_naming_the_field_and_nothing_is_sent(
    rates: Any, valid_until: Any, where: str, says: str
) -> None:
    server = Server()
    with pytest.raises(InvalidInputError) as info:
        _client(server).rates.update(rates, valid_until=valid_until)
    assert any(w.startswith(where) and says in m for w, m in info.value.problems), info.value
    assert server.requests == []


def test_rates_that_are_not_a_mapping_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="mapping of currency code to rate"):
        _client(Server()).rates.update([("USD", 1.1)])  # type: ignore[arg-type]


def test_valid_until_given_twice_is_refused() -> None:
    model = ExchangeRates.model_validate({"rates": {"USD": 1.1}, "valid_until": LATER})
    with pytest.raises(InvalidInputError, match="given twice"):
        _client(Server()).rates.update(model, valid_until=LATER)


def test_rates_are_retried_after_a_503_since_resending_is_harmless() -> None:
    server = Server(503, 200)
    _client(server, max_retries=1).rates.update({"USD": 1.1})
    assert len(server.requests) == 2


def test_the_rates_sample_payload_is_accepted_as_it_is() -> None:
    sample = load_sample("exchangerates.json")
    server = Server()
    _client(server).rates.update(sample)  # Nosto's whole body, as a plain mapping
    _client(server).rates.update(ExchangeRates.model_validate(sample))
    assert [json.loads(r.content) for r in server.requests] == [sample, sample]


def test_an_expiry_in_the_body_and_as_an_argument_is_refused() -> None:
    body = {"rates": {"USD": 1.1}, "valid_until": "2031-01-01T00:00:00Z"}
    with pytest.raises(InvalidInputError, match="given twice"):
        _client(Server()).rates.update(body, valid_until=LATER)


@pytest.mark.parametrize(
    ("text", "sent"),
    [
        ("2031-01-31T00:00:00Z", "2031-01-31T00:00:00Z"),
        ("2031-01-31T00:00:00.5z", "2031-01-31T00:00:00Z"),
        ("2031-01-31T01:00+01:00", "2031-01-31T00:00:00Z"),
        ("2031-01-31T00:00:00+0000", None),  # no colon in the offset: refused on every Python
        ("20310131T000000Z", None),  # the basic format: refused on every Python
    ],
)
def test_valid_until_text_is_read_the_same_on_every_python(text: str, sent: str | None) -> None:
    server = Server()
    if sent is None:
        with pytest.raises(InvalidInputError, match="ISO-8601"):
            _client(server).rates.update({"rates": {"USD": 1.1}, "valid_until": text})
        return
    _client(server).rates.update({"rates": {"USD": 1.1}, "valid_until": text})
    assert _sent(server)["valid_until"] == sent


def test_a_valid_until_less_than_a_second_ahead_is_refused_as_sent() -> None:
    client = _client(Server())
    now = datetime(2030, 1, 1, 12, 0, 0, 200_000, tzinfo=timezone.utc)
    client.rates._clock = lambda: now
    with pytest.raises(InvalidInputError, match="not in the future"):
        client.rates.update({"USD": 1.1}, valid_until=now + timedelta(milliseconds=500))


CAMEL_EUR = {
    "currencyBeforeAmount": False,
    "currencyToken": "€",
    "decimalCharacter": ",",
    "groupingSeparator": " ",
    "decimalPlaces": 2,
}
SNAKE_EUR = {
    "currency_before_amount": False,
    "currency_token": "€",
    "decimal_character": ",",
    "grouping_separator": " ",
    "decimal_places": 2,
}


@pytest.mark.parametrize("given", [CAMEL_EUR, SNAKE_EUR])
def test_settings_formats_are_sent_camel_case_by_default(given: dict[str, Any]) -> None:
    server = Server()
    _client(server).settings.update({"currency_code": "EUR", "currencies": {"EUR": given}})
    (request,) = server.requests
    assert (request.method, request.url.path) == ("PUT", "/settings")
    assert request.headers["authorization"] == basic_auth_header("s")
    assert json.loads(request.content) == {"currency_code": "EUR", "currencies": {"EUR": CAMEL_EUR}}


@pytest.mark.parametrize("switch", ["snake_case", CurrencyFormatKeys.SNAKE_CASE])
def test_settings_snake_case_switch(switch: Any) -> None:
    server = Server()
    _client(server).settings.update({"currencies": {"EUR": CAMEL_EUR}}, currency_format_keys=switch)
    assert _sent(server) == {"currencies": {"EUR": SNAKE_EUR}}


def test_settings_send_only_what_was_set_and_keep_false() -> None:
    server = Server()
    settings = AccountSettings(title="Shop", use_exchange_rates=False)
    _client(server).settings.update(settings)
    assert _sent(server) == {"title": "Shop", "use_exchange_rates": False}


def test_an_empty_grouping_separator_is_omitted_like_the_sdk_does() -> None:
    server = Server()
    fmt = CurrencyFormat(
        currency_before_amount=True, currency_token="$", decimal_character=".", decimal_places="2"
    )
    _client(server).settings.update({"currencies": {"usd": fmt}})
    assert _sent(server)["currencies"] == {
        "USD": {
            "currencyBeforeAmount": True,
            "currencyToken": "$",
            "decimalCharacter": ".",
            "decimalPlaces": 2,
        }
    }


@pytest.mark.parametrize(
    ("settings", "where", "says"),
    [
        ({}, "settings", "at least one field"),
        ({"titel": "Shop"}, "settings.titel", "did you mean 'title'"),
        (
            {"currencies": {"eur": SNAKE_EUR, "EUR": SNAKE_EUR}},
            "settings.currencies",
            "same currency",
        ),
        (
            {"currencies": {"EUR": {**SNAKE_EUR, **CAMEL_EUR}}},
            "settings.currencies.EUR",
            "given twice",
        ),
        ({"default_variant_id": ""}, "settings.default_variant_id", "non-empty"),
        ({"title": "Shop", "currencies": {}}, "settings.currencies", "at least 1"),
        (
            {"currencies": {"EUR": {**SNAKE_EUR, "grouping_separator": "abc"}}},
            "settings.currencies.EUR.grouping_separator",
            "one character or none",
        ),
        ({"title": "  "}, "settings.title", "non-empty"),
        ({"language_code": "english"}, "settings.language_code", "ISO-639-1"),
        ({"front_page_url": "shop.example.com"}, "settings.front_page_url", "absolute"),
        ({"currency_code": "EURO"}, "settings.currency_code", "ISO-4217"),
        ({"use_exchange_rates": "yes"}, "settings.use_exchange_rates", "true or false"),
        ({"currencies": {"EURO": SNAKE_EUR}}, "settings.currencies", "ISO-4217"),
        (
            {"currencies": {"EUR": {**SNAKE_EUR, "decimal_places": 7}}},
            "settings.currencies.EUR.decimal_places",
            "<= 4",
        ),
        (
            {"currencies": {"EUR": {**SNAKE_EUR, "decimal_character": ".."}}},
            "settings.currencies.EUR.decimal_character",
            "single character",
        ),
        (
            {"currencies": {"EUR": {**SNAKE_EUR, "grouping_separator": ","}}},
            "settings.currencies.EUR",
            "both ','",
        ),
        (
            {"currencies": {"EUR": {**SNAKE_EUR, "currency_before_amount": "no"}}},
            "settings.currencies.EUR.currency_before_amount",
            "true or false",
        ),
    ],
)
def test_bad_settings_are_refused_naming_the_field_and_nothing_is_sent(
    settings: dict[str, Any], where: str, says: str
) -> None:
    server = Server()
    with pytest.raises(InvalidInputError) as info:
        _client(server).settings.update(settings)
    assert any(w.startswith(where) and says in m for w, m in info.value.problems), info.value
    assert server.requests == []


def test_an_unknown_casing_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="currency_format_keys"):
        _client(Server()).settings.update({"title": "x"}, currency_format_keys="kebab-case")


@pytest.mark.parametrize("name", ["settings.json", "settings-legacy-snake-case.json"])
def test_the_settings_sample_payloads_are_accepted(name: str) -> None:
    sample = load_sample(name)
    keys = "snake_case" if "snake" in name else "camelCase"
    server = Server()
    _client(server).settings.update(sample, currency_format_keys=keys)
    assert _sent(server) == sample


def test_async_rates_and_settings() -> None:
    server = Server()

    async def run() -> None:
        async with mock_async_client(server, TOKENS) as client:
            await client.rates.update({"USD": 1.1}, valid_until=LATER)
            await client.settings.update({"title": "Shop"})

    asyncio.run(run())
    assert [(r.method, r.url.path) for r in server.requests] == [
        ("POST", "/exchangerates"),
        ("PUT", "/settings"),
    ]


def test_a_drifted_model_is_validated_again() -> None:
    model = ExchangeRates.model_validate({"rates": {"USD": 1.1}})
    drifted = model.model_copy(update={"valid_until": datetime(2031, 1, 1)})  # naive, unchecked
    server = Server()
    with pytest.raises(InvalidInputError, match="with a time zone"):
        _client(server).rates.update(drifted)
    assert server.requests == []
