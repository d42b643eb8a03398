"""Selections that valid GraphQL allows but that would generate broken result models.

- Two response keys of one object that become the same attribute (``productId`` and the alias
  ``product_id: name``, both ``product_id``): the model would keep one and silently drop the
  other's data.
- A response key that becomes no Python name (``_1: name``): ariadne-codegen fails on it.
- An inline fragment without a type condition (``... @include(if: $x) { ... }``), which
  ariadne-codegen cannot generate.

Fields are gathered per concrete type the way a response object holds them: through inline
fragments and fragment spreads that apply to the type, with same-key fields' sub-selections
merged. The documents are expected to have passed validation against the schema.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    is_abstract_type,
)

from ._names import attribute_name_of
from ._problems import OperationProblem


def selection_problems(
    schema: GraphQLSchema, documents: Iterable[tuple[Path, DocumentNode]]
) -> list[OperationProblem]:
    documents = list(documents)
    fragments = {
        definition.name.value: definition
        for _, document in documents
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    checker = _Checker(schema, fragments)
    for _, document in documents:
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                root = schema.get_root_type(definition.operation)
                if root is not None:
                    checker.check([definition.selection_set], root)
            elif isinstance(definition, FragmentDefinitionNode):
                # Checked on its own too: its class is generated even where no operation
                # reaches the collision.
                condition = schema.get_type(definition.type_condition.name.value)
                if condition is not None:
                    checker.check([definition.selection_set], condition)
    return sorted(checker.problems)


class _Checker:
    def __init__(self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.schema = schema
        self.fragments = fragments
        self.problems: set[OperationProblem] = set()

    def check(self, selection_sets: list[SelectionSetNode], parent: object) -> None:
        """The object a selection on ``parent`` (a schema type) describes, for each concrete
        type it may be; then the objects its fields hold."""
        if is_abstract_type(parent):
            concrete = list(self.schema.get_possible_types(parent))  # type: ignore[arg-type]
        elif isinstance(parent, GraphQLObjectType):
            concrete = [parent]
        else:
            return
        for object_type in concrete:
            fields: list[FieldNode] = []
            for selection_set in selection_sets:
                self._gather(selection_set, object_type, fields, ())
            self._check_object(fields, object_type)

    def _gather(
        self,
        selection_set: SelectionSetNode,
        object_type: GraphQLObjectType,
        fields: list[FieldNode],
        spreading: tuple[str, ...],
    ) -> None:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                fields.append(selection)
            elif isinstance(selection, InlineFragmentNode):
                if selection.type_condition is None:
                    self._add(
                        selection,
                        "inline fragment without a type condition, which ariadne-codegen "
                        f"cannot generate; write `... on {object_type.name}`",
                    )
                    continue
                if self._applies(selection.type_condition.name.value, object_type):
                    self._gather(selection.selection_set, object_type, fields, spreading)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if (
                    fragment is not None
                    and name not in spreading
                    and self._applies(fragment.type_condition.name.value, object_type)
                ):
                    self._gather(fragment.selection_set, object_type, fields, (*spreading, name))

    def _applies(self, condition: str, object_type: GraphQLObjectType) -> bool:
        if condition == object_type.name:
            return True
        condition_type = self.schema.get_type(condition)
        return is_abstract_type(condition_type) and self.schema.is_sub_type(
            condition_type,  # type: ignore[arg-type]
            object_type,
        )

    def _check_object(self, fields: list[FieldNode], object_type: GraphQLObjectType) -> None:
        by_attribute: dict[str, FieldNode] = {}
        by_key: dict[str, list[FieldNode]] = {}
        for node in sorted(fields, key=_position):
            key = _response_key(node)
            by_key.setdefault(key, []).append(node)
            attribute = attribute_name_of(key)
            if not attribute.isidentifier():
                self._add(node, f"{key} would become attribute {attribute}, not a Python name")
                continue
            first = by_attribute.setdefault(attribute, node)
            if _response_key(first) != key:
                self._add(
                    node,
                    f"{_response_key(first)} and {key} both become attribute {attribute} of the "
                    "result; alias one of them",
                )
        for nodes in by_key.values():
            field = object_type.fields.get(nodes[0].name.value)
            if field is None:  # __typename and its kin
                continue
            selection_sets = [node.selection_set for node in nodes if node.selection_set]
            if selection_sets:
                self.check(selection_sets, get_named_type(field.type))

    def _add(self, node: Node, message: str) -> None:
        file, line, column = "<unknown>", 1, 1
        if node.loc is not None:
            location = node.loc.source.get_location(node.loc.start)
            file, line, column = node.loc.source.name, location.line, location.column
        self.problems.add(OperationProblem(file, line, column, message))


def _response_key(node: FieldNode) -> str:
    return node.alias.value if node.alias else node.name.value


def _position(node: FieldNode) -> tuple[str, int]:
    return ("", 0) if node.loc is None else (node.loc.source.name, node.loc.start)
