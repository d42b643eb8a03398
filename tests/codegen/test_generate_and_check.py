"""`nosto-gql generate` / `check`: deterministic output, staleness, file:line:col problems."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nosto_gql.cli import EXIT_OK, EXIT_PROBLEMS, main
from nosto_gql.codegen import load_config, render_package, stale_files, validate_operations

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "schema" / "nosto-apps.graphql"
EXAMPLES = REPO.parent / "shared" / "reference" / "graphql" / "examples"


def _examples_dir() -> Path:
    if not EXAMPLES.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"reference examples missing at {EXAMPLES}")
        pytest.skip("reference examples (../shared) not present beside this checkout")
    return EXAMPLES


def test_bundled_package_is_up_to_date_and_deterministic() -> None:
    config = load_config(REPO / "pyproject.toml")
    first = render_package(config)
    assert render_package(config) == first
    assert stale_files(config, first) == []


def test_every_reference_example_validates_against_the_schema() -> None:
    problems = validate_operations(SCHEMA.read_text(), [_examples_dir()])
    assert [str(p) for p in problems] == []


def test_reference_examples_compile_into_a_typed_importable_package(tmp_path: Path) -> None:
    examples = _examples_dir()
    code = main(["generate", "--queries", str(examples), "--package", "nosto_examples",
                 "--target", str(tmp_path)])  # fmt: skip
    assert code == EXIT_OK
    package = tmp_path / "nosto_examples"
    assert (package / "client.py").is_file() and (package / "async_client.py").is_file()
    probe = (
        "import inspect, nosto_examples as p;"
        "from nosto_examples.client import Client;"
        "from nosto_examples.async_client import AsyncClient;"
        "assert p.AsyncClient is AsyncClient and p.Client is Client;"
        "assert inspect.iscoroutinefunction(AsyncClient.top_sellers_last_week);"
        "print(Client.top_sellers_last_week.__doc__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert "Best sellers of the last week" in out.stdout


def _user_project(tmp_path: Path, operation: str) -> tuple[Path, Path]:
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "ops.graphql").write_text(operation)
    return queries, tmp_path / "out"


GOOD = "query Segs {\n  segments {\n    segments {\n      id\n    }\n  }\n}\n"


def _args(cmd: str, queries: Path, target: Path) -> list[str]:
    return [cmd, "--queries", str(queries), "--package", "mine", "--target", str(target)]


def test_check_passes_fresh_package_and_fails_stale_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries, target = _user_project(tmp_path, GOOD)
    target.mkdir()
    assert main(_args("generate", queries, target)) == EXIT_OK
    assert main(_args("check", queries, target)) == EXIT_OK

    (queries / "ops.graphql").write_text(GOOD.replace("id\n", "id\n      name\n"))
    capsys.readouterr()
    assert main(_args("check", queries, target)) == EXIT_PROBLEMS
    assert "stale" in capsys.readouterr().err


def test_check_fails_when_generated_file_was_edited_by_hand(tmp_path: Path) -> None:
    queries, target = _user_project(tmp_path, GOOD)
    target.mkdir()
    main(_args("generate", queries, target))
    with (target / "mine" / "client.py").open("a") as fh:
        fh.write("# hand edit\n")
    assert main(_args("check", queries, target)) == EXIT_PROBLEMS


def test_deleted_operation_leaves_no_stale_module(tmp_path: Path) -> None:
    queries, target = _user_project(tmp_path, GOOD)
    target.mkdir()
    main(_args("generate", queries, target))
    assert (target / "mine" / "segs.py").is_file()
    (queries / "ops.graphql").write_text("query Other { segments { segments { name } } }\n")
    main(_args("generate", queries, target))
    assert not (target / "mine" / "segs.py").exists()


@pytest.mark.parametrize(
    ("operation", "line", "col", "message"),
    [
        ("query A {\n  segments {\n    nope\n  }\n}\n", 3, 5, "Cannot query field 'nope'"),
        ("query B($id: Int!) {\n  product(id: $id) { name }\n}\n", 1, 9, "type 'Int!'"),
        ("query C($unused: String) {\n  segments { segments { id } }\n}\n", 1, 9, "$unused"),
        ("query D {\n  product(id: $nope) { name }\n}\n", 2, 15, "$nope"),
        ("query E {\n  segments {\n", 3, 1, "Syntax Error"),
        ("# c\n{\n  segments { segments { id } }\n}\n", 2, 1, "anonymous query"),
        ("subscription S {\n  segments { segments { id } }\n}\n", 1, 1, "no subscriptions"),
        ("query Execute {\n  segments { segments { id } }\n}\n", 1, 1, "execute()"),
        (
            "query ListAll { segments { segments { id } } }\n"
            "query listAll { segments { segments { name } } }\n",
            2,
            1,
            "both generate method list_all()",
        ),
    ],
)
def test_check_reports_problems_as_file_line_col(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    operation: str,
    line: int,
    col: int,
    message: str,
) -> None:
    queries, target = _user_project(tmp_path, operation)
    assert main(_args("check", queries, target)) == EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert f"{queries / 'ops.graphql'}:{line}:{col}: " in err
    assert message in err


def test_generate_refuses_invalid_operations_and_writes_nothing(tmp_path: Path) -> None:
    queries, target = _user_project(tmp_path, "query A { nope }\n")
    assert main(_args("generate", queries, target)) == EXIT_PROBLEMS
    assert not (target / "mine").exists()


def test_make_check_style_run_from_another_directory(tmp_path: Path) -> None:
    # The config's relative paths resolve against the pyproject's folder, not the cwd.
    copy = tmp_path / "proj"
    shutil.copytree(REPO / "queries", copy / "queries")
    shutil.copytree(REPO / "schema", copy / "schema")
    shutil.copytree(REPO / "generated", copy / "generated")
    shutil.copy(REPO / "pyproject.toml", copy / "pyproject.toml")
    assert main(["check", "--config", str(copy / "pyproject.toml")]) == EXIT_OK


def test_installed_package_finds_its_bundled_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    # In a wheel install there is no repository schema/ folder; the generated package's copy,
    # which `make generate` keeps identical, is used instead.
    import nosto_gql._schema as schema_module

    monkeypatch.setattr(schema_module, "_REPO_SCHEMA", Path("/nonexistent/schema.graphql"))
    path = schema_module.bundled_schema_path()
    assert path.parent.name == "nosto_gql_apps"
    assert path.read_bytes() == SCHEMA.read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ["generate", "--queries", "q"],
        ["check", "--queries", "/nonexistent", "--package", "p"],
        ["generate", "--queries", ".", "--package", "not-a-name"],
        ["generate", "--queries", ".", "--package", "class"],
        ["generate", "--queries", ".", "--package", "p", "--schema", "/nonexistent.graphql"],
    ],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    assert capsys.readouterr().err.startswith("nosto-gql: ")


def test_empty_queries_directory_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "queries").mkdir()
    assert main(_args("generate", tmp_path / "queries", tmp_path)) == EXIT_PROBLEMS
    assert "no .graphql or .gql operation files found" in capsys.readouterr().err


def test_check_files_alone_validates_without_a_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Fragments shared from another file are fine, and unused fragments are no problem.
    fragments = REPO / "queries" / "fragments.graphql"
    assert main(["check", str(REPO / "queries" / "catalog.graphql"), str(fragments)]) == EXIT_OK
    bad = tmp_path / "bad.graphql"
    bad.write_text("query Q($x: Int) {\n  segments { segments { id } }\n}\n")
    assert main(["check", str(bad)]) == EXIT_PROBLEMS
    assert f"{bad}:1:9: " in capsys.readouterr().err
