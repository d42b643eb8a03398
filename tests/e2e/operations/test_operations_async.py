"""The async client runs the same generated operations (AsyncAppsClient), over TLS."""

from __future__ import annotations

import asyncio
from datetime import datetime

from nosto_gql import AsyncNostoClient
from nosto_gql.apps import (
    InputCategoryEventMetadataInputEntity,
    InputItem,
    InputOrder,
    InputProduct,
    InputRecommenderParams,
    ScoringModeType,
)
from nosto_gql.sandbox import Sandbox


async def test_async_session_order_and_status_flow(
    aclient: AsyncNostoClient, sandbox: Sandbox, catalog: object, now_iso: str
) -> None:
    session_id = (await aclient.apps.new_session()).new_session
    assert session_id
    page = (
        await aclient.apps.product_page_recommendations(id=session_id, product_id="GEN-0002")
    ).update_session
    assert page and page.pages and page.pages.for_product_page
    placed = (
        await aclient.apps.place_order_with_recommendations(
            id=session_id, number="A-1", items=[InputItem(product_id="GEN-0002")]
        )
    ).place_order
    assert placed and placed.pages and placed.pages.for_order_page
    status = (
        await aclient.apps.update_order_status(
            number="A-1", order_status="shipped", status_date=datetime(2024, 6, 1, 8, 0)
        )
    ).update_status
    assert status and status.statuses and status.statuses[-1]
    assert status.statuses[-1].order_status == "shipped"
    recorded = (
        await aclient.apps.record_category_click(
            id=session_id,
            product_id="GEN-0002",
            metadata=InputCategoryEventMetadataInputEntity(category="/Outdoor"),
            timestamp=now_iso,
        )
    ).record_analytics_event
    assert recorded and recorded.errors == []
    assert sandbox.state.orders["A-1"].session_id == session_id
    assert len(sandbox.state.analytics_events) == 1


async def test_async_calls_run_concurrently(aclient: AsyncNostoClient, catalog: object) -> None:
    top, random, segments, live = await asyncio.gather(
        aclient.apps.toplist(hours=24, sort=ScoringModeType.BUYS),
        aclient.apps.random_products(params=InputRecommenderParams(max_products=3)),
        aclient.apps.all_segments(),
        aclient.apps.live_products(),
    )
    assert top.recos and top.recos.toplist and top.recos.toplist.primary
    assert random.recos and random.recos.random and len(random.recos.random.primary or []) == 3
    assert segments.segments and segments.segments.segments
    assert live.recos and live.recos.live is not None


async def test_async_update_products_reports_per_item(
    aclient: AsyncNostoClient, catalog: object
) -> None:
    result = (
        await aclient.apps.update_products(
            products=[InputProduct(product_id="GEN-0001", url="ftp://nope")]
        )
    ).update_products
    assert result and result.result and result.result[0]
    assert result.result[0].errors and result.result[0].errors[0]
    assert result.result[0].errors[0].field == "url"
    order = InputOrder(number="A-2", purchased_items=[InputItem(product_id="GEN-0001")])
    session_id = (await aclient.apps.new_session()).new_session or ""
    assert (await aclient.apps.place_order(id=session_id, order=order)).place_order
