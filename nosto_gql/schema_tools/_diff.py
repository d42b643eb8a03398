"""What changed between two versions of a schema, graded by what it does to existing clients.

BREAKING and DANGEROUS come from graphql-core (`find_breaking_changes`,
`find_dangerous_changes`): an operation that worked may now fail, or may now behave differently
(a new enum value a client does not know, a new optional argument, a changed default). SAFE
changes are everything else that changed — additions no existing operation can notice, and type
changes graphql-core deems compatible (an argument that stops being required, an output field
that stops being nullable) — which graphql-core does not report, so they are computed here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLDirective,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    build_client_schema,
    find_breaking_changes,
    find_dangerous_changes,
    introspection_from_schema,
    is_enum_type,
    is_input_object_type,
    is_interface_type,
    is_object_type,
    is_required_argument,
    is_scalar_type,
    is_union_type,
    specified_directives,
)


class ChangeLevel(str, enum.Enum):
    """How a change affects operations written against the old schema."""

    BREAKING = "BREAKING"  # some valid operation becomes invalid or gets data it cannot read
    DANGEROUS = "DANGEROUS"  # operations stay valid but may behave differently
    SAFE = "SAFE"  # no existing operation can tell


@dataclass(frozen=True)
class SchemaChange:
    """One difference: its level, a kind code (graphql-core's, or ours for SAFE), and a sentence."""

    level: ChangeLevel
    kind: str
    description: str

    def __str__(self) -> str:
        return f"{self.level.value}: {self.description}"

    def to_dict(self) -> dict[str, str]:
        return {"level": self.level.value, "kind": self.kind, "description": self.description}


_Change = tuple[ChangeLevel, str, str]
_SAFE = ChangeLevel.SAFE
_FIELDED = (GraphQLObjectType, GraphQLInterfaceType)


def diff_schemas(old: GraphQLSchema, new: GraphQLSchema) -> list[SchemaChange]:
    """Every change from ``old`` to ``new``: breaking first, then dangerous, then safe.

    The directives GraphQL itself defines (@include, @skip, @deprecated...) count as present in
    both: older servers leave some out of introspection, which no operation can notice.
    """
    old, new = _with_builtin_directives(old), _with_builtin_directives(new)
    new = _with_root_names_of(old, new)
    changes = [
        SchemaChange(ChangeLevel.BREAKING, change.type.name, change.description)
        for change in find_breaking_changes(old, new)
    ]
    changes += [
        SchemaChange(ChangeLevel.DANGEROUS, change.type.name, change.description)
        for change in find_dangerous_changes(old, new)
    ]
    extra = [SchemaChange(level, kind, text) for level, kind, text in _other_changes(old, new)]
    changes += [change for change in extra if change.level is ChangeLevel.DANGEROUS]
    changes += [change for change in extra if change.level is ChangeLevel.SAFE]
    return changes


def _with_root_names_of(old: GraphQLSchema, new: GraphQLSchema) -> GraphQLSchema:
    """``new`` with its root types renamed as in ``old``. Root type names never appear in an
    operation (Nosto's are lower-case `query`/`mutation`, most servers' `Query`/`Mutation`), so
    a rename must not read as "query was removed" and hide the real root-field changes."""
    renames = {}
    for kind in ("query_type", "mutation_type", "subscription_type"):
        old_root, new_root = getattr(old, kind), getattr(new, kind)
        # A name already taken in `new` would collide; then the rename is reported as it is.
        renamed = old_root and new_root and old_root.name != new_root.name
        if renamed and old_root.name not in new.type_map:
            renames[new_root.name] = old_root.name
    if not renames:
        return new
    introspection = introspection_from_schema(new)
    _rename_types(introspection, renames)
    return build_client_schema(introspection)


def _rename_types(node: Any, renames: dict[str, str]) -> None:
    # Type definitions and type references carry "kind"; fields and arguments do not, so a
    # field that happens to be called "query" keeps its name.
    if isinstance(node, dict):
        if "kind" in node and node.get("name") in renames:
            node["name"] = renames[node["name"]]
        for key in ("queryType", "mutationType", "subscriptionType"):
            root = node.get(key)
            if isinstance(root, dict) and root.get("name") in renames:
                root["name"] = renames[root["name"]]
        for value in node.values():
            _rename_types(value, renames)
    elif isinstance(node, list):
        for item in node:
            _rename_types(item, renames)


def _with_builtin_directives(schema: GraphQLSchema) -> GraphQLSchema:
    present = {directive.name for directive in schema.directives}
    missing = [directive for directive in specified_directives if directive.name not in present]
    if not missing:
        return schema
    kwargs = schema.to_kwargs()
    kwargs["directives"] = (*schema.directives, *missing)
    kwargs["assume_valid"] = True
    return GraphQLSchema(**kwargs)


def has_breaking(changes: list[SchemaChange]) -> bool:
    return any(change.level is ChangeLevel.BREAKING for change in changes)


def summarize(changes: list[SchemaChange]) -> dict[str, int]:
    """Counts per level, every level present: ``{"breaking": 1, "dangerous": 0, "safe": 3}``."""
    return {
        level.value.lower(): sum(change.level is level for change in changes)
        for level in ChangeLevel
    }


def _other_changes(old: GraphQLSchema, new: GraphQLSchema) -> Iterator[_Change]:
    for name, new_type in new.type_map.items():
        if name.startswith("__"):
            continue
        old_type = old.type_map.get(name)
        if old_type is None:
            yield _SAFE, "TYPE_ADDED", f"{_kind_name(new_type)} {name} was added."
        elif type(old_type) is not type(new_type):
            continue  # a change of kind is graphql-core's (breaking)
        elif isinstance(old_type, _FIELDED) and isinstance(new_type, _FIELDED):
            yield from _output_field_changes(old_type, new_type)
        elif isinstance(old_type, GraphQLInputObjectType):
            assert isinstance(new_type, GraphQLInputObjectType)
            yield from _input_field_changes(old_type, new_type)
        elif isinstance(old_type, GraphQLEnumType):
            assert isinstance(new_type, GraphQLEnumType)
            yield from _enum_changes(old_type, new_type)
    old_directives = {directive.name: directive for directive in old.directives}
    for directive in new.directives:
        if directive.name not in old_directives:
            yield _SAFE, "DIRECTIVE_ADDED", f"Directive @{directive.name} was added."
        else:
            yield from _directive_changes(old_directives[directive.name], directive)


def _output_field_changes(
    old_type: GraphQLObjectType | GraphQLInterfaceType,
    new_type: GraphQLObjectType | GraphQLInterfaceType,
) -> Iterator[_Change]:
    name = new_type.name
    for field_name, new_field in new_type.fields.items():
        old_field = old_type.fields.get(field_name)
        if old_field is None:
            yield _SAFE, "FIELD_ADDED", f"Field {name}.{field_name} was added."
            continue
        if str(old_field.type) != str(new_field.type) and _output_type_safe(
            old_field.type, new_field.type
        ):
            yield (
                _SAFE,
                "FIELD_TYPE_NARROWED",
                f"{name}.{field_name} changed type from {old_field.type} to {new_field.type}.",
            )
        yield from _arg_changes(f"{name}.{field_name}", old_field, new_field)
        yield from _deprecation(f"{name}.{field_name}", old_field, new_field)


def _arg_changes(
    coordinate: str, old_field: GraphQLField, new_field: GraphQLField
) -> Iterator[_Change]:
    for arg_name, new_arg in new_field.args.items():
        old_arg = old_field.args.get(arg_name)
        if old_arg is None:
            continue  # graphql-core reports added arguments (optional: dangerous)
        if str(old_arg.type) != str(new_arg.type) and _input_type_safe(old_arg.type, new_arg.type):
            yield (
                _SAFE,
                "ARG_TYPE_RELAXED",
                f"{coordinate} arg {arg_name} changed type from {old_arg.type} to {new_arg.type}.",
            )
        if old_arg.default_value is Undefined and new_arg.default_value is not Undefined:
            # graphql-core only sees defaults changed or removed; a new one changes what an
            # operation that omits the argument gets, just the same.
            yield (
                ChangeLevel.DANGEROUS,
                "ARG_DEFAULT_VALUE_CHANGE",
                f"{coordinate} arg {arg_name} got a default value.",
            )
        yield from _deprecation(f"{coordinate}({arg_name})", old_arg, new_arg)


def _input_field_changes(
    old_type: GraphQLInputObjectType, new_type: GraphQLInputObjectType
) -> Iterator[_Change]:
    for field_name, new_field in new_type.fields.items():
        old_field = old_type.fields.get(field_name)
        if old_field is None:
            continue  # graphql-core reports added input fields (optional: dangerous)
        if str(old_field.type) != str(new_field.type) and _input_type_safe(
            old_field.type, new_field.type
        ):
            yield (
                _SAFE,
                "INPUT_FIELD_TYPE_RELAXED",
                f"Input field {new_type.name}.{field_name} changed type from {old_field.type} "
                f"to {new_field.type}.",
            )
        yield from _deprecation(f"{new_type.name}.{field_name}", old_field, new_field)


def _enum_changes(old_type: GraphQLEnumType, new_type: GraphQLEnumType) -> Iterator[_Change]:
    for value_name, new_value in new_type.values.items():
        old_value = old_type.values.get(value_name)
        if old_value is not None:
            yield from _deprecation(f"{new_type.name}.{value_name}", old_value, new_value)


def _directive_changes(old: GraphQLDirective, new: GraphQLDirective) -> Iterator[_Change]:
    for arg_name, new_arg in new.args.items():
        if arg_name not in old.args and not is_required_argument(new_arg):
            yield (
                _SAFE,
                "DIRECTIVE_ARG_ADDED",
                f"An optional arg {arg_name} on directive @{new.name} was added.",
            )
    for location in new.locations:
        if location not in old.locations:
            yield (
                _SAFE,
                "DIRECTIVE_LOCATION_ADDED",
                f"{location.name} was added to directive @{new.name}.",
            )
    if new.is_repeatable and not old.is_repeatable:
        yield _SAFE, "DIRECTIVE_REPEATABLE_ADDED", f"Directive @{new.name} became repeatable."


def _deprecation(coordinate: str, old: Any, new: Any) -> Iterator[_Change]:
    # Fields, input fields, arguments and enum values all carry deprecation_reason.
    if new.deprecation_reason is not None and old.deprecation_reason is None:
        yield _SAFE, "DEPRECATED", f"{coordinate} was deprecated: {new.deprecation_reason}"


def _kind_name(type_: GraphQLNamedType) -> str:
    if is_object_type(type_):
        return "Object type"
    if is_interface_type(type_):
        return "Interface type"
    if is_union_type(type_):
        return "Union type"
    if is_enum_type(type_):
        return "Enum type"
    if is_input_object_type(type_):
        return "Input type"
    if is_scalar_type(type_):
        return "Scalar type"
    return "Type"  # pragma: no cover - the six kinds above are all GraphQL has


def _output_type_safe(old: Any, new: Any) -> bool:
    from graphql.utilities.find_breaking_changes import (
        is_change_safe_for_object_or_interface_field,
    )

    return is_change_safe_for_object_or_interface_field(old, new)


def _input_type_safe(old: Any, new: Any) -> bool:
    from graphql.utilities.find_breaking_changes import (
        is_change_safe_for_input_object_field_or_field_arg,
    )

    return is_change_safe_for_input_object_field_or_field_arg(old, new)
