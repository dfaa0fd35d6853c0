"""Review that cannot be bypassed (issue 13): the last approved price per channel, and members' proposed
texts for approved products."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def approve_current_prices(apps, schema_editor):
    """Prices of products that are public now were, in effect, approved: they are the baseline."""
    Listing = apps.get_model("catalog", "ProductVariantChannelListing")
    Listing.objects.filter(variant__product__review_status="APPROVED", price_amount__isnull=False).update(
        approved_price_amount=models.F("price_amount"))


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0004_search_weights"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="productvariantchannellisting",
            name="approved_price_amount",
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
        ),
        migrations.CreateModel(
            name="ProductRevision",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("base", models.JSONField(blank=True, default=dict)),
                ("translations", models.JSONField(blank=True, default=dict)),
                ("requested_at", models.DateTimeField(blank=True, null=True)),
                ("rejected_reason", models.TextField(blank=True)),
                ("rejected_at", models.DateTimeField(blank=True, null=True)),
                ("product", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE,
                                                 related_name="revision", to="catalog.product")),
                ("requested_by", models.ForeignKey(blank=True, null=True,
                                                   on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                                                   to=settings.AUTH_USER_MODEL)),
            ],
            options={"indexes": [models.Index(fields=["requested_at"], name="catalog_pro_request_fc1dab_idx")]},
        ),
        migrations.RunPython(approve_current_prices, migrations.RunPython.noop),
    ]
