"""The dashboard: only vetted law-enforcement members learn that alerts exist at all. What waits
for their agency (acknowledgements, overdue alerts) and their agency's alerts per month."""

from datetime import datetime, time

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from protectnet.access.policy import can, visible
from protectnet.access.principal import principal_for
from protectnet.core import versions
from protectnet.core.dashboard import Need, Trend, TrendOffer, period_trend

from .models import OPEN, Alert, AlertRecipient
from .selectors import alert_list
from .selectors.stats import VERSION  # what watches Alert and AlertRecipient


def needs(user) -> list[Need]:
    if not can(user, "alerts.view"):
        return []
    figures = _figures(user)
    now = timezone.now()
    overdue = sum(1 for deadline in figures["deadlines"] if deadline < now)
    inbox = reverse("alerts:alert_list")
    return [
        Need(
            _("Alerts awaiting your agency's acknowledgement"),
            figures["awaiting"],
            f"{inbox}?needs=ack",
            10,
        ),
        Need(_("Overdue alerts"), overdue, f"{inbox}?overdue=1", 11),
    ]


def _figures(user) -> dict:
    # The deadlines, not the overdue count, are cached: an alert becomes overdue with the clock,
    # not with a change of data, and comparing a handful of deadlines needs no query.
    return versions.cached(
        VERSION, ("dashboard.needs", principal_for(user).scope), lambda: _count_needs(user)
    )


def _count_needs(user) -> dict:
    waiting = AlertRecipient.objects.filter(
        alert=OuterRef("pk"), acknowledged_at__isnull=True, delivered_at__isnull=False
    )
    open_ = visible(user, Alert.objects.filter(status__in=OPEN, ack_deadline__isnull=False))
    return {
        # The inbox's own filter, so the figure is the number of rows its link shows.
        "awaiting": alert_list(user=user, needs="ack").count(),
        "deadlines": list(open_.filter(Exists(waiting)).values_list("ack_deadline", flat=True)),
    }


def trend(user) -> TrendOffer | None:
    if not can(user, "alerts.view"):
        return None
    return TrendOffer(30, lambda: _trend(user))


def _trend(user) -> Trend:
    return period_trend(
        user,
        title=_("Your agency's alerts per month"),
        series={
            "sent": pgettext("alerts sent by your agency", "Sent"),
            "received": _("Received"),
        },
        version=VERSION,
        count=lambda first: _count_months(user, first),
    )


def _count_months(user, first) -> dict[str, dict[str, int]]:
    since = timezone.make_aware(datetime.combine(first, time.min))
    orgs = list(principal_for(user).le_organisation_ids)
    alerts = visible(user, Alert.objects.filter(sent_at__gte=since))
    mine = AlertRecipient.objects.filter(alert=OuterRef("pk"), organisation_id__in=orgs)
    return {
        "sent": _by_month(alerts.filter(sender_organisation_id__in=orgs)),
        "received": _by_month(alerts.filter(Exists(mine))),
    }


def _by_month(alerts: QuerySet) -> dict[str, int]:
    rows = (
        alerts.annotate(month=TruncMonth("sent_at"))
        .values_list("month")
        .annotate(n=Count("id", distinct=True))
    )
    return {month.strftime("%Y-%m"): n for month, n in rows.order_by()}
