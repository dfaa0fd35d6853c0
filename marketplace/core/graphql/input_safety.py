"""Values no resolver should meet, refused up front with a clear GraphQL error: a NUL (0x00) character in
any string argument (PostgreSQL cannot store it: psycopg would raise DataError deep inside a resolver or a
service), and a float literal beyond the float range (`1e400` parses to infinity)."""

from __future__ import annotations

import math
from typing import Any

from graphql import FloatValueNode, GraphQLError, StringValueNode, ValidationRule

NUL_MESSAGE = "Text cannot contain NUL (0x00) characters."


class NulCharacterRule(ValidationRule):
    """A validation rule (cached with the document): no string literal holds a NUL character."""

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        if "\x00" in node.value:
            self.report_error(GraphQLError(NUL_MESSAGE, node, extensions={"code": "INVALID"}))


def contains_nul(value: Any) -> bool:
    """Whether a variables value (JSON: dicts, lists, strings...) holds a NUL character anywhere."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(contains_nul(v) for v in value)
    return False


def nul_error() -> GraphQLError:
    return GraphQLError(NUL_MESSAGE, extensions={"code": "INVALID"})


class FiniteNumberRule(ValidationRule):
    """A validation rule: every float literal is a finite number (graphql-core turns `1e400` into inf)."""

    def enter_float_value(self, node: FloatValueNode, *_args: Any) -> None:
        if not math.isfinite(float(node.value)):
            self.report_error(GraphQLError(f"The number {node.value[:40]} is out of range.", node,
                                           extensions={"code": "INVALID"}))
