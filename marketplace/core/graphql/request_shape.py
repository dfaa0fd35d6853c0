"""What a request must look like before GraphQL sees it (GraphQL over HTTP): a JSON object body, a string
`query`, an object of `variables` nested at most GRAPHQL_MAX_VARIABLES_DEPTH levels, a string
`operationName`. Anything else is the client's error: HTTP 400 (413 for a body over the cap) with a JSON
GraphQL error and a code, never Django's HTML page or a 500.

The checks are iterative: a body nested thousands of levels deep must not exhaust Python's stack."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from graphene_django.views import HttpError


class BadRequest(HttpError):
    """graphene-django's HttpError (its view answers it as JSON with the response's status)."""

    def __init__(self, message: str):
        super().__init__(HttpResponseBadRequest(message), message)


def body_too_large_response(cap: int) -> JsonResponse:
    return JsonResponse({"errors": [{"message": f"The request body exceeds {cap} bytes.",
                                     "extensions": {"code": "REQUEST_TOO_LARGE", "maximum": cap}}]}, status=413)


def nesting_depth(value: Any, stop_after: int) -> int:
    """Levels of lists and objects in a JSON value, counted without recursion (stops past `stop_after`)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        current, level = stack.pop()
        if isinstance(current, dict):
            children = current.values()
        elif isinstance(current, list):
            children = current
        else:
            continue
        deepest = max(deepest, level)
        if deepest > stop_after:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def parse_json_body(body: bytes) -> dict:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("The body is not UTF-8.") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise BadRequest("The body is nested too deeply.") from None
    except ValueError:
        raise BadRequest("POST body sent invalid JSON.") from None
    if not isinstance(data, dict):
        raise BadRequest("The body must be a JSON object with a `query` (batched requests are not supported).")
    return data


def check_params(query: Any, variables: Any, operation_name: Any) -> None:
    if query is not None and not isinstance(query, str):
        raise BadRequest("`query` must be a string.")
    if variables is not None and not isinstance(variables, dict):
        raise BadRequest("`variables` must be a JSON object (or null).")
    if operation_name is not None and not isinstance(operation_name, str):
        raise BadRequest("`operationName` must be a string.")
    limit = settings.GRAPHQL_MAX_VARIABLES_DEPTH
    if variables and nesting_depth(variables, limit) > limit:
        raise BadRequest(f"`variables` are nested more than {limit} levels deep.")
