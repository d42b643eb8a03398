"""Checking and merging products sent in the REST upsert format (PRODUCT_MODEL.md 2-4).

A product Nosto has never seen must carry every documented required field. A product it knows
may be sent partially — the `{product_id, availability: "Discontinued"}` shape integrations use
to delete products is the common case — and the given fields are merged over the stored ones.
JSON `null` counts as "not given", mirroring the SDK, which leaves empty values out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .._facts import PRODUCT_REQUIRED_FIELDS, Availability

_SCHEMA_ORG_PREFIXES = ("http://schema.org/", "https://schema.org/")
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")

_TEXT_FIELDS = frozenset(
    {
        "name",
        "description",
        "brand",
        "variation_id",
        "condition",
        "gender",
        "age_group",
        "gtin",
        "google_category",
        "date_published",
        "unit_pricing_unit",
    }
)
_URL_FIELDS = frozenset({"url", "image_url", "thumb_url"})
_PRICE_FIELDS = frozenset({"price", "list_price", "supplier_cost"})
_TEXT_LIST_FIELDS = frozenset(
    {"categories", "category_ids", "parent_category_ids", "tag1", "tag2", "tag3"}
)
_MEASURE_FIELDS = frozenset({"unit_pricing_measure", "unit_pricing_base_measure"})


class Problem(NamedTuple):
    """Why one field of a product was rejected; ``field`` is the JSON key, e.g. ``skus[0].id``."""

    field: str
    message: str

    def __str__(self) -> str:
        return self.message


class InvalidValue(ValueError):
    """A field value Nosto would not accept."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field} {problem}")
        self.problem = Problem(field, f"{field} {problem}")


def _text(name: str, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InvalidValue(name, "must be a string")
    return str(value)


def _url(name: str, value: Any) -> str:
    text = _text(name, value)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidValue(name, "must be an absolute http(s) URL")
    return text


def _number(name: str, value: Any, *, low: float = 0.0, high: float = math.inf) -> float:
    # Older SDK versions sent prices as strings such as "99.99", and the docs' example sends
    # rating_value as "3.8", so numeric strings are accepted and stored as numbers.
    if isinstance(value, bool):
        raise InvalidValue(name, "must be a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidValue(name, "must be a number") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise InvalidValue(name, f"must be between {low:g} and {high:g}")
    return number


def _count(name: str, value: Any) -> int:
    number = _number(name, value)
    if not number.is_integer():
        raise InvalidValue(name, "must be a whole number")
    return int(number)


def _text_list(name: str, value: Any) -> list[str]:
    if not isinstance(value, list):
        raise InvalidValue(name, "must be a list of strings")
    return [_text(name, item) for item in value]


def _url_list(name: str, value: Any) -> list[str]:
    if not isinstance(value, list):
        raise InvalidValue(name, "must be a list of URLs")
    return [_url(name, item) for item in value]


def _currency(name: str, value: Any) -> str:
    code = _text(name, value)
    if not _CURRENCY_CODE.match(code):
        raise InvalidValue(name, "must be a three-letter ISO 4217 code such as EUR")
    return code


def _availability(name: str, value: Any) -> str:
    text = _text(name, value)
    for prefix in _SCHEMA_ORG_PREFIXES:
        # The tagging docs also accept schema.org URLs; Nosto stores the short form.
        text = text.removeprefix(prefix)
    allowed = [a.value for a in Availability]
    if text not in allowed:
        raise InvalidValue(name, f"must be one of {', '.join(allowed)}")
    return text


def _custom_fields(name: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise InvalidValue(name, "must be an object of string values")
    return {str(key): _text(f"{name}.{key}", item) for key, item in value.items()}


def _product_id(name: str, value: Any) -> str:
    text = _text(name, value).strip()
    if not text:
        raise InvalidValue(name, "is missing")
    return text


def _skus(name: str, value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise InvalidValue(name, "must be a list of objects")
    skus = []
    for index, raw in enumerate(value):
        where = f"{name}[{index}]"
        if not isinstance(raw, dict):
            raise InvalidValue(where, "must be an object")
        if raw.get("id") in (None, ""):
            raise InvalidValue(f"{where}.id", "is missing")
        skus.append(_check_fields(raw, _SKU_CHECKS, prefix=f"{where}."))
    return skus


def _variations(name: str, value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise InvalidValue(name, "must be an object keyed by variation id")
    variations = {}
    for variation_id, raw in value.items():
        if not isinstance(raw, dict):
            raise InvalidValue(f"{name}.{variation_id}", "must be an object")
        checked = _check_fields(raw, _VARIATION_CHECKS, prefix=f"{name}.{variation_id}.")
        checked["variation_id"] = str(variation_id)
        variations[str(variation_id)] = checked
    return variations


Check = Callable[[str, Any], Any]

_PRODUCT_CHECKS: dict[str, Check] = {
    "product_id": _product_id,
    **dict.fromkeys(_TEXT_FIELDS, _text),
    **dict.fromkeys(_URL_FIELDS, _url),
    **dict.fromkeys(_PRICE_FIELDS, _number),
    **dict.fromkeys(_TEXT_LIST_FIELDS, _text_list),
    **dict.fromkeys(_MEASURE_FIELDS, _text),
    "alternate_image_urls": _url_list,
    "price_currency_code": _currency,
    "availability": _availability,
    "custom_fields": _custom_fields,
    "inventory_level": _count,
    "review_count": _count,
    "rating_value": lambda name, value: _number(name, value, high=5.0),
    "skus": _skus,
    "variations": _variations,
}
_SKU_CHECKS: dict[str, Check] = {
    "id": _text,
    "name": _text,
    "gtin": _text,
    "price": _number,
    "list_price": _number,
    "url": _url,
    "image_url": _url,
    "availability": _availability,
    "inventory_level": _count,
    "custom_fields": _custom_fields,
}
_VARIATION_CHECKS: dict[str, Check] = {
    "variation_id": _text,
    "price": _number,
    "list_price": _number,
    "price_currency_code": _currency,
    "availability": _availability,
}


def _check_fields(
    raw: Mapping[str, Any], checks: Mapping[str, Check], prefix: str = ""
) -> dict[str, Any]:
    """Check every known field; unknown fields are kept as sent, like a lenient API would."""
    checked: dict[str, Any] = {}
    for key, value in raw.items():
        if value is None:
            continue
        check = checks.get(key)
        checked[key] = check(prefix + key, value) if check else value
    return checked


def _check_all_fields(raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Like `_check_fields`, but collects every problem instead of stopping at the first."""
    checked: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        if value is None:
            continue
        check = _PRODUCT_CHECKS.get(key)
        try:
            checked[key] = check(key, value) if check else value
        except InvalidValue as invalid:
            problems.append(invalid.problem)
    return checked, problems


def _missing(field: str) -> Problem:
    return Problem(field, f"{field} is missing")


def merge_product(
    raw: object, known: Callable[[str], dict[str, Any] | None]
) -> tuple[str, dict[str, Any] | None, list[Problem]]:
    """Check one upserted product and merge it over the stored one, if any.

    Returns ``(product_id, merged_product, problems)``; ``merged_product`` is None exactly when
    ``problems`` is not empty. ``product_id`` is "" when the item does not carry a usable one.
    """
    if not isinstance(raw, dict):
        return "", None, [Problem("product", "product must be a JSON object")]
    checked, problems = _check_all_fields(raw)
    product_id = str(checked.get("product_id", ""))
    if raw.get("product_id") is None:
        problems.insert(0, _missing("product_id"))
    stored = known(product_id) if product_id else None
    if stored is None:
        absent = [f for f in PRODUCT_REQUIRED_FIELDS if f != "product_id" and raw.get(f) is None]
        problems.extend(_missing(f) for f in absent)
    if problems:
        return product_id, None, problems
    merged = {**(stored or {}), **checked, "product_id": product_id}
    return product_id, merged, []
