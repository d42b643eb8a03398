"""Sessions and segments: newSession, updateSession, session look-ups, history, segments."""

from __future__ import annotations

import pytest

from nosto_gql import GraphQLResponseError, NostoClient
from nosto_gql.apps import (
    InputCart,
    InputCustomerInfoEntity,
    InputEvent,
    InputItem,
    InputOrder,
    InputRecommenderParams,
    InputSessionParams,
    InteractionEventType,
    LookupParams,
    RefType,
)
from nosto_gql.sandbox import ManualClock, Sandbox

ALL_VISITORS = "5a497a000000000000000001"
LOGGED_IN = "5a497a000000000000000002"
FULL_CART = "5a497a000000000000000003"
BUYERS = "5a497a000000000000000004"


def test_new_session_records_referer_and_do_not_track(
    client: NostoClient, sandbox: Sandbox
) -> None:
    session_id = client.apps.new_session(
        referer="https://news.example.org/", customer=InputCustomerInfoEntity(do_not_track=True)
    ).new_session
    assert session_id and len(session_id) == 24
    stored = sandbox.state.session(session_id)
    assert stored and stored.referer == "https://news.example.org/" and stored.do_not_track


def test_update_session_event_with_attribution_cart_and_customer(
    client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    session = client.apps.update_session(
        id=session_id,
        params=InputSessionParams(
            event=InputEvent(
                type_=InteractionEventType.VIEWED_PRODUCT,
                target="GEN-0003",
                target_fragment="GEN-0003-RED",
                ref="cm-outdoor",
                ref_type=RefType.CATEGORY_MERCHANDISING,
            ),
            cart=InputCart(
                items=[
                    InputItem(
                        product_id="GEN-0003",
                        sku_id="GEN-0003-RED",
                        name="Stove",
                        unit_price=77.03,
                        price_currency_code="EUR",
                        quantity=2,
                    )
                ]
            ),
            customer=InputCustomerInfoEntity(
                customer_reference="cust-42",
                email="ada@example.com",
                first_name="Ada",
                last_name="Lovelace",
                marketing_permission=True,
            ),
        ),
    ).update_session
    assert session and session.id == session_id
    assert session.events and session.events[0]
    assert session.events[0].type_ == InteractionEventType.VIEWED_PRODUCT
    assert session.events[0].target == "GEN-0003"
    assert session.cart and session.cart.items and session.cart.items[0]
    line = session.cart.items[0]
    assert (line.product_id, line.sku_id, line.quantity, line.unit_price) == (
        "GEN-0003",
        "GEN-0003-RED",
        2,
        77.03,
    )
    assert session.customer and session.customer.customer_reference == "cust-42"
    assert session.customer.marketing_permission is True

    # The attribution is kept with the event and with the view it counted.
    stored = sandbox.state.session(session_id)
    assert stored and stored.events[-1].ref == "cm-outdoor"
    assert stored.events[-1].ref_type == "CATEGORY_MERCHANDISING"
    assert stored.events[-1].target_fragment == "GEN-0003-RED"
    assert [v.ref for v in sandbox.state.views if v.session_id == session_id] == ["cm-outdoor"]

    # The customer reference now finds the same session.
    by_ref = client.apps.session_details(id="cust-42", by=LookupParams.BY_REF).session
    assert by_ref and by_ref.id == session_id


def test_skip_events_updates_cart_without_a_page_view(
    client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    session = client.apps.update_session(
        id=session_id,
        params=InputSessionParams(
            skip_events=True,
            event=InputEvent(type_=InteractionEventType.VIEWED_PAGE, target="https://x.test/"),
            cart=InputCart(items=[InputItem(product_id="GEN-0005", quantity=1)]),
        ),
    ).update_session
    assert session and session.events == []
    assert session.cart and session.cart.items and len(session.cart.items) == 1
    stored = sandbox.state.session(session_id)
    assert stored and stored.events == []


def test_update_session_by_customer_reference_needs_no_new_session(
    client: NostoClient, sandbox: Sandbox
) -> None:
    session = client.apps.update_session(
        id="merchant-7",
        by=LookupParams.BY_REF,
        params=InputSessionParams(
            event=InputEvent(type_=InteractionEventType.VIEWED_PAGE, target="https://x.test/")
        ),
    ).update_session
    assert session and session.id
    stored = sandbox.state.find_session("BY_REF", "merchant-7")
    assert stored and stored.id == session.id


def test_session_details_and_segments_follow_the_visitor(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    fresh = client.apps.session_details(id=session_id).session
    assert fresh and fresh.id == session_id and fresh.customer is None
    assert [s.id for s in fresh.segments or [] if s] == [ALL_VISITORS]

    client.apps.update_session(
        id=session_id,
        params=InputSessionParams(
            customer=InputCustomerInfoEntity(email="grace@example.com", first_name="Grace"),
            cart=InputCart(items=[InputItem(product_id="GEN-0001", quantity=1)]),
            skip_events=True,
        ),
    )
    client.apps.place_order(
        id=session_id,
        order=InputOrder(number="SEG-1", purchased_items=[InputItem(product_id="GEN-0001")]),
    )
    details = client.apps.session_details(id=session_id).session
    assert details and details.customer and details.customer.first_name == "Grace"
    assert details.cart and details.cart.items and details.cart.items[0]
    assert details.cart.items[0].product_id == "GEN-0001"
    segment_ids = {s.id for s in details.segments or [] if s}
    assert segment_ids == {ALL_VISITORS, LOGGED_IN, FULL_CART, BUYERS}

    only_ids = client.apps.session_segments(id=session_id).session
    assert only_ids and {s.id for s in only_ids.segments or [] if s} == segment_ids


def test_all_segments_name_every_segment(client: NostoClient) -> None:
    listed = client.apps.all_segments().segments
    assert listed and listed.segments
    names = {s.id: s.name for s in listed.segments if s}
    assert names[ALL_VISITORS] == "All visitors"
    assert {ALL_VISITORS, LOGGED_IN, FULL_CART, BUYERS} <= set(names)


def test_recently_viewed_lists_history_newest_first(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    for product_id in ("GEN-0001", "GEN-0002", "GEN-0003", "GEN-0001"):
        client.apps.update_session(
            id=session_id,
            params=InputSessionParams(
                event=InputEvent(type_=InteractionEventType.VIEWED_PRODUCT, target=product_id)
            ),
        )
    client.apps.update_session(
        id=session_id,
        params=InputSessionParams(
            skip_events=True, cart=InputCart(items=[InputItem(product_id="GEN-0003")])
        ),
    )
    history = client.apps.recently_viewed(id=session_id).session
    assert history and history.recos and history.recos.history
    viewed = [p.product_id for p in history.recos.history.primary or [] if p]
    assert viewed == ["GEN-0001", "GEN-0003", "GEN-0002"]

    without_cart = client.apps.recently_viewed(
        id=session_id, params=InputRecommenderParams(skip_products_in_cart=True)
    ).session
    assert without_cart and without_cart.recos and without_cart.recos.history
    assert [p.product_id for p in without_cart.recos.history.primary or [] if p] == [
        "GEN-0001",
        "GEN-0002",
    ]


def test_a_lapsed_session_is_a_graphql_error() -> None:
    clock = ManualClock()
    with Sandbox(clock=clock) as sb, sb.client() as client:
        session_id = client.apps.new_session().new_session or ""
        assert client.apps.session_details(id=session_id).session
        clock.advance(minutes=31)
        with pytest.raises(GraphQLResponseError) as info:
            client.apps.session_details(id=session_id)
        assert info.value.errors[0].path == ("session",)
