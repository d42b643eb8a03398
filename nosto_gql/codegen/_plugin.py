"""ariadne-codegen plugin: the small changes that make generated clients ours.

- Methods lose their catch-all ``**kwargs``: a misspelled argument must be a TypeError (and a
  type-checker error), not something silently passed to the HTTP layer.
- Input types are built by their Python names: the wire name becomes a *serialization* alias,
  so type checkers and IDEs accept ``InputRecommenderParams(max_products=5)`` (with a plain
  ``alias`` they only accept ``maxProducts=``). They forbid unknown fields, so a misspelled one
  (``max_product=5``) is an error instead of being silently dropped from the request.
- Enums derive from `NostoEnum`, and ``__typename`` is any string: values and type names
  added to the schema after the client was generated are accepted, not validation errors.
  (Except in the members of an interface's or union's discriminated union: pydantic tells them
  apart by their ``Literal`` type name.)
- Result fields are required, nullable or not: a response that leaves one out is malformed.
  Only fields under ``@include``/``@skip`` (directly, or through an inline fragment or fragment
  spread) default to None, since the server leaves those out when they are skipped.
- Inputs (method arguments, input-type fields) take any ``Sequence`` where the schema has a
  list, so ``list[X]`` fits a list of nullable items.
- Methods get the comment above their operation as docstring.
- Methods hand the response to the base client's ``parse_result`` instead of validating it
  themselves, so a response of the wrong shape becomes a `MalformedResponseError` (with the
  request id) rather than a bare pydantic error.
- The package ``__init__`` also exports the async client, generated in a second pass.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

from ariadne_codegen.plugins.base import Plugin
from graphql import (
    ExecutableDefinitionNode,
    FieldNode,
    FragmentDefinitionNode,
    OperationDefinitionNode,
    parse,
)

from ._conditional import ConditionalFields, conditional_fields
from ._names import method_name_of
from ._result_ast import default_to_none, typename_as_str

ASYNC_CLIENT_NAME_KEY = "nosto_async_client_name"


class NostoCodegenPlugin(Plugin):
    def __init__(self, schema: Any, config_dict: dict[str, Any]) -> None:
        super().__init__(schema, config_dict)
        self._docstrings: dict[str, str] = {}
        self._conditional: ConditionalFields | None = None

    def generate_client_method(
        self,
        method_def: ast.FunctionDef | ast.AsyncFunctionDef,
        operation_definition: OperationDefinitionNode,
    ) -> ast.FunctionDef | ast.AsyncFunctionDef:
        method_def.args.kwarg = None
        for node in ast.walk(method_def):
            if isinstance(node, ast.Call):
                node.keywords = [kw for kw in node.keywords if kw.arg is not None]
        description = _description_of(operation_definition)
        if description:
            self._docstrings[method_def.name] = description
        return method_def

    def generate_arguments(
        self, arguments: ast.arguments, variable_definitions: Any
    ) -> ast.arguments:
        # `$image: ImageVersionType = VERSION_8_400_400` makes the argument optional, but an
        # explicit null would override the default and fail on Nosto's side: leave it out of
        # the type, so `image=None` is a type error while omitting it keeps the default.
        with_default = {
            method_name_of(var.variable.name.value)
            for var in variable_definitions
            if var.default_value is not None
        }
        for arg in [*arguments.args, *arguments.kwonlyargs]:
            if arg.arg.rstrip("_") in with_default and arg.annotation is not None:
                arg.annotation = _without_optional(arg.annotation)
            if arg.annotation is not None:
                _lists_as_sequences(arg.annotation)
        return arguments

    def generate_client_module(self, module: ast.Module) -> ast.Module:
        module.body.insert(0, ast.parse("from collections.abc import Sequence").body[0])
        return module

    def generate_enums_module(self, module: ast.Module) -> ast.Module:
        module.body.insert(0, ast.parse("from nosto_gql.runtime import NostoEnum").body[0])
        return module

    def generate_enum(self, class_def: ast.ClassDef, enum_type: Any) -> ast.ClassDef:
        # Values added to the schema later must not break deployed clients (see NostoEnum).
        class_def.bases = [ast.Name("NostoEnum", ctx=ast.Load())]
        return class_def

    def generate_result_field(
        self,
        field_implementation: ast.AnnAssign,
        operation_definition: ExecutableDefinitionNode,
        field: FieldNode,
    ) -> ast.AnnAssign:
        if self._conditional_fields().may_be_absent(operation_definition, field):
            default_to_none(field_implementation)
        return field_implementation

    def generate_result_types_module(
        self, module: ast.Module, operation_definition: ExecutableDefinitionNode
    ) -> ast.Module:
        typename_as_str(module)
        return module

    def generate_fragments_module(
        self, module: ast.Module, fragments_definitions: dict[str, FragmentDefinitionNode]
    ) -> ast.Module:
        typename_as_str(module)
        return module

    def generate_inputs_module(self, module: ast.Module) -> ast.Module:
        module.body.insert(0, ast.parse("from pydantic import ConfigDict").body[0])
        module.body.insert(0, ast.parse("from collections.abc import Sequence").body[0])
        return module

    def generate_input_class(self, class_def: ast.ClassDef, input_type: Any) -> ast.ClassDef:
        forbid_extra = ast.parse('model_config = ConfigDict(extra="forbid")').body[0]
        body = [node for node in class_def.body if not isinstance(node, ast.Pass)]
        has_docstring = (
            bool(body)
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        )
        at = 1 if has_docstring else 0
        class_def.body = [*body[:at], forbid_extra, *body[at:]]
        return class_def

    def generate_input_field(
        self, field_implementation: ast.AnnAssign, input_field: Any, field_name: str
    ) -> ast.AnnAssign:
        for node in ast.walk(field_implementation):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "alias":
                        keyword.arg = "serialization_alias"
        _lists_as_sequences(field_implementation.annotation)
        return field_implementation

    def generate_client_code(self, generated_code: str) -> str:
        # Docstrings are placed in the formatted code: at AST level, the forward-refs plugin that
        # runs after this one would insert its imports above them.
        return _parse_via_base(_insert_docstrings(generated_code, self._docstrings))

    def generate_init_code(self, generated_code: str) -> str:
        # ariadne-codegen leaves the lazy-import hooks unannotated; mypy --strict wants types.
        generated_code = generated_code.replace(
            "def __getattr__(name):", "def __getattr__(name: str) -> object:"
        ).replace("def __dir__():", "def __dir__() -> list[str]:")
        async_name = self._section().get(ASYNC_CLIENT_NAME_KEY)
        if not async_name:
            return generated_code
        return (
            generated_code
            + "\n\nif TYPE_CHECKING:\n"
            + f"    from .async_client import {async_name}\n\n"
            + f'_LAZY_IMPORTS["{async_name}"] = ".async_client"\n'
            + f'__all__ += ["{async_name}"]\n'
        )

    def _conditional_fields(self) -> ConditionalFields:
        """Parsed once per run, from the same concatenated text ariadne-codegen parses."""
        if self._conditional is None:
            from ariadne_codegen.schema import load_graphql_files_from_path

            queries_path = self._section().get("queries_path")
            text = load_graphql_files_from_path(Path(queries_path)) if queries_path else ""
            self._conditional = (
                conditional_fields(parse(text)) if text.strip() else (ConditionalFields())
            )
        return self._conditional

    def _section(self) -> dict[str, Any]:
        section: dict[str, Any] = self.config_dict.get("tool", {}).get("ariadne-codegen", {})
        return section


# ariadne-codegen names the locals `_data`/`_response` when an argument takes the plain name.
_VALIDATE_IN_METHOD = re.compile(
    r"^(?P<indent> +)(?P<data>_?data) = self\.get_data\((?P<response>_?response)\)\n"
    r"(?P=indent)return (?P<model>\w+)\.model_validate\((?P=data)\)$",
    re.MULTILINE,
)


def _parse_via_base(code: str) -> str:
    """``data = self.get_data(response); return M.model_validate(data)`` ->
    ``return self.parse_result(M, response)``. Done on the final code: the forward-refs plugin
    decides which models each method imports by finding their ``model_validate`` calls."""
    return _VALIDATE_IN_METHOD.sub(
        r"\g<indent>return self.parse_result(\g<model>, \g<response>)", code
    )


def _lists_as_sequences(annotation: ast.expr) -> None:
    """``list[Optional[X]]`` -> ``Sequence[Optional[X]]`` in an input position: list is
    invariant, so a type checker would refuse a caller's ``list[X]`` for a nullable-item list."""
    for node in ast.walk(annotation):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "list"
        ):
            node.value.id = "Sequence"


def _without_optional(annotation: ast.expr) -> ast.expr:
    """``Union[Optional[X], UnsetType]`` -> ``Union[X, UnsetType]``; anything else unchanged."""
    if (
        isinstance(annotation, ast.Subscript)
        and isinstance(annotation.slice, ast.Tuple)
        and annotation.slice.elts
    ):
        first = annotation.slice.elts[0]
        if (
            isinstance(first, ast.Subscript)
            and isinstance(first.value, ast.Name)
            and first.value.id == "Optional"
        ):
            annotation.slice.elts[0] = first.slice
    return annotation


def _description_of(operation: OperationDefinitionNode) -> str:
    """The comment block right above the operation in its .graphql file, used as docstring."""
    loc = operation.loc
    if loc is None:
        return ""
    source_lines = loc.source.body[: loc.start].splitlines()
    comment: list[str] = []
    for line in reversed(source_lines):
        stripped = line.strip()
        if stripped.startswith("#"):
            comment.append(stripped.lstrip("#").strip())
        elif stripped or comment:
            break
    return "\n".join(reversed(comment))


_SIGNATURE_END = re.compile(r"\)(?: -> .+)?:$")


def _insert_docstrings(code: str, docstrings: dict[str, str]) -> str:
    lines = code.splitlines(keepends=True)
    out: list[str] = []
    pending: str | None = None
    for line in lines:
        out.append(line)
        match = re.match(r"^    (?:async )?def (\w+)\(", line)
        if match:
            pending = docstrings.get(match.group(1))
        if pending is not None and _SIGNATURE_END.search(line.rstrip()):
            body = pending.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
            indented = "\n".join(("        " + part).rstrip() for part in body.splitlines())
            out.append(f'        """\n{indented}\n        """\n\n')
            pending = None
    return "".join(out)
