"""validate_products / iter_validated: all problems at once, each naming item and field."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import pytest

from nosto_gql._exceptions import InvalidInputError
from nosto_gql.models import Product, ProductUpdate, Sku, iter_validated, validate_products

MakeProduct = Callable[..., dict[str, Any]]


def test_models_and_dicts_validate_to_equal_models(product_dict: MakeProduct) -> None:
    data = product_dict(skus=[{"id": 1, "price": "2.50"}], categories=["/Kitchen"])
    from_model = Product(**data)
    (from_dict,) = validate_products([data])
    (from_mapping,) = validate_products([MappingProxyType(data)])
    (passed_model,) = validate_products([from_model])
    assert from_dict == from_mapping == from_model == passed_model
    assert from_dict.to_payload() == from_model.to_payload()


def test_models_are_validated_again_since_pydantic_lets_them_drift(
    product_dict: MakeProduct,
) -> None:
    model = Product(**product_dict(categories=["/Kitchen"]))
    drifted = [
        model.model_copy(update={"price": float("nan")}, deep=True),  # model_copy skips validation
        Product.model_construct(**{**model.model_dump(), "price": "abc"}),
    ]
    model.categories.append("Kitchen > Mugs")  # in-place: not an assignment
    with pytest.raises(InvalidInputError) as info:
        validate_products([*drifted, model])
    assert [where.split(").")[-1] for where, _ in info.value.problems] == [
        "price",
        "price",
        "categories[1]",
    ]


@pytest.mark.parametrize("not_a_collection", [None, 5, 2.5])
def test_what_cannot_be_iterated_is_refused_naming_the_fix(not_a_collection: object) -> None:
    with pytest.raises(InvalidInputError, match="expected an iterable of products"):
        validate_products(not_a_collection)  # type: ignore[arg-type]


def test_dicts_become_product_updates_only_when_partial(product_dict: MakeProduct) -> None:
    full = validate_products([product_dict()], partial=True)[0]
    assert type(full) is ProductUpdate
    partial = validate_products([{"product_id": "1", "price": "9.90"}], partial=True)[0]
    assert partial.to_payload() == {"product_id": "1", "price": 9.9}
    assert type(validate_products([product_dict()])[0]) is Product


def test_explicit_product_update_is_accepted_without_partial_flag() -> None:
    update = ProductUpdate(product_id="1", availability="Discontinued")
    assert validate_products([update]) == [update]


def test_all_problems_of_all_items_are_reported_at_once(product_dict: MakeProduct) -> None:
    items = [
        product_dict(product_id="OK-1"),
        product_dict(product_id="ABC", imageUrl="https://cdn.example.com/a.jpg", price="x"),
        product_dict(product_id=7, skus=[{"id": "S", "price": -1}]),
        product_dict(product_id="OK-2"),
    ]
    with pytest.raises(InvalidInputError) as caught:
        validate_products(items)
    error = caught.value
    assert str(error).startswith("2 of 4 products failed validation")
    locations = [where for where, _ in error.problems]
    assert locations == [
        "products[1] (product_id 'ABC').price",
        "products[1] (product_id 'ABC').imageUrl",
        "products[2] (product_id 7).skus[0].price",
    ]
    assert "products[2] (product_id 7).skus[0].price: expected a value >= 0; got -1" in str(error)


def test_misspelled_keys_get_the_closest_valid_key(product_dict: MakeProduct) -> None:
    data = product_dict(
        imageUrl="x",
        tags1=["sale"],
        title="Mug",
        skus=[{"id": "S", "imageURL": "https://cdn.example.com/s.jpg"}],
    )
    del data["image_url"]
    found = dict(_problems([data]))
    item = "products[0] (product_id 'MUG-330')"
    assert found[f"{item}.imageUrl"] == "unknown key 'imageUrl'; did you mean 'image_url'?"
    assert found[f"{item}.tags1"] == "unknown key 'tags1'; did you mean 'tag1'?"
    assert found[f"{item}.title"] == "unknown key 'title'; did you mean 'name'?"
    assert found[f"{item}.skus[0].imageURL"].endswith("did you mean 'image_url'?")
    assert found[f"{item}.image_url"].startswith("required field is missing (expected: Absolute")


def test_unknown_keys_without_a_close_match_point_to_custom_fields(
    product_dict: MakeProduct,
) -> None:
    found = dict(_problems([product_dict(warehouse_bin="A-12")]))
    message = found["products[0] (product_id 'MUG-330').warehouse_bin"]
    assert "not a field of Product" in message and "custom_fields" in message
    variation = {"price": 1, "price_currency_code": "EUR", "availability": "InStock", "zone": 1}
    found = dict(_problems([product_dict(variations={"B2B": variation})]))
    assert found["products[0] (product_id 'MUG-330').variations['B2B'].zone"] == (
        "unknown key 'zone': not a field of Variation"
    )


def test_missing_fields_hint_at_partial_updates() -> None:
    with pytest.raises(InvalidInputError, match="use ProductUpdate or partial=True"):
        validate_products([{"product_id": "1", "availability": "Discontinued"}])


def test_item_without_usable_id_is_named_by_position() -> None:
    found = _problems([{"name": "Mug"}, "MUG-1", None])
    assert found[0] == (
        "products[0].product_id",
        "required field is missing (expected: The product's unique id in the shop; the key for "
        "upsert, discontinue and recrawl)",
    )
    assert ("products[1]", _not_a_product("str")) in found
    assert ("products[2]", _not_a_product("NoneType")) in found


def test_object_level_problems_are_located_at_the_item(product_dict: MakeProduct) -> None:
    variation = {"price": 1, "price_currency_code": "EUR", "availability": "InStock"}
    found = _problems([product_dict(skus=[{"id": "S"}], variations={"B2B": variation})])
    assert found[0][0] == "products[0] (product_id 'MUG-330')"
    assert "skus and variations cannot be combined" in found[0][1]


def test_duplicate_product_ids_are_reported(product_dict: MakeProduct) -> None:
    found = _problems([product_dict(), product_dict(product_id="X"), product_dict()])
    assert found == [
        ("products[2] (product_id 'MUG-330')", "duplicate product_id; also at products[0]")
    ]


@pytest.mark.parametrize("single", [{"product_id": "1"}, "MUG-1", b"[]"])
def test_a_single_item_instead_of_a_list_is_refused_clearly(single: Any) -> None:
    with pytest.raises(InvalidInputError, match="wrap it in a list"):
        validate_products(single)


def test_a_single_model_instead_of_a_list_is_refused_clearly() -> None:
    with pytest.raises(InvalidInputError, match="got a single ProductUpdate"):
        validate_products(ProductUpdate(product_id="1"))  # type: ignore[arg-type]


def test_never_raises_a_raw_pydantic_error(product_dict: MakeProduct) -> None:
    weird: list[Any] = [
        product_dict(skus="S-1"),
        product_dict(variations="LOYAL"),
        product_dict(custom_fields={1: object()}),
        product_dict(skus=[Sku(id="S")], price=[1]),
        {"product_id": object()},
    ]
    with pytest.raises(InvalidInputError) as caught:
        validate_products(weird)
    assert len({where.split(".")[0] for where, _ in caught.value.problems}) == len(weird)


def test_empty_input_gives_an_empty_list() -> None:
    assert validate_products([]) == []
    assert list(iter_validated([])) == []


def test_iter_validated_is_lazy_and_stops_at_the_first_bad_item(
    product_dict: MakeProduct,
) -> None:
    consumed: list[int] = []

    def source() -> Iterator[Mapping[str, Any]]:
        for index in range(1_000_000):
            consumed.append(index)
            product_id = "BAD" if index == 2 else f"P{index}"
            yield product_dict(product_id=product_id, price=-1 if index == 2 else 1)

    stream = iter_validated(source())
    assert consumed == []  # nothing happens before the first next()
    assert next(stream).product_id == "P0"
    assert next(stream).product_id == "P1"
    with pytest.raises(InvalidInputError) as caught:
        next(stream)
    assert str(caught.value).startswith("products[2] (product_id 'BAD') failed validation")
    assert caught.value.problems == [
        ("products[2] (product_id 'BAD').price", "expected a value >= 0; got -1")
    ]
    assert consumed == [0, 1, 2]


def test_iter_validated_honours_partial() -> None:
    (update,) = iter_validated([{"product_id": 1, "availability": "discontinued"}], partial=True)
    assert update.to_payload() == {"product_id": "1", "availability": "Discontinued"}
    with pytest.raises(InvalidInputError, match="partial=True"):
        list(iter_validated([{"product_id": 1, "availability": "Discontinued"}]))


def _problems(items: list[Any]) -> list[tuple[str, str]]:
    with pytest.raises(InvalidInputError) as caught:
        validate_products(items)
    return caught.value.problems


def _not_a_product(type_name: str) -> str:
    return f"expected a Product, a ProductUpdate or a mapping of product fields; got {type_name}"
