"""Compile .graphql operations into a typed package (sync + async) with ariadne-codegen.

ariadne-codegen writes one client per run, so the package is rendered twice into a scratch
directory (sync, then async) and assembled. Rendering is pure: it returns the files as bytes,
which lets `check` compare them with what is on disk, and `write_package` replace the target
whole (no stale module survives a deleted operation).
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from graphql import DocumentNode, ExecutableDefinitionNode, OperationDefinitionNode

from .._schema import PACKAGED_SCHEMA_FILE_NAME
from ._config import CodegenConfig
from ._names import argument_name_of, class_name_of, method_name_of
from ._problems import CodegenProblems, OperationProblem
from ._shadowing import argument_clashes, shadowed_names
from ._validate import operation_files, read_operations
from ._write import MARKER_CONTENT, MARKER_FILE_NAME

_TEMPLATES = Path(__file__).parent / "templates"
_PLUGIN = "nosto_gql.codegen._plugin.NostoCodegenPlugin"


def _ariadne_section(
    config: CodegenConfig, queries: Path, scratch: Path, *, async_client: bool
) -> dict[str, Any]:
    flavour = "async_base_client" if async_client else "base_client"
    section: dict[str, Any] = {
        "include_comments": "none",
        "convert_to_snake_case": True,
        "lazy_imports": True,
        **config.extra,
        "schema_path": str(config.schema_path),
        "queries_path": str(queries),
        "target_package_name": config.package_name,
        "target_package_path": str(scratch),
        "scalars": config.scalars,
        "async_client": async_client,
        "client_name": config.async_client_name if async_client else config.client_name,
        "client_file_name": "async_client" if async_client else "client",
        "base_client_name": "AsyncNostoBaseClient" if async_client else "NostoBaseClient",
        "base_client_file_path": str(_TEMPLATES / f"{flavour}.py.tmpl"),
        "base_client_module_name": flavour,
        "multipart_uploads": False,
        "plugins": [*config.extra.get("plugins", []), _PLUGIN],
    }
    if not async_client:
        section["nosto_async_client_name"] = config.async_client_name
    return {"tool": {"ariadne-codegen": section}}


def _queries_for_ariadne(config: CodegenConfig, files: list[Path], scratch: Path) -> Path:
    """What ariadne-codegen reads: exactly the files we validated. Given a directory, it would
    read every .graphql/.graphqls/.gql file below it, virtualenvs and the package included."""
    if not config.queries_path.is_dir():
        return config.queries_path
    copy = scratch / "queries"
    for path in files:
        target = copy / path.relative_to(config.queries_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    copy.mkdir(exist_ok=True)
    return copy


def render_package(config: CodegenConfig) -> dict[str, bytes]:
    """The generated package as {relative path: content}. Deterministic for the same input.

    Raises `CodegenProblems` when ariadne-codegen fails or produces names that shadow each
    other, located at the operation involved when it can be told.
    """
    from ariadne_codegen.main import client as ariadne_client

    files_read = operation_files([config.queries_path], exclude=[config.package_dir])
    documents, problems = read_operations(files_read)
    if problems:
        raise CodegenProblems(problems)
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="nosto-gql-codegen-") as tmp:
        queries = _queries_for_ariadne(config, files_read, Path(tmp))
        for async_client in (False, True):
            scratch = Path(tmp) / ("async" if async_client else "sync")
            scratch.mkdir()
            section = _ariadne_section(config, queries, scratch, async_client=async_client)
            try:
                # ariadne-codegen reports progress on stdout; our CLI prints its own summary.
                with contextlib.redirect_stdout(io.StringIO()):
                    ariadne_client(section)  # type: ignore[no-untyped-call]
            except Exception as exc:  # any failure of the generator is a problem, not a crash
                raise CodegenProblems([_locate(_failure(exc), config, documents)]) from exc
            package = scratch / config.package_name
            for path in sorted(package.rglob("*.py")):
                name = path.relative_to(package).as_posix()
                if async_client and name not in ("async_client.py", "async_base_client.py"):
                    continue
                files[name] = path.read_bytes()
    shadowed = []
    for module, name, how in shadowed_names(files):
        message = f"generated {module} binds the name {name} twice ({how}); rename one of them"
        shadowed.append(_locate(message, config, documents, class_name=name))
    for method, argument, clash in argument_clashes(files):
        shadowed.append(_locate_argument(method, argument, clash, config, documents))
    if shadowed:
        raise CodegenProblems(sorted(set(shadowed)))
    files[PACKAGED_SCHEMA_FILE_NAME] = config.schema_path.read_bytes()
    files[MARKER_FILE_NAME] = MARKER_CONTENT
    files["py.typed"] = b""
    return dict(sorted(files.items()))


def _failure(exc: Exception) -> str:
    first_line = next(iter(str(exc).strip().splitlines()), "")
    return f"code generation failed: {type(exc).__name__}" + (
        f": {first_line}" if first_line else ""
    )


def _locate(
    message: str,
    config: CodegenConfig,
    documents: list[tuple[Path, DocumentNode]],
    *,
    class_name: str | None = None,
) -> OperationProblem:
    """The problem at the operation or fragment the message (or ``class_name``) is about, when
    one can be told; else at the queries path."""
    candidates: list[tuple[int, Path, ExecutableDefinitionNode]] = []
    for path, document in documents:
        for definition in document.definitions:
            if not isinstance(definition, ExecutableDefinitionNode) or definition.name is None:
                continue
            own = definition.name.value
            forms = {own, method_name_of(own), class_name_of(own)}
            if class_name is not None:
                # Result classes of nested selections are prefixed by the operation's class.
                if class_name.startswith(class_name_of(own)):
                    candidates.append((len(class_name_of(own)), path, definition))
            elif any(re.search(rf"\b{re.escape(form)}\b", message) for form in forms if form):
                candidates.append((len(own), path, definition))
    if not candidates:
        return OperationProblem(str(config.queries_path), 1, 1, message)
    _, path, definition = max(candidates, key=lambda candidate: candidate[0])
    line, column = 1, 1
    if definition.loc is not None:
        location = definition.loc.source.get_location(definition.loc.start)
        line, column = location.line, location.column
    return OperationProblem(str(path), line, column, message)


def _locate_argument(
    method: str,
    argument: str,
    clash: str,
    config: CodegenConfig,
    documents: list[tuple[Path, DocumentNode]],
) -> OperationProblem:
    """An argument of a generated method that clashes, at the variable it comes from."""
    for path, document in documents:
        for definition in document.definitions:
            if (
                not isinstance(definition, OperationDefinitionNode)
                or definition.name is None
                or method_name_of(definition.name.value) != method
            ):
                continue
            variables = [
                variable
                for variable in definition.variable_definitions or ()
                if argument_name_of(variable.variable.name.value) == argument
            ]
            if not variables:
                continue
            variable = variables[-1]  # the later of two same-named ones
            message = (
                f"variable ${variable.variable.name.value} becomes argument {argument} of "
                f"{method}(), which clashes with {clash}; rename the variable"
            )
            line, column = 1, 1
            if variable.loc is not None:
                location = variable.loc.source.get_location(variable.loc.start)
                line, column = location.line, location.column
            return OperationProblem(str(path), line, column, message)
    message = f"generated {method}() has an argument {argument} that clashes with {clash}"
    return _locate(message, config, documents)
