"""Demo catalog, part 4: curated collections, export price rules and the demo logins."""

from __future__ import annotations

from .data_lines_textiles import t

ALL_CHANNELS = ("maroc", "touristes", "export", "export-usd")
EXPORT_CHANNELS = ("export", "export-usd")


def _everywhere(starts_in_days: int = 0) -> dict[str, dict]:
    return {slug: {"published": True, "starts_in_days": starts_in_days} for slug in ALL_CHANNELS}


def _export_only() -> dict[str, dict]:
    return {slug: {"published": slug in EXPORT_CHANNELS, "starts_in_days": 0} for slug in ALL_CHANNELS}


COLLECTIONS: list[dict] = [
    {
        "slug": "expo-artisan-marrakech",
        "name": t("Expo artisan Marrakech", "معرض الصانع التقليدي بمراكش", "Marrakech Artisan Expo"),
        "description": t(
            "Les pièces des artisans sélectionnés pour l'exposition nationale de l'artisanat de Marrakech "
            "en 2025 et 2026 : tapis, zellige, dinanderie, argent de Tiznit et thuya d'Essaouira.",
            "قطع الحرفيين الذين وقع عليهم الاختيار للمعرض الوطني للصناعة التقليدية "
            "بمراكش سنتي 2025 و2026: زرابي وزليج وأوانٍ نحاسية وفضة تزنيت وعرعار الصويرة.",
            "Pieces by the artisans selected for the national crafts exhibition in Marrakech "
            "in 2025 and 2026: rugs, zellige, metalwork, Tiznit silver and Essaouira thuya."),
        "products": [
            "tapis-beni-ouarain-ivoire-et-noir-a-losanges",
            "lanterne-ciselee-en-laiton-koutoubia",
            "collier-en-argent-emaille-tazra",
            "table-basse-ronde-en-zellige-bleu-et-blanc-khatem-soulaymane",
            "jarre-de-safi-turquoise-a-email-flamme",
            "coffret-en-thuya-et-citronnier-mogador",
            "pouf-en-cuir-brode-cognac-a-etoile",
            "panneau-de-zellige-vert-bleu-et-blanc-khatem-soulaymane",
            "babouches-en-cuir-de-chevre-bleu-majorelle-a-lisere-contraste",
            "chapeau-jebli-couleur-naturelle-a-pompons",
            "sautoir-en-ambre-et-argent-tazra",
            "tapis-beni-ouarain-ivoire-uni",
            "plateau-a-the-en-laiton-cisele-marrakchia",
            "panier-en-palmier-doum-couleur-naturelle-a-pompons",
        ],
        "featured_rank": 1, "seed": 501, "channels": _everywhere(),
    },
    {
        "slug": "tapis-de-l-atlas",
        "name": t("Tapis de l'Atlas", "زرابي الأطلس", "Rugs of the Atlas"),
        "description": t(
            "Du Moyen Atlas des Beni Ouarain aux vallées d'Azilal et au pied du Siroua : des "
            "tapis noués et des kilims tissés par les femmes de la montagne, chacun pièce unique.",
            "من الأطلس المتوسط حيث بنو وراين إلى وديان أزيلال وسفح جبل سيروا: "
            "زرابي معقودة وحنابل نسجتها نساء الجبل، وكل واحدة منها قطعة فريدة.",
            "From the Beni Ouarain's Middle Atlas to the valleys of Azilal and the foot of "
            "Mount Siroua: knotted rugs and kilims woven by mountain women, each one of a kind."),
        "products": [
            "tapis-beni-ouarain-ivoire-et-brun-a-treillis",
            "tapis-azilal-multicolore-a-dessin-libre",
            "tapis-glaoua-de-taznakht-rouge-garance-a-losanges",
            "tapis-beni-ouarain-creme-et-gris-a-chevrons",
            "tapis-azilal-rouge-garance-a-chevrons",
            "kilim-ouzguita-bleu-indigo-a-losanges-crochetes",
            "tapis-beni-ouarain-ivoire-et-noir-a-medaillon",
            "tapis-glaoua-de-taznakht-safran-a-medaillon",
            "tapis-azilal-rose-poudre-a-dessin-libre",
            "tapis-boucherouite-multicolore-a-frises",
            "kilim-ouzguita-rouge-henne-a-triangles",
            "tapis-glaoua-de-taznakht-rouge-henne-a-frises",
        ],
        "featured_rank": 2, "seed": 502, "channels": _everywhere(),
    },
    {
        "slug": "cadeaux-moins-de-500-dh",
        # Every piece costs under 500 MAD, but the name names no currency: it is also shown in EUR and USD.
        "name": t("Petits cadeaux faits main", "هدايا صغيرة مصنوعة يدويًا", "Small handmade gifts"),
        "description": t(
            "Babouches, coupelles, bijoux, boîtes en thuya et chapeaux "
            "de paille : des idées de cadeaux faits main à petit prix.",
            "بلاغي وصحون صغيرة وحلي وعلب من العرعار وقبعات من القش: أفكار لهدايا مصنوعة يدويًا بأسعار صغيرة.",
            "Babouches, small dishes, jewellery, thuya boxes and straw hats: handmade gift ideas at small prices."),
        "products": [
            "babouches-en-cuir-de-chevre-safran-a-pompon",
            "trio-de-coupelles-a-olives-bleu-de-fes-a-entrelacs",
            "photophore-en-laiton-zahra",
            "bracelet-en-ambre-et-corail-a-pampilles",
            "coffret-en-thuya-et-nacre-a-etoile-marquetee",
            "chapeau-de-paille-couleur-naturelle-a-larges-bords",
            "lot-de-4-bols-vert-bouteille-a-coulures",
            "boucles-d-oreilles-en-argent-et-corail-a-la-khamsa",
            "couffin-de-marche-couleur-naturelle-a-broderie-de-laine",
            "pochette-en-cuir-safran-a-broderie-de-fes",
            "boite-a-bijoux-en-thuya-et-nacre-en-loupe-veinee",
            "tajine-de-tamegroute-vert-bouteille-a-coulures",
            "coussin-en-tissage-jebli-rouge-et-blanc-a-rayures",
            "pichet-bleu-de-fes-a-rosace",
        ],
        "featured_rank": 3, "seed": 503, "channels": _everywhere(),
    },
    {
        "slug": "maison-d-hote",
        "name": t("Maison d'hôte", "دار الضيافة", "Guesthouse"),
        "description": t(
            "Tout pour décorer un riad ou une maison d'hôte : lanternes, tables et "
            "fontaines en zellige, poufs brodés, coffres peints et coussins d'Azemmour.",
            "كل ما يلزم لتزيين رياض أو دار ضيافة: فوانيس، وطاولات ونافورات "
            "من الزليج، وبوفات مطرزة، وصناديق مزوّقة، ووسائد بطرز أزمور.",
            "Everything to decorate a riad or guesthouse: lanterns, zellige tables "
            "and fountains, embroidered poufs, painted chests and Azemmour cushions."),
        "products": [
            "lanterne-en-laiton-et-verre-colore-mouassine",
            "table-basse-ronde-en-zellige-vert-et-noir-a-rosace-a-seize-pointes",
            "pouf-en-cuir-brode-bleu-indigo-a-arcades",
            "fontaine-murale-en-zellige-vert-bleu-et-blanc-en-arc-outrepasse",
            "coussin-brode-d-azemmour-rouge-garance-aux-oiseaux-affrontes",
            "applique-murale-en-laiton-hilal",
            "table-plateau-en-laiton-sur-pied-pliant-andalouse",
            "miroir-encadre-de-zellige-vert-et-noir-a-resille-chebka",
            "plat-decoratif-bleu-de-fes-a-rosace",
            "coffre-en-cedre-peint-vert-menthe-aux-fleurs",
            "suspension-en-cuivre-martele-seffarine",
            "kilim-zemmour-rouge-garance-a-losanges-crochetes",
            "pied-de-lampe-en-ceramique-de-safi-miel-a-entrelacs",
            "table-bistrot-en-zellige-noir-et-blanc-en-damier",
        ],
        "featured_rank": 4, "seed": 504, "channels": _everywhere(),
    },
    {
        "slug": "femmes-artisanes",
        "name": t("Savoir-faire de femmes", "مهارات نسائية", "Made by women"),
        "description": t(
            "Tisserandes de l'Atlas, brodeuses d'Azemmour, vannières de Figuig et du Rif, artisanes "
            "du cuir sahraoui : des pièces de coopératives et d'ateliers dirigés par des femmes.",
            "نسّاجات الأطلس ومطرزات أزمور وصانعات السلال في فجيج والريف "
            "وحرفيات الجلد الصحراوي: قطع من تعاونيات وورشات تديرها نساء.",
            "Atlas weavers, Azemmour embroiderers, basket makers from Figuig and the Rif, "
            "Sahrawi leatherworkers: pieces from cooperatives and workshops run by women."),
        "products": [
            "coussin-brode-d-azemmour-bleu-indigo-a-l-arbre-de-vie",
            "tapis-azilal-safran-a-losanges",
            "capeline-en-raphia-sable-a-ruban",
            "sac-saharien-caramel-a-franges",
            "corbeille-en-palme-de-dattier-rouge-henne-a-bandes",
            "sautoir-en-ambre-et-corail-a-medaillon",
            "kilim-ouzguita-rouge-garance-a-bandes",
            "pouf-saharien-rouge-vert-et-jaune-a-losanges-ajoures",
            "collier-en-argent-et-ebene-sahraouia",
            "tapis-beni-ouarain-creme-et-gris-a-chevrons",
            "coussin-en-kilim-rouge-garance-a-rayures",
            "panier-a-anse-en-osier-rouge-et-blanc-a-bandes",
        ],
        "featured_rank": 5, "seed": 505, "channels": _everywhere(),
    },
    {
        "slug": "export-selection",
        "name": t("Sélection export", "مختارات التصدير", "Export selection"),
        "description": t(
            "Des pièces choisies pour voyager : faciles à expédier, documentées "
            "pour la douane et appréciées des acheteurs à l'étranger.",
            "قطع مختارة للسفر: سهلة الشحن، موثقة للجمارك، ويُقبل عليها المشترون في الخارج.",
            "Pieces chosen to travel: easy to ship, documented for customs and popular with buyers abroad."),
        "products": [
            "tapis-beni-ouarain-ivoire-et-noir-a-losanges",
            "kilim-zemmour-multicolore-a-bandes",
            "coussin-en-soie-de-cactus-bleu-majorelle-a-losanges",
            "babouches-brodees-rose-poudre-a-paillettes",
            "cabas-en-cuir-cognac-a-pompons",
            "lanterne-ciselee-en-laiton-nejma",
            "plat-a-couscous-bleu-de-fes-aux-arabesques",
            "bracelet-manchette-en-argent-emaille-a-l-etoile",
            "bol-en-thuya-a-bord-sculpte",
            "sac-saharien-rouge-vert-et-jaune-a-motifs-graves",
            "tapis-glaoua-de-taznakht-rouge-henne-a-frises",
            "panier-en-palmier-doum-safran-a-bandes",
        ],
        "featured_rank": None, "seed": 506, "channels": _export_only(),
    },
    {
        "slug": "art-de-la-table",
        "name": t("L'art de la table marocaine", "فن المائدة المغربية", "The Moroccan table"),
        "description": t(
            "Tajines, plats à couscous, plateaux à thé et bols en "
            "bois pour recevoir à la marocaine. Collection à paraître.",
            "طواجن وقصعات كسكس وصواني شاي وزلافات خشبية لاستقبال الضيوف على الطريقة المغربية. مجموعة ستصدر قريبًا.",
            "Tagines, couscous platters, tea trays and wooden bowls for entertaining the Moroccan way. Coming soon."),
        "products": [
            "tajine-de-service-de-safi-bleu-et-blanc-aux-fleurs",
            "plat-a-couscous-vert-bouteille-aux-epis-de-ble",
            "service-de-6-assiettes-bleu-et-blanc-a-rosace",
            "plateau-a-the-en-laiton-cisele-fassia",
            "lot-de-4-bols-bleu-de-fes-aux-epis-de-ble",
            "aiguiere-et-bassin-en-laiton-fassia",
            "saladier-en-cedre-a-cannelures",
            "tajine-de-cuisson-de-sale-terracotta-a-couvercle-strie",
            "bol-en-thuya-en-loupe-veinee",
            "coupe-a-fruits-en-cedre-aux-fleurs",
            "trio-de-coupelles-a-olives-miel-aux-epis-de-ble",
            "plat-a-couscous-miel-aux-poissons",
        ],
        "featured_rank": None, "seed": 507, "channels": _everywhere(starts_in_days=30),
    },
]

# Export pricing from MAD: price = MAD × rate × (1 + margin), rounded up to the step.
PRICE_RULES: dict[str, dict[str, str]] = {
    "export": {"rate": "0.0920", "margin": "0.25", "rounding": "0.50"},
    "export-usd": {"rate": "0.1000", "margin": "0.25", "rounding": "1.00"},
}

DEMO_ARTISAN_PASSWORD = "demo-artisan-2026"

USERS: list[dict] = [
    {"email": "admin@demo.maalem.ma", "role": "ADMIN", "first_name": "Salma", "last_name": "Idrissi",
     "password": "demo-admin-2026"},
    {"email": "curateur@demo.maalem.ma", "role": "CURATOR", "first_name": "Omar", "last_name": "Benjelloun",
     "password": "demo-curator-2026",
     "organization": "Direction de la promotion, Ministère de l'Artisanat"},
    {"email": "client@demo.maalem.ma", "role": "BUYER", "first_name": "Leïla", "last_name": "Chraïbi",
     "password": "demo-buyer-2026",
     "address": {"first_name": "Leïla", "last_name": "Chraïbi", "street_address_1": "27, rue Ibnou Mounir",
                 "street_address_2": "Maârif", "city": "Casablanca", "postal_code": "20330", "country": "MA",
                 "phone": "+212661204578"}},
]
