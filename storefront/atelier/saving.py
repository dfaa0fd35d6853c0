"""Screen 3's writes, in the order the API needs them: the variant (with its stock), the markets' listings,
the prices (MAD, then the export overrides the artisan typed), and last the draft marked as submitted."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from storefront.core.pages import api

from . import forms
from .catalog import STEP_KEY, meta, variant_of
from .client import field_errors

PRICE_FIELDS = {"price": "price", "channelId": "form", "quantity": "quantity", "warehouse": "quantity",
                "stocks": "quantity"}


def _call(request: HttpRequest, name: str, variables: dict[str, Any], root: str) -> dict[str, Any]:
    return api(request, name, variables, channel=False, authenticated=True, cache_seconds=0)[root]


def save_price(request: HttpRequest, product: dict, options: dict, values: dict[str, Any]) -> dict[str, list[str]]:
    """Write screen 3; the errors by form field (empty when everything is saved)."""
    warehouse = request.workshop.warehouse_id
    if warehouse is None:
        return {"quantity": [_("Your workshop has no stock place yet: ask the ministry's team to set it up.")]}
    quantity = forms.quantity(values)
    variant = variant_of(product)
    if variant is None:
        created = _call(request, "saleor/ProductVariantCreate", {"input": {
            "product": product["id"], "attributes": [], "trackInventory": True, "isOneOfAKind": values["unique"],
            "stocks": [{"warehouse": warehouse, "quantity": quantity}]}}, "productVariantCreate")
        if created["errors"]:
            return field_errors(created["errors"], PRICE_FIELDS)
        variant_id = created["productVariant"]["id"]
    else:
        variant_id = variant["id"]
        stocks = _call(request, "saleor/ProductVariantStocksUpdate", {
            "variantId": variant_id, "stocks": [{"warehouse": warehouse, "quantity": quantity}]},
            "productVariantStocksUpdate")
        if stocks["errors"]:
            return field_errors(stocks["errors"], PRICE_FIELDS)
    listed = {row["channel"]["slug"] for row in product.get("channelListings") or []}
    already = {row["channel"]["slug"] for row in (variant or {}).get("channelListings") or []}
    missing = [c for c in options["channels"] if c["slug"] not in listed or c["slug"] not in already]
    if missing:
        listing = _call(request, "saleor/ProductChannelListingUpdate", {"id": product["id"], "input": {
            "updateChannels": [{"channelId": c["id"], "isPublished": True, "visibleInListings": True,
                                "isAvailableForPurchase": True, "addVariants": [variant_id]} for c in missing]}},
            "productChannelListingUpdate")
        if listing["errors"]:
            return field_errors(listing["errors"], PRICE_FIELDS)
    errors = _prices(request, variant_id, variant, options, values)
    if errors:
        return errors
    if meta(product, STEP_KEY) != "submitted":
        done = _call(request, "saleor/ProductUpdate", {"id": product["id"], "input": {
            "metadata": [{"key": STEP_KEY, "value": "submitted"}]}}, "productUpdate")
        return field_errors(done["errors"], PRICE_FIELDS)
    return {}


def _prices(request: HttpRequest, variant_id: str, variant: dict | None, options: dict,
            values: dict[str, Any]) -> dict[str, list[str]]:
    """MAD price in every MAD market; an export price typed and different from the rule's suggestion is an
    override, an empty (or equal) one follows the rule again."""
    mad = forms.number(values["price"])
    suggested = {row["channel"]["slug"]: Decimal(str(row["price"]["amount"])) for row in api(
        request, "marketplace/PriceSuggestions", {"amount": str(mad)}, channel=False,
        cache_seconds=0)["priceSuggestions"]}
    overridden = {row["channel"]["slug"] for row in (variant or {}).get("channelListings") or []
                  if row.get("priceOverridden")}
    items = [{"channelId": c["id"], "price": str(mad)} for c in options["mad_channels"]]
    follow = []
    for channel in options["export_channels"]:
        typed = forms.number(values[f"price-{channel['slug']}"])
        if typed is not None and typed != suggested.get(channel["slug"]):
            items.append({"channelId": channel["id"], "price": str(typed)})
        elif channel["slug"] in overridden:
            follow.append(channel)
    result = _call(request, "saleor/ProductVariantChannelListingUpdate", {"id": variant_id, "input": items},
                   "productVariantChannelListingUpdate")
    if result["errors"]:
        return field_errors(result["errors"], PRICE_FIELDS)
    for channel in follow:
        back = _call(request, "marketplace/ProductVariantPriceFollowRule",
                     {"id": variant_id, "channelId": channel["id"]},
                     "productVariantPriceFollowRule")
        if back["errors"]:
            return field_errors(back["errors"], {}, default=f"price-{channel['slug']}")
    return {}
