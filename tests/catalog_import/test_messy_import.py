"""The cooperative's messy workbook imported into the running API (real HTTP, PostgreSQL): exactly the expected
catalogue (an Arabic category lands in its own category, "لا" leaves a product unpublished, "1.200 DH" is
1200 MAD, a product with only an Arabic name gets it as its name and its French description), its CSV twin
in Windows-1256 then changes nothing; and a file full of problems is refused with every problem, the file's
and the API's, listed once in one pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from messy_spreadsheets import (
    cooperative,
    problems_workbook,
    write_csv,
    write_photos,
    write_problem_photos,
    write_xlsx,
)

from catalog_import import Options, run_import

CURATOR = ("curateur@demo.maalem.ma", "demo-curator-2026")
ROOT = Path(__file__).resolve().parents[2]


def options(path: Path, url: str, **extra) -> Options:
    return Options(input=path, url=url, email=CURATOR[0], password=CURATOR[1], progress=False, **extra)


def test_the_cooperatives_workbook_imports_exactly_then_its_csv_twin_changes_nothing(tmp_path, api_url, api, snapshot):
    write_photos(tmp_path)
    workbook = write_xlsx(tmp_path / "catalogue.xlsx", cooperative("MI"))
    first = run_import(options(workbook, api_url, lang="fr"))
    assert first.exit_code == 0, first.summary()
    assert first.counts() == {"created": 5, "updated": 0, "unchanged": 0, "failed": 0}
    assert not list(tmp_path.glob(".*.import-state.jsonl"))  # nothing half done, nothing to "resume"
    skus = ["MI-TAP-1", "MI-TAP-2", "MI-KIL-1", "MI-COU-S", "MI-COU-L", "MI-POT-1"]
    held = snapshot(api, skus)
    assert {s: held[s]["category"] for s in skus} == {
        # "الزرابي الأمازيغية"
        "MI-TAP-1": "tapis-berberes", "MI-TAP-2": "tapis-berberes", "MI-KIL-1": "tapis-berberes",
        "MI-COU-S": "coussins-textiles", "MI-COU-L": "coussins-textiles", "MI-POT-1": "poterie-safi"}
    assert {s: held[s]["type"] for s in skus} == {"MI-TAP-1": "tapis", "MI-TAP-2": "tapis", "MI-KIL-1": "kilim",
                                                  "MI-COU-S": "coussin", "MI-COU-L": "coussin", "MI-POT-1": "poterie"}
    maroc = {s: dict(held[s]["prices"])["maroc"] for s in skus}
    assert maroc == {"MI-TAP-1": 1200.0, "MI-TAP-2": 1200.0, "MI-KIL-1": 850.0, "MI-COU-S": 1200.0,
                     "MI-COU-L": 1500.0, "MI-POT-1": 700.0}
    assert dict(held["MI-TAP-1"]["prices"])["export"] == 111.0 and dict(held["MI-POT-1"]["prices"])["export"] == 65.0
    assert {published for _m, published in held["MI-KIL-1"]["markets"]} == {False}  # "لا"
    assert {published for _m, published in held["MI-TAP-2"]["markets"]} == {True}  # "نعم"
    assert held["MI-TAP-1"]["translations"]["ar"] == "زربية أزيلال" and held["MI-TAP-1"]["media"] == 1
    assert ("couleur", ["ecru", "rouge"]) in held["MI-TAP-1"]["attributes"]
    rug = api.execute("ImportExistingVariants",
                      {"skus": ["MI-TAP-1"]})["productVariants"]["edges"][0]["node"]["product"]
    numbers = {a["attribute"]["slug"]: [v["name"] for v in a["values"]] for a in rug["attributes"]}
    # "150 cm": the unit is the attribute's
    assert numbers["longueur-cm"] == ["150"] and numbers["largeur-cm"] == ["100"]
    assert ("materiau", ["laine"]) in held["MI-KIL-1"]["attributes"]  # "المادة: صوف"
    assert ("couleur", ["rouge"]) in held["MI-KIL-1"]["attributes"]  # "اللون: أحمر"
    assert held["MI-COU-S"]["stocks"] == [("atelier-cooperative-tifaout", 3)]
    # only an Arabic name and a French description: created whole, in one run, with no failure
    jar = api.execute("ImportExistingVariants",
                      {"skus": ["MI-POT-1"]})["productVariants"]["edges"][0]["node"]["product"]
    assert jar["name"] == "جرة من فخار آسفي" and "Jarre en terre cuite" in jar["description"]
    assert jar["fr"] is None  # French is the base language: no French "translation" was ever sent

    twin = write_csv(tmp_path / "catalogue.csv", cooperative("MI", merged=False)[1], encoding="cp1256")
    again = run_import(options(twin, api_url, lang="ar"))
    assert again.exit_code == 0, again.summary()
    assert again.counts() == {"created": 0, "updated": 0, "unchanged": 5, "failed": 0}, [
        (o.key, o.changed) for o in again.outcomes]
    assert again.summary().splitlines()[-1] == "لا شيء للقيام به: كل المنتجات محدّثة."
    assert snapshot(api, skus) == held


def test_every_problem_file_and_api_in_one_pass_of_the_dry_run(tmp_path, api_url, api, snapshot):
    write_problem_photos(tmp_path)
    path = write_xlsx(tmp_path / "problemes.xlsx", [problems_workbook("PD")])
    done = subprocess.run([sys.executable, "-m", "catalog_import", str(path), "--dry-run", "--lang", "fr", "--quiet",
                           "--url", api_url, "--email", CURATOR[0], "--password", CURATOR[1]],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(" : ")[0] for line in lines] == [
        "ligne 2",
        "ligne 4, Prix (MAD)",
        "ligne 5, Publié", "ligne 5, Quantité / الكمية",
        "ligne 6, Prix (MAD)",
        "ligne 7, Photos", "ligne 7, Photos",
        "ligne 8, Nom",
        "ligne 9, Prix (MAD)",
        "ligne 10, Poids (kg)", "ligne 10, Dimensions",
        "ligne 11, Code article",
        "ligne 12, Catégorie", "ligne 12, Type de pièce",
        "ligne 13, Attributs",
        "ligne 14, Prix (MAD)",
        "14 problèmes dans le fichier",
    ], done.stdout
    assert "ligne 12, Catégorie : Catégorie inconnue 'الأثاث الطائر'." in lines  # an Arabic name, kept, not a fallback
    assert "ligne 12, Type de pièce : Type de produit inconnu 'fusée'." in lines
    assert "ligne 13, Attributs : 'environ 150' n'est pas un nombre." in lines  # "اللون: أحمر" is fine
    assert lines[-2].startswith("ligne 14, Prix (MAD) : 1.20 MAD est anormalement bas pour ce type de produit (tapis)")
    assert lines[-2].endswith("(avertissement)")
    assert snapshot(api, [f"PD-{n:02d}" for n in range(1, 15)]) == {}
