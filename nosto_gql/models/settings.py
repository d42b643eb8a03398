"""The body of ``PUT /settings`` (API_SETTINGS, PRODUCT_MODEL.md 7).

Every field is optional: what is left out is not sent, and Nosto very likely leaves it unchanged
(REST.md 3.12; the Magento plugin relies on that). Currency formats accept either key casing on
input; which casing is *sent* is chosen per call (`CurrencyFormatKeys`).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from typing import Annotated, Any

from annotated_types import Ge, Le, MinLen
from pydantic import (
    AfterValidator,
    AliasChoices,
    Field,
    StrictBool,
    field_validator,
    model_validator,
)

from .._facts import SETTINGS_CURRENCY_FORMAT_KEYS
from ._base import PayloadModel, prune
from ._fields import AbsoluteUrl, CurrencyCode, NonBlankText, _error, _to_int, got

__all__ = ["AccountSettings", "CurrencyFormat", "CurrencyFormatKeys"]

_LANGUAGE = re.compile(r"[a-z]{2}")


class CurrencyFormatKeys(str, enum.Enum):
    """How the keys inside each currency format are spelled on the wire. Nosto's sources
    disagree; the default is `_facts.SETTINGS_CURRENCY_FORMAT_KEYS`, where the evidence is."""

    CAMEL_CASE = "camelCase"
    SNAKE_CASE = "snake_case"

    @classmethod
    def default(cls) -> CurrencyFormatKeys:
        return cls(SETTINGS_CURRENCY_FORMAT_KEYS)


def _language(value: str) -> str:
    code = value.strip().lower()
    if not _LANGUAGE.fullmatch(code):
        raise _error(
            "language", f"expected a two-letter ISO-639-1 language code, e.g. en; got {got(value)}"
        )
    return code


def _at_most_one_character(value: str) -> str:
    if len(value) > 1:
        raise _error("separator", f"expected one character or none, e.g. ' '; got {got(value)}")
    return value


def _one_character(value: str) -> str:
    if len(value) != 1:
        raise _error("separator", f"expected a single character, e.g. '.' or ','; got {got(value)}")
    return value


LanguageCode = Annotated[str, AfterValidator(_language)]
DecimalPlaces = Annotated[int, Ge(0), Le(4)]


class CurrencyFormat(PayloadModel):
    """How prices in one currency are shown, e.g. ``€1.234,50`` or ``1 234,50 kr``."""

    currency_before_amount: StrictBool = Field(
        validation_alias=AliasChoices("currency_before_amount", "currencyBeforeAmount"),
        serialization_alias="currencyBeforeAmount",
        description="True puts the symbol before the amount",
    )
    currency_token: NonBlankText = Field(
        validation_alias=AliasChoices("currency_token", "currencyToken"),
        serialization_alias="currencyToken",
        description="the symbol, e.g. €",
    )
    decimal_character: Annotated[str, AfterValidator(_one_character)] = Field(
        validation_alias=AliasChoices("decimal_character", "decimalCharacter"),
        serialization_alias="decimalCharacter",
        description="the decimal separator, e.g. ','",
    )
    grouping_separator: Annotated[str, AfterValidator(_at_most_one_character)] = Field(
        default="",
        validation_alias=AliasChoices("grouping_separator", "groupingSeparator"),
        serialization_alias="groupingSeparator",
        description="the thousands separator, e.g. ' '; empty for none",
    )
    decimal_places: DecimalPlaces = Field(
        validation_alias=AliasChoices("decimal_places", "decimalPlaces"),
        serialization_alias="decimalPlaces",
        description="digits after the separator, 0 to 4",
    )

    @model_validator(mode="before")
    @classmethod
    def _one_spelling_per_field(cls, data: Any) -> Any:
        if isinstance(data, Mapping):
            for name, field in cls.model_fields.items():
                alias = field.serialization_alias
                if alias and name in data and alias in data:
                    raise _error(
                        "spelling",
                        f"{name} is given twice, as {name!r} and {alias!r}; keep one",
                    )
        return data

    @model_validator(mode="before")
    @classmethod
    def _whole_number_places(cls, data: Any) -> Any:
        # "2" from a spreadsheet is 2; 2.5 is refused by the int field.
        if isinstance(data, Mapping):
            for key in ("decimal_places", "decimalPlaces"):
                if key in data:
                    data = {**data, key: _to_int(data[key])}
        return data

    @model_validator(mode="after")
    def _separators_differ(self) -> CurrencyFormat:
        if self.grouping_separator and self.grouping_separator == self.decimal_character:
            raise _error(
                "separator",
                f"decimal_character and grouping_separator are both {self.decimal_character!r}; "
                "prices would be unreadable",
            )
        return self

    def to_wire(self, keys: CurrencyFormatKeys) -> dict[str, Any]:
        """The format with its keys spelled as ``keys`` says; an empty separator is omitted."""
        return prune(self.model_dump(mode="json", by_alias=keys is CurrencyFormatKeys.CAMEL_CASE))


class AccountSettings(PayloadModel):
    """Account-level settings: store title, language, front page, primary currency and price
    formats, the primary currency's variation id, and the exchange-rates switch."""

    title: NonBlankText | None = Field(default=None, description="the store's name")
    language_code: LanguageCode | None = Field(default=None, description="ISO-639-1, e.g. en")
    front_page_url: AbsoluteUrl | None = Field(default=None, description="the storefront URL")
    currency_code: CurrencyCode | None = Field(
        default=None, description="ISO-4217 code of the primary currency, such as EUR"
    )
    currencies: Annotated[dict[CurrencyCode, CurrencyFormat], MinLen(1)] | None = Field(
        default=None,
        description="price format per ISO-4217 currency code; leave out to keep the stored ones",
    )
    default_variant_id: NonBlankText | None = Field(
        default=None, description="the variation id of the primary currency"
    )
    use_exchange_rates: StrictBool | None = Field(
        default=None, description="whether secondary-currency prices come from exchange rates"
    )

    @field_validator("currencies", mode="before")
    @classmethod
    def _one_format_per_currency(cls, value: Any) -> Any:
        # "eur" and "EUR" name one currency: keeping either silently would lose the other.
        if isinstance(value, Mapping):
            seen: dict[str, object] = {}
            for code in value:
                folded = code.strip().upper() if isinstance(code, str) else code
                if folded in seen:
                    raise _error(
                        "currency_duplicate",
                        f"currencies {seen[folded]!r} and {code!r} are the same currency; keep one",
                    )
                seen[folded] = code
        return value

    def to_wire(self, keys: CurrencyFormatKeys | None = None) -> dict[str, Any]:
        """The PUT body: fields left as None are not sent; ``False`` and ``0`` are."""
        keys = keys or CurrencyFormatKeys.default()
        data = self.model_dump(mode="json", exclude_none=True, exclude={"currencies"})
        if self.currencies:
            data["currencies"] = {
                code: currency_format.to_wire(keys)
                for code, currency_format in self.currencies.items()
            }
        return data
