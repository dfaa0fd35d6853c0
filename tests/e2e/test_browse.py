"""Browse in a real browser: home → craft → product in every market, Arabic right to left, a phone,
search with a typo, keyboard use, form errors next to their fields; axe-core on every page."""

from __future__ import annotations

import re

import pytest

# django_db: the session needs the test database (the API serves the demo catalog from it).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MARKETS = [("fr", "maroc", "MAD"), ("ar", "touristes", "د.م."), ("en", "export", "€"), ("en", "export-usd", "US$")]


@pytest.mark.parametrize("lang,market,currency", MARKETS)
def test_home_to_craft_to_product_in_each_market(page, accessible, lang, market, currency):
    page.goto(f"/{lang}/{market}/")
    assert page.locator("html").get_attribute("lang") == lang
    accessible(page)
    page.locator("#h-crafts + .chips a").first.click()
    page.wait_for_url(re.compile(rf"/{lang}/{market}/craft/"))
    assert page.locator("h1").inner_text()
    accessible(page)
    page.locator(".card a").first.click()
    page.wait_for_url(re.compile(rf"/{lang}/{market}/p/"))
    price = page.get_by_test_id("price").inner_text()
    assert currency in price or currency.replace("US", "") in price, price
    if market in ("maroc", "touristes"):
        assert page.locator(".vat").is_visible()
    else:
        assert page.locator(".vat").count() == 0
    assert page.locator(".gallery img").first.evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.locator(".maker-card a").first.is_visible()
    accessible(page)
    page.get_by_role("button", name=re.compile(".+")).and_(page.locator(".add button")).click()
    page.wait_for_url(re.compile(rf"/{lang}/{market}/cart/"))
    assert page.locator("[data-testid=cart-line]").count() == 1
    assert page.get_by_test_id("cart-total").inner_text()
    assert page.locator(".cart .count").inner_text() == "1"
    accessible(page)


def test_arabic_product_page_is_right_to_left(page, accessible, artifacts):
    page.goto("/ar/maroc/search/?q=zellige")
    page.locator(".card a").first.click()
    page.wait_for_url(re.compile(r"/ar/maroc/p/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # Right to left for real: the brand sits on the right of the header, the gallery on the right of the buy box.
    brand = page.locator(".brand").bounding_box()
    search = page.locator(".search").bounding_box()
    assert brand["x"] > search["x"]
    gallery, buy = page.locator(".gallery").bounding_box(), page.locator(".buy").bounding_box()
    assert gallery["x"] > buy["x"]
    assert "أضف إلى السلة" in page.locator(".add button").inner_text()
    accessible(page)
    page.screenshot(path=str(artifacts / "ar-product-rtl.png"), full_page=True)


def test_search_with_a_typo_finds_zellige(page, accessible):
    page.goto("/fr/maroc/")
    page.get_by_label("Rechercher dans l'artisanat").fill("zelij")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/fr/maroc/search/\?q=zelij"))
    names = page.locator(".card .name").all_inner_texts()
    assert names and any("zellige" in n.lower() for n in names)
    accessible(page)
    page.get_by_label("Trier par").select_option("price-asc")  # applies at once (progressive enhancement)
    page.wait_for_url(re.compile(r"sort=price-asc"))
    assert page.locator(".card").count() == len(names)


def test_phone_viewport_360(phone, accessible, artifacts):
    phone.goto("/fr/maroc/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.locator(".card a").first.click()
    phone.wait_for_url(re.compile(r"/fr/maroc/p/"))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    button = phone.locator(".add button, .stock.out").first.bounding_box()
    assert button["width"] <= 360 and button["height"] >= 40
    accessible(phone)
    phone.screenshot(path=str(artifacts / "phone-360-product.png"), full_page=False)


def test_keyboard_skip_link_and_visible_focus(page):
    page.goto("/fr/maroc/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["y"] >= 0  # it comes into view when focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused


def test_form_errors_are_shown_next_to_their_fields(page, accessible):
    page.goto("/fr/maroc/account/sign-up/")
    page.get_by_label("Adresse e-mail").fill("pas-une-adresse")
    page.get_by_label("Mot de passe (8 caractères ou plus)").fill("123")
    page.get_by_role("button", name="Créer mon compte").click()
    email = page.get_by_label("Adresse e-mail")
    password = page.get_by_label("Mot de passe (8 caractères ou plus)")
    assert email.get_attribute("aria-invalid") == "true"
    assert email.input_value() == "pas-une-adresse"  # nothing typed is lost
    email_error = page.locator("#" + email.get_attribute("aria-describedby"))
    password_error = page.locator("#" + password.get_attribute("aria-describedby"))
    assert email_error.is_visible() and password_error.is_visible()
    # Each message sits right under its own field.
    for field, error in ((email, email_error), (password, password_error)):
        f, e = field.bounding_box(), error.bounding_box()
        assert 0 <= e["y"] - (f["y"] + f["height"]) < 40
    accessible(page)
