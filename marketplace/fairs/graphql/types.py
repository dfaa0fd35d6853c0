"""Marketplace extension types of fairs, named in Saleor's style. Other apps' types are referred to by dotted
strings (no type of another app is patched from here)."""

from __future__ import annotations

import graphene
from graphql import GraphQLError

from marketplace.catalog.graphql.management_queries import query_permission
from marketplace.catalog.graphql.types import LanguageDisplay, TranslationFields, _language, translation_field
from marketplace.core.graphql.ids import pk_from_global_id, to_global_id
from marketplace.core.graphql.types import Money, Node, ObjectWithMetadata
from marketplace.core.permissions import is_curator, require_artisan_access, require_curator
from marketplace.fairs import selectors
from marketplace.fairs.links import labels_link


class StandSalePaymentEnum(graphene.Enum):
    CASH = "CASH"
    CARD = "CARD"


class FairTranslation(graphene.ObjectType, TranslationFields):
    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String(required=True)
    venue = graphene.String()


class FairStand(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    number = graphene.String(required=True)
    hall = graphene.String(required=True)
    artisan = graphene.Field("marketplace.artisans.graphql.types.Artisan", required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("FairStand", root.pk)


class FairGroup(graphene.ObjectType):
    key = graphene.String(required=True, description="The artisan, craft or region.")
    count = graphene.Int(required=True, description="Stand sales (orders).")
    sales_mad = graphene.Decimal(required=True)


class FairFigures(graphene.ObjectType):
    """The ministry's figures of one fair (amounts in MAD)."""

    stand_sales_count = graphene.Int(required=True)
    stand_sales_mad = graphene.Decimal(required=True)
    by_artisan = graphene.NonNull(graphene.List(graphene.NonNull(FairGroup)))
    by_craft = graphene.NonNull(graphene.List(graphene.NonNull(FairGroup)))
    by_region = graphene.NonNull(graphene.List(graphene.NonNull(FairGroup)))
    qr_visits = graphene.Int(required=True, description="Landings on the shop from the fair's QR labels.")
    qr_visits_during = graphene.Int(required=True)
    qr_visits_after = graphene.Int(required=True)
    visit_orders_count = graphene.Int(required=True,
                                      description="Orders from those visits, during the fair and the 60 days after.")
    visit_orders_mad = graphene.Decimal(required=True)
    follow_up_until = graphene.Date(required=True)
    follow_up_open = graphene.Boolean(required=True)
    export_share = graphene.Float(required=True,
                                  description="Share of the value sold in an export market or shipped abroad (0-1).")


class StandSale(graphene.ObjectType):
    class Meta:
        interfaces = (Node,)

    created_at = graphene.DateTime(required=True)
    payment = graphene.Field(StandSalePaymentEnum, required=True)
    listed_price = graphene.Field(Money, required=True)
    price = graphene.Field(Money, required=True, description="What the buyer paid for the piece.")
    order = graphene.Field("marketplace.orders.graphql.types.Order", required=True)
    artisan = graphene.Field("marketplace.artisans.graphql.types.Artisan", required=True)
    product_name = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("StandSale", root.pk)

    @staticmethod
    def resolve_payment(root, info):
        return root.payment

    @staticmethod
    def resolve_listed_price(root, info):
        return Money.of(root.listed_price, root.currency)

    @staticmethod
    def resolve_price(root, info):
        return Money.of(root.order.subtotal_gross, root.currency)

    @staticmethod
    def resolve_product_name(root, info):
        line = root.order.lines.first()
        return line.product_name if line else ""


class Fair(graphene.ObjectType):
    """Marketplace extension: a fair or exhibition where artisans sell on stands."""

    class Meta:
        interfaces = (Node, ObjectWithMetadata)

    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    translation = translation_field(FairTranslation)
    city = graphene.String(required=True)
    venue = graphene.String(required=True)
    map_url = graphene.String()
    starts_on = graphene.Date(required=True)
    ends_on = graphene.Date(required=True)
    channels = graphene.NonNull(graphene.List(graphene.NonNull("marketplace.channels.graphql.types.Channel")),
                                description="The markets the fair sells in; stand sales go to the first.")
    is_international = graphene.Boolean(required=True, description="Sells in an export market: labels show EUR.")
    label_channel = graphene.String(description="The market the fair's QR codes open (channel slug).")
    source = graphene.String(required=True, description="The `src` of its QR codes: fair-<slug>.")
    commission_rate = graphene.Float(description="Curators only: the commission kept on stand sales (0-1).")
    stands = graphene.NonNull(graphene.List(graphene.NonNull(FairStand)))
    collection = graphene.Field("marketplace.catalog.graphql.collection_types.Collection", channel=graphene.String(),
                                description="The fair's collection, as published "
                                            "in the channel (curators may omit it).")
    figures = graphene.Field(FairFigures, description="Curators only: the ministry's figures of the fair.")
    labels_url = graphene.String(
        artisan=graphene.ID(required=True), storefront_url=graphene.String(required=True),
        description="A link (valid one day) to the artisan's A4 sheets of QR labels (PDF); the QR codes open "
                    "`storefrontUrl`, which must be an allowed storefront origin. The artisan's members and "
                    "curators.")
    stand_sales = graphene.NonNull(graphene.List(graphene.NonNull(StandSale)), artisan=graphene.ID(),
                                   description="Sales on the stands: an artisan's members see their own, "
                                               "curators all.")

    @staticmethod
    def resolve_id(root, info):
        return to_global_id("Fair", root.pk)

    @staticmethod
    def resolve_translation(root, info, language_code):
        language = _language(language_code)
        return next((t for t in root.translations.all() if t.language_code == language), None)

    @staticmethod
    def resolve_channels(root, info):
        return sorted(root.channels.all(), key=lambda c: (c.sort_order, c.slug))

    @staticmethod
    def resolve_is_international(root, info):
        return selectors.is_international(root)

    @staticmethod
    def resolve_label_channel(root, info):
        channel = selectors.label_channel(root)
        return channel.slug if channel else None

    @staticmethod
    def resolve_commission_rate(root, info):
        return float(root.commission_rate) if is_curator(info.context.user) else None

    @staticmethod
    def resolve_stands(root, info):
        return list(root.stands.select_related("artisan").order_by("hall", "number", "pk"))

    @staticmethod
    def resolve_collection(root, info, channel=None):
        from marketplace.catalog.graphql.types import with_channel
        from marketplace.catalog.selectors import visible_collections
        from marketplace.channels.selectors import channel_for_request

        if root.collection_id is None:
            return None
        if channel is None and is_curator(info.context.user):  # the curators' form: whatever its markets
            from marketplace.catalog.models import Collection

            return Collection.objects.filter(pk=root.collection_id).first()
        ch = channel_for_request(info.context, channel)
        return with_channel(visible_collections(ch, info.context.user).filter(pk=root.collection_id).first(), ch)

    @staticmethod
    def resolve_figures(root, info):
        query_permission(require_curator, info.context.user)
        return selectors.fair_figures(root)

    @staticmethod
    def resolve_labels_url(root, info, artisan, storefront_url):
        from marketplace.accounts.password_reset import _allowed_redirect

        artisan_id = pk_from_global_id(artisan, "Artisan")
        query_permission(lambda user: require_artisan_access(user, artisan_id), info.context.user)
        if not _allowed_redirect(storefront_url):
            raise GraphQLError(f"{storefront_url} is not an allowed storefront URL.", extensions={"code": "INVALID"})
        return labels_link(root.pk, artisan_id, storefront_url)

    @staticmethod
    def resolve_stand_sales(root, info, artisan=None):
        user = info.context.user
        if artisan is not None:
            artisan_id = pk_from_global_id(artisan, "Artisan")
            query_permission(lambda u: require_artisan_access(u, artisan_id), user)
            return list(selectors.stand_sales_of(root, {artisan_id}))
        query_permission(require_curator, user)
        return list(selectors.stand_sales_of(root, None))
