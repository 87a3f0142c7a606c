"""Keeping each resource's search document in step with its title, summary and current files.

On SQLite, triggers copy the document into the FTS5 table; on PostgreSQL the tsvector column is
generated. So writing this one row is all the service has to do.
"""

from protectnet.core import versions

from ..models import Resource, SearchDocument, VersionFile
from ..text import fold, normalise

# Enough for ranking and snippets; keeps a PostgreSQL tsvector well under its 1 MB limit.
MAX_DOCUMENT_CHARS = 300_000


def document_text(summary: str, file_texts: list[str]) -> str:
    parts = [t.strip() for t in [summary, *file_texts] if t and t.strip()]
    return normalise("\n\n".join(parts))[:MAX_DOCUMENT_CHARS]


def refresh_resource(resource_id: int) -> None:
    """Rebuild one resource's document from the database (title, summary, current files)."""
    row = Resource.objects.filter(pk=resource_id).values("title", "summary").first()
    if row is None:
        return
    files = list(
        VersionFile.objects.filter(version__resource_id=resource_id, version__is_current=True)
        .order_by("id")
        .values_list("extracted_text", "findings_count")
    )
    text = document_text(row["summary"], [t for t, _ in files])
    SearchDocument.objects.update_or_create(
        resource_id=resource_id,
        defaults={"text": text, "title_folded": fold(row["title"]), "folded": fold(text)},
    )
    Resource.objects.filter(pk=resource_id).update(text_findings=sum(n for _, n in files))
    versions.touched(Resource)  # an update sends no signal; the findings count is cached
