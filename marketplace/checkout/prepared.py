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


class PreparedQuery:
    """`build(*stand_ins)` returns the queryset; calling the prepared query with real values runs the same
    statement: model instances (with their select_related rows and annotations) for a model queryset,
    tuples for a values_list one (`rows`)."""

    def __init__(self, model: type[Model], build: Callable[..., QuerySet], *stand_ins: Any) -> None:
        self._model, self._build, self._stand_ins = model, build, stand_ins
        self._compiled: dict[str, tuple] = {}

    def _template(self, using: str) -> tuple:
        compiled = self._compiled.get(using)
        if compiled is None:
            queryset = self._build(*self._stand_ins)
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            slots = [next((i for i, s in enumerate(self._stand_ins) if type(p) is type(s) and p == s), None)
                     for p in params]
            missing = set(range(len(self._stand_ins))) - set(slots)
            if missing:
                raise ValueError(f"the query does not use its arguments {sorted(missing)}")
            populators = (get_related_populators(compiler.klass_info, compiler.select, using)
                          if compiler.klass_info else [])
            compiled = (compiler, sql, tuple(params), slots, populators, bool(queryset.query.select_for_update))
            self._compiled[using] = compiled  # two threads compiling at once store equal templates
        return compiled

    def _run(self, values: tuple) -> tuple:
        using = router.db_for_read(self._model)
        template, sql, constants, slots, populators, for_update = self._template(using)
        connection = connections[using]
        if for_update and connection.get_autocommit():
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        params = tuple(constants[i] if slot is None else values[slot] for i, slot in enumerate(slots))
        compiler = copy.copy(template)
        compiler.connection, compiler.using = connection, using
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        return compiler, compiler.results_iter(compiler.execute_sql()), populators, using

    def rows(self, *values: Any) -> list[tuple]:
        compiler, rows, _, _ = self._run(values)
        return [tuple(row) for row in rows]

    def __call__(self, *values: Any) -> list[Model]:
        """As ModelIterable, without known related objects (callers set the relation they hold)."""
        compiler, rows, populators, using = self._run(values)
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
