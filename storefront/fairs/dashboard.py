"""The programme dashboard's fair figures (a section of its own beside the programme results): per fair, the
stand sales by artisan, craft and region, the QR scans, the orders from those visits during the fair and the
60 days after, the export share; SVG charts as the dashboard draws them, and the same figures as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from storefront.core.pages import api, found
from storefront.curation.charts import Point, bar_chart
from storefront.curation.gate import curator_view
from storefront.curation.templatetags.curation import mad, number, percent

from .curation import _fairs
from .shop import dates


def _figures(request: HttpRequest, slug: str) -> dict[str, Any]:
    return found(api(request, "marketplace/FairFigures", {"slug": slug}, channel=False, authenticated=True,
                     cache_seconds=0)["fair"])


def _bars(groups: list[dict]) -> list[Point]:
    return [Point(g["key"] or "—", float(g["salesMad"]), mad(g["salesMad"]), str(g["salesMad"])) for g in groups]


def charts(figures: dict[str, Any], rtl: bool) -> list[dict[str, Any]]:
    out = []
    for chart_id, title, desc, groups in (
            ("chart-fair-artisan", _("Stand sales by artisan (MAD)"), _("What each artisan sold on the stand."),
             figures["byArtisan"]),
            ("chart-fair-craft", _("Stand sales by craft (MAD)"), _("Top-level crafts."), figures["byCraft"]),
            ("chart-fair-region", _("Stand sales by region (MAD)"), _("The artisans' regions."), figures["byRegion"])):
        if groups:
            out.append({"id": chart_id, "title": title,
                        "svg": bar_chart(chart_id, title, desc, _bars(groups), rtl=rtl)})
    visits = [Point(_("During the fair"), float(figures["qrVisitsDuring"]), number(figures["qrVisitsDuring"]),
                    str(figures["qrVisitsDuring"])),
              Point(_("After the fair"), float(figures["qrVisitsAfter"]), number(figures["qrVisitsAfter"]),
                    str(figures["qrVisitsAfter"]))]
    if figures["qrVisits"]:
        title = _("Visits from the QR labels")
        out.append({"id": "chart-fair-visits", "title": title, "svg": bar_chart(
            "chart-fair-visits", title, _("Landings on the shop from the fair's labels."), visits, rtl=rtl)})
    return out


@curator_view
@require_GET
def figures_index(request: HttpRequest) -> HttpResponse:
    return render(request, "fairs/curation_figures_index.html", {
        "title": _("Figures per fair"), "section": "dashboard", "fairs": _fairs(request)})


@curator_view
@require_GET
def figures(request: HttpRequest, slug: str) -> HttpResponse:
    fair = _figures(request, slug)
    result = fair["figures"]
    return render(request, "fairs/curation_figures.html", {
        "title": fair["name"], "section": "dashboard", "fair": fair, "figures": result, "dates": dates(fair),
        "charts": charts(result, request.lang == "ar"), "export_share": percent(result["exportShare"]),
        "tables": [(_("By artisan"), result["byArtisan"]), (_("By craft"), result["byCraft"]),
                   (_("By region"), result["byRegion"])]})


def csv_rows(figures: dict[str, Any]) -> list[list[str]]:
    """The API's figures, flat (section, key, count, sales_mad), as the programme dashboard's CSV."""
    out = [["section", "key", "count", "sales_mad"],
           ["summary", "stand_sales", str(figures["standSalesCount"]), str(figures["standSalesMad"])],
           ["summary", "qr_visits", str(figures["qrVisits"]), ""],
           ["summary", "qr_visits_during_fair", str(figures["qrVisitsDuring"]), ""],
           ["summary", "qr_visits_after_fair", str(figures["qrVisitsAfter"]), ""],
           ["summary", "orders_from_visits", str(figures["visitOrdersCount"]), str(figures["visitOrdersMad"])],
           ["summary", "export_share", str(figures["exportShare"]), ""]]
    for section, key in (("by_artisan", "byArtisan"), ("by_craft", "byCraft"), ("by_region", "byRegion")):
        out += [[f"stand_sales_{section}", g["key"], str(g["count"]), str(g["salesMad"])] for g in figures[key]]
    return out


@curator_view
@require_GET
def figures_csv(request: HttpRequest, slug: str) -> HttpResponse:
    fair = _figures(request, slug)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(csv_rows(fair["figures"]))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="fair-{fair["slug"]}.csv"'
    return response
