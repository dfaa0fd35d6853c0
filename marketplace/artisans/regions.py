"""The twelve regions of Morocco (2015 division), with their names in the three languages."""

REGIONS: dict[str, dict[str, str]] = {
    "tanger-tetouan-al-hoceima": {"fr": "Tanger-Tétouan-Al Hoceïma", "ar": "طنجة تطوان الحسيمة",
                                  "en": "Tanger-Tetouan-Al Hoceima"},
    "oriental": {"fr": "L'Oriental", "ar": "الشرق", "en": "Oriental"},
    "fes-meknes": {"fr": "Fès-Meknès", "ar": "فاس مكناس", "en": "Fez-Meknes"},
    "rabat-sale-kenitra": {"fr": "Rabat-Salé-Kénitra", "ar": "الرباط سلا القنيطرة", "en": "Rabat-Sale-Kenitra"},
    "beni-mellal-khenifra": {"fr": "Béni Mellal-Khénifra", "ar": "بني ملال خنيفرة", "en": "Beni Mellal-Khenifra"},
    "casablanca-settat": {"fr": "Casablanca-Settat", "ar": "الدار البيضاء سطات", "en": "Casablanca-Settat"},
    "marrakech-safi": {"fr": "Marrakech-Safi", "ar": "مراكش آسفي", "en": "Marrakesh-Safi"},
    "draa-tafilalet": {"fr": "Drâa-Tafilalet", "ar": "درعة تافيلالت", "en": "Draa-Tafilalet"},
    "souss-massa": {"fr": "Souss-Massa", "ar": "سوس ماسة", "en": "Souss-Massa"},
    "guelmim-oued-noun": {"fr": "Guelmim-Oued Noun", "ar": "كلميم واد نون", "en": "Guelmim-Oued Noun"},
    "laayoune-sakia-el-hamra": {"fr": "Laâyoune-Sakia El Hamra", "ar": "العيون الساقية الحمراء",
                                "en": "Laayoune-Sakia El Hamra"},
    "dakhla-oued-ed-dahab": {"fr": "Dakhla-Oued Ed-Dahab", "ar": "الداخلة وادي الذهب", "en": "Dakhla-Oued Ed-Dahab"},
}

REGION_CHOICES = [(code, names["fr"]) for code, names in REGIONS.items()]


def region_name(code: str, language: str = "fr") -> str:
    names = REGIONS.get(code, {})
    return names.get(language) or names.get("fr", code)
