"""The product object of ``POST /v1/products/upsert``: `Product` (complete) and `ProductUpdate`.

Attribute names are the JSON keys of PRODUCT_MODEL.md 2, so ``Product(**row)`` works on data
shaped like Nosto's docs, and ``to_payload()`` gives that shape back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError
from typing_extensions import Self

from ._base import PayloadModel
from ._fields import (
    AbsoluteUrl,
    AvailabilityValue,
    CategoryPath,
    Count,
    CurrencyCode,
    CustomFields,
    Identifier,
    Measure,
    Money,
    NonBlankText,
    PublishedDate,
    Rating,
)
from .variants import Sku, Variation

__all__ = ["Product", "ProductUpdate"]

# Descriptions of the fields `Product` requires, written once for both classes.
_NAME = "Product name."
_URL = "Absolute http(s) URL of the product page."
_IMAGE_URL = "Absolute http(s) URL of the main product image (Nosto rejects products without it)."
_PRICE = (
    "Current selling price incl. discounts and tax, in price_currency_code, >= 0. "
    "Sent as given (not rounded); numeric strings such as '99.99' are accepted."
)
_CURRENCY = "ISO-4217 code of price and list_price, e.g. 'EUR' (case is normalised)."
_AVAILABILITY = (
    "InStock or OutOfStock (also Invisible, Discontinued); http://schema.org/InStock is accepted."
)


class _ProductFields(PayloadModel):
    # Every field of PRODUCT_MODEL.md 2, optional except product_id; `Product` tightens the
    # documented required ones, `ProductUpdate` keeps this shape.

    product_id: Identifier = Field(
        description="The product's unique id in the shop; the key for upsert, discontinue and "
        "recrawl. Integers become strings."
    )
    name: NonBlankText | None = Field(None, description=_NAME)
    url: AbsoluteUrl | None = Field(None, description=_URL)
    image_url: AbsoluteUrl | None = Field(None, description=_IMAGE_URL)
    price: Money | None = Field(None, description=_PRICE)
    list_price: Money | None = Field(
        None, description="Price before discounts, incl. tax, in price_currency_code, >= 0."
    )
    price_currency_code: CurrencyCode | None = Field(None, description=_CURRENCY)
    availability: AvailabilityValue | None = Field(None, description=_AVAILABILITY)
    categories: list[CategoryPath] | None = Field(
        None,
        description="Slash-delimited category paths, every ancestor listed separately, e.g. "
        "['/Outdoor', '/Outdoor/Tents'] ('Outdoor > Tents' is invalid).",
    )
    category_ids: list[str] | None = Field(None, description="The shop's category ids.")
    parent_category_ids: list[str] | None = Field(None, description="Ids of the parent categories.")
    description: str | None = Field(None, description="Full product description.")
    brand: str | None = Field(None, description="Brand or manufacturer.")
    variation_id: Identifier | None = Field(
        None,
        description="Id of the product's primary price variation (e.g. the primary currency "
        "code, or 'GENERAL' for customer-group pricing); must stay static and match the "
        "account's 'Variation ID of the primary currency' setting.",
    )
    variations: dict[Identifier, Variation] | None = Field(
        None,
        description="Alternative price/availability per customer group or currency, keyed by "
        "variation id (a list of Variation with ids is accepted too). Not combinable with skus.",
    )
    skus: list[Sku] | None = Field(
        None,
        description="Child products (size, colour ...), ids unique. Not combinable with "
        "variations.",
    )
    supplier_cost: Money | None = Field(
        None, description="Unit cost from the supplier, for margin rules; API-only, >= 0."
    )
    inventory_level: Count | None = Field(
        None, description="Stock quantity, a whole number >= 0; API-only."
    )
    review_count: Count | None = Field(None, description="Number of reviews, >= 0.")
    rating_value: Rating | None = Field(
        None, description="Average rating normalised to 0.0-5.0 (numeric strings accepted)."
    )
    alternate_image_urls: list[AbsoluteUrl] | None = Field(
        None, description="Absolute URLs of extra product images."
    )
    thumb_url: AbsoluteUrl | None = Field(None, description="Absolute URL of a thumbnail image.")
    condition: str | None = Field(None, description="Item condition, e.g. 'New', 'Used'.")
    gender: str | None = Field(None, description="Target gender.")
    age_group: str | None = Field(None, description="Target age group.")
    gtin: str | None = Field(None, description="Barcode (GTIN/EAN/UPC).")
    google_category: str | None = Field(
        None,
        description="Google product taxonomy category, e.g. 'Home & Garden > Linens' (Google's "
        "' > ' separator is right here).",
    )
    tag1: list[str] | None = Field(
        None,
        description="Free labels for filtering recommendations, e.g. 'discounted'; special "
        "values 'add-to-cart' and 'low-stock'.",
    )
    tag2: list[str] | None = Field(
        None, description="Free labels for filtering recommendations, e.g. 'promo:mens'."
    )
    tag3: list[str] | None = Field(None, description="Free labels for filtering recommendations.")
    custom_fields: CustomFields | None = Field(
        None,
        description="Arbitrary attributes, string to string (numbers become strings); keys are "
        "sent verbatim, e.g. {'material': 'cotton'}.",
    )
    date_published: PublishedDate | None = Field(
        None,
        description="Date the product was published in the shop; sent as YYYY-MM-DD (date, "
        "datetime or ISO string accepted).",
    )
    unit_pricing_measure: Measure | None = Field(
        None, description="Quantity in the package, e.g. '0.33' for a 0.33 l bottle."
    )
    unit_pricing_base_measure: Measure | None = Field(
        None, description="Base quantity the unit price refers to, e.g. '1'."
    )
    unit_pricing_unit: str | None = Field(None, description="Unit of the measures, e.g. 'l'.")

    @field_validator("variations", mode="before")
    @classmethod
    def _variations_from_list(cls, value: Any) -> Any:
        # A list of variations carrying their ids is unambiguous; PHP even produces one when the
        # ids are 0, 1, 2... (PRODUCT_MODEL.md 1.4). It is keyed here so that one shape is sent.
        if not isinstance(value, (list, tuple)):
            return value
        keyed: dict[Any, Any] = {}
        for index, item in enumerate(value):
            if isinstance(item, Variation):
                key = item.variation_id
            else:
                key = item.get("variation_id") if isinstance(item, Mapping) else None
            if key is None:
                raise PydanticCustomError(
                    "nosto_variations",
                    f"variations given as a list need a variation_id on every item (item {index} "
                    "has none); or give a mapping of variation id to variation",
                )
            if str(key) in keyed:
                raise PydanticCustomError(
                    "nosto_variations", f"variation id {str(key)!r} appears twice"
                )
            keyed[str(key)] = item
        return keyed

    @field_validator("variations")
    @classmethod
    def _variation_ids_match_keys(
        cls, value: dict[str, Variation] | None
    ) -> dict[str, Variation] | None:
        if not value:
            return value
        filled: dict[str, Variation] = {}
        for key, variation in value.items():
            if variation.variation_id is None:
                # A copy, so a Variation shared between products is never changed under them.
                variation = variation.model_copy(update={"variation_id": key})
            elif variation.variation_id != key:
                raise PydanticCustomError(
                    "nosto_variations",
                    f"variations[{key!r}] has variation_id {variation.variation_id!r}; it must "
                    "equal its key (or be left out)",
                )
            filled[key] = variation
        return filled

    @field_validator("skus")
    @classmethod
    def _sku_ids_unique(cls, value: list[Sku] | None) -> list[Sku] | None:
        if not value:
            return value
        first_index: dict[str, int] = {}
        for index, sku in enumerate(value):
            if sku.id in first_index:
                raise PydanticCustomError(
                    "nosto_skus",
                    f"SKU ids must be unique within a product: {sku.id!r} is at "
                    f"skus[{first_index[sku.id]}] and skus[{index}]",
                )
            first_index[sku.id] = index
        return value

    @model_validator(mode="after")
    def _skus_or_variations(self) -> Self:
        if self.skus and self.variations:
            raise PydanticCustomError(
                "nosto_skus_and_variations",
                f"skus and variations cannot be combined in one product (Nosto does not support "
                f"it); got {len(self.skus)} skus and {len(self.variations)} variations: "
                "keep one of them",
            )
        return self


class Product(_ProductFields):
    """One complete product for ``POST /v1/products/upsert`` (PRODUCT_MODEL.md 2).

    Required, as Nosto's docs require them: ``product_id``, ``name``, ``url``, ``image_url``,
    ``price``, ``price_currency_code`` and ``availability``. Everything is validated on
    construction and on assignment; ``to_payload()`` returns the JSON object Nosto expects, with
    empty values omitted. To send only some fields on purpose, use `ProductUpdate`.

    >>> Product(product_id=1, name="Mug", url="https://shop.example/mug",
    ...         image_url="https://cdn.example/mug.jpg", price="14.90",
    ...         price_currency_code="eur", availability="http://schema.org/InStock").to_payload()
    ... # doctest: +NORMALIZE_WHITESPACE
    {'product_id': '1', 'name': 'Mug', 'url': 'https://shop.example/mug',
     'image_url': 'https://cdn.example/mug.jpg', 'price': 14.9, 'price_currency_code': 'EUR',
     'availability': 'InStock'}
    """

    name: NonBlankText = Field(description=_NAME)
    url: AbsoluteUrl = Field(description=_URL)
    image_url: AbsoluteUrl = Field(description=_IMAGE_URL)
    price: Money = Field(description=_PRICE)
    price_currency_code: CurrencyCode = Field(description=_CURRENCY)
    availability: AvailabilityValue = Field(description=_AVAILABILITY)


class ProductUpdate(_ProductFields):
    """A deliberate partial upsert: ``product_id`` plus only the fields to change.

    Same fields and validation as `Product`, all optional except ``product_id``; fields left
    unset are not sent. Typical use, a discontinue through upsert:
    ``ProductUpdate(product_id="1", availability="Discontinued")``.

    Nosto documents the seven `Product` fields as required and does not say whether fields
    omitted from an upsert are kept or cleared (REST.md 3.1), so use this knowingly.
    """
