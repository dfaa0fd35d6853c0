"""Saleor-shaped mutations: a payload with the result fields and `errors { field message code }`.

A mutation's `perform` calls services; a MutationError becomes payload errors (and the transaction
rolls back), a PermissionDenied a GraphQL error with code PERMISSION_DENIED."""

from __future__ import annotations

import logging
from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.db import DataError, transaction
from graphql import GraphQLError

from marketplace.core.errors import FieldError, MutationError, PermissionDenied

logger = logging.getLogger(__name__)
_error_types: dict[str, type] = {}


def error_type(name: str, codes: list[str]) -> type:
    """`<Name>Error { field message code: <Name>ErrorCode! }`."""
    if name in _error_types:
        return _error_types[name]
    enum = graphene.Enum(f"{name}ErrorCode", [(code, code) for code in codes])
    error = type(f"{name}Error", (graphene.ObjectType,), {
        "field": graphene.String(description="The input field the error is about (camelCase), or null."),
        "message": graphene.String(),
        "code": graphene.Field(enum, required=True),
    })
    _error_types[name] = error
    return error


def to_camel(name: str | None) -> str | None:
    if not name:
        return name
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


class MaalemMutation(graphene.Mutation):
    """Subclasses set `errors = graphene.NonNull(graphene.List(graphene.NonNull(XError)))` and define
    `perform(cls, root, info, **data) -> dict` of payload fields."""

    class Meta:
        abstract = True

    @classmethod
    def perform(cls, root: Any, info: Any, **data: Any) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any) -> Any:
        try:
            with transaction.atomic():
                result = cls.perform(root, info, **data)
        except MutationError as error:
            return cls(errors=[_payload_error(e) for e in error.errors])
        except ValidationError as error:
            return cls(errors=[_payload_error(e) for e in _django_errors(error)])
        except PermissionDenied as error:
            raise GraphQLError(error.message, extensions={"code": "PERMISSION_DENIED"}) from None
        except DataError as error:
            # A value the column cannot hold (too long, out of range) that no service rule caught: the
            # savepoint above is rolled back and the client hears it was its input, not a server fault.
            # Operators read which mutation lacks a rule (a warning: nothing failed on the server's side).
            logger.warning("%s: a value did not fit its column (%s)", cls.__name__, str(error).strip()[:200])
            return cls(errors=[{"field": None, "code": "INVALID",
                                "message": "A value is too long or out of range for its field."}])
        return cls(errors=[], **result)


def _payload_error(error: FieldError) -> dict[str, Any]:
    return {**error.extra, "field": to_camel(error.field), "message": error.message, "code": error.code}


def _django_errors(error: ValidationError) -> list[FieldError]:
    if hasattr(error, "error_dict"):
        return [FieldError(field if field != "__all__" else None, e.messages[0], (e.code or "INVALID").upper())
                for field, errors in error.error_dict.items() for e in errors]
    return [FieldError(None, e.messages[0], (e.code or "INVALID").upper()) for e in error.error_list]
