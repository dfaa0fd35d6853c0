"""VAT per market. Moroccan prices are entered VAT included (20 %); exports are zero-rated: a MAD price
shipped abroad is charged net of VAT, and the EUR/USD channels have no VAT at all."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

CENT = Decimal("0.01")
VAT_COUNTRY = "MA"


@dataclass(frozen=True)
class TaxedAmount:
    gross: Decimal
    net: Decimal

    @property
    def tax(self) -> Decimal:
        return self.gross - self.net

    def __add__(self, other: TaxedAmount) -> TaxedAmount:
        return TaxedAmount(self.gross + other.gross, self.net + other.net)

    def times(self, quantity: int) -> TaxedAmount:
        return TaxedAmount(self.gross * quantity, self.net * quantity)


ZERO = TaxedAmount(Decimal("0"), Decimal("0"))


def vat_rate_for(channel_vat_rate: Decimal, destination_country: str | None) -> Decimal:
    """The rate that applies: the channel's (Morocco) unless the goods leave Morocco (zero-rated export)."""
    if not channel_vat_rate:
        return Decimal("0")
    if destination_country and destination_country != VAT_COUNTRY:
        return Decimal("0")
    return Decimal(channel_vat_rate)


@lru_cache(maxsize=8192)  # pure, and a listing asks for the same prices' net on every request
def net_of(price_incl: Decimal, rate: Decimal) -> Decimal:
    return (Decimal(price_incl) / (1 + Decimal(rate))).quantize(CENT, rounding=ROUND_HALF_UP)


def taxed(listed_price: Decimal, channel_vat_rate: Decimal, applied_rate: Decimal) -> TaxedAmount:
    """A listed price (VAT included at the channel's rate) as charged under `applied_rate`."""
    listed = Decimal(listed_price).quantize(CENT)
    if applied_rate:
        return TaxedAmount(listed, net_of(listed, applied_rate))
    net = net_of(listed, channel_vat_rate) if channel_vat_rate else listed
    return TaxedAmount(net, net)
