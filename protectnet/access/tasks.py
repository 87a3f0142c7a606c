"""The audit log's scheduled sealing: entries written outside a request (a worker, a command)
are sealed into the keyed chain within minutes (see core/background.py)."""

from datetime import timedelta

from django_tasks import task

from protectnet.core.background import Every

from .audit import seal


@task()
def audit_seal() -> int:
    return seal()


PERIODIC = (Every(timedelta(minutes=5), audit_seal),)
