"""Search copies as the pipeline's words (network/search.py): organisations get one, every
stored copy is written again, and PostgreSQL serves the word-prefix match (LIKE '% word%')
from trigram indexes."""

from django.conf import settings
from django.db import migrations, models

TRIGRAM_INDEXES = {
    "network_person_search_trgm": "network_person",
    "network_org_search_trgm": "network_organisation",
}


def rebuild(apps, schema_editor):
    # Imported here: the copies follow today's pipeline, whatever it was when this was written.
    from protectnet.network.search import rebuild_search_copies

    rebuild_search_copies(apps.get_model("network", "Person"), apps.get_model("network", "Organisation"))


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite scans: at its scale that is fast enough
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in TRIGRAM_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ("network", "0005_person_network_person_name_idx"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="search_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(rebuild, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="organisation",
            index=models.Index(
                condition=models.Q(("search_text", "")),
                fields=["id"],
                name="network_org_unsearched_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(
                condition=models.Q(("search_text", "")),
                fields=["id"],
                name="network_person_unsearched_idx",
            ),
        ),
        migrations.RunPython(add_trigram_indexes, drop_trigram_indexes),
    ]
