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


CLIENT_MODULES = ("client.py", "async_client.py")


def argument_clashes(files: dict[str, bytes]) -> list[tuple[str, str, str]]:
    """(method, argument, what it clashes with) for every argument of a generated client method
    that is another argument's name too, or a name the method body uses for something else
    (a helper such as ``gql``, or a local): the method would not compile, or would call a
    string. Read from the generated code, so whatever ariadne-codegen's method bodies use is
    covered; the locals it renames itself when an argument takes their name (``_query``,
    ``_variables``, ...) never clash."""
    clashes: set[tuple[str, str, str]] = set()
    for module in CLIENT_MODULES:
        if module not in files:
            continue
        for node in ast.walk(ast.parse(files[module])):
            if not isinstance(node, ast.ClassDef):
                continue
            for method in node.body:
                if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    clashes.update((method.name, *clash) for clash in _method_clashes(method))
    return sorted(clashes)


def _method_clashes(method: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[str, str]]:
    arguments = [arg.arg for arg in (*method.args.args, *method.args.kwonlyargs)]
    clashes = []
    seen: set[str] = set()
    for name in arguments:
        if name in seen:
            what = "the method's own self" if name == arguments[0] else "another argument"
            clashes.append((name, what))
        seen.add(name)
    # The values of the variables dict are where the arguments are meant to be read.
    passed = {
        id(inner)
        for node in ast.walk(method)
        if isinstance(node, ast.Dict)
        for value in node.values
        for inner in ast.walk(value)
    }
    used: set[str] = set()
    for statement in method.body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and id(node) not in passed:
                used.add(node.id)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                used.update((alias.asname or alias.name).partition(".")[0] for alias in node.names)
    clashes.extend(
        (name, f"`{name}` as used in the method body") for name in arguments[1:] if name in used
    )
    return clashes
