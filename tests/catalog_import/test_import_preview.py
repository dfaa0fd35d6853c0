"""`--preview OUT_DIR`: the photography pipeline's before/after contact sheet and a quality report for every
photo of the file; nothing is imported (no API is even contacted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow  # a CLI process that renders the contact sheet
def test_preview_writes_the_contact_sheet_and_quality_report(examples, tmp_path):
    out = tmp_path / "preview"
    done = subprocess.run([sys.executable, "-m", "catalog_import", str(examples["csv"]), "--preview", str(out),
                           "--url", "http://127.0.0.1:9/graphql/", "--quiet"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "5 photos processed, 0 rejected" in done.stdout
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "planche contact" in html.lower() and html.count("before.jpg") == 5
    quality = json.loads((out / "quality.json").read_text(encoding="utf-8"))
    assert {q["product"] for q in quality} == {"TIF-TAPIS-001", "CHW-BAB-12", "SRG-PLAT-07"}
    for item in quality:
        assert item["status"] == "ok" and 0 <= item["before"] <= 100 and item["after"] is not None
        assert (out / item["files"]["master"]).is_file()
