"""Demo catalog: colourways used to build product names, attributes and render palettes.

The name fragments are chosen so that they never need to agree with the noun they follow:
French uses invariable colour nouns or compounds ("safran", "bleu de Fès", "ivoire et noir";
``fr_pl`` only where a plural form differs), Arabic uses a prepositional phrase ("بلون الزعفران",
"بالأزرق والأبيض"), English a noun phrase after "in". Jewellery and wood colourways are material
phrases instead ("argent et corail", "الفضة والمرجان", "silver and coral") and may add materials
or override the technique. The palette is (main, ground, accent, accent2) for the renderer.
"""

from __future__ import annotations


def _cw(couleur: list[str], palette: list[str], fr: str, ar: str, en: str, **extra) -> dict:
    return {"couleur": couleur, "palette": palette, "fr": fr, "ar": ar, "en": en, **extra}


COLOURWAYS: dict[str, dict] = {
    # Wool, textiles, leather, glazes
    "ivoire-noir": _cw(["ecru", "noir"], ["#EFE6D2", "#F4EEE1", "#2B2622"], "ivoire et noir", "بالأبيض العاجي والأسود",
                       "ivory and black"),
    "ivoire-brun": _cw(["ecru", "marron"], ["#EEE4CF", "#F5EFE3", "#5A3E2B"], "ivoire et brun", "بالأبيض العاجي والبني",
                       "ivory and brown"),
    "ivoire": _cw(["ecru"], ["#F1E9D8", "#E4D8C0"], "ivoire", "باللون العاجي", "ivory"),
    "creme-gris": _cw(["ecru", "gris"], ["#ECE3D0", "#F2ECDF", "#7E7C78"], "crème et gris", "بالكريمي والرمادي",
                      "cream and grey"),
    "garance": _cw(["rouge"], ["#9E2B25", "#EADBC4", "#3A1F1A"], "rouge garance", "بالأحمر القاني", "madder red"),
    "rouge-henne": _cw(["rouge", "orange"], ["#A0412D", "#EFE0C8", "#D0703C"], "rouge henné", "بلون الحناء",
                       "henna red"),
    "rouge-noir": _cw(["rouge", "noir"], ["#9A2A22", "#E9DDC8", "#1F1B18"], "rouge et noir", "بالأحمر والأسود",
                      "red and black"),
    "rouge-blanc": _cw(["rouge", "blanc"], ["#B3322B", "#F6F2EA"], "rouge et blanc", "بالأحمر والأبيض",
                       "red and white"),
    "safran": _cw(["jaune"], ["#E3A21A", "#F6E7C1", "#8A5A12"], "safran", "بلون الزعفران", "saffron"),
    "indigo": _cw(["bleu"], ["#2E3A6E", "#E6E0D2", "#1C2240"], "bleu indigo", "بالأزرق النيلي", "indigo"),
    "majorelle": _cw(["bleu"], ["#2A4BD7", "#EDEBF7", "#1B2F8F"], "bleu Majorelle", "بأزرق ماجوريل", "Majorelle blue"),
    "bleu-fes": _cw(["bleu", "blanc"], ["#1F3F99", "#F4F1EA", "#0F2463"], "bleu de Fès", "بالأزرق الفاسي", "Fez blue"),
    "bleu-blanc": _cw(["bleu", "blanc"], ["#2456A6", "#F5F2EA", "#7FA7D9"], "bleu et blanc", "بالأزرق والأبيض",
                      "blue and white"),
    "vert-tamegroute": _cw(["vert"], ["#3F6B2A", "#8A9A4B", "#243F17"], "vert bouteille", "بالأخضر الداكن",
                           "bottle green"),
    "vert-menthe": _cw(["vert", "blanc"], ["#5FA37A", "#EEF3EC", "#2F6B47"], "vert menthe", "بالأخضر النعناعي",
                       "mint green"),
    "vert-noir": _cw(["vert", "noir"], ["#1E6B45", "#EDEAE0", "#171513"], "vert et noir", "بالأخضر والأسود",
                     "green and black"),
    "zellige-multi": _cw(["vert", "bleu", "blanc"], ["#1E6B45", "#F4F1EA", "#2456A6", "#14502F"],
                         "vert, bleu et blanc", "بالأخضر والأزرق والأبيض", "green, blue and white"),
    "noir-blanc": _cw(["noir", "blanc"], ["#1F1B18", "#F5F2EA"], "noir et blanc", "بالأسود والأبيض", "black and white"),
    "turquoise": _cw(["turquoise", "blanc"], ["#2FA4A0", "#F2EFE6", "#17605D"], "turquoise", "بالفيروزي", "turquoise"),
    "miel": _cw(["jaune", "marron"], ["#C98B2E", "#F1E2C4", "#7A4B1E"], "miel", "بلون العسل", "honey"),
    "terracotta": _cw(["orange", "marron"], ["#B5562F", "#E9C9A8", "#6E3119"], "terracotta", "بلون الآجر",
                      "terracotta"),
    "caramel": _cw(["marron", "beige"], ["#B07A3E", "#EBD9BC", "#5E3B1A"], "caramel", "بلون الكراميل", "caramel"),
    "cognac": _cw(["marron", "orange"], ["#8E4A24", "#E8D3B6", "#4A2410"], "cognac", "بالبني المحمر", "cognac"),
    "noir-ebene": _cw(["noir"], ["#1E1B18", "#E7E1D6", "#3B3430"], "noir ébène", "بالأسود الأبنوسي", "ebony black"),
    "rose-poudre": _cw(["rose"], ["#E3B5A4", "#F6ECE6", "#C98C7A"], "rose poudré", "بالوردي الفاتح", "powder pink"),
    "multicolore": _cw(["multicolore"], ["#C0392B", "#F1E8D6", "#2E3A6E", "#E3A21A"], "multicolore", "بألوان متعددة",
                       "mixed colours", fr_pl="multicolores"),
    "sable": _cw(["beige"], ["#D9C3A0", "#F3EAD9", "#9C7F55"], "sable", "بلون الرمل", "sand"),
    "sahara": _cw(["rouge", "vert", "jaune"], ["#A33A2A", "#E9D8BA", "#3E6B3A", "#E0A526"],
                  "rouge, vert et jaune", "بالأحمر والأخضر والأصفر", "red, green and yellow"),
    "naturel": _cw(["beige"], ["#D8BE8F", "#F1E6CF", "#A7884F"], "couleur naturelle", "باللون الطبيعي",
                   "natural colour"),
    # Metals (lantern and tray names carry no colour phrase)
    "laiton": _cw(["dore"], ["#C9A54A", "#F3EBD8", "#8C6B24"], "laiton", "النحاس الأصفر", "brass"),
    "laiton-vieilli": _cw(["dore", "marron"], ["#A8843A", "#EFE6D2", "#5E4520"], "laiton vieilli",
                          "النحاس الأصفر المعتّق", "antique brass"),
    "laiton-verre": _cw(["dore", "multicolore"], ["#C9A54A", "#F3EBD8", "#B0303A", "#2E6FA8"], "laiton et verre",
                        "النحاس والزجاج", "brass and glass"),
    "cuivre": _cw(["cuivre"], ["#B87333", "#F0E2D0", "#7A4520"], "cuivre", "النحاس الأحمر", "copper"),
    # Jewellery: material phrases ("Collier en {c}", "قلادة من {c}", "{c} necklace")
    "argent-massif": _cw(["argente"], ["#C8CCD0", "#EDEDEA", "#8E9399"], "argent massif", "الفضة الخالصة",
                         "solid silver"),
    "argent-corail": _cw(["argente", "rouge"], ["#C8CCD0", "#EDEDEA", "#C43A2E"], "argent et corail", "الفضة والمرجان",
                         "silver and coral", materials=["corail"]),
    "argent-emaux": _cw(["argente", "vert", "jaune"], ["#C8CCD0", "#EDEDEA", "#1F7A4D", "#E3B23C"], "argent émaillé",
                        "الفضة المطلية بالمينا", "enamelled silver", materials=["emaux"]),
    "argent-ebene": _cw(["argente", "noir"], ["#C8CCD0", "#EDEDEA", "#1E1B18"], "argent et ébène", "الفضة والأبنوس",
                        "silver and ebony", materials=["ebene"]),
    "ambre": _cw(["orange", "jaune"], ["#D98E04", "#F4E6C8", "#A35F08"], "ambre", "العنبر", "amber"),
    "ambre-argent": _cw(["orange", "argente"], ["#D98E04", "#F0EBE0", "#C8CCD0"], "ambre et argent", "العنبر والفضة",
                        "amber and silver", materials=["argent"]),
    "ambre-corail": _cw(["orange", "rouge"], ["#D98E04", "#F4E6C8", "#C43A2E"], "ambre et corail", "العنبر والمرجان",
                        "amber and coral", materials=["corail"]),
    # Wood: inlay phrases ("Coffret en thuya {c}", "علبة من خشب العرعار {c}", "{c} thuya box")
    "thuya-nature": _cw(["marron"], ["#8B4A2B", "#E8D7C0", "#5C2E1A"], "", "", ""),
    "citronnier": _cw(["marron", "jaune"], ["#7A3E1D", "#E2C46B", "#A0522D"], "et citronnier", "المطعّم بخشب الليمون",
                      "lemonwood-inlaid", materials=["bois-de-citronnier"], technique="marqueterie"),
    "nacre": _cw(["marron", "blanc"], ["#7A3E1D", "#F2EEE6", "#A0522D"], "et nacre", "المطعّم بالصدف",
                 "mother-of-pearl-inlaid", materials=["nacre"], technique="marqueterie"),
    "cedre-nature": _cw(["beige", "marron"], ["#C49A6C", "#EFE3D0", "#7E5634"], "", "", ""),
}
