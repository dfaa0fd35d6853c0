"""`--preview OUT_DIR`: the photography pipeline's before/after contact sheet and a quality report for the
file's photos, without importing anything (marketplace.photography has no Django dependency)."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from catalog_import.model import ProductSpec


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:60] or "x"


def write_preview(products: list[ProductSpec], out_dir: Path, *, lang: str = "fr") -> dict[str, Any]:
    from marketplace.photography.contact_sheet import enhance_folder

    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="catalog-import-preview-"))
    owners: dict[str, tuple[ProductSpec, str]] = {}
    try:
        for product in products:
            for n, photo in enumerate(product.photos, start=1):
                name = f"{_safe(product.key)}--{n:02d}-{_safe(photo.path.name)}"
                try:
                    os.symlink(photo.path.resolve(), staging / name)
                except OSError:
                    shutil.copyfile(photo.path, staging / name)
                owners[name] = (product, photo.path.name)
        entries = enhance_folder(staging, out_dir, log=lambda _line: None)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report = []
    for entry in entries:
        product, photo = owners[entry.name]
        item: dict[str, Any] = {"product": product.key, "name": product.name, "rows": product.rows, "photo": photo}
        if entry.result is None:
            item.update(status="rejected", code=entry.error_code, message=entry.error_message)
        else:
            quality = entry.result.report
            item.update(status="ok", before=quality.overall_before, after=quality.overall_after,
                        passed=quality.passed, advice=quality.advice(lang), files=entry.files)
        report.append(item)
    (out_dir / "quality.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    ok = sum(1 for item in report if item["status"] == "ok")
    return {"path": str(out_dir / "index.html"), "ok": ok, "rejected": len(report) - ok}
