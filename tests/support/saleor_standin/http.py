"""The stand-in's HTTP side: Saleor's schema with Saleor's permission rules on every field, JSON and GraphQL
multipart requests, and Saleor's status codes (400 for invalid documents and variables, 200 otherwise)."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from email.parser import BytesParser
from email.policy import HTTP
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from graphql import (
    GraphQLError,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
    default_field_resolver,
    execute,
    parse,
    validate,
)
from graphql.language import OperationDefinitionNode

from saleor_standin.api import Mutation, Query
from saleor_standin.store import SALEOR_SCHEMA, STAFF_TOKEN, Store

PERMISSIONS = re.compile(r"Requires one of the following permissions: ([A-Z_, ]+)")


@dataclass
class UploadedFile:
    filename: str
    content_type: str | None  # None: the part declared none (Saleor then sees application/octet-stream)
    data: bytes


def _positive_decimal(value: Any) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"Expected type \"PositiveDecimal\", found {json.dumps(value)}.") from None
    if not number.is_finite() or number < 0:
        raise ValueError(f"Expected type \"PositiveDecimal\", found {json.dumps(value)}.")
    return number


def _guarded(resolve: Any, permissions: str) -> Any:
    def resolver(source: Any, info: Any, **args: Any) -> Any:
        if info.context["role"] != "staff":
            raise GraphQLError(f"To access this path, you need one of the following permissions: {permissions}",
                               extensions={"exception": {"code": "PermissionDenied"}})
        return (resolve or default_field_resolver)(source, info, **args)
    return resolver


@cache
def saleor_schema() -> GraphQLSchema:
    """Saleor 3.23's schema, with its stated permission rules enforced on every field (staff pass them)."""
    schema = build_schema(SALEOR_SCHEMA.read_text(encoding="utf-8"), assume_valid_sdl=True)
    positive = schema.type_map["PositiveDecimal"]
    positive.parse_value = _positive_decimal  # type: ignore[attr-defined]
    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for field in type_.fields.values():
            found = PERMISSIONS.search(field.description or "")
            if found:
                field.resolve = _guarded(field.resolve, found.group(1).strip().rstrip("."))
    return schema


class StandinServer:
    def __init__(self) -> None:
        self.store = Store()
        self.query, self.mutation = Query(self.store), Mutation(self.store)
        self.requests: list[dict[str, Any]] = []
        self.url = ""

    def answer(self, body: dict, role: str, upload: UploadedFile | None = None) -> tuple[int, dict]:
        document_text = body.get("query") or ""
        variables = body.get("variables") or {}
        record: dict[str, Any] = {"operation": None, "variables": variables, "role": role,
                                  "content_type": upload.content_type if upload else None}
        self.requests.append(record)
        try:
            document = parse(document_text)
        except GraphQLError as error:
            record["status"] = 400
            return 400, {"errors": [_formatted(error)]}
        operation = next((d for d in document.definitions if isinstance(d, OperationDefinitionNode)), None)
        record["operation"] = operation.name.value if operation and operation.name else None
        errors = validate(saleor_schema(), document)
        if errors:
            record["status"] = 400
            return 400, {"errors": [_formatted(e) for e in errors]}
        root = self.mutation if operation and operation.operation.value == "mutation" else self.query
        result = execute(saleor_schema(), document, root_value=root, variable_values=variables,
                         context_value={"role": role})
        if result.data is None and result.errors:  # variables refused before any resolver ran
            record["status"] = 400
            return 400, {"errors": [_formatted(e) for e in result.errors]}
        payload: dict[str, Any] = {"data": result.data}
        if result.errors:
            payload = {"errors": [_formatted(e) for e in result.errors], "data": result.data}
        payload["extensions"] = {}
        record["status"] = 200
        return 200, payload


def _formatted(error: GraphQLError) -> dict:
    formatted = error.formatted
    extensions = dict(formatted.get("extensions") or {})
    extensions.setdefault("exception", {"code": "GraphQLError"})
    return {**formatted, "extensions": extensions}


def _multipart(content_type: str, body: bytes) -> tuple[dict, UploadedFile | None]:
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    fields: dict[str, str] = {}
    files: dict[str, UploadedFile] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        data = part.get_payload(decode=True) or b""
        if filename is not None:
            files[name] = UploadedFile(filename, part.get("Content-Type"), data)
        else:
            fields[name] = data.decode("utf-8")
    operations = json.loads(fields.get("operations") or "{}")
    upload = None
    for key, paths in json.loads(fields.get("map") or "{}").items():
        for path in paths:
            target = operations
            *parents, last = path.split(".")
            for part_name in parents:
                target = target[part_name]
            target[last] = upload = files.get(key)
    return operations, upload


def _handler(standin: StandinServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            token = (self.headers.get("Authorization") or "").removeprefix("Bearer ").strip()
            role = "staff" if token == STAFF_TOKEN else "anonymous"
            content_type = self.headers.get("Content-Type") or ""
            if content_type.startswith("multipart/form-data"):
                request, upload = _multipart(content_type, body)
            else:
                request, upload = json.loads(body or b"{}"), None
            status, payload = standin.answer(request, role, upload)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def server() -> Iterator[StandinServer]:
    """A stand-in on a free loopback port, for the block's duration (its URL in `.url`)."""
    standin = StandinServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(standin))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    standin.url = f"http://127.0.0.1:{httpd.server_address[1]}/graphql/"
    try:
        yield standin
    finally:
        httpd.shutdown()
        httpd.server_close()
