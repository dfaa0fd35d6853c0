"""The kinds of piece as pictures: a line drawing per kind (by the product type's slug, a generic one for kinds
added later), shown with its name in the artisan's language. The first choice of a listing is made by
touching a picture, not by reading a list."""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString

PICTURES = {
    "tapis": "M10 9h28v30H10zM12 9V5m5 4V5m5 4V5m5 4V5m5 4V5m4 4V5M12 43v-4m5 4v-4m5 4v-4m5 4v-4m5 4v-4m4 4v-4"
             "M24 15l8 9-8 9-8-9z",
    "kilim": "M8 10h32v28H8zM8 18l4 4 4-4 4 4 4-4 4 4 4-4 4 4 4-4M8 30l4-4 4 4 4-4 4 4 4-4 4 4 4-4 4 4",
    "coussin": "M10 12q14-4 28 0 4 12 0 24-14 4-28 0-4-12 0-24zM18 24h12",
    "poterie": "M18 6h12M20 6c0 6-8 8-8 18s6 16 12 16 12-6 12-16-8-12-8-18M14 30h20",
    "tajine": "M24 6v4M24 10c-6 6-12 14-14 22h28c-2-8-8-16-14-22zM6 32h36M10 32c2 5 26 5 28 0",
    "vaisselle": "M6 24a18 8 0 1 0 36 0 18 8 0 1 0-36 0zM14 24a10 4 0 1 0 20 0 10 4 0 1 0-20 0z",
    "panneau-zellige": "M8 8h32v32H8zM24 12l4 8 8 4-8 4-4 8-4-8-8-4 8-4z",
    "table": "M8 16a16 5 0 1 0 32 0 16 5 0 1 0-32 0zM12 19v19M36 19v19M24 21v17",
    "pouf": "M8 20a16 6 0 1 0 32 0 16 6 0 1 0-32 0zM8 20v10c0 4 7 8 16 8s16-4 16-8V20",
    "sac": "M10 18h28l-3 22H13zM17 18c0-6 3-10 7-10s7 4 7 10",
    "babouches": "M6 30c0-6 6-10 14-10h6c6 0 16 3 16 8s-4 6-10 6H12c-4 0-6-1-6-4zM20 20c2 4 6 6 12 7",
    "bijou": "M10 8c0 14 6 22 14 22s14-8 14-22M24 30v4M20 38a4 4 0 1 0 8 0 4 4 0 1 0-8 0z",
    "boite-bois": "M8 18l16-8 16 8v16l-16 8-16-8zM8 18l16 8 16-8M24 26v16",
    "bol-bois": "M6 20h36c0 10-8 18-18 18S6 30 6 20zM18 38h12",
    "lanterne": "M24 4v4M18 8h12M16 14l2-6h12l2 6M16 14h16v18H16zM16 32l4 8h8l4-8M24 14v18",
    "plateau": "M6 26a18 6 0 1 0 36 0 18 6 0 1 0-36 0zM10 26a14 4 0 1 0 28 0M12 30l-2 8M36 30l2 8",
    "panier": "M8 20h32l-4 18H12zM14 20c0-8 4-12 10-12s10 4 10 12M10 26h28M11 32h26",
    "chapeau": "M4 32a20 6 0 1 0 40 0 20 6 0 1 0-40 0zM14 31c0-10 4-18 10-18s10 8 10 18",
}
ANY_KIND = "M6 14l18-8 18 8-18 8zM6 14v20l18 8 18-8V14M24 22v20"


def picture(slug: str) -> SafeString:
    return format_html('<svg class="kind-picture" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" '
                       'focusable="false"><path d="{}"/></svg>', PICTURES.get(slug, ANY_KIND))


def kind_cards(types: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The kinds for the picture grid: id, name (already in the page's language), picture."""
    return [{"id": t["id"], "name": t["name"], "slug": t["slug"], "picture": picture(t["slug"])} for t in types]
