"""The default shipping set-up: domestic by city group, tourists (hotel/riad, ship home), export."""

from __future__ import annotations

from marketplace.channels.services import EU_COUNTRIES

BIG_CITIES = ["Casablanca", "Rabat", "Salé", "Marrakech", "Fès", "Tanger", "Agadir", "Meknès", "Kénitra",
              "Tétouan", "Oujda", "El Jadida", "Mohammedia", "Témara"]
TOURIST_CITIES = ["Marrakech", "Fès", "Essaouira", "Casablanca", "Rabat", "Tanger", "Chefchaouen",
                  "Ouarzazate", "Agadir", "Meknès", "Merzouga", "Tétouan"]

# Rates: (base price, price per started kg above the first) per channel slug.
ZONES = [
    {"slug": "maroc-grandes-villes", "name": "Maroc — grandes villes", "countries": ["MA"], "cities": BIG_CITIES,
     "channels": ["maroc"], "methods": [
         {"slug": "maroc-standard", "name": "Livraison standard", "kind": "STANDARD", "days": (1, 3),
          "tr": {"ar": "توصيل عادي", "en": "Standard delivery"}, "rates": {"maroc": ("35", "8")}},
         {"slug": "maroc-express", "name": "Livraison express 24 h", "kind": "EXPRESS", "days": (1, 1),
          "max_kg": "30", "tr": {"ar": "توصيل سريع 24 ساعة", "en": "24-hour express delivery"},
          "rates": {"maroc": ("70", "12")}}]},
    {"slug": "maroc-autres-villes", "name": "Maroc — autres villes", "countries": ["MA"], "cities": BIG_CITIES,
     "exclude_cities": True, "channels": ["maroc"], "methods": [
         {"slug": "maroc-standard-regions", "name": "Livraison standard (régions)", "kind": "STANDARD",
          "days": (2, 5), "tr": {"ar": "توصيل عادي (الجهات)", "en": "Standard delivery (regions)"},
          "rates": {"maroc": ("50", "10")}}]},
    {"slug": "touristes-hotels", "name": "Touristes — hôtels et riads", "countries": ["MA"],
     "cities": TOURIST_CITIES, "channels": ["touristes"], "methods": [
         {"slug": "touristes-hotel-riad", "name": "Livraison à votre hôtel ou riad", "kind": "HOTEL",
          "days": (1, 2), "tr": {"ar": "التوصيل إلى فندقك أو رياضك", "en": "Delivery to your hotel or riad"},
          "rates": {"touristes": ("40", "0")}}]},
    {"slug": "touristes-domicile", "name": "Touristes — envoi à domicile", "countries": [], "default": True,
     "channels": ["touristes"], "methods": [
         {"slug": "touristes-envoi-domicile", "name": "Envoi à votre domicile", "kind": "HOME", "days": (6, 12),
          "tr": {"ar": "الشحن إلى منزلك", "en": "Shipping to your home"},
          "rates": {"touristes": ("390", "95")}}]},
    {"slug": "export-ue", "name": "Export — Union européenne et Europe", "countries": [*EU_COUNTRIES, "CH", "GB", "NO"],
     "channels": ["export", "export-usd"], "methods": [
         {"slug": "export-ue-standard", "name": "Export standard Europe", "kind": "STANDARD", "days": (5, 9),
          "tr": {"ar": "شحن عادي إلى أوروبا", "en": "Standard shipping to Europe"},
          "rates": {"export": ("25", "6"), "export-usd": ("28", "7")}},
         {"slug": "export-ue-express", "name": "Export express Europe", "kind": "EXPRESS", "days": (2, 4),
          "max_kg": "30", "tr": {"ar": "شحن سريع إلى أوروبا", "en": "Express shipping to Europe"},
          "rates": {"export": ("55", "12"), "export-usd": ("60", "13")}}]},
    {"slug": "export-amerique-nord", "name": "Export — Amérique du Nord", "countries": ["US", "CA"],
     "channels": ["export", "export-usd"], "methods": [
         {"slug": "export-an-standard", "name": "Export standard Amérique du Nord", "kind": "STANDARD",
          "days": (7, 12), "tr": {"ar": "شحن عادي إلى أمريكا الشمالية", "en": "Standard shipping to North America"},
          "rates": {"export": ("35", "9"), "export-usd": ("38", "10")}},
         {"slug": "export-an-express", "name": "Export express Amérique du Nord", "kind": "EXPRESS", "days": (3, 5),
          "max_kg": "30", "tr": {"ar": "شحن سريع إلى أمريكا الشمالية", "en": "Express shipping to North America"},
          "rates": {"export": ("70", "15"), "export-usd": ("75", "16")}}]},
    {"slug": "export-monde", "name": "Export — reste du monde", "countries": [], "default": True,
     "channels": ["export", "export-usd"], "methods": [
         {"slug": "export-monde-standard", "name": "Export standard monde", "kind": "STANDARD", "days": (8, 15),
          "tr": {"ar": "شحن عادي إلى باقي العالم", "en": "Standard shipping worldwide"},
          "rates": {"export": ("45", "12"), "export-usd": ("48", "13")}}]},
]

# Expo-artisan stands: collection points for tourists (the artisans bring the pieces there).
EXPO_STANDS = [
    {"slug": "expo-artisan-marrakech", "name": "Stand Expo-artisan Marrakech", "city": "Marrakech",
     "street": "Ensemble artisanal, avenue Mohammed V", "postal_code": "40000",
     "opening_hours": "Mo-Su 09:30-19:30"},
    {"slug": "expo-artisan-fes", "name": "Stand Expo-artisan Fès", "city": "Fès",
     "street": "Complexe artisanal, Bab Boujloud", "postal_code": "30110",
     "opening_hours": "Mo-Sa 09:30-19:00"},
]
