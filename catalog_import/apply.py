"""Writing a chunk of products: look the chunk's SKUs up on the server, create the new products with
productBulkCreate (split to stay under the API's body limit), send only the differences for the others,
upload new photos once, then record the chunk in the state file."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from catalog_import import plan
from catalog_import.client import ApiError, GraphQLClient
from catalog_import.model import ProductSpec
from catalog_import.progress import Progress
from catalog_import.reference import Reference
from catalog_import.report import Outcome, Result
from catalog_import.state import StateFile

LOOKUP_BATCH = 100  # Saleor's page size cap
MAX_BODY = 900_000  # under the API's 1 MiB request cap
# This API's variants also carry their customs data (hsCode, dimensions: marketplace extensions).
LOOKUP = {"saleor": "ImportExistingVariants", "marketplace": "ImportExistingVariantsWithCustoms"}


class ProductFailed(Exception):
    pass


def _messages(errors: list[dict] | None) -> str:
    return "; ".join(f"{e.get('path') or e.get('field') or ''}: {e.get('message')}".lstrip(": ")
                     for e in errors or [])


class Writer:
    def __init__(self, client: GraphQLClient, reference: Reference, state: StateFile, result: Result,
                 progress: Progress, target: str, workers: int = 3):
        self.client, self.ref, self.state, self.result, self.progress = client, reference, state, result, progress
        self.target = target
        self.bulk_translate = True
        self.pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="catalog-import")
        self.lock = threading.Lock()  # timings and the state file are shared by the pool's threads
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
        found = self.existing(products)
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
        created_ok = [(p, i) for p, i in created if i not in failures]
        for product, node_id in created:
            if node_id in failures:
                self.finish(product, "failed", node_id, error=failures[node_id])
        created = created_ok
        # The follow-up requests of different products are independent: a few in flight keep the API's
        # workers busy (the HTTP round trip, not the importer, is what takes time).
        outcomes = self.pool.map(lambda pair: self.attempt(self.after_create, *pair), created)
        for (product, node_id), error in zip(created, outcomes, strict=True):
            if error:
                self.finish(product, "failed", node_id, error=error)
            else:
                records.append(self.finish(product, "created", node_id))
        changes = [plan.diff(product, node, self.ref) for product, node in old]
        outcomes = self.pool.map(lambda c: self.attempt(self.update, c) if c else "", changes)
        for (product, node), change, error in zip(old, changes, outcomes, strict=True):
            if error:
                self.finish(product, "failed", node["id"], error=error)
            else:
                records.append(self.finish(product, "updated" if change else "unchanged", node["id"], change.fields()))
        self.state.record(records)

    def close(self, *, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)

    @staticmethod
    def attempt(function: Any, *args: Any) -> str:
        """Run one product's follow-up; its failure is the product's, not the run's ("" when it worked)."""
        try:
            function(*args)
        except ProductFailed as error:
            return str(error)
        return ""

    def finish(self, product: ProductSpec, status: str, product_id: str | None = None,
               changed: list[str] | None = None, error: str = "") -> dict[str, Any]:
        outcome = Outcome(product.key, product.rows, [v.sku for v in product.variants], status, product_id,
                          changed or [], error)
        self.result.outcomes.append(outcome)
        self.progress.advance(status)
        return {"key": product.key, "fingerprint": product.fingerprint(), "status": status, "product_id": product_id}

    # --- creation ----------------------------------------------------------------------------------
    def create(self, products: list[ProductSpec]) -> tuple[list[tuple[ProductSpec, str]], dict[str, str]]:
        """Create in requests under the body limit; each batch's translations are sent while the next batch
        is created (two requests in flight: the API has two workers). Returns the created products and
        product id -> error for those whose translations were refused."""
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
            if batch:
                done = self.bulk_create([products[i] for i in batch], [inputs[i] for i in batch])
                created += done
                translating.append(self.pool.submit(self.translate_created, done))
        failures: dict[str, str] = {}
        for future in translating:  # a translation request's exception is raised here, as before
            failures.update(future.result())
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
        results = data.get("results") or []
        created = []
        for index, product in enumerate(products):
            entry = results[index] if index < len(results) else {}
            node = entry.get("product")
            if node:
                created.append((product, node["id"]))
                self.created_variants[node["id"]] = node.get("variants") or []
            else:
                message = _messages(entry.get("errors")) or _messages(data.get("errors")) or "not created"
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
            self.upload_photos(product_id, product.photos, [])

    # --- updates -----------------------------------------------------------------------------------
    def call(self, name: str, variables: dict, root: str) -> dict:
        try:
            with self.timed("update"):
                data = self.client.execute(name, variables)[root]
        except ApiError as error:
            raise ProductFailed(str(error)) from None
        if data.get("errors"):
            raise ProductFailed(_messages(data["errors"]))
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
            except ApiError as error:
                if "productBulkTranslate" in str(error) or "ProductBulkTranslateInput" in str(error):
                    self.bulk_translate = False  # an API without it: productTranslate, product by product
                    break
                failures.update(dict.fromkeys(owners[start:end], str(error)))
            else:
                results = data["productBulkTranslate"].get("results") or []
                for offset, result in enumerate(results):
                    if result.get("errors"):
                        failures[owners[start + offset]] = _messages(result["errors"])
            start = end
        return failures

    def translate(self, product_id: str, translations: dict[str, dict[str, str]]) -> None:
        if self.bulk_translate:
            items = [{"id": product_id, "languageCode": code, "translationFields": fields}
                     for code, fields in translations.items()]
            try:
                with self.timed("translate"):
                    data = self.client.execute("ProductBulkTranslate", {"translations": items})
            except ApiError as error:
                if "productBulkTranslate" not in str(error) and "ProductBulkTranslateInput" not in str(error):
                    raise ProductFailed(str(error)) from None
                self.bulk_translate = False  # an API without it: one productTranslate per language
            else:
                payload = data["productBulkTranslate"]
                errors = payload.get("errors") or [e for r in payload.get("results") or [] for e in r.get("errors") or []]
                if errors:
                    raise ProductFailed(_messages(errors))
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
        for data in changes.new_variants:
            self.call("ProductVariantCreate", {"input": data}, "productVariantCreate")
        for variant_id, data in changes.variants.items():
            self.call("ProductVariantUpdate", {"id": variant_id, "input": data}, "productVariantUpdate")
        for variant_id, listings in changes.prices.items():
            self.call("ProductVariantChannelListingUpdate", {"id": variant_id, "input": listings},
                      "productVariantChannelListingUpdate")
        for variant_id, stocks in changes.stocks.items():
            self.call("ProductVariantStocksUpdate", {"variantId": variant_id, "stocks": stocks},
                      "productVariantStocksUpdate")
        if changes.photos:
            self.upload_photos(pid, changes.photos, changes.uploaded)

    def upload_photos(self, product_id: str, photos: list, uploaded: list[str]) -> None:
        """Each photo once: its hash goes to the state file right after the upload and to the product's
        metadata at the end, so neither a kill nor a second run uploads it again."""
        hashes = list(uploaded)
        already = self.state.photos.get(product_id, set())
        for photo in photos:
            digest = plan.photo_hash(photo.sha256)
            if digest in hashes:
                continue
            if digest not in already:
                try:
                    with self.timed("photos"):
                        data = self.client.upload("ProductMediaCreate", {"product": product_id, "alt": ""},
                                                  {"image": photo.path})["productMediaCreate"]
                except ApiError as error:
                    raise ProductFailed(f"{photo.path.name}: {error}") from None
                if data.get("errors"):
                    raise ProductFailed(f"{photo.path.name}: {_messages(data['errors'])}")
                with self.lock:
                    self.state.record_photo(product_id, digest)
                    self.result.photos_uploaded += 1
            hashes.append(digest)
        if hashes != uploaded:
            self.call("ProductUpdate", {"id": product_id, "input": {
                "metadata": [{"key": plan.PHOTOS_KEY, "value": ",".join(hashes)}]}}, "productUpdate")
