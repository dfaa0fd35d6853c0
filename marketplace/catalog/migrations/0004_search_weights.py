"""Re-index every product's search vector: the kind of piece and the craft now weigh as much as the name."""

from django.db import migrations


def reindex(apps, schema_editor):
    from marketplace.catalog.search import update_search_index

    Product = apps.get_model("catalog", "Product")
    ids = list(Product.objects.values_list("pk", flat=True).order_by("pk"))
    for start in range(0, len(ids), 500):
        update_search_index(ids[start:start + 500])


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_producttype_name_translations")]
    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
