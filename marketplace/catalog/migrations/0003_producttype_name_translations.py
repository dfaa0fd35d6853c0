from django.db import migrations, models

# The demo's kinds of piece as they were when this migration was written: a migration never imports app code
# (the demo is not in the production image).
DEMO_TYPE_NAMES = {
    "tapis": {"ar": "زربية معقودة", "en": "Knotted rug"},
    "kilim": {"ar": "حنبل", "en": "Kilim"},
    "coussin": {"ar": "وسادة", "en": "Cushion"},
    "poterie": {"ar": "فخار للزينة", "en": "Decorative pottery"},
    "tajine": {"ar": "طاجين", "en": "Tagine"},
    "vaisselle": {"ar": "أواني خزفية", "en": "Ceramic tableware"},
    "panneau-zellige": {"ar": "لوحة زليج", "en": "Zellige panel"},
    "table": {"ar": "طاولة", "en": "Table"},
    "pouf": {"ar": "بوف", "en": "Pouf"},
    "sac": {"ar": "حقيبة", "en": "Bag"},
    "babouches": {"ar": "بلغة", "en": "Babouches"},
    "bijou": {"ar": "حلي", "en": "Jewellery"},
    "boite-bois": {"ar": "علبة خشبية", "en": "Wooden box"},
    "bol-bois": {"ar": "زلافة خشبية", "en": "Wooden bowl"},
    "lanterne": {"ar": "فانوس", "en": "Lantern"},
    "plateau": {"ar": "صينية", "en": "Tray"},
    "panier": {"ar": "سلة", "en": "Basket"},
    "chapeau": {"ar": "قبعة", "en": "Hat"},
}


def name_demo_types(apps, schema_editor):
    """Databases loaded before this field existed: the demo's kinds of piece get their ar/en names."""
    ProductType = apps.get_model("catalog", "ProductType")
    for product_type in ProductType.objects.filter(slug__in=DEMO_TYPE_NAMES, name_translations={}):
        product_type.name_translations = dict(DEMO_TYPE_NAMES[product_type.slug])
        product_type.save(update_fields=["name_translations"])


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0002_product_review"),
    ]

    operations = [
        migrations.AddField(
            model_name="producttype",
            name="name_translations",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(name_demo_types, migrations.RunPython.noop),
    ]
