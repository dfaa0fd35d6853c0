"""Messy spreadsheets as a Moroccan cooperative sends them, written the way the tools they use write them.

A sheet is a list of rows of cells: text, a number (a numeric cell in XLSX, written the French way in CSV),
or a `Formula` (with the value Excel or LibreOffice stored when they saved the file, or none: a file written
by a program and never opened). `write_xlsx` writes it with openpyxl: a title row merged across the sheet,
merged cells, formulas (their cached values patched into the sheet XML as Excel stores them: <f>…</f><v>…</v>),
a notes sheet in front. `write_csv` writes what "Save as CSV" gives: in a French locale `;`, decimal commas
and Windows-1252 (Windows-1256 on an Arabic Windows); "CSV UTF-8" (with a BOM, as Excel writes it) or UTF-8
without BOM (as LibreOffice writes it); a formula as its computed value; a merged range as its value on its
first row only (as Excel and LibreOffice export merged cells).

`cooperative()` is the catalogue of issue 16 (French and Arabic headers, prices as "1 200,00 DH", "850dh",
"١٢٠٠", "1.200 DH", blank rows, a merged title and merged categories, formulas, an Arabic category, "لا" in
the Publié column, a product with only an Arabic name and a French description), with `EXPECTED`, the
catalogue it must give.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Formula:
    text: str  # "=K5/10.8" (openpyxl's syntax: commas between arguments)
    cached: Any = None  # what Excel stored when it saved the file; None: never computed


@dataclass
class Sheet:
    title: str
    rows: list[list[Any]]
    merged: list[str] = field(default_factory=list)  # "A1:Q1", "H4:H6": the value is in the first cell


def _csv_text(value: Any, decimal_comma: bool) -> str:
    if isinstance(value, Formula):
        value = value.cached if value.cached is not None else ""
    if value is None:
        return ""
    if isinstance(value, bool):
        return ("VRAI" if value else "FAUX") if decimal_comma else ("TRUE" if value else "FALSE")
    if isinstance(value, int | float | Decimal):
        text = f"{Decimal(repr(value)) if isinstance(value, float) else Decimal(value):f}"
        text = text.rstrip("0").rstrip(".") if "." in text else text
        return text.replace(".", ",") if decimal_comma else text
    return str(value)


def _quoted(text: str, delimiter: str) -> str:
    if any(c in text for c in (delimiter, '"', "\n", "\r")):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(path: Path, sheet: Sheet, *, encoding: str = "cp1252", delimiter: str = ";",
              decimal_comma: bool = True, bom: bool = False) -> Path:
    """The sheet as "Save as CSV" writes it (see the module docstring). `encoding`: cp1252, cp1256, utf-8.
    As Excel does, a character the code page cannot hold becomes "?" (Arabic saved in Windows-1252), and
    Arabic-Indic digits are the Western ones on Arabic Windows (they are a display shaping there)."""
    from openpyxl.utils.cell import range_boundaries

    covered = set()
    for ref in sheet.merged:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        covered |= ({(r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)}
                    - {(min_row, min_col)})
    width = max(len(row) for row in sheet.rows)
    lines = []
    for r, row in enumerate(sheet.rows, start=1):
        cells = [("" if (r, c) in covered else _csv_text(v, decimal_comma)) for c, v in enumerate(row, start=1)]
        lines.append(delimiter.join(_quoted(c, delimiter) for c in cells + [""] * (width - len(cells))))
    text = "\r\n".join(lines) + "\r\n"
    if not encoding.startswith("utf"):
        text = text.translate({0x0660 + n: str(n) for n in range(10)})
    data = text.encode(encoding, errors="replace")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def write_xlsx(path: Path, sheets: list[Sheet]) -> Path:
    """The workbook as openpyxl writes it, with the formulas' cached values patched in where the sheet has
    them (as Excel and LibreOffice save them: openpyxl itself never computes one)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    cached: dict[str, dict[str, Any]] = {}
    for index, sheet in enumerate(sheets, start=1):
        worksheet = book.create_sheet(sheet.title)
        for r, row in enumerate(sheet.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = worksheet.cell(row=r, column=c)
                if isinstance(value, Formula):
                    cell.value = value.text
                    if value.cached is not None:
                        cached.setdefault(f"xl/worksheets/sheet{index}.xml", {})[
                            f"{get_column_letter(c)}{r}"] = value.cached
                else:
                    cell.value = float(value) if isinstance(value, Decimal) else value
        for ref in sheet.merged:
            worksheet.merge_cells(ref)
    book.save(path)
    if cached:
        _store_cached_values(path, cached)
    return path


def _store_cached_values(path: Path, cached: dict[str, dict[str, Any]]) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for part, values in cached.items():
        xml = parts[part].decode("utf-8")
        for ref, value in values.items():
            kind = ' t="str"' if isinstance(value, str) else ""  # a text result is typed as such
            xml = re.sub(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>',
                         lambda m, r=ref, v=value, k=kind: f'<c r="{r}"{m.group(1)}{k}><f>{m.group(2)}</f><v>{v}</v>',
                         xml)
        parts[part] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


# --- the cooperative's catalogue (issue 16) -----------------------------------------------------------

HEADERS = ["Artisan", "Réf. externe", "Code article", "Nom", "الاسم", "Description", "الوصف", "Catégorie",
           "Type de pièce", "Attributs", "Variante", "Prix (MAD)", "Prix export (€)", "Quantité / الكمية", "Publié",
           "Poids (kg)", "Photos", "Remarques"]
TITLE = "Catalogue de la coopérative Tifaout, décembre 2026"


def cooperative(tag: str, *, merged: bool = True, formulas_cached: bool = True) -> list[Sheet]:
    """The cooperative's workbook: a notes sheet, then the products under a merged title row. `tag` prefixes
    SKUs and references (tests share one database). With `merged`, the rugs' category is one cell merged
    down three rows; without, it is written on each row (what a CSV needs to say the same)."""
    a = "cooperative-tifaout"
    rugs = "الزرابي الأمازيغية"

    def cached(value: Any) -> Any:
        return value if formulas_cached else None

    rows: list[list[Any]] = [
        [TITLE],
        HEADERS,
        [a, f"{tag}-TAP-1", f"{tag}-TAP-1", "Tapis Azilal « fleurs »", "زربية أزيلال",
         "Tapis noué main, laine de pays.",
         "زربية معقودة يدويا من صوف البلاد.", rugs, "زربية معقودة",
         "matériau: laine; couleur: écru, rouge; longueur: 150 cm; largeur: 100", "", "1 200,00 DH", 111, 1, "oui", 9.5,
         "photos/tapis-1.jpg", "à vérifier"],
        [a, f"{tag}-TAP-2", f"{tag}-TAP-2", "Tapis Beni Ouarain", "", "Laine écrue, losanges noirs.", "",
         None if merged else rugs, "tapis", "matériau: laine; couleur: noir", "", "1.200 DH", 111, 1, "نعم", 12,
         "", ""],
        [a, f"{tag}-KIL-1", f"{tag}-KIL-1", "Kilim Zemmour", "حنبل زمور", "", "", None if merged else rugs, "Kilim",
         "المادة: صوف؛ اللون: أحمر", "", "850dh", "", 2, "لا", 4, "", "pas encore en ligne"],
        [],
        [a, f"{tag}-COU", f"{tag}-COU-S", "Coussin brodé", "وسادة مطرزة", "Broderie d'Azemmour.", "",
         "coussins-textiles", "Coussin", "couleur: rouge", "taille: S", "١٢٠٠", "", 3, "oui", 0.8, "", ""],
        [a, f"{tag}-COU", f"{tag}-COU-L", "", "", "", "", "", "", "", "taille: L", 1500, "", 1, "", 1.1, "", ""],
        [],
        [a, f"{tag}-POT-1", f"{tag}-POT-1", "", "جرة من فخار آسفي", "Jarre en terre cuite émaillée.", "",
         "Poterie de Safi", "poterie", "couleur: bleu; diamètre: 32", "", Formula("=350*2", cached(700)),
         Formula("=ROUND(L10/10.8,0)", cached(65)), 4, "", "2,5", "", ""],
    ]
    sheet = Sheet("Produits", rows, ["A1:R1"] + (["H3:H5"] if merged else []))
    notes = Sheet("Notes",
                  [["Notes de la coopérative"], ["Prix en dirhams, TTC."], ["Photos dans le dossier photos/."]])
    return [notes, sheet]


def write_photos(folder: Path) -> None:
    from catalog_import.examples.make_examples import draw_photo

    draw_photo(folder / "photos" / "tapis-1.jpg", (170, 50, 40), (240, 230, 210), 3, (320, 240))


# What that workbook must import as, by SKU (the same from its XLSX and from its CSV twins).
def expected(tag: str) -> dict[str, dict[str, Any]]:
    tapis = {"category": "tapis-berberes", "type": "tapis", "published": True}
    return {
        f"{tag}-TAP-1": {**tapis, "names": {"fr": "Tapis Azilal « fleurs »", "ar": "زربية أزيلال"},
                         "price": Decimal("1200"), "export": Decimal("111"), "stock": 1, "weight": Decimal("9.5"),
                         "attributes": {"matériau": ["laine"], "couleur": ["écru", "rouge"], "longueur": ["150 cm"],
                                        "largeur": ["100"]}},
        f"{tag}-TAP-2": {**tapis, "names": {"fr": "Tapis Beni Ouarain"}, "price": Decimal("1200"),
                         "export": Decimal("111"), "stock": 1, "weight": Decimal("12")},
        f"{tag}-KIL-1": {"category": "tapis-berberes", "type": "kilim", "published": False,
                         "names": {"fr": "Kilim Zemmour", "ar": "حنبل زمور"}, "price": Decimal("850"), "stock": 2,
                         "attributes": {"المادة": ["صوف"], "اللون": ["أحمر"]}},
        f"{tag}-COU-S": {"category": "coussins-textiles", "type": "coussin", "published": True,
                         "price": Decimal("1200"), "variant": {"taille": ["S"]}, "stock": 3},
        f"{tag}-COU-L": {"category": "coussins-textiles", "type": "coussin", "published": True,
                         "price": Decimal("1500"), "variant": {"taille": ["L"]}, "stock": 1},
        f"{tag}-POT-1": {"category": "poterie-safi", "type": "poterie", "published": True,
                         "names": {"ar": "جرة من فخار آسفي"}, "price": Decimal("700"), "export": Decimal("65"),
                         "stock": 4, "weight": Decimal("2.5")},
    }


def french_only(tag: str) -> Sheet:
    """A French cooperative's sheet with no Arabic at all (it can be saved in any of the four encodings)."""
    a = "cooperative-tifaout"
    return Sheet("Produits", [
        [TITLE],
        ["Artisan", "Code article", "Nom", "Description", "Catégorie", "Type de pièce", "Prix (MAD)", "Quantité",
         "Publié", "Poids (kg)"],
        [a, f"{tag}-1", "Tapis « fleurs » à losanges", "Laine écrue, teintures végétales.", "Tapis berbères", "tapis",
         "1 200,00 DH", 1, "oui", 9.5],
        [a, f"{tag}-2", "Kilim façon Zemmour", "Tissé à la main.", "Kilims & hanbels", "kilim", "850dh", 2, "non", 4],
        [],
        [a, f"{tag}-3", "Coussin brodé d'Azemmour", "Broderie à l'aiguille, fil de soie.", "coussins-textiles",
         "coussin", "1.250,50", 3, "oui", "0,8"],
    ], ["A1:J1"])


def problems_workbook(tag: str, *, formulas_cached: bool = False) -> Sheet:
    """One sheet holding every kind of problem a cooperative's file has (issue 16), one or two per row."""
    a = "cooperative-tifaout"
    header = ["Artisan", "Code article", "Nom", "الاسم", "Catégorie", "Type de pièce", "Attributs", "Prix (MAD)",
              "Quantité / الكمية", "Publié", "Poids (kg)", "Dimensions", "Photos"]
    ok = [a, f"{tag}-01", "Tapis", "زربية", "Tapis berbères", "tapis", "longueur: 150 cm", "1 200 DH", 1, "oui", "9,5",
          "150x100x1", "photos/ok.jpg"]

    def row(sku: str, **changes: Any) -> list[Any]:
        cells = dict(zip(header, [*ok[:1], f"{tag}-{sku}", *ok[2:]], strict=True))
        cells["Photos"] = ""
        cells.update(changes)
        return [cells[h] for h in header]

    return Sheet("Produits", [
        [TITLE],
        header,
        ok,                                                                     # 3: fine
        row("04", **{"Prix (MAD)": "1,200"}),                                   # 4: 1.2 or 1200?
        row("05", **{"Publié": "peut-être", "Quantité / الكمية": "2,5"}),      # 5
        row("06", **{"Prix (MAD)": "300 €"}),                                   # 6: euros in the MAD column
        row("07", Photos="photos/absente.jpg | photos/casse.jpg"),              # 7: missing, truncated
        row("08", Nom="", **{"الاسم": ""}),                                      # 8: no name at all
        row("09", **{"Prix (MAD)": Formula("=1200*1", 1200 if formulas_cached else None)}),  # 9
        row("10", **{"Poids (kg)": "-3", "Dimensions": "30x20"}),               # 10
        row("01"),                                                              # 11: the SKU of row 3 again
        row("12", Catégorie="الأثاث الطائر", **{"Type de pièce": "fusée"}),     # 12: unknown (the API says)
        row("13", Attributs="longueur: environ 150; اللون: أحمر"),              # 13: not a number (the API says)
        row("14", **{"Prix (MAD)": "1,20 DH"}),                                 # 14: a rug at 1.20 MAD (warning)
    ], ["A1:M1"])


def write_problem_photos(folder: Path) -> None:
    from catalog_import.examples.make_examples import draw_photo

    draw_photo(folder / "photos" / "ok.jpg", (170, 50, 40), (240, 230, 210), 4, (320, 240))
    data = (folder / "photos" / "ok.jpg").read_bytes()
    (folder / "photos" / "casse.jpg").write_bytes(data[: len(data) // 2])  # a transfer cut in the middle
