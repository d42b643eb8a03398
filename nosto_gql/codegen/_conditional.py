"""Which result fields a response may legitimately leave out: those under ``@include(if:)`` or
``@skip(if:)``, whether the directive is on the field itself, on an inline fragment or fragment
spread around it, or on a spread of the fragment that declares it.

Every other field must be present in a response (null where the schema allows it): a response
missing one is malformed, and validating it must fail rather than read the gap as None.

ariadne-codegen hands its plugins the field nodes it parsed from the operations, all files
concatenated into one document (`load_graphql_files_from_path`). The same text parsed again
gives nodes at the same offsets, which is how a node is recognized here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    ExecutableDefinitionNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
)

CONDITIONAL_DIRECTIVES = frozenset({"include", "skip"})

# Where a node starts and ends in the concatenated operations document.
NodeKey = tuple[int, int]


def has_condition(node: FieldNode | InlineFragmentNode | FragmentSpreadNode) -> bool:
    """Whether the node carries ``@include`` or ``@skip``."""
    return any(d.name.value in CONDITIONAL_DIRECTIVES for d in node.directives or ())


def node_key(node: Node) -> NodeKey | None:
    return None if node.loc is None else (node.loc.start, node.loc.end)


def definition_key(definition: ExecutableDefinitionNode) -> tuple[str, str]:
    """Operations and fragments have separate namespaces: key them by kind and name."""
    kind = "fragment" if isinstance(definition, FragmentDefinitionNode) else "operation"
    return kind, definition.name.value if definition.name else ""


@dataclass
class ConditionalFields:
    """Per operation or fragment, the fields of its result classes a response may omit."""

    fragments: set[str] = field(default_factory=set)
    fields: dict[tuple[str, str], set[NodeKey]] = field(default_factory=dict)

    def may_be_absent(self, definition: ExecutableDefinitionNode, node: FieldNode) -> bool:
        if has_condition(node):
            return True
        key = node_key(node)
        return key is not None and key in self.fields.get(definition_key(definition), set())


def conditional_fields(document: DocumentNode) -> ConditionalFields:
    """Fields that may be absent, for every definition of the (concatenated) document.

    A fragment spread under a condition anywhere makes all the fields of the fragment's own
    class optional: the class is shared by every place that spreads it. A field's own
    sub-selection is present whenever the field is, so conditions stop at field boundaries.
    """
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    result = ConditionalFields()
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    # Operations first: they reach every fragment in use, and mark the conditional ones.
    for definition in [*operations, *fragments.values()]:
        found: set[NodeKey] = set()
        conditional = isinstance(definition, FragmentDefinitionNode) and (
            definition.name.value in result.fragments
        )
        _walk(definition.selection_set, conditional, fragments, result.fragments, found, ())
        result.fields[definition_key(definition)] = found
    return result


def _walk(
    selection_set: SelectionSetNode | None,
    conditional: bool,
    fragments: dict[str, FragmentDefinitionNode],
    conditional_fragments: set[str],
    found: set[NodeKey],
    spreading: tuple[str, ...],
) -> None:
    if selection_set is None:
        return
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            key = node_key(selection)
            if key is not None and (conditional or has_condition(selection)):
                found.add(key)
            _walk(
                selection.selection_set, False, fragments, conditional_fragments, found, spreading
            )
        elif isinstance(selection, InlineFragmentNode):
            inner = conditional or has_condition(selection)
            _walk(
                selection.selection_set, inner, fragments, conditional_fragments, found, spreading
            )
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            definition = fragments.get(name)
            if definition is None or name in spreading:  # invalid documents never get here
                continue
            inner = conditional or has_condition(selection)
            if inner:
                conditional_fragments.add(name)
            _walk(
                definition.selection_set,
                inner,
                fragments,
                conditional_fragments,
                found,
                (*spreading, name),
            )
