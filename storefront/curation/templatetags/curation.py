"""Template helpers of /curation/: language links of the current page, figures in the page's language."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal, format_percent
from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from storefront.core.templatetags.sf import NUMBER_LOCALES

register = template.Library()


@register.simple_tag
def language_links(request: HttpRequest) -> list[dict[str, Any]]:
    """The same curation page in each language (the path starts with /<lang>/curation/)."""
    rest = request.get_full_path()[len(request.lang) + 1:]
    return [{"code": code, "name": name, "url": f"/{code}{rest}", "current": code == request.lang}
            for code, name in settings.LANGUAGES]


def _locale() -> str:
    return NUMBER_LOCALES.get(get_language() or "fr", "fr_MA")


@register.filter
def number(value: Any, digits: int = 0) -> str:
    if value in (None, ""):
        return "—"
    quant = Decimal(1).scaleb(-int(digits))
    return format_decimal(Decimal(str(value)).quantize(quant),
                          format="#,##0" + ("." + "0" * int(digits) if digits else ""),
                          locale=_locale())


@register.filter
def mad(value: Any) -> str:
    """An amount in dirhams, written as every other price of the site in the page's language."""
    from storefront.core.templatetags.sf import format_money

    if value in (None, ""):
        return "—"
    return format_money(Decimal(str(value)), "MAD")


@register.filter
def percent(value: Any) -> str:
    if value in (None, ""):
        return "—"
    return format_percent(float(value), format="#,##0.#%", locale=_locale())


@register.filter
def get(mapping: dict | None, key: Any) -> Any:
    return (mapping or {}).get(key, "")


@register.simple_tag
def pop_flash(request: HttpRequest) -> list[str]:
    from storefront.curation.gate import FLASH_KEY

    return request.session.pop(FLASH_KEY, []) if hasattr(request, "session") else []
