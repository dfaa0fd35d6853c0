"""Writes the examples that are not committed as binaries: the photo folders (procedural JPEGs drawn with
Pillow) and the XLSX twin of the JSON example.

    python -m catalog_import.examples.make_examples [OUT_DIR]   (default: this folder)
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CSV_EXAMPLE = HERE / "catalogue-cooperatives.csv"  # Windows-1252, `;`, French headers (as Excel writes it)
JSON_EXAMPLE = HERE / "catalog.json"  # UTF-8, English keys, Arabic names, variants nested
PHOTOS = {  # relative path -> (base colour, pattern colour, seed)
    "photos/srg-plat-07-a.jpg": ((40, 70, 150), (235, 230, 215), 1),
    "photos/srg-plat-07-b.jpg": ((40, 70, 150), (200, 160, 60), 2),
    "photos/tif-001/01-face.jpg": ((170, 50, 40), (240, 230, 210), 3),
    "photos/tif-001/02-detail.jpg": ((150, 40, 35), (230, 220, 200), 4),
    "photos/bab-12.jpg": ((200, 160, 60), (120, 70, 30), 5),
    "photos/srg-tajine-3.jpg": ((160, 80, 40), (230, 210, 180), 6),
}


def draw_photo(path: Path, base: tuple[int, int, int], pattern: tuple[int, int, int], seed: int,
               size: tuple[int, int] = (640, 480)) -> None:
    """A craft-like object on a plain background, with texture, so the pipeline has something to judge."""
    import random

    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    image = Image.new("RGB", size, (228, 222, 212))
    draw = ImageDraw.Draw(image)
    w, h = size
    box = (w * 0.2, h * 0.15, w * 0.8, h * 0.85)
    draw.ellipse(box, fill=base)
    for _ in range(60):
        x, y = rng.uniform(box[0] + 30, box[2] - 30), rng.uniform(box[1] + 30, box[3] - 30)
        r = rng.uniform(4, 14)
        draw.rectangle((x - r, y - r, x + r, y + r), outline=pattern, width=2)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=88)


def write_xlsx(rows: list[dict], path: Path) -> None:
    """The JSON example as a spreadsheet, one row per variant, English headers."""
    from openpyxl import Workbook

    flat = []
    for item in rows:
        base = {k: v for k, v in item.items() if k != "variants"}
        for variant in item.get("variants") or [{}]:
            flat.append({**base, **variant})
    headers: list[str] = []
    for row in flat:
        headers += [k for k in row if k not in headers]
    book = Workbook()
    sheet = book.active
    sheet.title = "catalog"
    sheet.append(headers)
    for row in flat:
        values = []
        for key in headers:
            value = row.get(key)
            if isinstance(value, dict):
                value = "; ".join(f"{k}: {', '.join(v) if isinstance(v, list) else v}" for k, v in value.items())
            elif isinstance(value, list):
                value = " | ".join(map(str, value))
            values.append(value)
        sheet.append(values)
    book.save(path)


def make_examples(out_dir: Path = HERE) -> dict[str, Path]:
    """Photo folders, the XLSX, and copies of the committed CSV/JSON in `out_dir`. Returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for relative, (base, pattern, seed) in PHOTOS.items():
        target = out_dir / relative
        if not target.exists():
            draw_photo(target, base, pattern, seed)
    paths = {"csv": out_dir / CSV_EXAMPLE.name, "json": out_dir / JSON_EXAMPLE.name, "xlsx": out_dir / "catalog.xlsx"}
    for key in ("csv", "json"):
        source = CSV_EXAMPLE if key == "csv" else JSON_EXAMPLE
        if paths[key].resolve() != source.resolve():
            shutil.copyfile(source, paths[key])
    write_xlsx(json.loads(JSON_EXAMPLE.read_text(encoding="utf-8")), paths["xlsx"])
    return paths


if __name__ == "__main__":
    written = make_examples(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
    print("\n".join(str(p) for p in written.values()))
