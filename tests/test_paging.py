"""nosto_gql.paging: the catalog listing and category merchandising, page by page.

Against the sandbox (small page sizes) for real behaviour, and against a MockTransport that
plays an endless catalog for the 10 000-product paging cap.
"""

from __future__ import annotations

import json
import warnings
from itertools import islice
from typing import Any

import httpx
import pytest

from nosto_gql import AsyncNostoClient, NostoClient, Tokens
from nosto_gql._demo_catalog import generated_products, sample_products
from nosto_gql._facts import PRODUCTS_LISTING_CAP
from nosto_gql.apps import (
    InputFilterParams,
    InputIncludeParams,
    InputProductFilter,
    InputProductSort,
    LookupParams,
    ProductSortField,
)
from nosto_gql.paging import (
    CATEGORY_PAGE_LIMIT,
    ListingCapError,
    ListingCapWarning,
    aiter_category,
    aiter_category_pages,
    aiter_products,
    iter_category,
    iter_category_pages,
    iter_products,
)
from nosto_gql.sandbox import Sandbox

# -- a scripted Nosto ---------------------------------------------------------------------------

PRODUCT_KEYS = (
    "productId name url imageUrl price listPrice currencyCode priceText availability brand "
    "categories"
).split()


def fake_product(index: int) -> dict[str, Any]:
    product: dict[str, Any] = dict.fromkeys(PRODUCT_KEYS)
    product["productId"] = f"P-{index:05d}"
    return product


class FakeNosto:
    """Answers ListProducts from a catalog of ``size`` products (None: endless) and
    CategoryMerchandising from scripted pages; records every request's variables."""

    def __init__(self, size: int | None = None, pages: list[dict[str, Any]] | None = None):
        self.size = size
        self.pages = list(pages or [])
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        name, variables = body["operationName"], body.get("variables") or {}
        self.calls.append((name, variables))
        if name == "ListProducts":
            offset, limit = variables.get("offset") or 0, variables["limit"]
            if offset + limit > PRODUCTS_LISTING_CAP:  # what Nosto refuses
                return httpx.Response(
                    200, json={"data": {"products": None}, "errors": [{"message": "cap"}]}
                )
            end = offset + limit if self.size is None else min(offset + limit, self.size)
            products = [fake_product(i) for i in range(offset, max(end, offset))]
            return httpx.Response(200, json={"data": {"products": {"products": products}}})
        if name == "CategoryMerchandising":
            page = self.pages.pop(0)
            return httpx.Response(
                200,
                json={"data": {"session": {"id": "s-1", "recos": {"category": page}}}},
            )
        raise AssertionError(f"unexpected operation {name}")

    def client(self) -> NostoClient:
        return NostoClient(
            tokens=Tokens(apps="t"), http_client=httpx.Client(transport=httpx.MockTransport(self))
        )

    def async_client(self) -> AsyncNostoClient:
        return AsyncNostoClient(
            tokens=Tokens(apps="t"),
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(self)),
        )

    def listing_calls(self) -> list[tuple[int, int]]:
        return [(v.get("offset") or 0, v["limit"]) for n, v in self.calls if n == "ListProducts"]


def cm_page(ids: list[int], token: str | None) -> dict[str, Any]:
    return {
        "resultId": "cm-x",
        "batchToken": token,
        "totalPrimaryCount": 99,
        "primary": [fake_product(i) for i in ids],
    }


# -- the listing cap (MockTransport) -----------------------------------------------------------


def test_stops_at_the_paging_cap_with_a_warning() -> None:
    fake = FakeNosto(size=None)
    with fake.client() as client, pytest.warns(ListingCapWarning, match="Narrow the filter"):
        count = sum(1 for _ in iter_products(client, page_size=1000))
    assert count == PRODUCTS_LISTING_CAP
    calls = fake.listing_calls()
    assert calls == [(offset, 1000) for offset in range(0, PRODUCTS_LISTING_CAP, 1000)]


def test_last_page_is_shortened_to_stay_within_the_cap() -> None:
    fake = FakeNosto(size=None)
    with fake.client() as client, pytest.warns(ListingCapWarning):
        ids = [p.product_id for p in iter_products(client, page_size=3000)]
    assert len(ids) == len(set(ids)) == PRODUCTS_LISTING_CAP
    assert fake.listing_calls() == [(0, 3000), (3000, 3000), (6000, 3000), (9000, 1000)]
    assert all(offset + limit <= PRODUCTS_LISTING_CAP for offset, limit in fake.listing_calls())


def test_strict_raises_at_the_cap_after_yielding_what_it_reached() -> None:
    fake = FakeNosto(size=None)
    seen = 0
    with fake.client() as client, pytest.raises(ListingCapError, match="10000"):
        for _ in iter_products(client, page_size=2500, strict=True):
            seen += 1
    assert seen == PRODUCTS_LISTING_CAP


@pytest.mark.parametrize(("size", "page_size", "requests"), [(250, 100, 3), (200, 100, 3)])
def test_a_smaller_catalog_ends_quietly(size: int, page_size: int, requests: int) -> None:
    fake = FakeNosto(size=size)
    with fake.client() as client, warnings.catch_warnings():
        warnings.simplefilter("error")
        ids = [p.product_id for p in iter_products(client, page_size=page_size)]
    assert ids == [f"P-{i:05d}" for i in range(size)]
    assert len(fake.listing_calls()) == requests


def test_exactly_the_cap_still_warns_because_more_may_match() -> None:
    fake = FakeNosto(size=PRODUCTS_LISTING_CAP)
    with fake.client() as client, pytest.warns(ListingCapWarning):
        assert sum(1 for _ in iter_products(client, page_size=5000)) == PRODUCTS_LISTING_CAP


def test_pages_are_fetched_lazily() -> None:
    fake = FakeNosto(size=None)
    with fake.client() as client:
        first = list(islice(iter_products(client, page_size=50), 60))
    assert len(first) == 60
    assert fake.listing_calls() == [(0, 50), (50, 50)]


def test_sort_and_filter_are_sent_and_omitted_when_not_given() -> None:
    fake = FakeNosto(size=3)
    with fake.client() as client:
        list(iter_products(client))
        list(
            iter_products(
                client.apps,  # a generated AppsClient works too
                sort=InputProductSort(field=ProductSortField.PRICE, reverse=True),
                filter=InputProductFilter(categories=["/Shoes"]),
            )
        )
    (_, plain), (_, narrowed) = fake.calls
    assert "sort" not in plain and "filter" not in plain
    assert narrowed["sort"] == {"field": "PRICE", "reverse": True}
    assert narrowed["filter"] == {"categories": ["/Shoes"]}


@pytest.mark.parametrize("page_size", [0, -1, PRODUCTS_LISTING_CAP + 1])
def test_bad_page_sizes_are_refused(page_size: int) -> None:
    with FakeNosto().client() as client, pytest.raises(ValueError, match="page_size"):
        next(iter_products(client, page_size=page_size))


async def test_async_listing_stops_at_the_cap() -> None:
    fake = FakeNosto(size=None)
    async with fake.async_client() as client:
        with pytest.warns(ListingCapWarning):
            count = 0
            async for _ in aiter_products(client, page_size=2000):
                count += 1
        assert count == PRODUCTS_LISTING_CAP
        with pytest.raises(ListingCapError):
            async for _ in aiter_products(client.apps, page_size=5000, strict=True):
                pass


# -- category merchandising (MockTransport) ----------------------------------------------------


def test_category_follows_batch_tokens_and_counts_one_view() -> None:
    fake = FakeNosto(pages=[cm_page([1, 2], "t1"), cm_page([3, 4], "t2"), cm_page([5], None)])
    with fake.client() as client:
        ids = [p.product_id for p in iter_category(client, "s-1", "/Shoes", page_size=2)]
    assert ids == ["P-00001", "P-00002", "P-00003", "P-00004", "P-00005"]
    sent = [v for _, v in fake.calls]
    assert [v.get("batchToken") for v in sent] == [None, "t1", "t2"]
    assert [v["skipVCEvent"] for v in sent] == [False, True, True]
    assert all(v["maxProducts"] == 2 and v["category"] == "/Shoes" for v in sent)


def test_category_stops_on_an_empty_page_or_a_repeated_token() -> None:
    fake = FakeNosto(pages=[cm_page([1], "t1"), cm_page([], "t2")])
    with fake.client() as client:
        assert len(list(iter_category(client, "s-1", "/Shoes"))) == 1
    assert len(fake.calls) == 2

    looping = FakeNosto(pages=[cm_page([1], "same"), cm_page([2], "same"), cm_page([3], "x")])
    with looping.client() as client:
        assert len(list(iter_category(client, "s-1", "/Shoes"))) == 2
    assert len(looping.calls) == 2


def test_category_page_size_is_capped_at_250() -> None:
    assert CATEGORY_PAGE_LIMIT == 250
    with FakeNosto().client() as client, pytest.raises(ValueError, match="250"):
        next(iter_category(client, "s-1", "/Shoes", page_size=251))
    fake = FakeNosto(pages=[cm_page([1], None)])
    with fake.client() as client:
        list(iter_category(client, "s-1", "/Shoes", count_view=False))
    ((_, sent),) = fake.calls
    assert sent["maxProducts"] == 250 and sent["skipVCEvent"] is True


# -- against the sandbox -------------------------------------------------------------------------


# `sandbox` and `client` come from tests/conftest.py (one sandbox, state wiped per test).


@pytest.fixture
def stocked(client: NostoClient) -> None:
    client.products.upsert(sample_products() + generated_products(40)).raise_for_errors()


def operations(sandbox: Sandbox, name: str) -> int:
    return sum(1 for r in sandbox.state.requests if r.operation_name == name)


def test_iter_products_walks_the_whole_catalog(
    client: NostoClient, sandbox: Sandbox, stocked: None
) -> None:
    ids = [p.product_id for p in iter_products(client, page_size=7)]
    assert ids == sorted(sandbox.state.products)
    assert operations(sandbox, "ListProducts") == len(ids) // 7 + 1


def test_iter_products_sorts_and_filters(
    client: NostoClient, sandbox: Sandbox, stocked: None
) -> None:
    jackets = list(
        iter_products(
            client,
            page_size=2,
            sort=InputProductSort(field=ProductSortField.PRICE),
            filter=InputProductFilter(categories=["/Clothing/Jackets"]),
        )
    )
    stored = sandbox.state.products
    expected = [pid for pid, p in stored.items() if "/Clothing/Jackets" in p.get("categories", [])]
    assert sorted(p.product_id or "" for p in jackets) == sorted(expected)
    prices = [p.price or 0.0 for p in jackets]
    assert prices == sorted(prices)


def listing_in_one_call(client: NostoClient, session_id: str, category: str) -> list[str]:
    result = client.apps.category_merchandising(
        id=session_id, category=category, max_products=250, skip_vc_event=True
    )
    page = result.session.recos.category if result.session and result.session.recos else None
    return [p.product_id or "" for p in (page.primary if page else None) or [] if p]


def test_iter_category_matches_the_listing_and_counts_one_view(
    client: NostoClient, sandbox: Sandbox, stocked: None
) -> None:
    session_id = client.apps.new_session().new_session or ""
    whole = listing_in_one_call(client, session_id, "/Outdoor")
    before = operations(sandbox, "CategoryMerchandising")
    paged = [p.product_id for p in iter_category(client, session_id, "/Outdoor", page_size=4)]
    assert paged == whole and len(set(paged)) == len(paged) > 8
    assert operations(sandbox, "CategoryMerchandising") - before == -(-len(whole) // 4)
    session = sandbox.state.session(session_id)
    assert session and [(e.type, e.target) for e in session.events] == [
        ("VIEWED_CATEGORY", "/Outdoor")
    ]


def test_iter_category_pages_filters_and_by_reference(
    client: NostoClient, sandbox: Sandbox, stocked: None
) -> None:
    # A customer reference names a session once a session call has used it.
    client.apps.update_session(id="visitor-ref", by=LookupParams.BY_REF)
    pages = list(
        iter_category_pages(
            client,
            "visitor-ref",
            "/Outdoor/Camping",
            page_size=3,
            by=LookupParams.BY_REF,
            include=InputIncludeParams(brands=["Trailhead", "Northwind"]),
            exclude=InputFilterParams(categories=["/Outdoor/Camping/Cookware"]),
            count_view=False,
            add_attribution_parameters=True,
        )
    )
    assert pages and all(page.result_id == pages[0].result_id for page in pages)
    assert all(len(page.primary or []) <= 3 for page in pages)
    products = [p for page in pages for p in page.primary or [] if p]
    assert products and all(p.brand in ("Trailhead", "Northwind") for p in products)
    assert all("/Outdoor/Camping/Cookware" not in (p.categories or []) for p in products)
    assert all(p.url and "nosto_source=cmp" in p.url for p in products)
    session = sandbox.state.find_session("BY_REF", "visitor-ref")
    assert session and session.events == []


async def test_async_twins_against_the_sandbox(
    sandbox: Sandbox, client: NostoClient, stocked: None
) -> None:
    session_id = client.apps.new_session().new_session or ""
    whole = listing_in_one_call(client, session_id, "/Outdoor/Hiking")
    async with sandbox.async_client() as aclient:
        products = [p.product_id async for p in aiter_products(aclient, page_size=9)]
        assert products == sorted(sandbox.state.products)
        paged = [
            p.product_id
            async for p in aiter_category(aclient, session_id, "/Outdoor/Hiking", page_size=2)
        ]
        assert paged == whole
        pages = [
            page
            async for page in aiter_category_pages(
                aclient.apps, session_id, "/Outdoor/Hiking", page_size=5
            )
        ]
        assert [p.product_id for page in pages for p in page.primary or [] if p] == whole
