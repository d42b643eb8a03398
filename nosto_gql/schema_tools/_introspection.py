"""Schemas from files or from Nosto's introspection, and SDL out.

A schema file is SDL or an introspection result in JSON (``{"data": {"__schema": ...}}`` as a
server answers, or the bare ``{"__schema": ...}``). Nosto names its root types ``query`` and
``mutation`` (lower case), so printed SDL has to carry an explicit ``schema { ... }`` block, or a
reader would look for ``Query`` and find no entry points.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from graphql import (
    GraphQLError,
    GraphQLSchema,
    build_ast_schema,
    build_client_schema,
    get_introspection_query,
    lexicographic_sort_schema,
    parse,
    print_schema,
    validate_schema,
)
from graphql.validation.validate import validate_sdl

from .._errors_map import request_id_of
from .._exceptions import MalformedResponseError, NostoError
from .._facts import GRAPHQL

if TYPE_CHECKING:
    from graphql import IntrospectionQuery

    from .._client import NostoClient

INTROSPECTION_QUERY = get_introspection_query(descriptions=True)

# Root type names print_schema leaves implicit (graphql-core's is_schema_of_common_names).
_COMMON_ROOT_NAMES = {"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}


class SchemaSourceError(NostoError, ValueError):
    """A file (or document) that cannot be read as a GraphQL schema; the message names it."""


def unwrap_introspection(document: Any, *, source: str) -> dict[str, Any]:
    """The ``{"__schema": ...}`` object of an introspection result, with or without ``data``."""
    if not isinstance(document, dict):
        raise SchemaSourceError(f"{source}: an introspection result is a JSON object")
    errors = document.get("errors")
    if errors:
        entry = errors[0] if isinstance(errors, list) else None
        first = entry.get("message") if isinstance(entry, dict) else None
        detail = first if isinstance(first, str) else json.dumps(errors)[:200]
        raise SchemaSourceError(f"{source}: the introspection result carries errors: {detail}")
    if "data" in document:
        document = document["data"]
    schema = document.get("__schema") if isinstance(document, dict) else None
    if not isinstance(schema, dict):
        raise SchemaSourceError(f"{source}: no '__schema' object, not an introspection result")
    return {"__schema": schema}


def schema_from_introspection(introspection: dict[str, Any], *, source: str) -> GraphQLSchema:
    """Build a schema from an unwrapped introspection result (see `unwrap_introspection`)."""
    try:
        schema = build_client_schema(cast("IntrospectionQuery", introspection))
    except KeyError as exc:
        raise SchemaSourceError(
            f"{source}: not a valid introspection result (an entry lacks {exc})"
        ) from None
    except (TypeError, ValueError, AttributeError, GraphQLError) as exc:
        raise SchemaSourceError(f"{source}: not a valid introspection result: {exc}") from None
    _check_valid(schema, source)
    return schema


def schema_from_sdl(sdl: str, *, source: str) -> GraphQLSchema:
    """Build a schema from SDL text; problems are reported as ``source:line:col: message``."""
    try:
        document = parse(sdl)
    except GraphQLError as exc:
        raise SchemaSourceError(_located(source, exc)) from None
    errors = validate_sdl(document)
    if errors:
        raise SchemaSourceError("\n".join(_located(source, error) for error in errors))
    try:
        schema = build_ast_schema(document, assume_valid_sdl=True)
    except (TypeError, GraphQLError) as exc:
        raise SchemaSourceError(f"{source}: {exc}") from None
    _check_valid(schema, source)
    return schema


def load_schema(path: Path) -> GraphQLSchema:
    """A schema from an SDL file or an introspection JSON file (told apart by the content)."""
    text = _read(path)
    # SDL never starts with '{' or '['; JSON does.
    if text.lstrip()[:1] in ("{", "["):
        return schema_from_introspection(_unwrap_json(text, str(path)), source=str(path))
    return schema_from_sdl(text, source=str(path))


def load_introspection_file(path: Path) -> GraphQLSchema:
    """A schema from an introspection JSON file only (what ``schema pull --from-file`` reads)."""
    text = _read(path)
    if not text.lstrip().startswith("{"):
        raise SchemaSourceError(
            f"{path}: not an introspection result (JSON object); SDL is already a schema"
        )
    return schema_from_introspection(_unwrap_json(text, str(path)), source=str(path))


def print_sdl(schema: GraphQLSchema, *, sort: bool = False) -> str:
    """SDL for the schema, ending in a newline, with a ``schema`` block when root names differ
    from Query/Mutation/Subscription (Nosto's ``query``/``mutation``)."""
    if sort:
        schema = lexicographic_sort_schema(schema)
    return ensure_schema_definition(schema, print_schema(schema)).rstrip("\n") + "\n"


def ensure_schema_definition(schema: GraphQLSchema, sdl: str) -> str:
    """Prepend a ``schema { ... }`` block to printed SDL when the root names need one and the
    printer left it out (graphql-core 3.2 prints it itself; this guards the contract)."""
    roots = _root_names(schema)
    if all(_COMMON_ROOT_NAMES[op] == name for op, name in roots.items()):
        return sdl
    if any(line.startswith("schema {") for line in sdl.splitlines()):
        return sdl
    body = "".join(f"  {op}: {name}\n" for op, name in roots.items())
    return f"schema {{\n{body}}}\n\n{sdl}"


def fetch_introspection(client: NostoClient) -> dict[str, Any]:
    """Nosto's introspection result (``{"__schema": ...}``) over the API_APPS endpoint.

    Raises the client's errors: `MissingTokenError` without an API_APPS token,
    `GraphQLResponseError` when the answer carries ``errors``, `MalformedResponseError` when it
    has no ``__schema`` (introspection disabled, or not a GraphQL server).
    """
    from .._graphql import parse_response

    response = client.request(
        GRAPHQL.family,
        GRAPHQL.method,
        GRAPHQL.path,
        json={"query": INTROSPECTION_QUERY},
        idempotent=True,  # introspection is a query: resending it is harmless
    )
    data = parse_response(response)
    if not isinstance(data.get("__schema"), dict):
        raise MalformedResponseError(
            "the introspection response has no '__schema' object",
            request_id=request_id_of(response),
            body=data,
        )
    return {"__schema": data["__schema"]}


def pull_sdl(client: NostoClient, *, sort: bool = False) -> str:
    """The live API_APPS schema as SDL (see `fetch_introspection` for the errors raised)."""
    introspection = fetch_introspection(client)
    try:
        schema = schema_from_introspection(introspection, source="the introspection response")
    except SchemaSourceError as exc:
        # The server's answer is at fault, not anything the user gave: an API problem.
        raise MalformedResponseError(str(exc), body=introspection) from None
    return print_sdl(schema, sort=sort)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SchemaSourceError(f"cannot read {path}: {reason}") from None


def _unwrap_json(text: str, source: str) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as exc:
        where = f":{exc.lineno}:{exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise SchemaSourceError(f"{source}{where}: invalid JSON: {message}") from None
    return unwrap_introspection(document, source=source)


def _root_names(schema: GraphQLSchema) -> dict[str, str]:
    roots = {
        "query": schema.query_type,
        "mutation": schema.mutation_type,
        "subscription": schema.subscription_type,
    }
    return {op: root.name for op, root in roots.items() if root is not None}


def _check_valid(schema: GraphQLSchema, source: str) -> None:
    errors = validate_schema(schema)
    if errors:
        raise SchemaSourceError("\n".join(_located(source, error) for error in errors))


def _located(source: str, error: GraphQLError) -> str:
    if error.locations:
        line, column = error.locations[0]
        return f"{source}:{line}:{column}: {error.message}"
    return f"{source}: {error.message}"
