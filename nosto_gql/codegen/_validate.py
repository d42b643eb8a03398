"""Validate .graphql operation files against the schema, reporting ``file:line:col: message``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graphql import (
    DefinitionNode,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    OperationDefinitionNode,
    Source,
    build_schema,
    parse,
    validate,
)


@dataclass(frozen=True, order=True)
class OperationProblem:
    """One problem in an operation file, located the way editors and CI annotations expect."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


def operation_files(paths: Iterable[Path]) -> list[Path]:
    """Every .graphql/.gql file under the given files or directories, sorted."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.suffix in (".graphql", ".gql"))
        else:
            found.add(path)
    return sorted(found)


def validate_operations(
    schema: GraphQLSchema | str, paths: Iterable[Path]
) -> list[OperationProblem]:
    """All problems across the files; fragments may be shared between files, as in codegen.

    graphql-core's standard rules include NoUnusedVariables, which matters here: Nosto rejects
    operations that declare a variable they never use.
    """
    if isinstance(schema, str):
        schema = build_schema(schema)
    paths = list(paths)
    problems = codegen_problems(paths)
    definitions: list[DefinitionNode] = []
    for path in operation_files(paths):
        try:
            document = parse(Source(path.read_text(encoding="utf-8"), str(path)))
        except GraphQLSyntaxError as exc:
            problems.append(_problem(exc, str(path)))
            continue
        definitions.extend(document.definitions)
    if definitions:
        combined = DocumentNode(definitions=tuple(definitions))
        problems.extend(_problem(error, "<unknown>") for error in validate(schema, combined))
    return sorted(problems)


# Attributes of the generated clients' base class: an operation named e.g. `Execute` would
# generate a method that replaces one of them and breaks every other method.
RESERVED_METHOD_NAMES = frozenset(
    {"execute", "get_data", "parse_result", "transport", "unset", "close", "aclose"}
)


def method_name_of(operation_name: str) -> str:
    """The client method ariadne-codegen generates for an operation (its snake_case rule)."""
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?=[A-Z][a-z]|\d|\W|_|$)|\d+", operation_name)
    return "_".join(word.lower() for word in words)


def codegen_problems(paths: Iterable[Path]) -> list[OperationProblem]:
    """What stops a valid document from becoming a typed client: nothing to compile,
    unnamed operations, subscriptions (Nosto has none), and method names that collide."""
    paths = list(paths)
    files = operation_files(paths)
    if not files:
        where = ", ".join(str(p) for p in paths) or "."
        return [OperationProblem(where, 1, 1, "no .graphql or .gql operation files found")]
    problems: list[OperationProblem] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            document = parse(Source(path.read_text(encoding="utf-8"), str(path)))
        except GraphQLSyntaxError:
            continue  # reported by validate_operations
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                problems.extend(_operation_problems(path, definition, seen))
    return problems


def _operation_problems(
    path: Path, operation: OperationDefinitionNode, seen: dict[str, str]
) -> list[OperationProblem]:
    line, column = _start_of(operation)
    kind = operation.operation.value
    if operation.name is None:
        message = (
            f"anonymous {kind}: name it (e.g. `{kind} MyOperation {{ ... }}`) so a method can "
            "be generated for it"
        )
        return [OperationProblem(str(path), line, column, message)]
    name = operation.name.value
    messages = []
    if kind == "subscription":
        messages.append(f"subscription {name}: Nosto's API has no subscriptions")
    method = method_name_of(name)
    if method in RESERVED_METHOD_NAMES:
        messages.append(
            f"operation {name} would generate method {method}(), which clashes with the "
            "client's own; rename the operation"
        )
    elif seen.setdefault(method, name) != name:
        messages.append(f"operations {seen[method]} and {name} both generate method {method}()")
    return [OperationProblem(str(path), line, column, message) for message in messages]


def _start_of(node: OperationDefinitionNode) -> tuple[int, int]:
    if node.loc is None:
        return 1, 1
    location = node.loc.source.get_location(node.loc.start)
    return location.line, location.column


def _problem(error: GraphQLError, fallback_file: str) -> OperationProblem:
    file = fallback_file
    if error.nodes and error.nodes[0].loc is not None:
        file = error.nodes[0].loc.source.name
    elif error.source is not None:
        file = error.source.name
    line, column = (
        (error.locations[0].line, error.locations[0].column) if error.locations else (1, 1)
    )
    return OperationProblem(file, line, column, error.message)
