"""A small GraphQL client over HTTP: the importer's documents from its .graphql files, a bearer token,
retries with exponential back-off on transient failures (connection errors, 5xx, 429), multipart uploads
that declare each file's real MIME type (from its content: Saleor refuses an image part without one), and
no new request once a stop is asked (catalog_import.interrupt)."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import requests

from catalog_import.interrupt import StopSignal

GRAPHQL_DIR = Path(__file__).resolve().parent / "graphql"
TRANSIENT_STATUS = {429, 500, 502, 503, 504}
MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "HEIF": "image/heic"}
EXTENSIONS = {"JPEG": (".jpg", ".jpeg", ".jpe", ".jfif"), "PNG": (".png",), "WEBP": (".webp",),
              "HEIF": (".heic", ".heif")}


@cache
def document(name: str) -> str:
    """An operation document: graphql/saleor/<name>.graphql, else graphql/marketplace/<name>.graphql."""
    for folder in ("saleor", "marketplace"):
        path = GRAPHQL_DIR / folder / f"{name}.graphql"
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(name)


class ApiError(Exception):
    """The server answered with GraphQL errors (or a non-JSON/4xx response): not worth retrying."""

    def __init__(self, message: str, errors: list[dict] | None = None, status: int | None = None):
        super().__init__(message)
        self.errors = errors or []
        self.status = status

    @property
    def codes(self) -> set[str]:
        return {str((e.get("extensions") or {}).get("code", "")) for e in self.errors}


class ConnectionFailed(Exception):
    """The server could not be reached (or kept failing) after every retry."""


class GraphQLClient:
    def __init__(self, url: str, token: str | None = None, *, retries: int = 6, backoff: float = 0.5,
                 timeout: float = 120.0, sleep: Callable[[float], None] | None = None, stop: StopSignal | None = None):
        self.url = url if url.rstrip("/").endswith("graphql") else url.rstrip("/") + "/graphql/"
        self.token = token
        self.stop = stop or StopSignal()
        self.retries, self.backoff, self.timeout = retries, backoff, timeout
        self.sleep = sleep or self.stop.wait
        self.session = requests.Session()
        self.requests = 0
        self.retried = 0
        self.seconds = 0.0

    def close(self) -> None:
        """Close the kept-alive connections (the server's worker for them can end)."""
        self.session.close()

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def _send(self, headers: dict[str, str], **kwargs: Any) -> dict:
        attempt = 0
        while True:
            self.stop.check()  # a stop asked: no new request (those in flight finish)
            started = time.perf_counter()
            try:
                response = self.session.post(self.url, headers={**self._headers(), **headers}, timeout=self.timeout,
                                             **kwargs)
                transient = response.status_code in TRANSIENT_STATUS
                failure = f"HTTP {response.status_code}"
            except requests.Timeout:
                response, transient, failure = None, True, f"no answer within {self.timeout:g} s"
            except requests.ConnectionError:
                response, transient, failure = None, True, "cannot connect"
            finally:
                self.requests += 1
                self.seconds += time.perf_counter() - started
            if not transient:
                break
            attempt += 1
            if attempt > self.retries:
                raise ConnectionFailed(f"{self.url}: {failure} (after {self.retries} retries)")
            self.retried += 1
            delay = self.backoff * 2 ** (attempt - 1)
            if response is not None and response.headers.get("Retry-After", "").isdigit():
                delay = max(delay, float(response.headers["Retry-After"]))
            self.sleep(min(delay, 30.0) * (1 + random.random() / 4))
        assert response is not None
        try:
            payload = response.json()
        except ValueError:
            raise ApiError(f"HTTP {response.status_code}: {response.text[:300]}", status=response.status_code) from None
        if payload.get("errors"):
            first = payload["errors"][0].get("message", "")
            raise ApiError(first, payload["errors"], response.status_code)
        if response.status_code >= 400:
            raise ApiError(f"HTTP {response.status_code}", status=response.status_code)
        return payload.get("data") or {}

    def execute(self, name: str, variables: dict | None = None) -> dict:
        body = json.dumps({"query": document(name), "variables": variables or {}}, default=str)
        return self._send({"Content-Type": "application/json"}, data=body.encode())

    def upload(self, name: str, variables: dict, files: dict[str, Path]) -> dict:
        """GraphQL multipart request: `files` maps a variable name to the file to send in its place. Each part
        declares the file's MIME type as its content says (never the name's suffix)."""
        operations = json.dumps({"query": document(name), "variables": {**variables, **dict.fromkeys(files)}})
        mapping = json.dumps({str(i): [f"variables.{var}"] for i, var in enumerate(files)})
        handles = {}
        for i, (_var, path) in enumerate(files.items()):
            data = path.read_bytes()
            handles[str(i)] = (upload_name(path, data), data, mime_type(data))
        return self._send({}, data={"operations": operations, "map": mapping}, files=handles)


def _format(data: bytes) -> str:
    from marketplace.photography.io import sniff_format

    return sniff_format(data[:64]) or ""


def mime_type(data: bytes) -> str:
    """The MIME type of a photo from its first bytes (application/octet-stream when it is no image)."""
    return MIME_TYPES.get(_format(data), "application/octet-stream")


def upload_name(path: Path, data: bytes) -> str:
    """The file's name, with the extension its content calls for when it has none or another one (Saleor
    refuses an image named without an image extension)."""
    extensions = EXTENSIONS.get(_format(data), ())
    if not extensions or path.suffix.lower() in extensions:
        return path.name
    return path.name + extensions[0]
