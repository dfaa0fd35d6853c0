"""Demo catalog, part 1: regions, craft categories, attributes, product types and labels.

Plain data only (see ``demo.data``). Every user-visible text is a dict
``{"fr": ..., "ar": ..., "en": ...}``; French is the reference language.
"""

from __future__ import annotations

from marketplace.artisans.regions import REGIONS as _REGION_NAMES

REGIONS: list[dict] = [{"code": code, "name": dict(names)} for code, names in _REGION_NAMES.items()]


def _cat(slug: str, fr: str, ar: str, en: str, dfr: str, dar: str, den: str,
         children: list[dict] | None = None) -> dict:
    return {"slug": slug, "name": {"fr": fr, "ar": ar, "en": en}, "description": {"fr": dfr, "ar": dar, "en": den},
            "children": children or []}


CATEGORIES: list[dict] = [
    _cat("tapis-textiles", "Tapis & textiles", "الزرابي والمنسوجات", "Rugs & textiles",
         "Tapis noués et tissages plats des montagnes et des plaines, coussins "
         "et broderies des villes : le textile marocain dans toute sa diversité.",
         "زرابي معقودة ومنسوجات مسطحة من الجبال والسهول، ووسائد وتطريزات من المدن: النسيج المغربي بكل تنوعه.",
         "Knotted rugs and flat-weaves from mountains and plains, cushions and "
         "embroidery from the cities: Moroccan textiles in all their diversity.",
         [
             _cat("tapis-berberes", "Tapis berbères", "الزرابي الأمازيغية", "Berber rugs",
                  "Beni Ouarain, Azilal, Glaoua ou Beni Guil : des tapis noués main en laine, chacun pièce unique.",
                  "بني وراين وأزيلال وكلاوة وبني كيل: زرابي معقودة يدويًا من الصوف، كل واحدة منها قطعة فريدة.",
                  "Beni Ouarain, Azilal, Glaoua or Beni Guil: hand-knotted wool rugs, each one of a kind."),
             _cat("kilims", "Kilims & hanbels", "الحنابل", "Kilims & hanbels",
                  "Tissages plats réversibles des Zemmour, des Ouzguita et des nomades du Sud.",
                  "منسوجات مسطحة بوجهين من صنع زمور وأوزكيتة ورحّل الجنوب.",
                  "Reversible flat-weaves by the Zemmour, the Ouzguita and the nomads of the South."),
             _cat("coussins-textiles", "Coussins & broderies", "الوسائد والتطريز", "Cushions & embroidery",
                  "Coussins en kilim, en soie de cactus ou brodés d'Azemmour pour habiller salons et banquettes.",
                  "وسائد من الحنبل أو حرير الصبار أو مطرزة بطرز أزمور لتزيين الصالونات والأرائك.",
                  "Kilim, cactus-silk and Azemmour-embroidered cushions to dress sofas and banquettes."),
         ]),
    _cat("poterie-ceramique", "Poterie & céramique", "الفخار والخزف", "Pottery & ceramics",
         "Des ateliers de Safi, de Fès, de Tamegroute et de Salé : pièces tournées, peintes et émaillées à la main.",
         "من ورشات آسفي وفاس وتمكروت وسلا: قطع مصنوعة على الدولاب ومرسومة ومطلية يدويًا.",
         "From the workshops of Safi, Fez, Tamegroute and Salé: pieces thrown, painted and glazed by hand.",
         [
             _cat("poterie-safi", "Poterie de Safi", "فخار آسفي", "Safi pottery",
                  "Vases, jarres et cache-pots de la colline des potiers de Safi, aux émaux profonds.",
                  "مزهريات وجرار وأصص من تل الفخارين بآسفي، بطلاءات مينا عميقة.",
                  "Vases, jars and planters from Safi's potters' hill, with deep-toned glazes."),
             _cat("tajines", "Tajines", "الطواجن", "Tagines",
                  "Tajines de cuisson en terre et tajines de service peints, du Drâa à l'Atlantique.",
                  "طواجن للطهي من الطين وطواجن مزخرفة للتقديم، من درعة إلى الأطلسي.",
                  "Earthenware cooking tagines and painted serving tagines, from the Drâa to the Atlantic."),
             _cat("vaisselle", "Vaisselle & art de la table", "أواني المائدة", "Tableware",
                  "Plats à couscous, assiettes, bols et pichets pour la table de tous les jours.",
                  "قصعات الكسكس والصحون والزلافات والأباريق لمائدة كل يوم.",
                  "Couscous platters, plates, bowls and pitchers for everyday meals."),
         ]),
    _cat("zellige", "Zellige", "الزليج", "Zellige",
         "La mosaïque de terre cuite émaillée taillée à la main par les maâlems de Fès et de Meknès.",
         "فسيفساء الطين المشوي المطلي بالمينا التي يقطّعها يدويًا معلّمو فاس ومكناس.",
         "Glazed terracotta mosaic hand-cut by the maâlems of Fez and Meknes.",
         [
             _cat("zellige-panneaux", "Panneaux & fontaines", "اللوحات والنافورات", "Panels & fountains",
                  "Panneaux muraux, fontaines et miroirs en zellige, assemblés à la main tesselle par tesselle.",
                  "لوحات جدارية ونافورات ومرايا من الزليج، مجمّعة يدويًا قطعةً قطعة.",
                  "Zellige wall panels, fountains and mirrors, assembled by hand one tessera at a time."),
             _cat("tables-zellige", "Tables en zellige", "طاولات الزليج", "Zellige tables",
                  "Tables basses, bistrot et de salle à manger au plateau de zellige sur fer forgé.",
                  "طاولات منخفضة وطاولات مقهى وموائد طعام بأسطح من الزليج على الحديد المطروق.",
                  "Coffee, bistro and dining tables with zellige tops on wrought iron."),
         ]),
    _cat("cuir", "Cuir", "الجلد", "Leather",
         "Peaux tannées dans les tanneries traditionnelles et travaillées à la main : poufs, sacs et babouches.",
         "جلود مدبوغة في الدباغات التقليدية ومشغولة يدويًا: بوفات وحقائب وبلاغي.",
         "Hides tanned in traditional tanneries and worked by hand: poufs, bags and babouches.",
         [
             _cat("poufs", "Poufs", "البوفات", "Poufs",
                  "Poufs brodés de Fès et poufs sahariens, livrés vides pour voyager léger.",
                  "بوفات فاسية مطرزة وبوفات صحراوية، تُسلَّم فارغة لتسهيل الشحن.",
                  "Embroidered Fez poufs and Saharan poufs, shipped unstuffed to travel light."),
             _cat("sacs", "Sacs & maroquinerie", "الحقائب والمصنوعات الجلدية", "Bags & leather goods",
                  "Cabas, besaces, pochettes et sacs sahariens en cuir tanné végétal.",
                  "حقائب تسوق وحقائب كتف ومحافظ يد وحقائب صحراوية من الجلد المدبوغ نباتيًا.",
                  "Totes, crossbody bags, clutches and Saharan bags in vegetable-tanned leather."),
             _cat("babouches", "Babouches", "البلاغي", "Babouches",
                  "Babouches cousues main, classiques, brodées ou à bout pointu, du 36 au 45.",
                  "بلاغي مخيطة يدويًا، كلاسيكية أو مطرزة أو مدببة، من المقاس 36 إلى 45.",
                  "Hand-stitched babouches, classic, embroidered or pointed, EU sizes 36 to 45."),
         ]),
    _cat("bijoux", "Bijoux", "الحلي", "Jewellery",
         "Argent ciselé de Tiznit, parures sahraouies et colliers d'ambre du Souss.",
         "فضة تزنيت المنقوشة وحلي صحراوية وقلائد العنبر من سوس.",
         "Chased silver from Tiznit, Sahrawi adornments and amber necklaces from the Souss.",
         [
             _cat("bijoux-argent", "Bijoux en argent", "حلي الفضة", "Silver jewellery",
                  "Colliers, fibules, bracelets, bagues et boucles d'oreilles en argent, émaillés ou sertis de corail.",
                  "قلائد وخلالات وأساور وخواتم وأقراط من الفضة، مطلية بالمينا أو مرصعة بالمرجان.",
                  "Silver necklaces, fibulae, bracelets, rings and earrings, enamelled or set with coral."),
             _cat("bijoux-ambre", "Ambre & perles", "العنبر والخرز", "Amber & beads",
                  "Sautoirs, bracelets et pendentifs d'ambre, de corail et de perles anciennes.",
                  "قلائد طويلة وأساور ودلايات من العنبر والمرجان والخرز القديم.",
                  "Long necklaces, bracelets and pendants of amber, coral and old beads."),
         ]),
    _cat("bois", "Bois", "الخشب", "Wood",
         "Thuya d'Essaouira et cèdre du Moyen Atlas, tournés, sculptés, marquetés ou peints.",
         "عرعار الصويرة وأرز الأطلس المتوسط، مخروطًا أو منحوتًا أو مطعّمًا أو مزوّقًا.",
         "Essaouira thuya and Middle Atlas cedar, turned, carved, inlaid or painted.",
         [
             _cat("thuya", "Thuya", "العرعار", "Thuya",
                  "Coffrets, bols et échiquiers en loupe de thuya parfumée, spécialité d'Essaouira.",
                  "علب وزلافات ورقع شطرنج من جذور العرعار العطرة، اختصاص مدينة الصويرة.",
                  "Boxes, bowls and chessboards in fragrant thuya burl, a speciality of Essaouira."),
             _cat("cedre", "Cèdre", "الأرز", "Cedar",
                  "Coffres peints, boîtes sculptées et saladiers en cèdre de l'Atlas.",
                  "صناديق مزوّقة وعلب منحوتة وأوعية من أرز الأطلس.",
                  "Painted chests, carved boxes and salad bowls in Atlas cedar."),
         ]),
    _cat("cuivre-luminaires", "Cuivre & luminaires", "النحاس والإنارة", "Brass, copper & lighting",
         "Lanternes ajourées, suspensions et plateaux ciselés par les dinandiers de Marrakech et de Fès.",
         "فوانيس مخرّمة وثريات وصوانٍ منقوشة من صنع نحّاسي مراكش وفاس.",
         "Pierced lanterns, pendant lights and chased trays by the metalworkers of Marrakech and Fez.",
         [
             _cat("lanternes", "Lanternes & suspensions", "الفوانيس والثريات", "Lanterns & pendant lights",
                  "Lanternes en laiton ciselé, en verre coloré ou en cuivre martelé, à poser ou à suspendre.",
                  "فوانيس من النحاس الأصفر المنقوش أو الزجاج الملون أو النحاس المطروق، توضع أو تُعلَّق.",
                  "Lanterns in chased brass, coloured glass or hammered copper, to stand or hang."),
             _cat("plateaux", "Plateaux & dinanderie", "الصواني والأواني النحاسية", "Trays & metalware",
                  "Plateaux à thé, tables-plateaux et aiguières ciselés à la main.",
                  "صواني الشاي وطاولات الصواني والأباريق المنقوشة يدويًا.",
                  "Tea trays, tray tables and ewers chased by hand."),
         ]),
    _cat("vannerie", "Vannerie", "صناعة السلال", "Basketry",
         "Doum, alfa, jonc, osier et palme : paniers et chapeaux tressés dans les campagnes et les oasis.",
         "الدوم والحلفاء والسمار والصفصاف والسعف: سلال وقبعات مضفورة في البوادي والواحات.",
         "Doum, esparto, rush, willow and palm: baskets and hats plaited in the countryside and the oases.",
         [
             _cat("paniers", "Paniers & corbeilles", "السلال", "Baskets",
                  "Couffins de marché, corbeilles à pain et paniers de rangement.",
                  "قفف السوق وأطباق الخبز وسلال التخزين.",
                  "Market baskets, bread baskets and storage baskets."),
             _cat("chapeaux", "Chapeaux", "القبعات", "Hats",
                  "Chapeaux jebli à pompons, chapeaux de paille et capelines en raphia.",
                  "قبعات جبلية بشراشيب وقبعات من القش وقبعات عريضة من الرافية.",
                  "Pompom-trimmed Jebli hats, straw hats and raffia sun hats."),
         ]),
]


def _values(rows: list[tuple]) -> list[dict]:
    out = []
    for slug, fr, ar, en, *hex_ in rows:
        value = {"slug": slug, "name": {"fr": fr, "ar": ar, "en": en}}
        if hex_:
            value["hex"] = hex_[0]
        out.append(value)
    return out


MATERIALS = _values([
    ("laine", "Laine", "الصوف", "Wool"),
    ("coton", "Coton", "القطن", "Cotton"),
    ("lin", "Lin", "الكتان", "Linen"),
    ("soie", "Soie", "الحرير", "Silk"),
    ("soie-de-cactus", "Soie de cactus (sabra)", "حرير الصبار (الصبرة)", "Cactus silk (sabra)"),
    ("poil-de-chameau", "Poil de chameau", "وبر الإبل", "Camel hair"),
    ("argile", "Argile", "الطين", "Clay"),
    ("terre-cuite", "Terre cuite", "الطين المشوي", "Terracotta"),
    ("emaux", "Émaux", "المينا", "Glaze"),
    ("cuir-de-chevre", "Cuir de chèvre", "جلد الماعز", "Goatskin"),
    ("cuir-de-vache", "Cuir de vache", "جلد البقر", "Cowhide"),
    ("argent", "Argent", "الفضة", "Silver"),
    ("ambre", "Ambre", "العنبر", "Amber"),
    ("corail", "Corail", "المرجان", "Coral"),
    ("ebene", "Ébène", "الأبنوس", "Ebony"),
    ("nacre", "Nacre", "الصدف", "Mother-of-pearl"),
    ("bois-de-thuya", "Bois de thuya", "خشب العرعار", "Thuya wood"),
    ("bois-de-cedre", "Bois de cèdre", "خشب الأرز", "Cedar wood"),
    ("bois-de-citronnier", "Bois de citronnier", "خشب الليمون", "Lemonwood"),
    ("laiton", "Laiton", "النحاس الأصفر", "Brass"),
    ("cuivre", "Cuivre", "النحاس الأحمر", "Copper"),
    ("fer-forge", "Fer forgé", "الحديد المطروق", "Wrought iron"),
    ("verre", "Verre", "الزجاج", "Glass"),
    ("palmier-doum", "Palmier doum", "الدوم", "Doum palm"),
    ("palme-de-dattier", "Palme de dattier", "سعف النخيل", "Date palm leaf"),
    ("alfa", "Alfa", "الحلفاء", "Esparto grass"),
    ("jonc", "Jonc", "السمار", "Rush"),
    ("osier", "Osier", "أغصان الصفصاف", "Willow"),
    ("raphia", "Raphia", "الرافية", "Raffia"),
    ("paille-de-ble", "Paille de blé", "قش القمح", "Wheat straw"),
])

TECHNIQUES = _values([
    ("noue-main", "Noué main", "معقود يدويًا", "Hand-knotted"),
    ("tisse-main", "Tissé main", "منسوج يدويًا", "Hand-woven"),
    ("brode-main", "Brodé main", "مطرز يدويًا", "Hand-embroidered"),
    ("tourne-main", "Tourné main", "مشكّل على الدولاب", "Wheel-thrown"),
    ("peint-main", "Peint main", "مرسوم يدويًا", "Hand-painted"),
    ("emaille", "Émaillé", "مطلي بالمينا", "Glazed"),
    ("taille-main", "Taillé main", "مقطّع يدويًا", "Hand-cut"),
    ("cousu-main", "Cousu main", "مخيط يدويًا", "Hand-stitched"),
    ("grave", "Gravé", "محفور", "Engraved"),
    ("cisele", "Ciselé", "منقوش بالإزميل", "Chased"),
    ("repousse", "Repoussé", "منقوش نقشًا بارزًا", "Repoussé"),
    ("martele", "Martelé", "مطروق", "Hammered"),
    ("filigrane", "Filigrane", "مشبّك بخيوط الفضة", "Filigree"),
    ("enfile-main", "Enfilé main", "منظوم يدويًا", "Hand-strung"),
    ("marqueterie", "Marqueterie", "مطعّم", "Marquetry"),
    ("sculpte", "Sculpté", "منحوت", "Carved"),
    ("tresse", "Tressé", "مضفور", "Plaited"),
])

COLOURS = _values([
    ("ecru", "Écru", "عاجي", "Ecru", "#EFE6D2"),
    ("blanc", "Blanc", "أبيض", "White", "#F7F5F0"),
    ("noir", "Noir", "أسود", "Black", "#1F1B18"),
    ("rouge", "Rouge", "أحمر", "Red", "#9E2B25"),
    ("rose", "Rose", "وردي", "Pink", "#D9A0A0"),
    ("orange", "Orange", "برتقالي", "Orange", "#D9772B"),
    ("jaune", "Jaune", "أصفر", "Yellow", "#E3A21A"),
    ("vert", "Vert", "أخضر", "Green", "#3F6B2A"),
    ("turquoise", "Turquoise", "فيروزي", "Turquoise", "#2FA4A0"),
    ("bleu", "Bleu", "أزرق", "Blue", "#1F3F99"),
    ("beige", "Beige", "بيج", "Beige", "#D8C3A0"),
    ("marron", "Marron", "بني", "Brown", "#6B4226"),
    ("gris", "Gris", "رمادي", "Grey", "#8C8C88"),
    ("dore", "Doré", "ذهبي", "Gold", "#C9A54A"),
    ("argente", "Argenté", "فضي", "Silver", "#C8CCD0"),
    ("cuivre", "Cuivré", "نحاسي", "Copper", "#B87333"),
    ("multicolore", "Multicolore", "متعدد الألوان", "Multicoloured", "#C0392B"),
])

SHOE_SIZES = [{"slug": str(n), "name": {"fr": str(n), "ar": f"مقاس {n}", "en": f"EU {n}"}} for n in range(36, 46)]

SIZES = _values([
    ("s", "S (petit)", "S (صغير)", "S (small)"),
    ("m", "M (moyen)", "M (متوسط)", "M (medium)"),
    ("l", "L (grand)", "L (كبير)", "L (large)"),
])


def _attr(slug: str, fr: str, ar: str, en: str, input_type: str, values: list[dict] | None = None,
          unit: str | None = None) -> dict:
    return {"slug": slug, "name": {"fr": fr, "ar": ar, "en": en}, "input_type": input_type, "unit": unit,
            "values": values or []}


ATTRIBUTES: list[dict] = [
    _attr("materiau", "Matériau", "المادة", "Material", "MULTISELECT", MATERIALS),
    _attr("technique", "Technique", "التقنية", "Technique", "DROPDOWN", TECHNIQUES),
    _attr("region-origine", "Région d'origine", "جهة المنشأ", "Region of origin", "DROPDOWN",
          [{"slug": r["code"], "name": dict(r["name"])} for r in REGIONS]),
    _attr("couleur", "Couleur", "اللون", "Colour", "MULTISELECT", COLOURS),
    _attr("longueur-cm", "Longueur", "الطول", "Length", "NUMERIC", unit="CM"),
    _attr("largeur-cm", "Largeur", "العرض", "Width", "NUMERIC", unit="CM"),
    _attr("hauteur-cm", "Hauteur", "الارتفاع", "Height", "NUMERIC", unit="CM"),
    _attr("diametre-cm", "Diamètre", "القطر", "Diameter", "NUMERIC", unit="CM"),
    _attr("pointure", "Pointure", "مقاس الحذاء", "Shoe size", "DROPDOWN", SHOE_SIZES),
    _attr("taille", "Taille", "الحجم", "Size", "DROPDOWN", SIZES),
]

_BASE = ["materiau", "technique", "region-origine", "couleur"]


def _ptype(slug: str, fr: str, ar: str, en: str, dims: list[str], hs_code: str, weight: str,
           variant_attributes: list[str] | None = None) -> dict:
    return {"slug": slug, "name": {"fr": fr, "ar": ar, "en": en}, "attributes": [*_BASE, *dims],
            "variant_attributes": variant_attributes or [], "has_variants": bool(variant_attributes),
            "is_shipping_required": True, "weight_kg": weight, "hs_code": hs_code}


_FLAT = ["longueur-cm", "largeur-cm"]
_BOX = ["longueur-cm", "largeur-cm", "hauteur-cm"]
_ROUND = ["diametre-cm", "hauteur-cm"]

PRODUCT_TYPES: list[dict] = [
    _ptype("tapis", "Tapis noué", "زربية معقودة", "Knotted rug", _FLAT, "570110", "9.0"),
    _ptype("kilim", "Kilim", "حنبل", "Kilim", _FLAT, "570210", "4.0"),
    _ptype("coussin", "Coussin", "وسادة", "Cushion", _FLAT, "630493", "0.9", ["taille"]),
    _ptype("poterie", "Poterie décorative", "فخار للزينة", "Decorative pottery", _ROUND, "691390", "3.0"),
    _ptype("tajine", "Tajine", "طاجين", "Tagine", _ROUND, "691200", "2.5"),
    _ptype("vaisselle", "Vaisselle en céramique", "أواني خزفية", "Ceramic tableware", _ROUND, "691200", "1.5"),
    _ptype("panneau-zellige", "Panneau de zellige", "لوحة زليج", "Zellige panel", _FLAT, "690790", "25.0"),
    _ptype("table", "Table", "طاولة", "Table", _BOX, "940360", "40.0"),
    _ptype("pouf", "Pouf", "بوف", "Pouf", _ROUND, "940490", "1.5"),
    _ptype("sac", "Sac", "حقيبة", "Bag", ["largeur-cm", "hauteur-cm"], "420221", "0.8", ["taille"]),
    _ptype("babouches", "Babouches", "بلغة", "Babouches", [], "640399", "0.5", ["pointure"]),
    _ptype("bijou", "Bijou", "حلي", "Jewellery", ["longueur-cm"], "711311", "0.1"),
    _ptype("boite-bois", "Boîte en bois", "علبة خشبية", "Wooden box", _BOX, "442090", "1.0"),
    _ptype("bol-bois", "Bol en bois", "زلافة خشبية", "Wooden bowl", _ROUND, "441990", "0.6"),
    _ptype("lanterne", "Lanterne", "فانوس", "Lantern", _ROUND, "940540", "3.0"),
    _ptype("plateau", "Plateau", "صينية", "Tray", _ROUND, "741810", "2.0"),
    _ptype("panier", "Panier", "سلة", "Basket", _BOX, "460219", "0.6"),
    _ptype("chapeau", "Chapeau", "قبعة", "Hat", ["diametre-cm"], "650400", "0.3", ["taille"]),
]


def _label(slug: str, fr: str, ar: str, en: str, dfr: str, dar: str, den: str) -> dict:
    return {"slug": slug, "name": {"fr": fr, "ar": ar, "en": en}, "description": {"fr": dfr, "ar": dar, "en": den}}


LABELS: list[dict] = [
    _label("cooperative", "Coopérative", "تعاونية", "Cooperative",
           "Artisans regroupés en coopérative agréée, qui partagent outils, achats et revenus.",
           "حرفيون منتظمون في تعاونية معتمدة يتقاسمون الأدوات والمشتريات والمداخيل.",
           "Artisans organised in a registered cooperative, sharing tools, purchasing and income."),
    _label("label-qualite", "Label qualité", "علامة الجودة", "Quality label",
           "Label décerné par le Ministère de l'Artisanat aux ateliers dont "
           "les produits respectent les règles du savoir-faire traditionnel.",
           "علامة تمنحها وزارة الصناعة التقليدية للورشات التي تحترم منتجاتها قواعد الحرف الأصيلة.",
           "Awarded by the Ministry of Handicrafts to workshops whose "
           "products follow the rules of traditional craftsmanship."),
    _label("expo-artisan-2025", "Expo artisan Marrakech 2025", "معرض الصانع التقليدي مراكش 2025",
           "Marrakech Artisan Expo 2025",
           "Artisan sélectionné pour l'exposition nationale de l'artisanat de Marrakech en 2025.",
           "حرفي وقع عليه الاختيار للمشاركة في المعرض الوطني للصناعة التقليدية بمراكش سنة 2025.",
           "Artisan selected for the national crafts exhibition in Marrakech in 2025."),
    _label("expo-artisan-2026", "Expo artisan Marrakech 2026", "معرض الصانع التقليدي مراكش 2026",
           "Marrakech Artisan Expo 2026",
           "Artisan sélectionné pour l'exposition nationale de l'artisanat de Marrakech en 2026.",
           "حرفي وقع عليه الاختيار للمشاركة في المعرض الوطني للصناعة التقليدية بمراكش سنة 2026.",
           "Artisan selected for the national crafts exhibition in Marrakech in 2026."),
    _label("commerce-equitable", "Commerce équitable", "التجارة المنصفة", "Fair trade",
           "Prix fixés avec l'artisan, transparence sur la part qui lui revient et préfinancement des commandes.",
           "أسعار تُحدَّد بالاتفاق مع الحرفي، وشفافية في الحصة التي تعود إليه، وتمويل مسبق للطلبيات.",
           "Prices agreed with the artisan, transparency on their share and pre-financing of orders."),
    _label("femmes-artisanes", "Femmes artisanes", "نساء حرفيات", "Women artisans",
           "Atelier ou coopérative dirigé par des femmes qui vivent de leur savoir-faire.",
           "ورشة أو تعاونية تديرها نساء يعشن من مهاراتهن الحرفية.",
           "A workshop or cooperative run by women who make their living from their craft."),
]
