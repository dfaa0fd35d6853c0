"""`Checkout.importVatEstimate` (marketplace extension): what the destination country will likely charge on
arrival, for the export checkout's duties note. The rates are `taxes/import_vat.py`'s."""

from __future__ import annotations

import graphene

from marketplace.checkout.pricing import load_checkout_info
from marketplace.core.graphql.types import CountryDisplay, Money
from marketplace.taxes.import_vat import ImportVatEstimate as Estimate
from marketplace.taxes.import_vat import import_vat_estimate


class ImportVatEstimate(graphene.ObjectType):
    class Meta:
        description = ("Marketplace extension: the import VAT a destination country charges on arrival on the "
                       "goods and the delivery, estimated for the buyer; the shop does not collect it.")

    country = graphene.Field(CountryDisplay, required=True)
    rate = graphene.Float(required=True, description="The country's standard VAT rate, in percent.")
    amount = graphene.Field(Money, required=True, description=(
        "The rate applied to the checkout's total price (gross), rounded to a whole unit of its currency."))

    @staticmethod
    def resolve_country(root: tuple[Estimate, str], info) -> dict:
        return CountryDisplay.of(root[0].country)

    @staticmethod
    def resolve_rate(root: tuple[Estimate, str], info) -> float:
        return float(root[0].rate_percent)

    @staticmethod
    def resolve_amount(root: tuple[Estimate, str], info) -> dict:
        return Money.of(root[0].amount, root[1])


def resolve_import_vat_estimate(checkout, country_code: str | None) -> tuple[Estimate, str] | None:
    """The estimate for `country_code`, else the shipping address's country; None without a rule."""
    country = getattr(country_code, "value", country_code)
    if not country and checkout.shipping_address is not None:
        country = checkout.shipping_address.country
    estimate = import_vat_estimate(country, load_checkout_info(checkout).total.gross)
    return None if estimate is None else (estimate, checkout.channel.currency_code)
