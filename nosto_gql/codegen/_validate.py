"""Validate .graphql operation files against the schema, reporting ``file:line:col: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graphql import (
    DefinitionNode,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
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
    problems: list[OperationProblem] = []
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
