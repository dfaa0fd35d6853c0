"""A returning buyer's checkout starts from their saved addresses and name; the order page shows where and
when the pieces arrive, a pickup point's address and opening hours, and each artisan's parcel with its
stage and tracking link."""

from __future__ import annotations

import re
import uuid
from html import unescape

import pytest
from committed import in_thread

from marketplace.core.graphql.ids import to_global_id

pytestmark = pytest.mark.django_db


def add_and_start(shop, lang: str, market: str, product) -> None:
    variant = product.variants.first()
    shop.post(f"/{lang}/{market}/cart/add/", {"product": to_global_id("Product", product.pk),
                                              "variant": to_global_id("ProductVariant", variant.pk), "quantity": "1"},
              form_page=f"/{lang}/{market}/p/{product.slug}/")
    assert shop.post(f"/{lang}/{market}/checkout/start/", {}, form_page=f"/{lang}/{market}/cart/").status_code == 302


@pytest.fixture
def returning_buyer(api_server):
    email = f"returning-{uuid.uuid4().hex[:8]}@example.ma"

    def make():
        from django.contrib.auth.hashers import make_password

        from marketplace.accounts.models import Address, User

        user = User.objects.create(email=email, first_name="Nadia", last_name="Alaoui",
                                   password=make_password("Zellige-Fes-2026"))
        shipping = Address.objects.create(first_name="Nadia", last_name="Alaoui",
                                          street_address_1="7 Derb Sidi Bounafaa",
                                          city="Marrakech", postal_code="40000", country="MA", phone="+212661000000")
        billing = Address.objects.create(first_name="Nadia", last_name="Alaoui", company_name="Dar Nadia SARL",
                                         street_address_1="90 avenue Hassan II", city="Rabat", postal_code="10000",
                                         country="MA", phone="+212537000000")
        user.addresses.add(shipping, billing)
        user.default_shipping_address, user.default_billing_address = shipping, billing
        user.save()
        return user

    user = in_thread(make)
    yield email
    in_thread(lambda: (user.orders.all().delete(), user.delete()))


def test_a_signed_in_buyers_checkout_is_filled_from_the_saved_addresses(shop, committed_piece, returning_buyer):
    signed = shop.post("/fr/maroc/account/sign-in/", {"email": returning_buyer, "password": "Zellige-Fes-2026"})
    assert signed.status_code == 302
    add_and_start(shop, "fr", "maroc", committed_piece())
    html = unescape(shop.page("/fr/maroc/checkout/"))
    for field, value in (("first_name", "Nadia"), ("last_name", "Alaoui"), ("street_address_1", "7 Derb Sidi Bounafaa"),
                         ("city", "Marrakech"), ("postal_code", "40000"), ("phone", "+212661000000")):
        assert re.search(rf'name="{field}"[^>]*value="{re.escape(value)}"', html), field
    assert f'value="{returning_buyer}"' in html
    assert "90 avenue Hassan II, Rabat" in html and 'name="billing" value="saved" checked' in html
    # Keeping the saved billing address: the checkout bills Rabat, delivers to Marrakech.
    values = dict(re.findall(r'name="([a-z_0-9]+)"[^>]*value="([^"]*)"', html))
    form = {name: values.get(name, "") for name in ("first_name", "last_name", "street_address_1", "city",
                                                       "postal_code", "phone")}
    response = shop.post("/fr/maroc/checkout/", {"step": "address", "country": "MA", "email": returning_buyer,
                                                 "billing": "saved", **form}, form_page="/fr/maroc/checkout/")
    assert response.status_code == 302

    def addresses():
        from marketplace.checkout.models import Checkout

        checkout = Checkout.objects.filter(email=returning_buyer).latest("pk")
        return checkout.shipping_address.city.casefold(), checkout.billing_address.city.casefold()

    assert in_thread(addresses) == ("marrakech", "rabat")


def test_a_workshop_pickup_order_shows_the_address_hours_and_the_parcels_tracking(shop, committed_piece):
    piece = committed_piece()
    add_and_start(shop, "en", "touristes", piece)
    riad = {"first_name": "Emma", "last_name": "Walker", "company_name": "Riad Dar Anika",
            "street_address_1": "112 Derb Lamnabha", "city": "Marrakesh", "postal_code": "40000",
            "phone": "+212524389000"}
    assert shop.post("/en/touristes/checkout/", {"step": "address", "country": "MA", "email": "emma@example.co.uk",
                                                 **riad}, form_page="/en/touristes/checkout/").status_code == 302
    page = shop.page("/en/touristes/checkout/")
    workshop = re.search(r'name="delivery" value="([^"]+)"[^>]*>\s*<label for="p-\d+">Pick up at the workshop: '
                         r'<bdi>Atelier', page).group(1)
    placed = shop.post("/en/touristes/checkout/", {"step": "pay", "delivery": workshop,
                                                   "gateway": "maalem.payments.dev"},
                                                   form_page="/en/touristes/checkout/")
    assert placed.status_code == 302
    html = unescape(shop.page(placed.headers["Location"]))
    assert "Thank you for your order" in html
    pickup = re.search(r'data-testid="pickup-address">(.*?)</address>', html, re.S).group(1)
    assert "Morocco" in pickup
    hours = re.search(r'data-testid="opening-hours">(.*?)</dl>', html, re.S).group(1)
    assert "Monday – Saturday" in hours and "09:00-18:00" in hours

    def ship():
        from django.db import transaction

        from marketplace.accounts.models import User
        from marketplace.orders.models import Fulfillment
        from marketplace.orders.services import update_fulfillment

        fulfillment = Fulfillment.objects.filter(lines__variant__product=piece).first()
        admin = User.objects.get(email="admin@demo.maalem.ma")
        with transaction.atomic():
            update_fulfillment(fulfillment, admin, stage="SHIPPED", tracking_number="CP123456789MA",
                               notify_customer=False)

    in_thread(ship)
    html = unescape(shop.page(placed.headers["Location"]))
    parcel = re.search(r'data-testid="parcel">(.*?)</li>', html, re.S).group(1)
    assert "Shipped" in parcel and 'href="https://bam-tracking.barid.ma/' in parcel and "CP123456789MA" in parcel
    assert re.search(r'data-testid="order-status">Shipped<', html)
