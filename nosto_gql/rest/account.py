"""Account-level configuration: exchange rates (API_RATES, ``client.rates``) and settings
(API_SETTINGS, ``client.settings``), REST.md 3.11-3.12.

Both validate the whole body before anything is sent and return None once Nosto answered 200.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any, TypeAlias

from .._exceptions import InvalidInputError
from .._facts import RATES_UPDATE, SETTINGS_UPDATE, Endpoint
from .._json import compact_json
from .._transport import AsyncTransport, RequestSpec, Transport
from ..models._errors import validated
from ..models._fields import got
from ..models.rates import ExchangeRates, utc_timestamp
from ..models.settings import AccountSettings, CurrencyFormatKeys

RatesInput: TypeAlias = Mapping[str, Any]
"""``{"USD": 1.08}``, ``{"USD": {"rate": 1.08, "price_currency_code": "USD"}}``,
``{"USD": ExchangeRate(...)}``, or Nosto's whole body ``{"rates": {...}, "valid_until": ...}``."""
SettingsInput: TypeAlias = AccountSettings | Mapping[str, Any]


Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _now(clock: Clock | None) -> datetime:
    # Looked up at each call, so tests can pin the time for clients they do not build.
    return clock() if clock is not None else _utc_now()


def _json_request(endpoint: Endpoint, body: Mapping[str, Any]) -> RequestSpec:
    return RequestSpec.to(endpoint, content=compact_json(body), content_type="application/json")


def _refuse_second_expiry(in_body: object, argument: datetime | None) -> None:
    if in_body is not None and argument is not None:
        raise InvalidInputError(
            "valid_until given twice: set it in the rates body or pass it, not both",
            [("valid_until", "given both in the body and as an argument")],
        )


def rates_request(
    rates: RatesInput | ExchangeRates, valid_until: datetime | None, now: datetime
) -> RequestSpec:
    """The checked ``POST /exchangerates`` request (shared by the sync and async clients)."""
    if isinstance(rates, ExchangeRates):
        _refuse_second_expiry(rates.valid_until, valid_until)
        model = validated(ExchangeRates, rates, "exchange rates", "")
    elif isinstance(rates, Mapping):
        if isinstance(rates.get("rates"), Mapping):  # Nosto's whole body, e.g. a sample file
            _refuse_second_expiry(rates.get("valid_until"), valid_until)
            body = {**rates, "valid_until": rates.get("valid_until") or valid_until}
        else:
            body = {"rates": rates, "valid_until": valid_until}
        model = validated(ExchangeRates, body, "exchange rates", "")
    else:
        raise InvalidInputError(
            f"expected a mapping of currency code to rate, e.g. {{'USD': 1.08}}; got {got(rates)}",
            [("rates", "expected a mapping")],
        )
    # Judged as sent: whole seconds, so "now + 0.3 s" is not sent as a second already past.
    stamp = None if model.valid_until is None else utc_timestamp(model.valid_until)
    if stamp is not None and stamp <= utc_timestamp(now):
        raise InvalidInputError(
            f"valid_until {stamp} is not in the future: Nosto would ignore the rates at once "
            "and hide every secondary-currency price",
            [("valid_until", f"expected a moment after now ({utc_timestamp(now)}); got {stamp}")],
        )
    return _json_request(RATES_UPDATE, model.model_dump(mode="json", exclude_none=True))


def settings_request(settings: SettingsInput, keys: CurrencyFormatKeys | str | None) -> RequestSpec:
    """The checked ``PUT /settings`` request (shared by the sync and async clients)."""
    try:
        keys = CurrencyFormatKeys.default() if keys is None else CurrencyFormatKeys(keys)
    except ValueError:
        choices = ", ".join(repr(k.value) for k in CurrencyFormatKeys)
        raise InvalidInputError(
            f"currency_format_keys must be one of {choices}; got {got(keys)}",
            [("currency_format_keys", f"expected one of {choices}")],
        ) from None
    if not isinstance(settings, (AccountSettings, Mapping)):
        raise InvalidInputError(
            f"expected AccountSettings or a mapping of settings; got {got(settings)}",
            [("settings", "expected a mapping")],
        )
    body = validated(AccountSettings, settings, "settings", "settings").to_wire(keys)
    if not body:
        raise InvalidInputError(
            "no settings to update: every field is unset",
            [("settings", "expected at least one field, e.g. title or currencies")],
        )
    return _json_request(SETTINGS_UPDATE, body)


class RatesAPI:
    """Exchange rates (API_RATES) over the synchronous transport."""

    def __init__(self, transport: Transport, *, clock: Clock | None = None) -> None:
        self._transport = transport
        self._clock = clock

    def update(
        self, rates: RatesInput | ExchangeRates, valid_until: datetime | None = None
    ) -> None:
        """Send the rates that convert catalog prices into the shop's other currencies.

        ``rates`` maps currency codes to multipliers from the primary currency (which is not
        sent), e.g. ``{"USD": 1.08, "GBP": 0.85}``; numeric strings are read as numbers. Nosto's
        whole body (``{"rates": {...}, "valid_until": "...Z"}``, as in its samples) and an
        `ExchangeRates` model are taken too. An empty
        set, a rate that is not above 0, a code that is not ISO-4217, or two entries for one
        currency raise `InvalidInputError` naming the entry; nothing is sent. ``valid_until``
        must be timezone-aware and in the future; it is sent as UTC (``...Z``, whole seconds).
        Retried on 429/5xx: sending the same rates twice stores the same rates.
        """
        self._transport.send(rates_request(rates, valid_until, _now(self._clock)))


class AsyncRatesAPI:
    """Exchange rates over the asynchronous transport; see `RatesAPI`."""

    def __init__(self, transport: AsyncTransport, *, clock: Clock | None = None) -> None:
        self._transport = transport
        self._clock = clock

    async def update(
        self, rates: RatesInput | ExchangeRates, valid_until: datetime | None = None
    ) -> None:
        """Send exchange rates; see `RatesAPI.update`."""
        await self._transport.send(rates_request(rates, valid_until, _now(self._clock)))


class SettingsAPI:
    """Account settings (API_SETTINGS) over the synchronous transport."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def update(
        self,
        settings: SettingsInput,
        *,
        currency_format_keys: CurrencyFormatKeys | str | None = None,
    ) -> None:
        """Update account settings with ``PUT /settings``; fields left unset are not sent.

        ``settings`` is an `AccountSettings` or a mapping with its keys (``title``,
        ``language_code``, ``front_page_url``, ``currency_code``, ``currencies``,
        ``default_variant_id``, ``use_exchange_rates``). Currency formats are sent with
        camelCase keys by default, as the current PHP SDK does (the default lives in
        ``_facts.SETTINGS_CURRENCY_FORMAT_KEYS``); ``currency_format_keys="snake_case"``
        sends the older spelling. Bad values raise `InvalidInputError` naming the field.
        """
        self._transport.send(settings_request(settings, currency_format_keys))


class AsyncSettingsAPI:
    """Account settings over the asynchronous transport; see `SettingsAPI`."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def update(
        self,
        settings: SettingsInput,
        *,
        currency_format_keys: CurrencyFormatKeys | str | None = None,
    ) -> None:
        """Update account settings; see `SettingsAPI.update`."""
        await self._transport.send(settings_request(settings, currency_format_keys))
