"""Search on the one text pipeline (core/text.py): the index holds words cut by ICU, folded and
stemmed, in chunks covering the whole document.

SQLite: an FTS5 table over library_searchchunk (title, body; the "ascii" tokenizer, so the words
the pipeline wrote are split on spaces only), kept in sync by triggers. PostgreSQL: each chunk's
tsvector (written from a literal, no parser) under a GIN index without a pending list. The trigram indexes and the folded
copies they read go. Every existing resource is indexed again.
"""

import django.db.models.deletion
from django.db import migrations, models

import protectnet.library.models

DROP_OLD = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS library_search_au",
        "DROP TRIGGER IF EXISTS library_search_ad",
        "DROP TRIGGER IF EXISTS library_search_ai",
        "DROP TABLE IF EXISTS library_search_fts",
    ],
    "postgresql": [
        "DROP INDEX IF EXISTS library_search_title_trgm",
        "DROP INDEX IF EXISTS library_search_folded_trgm",
        "DROP INDEX IF EXISTS library_search_vector_gin",
        "ALTER TABLE library_searchdocument DROP COLUMN IF EXISTS vector",
    ],
}
CREATE_NEW = {
    "sqlite": [
        """CREATE VIRTUAL TABLE library_search_fts USING fts5(
            title, body, content='library_searchchunk', content_rowid='id', tokenize='ascii')""",
        """CREATE TRIGGER library_search_ai AFTER INSERT ON library_searchchunk BEGIN
            INSERT INTO library_search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
        END""",
        """CREATE TRIGGER library_search_ad AFTER DELETE ON library_searchchunk BEGIN
            INSERT INTO library_search_fts(library_search_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        END""",
        """CREATE TRIGGER library_search_au AFTER UPDATE ON library_searchchunk BEGIN
            INSERT INTO library_search_fts(library_search_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
            INSERT INTO library_search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
        END""",
    ],
    # fastupdate off: new chunks go straight into the index, not into a pending list that every
    # query must scan (and that makes the planner prefer reading every chunk) until a vacuum.
    # Uploads are few; searches are many.
    # Each chunk's tsvector is moved out of the row (TOAST) past 128 bytes: a match reads narrow
    # rows for their resource, and only ranking opens the vectors.
    "postgresql": [
        """CREATE INDEX library_searchchunk_vector_gin ON library_searchchunk
            USING gin (vector) WITH (fastupdate = off)""",
        "ALTER TABLE library_searchchunk SET (toast_tuple_target = 128)",
    ],
}
DROP_NEW = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS library_search_au",
        "DROP TRIGGER IF EXISTS library_search_ad",
        "DROP TRIGGER IF EXISTS library_search_ai",
        "DROP TABLE IF EXISTS library_search_fts",
    ],
    "postgresql": [
        "DROP INDEX IF EXISTS library_searchchunk_vector_gin",
        "ALTER TABLE library_searchchunk RESET (toast_tuple_target)",
    ],
}


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


def reindex(apps, schema_editor):
    from protectnet.library.search.index import chunks, document_text

    Resource = apps.get_model("library", "Resource")
    VersionFile = apps.get_model("library", "VersionFile")
    SearchChunk = apps.get_model("library", "SearchChunk")
    for pk, title, summary in Resource.objects.values_list("pk", "title", "summary").iterator():
        texts = VersionFile.objects.filter(
            version__resource_id=pk, version__is_current=True
        ).order_by("id").values_list("extracted_text", flat=True)
        rows = chunks(pk, title, document_text(summary, list(texts)))
        SearchChunk.objects.bulk_create(
            SearchChunk(
                resource_id=pk, number=r.number, title=r.title, body=r.body, vector=r.vector
            )
            for r in rows
        )


class Migration(migrations.Migration):
    dependencies = [("library", "0003_withdrawal_and_staged_uploads")]

    operations = [
        migrations.RunPython(_run(DROP_OLD), migrations.RunPython.noop),
        migrations.RemoveField(model_name="searchdocument", name="folded"),
        migrations.RemoveField(model_name="searchdocument", name="title_folded"),
        migrations.CreateModel(
            name="SearchChunk",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveIntegerField()),
                ("title", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                (
                    "vector",
                    protectnet.library.models.LexemeField(blank=True, editable=False, null=True),
                ),
                (
                    "resource",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="library.resource",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("resource", "number"), name="library_searchchunk_unique_number"
                    )
                ],
            },
        ),
        migrations.RunPython(_run(CREATE_NEW), _run(DROP_NEW)),
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
