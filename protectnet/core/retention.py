"""Core's retention: delivered messages keep only their metadata, and not for ever."""

from datetime import timedelta

from django.utils import timezone

from .models import OutboundEmail

KEEP_SENT = timedelta(days=30)
KEEP_UNDELIVERED = timedelta(days=90)


def apply_retention() -> str:
    now = timezone.now()
    sent, _ = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.SENT, created_at__lt=now - KEEP_SENT
    ).delete()
    stale, _ = OutboundEmail.objects.filter(
        status__in=[OutboundEmail.Status.FAILED, OutboundEmail.Status.DISCARDED],
        created_at__lt=now - KEEP_UNDELIVERED,
    ).delete()
    return f"{sent} sent and {stale} undelivered emails removed"
