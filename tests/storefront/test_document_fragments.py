"""The product card is written once (storefront/graphql/fragments/ProductCard.graphql) and every listing
document carries an exact, generated copy of it (storefront/core/documents.py, `make documents`): a copy that
is stale or edited by hand fails here, so a card field is added in one place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storefront.core import documents as docs

CARD_PAGES = {"HomePage", "ArtisanPage", "CategoryPage", "CollectionPage", "RegionPage", "SearchPage", "FairPage"}


def test_every_document_carries_the_current_copy_of_what_it_includes() -> None:
    stale = [str(path.relative_to(docs.DOCUMENTS)) for path in docs.stale_documents()]
    assert stale == [], "run `make documents` (and edit storefront/graphql/fragments/, not the copies)"


def test_the_listing_pages_include_the_one_product_card() -> None:
    including = {path.stem for path in docs.operation_documents(docs.DOCUMENTS)
                 if "ProductCard" in docs.INCLUDE.findall(path.read_text(encoding="utf-8"))}
    assert including >= CARD_PAGES
    for path in docs.operation_documents(docs.DOCUMENTS):
        text = path.read_text(encoding="utf-8")
        written_by_hand = text.split(docs.MARKER, 1)[0]
        if path.parent.name == "marketplace":  # Saleor's documents keep their own Saleor-only card
            assert "fragment ProductCard" not in written_by_hand, f"{path.name}: include the card, do not copy it"
        if "...ProductCard" in text and path.parent.name == "marketplace":
            assert path.stem in including, f"{path.name} spreads ...ProductCard without `# include: ProductCard`"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the storefront's documents to break on purpose."""
    shutil.copytree(docs.DOCUMENTS, tmp_path / "graphql")
    return tmp_path / "graphql"


def test_a_hand_edit_or_a_changed_card_is_caught_and_make_documents_repairs_it(tree: Path, monkeypatch) -> None:
    page = tree / "marketplace" / "SearchPage.graphql"
    assert docs.stale_documents(tree) == []
    page.write_text(page.read_text(encoding="utf-8").replace("    city\n  }\n  pricing", "  }\n  pricing"),
                    encoding="utf-8")  # a field removed from the copy by hand
    assert docs.stale_documents(tree) == [page]
    card = tree / "fragments" / "ProductCard.graphql"
    card.write_text(card.read_text(encoding="utf-8").replace("  isAvailable\n", "  isAvailable\n  rating\n"),
                    encoding="utf-8")  # a field added to the card, once
    assert {path.stem for path in docs.stale_documents(tree)} == CARD_PAGES
    monkeypatch.setattr(docs, "DOCUMENTS", tree)
    assert docs.main(["--check"]) == 1
    assert docs.main([]) == 0 and docs.main(["--check"]) == 0
    for name in CARD_PAGES:
        text = (tree / "marketplace" / f"{name}.graphql").read_text(encoding="utf-8")
        assert text.count("  rating\n") == 1 and text.count(docs.MARKER) == 1
    assert "  city\n" in page.read_text(encoding="utf-8")  # the hand edit is undone


def test_a_bad_include_is_refused_with_its_reason(tree: Path) -> None:
    page = tree / "marketplace" / "RegionPage.graphql"
    page.write_text("# include: NoSuchCard\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(docs.DocumentError, match="names no file fragments/NoSuchCard.graphql"):
        docs.stale_documents(tree)
    (tree / "fragments" / "NoSuchCard.graphql").write_text("fragment Other on Product { id }\n", encoding="utf-8")
    with pytest.raises(docs.DocumentError, match="must define `fragment NoSuchCard on"):
        docs.stale_documents(tree)


def test_dropping_the_last_include_drops_the_generated_part(tree: Path) -> None:
    page = tree / "marketplace" / "FairPage.graphql"
    text = page.read_text(encoding="utf-8").replace("# include: ProductCard\n", "")
    page.write_text(text, encoding="utf-8")
    rendered = docs.render(tree, text)
    assert docs.MARKER not in rendered and "fragment ProductCard" not in rendered
