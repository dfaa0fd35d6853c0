"""A catalog node answers in the channel it was asked in (Saleor's ChannelContext), even when the same
request reads the same rows in another channel further down.

The request's batch loaders hand every resolver the same variant instances. When the channel was an
attribute set on those instances, a nested field that read the product in another market re-labelled the
outer product's remaining variants: their `channel` and `pricing` switched market half-way through a list."""

from __future__ import annotations

import pytest
from django.db.models import Count

pytestmark = pytest.mark.django_db

BOTH_MARKETS = """query BothMarkets($slug: String!, $id: ID!) {
  product(slug: $slug, channel: "maroc") {
    channel
    variants {
      channel
      pricing { price { gross { currency } } }
      product {
        category {
          products(channel: "export", first: 1, filter: {ids: [$id]}) {
            edges { node { channel variants { channel pricing { price { gross { currency } } } } } }
          }
        }
      }
    }
  }
}"""


def _piece_in_both_markets():
    """A product with several variants, each priced in Morocco (MAD) and in the export market (EUR)."""
    from marketplace.catalog import selectors
    from marketplace.catalog.models import ProductVariant
    from marketplace.channels.models import Channel

    maroc, export = Channel.objects.get(slug="maroc"), Channel.objects.get(slug="export")
    both = selectors.visible_products(maroc, None).filter(
        pk__in=selectors.visible_products(export, None).values("pk"), category__isnull=False)
    for product in both.annotate(n=Count("variants")).filter(n__gte=2).order_by("slug"):
        variants = ProductVariant.objects.filter(product=product)
        priced = {channel.slug: variants.filter(channel_listings__channel=channel,
                                                channel_listings__price_amount__isnull=False).count()
                  for channel in (maroc, export)}
        if priced == {"maroc": variants.count(), "export": variants.count()}:
            return product
    raise AssertionError("the demo catalogue has no multi-variant piece priced in both markets")


def test_variants_keep_their_market_when_a_nested_field_reads_them_in_another(gql):
    from marketplace.core.graphql.ids import to_global_id

    product = _piece_in_both_markets()
    data = gql.data(BOTH_MARKETS, {"slug": product.slug, "id": to_global_id("Product", product.pk)})["product"]

    assert data["channel"] == "maroc"
    outer = data["variants"]
    assert len(outer) >= 2
    markets = [(v["channel"], v["pricing"]["price"]["gross"]["currency"]) for v in outer]
    assert markets == [("maroc", "MAD")] * len(outer)
    for variant in outer:
        (edge,) = variant["product"]["category"]["products"]["edges"]
        assert edge["node"]["channel"] == "export"
        inner = edge["node"]["variants"]
        assert [(v["channel"], v["pricing"]["price"]["gross"]["currency"]) for v in inner] == \
            [("export", "EUR")] * len(outer)
