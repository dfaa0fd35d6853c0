"""The programme dashboard: figures and server-rendered SVG charts of programmeResults, and its CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from storefront.core.pages import api

from .charts import Point, bar_chart, line_chart
from .forms import Errors, local_zone, parse_date
from .gate import curator_view
from .templatetags.curation import mad, number, percent

TOP_ARTISANS = 15


def _period(request: HttpRequest) -> tuple[dict[str, str], dict[str, Any], Errors]:
    """since/until dates (both days included) → the API's DateTime bounds (until is exclusive there)."""
    values = {k: request.GET.get(k, "").strip() for k in ("since", "until")}
    errors: Errors = {}
    days: dict[str, dt.date | None] = {}
    for key in ("since", "until"):
        try:
            days[key] = parse_date(values[key])
        except ValueError:
            errors[key] = [_("Enter a date as YYYY-MM-DD, e.g. 2026-01-31.")]
    if not errors and days["since"] and days["until"] and days["until"] < days["since"]:
        errors["until"] = [_("The end date must come after the start date.")]
    variables: dict[str, Any] = {"since": None, "until": None}
    if not errors:
        zone = local_zone()
        if days["since"]:
            variables["since"] = dt.datetime.combine(days["since"], dt.time.min, zone).isoformat()
        if days["until"]:
            variables["until"] = dt.datetime.combine(days["until"] + dt.timedelta(days=1), dt.time.min,
                                                     zone).isoformat()
    return values, variables, errors


def _results(request: HttpRequest, variables: dict[str, Any]) -> dict[str, Any]:
    return api(request, "marketplace/ProgrammeResults", variables, channel=False, authenticated=True,
               cache_seconds=0)["programmeResults"]


SUMMARY = (("listings_added", "listingsAdded"), ("active_artisans", "activeArtisans"),
           ("selling_artisans", "sellingArtisans"), ("sales_mad", "salesMad"),
           ("awaiting_payment_mad", "awaitingPaymentMad"), ("income_mad", "incomeMad"),
           ("income_paid_mad", "incomePaidMad"), ("income_pending_mad", "incomePendingMad"),
           ("commission_mad", "commissionMad"), ("export_margin_mad", "exportMarginMad"),
           ("platform_margin_mad", "platformMarginMad"), ("export_share", "exportShare"))
GROUPS = (("by_artisan", "byArtisan"), ("by_region", "byRegion"), ("by_craft", "byCraft"),
          ("by_market", "byMarket"), ("by_month", "byMonth"))


def _bars(groups: list[dict], field: str = "salesMad", limit: int | None = None) -> list[Point]:
    ordered = sorted(groups, key=lambda g: float(g[field]), reverse=True)[:limit]
    return [Point(g["name"] or g["key"] or "—", float(g[field]), mad(g[field]), str(g[field])) for g in ordered]


def charts(results: dict[str, Any], rtl: bool) -> list[dict[str, Any]]:
    """The dashboard's charts (those with data), each with its visible title."""
    months = results["byMonth"]
    quality = results["photoQuality"]
    out: list[dict[str, Any]] = []

    def add(chart_id: str, title: str, desc: str, points: list[Point], **kwargs: Any) -> None:
        if points:
            out.append({"id": chart_id, "title": title,
                        "svg": bar_chart(chart_id, title, desc, points, rtl=rtl, **kwargs)})

    if months:
        title = _("Sales and artisans' income by month (MAD)")
        out.append({"id": "chart-month", "title": title, "svg": line_chart(
            "chart-month", title, _("Each point is a month's total in dirhams; the table below lists the figures."),
            [(_("Sales"), "sales", [Point(m["key"], float(m["salesMad"]), mad(m["salesMad"]), str(m["salesMad"]))
                                    for m in months]),
             (_("Artisans' income (payout ledger)"), "income", [
                 Point(m["key"], float(m["incomeMad"]), mad(m["incomeMad"]), str(m["incomeMad"])) for m in months])])})
    add("chart-market", _("Sales by market (MAD)"), _("Export sales are converted to dirhams."),
        _bars(results["byMarket"]))
    add("chart-region", _("Sales by region (MAD)"), _("The artisans' regions."), _bars(results["byRegion"]))
    add("chart-craft", _("Sales by craft (MAD)"), _("Top-level crafts."), _bars(results["byCraft"]))
    add("chart-artisan", _("Artisans' income (MAD)"),
        _("What the payout ledger credits them, less commission and refunds, for the %(count)s artisans who "
          "earned the most.")
        % {"count": TOP_ARTISANS}, _bars(results["byArtisan"], "incomeMad", TOP_ARTISANS))
    add("chart-listings", _("Listings added by month"), _("New listings created each month."),
        [Point(m["key"], float(m["count"]), number(m["count"]), str(m["count"])) for m in results["listingsByMonth"]])
    if quality["photos"]:
        add("chart-photos", _("Photo quality before and after the improvement (score out of 100)"),
            _("Average score of %(count)s photos as sent, then as published.") % {"count": quality["photos"]},
            [Point(_("Before"), float(quality["averageBefore"] or 0), number(quality["averageBefore"], 1),
                   str(quality["averageBefore"])),
             Point(_("After"), float(quality["averageAfter"] or 0), number(quality["averageAfter"], 1),
                   str(quality["averageAfter"]))], css="quality")
    return out


@curator_view
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    values, variables, errors = _period(request)
    results = None if errors else _results(request, variables)
    context: dict[str, Any] = {"title": _("Programme results"), "section": "dashboard", "values": values,
                               "errors": errors, "results": results, "query": request.GET.urlencode()}
    if results:
        context["charts"] = charts(results, request.lang == "ar")
        context["tables"] = [(_("By market"), results["byMarket"]), (_("By region"), results["byRegion"]),
                             (_("By craft"), results["byCraft"]), (_("By artisan"), results["byArtisan"]),
                             (_("By month"), results["byMonth"])]
        context["export_share"] = percent(results["exportShare"])
    return render(request, "curation/dashboard.html", context, status=200)


def csv_rows(results: dict[str, Any]) -> list[list[str]]:
    """The API's CSV layout (section, key, name, then values), built from the GraphQL answer: row for row the
    API's /exports/programme-results.csv in the same language."""
    out = [["section", "key", "name", "sales_mad", "income_mad", "order_lines"]]
    for name, key in SUMMARY:
        out.append(["summary", name, "", str(results[key]), "", ""])
    quality = results["photoQuality"]
    for name, key in (("photos", "photos"), ("average_before", "averageBefore"), ("average_after", "averageAfter")):
        out.append(["photo_quality", name, "", "" if quality[key] is None else str(quality[key]), "", ""])
    for row in results["listingsByMonth"]:
        out.append(["listings_by_month", row["key"], "", str(row["count"]), "", ""])
    for section, key in GROUPS:
        for row in results[key]:
            out.append([section, row["key"], row["name"], str(row["salesMad"]), str(row["incomeMad"]),
                        str(row["orderLines"])])
    return out


@curator_view
@require_GET
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    values, variables, errors = _period(request)
    if errors:
        return dashboard(request)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(csv_rows(_results(request, variables)))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    suffix = "".join(f"-{values[k]}" for k in ("since", "until") if values[k])
    response["Content-Disposition"] = f'attachment; filename="programme-results{suffix}.csv"'
    return response
