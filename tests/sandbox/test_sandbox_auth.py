from __future__ import annotations

import base64

import pytest

from nosto_gql import TokenFamily

GRAPHQL_BODY = {"query": "mutation { newSession }"}


def _assert_unauthorised(response, *secrets: str) -> None:
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["type"] == "unauthorized"
    assert body["message"]
    for secret in secrets:
        assert secret not in response.text


def test_missing_credentials_are_refused(sandbox, api) -> None:
    response = api.http.post("/v1/graphql", json=GRAPHQL_BODY)
    _assert_unauthorised(response)
    assert "API_APPS" in response.json()["message"]


def test_a_wrong_token_is_refused_without_being_echoed(sandbox, api) -> None:
    response = api.http.post("/v1/graphql", json=GRAPHQL_BODY, auth=("", "not-the-token-123"))
    _assert_unauthorised(response, "not-the-token-123")


@pytest.mark.parametrize(
    ("path", "body", "other_family"),
    [
        ("/v1/graphql", GRAPHQL_BODY, TokenFamily.PRODUCTS),
        ("/v1/graphql", GRAPHQL_BODY, TokenFamily.EMAIL),
        ("/v1/products/upsert", [], TokenFamily.APPS),
    ],
)
def test_a_token_of_another_family_is_refused(sandbox, api, path, body, other_family) -> None:
    token = sandbox.tokens.get(other_family)
    response = api.http.post(path, json=body, auth=("", token))
    _assert_unauthorised(response, token)


def test_a_user_name_is_not_accepted_even_with_the_right_token(sandbox, api) -> None:
    response = api.http.post("/v1/graphql", json=GRAPHQL_BODY, auth=("user", sandbox.tokens.apps))
    _assert_unauthorised(response, sandbox.tokens.apps)


def test_malformed_basic_credentials_are_refused(sandbox, api) -> None:
    garbage = base64.b64encode(b"no-colon-here").decode()
    for header in (f"Basic {garbage}", "Basic %%%", f"Bearer {sandbox.tokens.apps}"):
        response = api.http.post(
            "/v1/graphql", json=GRAPHQL_BODY, headers={"Authorization": header}
        )
        _assert_unauthorised(response, sandbox.tokens.apps)


def test_the_right_token_for_each_endpoint_is_accepted(sandbox, api) -> None:
    graphql = api.http.post("/v1/graphql", json=GRAPHQL_BODY, auth=("", sandbox.tokens.apps))
    upsert = api.http.post("/v1/products/upsert", json=[], auth=("", sandbox.tokens.products))
    assert graphql.status_code == 200 and graphql.json()["data"]["newSession"]
    assert upsert.status_code == 200 and upsert.json() == {}


def test_unknown_paths_are_404_json_and_wrong_methods_405_json(sandbox, api) -> None:
    missing = api.http.post("/v1/nothing-here", auth=("", sandbox.tokens.apps))
    assert missing.status_code == 404
    assert missing.json()["type"] == "not_found"
    wrong_method = api.http.get("/v1/graphql", auth=("", sandbox.tokens.apps))
    assert wrong_method.status_code == 405
    assert wrong_method.json()["type"] == "method_not_allowed"
    assert wrong_method.headers["allow"] == "POST"
