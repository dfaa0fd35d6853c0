"""The import as a library call: read, validate everything, then write chunk by chunk through the API
(productBulkCreate for new products, only the differences for existing ones), recording progress in the
state file so that an interrupted run continues where it stopped."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from catalog_import import apply
from catalog_import.client import ApiError, ConnectionFailed, GraphQLClient
from catalog_import.model import Problem, ProductSpec
from catalog_import.parse import parse_products
from catalog_import.progress import Progress
from catalog_import.readers import read_table
from catalog_import.reference import check_products, fetch_reference
from catalog_import.report import (
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    Outcome,
    Result,
)
from catalog_import.state import StateFile, state_path

DEFAULT_URL = "http://127.0.0.1:8000/graphql/"


@dataclass
class Options:
    input: Path
    url: str = DEFAULT_URL
    token: str | None = None
    email: str | None = None
    password: str | None = None
    target: str = "marketplace"  # or "saleor": only the documents of graphql/saleor/
    lang: str = "en"
    dry_run: bool = False
    preview: Path | None = None
    state_dir: Path | None = None
    photos_dir: Path | None = None
    artisan: str = ""  # default artisan slug for rows without one
    chunk_size: int = 250
    workers: int = 2  # requests in flight: SKU lookups, translations, per-product follow-ups (updates, photos)
    progress: bool = True
    retries: int = 6
    backoff: float = 0.5


@contextmanager
def timed(result: Result, phase: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        result.timings[phase] = result.timings.get(phase, 0.0) + time.perf_counter() - started


def sign_in(client: GraphQLClient, options: Options) -> None:
    if options.token:
        client.token = options.token
        return
    if options.email and options.password:
        data = client.execute("TokenCreate", {"email": options.email, "password": options.password})["tokenCreate"]
        if data["errors"] or not data["token"]:
            raise ApiError("; ".join(e["message"] for e in data["errors"]) or "sign-in failed")
        client.token = data["token"]


def load(options: Options, result: Result) -> tuple[list[ProductSpec], dict[str, str]]:
    with timed(result, "read"):
        table = read_table(options.input)
        result.rows = len(table.rows)
    with timed(result, "validate_file"):
        photos_dir = options.photos_dir or options.input.resolve().parent
        products, problems = parse_products(table, photos_dir, options.artisan)
    result.problems += problems
    result.products = len(products)
    return products, table.headers


def run_import(options: Options) -> Result:
    """Validate, then import (unless dry run or preview). Never raises for bad input: see result.exit_code."""
    result = Result(lang=options.lang, dry_run=options.dry_run)
    products, headers = load(options, result)
    if result.errors:
        result.exit_code = EXIT_INVALID
        return result
    if options.preview is not None:
        from catalog_import.photos import write_preview

        with timed(result, "preview"):
            result.preview = write_preview(products, options.preview, lang=options.lang)
        return result
    client = GraphQLClient(options.url, retries=options.retries, backoff=options.backoff)
    try:
        sign_in(client, options)
        with timed(result, "reference"):
            reference = fetch_reference(client, options.target, sorted({p.artisan for p in products}))
    except (ConnectionFailed, ApiError) as error:
        result.problems.append(_fatal(error))
        result.exit_code = EXIT_USAGE
        return result
    result.problems += check_products(products, reference, headers)
    if result.errors:
        result.exit_code = EXIT_INVALID
        return result
    if options.dry_run:
        return result
    state = StateFile(state_path(options.input, client.url, options.state_dir))
    progress = Progress(len(products), enabled=options.progress)
    todo = []
    for product in products:
        if state.finished(product.key, product.fingerprint()):
            result.outcomes.append(Outcome(product.key, product.rows, [v.sku for v in product.variants], "resumed",
                                           state.done[product.key].get("product_id")))
            result.resumed += 1
        else:
            todo.append(product)
    if result.resumed:
        progress.advance("resumed", result.resumed)
    writer = apply.Writer(client, reference, state, result, progress, options.target, options.workers)
    try:
        return _write_all(options, todo, writer, state, progress, result)
    finally:
        result.timings["http"] = client.seconds
        result.timings["requests"] = client.requests


def _write_all(options: Options, todo: list[ProductSpec], writer: apply.Writer, state: StateFile,
               progress: Progress, result: Result) -> Result:
    try:
        for start in range(0, len(todo), options.chunk_size):
            writer.chunk(todo[start:start + options.chunk_size])
    except KeyboardInterrupt:
        writer.close(cancel=True)
        progress.close()
        state.close(complete=False)
        result.exit_code = EXIT_INTERRUPTED
        return result
    except ConnectionFailed as error:
        writer.close(cancel=True)
        progress.close()
        state.close(complete=False)
        result.problems.append(_fatal(error))
        result.exit_code = EXIT_USAGE
        return result
    writer.close()
    progress.close()
    failed = result.counts()["failed"]
    state.close(complete=not failed)
    result.exit_code = EXIT_PARTIAL if failed else EXIT_OK
    return result


def _fatal(error: Exception) -> Problem:
    detail = str(error)
    if isinstance(error, ApiError) and error.errors:
        detail = json.dumps([e.get("message") for e in error.errors], ensure_ascii=False)
    return Problem(None, None, "API", {"value": detail})
