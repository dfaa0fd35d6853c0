"""Selling fixtures: a unique rug per test (stock 1 in every channel), buyers' addresses, the Stripe stand-in."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

_counter = itertools.count(1)

MA_ADDRESS = {"firstName": "Salma", "lastName": "Bennani", "streetAddress1": "12 rue Ibn Sina", "city": "Casablanca",
              "postalCode": "20000", "country": "MA", "phone": "+212612345678"}
HOTEL_ADDRESS = {"firstName": "Emma", "lastName": "Walker", "companyName": "Riad Dar Anika",
                 "streetAddress1": "112 Derb Lamnabha, Kasbah", "city": "Marrakech", "postalCode": "40000",
                 "country": "MA", "phone": "+212524389000"}
FR_ADDRESS = {"firstName": "Claire", "lastName": "Martin", "streetAddress1": "8 rue de la Paix", "city": "Paris",
              "postalCode": "75002", "country": "FR", "phone": "+33142000000"}


def make_rug(quantity: int = 1, artisan: object = None) -> object:
    """A published one-of-a-kind rug by an existing demo artisan, listed in every channel."""
    from django.utils import timezone

    from marketplace.artisans.models import Artisan
    from marketplace.catalog import models as cm
    from marketplace.channels.models import Channel
    from marketplace.channels.services import derive_price
    from marketplace.inventory.models import Stock

    n = next(_counter)
    artisan = artisan or Artisan.objects.filter(warehouse__isnull=False).order_by("pk").first()
    product_type = cm.ProductType.objects.order_by("pk").first()
    product = cm.Product.objects.create(product_type=product_type, artisan=artisan, name=f"Tapis test {n}",
                                        slug=f"tapis-test-selling-{n}-{timezone.now().timestamp():.0f}")
    variant = cm.ProductVariant.objects.create(product=product, sku=f"SELL-{n}-{product.pk}", is_one_of_a_kind=True,
                                               weight_kg=Decimal("4.2"), length_cm=Decimal("60"),
                                               width_cm=Decimal("30"), height_cm=Decimal("20"), hs_code="570110")
    for channel in Channel.objects.all():
        cm.ProductChannelListing.objects.create(product=product, channel=channel, is_published=True,
                                                currency=channel.currency_code)
        cm.ProductVariantChannelListing.objects.create(variant=variant, channel=channel,
                                                       currency=channel.currency_code,
                                                       price_amount=derive_price(Decimal("2400"), channel))
    Stock.objects.create(warehouse=artisan.warehouse, product_variant=variant, quantity=quantity)
    variant.artisan = artisan
    return variant


@pytest.fixture
def rug(db):
    return make_rug()


@pytest.fixture
def stripe_standin(settings):
    from marketplace.payments.stripe_standin import StripeStandIn

    server = StripeStandIn("sk_test_maalem").start()
    settings.STRIPE_SECRET_KEY = "sk_test_maalem"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_maalem"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test_maalem"
    settings.STRIPE_API_BASE = server.url
    yield server
    server.stop()


@pytest.fixture
def selling(gql, doc, django_capture_on_commit_callbacks):
    """Helpers running the storefront's documents."""

    class Selling:
        def run(self, name: str, variables: dict, *, folder: str = "saleor") -> dict:
            # The test runs in a transaction: run what the API defers to commit (e-mails) as a commit would.
            with django_capture_on_commit_callbacks(execute=True):
                return gql.data(doc(f"storefront/graphql/{folder}/{name}.graphql"), variables)

        def create(self, channel: str, variant_gid: str, email: str = "buyer@example.com", quantity: int = 1) -> dict:
            result = self.run("CheckoutCreate", {"input": {"channel": channel, "email": email,
                                                           "lines": [{"variantId": variant_gid,
                                                                      "quantity": quantity}]}})
            assert result["checkoutCreate"]["errors"] == [], result
            return result["checkoutCreate"]["checkout"]

    return Selling()


def gid(type_name: str, pk) -> str:
    from marketplace.core.graphql.ids import to_global_id

    return to_global_id(type_name, pk)


def login(gql, email: str, password: str) -> str:
    token = gql.data("mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token } }",
                     {"e": email, "p": password})["tokenCreate"]["token"]
    assert token
    return token


@pytest.fixture
def helpers():
    return {"gid": gid, "login": login, "make_rug": make_rug, "MA": MA_ADDRESS, "HOTEL": HOTEL_ADDRESS,
            "FR": FR_ADDRESS}
