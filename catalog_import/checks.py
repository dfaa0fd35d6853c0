"""Every product of the file checked against the API's reference data, in the same pass as the file's own
checks (a cooperative fixes its file once): artisan, category, product type, attributes and their numbers,
markets and the currencies written in price cells, warehouses. Then what is legal but probably wrong, as
warnings: a price implausible for the kind of piece (a rug at 1.20 MAD is a thousands separator read as a
decimal point), an export price above the MAD one, and on Saleor a market the file gives no price for (the
product is not listed there: Saleor has no price rule)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from catalog_import.model import Problem, ProductSpec
from catalog_import.numbers import parse_number
from catalog_import.reference import AttributeRef, Lookup, Reference

# The lowest plausible MAD price of a piece, per product type slug (below it: a warning in the dry run).
# Set from the programme's catalogue: the cheapest real pieces of each kind sell well above these.
PRICE_FLOOR_MAD = {
    "tapis": 300, "kilim": 150, "coussin": 50, "poterie": 40, "tajine": 40, "vaisselle": 20,
    "panneau-zellige": 150, "table": 300, "pouf": 100, "sac": 80, "babouches": 60, "bijou": 30,
    "boite-bois": 30, "bol-bois": 20, "lanterne": 50, "plateau": 50, "panier": 30, "chapeau": 30,
}
DEFAULT_FLOOR_MAD = 10
CEILING_MAD = 500_000
UNITS = {"CM": r"cm|سم", "M": r"m|م", "KG": r"kg|كغ|كلغ", "G": r"g|غ"}


def numeric_value(text: str, unit: str | None) -> Decimal | None:
    """A numeric attribute's value: a number, optionally followed by the attribute's own unit ("150 cm")."""
    if unit and unit in UNITS:
        text = re.sub(rf"(?i)\s*(?:{UNITS[unit]})\s*$", "", text)
    return parse_number(text).value


def _problem(product: ProductSpec, headers: dict[str, str], key: str, code: str, row: int | None = None,
             severity: str = "error", **params: Any) -> Problem:
    return Problem(row or product.rows[0], headers.get(key, key), code, params, severity)


def _reference(product: ProductSpec, headers: dict[str, str], key: str, lookup: Lookup, text: str,
               unknown: str) -> list[Problem]:
    if not text or lookup.find(text) is not None:
        return []
    choices = lookup.choices(text)
    if choices:
        return [_problem(product, headers, key, "AMBIGUOUS_REFERENCE", value=text, choices=", ".join(choices))]
    return [_problem(product, headers, key, unknown, value=text)]


def _attributes(product: ProductSpec, values: dict[str, list[str]], allowed: Lookup[AttributeRef],
                headers: dict[str, str], key: str, type_slug: str, row: int) -> list[Problem]:
    problems = []
    for name, items in values.items():
        attribute = allowed.find(name)
        if attribute is None:
            choices = allowed.choices(name)
            if choices:
                problems.append(_problem(product, headers, key, "AMBIGUOUS_REFERENCE", row, value=name,
                                         choices=", ".join(choices)))
            else:
                problems.append(_problem(product, headers, key, "UNKNOWN_ATTRIBUTE", row, value=name, other=type_slug))
        elif attribute.input_type == "NUMERIC":
            for item in items:
                if numeric_value(item, attribute.unit) is None:
                    code = parse_number(item).problem or "NOT_A_NUMBER"
                    problems.append(_problem(product, headers, key, code, row, value=item))
    return problems


def _prices(product: ProductSpec, ref: Reference, headers: dict[str, str], markets: list[str]) -> list[Problem]:
    problems = []
    type_ref = ref.product_type(product.product_type) if product.product_type else None
    floor = PRICE_FLOOR_MAD.get(type_ref.slug, DEFAULT_FLOOR_MAD) if type_ref else DEFAULT_FLOOR_MAD
    for variant in product.variants:
        for column in [k for k in variant.prices if k not in ref.channels]:  # "prix_export_eur" is export
            market = ref.market(column)
            if market is not None and market not in variant.prices:
                variant.prices[market] = variant.prices.pop(column)
                if column in variant.currencies:
                    variant.currencies[market] = variant.currencies.pop(column)
                headers.setdefault(f"price:{market}", headers.get(f"price:{column}", column))
        for market, price in variant.prices.items():
            column = f"price:{market}"
            if market not in ref.channels:
                problems.append(_problem(product, headers, column, "UNKNOWN_CHANNEL", variant.row, value=market))
                continue
            if market not in markets:
                problems.append(_problem(product, headers, column, "PRICE_WITHOUT_MARKET", variant.row, value=market))
            currency = ref.channels[market]["currency"]
            written = variant.currencies.get(market)
            if written and written != currency:
                problems.append(_problem(product, headers, column, "CURRENCY_MISMATCH", variant.row,
                                         value=f"{price}", currency=written, expected=currency))
            elif currency != "MAD" and variant.price_mad is not None and price > variant.price_mad:
                problems.append(_problem(product, headers, column, "IMPLAUSIBLE_EXPORT_PRICE", variant.row,
                                         "warning", value=f"{price}", currency=currency, mad=f"{variant.price_mad}"))
        if variant.price_mad is not None:
            if variant.price_mad < floor:
                problems.append(_problem(product, headers, "price_mad", "IMPLAUSIBLE_PRICE", variant.row, "warning",
                                         value=f"{variant.price_mad}", type=product.product_type))
            elif variant.price_mad > CEILING_MAD:
                problems.append(_problem(product, headers, "price_mad", "IMPLAUSIBLE_HIGH_PRICE", variant.row,
                                         "warning", value=f"{variant.price_mad}"))
    return problems


def unpriced_markets(products: list[ProductSpec], ref: Reference, headers: dict[str, str]) -> list[Problem]:
    """On Saleor a variant is listed only where it has a price: say which markets a file leaves out, once
    per market without a price column, else on each row whose cell is empty."""
    if ref.price_rules:
        return []
    problems = []
    columns = {k.split(":", 1)[1] for k in headers if k.startswith("price:")}
    columns |= {ref.market(c) for c in columns} - {None}  # type: ignore[arg-type]
    for market, channel in ref.channels.items():
        if channel["currency"] == "MAD":
            continue
        listed = [p for p in products if market in (p.markets or ref.channels)]
        if not listed:
            continue
        if market not in columns:
            problems.append(Problem(None, None, "UNPRICED_MARKET", {"value": channel["slug"],
                                                                    "column": f"prix_{market}"}, "warning"))
            continue
        for product in listed:
            for variant in product.variants:
                if market not in variant.prices:
                    problems.append(_problem(product, headers, f"price:{market}", "UNPRICED_MARKET", variant.row,
                                             "warning", value=channel["slug"], column=headers.get(f"price:{market}")))
    return problems


def check_products(products: list[ProductSpec], ref: Reference, headers: dict[str, str]) -> list[Problem]:
    problems: list[Problem] = []
    for product in products:
        if ref.artisans is not None and product.artisan and product.artisan not in ref.artisans:
            problems.append(_problem(product, headers, "artisan", "UNKNOWN_ARTISAN", value=product.artisan))
        problems += _reference(product, headers, "category", ref.categories, product.category, "UNKNOWN_CATEGORY")
        problems += _reference(product, headers, "product_type", ref.product_types, product.product_type,
                               "UNKNOWN_PRODUCT_TYPE")
        product_type = ref.product_type(product.product_type) if product.product_type else None
        markets = product.markets or list(ref.channels)
        for market in product.markets:
            if market not in ref.channels:
                problems.append(_problem(product, headers, "markets", "UNKNOWN_CHANNEL", value=market))
        if product_type is not None:
            problems += _attributes(product, product.attributes, product_type.product_attributes, headers,
                                    "attributes", product_type.slug, product.rows[0])
        problems += _prices(product, ref, headers, markets)
        for variant in product.variants:
            if product_type is not None:
                problems += _attributes(product, variant.attributes, product_type.variant_attributes, headers,
                                        "variant", product_type.slug, variant.row)
            if variant.stock is not None:
                warehouse = ref.warehouse_for(product.artisan, variant.warehouse)
                if warehouse not in ref.warehouses:
                    problems.append(_problem(product, headers, "warehouse" if variant.warehouse else "stock",
                                             "UNKNOWN_WAREHOUSE", variant.row, value=warehouse))
        if ref.target == "saleor":  # Saleor's thumbnails take no HEIC: it answers "Invalid file type."
            problems += [Problem(product.rows[0], photo.column, "PHOTO_NOT_ON_SALEOR", {"value": photo.path.name},
                                 "warning") for photo in product.photos if photo.format == "HEIF"]
    return problems + unpriced_markets(products, ref, headers)
