"""The body of ``POST /exchangerates`` (API_RATES, PRODUCT_MODEL.md 6).

    ExchangeRates.model_validate({"rates": {"USD": 1.08, "GBP": "0.85"}})

A rate converts a price in the catalog's primary currency into another currency (0.85 turns
EUR 10.00 into GBP 8.50). The primary currency itself is never sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Annotated, Any

from annotated_types import MinLen
from pydantic import (
    AfterValidator,
    AllowInfNan,
    BeforeValidator,
    Field,
    field_serializer,
    field_validator,
    model_validator,
)

from .._timestamps import InvalidTimestamp, parse_date_time
from ._base import PayloadModel
from ._fields import CurrencyCode, NonBlankText, _error, _to_float, got

__all__ = ["ExchangeRate", "ExchangeRates", "utc_timestamp"]


def _positive(value: float) -> float:
    if value <= 0:
        raise _error("rate", f"expected a rate above 0, e.g. 1.08; got {got(value)}")
    return value


PositiveRate = Annotated[
    float, AllowInfNan(False), BeforeValidator(_to_float), AfterValidator(_positive)
]


def utc_timestamp(moment: datetime) -> str:
    """``moment`` as Nosto's ISO-8601 UTC form, ``2030-01-31T00:00:00Z`` (whole seconds)."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class ExchangeRate(PayloadModel):
    """One target currency and the multiplier from the primary currency into it."""

    rate: PositiveRate = Field(description="multiplier from the primary currency, e.g. 1.08")
    price_currency_code: CurrencyCode = Field(
        description="ISO-4217 code of the target currency, such as USD"
    )


class ExchangeRates(PayloadModel):
    """Every rate to apply, and optionally when they stop applying.

    ``rates`` maps a name (by convention the currency code) to an `ExchangeRate`; a bare number
    stands for ``{"rate": number, "price_currency_code": name}``. After ``valid_until`` Nosto
    ignores the rates and hides prices in the other currencies.
    """

    rates: Annotated[dict[NonBlankText, ExchangeRate], MinLen(1)] = Field(
        description="at least one rate, keyed by currency code"
    )
    valid_until: datetime | None = Field(
        default=None, description="a timezone-aware datetime; sent as UTC"
    )

    @model_validator(mode="before")
    @classmethod
    def _expand_bare_rates(cls, data: Any) -> Any:
        if not isinstance(data, Mapping) or not isinstance(data.get("rates"), Mapping):
            return data
        expanded = {
            key: value
            if isinstance(value, (Mapping, ExchangeRate))
            else {"rate": value, "price_currency_code": key}
            for key, value in data["rates"].items()
        }
        return {**data, "rates": expanded}

    @field_validator("rates", mode="before")
    @classmethod
    def _not_empty(cls, value: Any) -> Any:
        if isinstance(value, Mapping) and not value:
            raise _error(
                "rates_empty",
                "expected at least one rate; an empty set would leave every secondary-currency "
                "price without a rate",
            )
        return value

    @field_validator("rates")
    @classmethod
    def _one_rate_per_currency(cls, value: dict[str, ExchangeRate]) -> dict[str, ExchangeRate]:
        seen: dict[str, str] = {}
        for name, rate in value.items():
            earlier = seen.setdefault(rate.price_currency_code, name)
            if earlier != name:
                raise _error(
                    "rates_duplicate",
                    f"rates {earlier!r} and {name!r} both convert into "
                    f"{rate.price_currency_code}; keep one",
                )
        return value

    @field_validator("valid_until", mode="before")
    @classmethod
    def _aware(cls, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            try:
                value = parse_date_time(value.strip())
            except InvalidTimestamp:
                raise _error(
                    "datetime",
                    "expected an ISO-8601 timestamp such as 2030-01-31T00:00:00Z; "
                    f"got {got(value)}",
                ) from None
        if not isinstance(value, datetime):
            # A date or a number would be turned into a moment the caller never wrote down.
            raise _error(
                "datetime",
                "expected a datetime with a time zone, or text such as 2030-01-31T00:00:00Z; "
                f"got {got(value)}",
            )
        if value.utcoffset() is None:
            raise _error(
                "datetime_naive",
                "expected a time with a time zone (tzinfo=timezone.utc, or text ending in Z or "
                "+HH:MM); one without is ambiguous",
            )
        try:
            value.astimezone(timezone.utc)
        except OverflowError:
            raise _error("datetime", f"{value} is out of range once in UTC") from None
        return value

    @field_serializer("valid_until", when_used="json")
    def _as_utc(self, value: datetime | None) -> str | None:
        return None if value is None else utc_timestamp(value)
