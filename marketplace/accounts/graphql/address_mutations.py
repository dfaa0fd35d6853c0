"""The signed-in buyer's address book: accountAddressCreate / accountAddressDelete (Saleor's shapes); the
writes are accounts/addresses.py's."""

from __future__ import annotations

import graphene

from marketplace.accounts.addresses import add_to_address_book, remove_from_address_book
from marketplace.accounts.graphql.address_types import Address, AddressInput, AddressTypeEnum
from marketplace.accounts.graphql.schema import ACCOUNT_ERRORS, User
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
        return {"user": user, "address": add_to_address_book(user, input, getattr(type, "value", type))}


class AccountAddressDelete(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)

    user = graphene.Field(User)
    address = graphene.Field(Address)
    errors = ACCOUNT_ERRORS

    @classmethod
    def perform(cls, root, info, id):
        user = info.context.user
        require_authenticated(user)  # before the ID is read: an anonymous caller learns nothing from it
        return {"user": user, "address": remove_from_address_book(user, pk_from_global_id(id, "Address"))}


class AddressMutations(graphene.ObjectType):
    account_address_create = AccountAddressCreate.Field()
    account_address_delete = AccountAddressDelete.Field()
