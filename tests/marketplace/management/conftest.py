"""Fixtures for the management API: two demo artisans (A and B) with a fresh product each, and sign-in
as each role through tokenCreate."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from module_rows import rows_for_the_module

from marketplace.core.graphql.ids import to_global_id

ROLES = ["anonymous", "buyer", "member_a_on_b", "member_a_on_a", "curator", "admin"]
LOGINS = {
    "buyer": ("client@demo.maalem.ma", "demo-buyer-2026"),
    "curator": ("curateur@demo.maalem.ma", "demo-curator-2026"),
    "admin": ("admin@demo.maalem.ma", "demo-admin-2026"),
}
TOKEN_CREATE = "mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token errors { code } } }"


@dataclass
class Side:
    artisan: Any
    member_email: str
    product: Any
    variant: Any
    media: Any
    warehouse: Any
    extra: dict[str, str] = field(default_factory=dict)  # IDs of objects made for one cell (orders, batches)

    @property
    def ids(self) -> dict[str, str]:
        return {"artisan": to_global_id("Artisan", self.artisan.pk),
                "product": to_global_id("Product", self.product.pk),
                "variant": to_global_id("ProductVariant", self.variant.pk),
                "media": to_global_id("ProductMedia", self.media.pk),
                "warehouse": to_global_id("Warehouse", self.warehouse.pk), **self.extra}


def make_side(artisan: Any, tag: str) -> Side:
    from marketplace.catalog.models import (
        Product,
        ProductChannelListing,
        ProductType,
        ProductVariant,
        ProductVariantChannelListing,
    )
    from marketplace.channels.models import Channel
    from marketplace.inventory.models import Stock
    from marketplace.media.models import ProductMedia

    product = Product.objects.create(product_type=ProductType.objects.order_by("pk").first(), artisan=artisan,
                                     name=f"Plat {tag}", slug=f"plat-test-{tag}")
    variant = ProductVariant.objects.create(product=product, sku=f"TEST-{tag}", is_one_of_a_kind=True)
    Product.objects.filter(pk=product.pk).update(default_variant=variant)
    for channel in Channel.objects.all():
        ProductChannelListing.objects.create(product=product, channel=channel, is_published=True,
                                             currency=channel.currency_code)
    from marketplace.catalog.services import set_variant_prices_from_mad

    set_variant_prices_from_mad([variant.pk], {variant.pk: Decimal("400")}, list(Channel.objects.all()))
    ProductVariantChannelListing.objects.filter(variant=variant).exclude(currency="MAD").update(price_overridden=False)
    media = ProductMedia.objects.create(product=product, status="READY", files={}, alt="photo", sort_order=1)
    Stock.objects.create(warehouse=artisan.warehouse, product_variant=variant, quantity=1)
    member = artisan.memberships.select_related("user").first().user
    return Side(artisan, member.email, product, variant, media, artisan.warehouse)


def make_world() -> dict[str, Side]:
    from marketplace.artisans.models import Artisan

    artisans = list(Artisan.objects.filter(verification_status="VERIFIED", warehouse__isnull=False)
                    .order_by("pk")[:2])
    return {"a": make_side(artisans[0], "a"), "b": make_side(artisans[1], "b")}


@pytest.fixture
def world(db) -> dict[str, Side]:
    return make_world()


@pytest.fixture(scope="module")
def world_for_the_module(django_db_setup, django_db_blocker):
    """`world` built once for a module of many cells and rolled back after it (tests/support/module_rows.py):
    a module's own `world` fixture returns `world_for_the_module()`, a fresh copy per test."""
    with rows_for_the_module(django_db_blocker, make_world) as fresh_copy:
        yield fresh_copy


@pytest.fixture
def sign_in(gql):
    from demo.data import DEMO_ARTISAN_PASSWORD

    def login(role: str, world: dict[str, Side] | None = None) -> None:
        if role == "anonymous":
            gql.token = None
            return
        email, password = LOGINS.get(role) or (world["a"].member_email, DEMO_ARTISAN_PASSWORD)
        gql.token = None
        result = gql.data(TOKEN_CREATE, {"e": email, "p": password})["tokenCreate"]
        assert result["errors"] == [], result
        gql.token = result["token"]

    return login


@pytest.fixture(scope="module")
def tokens_of_the_module() -> dict[str, str]:
    return {}


@pytest.fixture
def sign_in_once(gql, sign_in, tokens_of_the_module):
    """`sign_in` through tokenCreate on a role's first cell of the module, then its token again: a matrix's
    cells roll their writes back, so the user's token key (what a JWT is checked against) never changes."""

    def login(role: str, world: dict[str, Side] | None = None) -> None:
        if role not in tokens_of_the_module:
            sign_in(role, world)
            tokens_of_the_module[role] = gql.token
        gql.token = tokens_of_the_module[role]

    return login


def photo_bytes(seed: int = 1, size: int = 640) -> bytes:
    """A real JPEG photo-like image (a gradient with a subject) for upload tests."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size]
    base = np.stack([120 + 60 * np.sin(x / 50.0), 90 + 40 * np.cos(y / 70.0), 70 + 30 * np.sin((x + y) / 90.0)], -1)
    disc = ((x - size / 2) ** 2 + (y - size / 2) ** 2) < (size / 4) ** 2
    base[disc] = [180, 80, 40]
    noise = rng.normal(0, 6, base.shape)
    image = Image.fromarray(np.clip(base + noise, 0, 255).astype("uint8"))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


@pytest.fixture
def upload(client):
    """POST a GraphQL multipart request (operations, map, files) with an optional bearer token."""
    import json

    def send(query: str, variables: dict, files: dict[str, tuple[str, bytes]], token: str | None = None) -> Any:
        from django.core.files.uploadedfile import SimpleUploadedFile

        mapping = {str(i): [f"variables.{path}"] for i, path in enumerate(files)}
        data = {"operations": json.dumps({"query": query, "variables": variables}), "map": json.dumps(mapping)}
        for i, (name, content) in enumerate(files.values()):
            data[str(i)] = SimpleUploadedFile(name, content, content_type="image/jpeg")
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        return client.post("/graphql/", data=data, **headers)

    return send


@pytest.fixture
def photo():
    return photo_bytes
