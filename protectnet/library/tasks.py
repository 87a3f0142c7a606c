"""The library's background work: reading uploaded files for search, and clearing abandoned
staged uploads (see core/background.py)."""

from datetime import timedelta

from django_tasks import task

from protectnet.core.background import Every

from .extraction import extract_one, extract_pending
from .staging import purge_expired


@task()
def file_extract(file_id: int) -> str:
    """Queued right after an upload too big to read inside the request."""
    return extract_one(file_id)


@task()
def pending_files_extract() -> dict:
    """Catches what a queue lost or a restore brought back."""
    return extract_pending(limit=200)


@task()
def staged_uploads_purge() -> int:
    return purge_expired()


PERIODIC = (
    Every(timedelta(minutes=10), pending_files_extract),
    Every(timedelta(hours=1), staged_uploads_purge),
)
