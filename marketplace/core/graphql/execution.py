"""graphql-core's executor without the asynchronous machinery: every resolver of this schema is
synchronous, and a product listing completes about a thousand values per request, so the per-value checks
for awaitables and the chain of `is_*_type` predicates are a measurable share of its CPU time.

Behaviour (results, null propagation, error paths and messages) is graphql-core's own: the methods below
are its sync paths with the type dispatch memoized per type class; anything unusual falls back to it.
Per request, each field node keeps its definition and plain arguments (a list's items share them), and a
plain field (an attribute: a leaf or an object) is read without a resolve info (execute_fields)."""

from __future__ import annotations

import enum
import functools
import inspect
from typing import Any

from graphene.types.resolver import dict_or_attr_resolver
from graphql import (
    ExecutionContext,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    located_error,
)
from graphql.execution.execute import get_field_def
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, Undefined, is_iterable

from marketplace.core.graphql.channel_context import resolve_node_attribute

_NON_NULL, _LIST, _LEAF, _OBJECT, _OTHER = range(5)
_PLAIN = (str, int, float, bool, type(None), enum.Enum)  # argument values a resolver cannot change in place
_checked_schemas: set[int] = set()
_tuple_new = tuple.__new__  # a NamedTuple (Path, GraphQLResolveInfo) from its values without its Python __new__


def refuse_async_resolvers(schema: Any) -> None:
    """This executor never awaits: an `async def` resolver would hand a coroutine to the response instead of
    a value, so a schema holding one is refused when the view is set up, with the fields named."""
    if id(schema) in _checked_schemas:
        return
    found = []
    for type_name, named_type in schema.type_map.items():
        for field_name, field in (getattr(named_type, "fields", None) or {}).items():
            resolver = getattr(field, "resolve", None)
            target = resolver
            while isinstance(target, functools.partial):  # graphene wraps some resolvers in partials
                target = target.func
            if inspect.iscoroutinefunction(target) or inspect.isasyncgenfunction(target):
                found.append(f"{type_name}.{field_name}")
    if found:
        raise TypeError(f"Asynchronous resolvers are not supported by this executor: {', '.join(sorted(found))}")
    _checked_schemas.add(id(schema))
_KINDS: dict[type, int] = {}


def _kind(type_class: type) -> int:
    kind = _KINDS.get(type_class)
    if kind is None:
        if issubclass(type_class, GraphQLNonNull):
            kind = _NON_NULL
        elif issubclass(type_class, GraphQLList):
            kind = _LIST
        elif issubclass(type_class, (GraphQLScalarType, GraphQLEnumType)):
            kind = _LEAF
        elif issubclass(type_class, GraphQLObjectType):
            kind = _OBJECT
        else:  # interfaces and unions: graphql-core resolves the runtime type
            kind = _OTHER
        _KINDS[type_class] = kind
    return kind


def _plain_field(field_def: Any) -> tuple[str, Any, Any, bool, Any] | None:
    """(attribute, default, serializer, on_node, object type) of a field graphene resolves by reading an attribute
    or a dict key (on_node: the attribute of a ChannelContext's node, the channel-aware types' default resolver),
    without arguments, whose type is a scalar or an enum (a product card's name, slug, amount: serializer set)
    or an object type without `is_type_of` (an edge's node, a price range's start: object type set), nullable or
    not; None for any other."""
    resolve = field_def.resolve
    if field_def.args or not isinstance(resolve, functools.partial) \
            or resolve.func not in (dict_or_attr_resolver, resolve_node_attribute) \
            or resolve.keywords or len(resolve.args) != 2:
        return None
    named = field_def.type.of_type if isinstance(field_def.type, GraphQLNonNull) else field_def.type
    kind = _kind(type(named))
    if kind == _LEAF:
        return resolve.args[0], resolve.args[1], named.serialize, resolve.func is resolve_node_attribute, None
    if kind == _OBJECT and not named.is_type_of:
        return resolve.args[0], resolve.args[1], None, resolve.func is resolve_node_attribute, named
    return None


class SyncExecutionContext(ExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fields_plans: dict = {}
        self._subplans: dict = {}
        self._field_plans: dict = {}
        # build_resolve_info's values that are the same for every field of the request
        self._info_tail = (self.schema, self.fragments, self.root_value, self.operation, self.variable_values,
                           self.context_value, self.is_awaitable)

    def _fields_plan(self, parent_type: Any, fields: dict) -> list:
        """[(response name, field nodes, plain field or None)] of a selection set, kept for the request per
        (type, selection) (graphql-core hands every item of a list the same `fields` dict)."""
        plans = self._fields_plans
        key = (parent_type.name, id(fields))
        entry = plans.get(key)
        if entry is None or entry[0] is not fields:  # the plan holds `fields`, so its id is not reused meanwhile
            plan = []
            for response_name, field_nodes in fields.items():
                field_def = get_field_def(self.schema, parent_type, field_nodes[0])
                plain = _plain_field(field_def) if field_def and not self.middleware_manager else None
                plan.append((response_name, field_nodes, plain))
            entry = plans[key] = (fields, plan)
        return entry[1]

    def _subplan(self, object_type: Any, field_nodes: list) -> list:
        """The plan of an object's selection below `field_nodes` (collect_subfields, then _fields_plan), kept
        for the request in one look-up per object (a listing completes a few hundred)."""
        key = (object_type, id(field_nodes[0])) if len(field_nodes) == 1 else (object_type, *map(id, field_nodes))
        plan = self._subplans.get(key)
        if plan is None:
            plan = self._subplans[key] = self._fields_plan(object_type,
                                                           self.collect_subfields(object_type, field_nodes))
        return plan

    def execute_fields(self, parent_type: Any, source_value: Any, path: Any, fields: dict) -> dict[str, Any]:
        return self._execute_plan(parent_type, source_value, path, self._fields_plan(parent_type, fields))

    def _execute_plan(self, parent_type: Any, source_value: Any, path: Any, plan: list) -> dict[str, Any]:
        """Plain fields (see _plain_field) are read here, without a resolve info or the completion chain: a leaf
        is serialized, an object's own fields are executed; a null, an exception or an unusual value takes
        graphql-core's way instead."""
        results = {}
        execute_field = self.execute_field
        type_name = parent_type.name
        is_dict = isinstance(source_value, dict)
        for response_name, field_nodes, plain in plan:
            if plain is not None:
                name, default, serialize, on_node, object_type = plain
                try:
                    if on_node:
                        value = getattr(source_value.node, name, default)
                    else:
                        value = source_value.get(name, default) if is_dict else getattr(source_value, name, default)
                    if serialize is not None:
                        value = serialize(value) if value is not None else None
                except Exception:  # noqa: BLE001 - graphql-core's way below reports it, with its path
                    value = None
                if value is not None and value is not Undefined and not isinstance(value, Exception):
                    if object_type is None:
                        results[response_name] = value
                        continue
                    field_path = _tuple_new(Path, (path, response_name, type_name))
                    try:
                        results[response_name] = self._execute_plan(object_type, value, field_path,
                                                                    self._subplan(object_type, field_nodes))
                    except Exception as raw_error:  # a non-null field below failed: as execute_field does
                        return_type = get_field_def(self.schema, parent_type, field_nodes[0]).type
                        self.handle_field_error(located_error(raw_error, field_nodes, field_path.as_list()),
                                                return_type, field_path)
                        results[response_name] = None
                    continue
            result = execute_field(parent_type, source_value, field_nodes,
                                   _tuple_new(Path, (path, response_name, type_name)))
            if result is not Undefined:
                results[response_name] = result
        return results

    def complete_object_value(self, return_type: Any, field_nodes: list, info: Any, path: Any, result: Any) -> Any:
        """graphql-core's, without the awaitable check of `is_type_of` when the type has none (graphene's
        object types without possible types)."""
        if return_type.is_type_of:
            return super().complete_object_value(return_type, field_nodes, info, path, result)
        return self._execute_plan(return_type, result, path, self._subplan(return_type, field_nodes))

    def execute_field(self, parent_type: Any, source: Any, field_nodes: list, path: Any) -> Any:
        # A field of a list's items runs once per item with the same definition and arguments: both are kept
        # for the request, per field node (the arguments only when they are plain values nobody can change).
        plans = self._field_plans
        plan = plans.get((parent_type.name, id(field_nodes[0])))
        if plan is None:
            field_def = get_field_def(self.schema, parent_type, field_nodes[0])
            if not field_def:
                return Undefined
            resolve_fn = field_def.resolve or self.field_resolver
            if self.middleware_manager:
                resolve_fn = self.middleware_manager.get_field_resolver(resolve_fn)
            args = None
            if not field_def.args:
                args = {}
            else:
                try:
                    found = get_argument_values(field_def, field_nodes[0], self.variable_values)
                except Exception:  # reported below, at each execution, as graphql-core does
                    found = None
                if found is not None and all(isinstance(v, _PLAIN) for v in found.values()):
                    args = found
            named = field_def.type.of_type if isinstance(field_def.type, GraphQLNonNull) else field_def.type
            serialize = named.serialize if _kind(type(named)) == _LEAF else None
            plan = plans[(parent_type.name, id(field_nodes[0]))] = (field_def, resolve_fn, args,
                                                                    field_nodes[0].name.value, serialize)
        field_def, resolve_fn, args, field_name, serialize = plan
        return_type = field_def.type
        info = _tuple_new(GraphQLResolveInfo, (field_name, field_nodes, return_type, parent_type, path,
                                               *self._info_tail))
        try:
            if args is None:
                args = get_argument_values(field_def, field_nodes[0], self.variable_values)
            result = resolve_fn(source, info, **args)
            if serialize is not None and result is not None and not isinstance(result, Exception):  # Undefined is one
                # A leaf (nullable or not) with a value: complete_leaf_value's work; anything else, its way.
                serialized = serialize(result)
                if serialized is not None and serialized is not Undefined:
                    return serialized
            return self.complete_value(return_type, field_nodes, info, path, result)
        except Exception as raw_error:
            error = located_error(raw_error, field_nodes, path.as_list())
            self.handle_field_error(error, return_type, path)
            return None

    def complete_value(self, return_type: Any, field_nodes: list, info: Any, path: Any, result: Any) -> Any:
        if isinstance(result, Exception):
            raise result
        kind = _kind(type(return_type))
        if kind == _NON_NULL:
            completed = self.complete_value(return_type.of_type, field_nodes, info, path, result)
            if completed is None:
                raise TypeError(
                    f"Cannot return null for non-nullable field {info.parent_type.name}.{info.field_name}."
                )
            return completed
        if result is None or result is Undefined:
            return None
        if kind == _LEAF:
            return self.complete_leaf_value(return_type, result)
        if kind == _OBJECT:
            return self.complete_object_value(return_type, field_nodes, info, path, result)
        if kind == _LIST and is_iterable(result):
            return self._complete_list(return_type.of_type, field_nodes, info, path, result)
        return super().complete_value(return_type, field_nodes, info, path, result)

    def _complete_list(self, item_type: Any, field_nodes: list, info: Any, path: Any, result: Any) -> list:
        completed = []
        complete_value = self.complete_value
        for index, item in enumerate(result):
            item_path = _tuple_new(Path, (path, index, None))  # path.add_key(index, None)
            try:
                completed.append(complete_value(item_type, field_nodes, info, item_path, item))
            except Exception as raw_error:
                error = located_error(raw_error, field_nodes, item_path.as_list())
                self.handle_field_error(error, item_type, item_path)
                completed.append(None)
        return completed
