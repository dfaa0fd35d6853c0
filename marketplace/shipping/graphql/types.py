"""Saleor's ShippingMethod, Warehouse (collection points) and the DeliveryMethod union."""

from __future__ import annotations

import json

import graphene

from marketplace.accounts.graphql.address_types import Address
from marketplace.catalog.graphql.management_types import Warehouse
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import LanguageCodeEnum, Money, Node, ObjectWithMetadata, Weight


class WarehouseClickAndCollectOptionEnum(graphene.Enum):
    DISABLED = "DISABLED"
    LOCAL = "LOCAL"
    ALL = "ALL"


# The catalog owns the Warehouse type (stocks); collection points need Saleor's other Warehouse fields.
Warehouse._meta.fields.update({
    "email": graphene.Field(graphene.String, required=True, resolver=lambda root, info: root.email),
    "is_private": graphene.Field(graphene.Boolean, required=True, resolver=lambda root, info: root.is_private),
    "address": graphene.Field(Address, required=True, resolver=lambda root, info: root.address),
    "company_name": graphene.Field(graphene.String, required=True,
                                   resolver=lambda root, info: root.address.company_name),
    "click_and_collect_option": graphene.Field(WarehouseClickAndCollectOptionEnum, required=True,
                                               resolver=lambda root, info: root.click_and_collect_option),
    # Public metadata as Saleor's ObjectWithMetadata.metafield: a pickup point's "openingHours"
    # ("Mo-Sa 09:00-18:00", OpenStreetMap's syntax).
    "metafield": graphene.Field(graphene.String, key=graphene.String(required=True),
                                resolver=lambda root, info, key: (root.metadata or {}).get(key)),
})


HOTEL_MESSAGES = {
    "fr": "Indiquez le nom de votre hôtel ou riad (raison sociale de l'adresse ou note de livraison).",
    "en": "Give the name of your hotel or riad (company field of the address, or the delivery note).",
    "ar": "اكتب اسم الفندق أو الرياض (في خانة الشركة من العنوان أو في ملاحظة التوصيل).",
}


class ShippingMethodTranslation(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    name = graphene.String()
    description = graphene.JSONString()

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("ShippingMethodTranslation", f"{root['pk']}:{root['language']}")


class ShippingMethodTypeEnum(graphene.Enum):
    PRICE = "PRICE"
    WEIGHT = "WEIGHT"


class ShippingMethodKindEnum(graphene.Enum):
    """Marketplace extension: what kind of delivery this is."""

    STANDARD = "STANDARD"
    EXPRESS = "EXPRESS"
    HOTEL = "HOTEL"
    HOME = "HOME"


class ShippingMethod(graphene.ObjectType):
    """A method that fits the checkout; `price` is computed for the checkout's chargeable weight."""

    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    name = graphene.String(required=True)
    description = graphene.JSONString()
    type = graphene.Field(ShippingMethodTypeEnum)
    kind = graphene.Field(ShippingMethodKindEnum, required=True)
    minimum_delivery_days = graphene.Int()
    maximum_delivery_days = graphene.Int()
    maximum_order_weight = graphene.Field(Weight)
    translation = graphene.Field(ShippingMethodTranslation, language_code=graphene.Argument(LanguageCodeEnum,
                                                                                            required=True))
    price = graphene.Field(Money, required=True)
    active = graphene.Boolean(required=True)
    message = graphene.String()

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("ShippingMethod", root.pk)

    @staticmethod
    def resolve_description(root, info):
        return json.dumps({"blocks": [{"type": "paragraph", "data": {"text": root.description}}]}) \
            if root.description else None

    @staticmethod
    def resolve_type(root, info):
        return ShippingMethodTypeEnum.WEIGHT

    @staticmethod
    def resolve_maximum_order_weight(root, info):
        return Weight.kg(root.maximum_order_weight_kg)

    @staticmethod
    def resolve_translation(root, info, language_code):
        code = getattr(language_code, "value", language_code)
        name = root.translations.get(code)
        return {"pk": root.pk, "language": code, "name": name, "description": None} if name else None

    @staticmethod
    def resolve_price(root, info):
        return Money.of(root.price_amount, root.currency)

    @staticmethod
    def resolve_active(root, info):
        return True

    @staticmethod
    def resolve_message(root, info):
        if root.kind != "HOTEL":
            return None
        # In the client's language (the storefront sends its page language as Accept-Language).
        accepted = info.context.META.get("HTTP_ACCEPT_LANGUAGE", "")
        language = next((tag.strip()[:2].lower() for tag in accepted.split(",")
                         if tag.strip()[:2].lower() in HOTEL_MESSAGES), "fr")
        return HOTEL_MESSAGES[language]


class DeliveryMethod(graphene.Union):
    class Meta:
        types = (Warehouse, ShippingMethod)

    @classmethod
    def resolve_type(cls, instance, info):
        from marketplace.inventory.models import Warehouse as WarehouseModel

        return Warehouse if isinstance(instance, WarehouseModel) else ShippingMethod


def resolve_variant_shipping_methods(root, info, country_code, city=""):
    """What delivering one unit of this variant to `country_code` costs in the variant's channel, cheapest
    first: the product page's shipping estimate, before any checkout exists."""
    from types import SimpleNamespace

    from marketplace.catalog.graphql import dataloaders as dl
    from marketplace.shipping.services import channel_rates, chargeable_weight, methods_for

    channel = getattr(root, "_channel", None)
    if channel is None:
        return None
    # The rates of the channel once per request, the product and its type from the page's loaders.
    rates = info.context.__dict__.setdefault("_maalem_shipping_rates", {})
    if channel.pk not in rates:
        rates[channel.pk] = channel_rates(channel)
    product = dl.product_by_id(info).load(root.product_id)
    weighed = SimpleNamespace(
        weight_kg=root.weight_kg, length_cm=root.length_cm, width_cm=root.width_cm, height_cm=root.height_cm,
        product=SimpleNamespace(weight_kg=product.weight_kg,
                                product_type=dl.product_type_by_id(info).load(product.product_type_id)))
    # Without a city, every zone of the country counts: the page shows the range of what delivery costs.
    destination = SimpleNamespace(country=getattr(country_code, "value", country_code), city=(city or "").strip() or None)
    return [method for method, _price in methods_for(channel, destination, chargeable_weight(weighed, 1),
                                                      rates[channel.pk])]


def _attach_to_variant() -> None:
    from marketplace.accounts.graphql.address_types import CountryCode
    from marketplace.catalog.graphql.product_types import ProductVariant

    ProductVariant._meta.fields["shipping_methods"] = graphene.Field(
        graphene.List(graphene.NonNull(ShippingMethod)),
        country_code=graphene.Argument(CountryCode, required=True), city=graphene.String(),
        description="Delivery methods and prices for one unit to this destination, cheapest first; without a "
                    "city, those of every zone of the country (marketplace extension). Null without a channel.",
        resolver=resolve_variant_shipping_methods,
    )


_attach_to_variant()
