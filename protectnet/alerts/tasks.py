"""Alerts' scheduled work: escalation of unacknowledged alerts (see core/background.py)."""

from datetime import timedelta

from django_tasks import task

from protectnet.core.background import Every

from .escalation import escalate_overdue


@task()
def alerts_escalate() -> int:
    return escalate_overdue()


# Deadlines are counted in hours: five minutes late is the most an escalation can be.
PERIODIC = (Every(timedelta(minutes=5), alerts_escalate),)
