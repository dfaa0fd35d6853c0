"""`--target saleor` end to end, against a Saleor-shaped server that executes every document on Saleor 3.23's
own schema and replays its recorded behaviour (tests/support/saleor_standin): photos uploaded with their real
MIME type (and HEIC refused as Saleor refuses it, reported on its row, not recorded, retried next run),
single-variant products named (never the "ProductVariant:None" id Saleor stores for an empty name), a
variant listed only where it has a price (the dry run says which markets are left out), new variants created
without channelListings (HTTP 400 on Saleor) and priced afterwards, Saleor's permission errors reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from saleor_standin import server
from saleor_standin.store import EMPTY_NAME, STAFF

from catalog_import import Options, run_import
from catalog_import.client import GraphQLClient
from catalog_import.examples.make_examples import draw_photo

ROOT = Path(__file__).resolve().parents[2]
HEADER = ["artisan", "référence_externe", "sku", "nom", "catégorie", "type_produit", "attributs", "variante", "prix",
          "prix_export", "stock", "poids_kg", "code_sh", "photos"]
ROWS = [
    ["poterie-serghini", "SAL-TAJ", "SAL-TAJ-1", "Tajine de Safi émaillé", "Tajines", "tajine", "couleur: rouge", "",
     "450,00 DH", "", "5", "2,5", "691200", "photos/tajine.jpg | photos/tajine.png"],
    ["maroquinerie-chouara", "SAL-BAB", "SAL-BAB-40", "Babouches en cuir", "Babouches", "babouches",
     "matériau: cuir de chèvre", "pointure: 40", "320", "35", "12", "0,6", "", "photos/babouches.heic"],
    ["maroquinerie-chouara", "SAL-BAB", "SAL-BAB-42", "", "", "", "", "pointure: 42", "320", "35", "8", "0,6", "", ""],
    ["cooperative-tifaout", "", "SAL-TAP-1", "Tapis Azilal", "Tapis berbères", "Tapis noué", "", "", "4.800 DH", "",
     "1", "9,5", "570110", ""],
]


def write_catalog(folder: Path, rows: list[list[str]]) -> Path:
    """As Excel writes a CSV in a French locale: `;`, decimal commas, Windows-1252, CRLF."""
    import pillow_heif
    from PIL import Image

    pillow_heif.register_heif_opener()
    draw_photo(folder / "photos" / "tajine.jpg", (170, 60, 40), (230, 210, 180), 1, (320, 240))
    Image.open(folder / "photos" / "tajine.jpg").save(folder / "photos" / "tajine.png")
    if not (folder / "photos" / "babouches.heic").exists():
        Image.open(folder / "photos" / "tajine.jpg").save(folder / "photos" / "babouches.heic", format="HEIF")
    path = folder / "catalogue.csv"
    lines = [";".join(HEADER)] + [";".join(f'"{c}"' if ";" in c or "," in c else c for c in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def run(path: Path, url: str, **extra) -> object:
    return run_import(Options(input=path, url=url, email=STAFF[0], password=STAFF[1], target="saleor",
                              progress=False, lang="fr", **extra))


def held(standin) -> dict[str, dict]:
    """What the stand-in holds, by SKU: the product's name and listings, the variant's name and prices."""
    store = standin.store
    channels = {c["id"]: c["slug"] for c in store.channels.values()}
    found = {}
    for variant in store.variants.values():
        product = store.products[variant.product]
        found[variant.sku] = {
            "product": product.name, "variant": variant.name, "media": len(product.media),
            "markets": sorted(channels[c] for c in product.listings),
            "prices": sorted((channels[c], str(p)) for c, p in variant.prices.items()),
            "translations": product.translations}
    return found


def mutations(standin, since: int = 0) -> list[str]:
    return [r["operation"] for r in standin.requests[since:] if r["operation"] and not r["operation"].startswith(
        ("ImportExisting", "ImportChannels", "ImportCategories", "ImportAttributes", "ImportProductTypes",
         "ImportWarehouses", "ImportTokenCreate"))]


@pytest.mark.slow  # the importer end to end against the Saleor stand-in server
def test_saleor_import_end_to_end(tmp_path):
    path = write_catalog(tmp_path, ROWS)
    with server() as standin:
        dry = run(path, standin.url, dry_run=True)
        assert dry.exit_code == 0, dry.summary()
        warnings = dry.summary().splitlines()
        # markets without a price column on Saleor (no price rule there): said once each, before anything
        for slug in ("channel-pln", "default-channel", "export-usd"):
            assert any(line.startswith("fichier : Le marché") and f"'{slug}'" in line for line in warnings), warnings
        assert "ligne 2, prix_export : Le marché 'export' n'a pas de colonne de prix (prix_export) : sur Saleor, " \
               "le produit n'y est pas proposé. (avertissement)" in warnings
        assert any(line.startswith("ligne 3, photos : La photo 'babouches.heic' est en HEIC") for line in warnings)
        assert mutations(standin) == []

        first = run(path, standin.url)
        assert first.exit_code == 2, first.summary()  # the HEIC photo: Saleor refuses it
        assert first.counts() == {"created": 2, "updated": 0, "unchanged": 0, "failed": 1}
        assert "ligne 3, photos : La photo 'babouches.heic' a été refusée : image: Invalid file type." in \
               first.summary().splitlines()
        uploads = [(r["content_type"], r["status"])
                   for r in standin.requests if r["operation"] == "ImportProductMediaCreate"]
        assert sorted(uploads) == [("image/heic", 200), ("image/jpeg", 200), ("image/png", 200)]
        now = held(standin)
        assert now["SAL-TAJ-1"]["variant"] == "Tajine de Safi émaillé" != EMPTY_NAME  # never Saleor's odd id
        assert now["SAL-TAJ-1"]["markets"] == ["maroc", "touristes"]  # not the markets it has no price in
        assert now["SAL-TAJ-1"]["prices"] == [("maroc", "450.00"), ("touristes", "450.00")]
        assert now["SAL-TAJ-1"]["media"] == 2 and now["SAL-BAB-40"]["media"] == 0
        assert now["SAL-BAB-40"]["markets"] == ["export", "maroc", "touristes"]
        assert now["SAL-BAB-42"]["prices"] == [("export", "35.00"), ("maroc", "320.00"), ("touristes", "320.00")]
        assert [now[s]["variant"] for s in ("SAL-BAB-40", "SAL-BAB-42")] == ["40", "42"]
        assert now["SAL-TAP-1"]["prices"] == [("maroc", "4800.00"), ("touristes", "4800.00")]  # "4.800 DH"

        # the photo fixed (a JPEG, under the same name): only it is uploaded, as a JPEG with a .jpg name
        (tmp_path / "photos" / "babouches.heic").write_bytes((tmp_path / "photos" / "tajine.jpg").read_bytes())
        before = len(standin.requests)
        second = run(path, standin.url)
        assert second.exit_code == 0, second.summary()
        assert second.counts() == {"created": 0, "updated": 1, "unchanged": 2, "failed": 0}
        assert "Reprise" not in second.summary()  # the first run went to the end: nothing to resume
        assert not list(tmp_path.glob("*.import-state.jsonl"))
        assert mutations(standin, before) == ["ImportProductMediaCreate", "ImportProductUpdate"]
        assert held(standin)["SAL-BAB-40"]["media"] == 1

        before = len(standin.requests)
        third = run(path, standin.url)
        assert third.counts() == {"created": 0, "updated": 0, "unchanged": 3, "failed": 0}, [
            (o.key, o.changed) for o in third.outcomes]
        assert "Rien à faire : tous les produits sont déjà à jour." in third.summary()
        assert mutations(standin, before) == []

        # a new size and a new price: productVariantCreate without channelListings, then its prices
        rows = [*ROWS, ["maroquinerie-chouara", "SAL-BAB", "SAL-BAB-43", "", "", "", "", "pointure: 43", "330", "36",
                        "2", "0,6", "", ""]]
        rows[3] = [*rows[3][:8], "4 900", *rows[3][9:]]
        path = write_catalog(tmp_path, rows)
        before = len(standin.requests)
        fourth = run(path, standin.url)
        assert fourth.exit_code == 0, fourth.summary()
        assert {o.key: o.changed for o in fourth.outcomes if o.status == "updated"} == {
            "SAL-BAB": ["new variants"], "SAL-TAP-1": ["prices"]}
        assert [r["status"] for r in standin.requests[before:]] == [200] * (len(standin.requests) - before)
        created = next(r for r in standin.requests[before:] if r["operation"] == "ImportProductVariantCreate")
        assert "channelListings" not in created["variables"]["input"]
        now = held(standin)
        assert now["SAL-BAB-43"]["prices"] == [("export", "36.00"), ("maroc", "330.00"), ("touristes", "330.00")]
        assert now["SAL-BAB-43"]["variant"] == "43"
        assert now["SAL-TAP-1"]["prices"] == [("maroc", "4900.00"), ("touristes", "4900.00")]


@pytest.mark.slow  # a CLI process
def test_saleor_permission_errors_are_reported_through_the_cli(tmp_path):
    path = write_catalog(tmp_path, ROWS[:1])
    with server() as standin:
        done = subprocess.run([sys.executable, "-m", "catalog_import", str(path), "--target", "saleor", "--url",
                               standin.url, "--token", "not-a-staff-token", "--quiet", "--lang", "ar"],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 3, done.stdout + done.stderr
        assert "رفضت الواجهة البرمجية" in done.stdout
        assert "AUTHENTICATED_STAFF_USER" in done.stdout  # Saleor's own words: channels need a staff user
        assert mutations(standin) == []
        wrong = subprocess.run([sys.executable, "-m", "catalog_import", str(path), "--target", "saleor", "--url",
                                standin.url, "--email", STAFF[0], "--password", "wrong", "--quiet"],
                               capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert wrong.returncode == 3 and "Please, enter valid credentials" in wrong.stdout


@pytest.mark.slow  # a run of the importer per refusal: about 3 s
def test_standin_refuses_what_saleor_refuses(tmp_path):
    """The stand-in's own behaviour on the requests the importer used to send (so the test above is worth
    something): a photo part without a Content-Type, channelListings in productVariantCreate, a negative price,
    an anonymous mutation."""
    import requests

    photo = tmp_path / "p.jpg"
    draw_photo(photo, (170, 60, 40), (230, 210, 180), 1, (64, 48))
    with server() as standin:
        client = GraphQLClient(standin.url, retries=0)
        client.token = client.execute("TokenCreate", {"email": STAFF[0], "password": STAFF[1]})["tokenCreate"]["token"]
        reference = client.execute("ImportProductTypes")["productTypes"]["edges"]
        tajine = next(e["node"]["id"] for e in reference if e["node"]["slug"] == "tajine")
        maroc = next(c["id"] for c in client.execute("ImportChannels")["channels"] if c["slug"] == "maroc")
        created = client.execute("ProductBulkCreate", {"products": [{
            "productType": tajine, "name": "Tajine", "channelListings": [{"channelId": maroc, "isPublished": True}],
            "variants": [{"sku": "X-1", "name": "", "attributes": [], "channelListings": [
                {"channelId": maroc, "price": "10"}]}]}]})["productBulkCreate"]
        product = created["results"][0]["product"]["id"]
        assert standin.store.variants[next(iter(standin.store.variants))].name == EMPTY_NAME
        from catalog_import.client import document

        operations = json.dumps({"query": document("ProductMediaCreate"),
                                 "variables": {"product": product, "image": None, "alt": ""}})
        untyped = requests.post(standin.url, headers={"Authorization": f"Bearer {client.token}"},
                                data={"operations": operations, "map": json.dumps({"0": ["variables.image"]})},
                                files={"0": ("p.jpg", photo.read_bytes())}, timeout=30).json()
        assert untyped["data"]["productMediaCreate"]["errors"] == [
            {"field": "image", "message": "Invalid file type.", "code": "INVALID"}]
        refused = requests.post(standin.url, json={"query": document("ProductVariantCreate"), "variables": {"input": {
            "product": product, "sku": "X-2", "attributes": [],
            "channelListings": [{"channelId": maroc, "price": "1"}]}}},
            headers={"Authorization": f"Bearer {client.token}"}, timeout=30)
        assert refused.status_code == 400 and "data" not in refused.json()
        assert "channelListings" in refused.json()["errors"][0]["message"]
        negative = requests.post(standin.url, json={
            "query": document("ProductVariantChannelListingUpdate"), "variables": {
                "id": created["results"][0]["product"]["variants"][0]["id"],
                "input": [{"channelId": maroc, "price": "-5"}]}},
            headers={"Authorization": f"Bearer {client.token}"}, timeout=30)
        assert negative.status_code == 400 and "PositiveDecimal" in negative.json()["errors"][0]["message"]
        anonymous = requests.post(standin.url, json={"query": document("ProductUpdate"), "variables": {
            "id": product, "input": {"name": "x"}}}, timeout=30).json()
        assert anonymous["data"] == {"productUpdate": None}
        assert anonymous["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_saleor_dry_run_speaks_the_users_language(tmp_path, lang):
    path = write_catalog(tmp_path, ROWS[3:])
    with server() as standin:
        result = run_import(Options(input=path, url=standin.url, email=STAFF[0], password=STAFF[1],
                                    target="saleor", progress=False, lang=lang, dry_run=True))
    text = result.summary()
    expected = {"fr": "Essai à blanc", "ar": "تجربة بدون كتابة", "en": "Dry run"}[lang]
    assert result.exit_code == 0 and expected in text
    if lang == "ar":
        assert "Dry run" not in text and "Essai" not in text and "(تنبيه)" in text


@pytest.mark.slow  # a CLI process
def test_progress_counts_products_and_photos_with_rate_and_time_left(tmp_path):
    path = write_catalog(tmp_path, ROWS[:1])
    with server() as standin:
        done = subprocess.run([sys.executable, "-m", "catalog_import", str(path), "--target", "saleor", "--url",
                               standin.url, "--email", STAFF[0], "--password", STAFF[1], "--lang", "fr"],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    last = done.stderr.strip().splitlines()[-1]  # not a terminal: plain lines, the last one at the end
    assert last.startswith("1/1 produits 100%") and "/s ETA" in last
    assert "| 2/2 photos 100%" in last and "uploaded 2" in last


def test_a_market_named_with_its_currency_in_the_header(tmp_path):
    """"Prix export (EUR)" is the export market's price column, not an unknown market "export_eur"."""
    header = [*HEADER[:9], "Prix export (EUR)", *HEADER[10:]]
    path = write_catalog(tmp_path, ROWS[3:])
    text = path.read_bytes().decode("cp1252").replace("prix_export", "Prix export (EUR)", 1)
    path.write_bytes(text.encode("cp1252"))
    assert header[9] in text
    with server() as standin:
        result = run(path, standin.url, dry_run=True)
    assert result.exit_code == 0 and not result.errors, result.summary()
    assert "'export'" in result.summary() and "export_eur" not in result.summary()
