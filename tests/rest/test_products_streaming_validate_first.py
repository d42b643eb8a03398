"""`products.upsert_stream` reading its input twice: validated whole first (nothing sent when
anything is bad), then sent."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from recording_server import Server, async_products_api, product, products, products_api

from nosto_gql import InvalidInputError
from nosto_gql.rest import _runs

# -- two passes ----------------------------------------------------------------------------------


def test_a_callable_source_is_validated_whole_before_anything_is_sent() -> None:
    server = Server()
    opened = 0

    def catalog() -> Iterator[dict[str, object]]:
        nonlocal opened
        opened += 1
        yield from products(3)
        yield product("BAD", price_currency_code="euro")
        yield {"name": "no id"}

    with pytest.raises(InvalidInputError, match="2 of 5 products failed validation") as info:
        products_api(server).upsert_stream(catalog)
    assert server.requests == [] and opened == 1
    locations = [where for where, _ in info.value.problems]
    assert "products[3] (product_id 'BAD').price_currency_code" in locations
    assert "products[4].product_id" in locations


def test_the_first_pass_lists_a_bounded_number_of_problems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_runs, "MAX_LISTED_PROBLEMS", 3)
    with pytest.raises(InvalidInputError, match="5 of 5 products failed") as info:
        products_api(Server()).upsert_stream(lambda: (product(f"P{i}", price=-1) for i in range(5)))
    assert info.value.problems[-1] == ("...", "2 more problems not listed")
    assert len(info.value.problems) == 4


def test_a_valid_callable_source_is_read_twice_and_sent() -> None:
    server = Server()
    opened = 0

    def catalog() -> Iterator[dict[str, object]]:
        nonlocal opened
        opened += 1
        return products(5)

    result = products_api(server).upsert_stream(catalog, max_items_per_request=2)
    assert opened == 2 and result.ok and len(server.sent_ids) == 5


def test_a_product_gone_bad_between_the_passes_is_reported_invalid() -> None:
    server = Server()
    passes = iter([[product("A"), product("B")], [product("A"), product("B", price=-5)]])
    result = products_api(server).upsert_stream(lambda: next(passes))
    assert server.sent_ids == ["A"] and [o.item_id for o in result.invalid] == ["B"]


# -- async ---------------------------------------------------------------------------------------


async def test_async_stream_validates_callables_first() -> None:
    server = Server()
    api = async_products_api(server)

    async def catalog() -> AsyncIterator[dict[str, object]]:
        yield product("A", price=-1)

    with pytest.raises(InvalidInputError, match=r"products\[0\] \(product_id 'A'\)\.price"):
        await api.upsert_stream(catalog)
    with pytest.raises(InvalidInputError, match="max_items_per_request"):
        await api.upsert_stream(products(1), max_items_per_request=0)
    assert server.requests == []
