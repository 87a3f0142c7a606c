import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="panelmeeting",
            name="created_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AddField(
            model_name="panelmeeting",
            name="named_people",
            field=models.ManyToManyField(blank=True, related_name="+", to="network.person"),
        ),
        migrations.AddField(
            model_name="panelmeeting",
            name="shared_with",
            field=models.ManyToManyField(blank=True, related_name="+", to="network.organisation"),
        ),
        migrations.CreateModel(
            name="ImportBatch",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("organisations", "Organisations"), ("people", "People")],
                        max_length=16,
                    ),
                ),
                ("filename", models.CharField(max_length=255)),
                ("rows", models.JSONField(default=list)),
                (
                    "status",
                    models.CharField(
                        choices=[("preview", "Preview"), ("committed", "Committed")],
                        default="preview",
                        max_length=16,
                    ),
                ),
                ("result", models.JSONField(blank=True, default=dict)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("committed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "import batches",
                "ordering": ["-created_at"],
            },
        ),
    ]
