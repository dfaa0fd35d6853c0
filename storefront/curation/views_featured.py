"""The home page's featured collections: which ones, in which order (numbered positions, no script)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from storefront.core.pages import api

from . import collections_data as data
from .forms import Errors, api_errors
from .gate import curator_view, flash


def _chosen(request: HttpRequest, known: set[str], current: list[str]) -> tuple[list[str], Errors]:
    """The ticked collections ordered by their typed positions (blank: after the numbered ones); on a tie,
    the collection whose number was changed goes first (typing 1 puts it at the top)."""
    errors: Errors = {}
    ranked = []
    for index, cid in enumerate(c for c in request.POST.getlist("featured") if c in known):
        raw = request.POST.get(f"pos-{cid}", "").strip()
        if raw and not (raw.isdigit() and int(raw) >= 1):
            errors[f"pos-{cid}"] = [_("Enter a whole number, 1 or more.")]
            continue
        position = int(raw) if raw else 10_000
        unchanged = cid in current and current.index(cid) + 1 == position
        ranked.append((position, unchanged, index, cid))
    return [cid for *_key, cid in sorted(ranked)], errors


@curator_view
@require_http_methods(["GET", "POST"])
def featured(request: HttpRequest) -> HttpResponse:
    collections, current = data.all_collections(request)
    errors: Errors = {}
    posted = None
    if request.method == "POST":
        order, errors = _chosen(request, {c["id"] for c in collections}, current)
        if not errors:
            result = api(request, "marketplace/FeaturedCollectionsSet", {"collections": order}, channel=False,
                         authenticated=True, cache_seconds=0)["featuredCollectionsSet"]
            errors = api_errors(result["errors"])
        if not errors:
            flash(request, _("The home page now shows %(count)s featured collections in this order.")
                             % {"count": len(order)})
            return HttpResponseRedirect(request.path)
        posted = {"featured": set(request.POST.getlist("featured")),
                  "pos": {k[4:]: v for k, v in request.POST.items() if k.startswith("pos-")}}
    # Featured ones first in their order, then the others by name.
    rank = {cid: i for i, cid in enumerate(current)}
    collections.sort(key=lambda c: (rank.get(c["id"], len(rank)), c["name"].casefold()))
    rows = []
    for c in collections:
        if posted is None:
            checked = c["id"] in rank
            position = str(rank[c["id"]] + 1) if checked else ""
        else:
            checked, position = c["id"] in posted["featured"], posted["pos"].get(c["id"], "")
        rows.append({**c, "checked": checked, "position": position, "publication": data.publication(c)})
    return render(request, "curation/featured.html", {"title": _("Featured collections on the home page"),
                                                      "section": "featured", "rows": rows, "errors": errors})
