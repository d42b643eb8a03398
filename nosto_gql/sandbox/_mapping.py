"""The one table between REST upsert keys and GraphQL product fields, both ways.

Reading (`RecommendedProduct`) and writing (`InputProduct` in updateProducts) go through the same
tables, so a field cannot be spelled one way on input and another on output by accident.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

# ISO 4217 currencies without minor units; everything else is shown with two decimals.
_ZERO_DECIMAL_CURRENCIES = frozenset({"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW"})
_ZERO_DECIMAL_CURRENCIES |= {"PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"}


def price_text(amount: float | None, currency: str | None) -> str | None:
    """A price for display, e.g. ``"189.00 EUR"``."""
    if amount is None:
        return None
    decimals = 0 if currency in _ZERO_DECIMAL_CURRENCIES else 2
    text = f"{amount:.{decimals}f}"
    return f"{text} {currency}" if currency else text


def nosto_timestamp(moment: datetime) -> str:
    """A time as Nosto writes order status dates, e.g. ``2019-07-08T11:58:12.540Z``."""
    utc = moment.astimezone(timezone.utc) if moment.tzinfo else moment
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def with_query_params(url: str | None, params: Mapping[str, str]) -> str | None:
    """``url`` with ``params`` appended to its query string, keeping any fragment."""
    if not url or not params:
        return url
    parts = urlsplit(url)
    query = f"{parts.query}&{urlencode(params)}" if parts.query else urlencode(params)
    return urlunsplit(parts._replace(query=query))


# GraphQL field -> REST upsert key, for every product field that carries the stored value as is.
# `RecommendedProduct` calls the currency `currencyCode`; `InputProduct` calls it
# `priceCurrencyCode` (see INPUT_PRODUCT_FIELDS).
PRODUCT_FIELDS: dict[str, str] = {
    "productId": "product_id",
    "name": "name",
    "url": "url",
    "imageUrl": "image_url",
    "thumbUrl": "thumb_url",
    "alternateImageUrls": "alternate_image_urls",
    "price": "price",
    "listPrice": "list_price",
    "currencyCode": "price_currency_code",
    "availability": "availability",
    "brand": "brand",
    "categories": "categories",
    "description": "description",
    "ratingValue": "rating_value",
    "reviewCount": "review_count",
    "tags1": "tag1",
    "tags2": "tag2",
    "tags3": "tag3",
}
INPUT_PRODUCT_FIELDS: dict[str, str] = {
    ("priceCurrencyCode" if name == "currencyCode" else name): key
    for name, key in PRODUCT_FIELDS.items()
}
# The SKU fields, the same on input (`InputSku`) and output (`RecommendedSku`).
SKU_FIELDS: dict[str, str] = {
    "id": "id",
    "name": "name",
    "price": "price",
    "listPrice": "list_price",
    "availability": "availability",
    "imageUrl": "image_url",
    "url": "url",
}
_INPUT_PRODUCT_NAMES = {key: name for name, key in INPUT_PRODUCT_FIELDS.items()}
_SKU_NAMES = {key: name for name, key in SKU_FIELDS.items()}


def _sku(sku: Mapping[str, Any]) -> dict[str, Any]:
    return {name: sku.get(key) for name, key in SKU_FIELDS.items()}


def rest_product(given: Mapping[str, Any]) -> dict[str, Any]:
    """An `InputProduct` value in REST upsert form.

    A field without a REST counterpart keeps its GraphQL name, so validation rejects it as an
    unknown key instead of it vanishing silently.
    """
    product: dict[str, Any] = {}
    for name, value in given.items():
        if name == "skus" and isinstance(value, list):
            value = [
                {SKU_FIELDS.get(k, k): v for k, v in sku.items()} if isinstance(sku, dict) else sku
                for sku in value
            ]
        product[INPUT_PRODUCT_FIELDS.get(name, name)] = value
    return product


def input_field_path(rest_path: str) -> str:
    """A REST field path as an `InputProduct` path, e.g. ``skus[0].image_url`` is
    ``skus[0].imageUrl``."""
    parts = rest_path.split(".")
    tables = (
        [_INPUT_PRODUCT_NAMES, _SKU_NAMES]
        if parts[0].startswith("skus[")
        else [_INPUT_PRODUCT_NAMES]
    )
    for index, table in enumerate(tables[: len(parts)]):
        key, bracket, rest = parts[index].partition("[")
        parts[index] = table.get(key, key) + bracket + rest
    return ".".join(parts)


def recommended_product(
    product: Mapping[str, Any],
    *,
    variant_id: str | None = None,
    url_params: Mapping[str, str] | None = None,
    scores: Callable[..., Any] | None = None,
) -> dict[str, Any]:
    """The `RecommendedProduct` view of ``product``.

    ``variant_id`` selects a price variation (customer group or currency) when the product
    has one by that id; ``url_params`` are attribution parameters for the product URL;
    ``scores`` is resolved lazily because counting statistics is only worth it when asked.
    The sandbox hosts no images and converts no currencies, so image URLs come back as
    uploaded whatever image version is asked for, and prices in the product's own currency.
    """
    priced: Mapping[str, Any] = product
    chosen_variant = product.get("variation_id")
    variation = (product.get("variations") or {}).get(variant_id) if variant_id else None
    if variation is not None:
        priced = {**product, **variation}
        chosen_variant = variant_id
    view = {name: priced.get(key) for name, key in PRODUCT_FIELDS.items()}
    currency = view["currencyCode"]
    return {
        **view,
        "url": with_query_params(product.get("url"), url_params or {}),
        "priceText": price_text(view["price"], currency),
        "listPriceText": price_text(view["listPrice"], currency),
        "attributes": [
            {"key": key, "value": value}
            for key, value in (product.get("custom_fields") or {}).items()
        ],
        "skus": [_sku(sku) for sku in product.get("skus") or []],
        "variantId": chosen_variant,
        "scores": scores,
    }
