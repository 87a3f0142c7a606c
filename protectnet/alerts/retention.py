"""Retention: a closed (or retracted) alert's personal data is purged after ALERT_RETENTION_DAYS.

What stays are the statistics fields: type, origin and destination countries, dates, time to
acknowledgement and outcomes. `apply_retention()` is called by `manage.py apply_retention`.
Abandoned drafts are purged on the same schedule, counted from their creation.

Selection is by data, not only by status: an alert already marked purged that holds personal
data again (content, a reply, a file, a read, a named person, a share or a person on a
recipient row written after the purge) is purged again at the next run; a purged alert holding
nothing is never touched again, so a second run writes nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from protectnet.access import audit

from .models import (
    Alert,
    AlertAttachment,
    AlertRead,
    AlertRecipient,
    AlertReply,
    AlertShare,
    Status,
)


def _child(model, extra: Q | None = None) -> Exists:
    return Exists(model.objects.filter(extra or Q(), alert=OuterRef("pk")))


def holds_personal_data() -> Q:
    """What a purge removes, tested by the data itself (ciphertext columns: empty or not)."""
    people = Q(acknowledged_by__isnull=False) | Q(outcome_by__isnull=False)
    return (
        ~Q(subject_ciphertext="")
        | ~Q(summary_ciphertext="")
        | Q(created_by__isnull=False)
        | Q(approved_by__isnull=False)
        | Q(retracted_by__isnull=False)
        | Q(Exists(Alert.named_people.through.objects.filter(alert=OuterRef("pk"))))
        | Q(_child(AlertReply))
        | Q(_child(AlertAttachment))
        | Q(_child(AlertRead))
        | Q(_child(AlertShare))
        | Q(_child(AlertRecipient, people))
    )


def due_for_purge(now):
    cutoff = now - timedelta(days=settings.ALERT_RETENTION_DAYS)
    return Alert.objects.filter(
        Q(status=Status.CLOSED, closed_at__lt=cutoff)
        | Q(status=Status.RETRACTED, retracted_at__lt=cutoff)
        | Q(status=Status.DRAFT, created_at__lt=cutoff)
        | (Q(status=Status.PURGED) & holds_personal_data())
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
