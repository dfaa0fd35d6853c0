"""Artisans: verification (verify, reject, back to pending) and the ministry's labels."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from storefront.core.pages import api

from .forms import Errors, api_errors
from .gate import curator_view, flash

STATUSES = ("PENDING", "VERIFIED", "REJECTED")


def status_names() -> dict[str, str]:
    return {"PENDING": _("Waiting for verification"), "VERIFIED": _("Verified"), "REJECTED": _("Rejected")}


def _load(request: HttpRequest, status: str, q: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    artisan_filter: dict[str, Any] = {}
    if status in STATUSES:
        artisan_filter["verificationStatus"] = status
    if q:
        artisan_filter["search"] = q
    result = api(request, "marketplace/CurationArtisans", {"filter": artisan_filter or None}, channel=False,
                 authenticated=True, cache_seconds=0)
    labels: dict[str, dict] = {}
    for edge in result["allLabels"]["edges"]:
        for label in edge["node"]["labels"]:
            labels.setdefault(label["slug"], label)
    artisans = [e["node"] for e in result["artisans"]["edges"]]
    return artisans, sorted(labels.values(), key=lambda lb: lb["slug"])


@curator_view
@require_http_methods(["GET", "POST"])
def artisans(request: HttpRequest) -> HttpResponse:
    status, q = request.GET.get("status", ""), request.GET.get("q", "").strip()
    errors: dict[str, Errors] = {}
    if request.method == "POST":
        artisan, action = request.POST.get("artisan", ""), request.POST.get("action", "")
        name = request.POST.get("name", "")
        if action == "verification":
            new = request.POST.get("status", "")
            if new not in STATUSES:
                result = {"errors": [{"field": "status", "code": "INVALID", "message": ""}]}
            else:
                result = api(request, "marketplace/ArtisanVerificationUpdate", {"id": artisan, "status": new},
                             channel=False, authenticated=True, cache_seconds=0)["artisanVerificationUpdate"]
            done = _("%(name)s: %(status)s.") % {"name": name, "status": status_names().get(new, new)}
        else:
            had = set(request.POST.getlist("had"))
            wanted = set(request.POST.getlist("labels"))
            result = api(request, "marketplace/ArtisanLabelsUpdate", {
                "id": artisan, "addLabels": sorted(wanted - had), "removeLabels": sorted(had - wanted)},
                channel=False, authenticated=True, cache_seconds=0)["artisanLabelsUpdate"]
            done = _("%(name)s: labels saved.") % {"name": name}
        if not result["errors"]:
            flash(request, done)
            return HttpResponseRedirect(request.get_full_path())
        errors[artisan] = api_errors(result["errors"], {"status": "status", "addLabels": "labels",
                                                        "removeLabels": "labels"})
        unknown = [e["message"].partition(":")[2].strip() for e in result["errors"] if e.get("code") == "NOT_FOUND"
                   and e.get("field") in ("addLabels", "removeLabels")]
        if unknown:
            errors[artisan]["labels"] = [_("This label does not exist: %(slug)s") % {"slug": unknown[0]}]
    rows, labels = _load(request, status, q)
    names = status_names()
    for row in rows:
        row["status_name"] = names.get(row["verificationStatus"], row["verificationStatus"])
        row["label_slugs"] = [lb["slug"] for lb in row["labels"]]
    return render(request, "curation/artisans.html", {
        "title": _("Artisans"), "section": "artisans", "artisans": rows, "labels": labels, "errors": errors,
        "status": status, "q": q, "statuses": [(s, names[s]) for s in STATUSES]})
