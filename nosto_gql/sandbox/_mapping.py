"""Turning a stored REST-shaped product into the GraphQL `RecommendedProduct` shape."""

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


def _sku(sku: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": sku.get("id"),
        "name": sku.get("name"),
        "price": sku.get("price"),
        "listPrice": sku.get("list_price"),
        "availability": sku.get("availability"),
        "imageUrl": sku.get("image_url"),
        "url": sku.get("url"),
    }


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
    price = priced.get("price")
    list_price = priced.get("list_price")
    currency = priced.get("price_currency_code")
    return {
        "productId": product.get("product_id"),
        "name": product.get("name"),
        "url": with_query_params(product.get("url"), url_params or {}),
        "imageUrl": product.get("image_url"),
        "thumbUrl": product.get("thumb_url"),
        "alternateImageUrls": product.get("alternate_image_urls"),
        "price": price,
        "listPrice": list_price,
        "currencyCode": currency,
        "priceText": price_text(price, currency),
        "listPriceText": price_text(list_price, currency),
        "availability": priced.get("availability"),
        "brand": product.get("brand"),
        "categories": product.get("categories"),
        "description": product.get("description"),
        "ratingValue": product.get("rating_value"),
        "reviewCount": product.get("review_count"),
        "tags1": product.get("tag1"),
        "tags2": product.get("tag2"),
        "tags3": product.get("tag3"),
        "attributes": [
            {"key": key, "value": value}
            for key, value in (product.get("custom_fields") or {}).items()
        ],
        "skus": [_sku(sku) for sku in product.get("skus") or []],
        "variantId": chosen_variant,
        "scores": scores,
    }
