"""Session-less recommenders (`recos`): they are computed from the catalog and statistics."""

from __future__ import annotations

import logging

from sandbox_helpers import product

RECOS = """query Recos($params: InputRecommenderParams!, $sort: ScoringModeType!) {
  recos(preview: false, image: VERSION_ORIGINAL) {
    toplist(hours: 168, sort: $sort, params: $params) {
      resultId totalPrimaryCount primary { productId }
    }
  }
}"""

RELATED = """query Related($ids: [String]!, $params: InputRecommenderParams!) {
  recos(preview: false, image: VERSION_ORIGINAL) {
    related(productIds: $ids, relationship: VIEWED_TOGETHER, params: $params) {
      primary { productId }
    }
  }
}"""

SEARCH = """query Search($term: String!, $params: InputRecommenderParams!) {
  recos(preview: false, image: VERSION_ORIGINAL) {
    search(term: $term, params: $params) { resultId primary { productId } }
  }
}"""

RANDOM = """query Random($params: InputRecommenderParams!) {
  recos(preview: true, image: VERSION_ORIGINAL) {
    random(params: $params) { primary { productId } }
  }
}"""

PLACE_ORDER = """mutation Buy($id: String!, $number: String!, $items: [InputItem]!) {
  placeOrder(by: BY_CID, id: $id,
             params: { order: { number: $number, orderStatus: "paid", purchasedItems: $items } }) {
    id
  }
}"""


def toplist(api, sort: str = "VIEWS", **params) -> list[str]:
    data = api.data(RECOS, {"sort": sort, "params": params})
    return [p["productId"] for p in data["recos"]["toplist"]["primary"]]


def related(api, ids: list[str], **params) -> list[str]:
    data = api.data(RELATED, {"ids": ids, "params": params})
    return [p["productId"] for p in data["recos"]["related"]["primary"]]


def search(api, term: str, **params) -> list[str]:
    data = api.data(SEARCH, {"term": term, "params": params})
    return [p["productId"] for p in data["recos"]["search"]["primary"]]


def buy(api, session_id: str, number: str, *product_ids: str, **headers: str) -> None:
    items = [{"productId": pid, "quantity": 1, "unitPrice": 10.0} for pid in product_ids]
    api.data(PLACE_ORDER, {"id": session_id, "number": number, "items": items}, headers=headers)


def test_toplist_by_views_follows_recorded_views(api) -> None:
    api.upsert([product("A"), product("B"), product("C")])
    assert toplist(api) == ["A", "B", "C"], "without statistics, ties go by product id"
    session = api.new_session()
    for product_id in ["C", "C", "B", "C", "B", "A"]:
        api.view(session, product_id)
    assert toplist(api) == ["C", "B", "A"]
    api.view(session, "A")
    api.view(session, "A")
    assert toplist(api) == ["A", "C", "B"]


def test_toplist_by_buys_follows_placed_orders(api, sandbox) -> None:
    api.upsert([product("A"), product("B"), product("C")])
    session = api.new_session()
    buy(api, session, "1001", "B", "C")
    buy(api, session, "1002", "C")
    assert toplist(api, "BUYS") == ["C", "B", "A"]
    assert sandbox.state.buy_count("C") == 2
    data = api.data(RECOS, {"sort": "BUYS", "params": {}})
    assert data["recos"]["toplist"]["resultId"] == "api-toplist-buys"


def test_a_resent_order_is_kept_once_but_counted_and_flagged_every_time(
    api, sandbox, caplog
) -> None:
    # Hiding a double-sent placeOrder would hide a double-counted sale in the user's own app.
    api.upsert([product("A"), product("B")])
    session = api.new_session()
    buy(api, session, "1001", "A")
    assert sandbox.state.duplicate_orders == {}
    with caplog.at_level(logging.WARNING, logger="nosto_gql.sandbox"):
        buy(api, session, "1001", "B")
        buy(api, session, "1001", "B")
    (order,) = sandbox.state.orders.values()
    assert order.times_placed == 3
    assert order.items[0]["productId"] == "A", "the first placing's details are kept"
    assert sandbox.state.duplicate_orders == {"1001": 3}
    assert (sandbox.state.buy_count("A"), sandbox.state.buy_count("B")) == (1, 2)
    assert sandbox.state.sessions[session].order_numbers == ["1001"]
    warnings = [r.getMessage() for r in caplog.records if r.name == "nosto_gql.sandbox"]
    assert len(warnings) == 2 and all("'1001'" in w for w in warnings)


def test_the_toplist_window_leaves_out_older_activity(api, clock) -> None:
    api.upsert([product("A"), product("B")])
    session = api.new_session()
    api.view(session, "B")
    clock.advance(hours=170)
    api.view(api.new_session(), "A")
    assert toplist(api) == ["A", "B"]


def test_ignored_traffic_works_but_does_not_count(api, sandbox) -> None:
    api.upsert([product("A"), product("B")])
    session = api.new_session()
    ignore = {"X-Nosto-Ignore": "True"}
    api.view(session, "B", headers=ignore)
    api.view(session, "B", headers=ignore)
    buy(api, session, "2001", "B", **ignore)
    assert sandbox.state.view_count("B") == 0
    assert sandbox.state.buy_count("B") == 0
    assert "2001" in sandbox.state.orders, "the order itself is still recorded"
    assert sandbox.state.sessions[session].viewed_product_ids == ["B", "B"]
    assert toplist(api) == ["A", "B"]
    assert toplist(api, "BUYS") == ["A", "B"]
    assert sandbox.state.requests[-3].ignored_traffic
    api.view(session, "B")
    assert toplist(api) == ["B", "A"]


def test_only_in_stock_products_are_recommended(api) -> None:
    api.upsert(
        [
            product("IN"),
            product("OUT", availability="OutOfStock"),
            product("GONE", availability="Discontinued"),
            product("HIDDEN", availability="Invisible"),
        ]
    )
    session = api.new_session()
    for product_id in ["OUT", "GONE", "HIDDEN"]:
        api.view(session, product_id)
    assert toplist(api) == ["IN"]


def test_max_and_min_products_size_the_result(api) -> None:
    api.upsert([product(pid) for pid in "ABCDE"])
    assert toplist(api, maxProducts=2) == ["A", "B"]
    assert len(toplist(api)) == 5
    assert toplist(api, minProducts=6, maxProducts=10) == [], "a result short of min is empty"
    body = api.graphql(RECOS, {"sort": "VIEWS", "params": {"minProducts": 3, "maxProducts": 2}})
    assert body["data"]["recos"]["toplist"] is None
    assert body["errors"][0]["errorType"] == "DataFetchingException"


def test_include_and_exclude_filters(api) -> None:
    api.upsert(
        [
            product("A", brand="Acme", price=5.0, categories=["/Shoes"]),
            product("B", brand="Bolt", price=50.0, categories=["/Shoes/Boots"]),
            product("C", brand="Acme", price=500.0, categories=["/Hats"], list_price=600.0),
        ]
    )
    assert toplist(api, include={"brands": ["acme"]}) == ["A", "C"]
    assert toplist(api, include={"categories": ["/Shoes"]}) == ["A", "B"]
    assert toplist(api, include={"price": {"min": 10, "max": 100}}) == ["B"]
    assert toplist(api, include={"productIds": ["C", "A"]}) == ["A", "C"]
    assert toplist(api, include={"discounted": True}) == ["C"]
    assert toplist(api, exclude={"brands": ["Acme"]}) == ["B"]
    assert toplist(api, exclude={"productIds": ["B"], "categories": ["/Hats"]}) == ["A"]


def test_related_ranks_by_shared_categories_and_leaves_out_the_seeds(api) -> None:
    api.upsert(
        [
            product("TENT", categories=["/Outdoor", "/Outdoor/Camping", "/Outdoor/Camping/Tents"]),
            product("MAT", categories=["/Outdoor", "/Outdoor/Camping"]),
            product("JACKET", categories=["/Outdoor", "/Clothing"]),
            product("MUG", categories=["/Kitchen"]),
            product("STOVE", categories=["/Outdoor", "/Outdoor/Camping"]),
        ]
    )
    assert related(api, ["TENT"]) == ["MAT", "STOVE", "JACKET"]
    assert related(api, ["TENT", "MAT"]) == ["STOVE", "JACKET"]
    assert related(api, ["UNKNOWN"]) == []


def test_search_matches_words_in_name_brand_category_and_description(api) -> None:
    api.upsert(
        [
            product("T1", name="Trailhead Two-Person Tent", categories=["/Camping/Tents"]),
            product("T2", name="Ultralight Shelter", description="A one-person tent"),
            product("M1", name="Enamel Camp Mug", brand="Trailhead"),
            product("X", name="Sofa"),
        ]
    )
    assert search(api, "TENT") == ["T1", "T2"]
    assert search(api, "trailhead") == ["T1", "M1"]
    assert search(api, "trailhead tent") == ["T1", "M1", "T2"]
    assert search(api, "piano") == []


def test_random_is_deterministic_and_honours_the_size(api) -> None:
    api.upsert([product(f"P{n:02d}") for n in range(20)])

    def pick() -> list[str]:
        data = api.data(RANDOM, {"params": {"maxProducts": 5}})
        return [p["productId"] for p in data["recos"]["random"]["primary"]]

    first = pick()
    assert len(first) == len(set(first)) == 5
    assert pick() == first
    assert first != [f"P{n:02d}" for n in range(5)], "a random pick is not catalog order"


def test_live_shows_the_latest_activity_first(api) -> None:
    api.upsert([product("A"), product("B"), product("C")])
    session = api.new_session()
    for product_id in ["A", "B", "A"]:
        api.view(session, product_id)
    data = api.data(
        """{ recos(preview: false, image: VERSION_ORIGINAL) {
               live(params: {}) { primary { productId } } } }"""
    )
    assert [p["productId"] for p in data["recos"]["live"]["primary"]] == ["A", "B"]
