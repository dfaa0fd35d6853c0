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
    severity: str = "error"  # or "warning" (reported, does not block)

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


@dataclass
class VariantSpec:
    row: int
    sku: str
    name: str = ""
    attributes: dict[str, list[str]] = field(default_factory=dict)
    price_mad: Decimal | None = None
    prices: dict[str, Decimal] = field(default_factory=dict)  # market slug (normalised) -> price
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

    @property
    def base_language(self) -> str:
        return next(lang for lang in ("fr", "en", "ar") if self.names.get(lang))

    @property
    def name(self) -> str:
        return self.names[self.base_language]

    def fingerprint(self) -> str:
        """A stable digest of everything the file says about the product (the state file compares it)."""
        data = asdict(self)
        data["photos"] = [p.sha256 or str(p.path) for p in self.photos]
        data.pop("rows")
        for variant in data["variants"]:
            variant.pop("row")
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:24]
