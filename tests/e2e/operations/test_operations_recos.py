"""Session-less recommenders (root `recos`) through the typed client, over TLS."""

from __future__ import annotations

from typing import Any

from nosto_gql import NostoClient
from nosto_gql.apps import (
    ImageVersionType,
    InputAttributeParams,
    InputEvent,
    InputFilterParams,
    InputIncludeParams,
    InputItem,
    InputOrder,
    InputPriceParams,
    InputRecommenderParams,
    InputSessionParams,
    InteractionEventType,
    RelationModeEntity,
    ScoringModeType,
)
from nosto_gql.sandbox import Sandbox


def ids(slot: Any) -> list[str]:
    """Product ids of a RecommenderResult (None-safe)."""
    return [p.product_id for p in (slot.primary if slot else None) or [] if p and p.product_id]


def view(client: NostoClient, session_id: str, product_id: str) -> None:
    client.apps.update_session(
        id=session_id,
        params=InputSessionParams(
            event=InputEvent(type_=InteractionEventType.VIEWED_PRODUCT, target=product_id)
        ),
    )


def test_toplist_ranks_by_views_and_honours_include_and_exclude(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    for product_id, times in (("GEN-0002", 3), ("GEN-0008", 2), ("GEN-0001", 1)):
        for _ in range(times):
            view(client, session_id, product_id)
    top = client.apps.toplist(hours=24, sort=ScoringModeType.VIEWS).recos
    assert top and top.toplist
    assert ids(top.toplist)[:3] == ["GEN-0002", "GEN-0008", "GEN-0001"]
    assert top.toplist.result_id == "api-toplist-views"

    sleeping_bags = client.apps.toplist(
        hours=24,
        sort=ScoringModeType.VIEWS,
        params=InputRecommenderParams(
            max_products=3,
            include=InputIncludeParams(categories=["/Outdoor/Camping/Sleeping Bags"]),
            exclude=InputFilterParams(product_ids=["GEN-0002"]),
        ),
    ).recos
    assert sleeping_bags and sleeping_bags.toplist
    products = [p for p in sleeping_bags.toplist.primary or [] if p]
    assert 0 < len(products) <= 3
    assert "GEN-0002" not in ids(sleeping_bags.toplist)
    assert all("/Outdoor/Camping/Sleeping Bags" in (p.categories or []) for p in products)


def test_toplist_price_and_custom_field_filters(client: NostoClient, catalog: object) -> None:
    cheap = client.apps.toplist(
        hours=168,
        sort=ScoringModeType.BUYS,
        params=InputRecommenderParams(
            max_products=50, include=InputIncludeParams(price=InputPriceParams(max=50.0))
        ),
    ).recos
    assert cheap and cheap.toplist and cheap.toplist.primary
    assert all(p and (p.price or 0) <= 50.0 for p in cheap.toplist.primary)

    by_material = client.apps.toplist(
        hours=168,
        sort=ScoringModeType.BUYS,
        params=InputRecommenderParams(
            include=InputIncludeParams(
                custom_fields=[InputAttributeParams(attribute="material", values=["Ripstop nylon"])]
            )
        ),
    ).recos
    assert by_material and by_material.toplist
    assert ids(by_material.toplist) == ["TENT-2P-100"]


def test_toplist_by_buys_follows_orders(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    client.apps.place_order(
        id=session_id,
        order=InputOrder(
            number="RECO-1", purchased_items=[InputItem(product_id="GEN-0013", quantity=1)]
        ),
    )
    top = client.apps.toplist(hours=1, sort=ScoringModeType.BUYS).recos
    assert top and top.toplist and ids(top.toplist)[0] == "GEN-0013"


def test_related_products_share_categories(client: NostoClient, catalog: object) -> None:
    related = client.apps.related_products(
        product_ids=["GEN-0001"],
        relationship=RelationModeEntity.VIEWED_TOGETHER,
        params=InputRecommenderParams(max_products=5),
        image=ImageVersionType.VERSION_ORIGINAL,
    ).recos
    assert related and related.related and related.related.primary
    assert "GEN-0001" not in ids(related.related)
    assert all(
        p and "/Outdoor/Camping/Tents" in (p.categories or []) for p in related.related.primary[:2]
    )


def test_search_products_match_the_term(client: NostoClient, catalog: object) -> None:
    found = client.apps.search_products(
        term="sleeping bag", params=InputRecommenderParams(max_products=20)
    ).recos
    assert found and found.search and found.search.primary
    assert all(
        p and "sleeping bag" in f"{p.name} {p.categories}".lower() for p in found.search.primary
    )


def test_random_products_are_in_stock_and_sized(
    client: NostoClient, sandbox: Sandbox, catalog: object
) -> None:
    picked = client.apps.random_products(params=InputRecommenderParams(max_products=6)).recos
    assert picked and picked.random
    chosen = ids(picked.random)
    assert len(chosen) == 6 and len(set(chosen)) == 6
    stock = sandbox.state.products
    assert all(stock[pid]["availability"] == "InStock" for pid in chosen)
    again = client.apps.random_products(params=InputRecommenderParams(max_products=6)).recos
    assert again and again.random and ids(again.random) == chosen  # stable per caller


def test_live_products_show_latest_activity_first(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    view(client, session_id, "GEN-0010")
    view(client, session_id, "GEN-0020")
    live = client.apps.live_products(params=InputRecommenderParams(max_products=2)).recos
    assert live and live.live
    assert ids(live.live) == ["GEN-0020", "GEN-0010"]
    assert live.live.result_id == "api-live"


def test_preview_calls_leave_statistics_alone(
    client: NostoClient, sandbox: Sandbox, catalog: object
) -> None:
    before = len(sandbox.state.views)
    preview = client.apps.toplist(hours=24, sort=ScoringModeType.VIEWS, preview=True).recos
    assert preview and preview.toplist and preview.toplist.primary
    assert len(sandbox.state.views) == before
