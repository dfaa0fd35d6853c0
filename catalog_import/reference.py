"""The API's reference data (markets, categories, product types with their attributes, warehouses, artisans),
fetched once with queries, and looked up the way people write it.

Categories, product types, attributes and attribute values are found by slug or by name in every catalogue
language (French, Arabic, English), on `match_key` (which keeps Arabic letters). A text that names two
different things is ambiguous: the file must say which (by slug). No match is an error, never a fallback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from catalog_import.client import GraphQLClient
from catalog_import.columns import market_key
from catalog_import.text import match_key

T = TypeVar("T")
LANGS = ("fr", "ar", "en")


class Lookup(Generic[T]):
    """Names and slugs -> the thing they name, remembering which keys name more than one."""

    def __init__(self) -> None:
        self.entries: dict[str, T] = {}
        self.by_slug: dict[str, T] = {}  # a slug as written always names its own entry
        self.slugs: dict[str, str] = {}  # key -> slug of the entry (to name the choices of an ambiguity)
        self.ambiguous: dict[str, set[str]] = {}

    def add(self, texts: list[str | None], entry: T, slug: str) -> None:
        self.by_slug[slug.casefold()] = entry
        for text in texts:
            key = match_key(text)
            if not key:
                continue
            if key in self.entries and self.slugs[key] != slug:
                self.ambiguous.setdefault(key, {self.slugs[key]}).add(slug)
                continue
            self.entries[key], self.slugs[key] = entry, slug

    def find(self, text: str) -> T | None:
        if text.strip().casefold() in self.by_slug:
            return self.by_slug[text.strip().casefold()]
        key = match_key(text)
        if not key or key in self.ambiguous:
            return None
        return self.entries.get(key)

    def choices(self, text: str) -> list[str]:
        """The slugs an ambiguous text names ([] when it is not ambiguous)."""
        if text.strip().casefold() in self.by_slug:
            return []
        return sorted(self.ambiguous.get(match_key(text), ()))

    def __len__(self) -> int:
        return len(self.entries)


@dataclass
class AttributeRef:
    id: str
    slug: str
    name: str
    input_type: str
    unit: str | None = None
    choices: Lookup[str] = field(default_factory=Lookup)  # value slug or name (any language) -> its name

    def value_name(self, text: str) -> str:
        """The existing value's own spelling, or the text as written (a new value)."""
        return self.choices.find(text) or text


@dataclass
class ProductTypeRef:
    id: str
    slug: str
    has_variants: bool
    product_attributes: Lookup[AttributeRef]
    variant_attributes: Lookup[AttributeRef]


@dataclass
class Reference:
    channels: dict[str, dict[str, str]] = field(default_factory=dict)  # market key -> {id, slug, currency}
    categories: Lookup[dict[str, str]] = field(default_factory=Lookup)  # -> {id, slug}
    product_types: Lookup[ProductTypeRef] = field(default_factory=Lookup)
    warehouses: dict[str, str] = field(default_factory=dict)  # slug -> id
    artisans: dict[str, str] | None = None  # slug -> id; None on Saleor (no artisans there)
    target: str = "marketplace"

    @property
    def customs_fields(self) -> bool:
        """This API's variants take `hsCode` and `dimensions`; on Saleor they go to the variant's metadata."""
        return self.target == "marketplace"

    @property
    def price_rules(self) -> bool:
        """This API derives a market's price from the MAD price by the market's rule; Saleor has no such rule:
        there a variant is sold only in the markets it has a price for."""
        return self.target == "marketplace"

    def category(self, text: str) -> dict[str, str] | None:
        return self.categories.find(text)

    def product_type(self, text: str) -> ProductTypeRef | None:
        return self.product_types.find(text)

    def warehouse_for(self, artisan: str, given: str) -> str:
        return given or f"atelier-{artisan}"

    def market(self, key: str) -> str | None:
        """The market a price column names: `export`, or `export_eur` (a currency after the market's name)."""
        if key in self.channels:
            return key
        stem, _, currency = key.rpartition("_")
        channel = self.channels.get(stem)
        if channel and match_key(currency) in {"eur", "euro", "euros", "usd", "mad", "dh", "dhs"}:
            code = {"euro": "eur", "euros": "eur", "dh": "mad", "dhs": "mad"}.get(currency, currency).upper()
            return stem if channel["currency"] == code else None
        return None


def _pages(client: GraphQLClient, name: str, root: str, variables: dict | None = None) -> list[dict]:
    nodes, after = [], None
    while True:
        data = client.execute(name, {**(variables or {}), "after": after})[root]
        nodes += [edge["node"] for edge in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            return nodes
        after = data["pageInfo"]["endCursor"]


def _translated(node: dict[str, Any]) -> list[str | None]:
    names = [(node.get(lang) or {}).get("name") if isinstance(node.get(lang), dict) else node.get(lang)
             for lang in LANGS]
    return [node.get("slug"), node.get("name"), *names]


def _attribute(node: dict[str, Any]) -> AttributeRef:
    ref = AttributeRef(node["id"], node["slug"], node["name"], node.get("inputType") or "DROPDOWN", node.get("unit"))
    for edge in (node.get("choices") or {}).get("edges", []):
        value = edge["node"]
        ref.choices.add(_translated(value), value["name"], value["slug"] or value["name"])
    return ref


def _by_name(attributes: list[dict] | None, known: dict[str, tuple[AttributeRef, list[str | None]]]
             ) -> Lookup[AttributeRef]:
    lookup: Lookup[AttributeRef] = Lookup()
    for node in attributes or []:
        if node["slug"] in known:
            ref, names = known[node["slug"]]
            lookup.add(names, ref, ref.slug)
    return lookup


def fetch_reference(client: GraphQLClient, target: str, artisan_slugs: list[str]) -> Reference:
    ref = Reference(target=target)
    for channel in client.execute("ImportChannels")["channels"] or []:
        ref.channels[market_key(channel["slug"])] = {"id": channel["id"], "slug": channel["slug"],
                                                     "currency": channel["currencyCode"]}
    for node in _pages(client, "ImportCategories", "categories"):
        ref.categories.add(_translated(node), {"id": node["id"], "slug": node["slug"]}, node["slug"])
    attributes = {node["slug"]: (_attribute(node), _translated(node))
                  for node in _pages(client, "ImportAttributes", "attributes")}
    types_query = "ImportProductTypesWithNames" if target == "marketplace" else "ImportProductTypes"
    for node in _pages(client, types_query, "productTypes"):
        pt = ProductTypeRef(node["id"], node["slug"], node["hasVariants"],
                            _by_name(node.get("productAttributes"), attributes),
                            _by_name(node.get("variantAttributes"), attributes))
        ref.product_types.add(_translated(node), pt, node["slug"])
    ref.warehouses = {node["slug"]: node["id"] for node in _pages(client, "ImportWarehouses", "warehouses")}
    if target == "marketplace":
        ref.artisans = {node["slug"]: node["id"]
                        for node in _pages(client, "ImportArtisans", "artisans", {"slugs": sorted(artisan_slugs)})}
    return ref
