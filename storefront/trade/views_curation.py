"""/<lang>/curation/trade/: the ministry verifies trade applications (approve, or reject with a reason the
shop reads in its own language) and trusts verified accounts with net-30 terms."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from storefront.curation.gate import curator_view, flash

from .client import call, field_errors
from .views_account import shop_kind_names, tax_id_kind_names

STATUSES = ("PENDING", "VERIFIED", "REJECTED")


def status_names() -> dict[str, str]:
    return {"PENDING": _("Waiting for verification"), "VERIFIED": _("Verified"), "REJECTED": _("Rejected")}


def reason_names() -> dict[str, str]:
    return {"TAX_ID_UNVERIFIED": _("The VAT or EORI number could not be verified"),
            "NO_RETAIL_ACTIVITY": _("No shop, gallery or distribution business found"),
            "INCOMPLETE": _("The application is incomplete"),
            "OUTSIDE_MARKETS": _("We do not sell wholesale in this country yet"),
            "OTHER": _("Another reason (explain in the note)")}


@curator_view
@require_http_methods(["GET", "POST"])
def applications(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "PENDING")
    errors: dict[str, dict[str, list[str]]] = {}
    if request.method == "POST":
        account, action, name = request.POST.get("account", ""), request.POST.get("action", ""), \
            request.POST.get("name", "")
        if action == "approve":
            result = call(request, "TradeAccountApprove",
                          {"id": account, "trusted": request.POST.get("trusted") == "1"})["tradeAccountApprove"]
            done = _("%(name)s is verified.") % {"name": name}
        elif action == "reject":
            result = call(request, "TradeAccountReject",
                          {"id": account, "reason": request.POST.get("reason") or "OTHER",
                                                          "note": request.POST.get("note", "").strip()})[
                "tradeAccountReject"]
            done = _("%(name)s is rejected.") % {"name": name}
        else:
            result = call(request, "TradeAccountTrustedUpdate", {"id": account,
                                                                 "trusted": request.POST.get("trusted") == "1"})[
                "tradeAccountTrustedUpdate"]
            done = _("%(name)s: payment terms saved.") % {"name": name}
        if not result["errors"]:
            flash(request, done)
            return HttpResponseRedirect(request.get_full_path())
        errors[account] = field_errors(result["errors"], {"note": "note", "reason": "reason", "trusted": "trusted"})
    page = call(request, "TradeAccounts", {"status": status if status in STATUSES else None, "first": 100})[
        "tradeAccounts"]
    return render(request, "trade/curation.html", {
        "title": _("Trade accounts"), "section": "trade", "accounts": [e["node"] for e in page["edges"]],
        "status": status, "statuses": [(s, status_names()[s]) for s in STATUSES], "status_names": status_names(),
        "reasons": reason_names(), "errors": errors, "shop_kinds": shop_kind_names(),
        "tax_id_kinds": tax_id_kind_names()})
