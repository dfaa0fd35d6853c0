"""Catalogue pages over HTTP against the real API: home, crafts, collections, regions, artisans, search."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote

import pytest
from django.db.models import Q
from django.utils import timezone

pytestmark = pytest.mark.django_db


def product_links(html: str) -> list[str]:
    return re.findall(r'href="/[a-z]{2}/[a-z-]+/p/([a-z0-9-]+)/"', html)


def test_home_shows_collections_crafts_new_pieces_artisans_and_regions(shop):
    from marketplace.artisans.models import Artisan
    from marketplace.catalog.models import Category, Collection

    html = shop.page("/fr/maroc/")
    listed = Q(channel_listings__published_at__isnull=True) | Q(channel_listings__published_at__lte=timezone.now())
    featured = list(Collection.objects.filter(listed, featured_rank__isnull=False,
                                              channel_listings__channel__slug="maroc",
                                              channel_listings__is_published=True)
                    .order_by("featured_rank").values_list("slug", flat=True))
    shown = re.findall(r'href="/fr/maroc/collection/([a-z0-9-]+)/"', html)
    assert featured and shown == featured  # the ministry's featured collections, in its order
    for craft in Category.objects.filter(parent__isnull=True):
        assert f'href="/fr/maroc/craft/{craft.slug}/"' in html
    assert len(set(product_links(html))) == 8
    assert any(f"/artisan/{a.slug}/" in html for a in Artisan.objects.all())
    assert 'href="/fr/maroc/region/' in html
    assert re.search(r'<meta property="og:image" content="http[^"]+\.jpg">', html)


def test_category_page_lists_the_craft_with_subcrafts_and_pages_by_cursor(shop):
    from marketplace.catalog.models import Category, Product

    craft = max(Category.objects.filter(parent__isnull=True),
                key=lambda c: Product.objects.filter(category__parent=c).count())
    expected = set(Product.objects.filter(category__parent=craft).values_list("slug", flat=True))
    html = shop.page(f"/fr/maroc/craft/{craft.slug}/")
    assert f"<h1>{craft.name}</h1>" in unescape(html).replace("&#x27;", "'")
    found = set(product_links(html))
    assert found and found <= expected
    child = craft.children.first()
    assert f'href="/fr/maroc/craft/{child.slug}/"' in html
    cheap_first = shop.page(f"/fr/maroc/craft/{craft.slug}/?sort=price-asc")
    prices = [float(p.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", "."))
              for p in re.findall(r'<span class="price">(?:à partir de )?([\d\u202f\xa0 ,]+)\xa0MAD', cheap_first)]
    assert prices == sorted(prices) and prices
    assert shop.get("/fr/maroc/craft/does-not-exist/").status_code == 404


def test_collection_region_and_artisan_pages(shop):
    from marketplace.artisans.models import Artisan
    from marketplace.catalog.models import Collection

    collection = Collection.objects.filter(channel_listings__channel__slug="maroc", channel_listings__is_published=True,
                                           featured_rank__isnull=False).order_by("featured_rank").first()
    html = shop.page(f"/en/maroc/collection/{collection.slug}/")
    in_collection = set(collection.products.values_list("slug", flat=True))
    assert set(product_links(html)) and set(product_links(html)) <= in_collection

    artisan = Artisan.objects.filter(products__isnull=False).distinct().first()
    html = shop.page(f"/fr/maroc/artisan/{artisan.slug}/")
    assert artisan.name in unescape(html)
    assert set(product_links(html)) <= set(artisan.products.values_list("slug", flat=True))
    assert set(product_links(html))
    if artisan.story:
        assert unescape(html).count(artisan.story[:40]) >= 1

    region = shop.page(f"/fr/maroc/region/{artisan.region}/")
    assert f"/artisan/{artisan.slug}/" in region
    assert set(product_links(region)) <= set(
        artisan.products.model.objects.filter(artisan__region=artisan.region).values_list("slug", flat=True))
    assert shop.get("/fr/maroc/region/atlantide/").status_code == 404


def test_search_is_typo_tolerant(shop):
    from marketplace.catalog.models import Product

    html = shop.page("/fr/maroc/search/?q=" + quote("zelij"))
    zellige = set(Product.objects.filter(category__parent__slug="zellige").values_list("slug", flat=True))
    assert zellige and set(product_links(html)) & zellige
    arabic = shop.page("/ar/maroc/search/?q=" + quote("زليج"))
    assert set(product_links(arabic)) & zellige


def test_search_filters_sorting_and_cursor_pages(shop):
    from marketplace.artisans.models import Artisan
    from marketplace.catalog.models import Category, Product
    from marketplace.core.graphql.ids import to_global_id

    everything = shop.page("/fr/maroc/search/")
    total = int(re.search(r'role="status">(\d+) pièces', everything).group(1))
    assert total == Product.objects.count()
    first_page = product_links(everything)
    assert len(set(first_page)) == 24
    next_link = unescape(re.search(r'<a rel="next" href="([^"]+)"', everything).group(1))
    second = shop.page("/fr/maroc/search/" + next_link)
    assert set(product_links(second)).isdisjoint(first_page)
    assert len(set(first_page) | set(product_links(second))) == total
    previous_link = unescape(re.search(r'<a rel="prev" href="([^"]+)"', second).group(1))
    assert product_links(shop.page("/fr/maroc/search/" + previous_link)) == first_page

    craft = Category.objects.get(slug="poterie-ceramique")
    html = shop.page(f"/fr/maroc/search/?craft={to_global_id('Category', craft.pk)}")
    assert set(product_links(html)) == set(Product.objects.filter(category__parent=craft)
                                           .values_list("slug", flat=True))

    artisan = Artisan.objects.filter(products__isnull=False).first()
    html = shop.page(f"/fr/maroc/search/?region={artisan.region}&artisan={to_global_id('Artisan', artisan.pk)}")
    assert set(product_links(html)) == set(artisan.products.values_list("slug", flat=True))

    wool = set(Product.objects.filter(attribute_values__value__slug="laine",
                                      attribute_values__value__attribute__slug="materiau")
               .values_list("slug", flat=True))
    html = shop.page("/fr/maroc/search/?material=laine&stock=1&sort=price-desc")
    assert set(product_links(html)) == wool
    assert '<option value="laine" selected>' in html
    # The material list offers every material of the catalog, not only those of the wool pieces shown.
    from marketplace.catalog.models import AttributeValue

    materials = set(AttributeValue.objects.filter(attribute__slug="materiau").values_list("slug", flat=True))
    offered = set(re.findall(r'<option value="([^"]+)"', re.search(r'<select[^>]+name="material".+?</select>', html,
                                                                     re.S).group(0))) - {""}
    assert offered == materials and len(offered) > 1

    cheap = shop.page("/fr/maroc/search/?max=500&sort=price-asc")
    prices = [float(p.replace("\u202f", "").replace(",", "."))
              for p in re.findall(r'<span class="price">(?:à partir de )?([\d\u202f,]+)\xa0MAD', cheap)]
    assert prices and prices == sorted(prices) and max(prices) <= 500
    assert shop.get("/fr/maroc/search/?min=abc&after=not-a-cursor").status_code in (200, 400)
