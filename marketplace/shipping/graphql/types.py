"""Saleor's ShippingMethod, Warehouse (collection points) and the DeliveryMethod union."""

from __future__ import annotations

import json

import graphene

from marketplace.catalog.graphql.management_types import Warehouse
from marketplace.core.graphql.ids import to_global_id
from marketplace.core.graphql.types import LanguageCodeEnum, Money, Node, ObjectWithMetadata, Weight

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
