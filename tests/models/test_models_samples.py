"""The reference sample payloads validate and survive parse -> to_payload() unchanged."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from typing import Any

import pytest
from reference_samples import load_sample

from nosto_gql._exceptions import InvalidInputError
from nosto_gql._facts import PRODUCT_REQUIRED_FIELDS
from nosto_gql.models import Product, ProductUpdate, product, to_payloads, validate_products

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO.parent / "shared" / "reference" / "rest" / "sample-payloads"
UPSERT_SAMPLES = [
    "products-upsert-full.json",
    "products-upsert-minimal.json",
    "products-upsert-customer-group-variations.json",
]
PARTIAL_SAMPLES = ["products-discontinue-via-upsert.json"]


def _load(name: str) -> Any:
    return load_sample(name)


def test_every_product_sample_is_covered() -> None:
    if not SAMPLES.is_dir():
        pytest.skip("reference sample payloads not present")
    upsert_bodies = {
        path.name
        for path in SAMPLES.glob("products-*.json")
        if isinstance(body := json.loads(path.read_text()), list) and isinstance(body[0], dict)
    }
    assert upsert_bodies == set(UPSERT_SAMPLES + PARTIAL_SAMPLES)


@pytest.mark.parametrize("name", UPSERT_SAMPLES)
def test_upsert_sample_round_trips(name: str) -> None:
    body = _load(name)
    models = validate_products(body)
    assert all(type(model) is Product for model in models)
    # dict equality treats 189 and 189.0 alike and ignores key order, as the wire does.
    assert to_payloads(models) == body
    assert json.loads(json.dumps(to_payloads(models))) == body


@pytest.mark.parametrize("name", PARTIAL_SAMPLES)
def test_partial_sample_round_trips_as_product_update(name: str) -> None:
    body = _load(name)
    models = validate_products(body, partial=True)
    assert all(type(model) is ProductUpdate for model in models)
    assert to_payloads(models) == body


@pytest.mark.parametrize("name", PARTIAL_SAMPLES)
def test_partial_sample_is_rejected_as_a_full_product(name: str) -> None:
    with pytest.raises(InvalidInputError, match="partial=True") as caught:
        validate_products(_load(name))
    assert any(where.endswith(".image_url") for where, _ in caught.value.problems)


def test_product_requires_exactly_the_documented_fields() -> None:
    required = {name for name, info in Product.model_fields.items() if info.is_required()}
    assert required == set(PRODUCT_REQUIRED_FIELDS)
    update_required = {n for n, i in ProductUpdate.model_fields.items() if i.is_required()}
    assert update_required == {"product_id"}


# The JSON keys of PRODUCT_MODEL.md 2, in its order.
DOCUMENTED_KEYS = """
    product_id name url image_url price list_price price_currency_code availability categories
    category_ids parent_category_ids description brand variation_id variations skus supplier_cost
    inventory_level review_count rating_value alternate_image_urls thumb_url condition gender
    age_group gtin google_category tag1 tag2 tag3 custom_fields date_published
    unit_pricing_measure unit_pricing_base_measure unit_pricing_unit
""".split()


def test_attribute_names_are_the_documented_json_keys() -> None:
    assert list(Product.model_fields) == DOCUMENTED_KEYS
    assert list(ProductUpdate.model_fields) == DOCUMENTED_KEYS
    for model in (Product, ProductUpdate):
        assert all(info.description for info in model.model_fields.values())


def test_docstring_example_holds() -> None:
    result = doctest.testmod(product, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 1
    assert result.failed == 0
