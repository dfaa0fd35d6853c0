"""Trade types (marketplace extensions, Saleor-style names). Other apps' types are named by dotted strings;
catalog nodes carry the trade channel they are read in (with_channel), so their `pricing` is wholesale."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import graphene

from marketplace.catalog.graphql.types import with_channel
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import CountryDisplay, LanguageCodeEnum, Money, Node, Weight
from marketplace.core.permissions import has_staff_permission, is_curator, member_artisan_ids
from marketplace.trade import texts
from marketplace.trade.graphql.enums import (
    ProductionOrderStatusEnum,
    TradeAccountStatusEnum,
    TradeLineProblemEnum,
    TradePaymentStageEnum,
    TradePaymentTermsEnum,
    TradeQuoteKindEnum,
    TradeQuoteStatusEnum,
    TradeRejectionReasonEnum,
    TradeShopKindEnum,
    TradeTaxIdKindEnum,
)
from marketplace.trade.models import ProductionOrder as ProductionOrderModel
from marketplace.trade.models import TradeOrder as TradeOrderModel

ARTISAN = "marketplace.artisans.graphql.types.Artisan"
PRODUCT = "marketplace.catalog.graphql.product_types.Product"
VARIANT = "marketplace.catalog.graphql.product_types.ProductVariant"
CHANNEL = "marketplace.channels.graphql.types.Channel"
ADDRESS = "marketplace.accounts.graphql.address_types.Address"
ORDER = "marketplace.orders.graphql.types.Order"
ORDER_LINE = "marketplace.orders.graphql.types.OrderLine"
ARTISAN_ORDER = "marketplace.orders.graphql.artisan_types.ArtisanOrder"
SHIPPING_METHOD = "marketplace.shipping.graphql.types.ShippingMethod"
COLLECTION = "marketplace.catalog.graphql.collection_types.Collection"

TRADE_ERROR_CODES = [
    "ALREADY_RECORDED", "ALREADY_VERIFIED", "BEYOND_CAPACITY", "DUPLICATED_INPUT_ITEM", "GRAPHQL_ERROR", "INVALID",
    "INVALID_PRICE", "MINIMUM_NOT_REACHED", "NET_TERMS_NOT_ALLOWED", "NO_LINES", "NOT_EDITABLE", "NOT_FOUND",
    "NOT_VERIFIED", "OUTSIDE_MARKETS", "PACK_SIZE", "PRODUCT_NOT_ASSIGNED_TO_CHANNEL", "REQUIRED",
    "SHIPPING_METHOD_NOT_APPLICABLE", "UNAVAILABLE", "UNREADABLE_FILE",
]


TradeErrorCode = graphene.Enum("TradeErrorCode", [(code, code) for code in TRADE_ERROR_CODES])


class TradeError(graphene.ObjectType):
    """`errors { field message code }`, and for a minimum not reached the artisan and what is missing."""

    field = graphene.String(description="The input field the error is about (camelCase), or null.")
    message = graphene.String()
    code = graphene.Field(TradeErrorCode, required=True)
    artisan = graphene.ID(description="The artisan whose minimum is not reached (MINIMUM_NOT_REACHED).")
    missing = graphene.Field(Money, description="How much more to order from that artisan.")


TRADE_ERRORS = graphene.NonNull(graphene.List(graphene.NonNull(TradeError)))


def _text(name: str) -> Any:
    """Resolve an enum field from a model's choices (a TextChoices member once set in Python) as its value."""
    return lambda root, info: str(getattr(root, name))


def _money(amount: Decimal | None, currency: str) -> dict | None:
    return None if amount is None else Money.of(amount, currency)


class TradeRejection(graphene.ObjectType):
    reason = graphene.Field(TradeRejectionReasonEnum, required=True)
    note = graphene.String(required=True, description="The curator's own words, as written.")
    message = graphene.String(required=True, language_code=graphene.Argument(LanguageCodeEnum, required=True),
                              description="The reason in this language.")

    @staticmethod
    def resolve_message(root, info, language_code):
        return texts.reason_text(root["reason"], getattr(language_code, "value", language_code))


class TradeAccount(graphene.ObjectType):
    """A shop's trade application and account (its owner, curators and admins)."""

    class Meta:
        interfaces = (Node,)

    company_name = graphene.String(required=True)
    country = graphene.Field(CountryDisplay, required=True)
    tax_id = graphene.String(required=True)
    tax_id_kind = graphene.Field(TradeTaxIdKindEnum, required=True, resolver=_text("tax_id_kind"))
    website = graphene.String(required=True)
    shop_address = graphene.Field(ADDRESS)
    shop_kind = graphene.Field(TradeShopKindEnum, required=True, resolver=_text("shop_kind"))
    status = graphene.Field(TradeAccountStatusEnum, required=True, resolver=_text("status"))
    rejection = graphene.Field(TradeRejection)
    is_trusted = graphene.Boolean(required=True, description="May buy on net-30 terms.")
    channel = graphene.Field(CHANNEL, description="The trade channel of its currency (verified accounts).")
    channel_slug = graphene.String(required=True)
    currency = graphene.String(required=True)
    applied_at = graphene.DateTime(required=True)
    reviewed_at = graphene.DateTime()
    user_email = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("TradeAccount", root.pk)

    @staticmethod
    def resolve_country(root, info):
        return CountryDisplay.of(root.country, "en")

    @staticmethod
    def resolve_rejection(root, info):
        if root.status != "REJECTED":
            return None
        return {"reason": root.rejection_reason or "OTHER", "note": root.rejection_note}

    @staticmethod
    def resolve_channel(root, info):
        from marketplace.channels.selectors import can_see_channel

        return root.channel if can_see_channel(info.context.user, root.channel) else None

    @staticmethod
    def resolve_channel_slug(root, info):
        return root.channel.slug

    @staticmethod
    def resolve_currency(root, info):
        return root.channel.currency_code

    @staticmethod
    def resolve_user_email(root, info):
        return root.user.email


@dataclass
class OfferNode:
    variant: Any
    offer: Any  # selectors.VariantOffer
    channel: Any


class TradeVariantOffer(graphene.ObjectType):
    """A variant as a trade buyer sees it in a trade channel."""

    variant = graphene.Field(VARIANT, required=True)
    wholesale_price = graphene.Field(Money, description="Null when the variant is not offered in this channel.")
    retail_price = graphene.Field(Money, description="Retail price guidance: the export price in this currency.")
    price_overridden = graphene.Boolean(required=True)
    pack_size = graphene.Int(required=True, description="Order in multiples of this number.")
    quantity_in_stock = graphene.Int(required=True, description="Units free to ship now.")
    made_to_order_capacity = graphene.Int(required=True, description="Units the artisan can still make beyond stock.")
    lead_time_weeks = graphene.Int(required=True, description="Weeks to make the units beyond stock.")
    max_quantity = graphene.Int(required=True, description="Stock plus made-to-order capacity.")

    @staticmethod
    def resolve_variant(root, info):
        return with_channel(root.variant, root.channel)

    @staticmethod
    def resolve_wholesale_price(root, info):
        return _money(root.offer.wholesale, root.channel.currency_code)

    @staticmethod
    def resolve_retail_price(root, info):
        return _money(root.offer.retail, root.channel.currency_code)

    @staticmethod
    def resolve_price_overridden(root, info):
        return root.offer.price_overridden

    @staticmethod
    def resolve_pack_size(root, info):
        return root.offer.pack_size

    @staticmethod
    def resolve_quantity_in_stock(root, info):
        return root.offer.in_stock

    @staticmethod
    def resolve_made_to_order_capacity(root, info):
        return root.offer.capacity_left

    @staticmethod
    def resolve_lead_time_weeks(root, info):
        return root.offer.lead_time_weeks

    @staticmethod
    def resolve_max_quantity(root, info):
        return root.offer.orderable


class TradeArtisanMinimum(graphene.ObjectType):
    artisan = graphene.Field(ARTISAN, required=True)
    first_order = graphene.Field(Money, required=True)
    reorder = graphene.Field(Money, required=True)
    is_first_order = graphene.Boolean(required=True, description="No trade order with this artisan yet.")
    amount = graphene.Field(Money, required=True, description="The minimum that applies to this buyer.")

    @staticmethod
    def resolve_artisan(root, info):
        from marketplace.artisans.models import Artisan

        return getattr(root, "_artisan", None) or Artisan.objects.get(pk=root.artisan_id)

    @staticmethod
    def resolve_first_order(root, info):
        return Money.of(root.first_order, root.currency)

    @staticmethod
    def resolve_reorder(root, info):
        return Money.of(root.reorder, root.currency)

    @staticmethod
    def resolve_amount(root, info):
        return Money.of(root.amount, root.currency)


class TradeProduct(graphene.ObjectType):
    """A product of the trade offer: the catalog product in the trade channel, its artisan's minimum and its
    variants' offers."""

    product = graphene.Field(PRODUCT, required=True)
    minimum = graphene.Field(TradeArtisanMinimum, required=True)
    variants = graphene.NonNull(graphene.List(graphene.NonNull(TradeVariantOffer)))

    @staticmethod
    def resolve_product(root, info):
        return with_channel(root["product"], root["channel"])


class TradeCartLine(graphene.ObjectType):
    variant = graphene.Field(VARIANT, required=True)
    quantity = graphene.Int(required=True)
    unit_price = graphene.Field(Money)
    total_price = graphene.Field(Money, required=True)
    quantity_from_stock = graphene.Int(required=True)
    quantity_made_to_order = graphene.Int(required=True)
    lead_time_weeks = graphene.Int(required=True)
    pack_size = graphene.Int(required=True)
    max_quantity = graphene.Int(required=True)
    problems = graphene.NonNull(graphene.List(graphene.NonNull(TradeLineProblemEnum)))

    @staticmethod
    def resolve_variant(root, info):
        return with_channel(root.line.variant, root._channel)

    @staticmethod
    def resolve_unit_price(root, info):
        return _money(root.offer.wholesale, root._channel.currency_code)

    @staticmethod
    def resolve_total_price(root, info):
        return Money.of(root.total, root._channel.currency_code)

    @staticmethod
    def resolve_quantity_from_stock(root, info):
        return root.in_stock_part

    @staticmethod
    def resolve_quantity_made_to_order(root, info):
        return root.made_to_order_part

    @staticmethod
    def resolve_lead_time_weeks(root, info):
        return root.offer.lead_time_weeks

    @staticmethod
    def resolve_pack_size(root, info):
        return root.offer.pack_size

    @staticmethod
    def resolve_max_quantity(root, info):
        return root.offer.orderable


class TradeCartArtisan(graphene.ObjectType):
    """One artisan's part of the cart and its minimum."""

    artisan = graphene.Field(ARTISAN, required=True)
    lines = graphene.NonNull(graphene.List(graphene.NonNull(TradeCartLine)))
    subtotal = graphene.Field(Money, required=True)
    minimum = graphene.Field(Money, required=True)
    is_first_order = graphene.Boolean(required=True)
    missing = graphene.Field(Money, required=True, description="How much more reaches the minimum (0 when reached).")

    @staticmethod
    def resolve_subtotal(root, info):
        return Money.of(root.subtotal, root.minimum.currency)

    @staticmethod
    def resolve_minimum(root, info):
        return Money.of(root.minimum.amount, root.minimum.currency)

    @staticmethod
    def resolve_is_first_order(root, info):
        return root.minimum.is_first_order

    @staticmethod
    def resolve_missing(root, info):
        return Money.of(root.missing, root.minimum.currency)


class TradeShippingQuote(graphene.ObjectType):
    """A shipping method for every artisan's cartons, priced by volumetric weight."""

    method = graphene.Field(SHIPPING_METHOD, required=True)
    price = graphene.Field(Money, required=True)
    cartons = graphene.Int(required=True)
    chargeable_weight = graphene.Field(Weight, required=True)

    @staticmethod
    def resolve_method(root, info):
        root.method.price_amount = root.price
        return root.method

    @staticmethod
    def resolve_price(root, info):
        return Money.of(root.price, root.method.currency)

    @staticmethod
    def resolve_cartons(root, info):
        return sum(p.cartons for p in root.parcels)

    @staticmethod
    def resolve_chargeable_weight(root, info):
        return Weight.kg(sum((p.chargeable_kg for p in root.parcels), Decimal(0)))


class TradeCart(graphene.ObjectType):
    channel = graphene.Field(CHANNEL, required=True)
    currency = graphene.String(required=True)
    lines = graphene.NonNull(graphene.List(graphene.NonNull(TradeCartLine)))
    artisans = graphene.NonNull(graphene.List(graphene.NonNull(TradeCartArtisan)))
    subtotal = graphene.Field(Money, required=True)
    quantity = graphene.Int(required=True)
    reaches_minimums = graphene.Boolean(required=True)
    deposit_percent = graphene.Int(required=True, description="The deposit paid before production, in percent.")
    shipping_quotes = graphene.NonNull(graphene.List(graphene.NonNull(TradeShippingQuote)),
                                       country_code=graphene.String(), city=graphene.String(), description=(
        "Methods that carry the cartons to this country and city (else the shop's address), cheapest first."))

    @staticmethod
    def resolve_currency(root, info):
        return root.channel.currency_code

    @staticmethod
    def resolve_lines(root, info):
        for line in root.lines:
            line._channel = root.channel
        return root.lines

    @staticmethod
    def resolve_artisans(root, info):
        for line in root.lines:
            line._channel = root.channel
        return root.groups

    @staticmethod
    def resolve_subtotal(root, info):
        return Money.of(root.subtotal, root.channel.currency_code)

    @staticmethod
    def resolve_quantity(root, info):
        return sum(line.quantity for line in root.lines)

    @staticmethod
    def resolve_reaches_minimums(root, info):
        return bool(root.groups) and all(group.missing <= 0 for group in root.groups)

    @staticmethod
    def resolve_deposit_percent(root, info):
        from django.conf import settings

        return round(settings.TRADE_DEPOSIT_SHARE * 100)

    @staticmethod
    def resolve_shipping_quotes(root, info, country_code=None, city=None):
        from marketplace.accounts.models import Address
        from marketplace.trade.pricing import shipping_quotes

        shop = root.cart.account.shop_address
        if country_code:
            address = Address(country=country_code.upper()[:2], city=city or "")
        else:
            address = shop or Address(country=root.cart.account.country)
        if address.country not in root.channel.countries:
            return []
        return shipping_quotes(root.channel, address, [(line.line.variant, line.quantity) for line in root.lines])


class ProductionOrder(graphene.ObjectType):
    """Units of a trade line made to order."""

    class Meta:
        interfaces = (Node,)

    order_line = graphene.Field(ORDER_LINE, required=True)
    artisan = graphene.Field(ARTISAN, required=True)
    product_name = graphene.String(required=True)
    sku = graphene.String()
    quantity = graphene.Int(required=True)
    lead_time_weeks = graphene.Int(required=True)
    status = graphene.Field(ProductionOrderStatusEnum, required=True, resolver=_text("status"))
    started = graphene.Date()
    due = graphene.Date()
    order_number = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("ProductionOrder", root.pk)

    @staticmethod
    def resolve_product_name(root, info):
        return root.order_line.product_name

    @staticmethod
    def resolve_sku(root, info):
        return root.order_line.product_sku

    @staticmethod
    def resolve_order_number(root, info):
        return str(root.order_line.order.number)


def _payment_stage(trade: TradeOrderModel) -> str:
    order = trade.order
    if order.status == "CANCELED":
        return "CANCELED"
    if order.total_charged >= order.total_gross:
        return "PAID"
    if trade.payment_terms == TradeOrderModel.Terms.NET_30:
        return "ON_NET_TERMS"
    return "AWAITING_BALANCE" if trade.deposit_received_at else "AWAITING_DEPOSIT"


class TradeOrder(graphene.ObjectType):
    """A trade order: the order (one fulfilment per artisan), its terms and its production orders. The buyer
    and the back office read the order; an artisan's members read only their artisan's part (`artisanOrders`,
    as `artisanOrders` of the retail API), never the order."""

    class Meta:
        interfaces = (Node,)

    order = graphene.Field(ORDER, description="The whole order: the buyer and the back office (null for an "
                                              "artisan's members).")
    artisan_orders = graphene.NonNull(graphene.List(graphene.NonNull(ARTISAN_ORDER)),
                                      description="The parts of the order the viewer ships: its artisans' lines, "
                                                  "fulfilment and share (the buyer and staff: every part).")
    number = graphene.String(required=True)
    company_name = graphene.String(required=True)
    payment_terms = graphene.Field(TradePaymentTermsEnum, required=True, resolver=_text("payment_terms"))
    payment_stage = graphene.Field(TradePaymentStageEnum, required=True)
    deposit_share = graphene.Float(required=True)
    deposit = graphene.Field(Money, required=True)
    balance = graphene.Field(Money, required=True)
    deposit_received_at = graphene.DateTime()
    balance_received_at = graphene.DateTime()
    production_orders = graphene.NonNull(graphene.List(graphene.NonNull(ProductionOrder)))
    proforma_invoice_url = graphene.String(required=True)
    created = graphene.DateTime(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("TradeOrder", root.order.token)

    @staticmethod
    def resolve_order(root, info):
        return root.order if getattr(root, "_visible_artisans", None) is None else None

    @staticmethod
    def resolve_artisan_orders(root, info):
        from marketplace.orders.graphql.schema import artisan_parts

        artisans = getattr(root, "_visible_artisans", None)
        parts = artisan_parts().filter(order_id=root.order_id).order_by("pk")
        return list(parts if artisans is None else parts.filter(artisan_id__in=artisans))

    @staticmethod
    def resolve_number(root, info):
        return str(root.order.number)

    @staticmethod
    def resolve_company_name(root, info):
        return root.account.company_name

    @staticmethod
    def resolve_payment_stage(root, info):
        return _payment_stage(root)

    @staticmethod
    def resolve_deposit_share(root, info):
        return float(root.deposit_share)

    @staticmethod
    def resolve_deposit(root, info):
        return Money.of(root.deposit_amount, root.order.currency)

    @staticmethod
    def resolve_balance(root, info):
        return Money.of(root.balance_amount, root.order.currency)

    @staticmethod
    def resolve_production_orders(root, info):
        artisans = getattr(root, "_visible_artisans", None)
        jobs = ProductionOrderModel.objects.filter(order_line__order=root.order).select_related(
            "order_line__order", "artisan")
        return [job for job in jobs if artisans is None or job.artisan_id in artisans]

    @staticmethod
    def resolve_proforma_invoice_url(root, info):
        from django.conf import settings

        return f"{settings.PUBLIC_API_URL}/orders/{root.order.token}/proforma.pdf"


def visible_trade_order(trade: TradeOrderModel | None, user: Any) -> TradeOrderModel | None:
    """The buyer and the back office see the whole trade order; an artisan's members only their part."""
    if trade is None or user is None or not user.is_authenticated:
        return None
    if trade.account.user_id == user.pk or has_staff_permission(user, "manage_orders"):
        return trade
    mine = member_artisan_ids(user) & set(trade.order.fulfillments.values_list("artisan_id", flat=True))
    if mine:
        trade._visible_artisans = mine
        return trade
    return None


class TradeQuote(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    company_name = graphene.String(required=True)
    country = graphene.Field(CountryDisplay, required=True)
    artisan = graphene.Field(ARTISAN, required=True)
    variant = graphene.Field(VARIANT)
    product_name = graphene.String(required=True)
    kind = graphene.Field(TradeQuoteKindEnum, required=True, resolver=_text("kind"))
    quantity = graphene.Int(required=True)
    request_note = graphene.String(required=True)
    status = graphene.Field(TradeQuoteStatusEnum, required=True, resolver=_text("status"))
    currency = graphene.String(required=True)
    unit_price = graphene.Field(Money)
    total_price = graphene.Field(Money)
    lead_time_weeks = graphene.Int()
    answer_note = graphene.String(required=True)
    created = graphene.DateTime(required=True)
    answered_at = graphene.DateTime()
    order = graphene.Field(TradeOrder)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("TradeQuote", root.pk)

    @staticmethod
    def resolve_company_name(root, info):
        return root.account.company_name

    @staticmethod
    def resolve_country(root, info):
        return CountryDisplay.of(root.account.country, "en")

    @staticmethod
    def resolve_variant(root, info):
        return with_channel(root.variant, root.channel) if root.variant_id else None

    @staticmethod
    def resolve_unit_price(root, info):
        return _money(root.unit_price, root.currency)

    @staticmethod
    def resolve_total_price(root, info):
        return None if root.unit_price is None else Money.of(root.unit_price * root.quantity, root.currency)

    @staticmethod
    def resolve_order(root, info):
        trade = TradeOrderModel.objects.select_related("order", "account").filter(quote=root).first()
        return visible_trade_order(trade, info.context.user)


class TradeLineSheet(graphene.ObjectType):
    """A collection's (or the whole offer's) line sheet in a trade channel: signed links, valid one hour."""

    title = graphene.String(required=True)
    channel = graphene.Field(CHANNEL, required=True)
    language_code = graphene.Field(LanguageCodeEnum, required=True)
    product_count = graphene.Int(required=True)
    variant_count = graphene.Int(required=True)
    pdf_url = graphene.String(required=True)
    order_form_url = graphene.String(required=True)


class TradeChannelPrice(graphene.ObjectType):
    """A variant's wholesale price in one trade channel, with what the trade rule would give."""

    channel_slug = graphene.String(required=True)
    price = graphene.Field(Money)
    rule_price = graphene.Field(Money)
    overridden = graphene.Boolean(required=True)


class ArtisanTradeVariant(graphene.ObjectType):
    variant = graphene.Field(VARIANT, required=True)
    mad_price = graphene.Field(Money)
    pack_size = graphene.Int(required=True)
    lead_time_weeks = graphene.Int(required=True)
    made_to_order_capacity = graphene.Int(required=True)
    in_production = graphene.Int(required=True, description="Units of open production orders.")
    wholesale_prices = graphene.NonNull(graphene.List(graphene.NonNull(TradeChannelPrice)))


class ArtisanTradeProduct(graphene.ObjectType):
    product = graphene.Field(PRODUCT, required=True)
    offered = graphene.Boolean(required=True, description="Offered in the trade channels.")
    variants = graphene.NonNull(graphene.List(graphene.NonNull(ArtisanTradeVariant)))


class ArtisanTrade(graphene.ObjectType):
    """An artisan's trade side for the atelier: minimums (euros), products, quotes, production."""

    artisan = graphene.Field(ARTISAN, required=True)
    first_order_minimum = graphene.Decimal(required=True, description="In euros.")
    reorder_minimum = graphene.Decimal(required=True, description="In euros.")
    products = graphene.NonNull(graphene.List(graphene.NonNull(ArtisanTradeProduct)))
    quotes = graphene.NonNull(graphene.List(graphene.NonNull(TradeQuote)))
    production_orders = graphene.NonNull(graphene.List(graphene.NonNull(ProductionOrder)))


def can_read_account(user: Any, account: Any) -> bool:
    return bool(user and user.is_authenticated and (account.user_id == user.pk or is_curator(user)
                                                    or (user.is_staff and user.is_superuser)))
