"""Dashboard cards: what is new in the library for this user, and requests awaiting them."""

from datetime import datetime, time, timedelta

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import can, visible
from protectnet.access.principal import principal_for
from protectnet.core import versions
from protectnet.core.dashboard import Card, Need, Trend, TrendOffer, period_trend

from . import selectors
from .models import Resource
from .search.service import VERSION


def cards(user) -> list[Card]:
    if not can(user, "library.resource.view"):
        return []
    counts = _cached_counts(user)
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
        pending = _pending_requests(user)
        if pending:
            result.append(
                Card(
                    title=_("Library access requests"),
                    value=str(pending),
                    detail=_("waiting for your organisation's decision"),
                    url=_inbox_url(),
                    order=41,
                )
            )
    if can(user, "library.findings.view"):
        result.append(
            Card(
                title=_("Terminology findings"),
                value=str(counts["findings"]),
                detail=_("resources whose summary or text uses discouraged terms"),
                url=_findings_url(),
                order=42,
            )
        )
    return result


def _cached_counts(user) -> dict[str, int]:
    # Counting what a reader may open reads every resource: once per version of the library
    # and reader's scope (and day, for "the last 30 days").
    today = timezone.localdate()
    return versions.cached(
        VERSION,
        ("dashboard", principal_for(user).scope, today),
        lambda: _counts(user, today),
    )


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


def needs(user) -> list[Need]:
    found = []
    if can(user, "library.access.inbox"):
        pending = _pending_requests(user)
        found.append(Need(_("Library access requests to decide"), pending, _inbox_url(), 40))
    if can(user, "library.findings.view"):
        findings = _cached_counts(user)["findings"]
        found.append(Need(_("Library findings to review"), findings, _findings_url(), 41))
    return found


def _pending_requests(user) -> int:
    return versions.cached(
        VERSION,
        ("dashboard.requests", principal_for(user).scope),
        lambda: selectors.pending_request_count(user=user),
    )


def _inbox_url() -> str:
    return reverse("library:access_request_inbox")


def _findings_url() -> str:
    return reverse("library:findings_list")


def trend(user) -> TrendOffer | None:
    if not can(user, "library.resource.view"):
        return None
    return TrendOffer(90, lambda: _trend(user))


def _trend(user) -> Trend:
    return period_trend(
        user,
        title=_("Library additions per month"),
        series={"added": _("Resources added")},
        version=VERSION,
        count=lambda first: {"added": _added_by_month(user, first)},
    )


def _added_by_month(user, first) -> dict[str, int]:
    """Resources this reader may open, by the month they were added."""
    since = timezone.make_aware(datetime.combine(first, time.min))
    added = visible(user, Resource.objects.filter(created_at__gte=since))
    months = added.annotate(month=TruncMonth("created_at")).values_list("month")
    return {
        m.strftime("%Y-%m"): n for m, n in months.annotate(n=Count("pk", distinct=True)).order_by()
    }
