"""Dashboard cards: what is new in the library for this user, and requests awaiting them."""

from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import can, visible
from protectnet.access.principal import principal_for
from protectnet.core import versions
from protectnet.core.dashboard import Card

from . import selectors
from .models import Resource
from .search.service import VERSION


def cards(user) -> list[Card]:
    if not can(user, "library.resource.view"):
        return []
    today = timezone.localdate()
    # Counting what a reader may open reads every resource: once per version of the library
    # and reader's scope (and day, for "the last 30 days").
    counts = versions.cached(
        VERSION,
        ("dashboard", principal_for(user).scope, today),
        lambda: _counts(user, today),
    )
    result = [
        Card(
            title=_("Library"),
            value=str(counts["readable"]),
            detail=_("%(n)s added in the last 30 days") % {"n": counts["recent"]},
            url=reverse("library:resource_list"),
            order=40,
        )
    ]
    if can(user, "library.access.inbox"):
        pending = selectors.pending_request_count(user=user)
        if pending:
            result.append(
                Card(
                    title=_("Library access requests"),
                    value=str(pending),
                    detail=_("waiting for your organisation's decision"),
                    url=reverse("library:access_request_inbox"),
                    order=41,
                )
            )
    if can(user, "library.findings.view"):
        result.append(
            Card(
                title=_("Terminology findings"),
                value=str(counts["findings"]),
                detail=_("resources whose summary or text uses discouraged terms"),
                url=reverse("library:findings_list"),
                order=42,
            )
        )
    return result


def _counts(user, today) -> dict[str, int]:
    # From the start of that local day: comparing the stored datetime directly can use the
    # column as is, where `created_at__date` casts every row (in Python, on SQLite).
    since = timezone.make_aware(datetime.combine(today - timedelta(days=30), time.min))
    readable = visible(user, Resource.objects.all())
    findings = can(user, "library.findings.view")
    return {
        "readable": readable.count(),
        "recent": readable.filter(created_at__gte=since).count(),
        "findings": selectors.findings_list(user=user).count() if findings else 0,
    }
