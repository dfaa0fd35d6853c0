"""Checkout queries and mutations with Saleor's names, arguments and payloads."""

from __future__ import annotations

import uuid

import graphene
from graphql import GraphQLError

from marketplace.accounts.graphql.address_types import AddressInput, MetadataInput
from marketplace.checkout import services
from marketplace.checkout.complete import complete_checkout
from marketplace.checkout.graphql.types import Checkout
from marketplace.checkout.models import Checkout as CheckoutModel
from marketplace.core.errors import FieldError, MutationError, PermissionDenied
from marketplace.core.graphql.ids import from_global_id, pk_from_global_id
from marketplace.core.graphql.mutations import MaalemMutation, error_type
from marketplace.core.graphql.types import LanguageCodeEnum

CheckoutError = error_type("Checkout", [
    "BILLING_ADDRESS_NOT_SET", "CHECKOUT_NOT_FULLY_PAID", "GRAPHQL_ERROR", "PRODUCT_NOT_PUBLISHED",
    "PRODUCT_UNAVAILABLE_FOR_PURCHASE", "INSUFFICIENT_STOCK", "INVALID", "INVALID_SHIPPING_METHOD", "NOT_FOUND",
    "PAYMENT_ERROR", "QUANTITY_GREATER_THAN_LIMIT", "REQUIRED", "SHIPPING_ADDRESS_NOT_SET",
    "SHIPPING_METHOD_NOT_APPLICABLE", "DELIVERY_METHOD_NOT_APPLICABLE", "SHIPPING_METHOD_NOT_SET",
    "SHIPPING_NOT_REQUIRED", "TAX_ERROR", "UNIQUE", "ZERO_QUANTITY", "MISSING_CHANNEL_SLUG", "CHANNEL_INACTIVE",
    "UNAVAILABLE_VARIANT_IN_CHANNEL", "EMAIL_NOT_SET", "NO_LINES", "INACTIVE_PAYMENT", "MISSING_ADDRESS_DATA",
    "TOO_MANY_REQUESTS",  # marketplace extension: checkoutCreate's rate limit (Saleor has no code for it)
])
CHECKOUT_ERRORS = graphene.NonNull(graphene.List(graphene.NonNull(CheckoutError)))


def checkout_token(id: str | None = None, token: object = None, checkout_id: str | None = None) -> uuid.UUID:
    """Saleor accepts `id` (global ID), the deprecated `checkoutId`, or `token`."""
    if token:
        return token if isinstance(token, uuid.UUID) else uuid.UUID(str(token))
    global_id = id or checkout_id
    if not global_id:
        raise MutationError([FieldError("id", "Provide the checkout id.", "REQUIRED")])
    type_name, pk = from_global_id(global_id)
    if type_name != "Checkout":
        raise GraphQLError(f"Invalid ID: {global_id}. Expected: Checkout, received: {type_name}.")
    try:
        return uuid.UUID(pk)
    except ValueError:
        raise GraphQLError(f"Invalid ID: {global_id}. Expected: Checkout.") from None


def _lines(lines: list[dict]) -> list[dict]:
    result = []
    for line in lines or []:
        if line.get("price") is not None:
            raise MutationError([FieldError("price", "Prices are set by the marketplace, not by the client.",
                                            "INVALID")])
        result.append({"variant_id": pk_from_global_id(line["variant_id"], "ProductVariant"),
                       "quantity": line["quantity"]})
    return result


class CheckoutLineInput(graphene.InputObjectType):
    quantity = graphene.Int(required=True)
    variant_id = graphene.ID(required=True)
    price = graphene.Decimal()
    price_override_reason = graphene.String()
    force_new_line = graphene.Boolean(default_value=False)
    metadata = graphene.List(graphene.NonNull(MetadataInput))


class CheckoutLineUpdateInput(graphene.InputObjectType):
    variant_id = graphene.ID()
    quantity = graphene.Int()
    price = graphene.Decimal()
    price_override_reason = graphene.String()
    line_id = graphene.ID()
    metadata = graphene.List(graphene.NonNull(MetadataInput))


class CheckoutCreateInput(graphene.InputObjectType):
    channel = graphene.String()
    lines = graphene.NonNull(graphene.List(graphene.NonNull(CheckoutLineInput)))
    email = graphene.String()
    save_shipping_address = graphene.Boolean()
    shipping_address = AddressInput()
    save_billing_address = graphene.Boolean()
    billing_address = AddressInput()
    language_code = LanguageCodeEnum()
    metadata = graphene.List(graphene.NonNull(MetadataInput))


class CheckoutMutation(MaalemMutation):
    class Meta:
        abstract = True

    @classmethod
    def load_checkout(cls, info=None, **data) -> CheckoutModel:
        # Locked until the mutation commits: one change of a checkout at a time, and the lock order of
        # inventory/services.py (checkout row, then stock rows).
        checkout = services.get_checkout(checkout_token(data.get("id"), data.get("token"), data.get("checkout_id")),
                                         for_update=True)
        services.require_checkout_owner(checkout, getattr(info, "context", None) and info.context.user)
        return checkout

    @classmethod
    def result(cls, checkout: CheckoutModel) -> dict:
        # The locked row the services changed and saved (with its channel and addresses, and its lines and
        # prices when the change read them): the answer is read from it, not from the database again.
        return {"checkout": checkout}


class CheckoutCreate(CheckoutMutation):
    class Arguments:
        input = CheckoutCreateInput(required=True)

    checkout = graphene.Field(Checkout)
    errors = CHECKOUT_ERRORS

    @classmethod
    def perform(cls, root, info, input):
        language = input.get("language_code")
        checkout = services.create_checkout(
            channel_slug=input.get("channel"), lines=_lines(input.get("lines")), email=input.get("email"),
            shipping_address=input.get("shipping_address"), billing_address=input.get("billing_address"),
            language_code=getattr(language, "value", language), user=info.context.user, request=info.context,
            metadata=input.get("metadata"))
        return cls.result(checkout)


class CheckoutLinesAdd(CheckoutMutation):
    class Arguments:
        lines = graphene.NonNull(graphene.List(graphene.NonNull(CheckoutLineInput)))
        id = graphene.ID()
        token = graphene.UUID()
        checkout_id = graphene.ID()

    checkout = graphene.Field(Checkout)
    errors = CHECKOUT_ERRORS

    @classmethod
    def perform(cls, root, info, lines, **ids):
        checkout = cls.load_checkout(info, **ids)
        services.add_lines(checkout, _lines(lines))
        return cls.result(checkout)


class CheckoutLinesUpdate(CheckoutMutation):
    class Arguments:
        lines = graphene.NonNull(graphene.List(graphene.NonNull(CheckoutLineUpdateInput)))
        id = graphene.ID()
        token = graphene.UUID()
        checkout_id = graphene.ID()

    checkout = graphene.Field(Checkout)
    errors = CHECKOUT_ERRORS

    @classmethod
    def perform(cls, root, info, lines, **ids):
        checkout = cls.load_checkout(info, **ids)
        by_line = {line.pk: line.variant_id for line in checkout.lines.all()}
        updates = []
        for line in lines:
            if line.get("price") is not None:
                raise MutationError([FieldError("price", "Prices are set by the marketplace.", "INVALID")])
            if line.get("line_id"):
                variant_id = by_line.get(pk_from_global_id(line["line_id"], "CheckoutLine"))
                if variant_id is None:
                    raise MutationError([FieldError("line_id", "Couldn't resolve to a node.", "NOT_FOUND")])
            elif line.get("variant_id"):
                variant_id = pk_from_global_id(line["variant_id"], "ProductVariant")
            else:
                raise MutationError([FieldError("line_id", "Provide lineId.", "REQUIRED")])
            if line.get("quantity") is None:
                raise MutationError([FieldError("quantity", "Provide the quantity.", "REQUIRED")])
            updates.append({"variant_id": variant_id, "quantity": line["quantity"]})
        services.update_lines(checkout, updates)
        return cls.result(checkout)


class CheckoutLinesDelete(CheckoutMutation):
    class Arguments:
        id = graphene.ID()
        token = graphene.UUID()
        lines_ids = graphene.NonNull(graphene.List(graphene.NonNull(graphene.ID)))

    checkout = graphene.Field(Checkout)
    errors = CHECKOUT_ERRORS

    @classmethod
    def perform(cls, root, info, lines_ids, **ids):
        checkout = cls.load_checkout(info, **ids)
        services.delete_lines(checkout, [pk_from_global_id(gid, "CheckoutLine") for gid in lines_ids])
        return cls.result(checkout)


class CheckoutEmailUpdate(CheckoutMutation):
    class Arguments:
        email = graphene.String(required=True)
        id = graphene.ID()
        token = graphene.UUID()
        checkout_id = graphene.ID()

    checkout = graphene.Field(Checkout)
    errors = CHECKOUT_ERRORS

    @classmethod
    def perform(cls, root, info, email, **ids):
        checkout = cls.load_checkout(info, **ids)
        services.update_email(checkout, email)
        return cls.result(checkout)


class CheckoutCustomerNoteUpdate(CheckoutMutation):
    class Arguments:
        id = graphene.ID(required=True)
        customer_note = graphene.String(required=True)

    checkout = graphene.Field(Checkout)
    errors = CHECKOUT_ERRORS

    @classmethod
    def perform(cls, root, info, customer_note, **ids):
        checkout = cls.load_checkout(info, **ids)
        services.update_customer_note(checkout, customer_note)
        return cls.result(checkout)


class CheckoutShippingAddressUpdate(CheckoutMutation):
    class Arguments:
        shipping_address = AddressInput(required=True)
        save_address = graphene.Boolean()
        id = graphene.ID()
        token = graphene.UUID()
        checkout_id = graphene.ID()

    checkout = graphene.Field(Checkout)
    errors = CHECKOUT_ERRORS

    @classmethod
    def perform(cls, root, info, shipping_address, save_address=None, **ids):
        checkout = cls.load_checkout(info, **ids)
        services.update_address(checkout, "shipping", shipping_address, save=bool(save_address),
                                user=info.context.user)
        return cls.result(checkout)


class CheckoutBillingAddressUpdate(CheckoutMutation):
    class Arguments:
        billing_address = AddressInput(required=True)
        save_address = graphene.Boolean()
        id = graphene.ID()
        token = graphene.UUID()
        checkout_id = graphene.ID()

    checkout = graphene.Field(Checkout)
    errors = CHECKOUT_ERRORS

    @classmethod
    def perform(cls, root, info, billing_address, save_address=None, **ids):
        checkout = cls.load_checkout(info, **ids)
        services.update_address(checkout, "billing", billing_address, save=bool(save_address), user=info.context.user)
        return cls.result(checkout)


class CheckoutDeliveryMethodUpdate(CheckoutMutation):
    class Arguments:
        id = graphene.ID()
        token = graphene.UUID()
        delivery_method_id = graphene.ID()

    checkout = graphene.Field(Checkout)
    errors = CHECKOUT_ERRORS

    @classmethod
    def perform(cls, root, info, delivery_method_id=None, **ids):
        checkout = cls.load_checkout(info, **ids)
        if not delivery_method_id:
            raise MutationError([FieldError("delivery_method_id", "Provide a delivery method.", "REQUIRED")])
        type_name, _ = from_global_id(delivery_method_id)
        if type_name == "ShippingMethod":
            services.set_delivery_method(checkout, shipping_method_id=pk_from_global_id(delivery_method_id,
                                                                                        "ShippingMethod"))
        elif type_name == "Warehouse":
            services.set_delivery_method(checkout, warehouse_id=pk_from_global_id(delivery_method_id, "Warehouse"))
        else:
            raise MutationError([FieldError("delivery_method_id", "Expected a ShippingMethod or a Warehouse.",
                                            "INVALID")])
        return cls.result(checkout)


class CheckoutComplete(MaalemMutation):
    class Arguments:
        id = graphene.ID()
        token = graphene.UUID()
        checkout_id = graphene.ID()
        payment_data = graphene.JSONString()
        redirect_url = graphene.String()
        store_source = graphene.Boolean()
        metadata = graphene.List(graphene.NonNull(MetadataInput))

    order = graphene.Field(lambda: _order_type())
    confirmation_needed = graphene.Boolean(required=True)
    confirmation_data = graphene.JSONString()
    errors = CHECKOUT_ERRORS

    @classmethod
    def mutate(cls, root, info, **data):
        # No outer transaction: complete_checkout manages its own, and sends e-mails after commit.
        try:
            token = checkout_token(data.get("id"), data.get("token"), data.get("checkout_id"))
            order = complete_checkout(token, info.context.user)
        except PermissionDenied as error:
            raise GraphQLError(error.message, extensions={"code": "PERMISSION_DENIED"}) from None
        except MutationError as error:
            from marketplace.core.graphql.mutations import _payload_error

            return cls(errors=[_payload_error(e) for e in error.errors], confirmation_needed=False)
        return cls(order=order, confirmation_needed=False, errors=[])


def _order_type():
    from marketplace.orders.graphql.types import Order

    return Order


class CheckoutQueries(graphene.ObjectType):
    checkout = graphene.Field(Checkout, id=graphene.ID(), token=graphene.UUID())

    @staticmethod
    def resolve_checkout(root, info, id=None, token=None):
        """As Saleor: a guest's checkout to whoever holds its ID; a buyer's to that buyer or staff."""
        try:
            checkout = services.get_checkout(checkout_token(id, token), missing_ok=True)
        except MutationError:
            return None
        if checkout is not None and not services.is_owner(checkout.user_id, info.context.user):
            raise GraphQLError("You do not have permission to perform this action.",
                               extensions={"code": "PERMISSION_DENIED"})
        return checkout


class CheckoutMutations(graphene.ObjectType):
    checkout_create = CheckoutCreate.Field()
    checkout_lines_add = CheckoutLinesAdd.Field()
    checkout_lines_update = CheckoutLinesUpdate.Field()
    checkout_lines_delete = CheckoutLinesDelete.Field()
    checkout_email_update = CheckoutEmailUpdate.Field()
    checkout_customer_note_update = CheckoutCustomerNoteUpdate.Field()
    checkout_shipping_address_update = CheckoutShippingAddressUpdate.Field()
    checkout_billing_address_update = CheckoutBillingAddressUpdate.Field()
    checkout_delivery_method_update = CheckoutDeliveryMethodUpdate.Field()
    checkout_complete = CheckoutComplete.Field()
