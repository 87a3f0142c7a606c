"""The directory's scheduled work (run by `manage.py run_worker`, see core/background.py)."""

from datetime import timedelta

from django_tasks import task

from protectnet.core.background import Every

from .importer import purge_stale_previews


@task()
def import_previews_purge() -> int:
    return purge_stale_previews()


PERIODIC = (Every(timedelta(hours=1), import_previews_purge),)
