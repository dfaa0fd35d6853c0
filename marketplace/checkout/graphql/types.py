"""Saleor's Checkout and CheckoutLine: every price comes from checkout/pricing.py."""

from __future__ import annotations

import graphene
from django.conf import settings

from marketplace.accounts.graphql.address_types import Address, CountryCode
from marketplace.catalog.graphql.product_types import ProductVariant
from marketplace.channels.graphql.types import Channel
from marketplace.checkout import selectors
from marketplace.checkout.graphql.import_vat import ImportVatEstimate, resolve_import_vat_estimate
from marketplace.checkout.pricing import load_checkout_info
from marketplace.core.graphql.channel_context import ChannelContext
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import (
    LanguageCodeEnum,
    Money,
    Node,
    ObjectWithMetadata,
    TaxedMoney,
    Weight,
)
from marketplace.payments import gateways
from marketplace.payments.graphql.types import PaymentGateway, TransactionItem
from marketplace.shipping.graphql.types import DeliveryMethod, ShippingMethod, Warehouse


def taxed(amount, currency: str) -> dict:
    """A TaxedAmount (taxes/vat.py) as GraphQL money."""
    return TaxedMoney.of(amount.gross, amount.net, currency)


class CheckoutChargeStatusEnum(graphene.Enum):
    NONE = "NONE"
    PARTIAL = "PARTIAL"
    FULL = "FULL"
    OVERCHARGED = "OVERCHARGED"


class CheckoutAuthorizeStatusEnum(graphene.Enum):
    NONE = "NONE"
    PARTIAL = "PARTIAL"
    FULL = "FULL"


class CheckoutLine(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    variant = graphene.Field(ProductVariant, required=True)
    quantity = graphene.Int(required=True)
    unit_price = graphene.Field(TaxedMoney, required=True)
    undiscounted_unit_price = graphene.Field(Money, required=True)
    total_price = graphene.Field(TaxedMoney, required=True)
    undiscounted_total_price = graphene.Field(Money, required=True)
    requires_shipping = graphene.Boolean(required=True)
    is_gift = graphene.Boolean()

    # root: pricing.LineInfo
    @staticmethod
    def resolve_id(root, info):
        return to_global_id("CheckoutLine", root.line.pk)

    @staticmethod
    def resolve_metadata(root, info):
        return [{"key": k, "value": str(v)} for k, v in sorted(root.line.metadata.items())]

    @staticmethod
    def resolve_variant(root, info):
        return ChannelContext(root.line.variant, root.line.checkout.channel)

    @staticmethod
    def resolve_quantity(root, info):
        return root.line.quantity

    @staticmethod
    def resolve_unit_price(root, info):
        return taxed(root.unit, root.line.checkout.channel.currency_code)

    @staticmethod
    def resolve_undiscounted_unit_price(root, info):
        return Money.of(root.unit.gross, root.line.checkout.channel.currency_code)

    @staticmethod
    def resolve_total_price(root, info):
        return taxed(root.total, root.line.checkout.channel.currency_code)

    @staticmethod
    def resolve_undiscounted_total_price(root, info):
        return Money.of(root.total.gross, root.line.checkout.channel.currency_code)

    @staticmethod
    def resolve_requires_shipping(root, info):
        return root.requires_shipping

    @staticmethod
    def resolve_is_gift(root, info):
        return False


def _charged(checkout) -> tuple:
    """The checkout's transactions and what they charged: read once per answer (chargeStatus, authorizeStatus
    and totalBalance all need them), on the checkout the answer resolves, which no write follows."""
    cached = checkout.__dict__.get("_charged")
    if cached is None:
        items = selectors.transactions(checkout)
        cached = checkout._charged = (items, sum((t.charged_value - t.refunded_value for t in items), 0))
    return cached


class Checkout(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    channel = graphene.Field(Channel, required=True)
    billing_address = graphene.Field(Address)
    shipping_address = graphene.Field(Address)
    customer_note = graphene.String(required=True)
    shipping_methods = graphene.NonNull(graphene.List(graphene.NonNull(ShippingMethod)))
    available_collection_points = graphene.NonNull(graphene.List(graphene.NonNull(Warehouse)))
    available_payment_gateways = graphene.NonNull(graphene.List(graphene.NonNull(PaymentGateway)))
    email = graphene.String()
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    stock_reservation_expires = graphene.DateTime()
    lines = graphene.NonNull(graphene.List(graphene.NonNull(CheckoutLine)))
    shipping_price = graphene.Field(TaxedMoney, required=True)
    shipping_method = graphene.Field(ShippingMethod)
    delivery_method = graphene.Field(DeliveryMethod)
    subtotal_price = graphene.Field(TaxedMoney, required=True)
    tax_exemption = graphene.Boolean(required=True)
    token = graphene.UUID(required=True)
    total_price = graphene.Field(TaxedMoney, required=True)
    total_balance = graphene.Field(Money, required=True)
    language_code = graphene.Field(LanguageCodeEnum, required=True)
    transactions = graphene.List(graphene.NonNull(TransactionItem))
    display_gross_prices = graphene.Boolean(required=True)
    authorize_status = graphene.Field(CheckoutAuthorizeStatusEnum, required=True)
    charge_status = graphene.Field(CheckoutChargeStatusEnum, required=True)
    weight = graphene.Field(Weight, description="Chargeable weight (marketplace extension).")
    import_vat_estimate = graphene.Field(
        ImportVatEstimate,
        country_code=graphene.Argument(CountryCode, description="The destination; by default the shipping "
                                                                "address's country."),
        description=("Marketplace extension: the import VAT the destination country will likely charge on "
                     "arrival (its standard rate on this checkout's total price). Null where no simple rule is "
                     "known: only the EU countries, the United Kingdom, Switzerland and Norway have one."))

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Checkout", root.pk)

    @staticmethod
    def resolve_token(root, info):
        return root.pk

    @staticmethod
    def resolve_shipping_methods(root, info):
        return load_checkout_info(root).shipping_methods

    @staticmethod
    def resolve_available_collection_points(root, info):
        return load_checkout_info(root).collection_points

    @staticmethod
    def resolve_available_payment_gateways(root, info):
        return gateways.available_gateways(root.channel)

    @staticmethod
    def resolve_is_shipping_required(root, info):
        return load_checkout_info(root).is_shipping_required

    @staticmethod
    def resolve_quantity(root, info):
        return load_checkout_info(root).quantity

    @staticmethod
    def resolve_stock_reservation_expires(root, info):
        if settings.CHECKOUT_RESERVATION_SECONDS <= 0 or not load_checkout_info(root).lines:
            return None
        return selectors.reservation_expires(root)

    @staticmethod
    def resolve_lines(root, info):
        return load_checkout_info(root).lines

    @staticmethod
    def resolve_shipping_price(root, info):
        return taxed(load_checkout_info(root).shipping_price, root.channel.currency_code)

    @staticmethod
    def resolve_shipping_method(root, info):
        return load_checkout_info(root).selected_method

    @staticmethod
    def resolve_delivery_method(root, info):
        if root.collection_point_id:
            return root.collection_point
        return load_checkout_info(root).selected_method

    @staticmethod
    def resolve_subtotal_price(root, info):
        return taxed(load_checkout_info(root).subtotal, root.channel.currency_code)

    @staticmethod
    def resolve_tax_exemption(root, info):
        return False

    @staticmethod
    def resolve_total_price(root, info):
        return taxed(load_checkout_info(root).total, root.channel.currency_code)

    @staticmethod
    def resolve_total_balance(root, info):
        _, charged = _charged(root)
        return Money.of(charged - load_checkout_info(root).total.gross, root.channel.currency_code)

    @staticmethod
    def resolve_transactions(root, info):
        return list(_charged(root)[0])

    @staticmethod
    def resolve_display_gross_prices(root, info):
        return True

    @staticmethod
    def resolve_authorize_status(root, info):
        status = Checkout.resolve_charge_status(root, info)
        return "FULL" if status == "OVERCHARGED" else status

    @staticmethod
    def resolve_charge_status(root, info):
        _, charged = _charged(root)
        total = load_checkout_info(root).total.gross
        if charged <= 0:
            return "NONE" if total > 0 else "FULL"
        return "PARTIAL" if charged < total else "FULL" if charged == total else "OVERCHARGED"

    @staticmethod
    def resolve_weight(root, info):
        return Weight.kg(load_checkout_info(root).weight_kg)

    @staticmethod
    def resolve_import_vat_estimate(root, info, country_code=None):
        return resolve_import_vat_estimate(root, country_code)
