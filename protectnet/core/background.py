"""Background work on Django's task framework: queueing, the periodic schedule, lost tasks.

Apps declare their tasks in `protectnet/<app>/tasks.py` with `django_tasks.task`, and the jobs to
run on a schedule in that module's `PERIODIC` (found by `core.providers("tasks")`). A worker
(`manage.py run_worker`) runs the queue and, every `TICK_SECONDS`, enqueues the periodic jobs
that are due. Every task is safe to run twice: a worker that dies mid-task leaves the task
marked running, and the next worker puts it back in the queue once its lease has passed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task_backends
from django_tasks.base import Task

from .providers import providers

log = logging.getLogger(__name__)

TICK_SECONDS = 30
# ScheduledRun rows only need to outlive the longest period.
SCHEDULE_MEMORY = timedelta(days=8)


@dataclass(frozen=True)
class Every:
    """Run `task` (which takes no arguments) once per `period`, whatever the number of workers."""

    period: timedelta
    task: Task

    @property
    def name(self) -> str:
        return self.task.module_path


def _is_transactional(backend) -> bool:
    """The database backend writes the task in the caller's transaction; the immediate one runs
    it at once. Any other (RQ) must wait for the commit, or its worker would not see the rows."""
    name = type(backend).__module__
    return name.startswith(("django_tasks_db", "django_tasks.backends.immediate"))


def enqueue(task: Task, *args, **kwargs) -> None:
    """Queue `task(*args, **kwargs)`; arguments are ids and plain values, never model objects."""
    backend = task_backends[task.backend]
    if _is_transactional(backend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs), robust=True)


def periodic_jobs() -> tuple[Every, ...]:
    return tuple(job for module in providers("tasks") for job in getattr(module, "PERIODIC", ()))


def tick(now=None) -> list[str]:
    """Enqueue each periodic job whose current slot no worker has claimed yet."""
    from .models import ScheduledRun

    now = now or timezone.now()
    started = []
    for job in periodic_jobs():
        slot = int(now.timestamp()) // max(1, int(job.period.total_seconds()))
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(name=job.name, slot=slot)
                enqueue(job.task)
        except IntegrityError:
            continue  # another worker has it
        started.append(job.name)
    ScheduledRun.objects.filter(enqueued_at__lt=now - SCHEDULE_MEMORY).delete()
    return started


def uses_rq() -> bool:
    return type(task_backends["default"]).__module__.startswith("django_tasks_rq")


def requeue_lost(now=None) -> int:
    """Put back in the queue the tasks whose worker stopped answering (killed, machine lost)."""
    if uses_rq():
        return _requeue_abandoned_rq(now)
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    cutoff = (now or timezone.now()) - timedelta(seconds=settings.TASK_LEASE_SECONDS)
    lost = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
    count = lost.update(status=TaskResultStatus.READY, started_at=None)
    if count:
        log.warning("put %s task(s) of a lost worker back in the queue", count)
    return count


def _requeue_abandoned_rq(now=None) -> int:
    """RQ's part: a job whose worker stopped sending heartbeats for longer than its timeout is
    "abandoned"; RQ files it among the failed ones, and here it goes back in the queue, as a
    lost task of the database backend does (every task is safe to run twice)."""
    import django_rq
    from django_tasks_rq import Job
    from rq.registry import FailedJobRegistry, StartedJobRegistry

    queue = django_rq.get_queue("default", job_class=Job)
    StartedJobRegistry(queue=queue).cleanup(timestamp=now.timestamp() if now else None)
    failed = FailedJobRegistry(queue=queue)
    count = 0
    for job in Job.fetch_many(failed.get_job_ids(), connection=queue.connection):
        result = job.latest_result() if job is not None else None
        if result is not None and "AbandonedJobError" in (result.exc_string or ""):
            failed.requeue(job)
            count += 1
    if count:
        log.warning("put %s task(s) of a lost RQ worker back in the queue", count)
    return count
