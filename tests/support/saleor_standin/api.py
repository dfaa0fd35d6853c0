"""Saleor's queries and mutations the importer sends, with Saleor's recorded answers: the same error fields,
codes and messages (../shared/saleor/recorded/), run against the schema by graphql-core."""

from __future__ import annotations

import io
import json
import os
from decimal import Decimal
from typing import Any

from graphql import GraphQLError

from saleor_standin.store import (
    EMPTY_NAME,
    STAFF,
    STAFF_TOKEN,
    Product,
    Store,
    Variant,
    from_gid,
    gid,
    slugify,
)

# saleor/thumbnail/__init__.py: the image types Saleor accepts (HEIC is not one of them).
MIME_TYPE_TO_PIL_IDENTIFIER = {
    "image/avif": "AVIF", "image/bmp": "BMP", "image/dcx": "DCX", "image/eps": "EPS", "image/gif": "GIF",
    "image/jpeg": "JPEG", "image/pcd": "PCD", "image/pcx": "PCX", "image/png": "PNG", "image/x-ppm": "PPM",
    "image/psd": "PSD", "image/tiff": "TIFF", "image/x-xbitmap": "XBM", "image/x-xpm": "XPM", "image/webp": "WEBP",
}


def _error(field: str | None, message: str, code: str, path: bool = False) -> dict:
    return {("path" if path else "field"): field, "message": message, "code": code}


def _not_node(value: object) -> str:
    return f"Couldn't resolve to a node: {value}"


def _not_in_list(values: list[str]) -> str:
    return f"Could not resolve to a node with the global id list of '{values!r}'."


def _page(items: list[dict], first: int | None, after: str | None) -> dict:
    start = int(after) if after and after.isdigit() else 0
    size = first or 100
    chunk = items[start:start + size]
    end = start + len(chunk)
    return {"pageInfo": {"hasNextPage": end < len(items), "endCursor": str(end), "hasPreviousPage": start > 0,
                         "startCursor": str(start)},
            "edges": [{"node": node, "cursor": str(start + i)} for i, node in enumerate(chunk)],
            "totalCount": len(items)}


def _metadata(target: dict[str, str], items: list[dict] | None) -> None:
    for item in items or []:  # Saleor's metadata inputs set the keys given and keep the others
        target[item["key"]] = item["value"]


class Query:
    def __init__(self, store: Store):
        self.store = store

    def channels(self, info: Any, **_: Any) -> list[dict]:
        return [dict(c) for c in self.store.channels.values()]

    def categories(self, info: Any, first: int | None = None, after: str | None = None, **_: Any) -> dict:
        return _page([dict(c) for c in self.store.categories.values()], first, after)

    def attributes(self, info: Any, first: int | None = None, after: str | None = None, **_: Any) -> dict:
        nodes = []
        for attribute in self.store.attributes.values():
            choices = attribute["choices"]
            nodes.append({**{k: v for k, v in attribute.items() if k != "choices"},
                          "translation": lambda info, languageCode: None,
                          "choices": lambda info, first=None, after=None, _c=choices, **_: _page(
                              [{**c, "translation": lambda info, languageCode: None} for c in _c], first, after)})
        return _page(nodes, first, after)

    def productTypes(self, info: Any, first: int | None = None, after: str | None = None, **_: Any) -> dict:
        attributes = self.store.attributes
        nodes = [{**t, "productAttributes": [{"slug": attributes[a]["slug"], "id": a} for a in t["productAttributes"]],
                  "variantAttributes": [{"slug": attributes[a]["slug"], "id": a} for a in t["variantAttributes"]]}
                 for t in self.store.product_types.values()]
        return _page(nodes, first, after)

    def warehouses(self, info: Any, first: int | None = None, after: str | None = None, **_: Any) -> dict:
        return _page([dict(w) for w in self.store.warehouses.values()], first, after)

    def productVariants(self, info: Any, first: int | None = None, after: str | None = None,
                        filter: dict | None = None, channel: str | None = None, **_: Any) -> dict:
        if info.context["role"] != "staff" and channel is None:
            raise GraphQLError("More than one channel exists. Specify which channel to use.",
                               extensions={"exception": {"code": "GraphQLError"}})
        skus = set((filter or {}).get("sku") or [])
        with self.store.lock:
            nodes = [self.store.variant_node(v) for v in self.store.variants.values() if not skus or v.sku in skus]
        return _page(nodes, first, after)


class Mutation:
    def __init__(self, store: Store):
        self.store = store

    # --- sign-in -----------------------------------------------------------------------------------
    def tokenCreate(self, info: Any, email: str, password: str, **_: Any) -> dict:
        import time

        store = self.store
        if store.failed_login_at is not None and time.monotonic() - store.failed_login_at < 1.0:
            store.failed_login_at = time.monotonic()
            return {"token": None, "refreshToken": None, "errors": [_error(
                None, "Logging has been suspended till <time> due to too many logging attempts originating from "
                "the same IP address.", "LOGIN_ATTEMPT_DELAYED")]}
        if (email, password) != STAFF:
            store.failed_login_at = time.monotonic()
            return {"token": None, "refreshToken": None,
                    "errors": [_error("email", "Please, enter valid credentials", "INVALID_CREDENTIALS")]}
        return {"token": STAFF_TOKEN, "refreshToken": STAFF_TOKEN, "errors": []}

    # --- products ----------------------------------------------------------------------------------
    def _row_errors(self, index: int, row: dict, skus_in_request: dict[str, int]) -> list[dict]:
        store, errors = self.store, []
        if row.get("productType") not in store.product_types:
            errors.append(_error("productType", _not_node(row.get("productType")), "NOT_FOUND", True))
        if row.get("category") and row["category"] not in store.categories:
            errors.append(_error("category", _not_node(row["category"]), "NOT_FOUND", True))
        unknown = [c["channelId"] for c in row.get("channelListings") or [] if c["channelId"] not in store.channels]
        if unknown:
            errors.append(_error("channelListings", "Not existing channel ID.", "NOT_FOUND", True))
        for position, variant in enumerate(row.get("variants") or []):
            sku = variant.get("sku")
            if sku and skus_in_request.get(sku, 0) > 1:
                errors.append(_error(f"variants.{position}.sku", "Duplicated SKU.", "UNIQUE", True))
            elif sku and store.sku_owner(sku):
                errors.append(_error("sku", "Product variant with this Sku already exists.", "UNIQUE", True))
        return errors

    def _create_product(self, row: dict) -> Product:
        store = self.store
        pk = next(store.pks)
        slugs = {p.slug for p in store.products.values()}
        slug = base = slugify(row.get("name") or "product")
        for n in range(2, 10_000):
            if slug not in slugs:
                break
            slug = f"{base}-{n}"
        product = Product(pk, row.get("name") or "", slug, row["productType"], row.get("category"),
                          json.loads(row["description"]) if isinstance(row.get("description"), str) else
                          row.get("description"), row.get("externalReference"))
        _metadata(product.metadata, row.get("metadata"))
        for item in row.get("attributes") or []:
            found = store.attribute_values(f"product-{pk}", item)
            if found:
                product.attributes[found[0]] = found[1]
        for listing in row.get("channelListings") or []:
            product.listings[listing["channelId"]] = bool(listing.get("isPublished"))
        store.products[pk] = product
        for variant_input in row.get("variants") or []:
            variant = self._create_variant(product, variant_input, bulk=True)
            for listing in variant_input.get("channelListings") or []:
                if listing["channelId"] in product.listings and listing.get("price") is not None:
                    variant.prices[listing["channelId"]] = Decimal(str(listing["price"]))
        return product

    def _create_variant(self, product: Product, data: dict, *, bulk: bool) -> Variant:
        store = self.store
        pk = next(store.pks)
        variant = Variant(pk, product.pk, data.get("sku") or "", data.get("name") or "")
        if data.get("weight") is not None:
            variant.weight = Decimal(str(data["weight"]))
        _metadata(variant.metadata, data.get("metadata"))
        for item in data.get("attributes") or []:
            found = store.attribute_values(f"variant-{pk}", item)
            if found:
                variant.attributes[found[0]] = found[1]
        for stock in data.get("stocks") or []:
            if stock["warehouse"] in store.warehouses:
                variant.stocks[stock["warehouse"]] = stock["quantity"]
        if not variant.name:
            # productBulkCreate names the variant before it has an id: the id of "ProductVariant:None";
            # productVariantCreate uses its attributes' values, else the SKU (generate_and_set_variant_name).
            values = sorted(", ".join(v["name"] for v in values) for values in variant.attributes.values() if values)
            variant.name = EMPTY_NAME if bulk else (" / ".join(values) or variant.sku or gid("ProductVariant", pk))
        store.variants[pk] = variant
        product.variants.append(pk)
        return variant

    def productBulkCreate(self, info: Any, products: list[dict], errorPolicy: str = "REJECT_EVERYTHING",
                          **_: Any) -> dict:
        with self.store.lock:
            skus: dict[str, int] = {}
            for row in products:
                for variant in row.get("variants") or []:
                    if variant.get("sku"):
                        skus[variant["sku"]] = skus.get(variant["sku"], 0) + 1
            errors = [self._row_errors(i, row, skus) for i, row in enumerate(products)]
            if errorPolicy == "REJECT_EVERYTHING" and any(errors):
                return {"count": 0, "results": [{"product": None, "errors": e} for e in errors], "errors": []}
            results = []
            for row, row_errors in zip(products, errors, strict=True):
                if row_errors:
                    results.append({"product": None, "errors": row_errors})
                else:
                    results.append({"product": self.store.product_node(self._create_product(row)), "errors": []})
            return {"count": sum(1 for r in results if r["product"]), "results": results, "errors": []}

    def productBulkTranslate(self, info: Any, translations: list[dict], errorPolicy: str = "REJECT_EVERYTHING",
                             **_: Any) -> dict:
        with self.store.lock:
            found = [self.store.product(item.get("id")) for item in translations]
            errors = [[] if p else [_error("id", "Couldn't resolve to an object.", "NOT_FOUND", True)] for p in found]
            if errorPolicy == "REJECT_EVERYTHING" and any(errors):
                return {"count": 0, "results": [{"errors": e} for e in errors], "errors": []}
            for item, product in zip(translations, found, strict=True):
                if product:
                    fields = product.translations.setdefault(item["languageCode"], {})
                    fields.update({k: v for k, v in item["translationFields"].items() if v is not None})
            return {"count": sum(1 for p in found if p), "results": [{"errors": e} for e in errors], "errors": []}

    def productTranslate(self, info: Any, id: str, languageCode: str, input: dict, **_: Any) -> dict:
        with self.store.lock:
            product = self.store.product(id)
            if product is None:
                return {"product": None, "errors": [_error("id", _not_node(id), "NOT_FOUND")]}
            product.translations.setdefault(languageCode, {}).update({k: v for k, v in input.items() if v is not None})
            return {"product": self.store.product_node(product), "errors": []}

    def productUpdate(self, info: Any, id: str, input: dict, **_: Any) -> dict:
        with self.store.lock:
            product = self.store.product(id)
            if product is None:
                return {"product": None, "errors": [_error("id", _not_node(id), "NOT_FOUND")]}
            if input.get("category") and input["category"] not in self.store.categories:
                return {"product": None, "errors": [_error("category", _not_node(input["category"]), "NOT_FOUND")]}
            for key, attr in (("name", "name"), ("externalReference", "external_reference"), ("category", "category")):
                if key in input:
                    setattr(product, attr, input[key])
            if "description" in input:
                product.description = json.loads(input["description"]) if isinstance(input["description"], str) \
                    else input["description"]
            _metadata(product.metadata, input.get("metadata"))
            for item in input.get("attributes") or []:
                found = self.store.attribute_values(f"product-{product.pk}", item)
                if found:
                    product.attributes[found[0]] = found[1]
            return {"product": self.store.product_node(product), "errors": []}

    def productChannelListingUpdate(self, info: Any, id: str, input: dict, **_: Any) -> dict:
        with self.store.lock:
            product = self.store.product(id)
            if product is None:
                return {"product": None, "errors": [_error("id", _not_node(id), "NOT_FOUND")]}
            unknown = [c["channelId"] for c in input.get("updateChannels") or []
                       if c["channelId"] not in self.store.channels]
            if unknown:
                return {"product": None, "errors": [_error("channelId", _not_in_list(unknown), "GRAPHQL_ERROR")]}
            for listing in input.get("updateChannels") or []:
                product.listings[listing["channelId"]] = bool(listing.get("isPublished"))
            for channel in input.get("removeChannels") or []:
                product.listings.pop(channel, None)
            return {"product": self.store.product_node(product), "errors": []}

    def productVariantCreate(self, info: Any, input: dict, **_: Any) -> dict:
        with self.store.lock:
            product = self.store.product(input.get("product"))
            if product is None:
                return {"productVariant": None,
                        "errors": [_error("product", _not_node(input.get("product")), "NOT_FOUND")]}
            if input.get("sku") and self.store.sku_owner(input["sku"]):
                return {"productVariant": None,
                        "errors": [_error("sku", "Product variant with this Sku already exists.", "UNIQUE")]}
            variant = self._create_variant(product, input, bulk=False)
            return {"productVariant": self.store.variant_node(variant), "errors": []}

    def productVariantUpdate(self, info: Any, id: str, input: dict, **_: Any) -> dict:
        with self.store.lock:
            variant = self.store.variant(id)
            if variant is None:
                return {"productVariant": None, "errors": [_error("id", _not_node(id), "NOT_FOUND")]}
            owner = self.store.sku_owner(input["sku"]) if input.get("sku") else None
            if owner is not None and owner is not variant:
                return {"productVariant": None,
                        "errors": [_error("sku", "Product variant with this Sku already exists.", "UNIQUE")]}
            if "sku" in input:
                variant.sku = input["sku"]
            if "name" in input:
                variant.name = input["name"]
            if input.get("weight") is not None:
                variant.weight = Decimal(str(input["weight"]))
            _metadata(variant.metadata, input.get("metadata"))
            for item in input.get("attributes") or []:
                found = self.store.attribute_values(f"variant-{variant.pk}", item)
                if found:
                    variant.attributes[found[0]] = found[1]
            return {"productVariant": self.store.variant_node(variant), "errors": []}

    def productVariantChannelListingUpdate(self, info: Any, id: str, input: list[dict], **_: Any) -> dict:
        with self.store.lock:
            variant = self.store.variant(id)
            if variant is None:
                return {"variant": None, "errors": [_error("id", _not_node(id), "NOT_FOUND")]}
            unknown = [c["channelId"] for c in input if c["channelId"] not in self.store.channels]
            if unknown:
                return {"variant": None, "errors": [_error("channelId", _not_in_list(unknown), "GRAPHQL_ERROR")]}
            listed = self.store.products[variant.product].listings
            if any(c["channelId"] not in listed for c in input):
                return {"variant": None, "errors": [_error("input", "Product not available in channels.",
                                                           "PRODUCT_NOT_ASSIGNED_TO_CHANNEL")]}
            for listing in input:
                variant.prices[listing["channelId"]] = Decimal(str(listing["price"]))
            return {"variant": self.store.variant_node(variant), "errors": []}

    def productVariantStocksUpdate(self, info: Any, variantId: str, stocks: list[dict], **_: Any) -> dict:
        with self.store.lock:
            variant = self.store.variant(variantId)
            if variant is None:
                return {"productVariant": None, "errors": [_error("variantId", _not_node(variantId), "NOT_FOUND")]}
            unknown = [s["warehouse"] for s in stocks if s["warehouse"] not in self.store.warehouses]
            if unknown:
                return {"productVariant": None, "errors": [_error("warehouse", _not_in_list(unknown), "GRAPHQL_ERROR")]}
            for stock in stocks:  # a negative quantity is stored as it is
                variant.stocks[stock["warehouse"]] = stock["quantity"]
            return {"productVariant": self.store.variant_node(variant), "errors": []}

    # --- media -------------------------------------------------------------------------------------
    def productMediaCreate(self, info: Any, input: dict, **_: Any) -> dict:
        """Saleor's clean_image_file (saleor/graphql/core/validators/file.py): the part's declared Content-Type
        must be one its thumbnails support (none, i.e. application/octet-stream, or image/heic is refused),
        then the file name needs an image extension, then Pillow must open the file."""
        from PIL import Image, UnidentifiedImageError

        upload = input.get("image")
        if upload is None:
            return {"product": None, "media": None, "errors": [_error("image", "File is required.", "REQUIRED")]}
        if upload.content_type not in MIME_TYPE_TO_PIL_IDENTIFIER:
            return {"product": None, "media": None, "errors": [_error("image", "Invalid file type.", "INVALID")]}
        extension = os.path.splitext(upload.filename)[1].lower()
        allowed = {ext for ext, kind in Image.EXTENSION.items() if kind in MIME_TYPE_TO_PIL_IDENTIFIER.values()}
        if not extension or extension not in allowed:
            message = "Lack of file extension." if not extension else "Invalid file extension. Image file required."
            return {"product": None, "media": None, "errors": [_error("image", message, "INVALID")]}
        try:
            Image.open(io.BytesIO(upload.data)).getexif()
        except (UnidentifiedImageError, SyntaxError, TypeError):
            return {"product": None, "media": None, "errors": [_error(
                "image", "Invalid file. The following error was raised during the attempt of opening the file: "
                f"cannot identify image file <InMemoryUploadedFile: {upload.filename} ({upload.content_type})>",
                "INVALID")]}
        with self.store.lock:
            product = self.store.product(input.get("product"))
            if product is None:
                return {"product": None, "media": None,
                        "errors": [_error("product", _not_node(input.get("product")), "NOT_FOUND")]}
            pk = next(self.store.pks)
            self.store.media[pk] = {"product": product.pk, "alt": input.get("alt") or "", "size": len(upload.data),
                                    "content_type": upload.content_type}
            product.media.append(pk)
            return {"product": self.store.product_node(product), "media": {"id": gid("ProductMedia", pk)}, "errors": []}

    def productMediaDelete(self, info: Any, id: str, **_: Any) -> dict:
        with self.store.lock:
            pk = from_gid(id, "ProductMedia")
            media = self.store.media.pop(int(pk), None) if pk and pk.isdigit() else None
            if media is None:
                return {"product": None, "media": None, "errors": [_error("id", _not_node(id), "NOT_FOUND")]}
            self.store.products[media["product"]].media.remove(int(pk))
            return {"product": None, "media": {"id": id}, "errors": []}


__all__ = ["Mutation", "Query"]
