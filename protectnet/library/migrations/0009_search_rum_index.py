"""PostgreSQL: library search moves from GIN to a RUM index where the `rum` extension can be
had (see library/search/postgres_index.py). RUM stores each word's positions, so phrases,
title-only matches and ranking need no read of the chunks' vectors.

The GIN index is dropped with it: RUM answers `@@` too, and two indexes cost every upload
(500 chunks: 440 ms with both, 290 ms with RUM alone). Without the extension, or without the
privilege to create it, GIN stays and the migration succeeds; `manage.py search_index --rum`
switches later. Going back restores GIN.
"""

from django.db import migrations


def to_rum(apps, schema_editor):
    from protectnet.library.search import postgres_index

    if schema_editor.connection.vendor == "postgresql":
        postgres_index.switch_to_rum(schema_editor.connection)


def to_gin(apps, schema_editor):
    from protectnet.library.search import postgres_index

    if schema_editor.connection.vendor == "postgresql":
        postgres_index.switch_to_gin(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("library", "0008_findings_index")]

    operations = [migrations.RunPython(to_rum, to_gin)]
