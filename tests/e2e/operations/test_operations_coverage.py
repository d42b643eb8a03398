"""The bundled operations cover the schema, are documented, and are all exercised by tests."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    build_schema,
    parse,
)

from nosto_gql_apps.async_client import AsyncAppsClient
from nosto_gql_apps.client import AppsClient

ROOT = Path(__file__).resolve().parents[3]
QUERIES = ROOT / "queries"
SCHEMA = ROOT / "schema" / "nosto-apps.graphql"
README = ROOT / "README.md"
HERE = Path(__file__).resolve().parent

# Methods the demo, the README and earlier releases use: they must keep these parameters.
STABLE_SIGNATURES = {
    "toplist": ["hours", "sort", "params", "image", "preview"],
    "related_products": ["product_ids", "relationship", "params", "image", "preview"],
    "search_products": ["term", "params", "image", "preview"],
    "product_by_id": ["id"],
    "list_products": ["limit", "offset", "sort", "filter_"],
    "new_session": ["referer", "customer"],
    "update_session": ["id", "params", "by"],
    "front_page_recommendations": ["id", "params", "page_params", "by"],
    "product_page_recommendations": ["id", "product_id", "ref", "page_params", "by"],
    "place_order": ["id", "order", "customer", "by"],
}


def bundled_document() -> DocumentNode:
    # Fragments are shared across files, so the files form one document.
    text = "\n".join(path.read_text() for path in sorted(QUERIES.glob("*.graphql")))
    return parse(text)


def root_fields(
    selection_set: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode]
) -> set[str]:
    found: set[str] = set()
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            found.add(selection.name.value)
        elif isinstance(selection, InlineFragmentNode):
            found |= root_fields(selection.selection_set, fragments)
        elif isinstance(selection, FragmentSpreadNode):
            found |= root_fields(fragments[selection.name.value].selection_set, fragments)
    return found


def used_root_fields() -> dict[OperationType, set[str]]:
    document = bundled_document()
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    used: dict[OperationType, set[str]] = {
        OperationType.QUERY: set(),
        OperationType.MUTATION: set(),
    }
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            used[definition.operation] |= root_fields(definition.selection_set, fragments)
    return used


def client_methods() -> list[str]:
    return sorted(
        name
        for name, member in vars(AppsClient).items()
        if inspect.isfunction(member) and not name.startswith("_")
    )


@pytest.mark.parametrize("kind", [OperationType.QUERY, OperationType.MUTATION])
def test_every_root_field_is_used_by_a_bundled_operation(kind: OperationType) -> None:
    schema = build_schema(SCHEMA.read_text())
    root = schema.query_type if kind is OperationType.QUERY else schema.mutation_type
    assert root is not None
    missing = set(root.fields) - used_root_fields()[kind]
    assert not missing, f"root {kind.value} fields no operation in queries/ uses: {missing}"


def test_every_method_has_a_docstring_sync_and_async() -> None:
    methods = client_methods()
    assert len(methods) >= 40
    for name in methods:
        for klass in (AppsClient, AsyncAppsClient):
            doc = inspect.getdoc(getattr(klass, name)) or ""
            assert len(doc) > 40, f"{klass.__name__}.{name} needs a helpful docstring"


def test_every_method_is_run_by_the_operation_tests() -> None:
    tests = "\n".join(
        path.read_text() for path in HERE.glob("test_operations_*.py") if path != Path(__file__)
    )
    not_run = [name for name in client_methods() if not re.search(rf"\.{name}\(", tests)]
    assert not not_run, f"methods no end-to-end test calls: {not_run}"


def test_readme_lists_every_bundled_operation() -> None:
    readme = README.read_text()
    missing = [name for name in client_methods() if f"`{name}(" not in readme]
    assert not missing, f"methods missing from the README's table of operations: {missing}"


@pytest.mark.parametrize("name", sorted(STABLE_SIGNATURES))
def test_existing_methods_keep_their_parameters(name: str) -> None:
    for klass in (AppsClient, AsyncAppsClient):
        parameters = list(inspect.signature(getattr(klass, name)).parameters)[1:]
        expected = STABLE_SIGNATURES[name]
        assert parameters[: len(expected)] == expected, f"{klass.__name__}.{name}"
