"""The API's reference data (markets, categories, product types with their attributes, warehouses, artisans),
fetched once with queries, and the checks of every product against it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalog_import.client import GraphQLClient
from catalog_import.columns import market_key, normalise
from catalog_import.model import Problem, ProductSpec


@dataclass
class AttributeRef:
    id: str
    slug: str
    name: str
    input_type: str
    choices: dict[str, str] = field(default_factory=dict)  # normalised slug or name -> name


@dataclass
class ProductTypeRef:
    id: str
    slug: str
    has_variants: bool
    product_attributes: dict[str, AttributeRef]  # normalised slug or name -> attribute
    variant_attributes: dict[str, AttributeRef]


@dataclass
class Reference:
    channels: dict[str, dict[str, str]] = field(default_factory=dict)  # market key -> {id, slug, currency}
    categories: dict[str, dict[str, str]] = field(default_factory=dict)  # normalised slug/name -> {id, slug}
    product_types: dict[str, ProductTypeRef] = field(default_factory=dict)
    warehouses: dict[str, str] = field(default_factory=dict)  # slug -> id
    artisans: dict[str, str] | None = None  # slug -> id; None on Saleor (no artisans there)

    @property
    def customs_fields(self) -> bool:
        """This API's variants take `hsCode` and `dimensions`; on Saleor they go to the variant's metadata."""
        return self.artisans is not None

    def category(self, text: str) -> dict[str, str] | None:
        return self.categories.get(normalise(text))

    def product_type(self, text: str) -> ProductTypeRef | None:
        return self.product_types.get(normalise(text))

    def warehouse_for(self, artisan: str, given: str) -> str:
        return given or f"atelier-{artisan}"


def _pages(client: GraphQLClient, name: str, root: str, variables: dict | None = None) -> list[dict]:
    nodes, after = [], None
    while True:
        data = client.execute(name, {**(variables or {}), "after": after})[root]
        nodes += [edge["node"] for edge in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            return nodes
        after = data["pageInfo"]["endCursor"]


def _attribute(node: dict[str, Any]) -> AttributeRef:
    choices = {}
    for edge in (node.get("choices") or {}).get("edges", []):
        value = edge["node"]
        choices[normalise(value["slug"] or "")] = value["name"]
        choices[normalise(value["name"] or "")] = value["name"]
    return AttributeRef(node["id"], node["slug"], node["name"], node.get("inputType") or "DROPDOWN", choices)


def _by_name(attributes: list[dict] | None, known: dict[str, AttributeRef]) -> dict[str, AttributeRef]:
    result = {}
    for node in attributes or []:
        ref = known.get(node["slug"])
        if ref is not None:
            result[normalise(ref.slug)] = result[normalise(ref.name)] = ref
    return result


def fetch_reference(client: GraphQLClient, target: str, artisan_slugs: list[str]) -> Reference:
    ref = Reference()
    for channel in client.execute("ImportChannels")["channels"] or []:
        ref.channels[market_key(channel["slug"])] = {"id": channel["id"], "slug": channel["slug"],
                                                     "currency": channel["currencyCode"]}
    for node in _pages(client, "ImportCategories", "categories"):
        entry = {"id": node["id"], "slug": node["slug"]}
        for text in [node["slug"], node["name"], *[(node.get(lang) or {}).get("name") for lang in ("fr", "ar", "en")]]:
            if text:
                ref.categories.setdefault(normalise(text), entry)
    attributes = {node["slug"]: _attribute(node) for node in _pages(client, "ImportAttributes", "attributes")}
    for node in _pages(client, "ImportProductTypes", "productTypes"):
        pt = ProductTypeRef(node["id"], node["slug"], node["hasVariants"],
                            _by_name(node.get("productAttributes"), attributes),
                            _by_name(node.get("variantAttributes"), attributes))
        ref.product_types[normalise(node["slug"])] = ref.product_types[normalise(node["name"])] = pt
    ref.warehouses = {node["slug"]: node["id"] for node in _pages(client, "ImportWarehouses", "warehouses")}
    if target == "marketplace":
        ref.artisans = {node["slug"]: node["id"]
                        for node in _pages(client, "ImportArtisans", "artisans", {"slugs": sorted(artisan_slugs)})}
    return ref


def _problem(product: ProductSpec, headers: dict[str, str], key: str, code: str, row: int | None = None,
             **params: Any) -> Problem:
    return Problem(row or product.rows[0], headers.get(key, key), code, params)


def _check_attributes(product: ProductSpec, values: dict[str, list[str]], allowed: dict[str, AttributeRef],
                      headers: dict[str, str], key: str, type_slug: str, row: int) -> list[Problem]:
    from catalog_import.parse import parse_decimal

    problems = []
    for name, items in values.items():
        attribute = allowed.get(normalise(name))
        if attribute is None:
            problems.append(_problem(product, headers, key, "UNKNOWN_ATTRIBUTE", row, value=name, other=type_slug))
        elif attribute.input_type == "NUMERIC":
            problems += [_problem(product, headers, key, "NOT_A_NUMBER", row, value=v)
                         for v in items if parse_decimal(v) is None]
    return problems


def check_products(products: list[ProductSpec], ref: Reference, headers: dict[str, str]) -> list[Problem]:
    problems: list[Problem] = []
    for product in products:
        if ref.artisans is not None and product.artisan and product.artisan not in ref.artisans:
            problems.append(_problem(product, headers, "artisan", "UNKNOWN_ARTISAN", value=product.artisan))
        if product.category and ref.category(product.category) is None:
            problems.append(_problem(product, headers, "category", "UNKNOWN_CATEGORY", value=product.category))
        product_type = ref.product_type(product.product_type) if product.product_type else None
        if product.product_type and product_type is None:
            problems.append(_problem(product, headers, "product_type", "UNKNOWN_PRODUCT_TYPE",
                                     value=product.product_type))
        markets = product.markets or list(ref.channels)
        for market in product.markets:
            if market not in ref.channels:
                problems.append(_problem(product, headers, "markets", "UNKNOWN_CHANNEL", value=market))
        if product_type is not None:
            problems += _check_attributes(product, product.attributes, product_type.product_attributes, headers,
                                          "attributes", product_type.slug, product.rows[0])
        for variant in product.variants:
            if product_type is not None:
                problems += _check_attributes(product, variant.attributes, product_type.variant_attributes, headers,
                                              "variant", product_type.slug, variant.row)
            for market in variant.prices:
                column = next((k for k in headers if k == f"price:{market}"), f"price:{market}")
                if market not in ref.channels:
                    problems.append(_problem(product, headers, column, "UNKNOWN_CHANNEL", variant.row, value=market))
                elif market not in markets:
                    problems.append(_problem(product, headers, column, "PRICE_WITHOUT_MARKET", variant.row,
                                             value=market))
            if variant.stock is not None:
                warehouse = ref.warehouse_for(product.artisan, variant.warehouse)
                if warehouse not in ref.warehouses:
                    problems.append(_problem(product, headers, "warehouse" if variant.warehouse else "stock",
                                             "UNKNOWN_WAREHOUSE", variant.row, value=warehouse))
    return problems
