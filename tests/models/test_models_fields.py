"""Field rules: what each field accepts, how it is normalised, and how a rejection reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from nosto_gql._exceptions import InvalidInputError
from nosto_gql._facts import Availability
from nosto_gql.models import Product, ProductUpdate, Sku, Variation, validate_products

ITEM = "products[0] (product_id 'MUG-330')"
MakeProduct = Callable[..., dict[str, Any]]
SKU = {"id": "S-1", "price": 1.0}
VARIATION = {"price": 1.0, "price_currency_code": "EUR", "availability": "InStock"}


def problems_of(data: dict[str, Any], *, partial: bool = False) -> list[tuple[str, str]]:
    with pytest.raises(InvalidInputError) as caught:
        validate_products([data], partial=partial)
    return caught.value.problems


# (overrides, location after the item label, fragment of the message that states the expectation)
REJECTIONS: list[tuple[dict[str, Any], str, str]] = [
    ({"availability": "Available"}, ".availability", "expected one of InStock, OutOfStock"),
    ({"availability": None}, ".availability", "expected one of"),
    ({"price_currency_code": "EURO"}, ".price_currency_code", "three-letter ISO-4217"),
    ({"price_currency_code": "EUD"}, ".price_currency_code", "'EUD' is not one"),
    ({"url": "shop.example.com/mug"}, ".url", "absolute http(s) URL"),
    ({"url": "ftp://shop.example.com/mug"}, ".url", "absolute http(s) URL"),
    ({"url": "https://"}, ".url", "absolute http(s) URL"),
    ({"image_url": "//cdn.example.com/a.jpg"}, ".image_url", "add the scheme: https:"),
    ({"image_url": "https://cdn.example.com/a b.jpg"}, ".image_url", "%20"),
    ({"thumb_url": "thumb.jpg"}, ".thumb_url", "absolute http(s) URL"),
    (
        {"alternate_image_urls": ["https://cdn.example.com/a.jpg", "b.jpg"]},
        ".alternate_image_urls[1]",
        "absolute http(s) URL",
    ),
    ({"skus": [{"id": "1", "url": "/p/1"}]}, ".skus[0].url", "absolute http(s) URL"),
    ({"skus": [{"id": "1", "image_url": "x"}]}, ".skus[0].image_url", "absolute http(s) URL"),
    ({"categories": ["Home > Accessories"]}, ".categories[0]", "use 'Home/Accessories'"),
    (
        {"categories": ["/Outdoor", "Home » Garden » Tools"]},
        ".categories[1]",
        "'Home/Garden/Tools'",
    ),
    ({"categories": [""]}, ".categories[0]", "expected a category path"),
    ({"categories": "Outdoor"}, ".categories", "wrap a single value in a list"),
    ({"rating_value": 5.1}, ".rating_value", "expected a value <= 5"),
    ({"rating_value": "-1"}, ".rating_value", "expected a value >= 0"),
    ({"price": -0.01}, ".price", "expected a value >= 0"),
    ({"price": "19,99"}, ".price", "use a decimal point, not a comma"),
    ({"price": "1,299.00"}, ".price", "drop the thousands separators"),
    ({"price": "€19.99"}, ".price", "expected a number"),
    ({"price": True}, ".price", "expected a number"),
    ({"price": float("nan")}, ".price", "finite number"),
    ({"price": Decimal("1.234567890123456789")}, ".price", "round it before sending"),
    ({"list_price": -1}, ".list_price", ">= 0"),
    ({"supplier_cost": "-3"}, ".supplier_cost", ">= 0"),
    ({"skus": [{"id": "1", "price": -1}]}, ".skus[0].price", ">= 0"),
    ({"inventory_level": -1}, ".inventory_level", ">= 0"),
    ({"inventory_level": 1.5}, ".inventory_level", "whole number"),
    ({"review_count": "1.5"}, ".review_count", "whole number"),
    ({"review_count": True}, ".review_count", "whole number"),
    ({"skus": [{"id": "1", "inventory_level": "x"}]}, ".skus[0].inventory_level", "whole number"),
    ({"custom_fields": {"flag": True}}, ".custom_fields['flag']", "expected a string"),
    ({"custom_fields": {"size": None}}, ".custom_fields['size']", "expected a string"),
    ({"custom_fields": ["a"]}, ".custom_fields", "expected an object"),
    ({"date_published": "15.03.2024"}, ".date_published", "YYYY-MM-DD"),
    ({"date_published": "2024-02-30"}, ".date_published", "calendar date"),
    ({"date_published": 1710460800}, ".date_published", "YYYY-MM-DD"),
    ({"product_id": True}, ".product_id", "string (or integer) id"),
    ({"product_id": 1.5}, ".product_id", "string (or integer) id"),
    ({"product_id": "  "}, ".product_id", "non-empty id"),
    ({"name": " "}, ".name", "non-empty text"),
    ({"unit_pricing_measure": "-1"}, ".unit_pricing_measure", "non-negative quantity"),
    ({"unit_pricing_base_measure": "1,5"}, ".unit_pricing_base_measure", "decimal point"),
    ({"tag1": "sale"}, ".tag1", "expected a list"),
    ({"skus": ["S-1"]}, ".skus[0]", "expected an object"),
    ({"variations": {"B2B": {"price": 1}}}, ".variations['B2B'].availability", "required"),
]


@pytest.mark.parametrize(("overrides", "where", "expected"), REJECTIONS)
def test_rejection_names_item_field_and_expectation(
    product_dict: MakeProduct, overrides: dict[str, Any], where: str, expected: str
) -> None:
    found = problems_of(product_dict(**overrides))
    label = "products[0]" if "product_id" in overrides else ITEM
    assert (label + where) in [location for location, _ in found], found
    message = dict(found)[label + where]
    assert expected in message


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("InStock", Availability.IN_STOCK),
        (Availability.OUT_OF_STOCK, Availability.OUT_OF_STOCK),
        ("http://schema.org/InStock", Availability.IN_STOCK),
        ("https://schema.org/OutOfStock", Availability.OUT_OF_STOCK),
        ("Discontinued", Availability.DISCONTINUED),
        ("invisible", Availability.INVISIBLE),
        ("out_of_stock", Availability.OUT_OF_STOCK),
        ("in stock", Availability.IN_STOCK),
    ],
)
def test_availability_is_normalised(
    product_dict: MakeProduct, given: Any, expected: Availability
) -> None:
    model = Product(**product_dict(availability=given))
    assert model.availability is expected
    assert model.to_payload()["availability"] == expected.value


@pytest.mark.parametrize(("given", "expected"), [("eur", "EUR"), (" usd ", "USD"), ("SEK", "SEK")])
def test_currency_code_is_upper_cased(product_dict: MakeProduct, given: str, expected: str) -> None:
    assert Product(**product_dict(price_currency_code=given)).price_currency_code == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("99.99", 99.99),
        (" 15 ", 15.0),
        (Decimal("19.99"), 19.99),
        (Decimal("0.333"), 0.333),  # not rounded to 2 dp as the PHP SDK would
        (59, 59.0),
        (0, 0.0),
        ("0", 0.0),
    ],
)
def test_prices_accept_numbers_numeric_strings_and_decimals(
    product_dict: MakeProduct, given: Any, expected: float
) -> None:
    model = Product(**product_dict(price=given, list_price=given, supplier_cost=given))
    assert model.price == model.list_price == model.supplier_cost == expected
    assert isinstance(model.to_payload()["price"], float)


def test_numeric_strings_from_nostos_docs_are_coerced(product_dict: MakeProduct) -> None:
    model = Product(**product_dict(rating_value="3.8", review_count="15", inventory_level=37.0))
    assert (model.rating_value, model.review_count, model.inventory_level) == (3.8, 15, 37)


def test_numbers_become_strings_where_nosto_expects_text(product_dict: MakeProduct) -> None:
    model = Product(
        **product_dict(
            product_id=123,
            gtin=6412345678903,
            category_ids=[12, 34],
            custom_fields={"weight_kg": 2.1, "pieces": 3, "price_per_kg": Decimal("1.50")},
            skus=[{"id": 7}],
        )
    )
    assert model.product_id == "123"
    assert model.gtin == "6412345678903"
    assert model.category_ids == ["12", "34"]
    assert model.custom_fields == {"weight_kg": "2.1", "pieces": "3", "price_per_kg": "1.50"}
    assert model.skus is not None and model.skus[0].id == "7"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2024-03-15", date(2024, 3, 15)),
        ("2013-\u00ad04-\u00ad23", date(2013, 4, 23)),  # as in Nosto's own doc example
        (date(2024, 3, 15), date(2024, 3, 15)),
        (datetime(2024, 3, 15, 23, 59), date(2024, 3, 15)),
        ("2024-03-15T23:30:00+02:00", date(2024, 3, 15)),
    ],
)
def test_date_published_accepts_dates_and_iso_strings(
    product_dict: MakeProduct, given: Any, expected: date
) -> None:
    model = Product(**product_dict(date_published=given))
    assert model.date_published == expected
    assert model.to_payload()["date_published"] == expected.isoformat()


@pytest.mark.parametrize(
    ("given", "expected"),
    [("1", "1"), (0.33, "0.33"), (1, "1"), (Decimal("0.50"), "0.50"), (" 0.75 ", "0.75")],
)
def test_unit_pricing_measures_are_kept_as_text(
    product_dict: MakeProduct, given: Any, expected: str
) -> None:
    model = Product(**product_dict(unit_pricing_measure=given, unit_pricing_base_measure=given))
    assert model.unit_pricing_measure == model.unit_pricing_base_measure == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example.com/p?color=green#top",
        "HTTP://SHOP.EXAMPLE.COM/P",
        "https://shop.example.com:8443/p",
    ],
)
def test_absolute_http_urls_are_accepted(product_dict: MakeProduct, url: str) -> None:
    assert Product(**product_dict(url=url)).url == url


def test_category_paths_with_or_without_leading_slash_are_fine(product_dict: MakeProduct) -> None:
    categories = ["sale", "sale/summer", "/Mens/Shoes"]
    assert Product(**product_dict(categories=categories)).categories == categories


def test_google_category_keeps_googles_own_separator(product_dict: MakeProduct) -> None:
    model = Product(**product_dict(google_category="Home & Garden > Linens"))
    assert model.google_category == "Home & Garden > Linens"


def test_boundaries_are_inclusive(product_dict: MakeProduct) -> None:
    model = Product(**product_dict(rating_value=5, review_count=0, inventory_level=0, price=0))
    assert (model.rating_value, model.review_count, model.inventory_level) == (5.0, 0, 0)


def test_direct_construction_raises_pydantic_error_with_the_same_wording() -> None:
    with pytest.raises(ValidationError, match="use 'Home/Accessories'"):
        ProductUpdate(product_id="1", categories=["Home > Accessories"])
    with pytest.raises(ValidationError, match="absolute http"):
        Sku(id="1", url="www.example.com")


def test_assignment_is_validated(product_dict: MakeProduct) -> None:
    model = Product(**product_dict())
    with pytest.raises(ValidationError):
        model.price = -1
    model.price = "9.5"  # type: ignore[assignment]
    assert model.price == 9.5


def test_standalone_variation_requires_price_currency_and_availability() -> None:
    with pytest.raises(ValidationError) as caught:
        Variation()  # type: ignore[call-arg]
    missing = {error["loc"][0] for error in caught.value.errors()}
    assert missing == {"price", "price_currency_code", "availability"}
    assert Variation(**VARIATION).variation_id is None
