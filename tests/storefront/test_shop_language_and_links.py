"""The shop's words and links: `makemessages` leaves nothing untranslated or fuzzy in Arabic and English; an
out-of-date filter value is dropped with a note instead of an error page; the home page's collection tiles
have a picture; the footer links the shop's own pages (Saleor's Page type) in the buyer's language."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow  # a makemessages process
def test_makemessages_leaves_no_untranslated_or_fuzzy_message_in_arabic_and_english(tmp_path):
    from storefront.core.i18n import untranslated

    copy = tmp_path / "storefront"
    shutil.copytree(ROOT / "storefront", copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "storefront.settings", "PYTHONPATH": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "django", "makemessages", "-l", "ar", "-l", "en", "--no-obsolete",
                    "--ignore", "atelier/*", "--ignore", "curation/*", "--ignore", "trade/*", "--ignore", "static/*"],
                   cwd=copy, env=env, check=True, capture_output=True)
    for language in ("ar", "en"):
        assert untranslated(copy / "locale" / language / "LC_MESSAGES" / "django.po") == [], language


def test_an_unknown_filter_value_is_dropped_and_the_results_shown(shop):
    html = shop.page("/en/maroc/search/?craft=Q2F0ZWdvcnk6OTk5OTk5&colour=no-such-colour&q=")
    assert 'data-testid="dropped-filters"' in html
    assert "link may be out of date" not in html
    assert re.search(r'class="count" role="status">\s*\d+ pieces', html)


@pytest.mark.django_db
def test_the_home_tiles_have_a_picture_and_the_footer_links_the_shops_pages(shop):
    html = shop.page("/ar/export/")
    tiles = re.search(r'<ul class="tiles".*?</ul>', html, re.S).group(0)
    assert tiles.count("<li>") and tiles.count("<li>") == tiles.count("<img ")
    footer = re.search(r'<ul class="trust".*?</ul>', html, re.S).group(0)
    assert "/ar/export/page/droits-et-taxes/" in footer and "رسوم وضرائب الاستيراد" in footer
    assert "/page/livraison-maroc/" not in footer  # another market's delivery terms
    page = shop.page("/en/export/page/retours-et-remboursements/")
    assert "Returns and refunds" in page and "14 days" in page
    assert shop.get("/en/maroc/page/droits-et-taxes/").status_code == 404
