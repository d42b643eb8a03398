"""How the GraphQL endpoint reads requests and shapes errors (graphql-java style)."""

from __future__ import annotations

import logging

from nosto_gql import _facts
from nosto_gql.sandbox import _app


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


def test_a_graphql_body_over_the_payload_cap_is_413_json(api, sandbox) -> None:
    # Read the cap where it is defined, at test time: its value is a fact that may change.
    padding = "x" * (_facts.MAX_PAYLOAD_BYTES + 1)
    response = api.http.post(
        "/v1/graphql",
        json={"query": "{ segments { segments { id } } }", "variables": {"pad": padding}},
        auth=("", sandbox.tokens.apps),
    )
    assert response.status_code == 413
    assert response.json()["type"] == "payload_too_large"
    assert str(_facts.MAX_PAYLOAD_BYTES) in response.json()["message"]
    assert sandbox.state.requests[-1].status == 413


def test_a_body_of_exactly_the_cap_is_served(api, sandbox) -> None:
    head, tail = '{"query": "{ segments { segments { id } } }", "extensions": {"p": "', '"}}'
    body = head + "x" * (_facts.MAX_PAYLOAD_BYTES - len(head) - len(tail)) + tail
    assert len(body.encode()) == _facts.MAX_PAYLOAD_BYTES
    response = api.http.post(
        "/v1/graphql",
        content=body,
        headers={"Content-Type": "application/json"},
        auth=("", sandbox.tokens.apps),
    )
    assert response.status_code == 200
    assert response.json()["data"]["segments"]["segments"]


def test_an_internal_failure_is_one_json_500_logged_once(api, sandbox, monkeypatch, caplog) -> None:
    def explode(*_args: object) -> None:
        raise RuntimeError("resolver wiring broke")

    monkeypatch.setattr(_app, "execute_request", explode)
    with caplog.at_level(logging.ERROR):
        response = api.http.post(
            "/v1/graphql", json={"query": "mutation { newSession }"}, auth=("", sandbox.tokens.apps)
        )
    assert response.status_code == 500
    request_id = response.headers["X-Request-ID"]
    assert response.json() == {
        "type": "internal_error",
        "message": f"Sandbox failure (request id {request_id})",
    }
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, [(r.name, r.getMessage()) for r in errors]
    assert errors[0].name == "nosto_gql.sandbox" and request_id in errors[0].getMessage()
    assert errors[0].exc_info and isinstance(errors[0].exc_info[1], RuntimeError)
    assert sandbox.state.requests[-1].status == 500
