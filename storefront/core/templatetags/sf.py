"""Template helpers: translated fields, prices in the visitor's locale, responsive pictures, rich text."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from babel import Locale
from babel.numbers import format_currency
from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()
# Latin digits in every language: prices must read the same on a receipt and a bank transfer.
NUMBER_LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en_GB"}


@register.filter
def tr(obj: dict | None, field: str = "name") -> Any:
    """The translated value of `field` when the API has one, else the original."""
    if not obj:
        return ""
    translated = (obj.get("translation") or {}).get(field)
    return translated or obj.get(field) or ""


BASE_LANGUAGE = "fr"  # the catalogue's own language: its untranslated text is French


def in_page_language(obj: dict | None, field: str) -> str:
    """The translated value of `field`; the catalogue's own (French) value only on a French page, so an
    Arabic or English page never shows French text where a translation is missing ("" instead)."""
    if not obj:
        return ""
    translated = (obj.get("translation") or {}).get(field)
    if translated:
        return translated
    return (obj.get(field) or "") if (get_language() or BASE_LANGUAGE) == BASE_LANGUAGE else ""


def seo_description(obj: dict | None) -> str:
    """A page's meta description in the page's language: the SEO text, else the description's words."""
    return (in_page_language(obj, "seoDescription") or plain_text(in_page_language(obj, "description")))[:300]


@register.filter
def money(price: dict | None) -> str:
    """{amount, currency} → "1 250 MAD" in the page's language."""
    if not price:
        return ""
    return format_money(price["amount"], price["currency"])


def format_money(amount: Any, currency: str, lang: str | None = None) -> str:
    locale = NUMBER_LOCALES.get(lang or get_language() or "fr", "fr_MA")
    value = Decimal(str(amount))
    if value == value.to_integral_value():  # whole prices (most of the catalogue) without ",00"
        pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0].replace(".00", "")
        return format_currency(value, currency, locale=locale, currency_digits=False, format=pattern)
    return format_currency(value, currency, locale=locale)


@register.filter
def start_price(product: dict) -> dict | None:
    try:
        return product["pricing"]["priceRange"]["start"]["gross"]
    except (KeyError, TypeError):
        return None


@register.simple_tag
def picture(image: dict | None, sizes: str = "(min-width: 60em) 25vw, 50vw", loading: str = "lazy",
            css: str = "") -> SafeString:
    """A <picture> with AVIF, WebP and JPEG sources. `image` holds avif/webp/jpeg URL maps by width."""
    if not image or not image.get("jpeg"):
        alt = (image or {}).get("alt") or ""
        if not alt:
            return format_html('<div class="noimg {}" aria-hidden="true"></div>', css)
        return format_html('<div class="noimg {}" role="img" aria-label="{}"></div>', css, alt)
    sources = []
    for fmt, mime in (("avif", "image/avif"), ("webp", "image/webp")):
        srcset = _srcset(image.get(fmt))
        if srcset:
            sources.append(format_html('<source type="{}" srcset="{}" sizes="{}">', mime, srcset, sizes))
    jpeg = image["jpeg"]
    smallest = jpeg[min(jpeg)] if isinstance(jpeg, dict) else jpeg
    return format_html('<picture class="{}">{}<img src="{}" srcset="{}" sizes="{}" alt="{}" loading="{}" '
                       'decoding="async"></picture>', css, mark_safe("".join(sources)), smallest,
                       _srcset(jpeg), sizes, image.get("alt") or "", loading)


def _srcset(urls: Any) -> str:
    if not urls:
        return ""
    if isinstance(urls, str):
        return urls
    # Several requested widths may resolve to the same stored derivative: list each file once.
    seen: dict[str, int] = {}
    for width in sorted(urls):
        seen.setdefault(urls[width], width)
    return ", ".join(f"{url} {width}w" for url, width in seen.items())


@register.filter
def card_image(node: dict) -> dict | None:
    """A product card's thumbnail fields (aliases thumbAvif / thumbWebp / thumbJpeg) as a picture()."""
    jpeg = node.get("thumbJpeg")
    if not jpeg:
        return None
    # The card's link says the piece's name next to the photo: the photo itself is decorative here.
    return {"alt": "", "jpeg": {512: jpeg["url"]},
            "webp": {512: (node.get("thumbWebp") or {}).get("url")},
            "avif": {512: (node.get("thumbAvif") or {}).get("url")}}


def editorjs(value: Any) -> tuple[list[dict], str | None]:
    """The blocks of an EditorJS value (a dict or its JSON text), and the text itself when it is not JSON."""
    if not value:
        return [], None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [], value
    return (value.get("blocks", []) if isinstance(value, dict) else []), None


def block_texts(blocks: list[dict]) -> list[str]:
    return [(block.get("data") or {}).get("text", "") for block in blocks]


@register.filter
def rich_text(value: Any) -> SafeString:
    """EditorJS JSON (the API's description) → escaped paragraphs and lists."""
    blocks, raw = editorjs(value)
    if raw is not None:
        return format_html("<p>{}</p>", raw)
    parts = []
    for block in blocks:
        data = block.get("data") or {}
        if block.get("type") == "list":
            parts.append(format_html("<ul>{}</ul>",
                                     format_html_join("", "<li>{}</li>", ((i,) for i in data.get("items", [])))))
        elif data.get("text"):
            parts.append(format_html("<p>{}</p>", _strip_tags(data["text"])))
    return mark_safe("".join(parts))


def plain_text(value: Any) -> str:
    blocks, raw = editorjs(value)
    if raw is not None:
        return raw
    return " ".join(_strip_tags(text) for text in block_texts(blocks)).strip()


register.filter("plain_text", plain_text)


def _strip_tags(text: str) -> str:
    from django.utils.html import strip_tags

    return strip_tags(text)


@register.filter
def json_ld(data: dict) -> SafeString:
    """A JSON-LD <script> body, safe against a closing tag inside the data."""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return mark_safe(text)


@register.filter
def get_item(mapping: dict | None, key: Any) -> Any:
    return (mapping or {}).get(key, "")


@register.filter
def bg_image(node: dict) -> dict | None:
    """A collection's background image (aliases bgWebp / bgAvif) as a decorative picture(): the
    collection's name is the link text next to it."""
    jpeg = node.get("backgroundImage")
    if not jpeg:
        # No background image: the collection's first piece's photo.
        first = next((edge["node"] for edge in (node.get("products") or {}).get("edges", [])), None)
        return {**card_image(first), "alt": ""} if first and card_image(first) else None
    return {"alt": "", "jpeg": {512: jpeg["url"]}, "webp": {512: (node.get("bgWebp") or {}).get("url")},
            "avif": {512: (node.get("bgAvif") or {}).get("url")}}


@register.filter
def country_name(code: str | dict | None) -> str:
    """A country's name in the page's language (Babel's CLDR data), from its code or a {code} object."""
    if isinstance(code, dict):
        code = code.get("code")
    if not code:
        return ""
    return Locale.parse(get_language() or "fr").territories.get(code, code)


@register.filter
def choice(value: dict | None) -> SafeString:
    """A variant's chosen attribute, "Pointure : 39" / "Size: 39", the value isolated (right to left safe)."""
    if not value:
        return mark_safe("")
    from django.utils.translation import gettext

    return format_html(gettext("{name}: {value}").replace("{value}", "<bdi>{value}</bdi>"),
                       name=value["name"], value=value["value"])


@register.filter
def isodate(value: str | None) -> str:
    """"2026-12-04" (or a date-time) → the date written in the page's language ("4 déc. 2026")."""
    if not value:
        return ""
    from datetime import date

    from babel.dates import format_date

    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return format_date(day, format="medium", locale=NUMBER_LOCALES.get(get_language() or "fr", "fr_MA"))
