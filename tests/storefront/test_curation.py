"""/curation/ through the running storefront: the gate, the review queue, the collection builder, the home
page's featured order, artisans, the programme dashboard (SVG charts) and its CSV."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import html as htmllib
import io
import re
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import requests
from committed import in_thread

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db
CURATOR = ("curateur@demo.maalem.ma", "demo-curator-2026")
BUYER = ("client@demo.maalem.ma", "demo-buyer-2026")




def sign_in(shop, email, password):
    response = shop.post("/fr/maroc/account/sign-in/", {"email": email, "password": password})
    assert response.status_code == 302, response.text[:500]
    return shop


@pytest.fixture
def curator(new_shop):
    return sign_in(new_shop(), *CURATOR)


@pytest.fixture
def api_token(api_server):
    def token(email, password):
        query = "mutation($e:String!,$p:String!){tokenCreate(email:$e,password:$p){token}}"
        response = requests.post(f"{api_server.url}/graphql/", json={"query": query,
                                                                    "variables": {"e": email, "p": password}})
        return response.json()["data"]["tokenCreate"]["token"]

    return token


@pytest.fixture
def curation_state():
    """Restores what the tests change in the session-wide demo data: featured ranks, artisans' verification
    and labels; deletes the collections and pieces the tests create."""
    from marketplace.artisans.models import Artisan
    from marketplace.catalog.models import Collection

    before = in_thread(lambda: {
        "featured": dict(Collection.objects.values_list("pk", "featured_rank")),
        "artisans": {a.pk: (a.verification_status, {lb.pk for lb in a.labels.all()})
                     for a in Artisan.objects.prefetch_related("labels")}})
    created: dict[str, list] = {"products": []}
    yield created

    def restore():
        from marketplace.catalog.models import Product
        from marketplace.catalog.services import after_catalog_change

        Collection.objects.exclude(pk__in=before["featured"]).delete()
        for pk, rank in before["featured"].items():
            Collection.objects.filter(pk=pk).update(featured_rank=rank)
        for pk, (status, labels) in before["artisans"].items():
            artisan = Artisan.objects.get(pk=pk)
            if artisan.verification_status != status:
                Artisan.objects.filter(pk=pk).update(verification_status=status)
            artisan.labels.set(labels)
        Product.objects.filter(pk__in=created["products"]).delete()
        after_catalog_change([])

    in_thread(restore)


@pytest.fixture
def pending_piece(curation_state):
    """A member's new listing waiting for review, listed in every market, with the photos of a demo piece."""

    def make(name: str, price_mad: str = "950") -> dict:
        def work():
            from marketplace.artisans.models import Artisan
            from marketplace.catalog import models as cm
            from marketplace.channels.models import Channel
            from marketplace.channels.services import derive_price
            from marketplace.media.models import ProductMedia

            artisan = Artisan.objects.filter(verification_status="VERIFIED", products__media__isnull=False).first()
            source = cm.Product.objects.filter(artisan=artisan, media__isnull=False).order_by("pk").first()
            product = cm.Product.objects.create(product_type=source.product_type, category=source.category,
                                                artisan=artisan, name=name, slug=f"essai-{uuid.uuid4().hex[:10]}",
                                                review_status="PENDING", review_reason="New listing; Photos changed")
            variant = cm.ProductVariant.objects.create(product=product, sku=f"CUR-{product.pk}", is_one_of_a_kind=True)
            for channel in Channel.objects.all():
                cm.ProductChannelListing.objects.create(product=product, channel=channel, is_published=True,
                                                        visible_in_listings=True, currency=channel.currency_code)
                cm.ProductVariantChannelListing.objects.create(
                    variant=variant, channel=channel, currency=channel.currency_code,
                    price_amount=derive_price(Decimal(price_mad), channel))
            for media in source.media.all()[:1]:
                ProductMedia.objects.create(product=product, alt=name, status=media.status, files=media.files,
                                            quality_report=media.quality_report, width=media.width,
                                            height=media.height)
            curation_state["products"].append(product.pk)
            return {"pk": product.pk, "id": to_global_id("Product", product.pk), "slug": product.slug,
                    "name": name, "artisan": artisan.name}

        return in_thread(work)

    return make


def status_of(pk: int) -> tuple[str, str]:
    from marketplace.catalog.models import Product

    return in_thread(lambda: tuple(Product.objects.filter(pk=pk).values_list("review_status", "review_reason")[0]))


# --- gate -------------------------------------------------------------------------------------------------

def test_only_curators_and_admins_get_in(shop, new_shop):
    from demo.data import DEMO_ARTISAN_PASSWORD
    from marketplace.artisans.models import Artisan

    anonymous = shop.get("/fr/curation/collections/")
    assert anonymous.status_code == 401
    assert "Connectez-vous avec votre compte de curateur" in htmllib.unescape(anonymous.text)
    assert 'href="/fr/maroc/account/sign-in/?next=/fr/curation/collections/"' in anonymous.text
    # A form sent without signing in changes nothing.
    post = shop.post("/fr/curation/featured/", {"featured": "x"}, form_page="/fr/maroc/account/sign-in/")
    assert post.status_code == 401

    buyer = sign_in(new_shop(), *BUYER).get("/en/curation/")
    assert buyer.status_code == 403 and "an account without the curator role" in buyer.text
    member = in_thread(lambda: Artisan.objects.order_by("pk").first().slug)
    artisan = sign_in(new_shop(), f"{member}@demo.maalem.ma", DEMO_ARTISAN_PASSWORD).get("/ar/curation/dashboard/")
    assert artisan.status_code == 403 and 'dir="rtl"' in artisan.text

    curator = sign_in(new_shop(), *CURATOR)
    page = curator.page("/fr/curation/")
    assert "<h1>File de relecture</h1>" in page and "curateur@demo.maalem.ma" in page
    admin = sign_in(new_shop(), "admin@demo.maalem.ma", "demo-admin-2026")
    assert admin.get("/en/curation/artisans/").status_code == 200


# --- review queue -----------------------------------------------------------------------------------------

def test_review_queue_approve_and_reject_with_preset_reasons(curator, pending_piece, new_shop):
    good = pending_piece("Tapis d'essai à approuver")
    bad = pending_piece("Vase d'essai à refuser")
    html = htmllib.unescape(curator.page("/fr/curation/"))
    assert good["name"] in html and bad["name"] in html
    card = html[html.index(bad["name"]):]
    card = card[:card.index("</li>\n")]
    assert "Nouvelle fiche" in card and "Photos modifiées" in card and bad["artisan"] in card
    assert re.search(r'<img src="http[^"]+" alt="Photo 1 telle qu’envoyée"', card)
    assert re.search(r'<img src="http[^"]+" alt="Photo 1 améliorée"', card) and "qualité" in card
    assert "950 MAD" in card.replace("\u202f", " ").replace("\xa0", " ")
    # The preset reasons, in the curator's language.
    assert "Photo floue ou trop sombre" in card and "Dimensions manquantes" in card and "Prix incohérent" in card

    # A rejection needs a reason: the error sits next to the reasons and the typed note stays.
    empty = curator.post("/fr/curation/", {"product": bad["id"], "name": bad["name"], "action": "reject",
                                           "note": ""})
    assert empty.status_code == 200
    text = htmllib.unescape(empty.text)
    assert re.search(r'<fieldset class="cur-reasons invalid" aria-describedby="reasons-err-\d+">', text)
    assert "Choisissez au moins une raison" in text
    assert status_of(bad["pk"]) == ("PENDING", "New listing; Photos changed")

    note = "La photo de dos est floue."
    rejected = curator.post("/fr/curation/", {"product": bad["id"], "name": bad["name"], "action": "reject",
                                              "reasons": ["PHOTO_UNCLEAR", "MISSING_DIMENSIONS"], "note": note})
    assert rejected.status_code == 302 and rejected.headers["Location"] == "/fr/curation/"
    assert status_of(bad["pk"]) == ("REJECTED", f"Photo unclear or too dark; Missing dimensions — {note}")
    assert "refusée" in htmllib.unescape(curator.page("/fr/curation/"))

    assert new_shop().get(f"/fr/maroc/p/{good['slug']}/").status_code == 404  # hidden while pending
    approved = curator.post("/fr/curation/", {"product": good["id"], "name": good["name"], "action": "approve"})
    assert approved.status_code == 302
    assert status_of(good["pk"])[0] == "APPROVED"
    queue = htmllib.unescape(curator.page("/fr/curation/"))
    assert "« Tapis d'essai à approuver » est publiée." in queue
    queue = queue[queue.index('<ol class="cur-queue"'):]
    assert good["name"] not in queue and bad["name"] not in queue
    assert good["name"] in htmllib.unescape(new_shop().page(f"/fr/maroc/p/{good['slug']}/"))
    # The rejected listing is found again by its status.
    rejected_view = htmllib.unescape(curator.page("/fr/curation/?status=REJECTED"))
    assert bad["name"] in rejected_view[rejected_view.index('<ol class="cur-queue"'):]


# --- collection builder -----------------------------------------------------------------------------------

def product_order(collection_pk: int) -> list[int]:
    from marketplace.catalog.models import CollectionProduct

    return in_thread(lambda: list(CollectionProduct.objects.filter(collection_id=collection_pk)
                                  .order_by("sort_order", "pk").values_list("product_id", flat=True)))


def create_collection(curator, name: str, slug: str) -> int:
    response = curator.post("/fr/curation/collections/", {"name": name, "slug": slug, "description": "Un choix."})
    assert response.status_code == 302, re.findall(r'class="error"[^>]*>([^<]+)', response.text)
    return int(re.match(r"^/fr/curation/collections/(\d+)/$", response.headers["Location"]).group(1))


def test_collection_builder_search_add_order_schedule_delete(curator, curation_state, new_shop):
    from marketplace.catalog.models import Category, Collection

    slug = f"essai-{uuid.uuid4().hex[:8]}"
    # Bad input: errors next to their fields, nothing typed lost.
    bad = curator.post("/fr/curation/collections/", {"name": "", "slug": "Pas Un Slug", "description": "Gardé"})
    text = htmllib.unescape(bad.text)
    assert bad.status_code == 200 and re.search(r'id="err-name">Donnez un nom à la collection', text)
    assert re.search(r'id="err-slug">[^<]*minuscules', text)
    assert 'value="Pas Un Slug"' in text and ">Gardé</textarea>" in text
    pk = create_collection(curator, "Tapis du Moyen Atlas", slug)
    taken = curator.post("/fr/curation/collections/", {"name": "Doublon", "slug": slug, "description": ""})
    assert re.search(r'id="err-slug">Une autre collection utilise déjà ce slug', htmllib.unescape(taken.text))
    assert 'value="Doublon"' in taken.text

    # Pick pieces with a craft filter: the page lists only that craft's pieces.
    from marketplace.catalog.models import Product
    from marketplace.catalog.selectors import category_with_descendants

    def craft_with_pieces():
        for top in Category.objects.filter(parent__isnull=True).order_by("pk"):
            inside = set(Product.objects.filter(category__in=category_with_descendants([top.pk]))
                         .values_list("pk", flat=True))
            if len(inside) >= 3:
                return top, {to_global_id("Product", pk) for pk in inside}
        raise AssertionError("the demo has no craft with three pieces")

    craft, in_craft = in_thread(craft_with_pieces)
    craft_id = to_global_id("Category", craft.pk)
    page = curator.page(f"/fr/curation/collections/{pk}/?craft={craft_id}&market=maroc")
    picked = re.findall(r'name="add" value="([^"]+)"', page)
    assert len(picked) >= 3
    assert set(picked) <= in_craft
    none = curator.post(f"/fr/curation/collections/{pk}/products/", {"action": "add", "back": f"?craft={craft_id}#add"},
                        form_page=f"/fr/curation/collections/{pk}/?craft={craft_id}")
    assert re.search(r'id="add-err">Cochez au moins une pièce', htmllib.unescape(none.text))
    assert re.findall(r'name="add" value="([^"]+)"', none.text) == picked  # the search is still there
    added = curator.post(f"/fr/curation/collections/{pk}/products/", {"action": "add", "add": picked[:3],
                                                                     "back": f"?craft={craft_id}#add"},
                         form_page=f"/fr/curation/collections/{pk}/?craft={craft_id}")
    assert added.status_code == 302 and added.headers["Location"].endswith(f"?craft={craft_id}#add")
    a, b, c = [int(base64.b64decode(g).decode().split(":")[1]) for g in picked[:3]]
    assert product_order(pk) == [a, b, c]

    # Reorder with a button, then with typed positions; a bad position is refused next to its field.
    edit = f"/fr/curation/collections/{pk}/"
    moved = curator.post(f"{edit}products/", {"move": f"{to_global_id('Product', c)}:up"}, form_page=edit)
    assert moved.status_code == 302 and product_order(pk) == [a, c, b]
    ga, gb, gc = (to_global_id("Product", x) for x in (a, b, c))
    wrong = curator.post(f"{edit}products/", {"action": "order", f"pos-{ga}": "2", f"pos-{gc}": "abc",
                                              f"pos-{gb}": "1"}, form_page=edit)
    text = htmllib.unescape(wrong.text)
    assert re.search(rf'name="pos-{re.escape(gc)}"[^>]*value="abc"[^>]*aria-invalid="true"', text)
    assert "Saisissez un nombre de 1 à 3." in text and product_order(pk) == [a, c, b]
    typed = curator.post(f"{edit}products/", {"action": "order", f"pos-{ga}": "3", f"pos-{gc}": "2",
                                              f"pos-{gb}": "1", "remove": [gc]}, form_page=edit)
    assert typed.status_code == 302 and product_order(pk) == [b, a]

    # Schedule per market: an unreadable date is refused; maroc later, touristes now.
    bad_date = curator.post(f"{edit}schedule/", {"published-maroc": "on", "date-maroc": "demain"}, form_page=edit)
    assert re.search(r'id="date-err-maroc">Saisissez une date et une heure', htmllib.unescape(bad_date.text))
    assert 'value="demain"' in bad_date.text and in_thread(
        lambda: not Collection.objects.get(pk=pk).channel_listings.filter(is_published=True).exists())
    saved = curator.post(f"{edit}schedule/", {"published-maroc": "on", "date-maroc": "2032-06-15T09:00",
                                              "published-touristes": "on", "date-touristes": ""}, form_page=edit)
    assert saved.status_code == 302
    listings = in_thread(lambda: {lst.channel.slug: (lst.is_published, lst.published_at) for lst in
                                  Collection.objects.get(pk=pk).channel_listings.select_related("channel")})
    assert listings["touristes"] == (True, None) and listings["export"][0] is False
    assert listings["maroc"] == (True, dt.datetime(2032, 6, 15, 9, 0, tzinfo=ZoneInfo("Africa/Casablanca")))
    edit_page = htmllib.unescape(curator.page(edit))
    assert 'value="2032-06-15T09:00"' in edit_page
    assert "<legend>Export (EUR)</legend>" in edit_page and "(EUR) (EUR)" not in edit_page
    # The list says where it shows now, and from when it will show where it is scheduled, in words.
    listed = htmllib.unescape(curator.page("/fr/curation/collections/"))
    row = listed[listed.index(slug):]
    row = row[:row.index("</li>")]
    assert "Publiée dans : Touristes" in row and "Programmée dans Maroc à partir du" in row and "15/06/2032" in row
    arabic = htmllib.unescape(curator.page("/ar/curation/collections/"))
    row = arabic[arabic.index(slug):]
    row = row[:row.index("</li>")]
    assert "منشورة في: السياح" in row and "مبرمجة في المغرب" in row and "touristes" not in row.replace(slug, "")
    visitor = new_shop()
    assert visitor.get(f"/fr/maroc/collection/{slug}/").status_code == 404
    shown = htmllib.unescape(visitor.page(f"/fr/touristes/collection/{slug}/"))
    names = in_thread(lambda: dict(Product.objects.filter(pk__in=[a, b]).values_list("pk", "name")))
    assert shown.index(names[b]) < shown.index(names[a])

    # Rename; then delete (the box must be ticked).
    renamed = curator.post(f"{edit}details/", {"name": "", "slug": slug, "description": "x"}, form_page=edit)
    assert re.search(r'id="err-name">', renamed.text)
    assert curator.post(f"{edit}details/", {"name": "Tapis choisis", "slug": slug, "description": ""},
                        form_page=edit).status_code == 302
    assert in_thread(lambda: Collection.objects.get(pk=pk).name) == "Tapis choisis"
    refused = curator.post(f"{edit}delete/", {}, form_page=edit)
    assert re.search(r'id="err-confirm">Cochez la case', htmllib.unescape(refused.text))
    deleted = curator.post(f"{edit}delete/", {"confirm": "on"}, form_page=edit)
    assert deleted.status_code == 302 and not in_thread(lambda: Collection.objects.filter(pk=pk).exists())


def test_featured_order_shows_on_the_home_page(curator, curation_state, new_shop):
    first = create_collection(curator, "Zellige de Fès (essai)", f"essai-{uuid.uuid4().hex[:8]}")
    second = create_collection(curator, "Argent de Tiznit (essai)", f"essai-{uuid.uuid4().hex[:8]}")
    for pk in (first, second):
        curator.post(f"/fr/curation/collections/{pk}/schedule/", {"published-maroc": "on"},
                     form_page=f"/fr/curation/collections/{pk}/")
    page = curator.page("/fr/curation/featured/")
    gfirst, gsecond = to_global_id("Collection", first), to_global_id("Collection", second)
    assert f'value="{gfirst}"' in page and f'value="{gsecond}"' in page
    bad = curator.post("/fr/curation/featured/", {"featured": [gfirst, gsecond], f"pos-{gfirst}": "zéro",
                                                  f"pos-{gsecond}": "1"})
    text = htmllib.unescape(bad.text)
    assert bad.status_code == 200 and "Saisissez un nombre entier, 1 ou plus." in text
    assert re.search(rf'name="pos-{re.escape(gfirst)}"[^>]*value="zéro"', text)
    ok = curator.post("/fr/curation/featured/", {"featured": [gfirst, gsecond], f"pos-{gfirst}": "2",
                                                 f"pos-{gsecond}": "1"})
    assert ok.status_code == 302
    home = htmllib.unescape(new_shop().page("/fr/maroc/"))
    featured = home[home.index('id="h-collections"'):home.index('id="h-crafts"')]
    assert featured.index("Argent de Tiznit (essai)") < featured.index("Zellige de Fès (essai)")
    assert featured.count("<li>") == 2  # only these two are featured now
    # The featured page shows the saved order back.
    again = htmllib.unescape(curator.page("/fr/curation/featured/"))
    assert again.index("Argent de Tiznit (essai)") < again.index("Zellige de Fès (essai)")


# --- artisans ---------------------------------------------------------------------------------------------

def test_artisan_verification_and_labels(curator, curation_state):
    from marketplace.artisans.models import Artisan

    pending = in_thread(lambda: Artisan.objects.filter(verification_status="VERIFIED").order_by("pk").first())
    gid = to_global_id("Artisan", pending.pk)
    back = curator.post("/fr/curation/artisans/", {"artisan": gid, "name": pending.name, "action": "verification",
                                                   "status": "PENDING"})
    assert back.status_code == 302
    page = htmllib.unescape(curator.page("/fr/curation/artisans/?status=PENDING"))
    assert pending.name in page and "En attente de vérification" in page
    assert in_thread(lambda: Artisan.objects.get(pk=pending.pk).verification_status) == "PENDING"
    verified = curator.post("/fr/curation/artisans/?status=PENDING", {"artisan": gid, "name": pending.name,
                                                                      "action": "verification", "status": "VERIFIED"})
    assert verified.status_code == 302
    assert in_thread(lambda: Artisan.objects.get(pk=pending.pk).verification_status) == "VERIFIED"
    had = in_thread(lambda: list(Artisan.objects.get(pk=pending.pk).labels.values_list("slug", flat=True)))
    labels = curator.post("/fr/curation/artisans/", {"artisan": gid, "name": pending.name, "action": "labels",
                                                     "had": had, "labels": ["label-qualite"]})
    assert labels.status_code == 302
    assert in_thread(lambda: list(Artisan.objects.get(pk=pending.pk).labels.values_list("slug", flat=True))) == [
        "label-qualite"]
    unknown = curator.post("/fr/curation/artisans/", {"artisan": gid, "name": pending.name, "action": "labels",
                                                      "had": ["label-qualite"], "labels": ["pas-un-label"]})
    assert unknown.status_code == 200 and "Ce label n’existe pas : pas-un-label" in htmllib.unescape(unknown.text)
    rejected = curator.post("/fr/curation/artisans/", {"artisan": gid, "name": pending.name,
                                                       "action": "verification", "status": "REJECTED"})
    assert rejected.status_code == 302
    assert in_thread(lambda: Artisan.objects.get(pk=pending.pk).verification_status) == "REJECTED"


# --- programme dashboard and CSV --------------------------------------------------------------------------

def buy(shop, product) -> None:
    """One cash-on-delivery order in Morocco through the storefront's own forms."""
    variant = in_thread(lambda: product.variants.first())
    page = f"/fr/maroc/p/{product.slug}/"
    assert shop.post("/fr/maroc/cart/add/", {"product": to_global_id("Product", product.pk),
                                             "variant": to_global_id("ProductVariant", variant.pk),
                                             "quantity": "1"}, form_page=page).status_code == 302
    assert shop.post("/fr/maroc/checkout/start/", {}, form_page="/fr/maroc/cart/").status_code == 302
    address = {"first_name": "Salma", "last_name": "Bennani", "street_address_1": "12 rue Ibn Sina",
               "city": "Casablanca", "postal_code": "20000", "phone": "+212612345678"}
    assert shop.post("/fr/maroc/checkout/", {"step": "address", "country": "MA", "email": "b@example.com", **address},
                     form_page="/fr/maroc/checkout/?country=MA").status_code == 302
    checkout = shop.page("/fr/maroc/checkout/")
    delivery = re.search(r'name="delivery" value="([^"]+)"', checkout).group(1)
    done = shop.post("/fr/maroc/checkout/", {"step": "pay", "delivery": delivery,
                                             "gateway": "maalem.payments.cash-on-delivery"},
                     form_page="/fr/maroc/checkout/")
    assert done.status_code == 302 and "/order/" in done.headers["Location"]


def test_dashboard_charts_carry_the_programme_figures(curator, committed_piece, new_shop, api_server, api_token):
    buy(new_shop(), committed_piece("2400"))
    token = api_token(*CURATOR)
    query = (_root_doc("marketplace/ProgrammeResults.graphql"))
    results = requests.post(f"{api_server.url}/graphql/", json={"query": query, "variables": {"languageCode": "EN"}},
                            headers={"Authorization": f"Bearer {token}"}).json()["data"]["programmeResults"]
    assert Decimal(results["salesMad"]) >= Decimal("2400")

    html = curator.page("/en/curation/dashboard/")
    svgs = re.findall(r"<svg class=\"chart[^\"]*\" id=\"([^\"]+)\".*?</svg>", html, re.S)
    assert {"chart-month", "chart-market", "chart-region", "chart-craft", "chart-artisan", "chart-listings",
            "chart-photos"} <= set(svgs)
    assert "<script" not in html.split("<main", 1)[1]  # server-rendered: no chart script
    market_svg = re.search(r'<svg[^>]+id="chart-market".*?</svg>', html, re.S).group(0)
    assert '<title id="chart-market-t">Sales by market (MAD)</title>' in market_svg
    for group in results["byMarket"]:
        assert f'data-label="{group["name"]}" data-value="{group["salesMad"]}"' in market_svg
    artisan_svg = re.search(r'<svg[^>]+id="chart-artisan".*?</svg>', html, re.S).group(0)
    top = max(results["byArtisan"], key=lambda g: Decimal(g["incomeMad"]))
    assert f'data-value="{top["incomeMad"]}"' in artisan_svg
    assert htmllib.escape(top["name"], quote=False) in artisan_svg
    month_svg = re.search(r'<svg[^>]+id="chart-month".*?</svg>', html, re.S).group(0)
    for group in results["byMonth"]:
        assert f'data-label="{group["key"]}" data-value="{group["salesMad"]}"' in month_svg
    photos = re.search(r'<svg[^>]+id="chart-photos".*?</svg>', html, re.S).group(0)
    assert f'data-value="{results["photoQuality"]["averageBefore"]}"' in photos
    assert f'data-value="{results["photoQuality"]["averageAfter"]}"' in photos
    assert re.search(r'id="fig-listings">[\d,]+<', html)
    assert f'id="fig-listings">{results["listingsAdded"]:,}<' in html
    assert f'id="fig-active">{results["activeArtisans"]:,}<' in html

    arabic = curator.page("/ar/curation/dashboard/")
    assert 'dir="rtl"' in arabic and "chart-market" in arabic and 'text-anchor="end"' in arabic

    wrong = curator.page("/fr/curation/dashboard/?since=2026-13-01&until=2026-01-01")
    assert re.search(r'id="err-since">Saisissez une date', htmllib.unescape(wrong)) and 'value="2026-13-01"' in wrong
    backwards = curator.page("/fr/curation/dashboard/?since=2026-05-01&until=2026-01-01")
    assert re.search(r'id="err-until">', backwards) and "chart-market" not in backwards


def _root_doc(name: str) -> str:
    from pathlib import Path

    return (Path(__file__).resolve().parents[2] / "storefront" / "graphql" / name).read_text(encoding="utf-8")


def test_the_dashboard_ties_to_the_payout_ledger_in_arabic(curator, committed_piece, new_shop, api_server,
                                                          api_token, doc):
    """Unpaid cash on delivery is not the artisans' income; once paid, the dashboard's paid and owed figures
    are the artisans' payout pages' sums; the Arabic dashboard names regions, crafts and markets in Arabic
    and writes amounts as the rest of the site does."""
    from marketplace.artisans.regions import REGIONS

    piece = committed_piece("1250")
    buy(new_shop(), piece)
    html = curator.page("/en/curation/dashboard/")
    figure = dict(re.findall(r'<dd id="fig-([\w-]+)" data-value="([^"]+)"', html))
    assert Decimal(figure["awaiting"]) >= Decimal("1250")  # the COD order, not yet paid
    before_income = Decimal(figure["income"])

    admin = api_token("admin@demo.maalem.ma", "demo-admin-2026")
    order_token = in_thread(lambda: __import__("marketplace.orders.models", fromlist=["Order"]).Order.objects
                            .values_list("token", flat=True).get(lines__variant__product=piece))
    url = f"{api_server.url}/graphql/"
    paid = requests.post(url, json={"query": doc("storefront/graphql/saleor/OrderMarkAsPaid.graphql"), "variables": {
        "id": to_global_id("Order", order_token), "transactionReference": "COD-1"}},
        headers={"Authorization": f"Bearer {admin}"}).json()
    assert paid["data"]["orderMarkAsPaid"]["errors"] == []

    html = curator.page("/en/curation/dashboard/")
    figure = {k: Decimal(v) for k, v in re.findall(r'<dd id="fig-([\w-]+)" data-value="([^"]+)"', html)}
    artisans = in_thread(lambda: list(__import__("marketplace.payouts.models", fromlist=["LedgerEntry"]).LedgerEntry
                                      .objects.values_list("artisan_id", flat=True).distinct()))
    owed = paid_out = Decimal(0)
    for pk in artisans:
        rows = requests.post(url, json={"query": doc("storefront/graphql/marketplace/ArtisanPayouts.graphql"),
                                        "variables": {"artisanId": to_global_id("Artisan", pk)}},
                             headers={"Authorization": f"Bearer {admin}"}).json()["data"]["artisanBalance"]
        for row in rows:
            assert row["currency"] == "MAD"
            owed += Decimal(str(row["owed"]["amount"]))
            paid_out += Decimal(str(row["paid"]["amount"]))
    assert figure["income-pending"] == owed and figure["income-paid"] == paid_out
    assert figure["income"] == owed + paid_out > before_income
    assert figure["margin"] == figure["commission"] + figure["export-margin"]

    arabic = htmllib.unescape(curator.page("/ar/curation/dashboard/"))
    artisan_region = in_thread(lambda: piece.artisan.region)
    assert REGIONS[artisan_region]["ar"] in arabic and REGIONS[artisan_region]["fr"] not in arabic
    market_svg = re.search(r'<svg[^>]+id="chart-market".*?</svg>', arabic, re.S).group(0)
    assert 'data-label="المغرب"' in market_svg and 'data-label="maroc"' not in market_svg
    income = re.search(r'<dd id="fig-income"[^>]*>([^<]+)</dd>', arabic).group(1)
    assert "د.م." in income and "MAD" not in income


def test_review_queue_filters_search_and_approves_a_batch(curator, pending_piece):
    tajine = pending_piece("Tajine du lot d'essai")
    coussin = pending_piece("Coussin du lot d'essai")
    other = pending_piece("Plat hors série")

    def shown(query: str) -> set[str]:
        html = htmllib.unescape(curator.page(f"/fr/curation/?{query}"))
        queue = html[html.index('<ol class="cur-queue"'):]
        return {p["name"] for p in (tajine, coussin, other) if p["name"] in queue}

    assert shown("q=Tajine+du+lot") == {tajine["name"]}
    assert shown(f"q=CUR-{coussin['pk']}") == {coussin["name"]}  # by SKU
    assert shown("status=REJECTED") == set()
    bad = curator.page("/fr/curation/?since=hier")
    assert re.search(r'id="err-since">Saisissez une date', htmllib.unescape(bad))
    page = curator.page("/fr/curation/")
    assert '<option value="touristes">Touristes</option>' in page  # markets named, not slugs
    # Ticked listings, approved at once.
    ticked = curator.post("/fr/curation/", {"action": "approve-ticked", "ticked": [tajine["id"]]})
    assert ticked.status_code == 302 and status_of(tajine["pk"])[0] == "APPROVED"
    # A whole batch: one artisan's listings found by the filters, once the box is ticked.
    artisan = in_thread(lambda: to_global_id("Artisan", __import__("marketplace.catalog.models", fromlist=["Product"])
                                             .Product.objects.get(pk=coussin["pk"]).artisan_id))
    batch = f"/fr/curation/?artisan={artisan}&q=du+lot"
    unconfirmed = curator.post(batch, {"action": "approve-batch"}, form_page=batch)
    assert unconfirmed.status_code == 200 and "Cochez la case" in htmllib.unescape(unconfirmed.text)
    assert status_of(coussin["pk"])[0] == "PENDING"
    confirmed = curator.post(batch, {"action": "approve-batch", "confirm": "yes"}, form_page=batch)
    assert confirmed.status_code == 302 and confirmed.headers["Location"] == batch
    assert status_of(coussin["pk"])[0] == "APPROVED" and status_of(other["pk"])[0] == "PENDING"
    assert "1 annonce approuvée et publiée." in htmllib.unescape(curator.page(batch))


def test_csv_export_matches_the_api(curator, api_server, api_token, shop):
    token = api_token(*CURATOR)
    for lang in ("fr", "ar"):
        api_csv = requests.get(f"{api_server.url}/exports/programme-results.csv",
                               params={"since": "2020-01-01", "language": lang},
                               headers={"Authorization": f"Bearer {token}"})
        assert api_csv.status_code == 200
        response = curator.get(f"/{lang}/curation/dashboard/programme-results.csv?since=2020-01-01")
        assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/csv")
        assert 'filename="programme-results-2020-01-01.csv"' in response.headers["Content-Disposition"]
        ours = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        theirs = list(csv.reader(io.StringIO(api_csv.content.decode("utf-8-sig"))))
        assert ours[0] == ["section", "key", "name", "sales_mad", "income_mad", "order_lines"]
        assert ours == theirs
        assert any(row[:2] == ["summary", "income_paid_mad"] for row in ours)
    assert shop.get("/fr/curation/dashboard/programme-results.csv").status_code == 401


# --- markets' price rule ----------------------------------------------------------------------------------

def test_export_price_rule_is_maintained_from_curation(curator):
    from marketplace.catalog.models import ProductVariantChannelListing
    from marketplace.channels.models import Channel
    from marketplace.channels.services import derive_price
    from marketplace.curation.services import rederive_channel_prices

    before = in_thread(lambda: Channel.objects.filter(slug="export").values(
        "pk", "price_rate", "price_margin", "price_rounding")[0])
    gid = to_global_id("Channel", before["pk"])
    page = curator.page("/fr/curation/markets/")
    assert 'id="id-export-rate"' in page and 'id="id-export-usd-rate"' in page and 'id="id-maroc-rate"' not in page

    bad = curator.post("/fr/curation/markets/", {"channel": gid, "rate": "abc", "margin": "-1", "rounding": "1"})
    text = htmllib.unescape(bad.text)
    assert bad.status_code == 200 and 'id="err-export-rate">Saisissez un nombre, par ex. 0.093.' in text
    assert 'id="err-export-margin">Saisissez un nombre d’au moins 0.' in text
    assert 'id="id-export-rate" name="rate" type="text" value="abc"' in text and 'value="-1"' in text
    assert in_thread(lambda: Channel.objects.get(pk=before["pk"]).price_rate) == before["price_rate"]

    def restore():
        Channel.objects.filter(pk=before["pk"]).update(price_rate=before["price_rate"],
                                                       price_margin=before["price_margin"],
                                                       price_rounding=before["price_rounding"])
        rederive_channel_prices(Channel.objects.get(pk=before["pk"]))

    try:
        ok = curator.post("/fr/curation/markets/", {"channel": gid, "rate": "0,1", "margin": "0", "rounding": "1"})
        assert ok.status_code == 302 and ok.headers["Location"] == "/fr/curation/markets/"
        assert "Règle de prix enregistrée" in htmllib.unescape(curator.page("/fr/curation/markets/"))

        def check():
            channel = Channel.objects.get(pk=before["pk"])
            assert (channel.price_rate, channel.price_margin, channel.price_rounding) == (
                Decimal("0.1"), Decimal("0"), Decimal("1"))
            row = ProductVariantChannelListing.objects.filter(channel=channel, price_overridden=False,
                                                              price_amount__isnull=False).first()
            mad = ProductVariantChannelListing.objects.get(variant=row.variant, channel__slug="maroc").price_amount
            assert row.price_amount == derive_price(mad, channel) == (mad / 10).quantize(Decimal("1"),
                                                                                          rounding="ROUND_CEILING")

        in_thread(check)
    finally:
        in_thread(restore)
