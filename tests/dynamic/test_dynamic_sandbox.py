"""Raw GraphQL and gql (documents and DSL) end to end: real TLS against the sandbox."""

from __future__ import annotations

import pytest
from gql import GraphQLRequest, gql
from gql.dsl import DSLMutation, DSLQuery, DSLSchema, dsl_gql

from nosto_gql import GraphQLResponseError, NostoClient
from nosto_gql.dynamic import bundled_schema
from nosto_gql.sandbox import Sandbox

PRODUCT_BY_ID = "query Product($id: String!) { product(id: $id) { productId name price } }"
TENT = {"productId": "TENT-2P-100", "name": "Trailhead Two-Person Tent", "price": 189.0}

pytestmark = pytest.mark.usefixtures("catalog")


def test_raw_query_with_variables(client: NostoClient) -> None:
    assert client.graphql(PRODUCT_BY_ID, {"id": "TENT-2P-100"}) == {"product": TENT}


def test_raw_mutation_creates_a_session(sandbox: Sandbox, client: NostoClient) -> None:
    document = "mutation Start($referer: String) { newSession(referer: $referer) }"
    data = client.graphql(document, {"referer": "https://shop.example.com/"})
    session_id = data["newSession"]
    assert isinstance(session_id, str) and sandbox.state.session(session_id) is not None


def test_application_graphql_document_without_variables(client: NostoClient) -> None:
    # The sandbox, like Nosto, reads any other content type as JSON and would refuse this body.
    document = 'query Tent { product(id: "TENT-2P-100") { productId name price } }'
    assert client.graphql(document, content_type="application/graphql") == {"product": TENT}


def test_application_graphql_mutation(sandbox: Sandbox, client: NostoClient) -> None:
    data = client.graphql("mutation { newSession }", content_type="application/graphql")
    assert sandbox.state.session(data["newSession"]) is not None


def test_unknown_product_is_a_graphql_error_with_path(client: NostoClient) -> None:
    with pytest.raises(GraphQLResponseError) as info:
        client.graphql(PRODUCT_BY_ID, {"id": "NO-SUCH-PRODUCT"})
    assert info.value.errors[0].path == ("product",)
    assert info.value.data == {"product": None}
    assert info.value.request_id


def test_server_validates_what_local_validation_was_told_to_skip(client: NostoClient) -> None:
    with pytest.raises(GraphQLResponseError) as info:
        client.graphql('{ product(id: "TENT-2P-100") { nme } }', validate=False)
    assert "nme" in info.value.errors[0].message


def test_gql_client_executes_a_gql_document(client: NostoClient) -> None:
    request = GraphQLRequest(PRODUCT_BY_ID, variable_values={"id": "TENT-2P-100"})
    assert client.gql_client().execute(request) == {"product": TENT}


def test_gql_dsl_query_and_mutation(sandbox: Sandbox, client: NostoClient) -> None:
    ds = DSLSchema(bundled_schema())
    product = ds.RecommendedProduct
    query = DSLQuery(
        ds.query.product.args(id="TENT-2P-100").select(product.productId, product.name)
    )
    with client.gql_client() as session:
        result = session.execute(dsl_gql(query))
        created = session.execute(dsl_gql(DSLMutation(ds.mutation.newSession)))
    assert result == {"product": {"productId": "TENT-2P-100", "name": TENT["name"]}}
    assert sandbox.state.session(created["newSession"]) is not None


def test_gql_unknown_product_is_our_graphql_error(client: NostoClient) -> None:
    request = GraphQLRequest(PRODUCT_BY_ID, variable_values={"id": "NO-SUCH-PRODUCT"})
    with pytest.raises(GraphQLResponseError) as info:
        client.gql_client().execute(request)
    assert info.value.errors[0].path == ("product",)
    assert info.value.request_id


async def test_async_raw_and_gql(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as client:
        assert await client.graphql(PRODUCT_BY_ID, {"id": "TENT-2P-100"}) == {"product": TENT}
        raw = await client.graphql("mutation { newSession }", content_type="application/graphql")
        assert sandbox.state.session(raw["newSession"]) is not None

        ds = DSLSchema(bundled_schema())
        async with client.gql_client() as session:
            found = await session.execute(gql('{ product(id: "TENT-2P-100") { name } }'))
            created = await session.execute(dsl_gql(DSLMutation(ds.mutation.newSession)))
            with pytest.raises(GraphQLResponseError) as info:
                await session.execute(
                    GraphQLRequest(PRODUCT_BY_ID, variable_values={"id": "NO-SUCH-PRODUCT"})
                )
        assert found == {"product": {"name": TENT["name"]}}
        assert sandbox.state.session(created["newSession"]) is not None
        assert info.value.errors[0].path == ("product",)
