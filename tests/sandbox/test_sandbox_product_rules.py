"""The sandbox judges product fields with the client's own models, so both agree by design."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sandbox_helpers import product

from nosto_gql import InvalidInputError
from nosto_gql.models import Product, ProductUpdate, validate_products

SKU = {"id": "S-1", "price": 10.0}
B2B = {"price": 8.0, "price_currency_code": "EUR", "availability": "InStock"}

# Inputs the sandbox used to accept although the client refuses them: (fields, start of message).
CLIENT_REJECTS = [
    ({"price_currency_code": "EUD"}, "price_currency_code"),
    ({"categories": ["Outdoor > Tents"]}, "categories[0]"),
    ({"colour": "green"}, "colour"),
    ({"imageUrl": "https://cdn.example.com/a.jpg"}, "imageUrl"),
    ({"skus": [SKU], "variations": {"B2B": B2B}}, "skus and variations cannot be combined"),
    ({"rating_value": 5.5}, "rating_value"),
    ({"price": -1}, "price"),
    ({"url": "//shop.example.com/p/1"}, "url"),
    ({"skus": [{"name": "no id"}]}, "skus[0].id"),
]


def rejection(response: Any) -> dict[str, Any]:
    assert response.status_code == 400, response.text
    (entry,) = json.loads(response.text)["errors"]
    return dict(entry)


@pytest.mark.parametrize(("fields", "field"), CLIENT_REJECTS)
def test_what_the_client_rejects_the_sandbox_rejects_naming_the_field(
    api, sandbox, fields, field
) -> None:
    item = product("P", **fields)
    with pytest.raises(InvalidInputError):
        validate_products([item])
    entry = rejection(api.upsert([item]))
    assert entry["product_id"] == "P"
    assert entry["errors"].startswith(field), entry["errors"]
    assert sandbox.state.products == {}


@pytest.mark.parametrize(("fields", "field"), CLIENT_REJECTS)
def test_a_partial_update_of_a_known_product_follows_the_same_rules(
    api, sandbox, fields, field
) -> None:
    assert api.upsert([product("P")]).status_code == 200
    entry = rejection(api.upsert([{"product_id": "P", **fields}]))
    assert entry["errors"].startswith(field), entry["errors"]
    assert sandbox.state.products["P"] == Product(**product("P")).to_payload()


def test_the_stored_product_is_the_payload_the_client_would_send(api, sandbox) -> None:
    lenient = {
        **product("P"),
        "product_id": 42,
        "price": "14.90",
        "price_currency_code": "eur",
        "availability": "http://schema.org/InStock",
        "rating_value": "3.8",
        "custom_fields": {"size": 38, "empty": ""},
        "tag1": [],
        "description": None,
    }
    assert api.upsert([lenient]).status_code == 200
    expected = Product.model_validate(lenient).to_payload()
    assert sandbox.state.products == {"42": expected}
    assert expected["price"] == 14.9 and expected["custom_fields"] == {"size": "38"}
    seen = api.data('{ product(id: "42") { price currencyCode availability ratingValue } }')
    assert seen["product"] == {
        "price": 14.9,
        "currencyCode": "EUR",
        "availability": "InStock",
        "ratingValue": 3.8,
    }


def test_accepting_is_exactly_what_the_client_accepts_for_a_known_product(api, sandbox) -> None:
    api.upsert([product("P")])
    candidates = [
        {"product_id": "P", "price": "9.50"},
        {"product_id": "P", "price": "9,50"},
        {"product_id": "P", "availability": "out of stock"},
        {"product_id": "P", "availability": "Sold"},
        {"product_id": "P", "date_published": "2024-03-15T10:00:00"},
        {"product_id": "P", "date_published": "15.03.2024"},
        {"product_id": "P", "inventory_level": "15"},
        {"product_id": "P", "inventory_level": 1.5},
        {"product_id": "P", "variations": [{"variation_id": "B2B", **B2B}]},
        {"product_id": "P", "skus": [SKU, SKU]},
        {"product_id": " "},
    ]
    for item in candidates:
        try:
            validate_products([item], partial=True)
            client_accepts = True
        except InvalidInputError:
            client_accepts = False
        response = api.upsert([item])
        assert (response.status_code == 200) == client_accepts, (item, response.text)


def test_empty_values_count_as_not_given_like_the_client_leaves_them_out(api, sandbox) -> None:
    api.upsert([product("P", categories=["/Outdoor"], brand="Trailhead")])
    update = {"product_id": "P", "categories": [], "brand": None, "price": 12.0}
    assert api.upsert([update]).status_code == 200
    stored = sandbox.state.products["P"]
    assert (stored["categories"], stored["brand"], stored["price"]) == (
        ["/Outdoor"],
        "Trailhead",
        12,
    )


def test_a_missing_product_id_is_reported_with_nostos_wording(api) -> None:
    entry = rejection(api.upsert([{**product("X"), "product_id": None}]))
    assert entry["product_id"] == ""
    assert entry["errors"] == "product_id is missing"


def test_load_products_applies_the_same_rules_and_wording_as_the_endpoint(api, sandbox) -> None:
    bad = product("BAD", price_currency_code="EUD")
    rejected = sandbox.load_products([product("OK"), bad, "not an object"])
    assert [r.product_id for r in rejected] == ["BAD", ""]
    endpoint = rejection(api.upsert([bad]))
    assert ", ".join(p.message for p in rejected[0].problems) == endpoint["errors"]
    assert [p.field for p in rejected[0].problems] == ["price_currency_code"]
    assert rejected[1].problems[0].field == "product"
    assert set(sandbox.state.products) == {"OK"}


UPDATE = """mutation Update($products: [InputProduct]!) {
  updateProducts(products: $products) {
    result { errors { field message } data { productId price currencyCode } }
  }
}"""


def test_update_products_names_the_graphql_field_of_each_problem(api, sandbox) -> None:
    api.upsert([product("A", price=5.0)])
    products = [
        {"productId": "A", "priceCurrencyCode": "EUD"},
        {"productId": "A", "skus": [{"id": "A-1", "imageUrl": "nope", "listPrice": -2}]},
        {"productId": "A", "ugcImages": [{"url": "https://ugc.example.com/1.jpg"}, {"url": "x"}]},
        {"productId": "NEW", "price": 1.0},
    ]
    results = api.data(UPDATE, {"products": products})["updateProducts"]["result"]
    fields = [[e["field"] for e in r["errors"]] for r in results]
    assert fields == [
        ["priceCurrencyCode"],
        ["skus[0].listPrice", "skus[0].imageUrl"],
        ["ugcImages[1].url"],
        # InputProduct cannot describe a new product (no name, no availability): an unknown
        # id is one clear error pointing at the products API.
        ["productId"],
    ]
    assert results[0]["errors"][0]["message"].startswith("priceCurrencyCode: expected an ISO")
    assert "create it with the products API (upsert)" in results[3]["errors"][0]["message"]
    assert [r["data"]["productId"] for r in results] == ["A", "A", "A", "NEW"]
    assert sandbox.state.products["A"] == Product(**product("A", price=5.0)).to_payload()


def test_update_products_stores_the_normalised_product_and_its_ugc_images(api, sandbox) -> None:
    api.upsert([product("A", price=5.0)])
    products = [
        {
            "productId": "A",
            "priceCurrencyCode": "usd",
            "skus": [{"id": "A-1", "availability": "in stock"}],
            "ugcImages": [{"url": "https://ugc.example.com/1.jpg"}],
        }
    ]
    (result,) = api.data(UPDATE, {"products": products})["updateProducts"]["result"]
    assert result == {"errors": [], "data": {"productId": "A", "price": 5.0, "currencyCode": "USD"}}
    stored = sandbox.state.products["A"]
    assert stored["skus"] == [{"id": "A-1", "availability": "InStock"}]
    assert stored["ugc_images"] == [{"url": "https://ugc.example.com/1.jpg"}]
    partial = {"product_id": "A", "price_currency_code": "usd", "skus": [stored["skus"][0]]}
    assert ProductUpdate(**partial).to_payload().items() <= stored.items()
