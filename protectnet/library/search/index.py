"""Keeping each resource's index in step with its title, summary and current files.

The whole text goes through the one text pipeline (core/text.py) and is stored as index keys in
chunks: nothing is cut, a 2,000-page report is found by its last word. On SQLite, triggers copy
each chunk into the FTS5 table; on PostgreSQL each chunk carries its tsvector.
"""

from django.db import connection, transaction

from protectnet.core import multilingual, versions
from protectnet.core import text as pipeline

from ..models import Resource, SearchChunk, SearchDocument, VersionFile

# PostgreSQL keeps word positions up to 16,383 in a tsvector: a chunk stays below that, so
# phrases are matched by exact positions on both databases.
CHUNK_KEYS = 16_000
# Each chunk repeats the last words of the one before: a phrase across the cut is still found.
OVERLAP = 16
# Snippets are cut from this much of the text; search itself reads every word.
SNIPPET_CHARS = 300_000
MAX_TITLE_KEYS = 300


def document_text(summary: str, file_texts: list[str]) -> str:
    parts = [t.strip() for t in [summary, *file_texts] if t and t.strip()]
    return pipeline.normalise("\n\n".join(parts))


def _lexemes(title: list[str], body: list[str]) -> str:
    """A tsvector literal: title words weighted A, a gap, then the body's words."""
    places: dict[str, list[str]] = {}
    for position, key in enumerate(title, 1):
        places.setdefault(key, []).append(f"{position}A")
    for position, key in enumerate(body, len(title) + 2):
        places.setdefault(key, []).append(str(position))
    # A lexeme keeps at most 256 positions; more would be dropped by PostgreSQL anyway.
    return " ".join(
        "'" + key.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(spots[:256])
        for key, spots in places.items()
    )


def _chunk(resource_id: int, number: int, title: list[str], body: list[str]) -> SearchChunk:
    if connection.vendor == "postgresql":
        # The tsvector is all PostgreSQL reads: the words as text would only widen every row
        # the index points to.
        return SearchChunk(resource_id=resource_id, number=number, vector=_lexemes(title, body))
    return SearchChunk(
        resource_id=resource_id, number=number, title=" ".join(title), body=" ".join(body)
    )


def chunks(resource_id: int, title: str, text: str) -> list[SearchChunk]:
    """The index rows of one resource (unsaved)."""
    title_keys = pipeline.keys(title)[:MAX_TITLE_KEYS]
    body_keys = pipeline.keys(text)
    rows, start, number = [], 0, 0
    while True:
        part = body_keys[start : start + CHUNK_KEYS]
        head = title_keys if number == 0 else []
        rows.append(_chunk(resource_id, number, head, part))
        start += CHUNK_KEYS - OVERLAP
        number += 1
        if start + OVERLAP >= len(body_keys):
            return rows


def _in_every_language(row: dict, name: str) -> str:
    """The original and each translation once, so a reader finds it in any of them."""
    found = [row[multilingual.column(name, lang)] for lang in multilingual.languages()]
    return "\n".join(dict.fromkeys(t.strip() for t in found if t and t.strip()))


def refresh_resource(resource_id: int) -> None:
    """Rebuild one resource's index from the database (title, summary, current files)."""
    columns = [
        multilingual.column(n, lang)
        for n in ("title", "summary")
        for lang in multilingual.languages()
    ]
    found = Resource.objects.filter(pk=resource_id).values(*columns).first()
    if found is None:
        return
    row = {n: _in_every_language(found, n) for n in ("title", "summary")}
    files = list(
        VersionFile.objects.filter(version__resource_id=resource_id, version__is_current=True)
        .order_by("id")
        .values_list("extracted_text", "findings_count")
    )
    text = document_text(row["summary"], [t for t, _ in files])
    rows = chunks(resource_id, row["title"], text)
    with transaction.atomic():
        SearchDocument.objects.update_or_create(
            resource_id=resource_id, defaults={"text": text[:SNIPPET_CHARS]}
        )
        SearchChunk.objects.filter(resource_id=resource_id).delete()
        SearchChunk.objects.bulk_create(rows)
        Resource.objects.filter(pk=resource_id).update(text_findings=sum(n for _, n in files))
    versions.touched(Resource)  # an update sends no signal; the findings count is cached
