"""Set one column on many rows in one statement (UPDATE … FROM unnest): Django's bulk_update writes a
CASE with one branch per row, which grows quadratically with the batch a bulk import sends."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection


def bulk_set(table: str, column: str, pks: Sequence[int], values: Sequence[Any], sql_type: str) -> None:
    """UPDATE `table` SET `column` = value per primary key; `sql_type` is the column's type (bigint, text…)."""
    if not pks:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f'UPDATE "{table}" t SET "{column}" = v.value'  # noqa: S608 - identifiers come from code, not input
            f" FROM (SELECT unnest(%s::bigint[]) AS id, unnest(%s::{sql_type}[]) AS value) v WHERE t.id = v.id",
            [list(pks), list(values)])


def insert_rows(table: str, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT the rows in one statement with one array parameter per column (INSERT … SELECT FROM unnest):
    no model instance per row and no per-value preparation, which is most of bulk_create's cost on the
    child rows (listings, prices, stocks, attribute values) of a bulk import. `columns`: (name, SQL type);
    every NOT NULL column must be given (Django's defaults are Python-side)."""
    if not rows:
        return
    names = ", ".join(f'"{name}"' for name, _ in columns)
    arrays = ", ".join(f"%s::{sql_type}[]" for _, sql_type in columns)
    with connection.cursor() as cursor:
        cursor.execute(f'INSERT INTO "{table}" ({names}) SELECT * FROM unnest({arrays})',  # noqa: S608 - see bulk_set
                       [list(values) for values in zip(*rows, strict=True)])
