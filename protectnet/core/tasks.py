"""Core's tasks: delivering email, and the periodic jobs that belong to no single app."""

from datetime import timedelta

from django_tasks import task

from . import documents, mail, versions
from .background import Every, enqueue
from .providers import providers


@task()
def email_deliver(email_id: int) -> str:
    return mail.deliver(email_id)


@task()
def document_render(document_id: int, language: str = "") -> str:
    return documents.render(document_id, language)


@task()
def documents_purge() -> int:
    """Rendered PDFs are caches that hold names: a day after they were made they go."""
    return documents.purge_old()


@task()
def emails_retry_due() -> int:
    """Queue again the messages whose wait after a failed attempt is over."""
    due = mail.due_for_retry()
    for pk in due:
        enqueue(email_deliver, pk)
    return len(due)


@task()
def retention_apply() -> dict:
    """Every app's retention rules (`protectnet/<app>/retention.py`), daily."""
    results = {}
    for module in providers("retention"):
        result = module.apply_retention()
        results[module.__name__] = result if isinstance(result, int | str | dict) else "done"
    return results


@task()
def task_results_prune() -> int:
    """Finished tasks are only a log: keep a week of it (failures a month, for whoever looks)."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    old = DBTaskResult.objects.successful().filter(finished_at__lt=now - timedelta(days=7))
    failed = DBTaskResult.objects.failed().filter(finished_at__lt=now - timedelta(days=30))
    return old.delete()[0] + failed.delete()[0]


@task()
def data_changes_prune() -> int:
    """The change log behind cached results needs only its recent rows."""
    return versions.prune()


PERIODIC = (
    Every(timedelta(minutes=1), emails_retry_due),
    Every(timedelta(hours=1), documents_purge),
    Every(timedelta(hours=1), data_changes_prune),
    Every(timedelta(days=1), retention_apply),
    Every(timedelta(days=1), task_results_prune),
)
