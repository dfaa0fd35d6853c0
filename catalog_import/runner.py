"""The import as a library call: read and check everything in one pass (the file's own checks and those
against the API's reference data), then write chunk by chunk through the API (productBulkCreate for new
products, only the differences for existing ones), recording progress in the state file so that an
interrupted run continues where it stopped."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from catalog_import import apply
from catalog_import.checks import check_products
from catalog_import.client import ApiError, ConnectionFailed, GraphQLClient
from catalog_import.interrupt import Interrupted, StopSignal
from catalog_import.model import Problem, ProductSpec
from catalog_import.parse import parse_products
from catalog_import.progress import Progress
from catalog_import.readers import read_table
from catalog_import.reference import Reference, fetch_reference
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
    stop: StopSignal | None = None  # set by the CLI, whose SIGINT/SIGTERM handlers ask the run to stop
    # Test hook: stop as a Ctrl-C would, right after this many chunks (a signal sent by the process to itself
    # when the CLI's handlers are installed), so that an interruption is deterministic in tests.
    stop_after_chunks: int | None = None


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


def reference_for(options: Options, client: GraphQLClient, products: list[ProductSpec],
                  result: Result) -> Reference | None:
    """Sign in and fetch the reference data; None when the API cannot give it (then said in the result:
    a warning beside the file's own errors, else a fatal problem)."""
    retries = client.retries
    if result.errors:  # the file must be fixed anyway: do not wait long for an API that does not answer
        client.retries = min(retries, 1)
    try:
        sign_in(client, options)
        with timed(result, "reference"):
            return fetch_reference(client, options.target, sorted({p.artisan for p in products if p.artisan}))
    except (ConnectionFailed, ApiError) as error:
        if result.errors:  # the file's errors are reported; say the API's checks could not run yet
            result.problems.append(Problem(None, None, "REFERENCE_UNAVAILABLE", {"value": _detail(error)}, "warning"))
        else:
            result.problems.append(_fatal(error))
            result.exit_code = EXIT_USAGE
        return None
    finally:
        client.retries = retries


def run_import(options: Options) -> Result:
    """Validate, then import (unless dry run or preview). Never raises for bad input: see result.exit_code."""
    result = Result(lang=options.lang, dry_run=options.dry_run)
    products, headers = load(options, result)
    file_broken = any(p.severity == "error" and p.row is None for p in result.problems)
    if options.preview is not None:
        if result.errors:
            result.exit_code = EXIT_INVALID
            return result
        from catalog_import.photos import write_preview

        with timed(result, "preview"):
            result.preview = write_preview(products, options.preview, lang=options.lang)
        return result
    if file_broken:  # unreadable, or columns missing: nothing to check against the API
        result.exit_code = EXIT_INVALID
        return result
    stop = options.stop or StopSignal()
    client = GraphQLClient(options.url, retries=options.retries, backoff=options.backoff, stop=stop)
    try:
        return _import(options, client, products, headers, result)
    finally:
        client.close()


def _import(options: Options, client: GraphQLClient, products: list[ProductSpec], headers: dict[str, str],
            result: Result) -> Result:
    reference = reference_for(options, client, products, result)
    if reference is None:
        result.exit_code = result.exit_code if result.exit_code == EXIT_USAGE else EXIT_INVALID
        return result
    # Every check in one pass: the API's reference data even when the file has errors of its own.
    result.problems += check_products(products, reference, headers)
    if result.errors:
        result.exit_code = EXIT_INVALID
        return result
    if options.dry_run:
        return result
    state = StateFile(state_path(options.input, client.url, options.state_dir))
    progress = Progress(len(products), photos=sum(len(p.photos) for p in products), enabled=options.progress,
                        lang=options.lang)
    todo = []
    for product in products:
        if state.finished(product.key, product.fingerprint()):
            result.outcomes.append(Outcome(product.key, product.rows, [v.sku for v in product.variants], "resumed",
                                           state.done[product.key].get("product_id")))
            result.resumed += 1
            progress.photo("skipped", len(product.photos))
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


def _stop_now(stop: StopSignal) -> None:
    """The test hook: the same stop a Ctrl-C asks, through the signal handler when the CLI installed one."""
    if signal.getsignal(signal.SIGINT) == stop._handle:
        os.kill(os.getpid(), signal.SIGINT)  # handled in this (main) thread before the next bytecode
    else:
        stop.request()


def _write_all(options: Options, todo: list[ProductSpec], writer: apply.Writer, state: StateFile,
               progress: Progress, result: Result) -> Result:
    stop = writer.client.stop
    try:
        for index, start in enumerate(range(0, len(todo), options.chunk_size)):
            stop.check()
            writer.chunk(todo[start:start + options.chunk_size])
            if options.stop_after_chunks is not None and index + 1 >= options.stop_after_chunks:
                _stop_now(stop)
    except (Interrupted, KeyboardInterrupt):
        writer.close(cancel=True)
        progress.close()
        state.close(complete=False)
        reached = {o.key for o in result.outcomes}
        result.interrupted = True
        result.not_started = sum(1 for p in todo if p.key not in reached)
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
    # A complete run leaves no state, failures or not: the next run checks everything against the server
    # (a kept state would make it say "resuming an interrupted run").
    state.close(complete=True)
    result.exit_code = EXIT_PARTIAL if result.counts()["failed"] else EXIT_OK
    return result


def _detail(error: Exception) -> str:
    detail = str(error)
    if isinstance(error, ApiError) and error.errors:
        detail = json.dumps([e.get("message") for e in error.errors], ensure_ascii=False)
    return detail


def _fatal(error: Exception) -> Problem:
    return Problem(None, None, "API", {"value": _detail(error)})
