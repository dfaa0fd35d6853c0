"""Keyset (cursor) pagination for connections, Saleor's rules: `first` or `last` is required and at most
100; cursors are opaque and stable; `totalCount` is counted only when asked for."""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q, QuerySet
from graphql import GraphQLError

from marketplace.core.reference_memo import memoized


@dataclass
class Page:
    nodes: list[Any]
    cursors: list[str]
    has_next_page: bool
    has_previous_page: bool
    queryset: QuerySet = field(repr=False)
    _total_count: int | None = None
    # (key, request): the count is memoized per catalog version for anonymous requests (reference_memo).
    count_memo: tuple[Any, Any] | None = field(default=None, repr=False)

    @property
    def total_count(self) -> int:
        if self._total_count is None:
            count = lambda: self.queryset.order_by().count()  # noqa: E731
            if self.count_memo is None:
                self._total_count = count()
            else:
                key, request = self.count_memo
                self._total_count = memoized("total_count", key, count, request)
        return self._total_count


def _encode_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"d": str(value)}
    if isinstance(value, datetime.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"day": value.isoformat()}
    return value


MAX_CURSOR_INT = 2**63 - 1


def _decode_value(value: Any) -> Any:
    """A value as encode_cursor wrote it; anything else (a forged cursor) raises ValueError."""
    if isinstance(value, dict):
        if set(value) == {"d"} and isinstance(value["d"], str):
            try:
                number = Decimal(value["d"])
            except ArithmeticError:
                raise ValueError("not a decimal") from None
            if not number.is_finite():
                raise ValueError("not a finite decimal")
            return number
        if set(value) == {"t"} and isinstance(value["t"], str):
            return datetime.datetime.fromisoformat(value["t"])
        if set(value) == {"day"} and isinstance(value["day"], str):
            return datetime.date.fromisoformat(value["day"])
        raise ValueError("unknown value")
    if isinstance(value, bool) or value is None or (isinstance(value, str) and "\x00" not in value):
        return value
    if isinstance(value, int) and abs(value) <= MAX_CURSOR_INT:
        return value
    raise ValueError("unknown value")


def invalid_cursor(cursor: str) -> GraphQLError:
    return GraphQLError(f"Received cursor ({cursor[:100]}) is invalid.", extensions={"code": "INVALID"})


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps([_encode_value(v) for v in values]).encode()).decode()


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
        if not isinstance(values, list) or len(values) != size:
            raise ValueError("not a cursor")
        return [_decode_value(v) for v in values]
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
        raise invalid_cursor(cursor) from None


def validate_page_arguments(first: int | None, last: int | None, connection_name: str) -> None:
    limit = settings.GRAPHQL_MAX_PAGE_SIZE
    if first is None and last is None:
        raise GraphQLError(f"You must provide a `first` or `last` value to "
                           f"properly paginate the `{connection_name}` connection.")
    if first is not None and last is not None:
        raise GraphQLError(f"Passing both `first` and `last` to paginate the "
                           f"`{connection_name}` connection is not supported.")
    for name, value in (("first", first), ("last", last)):
        if value is not None and value < 0:
            raise GraphQLError(f"Argument `{name}` on connection `{connection_name}` cannot be less than 0.")
        if value is not None and value > limit:
            raise GraphQLError(
                f"Requesting {value} records on the `{connection_name}` "
                f"connection exceeds the `{name}` limit of {limit} records."
            )


def _seek(sort: list[tuple[str, bool]], values: list[Any], forward: bool) -> Q:
    """Rows strictly after `values` in the order `sort` (reversed when not `forward`)."""
    condition = Q()
    for i, (name, descending) in enumerate(sort):
        # Forward over an ascending field (or backward over a descending one) seeks greater values.
        lookup = f"{name}__lt" if descending == forward else f"{name}__gt"
        term = Q(**{lookup: values[i]})
        for j in range(i):
            term &= Q(**{sort[j][0]: values[j]})
        condition |= term
    return condition


def paginate(
    queryset: QuerySet,
    *,
    sort: list[tuple[str, bool]],
    first: int | None = None,
    last: int | None = None,
    after: str | None = None,
    before: str | None = None,
    connection_name: str = "items",
    count_memo: tuple[Any, Any] | None = None,
) -> Page:
    """Return one page of `queryset` ordered by `sort` ([(field, descending)], pk appended for ties)."""
    validate_page_arguments(first, last, connection_name)
    sort = [*sort, ("pk", sort[-1][1] if sort else False)]
    names = [name for name, _ in sort]
    forward = last is None
    ordering = []
    for name, descending in sort:
        reverse = descending if forward else not descending
        ordering.append(f"-{name}" if reverse else name)
    filtered = queryset
    for cursor, forward_seek in ((after, True), (before, False)):
        if not cursor:
            continue
        values = decode_cursor(cursor, len(sort))
        try:
            # Each value must suit its column (a forged cursor could put text where a number sorts).
            values = [_to_python(queryset, name, value) for (name, _), value in zip(sort, values, strict=True)]
            filtered = filtered.filter(_seek(sort, values, forward_seek))
        except (ValueError, TypeError, ArithmeticError, ValidationError, FieldDoesNotExist):
            raise invalid_cursor(cursor) from None
    size = first if forward else last
    rows = list(filtered.order_by(*ordering)[: size + 1])
    has_more = len(rows) > size
    rows = rows[:size]
    if not forward:
        rows.reverse()
    cursors = [encode_cursor([_attr(row, n) for n in names]) for row in rows]
    return Page(
        nodes=rows,
        cursors=cursors,
        has_next_page=has_more if forward else bool(before),
        has_previous_page=bool(after) if forward else has_more,
        queryset=queryset,
        count_memo=count_memo,
    )


def _to_python(queryset: QuerySet, name: str, value: Any) -> Any:
    """The cursor's value as the sorted column's type, or ValidationError (None cannot be sought)."""
    if value is None:
        raise ValueError("no value")
    field = queryset.query.annotations.get(name)
    if field is not None:
        field = field.output_field
    else:
        model = queryset.model
        for part in name.split("__"):
            field = model._meta.pk if part == "pk" else model._meta.get_field(part)
            model = field.related_model or model
        field = getattr(field, "target_field", field)
    return field.to_python(value)


def _attr(row: Any, name: str) -> Any:
    value = row
    for part in name.split("__"):
        value = getattr(value, part)
    return value
