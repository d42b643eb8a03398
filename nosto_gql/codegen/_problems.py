"""What the codegen reports: located problems in input files (exit 1), config errors (exit 2)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graphql import GraphQLError


@dataclass(frozen=True, order=True)
class OperationProblem:
    """One problem in an input file, located the way editors and CI annotations expect."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class CodegenProblems(Exception):
    """The inputs (schema, operations) have problems; the CLI prints them and exits 1."""

    def __init__(self, problems: list[OperationProblem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


class CodegenConfigError(Exception):
    """The configuration or the target cannot work as given; the CLI exits 2."""


def read_source(path: Path) -> str:
    """The UTF-8 text of an input file; an unreadable or undecodable file is a located problem."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CodegenProblems(
            [OperationProblem(str(path), 1, 1, f"cannot read: {exc.strerror or exc}")]
        ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        message = f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded ({exc.reason})"
        raise CodegenProblems([OperationProblem(str(path), line, column, message)]) from exc


def problem_of(error: GraphQLError, fallback_file: str) -> OperationProblem:
    """A graphql-core error as a problem, in the file its first node or source comes from."""
    file = fallback_file
    if error.nodes and error.nodes[0].loc is not None:
        file = error.nodes[0].loc.source.name
    elif error.source is not None:
        file = error.source.name
    line, column = (
        (error.locations[0].line, error.locations[0].column) if error.locations else (1, 1)
    )
    return OperationProblem(file, line, column, error.message)
