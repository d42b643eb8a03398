"""Contract: schema/nosto-apps.graphql keeps what Nosto's 2018 introspection dump says.

The dump (Nosto/example-android, see ../shared/reference/graphql/NOTES.md §1) is the only
machine-made description of the API_APPS schema. Later sources may *add* to it (new types,
fields, arguments, input fields, enum values — each backed by a row in PROVENANCE.md), but every
other difference from the dump, breaking or not, has to be a deliberate one: listed below with
the reason, and described in docs/SCHEMA_DIFFERENCES.md. The test fails when a difference
appears that is not listed, and when a listed one disappears (then the list is stale).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import GraphQLSchema
from schema_helpers import REPO, SCHEMA, reference_dump

from nosto_gql.schema_tools import SchemaChange, diff_schemas, load_schema

DIFFERENCES_DOC = REPO / "docs" / "SCHEMA_DIFFERENCES.md"

# (level, description as `nosto-gql schema diff` prints it) -> (schema coordinate, reason).
# Reasons come from NOTES.md §3 "Contradictions and corrections between sources".
DELIBERATE: dict[tuple[str, str], tuple[str, str]] = {
    (
        "BREAKING",
        "query.products changed type from [RecommendedProduct] to ProductsEntity.",
    ): (
        "query.products",
        "current docs select products(...) { products { ... } }: a wrapper object, not a list",
    ),
    (
        "SAFE",
        "query.products arg offset changed type from Int! to Int.",
    ): (
        "query.products(offset)",
        "third-party catalog code calls products(limit:) without offset, so it cannot be required",
    ),
}

# Kinds of change that only add to the 2018 schema; later sources are free to do that.
ADDITIONS = {
    "TYPE_ADDED",
    "FIELD_ADDED",
    "OPTIONAL_ARG_ADDED",
    "OPTIONAL_INPUT_FIELD_ADDED",
    "VALUE_ADDED_TO_ENUM",
    "DIRECTIVE_ADDED",
}


@pytest.fixture(scope="module")
def changes_since_2018() -> list[SchemaChange]:
    dump: GraphQLSchema = load_schema(reference_dump())
    return diff_schemas(dump, load_schema(SCHEMA))


def _key(change: SchemaChange) -> tuple[str, str]:
    return (change.level.value, change.description)


def test_every_difference_from_2018_other_than_an_addition_is_deliberate(
    changes_since_2018: list[SchemaChange],
) -> None:
    undocumented = [
        str(change)
        for change in changes_since_2018
        if change.kind not in ADDITIONS and _key(change) not in DELIBERATE
    ]
    assert undocumented == [], (
        "schema/nosto-apps.graphql departs from the 2018 introspection dump; if a later source "
        "says so, add the change to DELIBERATE and docs/SCHEMA_DIFFERENCES.md, else fix the SDL"
    )


def test_every_deliberate_difference_still_exists(
    changes_since_2018: list[SchemaChange],
) -> None:
    present = {_key(change) for change in changes_since_2018}
    stale = [f"{level}: {text}" for level, text in DELIBERATE if (level, text) not in present]
    assert stale == [], "listed as deliberate but no longer a difference: remove from DELIBERATE"


def test_nothing_the_2018_schema_had_is_gone(changes_since_2018: list[SchemaChange]) -> None:
    # Not even deliberately: a removal would break operations written against the dump.
    removals = [
        str(change)
        for change in changes_since_2018
        if change.kind.endswith("_REMOVED") or change.kind.startswith("VALUE_REMOVED")
    ]
    assert removals == []


def test_each_deliberate_difference_is_documented() -> None:
    doc = DIFFERENCES_DOC.read_text(encoding="utf-8")
    section = doc.split("## Deliberate differences", 1)[1].split("\n## ", 1)[0]
    bullets = [line for line in section.splitlines() if line.startswith("- ")]
    for coordinate, _reason in DELIBERATE.values():
        assert any(f"`{coordinate}`" in bullet for bullet in bullets), (
            f"docs/SCHEMA_DIFFERENCES.md has no bullet for `{coordinate}`"
        )
    assert len(bullets) == len(DELIBERATE), "one bullet per deliberate difference"


def test_the_dump_converts_to_sdl_that_round_trips(tmp_path: Path) -> None:
    from nosto_gql.schema_tools import load_introspection_file, print_sdl

    dump = load_introspection_file(reference_dump())
    sdl_file = tmp_path / "nosto-2018.graphql"
    sdl_file.write_text(print_sdl(dump))
    assert diff_schemas(dump, load_schema(sdl_file)) == []
    assert diff_schemas(load_schema(sdl_file), dump) == []
