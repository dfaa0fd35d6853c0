"""Writing pages: the shop's default trust pages, created once with their translations."""

from __future__ import annotations

from django.db import transaction

from marketplace.pages.models import Page, PageTranslation, PageType


def paragraphs(*texts: str) -> dict:
    """EditorJS content (Saleor's rich text) of plain paragraphs."""
    return {"blocks": [{"type": "paragraph", "data": {"text": text}} for text in texts]}


@transaction.atomic
def ensure_pages(specs: list[dict]) -> int:
    """Create the pages of `specs` that do not exist ({slug, type, title: {fr, ar, en}, content: {fr: [...]},
    market?}); an existing page, possibly edited in the admin, is left as it is."""
    created = 0
    for order, spec in enumerate(specs):
        if Page.objects.filter(slug=spec["slug"]).exists():
            continue
        page_type, _ = PageType.objects.get_or_create(slug=spec["type"], defaults={"name": spec["type_name"]})
        page = Page.objects.create(page_type=page_type, slug=spec["slug"], title=spec["title"]["fr"],
                                   content=paragraphs(*spec["content"]["fr"]), sort_order=order,
                                   metadata={"market": spec["market"]} if spec.get("market") else {})
        PageTranslation.objects.bulk_create([
            PageTranslation(page=page, language_code=language, title=spec["title"][language],
                            content=paragraphs(*spec["content"][language])) for language in ("ar", "en")])
        created += 1
    return created
