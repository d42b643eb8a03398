"""Catalog operations: product, products, updateProducts, upsertCategories."""

from __future__ import annotations

import pytest

from nosto_gql import GraphQLResponseError, NostoClient, with_errors
from nosto_gql.apps import (
    InputProduct,
    InputProductFilter,
    InputProductSort,
    InputSku,
    InputVendorCategoryEntity,
    ProductSortField,
)
from nosto_gql.sandbox import Sandbox


def test_product_by_id_reads_skus_attributes_and_details(
    client: NostoClient, catalog: object
) -> None:
    product = client.apps.product_by_id(id="GEN-0004").product
    assert product is not None
    assert product.product_id == "GEN-0004"
    assert product.categories and "/Outdoor/Hiking/Backpacks" in product.categories
    assert product.description and product.name and product.name in product.description
    assert product.review_count is not None and product.rating_value is not None
    assert product.price_text and product.price_text.endswith("EUR")

    full = client.apps.product_by_id(id="TENT-2P-100").product
    assert full and full.skus and all(sku and sku.id for sku in full.skus)


def test_unknown_product_is_a_typed_error_or_a_result_pair(
    client: NostoClient, catalog: object
) -> None:
    with pytest.raises(GraphQLResponseError):
        client.apps.product_by_id(id="NOPE")
    result, errors = with_errors(client.apps.product_by_id, id="NOPE")
    assert result is not None and result.product is None
    assert errors and "Unable to find product" in errors[0].message


def test_list_products_sorts_by_price_and_filters(
    client: NostoClient, sandbox: Sandbox, catalog: object
) -> None:
    page = client.apps.list_products(
        limit=10,
        sort=InputProductSort(field=ProductSortField.PRICE, reverse=True),
        filter_=InputProductFilter(categories=["/Clothing/Jackets"]),
    ).products
    assert page and page.products
    products = [p for p in page.products if p]
    prices = [p.price or 0.0 for p in products]
    assert prices == sorted(prices, reverse=True)
    assert all("/Clothing/Jackets" in (p.categories or []) for p in products)

    cheapest = client.apps.list_products(
        limit=1, offset=0, sort=InputProductSort(field=ProductSortField.PRICE)
    ).products
    assert cheapest and cheapest.products and cheapest.products[0]
    stored = sandbox.state.products.values()
    assert cheapest.products[0].price == min(float(p["price"]) for p in stored if "price" in p)


def test_update_products_accepts_good_and_reports_bad_per_item(
    client: NostoClient, sandbox: Sandbox, catalog: object
) -> None:
    result = client.apps.update_products(
        products=[
            InputProduct(
                product_id="GEN-0001",
                price=99.5,
                skus=[InputSku(id="GEN-0001-S", name="Small", price=99.5, availability="InStock")],
            ),
            InputProduct(product_id="GEN-0002", image_url="not a url"),
        ]
    ).update_products
    assert result and result.result and len(result.result) == 2
    accepted, rejected = result.result
    assert accepted and accepted.errors == []
    assert accepted.data and accepted.data.product_id == "GEN-0001" and accepted.data.price == 99.5
    assert rejected and rejected.errors and rejected.errors[0]
    assert rejected.errors[0].field == "imageUrl"
    assert "absolute" in (rejected.errors[0].message or "")
    # The accepted one is stored; the rejected one is left as it was.
    assert sandbox.state.products["GEN-0001"]["price"] == 99.5
    assert sandbox.state.products["GEN-0002"]["image_url"].startswith("https://")
    stored = client.apps.product_by_id(id="GEN-0001").product
    assert stored and stored.skus and stored.skus[0] and stored.skus[0].id == "GEN-0001-S"


def test_upsert_categories_stores_and_reports_per_category(
    client: NostoClient, sandbox: Sandbox
) -> None:
    result = client.apps.upsert_categories(
        categories=[
            InputVendorCategoryEntity(
                id="10", name="Outdoor", full_name="/Outdoor", url_path="outdoor"
            ),
            InputVendorCategoryEntity(
                id="11", name="Tents", parent_id="10", full_name="/Outdoor/Tents"
            ),
            InputVendorCategoryEntity(name="No id"),
        ]
    ).upsert_categories
    assert result and result.category_result and len(result.category_result) == 3
    outdoor, tents, broken = result.category_result
    assert outdoor and outdoor.errors == [] and outdoor.category
    assert outdoor.category.url_path == "outdoor" and outdoor.category.available is True
    assert tents and tents.category and tents.category.parent_id == "10"
    assert broken and broken.category is None
    assert broken.errors and broken.errors[0] and broken.errors[0].field == "id"
    assert set(sandbox.state.categories) == {"10", "11"}

    # available=False soft-deletes; a partial update keeps the other fields.
    hidden = client.apps.upsert_categories(
        categories=[InputVendorCategoryEntity(id="11", available=False)]
    ).upsert_categories
    assert hidden and hidden.category_result and hidden.category_result[0]
    category = hidden.category_result[0].category
    assert category and category.available is False and category.name == "Tents"
