"""The fairs app's GraphQL: `fair(slug:)`, `fairs(first:, after:, filter:)` and the mutations (curators:
fairCreate, fairUpdate, fairStandAssign, fairStandRemove; artisans' members: fairStandSaleCreate; anyone:
fairVisitCreate). Thin: every rule is in marketplace/fairs/services.py."""

from __future__ import annotations

import graphene
from django.db.models import Q
from django.utils import timezone
from graphql import GraphQLError

from marketplace.core.errors import MutationError
from marketplace.core.graphql.ids import pk_from_global_id
from marketplace.core.graphql.mutations import MaalemMutation, error_type
from marketplace.core.graphql.pagination import paginate
from marketplace.core.graphql.types import LanguageCodeEnum, connection_args, countable_connection
from marketplace.core.permissions import require_curator
from marketplace.fairs import selectors, services
from marketplace.fairs.graphql.types import Fair, FairStand, StandSale, StandSalePaymentEnum
from marketplace.fairs.models import Fair as FairModel

FairError = error_type("Fair", [
    "GRAPHQL_ERROR", "INVALID", "NOT_FOUND", "REQUIRED", "UNIQUE", "STAND_TAKEN", "STAND_HAS_SALES",
    "ARTISAN_NOT_VERIFIED", "NO_STAND", "FAIR_NOT_OPEN", "NOT_PRICED", "INVALID_PRICE", "PRICE_ABOVE_LISTED",
    "INSUFFICIENT_STOCK", "SHIPPING_METHOD_NOT_APPLICABLE", "IDEMPOTENCY_KEY_REUSED", "TOO_MANY_REQUESTS"])
FAIR_ERRORS = graphene.NonNull(graphene.List(graphene.NonNull(FairError)))


def _fair(global_id: str) -> FairModel:
    fair = FairModel.objects.filter(pk=pk_from_global_id(global_id, "Fair")).first()
    if fair is None:
        raise MutationError("Couldn't resolve to a node: fair.", code="NOT_FOUND", field="fair")
    return fair


def _artisan(global_id: str):
    from marketplace.artisans.models import Artisan

    artisan = Artisan.objects.filter(pk=pk_from_global_id(global_id, "Artisan")).first()
    if artisan is None:
        raise MutationError("Couldn't resolve to a node: artisan.", code="NOT_FOUND", field="artisan")
    return artisan


class FairTranslationInput(graphene.InputObjectType):
    language_code = LanguageCodeEnum(required=True)
    name = graphene.String(required=True)
    venue = graphene.String()


class FairInput(graphene.InputObjectType):
    name = graphene.String(description="In French; ar and en go in translations.")
    slug = graphene.String()
    city = graphene.String()
    venue = graphene.String()
    map_url = graphene.String()
    starts_on = graphene.Date()
    ends_on = graphene.Date()
    channels = graphene.List(graphene.NonNull(graphene.String), description="Slugs of the markets it sells in.")
    commission_rate = graphene.Decimal(description="Commission kept on stand sales (0 to 0.5; 0 waives it).")
    collection = graphene.ID(description="The fair's collection (null to detach it).")
    translations = graphene.List(graphene.NonNull(FairTranslationInput))


def _fair_data(input: dict) -> dict:
    data = dict(input)
    if "collection" in data:
        data["collection"] = None if data["collection"] is None else pk_from_global_id(data["collection"],
                                                                                       "Collection")
    return data


class FairCreate(MaalemMutation):
    class Arguments:
        input = FairInput(required=True)

    fair = graphene.Field(Fair)
    errors = FAIR_ERRORS

    @classmethod
    def perform(cls, root, info, input):
        return {"fair": services.create_fair(info.context.user, _fair_data(input))}


class FairUpdate(MaalemMutation):
    class Arguments:
        id = graphene.ID(required=True)
        input = FairInput(required=True)

    fair = graphene.Field(Fair)
    errors = FAIR_ERRORS

    @classmethod
    def perform(cls, root, info, id, input):
        require_curator(info.context.user)
        return {"fair": services.update_fair(info.context.user, _fair(id), _fair_data(input))}


class FairStandAssign(MaalemMutation):
    class Arguments:
        fair = graphene.ID(required=True)
        artisan = graphene.ID(required=True)
        number = graphene.String(required=True)
        hall = graphene.String()

    stand = graphene.Field(FairStand)
    fair = graphene.Field(Fair)
    errors = FAIR_ERRORS

    @classmethod
    def perform(cls, root, info, fair, artisan, number, hall=""):
        require_curator(info.context.user)
        the_fair = _fair(fair)
        stand = services.assign_stand(info.context.user, the_fair, _artisan(artisan), number=number, hall=hall or "")
        return {"stand": stand, "fair": the_fair}


class FairStandRemove(MaalemMutation):
    class Arguments:
        fair = graphene.ID(required=True)
        artisan = graphene.ID(required=True)

    fair = graphene.Field(Fair)
    errors = FAIR_ERRORS

    @classmethod
    def perform(cls, root, info, fair, artisan):
        require_curator(info.context.user)
        the_fair = _fair(fair)
        services.remove_stand(info.context.user, the_fair, _artisan(artisan))
        return {"fair": the_fair}


class FairStandSaleCreateInput(graphene.InputObjectType):
    fair = graphene.ID(required=True)
    variant = graphene.ID(required=True, description="The piece sold (a ProductVariant of the artisan).")
    idempotency_key = graphene.UUID(required=True,
                                    description="Made by the client before the first submit; a retry sends the same.")
    payment = StandSalePaymentEnum(required=True)
    price = graphene.Decimal(description="The price agreed, at most the listed one (default: the listed price).")
    channel = graphene.String(description="One of the fair's markets (default: its first).")
    email = graphene.String(description="The buyer's e-mail for a receipt.")
    language_code = LanguageCodeEnum(description="The receipt's language.")
    shipping_address = graphene.InputField("marketplace.accounts.graphql.address_types.AddressInput",
                                           description="Ship it home: the buyer's address.")
    shipping_method = graphene.ID(description="Default: the cheapest method to the address.")


class FairStandSaleCreate(MaalemMutation):
    """Record a sale on the artisan's stand: an order with the fair as its source, paid on the spot, whose
    stock is allocated at once (the piece leaves the shop)."""

    class Arguments:
        input = FairStandSaleCreateInput(required=True)

    stand_sale = graphene.Field(StandSale)
    order = graphene.Field("marketplace.orders.graphql.types.Order")
    replayed = graphene.Boolean(description="True when this key's sale was recorded by an earlier submit.")
    errors = FAIR_ERRORS

    @classmethod
    def perform(cls, root, info, input):
        language = input.get("language_code")
        method = input.get("shipping_method")
        data = services.StandSaleInput(
            fair=_fair(input["fair"]), variant_id=pk_from_global_id(input["variant"], "ProductVariant"),
            idempotency_key=input["idempotency_key"], payment=getattr(input["payment"], "value", input["payment"]),
            price=input.get("price"), email=input.get("email") or "",
            language_code=getattr(language, "value", language) or "fr", channel_slug=input.get("channel"),
            shipping_address=input.get("shipping_address"),
            shipping_method_id=pk_from_global_id(method, "ShippingMethod") if method else None)
        sale = services.record_stand_sale(info.context.user, data)
        return {"stand_sale": sale, "order": sale.order, "replayed": sale.replayed}


class FairVisitCreate(MaalemMutation):
    """Count a landing from a fair's QR label (`?src=fair-<slug>`)."""

    class Arguments:
        fair = graphene.String(required=True, description="The fair's slug.")
        product = graphene.String(description="The product's slug the label opened.")
        channel = graphene.String()

    errors = FAIR_ERRORS

    @classmethod
    def perform(cls, root, info, fair, product=None, channel=None):
        services.record_visit(fair, product_slug=product, channel_slug=channel, request=info.context)
        return {}


class FairFilterInput(graphene.InputObjectType):
    search = graphene.String()
    upcoming = graphene.Boolean(description="True: not ended yet; false: ended.")
    artisan = graphene.ID(description="Fairs where this artisan has a stand.")
    channel = graphene.String(description="Fairs that sell in this market.")


class FairQueries(graphene.ObjectType):
    fair = graphene.Field(Fair, id=graphene.ID(), slug=graphene.String(),
                          description="Marketplace extension: a fair or exhibition.")
    fairs = graphene.Field(countable_connection(Fair), filter=FairFilterInput(), **connection_args(),
                           description="Marketplace extension: fairs, the latest first.")

    @staticmethod
    def resolve_fair(root, info, id=None, slug=None):
        fairs = selectors.fairs_queryset()
        if id is not None:
            return fairs.filter(pk=pk_from_global_id(id, "Fair")).first()
        if slug is not None:
            return fairs.filter(slug=slug).first()
        raise GraphQLError("Provide one of: id, slug.")

    @staticmethod
    def resolve_fairs(root, info, filter=None, **page_args):
        fairs = selectors.fairs_queryset()
        filter = filter or {}
        if filter.get("search"):
            term = filter["search"]
            fairs = fairs.filter(Q(name__unaccent__icontains=term) | Q(city__unaccent__icontains=term)
                                 | Q(translations__name__icontains=term)).distinct()
        if filter.get("upcoming") is not None:
            today = timezone.localdate()
            fairs = fairs.filter(ends_on__gte=today) if filter["upcoming"] else fairs.filter(ends_on__lt=today)
        if filter.get("artisan"):
            fairs = fairs.filter(stands__artisan_id=pk_from_global_id(filter["artisan"], "Artisan"))
        if filter.get("channel"):
            fairs = fairs.filter(channels__slug=filter["channel"])
        return paginate(fairs, sort=[("starts_on", True)], connection_name="fairs", **page_args)


class FairMutations(graphene.ObjectType):
    fair_create = FairCreate.Field()
    fair_update = FairUpdate.Field()
    fair_stand_assign = FairStandAssign.Field()
    fair_stand_remove = FairStandRemove.Field()
    fair_stand_sale_create = FairStandSaleCreate.Field()
    fair_visit_create = FairVisitCreate.Field()

