"""The /graphql/ endpoint: graphene-django's view with parsed-and-validated documents cached, query
limits (cost, aliases, depth) and a short cache of anonymous catalog responses."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from typing import Any

import orjson
from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from graphene_django.constants import MUTATION_ERRORS_FLAG
from graphene_django.utils.utils import set_rollback
from graphene_django.views import GraphQLView as BaseGraphQLView
from graphql import (
    ExecutionResult,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    OperationType,
    execute,
    get_operation_ast,
    parse,
    specified_rules,
    validate,
)
from graphql.validation import NoSchemaIntrospectionCustomRule

from marketplace.core.cache import catalog_version
from marketplace.core.errors import PermissionDenied
from marketplace.core.graphql.execution import SyncExecutionContext, refuse_async_resolvers
from marketplace.core.graphql.input_safety import FiniteNumberRule, NulCharacterRule, contains_nul, nul_error
from marketplace.core.graphql.limits import (
    CostCache,
    check_document,
    limit_error,
    root_field_count,
    tokens_error,
)
from marketplace.core.graphql.request_shape import body_too_large_response, check_params, parse_json_body

logger = logging.getLogger(__name__)
# Parsed documents kept per process: the storefront's and importers' documents are a few KB each.
PARSE_CACHE_ENTRIES = 512
PARSE_CACHE_MAX_BYTES = 64 * 1024
_parsed: OrderedDict[tuple, tuple] = OrderedDict()
_parsed_lock = threading.Lock()
# Root fields whose anonymous answers are the same for every visitor (no cart, no account).
CACHEABLE_ROOT_FIELDS = frozenset({
    "shop", "channel", "channels", "products", "product", "productVariant", "categories", "category",
    "collections", "collection", "artisan", "artisans", "regions", "attributes", "__typename",
})


# Connection lost, server restarting, lock or serialization timeouts: the client should retry.
DB_UNAVAILABLE = (OperationalError, InterfaceError)
# graphene-django decorates its dispatch with ensure_csrf_cookie (method_decorator keeps the function as
# __wrapped__); a test checks that API answers set no cookie.
_graphene_dispatch = BaseGraphQLView.dispatch.__wrapped__
UNAVAILABLE_MESSAGE = "The service is temporarily unavailable; try again in a moment."
UNAVAILABLE_PAYLOAD = {"errors": [{"message": UNAVAILABLE_MESSAGE, "extensions": {"code": "SERVICE_UNAVAILABLE"}}]}


def database_unavailable() -> HttpResponse:
    return JsonResponse(UNAVAILABLE_PAYLOAD, status=503, headers={"Retry-After": "5"})


def _never_awaitable(_value: Any) -> bool:
    return False


def _parse_and_validate(schema: GraphQLSchema, query: str
                        ) -> tuple[Any, tuple[GraphQLError, ...], CostCache | None]:
    """Parsed and validated once per process for documents up to PARSE_CACHE_MAX_BYTES, keyed on the body's
    SHA-256 (the cache keeps no body); a larger document, rare and possibly hostile, is parsed every time."""
    # The settings the answer depends on are part of the key (tests and operators change them).
    limits = (settings.GRAPHQL_MAX_TOKENS, settings.GRAPHQL_MAX_ALIASES, settings.GRAPHQL_MAX_DEPTH,
              settings.GRAPHQL_MAX_REPEATED_FIELDS, settings.GRAPHQL_INTROSPECTION)
    body = query.encode() if len(query) <= PARSE_CACHE_MAX_BYTES else None
    if body is None or len(body) > PARSE_CACHE_MAX_BYTES:
        return _parse_and_validate_uncached(schema, query, limits[0])
    key = (schema, hashlib.sha256(body).digest(), limits)
    with _parsed_lock:
        found = _parsed.get(key)
        if found is not None:
            _parsed.move_to_end(key)
            return found
    found = _parse_and_validate_uncached(schema, query, limits[0])
    with _parsed_lock:
        _parsed[key] = found
        while len(_parsed) > PARSE_CACHE_ENTRIES:
            _parsed.popitem(last=False)
    return found


def _parse_and_validate_uncached(schema: GraphQLSchema, query: str, max_tokens: int
                                 ) -> tuple[Any, tuple[GraphQLError, ...], CostCache | None]:
    """Parse (the lexer stops at the token cap), then the document's limits, and only a document within
    them goes through graphql-core's rules, whose work can grow faster than the document."""
    try:
        document = parse(query, max_tokens=max_tokens)
    except GraphQLSyntaxError as error:
        if "tokens. Parsing aborted" in error.message:
            return None, (tokens_error(max_tokens),), None
        error.extensions = {**(error.extensions or {}), "code": "GRAPHQL_PARSE_FAILED"}
        return None, (error,), None
    errors = check_document(document)
    if errors:
        return document, tuple(errors), None
    rules = [*specified_rules, NulCharacterRule, FiniteNumberRule]
    if not settings.GRAPHQL_INTROSPECTION:
        rules.append(NoSchemaIntrospectionCustomRule)
    errors = validate(schema, document, rules)
    return document, tuple(errors), (None if errors else CostCache(document))


class GraphQLView(BaseGraphQLView):
    """`urls.py` hands the root schema in (`GraphQLView.as_view(schema=schema)`), so `core` never imports it."""

    graphiql = True

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("graphiql", settings.GRAPHIQL_ENABLED)
        super().__init__(**kwargs)
        refuse_async_resolvers(self.schema.graphql_schema)  # checked once per schema

    @classmethod
    def as_view(cls, **initkwargs: Any):
        if initkwargs.get("schema") is not None:  # refused when the URLs load, not at the first request
            refuse_async_resolvers(initkwargs["schema"].graphql_schema)
        return csrf_exempt(super().as_view(**initkwargs))

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from django.contrib.auth.models import AnonymousUser
        from django.core.exceptions import RequestDataTooBig

        if not getattr(request, "jwt_authenticated", False):
            # GraphQL authenticates by the Authorization header only: a session cookie (the admin's) would
            # let another page of the same site post a mutation as its owner (/graphql/ takes no CSRF token).
            request.user = AnonymousUser()
        if request.method == "POST":
            # File uploads (GraphQL multipart request spec) have their own, larger cap; the body is streamed.
            multipart = request.content_type == "multipart/form-data"
            cap = settings.GRAPHQL_MAX_UPLOAD_BYTES if multipart else settings.GRAPHQL_MAX_BODY_BYTES
            try:
                declared = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                declared = 0
            try:
                if declared > cap or (not multipart and len(request.body or b"") > cap):
                    return body_too_large_response(cap)
            except RequestDataTooBig:  # Django's own cap, met while reading a body sent without a length
                return body_too_large_response(cap)
        if request.META.get("HTTP_AUTHORIZATION") and not request.user.is_authenticated:
            error = getattr(request, "jwt_error", None)
            if error is not None:
                return JsonResponse({"errors": [{"message": error.message, "extensions": {"code": error.code}}]})
        try:
            cached = self._cached_response(request)
            if cached is not None:
                return cached
            # graphene-django's dispatch without its ensure_csrf_cookie: the API takes no CSRF token, so a
            # csrftoken cookie on every answer (as Saleor, none) would only cost a random secret per request.
            response = _graphene_dispatch(self, request, *args, **kwargs)
        except DB_UNAVAILABLE:  # e.g. the signed-in user could not be read: the database is away
            logger.error("Database unavailable: answered 503", exc_info=True)
            return database_unavailable()
        self._store_response(request, response)
        return response

    def parse_body(self, request: HttpRequest) -> dict:
        if request.content_type == "multipart/form-data" and "operations" in request.POST:
            return multipart_operations(request.POST, request.FILES)
        if request.content_type == "application/json":
            return parse_json_body(request.body)
        return super().parse_body(request)

    @staticmethod
    def get_graphql_params(request: HttpRequest, data: dict) -> tuple[Any, Any, Any, Any]:
        """graphene-django's, then the shape GraphQL over HTTP requires (a string query, an object of
        variables, not too deeply nested): anything else is the client's error, answered 400 with a code."""
        query, variables, operation_name, id_ = BaseGraphQLView.get_graphql_params(request, data)
        check_params(query, variables, operation_name)
        return query, variables, operation_name, id_

    # Anonymous catalog queries are the same for every visitor of a channel and language.
    def _cache_key(self, request: HttpRequest) -> str | None:
        if settings.CATALOG_CACHE_SECONDS <= 0 or request.method != "POST":
            return None
        if request.META.get("HTTP_AUTHORIZATION") or request.content_type != "application/json":
            return None
        digest = hashlib.sha256(request.body).hexdigest()
        return f"gql:{catalog_version()}:{digest}"

    def _cached_response(self, request: HttpRequest) -> HttpResponse | None:
        key = self._cache_key(request)
        request._maalem_cache_key = key
        if key is None:
            return None
        content = cache.get(key)
        if content is None:
            return None
        return HttpResponse(content, content_type="application/json", headers={"X-Maalem-Cache": "hit"})

    def _store_response(self, request: HttpRequest, response: HttpResponse) -> None:
        key = getattr(request, "_maalem_cache_key", None)
        if key and response.status_code == 200 and getattr(request, "_maalem_cacheable", False):
            cache.set(key, response.content, settings.CATALOG_CACHE_SECONDS)

    def execute_graphql_request(self, request, data, query, variables, operation_name, show_graphiql=False):
        if not query:
            if show_graphiql:
                return None
            return ExecutionResult(errors=[GraphQLError("Must provide a query string.")])
        document, errors, costs = _parse_and_validate(self.schema.graphql_schema, query)
        if errors:
            return ExecutionResult(errors=list(errors))
        if contains_nul(variables):  # PostgreSQL cannot store it: the client's error, said before any work
            return ExecutionResult(errors=[nul_error()])
        operation = get_operation_ast(document, operation_name)
        if operation is None:
            return ExecutionResult(errors=[GraphQLError("Unknown or ambiguous operation name.")])
        if request.method.lower() == "get" and operation.operation != OperationType.QUERY:
            if show_graphiql:
                return None
            return ExecutionResult(errors=[GraphQLError("Mutations are only accepted in POST requests.")])
        if operation.operation == OperationType.MUTATION:
            count, maximum = root_field_count(document, operation), settings.GRAPHQL_MAX_MUTATIONS
            if count > maximum:
                return ExecutionResult(errors=[GraphQLError(
                    f"A request may run at most {maximum} mutations; this one has {count}.",
                    extensions={"code": "TOO_MANY_MUTATIONS", "maximum": maximum, "actual": count})])
        cost = costs.cost(self.schema.graphql_schema, document, operation, variables)
        request._maalem_cost = cost
        maximum = settings.GRAPHQL_QUERY_MAX_COST
        if cost > maximum:
            return ExecutionResult(errors=[limit_error(
                f"The query exceeds the maximum cost of {maximum}. Actual cost is {cost}.", "cost", maximum, cost)])
        request._maalem_cacheable = (
            operation.operation == OperationType.QUERY
            and not request.user.is_authenticated
            and all(isinstance(f, FieldNode) and f.name.value in CACHEABLE_ROOT_FIELDS
                    for f in operation.selection_set.selections)
        )
        try:
            return execute(
                self.schema.graphql_schema, document, root_value=None, context_value=request,
                variable_values=variables, operation_name=operation_name,
                middleware=self.get_middleware(request) or None,
                # Every resolver is synchronous: skip graphql-core's awaitable check on each of ~1,000 values.
                is_awaitable=_never_awaitable, execution_context_class=SyncExecutionContext,
            )
        except DB_UNAVAILABLE:
            logger.error("Database unavailable: answered 503", exc_info=True)
            request._maalem_db_unavailable = True
            return ExecutionResult(errors=[GraphQLError(UNAVAILABLE_MESSAGE)])
        except Exception as error:  # never a 500: the error is logged and reported as a GraphQL error
            logger.exception("GraphQL execution failed")
            return ExecutionResult(errors=[GraphQLError(f"Internal error: {error.__class__.__name__}",
                                                        extensions={"code": "INTERNAL_ERROR"})])

    def get_response(self, request, data, show_graphiql=False):
        # graphene-django's get_response, encoding once: the cost goes into `extensions` before encoding.
        query, variables, operation_name, _id = self.get_graphql_params(request, data)
        result = self.execute_graphql_request(request, data, query, variables, operation_name, show_graphiql)
        if getattr(request, MUTATION_ERRORS_FLAG, False) is True:
            set_rollback()
        if result is None or show_graphiql:
            return None, 200
        outage = next((e.original_error for e in result.errors or ()
                       if isinstance(getattr(e, "original_error", None), DB_UNAVAILABLE)), None)
        if outage is not None or getattr(request, "_maalem_db_unavailable", False):
            # An outage, not a bug: 503 tells clients (and the storefront) to try again shortly; the
            # operators hear of it (an error log, so Sentry when configured).
            if outage is not None:
                logger.error("Database unavailable: answered 503", exc_info=outage)
            set_rollback()
            request._maalem_cacheable = False
            return self.json_encode(request, UNAVAILABLE_PAYLOAD), 503
        payload: dict[str, Any] = {}
        if result.errors:
            set_rollback()
            payload["errors"] = [self.format_error(e) for e in result.errors]
        if not result.errors or all(getattr(e, "path", None) for e in result.errors):
            payload["data"] = result.data
        cost = getattr(request, "_maalem_cost", None)
        if cost is not None:
            payload["extensions"] = {"cost": {
                "requestedQueryCost": cost, "maximumAvailable": settings.GRAPHQL_QUERY_MAX_COST}}
        # GraphQL errors are answered with 200 and an errors list, as Saleor does.
        return self.json_encode(request, payload, pretty=show_graphiql), 200

    def json_encode(self, request, d, pretty=False):
        if pretty or self.pretty or request.GET.get("pretty"):
            return super().json_encode(request, d, pretty=True)
        try:
            return orjson.dumps(d).decode()
        except TypeError:  # a value orjson does not know: the standard encoder's message and behaviour
            return json.dumps(d, separators=(",", ":"))

    @staticmethod
    def format_error(error: Exception) -> dict:
        if isinstance(error, GraphQLError):
            formatted = error.formatted
            if isinstance(error.original_error, PermissionDenied):
                # A query resolver's permission check: Saleor's PERMISSION_DENIED, not an internal error.
                formatted["message"] = error.original_error.message
                formatted.setdefault("extensions", {})["code"] = "PERMISSION_DENIED"
                return formatted
            # Without a path the error comes from validation or variable coercion: a scalar's parser refused
            # the client's value (a bad UUID, JSONString...), which is the client's error, not ours.
            if (error.path is not None and error.original_error is not None
                    and not isinstance(error.original_error, GraphQLError)):
                logger.error("Unhandled error in a resolver", exc_info=error.original_error)
                formatted["message"] = "Internal error: the server could not complete this field."
                formatted.setdefault("extensions", {})["code"] = "INTERNAL_ERROR"
            if error.path is None and not (formatted.get("extensions") or {}).get("code"):
                # Validation and variable coercion: the request's fault, with a code a client can test.
                formatted.setdefault("extensions", {})["code"] = "GRAPHQL_VALIDATION_FAILED"
            return formatted
        # graphene-django's HttpError: a request that is not GraphQL over HTTP (bad JSON, bad method...).
        return {"message": str(error), "extensions": {"code": "BAD_REQUEST"}}


def multipart_operations(form: Any, files: Any) -> dict:
    """GraphQL multipart request spec: `operations` (JSON), `map` ({part: ["variables.x", ...]}) and the
    file parts; each file replaces the null at its paths. One operation per request (no batches)."""
    from django.http import HttpResponseBadRequest
    from graphene_django.views import HttpError

    try:
        operations = json.loads(form["operations"])
        mapping = json.loads(form.get("map") or "{}")
    except ValueError:
        raise HttpError(HttpResponseBadRequest("The multipart `operations` and `map` fields must be JSON.")) from None
    if not isinstance(operations, dict) or not isinstance(mapping, dict):
        raise HttpError(HttpResponseBadRequest("Send one operation object; batched "
                                               "multipart requests are not supported."))
    for part, paths in mapping.items():
        upload = files.get(part)
        if upload is None:
            raise HttpError(HttpResponseBadRequest(f"The map names a file part that was not sent: {part}."))
        for dotted in paths if isinstance(paths, list) else []:
            _set_path(operations, str(dotted).split("."), upload)
    return operations


def _set_path(target: Any, keys: list[str], value: Any) -> None:
    from django.http import HttpResponseBadRequest
    from graphene_django.views import HttpError

    if not keys or keys[0] != "variables":
        raise HttpError(HttpResponseBadRequest("A file path in the map must start with `variables.`."))
    for position, key in enumerate(keys):
        last = position == len(keys) - 1
        try:
            if isinstance(target, list):
                index = int(key)
                if last:
                    target[index] = value
                else:
                    target = target[index]
            elif isinstance(target, dict):
                if last:
                    target[key] = value
                else:
                    target = target.setdefault(key, {}) if key == "variables" else target[key]
            else:
                raise KeyError(key)
        except (KeyError, IndexError, ValueError):
            raise HttpError(HttpResponseBadRequest(f"The map's path {'.'.join(keys)} "
                                                   f"is not in the variables.")) from None


def health_live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def health_ready(request: HttpRequest) -> JsonResponse:
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # readiness reports, it does not raise
        checks["database"] = f"error: {error.__class__.__name__}"
    try:
        cache.set("health-check", "1", 5)
        checks["cache"] = "ok" if cache.get("health-check") == "1" else "error"
    except Exception as error:
        checks["cache"] = f"error: {error.__class__.__name__}"
    if settings.CELERY_BROKER_URL and not settings.CELERY_TASK_ALWAYS_EAGER:
        checks["broker"] = _broker_check()
    ok = all(v == "ok" for v in checks.values())
    return JsonResponse({"status": "ok" if ok else "error", "checks": checks}, status=200 if ok else 503)


def _broker_check() -> str:
    from marketplace.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception as error:
        return f"error: {error.__class__.__name__}"
