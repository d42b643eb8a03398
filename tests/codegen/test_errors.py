"""Every bad input is one line on stderr: a located problem (exit 1) or a usage error (exit 2)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ariadne_codegen.exceptions import ParsingError

from nosto_gql.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main

GOOD = "# Segments.\nquery Segs {\n  segments {\n    segments {\n      id\n    }\n  }\n}\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "ops.graphql").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*extra: str) -> int:
    return main(["check", "--queries", "q", "--package", "mine", *extra])


# Problems inside the schema file are located like problems in operations: exit 1.
@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        (b"root:x:0:0:root:/root:/bin/bash\n", "1:1", "Syntax Error: Unexpected Name 'root'"),
        (b"type Query {\n  a: Missing\n}\n", "2:6", "Unknown type 'Missing'"),
        (b"type Thing {\n  a: Int\n}\n", "1:1", "Query root type must be provided"),
        (b"# caf\xc3\xa9 \xff\ntype Query { a: Int }\n", "1:8", "not UTF-8: byte 0xff"),
    ],
)
def test_a_broken_schema_is_a_located_problem(
    project: Path, capsys: pytest.CaptureFixture[str], content: bytes, where: str, message: str
) -> None:
    (project / "schema.txt").write_bytes(content)
    assert _check("--schema", "schema.txt") == EXIT_PROBLEMS
    assert main(["generate", "--queries", "q", "--package", "mine", "--schema", "schema.txt"]) == 1
    err = capsys.readouterr().err
    assert f"schema.txt:{where}: {message}" in err
    assert not (project / "mine").exists()


def test_a_non_utf8_operation_file_is_a_located_problem(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "q" / "latin1.graphql").write_bytes(b"query X {\n  caf\xe9\n}\n")
    assert _check() == EXIT_PROBLEMS
    assert f"{Path('q', 'latin1.graphql')}:2:6: not UTF-8: byte 0xe9" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        ({}, ["--config", "nope.toml"], "config file nope.toml not found"),
        ({}, ["--config", "q"], "cannot read config file q"),
        ({"c.toml": "[tool\nx ="}, ["--config", "c.toml"], "c.toml: invalid TOML: "),
        ({"c.toml": "[tool.other]\nx = 1\n"}, ["--config", "c.toml"], "no [tool.ariadne-codegen]"),
        ({"c.toml": "[tool.ariadne-codegen]\nqueries_path = 1\n"}, ["--config", "c.toml"],
         "queries_path must be a string"),
        ({"afile": ""}, ["--queries", "q", "--package", "p", "--target", "afile"],
         "target afile is not a directory"),
        ({"afile": ""}, ["--queries", "q", "--package", "p", "--target", "afile/sub"],
         "(afile is a file)"),
        ({"t/p": ""}, ["--queries", "q", "--package", "p", "--target", "t"], "is not a directory"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("command", ["generate", "check"])
def test_configuration_errors_exit_2(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    files: dict[str, str],
    args: list[str],
    message: str,
) -> None:
    for name, content in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(content)
    assert main([command, *args]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("nosto-gql: ") and message in err and err.count("\n") == 1


def test_non_utf8_config_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "c.toml").write_bytes(b"# \xff\n[tool.ariadne-codegen]\n")
    assert main(["check", "--config", "c.toml"]) == EXIT_USAGE
    assert "not UTF-8" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["generate", "check"])
def test_without_the_codegen_extra_the_hint_is_printed(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    monkeypatch.setitem(sys.modules, "ariadne_codegen", None)  # makes the import fail
    assert main([command, "--queries", "q", "--package", "mine"]) == EXIT_USAGE
    assert "pip install 'nosto-gql[codegen]'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("error", "where", "message"),
    [
        (
            ParsingError("Duplicated file names: segs.py"),
            "q/ops.graphql:2:1",
            "code generation failed: ParsingError: Duplicated file names: segs.py",
        ),
        (RuntimeError("boom\nsecond line"), "q:1:1", "code generation failed: RuntimeError: boom"),
    ],
)
def test_a_generator_failure_is_one_located_line(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: Exception,
    where: str,
    message: str,
) -> None:
    def fail(config_dict: object) -> None:
        raise error

    monkeypatch.setattr("ariadne_codegen.main.client", fail)
    assert main(["generate", "--queries", "q", "--package", "mine"]) == EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert f"{where}: {message}\n" in err and "second line" not in err
    assert not (project / "mine").exists()


def test_check_with_explicit_files_only_validates(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As its --help says: no package is compared, so none needs to exist.
    assert main(["check", "--queries", "q", "--package", "mine", "q/ops.graphql"]) == EXIT_OK
    assert "package not compared" in capsys.readouterr().out
