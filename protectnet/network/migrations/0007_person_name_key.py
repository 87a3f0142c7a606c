"""The folded full name possible duplicates are grouped on, written for every existing row."""

from django.db import migrations, models


def write_name_keys(apps, schema_editor):
    from protectnet.network.search import rebuild_search_copies

    rebuild_search_copies(apps.get_model("network", "Person"), apps.get_model("network", "Organisation"))


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_organisation_search_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="name_key",
            field=models.CharField(blank=True, editable=False, max_length=255),
        ),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(fields=["name_key", "id"], name="network_person_name_key_idx"),
        ),
        migrations.RunPython(write_name_keys, migrations.RunPython.noop, elidable=True),
    ]
