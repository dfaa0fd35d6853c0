"""Text PostgreSQL cannot store: a NUL (0x00) character in any string argument is refused up front with a
clear GraphQL error (psycopg would raise DataError deep inside a resolver or a service)."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, StringValueNode, ValidationRule

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
