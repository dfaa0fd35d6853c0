"""Compile the storefront's .po catalogs to the committed .mo files with Babel (no gettext tools needed).

`python -m storefront.core.i18n` after editing a .po file; a test checks the .mo files are current."""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

STOREFRONT_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = STOREFRONT_DIR / "locale"


def catalogs() -> list[Path]:
    """Every .po file: the project's (storefront/locale) and each app's own (storefront/<app>/locale)."""
    return sorted([*LOCALE_DIR.glob("*/LC_MESSAGES/django.po"),
                   *STOREFRONT_DIR.glob("*/locale/*/LC_MESSAGES/django.po")])


def compiled(po_path: Path) -> bytes:
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parent.parent.name)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def untranslated(po_path: Path) -> list[str]:
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parent.parent.name)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(str(message.id))
    return missing


def compile_all() -> list[Path]:
    written = []
    for po_path in catalogs():
        mo_path = po_path.with_suffix(".mo")
        mo_path.write_bytes(compiled(po_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_all():
        print(path)
