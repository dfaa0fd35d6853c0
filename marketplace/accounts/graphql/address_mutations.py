"""The signed-in buyer's address book: accountAddressCreate / accountAddressDelete (Saleor's shapes)."""

from __future__ import annotations

import graphene

from marketplace.accounts.addresses import address_from_input
from marketplace.accounts.graphql.address_types import Address, AddressInput, AddressTypeEnum
from marketplace.accounts.graphql.schema import ACCOUNT_ERRORS, User
from marketplace.core.errors import FieldError, MutationError
from marketplace.core.graphql.ids import pk_from_global_id
from marketplace.core.graphql.mutations import MaalemMutation
from marketplace.core.permissions import require_authenticated


class AccountAddressCreate(MaalemMutation):
    class Arguments:
        input = AddressInput(required=True)
        type = AddressTypeEnum()
        customer_id = graphene.ID()

    user = graphene.Field(User)
    address = graphene.Field(Address)
    errors = ACCOUNT_ERRORS

    @classmethod
    def perform(cls, root, info, input, type=None, customer_id=None):
        user = info.context.user
        require_authenticated(user)
        address = address_from_input(input)
        user.addresses.add(address)
        kind = getattr(type, "value", type)
        if kind == "SHIPPING":
            user.default_shipping_address = address
        elif kind == "BILLING":
            user.default_billing_address = address
        if kind:
            user.save(update_fields=[f"default_{kind.lower()}_address"])
        return {"user": user, "address": address}


class AccountAddressDelete(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)

    user = graphene.Field(User)
    address = graphene.Field(Address)
    errors = ACCOUNT_ERRORS

    @classmethod
    def perform(cls, root, info, id):
        user = info.context.user
        require_authenticated(user)
        address = user.addresses.filter(pk=pk_from_global_id(id, "Address")).first()
        if address is None:
            raise MutationError([FieldError("id", "Couldn't resolve to a node: address.", "NOT_FOUND")])
        user.addresses.remove(address)
        address.delete()
        return {"user": user, "address": address}


class AddressMutations(graphene.ObjectType):
    account_address_create = AccountAddressCreate.Field()
    account_address_delete = AccountAddressDelete.Field()
