"""Product listings through /graphql/: pagination, prices per market, translations, detail."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db


def listing(gql, doc, **variables):
    variables = {"channel": "maroc", "languageCode": "FR", **variables}
    return gql.data(doc("storefront/graphql/marketplace/ProductListing.graphql"), variables)["products"]


def test_listing_has_cards_with_thumbnail_price_category_and_artisan(gql, doc):
    page = listing(gql, doc, first=24)
    assert page["totalCount"] >= 24
    assert len(page["edges"]) == 24
    assert page["pageInfo"]["hasNextPage"] is True
    for edge in page["edges"]:
        node = edge["node"]
        assert node["thumbnail"]["url"].endswith(".webp")
        assert node["pricing"]["priceRange"]["start"]["gross"]["currency"] == "MAD"
        assert node["pricing"]["priceRange"]["start"]["gross"]["amount"] > 0
        assert node["category"]["slug"]
        assert node["artisan"]["region"]["code"]


def test_cursor_pagination_walks_every_product_once_both_ways(gql, doc):
    total = listing(gql, doc, first=1)["totalCount"]
    seen, after = [], None
    while True:
        page = listing(gql, doc, first=7, after=after)
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == total == len(set(seen))
    names = [e["node"]["name"] for e in listing(gql, doc, first=100)["edges"]]
    assert names == sorted(names)
    # Backwards from the end with last/before gives the same order.
    back, before = [], None
    while True:
        page = listing(gql, doc, last=9, before=before)
        back = [e["node"]["id"] for e in page["edges"]] + back
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
    assert back == seen


def test_sorting_by_price_descending(gql, doc):
    page = listing(gql, doc, first=50, sortBy={"field": "PRICE", "direction": "DESC"})
    prices = [e["node"]["pricing"]["priceRange"]["start"]["gross"]["amount"] for e in page["edges"]]
    assert prices == sorted(prices, reverse=True)


def test_prices_per_market_follow_the_export_rule_and_vat(gql, doc):
    from marketplace.channels.models import Channel
    from marketplace.channels.services import derive_price

    maroc = gql.data(doc("storefront/graphql/saleor/ProductList.graphql"),
                     {"channel": "maroc", "languageCode": "FR", "first": 5})["products"]["edges"]
    slug = maroc[0]["node"]["slug"]
    query = doc("storefront/graphql/saleor/ProductDetails.graphql")
    mad = gql.data(query, {"slug": slug, "channel": "maroc", "languageCode": "FR"})["product"]
    eur = gql.data(query, {"slug": slug, "channel": "export", "languageCode": "FR"})["product"]
    usd = gql.data(query, {"slug": slug, "channel": "export-usd", "languageCode": "EN"})["product"]
    start = mad["pricing"]["priceRange"]["start"]
    gross = Decimal(str(start["gross"]["amount"]))
    # Moroccan VAT (20 %) is included in MAD prices: net + tax = gross, tax = gross - gross / 1.2.
    assert Decimal(str(start["net"]["amount"])) + Decimal(str(start["tax"]["amount"])) == gross
    assert Decimal(str(start["tax"]["amount"])) == (gross - gross / Decimal("1.2")).quantize(Decimal("0.01"))
    export_start = eur["pricing"]["priceRange"]["start"]
    assert export_start["gross"]["currency"] == "EUR"
    assert export_start["tax"]["amount"] == 0  # export is zero-rated
    assert Decimal(str(export_start["gross"]["amount"])) == derive_price(gross, Channel.objects.get(slug="export"))
    assert usd["pricing"]["priceRange"]["start"]["gross"]["currency"] == "USD"


def test_product_detail_has_attributes_variants_stock_media_and_translations(gql, doc):
    from marketplace.catalog.models import Product

    product = Product.objects.filter(variants__stocks__quantity=1).first()
    result = gql.data(doc("storefront/graphql/saleor/ProductDetails.graphql"),
                      {"slug": product.slug, "channel": "touristes", "languageCode": "AR"})["product"]
    assert result["id"]
    assert any("\u0600" <= ch <= "\u06ff" for ch in result["translation"]["name"])  # Arabic script
    slugs = {a["attribute"]["slug"] for a in result["attributes"]}
    assert {"materiau", "technique", "region-origine"} <= slugs
    material = next(a for a in result["attributes"] if a["attribute"]["slug"] == "materiau")
    assert material["attribute"]["translation"]["name"]
    assert all(v["translation"]["name"] for v in material["values"])
    assert any(v["quantityAvailable"] == 1 for v in result["variants"])
    media = result["media"][0]
    assert (media["avif512"].endswith(".avif") and media["webp1024"].endswith(".webp")
            and media["jpeg512"].endswith(".jpg"))
    assert result["description"].startswith("{")  # EditorJS JSON, as Saleor
    english = gql.data(doc("storefront/graphql/saleor/ProductDetails.graphql"),
                       {"slug": product.slug, "channel": "touristes", "languageCode": "EN"})["product"]
    assert english["translation"]["name"] != result["translation"]["name"]


def test_product_variant_by_sku_and_thumbnail_urls_are_served(gql, doc, client):
    from marketplace.catalog.models import ProductVariant

    variant = ProductVariant.objects.first()
    data = gql.data(doc("storefront/graphql/saleor/ProductVariantBySku.graphql"),
                    {"sku": variant.sku, "channel": "maroc"})
    assert data["productVariant"]["sku"] == variant.sku
    assert data["productVariant"]["product"]["slug"] == variant.product.slug
    page = listing(gql, doc, first=1)
    url = page["edges"][0]["node"]["thumbnail"]["url"]
    response = client.get(urlsplit(url).path)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body[8:12] == b"WEBP"


def test_categories_collections_channel_and_shop(gql, doc):
    categories = gql.data(doc("storefront/graphql/saleor/Categories.graphql"),
                          {"first": 20, "level": 0, "languageCode": "EN"})["categories"]
    assert categories["totalCount"] >= 8
    top = {e["node"]["slug"] for e in categories["edges"]}
    assert {"tapis-textiles", "poterie-ceramique", "zellige", "cuir", "bijoux", "bois", "cuivre-luminaires",
            "vannerie"} <= top
    assert all(e["node"]["children"]["edges"] for e in categories["edges"])
    rugs = gql.data(doc("storefront/graphql/saleor/CategoryProducts.graphql"),
                    {"slug": "tapis-textiles", "channel": "maroc", "first": 50, "languageCode": "FR"})["category"]
    assert rugs["products"]["totalCount"] >= 1  # products of the sub-crafts count for the craft
    shop = gql.data(doc("storefront/graphql/saleor/ChannelAndShop.graphql"), {"slug": "export"})
    assert shop["channel"]["slug"] == "export" and shop["channel"]["countries"]
    assert {"code": "AR", "language": "العربية"} in shop["shop"]["languages"]
    markets = gql.data(doc("storefront/graphql/marketplace/Markets.graphql"), {"languageCode": "AR"})
    assert [c["slug"] for c in markets["markets"]] == ["maroc", "touristes", "export", "export-usd"]
    assert len(markets["regions"]) == 12


def test_product_type_names_come_in_the_artisans_language(gql):
    query = """{ productTypes(first: 100) { edges { node { slug name ar: name(languageCode: AR)
                                                         en: name(languageCode: EN) } } } }"""
    types = {e["node"]["slug"]: e["node"] for e in gql.data(query)["productTypes"]["edges"]}
    assert types["tajine"] == {"slug": "tajine", "name": "Tajine", "ar": "طاجين", "en": "Tagine"}
    assert types["tapis"]["ar"] == "زربية معقودة" and types["tapis"]["en"] == "Knotted rug"
