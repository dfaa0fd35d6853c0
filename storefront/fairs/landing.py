"""A visitor who scanned a fair's QR label lands on a product page with `?src=fair-<slug>`: the landing is
counted once (fairVisitCreate), the source is remembered in the session for the checkout (the order then
carries it, which the ministry's figures count), and the visitor is sent on to the clean URL, so a reload or
a shared link is not counted again. A landing the API cannot count never blocks the page."""

from __future__ import annotations

import logging
import re
import time

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from storefront.core.client import ApiError
from storefront.core.pages import api

logger = logging.getLogger("storefront.fairs")
SOURCE_SESSION_KEY = "fair_source"
SOURCE = re.compile(r"^fair-([a-z0-9][a-z0-9-]{0,119})$")
# The figures count orders up to 60 days after a fair; the remembered source is kept as long, at most.
SOURCE_MAX_AGE = 90 * 24 * 3600


def fair_landing(request: HttpRequest, product_slug: str) -> HttpResponse | None:
    """The redirect to the clean product URL when the request came from a fair's label, else None."""
    source = request.GET.get("src", "")
    match = SOURCE.match(source)
    if request.method != "GET" or not match:
        return None
    try:
        result = api(request, "marketplace/FairVisitCreate", {
            "fair": match.group(1), "product": product_slug, "channel": request.market["slug"]},
            channel=False, cache_seconds=0)["fairVisitCreate"]
        if not result["errors"]:
            request.session[SOURCE_SESSION_KEY] = {"source": source, "at": int(time.time())}
    except ApiError as exc:
        logger.warning("fair visit not counted: %s", exc)
    rest = request.GET.copy()
    rest.pop("src", None)
    query = rest.urlencode()
    return HttpResponseRedirect(request.path + (f"?{query}" if query else ""))


def checkout_metadata(request: HttpRequest) -> list[dict[str, str]]:
    """The checkout's `source` metadata when the visitor came from a fair's label (and not too long ago)."""
    remembered = request.session.get(SOURCE_SESSION_KEY) or {}
    if not isinstance(remembered, dict) or not SOURCE.match(str(remembered.get("source", ""))):
        return []
    if time.time() - int(remembered.get("at") or 0) > SOURCE_MAX_AGE:
        return []
    return [{"key": "source", "value": remembered["source"]}]
