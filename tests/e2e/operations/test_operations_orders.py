"""Orders: placeOrder (BY_CID and BY_REF), order look-up and cross-sells, updateStatus."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from nosto_gql import GraphQLResponseError, InvalidInputError, NostoClient
from nosto_gql.apps import (
    InputCustomerInfoEntity,
    InputItem,
    InputOrder,
    InputPageParams,
    LookupParams,
)
from nosto_gql.sandbox import Sandbox

TENT = InputItem(
    product_id="GEN-0001",
    sku_id="GEN-0001-2P",
    name="Alpine Tarp",
    unit_price=285.56,
    price_currency_code="EUR",
    quantity=1,
)


def test_place_order_by_nosto_customer_id(
    client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    placed = client.apps.place_order(
        id=session_id,
        order=InputOrder(
            number="ORD-1",
            order_status="paid",
            payment_provider="klarna",
            ref="ext-ORD-1",
            purchased_items=[TENT, InputItem(product_id="GEN-0003", quantity=2)],
        ),
        customer=InputCustomerInfoEntity(email="buyer@example.com", first_name="Bo"),
    ).place_order
    assert placed and placed.id == session_id
    order = sandbox.state.orders["ORD-1"]
    assert order.session_id == session_id and order.reference == "ext-ORD-1"
    assert order.customer["email"] == "buyer@example.com"
    assert [(i["productId"], i["quantity"]) for i in order.items] == [
        ("GEN-0001", 1),
        ("GEN-0003", 2),
    ]
    assert sandbox.state.buy_count("GEN-0001") == 1
    assert sandbox.state.duplicate_orders == {}


def test_place_order_by_customer_reference(
    client: NostoClient, sandbox: Sandbox, catalog: object
) -> None:
    placed = client.apps.place_order(
        id="crm-1001",
        by=LookupParams.BY_REF,
        order=InputOrder(number="ORD-REF", purchased_items=[TENT]),
    ).place_order
    assert placed and placed.id
    session = sandbox.state.find_session("BY_REF", "crm-1001")
    assert session and session.id == placed.id and session.order_numbers == ["ORD-REF"]
    assert sandbox.state.orders["ORD-REF"].session_id == placed.id


def test_place_order_with_order_page_slots(
    client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    placed = client.apps.place_order_with_recommendations(
        id=session_id,
        number="ORD-2",
        items=[TENT],
        order_status="paid",
        payment_provider="stripe",
        reference="ext-ORD-2",
        customer=InputCustomerInfoEntity(email="buyer@example.com"),
        page_params=InputPageParams(is_preview=False),
    ).place_order
    assert placed and placed.id == session_id and placed.pages
    slots = [s for s in placed.pages.for_order_page or [] if s]
    assert [s.result_id for s in slots] == ["thankyou-nosto-1"]
    recommended = [p.product_id for p in slots[0].primary or [] if p]
    assert recommended and "GEN-0001" not in recommended
    order = sandbox.state.orders["ORD-2"]
    assert order.reference == "ext-ORD-2"
    assert order.statuses[0]["orderStatus"] == "paid"
    assert order.statuses[0]["paymentProvider"] == "stripe"


def test_order_lookup_by_number_or_reference(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    client.apps.place_order(
        id=session_id,
        order=InputOrder(
            number="ORD-3", ref="ext-ORD-3", order_status="paid", purchased_items=[TENT]
        ),
    )
    by_number = client.apps.order_by_id(id="ORD-3").order
    by_reference = client.apps.order_by_id(id="ext-ORD-3").order
    assert by_number and by_reference and by_number == by_reference
    assert by_number.number == "ORD-3" and by_number.reference == "ext-ORD-3"
    assert by_number.items and by_number.items[0]
    assert by_number.items[0].sku_id == "GEN-0001-2P" and by_number.items[0].unit_price == 285.56
    assert by_number.statuses and by_number.statuses[0]
    assert by_number.statuses[0].order_status == "paid"


def test_unknown_order_has_nostos_error_shape(client: NostoClient) -> None:
    with pytest.raises(GraphQLResponseError) as info:
        client.apps.order_by_id(id="NO-SUCH-ORDER")
    error = info.value.errors[0]
    assert error.path == ("order",)
    assert "Unable to find order matching identifier" in error.message
    assert error.error_type == "DataFetchingException"
    assert info.value.data == {"order": None}


def test_order_recommendations_are_cross_sells_of_its_items(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    client.apps.place_order(id=session_id, order=InputOrder(number="ORD-4", purchased_items=[TENT]))
    order = client.apps.order_recommendations(id="ORD-4").order
    assert order and order.number == "ORD-4" and order.recos and order.recos.related
    related = [p for p in order.recos.related.primary or [] if p]
    assert related and "GEN-0001" not in [p.product_id for p in related]
    assert "/Outdoor/Camping/Tents" in (related[0].categories or [])


def test_update_order_status_appends_a_status(
    client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    client.apps.place_order(
        id=session_id,
        order=InputOrder(number="ORD-5", order_status="pending", purchased_items=[TENT]),
    )
    shipped_at = datetime(2024, 5, 1, 12, 30, 15)
    updated = client.apps.update_order_status(
        number="ORD-5",
        order_status="shipped",
        status_date=shipped_at,
        payment_provider="klarna",
    ).update_status
    assert updated and updated.number == "ORD-5" and updated.statuses
    assert [s.order_status for s in updated.statuses if s] == ["pending", "shipped"]
    last = updated.statuses[-1]
    assert last and last.payment_provider == "klarna"
    assert last.date == "2024-05-01T12:30:15"  # LocalDateTime goes out without a zone
    assert [s["orderStatus"] for s in sandbox.state.orders["ORD-5"].statuses] == [
        "pending",
        "shipped",
    ]

    again = client.apps.order_by_id(id="ORD-5").order
    assert again and again.statuses and len(again.statuses) == 2


def test_update_order_status_refuses_aware_datetimes_and_unknown_orders(
    client: NostoClient, sandbox: Sandbox, catalog: object
) -> None:
    sent = len(sandbox.state.requests)
    with pytest.raises(InvalidInputError, match="statusDate"):
        client.apps.update_order_status(
            number="ORD-X",
            order_status="paid",
            status_date=datetime(2024, 5, 1, tzinfo=timezone.utc),
        )
    assert len(sandbox.state.requests) == sent  # refused before anything was sent
    with pytest.raises(GraphQLResponseError) as info:
        client.apps.update_order_status(
            number="ORD-X", order_status="paid", status_date=datetime(2024, 5, 1)
        )
    assert info.value.errors[0].path == ("updateStatus",)
