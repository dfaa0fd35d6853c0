"""`cartPricing` (marketplace extension): a cart's line prices and subtotal before it becomes a checkout.
Saleor prices only checkouts (`Checkout.subtotalPrice`); a storefront that keeps its cart elsewhere until the
buyer starts paying asks this instead of adding prices up itself. The rule is `checkout/cart_pricing.py`."""

from __future__ import annotations

import graphene
from graphql import GraphQLError

from marketplace.channels.selectors import channel_for_request
from marketplace.checkout.cart_pricing import CartInputError, CartLinePrice, CartPrices, price_cart
from marketplace.core.graphql.context import user_of
from marketplace.core.graphql.ids import pk_from_global_id, to_global_id
from marketplace.core.graphql.types import TaxedMoney


class CartLineInput(graphene.InputObjectType):
    variant_id = graphene.ID(required=True, description="The product variant's ID.")
    quantity = graphene.Int(required=True, description="How many units, 1 to 10000.")


class CartLinePricing(graphene.ObjectType):
    class Meta:
        description = ("Marketplace extension: one line of `cartPricing`. Prices are null when the variant is "
                       "not sold to the caller in the channel.")

    variant_id = graphene.ID(required=True)
    quantity = graphene.Int(required=True)
    unit_price = graphene.Field(TaxedMoney)
    total_price = graphene.Field(TaxedMoney)

    @staticmethod
    def resolve_variant_id(root: CartLinePrice, info) -> str:
        return to_global_id("ProductVariant", root.variant_id)

    @staticmethod
    def resolve_unit_price(root: CartLinePrice, info) -> dict | None:
        return root.unit and TaxedMoney.of(root.unit.gross, root.unit.net, root.currency)

    @staticmethod
    def resolve_total_price(root: CartLinePrice, info) -> dict | None:
        return root.total and TaxedMoney.of(root.total.gross, root.total.net, root.currency)


class CartPricing(graphene.ObjectType):
    class Meta:
        description = "Marketplace extension: the prices of a cart that is not a checkout yet (`cartPricing`)."

    lines = graphene.NonNull(graphene.List(graphene.NonNull(CartLinePricing)),
                             description="The lines in the order they were given.")
    subtotal_price = graphene.Field(TaxedMoney, description=(
        "The sum of the priced lines (no delivery); null when no line has a price."))

    @staticmethod
    def resolve_lines(root: CartPrices, info) -> list[CartLinePrice]:
        return root.lines

    @staticmethod
    def resolve_subtotal_price(root: CartPrices, info) -> dict | None:
        subtotal = root.subtotal
        return subtotal and TaxedMoney.of(subtotal.gross, subtotal.net, root.currency)


class CartPricingQueries(graphene.ObjectType):
    cart_pricing = graphene.Field(
        CartPricing, required=True, channel=graphene.String(required=True),
        lines=graphene.NonNull(graphene.List(graphene.NonNull(CartLineInput))),
        description=(
            "Marketplace extension: prices a cart that is not a checkout yet, as a checkout prices it before an "
            "address is known: each line at the variant's price in the channel (VAT as the channel includes it), "
            "times its quantity, and their subtotal; no delivery. Nothing is saved or held. Lines whose variant "
            "the caller cannot see in the channel come back without prices and count in no total. At most 100 "
            "lines; a quantity outside 1 to 10000 is an error with code INVALID. Saleor prices only checkouts "
            "(`Checkout.subtotalPrice`)."))

    @staticmethod
    def resolve_cart_pricing(root, info, channel: str, lines: list[dict]) -> CartPrices:
        ch = channel_for_request(info.context, channel)
        pairs = [(pk_from_global_id(line["variant_id"], "ProductVariant"), line["quantity"]) for line in lines]
        try:
            return price_cart(ch, pairs, user_of(info))
        except CartInputError as error:
            raise GraphQLError(str(error), extensions={"code": "INVALID"}) from None
