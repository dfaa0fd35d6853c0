"""The trade side of one artisan, as its members see it in the atelier: minimums, every product with
whether it is offered and, per variant, the MAD price, the wholesale price of each trade channel (with the
rule's price beside an override), pack size, capacity, lead time and units in production; its quotes; its
open production orders."""

from __future__ import annotations

from typing import Any

from marketplace.catalog.models import Product, ProductChannelListing, ProductVariantChannelListing
from marketplace.channels.services import derive_price
from marketplace.core.graphql.types import Money
from marketplace.trade.models import ArtisanTradeTerms, TradeQuote, VariantTradeTerms
from marketplace.trade.selectors import DEFAULT_TERMS, open_production, open_production_orders
from marketplace.trade.setup import trade_channels

MAX_PRODUCTS = 500


def artisan_trade(artisan: Any) -> dict[str, Any]:
    terms = ArtisanTradeTerms.objects.filter(artisan=artisan).first() or ArtisanTradeTerms()
    channels = trade_channels()
    products = list(Product.objects.filter(artisan=artisan).order_by("-created_at", "pk")
                    .prefetch_related("variants")[:MAX_PRODUCTS])
    variant_ids = [v.pk for p in products for v in p.variants.all()]
    offered = set(ProductChannelListing.objects.filter(product__in=products, channel__in=channels)
                  .values_list("product_id", flat=True))
    listings = {(row.variant_id, row.channel_id): row for row in ProductVariantChannelListing.objects.filter(
        variant_id__in=variant_ids, channel__in=channels)}
    mad = dict(ProductVariantChannelListing.objects.filter(variant_id__in=variant_ids, currency="MAD",
                                                           price_amount__isnull=False)
               .order_by("-channel__sort_order").values_list("variant_id", "price_amount"))
    variant_terms = {t.variant_id: t for t in VariantTradeTerms.objects.filter(variant_id__in=variant_ids)}
    busy = open_production(variant_ids)
    rows = []
    for product in products:
        variants = []
        for variant in sorted(product.variants.all(), key=lambda v: (v.sort_order or 0, v.pk)):
            term = variant_terms.get(variant.pk, DEFAULT_TERMS)
            prices = []
            for channel in channels:
                row = listings.get((variant.pk, channel.pk))
                rule = derive_price(mad[variant.pk], channel) if variant.pk in mad else None
                prices.append({"channel_slug": channel.slug,
                               "price": Money.of(row.price_amount, channel.currency_code) if row and row.price_amount
                               is not None else None,
                               "rule_price": Money.of(rule, channel.currency_code) if rule is not None else None,
                               "overridden": bool(row and row.price_overridden)})
            variants.append({"variant": variant, "mad_price": Money.of(mad[variant.pk], "MAD") if variant.pk in mad
                             else None, "pack_size": term.pack_size, "lead_time_weeks": term.lead_time_weeks,
                             "made_to_order_capacity": term.made_to_order_capacity,
                             "in_production": busy.get(variant.pk, 0), "wholesale_prices": prices})
        rows.append({"product": product, "offered": product.pk in offered, "variants": variants})
    quotes = list(TradeQuote.objects.filter(artisan=artisan).select_related("account", "channel", "variant")[:200])
    production = list(open_production_orders().filter(artisan=artisan).select_related("order_line__order", "artisan"))
    return {"artisan": artisan, "first_order_minimum": terms.first_order_minimum,
            "reorder_minimum": terms.reorder_minimum, "products": rows, "quotes": quotes,
            "production_orders": production}
