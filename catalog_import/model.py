"""What a file describes once parsed: products with their variants, and the problems found on the way."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from catalog_import.messages import message


@dataclass
class Problem:
    row: int | None  # the spreadsheet's row number (header = 1), JSON: item number from 1
    column: str | None  # the header as written in the file
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = "error"  # or "warning" (reported, does not block), or "info" (what the reader did)

    def text(self, lang: str = "en") -> str:
        return message(self.code, lang, **self.params)

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "code": self.code, "severity": self.severity,
                "message": self.text(lang)}


@dataclass
class Photo:
    path: Path
    sha256: str = ""
    size: int = 0
    column: str = "photos"  # the column that named it (photos or photo_folder), for its problems
    format: str = ""  # JPEG, PNG, WEBP or HEIF, from its content


@dataclass
class VariantSpec:
    row: int
    sku: str
    name: str = ""
    attributes: dict[str, list[str]] = field(default_factory=dict)
    price_mad: Decimal | None = None
    prices: dict[str, Decimal] = field(default_factory=dict)  # market slug (normalised) -> price
    currencies: dict[str, str] = field(default_factory=dict)  # "mad" or market -> currency written in the cell
    stock: int | None = None
    warehouse: str = ""
    weight_kg: Decimal | None = None
    dimensions_cm: tuple[Decimal | None, Decimal | None, Decimal | None] = (None, None, None)
    hs_code: str = ""


@dataclass
class ProductSpec:
    key: str  # external id, or the SKU of a single-variant product
    rows: list[int]
    artisan: str = ""
    external_id: str = ""
    names: dict[str, str] = field(default_factory=dict)  # language -> name
    descriptions: dict[str, str] = field(default_factory=dict)
    category: str = ""
    product_type: str = ""
    attributes: dict[str, list[str]] = field(default_factory=dict)
    markets: list[str] = field(default_factory=list)  # normalised market keys; empty = every market
    published: bool = True
    photos: list[Photo] = field(default_factory=list)
    variants: list[VariantSpec] = field(default_factory=list)

    # The base-name rule. The catalogue's base language is French: the product's own name and description
    # are the French ones, and translations exist for Arabic and English only (the API refuses a French
    # "translation"). Without a French name, the English one, else the Arabic one, is the product's name
    # (validation warns); the description is the French one when there is one, else the one in the name's
    # language. A language's translation carries only what the base fields do not already hold.
    @property
    def base_language(self) -> str:
        return next((lang for lang in ("fr", "en", "ar") if self.names.get(lang)), "fr")

    @property
    def name(self) -> str:
        return self.names.get(self.base_language, "")

    @property
    def description_language(self) -> str | None:
        return next((lang for lang in dict.fromkeys(("fr", self.base_language)) if self.descriptions.get(lang)), None)

    @property
    def description(self) -> str:
        language = self.description_language
        return self.descriptions[language] if language else ""

    def translated_fields(self, lang: str) -> dict[str, str]:
        """The name and description in `lang` (ar or en) that the base fields do not hold."""
        fields = {}
        if lang != self.base_language and self.names.get(lang):
            fields["name"] = self.names[lang]
        if lang != self.description_language and self.descriptions.get(lang):
            fields["description"] = self.descriptions[lang]
        return fields

    def fingerprint(self) -> str:
        """A stable digest of everything the file says about the product (the state file compares it)."""
        data = asdict(self)
        data["photos"] = [p.sha256 or str(p.path) for p in self.photos]  # the content, not where it was read
        data.pop("rows")
        for variant in data["variants"]:
            variant.pop("row")
            variant.pop("currencies")  # how a price was written (checked), not what it is
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=_plain).encode()).hexdigest()[:24]


def _plain(value: Any) -> str:
    """1200, 1200.0 and 1200.00 are one price: the same product, whether typed in XLSX or written in CSV."""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if value.is_finite() else str(value)
    return str(value)
