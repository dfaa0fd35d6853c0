"""Listing helpers: cursor pages, sort orders and the search filters read from the query string."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

PAGE_SIZE = 24
SORTS = {
    "relevance": (_("Relevance"), None),
    "newest": (_("Newest"), {"field": "CREATED_AT", "direction": "DESC"}),
    "price-asc": (_("Price: low to high"), {"field": "MINIMAL_PRICE", "direction": "ASC"}),
    "price-desc": (_("Price: high to low"), {"field": "MINIMAL_PRICE", "direction": "DESC"}),
    "name": (_("Name"), {"field": "NAME", "direction": "ASC"}),
}
ATTRIBUTE_FILTERS = {"material": "materiau", "colour": "couleur"}


def page_args(params: QueryDict) -> dict[str, Any]:
    """`?after=` / `?before=` cursors → the connection's arguments (forward by default)."""
    if params.get("before"):
        return {"last": PAGE_SIZE, "before": params["before"][:200]}
    args: dict[str, Any] = {"first": PAGE_SIZE}
    if params.get("after"):
        args["after"] = params["after"][:200]
    return args


def page_links(connection: dict | None, params: QueryDict) -> dict[str, str | None]:
    """Query strings of the previous and next pages, keeping the other parameters."""
    info = (connection or {}).get("pageInfo") or {}
    links: dict[str, str | None] = {"previous": None, "next": None}
    for key, flag, cursor, param in (("next", "hasNextPage", "endCursor", "after"),
                                     ("previous", "hasPreviousPage", "startCursor", "before")):
        if info.get(flag) and info.get(cursor):
            query = params.copy()
            query.pop("after", None)
            query.pop("before", None)
            query[param] = info[cursor]
            links[key] = "?" + query.urlencode()
    return links


def _decimal(value: str | None) -> Decimal | None:
    if not value:
        return None
    try:
        number = Decimal(value.replace(",", ".").strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() and number >= 0 else None


def search_filters(params: QueryDict) -> tuple[dict[str, Any], dict[str, Any]]:
    """The API's ProductFilterInput from the form, and the cleaned form values to show back."""
    product_filter: dict[str, Any] = {}
    form: dict[str, Any] = {"q": params.get("q", "").strip()[:200]}
    if params.get("craft"):
        form["craft"] = params["craft"][:100]
        product_filter["categories"] = [form["craft"]]
    if params.get("artisan"):
        form["artisan"] = params["artisan"][:100]
        product_filter["artisans"] = [form["artisan"]]
    if params.get("region"):
        form["region"] = params["region"][:60]
        product_filter["regions"] = [form["region"]]
    attributes = []
    for field, slug in ATTRIBUTE_FILTERS.items():
        value = params.get(field, "").strip()[:60]
        if value:
            form[field] = value
            attributes.append({"slug": slug, "values": [value]})
    if attributes:
        product_filter["attributes"] = attributes
    low, high = _decimal(params.get("min")), _decimal(params.get("max"))
    if low is not None or high is not None:
        form["min"], form["max"] = low, high
        product_filter["price"] = {k: float(v) for k, v in (("gte", low), ("lte", high)) if v is not None}
    if params.get("stock"):
        form["stock"] = True
        product_filter["stockAvailability"] = "IN_STOCK"
    sort = params.get("sort", "")
    form["sort"] = sort if sort in SORTS else ("relevance" if form["q"] else "newest")
    return product_filter, form


def sort_order(form: dict[str, Any]) -> dict[str, str] | None:
    order = SORTS[form["sort"]][1]
    if order is None and form["q"]:
        return {"field": "RANK", "direction": "DESC"}
    return order or SORTS["newest"][1]
