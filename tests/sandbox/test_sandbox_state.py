"""`sb.state`, the inspection API: everything it hands out is a copy."""

from __future__ import annotations

from sandbox_helpers import product

from nosto_gql.sandbox import SandboxState

PLACE_ORDER = """mutation O($id: String!) {
  placeOrder(by: BY_CID, id: $id, params: {
    customer: { email: "a@example.com", customerReference: "crm-1" }
    order: { number: "1001", ref: "REF-1", orderStatus: "paid",
             purchasedItems: [{ productId: "A", quantity: 1 }] }
  }) { id }
}"""
IDENTITY = """mutation { upsertIdentity(identity: {
  email: "a@example.com", attributes: [{ name: "tier", value: "gold" }] }) { email } }"""


def test_the_public_surface_is_inspection_only() -> None:
    public = {name for name in dir(SandboxState) if not name.startswith("_")}
    assert public == {
        # data, as copies
        "products", "sessions", "orders", "duplicate_orders", "views", "buys", "identities",
        "categories", "analytics_events", "recrawl_requests", "requests",
        "blacklist", "consents", "gdpr_requests",
        "exchange_rates", "active_exchange_rates", "settings",
        "product", "all_products", "session", "find_session", "find_order", "identity",
        "view_count", "buy_count", "view_counts", "buy_counts",
        # control
        "reset", "now",
    }  # fmt: skip


def test_changing_what_the_state_hands_out_changes_nothing_inside(api, sandbox) -> None:
    api.upsert([product("A", categories=["/Outdoor"])])
    session_id = api.new_session()
    api.data(PLACE_ORDER, {"id": session_id})
    api.data(IDENTITY)
    state = sandbox.state

    state.product("A")["name"] = "changed"  # type: ignore[index]
    state.product("A")["categories"].append("/Changed")  # type: ignore[index]
    state.all_products()[0]["price"] = 0
    order = state.find_order("REF-1")
    assert order is not None and order.number == "1001"
    order.items.clear()
    order.times_placed = 99
    found = state.find_session("BY_REF", "crm-1")
    assert found is not None and found.id == session_id
    found.cart.append({"productId": "X"})
    found.customer.clear()
    state.identity("A@example.com")["tier"] = "none"  # type: ignore[index]
    state.orders["1001"].statuses.clear()

    assert state.product("A") == product("A", categories=["/Outdoor"])
    assert state.find_order("1001").items == [  # type: ignore[union-attr]
        {
            "productId": "A",
            "skuId": None,
            "name": None,
            "unitPrice": None,
            "priceCurrencyCode": None,
            "quantity": 1,
        }
    ]
    assert state.duplicate_orders == {}
    assert state.orders["1001"].statuses[0]["orderStatus"] == "paid"
    session = state.session(session_id)
    assert session is not None and session.cart == [] and session.customer["email"]
    assert state.identity("a@example.com") == {"tier": "gold"}
    # What the server sees is unchanged too.
    data = api.data('{ product(id: "A") { name categories } }')
    assert data["product"] == {"name": "Product A", "categories": ["/Outdoor"]}


def test_find_session_never_creates_and_misses_unknown_or_lapsed_sessions(
    api, sandbox, clock
) -> None:
    assert sandbox.state.find_session("BY_REF", "nobody") is None
    assert sandbox.state.sessions == {}
    session_id = api.new_session()
    assert sandbox.state.find_session(None, session_id) is not None
    clock.advance(hours=1)
    assert sandbox.state.find_session("BY_CID", session_id) is None
    assert sandbox.state.session(session_id) is not None, "expired sessions stay inspectable"
