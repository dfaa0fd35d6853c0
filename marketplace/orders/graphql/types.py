"""Saleor's Order, OrderLine, Fulfillment, OrderEvent (with marketplace fields: artisan, stage, customs)."""

from __future__ import annotations

import graphene

from marketplace.accounts.graphql.address_types import Address
from marketplace.artisans.graphql.types import Artisan
from marketplace.catalog.graphql.product_types import ProductVariant
from marketplace.channels.graphql.types import Channel
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
from marketplace.orders import access, selectors
from marketplace.orders.graphql.buyer_types import BankTransferInstructions, OrderExpectedDelivery
from marketplace.orders.graphql.enums import (
    FulfillmentStageEnum,
    FulfillmentStatus,
    OrderChargeStatusEnum,
    OrderEventsEnum,
    OrderPaymentMethodEnum,
    OrderStatus,
    PaymentChargeStatusEnum,
)
from marketplace.orders.models import Fulfillment as FulfillmentModel
from marketplace.payments.graphql.types import TransactionItem
from marketplace.shipping.graphql.types import DeliveryMethod, Warehouse


class CustomsData(graphene.ObjectType):
    """Marketplace extension: what customs need for an export line."""

    hs_code = graphene.String(required=True)
    material = graphene.String(required=True)
    country_of_origin = graphene.String(required=True)


class OrderLine(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    product_name = graphene.String(required=True)
    variant_name = graphene.String(required=True)
    product_sku = graphene.String()
    product_variant_id = graphene.String()
    is_shipping_required = graphene.Boolean(required=True)
    quantity = graphene.Int(required=True)
    quantity_fulfilled = graphene.Int(required=True)
    quantity_to_fulfill = graphene.Int(required=True)
    tax_rate = graphene.Float(required=True)
    unit_price = graphene.Field(TaxedMoney, required=True)
    undiscounted_unit_price = graphene.Field(TaxedMoney, required=True)
    total_price = graphene.Field(TaxedMoney, required=True)
    undiscounted_total_price = graphene.Field(TaxedMoney, required=True)
    variant = graphene.Field(ProductVariant)
    translated_product_name = graphene.String(required=True)
    translated_variant_name = graphene.String(required=True)
    artisan = graphene.Field(Artisan, description="The artisan who made and ships this line (marketplace).")
    customs_data = graphene.Field(CustomsData, required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("OrderLine", root.pk)

    @staticmethod
    def resolve_product_variant_id(root, info):
        return to_global_id("ProductVariant", root.variant_id) if root.variant_id else None

    @staticmethod
    def resolve_quantity_fulfilled(root, info):
        return root.quantity if root.fulfillment.stage in ("SHIPPED", "DELIVERED") else 0

    @staticmethod
    def resolve_quantity_to_fulfill(root, info):
        return root.quantity - OrderLine.resolve_quantity_fulfilled(root, info)

    @staticmethod
    def resolve_tax_rate(root, info):
        return float(root.tax_rate)

    @staticmethod
    def resolve_unit_price(root, info):
        return TaxedMoney.of(root.unit_price_gross, root.unit_price_net, root.currency)

    resolve_undiscounted_unit_price = resolve_unit_price

    @staticmethod
    def resolve_total_price(root, info):
        return TaxedMoney.of(root.total_price_gross, root.total_price_net, root.currency)

    resolve_undiscounted_total_price = resolve_total_price

    @staticmethod
    def resolve_variant(root, info):
        return ChannelContext(root.variant, root.order.channel) if root.variant_id else None

    @staticmethod
    def resolve_translated_product_name(root, info):
        return selectors.translated_product_name(root, root.order.language_code)

    @staticmethod
    def resolve_translated_variant_name(root, info):
        return selectors.translated_variant_name(root, root.order.language_code)

    @staticmethod
    def resolve_customs_data(root, info):
        return {"hs_code": root.hs_code, "material": root.material, "country_of_origin": root.country_of_origin}


class FulfillmentLine(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    quantity = graphene.Int(required=True)
    order_line = graphene.Field(OrderLine)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("FulfillmentLine", root.pk)

    @staticmethod
    def resolve_order_line(root, info):
        return root


class Fulfillment(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    fulfillment_order = graphene.Int(required=True)
    status = graphene.Field(FulfillmentStatus, required=True)
    tracking_number = graphene.String(required=True)
    created = graphene.DateTime(required=True)
    lines = graphene.List(graphene.NonNull(FulfillmentLine))
    status_display = graphene.String()
    warehouse = graphene.Field(Warehouse)
    artisan = graphene.Field(Artisan, required=True)
    stage = graphene.Field(FulfillmentStageEnum, required=True)
    handed_over_in_person = graphene.Boolean(
        required=True, description="Marketplace extension: workshop pickup or hotel delivery by the artisan, "
                                   "handed over in person (DELIVERED with an optional note, no tracking number).")
    handover_note = graphene.String(required=True, description="Marketplace extension: the handover's note.")
    tracking_url = graphene.String(description="A page that follows the parcel (marketplace extension).")

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Fulfillment", root.pk)

    @staticmethod
    def resolve_tracking_url(root, info):
        return selectors.tracking_url(root.tracking_number)

    @staticmethod
    def resolve_status(root, info):
        shipped = root.stage in (FulfillmentModel.Stage.SHIPPED, FulfillmentModel.Stage.DELIVERED)
        return "FULFILLED" if shipped else "WAITING_FOR_APPROVAL"

    @staticmethod
    def resolve_status_display(root, info):
        return root.get_stage_display()

    @staticmethod
    def resolve_stage(root, info):
        return str(root.stage)

    @staticmethod
    def resolve_lines(root, info):
        return list(root.lines.all())

    @staticmethod
    def resolve_handed_over_in_person(root, info):
        from marketplace.orders.services import handed_over_in_person

        return handed_over_in_person(root.order)


class OrderEvent(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    date = graphene.DateTime()
    type = graphene.Field(OrderEventsEnum)
    message = graphene.String()
    amount = graphene.Float()
    transaction_reference = graphene.String()

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("OrderEvent", root.pk)

    @staticmethod
    def resolve_message(root, info):
        p = root.parameters
        if "stage" in p:
            return f"{p.get('artisan')}: {p['stage']}" + (
                f" ({p['tracking_number']})" if p.get("tracking_number") else "")
        return p.get("payment_method")

    @staticmethod
    def resolve_amount(root, info):
        return float(root.parameters["amount"]) if "amount" in root.parameters else None

    @staticmethod
    def resolve_transaction_reference(root, info):
        return root.parameters.get("transaction_reference")


class Order(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    created = graphene.DateTime(required=True)
    updated_at = graphene.DateTime(required=True)
    status = graphene.Field(OrderStatus, required=True)
    status_display = graphene.String(required=True)
    number = graphene.String(required=True)
    token = graphene.String(required=True)
    billing_address = graphene.Field(Address, description="Masked (names, street, phone) unless the caller is the "
                                                         "buyer or holds MANAGE_ORDERS.")
    shipping_address = graphene.Field(Address, description="Masked (names, street, phone) unless the caller is "
                                                          "the buyer or holds MANAGE_ORDERS.")
    shipping_method_name = graphene.String()
    collection_point_name = graphene.String()
    channel = graphene.Field(Channel, required=True)
    fulfillments = graphene.NonNull(graphene.List(graphene.NonNull(Fulfillment)))
    lines = graphene.NonNull(graphene.List(graphene.NonNull(OrderLine)))
    is_paid = graphene.Boolean(required=True)
    payment_status = graphene.Field(PaymentChargeStatusEnum, required=True)
    charge_status = graphene.Field(OrderChargeStatusEnum, required=True)
    payment_method = graphene.Field(OrderPaymentMethodEnum, required=True)
    transactions = graphene.NonNull(graphene.List(graphene.NonNull(TransactionItem)), description=(
        "List of transactions for the order. Requires one of the following permissions: MANAGE_ORDERS, "
        "HANDLE_PAYMENTS."))
    total = graphene.Field(TaxedMoney, required=True)
    subtotal = graphene.Field(TaxedMoney, required=True)
    shipping_price = graphene.Field(TaxedMoney, required=True)
    total_charged = graphene.Field(Money, required=True)
    total_refunded = graphene.Field(Money, required=True)
    total_balance = graphene.Field(Money, required=True)
    customer_note = graphene.String(required=True)
    weight = graphene.Field(Weight, required=True)
    events = graphene.NonNull(graphene.List(graphene.NonNull(OrderEvent)), description=(
        "List of events associated with the order. Requires one of the following permissions: MANAGE_ORDERS."))
    user_email = graphene.String(description="Email address of the customer: masked unless the caller is the "
                                             "buyer or holds MANAGE_ORDERS.")
    is_shipping_required = graphene.Boolean(required=True)
    delivery_method = graphene.Field(DeliveryMethod)
    language_code_enum = graphene.Field(LanguageCodeEnum, required=True)
    display_gross_prices = graphene.Boolean(required=True)
    proforma_invoice_url = graphene.String(description="Bank transfer orders: the proforma invoice (marketplace).")
    expected_delivery = graphene.Field(OrderExpectedDelivery, description="Marketplace extension.")
    bank_transfer = graphene.Field(BankTransferInstructions,
                                   description="Unpaid bank-transfer orders: what to pay, to whom, by when "
                                               "(marketplace extension).")

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Order", root.token)

    @staticmethod
    def resolve_status_display(root, info):
        return root.get_status_display()

    @staticmethod
    def resolve_status(root, info):
        return str(root.status)

    @staticmethod
    def resolve_payment_method(root, info):
        return str(root.payment_method)

    @staticmethod
    def resolve_number(root, info):
        return str(root.number)

    @staticmethod
    def resolve_token(root, info):
        return str(root.token)

    @staticmethod
    def resolve_fulfillments(root, info):
        placed = root.__dict__.get("_fulfillments_cache")  # checkoutComplete's answer: the rows it just wrote
        if placed is not None:
            return list(placed)
        return list(root.fulfillments.select_related("artisan", "warehouse__address"))

    @staticmethod
    def resolve_lines(root, info):
        placed = root.__dict__.get("_lines_cache")  # checkoutComplete's answer: with their variants and products
        if placed is not None:
            return list(placed)
        return list(root.lines.select_related("fulfillment", "variant__product", "artisan"))

    @staticmethod
    def resolve_billing_address(root, info):
        return root.billing_address if access.sees_buyer_details(root, info) else access.masked_address(
            root.billing_address)

    @staticmethod
    def resolve_shipping_address(root, info):
        return root.shipping_address if access.sees_buyer_details(root, info) else access.masked_address(
            root.shipping_address)

    @staticmethod
    def resolve_user_email(root, info):
        return root.user_email if access.sees_buyer_details(root, info) else access.masked_email(root.user_email)

    @staticmethod
    def resolve_is_paid(root, info):
        return root.total_charged >= root.total_gross

    @staticmethod
    def resolve_payment_status(root, info):
        if root.total_refunded and root.total_refunded >= root.total_charged:
            return "FULLY_REFUNDED"
        if root.total_refunded:
            return "PARTIALLY_REFUNDED"
        if root.total_charged >= root.total_gross:
            return "FULLY_CHARGED"
        return "PARTIALLY_CHARGED" if root.total_charged else "NOT_CHARGED"

    @staticmethod
    def resolve_charge_status(root, info):
        charged = root.total_charged - root.total_refunded
        if charged <= 0:
            return "NONE"
        return "PARTIAL" if charged < root.total_gross else "FULL" if charged == root.total_gross else "OVERCHARGED"

    @staticmethod
    def resolve_transactions(root, info):
        access.require_payments_access(root, info)
        return list(root.transactions.all())

    @staticmethod
    def resolve_total(root, info):
        return TaxedMoney.of(root.total_gross, root.total_net, root.currency)

    @staticmethod
    def resolve_subtotal(root, info):
        return TaxedMoney.of(root.subtotal_gross, root.subtotal_net, root.currency)

    @staticmethod
    def resolve_shipping_price(root, info):
        return TaxedMoney.of(root.shipping_gross, root.shipping_net, root.currency)

    @staticmethod
    def resolve_total_charged(root, info):
        return Money.of(root.total_charged, root.currency)

    @staticmethod
    def resolve_total_refunded(root, info):
        return Money.of(root.total_refunded, root.currency)

    @staticmethod
    def resolve_total_balance(root, info):
        return Money.of(root.total_charged - root.total_refunded - root.total_gross, root.currency)

    @staticmethod
    def resolve_weight(root, info):
        return Weight.kg(root.weight_kg)

    @staticmethod
    def resolve_events(root, info):
        access.require_events_access(root, info)
        return list(root.events.all())

    @staticmethod
    def resolve_is_shipping_required(root, info):
        return root.shipping_address_id is not None or root.collection_point_id is not None

    @staticmethod
    def resolve_delivery_method(root, info):
        if root.collection_point_id:
            return root.collection_point
        method = root.shipping_method
        if method is not None:
            method.price_amount, method.currency = root.shipping_gross, root.currency
        return method

    @staticmethod
    def resolve_language_code_enum(root, info):
        return root.language_code

    @staticmethod
    def resolve_display_gross_prices(root, info):
        return True

    @staticmethod
    def resolve_expected_delivery(root, info):
        return selectors.expected_delivery(root)

    @staticmethod
    def resolve_bank_transfer(root, info):
        return selectors.bank_transfer(root)

    @staticmethod
    def resolve_proforma_invoice_url(root, info):
        from django.conf import settings

        if root.payment_method != "BANK_TRANSFER":
            return None
        return f"{settings.PUBLIC_API_URL}/orders/{root.token}/proforma.pdf"
