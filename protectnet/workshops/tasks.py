"""Workshops' scheduled work: outcome follow-up reminders and feedback invitations. Each run
sends a message once only (see the services), so the period only decides how soon."""

from datetime import timedelta

from django_tasks import task

from protectnet.core.background import Every

from .services.feedback import feedback_invitations_send
from .services.outcomes import reminders_send


@task()
def outcome_reminders_send() -> int:
    return reminders_send().sent


@task()
def feedback_invitations_run() -> int:
    return feedback_invitations_send().sent


PERIODIC = (
    Every(timedelta(hours=1), outcome_reminders_send),
    Every(timedelta(hours=1), feedback_invitations_run),
)
