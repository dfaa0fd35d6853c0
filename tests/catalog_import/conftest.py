"""Fixtures for the importer's tests: the examples (with their generated photos) in a temporary folder,
and a helper to write catalog files."""

from __future__ import annotations

from pathlib import Path

import pytest

HEADER_EN = ["artisan", "sku", "name_fr", "category", "product_type", "price_mad", "stock", "photos"]


@pytest.fixture
def examples(tmp_path: Path) -> dict[str, Path]:
    from catalog_import.examples.make_examples import make_examples

    return make_examples(tmp_path / "examples")


@pytest.fixture
def write_csv(tmp_path: Path):
    def write(rows: list[list[str]], *, name: str = "catalog.csv", delimiter: str = ";",
              encoding: str = "utf-8", header: list[str] | None = None) -> Path:
        lines = [delimiter.join(header or HEADER_EN)] + [delimiter.join(r) for r in rows]
        path = tmp_path / name
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
        return path

    return write


# --- End to end: the API over real HTTP (tests/conftest.py's session `api_server` on the demo catalog) ------
# pytest-django's `live_server` would make each test transactional and flush the session's demo catalog, so
# the session LiveServer is used and every product a test imports is deleted when the test ends.

CURATOR = ("curateur@demo.maalem.ma", "demo-curator-2026")


@pytest.fixture
def member():
    """member(slug) -> (e-mail, password) of the demo artisan's member."""
    from demo.data import DEMO_ARTISAN_PASSWORD

    return lambda slug: (f"{slug}@demo.maalem.ma", DEMO_ARTISAN_PASSWORD)


@pytest.fixture
def api_url(api_server, db, django_db_blocker):
    """The live API's URL; the products a test imports are deleted afterwards (in a thread of its own: the
    test's own connection is inside the `db` transaction, which would roll the deletion back)."""
    import threading

    from django.core.cache import cache
    from django.db import connection

    from marketplace.catalog.models import Product
    from marketplace.catalog.services import after_catalog_change

    before = set(Product.objects.values_list("pk", flat=True))
    cache.clear()
    yield f"{api_server.url}/graphql/"

    def cleanup() -> None:
        try:
            Product.objects.exclude(pk__in=before).delete()
            after_catalog_change([])
        finally:
            connection.close()

    with django_db_blocker.unblock():
        thread = threading.Thread(target=cleanup)
        thread.start()
        thread.join()
    cache.clear()


@pytest.fixture
def api(api_url):
    """A signed-in client of the live API (the importer's own client), for checking what was imported."""
    from catalog_import.client import GraphQLClient

    client = GraphQLClient(api_url)
    data = client.execute("TokenCreate", {"email": CURATOR[0], "password": CURATOR[1]})["tokenCreate"]
    client.token = data["token"]
    missing = sorted(REQUIRED_ROOT_FIELDS - _root_fields(client))
    if missing:  # say plainly which API pieces the importer is waiting for, rather than a cryptic failure
        pytest.fail(f"the API lacks the Saleor root fields the importer uses: {', '.join(missing)}")
    return client


REQUIRED_ROOT_FIELDS = {"query.productVariants", "query.productTypes", "query.attributes", "query.warehouses",
                        "mutation.productBulkCreate", "mutation.productMediaCreate", "mutation.productUpdate"}


def _root_fields(client) -> set[str]:
    import requests

    body = {"query": "{ __schema { queryType { fields { name } } mutationType { fields { name } } } }"}
    schema = requests.post(client.url, json=body, timeout=30).json()["data"]["__schema"]
    return {f"query.{f['name']}" for f in schema["queryType"]["fields"]} | {
        f"mutation.{f['name']}" for f in schema["mutationType"]["fields"]}


@pytest.fixture
def snapshot():
    return take_snapshot


def take_snapshot(client, skus: list[str], strip: str = "") -> dict[str, dict]:
    """What the API holds for these SKUs, in a comparable form (SKU prefix `strip` removed)."""
    found = {}
    for start in range(0, len(skus), 100):
        data = client.execute("ImportExistingVariants", {"skus": skus[start:start + 100]})
        for edge in data["productVariants"]["edges"]:
            product = edge["node"]["product"]
            variant = next(v for v in product["variants"] if v["sku"] == edge["node"]["sku"])
            found[edge["node"]["sku"].removeprefix(strip)] = {
                "product": product["name"], "external": (product["externalReference"] or "").removeprefix(strip),
                "category": (product["category"] or {}).get("slug"), "type": product["productType"]["slug"],
                "artisan": {m["key"]: m["value"] for m in product["metadata"]}.get("artisan"),
                "variant": variant["name"], "weight": variant["weight"],
                "prices": sorted((c["channel"]["slug"], c["price"]["amount"]) for c in variant["channelListings"]
                                 if c.get("price")),
                "stocks": sorted((s["warehouse"]["slug"], s["quantity"]) for s in variant["stocks"] or []),
                "markets": sorted((c["channel"]["slug"], c["isPublished"]) for c in product["channelListings"]),
                "translations": {lang: (product[lang] or {}).get("name") for lang in ("fr", "ar", "en")},
                "media": len(product["media"] or []),
                "attributes": sorted((a["attribute"]["slug"], sorted(v["slug"] for v in a["values"]))
                                     for a in product["attributes"]),
            }
    return found
