import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="review_status",
            field=models.CharField(choices=[("PENDING", "Pending"), ("APPROVED", "Approved"), ("REJECTED", "Rejected")],
                                   db_index=True, default="APPROVED", max_length=16),
        ),
        migrations.AddField(model_name="product", name="review_reason", field=models.TextField(blank=True)),
        migrations.AddField(model_name="product", name="review_requested_at",
                            field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(model_name="product", name="reviewed_at", field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(
            model_name="product",
            name="reviewed_by",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="+", to=settings.AUTH_USER_MODEL),
        ),
    ]
