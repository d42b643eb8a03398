"""``nosto-gql schema diff`` output and exit codes, and the parser `add_arguments` builds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from graphql import build_schema, introspection_from_schema
from schema_helpers import SCHEMA, build_parser, run_schema_cli

OLD = """schema { query: query }
type query { product(id: String!): Product  products(limit: Int!, offset: Int!): [Product] }
type Product { productId: String  legacy: String }
enum Sort { VIEWS BUYS }
"""


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def _diff(tmp_path: Path, new_sdl: str, *options: str) -> int:
    return run_schema_cli("diff", *options, _write(tmp_path, "old.graphql", OLD),
                          _write(tmp_path, "new.graphql", new_sdl))  # fmt: skip


def test_no_changes_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _diff(tmp_path, OLD) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "no changes\n"


def test_safe_and_dangerous_changes_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = OLD.replace("offset: Int!", "offset: Int").replace("BUYS", "BUYS CLICKS")
    assert _diff(tmp_path, new) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "DANGEROUS: CLICKS was added to enum type Sort.",
        "SAFE: query.products arg offset changed type from Int! to Int.",
    ]
    assert captured.err == "0 breaking, 1 dangerous, 1 safe change(s)\n"


def test_breaking_changes_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = OLD.replace("  legacy: String", "").replace(
        "type Product {", "type Product { name: String"
    )
    assert _diff(tmp_path, new) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == ["BREAKING: Product.legacy was removed.", "SAFE: Field Product.name was added."]


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = OLD.replace("[Product] }", "ProductsEntity }") + "type ProductsEntity { total: Int }\n"
    assert _diff(tmp_path, new, "--json") == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    assert json.loads(captured.out) == {
        "ok": False,
        "counts": {"breaking": 1, "dangerous": 0, "safe": 1},
        "changes": [
            {
                "level": "BREAKING",
                "kind": "FIELD_CHANGED_KIND",
                "description": "query.products changed type from [Product] to ProductsEntity.",
            },
            {
                "level": "SAFE",
                "kind": "TYPE_ADDED",
                "description": "Object type ProductsEntity was added.",
            },
        ],
    }


def test_json_output_without_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _diff(tmp_path, OLD, "--json") == 0
    assert json.loads(capsys.readouterr().out) == {
        "ok": True,
        "counts": {"breaking": 0, "dangerous": 0, "safe": 0},
        "changes": [],
    }


def test_introspection_json_and_sdl_can_be_mixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    introspection = {"data": introspection_from_schema(build_schema(OLD))}
    old_json = _write(tmp_path, "old.json", json.dumps(introspection))
    assert run_schema_cli("diff", old_json, _write(tmp_path, "new.graphql", OLD)) == 0
    assert capsys.readouterr().err == "no changes\n"


def test_unreadable_schema_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = _write(tmp_path, "broken.graphql", "type query {\n  a: Nope\n}\n")
    assert run_schema_cli("diff", str(SCHEMA), broken) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"nosto-gql: {broken}:2:6: Unknown type 'Nope'.\n"
    assert run_schema_cli("diff", str(tmp_path / "missing.graphql"), str(SCHEMA)) == 2
    assert "nosto-gql: cannot read" in capsys.readouterr().err


def test_unreadable_schema_with_json_reports_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_schema_cli("diff", "--json", str(tmp_path / "missing.json"), str(SCHEMA)) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["error"]["type"] == "SchemaSourceError"
    assert "cannot read" in report["error"]["message"]


@pytest.mark.parametrize("argv", [["schema"], ["schema", "diff", "one.graphql"], ["schema", "x"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        build_parser().parse_args(argv)
    assert caught.value.code == 2
    assert "usage: nosto-gql schema" in capsys.readouterr().err


def test_parser_wires_both_actions_to_handlers() -> None:
    from nosto_gql import _cli_schema

    pull = build_parser().parse_args(["schema", "pull", "--out", "s.graphql", "--sort"])
    assert pull.handler is _cli_schema.run_pull
    assert (pull.out, pull.from_file, pull.sort) == ("s.graphql", None, True)
    diff = build_parser().parse_args(["schema", "diff", "a.graphql", "b.json", "--json"])
    assert diff.handler is _cli_schema.run_diff
    assert (diff.old, diff.new, diff.json) == ("a.graphql", "b.json", True)


def test_building_the_parser_does_not_import_the_schema_tools() -> None:
    probe = (
        "import argparse, sys, nosto_gql._cli_schema as c;"
        "c.add_arguments(argparse.ArgumentParser().add_subparsers());"
        "print('nosto_gql.schema_tools' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
