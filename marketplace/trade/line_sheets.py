"""What a line sheet and an order form show: the pieces of a collection (or of the whole trade offer)
offered in a trade channel, grouped by artisan with its minimums, each with its variants' offers, names
in the sheet's language (fr or en) and the first photo."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings

from marketplace.catalog.models import Collection, Product, ProductTranslation, ProductVariantTranslation
from marketplace.catalog.selectors import published_listings
from marketplace.channels.models import Channel
from marketplace.trade.document_texts import label
from marketplace.trade.models import TradeAccount
from marketplace.trade.selectors import ArtisanMinimum, VariantOffer, artisan_minimums, variant_offers


@dataclass
class SheetVariant:
    pk: int
    sku: str
    name: str
    offer: VariantOffer


@dataclass
class SheetProduct:
    pk: int
    name: str
    description: str
    files: dict[str, Any]
    variants: list[SheetVariant] = field(default_factory=list)


@dataclass
class SheetArtisan:
    name: str
    city: str
    minimum: ArtisanMinimum
    products: list[SheetProduct] = field(default_factory=list)


@dataclass
class LineSheet:
    title: str
    channel: Channel
    language: str
    artisans: list[SheetArtisan]

    @property
    def currency(self) -> str:
        return self.channel.currency_code

    @property
    def deposit_share(self) -> Decimal:
        return Decimal(str(settings.TRADE_DEPOSIT_SHARE))

    @property
    def variants(self) -> list[tuple[SheetArtisan, SheetProduct, SheetVariant]]:
        return [(a, p, v) for a in self.artisans for p in a.products for v in p.variants]


def build_line_sheet(channel: Channel, language: str, collection: Collection | None = None,
                     account: TradeAccount | None = None) -> LineSheet:
    from marketplace.trade.documents import document_language

    language = document_language(language)
    products = Product.objects.filter(pk__in=published_listings(channel).values("product_id"))
    if collection is not None:
        products = products.filter(collection_products__collection=collection).order_by(
            "collection_products__sort_order", "pk")
    else:
        products = products.order_by("artisan__name", "name", "pk")
    products = list(products.select_related("artisan").prefetch_related("variants", "media"))
    variant_ids = [v.pk for p in products for v in p.variants.all()]
    offers = variant_offers(variant_ids, channel)
    names, variant_names = {}, {}
    if language != "fr":
        names = {t.product_id: t
                 for t in ProductTranslation.objects.filter(product__in=products, language_code=language)}
        variant_names = dict(ProductVariantTranslation.objects.filter(product_variant_id__in=variant_ids,
                                                                      language_code=language)
                             .exclude(name="").values_list("product_variant_id", "name"))
    minimums = artisan_minimums(list({p.artisan_id for p in products}), channel, account)
    artisans: dict[int, SheetArtisan] = {}
    for product in products:
        variants = [SheetVariant(v.pk, v.sku or "", variant_names.get(v.pk, v.name), offers[v.pk])
                    for v in sorted(product.variants.all(), key=lambda v: (v.sort_order or 0, v.pk))
                    if offers[v.pk].wholesale is not None]
        if not variants:
            continue
        translated = names.get(product.pk)
        media = sorted((m for m in product.media.all() if m.status == "READY"), key=lambda m: (m.sort_order or 0, m.pk))
        artisan = artisans.setdefault(product.artisan_id, SheetArtisan(product.artisan.name, product.artisan.city,
                                                                       minimums[product.artisan_id]))
        artisan.products.append(SheetProduct(
            product.pk, (translated.name if translated else product.name),
            _plain(translated.description) if translated and translated.description else product.description_plaintext,
            media[0].files if media else {}, variants))
    if collection is not None:
        title = collection.name
        if language != "fr":
            title = (collection.translations.filter(language_code=language).values_list("name", flat=True).first()
                     or collection.name)
    else:
        title = label("sheet_all", language)
    return LineSheet(label("sheet_title", language, collection=title), channel, language, list(artisans.values()))


def _plain(description: Any) -> str:
    blocks = (description or {}).get("blocks") or []
    return " ".join(str((b.get("data") or {}).get("text", "")) for b in blocks).strip()
