"""Template helpers of the artisan space: line icons (always shown with words), language links."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

ICONS = {
    "home": "M3 11l9-8 9 8M5 10v10h14V10",
    "box": "M3 7l9-4 9 4-9 4zM3 7v10l9 4 9-4V7M12 11v10",
    "plus": "M12 5v14M5 12h14",
    "truck": "M2 6h12v10H2zM14 9h4l4 4v3h-8M6 19a2 2 0 1 0 0-.1M18 19a2 2 0 1 0 0-.1",
    "coins": "M12 3a9 9 0 1 0 .1 0M12 6.5v11M15 9c-.5-1-1.6-1.5-3-1.5-1.8 0-3 .9-3 2s1.2 1.7 3 2 3 .9 3 2-1.2 2-3 2"
             "c-1.4 0-2.5-.5-3-1.5",
    "user": "M12 12a4 4 0 1 0 .1 0M4 21c0-4 4-6 8-6s8 2 8 6",
    "camera": "M3 8h4l2-3h6l2 3h4v12H3zM12 17a4 4 0 1 0 .1 0",
    "image": "M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M15.5 8.5h.1",
    "check": "M5 12l5 5 9-10",
    "trash": "M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13",
    "tag": "M3 12V3h9l9 9-9 9zM7.5 7.5h.1",
    "pencil": "M4 20h4L20 8l-4-4L4 16zM14 6l4 4",
    "next": "M5 12h14M13 6l6 6-6 6",
    "signin": "M10 17l5-5-5-5M15 12H3M14 4h6v16h-6",
    "clock": "M12 3a9 9 0 1 0 .1 0M12 7v5l3 3",
    "alert": "M12 3l10 18H2zM12 10v5M12 18h.1",
    "file": "M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6",
    "workshop": "M3 21V10l9-6 9 6v11M9 21v-6h6v6",
}
FLIPPED = {"next", "signin"}  # arrows point the way of reading: mirrored in Arabic


@register.simple_tag
def icon(name: str) -> SafeString:
    return format_html('<svg class="icon{}" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" '
                       'focusable="false"><path d="{}"/></svg>', " flip" if name in FLIPPED else "", ICONS[name])


@register.simple_tag(takes_context=True)
def space_languages(context: template.Context) -> list[dict[str, str]]:
    """The same page of the space in each language (/ar/atelier/products/ …)."""
    request = context["request"]
    lang = getattr(request, "lang", settings.LANGUAGE_CODE)
    prefix = f"/{lang}/atelier/"
    rest = request.path[len(prefix):] if request.path.startswith(prefix) else ""
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return [{"code": code, "name": name, "url": f"/{code}/atelier/{rest}{query}", "current": code == lang}
            for code, name in settings.LANGUAGES]


@register.simple_tag(takes_context=True)
def space_flash(context: template.Context) -> str:
    """The space's one-time confirmation (shown once, then forgotten)."""
    from storefront.atelier.catalog import FLASH_KEY

    session = getattr(context["request"], "session", None)
    return session.pop(FLASH_KEY, "") if session is not None else ""
