"""Fairs in /curation/: the list and a new fair; one fair's details (names in fr, ar, en; dates; place; the
markets it sells in; the commission on stand sales; its collection, built in the collection builder) and its
stands (artisan → stand number, hall)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from storefront.core.pages import api, found
from storefront.curation import collections_data
from storefront.curation.forms import Errors, api_errors, parse_date
from storefront.curation.gate import curator_view, flash, from_gid, to_gid

from .shop import dates

TEXT_FIELDS = ("name", "name_ar", "name_en", "city", "venue", "venue_ar", "venue_en", "map_url", "starts_on",
               "ends_on", "commission", "collection", "slug")
API_FIELDS = {"name": "name", "slug": "slug", "city": "city", "venue": "venue", "mapUrl": "map_url",
              "startsOn": "starts_on", "endsOn": "ends_on", "channels": "channels", "commissionRate": "commission",
              "collection": "collection", "translations": "name_ar", "artisan": "artisan", "number": "number",
              "hall": "hall"}


def _values(request: HttpRequest) -> dict[str, Any]:
    values: dict[str, Any] = {name: request.POST.get(name, "").strip() for name in TEXT_FIELDS}
    values["channels"] = request.POST.getlist("channels")
    return values


def _input(values: dict[str, Any]) -> tuple[dict[str, Any], Errors]:
    """The form → FairInput, or the errors to show next to the fields."""
    errors: Errors = {}
    for name in ("name", "city", "venue"):
        if not values[name]:
            errors[name] = [_("This field is required.")]
    days = {}
    for name in ("starts_on", "ends_on"):
        try:
            days[name] = parse_date(values[name])
        except ValueError:
            days[name] = None
        if days[name] is None:
            errors[name] = [_("Enter a date as YYYY-MM-DD, e.g. 2026-01-31.")]
    if not errors.get("ends_on") and not errors.get("starts_on") and days["ends_on"] < days["starts_on"]:
        errors["ends_on"] = [_("The end date must come after the start date.")]
    if not values["channels"]:
        errors["channels"] = [_("Choose at least one market.")]
    commission = Decimal(0)
    try:
        commission = Decimal(values["commission"].replace(",", ".") or "0") / 100
        if not commission.is_finite() or not 0 <= commission <= Decimal("0.5"):
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        errors["commission"] = [_("A percentage from 0 to 50.")]
    if errors:
        return {}, errors
    translations = [{"languageCode": code.upper(), "name": values[f"name_{code}"], "venue": values[f"venue_{code}"]}
                    for code in ("ar", "en") if values[f"name_{code}"]]
    payload = {"name": values["name"], "city": values["city"], "venue": values["venue"], "mapUrl": values["map_url"],
               "startsOn": days["starts_on"].isoformat(), "endsOn": days["ends_on"].isoformat(),
               "channels": values["channels"], "commissionRate": str(commission), "translations": translations,
               "collection": values["collection"] or None}
    if values["slug"]:
        payload["slug"] = values["slug"]
    return payload, errors


def _fairs(request: HttpRequest) -> list[dict[str, Any]]:
    data = api(request, "marketplace/Fairs", {"first": 100}, channel=False, authenticated=True, cache_seconds=0)
    return [{"node": e["node"], "pk": from_gid("Fair", e["node"]["id"]), "dates": dates(e["node"])}
            for e in data["fairs"]["edges"]]


@curator_view
@require_http_methods(["GET", "POST"])
def fair_list(request: HttpRequest) -> HttpResponse:
    values: dict[str, Any] = {"channels": [], "commission": "0"}
    errors: Errors = {}
    if request.method == "POST":
        values = _values(request)
        payload, errors = _input(values)
        if not errors:
            result = api(request, "marketplace/FairCreate", {"input": payload}, channel=False, authenticated=True,
                         cache_seconds=0)["fairCreate"]
            errors = api_errors(result["errors"], API_FIELDS)
            if not errors:
                flash(request, _("Fair created: now assign the stands."))
                return HttpResponseRedirect(f"/{request.lang}/curation/fairs/{from_gid('Fair', result['fair']['id'])}/")
    return render(request, "fairs/curation_fairs.html", {
        "title": _("Fairs"), "section": "fairs", "fairs": _fairs(request), "values": values, "errors": errors,
        "markets": collections_data.markets()}, status=200)


def _fair_values(fair: dict[str, Any]) -> dict[str, Any]:
    ar, en = fair.get("ar") or {}, fair.get("en") or {}
    return {"name": fair["name"], "name_ar": ar.get("name", ""), "name_en": en.get("name", ""),
            "city": fair["city"], "venue": fair["venue"], "venue_ar": ar.get("venue") or "",
            "venue_en": en.get("venue") or "", "map_url": fair.get("mapUrl") or "", "starts_on": fair["startsOn"],
            "ends_on": fair["endsOn"], "slug": fair["slug"],
            "commission": f"{Decimal(str(fair['commissionRate'] or 0)) * 100:.2f}".rstrip("0").rstrip("."),
            "collection": (fair.get("collection") or {}).get("id", ""),
            "channels": [c["slug"] for c in fair["channels"]]}


@curator_view
@require_http_methods(["GET", "POST"])
def fair_edit(request: HttpRequest, pk: int) -> HttpResponse:
    gid = to_gid("Fair", pk)
    fair = found(api(request, "marketplace/CurationFair", {"id": gid}, channel=False, authenticated=True,
                     cache_seconds=0)["fair"])
    values, errors, stand_values, stand_errors = _fair_values(fair), {}, {}, {}
    action = request.POST.get("action", "")
    if request.method == "POST" and action == "details":
        values = _values(request)
        payload, errors = _input(values)
        if not errors:
            result = api(request, "marketplace/FairUpdate", {"id": gid, "input": payload}, channel=False,
                         authenticated=True, cache_seconds=0)["fairUpdate"]
            errors = api_errors(result["errors"], API_FIELDS)
            if not errors:
                flash(request, _("Fair saved."))
                return HttpResponseRedirect(request.path)
    elif request.method == "POST" and action in ("assign", "remove"):
        stand_values = {k: request.POST.get(k, "").strip() for k in ("artisan", "number", "hall")}
        if not stand_values["artisan"]:
            stand_errors = {"artisan": [_("Choose an artisan.")]}
        elif action == "assign" and not stand_values["number"]:
            stand_errors = {"number": [_("Enter the stand's number.")]}
        else:
            name = "FairStandAssign" if action == "assign" else "FairStandRemove"
            variables = {"fair": gid, "artisan": stand_values["artisan"]}
            if action == "assign":
                variables.update(number=stand_values["number"], hall=stand_values["hall"])
            result = api(request, f"marketplace/{name}", variables, channel=False, authenticated=True,
                         cache_seconds=0)[name[0].lower() + name[1:]]
            stand_errors = {k: v for k, v in api_errors(result["errors"], API_FIELDS).items()}
            for error in result["errors"]:  # the API's own words for the rules of stands
                if error["code"] in ("STAND_TAKEN", "STAND_HAS_SALES", "ARTISAN_NOT_VERIFIED"):
                    stand_errors[API_FIELDS.get(error["field"] or "", "form")] = [_stand_message(error["code"])]
            if not stand_errors:
                flash(request, _("Stand saved.") if action == "assign" else _("Stand removed."))
                return HttpResponseRedirect(request.path)
    artisans = api(request, "marketplace/CurationArtisans", {"filter": {"verificationStatus": "VERIFIED"}},
                   channel=False, authenticated=True, cache_seconds=0)["artisans"]["edges"]
    collections, _featured = collections_data.all_collections(request)
    return render(request, "fairs/curation_fair.html", {
        "title": fair["name"], "section": "fairs", "fair": fair, "values": values, "errors": errors,
        "stand_values": stand_values, "stand_errors": stand_errors, "markets": collections_data.markets(),
        "artisans": [e["node"] for e in artisans], "collections": collections, "pk": pk},
        status=200)


def _stand_message(code: str) -> str:
    return {"STAND_TAKEN": _("This stand is already given to another artisan."),
            "STAND_HAS_SALES": _("This artisan has recorded sales at the fair: the stand stays."),
            "ARTISAN_NOT_VERIFIED": _("Only artisans verified by the ministry get a stand.")}[code]
