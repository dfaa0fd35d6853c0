"""What every shop page must hold on a 360 px phone, in the buyer's language (issue 14):

- `fits(page)`: `document.documentElement.scrollWidth` within the viewport, and every menu (the language and
  market switches, the search filters' drawer) inside the screen once opened;
- `speaks(page, lang, french)`: no French string (from the catalogue's base language or the French locale)
  in the visible text, the images' alt texts, the title or the meta description of an Arabic or English page;
- `french_strings(lang)`: those French strings: each French text whose `lang` version differs from it.

Proper nouns are the one exception: the artisans' names and cities and what the buyer typed are removed from
the text before the check (a cooperative's name is French even on an Arabic page)."""

from __future__ import annotations

import re
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po
from committed import in_thread

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"viewport": {"width": 360, "height": 780}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}
_PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}|%%")

MEASURE = """() => {
  const vw = document.documentElement.clientWidth;
  const outside = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && (box.right > vw + 0.5 || box.left < -0.5);
  }).slice(0, 5).map(el => `${el.tagName.toLowerCase()}.${el.className} ${
    Math.round(el.getBoundingClientRect().left)}..${Math.round(el.getBoundingClientRect().right)}`);
  return {scroll: document.documentElement.scrollWidth, vw, outside};
}"""
BOX = ("el => { const b = el.getBoundingClientRect(); "
       "return [b.left, b.right, b.width, document.documentElement.clientWidth]; }")
TEXTS = """() => [document.body.innerText, document.title,
  (document.querySelector('meta[name=description]') || {}).content || '',
  ...[...document.querySelectorAll('img[alt], [role=img][aria-label]')]
    .map(el => el.getAttribute('alt') || el.getAttribute('aria-label'))
].join('\\n')"""


def fits(page, name: str, artifacts: Path | None = None) -> None:
    """The page is no wider than the phone, and each menu opens inside the screen."""
    found = page.evaluate(MEASURE)
    assert found["vw"] == 360, found
    assert found["scroll"] <= found["vw"], f"{name}: {found['scroll']} px wide on a 360 px screen: {found['outside']}"
    for summary in page.locator("details.switch > summary, details.drawer > summary").all():
        if not summary.is_visible():
            continue
        summary.click()
        menu = summary.locator("xpath=..").locator("> ul, > form").first
        left, right, width, vw = menu.evaluate(BOX)
        assert width > 0 and left >= -0.5 and right <= vw + 0.5, f"{name}: menu at {left:.0f}..{right:.0f} of {vw}"
        assert page.evaluate(MEASURE)["scroll"] <= vw, f"{name}: an open menu widens the page"
        summary.click()
    if artifacts is not None:
        page.screenshot(path=str(artifacts / f"phone-{name}.png"), full_page=True)


def speaks(page, lang: str, french: list[str], proper_nouns: list[str], name: str) -> None:
    """No French string in what an Arabic or English page shows (proper nouns removed first)."""
    if lang == "fr":
        return
    text = page.evaluate(TEXTS)
    for noun in sorted(proper_nouns, key=len, reverse=True):
        text = text.replace(noun, " ")
    shown = [phrase for phrase in french if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]
    assert not shown, f"{name} ({lang}) shows French: {shown[:10]}"


def _fragments(french: str, other: str) -> list[str]:
    """The parts of a French message around its placeholders that the other language does not share."""
    other_folded = other.casefold()
    parts = []
    for part in _PLACEHOLDER.split(french):
        part = part.strip(" .,:;!?()«»“”\"'–—·\n").strip()
        if len(part) >= 4 and any(ch.isalpha() for ch in part) and part.casefold() not in other_folded:
            parts.append(part)
    return parts


def locale_strings(lang: str) -> set[str]:
    """French messages of the storefront's locale whose `lang` translation differs."""
    def catalog(code: str) -> dict:
        with (ROOT / "storefront" / "locale" / code / "LC_MESSAGES" / "django.po").open("rb") as handle:
            return {m.id: m.string for m in read_po(handle, locale=code) if m.id}

    french, other = catalog("fr"), catalog(lang)
    found: set[str] = set()
    for key, text in french.items():
        texts = text if isinstance(text, tuple) else (text,)
        targets = other.get(key) or ""
        target = " ".join(targets) if isinstance(targets, tuple) else targets
        for one in texts:
            if one and one.casefold() != target.casefold():
                found.update(_fragments(one, target))
    return found


def catalogue_strings(lang: str) -> set[str]:
    """French names of the catalogue (products, crafts, collections, attribute values, delivery methods,
    pages) whose `lang` translation differs, and the French names of countries."""
    def read() -> set[str]:
        from marketplace.catalog import models as cm
        from marketplace.pages.models import PageTranslation
        from marketplace.shipping.models import ShippingMethod

        pairs = []
        for model, fk in ((cm.ProductTranslation, "product"), (cm.CategoryTranslation, "category"),
                          (cm.CollectionTranslation, "collection"), (cm.AttributeValueTranslation, "attribute_value"),
                          (cm.AttributeTranslation, "attribute")):
            pairs += list(model.objects.filter(language_code=lang).values_list(f"{fk}__name", "name"))
        pairs += list(PageTranslation.objects.filter(language_code=lang).values_list("page__title", "title"))
        pairs += [(m.name, m.translations.get(lang, "")) for m in ShippingMethod.objects.all()]
        return {name for name, translated in pairs if name and len(name) >= 4 and name != translated}

    names = in_thread(read)
    french_countries, other_countries = Locale.parse("fr").territories, Locale.parse(lang).territories
    names |= {name for code, name in french_countries.items()
              if len(code) == 2 and len(name) >= 4 and name != other_countries.get(code)}
    return names


def french_strings(lang: str) -> list[str]:
    return sorted(locale_strings(lang) | catalogue_strings(lang))


def proper_nouns() -> list[str]:
    """The artisans' names and cities: written as the artisans write them, in every language."""
    def read() -> list[str]:
        from marketplace.artisans.models import Artisan
        from marketplace.inventory.models import Warehouse

        nouns = [n for a in Artisan.objects.all() for n in (a.name, a.city) if n]
        nouns += [n for w in Warehouse.objects.select_related("address") for n in (w.name, w.address.company_name,
                                                                                 w.address.street_address_1) if n]
        return nouns

    from django.conf import settings

    # The bank's and the account holder's names (a bank-transfer order's details) are names too.
    return ["Maalem", settings.BANK_NAME, settings.BANK_ACCOUNT_HOLDER, *in_thread(read)]
