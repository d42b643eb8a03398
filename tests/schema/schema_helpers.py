"""Shared by the schema tests: paths, the reference dump, and the ``schema`` command run through
a parser built with `_cli_schema.add_arguments` alone (independent of nosto_gql/cli.py)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from nosto_gql import _cli_schema

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "schema" / "nosto-apps.graphql"
REFERENCE = REPO.parent / "shared" / "reference" / "graphql"
DUMP_2018 = REFERENCE / "introspection-2018.json"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nosto-gql")
    commands = parser.add_subparsers(dest="command", required=True)
    _cli_schema.add_arguments(commands)
    return parser


def run_schema_cli(*argv: str) -> int:
    """``nosto-gql schema *argv``; returns the handler's exit code."""
    args = build_parser().parse_args(["schema", *argv])
    exit_code: int = args.handler(args)
    return exit_code


def reference_dump() -> Path:
    """The 2018 introspection dump; a missing ../shared skips locally and fails in CI."""
    if not DUMP_2018.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"reference introspection dump missing at {DUMP_2018}")
        pytest.skip("reference material (../shared) not present beside this checkout")
    return DUMP_2018
