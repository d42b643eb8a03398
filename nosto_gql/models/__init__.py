"""Typed payload models for Nosto's REST APIs, validated before anything is sent.

    from nosto_gql.models import Product, ProductUpdate, Sku, Variation, validate_products

`Product` is one complete element of the ``/v1/products/upsert`` array, `ProductUpdate` a
deliberate partial one; `Sku` and `Variation` are the two ways a product varies.
`validate_products` checks many items (models or plain dicts) and reports every problem at once;
`iter_validated` does the same lazily, stopping at the first bad item. `ExchangeRates` (of
`ExchangeRate`) is the ``/exchangerates`` body, `AccountSettings` (with a `CurrencyFormat` per
currency) the ``/settings`` body.
"""

from __future__ import annotations

from .product import Product, ProductUpdate
from .rates import ExchangeRate, ExchangeRates
from .settings import AccountSettings, CurrencyFormat, CurrencyFormatKeys
from .validation import iter_validated, to_payloads, to_payloads_json, validate_products
from .variants import Sku, Variation

__all__ = [
    "AccountSettings",
    "CurrencyFormat",
    "CurrencyFormatKeys",
    "ExchangeRate",
    "ExchangeRates",
    "Product",
    "ProductUpdate",
    "Sku",
    "Variation",
    "iter_validated",
    "to_payloads",
    "to_payloads_json",
    "validate_products",
]
