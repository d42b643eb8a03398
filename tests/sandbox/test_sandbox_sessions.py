"""Sessions, orders, page slots and identities."""

from __future__ import annotations

from datetime import timedelta

from sandbox_helpers import product

from nosto_gql._facts import SESSION_TTL

SESSION_QUERY = """query S($by: LookupParams, $id: String!) {
  session(by: $by, id: $id) { id customer { email } cart { items { productId quantity } } }
}"""

UPDATE = """mutation U($by: LookupParams, $id: String!, $params: InputSessionParams) {
  updateSession(by: $by, id: $id, params: $params) {
    id
    events { type target }
    cart { items { productId skuId quantity unitPrice } }
    customer { customerReference email firstName marketingPermission }
    segments { name }
  }
}"""

PAGES = """mutation P($id: String!, $product: String!, $slots: [String]) {
  updateSession(by: BY_CID, id: $id,
                params: { event: { type: VIEWED_PRODUCT, target: $product } }) {
    pages {
      front: forFrontPage(params: { isPreview: false, slotIds: $slots }) {
        divId resultId resultTitle primary { productId }
      }
      productPage: forProductPage(params: { isPreview: false }, product: $product) {
        divId resultId resultTitle primary { productId url }
      }
    }
  }
}"""

HISTORY = """query H($id: String!) {
  session(by: BY_CID, id: $id) {
    recos(preview: true, image: VERSION_ORIGINAL) { history(params: {}) { primary { productId } } }
  }
}"""

PLACE_ORDER = """mutation O($id: String!, $number: String!, $items: [InputItem]!) {
  placeOrder(by: BY_CID, id: $id, params: {
    customer: { email: "buyer@example.com" }
    order: { number: $number, orderStatus: "paid", paymentProvider: "klarna", ref: "REF-1",
             purchasedItems: $items }
  }) {
    id
    pages { forOrderPage(params: { isPreview: false }, value: $number) {
      resultId primary { productId } } }
  }
}"""

ORDER = """query Q($id: String!) {
  order(id: $id) {
    number reference items { productId quantity } statuses { orderStatus paymentProvider date }
    recos(preview: true, image: VERSION_ORIGINAL) { related(params: {}) { primary { productId } } }
  }
}"""

CAMPING = [
    product("TENT", categories=["/Outdoor", "/Outdoor/Camping", "/Outdoor/Camping/Tents"]),
    product("MAT", categories=["/Outdoor", "/Outdoor/Camping"]),
    product("JACKET", categories=["/Outdoor", "/Clothing"]),
    product("MUG", categories=["/Kitchen"]),
]


def ids(result: dict) -> list[str]:
    return [p["productId"] for p in result["primary"]]


def test_new_session_returns_an_id_that_session_finds(api) -> None:
    session_id = api.new_session()
    data = api.data(SESSION_QUERY, {"by": "BY_CID", "id": session_id})
    assert data["session"]["id"] == session_id


def test_update_session_records_event_cart_and_customer(api, sandbox) -> None:
    api.upsert([product("A")])
    session_id = api.new_session()
    data = api.data(
        UPDATE,
        {
            "by": "BY_CID",
            "id": session_id,
            "params": {
                "event": {"type": "VIEWED_PRODUCT", "target": "A", "ref": "frontpage-nosto-1"},
                "cart": {
                    "items": [{"productId": "A", "skuId": "A-1", "quantity": 2, "unitPrice": 10}]
                },
                "customer": {"customerReference": "cust-42", "email": "a@example.com"},
            },
        },
    )["updateSession"]
    assert data["id"] == session_id
    assert data["events"] == [{"type": "VIEWED_PRODUCT", "target": "A"}]
    assert data["cart"]["items"] == [
        {"productId": "A", "skuId": "A-1", "quantity": 2, "unitPrice": 10.0}
    ]
    assert data["customer"]["customerReference"] == "cust-42"
    assert {s["name"] for s in data["segments"]} >= {
        "Logged-in customers",
        "Shoppers with a full cart",
    }
    (view,) = sandbox.state.views
    assert (view.product_id, view.session_id, view.ref) == ("A", session_id, "frontpage-nosto-1")
    by_reference = api.data(SESSION_QUERY, {"by": "BY_REF", "id": "cust-42"})
    assert by_reference["session"]["id"] == session_id


def test_the_cart_is_replaced_and_skip_events_records_no_event(api, sandbox) -> None:
    session_id = api.new_session()
    items = [{"productId": "A", "quantity": 1}, {"productId": "B", "quantity": 1}]
    api.data(UPDATE, {"id": session_id, "params": {"cart": {"items": items}}})
    data = api.data(
        UPDATE,
        {
            "id": session_id,
            "params": {
                "cart": {"items": [{"productId": "B", "quantity": 3}]},
                "event": {"type": "VIEWED_PRODUCT", "target": "B"},
                "skipEvents": True,
            },
        },
    )["updateSession"]
    assert [(i["productId"], i["quantity"]) for i in data["cart"]["items"]] == [("B", 3)]
    assert data["events"] == []
    assert sandbox.state.views == ()


def test_an_unknown_customer_id_is_an_error(api) -> None:
    body = api.graphql(UPDATE, {"by": "BY_CID", "id": "0" * 24})
    assert body["data"] == {"updateSession": None}
    assert body["errors"][0]["errorType"] == "DataFetchingException"
    assert "Unable to find session" in body["errors"][0]["message"]


def test_a_customer_reference_session_is_created_on_first_use(api, sandbox) -> None:
    data = api.data(UPDATE, {"by": "BY_REF", "id": "crm-7", "params": {}})
    session_id = data["updateSession"]["id"]
    assert sandbox.state.sessions[session_id].customer_reference == "crm-7"
    again = api.data(UPDATE, {"by": "BY_REF", "id": "crm-7", "params": {}})
    assert again["updateSession"]["id"] == session_id


def test_a_session_lapses_after_thirty_idle_minutes(api, clock) -> None:
    session_id = api.new_session()
    clock.advance(SESSION_TTL - timedelta(minutes=1))
    api.data(UPDATE, {"id": session_id, "params": {}})  # activity restarts the idle timer
    clock.advance(SESSION_TTL - timedelta(minutes=1))
    assert api.data(SESSION_QUERY, {"id": session_id})["session"]["id"] == session_id
    clock.advance(minutes=2)
    body = api.graphql(SESSION_QUERY, {"id": session_id})
    assert body["data"] == {"session": None}
    assert body["errors"][0]["errorType"] == "DataFetchingException"
    assert api.graphql(UPDATE, {"id": session_id})["data"] == {"updateSession": None}


def test_history_lists_viewed_products_newest_first(api) -> None:
    api.upsert(CAMPING)
    session_id = api.new_session()
    for product_id in ["MUG", "TENT", "MUG", "MAT"]:
        api.view(session_id, product_id)
    data = api.data(HISTORY, {"id": session_id})
    assert ids(data["session"]["recos"]["history"]) == ["MAT", "MUG", "TENT"]


def test_front_page_has_best_sellers_and_personalised_slots_and_honours_slot_ids(api) -> None:
    api.upsert(CAMPING)
    session_id = api.new_session()
    pages = api.data(PAGES, {"id": session_id, "product": "TENT"})["updateSession"]["pages"]
    assert [(s["divId"], s["resultId"]) for s in pages["front"]] == [
        ("frontpage-nosto-1", "frontpage-nosto-1"),
        ("frontpage-nosto-2", "frontpage-nosto-2"),
    ]
    assert all(s["resultTitle"] for s in pages["front"])
    assert ids(pages["front"][1]) == ["MAT", "JACKET"], "personalised: related to the viewed TENT"
    only_second = api.data(
        PAGES, {"id": session_id, "product": "TENT", "slots": ["frontpage-nosto-2", "nope"]}
    )["updateSession"]["pages"]["front"]
    assert [s["divId"] for s in only_second] == ["frontpage-nosto-2"]


def test_product_page_slot_recommends_products_related_to_the_product(api) -> None:
    api.upsert(CAMPING)
    session_id = api.new_session()
    api.view(session_id, "MUG")
    pages = api.data(PAGES, {"id": session_id, "product": "TENT"})["updateSession"]["pages"]
    related, recently_viewed = pages["productPage"]
    assert related["divId"] == "productpage-nosto-1"
    assert ids(related) == ["MAT", "JACKET"]
    assert ids(recently_viewed) == ["MUG"], "the product being viewed is not in its own history"


def test_place_order_records_buys_and_order_lookup_finds_it(api, sandbox) -> None:
    api.upsert(CAMPING)
    session_id = api.new_session()
    items = [{"productId": "TENT", "quantity": 1, "unitPrice": 189.0, "priceCurrencyCode": "EUR"}]
    placed = api.data(PLACE_ORDER, {"id": session_id, "number": "1001", "items": items})
    assert placed["placeOrder"]["id"] == session_id
    (slot,) = placed["placeOrder"]["pages"]["forOrderPage"]
    assert slot["resultId"] == "thankyou-nosto-1"
    assert ids(slot) == ["MAT", "JACKET"]
    assert sandbox.state.buy_count("TENT") == 1
    for identifier in ("1001", "REF-1"):
        order = api.data(ORDER, {"id": identifier})["order"]
        assert order["number"] == "1001" and order["reference"] == "REF-1"
        assert order["items"] == [{"productId": "TENT", "quantity": 1}]
        assert order["statuses"][0]["orderStatus"] == "paid"
        assert ids(order["recos"]["related"]) == ["MAT", "JACKET"]


def test_an_unknown_order_is_a_data_fetching_exception(api) -> None:
    body = api.graphql("query Q($id: String!) { order(id: $id) { number } }", {"id": "NOPE"})
    assert body["data"] == {"order": None}
    (error,) = body["errors"]
    assert error["errorType"] == "DataFetchingException"
    assert error["extensions"] == {"classification": "DataFetchingException"}
    assert error["path"] == ["order"]
    assert error["message"] == (
        "Exception while fetching data (/order) : Unable to find order matching identifier"
    )


def test_update_status_appends_to_a_known_order_only(api) -> None:
    session_id = api.new_session()
    api.data(PLACE_ORDER, {"id": session_id, "number": "7", "items": []})
    status = """mutation S($n: String!) {
      updateStatus(number: $n, params: { orderStatus: "shipped", paymentProvider: "klarna",
                                         statusDate: "2024-05-01T10:00:00" }) {
        statuses { orderStatus date }
      }
    }"""
    data = api.data(status, {"n": "7"})
    assert data["updateStatus"]["statuses"][-1] == {
        "orderStatus": "shipped",
        "date": "2024-05-01T10:00:00",
    }
    unknown = api.graphql(status, {"n": "8"})
    assert unknown["data"] == {"updateStatus": None}
    assert unknown["errors"][0]["message"] == (
        "Exception while fetching data (/updateStatus) : Unable to find order matching identifier"
    )


def test_identities_are_upserted_and_read_back(api) -> None:
    upsert = """mutation I($identity: InputIdentity) {
      upsertIdentity(identity: $identity) { email attributes { name value } }
    }"""
    api.data(
        upsert,
        {
            "identity": {
                "email": "a@example.com",
                "attributes": [
                    {"name": "tier", "value": "gold"},
                    {"name": "city", "value": "Oulu"},
                ],
            }
        },
    )
    api.data(
        upsert,
        {
            "identity": {
                "email": "a@example.com",
                "attributes": [{"name": "tier", "value": "platinum"}],
            }
        },
    )
    data = api.data('{ identity(email: "a@example.com") { attributes { name value } } }')
    assert data["identity"]["attributes"] == [
        {"name": "tier", "value": "platinum"},
        {"name": "city", "value": "Oulu"},
    ]
    missing = api.graphql('{ identity(email: "b@example.com") { email } }')
    assert missing["data"] == {"identity": None}


def test_analytics_events_are_validated_and_recorded(api, sandbox) -> None:
    session_id = api.new_session()
    record = """mutation R($id: String!, $params: InputRecordAnalyticsEventParams!) {
      recordAnalyticsEvent(id: $id, by: BY_CID, params: $params) { message errors { field } }
    }"""
    click = {
        "type": "SEARCH",
        "timestamp": "2024-05-01T10:00:00Z",
        "searchClick": {"productId": "A", "metadata": {"query": "tent"}},
    }
    ok = api.data(record, {"id": session_id, "params": click})["recordAnalyticsEvent"]
    assert ok["errors"] == []
    mismatched = {**click, "type": "CATEGORY"}
    bad = api.data(record, {"id": session_id, "params": mismatched})["recordAnalyticsEvent"]
    assert [e["field"] for e in bad["errors"]] == ["searchClick"]
    assert len(sandbox.state.analytics_events) == 1
