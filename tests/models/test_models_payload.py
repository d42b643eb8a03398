"""to_payload(): Nosto's omission rules, JSON types, variations as an object keyed by id."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from nosto_gql.models import (
    Product,
    ProductUpdate,
    Sku,
    Variation,
    to_payloads,
    to_payloads_json,
    validate_products,
)

MakeProduct = Callable[..., dict[str, Any]]
LOYAL = {"price": 53.1, "price_currency_code": "EUR", "availability": "InStock"}
B2B = {"price": 44, "price_currency_code": "eur", "availability": "OutOfStock"}


def test_empty_values_are_omitted_and_falsy_scalars_kept(product_dict: MakeProduct) -> None:
    model = Product(
        **product_dict(
            description="",
            brand=None,
            categories=[],
            tag1=[],
            custom_fields={},
            skus=[],
            variations={},
            supplier_cost=0,
            inventory_level=0,
            rating_value=0.0,
            gtin="0",
            condition="0",
        )
    )
    payload = model.to_payload()
    for dropped in ("description", "brand", "categories", "tag1", "custom_fields", "skus"):
        assert dropped not in payload
    assert "variations" not in payload
    assert payload["supplier_cost"] == 0 and payload["inventory_level"] == 0
    assert payload["rating_value"] == 0.0 and payload["gtin"] == "0" and payload["condition"] == "0"


def test_unset_fields_are_not_sent(product_dict: MakeProduct) -> None:
    assert Product(**product_dict()).to_payload() == product_dict()


def test_nested_objects_follow_the_same_omission_rules(product_dict: MakeProduct) -> None:
    sku = {"id": "S", "name": "", "price": 0, "custom_fields": {"size": "", "color": "Blue"}}
    only_empty = {"id": "T", "custom_fields": {"size": ""}}
    payload = Product(**product_dict(skus=[sku, only_empty])).to_payload()
    assert payload["skus"] == [
        {"id": "S", "price": 0.0, "custom_fields": {"color": "Blue"}},
        {"id": "T"},
    ]


def test_payload_types_are_json_ready(product_dict: MakeProduct) -> None:
    model = Product(
        **product_dict(
            price=Decimal("19.99"), date_published=date(2024, 3, 15), availability="OutOfStock"
        )
    )
    payload = model.to_payload()
    assert payload["price"] == 19.99 and type(payload["price"]) is float
    assert payload["date_published"] == "2024-03-15"
    assert type(payload["availability"]) is str and payload["availability"] == "OutOfStock"
    assert json.loads(json.dumps(payload)) == payload


def test_prices_are_sent_as_given_not_rounded(product_dict: MakeProduct) -> None:
    payload = Product(**product_dict(price="0.333", list_price=Decimal("1.005"))).to_payload()
    assert (payload["price"], payload["list_price"]) == (0.333, 1.005)


def test_payload_json_matches_payload(product_dict: MakeProduct) -> None:
    model = Product(**product_dict(custom_fields={"note": "Grüße"}))
    assert json.loads(model.to_payload_json()) == model.to_payload()
    body = to_payloads_json([model, model])
    assert json.loads(body) == [model.to_payload(), model.to_payload()]


def test_variations_are_a_json_object_keyed_by_id(product_dict: MakeProduct) -> None:
    model = Product(**product_dict(variation_id="GENERAL", variations={"LOYAL": LOYAL, "B2B": B2B}))
    payload = model.to_payload()
    assert payload["variations"] == {
        "LOYAL": {"variation_id": "LOYAL", **LOYAL},
        "B2B": {
            "variation_id": "B2B",
            "price": 44.0,
            "price_currency_code": "EUR",
            "availability": "OutOfStock",
        },
    }
    assert json.dumps(payload).count('"variations": {') == 1


def test_variation_id_is_filled_from_key_without_touching_a_shared_variation(
    product_dict: MakeProduct,
) -> None:
    shared = Variation(**LOYAL)
    model = Product(**product_dict(variations={"LOYAL": shared}))
    assert model.variations is not None
    assert model.variations["LOYAL"].variation_id == "LOYAL"
    assert shared.variation_id is None


def test_variation_id_must_match_its_key(product_dict: MakeProduct) -> None:
    with pytest.raises(ValidationError, match=r"variations\['LOYAL'\] has variation_id 'B2B'"):
        Product(**product_dict(variations={"LOYAL": {**LOYAL, "variation_id": "B2B"}}))


def test_variations_may_be_given_as_a_list_with_ids(product_dict: MakeProduct) -> None:
    model = Product(
        **product_dict(
            variations=[{**LOYAL, "variation_id": "LOYAL"}, Variation(variation_id="B2B", **B2B)]
        )
    )
    assert model.variations is not None and list(model.variations) == ["LOYAL", "B2B"]
    with pytest.raises(ValidationError, match="need a variation_id on every item"):
        Product(**product_dict(variations=[LOYAL]))
    with pytest.raises(ValidationError, match="appears twice"):
        Product(
            **product_dict(variations=[{**LOYAL, "variation_id": 1}, {**B2B, "variation_id": "1"}])
        )


def test_numeric_variation_ids_stay_an_object_not_an_array(product_dict: MakeProduct) -> None:
    # PHP would turn ids 0, 1 into a JSON array (PRODUCT_MODEL.md 1.4); we send an object.
    model = Product(**product_dict(variations={0: LOYAL, 1: B2B}))
    payload = json.loads(model.to_payload_json())
    assert list(payload["variations"]) == ["0", "1"]
    assert payload["variations"]["1"]["variation_id"] == "1"


def test_skus_and_variations_cannot_be_combined(product_dict: MakeProduct) -> None:
    with pytest.raises(ValidationError, match="skus and variations cannot be combined"):
        Product(**product_dict(skus=[{"id": "S"}], variations={"LOYAL": LOYAL}))
    with pytest.raises(ValidationError, match="cannot be combined"):
        ProductUpdate(product_id="1", skus=[Sku(id="S")], variations={"LOYAL": LOYAL})
    model = Product(**product_dict(variations={"LOYAL": LOYAL}))
    with pytest.raises(ValidationError, match="cannot be combined"):
        model.skus = [Sku(id="S")]


def test_sku_ids_must_be_unique(product_dict: MakeProduct) -> None:
    with pytest.raises(ValidationError, match=r"'7' is at skus\[0\] and skus\[2\]"):
        Product(**product_dict(skus=[{"id": 7}, {"id": "8"}, {"id": "7"}]))


def test_product_update_sends_only_what_it_was_given() -> None:
    update = ProductUpdate(product_id=101, availability="Discontinued")
    assert update.to_payload() == {"product_id": "101", "availability": "Discontinued"}
    assert to_payloads([update]) == [{"product_id": "101", "availability": "Discontinued"}]


def test_model_dump_round_trips_through_the_model(product_dict: MakeProduct) -> None:
    model = validate_products([product_dict(skus=[{"id": "S", "price": "2.5"}])])[0]
    assert Product.model_validate(model.to_payload()) == model
