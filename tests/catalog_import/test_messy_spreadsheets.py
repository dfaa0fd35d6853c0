"""Messy spreadsheets as cooperatives send them (tests/support/messy_spreadsheets.py writes them as Excel,
LibreOffice and openpyxl do): each reads as exactly the expected catalogue, or every problem is listed once,
in row order, naming the user's own column, in French, Arabic or English. No server: the file's own checks."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from messy_spreadsheets import (
    Sheet,
    cooperative,
    expected,
    french_only,
    problems_workbook,
    write_csv,
    write_photos,
    write_problem_photos,
    write_xlsx,
)

from catalog_import.numbers import parse_number
from catalog_import.parse import parse_products
from catalog_import.readers import read_table
from catalog_import.report import Result

ROOT = Path(__file__).resolve().parents[2]


def read(path: Path):
    products, problems = parse_products(read_table(path), path.parent)
    return products, problems


def by_sku(products) -> dict[str, tuple]:
    return {v.sku: (p, v) for p in products for v in p.variants}


def shown(problems, severity: str | None = "error") -> list[tuple]:
    return [(p.row, p.column, p.code) for p in Result(problems=problems).ordered_problems()
            if severity is None or p.severity == severity]


def test_the_cooperatives_workbook_reads_as_its_catalogue(tmp_path):
    write_photos(tmp_path)
    products, problems = read(write_xlsx(tmp_path / "catalogue.xlsx", cooperative("MX")))
    # the notes sheet in front, the merged title row: found and said, not four "missing column" errors
    assert shown(problems, None) == [(None, None, "SHEET_USED"), (2, None, "HEADER_ROW"),
                                     (2, "Remarques", "UNKNOWN_COLUMN"), (10, "الاسم", "BASE_NAME")]
    found = by_sku(products)
    assert set(found) == set(expected("MX"))
    for sku, want in expected("MX").items():
        product, variant = found[sku]
        assert variant.price_mad == want["price"], sku  # "1 200,00 DH", "1.200 DH", "850dh", "١٢٠٠", a formula
        assert variant.prices.get("export") == want.get("export"), sku
        assert variant.stock == want["stock"] and product.published == want["published"], sku  # "لا" is no
        if "weight" in want:
            assert variant.weight_kg == want["weight"], sku
        if "names" in want:
            assert product.names == want["names"], sku
        if "attributes" in want:
            assert product.attributes == want["attributes"]
        if "variant" in want:
            assert variant.attributes == want["variant"]
    # the category merged down three rows is every rug's category, in Arabic as written
    assert {found[s][0].category for s in ("MX-TAP-1", "MX-TAP-2", "MX-KIL-1")} == {"الزرابي الأمازيغية"}
    rug = found["MX-TAP-1"][0]
    assert rug.descriptions == {"fr": "Tapis noué main, laine de pays.", "ar": "زربية معقودة يدويا من صوف البلاد."}
    # only an Arabic name and a French description: the rule is in validation, not a failure on every run
    jar = found["MX-POT-1"][0]
    assert (jar.name, jar.description, jar.translated_fields("ar")) == ("جرة من فخار آسفي",
                                                                        "Jarre en terre cuite émaillée.", {})


@pytest.mark.parametrize(("encoding", "bom"), [("cp1256", False), ("utf-8", True), ("utf-8", False)],
                         ids=["windows-1256", "utf-8-bom", "utf-8"])
def test_csv_twins_give_exactly_the_same_catalogue(tmp_path, encoding, bom):
    write_photos(tmp_path)
    workbook, _ = read(write_xlsx(tmp_path / "catalogue.xlsx", cooperative("MX")))
    twin = write_csv(tmp_path / "catalogue.csv", cooperative("MX", merged=False)[1], encoding=encoding, bom=bom)
    products, problems = read(twin)
    assert [p.fingerprint() for p in products] == [p.fingerprint() for p in workbook]
    assert shown(problems, None) == [(2, None, "HEADER_ROW"), (2, "Remarques", "UNKNOWN_COLUMN"),
                                     (10, "الاسم", "BASE_NAME")]


@pytest.mark.parametrize("encoding", ["cp1252", "cp1256", "utf-8", "utf-8-sig"])
def test_a_french_catalogue_is_the_same_in_every_encoding(tmp_path, encoding):
    reference, _ = read(write_csv(tmp_path / "utf8.csv", french_only("FR"), encoding="utf-8"))
    path = write_csv(tmp_path / f"{encoding}.csv", french_only("FR"), encoding=encoding.removesuffix("-sig"),
                     bom=encoding.endswith("-sig"))
    products, problems = read(path)
    assert shown(problems) == []
    assert [p.fingerprint() for p in products] == [p.fingerprint() for p in reference]
    assert products[0].names["fr"] == "Tapis « fleurs » à losanges"
    assert [p.variants[0].price_mad for p in products] == [Decimal("1200.00"), Decimal("850"), Decimal("1250.50")]
    assert [p.published for p in products] == [True, False, True]


def test_windows_1256_is_never_read_as_windows_1252(tmp_path):
    """The issue's mojibake: "ÒÑÈíÉ ÇáäÌãÉ" in the catalogue, and "Quantité / الكمية" an unknown column."""
    sheet = Sheet("p", [["Artisan", "Code article", "Nom", "الاسم", "Type", "Prix", "Quantité / الكمية"],
                        ["cooperative-tifaout", "W-1", "Tapis", "زربية النجمة", "tapis", "900", "3"]])
    products, problems = read(write_csv(tmp_path / "arabic.csv", sheet, encoding="cp1256"))
    assert shown(problems, None) == []
    assert products[0].names == {"fr": "Tapis", "ar": "زربية النجمة"} and products[0].variants[0].stock == 3


def test_arabic_saved_in_windows_1252_is_refused_not_imported_as_question_marks(tmp_path):
    path = write_csv(tmp_path / "lost.csv", cooperative("MX", merged=False)[1], encoding="cp1252")
    _, problems = read(path)
    assert shown(problems) == [(None, None, "LOST_CHARACTERS")]
    assert "CSV UTF-8" in problems[0].text("fr") and "«CSV UTF-8»" in problems[0].text("ar")


def test_formulas_without_a_computed_value_are_said_once(tmp_path):
    write_photos(tmp_path)
    _, problems = read(write_xlsx(tmp_path / "never-opened.xlsx", cooperative("MX", formulas_cached=False)))
    assert shown(problems) == [(10, "Prix (MAD)", "FORMULA_WITHOUT_VALUE"),
                               (10, "Prix export (€)", "FORMULA_WITHOUT_VALUE")]  # not also "a value is required"
    formula = next(p for p in problems if p.code == "FORMULA_WITHOUT_VALUE")
    assert formula.text("fr") == ("Formule sans valeur calculée : ouvrez et enregistrez le fichier dans Excel "
                                       "ou LibreOffice.")


def test_a_merged_category_lost_by_a_csv_export_is_not_silent(tmp_path):
    write_photos(tmp_path)
    exported = write_csv(tmp_path / "export.csv", cooperative("MX", merged=True)[1], encoding="utf-8", bom=True)
    products, problems = read(exported)
    assert [p.category for p in products[:3]] == ["الزرابي الأمازيغية", "", ""]
    assert [(row, code) for row, _c, code in shown(problems, "warning")] == [
        (2, "UNKNOWN_COLUMN"), (4, "NO_CATEGORY"), (5, "NO_CATEGORY"), (10, "BASE_NAME")]


@pytest.mark.parametrize(("written", "value", "problem"), [
    ("1.200 DH", "1200", None), ("1 200", "1200", None), ("1,5", "1.5", None), ("1.200,50", "1200.50", None),
    ("1 200,00 DH", "1200.00", None), ("850dh", "850", None), ("١٢٠٠", "1200", None), ("٤٥٠ درهم", "450", None),
    ("1,250.50", "1250.50", None), ("12.500.000", "12500000", None), ("0,500", "0.500", None),
    ("1,200", None, "AMBIGUOUS_NUMBER"), ("12 00", None, "NOT_A_NUMBER"), ("douze", None, "NOT_A_NUMBER"),
    ("1.2,5", None, "NOT_A_NUMBER"), ("1e400", None, "NOT_A_NUMBER"),
])
def test_numbers_as_moroccan_and_french_spreadsheets_write_them(written, value, problem):
    parsed = parse_number(written)
    assert (parsed.value, parsed.problem) == (None if value is None else Decimal(value), problem)


def test_yes_and_no_in_three_languages_and_check_marks(tmp_path):
    header = ["Artisan", "Code article", "Nom", "Type", "Prix", "Publié"]
    answers = ["oui", "non", "نعم", "لا", "1", "0", "Yes", "NO", "VRAI", "FAUX", "", "peut-être", "y"]
    rows = [["a", f"B-{n}", "Tapis", "tapis", "900", answer] for n, answer in enumerate(answers)]
    products, problems = read(write_csv(tmp_path / "yesno.csv", Sheet("p", [header, *rows]), encoding="utf-8"))
    assert [p.published for p in products[:11]] == [True, False, True, False, True, False, True, False, True, False,
                                                    True]
    assert shown(problems) == [(13, "Publié", "BAD_BOOLEAN"), (14, "Publié", "BAD_BOOLEAN")]
    # a column of check marks: x is yes and an empty cell is no
    marks = [["a", f"X-{n}", "Tapis", "tapis", "900", answer] for n, answer in enumerate(["x", "", "X"])]
    products, problems = read(write_csv(tmp_path / "marks.csv", Sheet("p", [header, *marks]), encoding="utf-8"))
    assert [p.published for p in products] == [True, False, True] and shown(problems) == []


def test_headers_written_only_in_arabic(tmp_path):
    sheet = Sheet("p", [["الحرفي", "رمز المنتج", "الاسم", "الوصف", "الفئة", "النوع", "الثمن", "الكمية", "منشور"],
                        ["cooperative-tifaout", "AR-1", "زربية النجمة", "زربية من صوف الأطلس", "الزرابي الأمازيغية",
                         "زربية معقودة", "٩٠٠ درهم", "٢", "نعم"]])
    products, problems = read(write_csv(tmp_path / "arabe.csv", sheet, encoding="utf-8"))
    assert shown(problems, None) == [(2, "الاسم", "BASE_NAME")]
    product = products[0]
    assert product.names == {"ar": "زربية النجمة"} and product.descriptions == {"ar": "زربية من صوف الأطلس"}
    assert (product.variants[0].price_mad, product.variants[0].stock, product.published) == (Decimal("900"), 2, True)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_every_problem_of_the_file_is_listed_once_in_row_order(tmp_path, kind):
    write_problem_photos(tmp_path)
    if kind == "xlsx":
        path = write_xlsx(tmp_path / "problemes.xlsx", [problems_workbook("PB")])
    else:  # a CSV cannot hold a formula without its value: Excel computes it (here the cell is empty)
        sheet = problems_workbook("PB")
        sheet.rows[8][7] = ""
        path = write_csv(tmp_path / "problemes.csv", sheet, encoding="utf-8", bom=True)
    _, problems = read(path)
    row_9 = ("Prix (MAD)", "FORMULA_WITHOUT_VALUE" if kind == "xlsx" else "REQUIRED")
    assert shown(problems) == [
        (4, "Prix (MAD)", "AMBIGUOUS_NUMBER"),
        (5, "Publié", "BAD_BOOLEAN"), (5, "Quantité / الكمية", "NOT_AN_INTEGER"),
        (6, "Prix (MAD)", "CURRENCY_MISMATCH"),
        (7, "Photos", "PHOTO_MISSING"), (7, "Photos", "PHOTO_CORRUPT"),
        (8, "Nom", "NAME_REQUIRED"),
        (9, *row_9),
        (10, "Poids (kg)", "NOT_POSITIVE"), (10, "Dimensions", "BAD_DIMENSIONS"),
        (11, "Code article", "DUPLICATE_SKU"),
    ]
    text = {lang: Result(lang=lang, problems=problems).summary().splitlines() for lang in ("fr", "ar", "en")}
    assert "ligne 4, Prix (MAD) : '1,200' est ambigu" in text["fr"][1]
    assert text["fr"][-1] == "11 problèmes dans le fichier : rien n'a été importé."
    assert text["en"][-1] == "11 problems in the file: nothing was imported."
    assert text["ar"][-1] == "11 مشكلة في الملف: لم يُستورد أي شيء."
    for line in text["ar"][:-1]:  # every line starts in Arabic; the user's own values are isolated, not translated
        assert line.startswith("السطر ") and "ligne" not in line and "problème" not in line


def test_cli_lists_the_problems_in_arabic_and_exits_1(tmp_path):
    write_problem_photos(tmp_path)
    path = write_xlsx(tmp_path / "problemes.xlsx", [problems_workbook("PB")])
    done = subprocess.run([sys.executable, "-m", "catalog_import", str(path), "--dry-run", "--lang", "ar", "--quiet",
                           "--url", "http://127.0.0.1:9/graphql/", "--retries", "0"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "11 مشكلة في الملف: لم يُستورد أي شيء."
    assert lines[0].startswith("الملف: لم تُجرَ عمليات التحقق مع الواجهة البرمجية")  # the API was not reachable
    assert any("غامض" in line for line in lines)  # "1,200" is ambiguous


def test_a_decompression_bomb_is_refused_before_anything_is_written(tmp_path):
    from PIL import Image

    (tmp_path / "photos").mkdir()
    Image.new("1", (12_000, 5_000)).save(tmp_path / "photos" / "geante.png")  # 60 Mpx in a few kilobytes
    header = ["Artisan", "Code article", "Nom", "Type", "Prix", "Photos"]
    sheet = Sheet("p", [header, ["a", "BOMB-1", "Tapis", "tapis", "900", "photos/geante.png"]])
    _, problems = read(write_csv(tmp_path / "bombe.csv", sheet, encoding="utf-8"))
    assert shown(problems) == [(2, "Photos", "PHOTO_TOO_MANY_PIXELS")]
    assert problems[0].text("fr") == ("La photo 'geante.png' a trop de pixels (60.0 millions ; la limite est de 50 "
                                      "millions).")
