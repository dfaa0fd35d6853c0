"""The checkout's hot reads (the locked checkout, its lines with their prices, its transactions, the channel's
shipping rates) compiled to SQL once per process. Every step of a checkout runs the same few statements, and
Django building them (joins, ~80 columns, subqueries) cost more CPU than PostgreSQL running them (issue 18:
~1.4 ms to build the checkout's statement, ~0.3 ms to run it). Only a statement's text and column layout are
kept, which depend on the code alone; rows are never kept: each call runs the statement with its own
parameters and builds its own instances, as the queryset would."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.db import connections, router
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators
from django.db.transaction import TransactionManagementError

# Parameter stand-ins, one per type, that no real value equals: the compiled statement's parameters that
# equal one are the call's arguments, the others are constants of the query (True, a status...).
UUID_ARG = uuid.UUID("5e7f0000-0000-4000-8000-00000000a11d")
INT_ARG = -7_340_021
TIME_ARG = datetime(1901, 2, 3, 4, 5, 6, 789, tzinfo=UTC)
STR_ARG = "\x1fprepared-argument\x1f"
INTS_ARG = [-5_100_777]  # a list of ints: one per query (its values are this one, one less, ...)


def _slot(param: Any, args: list) -> tuple[int, int | None] | None:
    """Which argument (and which of a list argument's values) a compiled parameter is; None: a constant."""
    for i, arg in enumerate(args):
        if isinstance(arg, list):
            if type(param) is type(arg[0]) and param in arg:
                return i, arg.index(param)
        elif type(param) is type(arg) and param == arg:
            return i, None
    return None


class PreparedQuery:
    """`build(*stand_ins)` returns the queryset; calling the prepared query with real values runs the same
    statement: model instances (with their select_related rows and annotations) for a model queryset,
    tuples for a values_list one (`rows`). The stand-in INTS_ARG is a list of ints, used in an `__in`
    filter that every row must pass (an empty list: no row)."""

    def __init__(self, model: type[Model], build: Callable[..., QuerySet], *stand_ins: Any) -> None:
        self._model, self._build, self._stand_ins = model, build, stand_ins
        self._compiled: dict[tuple, tuple] = {}

    def _template(self, using: str, values: tuple) -> tuple:
        # A list argument (its stand-in: a list of one stand-in) is an `__in` of as many parameters as it has
        # values: one statement per length.
        lengths = tuple(len(v) if isinstance(s, list) else None for s, v in zip(self._stand_ins, values, strict=True))
        compiled = self._compiled.get((using, lengths))
        if compiled is None:
            args = [s if n is None else [s[0] - i for i in range(n)]
                    for s, n in zip(self._stand_ins, lengths, strict=True)]
            wanted = {(i, j) for i, n in enumerate(lengths) for j in ([None] if n is None else range(n))}
            queryset = self._build(*args)
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            slots = [_slot(p, args) for p in params]
            if wanted - set(slots):
                raise ValueError(f"the query does not use its arguments {sorted(wanted - set(slots))}")
            populators = (get_related_populators(compiler.klass_info, compiler.select, using)
                          if compiler.klass_info else [])
            compiled = (compiler, sql, tuple(params), slots, populators, bool(queryset.query.select_for_update))
            self._compiled[(using, lengths)] = compiled  # two threads compiling at once store equal templates
        return compiled

    def _run(self, values: tuple) -> tuple | None:
        if any(v is None for v in values):
            # The ORM turns `= None` into IS NULL; the compiled `= %s` would silently match nothing.
            raise ValueError("a prepared query takes no None: run its queryset instead")
        values = tuple(list(v) if isinstance(s, list) else v for s, v in zip(self._stand_ins, values, strict=True))
        if any(isinstance(s, list) and not v for s, v in zip(self._stand_ins, values, strict=True)):
            return None  # `__in` an empty list: no row (the ORM's EmptyResultSet)
        using = router.db_for_read(self._model)
        template, sql, constants, slots, populators, for_update = self._template(using, values)
        connection = connections[using]
        if for_update and connection.get_autocommit():
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        params = tuple(constants[n] if slot is None else values[slot[0]] if slot[1] is None
                       else values[slot[0]][slot[1]] for n, slot in enumerate(slots))
        compiler = copy.copy(template)
        compiler.connection, compiler.using = connection, using
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        return compiler, compiler.results_iter(compiler.execute_sql()), populators, using

    def rows(self, *values: Any) -> list[tuple]:
        """The rows of a values_list queryset (whose fields come before its annotations, in select order)."""
        run = self._run(values)
        return [] if run is None else [tuple(row) for row in run[1]]

    def __call__(self, *values: Any) -> list[Model]:
        """As ModelIterable, without known related objects (callers set the relation they hold)."""
        run = self._run(values)
        if run is None:
            return []
        compiler, rows, populators, using = run
        klass_info, annotations = compiler.klass_info, compiler.annotation_col_map
        model_cls, fields = klass_info["model"], klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        init_list = [column[0].target.attname for column in compiler.select[start:end]]
        objects = []
        for row in rows:
            obj = model_cls.from_db(using, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in (annotations or {}).items():
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects
