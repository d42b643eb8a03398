"""Executing GraphQL documents against the bundled schema, answering in graphql-java's shape.

Nosto runs graphql-java, so errors carry `errorType` (and `extensions.classification`):
"InvalidSyntax" for a document that does not parse, "ValidationError" for one that breaks the
schema or the spec's rules (an unused declared variable among them, which Nosto is known to
reject) or whose variables do not fit — those come back without `data` — and
"DataFetchingException" for a resolver failure, which nulls only the failing field.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from typing import Any

from graphql import (
    ExecutionResult,
    GraphQLError,
    GraphQLScalarType,
    GraphQLSchema,
    StringValueNode,
    build_schema,
    execute,
    parse,
    validate,
)

from .._facts import (
    GRAPHQL_ERROR_DATA_FETCHING,
    GRAPHQL_ERROR_INVALID_SYNTAX,
    GRAPHQL_ERROR_VALIDATION,
)
from .._schema import bundled_schema_sdl
from .._timestamps import InvalidTimestamp, parse_local_date_time
from . import _pages, _resolvers_catalog, _resolvers_orders, _resolvers_recos, _resolvers_sessions
from ._context import FetchError, RequestContext

logger = logging.getLogger("nosto_gql.sandbox")

Resolver = Callable[..., Any]
_RESOLVER_TABLES: tuple[Mapping[str, Mapping[str, Resolver]], ...] = (
    _resolvers_catalog.RESOLVERS,
    _resolvers_sessions.RESOLVERS,
    _resolvers_orders.RESOLVERS,
    _resolvers_recos.RESOLVERS,
    _pages.RESOLVERS,
)


def _parse_local_date_time(value: Any) -> str:
    # graphql-java's LocalDateTime refuses text that is not an ISO date-time without a zone.
    if not isinstance(value, str):
        raise GraphQLError("LocalDateTime must be a string such as 2011-12-03T10:17:30")
    try:
        parse_local_date_time(value)
    except InvalidTimestamp as problem:
        raise GraphQLError(f"Invalid LocalDateTime value: {problem}") from None
    return value


def _parse_local_date_time_literal(node: Any, _variables: Any = None) -> str:
    if not isinstance(node, StringValueNode):
        raise GraphQLError("LocalDateTime must be a string such as 2011-12-03T10:17:30")
    return _parse_local_date_time(node.value)


@functools.lru_cache(maxsize=1)
def sandbox_schema() -> GraphQLSchema:
    """The bundled schema with the sandbox's resolvers attached (built once per process)."""
    schema = build_schema(bundled_schema_sdl())
    for table in _RESOLVER_TABLES:
        for type_name, resolvers in table.items():
            graphql_type = schema.get_type(type_name)
            fields = getattr(graphql_type, "fields", None)
            for field_name, resolver in resolvers.items():
                if fields is None or field_name not in fields:
                    raise LookupError(f"the schema has no field {type_name}.{field_name}")
                fields[field_name].resolve = resolver
    local_date_time = schema.get_type("LocalDateTime")
    if isinstance(local_date_time, GraphQLScalarType):
        local_date_time.parse_value = _parse_local_date_time  # type: ignore[method-assign]
        local_date_time.parse_literal = _parse_local_date_time_literal  # type: ignore[method-assign,assignment]
    return schema


def _path_text(path: list[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f"/{part}"
    return text


def _error_entry(error: GraphQLError, error_type: str, message: str) -> dict[str, Any]:
    return {
        "message": message,
        "path": list(error.path) if error.path else None,
        "locations": [{"line": loc.line, "column": loc.column} for loc in error.locations or []],
        "extensions": {"classification": error_type},
        "errorType": error_type,
    }


def _fetch_error_entry(error: GraphQLError, request_id: str) -> dict[str, Any]:
    cause = error.original_error
    if cause is not None and not isinstance(cause, (FetchError, GraphQLError)):
        # A sandbox bug rather than a client mistake: keep the traceback for whoever debugs it.
        logger.error("resolver failed (request %s)", request_id, exc_info=cause)
    reason = str(cause) if cause is not None else error.message
    path = _path_text(list(error.path or []))
    return _error_entry(
        error,
        GRAPHQL_ERROR_DATA_FETCHING,
        f"Exception while fetching data ({path}) : {reason}",
    )


def execute_request(
    query: str,
    variables: Mapping[str, Any] | None,
    operation_name: str | None,
    context: RequestContext,
) -> dict[str, Any]:
    """Run one GraphQL request and return the response body (``data`` and/or ``errors``)."""
    schema = sandbox_schema()
    try:
        document = parse(query)
    except GraphQLError as error:
        message = f"Invalid Syntax : {error.message}"
        return {"errors": [_error_entry(error, GRAPHQL_ERROR_INVALID_SYNTAX, message)]}
    problems = validate(schema, document)
    if problems:
        return {
            "errors": [
                _error_entry(p, GRAPHQL_ERROR_VALIDATION, f"Validation error : {p.message}")
                for p in problems
            ]
        }
    # One lock for the whole document: a mutation and the reads it selects see one state.
    with context.state.lock:
        result = execute(
            schema,
            document,
            context_value=context,
            variable_values=dict(variables or {}),
            operation_name=operation_name,
        )
    if not isinstance(result, ExecutionResult):  # pragma: no cover - every resolver is sync
        raise TypeError("the sandbox resolvers must be synchronous")
    if result.data is None and result.errors:
        # Every root field is nullable, so no data at all means execution never started:
        # the variables or the operation name did not fit the document.
        return {
            "errors": [
                _error_entry(e, GRAPHQL_ERROR_VALIDATION, f"Validation error : {e.message}")
                for e in result.errors
            ]
        }
    body: dict[str, Any] = {"data": result.data}
    if result.errors:
        body["errors"] = [_fetch_error_entry(e, context.request_id) for e in result.errors]
    return body
