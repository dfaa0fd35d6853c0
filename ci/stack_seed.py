"""Run inside the API container (`manage.py shell < ci/stack_seed.py`) by ci/compose-proof.sh: the rows an
operator creates in the Django admin before a catalogue exists (there is no API for them): an admin, a
craft and a kind of piece, and one verified cooperative with its member and workshop. Prints their ids.

SMOKE_EMAIL and SMOKE_PASSWORD name the admin; the smoke test (ci/stack_smoke.py) does the rest through
the API."""

import json
import os
from decimal import Decimal

from marketplace.accounts.models import Address, User
from marketplace.artisans.models import Artisan, ArtisanMember
from marketplace.catalog.models import Category, ProductType
from marketplace.channels.services import ensure_default_channels
from marketplace.inventory.models import Warehouse

channels = ensure_default_channels()
admin = User.objects.filter(email=os.environ["SMOKE_EMAIL"]).first() or User.objects.create_superuser(
    os.environ["SMOKE_EMAIL"], os.environ["SMOKE_PASSWORD"])
category, _ = Category.objects.get_or_create(slug="ci-tapis", defaults={"name": "Tapis (CI)"})
product_type, _ = ProductType.objects.get_or_create(
    slug="ci-tapis", defaults={"name": "Tapis noué (CI)", "is_shipping_required": True, "weight_kg": Decimal("3"),
                               "hs_code": "570110"})
artisan, created = Artisan.objects.get_or_create(
    slug="ci-cooperative", defaults={"name": "Coopérative CI", "kind": Artisan.Kind.COOPERATIVE,
                                     "region": "fes-meknes", "city": "Fès", "languages": ["ar", "fr"],
                                     "verification_status": Artisan.Verification.VERIFIED})
if created:
    member = User.objects.create_user("ci-cooperative@ci.maalem.test", os.environ["SMOKE_PASSWORD"])
    ArtisanMember.objects.create(artisan=artisan, user=member, is_owner=True)
    address = Address.objects.create(company_name=artisan.name, street_address_1="Atelier CI, Fès el-Bali",
                                     city="Fès", country="MA", phone="+212535000000")
    warehouse = Warehouse.objects.create(artisan=artisan, name="Atelier CI", slug="atelier-ci-cooperative",
                                         email=member.email, address=address)
    warehouse.channels.set(channels)
print("SEED " + json.dumps({"artisan": artisan.pk, "warehouse": artisan.warehouse.pk, "category": category.pk,
                            "product_type": product_type.pk}))
