"""The two ways a product varies: SKUs (child products) and variations (price per group)."""

from __future__ import annotations

from pydantic import Field

from ._base import PayloadModel
from ._fields import (
    AbsoluteUrl,
    AvailabilityValue,
    Count,
    CurrencyCode,
    CustomFields,
    Identifier,
    Money,
)

__all__ = ["Sku", "Variation"]


class Sku(PayloadModel):
    """A child product (size, colour ...) in a product's ``skus`` list (PRODUCT_MODEL.md 3).

    Only ``id`` is required. Prices are in the parent product's ``price_currency_code`` (a SKU has
    no currency of its own). Nosto does not recommend individual SKUs; they refine the product.
    """

    id: Identifier = Field(
        description="SKU id, unique within the product (e.g. '123-2'). Integers become strings."
    )
    name: str | None = Field(None, description="SKU label, e.g. 'S-Blue'.")
    price: Money | None = Field(
        None, description="SKU price incl. discounts and tax, in the product's currency."
    )
    list_price: Money | None = Field(
        None, description="SKU price before discounts, incl. tax, in the product's currency."
    )
    url: AbsoluteUrl | None = Field(
        None, description="Absolute http(s) URL of the SKU (may differ only by fragment or query)."
    )
    image_url: AbsoluteUrl | None = Field(
        None, description="Absolute http(s) URL of the SKU's image."
    )
    gtin: str | None = Field(None, description="SKU barcode (GTIN/EAN/UPC).")
    availability: AvailabilityValue | None = Field(
        None, description="InStock or OutOfStock (also Invisible, Discontinued)."
    )
    inventory_level: Count | None = Field(None, description="SKU stock quantity, >= 0.")
    custom_fields: CustomFields | None = Field(
        None,
        description="SKU attributes, string to string, e.g. {'size': 'S', 'color': 'Blue'}.",
    )


class Variation(PayloadModel):
    """An alternative price and availability, e.g. per customer group (PRODUCT_MODEL.md 4).

    Lives in a product's ``variations`` mapping under its id (``GENERAL``, ``LOYAL``, ``B2B`` or,
    in older per-currency setups, ``USD_2``). ``variation_id`` may be left out: the product fills
    it in from the mapping key.
    """

    variation_id: Identifier | None = Field(
        None, description="Same as the key in the product's variations mapping."
    )
    price: Money = Field(description="Price for this customer group or currency, incl. tax.")
    list_price: Money | None = Field(
        None, description="Price before discounts for this customer group or currency."
    )
    price_currency_code: CurrencyCode = Field(
        description="ISO-4217 code of this variation's prices, e.g. 'EUR'."
    )
    availability: AvailabilityValue = Field(
        description="InStock or OutOfStock for this group (also Invisible, Discontinued)."
    )
