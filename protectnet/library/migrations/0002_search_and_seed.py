"""Search indexes per database, and the languages and topics every installation starts with.

SQLite: an FTS5 table with the trigram tokenizer over library_searchdocument (external content),
kept in sync by triggers, so any script is found by substrings of three characters or more.
PostgreSQL: pg_trgm GIN indexes on the folded text and a stored tsvector ('simple') for ranking.
Each branch runs only on its own database; the other is a no-op.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE library_search_fts USING fts5(
        title_folded, folded,
        content='library_searchdocument', content_rowid='resource_id', tokenize='trigram')""",
    """CREATE TRIGGER library_search_ai AFTER INSERT ON library_searchdocument BEGIN
        INSERT INTO library_search_fts(rowid, title_folded, folded)
        VALUES (new.resource_id, new.title_folded, new.folded);
    END""",
    """CREATE TRIGGER library_search_ad AFTER DELETE ON library_searchdocument BEGIN
        INSERT INTO library_search_fts(library_search_fts, rowid, title_folded, folded)
        VALUES ('delete', old.resource_id, old.title_folded, old.folded);
    END""",
    """CREATE TRIGGER library_search_au AFTER UPDATE ON library_searchdocument BEGIN
        INSERT INTO library_search_fts(library_search_fts, rowid, title_folded, folded)
        VALUES ('delete', old.resource_id, old.title_folded, old.folded);
        INSERT INTO library_search_fts(rowid, title_folded, folded)
        VALUES (new.resource_id, new.title_folded, new.folded);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS library_search_au",
    "DROP TRIGGER IF EXISTS library_search_ad",
    "DROP TRIGGER IF EXISTS library_search_ai",
    "DROP TABLE IF EXISTS library_search_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """ALTER TABLE library_searchdocument ADD COLUMN vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, folded)) STORED""",
    "CREATE INDEX library_search_vector_gin ON library_searchdocument USING gin (vector)",
    """CREATE INDEX library_search_folded_trgm ON library_searchdocument
        USING gin (folded gin_trgm_ops)""",
    """CREATE INDEX library_search_title_trgm ON library_searchdocument
        USING gin (title_folded gin_trgm_ops)""",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS library_search_title_trgm",
    "DROP INDEX IF EXISTS library_search_folded_trgm",
    "DROP INDEX IF EXISTS library_search_vector_gin",
    "ALTER TABLE library_searchdocument DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


LANGUAGES = [
    ("en", "English"),
    ("km", "Khmer"),
    ("th", "Thai"),
    ("vi", "Vietnamese"),
    ("lo", "Lao"),
    ("my", "Burmese"),
    ("fil", "Filipino"),
    ("ms", "Malay"),
    ("id", "Indonesian"),
    ("zh", "Chinese"),
    ("hi", "Hindi"),
    ("ta", "Tamil"),
    ("fr", "French"),
]
TOPICS = [
    ("online-investigations", "Online investigations"),
    ("victim-identification", "Victim identification"),
    ("prevention", "Prevention"),
    ("legislation", "Legislation and policy"),
    ("victim-support", "Victim support and care"),
    ("child-friendly-justice", "Child-friendly justice"),
    ("digital-evidence", "Digital evidence"),
    ("travelling-offenders", "Transnational child sexual offenders"),
    ("education", "Education and awareness"),
    ("cooperation", "International cooperation"),
]


def seed(apps, schema_editor):
    Language = apps.get_model("library", "Language")
    Topic = apps.get_model("library", "Topic")
    for code, name in LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name})
    for slug, name in TOPICS:
        Topic.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
