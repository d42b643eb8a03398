"""Find names a generated module binds twice, e.g. an operation named `Optional` whose result
class replaces ``typing.Optional`` in the client module. ariadne-codegen writes such a package
without complaint; it then fails at import time or type-checks wrongly."""

from __future__ import annotations

import ast
from collections.abc import Iterable


def _bindings(statements: Iterable[ast.stmt], found: dict[str, list[str]]) -> None:
    for node in statements:
        if isinstance(node, ast.ImportFrom):
            source = "." * node.level + (node.module or "")
            for alias in node.names:
                found.setdefault(alias.asname or alias.name, []).append(f"from {source} import")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.partition(".")[0]
                found.setdefault(bound, []).append(f"import {alias.name}")
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            found.setdefault(node.name, []).append("defined here")
        elif isinstance(node, (ast.If, ast.Try)):
            _bindings(node.body, found)
            _bindings(node.orelse, found)


def shadowed_names(files: dict[str, bytes]) -> list[tuple[str, str, str]]:
    """(module, name, how it is bound) for every module-level name bound in two different ways."""
    shadowed = []
    for module, content in sorted(files.items()):
        if not module.endswith(".py"):
            continue
        found: dict[str, list[str]] = {}
        _bindings(ast.parse(content).body, found)
        for name, ways in sorted(found.items()):
            if len(set(ways)) > 1:
                shadowed.append((module, name, ", ".join(sorted(set(ways)))))
    return shadowed
