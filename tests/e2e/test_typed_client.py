"""Typed operations and REST upserts through the real transport, over TLS, against the sandbox."""

from __future__ import annotations

import io

import pytest

from nosto_gql import (
    AuthenticationError,
    GraphQLResponseError,
    InvalidInputError,
    NostoClient,
    Tokens,
    TransportError,
)
from nosto_gql.apps import (
    InputEvent,
    InputItem,
    InputOrder,
    InputPageParams,
    InputProductFilter,
    InputRecommenderParams,
    InputSessionParams,
    InteractionEventType,
    RelationModeEntity,
    ScoringModeType,
)
from nosto_gql.demo import run_demo
from nosto_gql.models import ProductUpdate
from nosto_gql.rest import ItemStatus
from nosto_gql.sandbox import Sandbox


def test_demo_flow_passes_every_step() -> None:
    out = io.StringIO()
    assert run_demo(extra_products=40, out=out) == 0, out.getvalue()
    text = out.getvalue()
    assert "13 passed, 0 failed" in text
    assert "[FAIL]" not in text


def test_upserted_product_reads_back_typed(client: NostoClient, catalog: object) -> None:
    product = client.apps.product_by_id(id="TENT-2P-100").product
    assert product is not None
    assert product.name == "Trailhead Two-Person Tent"
    assert product.price == 189.0 and product.currency_code == "EUR"
    assert product.categories == ["/Outdoor", "/Outdoor/Camping", "/Outdoor/Camping/Tents"]
    assert {(a.key, a.value) for a in product.attributes or [] if a} >= {
        ("material", "Ripstop nylon")
    }


def test_unknown_product_raises_graphql_error_with_path(
    client: NostoClient, catalog: object
) -> None:
    with pytest.raises(GraphQLResponseError) as info:
        client.apps.product_by_id(id="NO-SUCH-PRODUCT")
    assert info.value.errors[0].path == ("product",)
    assert info.value.data == {"product": None}
    assert info.value.request_id


def test_listing_filters_and_pages(client: NostoClient, catalog: object) -> None:
    first = client.apps.list_products(limit=3, offset=0).products
    second = client.apps.list_products(limit=3, offset=3).products
    ids_first = [p.product_id for p in (first.products if first else None) or [] if p]
    ids_second = [p.product_id for p in (second.products if second else None) or [] if p]
    assert len(ids_first) == 3 and len(ids_second) == 3
    assert not set(ids_first) & set(ids_second)
    tents = client.apps.list_products(
        limit=100, filter_=InputProductFilter(categories=["/Outdoor/Camping/Tents"])
    ).products
    assert tents and tents.products
    for product in tents.products:
        assert product and "/Outdoor/Camping/Tents" in (product.categories or [])


def test_session_views_and_order_drive_toplists(client: NostoClient, catalog: object) -> None:
    session_id = client.apps.new_session().new_session
    assert session_id
    for _ in range(3):
        client.apps.update_session(
            id=session_id,
            params=InputSessionParams(
                event=InputEvent(type_=InteractionEventType.VIEWED_PRODUCT, target="GEN-0005")
            ),
        )
    client.apps.place_order(
        id=session_id,
        order=InputOrder(
            number="T-1", purchased_items=[InputItem(product_id="GEN-0011", quantity=2)]
        ),
    )
    views = client.apps.toplist(hours=24, sort=ScoringModeType.VIEWS).recos
    buys = client.apps.toplist(hours=24, sort=ScoringModeType.BUYS).recos
    assert views and views.toplist and views.toplist.primary
    assert buys and buys.toplist and buys.toplist.primary
    assert views.toplist.primary[0] and views.toplist.primary[0].product_id == "GEN-0005"
    assert buys.toplist.primary[0] and buys.toplist.primary[0].product_id == "GEN-0011"


def test_update_session_returns_cart_and_events(client: NostoClient, catalog: object) -> None:
    session_id = client.apps.new_session().new_session or ""
    session = client.apps.update_session(
        id=session_id,
        params=InputSessionParams(
            event=InputEvent(type_=InteractionEventType.VIEWED_PRODUCT, target="MUG-330"),
        ),
    ).update_session
    assert session and session.id == session_id
    assert session.events and session.events[0]
    assert session.events[0].target == "MUG-330"


def test_front_page_slot_filter(client: NostoClient, catalog: object) -> None:
    session_id = client.apps.new_session().new_session or ""
    everything = client.apps.front_page_recommendations(id=session_id).update_session
    assert everything and everything.pages and everything.pages.for_front_page
    slot_ids = [s.result_id for s in everything.pages.for_front_page if s]
    assert len(slot_ids) >= 2
    only_first = client.apps.front_page_recommendations(
        id=session_id, page_params=InputPageParams(slot_ids=[slot_ids[0]])
    ).update_session
    assert only_first and only_first.pages and only_first.pages.for_front_page
    assert [s.result_id for s in only_first.pages.for_front_page if s] == [slot_ids[0]]


def test_related_and_search_come_from_the_catalog(client: NostoClient, catalog: object) -> None:
    related = client.apps.related_products(
        product_ids=["TENT-2P-100"],
        relationship=RelationModeEntity.BOUGHT_TOGETHER,
        params=InputRecommenderParams(max_products=4),
    ).recos
    assert related and related.related and related.related.primary
    products = [p for p in related.related.primary if p]
    assert 0 < len(products) <= 4
    assert all(any("/Outdoor" in (c or "") for c in p.categories or []) for p in products)
    assert "TENT-2P-100" not in [p.product_id for p in products]

    found = client.apps.search_products(term="mug").recos
    assert found and found.search and found.search.primary
    names = {p.product_id: p.name or "" for p in found.search.primary if p}
    assert "MUG-330" in names and all("mug" in name.lower() for name in names.values())
    # MUG-500 is out of stock: in the catalog, but never recommended.
    assert "MUG-500" not in names


async def test_async_client_runs_the_same_operations(sandbox: Sandbox, catalog: object) -> None:
    async with sandbox.async_client() as client:
        session_id = (await client.apps.new_session()).new_session
        assert session_id
        product = (await client.apps.product_by_id(id="STOVE-GAS-01")).product
        assert product and product.name == "Compact Gas Stove"
        result = await client.products.upsert([ProductUpdate(product_id="MUG-330", price=9.5)])
        assert result.ok
    assert sandbox.state.product("MUG-330") is not None
    assert sandbox.state.product("MUG-330")["price"] == 9.5  # type: ignore[index]


def test_server_side_rejection_is_reported_per_product(
    client: NostoClient, catalog: object
) -> None:
    # A partial update of a product the sandbox has never seen lacks the required fields.
    result = client.products.upsert(
        [ProductUpdate(product_id="MUG-330", price=8.0), ProductUpdate(product_id="NEW-1", price=1)]
    )
    statuses = {o.item_id: o.status for o in result.outcomes}
    assert statuses == {"MUG-330": ItemStatus.ACCEPTED, "NEW-1": ItemStatus.REJECTED}
    assert result.rejected[0].message


def test_local_validation_sends_nothing(sandbox: Sandbox, client: NostoClient) -> None:
    before = len(sandbox.state.requests)
    with pytest.raises(InvalidInputError) as info:
        client.products.upsert([{"product_id": "X", "name": "No price"}])
    assert "products[0]" in str(info.value)
    assert len(sandbox.state.requests) == before


def test_wrong_token_is_an_authentication_error(sandbox: Sandbox) -> None:
    with (
        NostoClient(
            tokens=Tokens(apps="not-the-token"), base_url=sandbox.base_url, ca_file=sandbox.ca_file
        ) as client,
        pytest.raises(AuthenticationError) as info,
    ):
        client.apps.new_session()
    assert info.value.status_code == 401
    assert "not-the-token" not in str(info.value)


def test_token_of_another_family_is_refused(sandbox: Sandbox) -> None:
    with (
        NostoClient(
            tokens=Tokens(apps=sandbox.tokens.products),
            base_url=sandbox.base_url,
            ca_file=sandbox.ca_file,
        ) as client,
        pytest.raises(AuthenticationError),
    ):
        client.apps.new_session()


def test_untrusted_certificate_fails_closed(sandbox: Sandbox) -> None:
    # Without the sandbox CA the certificate cannot be verified: no token may be sent.
    with (
        NostoClient(tokens=sandbox.tokens, base_url=sandbox.base_url, max_retries=0) as client,
        pytest.raises(TransportError, match=r"CERTIFICATE_VERIFY_FAILED|certificate"),
    ):
        client.apps.new_session()
    assert all(r.path != "/v1/graphql" for r in sandbox.state.requests)


def test_unknown_product_gives_typed_partial_with_null_field(
    client: NostoClient, catalog: object
) -> None:
    from nosto_gql import with_errors

    result, errors = with_errors(client.apps.product_by_id, id="NO-SUCH-PRODUCT")
    assert result is not None and result.product is None
    assert errors[0].path == ("product",)
    assert errors[0].error_type == "DataFetchingException"
