"""Reads for core's own pages."""

from django.db.models import QuerySet

from protectnet.access.policy import visible

from .models import OutboundEmail

NEEDS_ATTENTION = (OutboundEmail.Status.FAILED, OutboundEmail.Status.RETRYING)


def email_list(*, user, status: str = "") -> QuerySet[OutboundEmail]:
    """Messages the admin may see, newest first; by default the ones that did not go out."""
    emails = visible(user, OutboundEmail.objects.all())
    statuses = [status] if status in OutboundEmail.Status.values else NEEDS_ATTENTION
    return emails.filter(status__in=statuses).defer("body", "html")


def email_for_action(*, user, pk: int) -> OutboundEmail:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(visible(user, OutboundEmail.objects.all()), pk=pk)


def undelivered_count(*, user) -> int:
    return visible(user, OutboundEmail.objects.all()).filter(status__in=NEEDS_ATTENTION).count()
