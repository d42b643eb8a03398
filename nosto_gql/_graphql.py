"""Runtime base of every generated GraphQL client: hands operations to the shared transport.

ariadne-codegen generates methods that call ``self.execute(...)`` and ``self.get_data(...)``;
these classes implement both on top of `Transport` / `AsyncTransport`, so auth, retries and error
mapping stay in the transport. Retries follow the operation type: a query can be sent twice, a
mutation (newSession, placeOrder...) never once it may have reached Nosto.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from datetime import datetime
from typing import Any, ClassVar, TypeVar

import httpx
from graphql import GraphQLSyntaxError, OperationDefinitionNode, OperationType, parse
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError, to_jsonable_python

from ._enums import NostoEnum
from ._errors_map import json_document, request_id_of
from ._exceptions import (
    GraphQLError,
    GraphQLResponseError,
    InvalidInputError,
    MalformedResponseError,
)
from ._facts import GRAPHQL
from ._json import compact_json
from ._transport import AsyncTransport, RequestSpec, Transport


@functools.lru_cache(maxsize=512)
def is_query_operation(document: str) -> bool:
    """True when no operation in the document mutates, so sending it twice is harmless.

    A document holding several operations counts as mutating if any of them is a mutation:
    which one runs is chosen by ``operationName``, and guessing wrong could resend an order.
    A document that does not parse is treated as mutating (it is never retried).
    """
    try:
        parsed = parse(document, no_location=True)
    except GraphQLSyntaxError:
        return False
    return all(
        definition.operation is OperationType.QUERY
        for definition in parsed.definitions
        if isinstance(definition, OperationDefinitionNode)
    )


class _Unset:
    """Stand-in for a generated package's UNSET until the package's shim provides its own."""


def encode_variables(variables: dict[str, Any] | None, unset: object) -> dict[str, Any]:
    """JSON-ready variables: UNSET arguments are left out, input models use wire names."""
    if not variables:
        return {}
    encoded = {}
    for name, value in variables.items():
        if value is unset:
            continue
        unknown = list(_unknown_enum_values(value, f"${name}"))
        if unknown:
            raise InvalidInputError(
                "enum values this schema does not know cannot be sent (a typo?)",
                [
                    (where, f"{member.value!r} is not one of {[m.value for m in type(member)]}")
                    for where, member in unknown
                ],
            )
        try:
            encoded[name] = _encode_value(value)
        except (PydanticSerializationError, TypeError, ValueError) as exc:
            raise InvalidInputError(
                f"variable ${name} cannot be sent as JSON",
                [(f"${name}", f"{type(value).__name__} is not JSON-serialisable: {exc}")],
            ) from None
    return encoded


def _unknown_enum_values(value: Any, where: str) -> Iterator[tuple[str, NostoEnum]]:
    """Enum members made up on the fly for unknown strings: fine when they arrive from the
    server (schema evolution), a typo when they are about to be sent."""
    if isinstance(value, NostoEnum):
        if value.is_unknown:
            yield where, value
    elif isinstance(value, BaseModel):
        for field_name in value.model_fields_set:
            yield from _unknown_enum_values(getattr(value, field_name), f"{where}.{field_name}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _unknown_enum_values(item, f"{where}[{index}]")


def _encode_value(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, list):
        return [_encode_value(item) for item in value]
    if isinstance(value, datetime) and value.tzinfo is not None:
        # Nosto's only date-time scalar is LocalDateTime (no zone); see nosto_gql.scalars.
        raise ValueError("LocalDateTime has no time zone: pass a naive datetime")
    return to_jsonable_python(value)


def request_body(query: str, operation_name: str | None, variables: dict[str, Any]) -> bytes:
    payload: dict[str, Any] = {"query": query, "variables": variables}
    if operation_name:
        payload["operationName"] = operation_name
    return compact_json(payload)


def parse_response(response: httpx.Response) -> dict[str, Any]:
    """The ``data`` of a GraphQL response, or a `NostoError` that says what was wrong with it."""
    request_id = request_id_of(response)
    document = json_document(response, "GraphQL response")
    if not isinstance(document, dict):
        raise MalformedResponseError(
            "GraphQL response is not a JSON object", request_id=request_id, body=document
        )
    errors = document.get("errors")
    data = document.get("data")
    if errors is not None:
        if not isinstance(errors, list):
            raise MalformedResponseError(
                "GraphQL response has 'errors' that is not a list",
                request_id=request_id,
                body=document,
            )
        if errors:
            raise GraphQLResponseError(
                [_graphql_error(entry) for entry in errors], data=data, request_id=request_id
            )
    if not isinstance(data, dict):
        raise MalformedResponseError(
            "GraphQL response has no 'data' object", request_id=request_id, body=document
        )
    return data


ResultT = TypeVar("ResultT", bound=BaseModel)


def parse_result(model: type[ResultT], response: httpx.Response) -> ResultT:
    """The operation's typed result; a body of another shape is a `MalformedResponseError`.

    A response with ``errors`` raises `GraphQLResponseError` carrying the typed partial result
    (fields under an error's path read as null) as ``.partial``.
    """
    try:
        data = parse_response(response)
    except GraphQLResponseError as error:
        if isinstance(error.data, dict):
            try:
                partial = _validated(model, _null_error_paths(error.data, error.errors), response)
            except MalformedResponseError:
                partial = None  # the raw .data is still there; the GraphQL error is what matters
            error.partial = partial
        raise
    return _validated(model, data, response)


def _null_error_paths(data: dict[str, Any], errors: list[GraphQLError]) -> dict[str, Any]:
    """A copy of ``data`` in which the value at each error's path is null, as the GraphQL spec
    says it must be (a server that also sent a value there is not trusted)."""
    result = copy.deepcopy(data)
    for error in errors:
        if error.path:
            _set_null(result, error.path)
    return result


def _set_null(node: Any, path: tuple[str | int, ...]) -> None:
    *parents, last = path
    for key in parents:
        node = node[key] if _has(node, key) else None
    if _has(node, last):
        node[last] = None


def _has(node: Any, key: str | int) -> bool:
    if isinstance(node, dict):
        return isinstance(key, str) and key in node
    return isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)


def _validated(model: type[ResultT], data: Any, response: httpx.Response) -> ResultT:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "data"
        raise MalformedResponseError(
            f"response does not match the {model.__name__} result type "
            f"({exc.error_count()} problem(s); first at {where}: {first['msg']}); the schema "
            "bundled with this client may be out of date",
            request_id=request_id_of(response),
            body=data,
        ) from None


def _graphql_error(entry: Any) -> GraphQLError:
    """One ``errors`` entry, tolerating the odd shapes servers send (nothing is dropped)."""
    if not isinstance(entry, dict):
        return GraphQLError(message=str(entry))
    path = entry.get("path")
    extensions = entry.get("extensions")
    error_type = entry.get("errorType")
    return GraphQLError(
        message=str(entry.get("message", "unknown error")),
        path=tuple(p for p in path if isinstance(p, str | int)) if isinstance(path, list) else None,
        locations=_locations(entry.get("locations")),
        extensions=extensions if isinstance(extensions, dict) else {},
        error_type=error_type if isinstance(error_type, str) else None,
    )


def _locations(value: Any) -> tuple[tuple[int, int], ...] | None:
    if not isinstance(value, list):
        return None
    found = []
    for location in value:
        if isinstance(location, dict):
            line, column = location.get("line"), location.get("column")
            if isinstance(line, int) and isinstance(column, int):
                found.append((line, column))
    return tuple(found)


class _GraphQLClientBase:
    """What the sync and async bases share: request building and response parsing."""

    # Generated packages set this to their own UNSET sentinel (see the codegen templates).
    unset: ClassVar[object] = _Unset()

    def request_spec(
        self, query: str, operation_name: str | None, variables: dict[str, Any] | None
    ) -> RequestSpec:
        return RequestSpec(
            GRAPHQL.family,
            GRAPHQL.method,
            GRAPHQL.path,
            idempotent=is_query_operation(query),
            content=request_body(query, operation_name, encode_variables(variables, self.unset)),
            content_type="application/json",
        )

    def get_data(self, response: httpx.Response) -> dict[str, Any]:
        return parse_response(response)

    def parse_result(self, model: type[ResultT], response: httpx.Response) -> ResultT:
        return parse_result(model, response)


class GraphQLClient(_GraphQLClientBase):
    """Synchronous base of generated clients. Construct it with the client's `Transport`."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    def execute(
        self,
        query: str,
        operation_name: str | None = None,
        variables: dict[str, Any] | None = None,
    ) -> httpx.Response:
        return self.transport.send(self.request_spec(query, operation_name, variables))


class AsyncGraphQLClient(_GraphQLClientBase):
    """Asynchronous base of generated clients. Construct it with the client's `AsyncTransport`."""

    def __init__(self, transport: AsyncTransport) -> None:
        self.transport = transport

    async def execute(
        self,
        query: str,
        operation_name: str | None = None,
        variables: dict[str, Any] | None = None,
    ) -> httpx.Response:
        return await self.transport.send(self.request_spec(query, operation_name, variables))
