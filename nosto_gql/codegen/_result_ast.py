"""AST edits of generated result classes, used by the codegen plugin."""

from __future__ import annotations

import ast

TYPENAME_ATTRIBUTE = "typename__"


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


def typename_as_str(module: ast.Module) -> None:
    """``typename__: Literal["Name"]`` -> ``typename__: str`` in every class of the module but
    the members of a discriminated union, which pydantic tells apart by that Literal.

    Elsewhere a type renamed or added on Nosto's side must still be accepted. (A union member
    keeps its Literal, so a response naming a type the client does not know fails there.)
    """
    members = discriminated_members(module)
    for node in module.body:
        if not isinstance(node, ast.ClassDef) or node.name in members:
            continue
        for statement in node.body:
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and statement.target.id == TYPENAME_ATTRIBUTE
                and isinstance(statement.annotation, ast.Subscript)
                and _is_name(statement.annotation.value, "Literal")
            ):
                statement.annotation = ast.Name("str", ctx=ast.Load())


def discriminated_members(module: ast.Module) -> set[str]:
    """Names of the classes a ``Field(discriminator="typename__")`` tells apart: those in
    ``Annotated[Union[...], Field(discriminator=...)]`` and in ``x: Union[...] =
    Field(discriminator=...)``."""
    members: set[str] = set()
    for node in ast.walk(module):
        if (
            isinstance(node, ast.Subscript)
            and _is_name(node.value, "Annotated")
            and isinstance(node.slice, ast.Tuple)
            and any(_is_discriminator(elt) for elt in node.slice.elts[1:])
        ):
            members.update(_names_in(node.slice.elts[0]))
        elif isinstance(node, ast.AnnAssign) and _is_discriminator(node.value):
            members.update(_names_in(node.annotation))
    return members


def _is_discriminator(node: ast.expr | None) -> bool:
    return (
        isinstance(node, ast.Call)
        and _is_name(node.func, "Field")
        and any(
            kw.arg == "discriminator"
            and isinstance(kw.value, ast.Constant)
            and kw.value.value == TYPENAME_ATTRIBUTE
            for kw in node.keywords
        )
    )


def _names_in(annotation: ast.expr) -> set[str]:
    """Class names an annotation refers to, directly or as forward-reference strings
    (ariadne-codegen writes those as names with the quotes included: ``Name('"A"')``)."""
    names: set[str] = set()
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name):
            names.add(node.id.strip('"'))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names.add(node.value)
    return names


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name
