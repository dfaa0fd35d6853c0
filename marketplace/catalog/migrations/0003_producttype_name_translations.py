from django.db import migrations, models


def name_demo_types(apps, schema_editor):
    """Databases loaded before this field existed: the demo's kinds of piece get their ar/en names."""
    from demo.data_taxonomy import PRODUCT_TYPES

    ProductType = apps.get_model("catalog", "ProductType")
    names = {spec["slug"]: spec["name"] for spec in PRODUCT_TYPES if isinstance(spec["name"], dict)}
    for product_type in ProductType.objects.filter(slug__in=names, name_translations={}):
        product_type.name_translations = {k: v for k, v in names[product_type.slug].items() if k != "fr"}
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
