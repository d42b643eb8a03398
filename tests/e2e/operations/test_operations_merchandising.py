"""Category merchandising (session `recos.category`): paging, filters, view events, attribution."""

from __future__ import annotations

from typing import Any

import pytest

from nosto_gql import GraphQLResponseError, NostoClient
from nosto_gql.apps import (
    CurrencyParams,
    ImageVersionType,
    InputCustomerInfoEntity,
    InputFilterParams,
    InputIncludeParams,
    InputPriceParams,
    InputSessionParams,
    InteractionEventType,
    LookupParams,
)
from nosto_gql.sandbox import Sandbox


def page_of(result: Any) -> Any:
    assert result.session and result.session.recos and result.session.recos.category
    return result.session.recos.category


def ids(page: Any) -> list[str]:
    return [p.product_id for p in page.primary or [] if p and p.product_id]


def in_stock_outdoor(sandbox: Sandbox) -> set[str]:
    return {
        pid
        for pid, p in sandbox.state.products.items()
        if p.get("availability") == "InStock"
        and any(c == "/Outdoor" or c.startswith("/Outdoor/") for c in p.get("categories", []))
    }


def test_batch_token_pages_do_not_overlap_and_cover_the_category(
    client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    first = page_of(
        client.apps.category_merchandising(id=session_id, category="/Outdoor", max_products=5)
    )
    assert first.result_id and len(ids(first)) == 5 and first.batch_token
    expected = in_stock_outdoor(sandbox)
    assert first.total_primary_count == len(expected)

    seen, page, pages = ids(first), first, 1
    while page.batch_token:
        page = page_of(
            client.apps.category_merchandising(
                id=session_id,
                category="/Outdoor",
                max_products=5,
                batch_token=page.batch_token,
                skip_vc_event=True,
            )
        )
        assert page.result_id == first.result_id
        assert not set(ids(page)) & set(seen), "pages never overlap"
        seen += ids(page)
        pages += 1
    assert set(seen) == expected and len(seen) == len(expected)
    assert pages == -(-len(expected) // 5)


def test_skip_pages_jumps_like_the_batch_token(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    first = page_of(
        client.apps.category_merchandising(id=session_id, category="/Outdoor", max_products=4)
    )
    by_token = page_of(
        client.apps.category_merchandising(
            id=session_id, category="/Outdoor", max_products=4, batch_token=first.batch_token
        )
    )
    by_skip = page_of(
        client.apps.category_merchandising(
            id=session_id, category="/Outdoor", max_products=4, skip_pages=1
        )
    )
    assert ids(by_skip) == ids(by_token) and not set(ids(by_skip)) & set(ids(first))
    third = page_of(
        client.apps.category_merchandising(
            id=session_id, category="/Outdoor", max_products=4, skip_pages=2, min_products=1
        )
    )
    assert not set(ids(third)) & (set(ids(first)) | set(ids(by_skip)))


def test_include_and_exclude_filters(
    client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    cheap = page_of(
        client.apps.category_merchandising(
            id=session_id,
            category="/Outdoor",
            max_products=100,
            include=InputIncludeParams(price=InputPriceParams(max=100.0)),
            exclude=InputFilterParams(categories=["/Outdoor/Camping/Cookware"]),
        )
    )
    listed = [p for p in cheap.primary or [] if p]
    assert listed
    for product in listed:
        assert (product.price or 0) <= 100.0
        assert "/Outdoor/Camping/Cookware" not in (product.categories or [])
    stored = sandbox.state.products
    assert {p.product_id for p in listed} == {
        pid
        for pid in in_stock_outdoor(sandbox)
        if float(stored[pid]["price"]) <= 100.0
        and "/Outdoor/Camping/Cookware" not in stored[pid]["categories"]
    }


def test_a_call_counts_as_a_category_view_unless_skipped(
    client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    client.apps.category_merchandising(id=session_id, category="/Clothing", skip_vc_event=True)
    stored = sandbox.state.session(session_id)
    assert stored and stored.events == []
    client.apps.category_merchandising(id=session_id, category="/Clothing")
    stored = sandbox.state.session(session_id)
    assert stored and [(e.type, e.target) for e in stored.events] == [
        (InteractionEventType.VIEWED_CATEGORY.value, "/Clothing")
    ]
    client.apps.category_merchandising(id=session_id, category="/Clothing", preview=True)
    stored = sandbox.state.session(session_id)
    assert stored and len(stored.events) == 1


def test_attribution_parameters_and_manual_click_attribution(
    client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    listing = page_of(
        client.apps.category_merchandising(
            id=session_id,
            category="/Outdoor/Hiking",
            max_products=3,
            add_attribution_parameters=True,
            image=ImageVersionType.VERSION_10_MAX_SQUARE,
            currency=CurrencyParams.EUR,
        )
    )
    assert listing.primary
    for product in listing.primary:
        assert product and product.url
        assert f"nosto_source=cmp&nosto={listing.result_id}" in product.url
        assert product.price_text and product.price_text.endswith("EUR")

    clicked = ids(listing)[0]
    result = client.apps.category_merchandising_click(
        id=session_id, product_id=clicked, result_id=listing.result_id, sku_id=f"{clicked}-S"
    ).update_session
    assert result and result.id == session_id
    assert result.events and result.events[0]
    assert result.events[0].type_ == InteractionEventType.VIEWED_PRODUCT
    assert result.events[0].target == clicked
    stored = sandbox.state.session(session_id)
    assert stored
    event = stored.events[-1]
    assert (event.ref, event.ref_type, event.target_fragment) == (
        listing.result_id,
        "CATEGORY_MERCHANDISING",
        f"{clicked}-S",
    )
    view = sandbox.state.views[-1]
    assert (view.product_id, view.ref) == (clicked, listing.result_id)


def test_by_customer_reference_and_unknown_session(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    client.apps.update_session(
        id=session_id,
        params=InputSessionParams(
            skip_events=True, customer=InputCustomerInfoEntity(customer_reference="shopper-9")
        ),
    )
    result = client.apps.category_merchandising(
        id="shopper-9", by=LookupParams.BY_REF, category="/Outdoor", max_products=2
    )
    assert result.session and result.session.id == session_id
    assert len(ids(page_of(result))) == 2

    with pytest.raises(GraphQLResponseError) as info:
        client.apps.category_merchandising(id="000000000000000000000000", category="/Outdoor")
    assert info.value.errors[0].path == ("session",)
