"""The trade app's queries (its own `Query`, listed by the root schema). Thin: permissions and reads come
from access.py, selectors.py and line_sheets.py."""

from __future__ import annotations

import dataclasses
from typing import Any

import graphene
from graphql import GraphQLError

from marketplace.catalog.graphql.management_queries import query_permission
from marketplace.catalog.graphql.product_lists import product_connection
from marketplace.catalog.models import Collection, ProductVariant
from marketplace.catalog.selectors import visible_products
from marketplace.channels.models import Channel
from marketplace.channels.selectors import active_channels, channel_for_request
from marketplace.core.errors import PermissionDenied
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import from_global_id, pk_from_global_id
from marketplace.core.graphql.pagination import paginate
from marketplace.core.graphql.types import LanguageCodeEnum, connection_args, countable_connection
from marketplace.core.permissions import (
    has_staff_permission,
    is_authenticated,
    require_artisan_access,
    require_authenticated,
    require_curator,
)
from marketplace.trade import selectors
from marketplace.trade.access import trade_account_of
from marketplace.trade.graphql.enums import TradeAccountStatusEnum, TradeQuoteStatusEnum
from marketplace.trade.graphql.types import (
    ArtisanTrade,
    OfferNode,
    TradeAccount,
    TradeCart,
    TradeLineSheet,
    TradeOrder,
    TradeProduct,
    TradeQuote,
    visible_trade_order,
)
from marketplace.trade.models import TradeAccount as TradeAccountModel
from marketplace.trade.models import TradeOrder as TradeOrderModel
from marketplace.trade.models import TradeQuote as TradeQuoteModel

TradeAccountCountableConnection = countable_connection(TradeAccount)
TradeProductCountableConnection = countable_connection(TradeProduct)
TradeOrderCountableConnection = countable_connection(TradeOrder)
TradeQuoteCountableConnection = countable_connection(TradeQuote)



def trade_channel(info, slug: str | None) -> Channel:
    """The trade channel asked for (visible to the caller), else the caller's account's one (staff: the first
    trade channel)."""
    if slug is None:
        account = trade_account_of(user_of(info))
        if account is not None and account.status == "VERIFIED":
            slug = account.channel.slug
        else:
            visible = [c for c in active_channels(user_of(info)) if c.kind == Channel.Kind.TRADE]
            if not visible:
                raise GraphQLError("A trade channel is required: pass channel.", extensions={"code": "NOT_FOUND"})
            slug = visible[0].slug
    channel = channel_for_request(info.context, slug)
    if channel.kind != Channel.Kind.TRADE:
        raise GraphQLError(f"Channel '{slug}' is not a trade channel.", extensions={"code": "INVALID"})
    return channel


def _trade_orders():
    return TradeOrderModel.objects.select_related("order__channel", "account__user")


class TradeQueries(graphene.ObjectType):
    trade_account = graphene.Field(TradeAccount, description="The signed-in user's trade account or application.")
    trade_accounts = graphene.Field(TradeAccountCountableConnection, status=TradeAccountStatusEnum(),
                                    search=graphene.String(), description="Trade applications (curators).",
                                    **connection_args())
    trade_products = graphene.Field(
        TradeProductCountableConnection, channel=graphene.String(), collection=graphene.String(),
        search=graphene.String(), description="The trade offer (verified trade accounts, staff).", **connection_args())
    trade_cart = graphene.Field(TradeCart, description="The verified trade account's cart.")
    trade_orders = graphene.Field(TradeOrderCountableConnection, description=(
        "The buyer's trade orders; every trade order for staff who manage orders."), **connection_args())
    trade_order = graphene.Field(TradeOrder, id=graphene.ID(required=True))
    trade_quotes = graphene.Field(TradeQuoteCountableConnection, status=TradeQuoteStatusEnum(),
                                  description="The buyer's quotes.", **connection_args())
    trade_line_sheet = graphene.Field(
        TradeLineSheet, channel=graphene.String(), collection=graphene.String(description="A collection's slug; "
                                                                            "none: the whole trade offer."),
        language_code=graphene.Argument(LanguageCodeEnum), description=(
            "Links to the line sheet PDF and the XLSX order form (verified trade accounts, staff)."))
    artisan_trade = graphene.Field(ArtisanTrade, artisan_id=graphene.ID(required=True),
                                   description="An artisan's trade terms, products, quotes and production "
                                               "(its members, curators, admins).")

    @staticmethod
    def resolve_trade_account(root, info):
        return trade_account_of(user_of(info))

    @staticmethod
    def resolve_trade_accounts(root, info, status=None, search=None, **page):
        query_permission(require_curator, user_of(info))
        accounts = TradeAccountModel.objects.select_related("channel", "user", "shop_address")
        if status:
            accounts = accounts.filter(status=getattr(status, "value", status))
        if search:
            accounts = accounts.filter(company_name__unaccent__icontains=search.strip())
        return paginate(accounts, sort=[("applied_at", True)], connection_name="tradeAccounts", **page)

    @staticmethod
    def resolve_trade_products(root, info, channel=None, collection=None, search=None, **page):
        ch = trade_channel(info, channel)
        products = visible_products(ch, None, for_listing=True)
        if collection:
            products = products.filter(collection_products__collection__slug=collection)
        result = product_connection(info, products, ch, search=search, **page)  # nodes: ChannelContext
        page_products = [wrapped.node for wrapped in result.nodes]
        variants: dict[int, list[Any]] = {}
        for variant in ProductVariant.objects.filter(product__in=page_products).order_by("sort_order", "pk"):
            variants.setdefault(variant.product_id, []).append(variant)
        offers = selectors.variant_offers([v.pk for vs in variants.values() for v in vs], ch)
        account = trade_account_of(user_of(info))
        minimums = selectors.artisan_minimums(list({p.artisan_id for p in page_products}), ch, account)
        nodes = []
        for wrapped in result.nodes:
            product = wrapped.node
            minimum = minimums[product.artisan_id]
            minimum._artisan = product.artisan
            nodes.append({"product": wrapped, "minimum": minimum, "variants": [
                OfferNode(v, offers[v.pk], ch) for v in variants.get(product.pk, []) if offers[v.pk].wholesale]})
        return dataclasses.replace(result, nodes=nodes)

    @staticmethod
    def resolve_trade_cart(root, info):
        from marketplace.trade.access import require_verified_buyer
        from marketplace.trade.cart_services import cart_for

        query_permission(require_verified_buyer, user_of(info))
        return selectors.cart_view(cart_for(trade_account_of(user_of(info))))

    @staticmethod
    def resolve_trade_orders(root, info, **page):
        user = user_of(info)
        query_permission(require_authenticated, user)
        orders = _trade_orders()
        if not has_staff_permission(user, "manage_orders"):
            orders = orders.filter(account__user=user)
        return paginate(orders, sort=[("created", True)], connection_name="tradeOrders", **page)

    @staticmethod
    def resolve_trade_order(root, info, id):
        kind, key = from_global_id(id)
        if kind != "TradeOrder":
            raise GraphQLError(f"Invalid ID: {id}. Expected: TradeOrder, received: {kind}.")
        try:
            trade = _trade_orders().filter(order__token=key).first()
        except Exception:  # not a UUID
            trade = None
        return visible_trade_order(trade, user_of(info))

    @staticmethod
    def resolve_trade_quotes(root, info, status=None, **page):
        user = user_of(info)
        query_permission(require_authenticated, user)
        quotes = TradeQuoteModel.objects.select_related("account__user", "artisan", "channel", "variant")
        quotes = quotes.filter(account__user=user)
        if status:
            quotes = quotes.filter(status=getattr(status, "value", status))
        return paginate(quotes, sort=[("created", True)], connection_name="tradeQuotes", **page)

    @staticmethod
    def resolve_trade_line_sheet(root, info, channel=None, collection=None, language_code=None):
        from marketplace.trade.line_sheets import build_line_sheet
        from marketplace.trade.links import document_url

        user = user_of(info)
        if not is_authenticated(user):
            raise GraphQLError("Sign in with a verified trade account.", extensions={"code": "PERMISSION_DENIED"})
        ch = trade_channel(info, channel)
        found = None
        if collection:
            found = Collection.objects.filter(slug=collection).first()
            if found is None:
                raise GraphQLError(f"Collection with '{collection}' slug does not exist.",
                                   extensions={"code": "NOT_FOUND"})
        language = getattr(language_code, "value", language_code) or user.language_code
        sheet = build_line_sheet(ch, language, found, trade_account_of(user))
        payload = {"u": user.pk, "ch": ch.pk, "c": found.pk if found else None, "l": sheet.language}
        return {"title": sheet.title, "channel": ch, "language_code": sheet.language,
                "product_count": sum(len(a.products) for a in sheet.artisans), "variant_count": len(sheet.variants),
                "pdf_url": document_url("line-sheet", payload), "order_form_url": document_url("order-form", payload)}

    @staticmethod
    def resolve_artisan_trade(root, info, artisan_id):
        from marketplace.artisans.models import Artisan
        from marketplace.trade.artisan_selectors import artisan_trade

        pk = pk_from_global_id(artisan_id, "Artisan")
        user = user_of(info)
        try:
            require_artisan_access(user, pk)
        except PermissionDenied as error:
            raise GraphQLError(error.message, extensions={"code": "PERMISSION_DENIED"}) from None
        artisan = Artisan.objects.filter(pk=pk).first()
        return artisan_trade(artisan) if artisan else None
