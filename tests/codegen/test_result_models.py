"""Generated result models: a response missing a field is malformed, unless the field is under
@include/@skip; interfaces and unions validate each concrete type; the package type-checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from nosto_gql import MalformedResponseError, NostoClient, Tokens
from nosto_gql.cli import EXIT_OK, main

REPO = Path(__file__).resolve().parents[2]

SCHEMA = """
type Query {
  node(id: String!): Node
  search(term: String!): [SearchResult!]!
  shelf: Shelf
}
interface Node { id: String! }
type Product implements Node { id: String! name: String price: Float! }
type Category implements Node { id: String! path: String }
type Brand implements Node { id: String! }
union SearchResult = Product | Category
type Shelf { id: String! title: String label: String items: [SearchResult] owner: Product }
"""


def _generate(tmp_path: Path, operations: str, schema: str = SCHEMA) -> Path:
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "ops.graphql").write_text(operations)
    (tmp_path / "schema.graphql").write_text(schema)
    target = tmp_path / "out"
    args = ["--queries", str(tmp_path / "q"), "--schema", str(tmp_path / "schema.graphql")]
    assert main(["generate", *args, "--package", "pk", "--target", str(target)]) == EXIT_OK
    return target


def _validate(target: Path, module: str, model: str, responses: list[Any]) -> list[str]:
    """For each response: repr of the validated model, or 'invalid: <fields>'."""
    probe = f"""
import json, sys
from pydantic import ValidationError
from pk.{module} import {model}
for data in json.loads(sys.argv[1]):
    try:
        print(repr({model}.model_validate(data)))
    except ValidationError as exc:
        print("invalid:", sorted(".".join(map(str, e["loc"])) for e in exc.errors()))
"""
    out = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(responses)],
        cwd=target,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.splitlines()


def _mypy_strict(target: Path, usage: str = "") -> None:
    (target / "usage.py").write_text(usage or "import pk\n")
    cache = target.parent / ".mypy_cache"
    # The editable install's import hook is invisible to mypy: point it at the checkout.
    env = {**os.environ, "MYPYPATH": os.pathsep.join([str(REPO), str(REPO / "generated")])}
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), "pk", "usage.py"],
        cwd=target, capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr


# -- a missing field is malformed ---------------------------------------------------------------


@pytest.mark.parametrize("data", [{}, {"product": {}}, {"product": {"productId": "p"}}])
def test_bundled_client_rejects_a_response_missing_fields(data: dict[str, Any]) -> None:
    def server(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": data})

    client = NostoClient(
        tokens=Tokens(apps="x"), http_client=httpx.Client(transport=httpx.MockTransport(server))
    )
    with pytest.raises(MalformedResponseError):
        client.apps.product_by_id(id="p")


def test_bundled_client_reads_null_fields_as_none() -> None:
    def server(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": {"product": None}})

    client = NostoClient(
        tokens=Tokens(apps="x"), http_client=httpx.Client(transport=httpx.MockTransport(server))
    )
    assert client.apps.product_by_id(id="p").product is None


# -- only fields under @include/@skip may be absent -----------------------------------------------

CONDITIONAL = """
query Conditional($withTitle: Boolean!, $noOwner: Boolean!, $extra: Boolean!) {
  shelf {
    id
    title @include(if: $withTitle)
    ... on Shelf @skip(if: $noOwner) { owner { id price } }
    ...Extra @include(if: $extra)
  }
}
fragment Extra on Shelf { ...Deeper }
fragment Deeper on Shelf { label }
query Plain { shelf { ...Deeper id } }
"""


def test_only_fields_under_include_or_skip_may_be_absent(tmp_path: Path) -> None:
    target = _generate(tmp_path, CONDITIONAL)
    owner = {"id": "o", "price": 1.0}
    full = {"id": "s", "title": "t", "owner": owner, "label": "l"}
    results = _validate(
        target,
        "conditional",
        "Conditional",
        [
            {"shelf": full},
            {"shelf": {"id": "s"}},  # every condition false
            {"shelf": {"title": "t"}},  # `id` has no condition
            {"shelf": {"id": "s", "owner": {"id": "o"}}},  # nor has owner's price
        ],
    )
    assert results[0].startswith("Conditional(") and "title='t'" in results[0]
    assert "title=None" in results[1] and "owner=None" in results[1] and "label=None" in results[1]
    assert results[2] == "invalid: ['shelf.id']"
    assert results[3] == "invalid: ['shelf.owner.price']"
    # `Deeper` is also spread without a condition, but its class is shared: it stays optional.
    assert _validate(target, "plain", "Plain", [{"shelf": {}}]) == ["invalid: ['shelf.id']"]
    _mypy_strict(
        target,
        "from pk.conditional import Conditional\n"
        "def price(result: Conditional) -> float | None:\n"
        "    shelf = result.shelf\n"
        "    return shelf.owner.price if shelf and shelf.owner else None\n",
    )


# -- interfaces and unions ------------------------------------------------------------------------

ABSTRACT = """
query GetNode($id: String!) {
  node(id: $id) {
    __typename
    id
    ... on Product { name price }
    ... on Category { path }
  }
}
query Search($term: String!) {
  search(term: $term) {
    __typename
    ... on Product { id name }
    ... on Category { id path }
  }
}
query ShelfItems { shelf { __typename ...ShelfParts } }
fragment ShelfParts on Shelf { id items { __typename ... on Product { name } } }
"""

USAGE = """
from pk.get_node import GetNode, GetNodeNodeProduct
from pk.search import Search, SearchSearchCategory
from pk.shelf_items import ShelfItems

def price(result: GetNode) -> float | None:
    return result.node.price if isinstance(result.node, GetNodeNodeProduct) else None

def paths(result: Search) -> list[str | None]:
    return [hit.path for hit in result.search if isinstance(hit, SearchSearchCategory)]

def shelf_type(result: ShelfItems) -> str | None:
    return result.shelf.typename__ if result.shelf else None
"""


def test_interfaces_and_unions_validate_each_concrete_type(tmp_path: Path) -> None:
    target = _generate(tmp_path, ABSTRACT)
    product = {"__typename": "Product", "id": "p", "name": "n", "price": 2.0}
    category = {"__typename": "Category", "id": "c", "path": "/a"}
    nodes = _validate(
        target,
        "get_node",
        "GetNode",
        [{"node": product}, {"node": category}, {"node": {"__typename": "Brand", "id": "b"}}],
    )
    assert [line.split("(", 2)[1] for line in nodes] == [
        "node=GetNodeNodeProduct",
        "node=GetNodeNodeCategory",
        "node=GetNodeNodeNode",
    ]
    hits = _validate(target, "search", "Search", [{"search": [product, category]}])
    assert "SearchSearchProduct(" in hits[0] and "SearchSearchCategory(" in hits[0]
    shelf = {"__typename": "ShelfV2", "id": "s", "items": [{"__typename": "Category"}, None]}
    # A type renamed or added on the server is accepted where no union tells types apart.
    shelves = _validate(target, "shelf_items", "ShelfItems", [{"shelf": shelf}])
    assert "typename__='ShelfV2'" in shelves[0] and "ShelfPartsItemsCategory(" in shelves[0]
    _mypy_strict(target, USAGE)
