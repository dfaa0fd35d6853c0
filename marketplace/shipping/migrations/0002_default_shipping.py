from django.db import migrations


def forwards(apps, schema_editor):
    # The defaults are created after all migrations (ShippingConfig.ready, post_migrate), with the current
    # models: a data migration using them would break as soon as a later migration changes those tables.
    pass


class Migration(migrations.Migration):
    # Pinned, never "__latest__": a later migration of these apps must not count as applied "after" this one.
    dependencies = [
        ("shipping", "0001_initial"),
        ("channels", "0001_initial"),
        ("inventory", "0003_allocation_order_line_allocation_stock_and_more"),
        ("accounts", "0002_user_jwt_token_key"),
        ("artisans", "0002_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
