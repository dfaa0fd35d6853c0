"""Errors that services raise and the GraphQL layer turns into Saleor's `errors { field message code }`."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass
class FieldError:
    field: str | None
    message: str
    code: str
    # More fields of the error type, as some Saleor errors carry (e.g. the artisan and the missing amount).
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)


class MutationError(Exception):
    """One or more field errors from a service; nothing was written."""

    def __init__(self, errors: list[FieldError] | FieldError | str, *, code: str = "INVALID", field: str | None = None):
        if isinstance(errors, str):
            errors = [FieldError(field, errors, code)]
        elif isinstance(errors, FieldError):
            errors = [errors]
        self.errors = errors
        super().__init__("; ".join(e.message for e in errors))


class PermissionDenied(Exception):
    """The caller may not do this; reported as a GraphQL error with code PERMISSION_DENIED, as Saleor."""

    def __init__(self, message: str = "You do not have permission to perform this action."):
        super().__init__(message)
        self.message = message
