"""The trade app's mutations (its own `Mutation`, listed by the root schema): buyers apply, fill their cart
(by hand or with the XLSX order form), order, ask for and accept quotes; artisans set their trade terms,
offer products and answer quotes; curators verify accounts; the back office records deposits and balances.
Thin: every rule is in the services."""

from __future__ import annotations

import graphene

from marketplace.accounts.graphql.address_types import AddressInput, CountryCode
from marketplace.catalog.graphql.inputs import PositiveDecimal
from marketplace.catalog.graphql.product_types import Product
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import from_global_id, pk_from_global_id, pks_from_global_ids
from marketplace.core.graphql.mutations import MaalemMutation
from marketplace.media.graphql.mutations import Upload
from marketplace.trade import (
    account_services,
    cart_services,
    offer_services,
    order_services,
    quote_services,
    selectors,
)
from marketplace.trade.graphql.enums import (
    TradePaymentKindEnum,
    TradePaymentTermsEnum,
    TradeQuoteKindEnum,
    TradeRejectionReasonEnum,
    TradeShopKindEnum,
    TradeTaxIdKindEnum,
)
from marketplace.trade.graphql.types import (
    TRADE_ERRORS,
    TradeAccount,
    TradeCart,
    TradeOrder,
    TradeQuote,
)


def _value(enum_value):
    return getattr(enum_value, "value", enum_value)


def _language(info) -> str:
    """The reader's language: the client's (the storefront sends its page's), else the account's."""
    accepted = info.context.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for tag in accepted.split(","):
        code = tag.strip()[:2].lower()
        if code in ("fr", "ar", "en"):
            return code
    user = user_of(info)
    return getattr(user, "language_code", "en") or "en"


def _cart(cart):
    return selectors.cart_view(cart)


# --- buyers ---------------------------------------------------------------------------------------------

class TradeAccountApplyInput(graphene.InputObjectType):
    company_name = graphene.String(required=True)
    country = CountryCode(required=True)
    tax_id = graphene.String(required=True, description="VAT or EORI number (Europe), a business number elsewhere.")
    tax_id_kind = TradeTaxIdKindEnum(default_value="VAT")
    website = graphene.String()
    shop_address = AddressInput(description="The shop's address (required without a website).")
    shop_kind = TradeShopKindEnum(required=True)


class TradeAccountApply(MaalemMutation):
    """A signed-in user applies for a trade account (or corrects a refused application)."""

    class Arguments:
        input = TradeAccountApplyInput(required=True)

    trade_account = graphene.Field(TradeAccount)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, input):
        return {"trade_account": account_services.apply(user_of(info), dict(input))}


class TradeCartLineInput(graphene.InputObjectType):
    variant_id = graphene.ID(required=True)
    quantity = graphene.Int(required=True)


def _lines(lines) -> list[dict]:
    return [{"variant_id": pk_from_global_id(item["variant_id"], "ProductVariant"), "quantity": item["quantity"]}
            for item in lines]


class TradeCartLinesAdd(MaalemMutation):
    """Add quantities to the trade cart (in whole packs, within stock plus made-to-order capacity)."""

    class Arguments:
        lines = graphene.NonNull(graphene.List(graphene.NonNull(TradeCartLineInput)))

    trade_cart = graphene.Field(TradeCart)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, lines):
        return {"trade_cart": _cart(cart_services.set_lines(user_of(info), _lines(lines), add=True))}


class TradeCartLinesUpdate(MaalemMutation):
    """Set the quantities of trade cart lines (0 removes a line)."""

    class Arguments:
        lines = graphene.NonNull(graphene.List(graphene.NonNull(TradeCartLineInput)))

    trade_cart = graphene.Field(TradeCart)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, lines):
        return {"trade_cart": _cart(cart_services.set_lines(user_of(info), _lines(lines)))}


class TradeCartLinesDelete(MaalemMutation):
    class Arguments:
        variant_ids = graphene.NonNull(graphene.List(graphene.NonNull(graphene.ID)))

    trade_cart = graphene.Field(TradeCart)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, variant_ids):
        cart = cart_services.delete_lines(user_of(info), pks_from_global_ids(variant_ids, "ProductVariant"))
        return {"trade_cart": _cart(cart)}


class TradeOrderFormRow(graphene.ObjectType):
    """A problem found in an uploaded order form, with its row as the spreadsheet shows it."""

    row = graphene.Int(description="The row as the spreadsheet numbers it (null: the whole file).")
    column = graphene.String(description="The column's header as written.")
    code = graphene.String(required=True)
    message = graphene.String(required=True, description="In the client's language.")
    severity = graphene.String(required=True, description="error, warning or info.")


class TradeOrderFormUpload(MaalemMutation):
    """Upload a filled-in XLSX order form (GraphQL multipart request): it becomes the trade cart. Nothing
    changes unless every row is right; `rows` lists each problem with its row."""

    class Arguments:
        file = Upload(required=True)

    trade_cart = graphene.Field(TradeCart)
    rows = graphene.NonNull(graphene.List(graphene.NonNull(TradeOrderFormRow)), description=(
        "Every problem found, with its row (errors refuse the whole file; warnings and notes do not)."))
    errors = TRADE_ERRORS

    @classmethod
    def mutate(cls, root, info, **data):
        result = super().mutate(root, info, **data)
        if result.rows is None:  # refused: the rows found wrong, nothing written
            result.rows = getattr(info.context, "_trade_form_rows", [])
        return result

    @classmethod
    def perform(cls, root, info, file):
        from marketplace.trade.form_services import upload_order_form

        cart, problems = upload_order_form(user_of(info), file, _language(info))
        info.context._trade_form_rows = problems
        if cart is None:
            errors = [p for p in problems if p["severity"] == "error"]
            raise MutationError([FieldError("file", f"{len(errors)} problem(s) in the order form: nothing was added to "
                                            "the cart. Correct the rows listed and upload it again.",
                                            "UNREADABLE_FILE" if any(p["row"] is None for p in errors) else "INVALID")])
        return {"trade_cart": _cart(cart), "rows": problems}


class TradeOrderCreateInput(graphene.InputObjectType):
    shipping_address = AddressInput(description="Default: the shop's address.")
    billing_address = AddressInput(description="Default: the shop's address.")
    shipping_method = graphene.ID(description="A method of `tradeCart.shippingQuotes`; default: the cheapest.")
    payment_terms = TradePaymentTermsEnum(description="DEPOSIT (default) or NET_30 (trusted accounts).")
    note = graphene.String()


def _method_pk(value):
    return pk_from_global_id(value, "ShippingMethod") if value else None


class TradeOrderCreate(MaalemMutation):
    """Turn the trade cart into a trade order: minimums per artisan, packs, stock or made to order within
    capacity, shipping by cartons; a proforma with the deposit and the balance."""

    class Arguments:
        input = TradeOrderCreateInput(required=True)

    trade_order = graphene.Field(TradeOrder)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, input):
        trade = order_services.place_order(
            user_of(info), shipping_address=input.get("shipping_address"), billing_address=input.get("billing_address"),
            shipping_method_id=_method_pk(input.get("shipping_method")),
            payment_terms=_value(input.get("payment_terms")), note=input.get("note") or "")
        return {"trade_order": trade}


class TradeQuoteRequestInput(graphene.InputObjectType):
    variant_id = graphene.ID(required=True)
    quantity = graphene.Int(required=True)
    kind = TradeQuoteKindEnum(required=True)
    note = graphene.String(description="The variation wanted (required unless a plain quantity).")


class TradeQuoteRequest(MaalemMutation):
    class Arguments:
        input = TradeQuoteRequestInput(required=True)

    trade_quote = graphene.Field(TradeQuote)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, input):
        quote = quote_services.request_quote(
            user_of(info), variant_pk=pk_from_global_id(input["variant_id"], "ProductVariant"),
            quantity=input["quantity"], kind=_value(input["kind"]), note=input.get("note") or "")
        return {"trade_quote": quote}


def _quote_pk(value: str) -> int:
    return pk_from_global_id(value, "TradeQuote")


class TradeQuoteAcceptInput(graphene.InputObjectType):
    shipping_address = AddressInput()
    shipping_method = graphene.ID()
    payment_terms = TradePaymentTermsEnum()


class TradeQuoteAccept(MaalemMutation):
    """Accept an artisan's offer: it becomes a trade order."""

    class Arguments:
        id = graphene.ID(required=True)
        input = TradeQuoteAcceptInput()

    trade_quote = graphene.Field(TradeQuote)
    trade_order = graphene.Field(TradeOrder)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, id, input=None):
        input = input or {}
        trade = quote_services.accept_quote(
            user_of(info), _quote_pk(id), shipping_address=input.get("shipping_address"),
            shipping_method_id=_method_pk(input.get("shipping_method")),
            payment_terms=_value(input.get("payment_terms")))
        return {"trade_order": trade, "trade_quote": trade.quote}


# --- artisans -------------------------------------------------------------------------------------------

class ArtisanTradeTermsInput(graphene.InputObjectType):
    first_order_minimum = PositiveDecimal(description="In euros.")
    reorder_minimum = PositiveDecimal(description="In euros.")


class ArtisanTradeTermsUpdate(MaalemMutation):
    """An artisan's minimum order values for trade buyers (its members, curators, admins)."""

    class Arguments:
        artisan_id = graphene.ID(required=True)
        input = ArtisanTradeTermsInput(required=True)

    first_order_minimum = graphene.Decimal()
    reorder_minimum = graphene.Decimal()
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, artisan_id, input):
        terms = offer_services.update_artisan_terms(
            user_of(info), pk_from_global_id(artisan_id, "Artisan"),
            first_order_minimum=input.get("first_order_minimum"), reorder_minimum=input.get("reorder_minimum"))
        return {"first_order_minimum": terms.first_order_minimum, "reorder_minimum": terms.reorder_minimum}


class TradeProductOfferUpdate(MaalemMutation):
    """Offer a product to trade buyers (every trade channel, wholesale prices from the trade rule), or not."""

    class Arguments:
        product_id = graphene.ID(required=True)
        offered = graphene.Boolean(required=True)

    product = graphene.Field(Product)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, product_id, offered):
        product = offer_services.set_product_offer(user_of(info), pk_from_global_id(product_id, "Product"), offered)
        return {"product": product}


class TradeWholesalePriceInput(graphene.InputObjectType):
    channel = graphene.String(required=True, description="A trade channel's slug.")
    price = PositiveDecimal(description="The wholesale price set by hand; null: back to the trade rule.")


class TradeVariantTermsInput(graphene.InputObjectType):
    pack_size = graphene.Int()
    lead_time_weeks = graphene.Int()
    made_to_order_capacity = graphene.Int()
    wholesale_prices = graphene.List(graphene.NonNull(TradeWholesalePriceInput))


class TradeVariantTermsUpdate(MaalemMutation):
    """A variant's pack size, made-to-order capacity and lead time, and its wholesale price overrides."""

    class Arguments:
        variant_id = graphene.ID(required=True)
        input = TradeVariantTermsInput(required=True)

    pack_size = graphene.Int()
    lead_time_weeks = graphene.Int()
    made_to_order_capacity = graphene.Int()
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, variant_id, input):
        data = dict(input)
        data["wholesale_prices"] = [dict(item) for item in data.get("wholesale_prices") or []]
        terms = offer_services.update_variant_terms(user_of(info), pk_from_global_id(variant_id, "ProductVariant"),
                                                    data)
        return {"pack_size": terms.pack_size, "lead_time_weeks": terms.lead_time_weeks,
                "made_to_order_capacity": terms.made_to_order_capacity}


class TradeQuoteAnswerInput(graphene.InputObjectType):
    unit_price = PositiveDecimal(description="In the quote's currency.")
    lead_time_weeks = graphene.Int()
    note = graphene.String()
    decline = graphene.Boolean(default_value=False)


class TradeQuoteAnswer(MaalemMutation):
    """The artisan's answer to a quote: a unit price and a lead time, or no."""

    class Arguments:
        id = graphene.ID(required=True)
        input = TradeQuoteAnswerInput(required=True)

    trade_quote = graphene.Field(TradeQuote)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, id, input):
        quote = quote_services.answer_quote(user_of(info), _quote_pk(id), unit_price=input.get("unit_price"),
                                            lead_time_weeks=input.get("lead_time_weeks"), note=input.get("note") or "",
                                            decline=bool(input.get("decline")))
        return {"trade_quote": quote}


# --- curators and the back office -------------------------------------------------------------------------

def _account_pk(value: str) -> int:
    return pk_from_global_id(value, "TradeAccount")


class TradeAccountApprove(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        trusted = graphene.Boolean(description="Also allow net-30 terms.")

    trade_account = graphene.Field(TradeAccount)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, id, trusted=None):
        return {"trade_account": account_services.approve(user_of(info), _account_pk(id), trusted=trusted)}


class TradeAccountReject(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        reason = TradeRejectionReasonEnum(required=True)
        note = graphene.String()

    trade_account = graphene.Field(TradeAccount)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, id, reason, note=None):
        account = account_services.reject(user_of(info), _account_pk(id), reason=_value(reason), note=note or "")
        return {"trade_account": account}


class TradeAccountTrustedUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        trusted = graphene.Boolean(required=True)

    trade_account = graphene.Field(TradeAccount)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, id, trusted):
        return {"trade_account": account_services.set_trusted(user_of(info), _account_pk(id), trusted)}


class TradeOrderPaymentRecord(MaalemMutation):
    """The back office records the deposit (production starts) or the balance received by transfer."""

    class Arguments:
        id = graphene.ID(required=True, description="The trade order's ID.")
        kind = TradePaymentKindEnum(required=True)
        transaction_reference = graphene.String()

    trade_order = graphene.Field(TradeOrder)
    errors = TRADE_ERRORS

    @classmethod
    def perform(cls, root, info, id, kind, transaction_reference=None):
        from marketplace.orders.models import Order

        type_name, key = from_global_id(id)
        order = None
        if type_name == "TradeOrder":
            try:
                order = Order.objects.filter(token=key).first()
            except Exception:  # not a UUID
                order = None
        if order is None:
            raise MutationError([FieldError("id", "Couldn't resolve to a trade order.", "NOT_FOUND")])
        trade = order_services.record_payment(user_of(info), order.pk, _value(kind), transaction_reference or "")
        return {"trade_order": trade}


class TradeMutations(graphene.ObjectType):
    trade_account_apply = TradeAccountApply.Field()
    trade_cart_lines_add = TradeCartLinesAdd.Field()
    trade_cart_lines_update = TradeCartLinesUpdate.Field()
    trade_cart_lines_delete = TradeCartLinesDelete.Field()
    trade_order_form_upload = TradeOrderFormUpload.Field()
    trade_order_create = TradeOrderCreate.Field()
    trade_quote_request = TradeQuoteRequest.Field()
    trade_quote_accept = TradeQuoteAccept.Field()
    artisan_trade_terms_update = ArtisanTradeTermsUpdate.Field()
    trade_product_offer_update = TradeProductOfferUpdate.Field()
    trade_variant_terms_update = TradeVariantTermsUpdate.Field()
    trade_quote_answer = TradeQuoteAnswer.Field()
    trade_account_approve = TradeAccountApprove.Field()
    trade_account_reject = TradeAccountReject.Field()
    trade_account_trusted_update = TradeAccountTrustedUpdate.Field()
    trade_order_payment_record = TradeOrderPaymentRecord.Field()
