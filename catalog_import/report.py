"""The outcome of a run: validation problems and one line per product; the summary and the machine-readable
report (JSON or CSV), and the exit codes scripts can rely on."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog_import.messages import message
from catalog_import.model import Problem
from catalog_import.text import isolate

EXIT_OK = 0  # everything imported (or already up to date), or a clean dry run
EXIT_INVALID = 1  # the file has errors: nothing was written
EXIT_PARTIAL = 2  # some products failed (the API refused them); the others are in
EXIT_USAGE = 3  # bad arguments, unreachable API, failed sign-in, reference data unavailable
EXIT_INTERRUPTED = 130  # Ctrl-C or SIGTERM: the next run continues where this one stopped
STATUSES = ("created", "updated", "unchanged", "failed")


@dataclass
class Outcome:
    key: str
    rows: list[int]
    skus: list[str]
    status: str  # created, updated, unchanged, failed, resumed (done by an interrupted run)
    product_id: str | None = None
    changed: list[str] = field(default_factory=list)
    error: str = ""
    complete: bool = True  # False: stopped before all its requests were sent (the next run finishes it)
    problems: list[Problem] = field(default_factory=list)  # refused parts, shown on its row (a photo)


@dataclass
class Result:
    lang: str = "en"
    problems: list[Problem] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    products: int = 0
    rows: int = 0
    dry_run: bool = False
    resumed: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    photos_uploaded: int = 0
    preview: dict[str, Any] = field(default_factory=dict)
    exit_code: int = EXIT_OK
    interrupted: bool = False
    not_started: int = 0  # products a stopped run did not reach

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for outcome in self.outcomes:
            status = "unchanged" if outcome.status == "resumed" else outcome.status
            counts[status] += 1
        return counts

    def ordered_problems(self) -> list[Problem]:
        """Each problem once, in the file's order: file-level ones first, then by row."""
        unique = {(p.row, p.column, p.code, repr(sorted(p.params.items())), p.severity): p for p in self.problems}
        return sorted(unique.values(), key=lambda p: (p.row is not None, p.row or 0))

    def line(self, problem: Problem) -> str:
        lang = self.lang
        where = message("FILE", lang) if problem.row is None else f"{message('ROW', lang)} {problem.row}"
        if problem.column:
            column = isolate(problem.column) if lang == "ar" else problem.column
            where += f"{'، ' if lang == 'ar' else ', '}{column}"
        label = f" ({message('WARNING', lang)})" if problem.severity == "warning" else ""
        return f"{where}{' :' if lang == 'fr' else ':'} {problem.text(lang)}{label}"

    def summary(self) -> str:
        problems = self.ordered_problems()
        lines = [self.line(p) for p in problems]
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            lines.append(message("INVALID", self.lang, count=len(errors)))
            return "\n".join(lines)
        if self.preview:
            lines.append(message("PREVIEW", self.lang, **self.preview))
            return "\n".join(lines)
        if self.dry_run:
            lines += [message("VALID", self.lang, products=self.products, rows=self.rows),
                      message("DRY_RUN", self.lang)]
            return "\n".join(lines)
        for outcome in sorted(self.outcomes, key=lambda o: o.rows[0] if o.rows else 0):
            if outcome.status != "failed":
                continue
            if outcome.problems:
                lines += [self.line(p) for p in outcome.problems]
                continue
            rows = ",".join(map(str, outcome.rows))
            lines.append(f"{message('ROW', self.lang)} {rows} ({outcome.key}): "
                         f"{message('API', self.lang, value=outcome.error)}")
        counts = self.counts()
        if self.resumed:
            lines.append(message("RESUMING", self.lang, done=self.resumed))
        lines.append(message("SUMMARY", self.lang, **counts))
        if self.photos_uploaded:
            lines.append(message("PHOTOS_UPLOADED", self.lang, count=self.photos_uploaded))
        if self.interrupted:
            if self.not_started:
                lines.append(message("NOT_STARTED", self.lang, count=self.not_started))
            lines.append(message("INTERRUPTED", self.lang))
        elif counts["created"] == counts["updated"] == counts["failed"] == 0:
            lines.append(message("ALL_UNCHANGED", self.lang))
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "exit_code": self.exit_code, "dry_run": self.dry_run, "products": self.products, "rows": self.rows,
            "summary": self.counts(), "resumed": self.resumed, "photos_uploaded": self.photos_uploaded,
            "interrupted": self.interrupted, "not_started": self.not_started,
            "preview": self.preview,
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
            "problems": [p.as_dict(self.lang) for p in self.ordered_problems()],
            "products_detail": [{**outcome.__dict__, "problems": [p.as_dict(self.lang) for p in outcome.problems]}
                                for outcome in self.outcomes],
        }


def write_report(result: Result, path: Path) -> None:
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["kind", "row", "column", "key", "skus", "status", "code", "message", "product_id"])
            for p in result.ordered_problems():
                writer.writerow(["problem", p.row or "", p.column or "", "", "", p.severity, p.code,
                                 p.text(result.lang), ""])
            for o in result.outcomes:
                writer.writerow(["product", ",".join(map(str, o.rows)), "", o.key, ",".join(o.skus), o.status,
                                 "", o.error or ",".join(o.changed), o.product_id or ""])
        return
    path.write_text(json.dumps(result.as_dict(), ensure_ascii=False, indent=2, default=str), encoding="utf-8")
