"""Search relevance: a word that names a craft or a kind of piece ranks that craft's pieces first, and a
word the catalogue knows is not stretched to look-alikes ("tajine" no longer finds leather bags through
"tanné"); typos still find their word ("zelij" → zellige, "tajin" → tajine)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

SEARCH = """
query Search($q: String!) {
  products(channel: "maroc", first: 100, search: $q, sortBy: {field: RANK, direction: DESC}) {
    totalCount
    edges { node { slug category { slug parent { slug } } } }
  }
}"""

# query → the craft (category slug) its results must start with; `only`: nothing else may match.
QUERIES = [
    ("tajine", "tajines", True),
    ("tajin", "tajines", True),
    ("طاجين", "tajines", True),
    ("pouf", "poufs", True),
    ("poufs", "poufs", True),
    ("lanterne", "lanternes", False),
    ("tapis", "tapis-berberes", False),
    ("rug", "tapis-berberes", False),
    ("zelij", "zellige-panneaux", False),
    ("panier", "paniers", False),
]


def craft_slugs(node: dict) -> set[str]:
    category = node["category"] or {}
    return {category.get("slug"), (category.get("parent") or {}).get("slug")}


@pytest.mark.parametrize("query,craft,only", QUERIES)
def test_a_craft_word_ranks_its_pieces_first(gql, query, craft, only):
    from marketplace.catalog.models import Product

    in_craft = set(Product.objects.filter(category__slug=craft).values_list("slug", flat=True))
    assert in_craft, f"the test catalogue has pieces of {craft}"
    found = [edge["node"] for edge in gql.data(SEARCH, {"q": query})["products"]["edges"]]
    first = [node["slug"] for node in found[:len(in_craft)]]
    assert set(first) == in_craft, (query, [(n["slug"], craft_slugs(n)) for n in found[:len(in_craft) + 3]])
    if only:
        strays = [node["slug"] for node in found if craft not in craft_slugs(node)]
        assert strays == [], f"{query!r} also matched {strays}"
