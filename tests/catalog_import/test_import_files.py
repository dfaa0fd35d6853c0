"""Reading and checking catalog files before anything is written: encodings, delimiters, formats, every
row-level problem with its row and column, in English and French. Real files, no server needed."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from catalog_import.numbers import parse_decimal
from catalog_import.parse import parse_products
from catalog_import.readers import read_table

ROOT = Path(__file__).resolve().parents[2]


def parsed(path: Path, artisan: str = ""):
    table = read_table(path)
    products, problems = parse_products(table, path.parent, artisan)
    return products, problems


def codes(problems) -> list[tuple]:
    return [(p.row, p.column, p.code) for p in problems if p.severity == "error"]


def test_examples_parse_the_same_in_csv_cp1252_json_and_xlsx(examples):
    csv_products, csv_problems = parsed(examples["csv"])
    assert codes(csv_problems) == []
    by_key = {p.key: p for p in csv_products}
    assert set(by_key) == {"TIF-TAPIS-001", "CHW-BAB-12", "SRG-PLAT-07"}
    rug = by_key["TIF-TAPIS-001"]
    assert rug.names["fr"] == "Tapis Azilal « Fleurs du Haut Atlas »"  # cp1252 guillemets and accents
    assert rug.descriptions["fr"].splitlines()[1] == "Chaque pièce est unique."
    assert rug.variants[0].price_mad == Decimal("4800.00") and rug.variants[0].hs_code == "570110"
    assert [p.path.name for p in rug.photos] == ["01-face.jpg", "02-detail.jpg"]  # the photo folder, sorted
    babouches = by_key["CHW-BAB-12"]
    assert [(v.sku, v.attributes, v.stock) for v in babouches.variants] == [
        ("CHW-BAB-12-40", {"pointure": ["40"]}, 5), ("CHW-BAB-12-42", {"pointure": ["42"]}, 3)]
    assert babouches.variants[1].prices == {"export": Decimal("39.00")}
    json_products, json_problems = parsed(examples["json"])
    xlsx_products, xlsx_problems = parsed(examples["xlsx"])
    assert codes(json_problems) == codes(xlsx_problems) == []
    assert [p.fingerprint() for p in json_products] == [p.fingerprint() for p in xlsx_products]
    assert json_products[0].names["ar"] == "طاجين آسفي بالمينا الخضراء"


def test_utf8_with_bom_and_commas_and_english_headers(write_csv):
    path = write_csv([["fatima-ouchen", "FO-1", "Coussin, brodé", "kilims", "kilim", "1250.50", "2", ""]],
                     delimiter=",", encoding="utf-8-sig")
    text = path.read_text(encoding="utf-8-sig").replace("Coussin, brodé", '"Coussin, brodé"')
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    products, problems = parsed(path)
    assert codes(problems) == []
    assert products[0].names == {"fr": "Coussin, brodé"} and products[0].variants[0].price_mad == Decimal("1250.50")


def test_wrong_encoding_is_reported_not_guessed(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_bytes(bytes(range(256)) * 4)  # not text at all
    _, problems = parsed(path)
    assert codes(problems) == [(None, None, "ENCODING")]
    assert "UTF-8" in problems[0].text("en") and "Windows-1252" in problems[0].text("fr")
    # Arabic in ISO-8859-6 reads as garbage in both Windows code pages: refused, never guessed
    path.write_bytes("sku;nom_ar\nA;زربية النجمة الأمازيغية\n".encode("iso8859_6"))
    _, problems = parsed(path)
    assert codes(problems) == [(None, None, "ENCODING_UNSURE")]
    assert "CSV UTF-8" in problems[0].text("ar")


def test_utf16_with_its_bom_is_read_as_excel_writes_unicode_text(write_csv):
    path = write_csv([["fatima-ouchen", "FO-2", "Coussin", "kilims", "kilim", "350", "1", ""]], delimiter="\t",
                     encoding="utf-16")
    products, problems = parsed(path)
    assert codes(problems) == [] and products[0].variants[0].price_mad == Decimal("350")


def test_missing_columns_name_the_accepted_headers(write_csv):
    path = write_csv([["A-1", "Tapis"]], header=["sku", "nom_fr"])
    _, problems = parsed(path, artisan="fatima-ouchen")
    missing = {p.params["column"] for p in problems if p.code == "MISSING_COLUMN"}
    assert missing == {"product_type", "price_mad"}
    text = next(p for p in problems if p.params.get("column") == "price_mad").text("fr")
    assert text.startswith("Colonne manquante : le prix en MAD") and "prix_mad" in text
    assert "الثمن" in next(p for p in problems if p.params.get("column") == "price_mad").text("ar")


def test_bad_values_give_the_row_and_the_column_as_written(write_csv):
    header = ["artisan", "sku", "nom_fr", "type_produit", "prix_mad", "stock", "poids_kg", "code_sh", "dimensions_cm",
              "publié", "prix_export"]
    path = write_csv([
        ["a", "OK-1", "Bon", "tapis", "100", "1", "1,5", "570110", "10x10x2", "oui", "12"],
        ["a", "BAD-1", "Prix", "tapis", "cent dirhams", "1", "", "", "", "", ""],
        ["a", "BAD-2", "Stock", "tapis", "100", "2,5", "-3", "12", "30x20", "peut-être", "0"],
        ["a", "BAD-3", "", "tapis", "-5", "", "", "", "", "", ""],
    ], header=header)
    _, problems = parsed(path)
    assert codes(problems) == [
        (3, "prix_mad", "NOT_A_NUMBER"),
        (4, "publié", "BAD_BOOLEAN"), (4, "prix_export", "NOT_POSITIVE"), (4, "stock", "NOT_AN_INTEGER"),
        (4, "poids_kg", "NOT_POSITIVE"), (4, "dimensions_cm", "BAD_DIMENSIONS"), (4, "code_sh", "BAD_HS_CODE"),
        (5, "nom_fr", "NAME_REQUIRED"), (5, "prix_mad", "NOT_POSITIVE"),
    ]
    by_code = {p.code: p for p in problems}
    assert by_code["NOT_A_NUMBER"].text("en") == "'cent dirhams' is not a number."
    assert by_code["NOT_A_NUMBER"].text("fr") == "'cent dirhams' n'est pas un nombre."


def test_duplicate_sku_and_conflicting_product_values(write_csv):
    header = ["artisan", "external_id", "sku", "name_fr", "product_type", "price_mad"]
    path = write_csv([
        ["a", "P-1", "S-1", "Tapis", "tapis", "100"],
        ["a", "P-1", "S-2", "Tapis rouge", "tapis", "100"],  # the same product, another name
        ["a", "", "S-1", "Autre", "tapis", "100"],  # S-1 again
        ["a", "P-2", "", "Kilim", "kilim", "100"],
        ["a", "P-2", "S-3", "", "", "120"],  # several variants: each needs its SKU
    ], header=header)
    _, problems = parsed(path)
    assert codes(problems) == [(3, "name_fr", "CONFLICT"), (4, "sku", "DUPLICATE_SKU"), (5, "sku", "SKU_NEEDED")]
    duplicate = next(p for p in problems if p.code == "DUPLICATE_SKU")
    assert duplicate.text("en") == "SKU S-1 is already used on row 2."


def test_photos_missing_bogus_and_huge(write_csv, tmp_path):
    (tmp_path / "notes.jpg").write_text("not a photo")
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as handle:  # 50 MB that claims to be a JPEG (sparse: fast to make)
        handle.write(b"\xff\xd8\xff\xe0" + b"\0" * 60)
        handle.truncate(50 * 1024 * 1024)
    path = write_csv([
        ["a", "PH-1", "Un", "c", "tapis", "100", "1", "absente.jpg"],
        ["a", "PH-2", "Deux", "c", "tapis", "100", "1", "notes.jpg"],
        ["a", "PH-3", "Trois", "c", "tapis", "100", "1", "huge.jpg"],
    ])
    _, problems = parsed(path)
    assert codes(problems) == [(2, "photos", "PHOTO_MISSING"), (3, "photos", "PHOTO_NOT_IMAGE"),
                               (4, "photos", "PHOTO_TOO_LARGE")]
    assert "50.0 MiB" in problems[2].text("en") and "40.0 MiB" in problems[2].text("en")


def test_numbers_as_people_write_them():
    assert parse_decimal("1 250,50") == Decimal("1250.50")
    assert parse_decimal("1.250,50") == Decimal("1250.50")
    assert parse_decimal("1,250.50") == Decimal("1250.50")
    assert parse_decimal("350 DH") == Decimal("350")
    assert parse_decimal("12,5") == Decimal("12.5")
    for bad in ("abc", "1,2,3", "", "NaN", "1e400"):
        assert parse_decimal(bad) is None


@pytest.mark.slow  # a CLI process
def test_cli_dry_run_reports_in_french_and_exits_1_when_the_api_is_unreachable(write_csv, tmp_path):
    path = write_csv([["a", "X-1", "Tapis", "c", "tapis", "douze", "1", ""]])
    report = tmp_path / "report.json"
    done = subprocess.run([sys.executable, "-m", "catalog_import", str(path), "--dry-run", "--lang", "fr",
                           "--url", "http://127.0.0.1:9/graphql/", "--report", str(report), "--quiet"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    # the file's errors, and a warning that the checks against the API could not run (not a silent skip)
    assert lines[0].startswith("fichier : Les vérifications auprès de l'API") and "(avertissement)" in lines[0]
    assert "ligne 2, price_mad : 'douze' n'est pas un nombre." in lines
    assert lines[-1] == "1 problème dans le fichier : rien n'a été importé."
    data = json.loads(report.read_text())
    assert data["exit_code"] == 1 and data["problems"][1]["row"] == 2 and data["problems"][1]["code"] == "NOT_A_NUMBER"


@pytest.mark.slow  # CLI processes
def test_cli_usage_errors_exit_3(tmp_path, write_csv):
    missing = subprocess.run([sys.executable, "-m", "catalog_import", str(tmp_path / "nope.csv")],
                             capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert missing.returncode == 3 and "no such file" in missing.stderr
    path = write_csv([["a", "X-1", "Tapis", "c", "tapis", "12", "1", ""]])
    unreachable = subprocess.run([sys.executable, "-m", "catalog_import", str(path), "--token", "t", "--retries", "1",
                                  "--url", "http://127.0.0.1:9/graphql/", "--quiet"],
                                 capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert unreachable.returncode == 3, unreachable.stdout
    assert "127.0.0.1:9" in unreachable.stdout
