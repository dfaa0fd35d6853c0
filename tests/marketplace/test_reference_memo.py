"""Rows memoized between anonymous requests (channels, categories, artisans, product listings, prices,
photos and names) never outlive a committed write: an artisan's change shows in the next anonymous
listing at once. Through a real server (the memo is bypassed inside a test's transaction)."""

from __future__ import annotations

import pytest
from committed import server_data as call

pytestmark = pytest.mark.django_db

LISTING = """query Listing($artisan: [ID!]) {
  products(channel: "maroc", first: 100, filter: {artisans: $artisan}) {
    totalCount
    edges { node { slug name translation(languageCode: AR) { name } artisan { id slug city } } }
  }
}"""
UPDATE_CITY = """mutation City($id: ID!, $city: String!) {
  artisanUpdate(id: $id, input: {city: $city}) { errors { field message } }
}"""
TRANSLATE = """mutation Name($id: ID!, $name: String!) {
  productTranslate(id: $id, languageCode: AR, input: {name: $name}) { errors { field message } }
}"""
APPROVE = """mutation Approve($id: ID!) { productReviewApprove(id: $id) { errors { field message } } }"""


@pytest.fixture
def member(api_server, django_db_blocker):
    from demo.data import DEMO_ARTISAN_PASSWORD
    from marketplace.artisans.models import Artisan

    with django_db_blocker.unblock():
        artisan = Artisan.objects.filter(products__isnull=False).order_by("slug").first()
    login = call(api_server, 'mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token } }',
                 {"e": f"{artisan.slug}@demo.maalem.ma", "p": DEMO_ARTISAN_PASSWORD})
    return artisan, login["tokenCreate"]["token"]


def rename(server, product_id: str, name: str, member_token: str) -> None:
    """The member's new name waits for a curator (issue 13); the curator's approval publishes it."""
    assert not call(server, TRANSLATE, {"id": product_id, "name": name}, member_token)["productTranslate"]["errors"]
    curator = call(server, 'mutation { tokenCreate(email: "curateur@demo.maalem.ma", password: "demo-curator-2026") '
                           "{ token } }")["tokenCreate"]["token"]
    assert not call(server, APPROVE, {"id": product_id}, curator)["productReviewApprove"]["errors"]


def test_an_artisans_changes_show_in_the_next_anonymous_listing(api_server, member, settings, restore_rows):
    from marketplace.artisans.models import Artisan
    from marketplace.catalog.models import ProductTranslation
    from marketplace.core.graphql.ids import pk_from_global_id, to_global_id

    settings.CATALOG_CACHE_SECONDS = 0  # the response cache off: what is read is the memo's work
    settings.REFERENCE_CACHE_SECONDS = 600
    artisan, token = member
    artisan_id = to_global_id("Artisan", artisan.pk)
    before = call(api_server, LISTING, {"artisan": [artisan_id]})["products"]
    node = before["edges"][0]["node"]
    old_city, old_name = node["artisan"]["city"], (node["translation"] or {}).get("name") or node["name"]
    assert call(api_server, LISTING, {"artisan": [artisan_id]}) == {"products": before}  # memoized, same answer
    product_id = call(api_server, 'query($s: String!) { product(slug: $s, channel: "maroc") { id } }',
                      {"s": node["slug"]})["product"]["id"]
    restore_rows.keep(Artisan.objects.filter(pk=artisan.pk), "city")
    restore_rows.keep(ProductTranslation.objects.filter(product_id=pk_from_global_id(product_id, "Product")), "name")
    assert not call(api_server, UPDATE_CITY, {"id": artisan_id, "city": "Tiznit"}, token)["artisanUpdate"]["errors"]
    rename(api_server, product_id, "قطعة جديدة", token)
    after = call(api_server, LISTING, {"artisan": [artisan_id]})["products"]
    changed = next(e["node"] for e in after["edges"] if e["node"]["slug"] == node["slug"])
    assert {e["node"]["artisan"]["city"] for e in after["edges"]} == {"Tiznit"}
    assert changed["translation"]["name"] == "قطعة جديدة"
    assert after["totalCount"] == before["totalCount"]
    # Changed back through the API, the listing follows again.
    call(api_server, UPDATE_CITY, {"id": artisan_id, "city": old_city}, token)
    rename(api_server, product_id, old_name, token)
    restored = call(api_server, LISTING, {"artisan": [artisan_id]})["products"]
    assert {e["node"]["artisan"]["city"] for e in restored["edges"]} == {old_city}
