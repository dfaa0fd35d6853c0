"""The product page's rows (attributes, variants and their names, prices and attributes, collections) are
memoized between anonymous requests like the listing's (core/reference_memo.py): a catalogue edit through the
API shows on the next anonymous product page at once, stock is always read fresh, and a product read in two
markets at once keeps each market's prices (memoized rows are shared by the server's threads). Through a real
threaded server: the memo is bypassed inside a test's transaction."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from committed import server_data as call

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
DETAIL = (ROOT / "storefront/graphql/saleor/ProductDetails.graphql").read_text()
ADMIN = ("admin@demo.maalem.ma", "demo-admin-2026")


def edit(server, token: str, query: str, variables: dict) -> None:
    payload = next(iter(call(server, query, variables, token).values()))
    assert not payload["errors"], payload["errors"]


def page(server, slug: str, channel: str = "maroc") -> dict:
    return call(server, DETAIL, {"slug": slug, "channel": channel, "languageCode": "AR"})["product"]


@pytest.fixture
def memo_on(settings):
    settings.CATALOG_CACHE_SECONDS = 0  # the response cache off: what is read is the memo's work
    settings.REFERENCE_CACHE_SECONDS = 600


def test_catalogue_edits_show_on_the_next_anonymous_product_page(api_server, committed_piece, memo_on):
    from marketplace.catalog.models import Attribute
    from marketplace.core.graphql.ids import to_global_id

    product = committed_piece("1800")
    variant_id = to_global_id("ProductVariant", product.variants.get().pk)
    token = call(api_server, 'mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token } }',
                 {"e": ADMIN[0], "p": ADMIN[1]})["tokenCreate"]["token"]
    attribute = Attribute.objects.filter(attribute_products__product_type=product.product_type,
                                         input_type="DROPDOWN", values__isnull=False).distinct().first()
    value = attribute.values.order_by("pk").first()
    collection = call(api_server, 'query { collections(channel: "maroc", first: 1) { edges { node { id slug } } } }'
                      )["collections"]["edges"][0]["node"]

    before = page(api_server, product.slug)
    assert page(api_server, product.slug) == before  # from the memo, the same answer
    assert before["variants"][0]["quantityAvailable"] == 1
    assert collection["slug"] not in {c["slug"] for c in before["collections"]}

    edit(api_server, token, "mutation($id: ID!, $name: String!) { productVariantUpdate(id: $id, input: {name: $name}) "
                            "{ errors { field message } } }", {"id": variant_id, "name": "Grand modèle"})
    edit(api_server, token, "mutation($id: ID!) { productVariantTranslate(id: $id, languageCode: AR, "
                            'input: {name: "النموذج الكبير"}) { errors { field message } } }', {"id": variant_id})
    edit(api_server, token, "mutation($id: ID!) { productVariantChannelListingUpdate(id: $id, input: "
                            '[{channelId: "' + to_global_id("Channel", _channel_pk("maroc")) + '", price: "2100"}]) '
                            "{ errors { field message } } }", {"id": variant_id})
    edit(api_server, token, "mutation($id: ID!, $attributes: [AttributeValueInput!]) { productUpdate(id: $id, "
                            "input: {attributes: $attributes}) { errors { field message } } }",
         {"id": to_global_id("Product", product.pk),
          "attributes": [{"id": to_global_id("Attribute", attribute.pk),
                          "dropdown": {"id": to_global_id("AttributeValue", value.pk)}}]})
    edit(api_server, token, "mutation($c: ID!, $p: [ID!]!) { collectionAddProducts(collectionId: $c, products: $p) "
                            "{ errors { field message } } }",
         {"c": collection["id"], "p": [to_global_id("Product", product.pk)]})
    edit(api_server, token, "mutation($id: ID!, $w: ID!) { productVariantStocksUpdate(variantId: $id, stocks: "
                            "[{warehouse: $w, quantity: 4}]) { errors { field message } } }",
         {"id": variant_id, "w": to_global_id("Warehouse", product.artisan.warehouse.pk)})

    after = page(api_server, product.slug)
    variant = after["variants"][0]
    assert variant["name"] == "Grand modèle"
    assert variant["translation"]["name"] == "النموذج الكبير"
    assert variant["pricing"]["price"]["gross"] == {"amount": 2100.0, "currency": "MAD"}
    assert variant["quantityAvailable"] == 4
    assert {"attribute": attribute.slug, "values": [value.slug]} in [
        {"attribute": a["attribute"]["slug"], "values": [v["slug"] for v in a["values"]]} for a in after["attributes"]]
    assert collection["slug"] in {c["slug"] for c in after["collections"]}
    assert page(api_server, product.slug) == after


def _channel_pk(slug: str) -> int:
    from marketplace.channels.models import Channel

    return Channel.objects.get(slug=slug).pk


def test_a_product_read_in_two_markets_at_once_keeps_each_markets_prices(api_server, committed_piece, memo_on):
    """Eight buyers released together, half in dirhams, half in euros, each reading the page ten times: the
    memoized variants are shared by the server's threads, the channel each request reads them in is not."""
    product = committed_piece("1800")
    markets = {"maroc": "MAD", "export": "EUR"}
    for channel in markets:
        page(api_server, product.slug, channel)  # memoized
    barrier, seen, failures = threading.Barrier(8), [], []

    def buyer(channel: str) -> None:
        try:
            barrier.wait(timeout=60)
            for _ in range(10):
                variant = page(api_server, product.slug, channel)["variants"][0]
                seen.append((channel, variant["pricing"]["price"]["gross"]["currency"]))
        except Exception as error:  # noqa: BLE001 - reported below, with the thread's channel
            failures.append((channel, error))

    threads = [threading.Thread(target=buyer, args=(channel,)) for channel in list(markets) * 4]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert len(seen) == 80 and all(currency == markets[channel] for channel, currency in seen)


PAGE = """query Page($ids: [ID!]) {
  products(channel: "maroc", first: 10, filter: {ids: $ids}) { totalCount edges { cursor node { name slug } } }
}"""


def test_a_memoized_page_of_products_follows_renames_and_unpublishing(api_server, committed_piece, memo_on):
    """The rows of a page of products and the product page's own row are memoized too: a rename and an
    unpublication through the API show in the next anonymous listing and product page."""
    from marketplace.core.graphql.ids import to_global_id

    product = committed_piece("1800")
    product_id = to_global_id("Product", product.pk)
    token = call(api_server, 'mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token } }',
                 {"e": ADMIN[0], "p": ADMIN[1]})["tokenCreate"]["token"]
    before = call(api_server, PAGE, {"ids": [product_id]})["products"]
    assert [e["node"]["slug"] for e in before["edges"]] == [product.slug] and before["totalCount"] == 1
    assert call(api_server, PAGE, {"ids": [product_id]})["products"] == before  # from the memo, the same answer
    assert page(api_server, product.slug)["name"] == page(api_server, product.slug)["name"] == product.name

    edit(api_server, token, 'mutation($id: ID!) { productUpdate(id: $id, input: {name: "Pièce renommée"}) '
                            "{ errors { field message } } }", {"id": product_id})
    renamed = call(api_server, PAGE, {"ids": [product_id]})["products"]
    assert renamed["edges"][0]["node"]["name"] == "Pièce renommée"
    assert page(api_server, product.slug)["name"] == "Pièce renommée"  # the product page's row too

    maroc = to_global_id("Channel", _channel_pk("maroc"))
    edit(api_server, token, "mutation($id: ID!, $c: ID!) { productChannelListingUpdate(id: $id, input: "
                            "{updateChannels: [{channelId: $c, isPublished: false}]}) { errors { field message } } }",
         {"id": product_id, "c": maroc})
    assert call(api_server, PAGE, {"ids": [product_id]})["products"] == {"totalCount": 0, "edges": []}
    assert page(api_server, product.slug) is None


IN_STOCK = """query InStock($ids: [ID!]) {
  products(channel: "maroc", first: 10, filter: {ids: $ids, stockAvailability: IN_STOCK}) {
    totalCount edges { node { slug } }
  }
}"""


def test_a_listing_filtered_by_stock_drops_a_piece_sold_out_at_once(api_server, committed_piece, memo_on):
    """A memoized page (and count) filtered by stock follows a stock change at once: stock writes retire the
    memo like catalog writes (inventory services bump the catalog version)."""
    from marketplace.core.graphql.ids import to_global_id

    product = committed_piece("1800")
    product_id = to_global_id("Product", product.pk)
    variant_id = to_global_id("ProductVariant", product.variants.get().pk)
    token = call(api_server, 'mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token } }',
                 {"e": ADMIN[0], "p": ADMIN[1]})["tokenCreate"]["token"]
    listed = call(api_server, IN_STOCK, {"ids": [product_id]})["products"]
    assert listed["totalCount"] == 1 and call(api_server, IN_STOCK, {"ids": [product_id]})["products"] == listed

    edit(api_server, token, "mutation($id: ID!, $w: ID!) { productVariantStocksUpdate(variantId: $id, stocks: "
                            "[{warehouse: $w, quantity: 0}]) { errors { field message } } }",
         {"id": variant_id, "w": to_global_id("Warehouse", product.artisan.warehouse.pk)})
    assert call(api_server, IN_STOCK, {"ids": [product_id]})["products"] == {"totalCount": 0, "edges": []}
