"""The committed SDL is current, every operation document validates, and Saleor's tool agrees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from graphql import build_schema, parse, validate

ROOT = Path(__file__).resolve().parents[2]
SALEOR_COMPAT = ROOT.parent / "shared" / "tools" / "saleor_compat.py"


def test_committed_sdl_is_current():
    from marketplace.core.management.commands.print_schema import SDL_PATH, current_sdl

    assert SDL_PATH.read_text(encoding="utf-8") == current_sdl(), "run `make schema` and commit the SDL"


def operation_documents():
    for path in sorted(ROOT.rglob("*.graphql")):
        parts = path.relative_to(ROOT).parts
        if ".venv" in parts or "var" in parts:
            continue
        if "graphql" in parts and parts[parts.index("graphql") + 1] in ("saleor", "marketplace"):
            yield path


def test_every_operation_document_validates_against_our_schema():
    from marketplace.graphql.schema import schema

    documents = list(operation_documents())
    assert len(documents) >= 10
    for path in documents:
        errors = validate(schema.graphql_schema, parse(path.read_text(encoding="utf-8")))
        assert not errors, (path, errors)


@pytest.mark.slow  # the compatibility tool on every document
def test_saleor_compat_tool_accepts_our_documents():
    """Valid on Saleor and on ours, and each buyer's document only reads what Saleor lets a buyer read (staff
    documents say `# saleor-role: staff` on their first lines)."""
    assert SALEOR_COMPAT.exists(), f"{SALEOR_COMPAT} is missing: the project expects ../shared beside it"
    result = subprocess.run([sys.executable, str(SALEOR_COMPAT), "--permissions", "--ours",
                             "marketplace/graphql/schema.graphql", "--quiet"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid and open to their role on Saleor 3.23" in result.stdout


@pytest.mark.slow  # every document against Saleor's schema
def test_saleor_documents_only_use_saleor_fields():
    saleor = build_schema((ROOT.parent / "shared" / "saleor" / "schema.graphql").read_text(encoding="utf-8"),
                          assume_valid_sdl=True)
    for path in operation_documents():
        if "saleor" in path.parts:
            assert not validate(saleor, parse(path.read_text(encoding="utf-8"))), path
