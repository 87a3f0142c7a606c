"""Escalation of alerts not acknowledged by their deadline (run by `manage.py escalate_alerts`).

Idempotent: a recipient agency is escalated once (escalated_at), so the scheduler can run the
command as often as it likes. Each escalation is its own transaction with its emails inside it, so
a mail failure leaves that row unescalated for the next run rather than silently lost.
"""

import logging

from django.db import transaction
from django.utils import timezone

from protectnet.access import audit

from . import notify
from .models import OPEN, AlertRecipient

log = logging.getLogger(__name__)


def due_recipients(now):
    return (
        AlertRecipient.objects.filter(
            alert__status__in=OPEN,
            alert__ack_deadline__lt=now,
            delivered_at__isnull=False,
            acknowledged_at__isnull=True,
            escalated_at__isnull=True,
        )
        .select_related("alert", "alert__created_by")
        .order_by("alert__ack_deadline", "pk")
    )


def escalate_overdue(*, now=None) -> int:
    """Escalate every overdue, unacknowledged recipient agency; return how many were escalated."""
    now = now or timezone.now()
    escalated = 0
    for pending in due_recipients(now):
        with transaction.atomic():
            row = (
                AlertRecipient.objects.select_for_update()
                .filter(pk=pending.pk, escalated_at__isnull=True, acknowledged_at__isnull=True)
                .first()
            )
            if row is None:
                continue  # acknowledged or escalated meanwhile
            row.escalated_at = now
            row.save(update_fields=["escalated_at"])
            alert = pending.alert
            sent = notify.escalation(alert, row.organisation_id)
            audit.record(
                "alerts.alert.escalate",
                obj=alert,
                data={"organisation": row.organisation_id, "notified": sent},
            )
        escalated += 1
    return escalated
