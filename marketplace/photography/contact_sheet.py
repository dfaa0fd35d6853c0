"""Offline batch: enhance a folder and write a self-contained HTML contact sheet.

Layout of OUT_DIR:
    index.html                      before/after side by side, report, advice (fr/ar/en)
    <slug>/before.jpg               downscaled, upright, metadata-free copy of the original
    <slug>/master.jpg               the enhanced master
    <slug>/w<width>.<avif|webp|jpg> derivatives
    <slug>/report.json              the quality report and pipeline details
The original files are only read, never copied (they may carry GPS coordinates).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .io import Limits, PhotoRejected, check_size
from .pipeline import PIPELINE_VERSION, PipelineResult, preview_jpeg, process_photo
from .report import LABELS, PASS_SCORE

LANGS = (("fr", "ltr"), ("ar", "rtl"), ("en", "ltr"))


@dataclass
class SheetEntry:
    name: str  # original file name, for display only
    slug: str
    result: PipelineResult | None = None
    error_code: str | None = None
    error_message: str | None = None
    files: dict[str, str] = field(default_factory=dict)  # role -> relative path


def slugify(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "photo"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def enhance_folder(
    in_dir: Path,
    out_dir: Path,
    *,
    aspect: str = "1:1",
    limits: Limits | None = None,
    log: Callable[[str], None] = print,
) -> list[SheetEntry]:
    """Process every regular file of ``in_dir`` (type sniffed from content, so any name),
    write the outputs and ``index.html`` to ``out_dir``; a rejected file is listed with its
    error and the batch goes on."""
    limits = limits or Limits()
    out_dir.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    entries = []
    for path in sorted(p for p in in_dir.iterdir() if p.is_file() and not p.name.startswith(".")):
        entry = SheetEntry(path.name, slugify(path.name, taken))
        try:
            check_size(path.stat().st_size, limits)  # before reading a huge file into memory
            data = path.read_bytes()
            entry.result = process_photo(data, aspect=aspect, limits=limits)
            _write_outputs(out_dir / entry.slug, entry, data, limits)
            rep = entry.result.report
            log(f"ok       {path.name}: {rep.overall_before} -> {rep.overall_after} ({entry.result.mode})")
        except PhotoRejected as exc:
            entry.error_code, entry.error_message = exc.code, exc.message
            log(f"rejected {path.name}: {exc.code} {exc.message}")
        except Exception as exc:  # a support tool must get through the folder
            entry.error_code, entry.error_message = "INTERNAL_ERROR", f"{type(exc).__name__}: {exc}"
            log(f"error    {path.name}: {entry.error_message}")
        entries.append(entry)
    (out_dir / "index.html").write_text(render_html(entries, aspect=aspect), encoding="utf-8")
    return entries


def _write_outputs(folder: Path, entry: SheetEntry, data: bytes, limits: Limits) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    result = entry.result
    assert result is not None

    def put(role: str, name: str, payload: bytes) -> None:
        (folder / name).write_bytes(payload)
        entry.files[role] = f"{entry.slug}/{name}"

    put("before", "before.jpg", preview_jpeg(data, limits=limits))
    put("master", "master.jpg", result.master)
    for d in result.derivatives:
        put(f"{d.format}:{d.width}", f"w{d.width}.{d.extension}", d.data)
    details = {
        "file": entry.name,
        "pipeline_version": PIPELINE_VERSION,
        "mode": result.mode,
        "source_format": result.source_format,
        "source_size": list(result.source_size),
        "master_size": list(result.master_size),
        "background_replaced": result.background_replaced,
        "enhanced": result.enhanced,
        "timings": result.timings,
        "report": result.report.to_dict(),
    }
    (folder / "report.json").write_text(json.dumps(details, ensure_ascii=False, indent=2), encoding="utf-8")


_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222;background:#fafafa}
section{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1rem;margin:0 0 1.5rem}
.pair{display:flex;gap:1rem;flex-wrap:wrap}.pair figure{margin:0;flex:1 1 320px}
.pair img{max-width:100%;max-height:420px;display:block;background:#eee}
table{border-collapse:collapse;margin:.8rem 0}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}
.ok{color:#17692c}.ko{color:#a4161a;font-weight:600}.err{border-color:#a4161a}
.advice p{margin:.2rem 0}.links a{margin-right:.6rem;font-size:.9em}
"""


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _href(rel: str) -> str:
    return _esc(quote(rel))


def _score(score: int | None) -> str:
    if score is None:
        return "<td>—</td>"
    cls = "ok" if score >= PASS_SCORE else "ko"
    return f'<td class="{cls}">{score}</td>'


def _entry_html(e: SheetEntry) -> str:
    if e.result is None:
        return (
            f'<section class="err"><h2>{_esc(e.name)}</h2>'
            f'<p class="ko">Refusé / مرفوض / Rejected: <code>{_esc(e.error_code)}</code></p>'
            f"<p>{_esc(e.error_message)}</p></section>"
        )
    r = e.result
    rep = r.report
    rows = []
    for c in rep.checks:
        label = " / ".join(_esc(LABELS[c.code][lang]) for lang, _ in LANGS)
        rows.append(f"<tr><td>{label}</td>{_score(c.before_score)}{_score(c.after_score)}</tr>")
    advice = []
    for c in rep.checks:
        if c.advice:
            advice.extend(
                f'<p lang="{lang}" dir="{direction}">{_esc(c.advice[lang])}</p>' for lang, direction in LANGS
            )
    links = " ".join(
        f'<a href="{_href(rel)}">{_esc(role)}</a>' for role, rel in e.files.items() if role != "before"
    )
    return (
        f"<section><h2>{_esc(e.name)}</h2>"
        f"<p>{_esc(r.source_format)} {r.source_size[0]}×{r.source_size[1]} → master "
        f"{r.master_size[0]}×{r.master_size[1]} · mode <code>{_esc(r.mode)}</code> · "
        f"score {rep.overall_before} → {rep.overall_after}</p>"
        '<div class="pair">'
        f'<figure><img src="{_href(e.files["before"])}" alt="avant / before" loading="lazy">'
        "<figcaption>Avant / قبل / Before</figcaption></figure>"
        f'<figure><img src="{_href(e.files["master"])}" alt="après / after" loading="lazy">'
        "<figcaption>Après / بعد / After</figcaption></figure></div>"
        "<table><tr><th>Contrôle / الفحص / Check</th><th>Avant / Before</th><th>Après / After</th></tr>"
        + "".join(rows)
        + "</table>"
        + (f'<div class="advice"><h3>Conseils / نصائح / Advice</h3>{"".join(advice)}</div>' if advice else "")
        + f'<p class="links">{links} <a href="{_href(e.slug + "/report.json")}">report.json</a></p>'
        "</section>"
    )


def render_html(entries: Iterable[SheetEntry], *, aspect: str = "1:1") -> str:
    entries = list(entries)
    done = sum(1 for e in entries if e.result is not None)
    body = "".join(_entry_html(e) for e in entries)
    return (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Maalem — photos ({done}/{len(entries)})</title><style>{_CSS}</style></head><body>"
        f"<h1>Maalem — planche contact / Contact sheet</h1>"
        f"<p>{done} traitées / processed, {len(entries) - done} refusées / rejected · "
        f"format {_esc(aspect)} · pipeline v{PIPELINE_VERSION}</p>{body}</body></html>"
    )
