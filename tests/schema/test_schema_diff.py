"""`diff_schemas`: each kind of change lands in the right category, once, in a stable order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graphql import build_schema, introspection_from_schema

from nosto_gql.schema_tools import (
    ChangeLevel,
    SchemaSourceError,
    diff_schemas,
    has_breaking,
    load_schema,
    summarize,
)

BASE = """
schema { query: query mutation: mutation }
directive @cached(ttl: Int) on FIELD_DEFINITION
type query {
  product(id: String!, currency: String): Product
  products(limit: Int!, offset: Int!): [Product]
  legacy: String
  search(term: String, size: Int = 10): [Product]
}
type mutation { newSession(referer: String): String }
type Product { productId: String name: String price: Float tags: [String] }
enum Sort { VIEWS BUYS }
input InputParams { maxProducts: Int! category: String }
union Entity = Product
type Other { id: String }
"""


def _changes(old_sdl: str, new_sdl: str) -> list[tuple[str, str, str]]:
    changes = diff_schemas(build_schema(old_sdl), build_schema(new_sdl))
    return [(c.level.value, c.kind, c.description) for c in changes]


def _patched(*edits: tuple[str, str]) -> str:
    sdl = BASE
    for old, new in edits:
        assert old in sdl, old
        sdl = sdl.replace(old, new)
    return sdl


def test_identical_schemas_have_no_changes() -> None:
    assert _changes(BASE, BASE) == []


@pytest.mark.parametrize(
    ("edit", "kind", "description"),
    [
        (("  legacy: String\n", ""), "FIELD_REMOVED", "query.legacy was removed."),
        (
            ("products(limit: Int!, offset: Int!): [Product]", "products(limit: Int!): [Product]"),
            "ARG_REMOVED",
            "query.products arg offset was removed.",
        ),
        (
            ("product(id: String!,", "product(id: Int!,"),
            "ARG_CHANGED_KIND",
            "query.product arg id has changed type from String! to Int!.",
        ),
        (
            ("currency: String)", "currency: String!)"),
            "ARG_CHANGED_KIND",
            "query.product arg currency has changed type from String to String!.",
        ),
        (
            ("): [Product]\n  legacy", ", sort: Sort!): [Product]\n  legacy"),
            "REQUIRED_ARG_ADDED",
            "A required arg sort on query.products was added.",
        ),
        (
            (
                "products(limit: Int!, offset: Int!): [Product]",
                "products(limit: Int!, offset: Int!): Other",
            ),
            "FIELD_CHANGED_KIND",
            "query.products changed type from [Product] to Other.",
        ),
        (
            ("price: Float", "price: String"),
            "FIELD_CHANGED_KIND",
            "Product.price changed type from Float to String.",
        ),
        (
            ("enum Sort { VIEWS BUYS }", "enum Sort { VIEWS }"),
            "VALUE_REMOVED_FROM_ENUM",
            "BUYS was removed from enum type Sort.",
        ),
        (
            ("category: String }", "category: String region: String! }"),
            "REQUIRED_INPUT_FIELD_ADDED",
            "A required field region on input type InputParams was added.",
        ),
        (
            ("type Other { id: String }", "input Other { id: String }"),
            "TYPE_CHANGED_KIND",
            "Other changed from an Object type to an Input type.",
        ),
        (("union Entity = Product\n", ""), "TYPE_REMOVED", "Entity was removed."),
        (
            ("directive @cached(ttl: Int) on FIELD_DEFINITION\n", ""),
            "DIRECTIVE_REMOVED",
            "cached was removed.",
        ),
    ],
)
def test_breaking_changes(edit: tuple[str, str], kind: str, description: str) -> None:
    assert ("BREAKING", kind, description) in _changes(BASE, _patched(edit))


@pytest.mark.parametrize(
    ("edit", "kind", "description"),
    [
        (
            ("enum Sort { VIEWS BUYS }", "enum Sort { VIEWS BUYS CLICKS }"),
            "VALUE_ADDED_TO_ENUM",
            "CLICKS was added to enum type Sort.",
        ),
        (
            ("newSession(referer: String)", "newSession(referer: String, customer: String)"),
            "OPTIONAL_ARG_ADDED",
            "An optional arg customer on mutation.newSession was added.",
        ),
        (
            ("category: String }", "category: String skipEvents: Boolean }"),
            "OPTIONAL_INPUT_FIELD_ADDED",
            "An optional field skipEvents on input type InputParams was added.",
        ),
        (
            ("size: Int = 10", "size: Int = 20"),
            "ARG_DEFAULT_VALUE_CHANGE",
            "query.search arg size has changed defaultValue from 10 to 20.",
        ),
        (
            ("term: String,", 'term: String = "",'),
            "ARG_DEFAULT_VALUE_CHANGE",
            "query.search arg term got a default value.",
        ),
        (
            ("union Entity = Product", "union Entity = Product | Other"),
            "TYPE_ADDED_TO_UNION",
            "Other was added to union type Entity.",
        ),
    ],
)
def test_dangerous_changes(edit: tuple[str, str], kind: str, description: str) -> None:
    changes = _changes(BASE, _patched(edit))
    assert changes == [("DANGEROUS", kind, description)]


@pytest.mark.parametrize(
    ("edit", "kind", "description"),
    [
        (
            ("type Other {", "type Brand { name: String }\ntype Other {"),
            "TYPE_ADDED",
            "Object type Brand was added.",
        ),
        (
            ("enum Sort", "enum Currency { EUR }\nenum Sort"),
            "TYPE_ADDED",
            "Enum type Currency was added.",
        ),
        (
            ("input InputParams", "input InputSort { field: String }\ninput InputParams"),
            "TYPE_ADDED",
            "Input type InputSort was added.",
        ),
        (
            ("name: String price", "name: String brand: String price"),
            "FIELD_ADDED",
            "Field Product.brand was added.",
        ),
        (
            ("offset: Int!)", "offset: Int)"),
            "ARG_TYPE_RELAXED",
            "query.products arg offset changed type from Int! to Int.",
        ),
        (
            ("maxProducts: Int!", "maxProducts: Int"),
            "INPUT_FIELD_TYPE_RELAXED",
            "Input field InputParams.maxProducts changed type from Int! to Int.",
        ),
        (
            ("productId: String", "productId: String!"),
            "FIELD_TYPE_NARROWED",
            "Product.productId changed type from String to String!.",
        ),
        (
            ("tags: [String]", "tags: [String!]!"),
            "FIELD_TYPE_NARROWED",
            "Product.tags changed type from [String] to [String!]!.",
        ),
        (
            ("legacy: String", 'legacy: String @deprecated(reason: "use product")'),
            "DEPRECATED",
            "query.legacy was deprecated: use product",
        ),
        (
            ("enum Sort { VIEWS BUYS }", 'enum Sort { VIEWS BUYS @deprecated(reason: "gone") }'),
            "DEPRECATED",
            "Sort.BUYS was deprecated: gone",
        ),
        (
            ("directive @cached", "directive @live on FIELD\ndirective @cached"),
            "DIRECTIVE_ADDED",
            "Directive @live was added.",
        ),
        (
            ("@cached(ttl: Int)", "@cached(ttl: Int, scope: String)"),
            "DIRECTIVE_ARG_ADDED",
            "An optional arg scope on directive @cached was added.",
        ),
        (
            ("on FIELD_DEFINITION", "on FIELD_DEFINITION | OBJECT"),
            "DIRECTIVE_LOCATION_ADDED",
            "OBJECT was added to directive @cached.",
        ),
    ],
)
def test_safe_changes(edit: tuple[str, str], kind: str, description: str) -> None:
    assert _changes(BASE, _patched(edit)) == [("SAFE", kind, description)]


def test_changes_are_ordered_breaking_dangerous_safe_and_summarized() -> None:
    new = _patched(
        ("type Other {", "type Brand { name: String }\ntype Other {"),
        ("enum Sort { VIEWS BUYS }", "enum Sort { VIEWS CLICKS }"),
    )
    changes = diff_schemas(build_schema(BASE), build_schema(new))
    assert [c.level for c in changes] == [
        ChangeLevel.BREAKING,
        ChangeLevel.DANGEROUS,
        ChangeLevel.SAFE,
    ]
    assert str(changes[0]) == "BREAKING: BUYS was removed from enum type Sort."
    assert summarize(changes) == {"breaking": 1, "dangerous": 1, "safe": 1}
    assert has_breaking(changes) and not has_breaking(changes[1:])
    assert changes[2].to_dict() == {
        "level": "SAFE",
        "kind": "TYPE_ADDED",
        "description": "Object type Brand was added.",
    }


def test_built_in_directives_missing_from_an_introspection_are_not_changes() -> None:
    # Older servers (Nosto's 2018 dump) list only @include and @skip.
    introspection = introspection_from_schema(build_schema(BASE))
    builtin = {"include", "skip"}
    introspection["__schema"]["directives"] = [
        d for d in introspection["__schema"]["directives"] if d["name"] in builtin | {"cached"}
    ]
    from nosto_gql.schema_tools import schema_from_introspection

    old = schema_from_introspection(dict(introspection), source="dump")
    assert diff_schemas(old, build_schema(BASE)) == []
    assert diff_schemas(build_schema(BASE), old) == []


def test_load_schema_reads_sdl_and_both_introspection_wrappings(tmp_path: Path) -> None:
    introspection = introspection_from_schema(build_schema(BASE))
    sdl_file = tmp_path / "schema.graphql"
    sdl_file.write_text(BASE)
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"data": introspection}))
    bare = tmp_path / "bare.json"
    bare.write_text("\ufeff" + json.dumps(introspection))  # a BOM is tolerated
    schemas = [load_schema(path) for path in (sdl_file, wrapped, bare)]
    assert all(diff_schemas(schemas[0], other) == [] for other in schemas[1:])
    assert all(diff_schemas(other, schemas[0]) == [] for other in schemas[1:])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.graphql", "type query {\n  a: \n}", "bad.graphql:3:1: Syntax Error"),
        (
            "unknown.graphql",
            "type query {\n  a: Missing\n}",
            "unknown.graphql:2:6: Unknown type 'Missing'.",
        ),
        (
            "noquery.graphql",
            "type Thing { a: String }",
            "noquery.graphql: Query root type must be provided.",
        ),
        ("bad.json", '{"data": {"__schema": ', "bad.json:1:23: invalid JSON"),
        ("other.json", '{"data": {"products": []}}', "other.json: no '__schema' object"),
        ("errors.json", '{"errors": [{"message": "denied"}]}', "carries errors: denied"),
        ("odd-errors.json", '{"errors": ["denied"]}', 'carries errors: ["denied"]'),
        (
            "broken.json",
            '{"__schema": {"queryType": {"name": "q"}}}',
            "not a valid introspection result",
        ),
        ("list.json", "[1]", "list.json: an introspection result is a JSON object"),
    ],
)
def test_load_schema_explains_what_is_wrong(
    tmp_path: Path, name: str, content: str, message: str | None
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(SchemaSourceError) as caught:
        load_schema(path)
    assert str(path) in str(caught.value)
    if message is not None:
        assert message in str(caught.value)


def test_load_schema_names_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.graphql"
    with pytest.raises(SchemaSourceError, match=r"cannot read .*nope\.graphql: No such file"):
        load_schema(missing)


def test_renamed_root_types_are_not_a_change_and_hide_nothing() -> None:
    # Root type names never appear in an operation: Query vs query is no change at all...
    renamed = _patched(
        (
            "schema { query: query mutation: mutation }",
            "schema { query: Query mutation: Mutation }",
        ),
        ("type query {", "type Query {"),
        ("type mutation {", "type Mutation {"),
    )
    assert _changes(BASE, renamed) == []
    # ...while a root field removed at the same time is still reported as breaking.
    dropped = renamed.replace("  legacy: String\n", "")
    assert [(level, description) for level, _, description in _changes(BASE, dropped)] == [
        ("BREAKING", "query.legacy was removed.")
    ]
