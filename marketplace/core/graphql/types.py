"""Shared GraphQL types with Saleor's names: money, weight, metadata, languages, countries, connections."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

import graphene
from babel import Locale

from marketplace.core.graphql.pagination import Page
from marketplace.core.models import LANGUAGE_CODES

CURRENCY_DIGITS = {"MAD": 2, "EUR": 2, "USD": 2}


class LanguageCodeEnum(graphene.Enum):
    """The languages Maalem publishes in (a subset of Saleor's LanguageCodeEnum)."""

    AR = "ar"
    EN = "en"
    FR = "fr"


class ThumbnailFormatEnum(graphene.Enum):
    ORIGINAL = "ORIGINAL"
    AVIF = "AVIF"
    WEBP = "WEBP"


class OrderDirection(graphene.Enum):
    ASC = "ASC"
    DESC = "DESC"


class WeightUnitsEnum(graphene.Enum):
    G = "g"
    LB = "lb"
    OZ = "oz"
    KG = "kg"
    TONNE = "tonne"


class Money(graphene.ObjectType):
    currency = graphene.String(required=True)
    amount = graphene.Float(required=True)
    fractional_amount = graphene.Int(required=True)
    fraction_digits = graphene.Int(required=True)

    @staticmethod
    def of(amount: Decimal, currency: str) -> dict[str, Any]:
        amount_float, fractional, digits = _money_parts(amount, currency)
        return {"currency": currency, "amount": amount_float, "fractional_amount": fractional,
                "fraction_digits": digits}


@lru_cache(maxsize=8192)  # a listing shows the same few hundred prices to every visitor
def _money_parts(amount: Decimal, currency: str) -> tuple[float, int, int]:
    digits = CURRENCY_DIGITS.get(currency, 2)
    quantized = Decimal(amount).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return float(quantized), int(quantized.scaleb(digits)), digits


class TaxedMoney(graphene.ObjectType):
    currency = graphene.String(required=True)
    gross = graphene.Field(Money, required=True)
    net = graphene.Field(Money, required=True)
    tax = graphene.Field(Money, required=True)

    @staticmethod
    def of(gross: Decimal, net: Decimal, currency: str) -> TaxedAmounts:
        """The one way amounts become GraphQL money with tax: the net comes computed (taxes/vat.py owns VAT)."""
        return TaxedAmounts(gross, net, currency)


class TaxedAmounts:
    """A TaxedMoney's value: each of gross, net and tax becomes Money only when the query selects it (a
    product card shows the gross of two prices per product, never the net or the tax)."""

    __slots__ = ("currency", "_gross", "_net")

    def __init__(self, gross: Decimal, net: Decimal, currency: str):
        self.currency, self._gross, self._net = currency, gross, net

    def __getitem__(self, key: str) -> Any:  # read as the dict it replaces: amounts["gross"]["amount"]
        if key not in ("currency", "gross", "net", "tax"):
            raise KeyError(key)
        return getattr(self, key)

    @property
    def gross(self) -> dict[str, Any]:
        return Money.of(self._gross, self.currency)

    @property
    def net(self) -> dict[str, Any]:
        return Money.of(self._net, self.currency)

    @property
    def tax(self) -> dict[str, Any]:
        return Money.of(self._gross - self._net, self.currency)


class TaxedMoneyRange(graphene.ObjectType):
    start = graphene.Field(TaxedMoney)
    stop = graphene.Field(TaxedMoney)


class Weight(graphene.ObjectType):
    unit = graphene.Field(WeightUnitsEnum, required=True)
    value = graphene.Float(required=True)

    @staticmethod
    def kg(value: Decimal | None) -> dict[str, Any] | None:
        return None if value is None else {"unit": WeightUnitsEnum.KG, "value": float(value)}


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True)
    value = graphene.String(required=True)


def _public_metadata(root: Any) -> dict[str, str]:
    return getattr(root, "metadata", None) or {}


class ObjectWithMetadata(graphene.Interface):
    metadata = graphene.NonNull(graphene.List(graphene.NonNull(MetadataItem)))
    metafield = graphene.String(key=graphene.String(required=True))

    @staticmethod
    def resolve_metadata(root: Any, info) -> list[dict[str, str]]:
        return [{"key": k, "value": str(v)} for k, v in sorted(_public_metadata(root).items())]

    @staticmethod
    def resolve_metafield(root: Any, info, key: str) -> str | None:
        value = _public_metadata(root).get(key)
        return None if value is None else str(value)


class CountryDisplay(graphene.ObjectType):
    code = graphene.String(required=True)
    country = graphene.String(required=True)

    @staticmethod
    def of(code: str, language: str = "fr") -> dict[str, str]:
        return {"code": code, "country": Locale(language).territories.get(code, code)}


class LanguageDisplay(graphene.ObjectType):
    code = graphene.Field(LanguageCodeEnum, required=True)
    language = graphene.String(required=True)

    @staticmethod
    def of(code: str) -> dict[str, Any]:
        assert code in LANGUAGE_CODES
        return {"code": code, "language": Locale(code).get_display_name(code).capitalize()}


class PageInfo(graphene.ObjectType):
    has_next_page = graphene.Boolean(required=True)
    has_previous_page = graphene.Boolean(required=True)
    start_cursor = graphene.String()
    end_cursor = graphene.String()


_connections: dict[str, type] = {}


def countable_connection(node_type: Any, name: str | None = None) -> type:
    """`<Node>CountableConnection { pageInfo edges { node cursor } totalCount }`, resolved from a Page."""
    name = name or node_type._meta.name
    if name in _connections:
        return _connections[name]

    edge = type(f"{name}CountableEdge", (graphene.ObjectType,), {
        "node": graphene.Field(node_type, required=True),
        "cursor": graphene.String(required=True),
    })

    def resolve_page_info(page: Page, info) -> dict[str, Any]:
        return {"has_next_page": page.has_next_page, "has_previous_page": page.has_previous_page,
                "start_cursor": page.cursors[0] if page.cursors else None,
                "end_cursor": page.cursors[-1] if page.cursors else None}

    def resolve_edges(page: Page, info) -> list[dict[str, Any]]:
        return [{"node": n, "cursor": c} for n, c in zip(page.nodes, page.cursors, strict=True)]

    def resolve_total_count(page: Page, info) -> int:
        return page.total_count

    connection = type(f"{name}CountableConnection", (graphene.ObjectType,), {
        "page_info": graphene.Field(PageInfo, required=True),
        "edges": graphene.NonNull(graphene.List(graphene.NonNull(edge))),
        "total_count": graphene.Int(),
        "resolve_page_info": staticmethod(resolve_page_info),
        "resolve_edges": staticmethod(resolve_edges),
        "resolve_total_count": staticmethod(resolve_total_count),
    })
    _connections[name] = connection
    return connection


def connection_args() -> dict[str, Any]:
    return {"before": graphene.String(), "after": graphene.String(), "first": graphene.Int(), "last": graphene.Int()}


class Node(graphene.Interface):
    """Saleor's `interface Node { id: ID! }`: types resolve `id` to a global ID themselves."""

    id = graphene.ID(required=True)
