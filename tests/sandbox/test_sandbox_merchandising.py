"""Category merchandising (CM 1.0), attribution parameters and price variations."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from sandbox_helpers import product

CATEGORY = """query CM($id: String!, $category: String!, $max: Int, $skipPages: Int,
                   $batchToken: String, $attribution: Boolean) {
  session(by: BY_CID, id: $id) {
    recos(preview: false, image: VERSION_ORIGINAL, addAttributionParameters: $attribution) {
      category(category: $category, maxProducts: $max, skipPages: $skipPages,
               batchToken: $batchToken, skipVCEvent: true) {
        resultId totalPrimaryCount batchToken primary { productId url }
      }
    }
  }
}"""


def listing(api, **variables) -> dict:
    variables.setdefault("attribution", False)
    return api.data(CATEGORY, variables)["session"]["recos"]["category"]


def ids(result: dict) -> list[str]:
    return [p["productId"] for p in result["primary"]]


def test_category_listing_pages_with_skip_pages_and_batch_tokens(api) -> None:
    api.upsert(
        [product(f"S{n}", categories=["/Shoes", "/Shoes/Boots"]) for n in range(5)]
        + [product("HAT", categories=["/Hats"])]
    )
    session_id = api.new_session()
    api.view(session_id, "S3")
    first = listing(api, id=session_id, category="/Shoes", max=2)
    assert ids(first) == ["S3", "S0"], "most viewed first, then by id"
    assert first["totalPrimaryCount"] == 5
    assert first["resultId"] == listing(api, id=session_id, category="shoes", max=2)["resultId"]
    second = listing(api, id=session_id, category="/Shoes", max=2, batchToken=first["batchToken"])
    assert ids(second) == ["S1", "S2"]
    third = listing(api, id=session_id, category="/Shoes", max=2, batchToken=second["batchToken"])
    assert ids(third) == ["S4"]
    assert third["batchToken"] is None, "no token after the last page"
    assert ids(listing(api, id=session_id, category="/Shoes", max=2, skipPages=1)) == ids(second)


def test_a_foreign_batch_token_is_refused(api) -> None:
    api.upsert([product(f"S{n}", categories=["/Shoes"]) for n in range(3)])
    session_id = api.new_session()
    token = listing(api, id=session_id, category="/Shoes", max=1)["batchToken"]
    body = api.graphql(
        CATEGORY, {"id": session_id, "category": "/Hats", "max": 1, "batchToken": token}
    )
    assert body["errors"][0]["errorType"] == "DataFetchingException"


def test_attribution_parameters_name_the_result(api) -> None:
    api.upsert([product("S1", categories=["/Shoes"], url="https://shop.example.com/s1?c=red")])
    session_id = api.new_session()
    result = listing(api, id=session_id, category="/Shoes", attribution=True)
    query = parse_qs(urlsplit(result["primary"][0]["url"]).query)
    assert query == {"c": ["red"], "nosto_source": ["cmp"], "nosto": [result["resultId"]]}
    plain = listing(api, id=session_id, category="/Shoes")
    assert plain["primary"][0]["url"] == "https://shop.example.com/s1?c=red"


def test_a_variation_id_prices_products_for_that_customer_group(api) -> None:
    b2b = {"price": 80.0, "price_currency_code": "EUR", "availability": "InStock"}
    upserted = api.upsert(
        [product("A", price=100.0, variation_id="GENERAL", variations={"B2B": b2b})]
    )
    assert upserted.status_code == 200, upserted.text
    query = """query V($variant: String) {
      recos(preview: true, image: VERSION_ORIGINAL) {
        toplist(hours: 24, sort: VIEWS, params: { variantId: $variant }) {
          primary { price priceText variantId }
        }
      }
    }"""
    wholesale = api.data(query, {"variant": "B2B"})["recos"]["toplist"]["primary"][0]
    assert wholesale == {"price": 80.0, "priceText": "80.00 EUR", "variantId": "B2B"}
    default = api.data(query, {"variant": None})["recos"]["toplist"]["primary"][0]
    assert default == {"price": 100.0, "priceText": "100.00 EUR", "variantId": "GENERAL"}
