"""Rows → products: every value checked (numbers, yes/no, dimensions, HS codes, photos), rows grouped into
products by external id, duplicates and conflicts reported with the row and the column."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from catalog_import.columns import NAME_KEYS, headers_for, normalise
from catalog_import.model import Photo, Problem, ProductSpec, VariantSpec
from catalog_import.readers import Table

PHOTO_MAX_BYTES = 40 * 1024 * 1024  # the photography pipeline's default cap
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"}
PRODUCT_KEYS = ("artisan", "external_id", "name_fr", "name_ar", "name_en", "description_fr", "description_ar",
                "description_en", "category", "product_type", "attributes", "markets", "published", "photos",
                "photo_folder")
TRUE = {"1", "yes", "y", "true", "oui", "o", "vrai", "x"}
FALSE = {"0", "no", "n", "false", "non", "faux"}
LIMITS = {"name": 250, "sku": 255, "external_id": 250}


class RowParser:
    def __init__(self, table: Table, number: int, photos_dir: Path, problems: list[Problem]):
        self.table, self.number, self.photos_dir, self.problems = table, number, photos_dir, problems

    def error(self, key: str | None, code: str, **params: object) -> None:
        column = self.table.headers.get(key, key) if key else None
        self.problems.append(Problem(self.number, column, code, params))

    def decimal(self, row: dict[str, str], key: str, *, positive: bool = False) -> Decimal | None:
        raw = row.get(key, "")
        if not raw:
            return None
        value = parse_decimal(raw)
        if value is None:
            self.error(key, "NOT_A_NUMBER", value=raw)
        elif positive and value <= 0:
            self.error(key, "NOT_POSITIVE", value=raw)
            return None
        elif value < 0:
            self.error(key, "NEGATIVE", value=raw)
            return None
        return value

    def weight(self, row: dict[str, str]) -> Decimal | None:
        raw = row.get("weight_kg", "")
        grams = re.fullmatch(r"\s*([\d.,\s]+)\s*g\s*", raw, re.I)
        if grams:
            value = parse_decimal(grams.group(1))
            return None if value is None else (value / 1000).quantize(Decimal("0.001"))
        return self.decimal(row, "weight_kg", positive=True)

    def boolean(self, row: dict[str, str], key: str, default: bool) -> bool:
        raw = normalise(row.get(key, ""))
        if not raw:
            return default
        if raw in TRUE or raw in FALSE:
            return raw in TRUE
        self.error(key, "BAD_BOOLEAN", value=row[key])
        return default

    def integer(self, row: dict[str, str], key: str) -> int | None:
        raw = row.get(key, "")
        if not raw:
            return None
        value = parse_decimal(raw)
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
            parts = [parse_decimal(p) for p in re.split(r"\s*[x×*]\s*", raw.lower().replace("cm", "").strip())]
            if len(parts) != 3 or any(p is None or p <= 0 for p in parts):
                self.error("dimensions_cm", "BAD_DIMENSIONS", value=raw)
                return (None, None, None)
            return (parts[0], parts[1], parts[2])
        return tuple(self.decimal(row, k, positive=True) for k in ("length_cm", "width_cm", "height_cm"))  # type: ignore[return-value]

    def attributes(self, row: dict[str, str], key: str) -> dict[str, list[str]]:
        raw = row.get(key, "")
        result: dict[str, list[str]] = {}
        for pair in filter(None, (p.strip() for p in re.split(r"[;|\n]", raw))):
            name, sep, values = pair.partition(":") if ":" in pair else pair.partition("=")
            items = [v.strip() for v in values.split(",") if v.strip()]
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
            found.append(path_photo(path))
            self.check_photo(found[-1], "photos")
        folder = row.get("photo_folder", "")
        if folder:
            directory = self.photos_dir / folder
            if not directory.is_dir():
                self.error("photo_folder", "PHOTO_FOLDER_MISSING", value=folder)
            else:
                for p in sorted(directory.iterdir()):
                    if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in PHOTO_SUFFIXES:
                        found.append(path_photo(p))
                        self.check_photo(found[-1], "photo_folder")
        return found

    def check_photo(self, photo: Photo, key: str) -> None:
        from marketplace.photography.io import sniff_format

        name = photo.path.name
        if photo.size == 0:
            self.error(key, "PHOTO_EMPTY", value=name)
        elif photo.size > PHOTO_MAX_BYTES:
            self.error(key, "PHOTO_TOO_LARGE", value=name, size=_mib(photo.size), limit=_mib(PHOTO_MAX_BYTES))
        else:
            with photo.path.open("rb") as handle:
                if sniff_format(handle.read(64)) is None:
                    self.error(key, "PHOTO_NOT_IMAGE", value=name)
                    return
            photo.sha256 = file_sha256(photo.path)


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


def path_photo(path: Path) -> Photo:
    return Photo(path=path, size=path.stat().st_size)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_decimal(raw: str) -> Decimal | None:
    """'1 250,50', '1250.5', '1.250,50', '350 MAD', '350 DH' → Decimal; None when it is not a number."""
    text = re.sub(r"(?i)\s*(mad|dhs?|dirhams?|eur|€|usd|\$|kg)\s*$", "", raw.strip())
    text = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("'", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[-+]?\d+(\.\d+)?", text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def check_columns(table: Table, default_artisan: str) -> list[Problem]:
    problems = []
    present = set(table.headers)
    required = [("product_type",), ("price_mad",), NAME_KEYS, ("sku", "external_id")]
    if not default_artisan:
        required.append(("artisan",))
    for keys in required:
        if not present & set(keys):
            problems.append(Problem(1, None, "MISSING_COLUMN", {"column": keys[0], "headers": headers_for(keys[0])}))
    return problems


def parse_products(table: Table, photos_dir: Path, default_artisan: str = "") -> tuple[list[ProductSpec], list[Problem]]:
    problems = list(table.problems)
    if not any(p.severity == "error" for p in problems):  # an unreadable file has no columns to speak of
        problems += check_columns(table, default_artisan)
    if any(p.severity == "error" for p in problems):
        return [], problems
    if not table.rows:
        return [], [*problems, Problem(None, None, "EMPTY_FILE")]
    products: dict[str, ProductSpec] = {}
    first_values: dict[str, dict[str, tuple[int, str]]] = {}
    sku_rows: dict[str, int] = {}
    without_sku: dict[str, list[int]] = {}
    for number, row in table.rows:
        parser = RowParser(table, number, photos_dir, problems)
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
    if not product.names:
        parser.error(next((k for k in NAME_KEYS if k in parser.table.headers), "name_fr"), "REQUIRED",
                     column=headers_for("name_fr"))
    if not product.artisan:
        parser.error("artisan", "REQUIRED", column=headers_for("artisan"))
    product.category = row.get("category", "")
    product.product_type = row.get("product_type", "")
    if not product.product_type:
        parser.error("product_type", "REQUIRED", column=headers_for("product_type"))
    product.attributes = parser.attributes(row, "attributes")
    product.markets = [normalise(m) for m in re.split(r"[,|;\s]+", row.get("markets", "")) if m.strip()]
    product.published = parser.boolean(row, "published", True)
    product.photos = parser.photos(row)
    return product


def _variant(parser: RowParser, row: dict[str, str], sku: str) -> VariantSpec:
    variant = VariantSpec(row=parser.number, sku=sku)
    variant.attributes = parser.attributes(row, "variant")
    variant.name = row.get("variant_name") or " / ".join(v for values in variant.attributes.values() for v in values)
    variant.price_mad = parser.decimal(row, "price_mad", positive=True)
    if variant.price_mad is None and not row.get("price_mad"):
        parser.error("price_mad", "REQUIRED", column=headers_for("price_mad"))
    for key, raw in row.items():
        if key.startswith("price:") and raw:
            price = parser.decimal(row, key, positive=True)
            if price is not None:
                variant.prices[key.split(":", 1)[1]] = price
    variant.stock = parser.integer(row, "stock")
    variant.warehouse = row.get("warehouse", "")
    variant.weight_kg = parser.weight(row)
    variant.dimensions_cm = parser.dimensions(row)
    hs = re.sub(r"[\s.]", "", row.get("hs_code", ""))
    if hs and not re.fullmatch(r"\d{6,10}", hs):
        parser.error("hs_code", "BAD_HS_CODE", value=row["hs_code"])
    variant.hs_code = hs
    return variant
