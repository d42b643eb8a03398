"""The runtime under generated clients: request bodies, operation kind, response parsing."""

from __future__ import annotations

import json
from datetime import datetime

import httpx
import pytest

from nosto_gql import (
    GraphQLResponseError,
    InvalidInputError,
    MalformedResponseError,
    NostoClient,
    Tokens,
)
from nosto_gql._graphql import encode_variables, is_query_operation, parse_response
from nosto_gql_apps.base_model import UNSET
from nosto_gql_apps.enums import ScoringModeType
from nosto_gql_apps.input_types import InputOrderStatusParams, InputRecommenderParams


@pytest.mark.parametrize(
    ("document", "is_query"),
    [
        ("query Q { segments { segments { id } } }", True),
        ("{ segments { segments { id } } }", True),
        ("# leading comment\n\n  query Q { a }", True),
        ("mutation M { newSession }", False),
        ("# query in a comment\nmutation M { newSession }", False),
        ("queryX { a }", False),  # does not parse: never retried
        ('query Q { a(s: "mutation X") }', True),
        ("query A { a }\nmutation B { newSession }", False),
        ("query A { a } mutation B { newSession }", False),
        ("subscription S { a }", False),
        (", mutation M { newSession }", False),
        ("\ufeffmutation M { newSession }", False),
        ("query Broken {", False),
    ],
)
def test_operation_kind_decides_retry_safety(document: str, is_query: bool) -> None:
    assert is_query_operation(document) is is_query


def test_unset_arguments_are_left_out_and_models_use_wire_names() -> None:
    variables = encode_variables(
        {
            "hours": 24,
            "sort": ScoringModeType.BUYS,
            "params": InputRecommenderParams(max_products=3),
            "image": UNSET,
            "preview": None,
        },
        UNSET,
    )
    assert variables == {
        "hours": 24,
        "sort": "BUYS",
        "params": {"maxProducts": 3},
        "preview": None,
    }


def test_unserialisable_variable_is_invalid_input_naming_it() -> None:
    with pytest.raises(InvalidInputError, match=r"\$referer"):
        encode_variables({"referer": object()}, UNSET)


def test_aware_datetime_variable_is_refused() -> None:
    from datetime import timezone

    with pytest.raises(InvalidInputError, match="time zone"):
        encode_variables({"when": datetime(2024, 5, 1, tzinfo=timezone.utc)}, UNSET)


def test_local_date_time_is_sent_without_zone() -> None:
    params = InputOrderStatusParams(order_status="paid", status_date=datetime(2024, 5, 1, 12, 30))
    assert encode_variables({"p": params}, UNSET) == {
        "p": {"orderStatus": "paid", "statusDate": "2024-05-01T12:30:00"}
    }


def _response(body: bytes | str, status: int = 200, **headers: str) -> httpx.Response:
    content = body.encode() if isinstance(body, str) else body
    return httpx.Response(status, content=content, headers=headers)


def test_errors_raise_typed_error_with_partial_data_and_request_id() -> None:
    body = {
        "data": {"order": None},
        "errors": [
            {
                "message": "Exception while fetching data (/order) : not found",
                "path": ["order"],
                "locations": [{"line": 1, "column": 3}],
                "extensions": {"classification": "DataFetchingException"},
                "errorType": "DataFetchingException",
            }
        ],
    }
    with pytest.raises(GraphQLResponseError) as info:
        parse_response(_response(json.dumps(body), **{"X-Request-ID": "r-9"}))
    err = info.value
    assert err.data == {"order": None}
    assert err.request_id == "r-9"
    (first,) = err.errors
    assert first.path == ("order",)
    assert first.locations == ((1, 3),)
    assert first.error_type == "DataFetchingException"


def test_odd_error_entries_keep_message_and_request_id() -> None:
    entry = {
        "message": "m",
        "locations": [{"line": "x"}, {"line": None}, {"line": 2, "column": 5}],
        "path": "nope",
    }
    body = json.dumps({"errors": [entry, "plain"]})
    with pytest.raises(GraphQLResponseError) as info:
        parse_response(_response(body, **{"X-Request-ID": "r-2"}))
    first, second = info.value.errors
    assert (first.message, first.locations, first.path) == ("m", ((2, 5),), None)
    assert second.message == "plain"
    assert info.value.request_id == "r-2"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("<html><body>502 Bad Gateway</body></html>", "not JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"errors": {"message": "x"}}', "not a list"),
        ('{"foo": 1}', "no 'data'"),
    ],
)
def test_malformed_bodies_raise_malformed_response_error(body: str, fragment: str) -> None:
    with pytest.raises(MalformedResponseError, match=fragment):
        parse_response(_response(body))


def test_generated_call_posts_json_to_graphql_with_apps_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": {"newSession": "cid-1"}})

    client = NostoClient(
        tokens=Tokens(apps="a"), http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    result = client.apps.new_session(referer="https://shop.example/")
    assert result.new_session == "cid-1"
    (request,) = seen
    assert request.url.path == "/v1/graphql"
    assert request.headers["Content-Type"] == "application/json"
    payload = json.loads(request.content)
    assert payload["operationName"] == "NewSession"
    assert payload["variables"] == {"referer": "https://shop.example/"}


def test_generated_methods_reject_misspelled_arguments() -> None:
    client = NostoClient(tokens=Tokens(apps="a"))
    with pytest.raises(TypeError):
        client.apps.new_session(referrer="https://shop.example/")  # type: ignore[call-arg]


def test_input_types_take_python_names_and_refuse_unknown_fields() -> None:
    assert InputRecommenderParams(max_products=3).model_dump(by_alias=True, exclude_unset=True) == {
        "maxProducts": 3
    }
    with pytest.raises(ValueError, match="max_product"):
        InputRecommenderParams(max_product=3)  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="maxProducts"):
        InputRecommenderParams(maxProducts=3)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "body", [{"data": {"recos": {"toplist": {"primary": "nope"}}}}, {"data": {"recos": 3}}]
)
def test_response_of_the_wrong_shape_is_malformed_response_error(body: object) -> None:
    client = NostoClient(
        tokens=Tokens(apps="a"),
        http_client=httpx.Client(
            transport=httpx.MockTransport(
                lambda r: httpx.Response(200, json=body, headers={"X-Request-ID": "r-1"})
            )
        ),
    )
    with pytest.raises(MalformedResponseError, match="Toplist result type") as info:
        client.apps.toplist(hours=1, sort=ScoringModeType.BUYS)
    assert info.value.request_id == "r-1"


def test_html_content_type_with_a_200_is_malformed_even_if_the_body_parses() -> None:
    response = httpx.Response(
        200, content=b'{"data": {}}', headers={"Content-Type": "text/html; charset=utf-8"}
    )
    with pytest.raises(MalformedResponseError, match="text/html"):
        parse_response(response)


def test_absurdly_nested_body_is_malformed_not_recursion_error() -> None:
    body = '{"data":' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(MalformedResponseError, match="not JSON"):
        parse_response(_response(body))
