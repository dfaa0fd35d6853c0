"""Rows → products: every value checked (numbers by locale rules, yes/no, dimensions, HS codes, photos opened
for real), rows grouped into products by external id, duplicates and conflicts reported with the row and
the column as the user wrote it. Each problem is reported once: a cell already reported (a formula without
a value) gets no second problem."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

from catalog_import.columns import NAME_KEYS
from catalog_import.model import Photo, Problem, ProductSpec, VariantSpec
from catalog_import.numbers import NumberText, parse_number
from catalog_import.readers import Table
from catalog_import.text import match_key

PHOTO_MAX_BYTES = 40 * 1024 * 1024  # the photography pipeline's default cap
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"}
PRODUCT_KEYS = ("artisan", "external_id", "name_fr", "name_ar", "name_en", "description_fr", "description_ar",
                "description_en", "category", "product_type", "attributes", "markets", "published", "photos",
                "photo_folder")
# Yes/no as people write it; anything else is an error, never a guess ("لا" is no).
TRUE = {"oui", "yes", "نعم", "1", "x", "true", "vrai"}
FALSE = {"non", "no", "لا", "0", "false", "faux"}
LIMITS = {"name": 250, "sku": 255, "external_id": 250}
_UNITS = {"weight": r"kg|kgs|kilos?|كغ|كلغ|كيلو", "length": r"cm|سم"}


class RowParser:
    def __init__(self, table: Table, number: int, photos_dir: Path, problems: list[Problem],
                 x_marks: bool = False):
        self.table, self.number, self.photos_dir, self.problems = table, number, photos_dir, problems
        self.x_marks = x_marks  # the published column uses x for yes: an empty cell is no

    def error(self, key: str | None, code: str, **params: object) -> None:
        if key is not None and (self.number, key) in self.table.blocked:
            return  # this cell is already reported (a formula without a value)
        column = self.table.headers.get(key, key) if key else None
        self.problems.append(Problem(self.number, column, code, params))

    def number_of(self, row: dict[str, str], key: str, raw: str | None = None,
                  unit: str | None = None) -> tuple[Decimal | None, str | None]:
        raw = row.get(key, "") if raw is None else raw
        text = raw if isinstance(raw, NumberText) or unit is None else re.sub(
            rf"(?i)\s*(?:{_UNITS[unit]})\s*$", "", raw)
        parsed = parse_number(text)
        if parsed.value is None:
            self.error(key, parsed.problem or "NOT_A_NUMBER", value=raw)
        return parsed.value, parsed.currency

    def decimal(self, row: dict[str, str], key: str, *, positive: bool = False, unit: str | None = None
                ) -> Decimal | None:
        raw = row.get(key, "")
        if not raw:
            return None
        value, _currency = self.number_of(row, key, unit=unit)
        return self._sign_checked(key, raw, value, positive)

    def _sign_checked(self, key: str, raw: str, value: Decimal | None, positive: bool) -> Decimal | None:
        if value is None:
            return None
        if positive and value <= 0:
            self.error(key, "NOT_POSITIVE", value=raw)
            return None
        if value < 0:
            self.error(key, "NEGATIVE", value=raw)
            return None
        return value

    def price(self, row: dict[str, str], key: str, variant: VariantSpec, market: str) -> Decimal | None:
        raw = row.get(key, "")
        if not raw:
            return None
        value, currency = self.number_of(row, key)
        value = self._sign_checked(key, raw, value, True)
        if value is not None and currency:
            variant.currencies[market] = currency
            if market == "mad" and currency != "MAD":
                self.error(key, "CURRENCY_MISMATCH", value=raw, currency=currency, expected="MAD")
                return None
        return value

    def weight(self, row: dict[str, str]) -> Decimal | None:
        raw = row.get("weight_kg", "")
        grams = None if isinstance(raw, NumberText) else re.fullmatch(r"\s*(.+?)\s*(?:g|gr|grammes?|غ|غرام)\s*", raw,
                                                                      re.I)
        if grams:
            value, _ = self.number_of(row, "weight_kg", grams.group(1))
            value = self._sign_checked("weight_kg", raw, value, True)
            return None if value is None else (value / 1000).quantize(Decimal("0.001"))
        return self.decimal(row, "weight_kg", positive=True, unit="weight")

    def boolean(self, row: dict[str, str], key: str, default: bool) -> bool:
        raw = match_key(row.get(key, ""))
        if not raw:
            return False if self.x_marks else default
        if raw in TRUE or raw in FALSE:
            return raw in TRUE
        self.error(key, "BAD_BOOLEAN", value=row[key])
        return default

    def integer(self, row: dict[str, str], key: str) -> int | None:
        raw = row.get(key, "")
        if not raw:
            return None
        parsed = parse_number(raw)
        if parsed.problem == "AMBIGUOUS_NUMBER":
            self.error(key, "AMBIGUOUS_NUMBER", value=raw)
            return None
        value = parsed.value
        if value is None or value != value.to_integral_value():
            self.error(key, "NOT_AN_INTEGER", value=raw)
            return None
        if value < 0:
            self.error(key, "NEGATIVE", value=raw)
            return None
        return int(value)

    def dimensions(self, row: dict[str, str]) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
        raw = row.get("dimensions_cm", "")
        if raw:
            text = re.sub(rf"(?i)\s*(?:{_UNITS['length']})\s*", " ", raw).strip()
            parts = [parse_number(p).value for p in re.split(r"\s*[x×*X]\s*", text)]
            if len(parts) != 3 or any(p is None or p <= 0 for p in parts):
                self.error("dimensions_cm", "BAD_DIMENSIONS", value=raw)
                return (None, None, None)
            return (parts[0], parts[1], parts[2])
        return tuple(self.decimal(row, k, positive=True, unit="length")  # type: ignore[return-value]
                     for k in ("length_cm", "width_cm", "height_cm"))

    def attributes(self, row: dict[str, str], key: str) -> dict[str, list[str]]:
        raw = row.get(key, "")
        result: dict[str, list[str]] = {}
        for pair in filter(None, (p.strip() for p in re.split(r"[;؛|\n]", raw))):
            name, sep, values = pair.partition(":") if ":" in pair else pair.partition("=")
            items = [v.strip() for v in re.split(r"[,،]", values) if v.strip()]
            if not sep or not name.strip() or not items:
                self.error(key, "BAD_ATTRIBUTES", value=pair)
                continue
            result[name.strip()] = items
        return result

    def photos(self, row: dict[str, str]) -> list[Photo]:
        found: list[Photo] = []
        names = [n.strip() for n in re.split(r"[|,\n]", row.get("photos", "")) if n.strip()]
        for name in names:
            path = (self.photos_dir / name)
            if not path.is_file():
                self.error("photos", "PHOTO_MISSING", value=name)
                continue
            found.append(path_photo(path, self.table.headers.get("photos", "photos")))
            self.check_photo(found[-1], "photos")
        folder = row.get("photo_folder", "")
        if folder:
            directory = self.photos_dir / folder
            if not directory.is_dir():
                self.error("photo_folder", "PHOTO_FOLDER_MISSING", value=folder)
            else:
                for p in sorted(directory.iterdir()):
                    if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in PHOTO_SUFFIXES:
                        found.append(path_photo(p, self.table.headers.get("photo_folder", "photo_folder")))
                        self.check_photo(found[-1], "photo_folder")
        return found

    def check_photo(self, photo: Photo, key: str) -> None:
        """Empty, too large, not an image by its content, or damaged (decoded for real, at a small scale,
        by the photography pipeline's own reader: a truncated JPEG or a decompression bomb is refused now,
        before anything is written)."""
        from marketplace.photography.io import Limits, PhotoRejected, SourceImage, sniff_format

        name = photo.path.name
        if photo.size == 0:
            self.error(key, "PHOTO_EMPTY", value=name)
            return
        if photo.size > PHOTO_MAX_BYTES:
            self.error(key, "PHOTO_TOO_LARGE", value=name, size=_mib(photo.size), limit=_mib(PHOTO_MAX_BYTES))
            return
        data = photo.path.read_bytes()
        photo.format = sniff_format(data[:64]) or ""
        if not photo.format:
            self.error(key, "PHOTO_NOT_IMAGE", value=name)
            return
        try:
            source = SourceImage(data)
            source.analysis_copy(64)
            source.close()
        except PhotoRejected as rejected:
            if rejected.code == "TOO_MANY_PIXELS":
                found = re.search(r"([\d.]+) million pixels", rejected.message)
                self.error(key, "PHOTO_TOO_MANY_PIXELS", value=name, pixels=found.group(1) if found else "?",
                           limit=f"{Limits().max_pixels / 1e6:g}")
            else:
                self.error(key, "PHOTO_CORRUPT", value=name)
            return
        photo.sha256 = hashlib.sha256(data).hexdigest()


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


def path_photo(path: Path, column: str = "photos") -> Photo:
    return Photo(path=path, size=path.stat().st_size, column=column)


def check_columns(table: Table, default_artisan: str) -> list[Problem]:
    problems = []
    present = set(table.headers)
    required = [("product_type",), ("price_mad",), NAME_KEYS, ("sku", "external_id")]
    if not default_artisan:
        required.append(("artisan",))
    for keys in required:
        if not present & set(keys):
            problems.append(Problem(None, None, "MISSING_COLUMN", {"column": keys[0]}))
    return problems


def parse_products(table: Table, photos_dir: Path,
                   default_artisan: str = "") -> tuple[list[ProductSpec], list[Problem]]:
    problems = list(table.problems)
    if not any(p.severity == "error" for p in problems):  # an unreadable file has no columns to speak of
        problems += check_columns(table, default_artisan)
    if any(p.severity == "error" and p.row is None for p in problems):
        return [], problems
    if not table.rows:
        return [], [*problems, Problem(None, None, "EMPTY_FILE")]
    x_marks = any(match_key(row.get("published", "")) == "x" for _, row in table.rows)
    products: dict[str, ProductSpec] = {}
    first_values: dict[str, dict[str, tuple[int, str]]] = {}
    sku_rows: dict[str, int] = {}
    without_sku: dict[str, list[int]] = {}
    for number, row in table.rows:
        parser = RowParser(table, number, photos_dir, problems, x_marks)
        external_id, sku = row.get("external_id", ""), row.get("sku", "")
        for key in ("sku", "external_id"):
            if len(row.get(key, "")) > LIMITS[key]:
                parser.error(key, "TOO_LONG", limit=LIMITS[key])
        if not external_id and not sku:
            parser.error("sku", "KEY_NEEDED")
            continue
        key = external_id or sku
        if sku:
            if sku in sku_rows:
                parser.error("sku", "DUPLICATE_SKU", value=sku, other=sku_rows[sku])
                continue
            sku_rows[sku] = number
        product = products.get(key)
        if product is None:
            product = products[key] = _product(parser, row, key, default_artisan)
            first_values[key] = {k: (number, row.get(k, "")) for k in PRODUCT_KEYS}
        else:
            product.rows.append(number)
            for k in PRODUCT_KEYS:  # product columns may be left empty on a variant's row, not contradicted
                other, previous = first_values[key][k]
                if row.get(k) and row[k] != previous:
                    parser.error(k, "CONFLICT", value=row[k], other=other, previous=previous)
        product.variants.append(_variant(parser, row, sku or external_id))
        if not sku:
            without_sku.setdefault(key, []).append(number)
    for key, numbers in without_sku.items():
        if len(products[key].variants) > 1:
            problems += [Problem(n, table.headers.get("sku", "sku"), "SKU_NEEDED") for n in numbers]
    return list(products.values()), problems


def _product(parser: RowParser, row: dict[str, str], key: str, default_artisan: str) -> ProductSpec:
    product = ProductSpec(key=key, rows=[parser.number], artisan=row.get("artisan") or default_artisan,
                          external_id=row.get("external_id", ""))
    for lang in ("fr", "ar", "en"):
        if row.get(f"name_{lang}"):
            product.names[lang] = row[f"name_{lang}"]
            if len(row[f"name_{lang}"]) > LIMITS["name"]:
                parser.error(f"name_{lang}", "TOO_LONG", limit=LIMITS["name"])
        if row.get(f"description_{lang}"):
            product.descriptions[lang] = row[f"description_{lang}"]
    headers = parser.table.headers
    name_columns = [k for k in NAME_KEYS if k in headers]
    if not product.names:
        parser.error(name_columns[0] if name_columns else "name_fr", "NAME_REQUIRED",
                     headers=", ".join(dict.fromkeys(headers[k] for k in name_columns)))
    elif "fr" not in product.names:
        parser.problems.append(Problem(parser.number, headers.get(f"name_{product.base_language}"), "BASE_NAME",
                                       {"language": product.base_language}, "warning"))
    if not product.artisan:
        parser.error("artisan", "REQUIRED")
    product.category = row.get("category", "")
    if not product.category and "category" in headers and (parser.number, "category") not in parser.table.blocked:
        # e.g. a category merged down several rows in a spreadsheet, exported to CSV: only its first row kept it
        parser.problems.append(Problem(parser.number, headers["category"], "NO_CATEGORY", {}, "warning"))
    product.product_type = row.get("product_type", "")
    if not product.product_type:
        parser.error("product_type", "REQUIRED")
    product.attributes = parser.attributes(row, "attributes")
    product.markets = [match_key(m) for m in re.split(r"[,|;،\s]+", row.get("markets", "")) if m.strip()]
    product.published = parser.boolean(row, "published", True)
    product.photos = parser.photos(row)
    return product


def _variant(parser: RowParser, row: dict[str, str], sku: str) -> VariantSpec:
    variant = VariantSpec(row=parser.number, sku=sku)
    variant.attributes = parser.attributes(row, "variant")
    variant.name = row.get("variant_name") or " / ".join(v for values in variant.attributes.values() for v in values)
    variant.price_mad = parser.price(row, "price_mad", variant, "mad")
    if not row.get("price_mad"):
        parser.error("price_mad", "REQUIRED")
    for key, raw in row.items():
        if key.startswith("price:") and raw:
            market = key.split(":", 1)[1]
            price = parser.price(row, key, variant, market)
            if price is not None:
                variant.prices[market] = price
    variant.stock = parser.integer(row, "stock")
    variant.warehouse = row.get("warehouse", "")
    variant.weight_kg = parser.weight(row)
    variant.dimensions_cm = parser.dimensions(row)
    hs = re.sub(r"[\s.]", "", row.get("hs_code", ""))
    if hs and not re.fullmatch(r"\d{6,10}", hs):
        parser.error("hs_code", "BAD_HS_CODE", value=row["hs_code"])
    variant.hs_code = hs
    return variant

