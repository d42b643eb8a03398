"""`products.upsert_stream(..., validate_first=True)`: the input is read twice, validated whole
first (nothing sent when anything is bad), then sent; a source that cannot give the same
products twice is refused or caught. Without it, a callable is simply called once."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from recording_server import Server, async_products_api, product, products, products_api

from nosto_gql import InvalidInputError
from nosto_gql.rest import ItemStatus, StreamInterruptedError, _stream_check

# -- two passes ----------------------------------------------------------------------------------


def test_everything_is_validated_before_anything_is_sent() -> None:
    server = Server()
    opened = 0

    def catalog() -> Iterator[dict[str, object]]:
        nonlocal opened
        opened += 1
        yield from products(3)
        yield product("BAD", price_currency_code="euro")
        yield {"name": "no id"}

    with pytest.raises(InvalidInputError, match="2 of 5 products failed validation") as info:
        products_api(server).upsert_stream(catalog, validate_first=True)
    assert server.requests == [] and opened == 1
    locations = [where for where, _ in info.value.problems]
    assert "products[3] (product_id 'BAD').price_currency_code" in locations
    assert "products[4].product_id" in locations


def test_the_first_pass_lists_a_bounded_number_of_problems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_stream_check, "PROBLEMS_LISTED_LIMIT", 3)
    with pytest.raises(InvalidInputError, match="5 of 5 products failed") as info:
        products_api(Server()).upsert_stream(
            lambda: (product(f"P{i}", price=-1) for i in range(5)), validate_first=True
        )
    assert info.value.problems[-1] == ("...", "2 more problems not listed")
    assert len(info.value.problems) == 4


def test_a_valid_source_is_read_twice_and_sent() -> None:
    server = Server()
    opened = 0

    def catalog() -> Iterator[dict[str, object]]:
        nonlocal opened
        opened += 1
        return products(5)

    api = products_api(server)
    result = api.upsert_stream(catalog, validate_first=True, max_items_per_request=2)
    assert opened == 2 and result.ok and len(server.sent_ids) == 5


def test_a_list_returned_twice_is_fine() -> None:
    # The same object both times, but a list can be read again.
    catalog = list(products(3))
    server = Server()
    assert products_api(server).upsert_stream(lambda: catalog, validate_first=True).ok
    assert len(server.sent_ids) == 3


def test_a_product_gone_bad_between_the_passes_is_reported_invalid() -> None:
    server = Server()
    passes = iter([[product("A"), product("B")], [product("A"), product("B", price=-5)]])
    result = products_api(server).upsert_stream(lambda: next(passes), validate_first=True)
    assert server.sent_ids == ["A"] and [o.item_id for o in result.invalid] == ["B"]


def test_an_exception_in_the_first_pass_propagates_as_it_is() -> None:
    # Nothing was sent, so there is nothing to report but the exception itself.
    def catalog() -> Iterator[dict[str, object]]:
        yield product("A")
        raise OSError("disk gone")

    server = Server()
    with pytest.raises(OSError, match="disk gone"):
        products_api(server).upsert_stream(catalog, validate_first=True)
    assert server.requests == []


# -- what validate_first needs -------------------------------------------------------------------


@pytest.mark.parametrize("source", [list(products(2)), products(2)], ids=["list", "generator"])
def test_validate_first_needs_a_callable(source: object) -> None:
    server = Server()
    with pytest.raises(InvalidInputError, match="reads the input twice") as info:
        products_api(server).upsert_stream(source, validate_first=True)  # type: ignore[arg-type]
    [(where, problem)] = info.value.problems
    assert where == "products" and "zero-argument callable returning a fresh iterable" in problem
    assert server.requests == []


def test_the_same_iterator_returned_twice_is_refused_before_anything_is_sent() -> None:
    # The first pass used it up: the second would read nothing, and report success.
    gen = products(3)
    server = Server()
    with pytest.raises(InvalidInputError, match="returned the same iterator") as info:
        products_api(server).upsert_stream(lambda: gen, validate_first=True)
    assert "lambda: gen" not in str(info.value) and "fresh" in str(info.value)
    assert server.requests == []


def test_a_callable_is_validated_whole_first_unless_told_otherwise() -> None:
    server = Server()
    catalog = [product("A"), product("BAD", price=-1), product("C")]
    # A callable can be read twice, so by default it is: nothing is sent when a product is bad.
    with pytest.raises(InvalidInputError, match="1 of 3 products failed"):
        products_api(server).upsert_stream(lambda: iter(catalog))
    assert server.requests == []
    # Told not to, it is called once: the bad product is reported, the others sent.
    gen = products(3)
    calls = 0

    def source() -> Iterator[dict[str, object]]:
        nonlocal calls
        calls += 1
        return gen

    result = products_api(server).upsert_stream(lambda: iter(catalog), validate_first=False)
    assert server.sent_ids == ["A", "C"] and [o.item_id for o in result.invalid] == ["BAD"]
    streamed = products_api(server).upsert_stream(source, validate_first=False)
    assert streamed.count(ItemStatus.ACCEPTED) == 3
    assert calls == 1


# -- an input that changed between the passes ----------------------------------------------------


def test_a_second_pass_longer_than_the_first_stops_at_the_first_extra_product() -> None:
    passes = iter([products(4), products(6)])
    server = Server()
    with pytest.raises(StreamInterruptedError, match="changed between the passes") as info:
        products_api(server).upsert_stream(
            lambda: next(passes), validate_first=True, max_items_per_request=3
        )
    result = info.value.result
    assert server.sent_ids == ["P000", "P001", "P002"]
    # P003 was waiting for the next request; P004 (one more than validated) is not counted.
    assert [(o.item_id, o.status) for o in result.problems] == [("P003", ItemStatus.NOT_ATTEMPTED)]
    assert result.count(ItemStatus.ACCEPTED) == 3 and result.unread_input
    assert "4 products" in str(info.value) and info.value.__cause__ is None


def test_a_second_pass_shorter_than_the_first_does_not_send_its_last_request() -> None:
    passes = iter([products(5), products(4)])
    server = Server()
    with pytest.raises(StreamInterruptedError, match="changed between the passes") as info:
        products_api(server).upsert_stream(
            lambda: next(passes), validate_first=True, max_items_per_request=3
        )
    result = info.value.result
    assert server.sent_ids == ["P000", "P001", "P002"]
    assert [(o.item_id, o.status) for o in result.problems] == [("P003", ItemStatus.NOT_ATTEMPTED)]
    assert not result.unread_input
    assert "4 products, the first 5" in str(info.value)


# -- async ---------------------------------------------------------------------------------------


async def test_async_validate_first_reads_an_async_source_twice() -> None:
    server = Server()
    api = async_products_api(server)

    async def bad() -> AsyncIterator[dict[str, object]]:
        yield product("A", price=-1)

    with pytest.raises(InvalidInputError, match=r"products\[0\] \(product_id 'A'\)\.price"):
        await api.upsert_stream(bad, validate_first=True)

    async def good() -> AsyncIterator[dict[str, object]]:
        for item in products(3):
            yield item

    assert (await api.upsert_stream(good, validate_first=True)).count(ItemStatus.ACCEPTED) == 3
    with pytest.raises(InvalidInputError, match="reads the input twice"):
        await api.upsert_stream(good(), validate_first=True)  # type: ignore[arg-type]
    gen = good()
    with pytest.raises(InvalidInputError, match="returned the same iterator"):
        await api.upsert_stream(lambda: gen, validate_first=True)
    assert len(server.sent_ids) == 3


async def test_async_without_validate_first_calls_the_source_once() -> None:
    server = Server()

    async def catalog() -> AsyncIterator[dict[str, object]]:
        yield product("A")
        yield product("BAD", price=-1)

    result = await async_products_api(server).upsert_stream(catalog, validate_first=False)
    assert server.sent_ids == ["A"] and [o.item_id for o in result.invalid] == ["BAD"]
