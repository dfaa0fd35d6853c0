"""The listing's SQL query count does not grow with its page size (batch loading)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def clone_products(count: int) -> None:
    """Copy demo products (listings, variants, prices, stock, media, attributes) until `count` exist."""
    from marketplace.catalog import models as cm
    from marketplace.inventory.models import Stock
    from marketplace.media.models import ProductMedia

    sources = list(cm.Product.objects.order_by("pk"))
    i = 0
    while cm.Product.objects.count() < count:
        source = sources[i % len(sources)]
        i += 1
        copy = cm.Product.objects.get(pk=source.pk)
        copy.pk, copy.slug, copy.name, copy.default_variant = (None, f"{source.slug}-copy-{i}", f"{source.name} {i}",
                                                               None)
        copy.save()
        for listing in cm.ProductChannelListing.objects.filter(product=source):
            listing.pk, listing.product = None, copy
            listing.save()
        for value in cm.AssignedProductAttributeValue.objects.filter(product=source):
            value.pk, value.product = None, copy
            value.save()
        for media in ProductMedia.objects.filter(product=source):
            media.pk, media.product = None, copy
            media.save()
        for variant in cm.ProductVariant.objects.filter(product=source):
            listings = list(variant.channel_listings.all())
            stocks = list(variant.stocks.all())
            variant.pk, variant.product, variant.sku = None, copy, f"{variant.sku}-C{i}"
            variant.save()
            for listing in listings:
                listing.pk, listing.variant = None, variant
                listing.save()
            for stock in stocks:
                stock.pk, stock.product_variant = None, variant
                stock.save()
        Stock.objects.filter(product_variant__product=copy).update(quantity_allocated=0)


def test_listing_query_count_is_constant(gql, doc, settings):
    settings.CATALOG_CACHE_SECONDS = 0
    clone_products(100)
    query = doc("storefront/graphql/marketplace/ProductListing.graphql")
    counts = {}
    for size in (1, 24, 100):
        gql.client.cookies.clear()
        with CaptureQueriesContext(connection) as captured:
            result = gql.data(query, {"channel": "maroc", "languageCode": "AR", "first": size})
        assert len(result["products"]["edges"]) == size
        assert all(e["node"]["thumbnail"] and e["node"]["artisan"] for e in result["products"]["edges"])
        counts[size] = len(captured)
    assert counts[1] == counts[24] == counts[100], counts
    assert counts[24] <= 12, counts


def test_product_detail_query_count_does_not_grow_with_variants(gql, doc, settings):
    from marketplace.catalog.models import Product

    settings.CATALOG_CACHE_SECONDS = 0
    query = doc("storefront/graphql/saleor/ProductDetails.graphql")
    product = Product.objects.filter(product_type__has_variants=True, variants__isnull=False).distinct().first()
    variables = {"slug": product.slug, "channel": "maroc", "languageCode": "AR"}

    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            result = gql.data(query, variables)
        return len(captured), len(result["product"]["variants"])

    before, variants_before = count()
    template = product.variants.first()
    for i in range(4):
        listings, stocks, values = (list(template.channel_listings.all()), list(template.stocks.all()),
                                    list(template.attribute_values.all()))
        copy = product.variants.get(pk=template.pk)
        copy.pk, copy.sku = None, f"{template.sku}-X{i}"
        copy.save()
        for row in (*listings, *stocks, *values):
            row.pk = None
            setattr(row, "variant" if not hasattr(row, "product_variant_id") else "product_variant", copy)
            row.save()
    after, variants_after = count()
    assert variants_after == variants_before + 4
    assert before == after, (before, after)
