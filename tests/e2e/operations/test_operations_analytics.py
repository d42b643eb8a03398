"""recordAnalyticsEvent: search and category impressions and clicks, typed per-event errors."""

from __future__ import annotations

from nosto_gql import NostoClient
from nosto_gql.apps import (
    AnalyticEventType,
    InputCategoryClickInputEntity,
    InputCategoryEventMetadataInputEntity,
    InputKeyValuePairInput,
    InputRecordAnalyticsEventParams,
    InputSearchEventMetadataInputEntity,
    LookupParams,
)
from nosto_gql.sandbox import Sandbox

SEARCH = InputSearchEventMetadataInputEntity(
    query="rain jacket",
    result_id="3b8c0f0e-search-1",
    organic=True,
    has_results=True,
    search_type="keyword",
)
CATEGORY = InputCategoryEventMetadataInputEntity(category="/Clothing/Jackets", category_id="42")
AB = [InputKeyValuePairInput(key="test-1", value="variation-b")]


def test_search_impression_and_click_are_recorded(
    client: NostoClient, sandbox: Sandbox, session_id: str, now_iso: str
) -> None:
    shown = client.apps.record_search_impression(
        id=session_id,
        page=1,
        product_ids=["GEN-0006", "GEN-0012"],
        metadata=SEARCH,
        timestamp=now_iso,
        ab_test_attribution=AB,
    ).record_analytics_event
    assert shown and shown.errors == [] and shown.message
    clicked = client.apps.record_search_click(
        id=session_id, product_id="GEN-0012", metadata=SEARCH, timestamp=now_iso
    ).record_analytics_event
    assert clicked and clicked.errors == []

    impression, click = sandbox.state.analytics_events
    assert impression["session_id"] == session_id and impression["type"] == "SEARCH"
    assert impression["timestamp"] == now_iso
    assert impression["searchImpression"]["productIds"] == ["GEN-0006", "GEN-0012"]
    assert impression["searchImpression"]["metadata"]["query"] == "rain jacket"
    assert impression["searchImpression"]["properties"]["abTestAttribution"] == [
        {"key": "test-1", "value": "variation-b"}
    ]
    assert click["searchClick"]["productId"] == "GEN-0012"
    assert click["searchClick"]["metadata"]["resultId"] == "3b8c0f0e-search-1"


def test_category_impression_and_click_are_recorded(
    client: NostoClient, sandbox: Sandbox, session_id: str, now_iso: str
) -> None:
    shown = client.apps.record_category_impression(
        id=session_id,
        page=2,
        product_ids=["GEN-0006"],
        metadata=CATEGORY,
        timestamp=now_iso,
    ).record_analytics_event
    assert shown and shown.errors == []
    clicked = client.apps.record_category_click(
        id=session_id,
        product_id="GEN-0006",
        metadata=CATEGORY,
        timestamp=now_iso,
        ab_test_attribution=AB,
    ).record_analytics_event
    assert clicked and clicked.errors == []
    impression, click = sandbox.state.analytics_events
    assert impression["type"] == click["type"] == "CATEGORY"
    assert impression["categoryImpression"]["page"] == 2
    assert impression["categoryImpression"]["metadata"] == {
        "category": "/Clothing/Jackets",
        "categoryId": "42",
    }
    assert click["categoryClick"]["productId"] == "GEN-0006"


def test_problems_come_back_typed_and_nothing_is_recorded(
    client: NostoClient, sandbox: Sandbox, session_id: str
) -> None:
    result = client.apps.record_search_impression(
        id=session_id,
        page=1,
        product_ids=[],
        metadata=InputSearchEventMetadataInputEntity(result_id="r-1"),
        timestamp="yesterday",
    ).record_analytics_event
    assert result and result.errors
    fields = {e.field for e in result.errors if e}
    assert {"timestamp", "searchImpression.productIds", "searchImpression.metadata.query"} <= (
        fields
    )
    assert all(e and e.message for e in result.errors)
    assert sandbox.state.analytics_events == []


def test_generic_event_by_customer_reference(
    client: NostoClient, sandbox: Sandbox, now_iso: str
) -> None:
    result = client.apps.record_analytics_event(
        id="crm-77",
        by=LookupParams.BY_REF,
        params=InputRecordAnalyticsEventParams(
            type_=AnalyticEventType.CATEGORY,
            timestamp=now_iso,
            category_click=InputCategoryClickInputEntity(product_id="GEN-0001", metadata=CATEGORY),
        ),
    ).record_analytics_event
    assert result and result.errors == []
    (event,) = sandbox.state.analytics_events
    session = sandbox.state.find_session("BY_REF", "crm-77")
    assert session and event["session_id"] == session.id

    mismatched = client.apps.record_analytics_event(
        id="crm-77",
        by=LookupParams.BY_REF,
        params=InputRecordAnalyticsEventParams(
            type_=AnalyticEventType.SEARCH,
            timestamp=now_iso,
            category_click=InputCategoryClickInputEntity(product_id="GEN-0001", metadata=CATEGORY),
        ),
    ).record_analytics_event
    assert mismatched and mismatched.errors and mismatched.errors[0]
    assert mismatched.errors[0].field == "categoryClick"
    assert len(sandbox.state.analytics_events) == 1
