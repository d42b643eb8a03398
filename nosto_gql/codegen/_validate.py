"""Validate .graphql operation files against the schema, reporting ``file:line:col: message``."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from graphql import (
    DefinitionNode,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    Source,
    build_ast_schema,
    build_schema,
    parse,
    validate,
    validate_schema,
)
from graphql.validation import NoUnusedFragmentsRule, specified_rules
from graphql.validation.validate import validate_sdl

from ._names import DEFAULT_MODULE_NAMES, name_problems
from ._problems import CodegenProblems, OperationProblem, problem_of, read_source
from ._selections import selection_problems

# As ariadne-codegen does: a fragment no operation uses is never sent (each operation carries
# only the fragments it spreads), so it is no problem, e.g. when checking some files only.
OPERATION_RULES = [rule for rule in specified_rules if rule is not NoUnusedFragmentsRule]

OPERATION_SUFFIXES = (".graphql", ".gql")
# Directories that hold other people's files, never a project's operations.
SKIPPED_DIRECTORIES = frozenset({".venv", "venv", "node_modules", "site-packages", "__pycache__"})


def operation_files(paths: Iterable[Path], *, exclude: Iterable[Path] = ()) -> list[Path]:
    """Every .graphql/.gql file under the given files or directories, sorted.

    Hidden directories, virtualenvs, node_modules and the ``exclude`` directories (the generated
    package) are skipped; a file named explicitly is always included.
    """
    excluded = {path.resolve() for path in exclude}
    found: set[Path] = set()
    for path in paths:
        if not path.is_dir():
            found.add(path)
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = [
                name
                for name in dirs
                if not name.startswith(".")
                and name not in SKIPPED_DIRECTORIES
                and (Path(root) / name).resolve() not in excluded
            ]
            found.update(
                Path(root) / name for name in files if Path(name).suffix in OPERATION_SUFFIXES
            )
    return sorted(found)


def load_schema(path: Path) -> GraphQLSchema:
    """The schema in an SDL file; raises `CodegenProblems` locating what is wrong with it."""
    source = Source(read_source(path), str(path))
    try:
        document = parse(source)
    except GraphQLSyntaxError as exc:
        raise CodegenProblems([problem_of(exc, str(path))]) from exc
    errors: list[GraphQLError] = list(validate_sdl(document))
    if not errors:
        schema = build_ast_schema(document, assume_valid_sdl=True)
        errors = list(validate_schema(schema))
    if errors:
        raise CodegenProblems(sorted(problem_of(error, str(path)) for error in errors))
    return schema


def read_operations(
    files: Iterable[Path],
) -> tuple[list[tuple[Path, DocumentNode]], list[OperationProblem]]:
    """The parsed operation files, and the problems of those that could not be read or parsed."""
    documents: list[tuple[Path, DocumentNode]] = []
    problems: list[OperationProblem] = []
    for path in files:
        try:
            documents.append((path, parse(Source(read_source(path), str(path)))))
        except CodegenProblems as exc:
            problems.extend(exc.problems)
        except GraphQLSyntaxError as exc:
            problems.append(problem_of(exc, str(path)))
    return documents, problems


def validate_operations(
    schema: GraphQLSchema | str,
    paths: Iterable[Path],
    *,
    exclude: Iterable[Path] = (),
    module_names: frozenset[str] = DEFAULT_MODULE_NAMES,
) -> list[OperationProblem]:
    """All problems across the files; fragments may be shared between files, as in codegen.

    graphql-core's standard rules include NoUnusedVariables, which matters here: Nosto rejects
    operations that declare a variable they never use.
    """
    if isinstance(schema, str):
        schema = build_schema(schema)
    paths = list(paths)
    files = operation_files(paths, exclude=exclude)
    if not files:
        where = ", ".join(str(p) for p in paths) or "."
        return [OperationProblem(where, 1, 1, "no .graphql or .gql operation files found")]
    documents, problems = read_operations(files)
    problems.extend(name_problems(documents, module_names))
    definitions: list[DefinitionNode] = [
        definition for _, document in documents for definition in document.definitions
    ]
    if definitions:
        combined = DocumentNode(definitions=tuple(definitions))
        errors = validate(schema, combined, rules=OPERATION_RULES)
        problems.extend(problem_of(error, "<unknown>") for error in errors)
        if not errors:  # the selection checks expect documents valid against the schema
            problems.extend(selection_problems(schema, documents))
    return sorted(problems)
