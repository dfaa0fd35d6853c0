"""Request-scoped batch loading: the list resolvers announce the objects of a page ("hints"), and the
first field that needs related data loads it for the whole page at once. The SQL query count of a
listing therefore does not grow with its page size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import Any

BatchFn = Callable[[list[Hashable]], dict[Hashable, Any]]


class BatchLoader:
    def __init__(self, registry: LoaderRegistry, key_kind: str, batch_fn: BatchFn, default: Any = None):
        self.registry = registry
        self.key_kind = key_kind
        self.batch_fn = batch_fn
        self.default = default
        self.cache: dict[Hashable, Any] = {}

    def load(self, key: Hashable) -> Any:
        if key not in self.cache:
            keys = {key} | {k for k in self.registry.hints[self.key_kind] if k not in self.cache}
            found = self.batch_fn(list(keys))
            for k in keys:
                self.cache[k] = found.get(k, self.default() if callable(self.default) else self.default)
        return self.cache[key]

    def prime(self, key: Hashable, value: Any) -> None:
        self.cache.setdefault(key, value)


class LoaderRegistry:
    """One per request (on `info.context`)."""

    def __init__(self) -> None:
        self.hints: dict[str, set[Hashable]] = defaultdict(set)
        self.loaders: dict[str, BatchLoader] = {}
        self.selections: dict[tuple[int, ...], frozenset[str]] = {}  # selected_fields, per field nodes

    def hint(self, key_kind: str, keys: Iterable[Hashable]) -> None:
        self.hints[key_kind].update(k for k in keys if k is not None)

    def get(self, name: str, key_kind: str, batch_fn: BatchFn, default: Any = None) -> BatchLoader:
        loader = self.loaders.get(name)
        if loader is None:
            loader = self.loaders[name] = BatchLoader(self, key_kind, batch_fn, default)
        return loader


def loaders_for(context: Any) -> LoaderRegistry:
    registry = getattr(context, "_maalem_loaders", None)
    if registry is None:
        registry = LoaderRegistry()
        context._maalem_loaders = registry
    return registry


def group_by(rows: Iterable[Any], key: Callable[[Any], Hashable]) -> dict[Hashable, list[Any]]:
    grouped: dict[Hashable, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return grouped


def selected_fields(info: Any) -> frozenset[str]:
    """Names of the fields selected under the field being resolved (fragments included): lets a loader
    leave large columns out when nobody asked for them. Worked out once per field of the request (a field
    of a list's items asks once per item)."""
    cache = loaders_for(info.context).selections
    key = tuple(map(id, info.field_nodes))
    names = cache.get(key)
    if names is None:
        names = cache[key] = frozenset(_selected_fields(info))
    return names


def _selected_fields(info: Any) -> set[str]:
    from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode

    names: set[str] = set()
    stack = [node.selection_set for node in info.field_nodes if node.selection_set]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FieldNode):
                names.add(selection.name.value)
            elif isinstance(selection, InlineFragmentNode):
                stack.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = info.fragments.get(selection.name.value)
                if fragment is not None:
                    stack.append(fragment.selection_set)
    return names


def selected_node_fields(info: Any) -> set[str]:
    """For a connection field: the fields selected on `edges { node { ... } }`."""
    from graphql import FieldNode

    names: set[str] = set()
    for node in info.field_nodes:
        for edges in (node.selection_set.selections if node.selection_set else []):
            if isinstance(edges, FieldNode) and edges.name.value == "edges" and edges.selection_set:
                for inner in edges.selection_set.selections:
                    if isinstance(inner, FieldNode) and inner.name.value == "node" and inner.selection_set:
                        names |= {s.name.value for s in inner.selection_set.selections if isinstance(s, FieldNode)}
                        # Fragments are not expanded here: callers treat them as "anything may be selected".
                        if any(not isinstance(s, FieldNode) for s in inner.selection_set.selections):
                            names.add("__fragments__")
    return names
