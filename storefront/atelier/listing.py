"""Add a piece in three screens: (1) kind and photos (photos.py), improved by the API's pipeline, with advice;
(2) name, craft, materials, dimensions, description; (3) price in MAD with the markets' suggestions, stock,
submit. A rejected piece shows why on each screen, with "send again for review".

The product is created as a draft on the first upload (photos need a product), with its next screen kept
in its metadata: an artisan who stops midway finds the draft on the home page and carries on. The craft is
the kind's (asked only when the kind has none, changeable), and the materials offered first are the kind's
usual ones; what saving a price would do (go to review or not) is asked from the API before saving."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from storefront.core.pages import api

from . import forms
from .catalog import (
    STEP_KEY,
    flash,
    form_options,
    load_product,
    meta,
    space_url,
    status,
    stock_of,
    variant_of,
)
from .client import field_errors
from .gate import artisan_space


def _details_from_product(product: dict, attributes: list[dict]) -> dict[str, Any]:
    provisional = meta(product, STEP_KEY) == "details"
    values: dict[str, Any] = {
        "name_fr": "" if provisional else product["name"],
        "name_ar": (product.get("ar") or {}).get("name") or "",
        "category": (product.get("category") or {}).get("id", ""),
        "description_fr": forms.editor_text(product.get("description")),
        "description_ar": forms.editor_text((product.get("ar") or {}).get("description")),
    }
    assigned = {a["attribute"]["id"]: a["values"] for a in product.get("attributes") or []}
    for attribute in attributes:
        chosen = assigned.get(attribute["id"]) or []
        name = forms.attribute_field(attribute)
        if attribute["inputType"] == "MULTISELECT":
            values[name] = [v["id"] for v in chosen]
        elif attribute["inputType"] == "NUMERIC":
            values[name] = chosen[0]["name"] if chosen else ""
        else:
            values[name] = chosen[0]["id"] if chosen else ""
    return values


def _kind_of(product: dict, options: dict) -> dict:
    return options["type_by_id"].get(product["productType"]["id"]) or {"productAttributes": [], "usualValues": []}


def _split_choices(attribute: dict, usual: set[str], chosen: Any) -> dict:
    """The attribute with its choices split: the kind's usual ones first, the others folded (opened when one
    of them is chosen). An attribute with no usual value for the kind offers all its choices."""
    choices = [edge["node"] for edge in (attribute.get("choices") or {}).get("edges", [])]
    first = [c for c in choices if c["id"] in usual]
    if not first or attribute["inputType"] not in ("MULTISELECT", "DROPDOWN", "SWATCH"):
        return {**attribute, "usual": choices, "others": [], "others_open": False}
    picked = set(chosen or []) if isinstance(chosen, list) else {chosen}
    others = [c for c in choices if c["id"] not in usual]
    return {**attribute, "usual": first, "others": others, "others_open": bool(picked & {c["id"] for c in others})}


@artisan_space
@require_http_methods(["GET", "POST"])
def details(request: HttpRequest, product_id: str) -> HttpResponse:
    """Screen 2: name (fr/ar), craft (the kind's, changeable), the kind's attributes (its usual materials
    first, dimensions…), description."""
    product = load_product(request, product_id)
    options = form_options(request)
    kind = _kind_of(product, options)
    attributes = [a for a in kind["productAttributes"] or [] if a]
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        values = forms.details_values(request.POST, attributes)
        errors = forms.details_errors(values, attributes, options["category_ids"])
        if not errors:
            data = forms.details_input(values, attributes)
            if meta(product, STEP_KEY) == "details":
                data["metadata"] = [{"key": STEP_KEY, "value": "price"}]
            result = api(request, "saleor/ProductUpdate", {"id": product_id, "input": data}, channel=False,
                         authenticated=True, cache_seconds=0)["productUpdate"]
            errors = field_errors(result["errors"], {"name": "name_fr", "category": "category",
                                                     "description": "description_fr", "attributes": "form"})
        if not errors and (values["name_ar"] or values["description_ar"]):
            translation = {"name": values["name_ar"] or data["name"]}
            if values["description_ar"]:
                translation["description"] = json.dumps(values["description_ar"])
            result = api(request, "saleor/ProductTranslate", {"id": product_id, "languageCode": "AR",
                                                              "input": translation},
                         channel=False, authenticated=True, cache_seconds=0)["productTranslate"]
            errors = field_errors(result["errors"], {"name": "name_ar", "description": "description_ar"})
        if not errors:
            return HttpResponseRedirect(space_url(request, f"p/{product_id}/price/"))
    else:
        values = _details_from_product(product, attributes)
    default_craft = (kind.get("defaultCategory") or {}).get("id", "")
    if not values["category"] and default_craft:
        values["category"] = default_craft
    usual = {v["id"] for v in kind.get("usualValues") or []}
    shown = [_split_choices(a, usual, values.get(forms.attribute_field(a))) for a in attributes]
    # Materials (the kind's first multiple choice) and sizes up front; the rest folded away, optional.
    first_multi = next((a["id"] for a in shown if a["inputType"] == "MULTISELECT"), None)
    main = [a for a in shown if a["inputType"] == "NUMERIC" or a["id"] == first_multi]
    extra = [a for a in shown if a not in main]
    craft = next((c for g in options["groups"] for c in [g["craft"], *g["children"]] if c["id"] == values["category"]),
                 None)
    return render(request, "atelier/step_details.html", {
        "title": _("About the piece"), "step": 2, "product": product, "status": status(product), "options": options,
        "main_attributes": main, "extra_attributes": extra, "values": values, "errors": errors,
        "craft": craft, "craft_from_kind": bool(default_craft) and values["category"] == default_craft
        and "category" not in errors, "extra_open": any(forms.attribute_field(a) in errors for a in extra)})


def _price_values(product: dict, options: dict) -> dict[str, Any]:
    variant = variant_of(product)
    by_slug = {row["channel"]["slug"]: row for row in (variant or {}).get("channelListings") or []}
    mad = next((by_slug[c["slug"]]["price"] for c in options["mad_channels"]
                if c["slug"] in by_slug and by_slug[c["slug"]]["price"]), None)
    stock = stock_of(variant)
    values: dict[str, Any] = {"price": _plain(mad["amount"]) if mad else "",
                              "quantity": str(stock["quantity"]) if stock else "1",
                              "unique": variant["isOneOfAKind"] if variant else True}
    for channel in options["export_channels"]:
        row = by_slug.get(channel["slug"])
        overridden = row and row["priceOverridden"] and row["price"]
        values[f"price-{channel['slug']}"] = _plain(row["price"]["amount"]) if overridden else ""
    return values


def _plain(amount: Any) -> str:
    value = Decimal(str(amount))
    return str(value.quantize(Decimal(1)) if value == value.to_integral_value() else value.quantize(Decimal("0.01")))


def _suggestions(request: HttpRequest, price: Decimal | None) -> dict[str, dict]:
    if not price or price <= 0:
        return {}
    rows = api(request, "marketplace/PriceSuggestions", {"amount": str(price)}, channel=False,
               cache_seconds=0)["priceSuggestions"]
    return {row["channel"]["slug"]: row["price"] for row in rows}


def _price_outcome(request: HttpRequest, product: dict, price: Decimal | None) -> dict | None:
    """What saving `price` would do to a listed piece (the API's review rule), or None for a draft or a piece
    without a price yet."""
    if status(product) == "draft" or variant_of(product) is None or not price or price <= 0:
        return None
    edges = api(request, "marketplace/AtelierPriceOutcome", {"ids": [product["id"]], "price": str(price)},
                channel=False, authenticated=True, cache_seconds=0)["managedProducts"]["edges"]
    variants = edges[0]["node"]["variants"] if edges else []
    return variants[0]["priceChangeOutcome"] if variants else None


def _saved_message(request: HttpRequest, product_id: str, was: str) -> tuple[str, str]:
    """(what happened, where to go): said from the piece's status after the save, as the API decided it."""
    after = status(load_product(request, product_id))
    if was == "draft":
        return _("Sent for review: the ministry checks new pieces before they are shown in the shop."), "products/"
    if after == "rejected":
        return (_("Saved. The piece is still rejected: change what the ministry asked, then send it again for "
                  "review."), f"p/{product_id}/price/")
    if after == "review" and was != "review":
        return _("Saved: the ministry checks the change before buyers see it."), "products/"
    if after == "review":
        return _("Saved: the piece is still waiting for the ministry's review."), "products/"
    return _("Saved: buyers see the new price and stock now."), "products/"


@artisan_space
@require_http_methods(["GET", "POST"])
def price(request: HttpRequest, product_id: str) -> HttpResponse:
    """Screen 3: the MAD price, the export prices the ministry's rule suggests (overridable), the stock. A
    change that would send a published piece to review is said before it is saved."""
    product = load_product(request, product_id)
    options = form_options(request)
    errors: dict[str, list[str]] = {}
    warning = None
    if request.method == "POST":
        values = forms.price_values(request.POST, options["export_channels"])
        suggest_only = request.POST.get("action") == "suggest"
        errors = forms.price_errors(values, options["export_channels"], price_only=suggest_only)
        if not any(m["status"] != "FAILED" for m in product.get("managedMedia") or []):
            errors.setdefault("form", []).append(_("Add at least one photo of the piece."))
        if not errors and not suggest_only:
            outcome = _price_outcome(request, product, forms.number(values["price"]))
            if outcome and outcome["needsReview"] and request.POST.get("confirm") != "review":
                warning = outcome  # said first; saved when the artisan confirms
            else:
                from .saving import save_price

                was = status(product)
                errors = save_price(request, product, options, values)
                if not errors:
                    message, where = _saved_message(request, product_id, was)
                    flash(request, message)
                    return HttpResponseRedirect(space_url(request, where))
    else:
        values = _price_values(product, options)
    try:
        amount = forms.number(values["price"])
    except ValueError:
        amount = None
    suggestions = _suggestions(request, amount) if "price" not in errors else {}
    markets = [{"channel": c, "field": f"price-{c['slug']}", "suggested": suggestions.get(c["slug"])}
               for c in options["export_channels"]]
    current = _price_values(product, options)["price"] if status(product) != "draft" else ""
    band = _price_outcome(request, product, forms.number(current)) if current else None
    return render(request, "atelier/step_price.html", {
        "title": _("Price and stock"), "step": 3, "product": product, "status": status(product), "markets": markets,
        "values": values, "errors": errors, "has_photos": bool(product.get("managedMedia")), "warning": warning,
        "band": band})


@artisan_space
@require_POST
def resubmit(request: HttpRequest, product_id: str) -> HttpResponse:
    """A rejected piece, corrected: back to the ministry's review."""
    load_product(request, product_id)
    result = api(request, "marketplace/ProductReviewRequest", {"id": product_id}, channel=False, authenticated=True,
                 cache_seconds=0)["productReviewRequest"]
    if result["errors"]:
        flash(request, " ".join(sum(field_errors(result["errors"], {}).values(), [])))
    else:
        flash(request, _("Sent again for review: the ministry checks the piece again."))
    return HttpResponseRedirect(space_url(request, "products/"))
