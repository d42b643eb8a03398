"""gql integration: run runtime-built GraphQL (gql documents, the gql DSL) on nosto-gql's transport.

>>> from gql import gql
>>> gql_client = client.gql_client()           # a gql.Client, validating with the bundled schema
>>> gql_client.execute(gql("{ product(id: \"TENT-1\") { name } }"))

The transports below hand each request to the client's shared `Transport` / `AsyncTransport`,
so a gql call gets the same Basic auth, retries (queries only), errors (`NostoError` subclasses
carrying Nosto's request id) and logging as a typed call. GraphQL ``errors`` in a response raise
`GraphQLResponseError` (with the partial ``data``), not gql's ``TransportQueryError``; gql's own
local validation still raises graphql-core's ``GraphQLError`` before anything is sent.

Importing this module imports gql; ``import nosto_gql`` does not.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

from gql import Client
from gql.graphql_request import GraphQLRequest
from gql.transport.async_transport import AsyncTransport as GqlAsyncTransport
from gql.transport.transport import Transport as GqlTransport
from graphql import ExecutionResult, print_ast

from ._dynamic import bundled_schema
from ._exceptions import ConfigurationError, InvalidInputError
from ._facts import GRAPHQL
from ._graphql import encode_variables, is_query_operation, parse_response, request_body
from ._transport import AsyncTransport, RequestSpec, Transport

__all__ = [
    "AsyncNostoGqlTransport",
    "NostoGqlTransport",
    "async_gql_client",
    "bundled_schema",
    "gql_client",
]

_NO_UNSET = object()


def _spec_for(request: GraphQLRequest) -> RequestSpec:
    # gql has already validated request.document against its schema (when it has one).
    query = print_ast(request.document)
    variables = encode_variables(request.variable_values, _NO_UNSET)
    return RequestSpec(
        GRAPHQL.family,
        GRAPHQL.method,
        GRAPHQL.path,
        idempotent=is_query_operation(query),
        content=request_body(query, request.operation_name, variables),
        content_type="application/json",
    )


def _result(data: dict[str, Any]) -> ExecutionResult:
    return ExecutionResult(data=data)


class NostoGqlTransport(GqlTransport):
    """A synchronous gql transport that sends through a nosto-gql `Transport`.

    The nosto-gql client owns the connections: closing a gql session leaves them open; close
    the `NostoClient` to release them.
    """

    def __init__(self, transport: Transport) -> None:
        if not isinstance(transport, Transport):
            raise ConfigurationError(
                f"NostoGqlTransport needs a nosto_gql Transport (NostoClient.transport), "
                f"not {type(transport).__name__}"
            )
        self.transport = transport

    def execute(self, request: GraphQLRequest, *args: Any, **kwargs: Any) -> ExecutionResult:
        if args or kwargs:
            raise ConfigurationError(
                "NostoGqlTransport.execute takes no extra arguments; headers, auth and "
                "timeouts are set on the NostoClient"
            )
        return _result(parse_response(self.transport.send(_spec_for(request))))

    def connect(self) -> None:
        """Nothing to open: the nosto-gql transport's connection pool is already there."""

    def close(self) -> None:
        """Leaves the shared connections open (the NostoClient owns them)."""


class AsyncNostoGqlTransport(GqlAsyncTransport):
    """An asynchronous gql transport that sends through a nosto-gql `AsyncTransport`."""

    def __init__(self, transport: AsyncTransport) -> None:
        if not isinstance(transport, AsyncTransport):
            raise ConfigurationError(
                f"AsyncNostoGqlTransport needs a nosto_gql AsyncTransport "
                f"(AsyncNostoClient.transport), not {type(transport).__name__}"
            )
        self.transport = transport

    async def execute(self, request: GraphQLRequest) -> ExecutionResult:
        return _result(parse_response(await self.transport.send(_spec_for(request))))

    async def connect(self) -> None:
        """Nothing to open: the nosto-gql transport's connection pool is already there."""

    async def close(self) -> None:
        """Leaves the shared connections open (the AsyncNostoClient owns them)."""

    def subscribe(self, request: GraphQLRequest) -> AsyncGenerator[ExecutionResult, None]:
        raise InvalidInputError("Nosto's GraphQL API has no subscriptions")


def _client_options(options: dict[str, Any]) -> dict[str, Any]:
    if "transport" in options:
        raise ConfigurationError("gql_client() provides the transport itself")
    # Validate locally with the schema the client was built against; never introspect.
    return {"schema": bundled_schema(), "fetch_schema_from_transport": False, **options}


def gql_client(transport: Transport, /, **options: Any) -> Client:
    """A gql `Client` on ``transport``; ``options`` go to gql.Client (``schema=None`` turns
    local validation off, e.g. when the live schema is ahead of the bundled one)."""
    return Client(transport=NostoGqlTransport(transport), **_client_options(options))


def async_gql_client(transport: AsyncTransport, /, **options: Any) -> Client:
    """The asynchronous twin of `gql_client`. gql's ``execute_timeout`` is off by default:
    the nosto-gql transport's own timeouts and retry budget govern each call."""
    options.setdefault("execute_timeout", None)
    return Client(transport=AsyncNostoGqlTransport(transport), **_client_options(options))
