"""`client.gql_client()`: gql documents and the gql DSL sent by nosto-gql's transport, with its
auth, retry rule and errors; gql validates locally with the bundled schema. Sync and async."""

from __future__ import annotations

import asyncio
import base64
import json
import subprocess
import sys
from typing import Any

import httpx
import pytest
from dynamic_helpers import NEW_SESSION, PRODUCT_QUERY, TOKENS, Harness, Wire, data
from gql import Client, GraphQLRequest, gql
from gql.dsl import DSLMutation, DSLQuery, DSLSchema, dsl_gql
from graphql import GraphQLError as GraphQLCoreError

from nosto_gql import (
    AsyncNostoClient,
    ConfigurationError,
    GraphQLResponseError,
    InvalidInputError,
    NostoClient,
    ServerError,
)
from nosto_gql.dynamic import AsyncNostoGqlTransport, NostoGqlTransport, bundled_schema


@pytest.fixture(params=["sync", "async"])
def harness(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


def test_gql_document_goes_out_as_json_with_the_apps_token(harness: Harness) -> None:
    wire = Wire(data({"product": {"productId": "TENT-1", "name": "Tent"}}))
    request = GraphQLRequest(
        "query Product($id: String!) { product(id: $id) { productId name } }",
        variable_values={"id": "TENT-1"},
        operation_name="Product",
    )
    result = harness.gql_execute(wire, request)
    assert result == {"product": {"productId": "TENT-1", "name": "Tent"}}
    sent = wire.last
    assert (sent.method, sent.url.path) == ("POST", "/v1/graphql")
    assert sent.headers["Content-Type"] == "application/json"
    assert base64.b64decode(sent.headers["Authorization"].split()[1]) == b":apps-secret"
    body = json.loads(sent.content)
    assert body["variables"] == {"id": "TENT-1"} and body["operationName"] == "Product"
    assert "product(id: $id)" in body["query"]


def test_dsl_builds_a_query_that_runs(harness: Harness) -> None:
    wire = Wire(data({"product": {"productId": "TENT-1", "name": "Tent"}}))
    ds = DSLSchema(bundled_schema())
    product = ds.query.product.args(id="TENT-1")
    query = dsl_gql(
        DSLQuery(product.select(ds.RecommendedProduct.productId, ds.RecommendedProduct.name))
    )
    assert harness.gql_execute(wire, query) == {"product": {"productId": "TENT-1", "name": "Tent"}}
    assert json.loads(wire.last.content)["query"].split() == (
        '{ product(id: "TENT-1") { productId name } }'.split()
    )


def test_gql_validates_locally_with_the_bundled_schema(harness: Harness) -> None:
    wire = Wire()
    with pytest.raises(GraphQLCoreError, match="Cannot query field 'nme'"):
        harness.gql_execute(wire, gql('{ product(id: "TENT-1") { nme } }'))
    assert wire.requests == []


def test_schema_none_skips_local_validation() -> None:
    wire = Wire(data({"newField": 1}))
    with NostoClient(
        tokens=TOKENS, http_client=httpx.Client(transport=httpx.MockTransport(wire))
    ) as c:
        assert c.gql_client(schema=None).execute(gql("{ newField }")) == {"newField": 1}


def test_query_is_retried_and_mutation_is_not(harness: Harness) -> None:
    wire = Wire(httpx.Response(503), data({"product": None}))
    assert harness.gql_execute(wire, gql(PRODUCT_QUERY)) == {"product": None}
    assert len(wire.requests) == 2

    wire = Wire(httpx.Response(503), data({"newSession": "s-1"}))
    with pytest.raises(ServerError) as info:
        harness.gql_execute(wire, gql(NEW_SESSION))
    assert len(wire.requests) == 1
    assert info.value.status_code == 503


def test_dsl_mutation_is_not_retried(harness: Harness) -> None:
    wire = Wire(httpx.Response(504), data({"newSession": "s-1"}))
    ds = DSLSchema(bundled_schema())
    with pytest.raises(ServerError):
        harness.gql_execute(wire, dsl_gql(DSLMutation(ds.mutation.newSession)))
    assert len(wire.requests) == 1


def test_graphql_errors_are_our_error_with_request_id_and_data(harness: Harness) -> None:
    body = {"data": {"product": None}, "errors": [{"message": "not found", "path": ["product"]}]}
    wire = Wire(httpx.Response(200, json=body, headers={"X-Request-ID": "rid-9"}))
    with pytest.raises(GraphQLResponseError) as info:
        harness.gql_execute(wire, gql(PRODUCT_QUERY))
    assert info.value.errors[0].path == ("product",)
    assert info.value.data == {"product": None}
    assert info.value.request_id == "rid-9"


def test_variables_that_are_not_json_are_invalid_input(harness: Harness) -> None:
    wire = Wire()
    request = GraphQLRequest(
        "query P($id: String!) { product(id: $id) { name } }", variable_values={"id": object()}
    )
    with pytest.raises(InvalidInputError, match=r"\$id"):
        harness.gql_execute(wire, request)
    assert wire.requests == []


def test_gql_session_closing_leaves_the_nosto_client_usable() -> None:
    wire = Wire(data({"product": None}))
    mock = httpx.MockTransport(wire)
    with NostoClient(tokens=TOKENS, http_client=httpx.Client(transport=mock)) as client:
        gql_client = client.gql_client()
        with gql_client as session:
            session.execute(gql(PRODUCT_QUERY))
        gql_client.execute(gql(PRODUCT_QUERY))
        assert client.graphql(PRODUCT_QUERY) == {"product": None}
    assert len(wire.requests) == 3


async def test_async_gql_session_runs_several_requests() -> None:
    wire = Wire(data({"product": None}))
    mock = httpx.MockTransport(wire)
    async with AsyncNostoClient(tokens=TOKENS, http_client=httpx.AsyncClient(transport=mock)) as c:
        gql_client = c.gql_client()
        assert isinstance(gql_client.transport, AsyncNostoGqlTransport)
        async with gql_client as session:
            results = await asyncio.gather(
                session.execute(gql(PRODUCT_QUERY)), session.execute(gql(PRODUCT_QUERY))
            )
        assert list(results) == [{"product": None}] * 2
        assert await c.graphql(PRODUCT_QUERY) == {"product": None}
    assert len(wire.requests) == 3


def test_extra_transport_arguments_are_refused() -> None:
    wire = Wire()
    with (
        NostoClient(
            tokens=TOKENS, http_client=httpx.Client(transport=httpx.MockTransport(wire))
        ) as c,
        pytest.raises(ConfigurationError, match="no extra arguments"),
    ):
        c.gql_client().execute(gql(PRODUCT_QUERY), extra_args={"headers": {"X": "1"}})
    assert wire.requests == []


@pytest.mark.parametrize(
    ("factory", "given"),
    [(NostoGqlTransport, object()), (AsyncNostoGqlTransport, object())],
)
def test_transports_need_a_nosto_transport(factory: Any, given: object) -> None:
    with pytest.raises(ConfigurationError, match="needs a nosto_gql"):
        factory(given)


def test_gql_client_options_pass_through_but_not_the_transport() -> None:
    with NostoClient(tokens=TOKENS) as client:
        assert isinstance(client.gql_client(parse_results=True), Client)
        assert client.gql_client(parse_results=True).parse_results is True
        assert client.gql_client().schema is bundled_schema()
        with pytest.raises(ConfigurationError, match="transport"):
            client.gql_client(transport=None)


def test_gql_is_imported_only_when_gql_client_is_used() -> None:
    probe = """
import json, sys
from nosto_gql import NostoClient, Tokens
client = NostoClient(tokens=Tokens(apps="t"))
before = "gql" in sys.modules
client.gql_client()
print(json.dumps([before, "gql" in sys.modules]))
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [False, True]
