from django.db import migrations


def forwards(apps, schema_editor):
    # The project's own service, so production and the demo share one definition of the defaults.
    from marketplace.shipping.services import ensure_default_shipping

    ensure_default_shipping()


class Migration(migrations.Migration):
    dependencies = [
        ("shipping", "0001_initial"),
        # The service uses the current models: run after every migration of the tables it writes.
        ("channels", "__latest__"),
        ("inventory", "__latest__"),
        ("accounts", "__latest__"),
        ("artisans", "__latest__"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
