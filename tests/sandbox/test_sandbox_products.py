"""The products REST endpoints, and what an upsert makes visible over GraphQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sandbox_helpers import product

from nosto_gql._facts import MAX_PAYLOAD_BYTES, PRODUCTS_LISTING_CAP

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "reference" / "rest" / "sample-payloads"

FULL_PRODUCT = {
    **product("TENT-2P", name="Trailhead Two-Person Tent", price=189.0, list_price=229.0),
    "thumb_url": "https://cdn.example.com/tent/thumb.jpg",
    "categories": ["/Outdoor", "/Outdoor/Camping"],
    "brand": "Trailhead",
    "description": "Lightweight three-season tent.",
    "rating_value": 4.6,
    "review_count": 18,
    "variation_id": "EUR",
    "tag1": ["add-to-cart"],
    "tag2": ["season:summer"],
    "tag3": ["lightweight"],
    "custom_fields": {"material": "Ripstop nylon"},
    "skus": [{"id": "TENT-2P-GRN", "name": "Green", "price": 189.0, "availability": "InStock"}],
}

PRODUCT_FIELDS = """
  productId name url imageUrl thumbUrl price listPrice currencyCode priceText listPriceText
  availability brand categories description ratingValue reviewCount tags1 tags2 tags3
  attributes { key value } skus { id name price availability } variantId
"""


def test_an_upserted_product_is_readable_with_every_field_mapped(api) -> None:
    assert api.upsert([FULL_PRODUCT]).status_code == 200
    data = api.data(f'{{ product(id: "TENT-2P") {{ {PRODUCT_FIELDS} }} }}')
    assert data["product"] == {
        "productId": "TENT-2P",
        "name": "Trailhead Two-Person Tent",
        "url": "https://shop.example.com/p/TENT-2P",
        "imageUrl": "https://cdn.example.com/TENT-2P.jpg",
        "thumbUrl": "https://cdn.example.com/tent/thumb.jpg",
        "price": 189.0,
        "listPrice": 229.0,
        "currencyCode": "EUR",
        "priceText": "189.00 EUR",
        "listPriceText": "229.00 EUR",
        "availability": "InStock",
        "brand": "Trailhead",
        "categories": ["/Outdoor", "/Outdoor/Camping"],
        "description": "Lightweight three-season tent.",
        "ratingValue": 4.6,
        "reviewCount": 18,
        "tags1": ["add-to-cart"],
        "tags2": ["season:summer"],
        "tags3": ["lightweight"],
        "attributes": [{"key": "material", "value": "Ripstop nylon"}],
        "skus": [{"id": "TENT-2P-GRN", "name": "Green", "price": 189.0, "availability": "InStock"}],
        "variantId": "EUR",
    }


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared reference material not present")
def test_the_reference_sample_payloads_are_accepted(api, sandbox) -> None:
    full = json.loads((SAMPLES / "products-upsert-full.json").read_text())
    minimal = json.loads((SAMPLES / "products-upsert-minimal.json").read_text())
    assert api.upsert(full + minimal).status_code == 200
    assert set(sandbox.state.products) == {"TENT-2P-100", "MUG-330", "MUG-500"}


def test_an_unknown_product_is_an_error_entry_with_null_data(api) -> None:
    body = api.graphql('{ product(id: "NOPE") { productId } }')
    assert body["data"] == {"product": None}
    (error,) = body["errors"]
    assert error["errorType"] == "DataFetchingException"
    assert error["path"] == ["product"]
    assert error["message"].startswith("Exception while fetching data (/product) : ")


def test_invalid_products_get_400_has_errors_as_text_plain_and_valid_ones_are_kept(
    api, sandbox
) -> None:
    bad = {k: v for k, v in product("MUG-500").items() if k != "image_url"}
    response = api.upsert([product("MUG-330"), bad, {"name": "no id"}])
    assert response.status_code == 400
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    body = json.loads(response.text)
    assert body["type"] == "has_errors"
    assert body["message"]
    assert body["errors"][0] == {"product_id": "MUG-500", "errors": "image_url is missing"}
    assert body["errors"][1]["product_id"] == ""
    assert "product_id is missing" in body["errors"][1]["errors"]
    assert set(sandbox.state.products) == {"MUG-330"}


def test_several_problems_of_one_product_are_comma_joined(api) -> None:
    response = api.upsert([{"product_id": "X", "price": "cheap", "availability": "Maybe"}])
    (entry,) = json.loads(response.text)["errors"]
    # Nosto joins a product's messages with ", " (REST.md 1.5); each names its field.
    assert entry["errors"].startswith("price: expected a number")
    assert ", availability: expected one of InStock" in entry["errors"]
    missing = (
        "name is missing, url is missing, image_url is missing, price_currency_code is missing"
    )
    assert entry["errors"].endswith(f", {missing}"), "price is wrong, so not also missing"


def test_a_partial_update_of_a_known_product_is_merged(api, sandbox) -> None:
    api.upsert([product("MUG", price=14.9)])
    assert api.upsert([{"product_id": "MUG", "price": 12.5}]).status_code == 200
    assert api.upsert([{"product_id": "MUG", "availability": "Discontinued"}]).status_code == 200
    stored = sandbox.state.products["MUG"]
    assert stored["price"] == 12.5
    assert stored["availability"] == "Discontinued"
    assert stored["name"] == "Product MUG"


def test_a_partial_product_nosto_has_never_seen_is_rejected(api, sandbox) -> None:
    response = api.upsert([{"product_id": "GHOST", "availability": "Discontinued"}])
    assert response.status_code == 400
    assert "name is missing" in json.loads(response.text)["errors"][0]["errors"]
    assert sandbox.state.products == {}


def test_a_body_over_the_payload_cap_is_413(api, sandbox) -> None:
    padding = "x" * MAX_PAYLOAD_BYTES
    response = api.upsert([product("BIG", description=padding)])
    assert response.status_code == 413
    assert response.json()["type"] == "payload_too_large"
    assert sandbox.state.products == {}


def test_a_body_that_is_not_a_json_array_is_400(api) -> None:
    response = api.http.post(
        "/v1/products/upsert",
        json={"product_id": "X"},
        auth=("", api.sandbox.tokens.products),
    )
    assert response.status_code == 400
    assert response.json()["type"] == "bad_request"


def test_discontinue_marks_known_products(api, sandbox) -> None:
    api.upsert([product("A"), product("B")])
    response = api.http.post(
        "/v1/products/discontinue", json=["A", "UNKNOWN"], auth=("", sandbox.tokens.products)
    )
    assert response.status_code == 200
    assert sandbox.state.products["A"]["availability"] == "Discontinued"
    assert sandbox.state.products["B"]["availability"] == "InStock"


def test_the_listing_pages_sorts_by_price_and_filters_by_category(api) -> None:
    api.upsert(
        [
            product("A", price=30.0, categories=["/Shoes"]),
            product("B", price=10.0, categories=["/Shoes/Boots"]),
            product("C", price=20.0, categories=["/Hats"]),
        ]
    )
    query = """query List($limit: Int!, $offset: Int, $sort: InputProductSort,
                          $filter: InputProductFilter) {
                 products(limit: $limit, offset: $offset, sort: $sort, filter: $filter) {
                   products { productId }
                 }
               }"""

    def ids(**variables) -> list[str]:
        data = api.data(query, variables)
        return [p["productId"] for p in data["products"]["products"]]

    assert ids(limit=10) == ["A", "B", "C"]
    assert ids(limit=2, offset=1) == ["B", "C"]
    assert ids(limit=10, sort={"field": "PRICE"}) == ["B", "C", "A"]
    assert ids(limit=10, sort={"field": "PRICE", "reverse": True}) == ["A", "C", "B"]
    assert ids(limit=10, filter={"categories": ["/Shoes"]}) == ["A", "B"]


def test_paging_past_the_listing_cap_is_an_error(api) -> None:
    body = api.graphql(
        "query($o: Int) { products(limit: 10, offset: $o) { products { productId } } }",
        {"o": PRODUCTS_LISTING_CAP - 9},
    )
    assert body["data"] == {"products": None}
    assert body["errors"][0]["errorType"] == "DataFetchingException"
    assert str(PRODUCTS_LISTING_CAP) in body["errors"][0]["message"]
    within = api.graphql(
        "query($o: Int) { products(limit: 10, offset: $o) { products { productId } } }",
        {"o": PRODUCTS_LISTING_CAP - 10},
    )
    assert within == {"data": {"products": {"products": []}}}


def test_update_products_reports_problems_inside_the_data(api, sandbox) -> None:
    api.upsert([product("A", price=5.0)])
    data = api.data(
        """mutation Update($products: [InputProduct]!) {
             updateProducts(products: $products) {
               result { errors { field message } data { productId price } }
             }
           }""",
        {"products": [{"productId": "A", "price": 7.5}, {"productId": "A", "imageUrl": "nope"}]},
    )
    accepted, rejected = data["updateProducts"]["result"]
    assert accepted == {"errors": [], "data": {"productId": "A", "price": 7.5}}
    assert rejected["errors"][0]["field"] == "imageUrl"
    assert sandbox.state.products["A"]["price"] == 7.5


def test_upsert_categories_stores_merges_and_reports_problems(api, sandbox) -> None:
    mutation = """mutation C($categories: [InputVendorCategoryEntity]!) {
      upsertCategories(categories: $categories) {
        categoryResult { errors { field message } category { id name available } }
      }
    }"""
    created = api.data(mutation, {"categories": [{"id": "12", "name": "Outdoor"}, {"id": "13"}]})
    ok, missing_name = created["upsertCategories"]["categoryResult"]
    assert ok == {"errors": [], "category": {"id": "12", "name": "Outdoor", "available": True}}
    assert missing_name["errors"] == [{"field": "name", "message": "name is missing"}]
    hidden = api.data(mutation, {"categories": [{"id": "12", "available": False}]})
    (result,) = hidden["upsertCategories"]["categoryResult"]
    assert result["category"] == {"id": "12", "name": "Outdoor", "available": False}
    assert set(sandbox.state.categories) == {"12"}
