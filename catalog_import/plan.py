"""From a product of the file to API inputs: Saleor's ProductBulkCreateInput for new products, and for
existing ones the difference with what the API holds, field by field (only what changed is sent)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from catalog_import.checks import numeric_value
from catalog_import.model import ProductSpec, VariantSpec
from catalog_import.reference import AttributeRef, Lookup, Reference
from catalog_import.text import match_key

PHOTOS_KEY = "importPhotos"  # product metadata: content hashes of the photos already uploaded
HASH_LENGTH = 16
VARIANT_META = ("hsCode", "dimensionsCm")  # no input field for them in Saleor: variant metadata there
SIDES = ("length", "width", "height")


def editorjs(text: str) -> str:
    blocks = [{"type": "paragraph", "data": {"text": line}} for line in text.splitlines() if line.strip()]
    return json.dumps({"blocks": blocks, "version": "2.24.3"}, ensure_ascii=False)


def description_text(value: Any) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return value.strip()
    blocks = value.get("blocks", []) if isinstance(value, dict) else []
    return "\n".join(str(b.get("data", {}).get("text", "")).strip() for b in blocks)


def _clean(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def photo_hash(sha256: str) -> str:
    return sha256[:HASH_LENGTH]


def attribute_inputs(values: dict[str, list[str]], allowed: Lookup[AttributeRef]) -> list[dict[str, Any]]:
    inputs = []
    for name, items in values.items():
        ref = allowed.find(name)
        assert ref is not None  # checked before anything is written
        chosen = [ref.value_name(v) for v in items]  # an existing value's own spelling (any language written)
        if ref.input_type == "NUMERIC":
            inputs.append({"id": ref.id, "numeric": f"{numeric_value(items[0], ref.unit):f}"})
        elif ref.input_type == "PLAIN_TEXT":
            inputs.append({"id": ref.id, "plainText": ", ".join(items)})
        elif ref.input_type == "MULTISELECT":
            inputs.append({"id": ref.id, "multiselect": [{"value": v} for v in chosen]})
        elif ref.input_type == "SWATCH":
            inputs.append({"id": ref.id, "swatch": {"value": chosen[0]}})
        else:
            inputs.append({"id": ref.id, "dropdown": {"value": chosen[0]}})
    return inputs


def _markets(product: ProductSpec, ref: Reference) -> list[str]:
    """The markets the product is listed in: those of its markets column (default: every market). On Saleor,
    only those where one of its variants has a price (there is no price rule there; a product listed
    where no variant is sold would show without a price)."""
    markets = product.markets or list(ref.channels)
    if ref.price_rules:
        return markets
    return [m for m in markets if any(m in variant_prices(product, v, ref, markets) for v in product.variants)]


def variant_prices(product: ProductSpec, variant: VariantSpec, ref: Reference,
                   markets: list[str] | None = None) -> dict[str, Decimal]:
    """Market key -> price: the MAD price in MAD markets, the given price where one is given. Other markets
    follow the channel's price rule on this API (Saleor: the variant is not sold there until priced)."""
    prices = {}
    for market in markets if markets is not None else _markets(product, ref):
        channel = ref.channels[market]
        if market in variant.prices:
            prices[market] = variant.prices[market]
        elif channel["currency"] == "MAD" and variant.price_mad is not None:
            prices[market] = variant.price_mad
    return {m: p.quantize(Decimal("0.01")) for m, p in prices.items()}


def variant_metadata(variant: VariantSpec) -> dict[str, str]:
    meta = {}
    if variant.hs_code:
        meta["hsCode"] = variant.hs_code
    if any(variant.dimensions_cm):
        meta["dimensionsCm"] = "x".join("" if d is None else f"{d.normalize():f}" for d in variant.dimensions_cm)
    return meta


def _meta_list(meta: dict[str, str]) -> list[dict[str, str]]:
    return [{"key": k, "value": v} for k, v in meta.items()]


def customs_input(variant: VariantSpec) -> dict[str, Any]:
    """This API's variant fields for the file's HS code and dimensions (an empty cell leaves them alone)."""
    data: dict[str, Any] = {}
    if variant.hs_code:
        data["hsCode"] = variant.hs_code
    if any(variant.dimensions_cm):
        data["dimensions"] = {side: None if d is None else float(d)
                              for side, d in zip(SIDES, variant.dimensions_cm, strict=True)}
    return data


def _customs_differ(variant: VariantSpec, current: dict[str, Any]) -> dict[str, Any]:
    wanted = customs_input(variant)
    changed = {}
    if "hsCode" in wanted and current.get("hsCode") != wanted["hsCode"]:
        changed["hsCode"] = wanted["hsCode"]
    if "dimensions" in wanted:
        now = current.get("dimensions") or {}
        if any(_cm(now.get(side)) != _cm(wanted["dimensions"][side]) for side in SIDES):
            changed["dimensions"] = wanted["dimensions"]
    return changed


def _cm(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.1"))


def variant_name(product: ProductSpec, variant: VariantSpec, ref: Reference) -> str:
    """The file's variant name, else its attributes' values. On Saleor, never empty: Saleor stores an empty
    name sent to productBulkCreate as "UHJvZHVjdFZhcmlhbnQ6Tm9uZQ==" (the id of "ProductVariant:None"), which
    no later run could match; the product's name is what a buyer would read there."""
    if variant.name or ref.target == "marketplace":
        return variant.name
    return product.name


def price_listings(product: ProductSpec, variant: VariantSpec, ref: Reference) -> list[dict[str, str]]:
    return [{"channelId": ref.channels[m]["id"], "price": str(p)}
            for m, p in variant_prices(product, variant, ref).items()]


def variant_input(product: ProductSpec, variant: VariantSpec, ref: Reference, *, with_prices: bool = True
                  ) -> dict[str, Any]:
    """ProductVariantBulkCreateInput (with its prices) or, without them, ProductVariantCreateInput (which has
    no channelListings: prices of a variant added later go through productVariantChannelListingUpdate)."""
    product_type = ref.product_type(product.product_type)
    assert product_type is not None
    data: dict[str, Any] = {
        "sku": variant.sku, "name": variant_name(product, variant, ref), "trackInventory": True,
        "attributes": attribute_inputs(variant.attributes, product_type.variant_attributes),
    }
    if with_prices:
        data["channelListings"] = price_listings(product, variant, ref)
    if variant.weight_kg is not None:
        data["weight"] = str(variant.weight_kg)
    if ref.customs_fields:
        data.update(customs_input(variant))
    elif meta := variant_metadata(variant):
        data["metadata"] = _meta_list(meta)
    if variant.stock is not None:
        warehouse = ref.warehouses[ref.warehouse_for(product.artisan, variant.warehouse)]
        data["stocks"] = [{"warehouse": warehouse, "quantity": variant.stock}]
    return data


def create_input(product: ProductSpec, ref: Reference) -> dict[str, Any]:
    product_type = ref.product_type(product.product_type)
    assert product_type is not None
    data: dict[str, Any] = {
        "productType": product_type.id, "name": product.name,
        "metadata": [{"key": "artisan", "value": product.artisan}],
        "attributes": attribute_inputs(product.attributes, product_type.product_attributes),
        "channelListings": [{"channelId": ref.channels[m]["id"], "isPublished": product.published,
                             "visibleInListings": True, "isAvailableForPurchase": True}
                            for m in _markets(product, ref)],
        "variants": [variant_input(product, v, ref) for v in product.variants],
    }
    if product.description:
        data["description"] = editorjs(product.description)
    if product.category:
        data["category"] = ref.category(product.category)["id"]  # type: ignore[index]
    if product.external_id:
        data["externalReference"] = product.external_id
    return data


def translations(product: ProductSpec) -> dict[str, dict[str, str]]:
    """Language code (AR, EN) -> TranslationInput: what the base fields (French, see ProductSpec) do not hold.
    Never FR: French is the base language (this API refuses a French translation)."""
    result = {}
    for lang in ("ar", "en"):
        fields = dict(product.translated_fields(lang))
        if "description" in fields:
            fields["description"] = editorjs(fields["description"])
        if fields:
            result[lang.upper()] = fields
    return result


@dataclass
class Changes:
    """What an existing product needs; empty when the file and the API agree."""

    product_id: str
    product: dict[str, Any] = field(default_factory=dict)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    listings: list[dict[str, Any]] = field(default_factory=list)
    new_variants: list[tuple[dict[str, Any], list[dict[str, str]]]] = field(default_factory=list)  # input, prices
    variants: dict[str, dict[str, Any]] = field(default_factory=dict)  # variant id -> ProductVariantInput
    prices: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # variant id -> listing inputs
    stocks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    photos: list[Any] = field(default_factory=list)  # Photo objects to upload
    uploaded: list[str] = field(default_factory=list)  # hashes already there

    def __bool__(self) -> bool:
        return any((self.product, self.translations, self.listings, self.new_variants, self.variants, self.prices,
                    self.stocks, self.photos))

    def fields(self) -> list[str]:
        names = sorted(self.product) + [f"translation:{k}" for k in sorted(self.translations)]
        names += ["markets"] * bool(self.listings) + ["new variants"] * bool(self.new_variants)
        fields = sorted({f for data in self.variants.values() for f in data})
        names += [f"variant:{f}" for f in fields] + ["prices"] * bool(self.prices)
        return names + ["stock"] * bool(self.stocks) + ["photos"] * bool(self.photos)


def _values(node: dict[str, Any]) -> dict[str, set[str]]:
    return {a["attribute"]["slug"]: {_value_key(v.get("name") or v.get("slug") or "") for v in a["values"]}
            for a in node.get("attributes") or [] if a["values"]}


def _value_key(text: str) -> str:
    number = numeric_value(text, None)
    return f"{number.normalize():f}" if number is not None and re.fullmatch(r"[\d.,\s-]+", text) else match_key(text)


def _wanted_values(values: dict[str, list[str]], allowed: Lookup[AttributeRef]) -> dict[str, set[str]]:
    result = {}
    for name, items in values.items():
        ref = allowed.find(name)
        assert ref is not None
        if ref.input_type == "PLAIN_TEXT":
            items = [", ".join(items)]
        elif ref.input_type == "NUMERIC":
            items = [f"{numeric_value(items[0], ref.unit):f}"]
        result[ref.slug] = {_value_key(ref.value_name(v)) for v in items}
    return result


def missing_variant_attributes(product: ProductSpec, created: list[dict], ref: Reference) -> dict[str, dict]:
    """Variant id -> ProductVariantInput for the created variants whose attributes are not as the file says."""
    product_type = ref.product_type(product.product_type)
    assert product_type is not None
    by_sku = {v.sku: v for v in product.variants}
    updates = {}
    for node in created:
        variant = by_sku.get(node.get("sku"))
        if variant is None or not variant.attributes:
            continue
        wanted = _wanted_values(variant.attributes, product_type.variant_attributes)
        if any(_values(node).get(slug) != values for slug, values in wanted.items()):
            updates[node["id"]] = {"attributes": attribute_inputs(variant.attributes, product_type.variant_attributes)}
    return updates


def _weight_kg(weight: dict | None) -> Decimal | None:
    if not weight:
        return None
    factor = {"KG": Decimal(1), "G": Decimal("0.001"), "LB": Decimal("0.45359237"), "OZ": Decimal("0.028349523125"),
              "TONNE": Decimal(1000)}.get(weight.get("unit", "KG"), Decimal(1))
    return (Decimal(str(weight["value"])) * factor).quantize(Decimal("0.001"))


def diff(product: ProductSpec, node: dict[str, Any], ref: Reference) -> Changes:
    product_type = ref.product_type(product.product_type)
    assert product_type is not None
    changes = Changes(product_id=node["id"])
    if node["name"] != product.name:
        changes.product["name"] = product.name
    wanted_description = _clean(product.description)
    # An empty cell leaves the API's value alone (it may have been written in the back office).
    if wanted_description and description_text(node.get("description")) != wanted_description:
        changes.product["description"] = editorjs(wanted_description)
    if product.category and (node.get("category") or {}).get("slug") != ref.category(product.category)["slug"]:  # type: ignore[index]
        changes.product["category"] = ref.category(product.category)["id"]  # type: ignore[index]
    if product.external_id and node.get("externalReference") != product.external_id:
        changes.product["externalReference"] = product.external_id
    wanted = _wanted_values(product.attributes, product_type.product_attributes)
    if any(_values(node).get(slug) != values for slug, values in wanted.items()):
        changes.product["attributes"] = attribute_inputs(product.attributes, product_type.product_attributes)
    meta = {m["key"]: m["value"] for m in node.get("metadata") or []}
    if meta.get("artisan") != product.artisan:
        changes.product["metadata"] = [{"key": "artisan", "value": product.artisan}]
    for code, fields in translations(product).items():
        current = node.get(code.lower()) or {}
        if ("name" in fields and current.get("name") != fields["name"]) or (
                "description" in fields and description_text(current.get("description"))
                != description_text(fields["description"])):
            changes.translations[code] = fields
    # Translations in other languages than the file's are left alone (written in the back office, say).
    listed = {entry["channel"]["slug"]: entry["isPublished"] for entry in node.get("channelListings") or []}
    for market in _markets(product, ref):
        slug = ref.channels[market]["slug"]
        if listed.get(slug) != product.published:
            changes.listings.append({"channelId": ref.channels[market]["id"], "isPublished": product.published,
                                     "visibleInListings": True, "isAvailableForPurchase": True})
    existing = {v["sku"]: v for v in node.get("variants") or [] if v.get("sku")}
    for variant in product.variants:
        current = existing.get(variant.sku)
        if current is None:
            changes.new_variants.append(({**variant_input(product, variant, ref, with_prices=False),
                                          "product": node["id"]}, price_listings(product, variant, ref)))
            continue
        _diff_variant(product, variant, current, ref, changes)
    changes.uploaded = [h for h in (meta.get(PHOTOS_KEY) or "").split(",") if h]
    changes.photos = [p for p in product.photos if photo_hash(p.sha256) not in changes.uploaded]
    return changes


def _diff_variant(product: ProductSpec, variant: VariantSpec, current: dict, ref: Reference, changes: Changes) -> None:
    product_type = ref.product_type(product.product_type)
    assert product_type is not None
    update: dict[str, Any] = {}
    name = variant_name(product, variant, ref)
    if (current.get("name") or "") != name:
        update["name"] = name
    if variant.weight_kg is not None and _weight_kg(current.get("weight")) != variant.weight_kg:
        update["weight"] = str(variant.weight_kg)
    if ref.customs_fields:
        update.update(_customs_differ(variant, current))
    else:
        meta = {m["key"]: m["value"] for m in current.get("metadata") or []}
        wanted_meta = variant_metadata(variant)
        if any(meta.get(k) != v for k, v in wanted_meta.items()):
            update["metadata"] = _meta_list(wanted_meta)
    wanted = _wanted_values(variant.attributes, product_type.variant_attributes)
    if any(_values(current).get(slug) != values for slug, values in wanted.items()):
        update["attributes"] = attribute_inputs(variant.attributes, product_type.variant_attributes)
    if update:
        changes.variants[current["id"]] = update
    prices = {entry["channel"]["slug"]: Decimal(str(entry["price"]["amount"])) if entry.get("price") else None
              for entry in current.get("channelListings") or []}
    changed = [{"channelId": ref.channels[m]["id"], "price": str(p)}
               for m, p in variant_prices(product, variant, ref).items()
               if prices.get(ref.channels[m]["slug"]) != p]
    if changed:
        changes.prices[current["id"]] = changed
    if variant.stock is not None:
        warehouse = ref.warehouse_for(product.artisan, variant.warehouse)
        stocks = {s["warehouse"]["slug"]: s["quantity"] for s in current.get("stocks") or []}
        if stocks.get(warehouse) != variant.stock:
            changes.stocks[current["id"]] = [{"warehouse": ref.warehouses[warehouse], "quantity": variant.stock}]
