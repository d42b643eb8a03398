"""The Python names an operation becomes, and the rules that keep them from clashing.

Each named operation becomes a client method and a result module (both its snake_case name) and
a result class (its PascalCase name). A method must not replace one of the base client's
attributes; a module must not collide with one the package always contains.
"""

from __future__ import annotations

import builtins
import keyword
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, cast

from graphql import DocumentNode, Node, OperationDefinitionNode
from pydantic import BaseModel

from ..runtime import AsyncGraphQLClient, GraphQLClient
from ._problems import OperationProblem


def _client_attributes() -> frozenset[str]:
    names: set[str] = set()
    for base in (GraphQLClient, AsyncGraphQLClient):
        # An instance, not just the class: attributes such as `transport` are set in __init__.
        names.update(dir(base(cast(Any, None))))
        for klass in base.__mro__:
            names.update(getattr(klass, "__annotations__", {}))
    return frozenset(names)


# Attributes of the generated clients' base classes: an operation named e.g. `Execute` would
# generate a method that replaces one of them and breaks every other method.
RESERVED_METHOD_NAMES = _client_attributes()

# Modules ariadne-codegen writes into every package, named by settings we pass through.
_MODULE_SETTINGS = {
    "enums_module_name": "enums",
    "input_types_module_name": "input_types",
    "fragments_module_name": "fragments",
}
_CUSTOM_OPERATION_MODULES = ("custom_fields", "custom_mutations", "custom_queries")


def package_module_names(settings: Mapping[str, Any] | None = None) -> frozenset[str]:
    """Every module of a generated package other than the operations' result modules.

    ``settings`` are the [tool.ariadne-codegen] settings nosto-gql passes through unchanged.
    """
    settings = settings or {}
    names = {"__init__", "client", "async_client", "base_client", "async_base_client"}
    names.add("base_model")
    names.update(str(settings.get(key, default)) for key, default in _MODULE_SETTINGS.items())
    names.update(Path(str(file)).stem for file in settings.get("files_to_include", []))
    if settings.get("enable_custom_operations"):
        names.update(_CUSTOM_OPERATION_MODULES)
        names.add(str(settings.get("custom_help_field_module_name", "custom_typing_fields")))
    return frozenset(names)


DEFAULT_MODULE_NAMES = package_module_names()


def method_name_of(operation_name: str) -> str:
    """The client method (and result module) ariadne-codegen generates for an operation."""
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?=[A-Z][a-z]|\d|\W|_|$)|\d+", operation_name)
    return "_".join(word.lower() for word in words)


def _python_name(graphql_name: str, *, attribute: bool) -> str:
    """ariadne-codegen's `process_name`: snake_case, ``_`` after a keyword or builtin type
    (and, for attributes, after a pydantic BaseModel attribute), leading ``_`` trimmed."""
    name = method_name_of(graphql_name)
    if keyword.iskeyword(name) or isinstance(getattr(builtins, name, None), type):
        name += "_"
    if attribute:
        if name in _PYDANTIC_ATTRIBUTES:
            name += "_"
        name = name.lstrip("_")
    if set(graphql_name) == {"_"} and not name:
        return "underscore_named_field_"
    return name


_PYDANTIC_ATTRIBUTES = frozenset(name for name in dir(BaseModel) if not name.startswith("_"))


def argument_name_of(variable_name: str) -> str:
    """The client-method argument ariadne-codegen generates for an operation variable."""
    return _python_name(variable_name, attribute=False)


def attribute_name_of(response_key: str) -> str:
    """The result-model attribute ariadne-codegen generates for a field (its alias or name)."""
    if response_key == "__typename":
        return "typename__"
    return _python_name(response_key, attribute=True)


def class_name_of(operation_name: str) -> str:
    """The result class ariadne-codegen generates for an operation (its PascalCase rule)."""
    return "".join(part[:1].upper() + part[1:] for part in operation_name.split("_"))


def name_problems(
    documents: Iterable[tuple[Path, DocumentNode]],
    module_names: frozenset[str] = DEFAULT_MODULE_NAMES,
) -> list[OperationProblem]:
    """What stops valid operations from becoming a typed client: unnamed operations,
    subscriptions (Nosto has none), and names that collide with each other or the package's."""
    problems: list[OperationProblem] = []
    seen: dict[str, str] = {}
    for path, document in documents:
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                problems.extend(_operation_problems(path, definition, seen, module_names))
    return problems


def _operation_problems(
    path: Path,
    operation: OperationDefinitionNode,
    seen: dict[str, str],
    module_names: frozenset[str],
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
    if not method:
        messages.append(f"operation {name} has no letters or digits to name a method after")
    elif method in RESERVED_METHOD_NAMES:
        messages.append(
            f"operation {name} would generate method {method}(), which clashes with the "
            "client's own; rename the operation"
        )
    elif method in module_names:
        messages.append(
            f"operation {name} would generate module {method}.py, which clashes with the "
            "package's own; rename the operation"
        )
    elif seen.setdefault(method, name) != name:
        messages.append(f"operations {seen[method]} and {name} both generate method {method}()")
    if keyword.iskeyword(class_name_of(name)):
        messages.append(
            f"operation {name} would generate class {class_name_of(name)}, a Python keyword; "
            "rename the operation"
        )
    problems = [OperationProblem(str(path), line, column, message) for message in messages]
    return problems + _variable_problems(path, operation)


def _variable_problems(path: Path, operation: OperationDefinitionNode) -> list[OperationProblem]:
    """Variables whose method arguments would not compile: not Python names, named like the
    method's `self`, or two variables with one argument name (``$productId``, ``$product_id``).
    Arguments clashing with names the generated method body uses are found in the generated
    code (`_shadowing.argument_clashes`)."""
    problems = []
    seen: dict[str, str] = {}
    for definition in operation.variable_definitions or ():
        variable = definition.variable.name.value
        argument = argument_name_of(variable)
        if not argument.isidentifier():
            message = (
                f"variable ${variable} would become argument {argument}, not a Python name; "
                "rename it"
            )
        elif argument == "self":
            message = (
                f"variable ${variable} would become argument self (the method's own); rename it"
            )
        elif seen.setdefault(argument, variable) != variable:
            message = (
                f"variables ${seen[argument]} and ${variable} both become argument {argument}; "
                "rename one of them"
            )
        else:
            continue
        line, column = _start_of(definition)
        problems.append(OperationProblem(str(path), line, column, message))
    return problems


def _start_of(node: Node) -> tuple[int, int]:
    if node.loc is None:
        return 1, 1
    location = node.loc.source.get_location(node.loc.start)
    return location.line, location.column
