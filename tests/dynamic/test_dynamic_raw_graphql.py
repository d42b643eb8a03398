"""`client.graphql()`: what goes on the wire, what is refused before sending, retries, errors.
Every behaviour is checked on the sync and the async facade alike."""

from __future__ import annotations

import base64
import json
import subprocess
import sys

import httpx
import pytest
from dynamic_helpers import NEW_SESSION, PRODUCT_QUERY, Harness, Wire, data

from nosto_gql import (
    ConfigurationError,
    GraphQLResponseError,
    InvalidInputError,
    MalformedResponseError,
    ServerError,
)
from nosto_gql.apps import InputRecommenderParams


@pytest.fixture(params=["sync", "async"])
def harness(request: pytest.FixtureRequest) -> Harness:
    return Harness(request.param)


def test_json_body_carries_query_variables_and_operation_name(harness: Harness) -> None:
    wire = Wire(data({"product": {"name": "Tent"}}))
    document = "query Product($id: String!) { product(id: $id) { name } }"
    result = harness.graphql(wire, document, {"id": "TENT-1"}, "Product")
    assert result == {"product": {"name": "Tent"}}
    request = wire.last
    assert (request.method, request.url.path) == ("POST", "/v1/graphql")
    assert request.headers["Content-Type"] == "application/json"
    assert wire.json_body() == {
        "query": document,
        "variables": {"id": "TENT-1"},
        "operationName": "Product",
    }
    scheme, _, encoded = request.headers["Authorization"].partition(" ")
    assert (scheme, base64.b64decode(encoded).decode()) == ("Basic", ":apps-secret")


def test_input_models_and_enums_are_sent_by_wire_name(harness: Harness) -> None:
    wire = Wire(data({"recos": None}))
    document = (
        "query Top($params: InputRecommenderParams!) { recos(preview: false, "
        "image: VERSION_8_400_400) { toplist(hours: 24, sort: BUYS, params: $params) "
        "{ primary { productId } } } }"
    )
    harness.graphql(wire, document, {"params": InputRecommenderParams(max_products=3)})
    assert wire.json_body()["variables"] == {"params": {"maxProducts": 3}}


def test_application_graphql_sends_the_bare_document(harness: Harness) -> None:
    wire = Wire()
    harness.graphql(wire, PRODUCT_QUERY, content_type="application/graphql")
    assert wire.last.headers["Content-Type"] == "application/graphql"
    assert wire.last.content == PRODUCT_QUERY.encode()


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [({"variables": {"id": "TENT-1"}}, "variables"), ({"operation_name": "Product"}, "operation")],
)
def test_application_graphql_refuses_what_only_json_can_carry(
    harness: Harness, kwargs: dict[str, object], named: str
) -> None:
    wire = Wire()
    document = "query Product($id: String!) { product(id: $id) { name } }"
    with pytest.raises(InvalidInputError) as info:
        harness.graphql(wire, document, content_type="application/graphql", **kwargs)
    assert named in str(info.value) and "application/json" in str(info.value)
    assert wire.requests == []


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_other_content_types_are_a_configuration_error(harness: Harness, content_type: str) -> None:
    wire = Wire()
    with pytest.raises(ConfigurationError, match="application/graphql"):
        harness.graphql(wire, PRODUCT_QUERY, content_type=content_type)
    assert wire.requests == []


def test_content_type_is_case_insensitive(harness: Harness) -> None:
    wire = Wire()
    harness.graphql(wire, PRODUCT_QUERY, content_type=" Application/GraphQL ")
    assert wire.last.headers["Content-Type"] == "application/graphql"


def test_invalid_document_lists_every_problem_with_line_and_column(harness: Harness) -> None:
    wire = Wire()
    document = "query Q {\n  product(id: 1) { nme }\n  nothing\n}"
    with pytest.raises(InvalidInputError) as info:
        harness.graphql(wire, document)
    problems = dict(info.value.problems)
    assert "2:15" in problems and "non string value" in problems["2:15"]
    assert "2:20" in problems and "'nme'" in problems["2:20"]
    assert "3:3" in problems and "'nothing'" in problems["3:3"]
    assert "validate=False" in str(info.value)
    assert wire.requests == []


def test_syntax_error_names_line_and_column(harness: Harness) -> None:
    wire = Wire()
    with pytest.raises(InvalidInputError) as info:
        harness.graphql(wire, "query {\n  product(id: ")
    assert info.value.problems[0][0] == "2:15"
    assert "Syntax Error" in info.value.problems[0][1]
    assert wire.requests == []


@pytest.mark.parametrize(
    ("document", "variables", "operation_name", "expected"),
    [
        # Nosto rejects operations that declare a variable they never use.
        ("query Q($x: Int) { segments { segments { id } } }", None, None, "never used"),
        ("query Q($id: String!) { product(id: $id) { name } }", None, None, "not provided"),
        ("query Q($id: String!) { product(id: $id) { name } }", {"id": 5}, None, "String"),
        (PRODUCT_QUERY, None, "Other", "'Other' is not in the document"),
        (
            "query A { segments { segments { id } } } query B { segments { segments { id } } }",
            None,
            None,
            "pass operation_name=",
        ),
        (
            "query Q($id: String!) { product(id: $id) { name } }",
            {"id": "x", "ID": "x"},
            None,
            r"\$ID",
        ),
    ],
)
def test_operation_and_variables_are_checked_before_sending(
    harness: Harness,
    document: str,
    variables: dict[str, object] | None,
    operation_name: str | None,
    expected: str,
) -> None:
    wire = Wire()
    with pytest.raises(InvalidInputError, match=expected):
        harness.graphql(wire, document, variables, operation_name)
    assert wire.requests == []


def test_validate_false_sends_fields_the_bundled_schema_does_not_know(harness: Harness) -> None:
    wire = Wire(data({"newField": 1}))
    document = "query Ahead { newField }"
    assert harness.graphql(wire, document, validate=False) == {"newField": 1}
    assert wire.json_body()["query"] == document


def test_non_str_document_is_invalid_input(harness: Harness) -> None:
    with pytest.raises(InvalidInputError, match="must be a str"):
        harness.graphql(Wire(), b"{ segments { segments { id } } }")


def test_query_is_retried_after_503(harness: Harness) -> None:
    wire = Wire(httpx.Response(503), data({"product": {"name": "Tent"}}))
    assert harness.graphql(wire, PRODUCT_QUERY) == {"product": {"name": "Tent"}}
    assert len(wire.requests) == 2 and len(harness.slept) == 1


def test_mutation_is_not_retried(harness: Harness) -> None:
    wire = Wire(httpx.Response(503), data({"newSession": "s-1"}))
    with pytest.raises(ServerError):
        harness.graphql(wire, NEW_SESSION)
    assert len(wire.requests) == 1 and harness.slept == []


def test_mutation_sent_as_application_graphql_is_not_retried(harness: Harness) -> None:
    wire = Wire(httpx.Response(502), data({"newSession": "s-1"}))
    with pytest.raises(ServerError):
        harness.graphql(wire, NEW_SESSION, content_type="application/graphql")
    assert len(wire.requests) == 1


def test_unvalidated_unparseable_document_is_not_retried(harness: Harness) -> None:
    wire = Wire(httpx.Response(503))
    with pytest.raises(ServerError):
        harness.graphql(wire, "query {", validate=False)
    assert len(wire.requests) == 1


def test_graphql_errors_raise_with_path_partial_data_and_request_id(harness: Harness) -> None:
    body = {
        "data": {"product": None},
        "errors": [
            {
                "message": "Product not found",
                "path": ["product"],
                "locations": [{"line": 1, "column": 17}],
                "errorType": "DataFetchingException",
            }
        ],
    }
    wire = Wire(httpx.Response(200, json=body, headers={"X-Request-ID": "abc-123"}))
    with pytest.raises(GraphQLResponseError) as info:
        harness.graphql(wire, PRODUCT_QUERY)
    error = info.value.errors[0]
    assert (error.path, error.locations, error.error_type) == (
        ("product",),
        ((1, 17),),
        "DataFetchingException",
    )
    assert info.value.data == {"product": None}
    assert info.value.request_id == "abc-123"


def test_html_answer_is_a_malformed_response(harness: Harness) -> None:
    wire = Wire(httpx.Response(200, text="<html>maintenance</html>"))
    with pytest.raises(MalformedResponseError, match="not JSON"):
        harness.graphql(wire, PRODUCT_QUERY)


def test_raw_graphql_does_not_import_gql() -> None:
    probe = """
import json, sys, httpx
from nosto_gql import NostoClient, Tokens
answer = httpx.Response(200, json={"data": {"segments": None}})
http = httpx.Client(transport=httpx.MockTransport(lambda request: answer))
with NostoClient(tokens=Tokens(apps="t"), http_client=http) as client:
    client.graphql("{ segments { segments { id } } }")
print(json.dumps("gql" in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) is False
