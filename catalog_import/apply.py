"""Writing a chunk of products: look the chunk's SKUs up on the server, create the new products with
productBulkCreate (split to stay under the API's body limit), send only the differences for the others,
upload new photos once, then record the chunk in the state file.

A stop (catalog_import.interrupt) sends no new request; what the requests already sent did is counted
(a product created but whose translations or photos were not sent yet is counted as created, and left out
of the state file so that the next run completes it), then `Interrupted` goes up to the runner."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from catalog_import import photo_upload, plan
from catalog_import.client import ApiError, GraphQLClient
from catalog_import.interrupt import Interrupted
from catalog_import.model import Problem, ProductSpec
from catalog_import.progress import Progress
from catalog_import.reference import Reference
from catalog_import.refusals import ProductFailed, messages_of
from catalog_import.report import Outcome, Result
from catalog_import.state import StateFile

LOOKUP_BATCH = 100  # Saleor's page size cap
MAX_BODY = 900_000  # under the API's 1 MiB request cap
# This API's variants also carry their customs data (hsCode, dimensions: marketplace extensions).
LOOKUP = {"saleor": "ImportExistingVariants", "marketplace": "ImportExistingVariantsWithCustoms"}
STOPPED = "\0stopped"  # a follow-up cut short by a stop (not a failure)


class Writer:
    def __init__(self, client: GraphQLClient, reference: Reference, state: StateFile, result: Result,
                 progress: Progress, target: str, workers: int = 3):
        self.client, self.ref, self.state, self.result, self.progress = client, reference, state, result, progress
        self.target = target
        self.bulk_translate = True
        self.pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="catalog-import")
        self.lock = threading.Lock()  # timings and the state file are shared by the pool's threads
        self.local = threading.local()  # requests sent by the current product's follow-up
        self.created_variants: dict[str, list[dict]] = {}  # product id -> its variants as created

    @contextmanager
    def timed(self, phase: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            with self.lock:
                timings = self.result.timings
                timings[phase] = timings.get(phase, 0.0) + time.perf_counter() - started

    def sent(self) -> None:
        self.local.sent = getattr(self.local, "sent", 0) + 1

    # --- lookups -----------------------------------------------------------------------------------
    def existing(self, products: list[ProductSpec]) -> dict[str, dict]:
        skus = [v.sku for p in products for v in p.variants]
        found: dict[str, dict] = {}
        batches = [skus[start:start + LOOKUP_BATCH] for start in range(0, len(skus), LOOKUP_BATCH)]
        with self.timed("lookup"):
            # Read-only and independent: a few in flight keep the API's workers busy.
            lookup = LOOKUP.get(self.target, LOOKUP["marketplace"])
            pages = self.pool.map(lambda batch: self.client.execute(lookup, {"skus": batch}), batches)
            for data in pages:
                for edge in data["productVariants"]["edges"]:
                    found[edge["node"]["sku"]] = edge["node"]["product"]
        return found

    # --- one chunk ---------------------------------------------------------------------------------
    def chunk(self, products: list[ProductSpec]) -> None:
        """Write one chunk. Raises Interrupted (after counting and recording what was done) on a stop."""
        found = self.existing(products)  # a stop here: nothing of this chunk was written
        new, old = [], []
        for product in products:
            nodes = {found[v.sku]["id"]: found[v.sku] for v in product.variants if v.sku in found}
            if len(nodes) > 1:
                self.finish(product, "failed", error="its SKUs belong to different existing products")
            elif nodes:
                old.append((product, next(iter(nodes.values()))))
            else:
                new.append(product)
        records: list[dict[str, Any]] = []
        created, failures = self.create(new)
        # The follow-up requests of different products are independent: a few in flight keep the API's
        # workers busy (the HTTP round trip, not the importer, is what takes time).
        outcomes = self.run_all(self.after_create, created)
        for (product, node_id), (error, _sent, problems) in zip(created, outcomes, strict=True):
            error = failures.get(node_id) or error
            if error == STOPPED:  # on the server, not complete: the next run finishes it
                self.finish(product, "created", node_id, complete=False)
            elif error:
                self.finish(product, "failed", node_id, error=error, problems=problems)
            else:
                records.append(self.finish(product, "created", node_id))
        if not self.client.stop.is_set():
            changes = [plan.diff(product, node, self.ref) for product, node in old]
            outcomes = self.run_all(self.update, [(c,) for c in changes])
            for (product, node), change, (error, sent, problems) in zip(old, changes, outcomes, strict=True):
                if error == STOPPED:
                    if sent:  # some of its changes reached the server
                        self.finish(product, "updated", node["id"], change.fields(), complete=False)
                elif error:
                    self.finish(product, "failed", node["id"], error=error, problems=problems)
                else:
                    records.append(self.finish(product, "updated" if change else "unchanged", node["id"],
                                               change.fields()))
        self.state.record(records)
        self.client.stop.check()

    def run_all(self, function: Callable[..., None], items: list[tuple]) -> list[tuple[str, int, list[Problem]]]:
        """Run each item's follow-up in the pool: ("" or its error or STOPPED, requests it sent, its
        problems) each."""
        futures: list[Future] = [self.pool.submit(self.attempt, function, *item) for item in items]
        return [future.result() for future in futures]

    def close(self, *, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)

    def attempt(self, function: Callable[..., None], *args: Any) -> tuple[str, int, list[Problem]]:
        """Run one product's follow-up; its failure is the product's, not the run's ("" when it worked)."""
        self.local.sent = 0
        try:
            function(*args)
        except ProductFailed as error:
            return str(error), self.local.sent, error.problems
        except Interrupted:
            return STOPPED, self.local.sent, []
        return "", self.local.sent, []

    def finish(self, product: ProductSpec, status: str, product_id: str | None = None,
               changed: list[str] | None = None, error: str = "", complete: bool = True,
               problems: list[Problem] | None = None) -> dict[str, Any]:
        for problem in problems or []:
            problem.row = product.rows[0]
        outcome = Outcome(product.key, product.rows, [v.sku for v in product.variants], status, product_id,
                          changed or [], error, complete, problems or [])
        with self.lock:
            self.result.outcomes.append(outcome)
        self.progress.advance(status)
        return {"key": product.key, "fingerprint": product.fingerprint(), "status": status, "product_id": product_id}

    # --- creation ----------------------------------------------------------------------------------
    def create(self, products: list[ProductSpec]) -> tuple[list[tuple[ProductSpec, str]], dict[str, str]]:
        """Create in requests under the body limit; each batch's translations are sent while the next batch
        is created (two requests in flight: the API has two workers). Returns the created products and
        product id -> error (or STOPPED) for those whose translations were refused (or not sent)."""
        inputs = [plan.create_input(p, self.ref) for p in products]
        batches: list[list[int]] = [[]]
        size = 0
        for index, data in enumerate(inputs):
            length = len(json.dumps(data, default=str))
            if batches[-1] and size + length > MAX_BODY:
                batches.append([])
                size = 0
            batches[-1].append(index)
            size += length
        created: list[tuple[ProductSpec, str]] = []
        translating = []
        for batch in batches:
            if not batch or self.client.stop.is_set():
                continue
            try:
                done = self.bulk_create([products[i] for i in batch], [inputs[i] for i in batch])
            except Interrupted:
                break
            created += done
            translating.append((done, self.pool.submit(self.translate_created, done)))
        failures: dict[str, str] = {}
        for done, future in translating:  # a translation request's exception is raised here, as before
            try:
                failures.update(future.result())
            except Interrupted:
                failures.update({node_id: STOPPED for _product, node_id in done if node_id not in failures})
        return created, failures

    def bulk_create(self, products: list[ProductSpec], inputs: list[dict]) -> list[tuple[ProductSpec, str]]:
        try:
            with self.timed("create"):
                data = self.client.execute("ProductBulkCreate", {"products": inputs})["productBulkCreate"]
        except ApiError as error:
            if len(products) > 1:  # e.g. PERMISSION_DENIED for one artisan: find out which rows, one by one
                return [pair for p, i in zip(products, inputs, strict=True) for pair in self.bulk_create([p], [i])]
            self.finish(products[0], "failed", error=str(error))
            return []
        if data is None:  # Saleor: a permission error nulls the payload (the error is at the top level)
            for product in products:
                self.finish(product, "failed", error="not created")
            return []
        results = data.get("results") or []
        created = []
        for index, product in enumerate(products):
            entry = results[index] if index < len(results) else {}
            node = entry.get("product")
            if node:
                created.append((product, node["id"]))
                self.created_variants[node["id"]] = node.get("variants") or []
            else:
                message = messages_of(entry.get("errors")) or messages_of(data.get("errors")) or "not created"
                self.finish(product, "failed", error=message)
        return created

    def after_create(self, product: ProductSpec, product_id: str) -> None:
        # Variant attributes the server did not keep on creation are set now (a server may skip them in bulk).
        for variant_id, data in plan.missing_variant_attributes(
                product, self.created_variants.pop(product_id, []), self.ref).items():
            self.call("ProductVariantUpdate", {"id": variant_id, "input": data}, "productVariantUpdate")
        if not self.bulk_translate and (translations := plan.translations(product)):
            self.translate(product_id, translations)
        if product.photos:
            photo_upload.upload_photos(self, product_id, product.photos, [])

    # --- updates -----------------------------------------------------------------------------------
    def call(self, name: str, variables: dict, root: str) -> dict:
        try:
            with self.timed("update"):
                self.sent()
                data = self.client.execute(name, variables)[root]
        except ApiError as error:
            raise ProductFailed(str(error)) from None
        if data is None:
            raise ProductFailed("refused")
        if data.get("errors"):
            raise ProductFailed(messages_of(data["errors"]))
        return data

    def translate_created(self, created: list[tuple[ProductSpec, str]]) -> dict[str, str]:
        """The new products' translations in productBulkTranslate requests (under the body limit). Returns
        product id -> error for the products whose translations were refused."""
        items, owners = [], []
        for product, product_id in created:
            for code, fields in plan.translations(product).items():
                items.append({"id": product_id, "languageCode": code, "translationFields": fields})
                owners.append(product_id)
        failures: dict[str, str] = {}
        start = 0
        while self.bulk_translate and start < len(items):
            size, end = 0, start
            while end < len(items) and (end == start or size < MAX_BODY):
                size += len(json.dumps(items[end], ensure_ascii=False).encode())
                end += 1
            try:
                with self.timed("translate"):
                    data = self.client.execute("ProductBulkTranslate", {"translations": items[start:end]})
            except Interrupted:
                failures.update({owner: STOPPED for owner in owners[start:] if owner not in failures})
                return failures
            except ApiError as error:
                if "productBulkTranslate" in str(error) or "ProductBulkTranslateInput" in str(error):
                    self.bulk_translate = False  # an API without it: productTranslate, product by product
                    break
                failures.update(dict.fromkeys(owners[start:end], str(error)))
            else:
                results = (data.get("productBulkTranslate") or {}).get("results") or []
                for offset, result in enumerate(results):
                    if result.get("errors"):
                        failures[owners[start + offset]] = messages_of(result["errors"])
            start = end
        return failures

    def translate(self, product_id: str, translations: dict[str, dict[str, str]]) -> None:
        if self.bulk_translate:
            items = [{"id": product_id, "languageCode": code, "translationFields": fields}
                     for code, fields in translations.items()]
            try:
                with self.timed("translate"):
                    self.sent()
                    data = self.client.execute("ProductBulkTranslate", {"translations": items})
            except ApiError as error:
                if "productBulkTranslate" not in str(error) and "ProductBulkTranslateInput" not in str(error):
                    raise ProductFailed(str(error)) from None
                self.bulk_translate = False  # an API without it: one productTranslate per language
            else:
                payload = data.get("productBulkTranslate") or {}
                errors = payload.get("errors") or [e for r in payload.get("results") or []
                                                   for e in r.get("errors") or []]
                if errors:
                    raise ProductFailed(messages_of(errors))
                return
        for code, fields in translations.items():
            self.call("ProductTranslate", {"id": product_id, "languageCode": code, "input": fields}, "productTranslate")

    def update(self, changes: plan.Changes) -> None:
        pid = changes.product_id
        if changes.product:
            self.call("ProductUpdate", {"id": pid, "input": changes.product}, "productUpdate")
        if changes.translations:
            self.translate(pid, changes.translations)
        if changes.listings:
            self.call("ProductChannelListingUpdate", {"id": pid, "input": {"updateChannels": changes.listings}},
                      "productChannelListingUpdate")
        for data, prices in changes.new_variants:
            # ProductVariantCreateInput has no channelListings (Saleor answers HTTP 400): prices follow.
            created = self.call("ProductVariantCreate", {"input": data}, "productVariantCreate")
            variant = created.get("productVariant") or {}
            if prices and variant.get("id"):
                self.call("ProductVariantChannelListingUpdate", {"id": variant["id"], "input": prices},
                          "productVariantChannelListingUpdate")
        for variant_id, data in changes.variants.items():
            self.call("ProductVariantUpdate", {"id": variant_id, "input": data}, "productVariantUpdate")
        for variant_id, listings in changes.prices.items():
            self.call("ProductVariantChannelListingUpdate", {"id": variant_id, "input": listings},
                      "productVariantChannelListingUpdate")
        for variant_id, stocks in changes.stocks.items():
            self.call("ProductVariantStocksUpdate", {"variantId": variant_id, "stocks": stocks},
                      "productVariantStocksUpdate")
        if changes.photos:
            photo_upload.upload_photos(self, pid, changes.photos, changes.uploaded)
