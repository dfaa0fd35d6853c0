"""The examples imported end to end against the running API (real HTTP, embedded PostgreSQL), as a library
call and as the `catalog-import` command: creation, a second run that changes nothing, a changed row that
updates only what changed, photos uploaded once, bad reference data that writes nothing, and an artisan
member who cannot import into another artisan."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from catalog_import import Options, run_import

CURATOR = ("curateur@demo.maalem.ma", "demo-curator-2026")
ROOT = Path(__file__).resolve().parents[2]
CSV_SKUS = ["TIF-001", "CHW-BAB-12-40", "CHW-BAB-12-42", "SRG-PLAT-07"]
JSON_SKUS = ["SRG-TAJ-3", "TIF-COUSSIN-9-S", "TIF-COUSSIN-9-L"]


def options(path: Path, url: str, who=CURATOR, **extra) -> Options:
    return Options(input=path, url=url, email=who[0], password=who[1], progress=False, **extra)


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "catalog_import", *args, "--quiet"], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_csv_example_created_then_unchanged_then_only_the_changed_price(examples, api_url, api, snapshot):
    first = run_import(options(examples["csv"], api_url))
    assert first.exit_code == 0, first.summary()
    assert first.counts() == {"created": 3, "updated": 0, "unchanged": 0, "failed": 0}
    assert first.photos_uploaded == 5
    held = snapshot(api, CSV_SKUS)
    assert set(held) == set(CSV_SKUS)
    assert held["TIF-001"]["product"] == "Tapis Azilal « Fleurs du Haut Atlas »"
    assert held["TIF-001"]["translations"]["en"] == 'Azilal rug "High Atlas flowers"'
    assert held["TIF-001"]["artisan"] == "cooperative-tifaout" and held["TIF-001"]["media"] == 2
    assert held["CHW-BAB-12-42"]["stocks"] == [("atelier-maroquinerie-chouara", 3)]
    assert ("export", 39.0) in held["CHW-BAB-12-42"]["prices"] and ("maroc", 350.0) in held["CHW-BAB-12-42"]["prices"]
    assert held["SRG-PLAT-07"]["category"] == "poterie-safi" and held["SRG-PLAT-07"]["media"] == 2

    second = run_import(options(examples["csv"], api_url, lang="fr"))
    assert second.exit_code == 0
    assert second.counts() == {"created": 0, "updated": 0, "unchanged": 3, "failed": 0}, [
        (o.key, o.changed) for o in second.outcomes]
    assert second.photos_uploaded == 0
    assert "Rien à faire" in second.summary()
    assert snapshot(api, CSV_SKUS) == held

    text = examples["csv"].read_bytes().decode("cp1252").replace(";420;", ";450;")
    examples["csv"].write_bytes(text.encode("cp1252"))
    third = run_import(options(examples["csv"], api_url))
    assert third.counts() == {"created": 0, "updated": 1, "unchanged": 2, "failed": 0}
    changed = next(o for o in third.outcomes if o.status == "updated")
    assert changed.key == "SRG-PLAT-07" and changed.changed == ["prices"]
    after = snapshot(api, CSV_SKUS)
    assert ("maroc", 450.0) in after["SRG-PLAT-07"]["prices"]
    assert {k: v for k, v in after.items() if k != "SRG-PLAT-07"} == {k: v for k, v in held.items()
                                                                      if k != "SRG-PLAT-07"}


def test_json_and_xlsx_through_the_cli_with_a_report(examples, api_url, api, tmp_path, snapshot):
    report = tmp_path / "report.json"
    done = cli(str(examples["json"]), "--url", api_url, "--email", CURATOR[0], "--password", CURATOR[1],
               "--report", str(report))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 created, 0 updated, 0 unchanged, 0 failed" in done.stdout
    data = json.loads(report.read_text())
    assert data["summary"]["created"] == 2 and {d["key"] for d in data["products_detail"]} == {"SRG-TAJ-3",
                                                                                               "TIF-COUSSIN-9"}
    held = snapshot(api, JSON_SKUS)
    assert held["SRG-TAJ-3"]["translations"]["ar"] == "طاجين آسفي بالمينا الخضراء"
    assert held["TIF-COUSSIN-9-L"]["variant"] == "L (grand)"
    assert ("taille", ["l"]) not in held["TIF-COUSSIN-9-L"]["attributes"]  # variant attributes stay on the variant
    # the XLSX twin of the same catalog: everything is already there
    again = cli(str(examples["xlsx"]), "--url", api_url, "--email", CURATOR[0], "--password", CURATOR[1])
    assert again.returncode == 0 and "0 created, 0 updated, 2 unchanged, 0 failed" in again.stdout
    assert snapshot(api, JSON_SKUS) == held


def test_unknown_reference_data_is_reported_per_row_and_nothing_is_written(write_csv, api_url, api, snapshot):
    header = ["artisan", "sku", "nom_fr", "categorie", "type_produit", "prix_mad", "attributs", "prix_lune"]
    path = write_csv([
        ["cooperative-tifaout", "REF-1", "Bon tapis", "tapis-berberes", "tapis", "1000", "couleur: rouge", ""],
        ["cooperative-inconnue", "REF-2", "Tapis", "tapis-berberes", "tapis", "1000", "", ""],
        ["cooperative-tifaout", "REF-3", "Tapis", "meubles-volants", "tapis", "1000", "pointure: 40", ""],
        ["cooperative-tifaout", "REF-4", "Tapis", "tapis-berberes", "fusee", "1000", "", "12"],
    ], header=header)
    done = cli(str(path), "--url", api_url, "--email", CURATOR[0], "--password", CURATOR[1], "--lang", "fr")
    assert done.returncode == 1, done.stdout
    lines = done.stdout.splitlines()
    assert lines == [
        "ligne 3, artisan : Artisan inconnu 'cooperative-inconnue'.",
        "ligne 4, categorie : Catégorie inconnue 'meubles-volants'.",
        "ligne 4, attributs : L'attribut 'pointure' n'appartient pas au type de produit 'tapis'.",
        "ligne 5, type_produit : Type de produit inconnu 'fusee'.",
        "ligne 5, prix_lune : Marché inconnu 'lune'.",
        "5 problèmes dans le fichier : rien n'a été importé.",
    ]
    assert snapshot(api, ["REF-1", "REF-2", "REF-3", "REF-4"]) == {}  # not even the good row


def test_a_member_imports_into_its_own_artisan_only(write_csv, api_url, api, snapshot, member):
    header = ["artisan", "sku", "nom_fr", "categorie", "type_produit", "prix_mad", "stock"]
    path = write_csv([
        ["cooperative-tifaout", "MBR-1", "Tapis de la coopérative", "tapis-berberes", "tapis", "900", "1"],
        ["poterie-serghini", "MBR-2", "Plat d'un autre atelier", "poterie-safi", "poterie", "300", ""],
    ], header=header)
    result = run_import(options(path, api_url, member("cooperative-tifaout")))
    assert result.exit_code == 2, result.summary()
    by_key = {o.key: o for o in result.outcomes}
    assert by_key["MBR-1"].status == "created"
    assert by_key["MBR-2"].status == "failed" and "your own artisan" in by_key["MBR-2"].error
    assert "row 3 (MBR-2): The API refused it:" in result.summary()
    assert set(snapshot(api, ["MBR-1", "MBR-2"])) == {"MBR-1"}
    # stock in another artisan's workshop: the member cannot even see that warehouse, so nothing is written
    stocked = write_csv([
        ["cooperative-tifaout", "MBR-3", "Autre tapis", "tapis-berberes", "tapis", "900", "1"],
        ["poterie-serghini", "MBR-4", "Plat", "poterie-safi", "poterie", "300", "2"],
    ], header=header, name="stocked.csv")
    refused = run_import(options(stocked, api_url, member("cooperative-tifaout")))
    assert refused.exit_code == 1
    assert [(p.row, p.column, p.code) for p in refused.errors] == [(3, "stock", "UNKNOWN_WAREHOUSE")]
    assert snapshot(api, ["MBR-3", "MBR-4"]) == {}


def test_variant_attributes_hs_codes_and_dimensions_reach_the_variants(write_csv, api_url, api):
    """On this API the HS code and the dimensions are the variants' own fields (customs data of export
    orders, volumetric weight), and productBulkCreate keeps the variant attributes: no follow-up request."""
    header = ["artisan", "external_id", "sku", "nom_fr", "categorie", "type_produit", "variante", "prix_mad",
              "poids_kg", "dimensions_cm", "code_sh"]
    path = write_csv([
        ["maroquinerie-chouara", "CUS-BAB", "CUS-BAB-40", "Babouches brodées", "babouches", "babouches",
         "pointure: 40", "350", "0,5", "30 x 11,5 x 9", "6403.99"],
        ["maroquinerie-chouara", "CUS-BAB", "CUS-BAB-42", "", "", "", "pointure: 42", "350", "0,55", "", "640399"],
    ], header=header)

    def variants() -> dict[str, dict]:
        edges = api.execute("ImportExistingVariantsWithCustoms", {"skus": ["CUS-BAB-40", "CUS-BAB-42"]})
        return {v["sku"]: {"hs": v["hsCode"], "dimensions": v["dimensions"], "metadata": v["metadata"],
                           "pointure": [x["name"] for a in v["attributes"] for x in a["values"]
                                        if a["attribute"]["slug"] == "pointure"]}
                for v in edges["productVariants"]["edges"][0]["node"]["product"]["variants"]}

    first = run_import(options(path, api_url))
    assert first.counts() == {"created": 1, "updated": 0, "unchanged": 0, "failed": 0}, first.summary()
    assert "update" not in first.timings  # nothing left for productVariantUpdate after productBulkCreate
    assert variants() == {
        "CUS-BAB-40": {"hs": "640399", "dimensions": {"length": 30.0, "width": 11.5, "height": 9.0}, "metadata": [],
                       "pointure": ["40"]},
        "CUS-BAB-42": {"hs": "640399", "dimensions": None, "metadata": [], "pointure": ["42"]}}
    again = run_import(options(path, api_url))
    assert again.counts()["unchanged"] == 1, [(o.key, o.changed) for o in again.outcomes]

    path.write_text(path.read_text(encoding="utf-8").replace(";640399", ";640320").replace("30 x 11,5", "31 x 11,5"),
                    encoding="utf-8")
    changed = run_import(options(path, api_url))
    assert [(o.status, o.changed) for o in changed.outcomes] == [("updated", ["variant:dimensions", "variant:hsCode"])]
    held = variants()
    assert held["CUS-BAB-40"]["dimensions"]["length"] == 31.0 and held["CUS-BAB-40"]["hs"] == "640399"
    assert held["CUS-BAB-42"]["hs"] == "640320" and held["CUS-BAB-42"]["pointure"] == ["42"]


def test_a_photo_already_on_the_product_is_recorded_not_failed_on_every_run(write_csv, api_url, api, snapshot,
                                                                            tmp_path):
    """The API refuses a second copy of a photo (MEDIA_ALREADY_ASSIGNED): when the importer's own record of an
    upload is lost (its metadata cleared, or the photo added in the atelier), the photo is there: recorded."""
    from catalog_import.examples.make_examples import draw_photo

    draw_photo(tmp_path / "bol.jpg", (90, 60, 40), (230, 210, 180), 7, (320, 240))
    header = ["artisan", "sku", "nom_fr", "categorie", "type_produit", "prix_mad", "photos"]
    path = write_csv([["poterie-serghini", "PHA-1", "Bol de Safi", "poterie-safi", "poterie", "300", "bol.jpg"]],
                     header=header)
    first = run_import(options(path, api_url))
    assert first.counts()["created"] == 1 and first.photos_uploaded == 1, first.summary()
    product = api.execute("ImportExistingVariants",
                          {"skus": ["PHA-1"]})["productVariants"]["edges"][0]["node"]["product"]
    cleared = api.execute("ProductUpdate", {"id": product["id"], "input": {
        "metadata": [{"key": "importPhotos", "value": ""}]}})["productUpdate"]
    assert cleared["errors"] == []
    again = run_import(options(path, api_url, lang="fr"))
    assert again.exit_code == 0, again.summary()
    assert [(o.status, o.changed) for o in again.outcomes] == [("updated", ["photos"])]
    assert again.photos_uploaded == 0 and snapshot(api, ["PHA-1"])["PHA-1"]["media"] == 1
    third = run_import(options(path, api_url))
    assert third.counts()["unchanged"] == 1


def test_a_damaged_photo_is_an_error_on_its_row_and_a_fixed_file_is_uploaded_next_run(write_csv, api_url, api,
                                                                                      snapshot, tmp_path):
    """A photo cut short (its header reads fine, its pixels don't decode) is refused on its row before anything
    is sent; nothing is recorded as uploaded, so the file sent again is imported by the next run. (A photo the
    API's pipeline marks FAILED after the upload is reported on its row the same way:
    catalog_import/photo_upload.py.)"""
    from photo_files import truncated_jpeg

    from catalog_import.examples.make_examples import draw_photo

    (tmp_path / "bol.jpg").write_bytes(truncated_jpeg())
    header = ["artisan", "sku", "nom_fr", "categorie", "type_produit", "prix_mad", "photos"]
    path = write_csv([["poterie-serghini", "PHF-1", "Bol abîmé", "poterie-safi", "poterie", "300", "bol.jpg"]],
                     header=header)
    first = run_import(options(path, api_url, lang="en"))
    assert first.exit_code != 0 and first.photos_uploaded == 0, first.summary()
    assert [(p.row, p.column, p.code) for p in first.problems] == [(2, "photos", "PHOTO_CORRUPT")]
    assert "row 2, photos: Photo 'bol.jpg' is damaged or incomplete" in first.summary()
    assert snapshot(api, ["PHF-1"]) == {}

    draw_photo(tmp_path / "bol.jpg", (90, 60, 40), (230, 210, 180), 7, (320, 240))  # the artisan sends it again
    second = run_import(options(path, api_url, lang="en"))
    assert second.exit_code == 0 and second.photos_uploaded == 1, second.summary()
    assert snapshot(api, ["PHF-1"])["PHF-1"]["media"] == 1
