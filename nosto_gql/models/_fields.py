"""Annotated field types shared by the payload models: each validates, coerces and explains.

Validators raise `PydanticCustomError` with a message that says what is expected and what was
given, so the text reads well both in pydantic's own `ValidationError` and in the problems of
`InvalidInputError`. Numeric strings are accepted where Nosto's docs show them (`"3.8"`, `"15"`).
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from annotated_types import Ge, Le
from pydantic import AfterValidator, AllowInfNan, BeforeValidator
from pydantic_core import PydanticCustomError

from .._facts import CURRENCY_CODES, Availability
from .._json import LONE_SURROGATE, is_utf8

__all__ = [
    "AbsoluteUrl",
    "AvailabilityValue",
    "CategoryPath",
    "Count",
    "CurrencyCode",
    "CustomFields",
    "Identifier",
    "Measure",
    "Money",
    "NonBlankText",
    "PublishedDate",
    "Rating",
    "got",
]

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_INTEGER = re.compile(r"[+-]?\d+")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
_CURRENCY = re.compile(r"[A-Z]{3}")
# An http(s) scheme, a non-empty host, no whitespace anywhere (a regex: urlsplit is slower).
_URL = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\S+")
# Nosto's own upsert doc example carries U+00AD soft hyphens inside its date (REST.md 3.1).
_SOFT_HYPHEN = "\u00ad"
# ">" and the guillemets U+00BB and U+203A that breadcrumb exports use between levels.
_CATEGORY_SEPARATORS = re.compile(r"\s*[>\u00bb\u203a]\s*")


def got(value: Any) -> str:
    """A short repr of a rejected input for error messages."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _error(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(f"nosto_{kind}", message)


def _number_hint(text: str) -> str:
    if _THOUSANDS.fullmatch(text):
        return " (drop the thousands separators)"
    if _DECIMAL_COMMA.fullmatch(text):
        return " (use a decimal point, not a comma)"
    return ""


def _to_float(value: Any) -> Any:
    # Strings and Decimals go through Decimal so that a value a JSON number cannot carry exactly is
    # refused instead of rounded: prices are sent as given (the PHP SDK rounds, we do not).
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _error("number", f"expected a finite number; got {got(value)}")
        return value
    if isinstance(value, bool):
        raise _error("number", f"expected a number, e.g. 19.99; got {got(value)}")
    if isinstance(value, str):
        text = value.strip()
        if not _DECIMAL.fullmatch(text):
            hint = _number_hint(text)
            raise _error("number", f"expected a number, e.g. 19.99; got {got(value)}{hint}")
        value = Decimal(text)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _error("number", f"expected a finite number; got {got(value)}")
        number = float(value)
        if Decimal(repr(number)) != value:
            raise _error(
                "number_precision",
                f"{value} has more significant digits than a double (what JSON parsers read "
                "numbers into) keeps; round it before sending",
            )
        return number
    return value


def _to_int(value: Any) -> Any:
    if isinstance(value, bool):
        raise _error("integer", f"expected a whole number; got {got(value)}")
    if isinstance(value, str):
        text = value.strip()
        if not _INTEGER.fullmatch(text):
            raise _error("integer", f"expected a whole number, e.g. 15; got {got(value)}")
        return int(text)
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    return value


def _to_measure(value: Any) -> Any:
    # Kept as a string: the SDK sends "string/number" and the samples use "1"; numbers are turned
    # into their shortest text so 0.33 is sent as "0.33", not 0.33000000000000002.
    if isinstance(value, bool):
        raise _error("measure", f"expected a quantity such as 0.33; got {got(value)}")
    if isinstance(value, (int, float, Decimal)):
        value = repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, str):
        text = value.strip()
        if not _DECIMAL.fullmatch(text) or text.startswith("-"):
            hint = _number_hint(text)
            raise _error(
                "measure", f"expected a non-negative quantity such as 0.33; got {got(value)}{hint}"
            )
        return text
    return value


def _sendable(value: str) -> str:
    if not is_utf8(value):
        raise _error(
            "utf8",
            f"expected valid UTF-8 text; got {got(value)}, which holds {LONE_SURROGATE}",
        )
    return value


def _to_identifier(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        if not value.strip():
            raise _error("identifier", f"expected a non-empty id; got {got(value)}")
        return _sendable(value)
    raise _error("identifier", f"expected a string (or integer) id; got {got(value)}")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise _error("blank", f"expected non-empty text; got {got(value)}")
    return _sendable(value)


def _to_url(value: str) -> str:
    text = _sendable(value).strip()
    if _URL.fullmatch(text):
        return text
    if text.startswith("//"):
        raise _error(
            "url", f"expected an absolute http(s) URL; got {got(value)} (add the scheme: https:)"
        )
    if _URL.match(text):
        raise _error(
            "url", f"expected a URL without spaces; got {got(value)} (percent-encode them as %20)"
        )
    raise _error(
        "url",
        f"expected an absolute http(s) URL such as https://shop.example/p/1; got {got(value)}",
    )


def _to_currency(value: str) -> str:
    code = value.strip().upper()
    if not _CURRENCY.fullmatch(code):
        raise _error(
            "currency",
            f"expected a three-letter ISO-4217 currency code, e.g. EUR; got {got(value)}",
        )
    if code not in CURRENCY_CODES:
        raise _error("currency", f"expected an ISO-4217 currency code; {code!r} is not one")
    return code


_AVAILABILITY_BY_VALUE = {a.value: a for a in Availability}
_AVAILABILITY_BY_KEY = {a.value.lower(): a for a in Availability}
_AVAILABILITY_NAMES = ", ".join(a.value for a in Availability)
_SCHEMA_ORG = re.compile(r"https?://schema\.org/", re.IGNORECASE)


def _to_availability(value: Any) -> Any:
    if isinstance(value, str):
        exact = _AVAILABILITY_BY_VALUE.get(value)
        if exact is not None:
            return exact
        # Spellings such as "in_stock" or "out of stock" are unambiguous, so they are accepted.
        key = re.sub(r"[\s_-]", "", _SCHEMA_ORG.sub("", value.strip(), count=1)).lower()
        found = _AVAILABILITY_BY_KEY.get(key)
        if found is not None:
            return found
    raise _error(
        "availability",
        f"expected one of {_AVAILABILITY_NAMES} (or a schema.org URL such as "
        f"http://schema.org/InStock); got {got(value)}",
    )


def _to_category(value: str) -> str:
    if not value.strip():
        raise _error("category", "expected a category path such as 'Outdoor/Tents'; got ''")
    if _CATEGORY_SEPARATORS.search(value):
        fixed = "/".join(part for part in _CATEGORY_SEPARATORS.split(value.strip()) if part)
        raise _error(
            "category",
            f"categories are slash-delimited paths: {value!r} is not valid, use {fixed!r}",
        )
    return value


def _to_date(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.replace(_SOFT_HYPHEN, "").strip()
        # A full timestamp is cut to its own calendar date: the day the shop published it.
        if _ISO_DATE.fullmatch(text) or _ISO_DATETIME.fullmatch(text):
            try:
                return date(int(text[:4]), int(text[5:7]), int(text[8:10]))
            except ValueError:
                raise _error("date", f"expected a calendar date; got {got(value)}") from None
    raise _error("date", f"expected a date as YYYY-MM-DD, e.g. '2024-03-15'; got {got(value)}")


NonBlankText = Annotated[str, AfterValidator(_not_blank)]
Identifier = Annotated[str, BeforeValidator(_to_identifier)]
AbsoluteUrl = Annotated[str, AfterValidator(_to_url)]
# Constraints come before the BeforeValidator so they stay on the number schema itself (and show
# as "minimum"/"maximum" in the JSON schema); the validator still runs first.
Money = Annotated[float, Ge(0), AllowInfNan(False), BeforeValidator(_to_float)]
Rating = Annotated[float, Ge(0), Le(5), AllowInfNan(False), BeforeValidator(_to_float)]
Count = Annotated[int, Ge(0), BeforeValidator(_to_int)]
Measure = Annotated[str, BeforeValidator(_to_measure)]
CurrencyCode = Annotated[str, AfterValidator(_to_currency)]
AvailabilityValue = Annotated[Availability, BeforeValidator(_to_availability)]
CategoryPath = Annotated[str, AfterValidator(_to_category)]
PublishedDate = Annotated[date, BeforeValidator(_to_date)]
# Numbers become strings through the models' coerce_numbers_to_str; booleans and None are
# refused, since their text ("True", "None") would be Python's, not the shop's.
CustomFields = dict[str, str]
