"""Schema tooling behind ``nosto-gql schema pull`` and ``nosto-gql schema diff``.

Pull: introspect the live API_APPS schema (or convert a saved introspection result) into SDL.
Diff: grade the changes between two schema versions as breaking, dangerous or safe.
Imported only by those commands and by tests, never by ``import nosto_gql``.
"""

from __future__ import annotations

from ._diff import ChangeLevel, SchemaChange, diff_schemas, has_breaking, summarize
from ._introspection import (
    INTROSPECTION_QUERY,
    SchemaSourceError,
    ensure_schema_definition,
    fetch_introspection,
    load_introspection_file,
    load_schema,
    print_sdl,
    pull_sdl,
    schema_from_introspection,
    schema_from_sdl,
    unwrap_introspection,
)

__all__ = [
    "INTROSPECTION_QUERY",
    "ChangeLevel",
    "SchemaChange",
    "SchemaSourceError",
    "diff_schemas",
    "ensure_schema_definition",
    "fetch_introspection",
    "has_breaking",
    "load_introspection_file",
    "load_schema",
    "print_sdl",
    "pull_sdl",
    "schema_from_introspection",
    "schema_from_sdl",
    "summarize",
    "unwrap_introspection",
]
