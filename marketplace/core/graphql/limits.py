"""Query limits, enforced before any work that a hostile document could make grow: a cap on the document's
tokens (the lexer stops there), then its shape (aliases, depth, fields selected under one response name),
then, with the request's variables, its cost. Only a document within every limit reaches graphql-core's
validation rules and, later, execution.

Invariant: every figure is computed once per fragment (memoised; counts saturate just past their limit), so
the work is linear in the document's size whatever the fragments' fan-out. A fragment bomb (`F0 { ...F1 ...F1 }`
… `F29 { shop { name } }`, 2^30 fields once expanded) is refused after one pass over its 30 fragments.

Every refusal is a GraphQL error with `extensions.code` QUERY_TOO_COMPLEX, the limit's name, the maximum
and, when it was measured, the actual figure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from django.conf import settings
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)

CODE = "QUERY_TOO_COMPLEX"
PAGE_SIZE_ARGUMENTS = ("first", "last")
MAX_INT = 2**31 - 1  # GraphQL's Int: a larger page size is refused at coercion anyway


def limit_error(message: str, limit: str, maximum: int, actual: int | None = None) -> GraphQLError:
    extensions: dict[str, Any] = {"code": CODE, "limit": limit, "maximum": maximum}
    if actual is not None:
        extensions["actual"] = actual
    return GraphQLError(message, extensions=extensions)


def tokens_error(maximum: int) -> GraphQLError:
    return limit_error(f"The document has more than {maximum} tokens.", "tokens", maximum)


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


class _Memo:
    """Memoises one figure per fragment; a fragment that spreads itself (a cycle, which the spec rule
    refuses later) counts as `cyclic` while it is being computed."""

    def __init__(self, fragments: dict[str, FragmentDefinitionNode], compute: Callable[[Any], Any], cyclic: Any):
        self.fragments, self.compute, self.cyclic = fragments, compute, cyclic
        self.values: dict[str, Any] = {}

    def __call__(self, name: str) -> Any:
        if name in self.values:
            return self.values[name]
        fragment = self.fragments.get(name)
        if fragment is None:  # an unknown fragment: the spec rule names it
            return self.cyclic
        self.values[name] = self.cyclic
        self.values[name] = value = self.compute(fragment)
        return value


def check_document(document: DocumentNode) -> list[GraphQLError]:
    """Aliases, depth and repeated fields of the whole document, in one linear pass (cached with the parse)."""
    max_aliases, max_depth = settings.GRAPHQL_MAX_ALIASES, settings.GRAPHQL_MAX_DEPTH
    max_repeats = settings.GRAPHQL_MAX_REPEATED_FIELDS
    aliases = 0
    repeated: list[tuple[str, int]] = []
    fragments = _fragments(document)

    def keys(selection_set: SelectionSetNode) -> Counter:
        """Response keys of a selection set with its fragments merged in, counts saturated."""
        counts: Counter = Counter()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                key = (selection.alias or selection.name).value
                counts[key] += 1
            elif isinstance(selection, InlineFragmentNode):
                counts.update(keys(selection.selection_set))
            elif isinstance(selection, FragmentSpreadNode):
                counts.update(fragment_keys(selection.name.value))
        for key, count in counts.items():
            counts[key] = min(count, max_repeats + 1)
        return counts

    def height(selection_set: SelectionSetNode) -> int:
        """Levels of selection sets below this one (0 for leaves only), saturated past the depth limit."""
        deepest = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.selection_set is not None:
                    deepest = max(deepest, 1 + height(selection.selection_set))
            elif isinstance(selection, InlineFragmentNode):
                deepest = max(deepest, height(selection.selection_set))
            elif isinstance(selection, FragmentSpreadNode):
                deepest = max(deepest, fragment_height(selection.name.value))
        return min(deepest, max_depth + 1)

    fragment_keys = _Memo(fragments, lambda f: keys(f.selection_set), Counter())
    fragment_height = _Memo(fragments, lambda f: height(f.selection_set), 0)

    # Every literal selection set once: aliases, and the repeats in its merged form.
    stack: list[Any] = list(document.definitions)
    while stack:
        node = stack.pop()
        if isinstance(node, FieldNode) and node.alias is not None:
            aliases += 1
        selection_set = getattr(node, "selection_set", None)
        if selection_set is None:
            continue
        counts = keys(selection_set)
        if counts:
            key, count = counts.most_common(1)[0]
            if count > max_repeats:
                repeated.append((key, count))
        stack.extend(selection_set.selections)

    errors = []
    if aliases > max_aliases:
        errors.append(limit_error(f"The query has {aliases} aliases; at most {max_aliases} are allowed.",
                                  "aliases", max_aliases, aliases))
    if repeated:
        key, _count = repeated[0]
        errors.append(limit_error(
            f"The field `{key}` is selected more than {max_repeats} times in one selection set "
            "(fragments included).", "repeatedFields", max_repeats))
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            depth = 1 + height(definition.selection_set)
            if depth > max_depth:
                errors.append(limit_error(
                    f"The query is nested too deeply: more than {max_depth} levels are not allowed.",
                    "depth", max_depth))
                break
    return errors


def _literal_int(node: Any) -> int | None:
    if isinstance(node, IntValueNode):
        try:
            return int(node.value)
        except ValueError:
            return None
    return None


def _page_size(node: FieldNode, field_def: Any, variables: dict[str, Any], defaults: dict[str, Any]) -> int:
    """The page size that execution will use: the variable's value, else the variable's default, else the
    field argument's default (Saleor multiplies a connection's children by it)."""
    given = {argument.name.value: argument.value for argument in node.arguments or ()}
    sizes = [1]
    for name in PAGE_SIZE_ARGUMENTS:
        value: Any = None
        if name in given:
            literal = given[name]
            if isinstance(literal, VariableNode):
                variable = literal.name.value
                if variable in variables:
                    value = variables[variable]
                elif variable in defaults:
                    value = _literal_int(defaults[variable])
                else:
                    value = _argument_default(field_def, name)
            else:
                value = _literal_int(literal)
        else:
            value = _argument_default(field_def, name)
        if isinstance(value, int) and not isinstance(value, bool):
            sizes.append(min(value, MAX_INT))
    return max(sizes)


def _argument_default(field_def: Any, name: str) -> Any:
    argument = field_def.args.get(name) if field_def is not None else None
    default = getattr(argument, "default_value", None)
    return default if isinstance(default, int) else None


def _field_def(parent: Any, name: str) -> Any:
    fields = getattr(parent, "fields", None)
    return fields.get(name) if fields else None


def query_cost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode,
               variables: dict[str, Any] | None) -> int:
    """Each field costs 1, and a paginated field multiplies its children's cost by its page size. Fragments
    are costed once, so the work is linear in the document even when the figure is astronomical (Python's
    integers hold it; a page size counts at most as a GraphQL Int)."""
    variables = variables if isinstance(variables, dict) else {}
    defaults = {d.variable.name.value: d.default_value for d in operation.variable_definitions or ()
                if d.default_value is not None}
    fragments = _fragments(document)

    def cost(selection_set: SelectionSetNode | None, parent: Any) -> int:
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                field_def = _field_def(parent, selection.name.value)
                child = get_named_type(field_def.type) if field_def is not None else None
                inner = cost(selection.selection_set, child)
                total += 1 + (_page_size(selection, field_def, variables, defaults) * inner if inner else 0)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                total += cost(selection.selection_set, schema.get_type(condition.name.value) if condition else parent)
            elif isinstance(selection, FragmentSpreadNode):
                total += fragment_cost(selection.name.value)
        return total

    fragment_cost = _Memo(fragments, lambda f: cost(f.selection_set, schema.get_type(f.type_condition.name.value)), 0)
    root = schema.get_root_type(operation.operation)
    return cost(operation.selection_set, root)


def root_field_count(document: DocumentNode, operation: OperationDefinitionNode) -> int:
    """Root fields of an operation, through fragments (memoised): `a: tokenCreate … b: tokenCreate` counts 2."""
    fragments = _fragments(document)
    ceiling = 10_000

    def count(selection_set: SelectionSetNode) -> int:
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += selection.name.value != "__typename"
            elif isinstance(selection, InlineFragmentNode):
                total += count(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                total += fragment_count(selection.name.value)
        return min(total, ceiling)

    fragment_count = _Memo(fragments, lambda f: count(f.selection_set), 0)
    return count(operation.selection_set)


_MISSING = object()
_CACHED_COSTS = 64


class CostCache:
    """The costs of one parsed document, by the values of the variables its page sizes use: a document is
    parsed once per process (views._parse_and_validate), so the listing's cost is computed once per page
    size, not once per request."""

    def __init__(self, document: DocumentNode):
        self.variables = sorted(_page_size_variables(document))
        self.costs: dict[tuple, int] = {}

    def cost(self, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode,
             variables: dict[str, Any] | None) -> int:
        values = variables if isinstance(variables, dict) else {}
        key = (id(operation), *(values.get(name, _MISSING) for name in self.variables))
        if not all(v is _MISSING or v is None or type(v) in (int, str, bool, float) for v in key[1:]):
            return query_cost(schema, document, operation, variables)  # an odd value: not worth keeping
        cost = self.costs.get(key)
        if cost is None:
            if len(self.costs) >= _CACHED_COSTS:
                self.costs.clear()
            cost = self.costs[key] = query_cost(schema, document, operation, variables)
        return cost


def _page_size_variables(document: DocumentNode) -> set[str]:
    names: set[str] = set()
    stack: list[Any] = list(document.definitions)
    while stack:
        node = stack.pop()
        if isinstance(node, FieldNode):
            for argument in node.arguments or ():
                if argument.name.value in PAGE_SIZE_ARGUMENTS and isinstance(argument.value, VariableNode):
                    names.add(argument.value.name.value)
        selection_set = getattr(node, "selection_set", None)
        if selection_set is not None:
            stack.extend(selection_set.selections)
    return names
