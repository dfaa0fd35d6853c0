"""The shop when buyers compete for a piece (issue 12): a piece in someone else's basket says when it is free
again (fr, ar, en, the time isolated in Arabic text), a second visitor cannot put it in the cart, the cart
never holds more than the stock, and a buyer who starts the checkout twice is not blocked by their own hold."""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import requests

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db

CREATE = """mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) {
  checkout { id stockReservationExpires } errors { code message } } }"""
HELD = {
    "fr": "Quelqu'un a cette pièce dans son panier ; elle sera de nouveau libre à \u2068{time}\u2069 (heure du Maroc) "
          "s'il ne l'achète pas.",
    "en": "Someone has this piece in their basket; it will be free again at \u2068{time}\u2069 (Morocco time) if "
          "they do not buy it.",
    "ar": "هذه القطعة في سلة مشترٍ آخر؛ ستصبح متاحة من جديد على الساعة \u2068{time}\u2069 (بتوقيت المغرب) إن لم يشترها.",
}


def _ids(piece) -> dict[str, str]:
    return {"product": to_global_id("Product", piece.pk),
            "variant": to_global_id("ProductVariant", piece.variants.first().pk)}


def _add(shop, lang: str, piece, quantity: str = "1", form_page: str | None = None):
    page = f"/{lang}/maroc/p/{piece.slug}/"
    return shop.post(f"/{lang}/maroc/cart/add/", {**_ids(piece), "quantity": quantity, "next": page},
                     form_page=form_page or page)


def test_a_piece_in_another_basket_says_when_it_is_free_again(shop, new_shop, committed_piece, api_server):
    piece = committed_piece()
    answer = requests.post(f"{api_server.url}/graphql/", json={"query": CREATE, "variables": {"input": {
        "channel": "maroc", "email": "first@example.ma", "lines": [{"variantId": _ids(piece)["variant"],
                                                                   "quantity": 1}]}}}, timeout=30).json()
    assert answer["data"]["checkoutCreate"]["errors"] == []
    until = datetime.fromisoformat(answer["data"]["checkoutCreate"]["checkout"]["stockReservationExpires"])
    time = until.astimezone(ZoneInfo("Africa/Casablanca")).strftime("%H:%M")
    for lang, text in HELD.items():
        page = unescape(shop.page(f"/{lang}/maroc/p/{piece.slug}/"))
        assert re.search(r'data-testid="availability">([^<]+)<', page).group(1) == text.format(time=time)
        assert f'action="/{lang}/maroc/cart/add/"' not in page
    # A visitor who posts the form anyway (a tab opened before) is told the same, and the cart stays empty.
    other = new_shop()
    response = _add(other, "en", piece, form_page="/en/maroc/account/sign-in/")
    assert response.headers["Location"] == f"/en/maroc/p/{piece.slug}/"
    assert HELD["en"].format(time=time) in unescape(other.page(response.headers["Location"]))
    assert "Your cart is empty" in other.page("/en/maroc/cart/")


def test_the_cart_never_holds_more_than_the_stock(shop, committed_piece):
    piece = committed_piece()
    response = _add(shop, "fr", piece, quantity="99")
    assert response.headers["Location"] == "/fr/maroc/cart/"
    cart = unescape(shop.page("/fr/maroc/cart/"))
    assert "Seulement 1 disponible : votre panier en contient 1." in cart
    variant = _ids(piece)["variant"]
    assert re.search(rf'name="quantity-{re.escape(variant)}" value="1"', cart)
    shop.post("/fr/maroc/cart/update/", {f"quantity-{variant}": "7"}, form_page="/fr/maroc/cart/")
    cart = unescape(shop.page("/fr/maroc/cart/"))
    assert "Seulement 1 disponible : votre panier en contient 1." in cart
    assert re.search(rf'name="quantity-{re.escape(variant)}" value="1"', cart)


def test_the_buyers_own_hold_is_theirs_and_starting_the_checkout_twice_keeps_it(shop, committed_piece):
    piece = committed_piece()
    _add(shop, "en", piece)
    for _ in range(2):  # back to the cart, then the checkout again: the same API checkout, still holding the piece
        response = shop.post("/en/maroc/checkout/start/", {}, form_page="/en/maroc/cart/")
        assert response.headers["Location"] == "/en/maroc/checkout/"
    assert piece.name in unescape(shop.page("/en/maroc/checkout/"))
    # Their own basket is not "someone's": the product page says it is theirs, the cart line has no problem.
    page = unescape(shop.page(f"/en/maroc/p/{piece.slug}/"))
    assert re.search("data-testid=\"availability\">This piece is in your cart, held for you until "
                     "\u2068\\d\\d:\\d\\d\u2069 \\(Morocco time\\)\\.<", page)
    cart = unescape(shop.page("/en/maroc/cart/"))
    assert piece.name in cart and 'class="error"' not in cart
