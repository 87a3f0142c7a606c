"""Text extraction: PDF, DOCX, XLSX, PPTX and plain text, run now or later by a command.

Uploads call `extract_file()` at once for small files and queue a task (library/tasks.py) for
big ones; `extract_pending()` catches up on anything left (scheduled, or
`manage.py extract_library_text`). A file that cannot be parsed keeps its
bytes and is flagged (status "failed" with the reason): nothing is lost.
"""

import io
import logging

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from .models import ExtractionStatus, FileKind, VersionFile

log = logging.getLogger(__name__)

# More text than any upload's worth (UPLOAD_MAX_BYTES of plain text): the cap only guards
# against compressed formats that expand without end. A text past it is indexed up to the cap
# and the file says so; nothing is cut silently.
MAX_TEXT_CHARS = 30_000_000
SYNC_EXTRACT_MAX_BYTES = getattr(settings, "LIBRARY_SYNC_EXTRACT_MAX_BYTES", 2 * 1024 * 1024)


class ExtractionError(Exception):
    pass


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise ExtractionError("the PDF is encrypted")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx(data: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    parts = []
    try:
        for sheet in book.worksheets:
            parts.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                cells = [str(v) for v in row if v is not None]
                if cells:
                    parts.append(" ".join(cells))
    finally:
        book.close()
    return "\n".join(parts)


def _pptx(data: bytes) -> str:
    from pptx import Presentation

    deck = Presentation(io.BytesIO(data))
    parts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def _text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


EXTRACTORS = {
    FileKind.PDF: _pdf,
    FileKind.DOCX: _docx,
    FileKind.XLSX: _xlsx,
    FileKind.PPTX: _pptx,
    FileKind.TEXT: _text,
}


def extract_text(kind: str, data: bytes) -> str:
    """The text of a document, or ExtractionError with a reason a person can read."""
    try:
        text = EXTRACTORS[kind](data)
    except ExtractionError:
        raise
    except Exception as exc:  # noqa: BLE001 - every parser failure means "could not be read"
        raise ExtractionError(f"{type(exc).__name__}: {exc}"[:250]) from exc
    return text.replace("\x00", "")


def _cut_note(text: str) -> str:
    if len(text) <= MAX_TEXT_CHARS:
        return ""
    return _("Only the first %(n)s characters of this file's text are searchable.") % {
        "n": f"{MAX_TEXT_CHARS:,}"
    }


def count_findings(text: str) -> int:
    if not text:
        return 0
    from protectnet.terminology.services import check_text

    return len(check_text(text))


def extract_file(file: VersionFile) -> VersionFile:
    """Extract one file, store the text and its findings count, refresh the search document."""
    from . import uploads
    from .search import index

    try:
        data = uploads.read_stored(file.stored_name)
        text = extract_text(file.kind, data)
    except (ExtractionError, OSError) as exc:
        file.extraction_status = ExtractionStatus.FAILED
        file.extraction_error = str(exc)[:300]
        file.extracted_text = ""
        file.findings_count = 0
    else:
        file.extraction_status = ExtractionStatus.DONE
        file.extraction_error = _cut_note(text)
        file.extracted_text = text[:MAX_TEXT_CHARS]
        file.findings_count = count_findings(text)
    with transaction.atomic():
        file.save(
            update_fields=[
                "extraction_status",
                "extraction_error",
                "extracted_text",
                "findings_count",
            ]
        )
        index.refresh_resource(file.version.resource_id)
    return file


def extract_one(file_id: int) -> str:
    """Extract one file if it is still waiting (a task may run twice, or after the command)."""
    file = (
        VersionFile.objects.select_related("version")
        .filter(pk=file_id, extraction_status=ExtractionStatus.PENDING)
        .first()
    )
    if file is None:
        return "nothing to do"
    return extract_file(file).extraction_status


def extract_pending(*, limit: int | None = None) -> dict:
    """Extract every file still waiting; safe to run again, or from a queue worker."""
    queryset = VersionFile.objects.filter(extraction_status=ExtractionStatus.PENDING).order_by("id")
    ids = list(
        queryset.values_list("id", flat=True)[:limit]
        if limit
        else queryset.values_list("id", flat=True)
    )
    counts = {"done": 0, "failed": 0}
    for pk in ids:
        file = (
            VersionFile.objects.select_related("version")
            .filter(pk=pk, extraction_status=ExtractionStatus.PENDING)
            .first()
        )
        if file is None:
            continue  # another worker took it
        extract_file(file)
        counts["done" if file.extraction_status == ExtractionStatus.DONE else "failed"] += 1
    return counts
