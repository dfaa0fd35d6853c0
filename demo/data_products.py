"""Demo catalog, part 3: the products, generated from the product lines and per-artisan plans.

``PLANS`` says, for each artisan, which pieces it sells: (line, model, colourway, motif, size).
``build_products`` turns every plan entry into a product dict in the loader's shape: names and
descriptions in three languages assembled from the line tables, attributes, variants with SKUs,
prices in MAD, stock, render hints and photo counts. Everything is deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from .data_artisans import ARTISANS, CITY_NAMES, SKU_CODES
from .data_colours import COLOURWAYS
from .data_lines_ceramics import LINES as _CERAMICS
from .data_lines_leather import LINES as _LEATHER
from .data_lines_textiles import LINES as _TEXTILES
from .data_lines_wood_metal import LINES as _WOOD_METAL
from .data_taxonomy import ATTRIBUTES, PRODUCT_TYPES

LANGS = ("fr", "ar", "en")
LINES: dict[str, dict] = {**_TEXTILES, **_CERAMICS, **_LEATHER, **_WOOD_METAL}
PRODUCT_SEED_BASE = 1000


def P(line: str, model: str, colour: str, motif: str, size: int = 0, *, unique: bool | None = None,
      sizes: str | None = None, pointures: tuple[int, int] | None = None) -> dict:
    """One planned product. ``size`` picks a row of the model's sizes; ``sizes="all"`` sells every
    size as a variant (lines with a ``taille`` variant); ``pointures`` is the shoe-size range."""
    return {"line": line, "model": model, "colour": colour, "motif": motif, "size": size, "unique": unique,
            "sizes": sizes, "pointures": pointures}


PLANS: dict[str, list[dict]] = {
    "cooperative-tifaout": [
        P("tapis-berberes", "azilal", "multicolore", "dessin-libre", 1),
        P("tapis-berberes", "azilal", "safran", "losanges", 0),
        P("tapis-berberes", "azilal", "garance", "chevrons", 2),
        P("tapis-berberes", "azilal", "rose-poudre", "dessin-libre", 0),
        P("tapis-berberes", "boucherouite", "multicolore", "frises", 1),
        P("coussins-textiles", "pompons", "safran", "losanges", sizes="all"),
        P("coussins-textiles", "pompons", "multicolore", "etoile", 1),
    ],
    "fatima-ouchen": [
        P("tapis-berberes", "beni-ouarain", "ivoire-noir", "losanges", 1),
        P("tapis-berberes", "beni-ouarain", "ivoire-brun", "treillis", 2),
        P("tapis-berberes", "beni-ouarain", "ivoire", "uni", 3),
        P("tapis-berberes", "beni-ouarain", "creme-gris", "chevrons", 0),
        P("tapis-berberes", "beni-ouarain", "ivoire-noir", "medaillon", 2),
    ],
    "cooperative-tamazirt": [
        P("tapis-berberes", "glaoua", "garance", "losanges", 1),
        P("tapis-berberes", "glaoua", "rouge-henne", "frises", 0),
        P("tapis-berberes", "glaoua", "safran", "medaillon", 2),
        P("kilims", "ouzguita", "garance", "bandes", 0),
        P("kilims", "ouzguita", "indigo", "losanges-crochetes", 1),
        P("kilims", "ouzguita", "rouge-henne", "triangles", 1),
    ],
    "cooperative-nour-zemmour": [
        P("kilims", "zemmour", "garance", "losanges-crochetes", 2),
        P("kilims", "zemmour", "multicolore", "bandes", 1),
        P("kilims", "zemmour", "rouge-noir", "fibule", 0),
        P("coussins-textiles", "kilim", "garance", "rayures", sizes="all"),
        P("coussins-textiles", "sabra", "majorelle", "losanges", sizes="all"),
        P("coussins-textiles", "sabra", "turquoise", "rayures", 1),
    ],
    "zahra-bensaid": [
        P("tapis-berberes", "beni-guil", "ivoire", "uni", 0),
        P("tapis-berberes", "beni-guil", "creme-gris", "treillis", 1),
        P("kilims", "hanbel-beni-guil", "ivoire-brun", "bandes", 0),
        P("coussins-textiles", "kilim", "ivoire-brun", "franges", sizes="all"),
    ],
    "cooperative-ennakhil": [
        P("paniers", "palme", "naturel", "couvercle", 0),
        P("paniers", "palme", "rouge-henne", "bandes", 1),
        P("paniers", "palme", "indigo", "chevrons", 1),
        P("paniers", "palme", "naturel", "anses", 1),
    ],
    "poterie-serghini": [
        P("poterie-safi", "vase", "bleu-blanc", "arabesques", 0),
        P("poterie-safi", "jarre", "turquoise", "flamme", 0, unique=True),
        P("poterie-safi", "lampe", "miel", "entrelacs", 0),
        P("poterie-safi", "cache-pot", "multicolore", "poissons", 1),
        P("tajines", "safi-service", "bleu-blanc", "fleurs", 1),
        P("vaisselle", "plat-couscous", "miel", "poissons", 0),
        P("vaisselle", "assiettes", "bleu-blanc", "rosace", 0),
        P("vaisselle", "plat-decoratif", "turquoise", "arabesques", 0, unique=True),
    ],
    "faiencerie-bennani": [
        P("vaisselle", "plat-couscous", "bleu-fes", "arabesques", 1),
        P("vaisselle", "bols", "bleu-fes", "epis", 0),
        P("vaisselle", "pichet", "bleu-fes", "rosace", 0),
        P("vaisselle", "coupelles", "bleu-fes", "entrelacs", 0),
        P("vaisselle", "plat-decoratif", "bleu-fes", "rosace", 0, unique=True),
        P("zellige-panneaux", "panneau", "zellige-multi", "khatem", 1),
        P("zellige-panneaux", "miroir", "bleu-blanc", "arc", 0),
    ],
    "cooperative-tamegroute": [
        P("tajines", "tamegroute", "vert-tamegroute", "coulures", 0),
        P("tajines", "tamegroute", "miel", "etoile", 1),
        P("vaisselle", "bols", "vert-tamegroute", "coulures", 0),
        P("vaisselle", "plat-couscous", "vert-tamegroute", "epis", 0),
        P("vaisselle", "pichet", "vert-tamegroute", "coulures", 0),
        P("vaisselle", "coupelles", "miel", "epis", 0),
    ],
    "driss-lahlou": [
        P("zellige-panneaux", "panneau", "zellige-multi", "rosace-16", 2),
        P("zellige-panneaux", "panneau", "noir-blanc", "chebka", 0),
        P("zellige-panneaux", "fontaine", "zellige-multi", "arc", 0),
        P("tables-zellige", "table-basse", "bleu-blanc", "khatem", 0),
        P("tables-zellige", "table-bistrot", "noir-blanc", "damier", 0),
        P("tables-zellige", "table-repas", "zellige-multi", "chebka", 0),
    ],
    "zellige-bab-mansour": [
        P("zellige-panneaux", "panneau", "vert-noir", "khatem", 0),
        P("zellige-panneaux", "panneau", "bleu-blanc", "damier", 1),
        P("zellige-panneaux", "miroir", "vert-noir", "chebka", 1),
        P("tables-zellige", "table-basse", "vert-noir", "rosace-16", 1),
        P("tables-zellige", "table-basse", "turquoise", "chebka", 0),
        P("tables-zellige", "table-bistrot", "bleu-blanc", "khatem", 0),
    ],
    "maroquinerie-chouara": [
        P("poufs", "brode", "cognac", "etoile", 0),
        P("poufs", "brode", "indigo", "arcades", 1),
        P("poufs", "kilim", "garance", "surpiqures", 0, unique=True),
        P("sacs", "cabas", "cognac", "pompons", sizes="all"),
        P("sacs", "besace", "noir-ebene", "surpiqures", sizes="all"),
        P("sacs", "pochette", "safran", "broderie-fes", 0),
        P("babouches", "pointues", "safran", "surpiqures", pointures=(39, 45)),
        P("babouches", "brodees", "rose-poudre", "paillettes", pointures=(36, 41)),
    ],
    "youssef-amrani": [
        P("babouches", "classique", "safran", "pompon", pointures=(37, 44)),
        P("babouches", "classique", "majorelle", "lisere", pointures=(37, 44)),
        P("babouches", "bout-rond", "caramel", "surpiqures", pointures=(39, 45)),
        P("babouches", "nubuck", "rose-poudre", "tressee", pointures=(36, 41)),
        P("babouches", "brodees", "noir-ebene", "paillettes", pointures=(36, 41)),
    ],
    "cooperative-tighmert": [
        P("poufs", "sahraoui", "sahara", "losanges-ajoures", 0),
        P("poufs", "sahraoui", "caramel", "surpiqures", 1),
        P("sacs", "sahraoui", "sahara", "graves", sizes="all"),
        P("sacs", "sahraoui", "caramel", "franges", 1, unique=True),
        P("sacs", "besace", "rouge-henne", "graves", sizes="all"),
    ],
    "cooperative-sakia-el-hamra": [
        P("poufs", "sahraoui", "rouge-noir", "losanges-ajoures", 1, unique=True),
        P("sacs", "sahraoui", "noir-ebene", "pompons", sizes="all"),
        P("bijoux-argent", "collier", "argent-ebene", "sahraouia", 0),
        P("bijoux-argent", "manchette", "argent-massif", "sahraouia", 0),
        P("bijoux-argent", "boucles", "argent-massif", "pampilles", 0),
    ],
    "cooperative-oued-eddahab": [
        P("kilims", "sahraoui", "sable", "bandes", 0),
        P("kilims", "sahraoui", "noir-blanc", "triangles", 1),
        P("coussins-textiles", "kilim", "sable", "rayures", sizes="all"),
        P("poufs", "sahraoui", "sable", "etoile", 0),
    ],
    "bijouterie-ait-baamrane": [
        P("bijoux-argent", "collier", "argent-emaux", "tazra", 1, unique=True),
        P("bijoux-argent", "fibules", "argent-massif", "triangles", 0, unique=True),
        P("bijoux-argent", "manchette", "argent-emaux", "etoile", 1),
        P("bijoux-argent", "boucles", "argent-corail", "khamsa", 0),
        P("bijoux-argent", "bague", "argent-corail", "etoile", 0),
        P("bijoux-ambre", "sautoir", "ambre-argent", "tazra", 0, unique=True),
        P("bijoux-ambre", "pendentif", "ambre", "khamsa", 0),
        P("bijoux-ambre", "bracelet", "ambre-corail", "pampilles", 0),
    ],
    "cooperative-tafoukt": [
        P("paniers", "doum", "naturel", "pompons", 0),
        P("paniers", "couffin", "naturel", "broderie", 0),
        P("paniers", "doum", "safran", "bandes", 1),
        P("bijoux-ambre", "sautoir", "ambre-corail", "medaillon", 0),
        P("bijoux-ambre", "bracelet", "ambre", "pampilles", 0),
    ],
    "abdellah-ait-lhaj": [
        P("thuya", "coffret", "citronnier", "mogador", 1, unique=True),
        P("thuya", "coffret", "nacre", "etoile", 0),
        P("thuya", "echiquier", "citronnier", "entrelacs", 0, unique=True),
        P("thuya", "bol", "thuya-nature", "ronce", 0),
        P("thuya", "bol", "thuya-nature", "bord-sculpte", 1),
        P("thuya", "boite-bijoux", "nacre", "ronce", 0),
    ],
    "cooperative-arz-azrou": [
        P("cedre", "coffre-peint", "vert-menthe", "fleurs", 0, unique=True),
        P("cedre", "coffre-peint", "garance", "entrelacs", 1, unique=True),
        P("cedre", "boite-sculptee", "cedre-nature", "rosace", 0),
        P("cedre", "saladier", "cedre-nature", "cannelures", 0),
        P("cedre", "saladier", "cedre-nature", "bord-sculpte", 1),
        P("cedre", "coupe", "cedre-nature", "fleurs", 0),
    ],
    "mohamed-ouhammou": [
        P("cedre", "boite-sculptee", "cedre-nature", "losanges-zayanes", 1),
        P("cedre", "coupe", "cedre-nature", "losanges-zayanes", 0),
        P("cedre", "coffre-peint", "indigo", "losanges-zayanes", 0, unique=True),
        P("cedre", "boite-sculptee", "cedre-nature", "entrelacs", 0),
    ],
    "dinanderie-mouassine": [
        P("lanternes", "laiton", "laiton", "nejma", 1),
        P("lanternes", "laiton", "laiton-vieilli", "koutoubia", 2, unique=True),
        P("lanternes", "verre", "laiton-verre", "mouassine", 1),
        P("lanternes", "applique", "laiton", "hilal", 0),
        P("lanternes", "photophore", "laiton", "zahra", 0),
        P("plateaux", "plateau-the", "laiton", "marrakchia", 1),
        P("plateaux", "table-plateau", "laiton-vieilli", "andalouse", 0, unique=True),
        P("plateaux", "plateau-the", "laiton-vieilli", "chems", 2),
    ],
    "hassan-tazi": [
        P("plateaux", "cuivre", "cuivre", "seffarine", 0),
        P("plateaux", "cuivre", "cuivre", "nejma", 1),
        P("plateaux", "tass", "laiton", "fassia", 0),
        P("plateaux", "plateau-the", "laiton", "fassia", 0),
        P("lanternes", "suspension", "cuivre", "seffarine", 0, unique=True),
        P("lanternes", "laiton", "laiton", "fassia", 0),
    ],
    "cooperative-oulja": [
        P("tajines", "cuisson", "terracotta", "strie", 0),
        P("tajines", "cuisson", "miel", "emaille-int", 1),
        P("tajines", "cuisson", "terracotta", "emaille-int", 2),
        P("paniers", "rangement", "naturel", "couvercle", 0),
        P("paniers", "rangement", "naturel", "chevrons", 1),
        P("paniers", "doum", "vert-menthe", "anses", 1),
    ],
    "cooperative-nisaa-al-jabal": [
        P("chapeaux", "jebli", "naturel", "pompons", sizes="all"),
        P("chapeaux", "paille", "naturel", "bord-large", sizes="all"),
        P("chapeaux", "raphia", "sable", "ruban", sizes="all"),
        P("paniers", "osier", "naturel", "chevrons", 0),
        P("paniers", "osier", "rouge-blanc", "bandes", 0),
        P("coussins-textiles", "jebli", "rouge-blanc", "rayures", sizes="all"),
    ],
    "cooperative-dar-trez-azemmour": [
        P("coussins-textiles", "azemmour", "garance", "oiseaux", 1, unique=True),
        P("coussins-textiles", "azemmour", "indigo", "arbre", 1, unique=True),
        P("coussins-textiles", "azemmour", "garance", "arbre", 2, unique=True),
        P("coussins-textiles", "azemmour", "indigo", "etoile", 0, unique=True),
    ],
}

_JOIN = {"fr": (", ", " et "), "ar": ("، ", " و"), "en": (", ", " and ")}
# Which element of a (l, w, h) size feeds each numeric attribute; bags are measured width × height.
_DIM_INDEX = {"longueur-cm": 0, "largeur-cm": 1, "hauteur-cm": 2, "diametre-cm": 0}
_DIM_INDEX_BY_TYPE = {"sac": {"largeur-cm": 0, "hauteur-cm": 2}}


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]


def _join(items: list[str], lang: str) -> str:
    sep, last = _JOIN[lang]
    return items[0] if len(items) == 1 else sep.join(items[:-1]) + last + items[-1]


def _price(base: int, seed: int) -> Decimal:
    """The model price nudged by up to ±6 % per piece, rounded to a price an artisan would ask."""
    raw = Decimal(base) * (1 + Decimal((seed * 37) % 9 - 4) * Decimal("0.015"))
    step = Decimal(10) if raw < 1000 else Decimal(50) if raw < 5000 else Decimal(100)
    return ((raw / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step).quantize(Decimal("0.01"))


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _product(index: int, artisan: dict, plan: dict) -> dict:
    line = LINES[plan["line"]]
    model = line["models"][plan["model"]]
    colour = COLOURWAYS[plan["colour"]]
    motif = line["motifs"][plan["motif"]]
    seed = PRODUCT_SEED_BASE + index
    product_type = model.get("product_type", line["product_type"])
    variant_attr = line.get("variant")
    unique = line.get("unique", False) if plan["unique"] is None else plan["unique"]
    city = CITY_NAMES[artisan["city"]]
    sizes = model["sizes"]
    sku_base = f"MAA-{SKU_CODES[artisan['slug']]}-{index:04d}"

    name = {}
    for lang in LANGS:
        c = colour.get("fr_pl", colour["fr"]) if lang == "fr" and line.get("plural") else colour[lang]
        name[lang] = _clean(model["name"][lang].format(c=c, m=motif["name"][lang]))

    chosen = sizes if plan["sizes"] == "all" else [sizes[plan["size"]]]
    key, dims, base_price, weight = chosen[len(chosen) // 2]
    dims_text = model.get("dims", line["dims"])
    care = model.get("care", line["care"])
    stock_lo, stock_hi = line.get("stock", (1, 1))

    variants = []
    if variant_attr == "pointure":
        first, last = plan["pointures"]
        price = _price(base_price, seed)
        for i, size in enumerate(range(first, last + 1)):
            length = dims[0] + (size - 40) // 2  # a slightly longer box for larger sizes
            variants.append({"sku": f"{sku_base}-{size}", "name": str(size), "attributes": {"pointure": str(size)},
                             "price_mad": str(price),
                             "stock": stock_lo + (seed * 7 + i * 3) % (stock_hi - stock_lo + 1),
                             "weight_kg": weight, "dimensions_cm": [length, dims[1], dims[2]]})
        size_sentence = {lang: dims_text[lang].format(a=first, b=last) for lang in LANGS}
    else:
        for i, (vkey, vdims, vprice, vweight) in enumerate(chosen):
            label = (vkey or "").upper()
            variant = {"sku": sku_base + (f"-{label}" if variant_attr else ""),
                       "name": (line["variant_name"].format(label=label, l=vdims[0], w=vdims[1], h=vdims[2])
                                if variant_attr else ""),
                       "attributes": {variant_attr: vkey} if variant_attr else {},
                       "price_mad": str(_price(vprice, seed)),
                       "stock": 1 if unique else stock_lo + (seed * 7 + i * 3) % (stock_hi - stock_lo + 1),
                       "weight_kg": vweight, "dimensions_cm": list(vdims)}
            variants.append(variant)
        if len(chosen) > 1:
            size_sentence = {lang: line["multi"][lang].format(sizes=_join(
                [line["size_item"][lang].format(label=(k or "").upper(), l=d[0], w=d[1], h=d[2])
                 for k, d, _, _ in chosen],
                lang)) for lang in LANGS}
        else:
            size_sentence = {lang: dims_text[lang].format(l=dims[0], w=dims[1], h=dims[2]) for lang in LANGS}

    description = {
        lang: " ".join([model["desc"][lang].format(city=city[lang]), motif["desc"][lang], size_sentence[lang],
                        care[seed % len(care)][lang]])
        for lang in LANGS
    }

    attributes: dict[str, object] = {
        "materiau": _dedupe(model["materials"] + colour.get("materials", [])),
        "technique": [colour.get("technique", model["technique"])],
        "region-origine": [artisan["region"]],
        "couleur": list(colour["couleur"]),
    }
    index_map = {**_DIM_INDEX, **_DIM_INDEX_BY_TYPE.get(product_type, {})}
    for attr in _NUMERIC_BY_TYPE[product_type]:
        attributes[attr] = str(dims[index_map[attr]])

    phone_shot = index % 7 == 3
    photos = 3 + seed % 2 if unique else 1 + seed % 3
    return {
        "slug": slugify(name["fr"]),
        "artisan": artisan["slug"],
        "category": plan["line"],
        "product_type": product_type,
        "name": name,
        "description": description,
        "attributes": attributes,
        "variants": variants,
        "unique": unique,
        "render": {"kind": model.get("render", line["render"]), "palette": list(colour["palette"]),
                   "motif": plan["motif"]},
        "photos": max(photos, 2) if phone_shot else photos,
        "phone_shot": phone_shot,
        "seed": seed,
    }


def _numeric_by_type() -> dict[str, list[str]]:
    numeric = {a["slug"] for a in ATTRIBUTES if a["input_type"] == "NUMERIC"}
    return {pt["slug"]: [a for a in pt["attributes"] if a in numeric] for pt in PRODUCT_TYPES}


_NUMERIC_BY_TYPE = _numeric_by_type()


def build_products() -> list[dict]:
    products = []
    for artisan in ARTISANS:
        for plan in PLANS.get(artisan["slug"], []):
            products.append(_product(len(products) + 1, artisan, plan))
    return products


PRODUCTS: list[dict] = build_products()
