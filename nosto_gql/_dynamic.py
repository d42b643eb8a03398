"""Ad-hoc GraphQL documents: local validation and the request to send, for `client.graphql()`
and the gql transports in `nosto_gql.dynamic`.

Typed operations are checked at generation time; a document built at run time is checked here,
against the schema bundled with the client, before anything is sent. The live schema may be
ahead of the bundled one, so every check can be switched off (``validate=False``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    OperationDefinitionNode,
    Source,
    build_schema,
    parse,
)
from graphql import validate as validate_document
from graphql.execution.values import get_variable_values

from ._exceptions import ConfigurationError, InvalidInputError
from ._facts import GRAPHQL
from ._graphql import encode_variables, is_query_operation, request_body
from ._schema import bundled_schema_sdl
from ._transport import RequestSpec

JSON_CONTENT_TYPE = "application/json"
# Nosto documents a raw document body for operations without variables.
GRAPHQL_CONTENT_TYPE = "application/graphql"
CONTENT_TYPES = (JSON_CONTENT_TYPE, GRAPHQL_CONTENT_TYPE)

_AHEAD_HINT = "pass validate=False if Nosto's live schema is ahead of the bundled one"
# Variables are sent as given; only a generated package's UNSET is dropped, and there is none.
_NO_UNSET = object()


@functools.lru_cache(maxsize=1)
def bundled_schema() -> GraphQLSchema:
    """The bundled API_APPS schema, built once per process (without the sandbox's resolvers)."""
    return build_schema(bundled_schema_sdl())


def _problem(error: GraphQLError) -> tuple[str, str]:
    where = ", ".join(f"{loc.line}:{loc.column}" for loc in error.locations or ()) or "document"
    return where, error.message


def parse_document(document: str) -> DocumentNode:
    """The parsed document; a syntax error is an `InvalidInputError` naming line:col."""
    if not isinstance(document, str):
        raise InvalidInputError(f"document must be a str, not {type(document).__name__}")
    try:
        return parse(Source(document, "GraphQL document"))
    except GraphQLSyntaxError as exc:
        raise InvalidInputError("GraphQL document does not parse", [_problem(exc)]) from None


def check_document(
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> None:
    """Raise `InvalidInputError` unless the document, the operation to run and the variables
    are valid against the bundled schema (graphql-core's rules, including NoUnusedVariables,
    which Nosto also enforces)."""
    schema = bundled_schema()
    errors = validate_document(schema, document)
    if errors:
        raise InvalidInputError(
            f"GraphQL document is not valid against the bundled schema ({_AHEAD_HINT})",
            [_problem(error) for error in errors],
        )
    operation = _operation(document, operation_name)
    declared = {definition.variable.name.value for definition in operation.variable_definitions}
    # graphql-core (and Nosto) ignore undeclared variables; locally that is almost always a typo.
    undeclared = sorted(set(variables or {}) - declared)
    if undeclared:
        raise InvalidInputError(
            "variables not declared by the operation",
            [
                (f"${name}", f"declared: {', '.join(sorted(declared)) or 'none'}")
                for name in undeclared
            ],
        )
    coerced = get_variable_values(schema, operation.variable_definitions, dict(variables or {}))
    if isinstance(coerced, list):
        raise InvalidInputError(
            "variables do not match the operation's declarations",
            [_problem(error) for error in coerced],
        )


def _operation(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    names = [op.name.value for op in operations if op.name]
    if operation_name is not None:
        for operation in operations:
            if operation.name and operation.name.value == operation_name:
                return operation
        raise InvalidInputError(
            f"operation_name {operation_name!r} is not in the document "
            f"(it defines {', '.join(names) or 'no named operation'})"
        )
    if len(operations) != 1:
        # validate() already refused a document without operations (or with only fragments).
        raise InvalidInputError(
            f"the document defines {len(operations)} operations ({', '.join(names)}); "
            "pass operation_name= to choose one"
        )
    return operations[0]


def checked_content_type(content_type: str) -> str:
    normalized = content_type.strip().lower() if isinstance(content_type, str) else content_type
    if normalized not in CONTENT_TYPES:
        raise ConfigurationError(
            f"content_type must be {JSON_CONTENT_TYPE!r} or {GRAPHQL_CONTENT_TYPE!r}, "
            f"got {content_type!r}"
        )
    return str(normalized)


def graphql_spec(
    document: str,
    variables: Mapping[str, Any] | None = None,
    operation_name: str | None = None,
    *,
    content_type: str = JSON_CONTENT_TYPE,
    validate: bool = True,
) -> RequestSpec:
    """The request for one raw GraphQL call, checked before anything is sent.

    Queries may be retried; a document holding a mutation (or that does not parse) never is.
    """
    content_type = checked_content_type(content_type)
    if content_type == GRAPHQL_CONTENT_TYPE and (variables or operation_name is not None):
        given = "variables" if variables else "operation_name"
        raise InvalidInputError(
            f"{given} cannot be sent with content_type={GRAPHQL_CONTENT_TYPE!r}, whose body is "
            f"only the document; use content_type={JSON_CONTENT_TYPE!r} (the default) for "
            "variables and operation names"
        )
    if variables is not None and not isinstance(variables, Mapping):
        raise InvalidInputError(f"variables must be a mapping, not {type(variables).__name__}")
    encoded = encode_variables(dict(variables or {}), _NO_UNSET)
    if validate:
        check_document(parse_document(document), operation_name, encoded)
    elif not isinstance(document, str):
        raise InvalidInputError(f"document must be a str, not {type(document).__name__}")
    if content_type == GRAPHQL_CONTENT_TYPE:
        body = document.encode("utf-8")
    else:
        body = request_body(document, operation_name, encoded)
    return RequestSpec(
        GRAPHQL.family,
        GRAPHQL.method,
        GRAPHQL.path,
        idempotent=is_query_operation(document),
        content=body,
        content_type=content_type,
    )
