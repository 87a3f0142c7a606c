"""Retention: a closed (or retracted) alert's personal data is purged after ALERT_RETENTION_DAYS.

What stays are the statistics fields: type, origin and destination countries, dates, time to
acknowledgement and outcomes. `apply_retention()` is called by `manage.py apply_retention`.
Abandoned drafts are purged on the same schedule, counted from their creation.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from protectnet.access import audit

from .models import Alert, AlertRecipient, Status


def due_for_purge(now):
    cutoff = now - timedelta(days=settings.ALERT_RETENTION_DAYS)
    return Alert.objects.filter(
        Q(status=Status.CLOSED, closed_at__lt=cutoff)
        | Q(status=Status.RETRACTED, retracted_at__lt=cutoff)
        | Q(status=Status.DRAFT, created_at__lt=cutoff)
    ).order_by("pk")


def purge_alert(alert: Alert, *, now) -> None:
    """Remove content and everything naming a person; keep the statistics fields."""
    with transaction.atomic():
        alert.replies.all().delete()
        alert.attachments.all().delete()
        alert.reads.all().delete()
        alert.named_people.clear()
        alert.shares.all().delete()
        AlertRecipient.objects.filter(alert=alert).update(acknowledged_by=None, outcome_by=None)
        previous = alert.status
        alert.subject_ciphertext = alert.summary_ciphertext = ""
        alert.status, alert.purged_at = Status.PURGED, now
        alert.created_by = alert.approved_by = alert.retracted_by = None
        alert.save(
            update_fields=[
                "subject_ciphertext",
                "summary_ciphertext",
                "status",
                "purged_at",
                "created_by",
                "approved_by",
                "retracted_by",
            ]
        )
        audit.record("alerts.alert.purge", obj=alert, data={"previous_status": previous})


def apply_retention(*, now=None) -> int:
    """Purge every alert past its retention period; return how many were purged."""
    now = now or timezone.now()
    count = 0
    for alert in due_for_purge(now).only("pk", "status", "reference").iterator(chunk_size=200):
        purge_alert(alert, now=now)
        count += 1
    return count
