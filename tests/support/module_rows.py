"""Rows built once for a whole test module, as Django's `TestCase.setUpTestData` does for a class.

A module-scoped fixture opens a transaction, builds its rows in it, and rolls it back when the module is
done. Each test's own transaction (pytest-django's `db`) is a savepoint inside it: the test sees the rows,
and whatever it changes is undone after it. Each test gets a deep copy of the built Python objects, so one
test's changes to them never reach the next (setUpTestData does the same).

Only for tests that read and write through the `db` fixture's connection: a server thread or another
process would not see rows that are never committed.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


@contextlib.contextmanager
def rows_for_the_module(django_db_blocker: Any, build: Callable[[], T]) -> Iterator[Callable[[], T]]:
    """Build the rows in a transaction kept open until the module is done; yields a function that returns
    a fresh deep copy of what `build` returned."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield lambda: copy.deepcopy(built)
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
