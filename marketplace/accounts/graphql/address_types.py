"""Saleor's Address, AddressInput and CountryCode."""

from __future__ import annotations

import graphene
from babel import Locale

from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import CountryDisplay, Node, ObjectWithMetadata

_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
CountryCode = graphene.Enum("CountryCode", [
    (code, code) for code in sorted(Locale("en").territories)
    if len(code) == 2 and code.isalpha() and code.isupper() and code not in _NOT_COUNTRIES])


class Address(graphene.ObjectType):
    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    first_name = graphene.String(required=True)
    last_name = graphene.String(required=True)
    company_name = graphene.String(required=True)
    street_address_1 = graphene.String(required=True, name="streetAddress1")
    street_address_2 = graphene.String(required=True, name="streetAddress2")
    city = graphene.String(required=True)
    city_area = graphene.String(required=True)
    postal_code = graphene.String(required=True)
    country = graphene.Field(CountryDisplay, required=True)
    country_area = graphene.String(required=True)
    phone = graphene.String()
    is_default_shipping_address = graphene.Boolean()
    is_default_billing_address = graphene.Boolean()

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Address", root.pk)

    @staticmethod
    def resolve_country(root, info):
        return CountryDisplay.of(root.country)

    @staticmethod
    def resolve_is_default_shipping_address(root, info):
        user = info.context.user
        return bool(user.is_authenticated and user.default_shipping_address_id == root.pk)

    @staticmethod
    def resolve_is_default_billing_address(root, info):
        user = info.context.user
        return bool(user.is_authenticated and user.default_billing_address_id == root.pk)


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(required=True)
    value = graphene.String(required=True)


class AddressInput(graphene.InputObjectType):
    first_name = graphene.String()
    last_name = graphene.String()
    company_name = graphene.String()
    street_address_1 = graphene.String(name="streetAddress1")
    street_address_2 = graphene.String(name="streetAddress2")
    city = graphene.String()
    city_area = graphene.String()
    postal_code = graphene.String()
    country = CountryCode()
    country_area = graphene.String()
    phone = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataInput))
    skip_validation = graphene.Boolean(default_value=False)


class AddressTypeEnum(graphene.Enum):
    BILLING = "BILLING"
    SHIPPING = "SHIPPING"
