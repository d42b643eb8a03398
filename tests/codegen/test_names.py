"""Operation names that would break the generated package are reported where they are declared."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest

from nosto_gql.cli import EXIT_OK, EXIT_PROBLEMS, main
from nosto_gql.codegen._names import RESERVED_METHOD_NAMES, package_module_names
from nosto_gql.runtime import AsyncGraphQLClient, GraphQLClient

BODY = "{\n  segments { segments { id } }\n}\n"


def _compile(tmp_path: Path, source: str, command: str = "generate") -> int:
    (tmp_path / "q").mkdir(exist_ok=True)
    (tmp_path / "q" / "ops.graphql").write_text(source)
    return main([command, "--queries", str(tmp_path / "q"), "--package", "mine",
                 "--target", str(tmp_path)])  # fmt: skip


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("InputTypes", "input_types"),
        ("Enums", "enums"),
        ("Client", "client"),
        ("AsyncClient", "async_client"),
        ("BaseModel", "base_model"),
        ("Fragments", "fragments"),
        ("BaseClient", "base_client"),
        ("AsyncBaseClient", "async_base_client"),
    ],
)
@pytest.mark.parametrize("command", ["generate", "check"])
def test_module_name_clashes_are_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str, module: str
) -> None:
    assert _compile(tmp_path, f"# doc\nquery {name} {BODY}", command) == EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert f"ops.graphql:2:1: operation {name} would generate module {module}.py" in err
    assert "Duplicated file names" not in err


def test_module_names_follow_the_passed_through_settings() -> None:
    names = package_module_names({"enums_module_name": "my_enums"})
    assert "my_enums" in names and "enums" not in names


def test_reserved_method_names_are_every_base_client_attribute() -> None:
    for base in (GraphQLClient, AsyncGraphQLClient):
        public = {name for name in dir(base(cast(Any, None))) if not name.startswith("_")}
        assert public <= RESERVED_METHOD_NAMES
    assert {"request_spec", "get_data", "parse_result", "execute", "transport", "unset"} <= (
        RESERVED_METHOD_NAMES
    )


@pytest.mark.parametrize(
    ("source", "where", "message"),
    [
        (f"query RequestSpec {BODY}", "1:1", "method request_spec(), which clashes"),
        (f"query None {BODY}", "1:1", "class None, a Python keyword"),
        (f"query _ {BODY}", "1:1", "no letters or digits"),
        # Names ariadne-codegen accepts but whose package fails at import or type-checks wrongly.
        (f"query Optional {BODY}", "1:1", "optional.py binds the name Optional twice"),
        (f"query Field {BODY}", "1:1", "field.py binds the name Field twice"),
        (f"query NostoBaseClient {BODY}", "1:1", "binds the name NostoBaseClient twice"),
        (
            f"query Segs {BODY}query SegsSegments {BODY}",
            "4:1",
            "__init__.py binds the name SegsSegments twice",
        ),
    ],
)
def test_names_that_break_the_package_are_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, where: str, message: str
) -> None:
    assert _compile(tmp_path, source) == EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert f"ops.graphql:{where}: " in err and message in err
    assert not (tmp_path / "mine").exists()


def test_names_close_to_reserved_ones_compile_and_import(tmp_path: Path) -> None:
    source = "".join(f"query {name} {BODY}" for name in ("Exceptions", "Import", "Close", "Gql"))
    assert _compile(tmp_path, source) == EXIT_OK
    probe = "from mine import Client; print(sorted(n for n in vars(Client) if n[0] != '_'))"
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "['close', 'exceptions', 'gql', 'import_']"
