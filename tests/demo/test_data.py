"""Invariants of the demo catalog content (``demo.data``): plain data, no database."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

import phonenumbers
import pytest

from demo import data
from demo.data_products import build_products

LANGS = ("fr", "ar", "en")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SKU = re.compile(r"^MAA-[A-Z]{3}-\d{4}(?:-[A-Z0-9]+)?$")
HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
REGION_CODES = [
    "tanger-tetouan-al-hoceima", "oriental", "fes-meknes", "rabat-sale-kenitra", "beni-mellal-khenifra",
    "casablanca-settat", "marrakech-safi", "draa-tafilalet", "souss-massa", "guelmim-oued-noun",
    "laayoune-sakia-el-hamra", "dakhla-oued-ed-dahab",
]
CRAFTS = ["tapis-textiles", "poterie-ceramique", "zellige", "cuir", "bijoux", "bois", "cuivre-luminaires", "vannerie"]
RENDER_KINDS = {"rug", "kilim", "cushion", "pottery", "tagine", "plate", "zellige", "leather-pouf", "leather-bag",
                "babouche", "necklace", "bracelet", "wood-box", "wood-bowl", "lantern", "brass-tray", "basket", "hat"}
CHANNELS = {"maroc", "touristes", "export", "export-usd"}
INPUT_TYPES = {"DROPDOWN", "MULTISELECT", "NUMERIC", "PLAIN_TEXT"}

CHILDREN = {child["slug"]: top["slug"] for top in data.CATEGORIES for child in top["children"]}
ATTRIBUTES = {a["slug"]: a for a in data.ATTRIBUTES}
VALUES = {a["slug"]: {v["slug"] for v in a["values"]} for a in data.ATTRIBUTES}
PRODUCT_TYPES = {pt["slug"]: pt for pt in data.PRODUCT_TYPES}
ARTISANS = {a["slug"]: a for a in data.ARTISANS}
PRODUCTS = {p["slug"]: p for p in data.PRODUCTS}
LABELS = {label["slug"] for label in data.LABELS}


def texts() -> Iterator[tuple[str, object]]:
    """Every user-visible translated text in the catalog, with where it comes from."""
    for region in data.REGIONS:
        yield f"region {region['code']}", region["name"]
    for top in data.CATEGORIES:
        for node in [top, *top["children"]]:
            yield f"category {node['slug']}", node["name"]
            yield f"category {node['slug']} description", node["description"]
    for attribute in data.ATTRIBUTES:
        yield f"attribute {attribute['slug']}", attribute["name"]
        for value in attribute["values"]:
            yield f"value {attribute['slug']}/{value['slug']}", value["name"]
    for pt in data.PRODUCT_TYPES:
        yield f"product type {pt['slug']}", pt["name"]
    for label in data.LABELS:
        yield f"label {label['slug']}", label["name"]
        yield f"label {label['slug']} description", label["description"]
    for artisan in data.ARTISANS:
        yield f"artisan {artisan['slug']} story", artisan["story"]
    for product in data.PRODUCTS:
        yield f"product {product['slug']}", product["name"]
        yield f"product {product['slug']} description", product["description"]
    for collection in data.COLLECTIONS:
        yield f"collection {collection['slug']}", collection["name"]
        yield f"collection {collection['slug']} description", collection["description"]


def is_money(value: str) -> bool:
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError):
        return False
    return amount > 0 and amount.as_tuple().exponent == -2


def is_positive_decimal(value: str) -> bool:
    try:
        return isinstance(value, str) and Decimal(value) > 0
    except InvalidOperation:
        return False


# --- Counts and coverage -------------------------------------------------------------------------

def test_counts():
    assert len(data.ARTISANS) >= 22
    assert len({a["region"] for a in data.ARTISANS}) >= 9
    assert len(data.PRODUCTS) >= 130
    assert len(data.COLLECTIONS) >= 5


def test_regions_are_the_twelve_regions():
    assert [r["code"] for r in data.REGIONS] == REGION_CODES


def test_category_tree():
    assert [c["slug"] for c in data.CATEGORIES] == CRAFTS
    for top in data.CATEGORIES:
        assert 2 <= len(top["children"]) <= 3, top["slug"]
        for child in top["children"]:
            assert child["children"] == [], child["slug"]
    used = {p["category"] for p in data.PRODUCTS}
    assert used == set(CHILDREN), set(CHILDREN) ^ used


def test_every_craft_has_two_artisans():
    by_craft = Counter(craft for a in data.ARTISANS for craft in a["crafts"])
    for craft in CRAFTS:
        assert by_craft[craft] >= 2, craft


def test_every_artisan_sells_three_to_eight_products_in_its_crafts():
    per_artisan = Counter(p["artisan"] for p in data.PRODUCTS)
    for artisan in data.ARTISANS:
        assert 3 <= per_artisan[artisan["slug"]] <= 8, artisan["slug"]
    for product in data.PRODUCTS:
        assert CHILDREN[product["category"]] in ARTISANS[product["artisan"]]["crafts"], product["slug"]


# --- Identity: slugs, SKUs, seeds ----------------------------------------------------------------

def all_slugs() -> dict[str, list[str]]:
    return {
        "categories": [n["slug"] for top in data.CATEGORIES for n in [top, *top["children"]]],
        "attributes": [a["slug"] for a in data.ATTRIBUTES],
        "product types": [pt["slug"] for pt in data.PRODUCT_TYPES],
        "labels": [label["slug"] for label in data.LABELS],
        "artisans": [a["slug"] for a in data.ARTISANS],
        "products": [p["slug"] for p in data.PRODUCTS],
        "collections": [c["slug"] for c in data.COLLECTIONS],
        **{f"values of {a['slug']}": [v["slug"] for v in a["values"]] for a in data.ATTRIBUTES},
    }


@pytest.mark.parametrize("kind", list(all_slugs()))
def test_slugs_are_unique_and_well_formed(kind):
    slugs = all_slugs()[kind]
    assert len(slugs) == len(set(slugs)), [s for s, n in Counter(slugs).items() if n > 1]
    for slug in slugs:
        assert SLUG.match(slug), slug


def test_skus_are_unique_and_well_formed():
    skus = [v["sku"] for p in data.PRODUCTS for v in p["variants"]]
    assert len(skus) == len(set(skus))
    for sku in skus:
        assert SKU.match(sku), sku


def test_seeds_are_unique():
    seeds = ([p["seed"] for p in data.PRODUCTS] + [a["seed"] for a in data.ARTISANS]
             + [c["seed"] for c in data.COLLECTIONS])
    assert all(isinstance(s, int) for s in seeds)
    assert len(seeds) == len(set(seeds))


def test_generation_is_deterministic():
    assert build_products() == data.PRODUCTS


# --- Texts ---------------------------------------------------------------------------------------

def test_every_text_has_three_languages_and_real_arabic():
    for where, text in texts():
        assert isinstance(text, dict) and set(text) == set(LANGS), where
        for lang in LANGS:
            value = text[lang]
            assert isinstance(value, str) and value.strip(), f"{where} [{lang}]"
            assert value == value.strip() and "  " not in value, f"{where} [{lang}]: {value!r}"
            assert "{" not in value and "}" not in value, f"{where} [{lang}]: {value!r}"
        assert ARABIC_LETTER.search(text["ar"]), f"{where}: {text['ar']!r}"
        assert not ARABIC_LETTER.search(text["fr"] + text["en"]), where


def test_product_names_are_unique_per_language():
    for lang in LANGS:
        names = [p["name"][lang] for p in data.PRODUCTS]
        assert len(names) == len(set(names)), (lang, [n for n, c in Counter(names).items() if c > 1])


def test_descriptions_are_specific():
    for product in data.PRODUCTS:
        city = ARTISANS[product["artisan"]]["city"]
        assert city in product["description"]["fr"], product["slug"]
        assert len(product["description"]["fr"]) > 150, product["slug"]


def test_zellige_products_say_zellige():
    for product in data.PRODUCTS:
        if CHILDREN[product["category"]] == "zellige":
            assert "zellige" in product["name"]["fr"].lower(), product["slug"]
            assert "zellige" in product["description"]["fr"].lower(), product["slug"]
            assert "زليج" in product["name"]["ar"] + product["description"]["ar"], product["slug"]


def test_stories_are_a_few_sentences():
    for artisan in data.ARTISANS:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", artisan["story"]["fr"]) if s]
        assert 3 <= len(sentences) <= 5, artisan["slug"]


# --- Taxonomy ------------------------------------------------------------------------------------

def test_attributes():
    for attribute in data.ATTRIBUTES:
        assert attribute["input_type"] in INPUT_TYPES, attribute["slug"]
        if attribute["input_type"] in ("NUMERIC", "PLAIN_TEXT"):
            assert attribute["values"] == [], attribute["slug"]
        else:
            assert attribute["values"], attribute["slug"]
            assert attribute["unit"] is None, attribute["slug"]
    for slug in ("largeur-cm", "longueur-cm", "hauteur-cm"):
        assert ATTRIBUTES[slug]["input_type"] == "NUMERIC" and ATTRIBUTES[slug]["unit"] == "CM"
    expected = {
        "materiau": ("MULTISELECT", {"laine", "coton", "soie-de-cactus", "argile", "terre-cuite", "cuir-de-chevre",
                                     "argent", "ambre", "corail", "bois-de-thuya", "bois-de-cedre", "laiton",
                                     "cuivre", "palmier-doum", "osier", "emaux"}),
        "technique": ("DROPDOWN", {"noue-main", "tisse-main", "tourne-main", "peint-main", "cisele", "emaille",
                                   "marqueterie", "brode-main", "tresse", "repousse"}),
        "region-origine": ("DROPDOWN", set(REGION_CODES)),
        "pointure": ("DROPDOWN", {str(n) for n in range(36, 46)}),
        "taille": ("DROPDOWN", {"s", "m", "l"}),
    }
    for slug, (input_type, values) in expected.items():
        assert ATTRIBUTES[slug]["input_type"] == input_type, slug
        assert values <= VALUES[slug], (slug, values - VALUES[slug])
    assert VALUES["pointure"] == {str(n) for n in range(36, 46)}
    assert ATTRIBUTES["couleur"]["input_type"] == "MULTISELECT" and len(VALUES["couleur"]) >= 10
    for value in ATTRIBUTES["couleur"]["values"]:
        assert HEX.match(value.get("hex", "")), value["slug"]


def test_product_types():
    expected_hs = {"tapis": "570110", "kilim": "570210", "coussin": "630493", "poterie": "691390", "tajine": "691200",
                   "panneau-zellige": "690790", "table": "940360", "pouf": "940490", "sac": "420221",
                   "babouches": "640399", "bijou": "711311", "boite-bois": "442090", "bol-bois": "441990",
                   "lanterne": "940540", "plateau": "741810", "panier": "460219"}
    for slug, hs in expected_hs.items():
        assert PRODUCT_TYPES[slug]["hs_code"] == hs, slug
    assert PRODUCT_TYPES["babouches"]["variant_attributes"] == ["pointure"]
    for pt in data.PRODUCT_TYPES:
        assert re.fullmatch(r"\d{6}", pt["hs_code"]), pt["slug"]
        assert pt["is_shipping_required"] is True
        assert is_positive_decimal(pt["weight_kg"]), pt["slug"]
        assert pt["has_variants"] == bool(pt["variant_attributes"]), pt["slug"]
        for slug in pt["attributes"] + pt["variant_attributes"]:
            assert slug in ATTRIBUTES, (pt["slug"], slug)
        for slug in ("materiau", "technique", "region-origine", "couleur"):
            assert slug in pt["attributes"], (pt["slug"], slug)
        for slug in pt["variant_attributes"]:
            assert ATTRIBUTES[slug]["input_type"] == "DROPDOWN", (pt["slug"], slug)
            assert slug not in pt["attributes"], (pt["slug"], slug)


def test_labels():
    assert {"cooperative", "label-qualite", "expo-artisan-2025", "expo-artisan-2026", "commerce-equitable",
            "femmes-artisanes"} <= LABELS
    names = {label["slug"]: label["name"]["fr"] for label in data.LABELS}
    assert names["label-qualite"] == "Label qualité"
    assert names["expo-artisan-2025"] == "Expo artisan Marrakech 2025"


# --- Artisans ------------------------------------------------------------------------------------

def test_artisans():
    assert {a["verification"] for a in data.ARTISANS} == {"VERIFIED", "PENDING"}
    assert 1 <= sum(a["verification"] == "PENDING" for a in data.ARTISANS) <= 5
    assert {a["kind"] for a in data.ARTISANS} == {"MONO_ARTISAN", "COOPERATIVE", "PME"}
    for artisan in data.ARTISANS:
        slug = artisan["slug"]
        assert artisan["region"] in REGION_CODES, slug
        assert artisan["name"].strip() and artisan["city"].strip(), slug
        assert artisan["crafts"] and set(artisan["crafts"]) <= set(CRAFTS), slug
        assert set(artisan["labels"]) <= LABELS, slug
        assert artisan["languages"] and set(artisan["languages"]) <= {"ar", "fr", "en"}, slug
        assert artisan["member"]["email"] == f"{slug}@demo.maalem.ma", slug
        assert artisan["member"]["first_name"] and artisan["member"]["last_name"], slug
        rate = Decimal(artisan["commission_rate"])
        assert Decimal("0.08") <= rate <= Decimal("0.15"), slug


def test_artisan_phones_are_valid_moroccan_mobiles():
    phones = [a["phone"] for a in data.ARTISANS]
    assert len(phones) == len(set(phones))
    for phone in phones:
        assert re.fullmatch(r"\+2126\d{8}", phone), phone
        number = phonenumbers.parse(phone)
        assert phonenumbers.is_valid_number(number), phone
        assert phonenumbers.region_code_for_number(number) == "MA", phone
        assert phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE, phone


def test_geography_is_realistic():
    def regions_of(craft_child: str) -> set[str]:
        return {ARTISANS[p["artisan"]]["region"] for p in data.PRODUCTS if p["category"] == craft_child}

    assert regions_of("tapis-berberes") <= {"fes-meknes", "beni-mellal-khenifra", "draa-tafilalet", "souss-massa",
                                            "oriental"}
    assert regions_of("poterie-safi") == {"marrakech-safi"}
    assert regions_of("zellige-panneaux") | regions_of("tables-zellige") == {"fes-meknes"}
    assert regions_of("thuya") == {"marrakech-safi"}
    assert regions_of("bijoux-argent") >= {"souss-massa"}


# --- Products ------------------------------------------------------------------------------------

def test_product_references_and_attributes():
    for product in data.PRODUCTS:
        slug = product["slug"]
        artisan = ARTISANS[product["artisan"]]
        assert product["category"] in CHILDREN, slug
        pt = PRODUCT_TYPES[product["product_type"]]
        attributes = product["attributes"]
        assert {"materiau", "technique", "region-origine", "couleur"} <= set(attributes), slug
        assert set(attributes) <= set(pt["attributes"]), (slug, set(attributes) - set(pt["attributes"]))
        for attr_slug, value in attributes.items():
            input_type = ATTRIBUTES[attr_slug]["input_type"]
            if input_type == "NUMERIC":
                assert isinstance(value, str) and Decimal(value) > 0, (slug, attr_slug, value)
            else:
                assert isinstance(value, list) and value, (slug, attr_slug)
                assert len(value) == len(set(value)), (slug, attr_slug)
                assert set(value) <= VALUES[attr_slug], (slug, attr_slug, value)
                if input_type == "DROPDOWN":
                    assert len(value) == 1, (slug, attr_slug)
        assert attributes["region-origine"] == [artisan["region"]], slug


def test_render_and_photos():
    for product in data.PRODUCTS:
        render = product["render"]
        assert render["kind"] in RENDER_KINDS, product["slug"]
        assert 2 <= len(render["palette"]) <= 4, product["slug"]
        assert all(HEX.match(c) for c in render["palette"]), product["slug"]
        assert 1 <= product["photos"] <= 4, product["slug"]
        assert isinstance(product["phone_shot"], bool)
        if product["phone_shot"]:
            assert product["photos"] >= 2, product["slug"]
    share = sum(p["phone_shot"] for p in data.PRODUCTS) / len(data.PRODUCTS)
    assert 0.10 <= share <= 0.20, share


def test_variants():
    for product in data.PRODUCTS:
        slug = product["slug"]
        pt = PRODUCT_TYPES[product["product_type"]]
        variants = product["variants"]
        assert variants, slug
        if not pt["has_variants"]:
            assert len(variants) == 1, slug
        for variant in variants:
            assert SKU.match(variant["sku"]), variant["sku"]
            assert set(variant["attributes"]) == set(pt["variant_attributes"]), (slug, variant["sku"])
            for attr_slug, value in variant["attributes"].items():
                assert value in VALUES[attr_slug], (variant["sku"], attr_slug, value)
            assert is_money(variant["price_mad"]), (variant["sku"], variant["price_mad"])
            assert isinstance(variant["stock"], int) and variant["stock"] >= 1, variant["sku"]
            assert is_positive_decimal(variant["weight_kg"]), variant["sku"]
            dims = variant["dimensions_cm"]
            assert len(dims) == 3 and all(isinstance(d, int) and d > 0 for d in dims), variant["sku"]
            assert isinstance(variant["name"], str)
        if len(variants) > 1:
            assert all(v["name"] for v in variants), slug
            combos = [tuple(sorted(v["attributes"].items())) for v in variants]
            assert len(combos) == len(set(combos)), slug
    pointure_products = [p for p in data.PRODUCTS if p["product_type"] == "babouches"]
    assert pointure_products and all(len(p["variants"]) >= 5 for p in pointure_products)
    multi_size = {p["product_type"] for p in data.PRODUCTS
                  if len(p["variants"]) > 1 and p["product_type"] != "babouches"}
    assert {"coussin", "sac"} <= multi_size


def test_unique_pieces():
    for product in data.PRODUCTS:
        if product["unique"]:
            assert len(product["variants"]) == 1 and product["variants"][0]["stock"] == 1, product["slug"]
        if product["category"] in ("tapis-berberes", "zellige-panneaux"):
            assert product["unique"], product["slug"]
    share = sum(p["unique"] for p in data.PRODUCTS) / len(data.PRODUCTS)
    assert 0.30 <= share <= 0.50, share


@pytest.mark.parametrize("category, low, high", [
    ("babouches", 250, 450), ("tajines", 150, 600), ("tapis-berberes", 1500, 25000), ("kilims", 1000, 15000),
    ("vaisselle", 100, 1500), ("bijoux-argent", 300, 5000), ("paniers", 100, 600), ("lanternes", 150, 4000),
])
def test_prices_are_realistic(category, low, high):
    prices = [Decimal(v["price_mad"]) for p in data.PRODUCTS if p["category"] == category for v in p["variants"]]
    assert prices and low <= min(prices) and max(prices) <= high, (min(prices), max(prices))


# --- Collections, pricing, users -----------------------------------------------------------------

def test_collections():
    slugs = {c["slug"] for c in data.COLLECTIONS}
    assert {"expo-artisan-marrakech", "tapis-de-l-atlas", "cadeaux-moins-de-500-dh", "maison-d-hote",
            "export-selection"} <= slugs
    ranks = [c["featured_rank"] for c in data.COLLECTIONS if c["featured_rank"] is not None]
    assert ranks and len(ranks) == len(set(ranks)) and all(isinstance(r, int) for r in ranks)
    for collection in data.COLLECTIONS:
        members = collection["products"]
        assert 6 <= len(members) <= 16, collection["slug"]
        assert len(members) == len(set(members)), collection["slug"]
        for slug in members:
            assert slug in PRODUCTS, (collection["slug"], slug)
            assert ARTISANS[PRODUCTS[slug]["artisan"]]["verification"] == "VERIFIED", (collection["slug"], slug)
        assert collection["channels"] and set(collection["channels"]) <= CHANNELS, collection["slug"]
        for listing in collection["channels"].values():
            assert isinstance(listing["published"], bool)
            assert isinstance(listing["starts_in_days"], int) and listing["starts_in_days"] >= 0


def test_collection_scheduling():
    scheduled = [c for c in data.COLLECTIONS
                 if set(c["channels"]) == CHANNELS
                 and all(ch["published"] and ch["starts_in_days"] > 0 for ch in c["channels"].values())]
    assert scheduled, "one collection must be scheduled in the future in every channel"
    export_only = [c for c in data.COLLECTIONS
                   if {s for s, ch in c["channels"].items() if ch["published"]} == {"export", "export-usd"}]
    assert [c["slug"] for c in export_only] == ["export-selection"]


def test_collection_contents_match_their_promise():
    by_slug = {c["slug"]: c for c in data.COLLECTIONS}
    for slug in by_slug["cadeaux-moins-de-500-dh"]["products"]:
        assert all(Decimal(v["price_mad"]) < 500 for v in PRODUCTS[slug]["variants"]), slug
    for slug in by_slug["tapis-de-l-atlas"]["products"]:
        assert PRODUCTS[slug]["category"] in ("tapis-berberes", "kilims"), slug
    for slug in by_slug["expo-artisan-marrakech"]["products"]:
        labels = ARTISANS[PRODUCTS[slug]["artisan"]]["labels"]
        assert {"expo-artisan-2025", "expo-artisan-2026"} & set(labels), slug


def test_price_rules():
    assert data.PRICE_RULES == {
        "export": {"rate": "0.0920", "margin": "0.25", "rounding": "0.50"},
        "export-usd": {"rate": "0.1000", "margin": "0.25", "rounding": "1.00"},
    }


def test_users():
    users = {u["email"]: u for u in data.USERS}
    assert users["admin@demo.maalem.ma"]["role"] == "ADMIN"
    assert users["curateur@demo.maalem.ma"]["role"] == "CURATOR"
    assert users["client@demo.maalem.ma"]["role"] == "BUYER"
    assert users["client@demo.maalem.ma"]["address"]["city"] == "Casablanca"
    for user in data.USERS:
        assert user["password"] == f"demo-{user['role'].lower()}-2026"
        assert user["first_name"] and user["last_name"]
    assert data.DEMO_ARTISAN_PASSWORD == "demo-artisan-2026"
    member_emails = {a["member"]["email"] for a in data.ARTISANS}
    assert not member_emails & set(users)
