"""AST edits of generated result classes, used by the codegen plugin."""

from __future__ import annotations

import ast


def default_to_none(field: ast.AnnAssign) -> None:
    """``x: T`` -> ``x: Optional[T] = None`` (keeping any ``Field(...)``, with default=None):
    the field may be absent from a response."""
    annotation = field.annotation
    if not (
        isinstance(annotation, ast.Subscript)
        and isinstance(annotation.value, ast.Name)
        and annotation.value.id == "Optional"
    ):
        field.annotation = ast.Subscript(
            value=ast.Name("Optional", ctx=ast.Load()), slice=annotation, ctx=ast.Load()
        )
    value = field.value
    if isinstance(value, ast.Call) and _is_name(value.func, "Field"):
        value.keywords = [kw for kw in value.keywords if kw.arg != "default"]
        value.keywords.append(ast.keyword(arg="default", value=ast.Constant(None)))
    else:
        field.value = ast.Constant(None)
    field.simple = 1


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name
