"""Page-type slots: every `pages.for...Page` field, through updateSession and placeOrder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from nosto_gql import NostoClient
from nosto_gql.apps import (
    ImageVersionType,
    InputCart,
    InputCustomerInfoEntity,
    InputEvent,
    InputItem,
    InputOrder,
    InputPageParams,
    InputSessionParams,
    InteractionEventType,
    RefType,
)
from nosto_gql.sandbox import Sandbox

CART = InputCart(items=[InputItem(product_id="GEN-0001", quantity=1, unit_price=285.56)])


def slot_ids(slots: Any) -> list[str]:
    return [s.result_id for s in slots or [] if s and s.result_id]


def products(slots: Any) -> list[str]:
    return [p.product_id for s in slots or [] if s for p in s.primary or [] if p and p.product_id]


# method call -> (slots of the result, expected slot ids, expected event (type, target))
PageCall = Callable[[NostoClient, str], Any]
PAGES: dict[str, tuple[PageCall, Callable[[Any], Any], list[str], tuple[str, str] | None]] = {
    "front": (
        lambda c, sid: c.apps.front_page_recommendations(
            id=sid,
            params=InputSessionParams(
                event=InputEvent(
                    type_=InteractionEventType.VIEWED_PAGE, target="https://shop.test/"
                )
            ),
        ),
        lambda r: r.update_session.pages.for_front_page,
        ["frontpage-nosto-1", "frontpage-nosto-2"],
        ("VIEWED_PAGE", "https://shop.test/"),
    ),
    "product": (
        lambda c, sid: c.apps.product_page_recommendations(id=sid, product_id="GEN-0007"),
        lambda r: r.update_session.pages.for_product_page,
        ["productpage-nosto-1", "productpage-nosto-2"],
        ("VIEWED_PRODUCT", "GEN-0007"),
    ),
    "category": (
        lambda c, sid: c.apps.category_page_recommendations(
            id=sid, category="/Outdoor/Camping/Tents"
        ),
        lambda r: r.update_session.pages.for_category_page,
        ["categorypage-nosto-1"],
        ("VIEWED_CATEGORY", "/Outdoor/Camping/Tents"),
    ),
    "search": (
        lambda c, sid: c.apps.search_page_recommendations(id=sid, term="jacket"),
        lambda r: r.update_session.pages.for_search_page,
        ["searchpage-nosto-1"],
        ("SEARCHED_FOR", "jacket"),
    ),
    "cart": (
        lambda c, sid: c.apps.cart_page_recommendations(
            id=sid, url="https://shop.test/cart", cart=CART, value=285.56
        ),
        lambda r: r.update_session.pages.for_cart_page,
        ["cartpage-nosto-1"],
        ("VIEWED_PAGE", "https://shop.test/cart"),
    ),
    "not-found": (
        lambda c, sid: c.apps.not_found_page_recommendations(id=sid, url="https://shop.test/x"),
        lambda r: r.update_session.pages.for_not_found_page,
        ["notfound-nosto-1"],
        ("VIEWED_PAGE", "https://shop.test/x"),
    ),
    "landing": (
        lambda c, sid: c.apps.landing_page_recommendations(id=sid, url="https://shop.test/summer"),
        lambda r: r.update_session.pages.for_landing_page,
        ["landingpage-nosto-1"],
        ("VIEWED_PAGE", "https://shop.test/summer"),
    ),
    "general-layout": (
        lambda c, sid: c.apps.general_layout_recommendations(
            id=sid, params=InputSessionParams(skip_events=True, cart=CART)
        ),
        lambda r: r.update_session.pages.for_general_layout_page,
        ["generallayout-nosto-1"],
        None,
    ),
    "other": (
        lambda c, sid: c.apps.other_page_recommendations(id=sid, url="https://shop.test/about"),
        lambda r: r.update_session.pages.for_other_page,
        ["otherpage-nosto-1"],
        ("VIEWED_PAGE", "https://shop.test/about"),
    ),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_page_slots_and_page_view_event(
    page: str, client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    call, slots_of, expected_slots, expected_event = PAGES[page]
    result = call(client, session_id)
    assert result.update_session.id == session_id
    slots = slots_of(result)
    assert slot_ids(slots) == expected_slots
    assert all(s.div_id == s.result_id and s.result_title for s in slots)
    if page != "general-layout":  # its slot is "recently viewed": empty for a new visitor
        assert products(slots), f"{page}: every slot is filled from the catalog"
    stored = sandbox.state.session(session_id)
    assert stored is not None
    events = [(e.type, e.target) for e in stored.events]
    assert events == ([expected_event] if expected_event else [])


def test_page_params_restrict_slots_and_image_version(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    result = client.apps.product_page_recommendations(
        id=session_id,
        product_id="GEN-0007",
        page_params=InputPageParams(
            slot_ids=["productpage-nosto-1"], image_version=ImageVersionType.VERSION_ORIGINAL
        ),
    ).update_session
    assert result and result.pages
    assert slot_ids(result.pages.for_product_page) == ["productpage-nosto-1"]


def test_product_page_related_slot_and_attribution(
    client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    front = client.apps.front_page_recommendations(id=session_id).update_session
    assert front and front.pages and front.pages.for_front_page
    clicked_slot = front.pages.for_front_page[0]
    assert clicked_slot and clicked_slot.result_id and clicked_slot.primary
    clicked = clicked_slot.primary[0]
    assert clicked and clicked.product_id

    page = client.apps.product_page_recommendations(
        id=session_id,
        product_id=clicked.product_id,
        ref=clicked_slot.result_id,
        sku_id=f"{clicked.product_id}-M",
        cart=CART,
        customer=InputCustomerInfoEntity(email="pat@example.com"),
    ).update_session
    assert page and page.pages and page.pages.for_product_page
    related = page.pages.for_product_page[0]
    assert related and clicked.product_id not in products([related])

    stored = sandbox.state.session(session_id)
    assert stored and stored.events[-1].ref == clicked_slot.result_id
    assert stored.events[-1].target_fragment == f"{clicked.product_id}-M"
    assert stored.cart and stored.customer["email"] == "pat@example.com"
    assert sandbox.state.views[-1].ref == clicked_slot.result_id

    cm = client.apps.product_page_recommendations(
        id=session_id,
        product_id="GEN-0002",
        ref="cm-outdoor",
        ref_type=RefType.CATEGORY_MERCHANDISING,
    ).update_session
    assert cm and cm.id == session_id
    stored = sandbox.state.session(session_id)
    assert stored and stored.events[-1].ref_type == "CATEGORY_MERCHANDISING"


def test_category_and_search_pages_follow_their_subject(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    tents = client.apps.category_page_recommendations(
        id=session_id, category="/Outdoor/Camping/Tents"
    ).update_session
    assert tents and tents.pages
    for slot in tents.pages.for_category_page or []:
        assert slot
        for product in slot.primary or []:
            assert product and "/Outdoor/Camping/Tents" in (product.categories or [])

    jackets = client.apps.search_page_recommendations(id=session_id, term="jacket").update_session
    assert jackets and jackets.pages
    found = [p for s in jackets.pages.for_search_page or [] if s for p in s.primary or [] if p]
    assert found
    assert all("jacket" in f"{p.name} {p.categories}".lower() for p in found)


def test_general_layout_slot_shows_the_history(
    client: NostoClient, catalog: object, session_id: str
) -> None:
    client.apps.product_page_recommendations(id=session_id, product_id="GEN-0009")
    layout = client.apps.general_layout_recommendations(id=session_id).update_session
    assert layout and layout.pages
    assert products(layout.pages.for_general_layout_page) == ["GEN-0009"]


def test_order_page_slots_after_the_order(
    client: NostoClient, sandbox: Sandbox, catalog: object, session_id: str
) -> None:
    client.apps.place_order(
        id=session_id,
        order=InputOrder(number="PAGE-1", purchased_items=[InputItem(product_id="GEN-0001")]),
    )
    result = client.apps.order_page_recommendations(
        id=session_id, order_number="PAGE-1", url="https://shop.test/thanks"
    ).update_session
    assert result and result.pages
    assert slot_ids(result.pages.for_order_page) == ["thankyou-nosto-1"]
    recommended = products(result.pages.for_order_page)
    assert recommended and "GEN-0001" not in recommended
    stored = sandbox.state.session(session_id)
    assert stored and (stored.events[-1].type, stored.events[-1].target) == (
        "VIEWED_PAGE",
        "https://shop.test/thanks",
    )
