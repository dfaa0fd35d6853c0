"""Add a piece in three screens: (1) photos, improved by the API's pipeline, with advice; (2) name, craft,
materials, dimensions, description; (3) price in MAD with the markets' suggestions, stock, submit.

The product is created as a draft on the first upload (photos need a product), with its next screen kept
in its metadata: an artisan who stops midway finds the draft in "My products" and carries on."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
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
    photo,
    space_url,
    status,
    stock_of,
    variant_of,
)
from .client import field_errors, upload
from .gate import artisan_space

MAX_PHOTOS_PER_POST = 8


def _files(request: HttpRequest) -> list:
    return [f for f in request.FILES.getlist("camera") + request.FILES.getlist("photos") if f.size]


def _set_step(request: HttpRequest, product_id: str, step: str) -> None:
    api(request, "saleor/ProductUpdate", {"id": product_id, "input": {"metadata": [{"key": STEP_KEY, "value": step}]}},
        channel=False, authenticated=True, cache_seconds=0)


def _upload_photos(request: HttpRequest, product_id: str, files: list) -> list[str]:
    """Send each photo to productMediaCreate; the messages of those refused (the others are kept)."""
    problems = []
    for file in files[:MAX_PHOTOS_PER_POST]:
        result = upload(request, "marketplace/ProductMediaUpload", {"product": product_id, "alt": ""},
                        {"image": file})["productMediaCreate"]
        for message in field_errors(result["errors"], {}).values():
            problems.append(f"{file.name}: {' '.join(message)}")
    if len(files) > MAX_PHOTOS_PER_POST:
        problems.append(_("Only %(count)s photos at a time: add the others again.") % {"count": MAX_PHOTOS_PER_POST})
    return problems


@artisan_space
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    """Screen 1 before the piece exists: its kind and the first photos."""
    options = form_options(request)
    values = {"kind": request.POST.get("kind", "")}
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        files = _files(request)
        if not values["kind"]:
            errors["kind"] = [_("Choose what kind of piece it is.")]
        elif values["kind"] not in options["type_by_id"]:
            errors["kind"] = [_("This choice no longer exists: choose again.")]
        if not files:
            errors["photos"] = [_("Add at least one photo of the piece.")]
        if not errors:
            name = _("New piece of %(date)s") % {"date": timezone.localtime().strftime("%d/%m/%Y %H:%M")}
            created = api(request, "marketplace/ManagedProductCreate", {"input": {
                "productType": values["kind"], "name": name, "artisan": request.workshop.artisan_id,
                "metadata": [{"key": STEP_KEY, "value": "details"}]}},
                channel=False, authenticated=True, cache_seconds=0)["productCreate"]
            errors = field_errors(created["errors"], {"productType": "kind"})
            if not errors:
                product_id = created["product"]["id"]
                problems = _upload_photos(request, product_id, files)
                if problems:
                    return _photos_page(request, load_product(request, product_id), problems)
                return HttpResponseRedirect(space_url(request, f"p/{product_id}/photos/"))
    return render(request, "atelier/step_photos.html", {
        "title": _("Add a piece"), "step": 1, "options": options, "values": values, "errors": errors,
        "product": None, "photos": []})


def _photos_page(request: HttpRequest, product: dict, problems: list[str] | None = None) -> HttpResponse:
    return render(request, "atelier/step_photos.html", {
        "title": _("Photos"), "step": 1, "product": product, "status": status(product), "values": {},
        "errors": {"photos": problems} if problems else {},
        "photos": [photo(m, request.lang) for m in product.get("media") or []]})


@artisan_space
@require_http_methods(["GET", "POST"])
def photos(request: HttpRequest, product_id: str) -> HttpResponse:
    """Screen 1 of an existing piece: each photo before and after the pipeline, its advice, more photos."""
    product = load_product(request, product_id)
    if request.method == "POST":
        files = _files(request)
        problems = _upload_photos(request, product_id, files) if files else [_("Add at least one photo of the piece.")]
        if problems:
            return _photos_page(request, load_product(request, product_id), problems)
        return HttpResponseRedirect(space_url(request, f"p/{product_id}/photos/"))
    return _photos_page(request, product)


@artisan_space
@require_POST
def photo_delete(request: HttpRequest, product_id: str) -> HttpResponse:
    product = load_product(request, product_id)
    media_id = request.POST.get("media", "")
    if media_id in {m["id"] for m in product.get("media") or []}:
        result = api(request, "saleor/ProductMediaDelete", {"id": media_id}, channel=False, authenticated=True,
                     cache_seconds=0)["productMediaDelete"]
        if not result["errors"]:
            flash(request, _("The photo is removed."))
    return HttpResponseRedirect(space_url(request, f"p/{product_id}/photos/"))


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


@artisan_space
@require_http_methods(["GET", "POST"])
def details(request: HttpRequest, product_id: str) -> HttpResponse:
    """Screen 2: name (fr/ar), craft, the kind's attributes (materials, dimensions…), description."""
    product = load_product(request, product_id)
    options = form_options(request)
    kind = options["type_by_id"].get(product["productType"]["id"]) or {"productAttributes": []}
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
    # Materials (the kind's first multiple choice) and sizes up front; the rest folded away, optional.
    first_multi = next((a["id"] for a in attributes if a["inputType"] == "MULTISELECT"), None)
    main = [a for a in attributes if a["inputType"] == "NUMERIC" or a["id"] == first_multi]
    extra = [a for a in attributes if a not in main]
    return render(request, "atelier/step_details.html", {
        "title": _("About the piece"), "step": 2, "product": product, "status": status(product), "options": options,
        "main_attributes": main, "extra_attributes": extra, "values": values, "errors": errors,
        "extra_open": any(forms.attribute_field(a) in errors for a in extra)})


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


@artisan_space
@require_http_methods(["GET", "POST"])
def price(request: HttpRequest, product_id: str) -> HttpResponse:
    """Screen 3: the MAD price, the export prices the ministry's rule suggests (overridable), the stock."""
    product = load_product(request, product_id)
    options = form_options(request)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        values = forms.price_values(request.POST, options["export_channels"])
        suggest_only = request.POST.get("action") == "suggest"
        errors = forms.price_errors(values, options["export_channels"], price_only=suggest_only)
        if not product.get("media"):
            errors.setdefault("form", []).append(_("Add at least one photo of the piece."))
        if not errors and not suggest_only:
            from .saving import save_price

            was_draft = status(product) == "draft"
            errors = save_price(request, product, options, values)
            if not errors:
                flash(request, _("Sent for review: the ministry checks new pieces before they are "
                                            "shown in the shop.") if was_draft else _("Saved."))
                return HttpResponseRedirect(space_url(request, "products/"))
    else:
        values = _price_values(product, options)
    try:
        amount = forms.number(values["price"])
    except ValueError:
        amount = None
    suggestions = _suggestions(request, amount) if "price" not in errors else {}
    markets = [{"channel": c, "field": f"price-{c['slug']}", "suggested": suggestions.get(c["slug"])}
               for c in options["export_channels"]]
    return render(request, "atelier/step_price.html", {
        "title": _("Price and stock"), "step": 3, "product": product, "status": status(product), "markets": markets,
        "values": values, "errors": errors, "has_photos": bool(product.get("media"))})
