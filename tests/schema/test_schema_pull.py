"""``nosto-gql schema pull``: introspection to SDL, offline from a file or live from Nosto."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import build_schema, get_introspection_query, introspection_from_schema
from schema_helpers import SCHEMA, reference_dump, run_schema_cli

from nosto_gql import NostoClient, Tokens
from nosto_gql.schema_tools import (
    ChangeLevel,
    diff_schemas,
    ensure_schema_definition,
    print_sdl,
    pull_sdl,
)

ROOTS = "schema { query: query mutation: mutation }\n"
SMALL = (
    ROOTS + "type query { product(id: String!): String }\ntype mutation { newSession: String }\n"
)


def _introspection_json(sdl: str = SMALL) -> dict[str, Any]:
    return dict(introspection_from_schema(build_schema(sdl)))


def _equivalent(sdl_a: str, sdl_b: str) -> None:
    a, b = build_schema(sdl_a), build_schema(sdl_b)
    for old, new in ((a, b), (b, a)):
        graded = [c for c in diff_schemas(old, new) if c.level is not ChangeLevel.SAFE]
        assert graded == []
    assert set(a.type_map) == set(b.type_map)


# --- offline: --from-file -------------------------------------------------------------------


def test_from_file_converts_the_2018_dump_with_its_lower_case_root_types(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_schema_cli("pull", "--from-file", str(reference_dump())) == 0
    sdl = capsys.readouterr().out
    assert sdl.startswith("schema {\n  query: query\n  mutation: mutation\n}\n")
    assert sdl.endswith("}\n") and not sdl.endswith("\n\n")
    schema = build_schema(sdl)
    assert schema.query_type is not None and schema.query_type.name == "query"
    assert "products" in schema.query_type.fields
    assert schema.mutation_type is not None and schema.mutation_type.name == "mutation"


@pytest.mark.parametrize("wrapped", [True, False], ids=["data-wrapped", "bare"])
def test_from_file_accepts_both_wrappings_and_writes_out(tmp_path: Path, wrapped: bool) -> None:
    introspection = _introspection_json()
    source = tmp_path / "introspection.json"
    source.write_text(json.dumps({"data": introspection} if wrapped else introspection))
    out = tmp_path / "schema.graphql"
    assert run_schema_cli("pull", "--from-file", str(source), "--out", str(out)) == 0
    _equivalent(out.read_text(), SMALL)
    assert "schema {\n  query: query\n  mutation: mutation\n}" in out.read_text()


def test_sort_orders_types_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "i.json"
    sdl = "schema { query: query }\ntype query { b: Zed a: Alpha }\n"
    sdl += "type Zed { z: Int }\ntype Alpha { a: Int }"
    source.write_text(json.dumps(_introspection_json(sdl)))
    assert run_schema_cli("pull", "--from-file", str(source), "--sort") == 0
    sdl = capsys.readouterr().out
    assert sdl.index("type Alpha") < sdl.index("type Zed") < sdl.index("type query")
    assert sdl.index("  a: Alpha") < sdl.index("  b: Zed")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        ("type query { a: String }", "not an introspection result (JSON object)"),
        ('{"data": {"__schema": ', "invalid JSON"),
        ('{"errors": [{"message": "Introspection disabled"}]}', "Introspection disabled"),
        ('{"data": {"other": 1}}', "no '__schema' object"),
    ],
)
def test_from_file_problems_exit_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    source = tmp_path / "introspection.json"
    if content is not None:
        source.write_text(content)
    out = tmp_path / "out.graphql"
    assert run_schema_cli("pull", "--from-file", str(source), "--out", str(out)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("nosto-gql: ") and message in captured.err
    assert not out.exists()  # nothing written on failure


def test_unwritable_out_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "i.json"
    source.write_text(json.dumps(_introspection_json()))
    target = tmp_path / "missing-dir" / "schema.graphql"
    assert run_schema_cli("pull", "--from-file", str(source), "--out", str(target)) == 2
    assert "nosto-gql: cannot write" in capsys.readouterr().err


def test_schema_block_is_added_when_the_printer_leaves_it_out() -> None:
    schema = build_schema(SMALL)
    bare = "type query {\n  a: String\n}\n"
    assert ensure_schema_definition(schema, bare) == (
        "schema {\n  query: query\n  mutation: mutation\n}\n\n" + bare
    )
    printed = print_sdl(schema)
    assert printed.count("schema {") == 1
    common = build_schema("type Query { a: String }")
    assert not print_sdl(common).startswith("schema")


# --- live, against a stand-in server ------------------------------------------------------

Handler = Callable[[httpx.Request], httpx.Response]


def _client(handler: Handler) -> NostoClient:
    http = httpx.Client(transport=httpx.MockTransport(handler))
    return NostoClient(tokens=Tokens(apps="apps-token"), http_client=http, max_retries=0)


def _use_client(monkeypatch: pytest.MonkeyPatch, handler: Handler) -> None:
    client = _client(handler)
    monkeypatch.setattr(NostoClient, "from_env", classmethod(lambda cls, *a, **k: client))


def test_pull_sends_the_introspection_query_with_the_apps_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": _introspection_json()})

    with _client(handler) as client:
        sdl = pull_sdl(client)
    _equivalent(sdl, SMALL)
    (request,) = seen
    assert request.method == "POST" and request.url.path == "/v1/graphql"
    assert json.loads(request.content) == {"query": get_introspection_query(descriptions=True)}
    expected = base64.b64encode(b":apps-token").decode()
    assert request.headers["Authorization"] == f"Basic {expected}"


@pytest.mark.parametrize(
    ("response", "code", "message"),
    [
        (httpx.Response(200, json={"data": None, "errors": [{"message": "Introspection is off"}]}),
         1, "GraphQLResponseError: Introspection is off"),
        (httpx.Response(200, json={"data": {"product": None}}), 1, "no '__schema' object"),
        (httpx.Response(200, json={"data": {"__schema": {"queryType": {"name": "query"}}}}),
         1, "not a valid introspection result"),
        (httpx.Response(200, text="<html>maintenance</html>"), 1, "not JSON"),
        (httpx.Response(500, json={"message": "boom"}), 1, "ServerError"),
        (httpx.Response(401, json={"message": "bad token"}), 2, "AuthenticationError"),
    ],
)  # fmt: skip
def test_pull_reports_api_problems(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    response: httpx.Response,
    code: int,
    message: str,
) -> None:
    _use_client(monkeypatch, lambda request: response)
    out = tmp_path / "schema.graphql"
    assert run_schema_cli("pull", "--out", str(out)) == code
    err = capsys.readouterr().err
    assert err.startswith("nosto-gql: ") and message in err
    assert "apps-token" not in err
    assert not out.exists()


def test_pull_without_an_apps_token_exits_2_before_sending(
    no_nosto_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    no_nosto_env.setenv("NOSTO_API_BASE_URL", "https://127.0.0.1:9")  # nothing listens there
    assert run_schema_cli("pull") == 2
    err = capsys.readouterr().err
    assert err.startswith("nosto-gql: ") and "NOSTO_API_APPS_TOKEN" in err


def test_pull_refuses_a_plain_http_base_url(
    no_nosto_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    no_nosto_env.setenv("NOSTO_API_BASE_URL", "http://127.0.0.1:9")
    no_nosto_env.setenv("NOSTO_API_APPS_TOKEN", "secret-apps-token")
    assert run_schema_cli("pull") == 2
    err = capsys.readouterr().err
    assert "https" in err and "secret-apps-token" not in err


# --- live, against the embedded sandbox (real TLS) ----------------------------------------


def test_pull_from_the_sandbox_matches_the_bundled_schema(
    no_nosto_env: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("uvicorn")
    from nosto_gql.sandbox import Sandbox

    out = tmp_path / "pulled.graphql"
    with Sandbox() as sb:
        no_nosto_env.setenv("NOSTO_API_BASE_URL", sb.base_url)
        no_nosto_env.setenv("NOSTO_CA_FILE", sb.ca_file)
        assert sb.tokens.apps is not None
        no_nosto_env.setenv("NOSTO_API_APPS_TOKEN", sb.tokens.apps)
        assert run_schema_cli("pull", "--out", str(out)) == 0
        assert run_schema_cli("pull") == 0
    pulled = out.read_text()
    assert capsys.readouterr().out == pulled
    assert pulled.startswith("schema {\n  query: query\n  mutation: mutation\n}\n")
    _equivalent(pulled, SCHEMA.read_text())
    # Descriptions come along, so IDE hover text survives a pull.
    assert '"""' in pulled
