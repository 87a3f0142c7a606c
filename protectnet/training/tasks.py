"""Training's scheduled work: the 3- and 6-month follow-up questionnaires (core/background.py)."""

from datetime import timedelta

from django_tasks import task

from protectnet.core.background import Every

from .services import followups_send


@task()
def training_followups_send() -> int:
    return followups_send()


PERIODIC = (Every(timedelta(hours=1), training_followups_send),)
