"""A full purchase in the browser in each market (the Arabic one right to left), and a unique piece that a
second buyer can no longer buy."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MA = {"first_name": "Salma", "last_name": "Bennani", "street_address_1": "12 rue Ibn Sina", "city": "Casablanca",
      "postal_code": "20000", "phone": "+212612345678"}
RIAD = {**MA, "company_name": "Riad Dar Anika", "city": "Marrakech", "postal_code": "40000"}
FR = {"first_name": "Claire", "last_name": "Martin", "street_address_1": "8 rue de la Paix", "city": "Paris",
      "postal_code": "75002", "phone": "+33142000000"}
US = {"first_name": "John", "last_name": "Doe", "street_address_1": "350 Fifth Avenue", "city": "New York",
      "country_area": "NY", "postal_code": "10118", "phone": "+12125551234"}


def purchase(page, lang, market, slug, country, address, delivery_pattern, gateway, accessible=None):
    page.goto(f"/{lang}/{market}/p/{slug}/")
    page.locator(".add button").click()
    page.wait_for_url(re.compile(rf"/{lang}/{market}/cart/"))
    page.locator("form[action$='/checkout/start/'] button").click()
    page.wait_for_url(re.compile(rf"/{lang}/{market}/checkout/"))
    if page.locator("#country-pick").count():
        page.locator("#country-pick").select_option(country)
        page.wait_for_url(re.compile(rf"country={country}"))
    page.locator("#id-email").fill("buyer@example.com")
    for name, value in address.items():
        field = page.locator(f"#id-{name}")
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    page.locator("form:has(input[value=address]) button[type=submit]").click()
    page.wait_for_selector("#delivery")
    if accessible:
        accessible(page)
    page.locator("#delivery label", has_text=delivery_pattern).first.click()
    page.locator(f"input[name=gateway][value='{gateway}']").check()
    page.locator("#delivery button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{lang}/{market}/order/[0-9a-f-]+/"))
    assert page.get_by_test_id("order-total").inner_text()
    return page


@pytest.mark.parametrize("lang,market,country,address,delivery,gateway", [
    ("fr", "maroc", "MA", MA, re.compile("standard", re.I), "maalem.payments.cash-on-delivery"),
    ("ar", "touristes", "MA", RIAD, re.compile("رياض"), "maalem.payments.dev"),  # the riad delivery, in Arabic
    ("en", "export", "FR", FR, re.compile(".+"), "maalem.payments.bank-transfer"),
    ("en", "export-usd", "US", US, re.compile(".+"), "maalem.payments.bank-transfer"),
])
def test_full_purchase_in_each_market(page, accessible, artifacts, committed_piece, lang, market, country, address,
                                      delivery, gateway):
    piece = committed_piece()
    purchase(page, lang, market, piece.slug, country, address, delivery, gateway, accessible)
    assert page.get_by_test_id("order-number").is_visible()
    if lang == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert "شكرًا على طلبك" in page.locator("h1").inner_text()
        page.screenshot(path=str(artifacts / "ar-order-confirmation.png"), full_page=True)
    if gateway.endswith("bank-transfer"):
        assert page.locator("a[href$='/proforma.pdf']").count() == 1
    accessible(page)


def test_second_buyer_cannot_buy_a_sold_unique_piece(page, browser, storefront_url, committed_piece):
    piece = committed_piece()
    other = browser.new_context(base_url=storefront_url).new_page()
    other.goto(f"/fr/maroc/p/{piece.slug}/")
    other.locator(".add button").click()  # the second buyer puts it in the cart first ...
    other.wait_for_url(re.compile("/fr/maroc/cart/"))
    purchase(page, "fr", "maroc", piece.slug, "MA", MA, re.compile(".+"), "maalem.payments.cash-on-delivery")
    other.locator("form[action$='/checkout/start/'] button").click()  # ... but the first one bought it
    other.wait_for_url(re.compile("/fr/maroc/cart/"))
    assert "vient d'être vendue" in other.locator(".messages").inner_text()
    other.context.close()
