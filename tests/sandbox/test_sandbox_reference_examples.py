"""Every operation in the reference examples runs against the sandbox without an error.

Variables are made up from each variable's name and type, the way an app would fill them,
after seeding the sandbox with a catalog, a session, an order and an identity to refer to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from graphql import (
    ListTypeNode,
    NamedTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    TypeNode,
    parse,
)
from sandbox_helpers import SandboxHTTP, product

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "reference" / "graphql" / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.graphql")) if EXAMPLES.is_dir() else []

ITEM = {
    "productId": "TENT",
    "skuId": "TENT-G",
    "quantity": 1,
    "unitPrice": 189.0,
    "priceCurrencyCode": "EUR",
    "name": "Tent",
}
BY_TYPE: dict[str, Any] = {
    "Boolean": False,
    "Int": 5,
    "Float": 100.0,
    "String": "x",
    "ImageVersionType": "VERSION_ORIGINAL",
    "ScoringModeType": "VIEWS",
    "RelationModeEntity": "VIEWED_TOGETHER",
    "LookupParams": "BY_CID",
    "CurrencyParams": "EUR",
    "LocalDateTime": "2024-05-01T10:00:00",
    "InputEvent": {"type": "VIEWED_PAGE", "target": "https://shop.example.com/"},
    "InputSearchEventMetadataInputEntity": {"query": "tent", "resultId": "r-1"},
    "InputCategoryEventMetadataInputEntity": {"category": "/Outdoor"},
    "InputItem": ITEM,
    "InputProduct": {"productId": "TENT", "price": 179.0},
    "InputVendorCategoryEntity": {"id": "12", "name": "Outdoor", "fullName": "/Outdoor"},
    "InputIdentity": {
        "email": "shopper@example.com",
        "attributes": [{"name": "tier", "value": "gold"}],
    },
    "InputRecordAnalyticsEventParams": {
        "type": "SEARCH",
        "timestamp": "2024-05-01T10:00:00Z",
        "searchImpression": {"page": 1, "productIds": ["TENT"], "metadata": {"query": "tent"}},
    },
}


def by_name(session_id: str) -> dict[str, Any]:
    return {
        **dict.fromkeys(["id", "customerId", "CID", "sessionId", "customerIdentifier"], session_id),
        **dict.fromkeys(["productId", "productID"], "TENT"),
        **dict.fromkeys(["category", "categoryName", "categoryPath"], "/Outdoor"),
        **dict.fromkeys(["term", "searchTerm"], "tent"),
        **dict.fromkeys(["url", "cartUrl"], "https://shop.example.com/"),
        "email": "shopper@example.com",
        "orderNumber": "1001",
        "timestamp": "2024-05-01T10:00:00Z",
        "productIds": ["TENT"],
        "min": 1,
        "max": 10,
        "hours": 168,
        # A first page: there is no earlier result to continue from.
        "batchToken": None,
        "skipPages": 0,
    }


# Where `$id` names something other than a session.
PER_EXAMPLE = {"11_order": {"id": "1001"}, "13_product_by_id": {"id": "TENT"}}


def value_for(name: str, type_node: TypeNode, named: dict[str, Any]) -> Any:
    if isinstance(type_node, NonNullTypeNode):
        return value_for(name, type_node.type, named)
    if name in named:
        return named[name]
    if isinstance(type_node, ListTypeNode):
        return [value_for("", type_node.type, named)]
    assert isinstance(type_node, NamedTypeNode)
    if type_node.name.value in BY_TYPE:
        return BY_TYPE[type_node.name.value]
    if type_node.name.value.startswith("Input"):
        return {}
    raise AssertionError(f"no made-up value for ${name}: {type_node.name.value}")


@pytest.fixture
def seeded(api: SandboxHTTP) -> str:
    api.upsert(
        [
            product("TENT", categories=["/Outdoor", "/Outdoor/Camping"]),
            product("MAT", categories=["/Outdoor", "/Outdoor/Camping"]),
            product("MUG", categories=["/Kitchen"]),
        ]
    )
    session_id = api.new_session()
    api.data(
        """mutation O($id: String!, $items: [InputItem]!) {
             placeOrder(by: BY_CID, id: $id, params: { order: { number: "1001",
               orderStatus: "paid", purchasedItems: $items } }) { id }
           }""",
        {"id": session_id, "items": [ITEM]},
    )
    api.data('mutation { upsertIdentity(identity: { email: "shopper@example.com" }) { email } }')
    return session_id


@pytest.mark.skipif(not EXAMPLE_FILES, reason="shared reference material not present")
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_reference_example_runs_cleanly(api: SandboxHTTP, seeded: str, path: Path) -> None:
    document = path.read_text()
    (operation,) = [
        d for d in parse(document).definitions if isinstance(d, OperationDefinitionNode)
    ]
    named = {**by_name(seeded), **PER_EXAMPLE.get(path.stem, {})}
    variables = {
        v.variable.name.value: value_for(v.variable.name.value, v.type, named)
        for v in operation.variable_definitions
    }
    body = api.graphql(document, variables)
    assert "errors" not in body, body["errors"]
    assert all(value is not None for value in body["data"].values()), body["data"]
