"""The stand-in's data: Saleor's recorded reference data, and the products, variants and media the
importer writes, held in memory. Objects are shaped as Saleor's schema types (dicts whose keys are the
fields; fields with arguments are callables, as graphql-core's default resolver expects)."""

from __future__ import annotations

import base64
import itertools
import json
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[4] / "shared" / "saleor"
SALEOR_SCHEMA = SHARED / "schema.graphql"
RECORDED = SHARED / "recorded"
EMPTY_NAME = "UHJvZHVjdFZhcmlhbnQ6Tm9uZQ=="  # what productBulkCreate stores for a variant named ""
STAFF = ("admin@example.com", "admin")
STAFF_TOKEN = "standin-staff-token"


def gid(kind: str, pk: object) -> str:
    return base64.b64encode(f"{kind}:{pk}".encode()).decode()


def from_gid(value: object, kind: str) -> str | None:
    try:
        found, _, pk = base64.b64decode(str(value)).decode().partition(":")
    except (ValueError, UnicodeDecodeError):
        return None
    return pk if found == kind and pk else None


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def recorded(name: str) -> dict:
    return json.loads((RECORDED / f"{name}.json").read_text(encoding="utf-8"))["response"]["data"]


@dataclass
class Variant:
    pk: int
    product: int
    sku: str
    name: str
    weight: Decimal | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, list[dict]] = field(default_factory=dict)  # attribute id -> values
    prices: dict[str, Decimal] = field(default_factory=dict)  # channel id -> price
    stocks: dict[str, int] = field(default_factory=dict)  # warehouse id -> quantity


@dataclass
class Product:
    pk: int
    name: str
    slug: str
    product_type: str
    category: str | None = None
    description: Any = None
    external_reference: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, list[dict]] = field(default_factory=dict)
    listings: dict[str, bool] = field(default_factory=dict)  # channel id -> isPublished
    translations: dict[str, dict[str, Any]] = field(default_factory=dict)
    media: list[int] = field(default_factory=list)
    variants: list[int] = field(default_factory=list)


class Store:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.pks = itertools.count(1000)
        self.channels = {c["id"]: c for c in recorded("ImportChannels.success-first-page-as-staff")["channels"]}
        self.categories = {e["node"]["id"]: e["node"] for e in
                           recorded("ImportCategories.success-first-page-as-staff")["categories"]["edges"]}
        self.attributes: dict[str, dict] = {}
        for edge in recorded("ImportAttributes.success-first-page-as-staff")["attributes"]["edges"]:
            node = edge["node"]
            self.attributes[node["id"]] = {"id": node["id"], "slug": node["slug"], "name": node["name"],
                                           "inputType": node["inputType"], "unit": None,
                                           "choices": [dict(c["node"]) for c in node["choices"]["edges"]]}
        by_slug = {a["slug"]: a["id"] for a in self.attributes.values()}
        self.product_types = {}
        for edge in recorded("ImportProductTypes.success-first-page-as-staff")["productTypes"]["edges"]:
            node = edge["node"]
            self.product_types[node["id"]] = {
                "id": node["id"], "slug": node["slug"], "name": node["name"], "hasVariants": node["hasVariants"],
                "productAttributes": [by_slug[a["slug"]] for a in node["productAttributes"] if a["slug"] in by_slug],
                "variantAttributes": [by_slug[a["slug"]] for a in node["variantAttributes"] if a["slug"] in by_slug]}
        self.warehouses = {e["node"]["id"]: e["node"] for e in
                           recorded("ImportWarehouses.success-first-page-as-staff")["warehouses"]["edges"]}
        self.products: dict[int, Product] = {}
        self.variants: dict[int, Variant] = {}
        self.media: dict[int, dict] = {}
        self.failed_login_at: float | None = None

    # --- lookups -----------------------------------------------------------------------------------
    def product(self, value: object) -> Product | None:
        pk = from_gid(value, "Product")
        return self.products.get(int(pk)) if pk and pk.isdigit() else None

    def variant(self, value: object) -> Variant | None:
        pk = from_gid(value, "ProductVariant")
        return self.variants.get(int(pk)) if pk and pk.isdigit() else None

    def sku_owner(self, sku: str) -> Variant | None:
        return next((v for v in self.variants.values() if v.sku == sku), None)

    # --- attribute values --------------------------------------------------------------------------
    def attribute_values(self, owner: str, item: dict) -> tuple[str, list[dict]] | None:
        """AttributeValueInput -> (attribute id, values as stored); new dropdown values are created."""
        attribute = self.attributes.get(item.get("id"))
        if attribute is None:
            return None
        if item.get("numeric") is not None:
            number = item["numeric"]
            return attribute["id"], [{"slug": f"{owner}_{from_gid(attribute['id'], 'Attribute')}", "name": number}]
        if item.get("plainText") is not None:
            return attribute["id"], [{"slug": f"{owner}_{from_gid(attribute['id'], 'Attribute')}",
                                      "name": item["plainText"][:200]}]
        names = ([item["dropdown"]["value"]] if item.get("dropdown") else
                 [v["value"] for v in item.get("multiselect") or []] if item.get("multiselect") else
                 [item["swatch"]["value"]] if item.get("swatch") else list(item.get("values") or []))
        values = []
        for name in names:
            found = next((c for c in attribute["choices"] if c["slug"] == slugify(name) or c["name"] == name), None)
            if found is None:
                found = {"slug": slugify(name), "name": name}
                attribute["choices"].append(found)
            values.append(found)
        return attribute["id"], values

    # --- shapes of Saleor's types --------------------------------------------------------------------
    def channel_node(self, channel_id: str) -> dict:
        return dict(self.channels[channel_id])

    def attribute_rows(self, attribute_ids: list[str], assigned: dict[str, list[dict]]) -> list[dict]:
        return [{"attribute": {"id": a, "slug": self.attributes[a]["slug"], "name": self.attributes[a]["name"]},
                 "values": [dict(v) for v in assigned.get(a, [])]} for a in attribute_ids]

    def variant_node(self, variant: Variant) -> dict:
        product = self.products[variant.product]
        product_type = self.product_types[product.product_type]
        return {
            "id": gid("ProductVariant", variant.pk), "sku": variant.sku, "name": variant.name,
            "weight": None if variant.weight is None else {"unit": "KG", "value": float(variant.weight)},
            "metadata": [{"key": k, "value": v} for k, v in sorted(variant.metadata.items())],
            "attributes": self.attribute_rows(product_type["variantAttributes"], variant.attributes),
            "channelListings": [{"channel": self.channel_node(c), "price": {
                "amount": float(p), "currency": self.channels[c]["currencyCode"]}} for c, p in variant.prices.items()],
            "stocks": [{"warehouse": dict(self.warehouses[w]), "quantity": q} for w, q in variant.stocks.items()],
            "product": lambda info: self.product_node(product),
        }

    def product_node(self, product: Product) -> dict:
        product_type = self.product_types[product.product_type]

        def translation(info: Any, languageCode: str) -> dict | None:
            found = product.translations.get(languageCode)
            if not found:
                return None
            description = found.get("description")
            return {"name": found.get("name"), "description": None if description is None else _json(description)}

        return {
            "id": gid("Product", product.pk), "name": product.name, "slug": product.slug,
            "externalReference": product.external_reference,
            "description": None if product.description is None else _json(product.description),
            "productType": {"id": product_type["id"], "slug": product_type["slug"], "name": product_type["name"]},
            "category": dict(self.categories[product.category]) if product.category else None,
            "metadata": [{"key": k, "value": v} for k, v in sorted(product.metadata.items())],
            "attributes": self.attribute_rows(product_type["productAttributes"], product.attributes),
            "channelListings": [{"channel": self.channel_node(c), "isPublished": p}
                                for c, p in product.listings.items()],
            "translation": translation,
            "media": [{"id": gid("ProductMedia", m)} for m in product.media],
            "variants": [self.variant_node(self.variants[v]) for v in product.variants],
        }


def _json(value: Any) -> str:
    """A JSONString as Saleor serialises it (keys sorted, non-ASCII escaped)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return json.dumps(value)
    return json.dumps(value, sort_keys=True)
