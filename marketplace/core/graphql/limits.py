"""Query limits: aliases and depth (validation rules) and cost (computed with the variables, as Saleor)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    VariableNode,
)


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def _fields(selection_set: SelectionSetNode | None, fragments: dict, seen: frozenset = frozenset()):
    """The fields of a selection set with fragments expanded (a fragment cycle is the spec rule's job)."""
    if selection_set is None:
        return
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield selection
        elif isinstance(selection, InlineFragmentNode):
            yield from _fields(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in fragments and name not in seen:
                yield from _fields(fragments[name].selection_set, fragments, seen | {name})


def _depth(selection_set: SelectionSetNode | None, fragments: dict, level: int, limit: int) -> int:
    deepest = level
    for node in _fields(selection_set, fragments):
        if node.selection_set is not None:
            deepest = max(deepest, _depth(node.selection_set, fragments, level + 1, limit))
            if deepest > limit:
                return deepest
    return deepest


class DepthAndAliasLimitRule(ValidationRule):
    def enter_document(self, node: DocumentNode, *_args: Any) -> None:
        fragments = _fragments(node)
        aliases = 0
        for definition in node.definitions:
            for sub in _walk(definition):
                if isinstance(sub, FieldNode) and sub.alias is not None:
                    aliases += 1
        if aliases > settings.GRAPHQL_MAX_ALIASES:
            self.report_error(GraphQLError(
                f"The query has {aliases} aliases; at most {settings.GRAPHQL_MAX_ALIASES} are allowed."))
        limit = settings.GRAPHQL_MAX_DEPTH
        for definition in node.definitions:
            if isinstance(definition, OperationDefinitionNode):
                depth = _depth(definition.selection_set, fragments, 1, limit)
                if depth > limit:
                    self.report_error(GraphQLError(
                        f"The query is nested too deeply: more than {limit} levels are not allowed."))


def _walk(node: Any):
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        selection_set = getattr(current, "selection_set", None)
        if selection_set is not None:
            stack.extend(selection_set.selections)


def _multiplier(node: FieldNode, variables: dict[str, Any]) -> int:
    for argument in node.arguments or ():
        if argument.name.value in ("first", "last"):
            value = argument.value
            if isinstance(value, IntValueNode):
                return max(int(value.value), 1)
            if isinstance(value, VariableNode):
                raw = variables.get(value.name.value)
                if isinstance(raw, int):
                    return max(raw, 1)
    return 1


def query_cost(document: DocumentNode, operation: OperationDefinitionNode, variables: dict[str, Any] | None) -> int:
    """Each field costs 1, and a paginated field multiplies its children's cost by its page size."""
    fragments = _fragments(document)
    variables = variables or {}

    def cost(selection_set: SelectionSetNode | None, depth: int) -> int:
        if depth > 64:  # already refused by the depth rule; guard the recursion anyway
            return 0
        total = 0
        for node in _fields(selection_set, fragments):
            total += 1 + _multiplier(node, variables) * cost(node.selection_set, depth + 1)
        return total

    return cost(operation.selection_set, 0)
