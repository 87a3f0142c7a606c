"""Dashboard card for admins: recent failed sign-ins and permission denials."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.core.dashboard import Card

from .models import AuditEntry
from .policy import can, visible


def cards(user) -> list[Card]:
    if not can(user, "audit.view"):
        return []
    since = timezone.now() - timedelta(days=1)
    counts = visible(user, AuditEntry.objects.filter(created_at__gte=since)).aggregate(
        failed=Count("id", filter=Q(action="auth.sign_in_failed")),
        denied=Count("id", filter=Q(action="access.denied")),
    )
    return [
        Card(
            title=_("Security, last 24 hours"),
            value=str(counts["failed"] + counts["denied"]),
            detail=_("%(failed)s failed sign-ins, %(denied)s refused requests")
            % {"failed": counts["failed"], "denied": counts["denied"]},
            url=reverse("access:audit_list") + f"?date_from={since.date().isoformat()}",
            order=950,
        )
    ]
