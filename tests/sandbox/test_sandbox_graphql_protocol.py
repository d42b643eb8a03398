"""How the GraphQL endpoint reads requests and shapes errors (graphql-java style)."""

from __future__ import annotations


def test_a_document_that_breaks_the_schema_is_a_validation_error_without_data(api) -> None:
    body = api.graphql("{ product(id: 1) { noSuchField } }")
    assert "data" not in body
    assert body["errors"]
    for error in body["errors"]:
        assert error["errorType"] == "ValidationError"
        assert error["extensions"] == {"classification": "ValidationError"}
        assert error["locations"] and {"line", "column"} <= set(error["locations"][0])
        assert set(error) == {"message", "path", "locations", "extensions", "errorType"}


def test_an_unused_declared_variable_is_rejected_as_nosto_does(api) -> None:
    body = api.graphql(
        "query Seg($unused: String) { segments { segments { id } } }", {"unused": "x"}
    )
    assert "data" not in body
    (error,) = body["errors"]
    assert error["errorType"] == "ValidationError"
    assert "unused" in error["message"]


def test_a_missing_non_null_variable_is_a_validation_error(api) -> None:
    body = api.graphql("query P($id: String!) { product(id: $id) { productId } }")
    assert "data" not in body
    assert body["errors"][0]["errorType"] == "ValidationError"


def test_a_document_that_does_not_parse_is_invalid_syntax(api) -> None:
    body = api.graphql("{ product(id: ")
    assert "data" not in body
    assert body["errors"][0]["errorType"] == "InvalidSyntax"


def test_a_raw_document_is_accepted_with_the_graphql_content_type(api, sandbox) -> None:
    response = api.http.post(
        "/v1/graphql",
        content="mutation { newSession }",
        headers={"Content-Type": "application/graphql"},
        auth=("", sandbox.tokens.apps),
    )
    assert response.status_code == 200
    assert len(response.json()["data"]["newSession"]) == 24


def test_a_raw_document_without_the_graphql_content_type_is_read_as_json_and_fails(
    api, sandbox
) -> None:
    response = api.http.post(
        "/v1/graphql",
        content="mutation { newSession }",
        headers={"Content-Type": "text/plain"},
        auth=("", sandbox.tokens.apps),
    )
    assert response.status_code == 400
    assert response.json()["type"] == "bad_request"


def test_the_operation_name_picks_one_of_several_operations(api) -> None:
    document = "query A { segments { segments { id } } } mutation B { newSession }"
    response = api.http.post(
        "/v1/graphql",
        json={"query": document, "operationName": "B"},
        auth=("", api.sandbox.tokens.apps),
    )
    assert list(response.json()["data"]) == ["newSession"]
    assert api.sandbox.state.requests[-1].operation_name == "B"


def test_a_bad_local_date_time_is_a_validation_error(api) -> None:
    body = api.graphql(
        """mutation S($date: LocalDateTime!) {
             updateStatus(number: "1", params: { orderStatus: "paid", statusDate: $date }) {
               number
             }
           }""",
        {"date": "yesterday"},
    )
    assert "data" not in body
    assert body["errors"][0]["errorType"] == "ValidationError"


def test_introspection_works(api) -> None:
    data = api.data("{ __schema { queryType { name } mutationType { name } } }")
    assert data["__schema"] == {
        "queryType": {"name": "query"},
        "mutationType": {"name": "mutation"},
    }
