"""`import nosto_gql` stays light: optional and heavy parts load only when used."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["gql", "ariadne_codegen", "starlette", "uvicorn", "trustme", "nosto_gql_apps.client"]


def test_import_does_not_load_optional_or_generated_modules() -> None:
    probe = (
        f"import sys, json, nosto_gql;print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_package_ships_py_typed() -> None:
    from importlib import resources

    assert resources.files("nosto_gql").joinpath("py.typed").is_file()
    assert resources.files("nosto_gql_apps").joinpath("py.typed").is_file()
