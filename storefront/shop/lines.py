"""How a bought piece is named at every step (cart, checkout, confirmation, account): its name in the
buyer's language and the variant chosen ("Pointure : 39"), from the API's translations and attributes."""

from __future__ import annotations

from storefront.core.templatetags.sf import tr


def variant_choices(variant: dict | None) -> list[dict[str, str]]:
    """[{name, value}] of the variant's attributes (the size, the colour chosen), translated."""
    choices = []
    for selected in (variant or {}).get("attributes") or []:
        values = [tr(value) for value in selected.get("values") or [] if tr(value)]
        if values:
            choices.append({"name": tr(selected["attribute"]), "value": ", ".join(values)})
    return choices


def checkout_lines(checkout: dict) -> list[dict]:
    """The checkout's lines with the product's translated name and the variant's choices."""
    return [{**line, "name": tr(line["variant"]["product"]), "choices": variant_choices(line["variant"])}
            for line in checkout.get("lines") or []]


def order_lines(order: dict) -> list[dict]:
    """An order's lines: the product's name in the page's language, else (a product since removed) the
    name in the order's language (translatedProductName); and the variant's choices."""
    out = []
    for line in order.get("lines") or []:
        variant = line.get("variant") or {}
        product = variant.get("product") or {}
        name = tr(product) if product else line.get("translatedProductName") or line["productName"]
        out.append({**line, "name": name, "choices": variant_choices(variant)})
    return out
